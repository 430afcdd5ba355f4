"""A picture of who did what when: the four days of the board crisis and the 2024 departures.

Drawn with Pillow in the reader's script (labels in English for an English reader; names
always as the articles write them, in the reader's script), with a CJK font that ships in the
package: Noto Sans CJK SC (SIL Open Font License, bot/assets/OFL.txt) cut down to the glyphs
the picture can need by tools/build_font.py. Rendering takes tens of milliseconds of CPU, so
the cogs run it in a thread, off the event loop.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import discord
from PIL import Image, ImageDraw, ImageFont

from bot.discord import i18n
from bot.discord.dates import chinese_date, english_date
from bot.engine.answer import Engine, TimelineEntry
from bot.factbase.models import Precision
from bot.text import Script, TraditionalVariant, to_script

FONT_FILE = "NotoSansCJKsc-saga-subset.otf"
WIDTH = 1000
MARGIN = 32
BACKGROUND = (255, 255, 255)
INK = (32, 33, 36)
MUTED = (110, 113, 118)
ACCENT = (16, 163, 127)  # the answer embeds' colour
HIGHLIGHT = (255, 236, 179)
MAX_NAMES_PER_COLUMN = 8


def font_path() -> Path:
    return Path(str(resources.files("bot") / "assets" / FONT_FILE))


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path()), size)


@dataclass(frozen=True, slots=True)
class Column:
    """One day of the crisis, or one month of departures: its date and the people in it."""

    date: str  # partial ISO
    people: tuple[str, ...]  # canonical names, simplified


@dataclass(frozen=True, slots=True)
class Story:
    """What the picture shows, in canonical (simplified) names; the reader's script comes later."""

    crisis: tuple[Column, ...]
    departures: tuple[Column, ...]


def _in_order(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def story(engine: Engine) -> Story:
    """The crisis: the longest run of consecutive days in the month with the most day-dated
    events, with the people in each day's events. The departures: people whose every role at
    an organisation ended, by the month the last one ended (2024 or later)."""
    entries = engine.timeline()
    crisis = _crisis_days(entries)
    departures: dict[str, list[str]] = {}
    for entity in engine.base.entities.values():
        if entity.kind != "person":
            continue
        by_org: dict[str | None, list[str | None]] = {}
        for role in entity.roles:
            by_org.setdefault(role.org, []).append(role.end)
        for ends in by_org.values():
            if any(end is None for end in ends):
                continue  # still there (Mark Chen's new role): not a departure
            last = max(end for end in ends if end is not None)
            # Departures dated to the month; a year alone cannot be placed on the axis.
            if len(last) == 7 and last >= "2024" and entity.name not in departures.get(last, []):
                departures.setdefault(last, []).append(entity.name)
    return Story(
        crisis=crisis,
        departures=tuple(Column(month, _in_order(names)) for month, names in sorted(departures.items())),
    )


def _crisis_days(entries: Sequence[TimelineEntry]) -> tuple[Column, ...]:
    by_day: dict[str, list[str]] = {}
    for entry in entries:
        if entry.precision is Precision.DAY:
            by_day.setdefault(entry.date, []).extend(entry.people)
    if not by_day:
        return ()
    months: dict[str, int] = {}
    for day in by_day:
        months[day[:7]] = months.get(day[:7], 0) + 1
    month = max(months, key=lambda m: months[m])
    days = sorted(d for d in by_day if d.startswith(month))
    # The longest run of consecutive days: the crisis itself, not the conference days before.
    best: list[str] = []
    run: list[str] = []
    for day in days:
        if run and int(day[8:]) != int(run[-1][8:]) + 1:
            run = []
        run.append(day)
        if len(run) > len(best):
            best = list(run)
    return tuple(Column(day, _in_order(by_day[day])) for day in best)


# -- the words on the picture ---------------------------------------------------------------


def _date_label(value: str, script: Script, variant: TraditionalVariant, english: bool) -> str:
    if english:
        return english_date(value)
    return to_script(chinese_date(value), script, variant)


def picture_texts(
    picture: Story, script: Script, variant: TraditionalVariant, english: bool
) -> tuple[str, str, str, list[tuple[str, list[str]]], list[tuple[str, list[str]]]]:
    """Title, the two panel headings, and each column's heading and names, for one reader."""

    def lab(text: str) -> str:
        return i18n.ENGLISH.get(text, text) if english else i18n.chinese_label(text, script, variant)

    def names(column: Column) -> list[str]:
        return [to_script(name, script, variant) for name in column.people]

    crisis = [(_date_label(c.date, script, variant, english), names(c)) for c in picture.crisis]
    departures = [(_date_label(c.date, script, variant, english), names(c)) for c in picture.departures]
    return lab(i18n.PICTURE_TITLE), lab(i18n.PICTURE_CRISIS), lab(i18n.PICTURE_DEPARTURES), crisis, departures


def needed_characters(engine: Engine) -> set[str]:
    """Every character the picture can draw, for every reader: what the font must hold."""
    picture = story(engine)
    needed: set[str] = set()
    readers: list[tuple[Script, TraditionalVariant, bool]] = [
        ("simplified", "tw", False),
        ("traditional", "tw", False),
        ("traditional", "hk", False),
        ("simplified", "tw", True),
        ("traditional", "tw", True),
        ("traditional", "hk", True),
    ]
    for script, variant, english in readers:
        title, crisis, departures, days, months = picture_texts(picture, script, variant, english)
        needed.update(title + crisis + departures)
        for heading, people in (*days, *months):
            needed.update(heading + "".join(people))
    needed.update("0123456789 ·…")
    return {char for char in needed if char == " " or not char.isspace()}


def alt_text(picture: Story, script: Script, variant: TraditionalVariant, english: bool) -> str:
    """What the picture shows, for screen readers (Discord's attachment description, ≤ 1024)."""
    title, crisis, departures, days, months = picture_texts(picture, script, variant, english)
    separator = ", " if english else "、"
    parts = [f"{heading}: {separator.join(people)}" for heading, people in days]
    later = [f"{heading}: {separator.join(people)}" for heading, people in months]
    text = f"{title}. {crisis}: " + "; ".join(parts) + f". {departures}: " + "; ".join(later) + "."
    return text[:1024]


# -- drawing --------------------------------------------------------------------------------


def render_png(
    picture: Story,
    script: Script,
    variant: TraditionalVariant,
    english: bool = False,
    highlight: str | None = None,
) -> bytes:
    """The picture as PNG bytes; `highlight` (a canonical name) is marked wherever it appears."""
    title, crisis_heading, departures_heading, days, months = picture_texts(picture, script, variant, english)
    shown_highlight = to_script(highlight, script, variant) if highlight else None
    fonts = {size: _font(size) for size in (30, 22, 19, 17)}
    rows = max([len(people) for _, people in (*days, *months)] + [1])
    rows = min(rows, MAX_NAMES_PER_COLUMN)
    panel_height = 88 + rows * 28 + 12
    height = MARGIN * 2 + 50 + 2 * panel_height + 20
    image = Image.new("RGB", (WIDTH, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.text((MARGIN, MARGIN), title, font=fonts[30], fill=INK)
    top = MARGIN + 56
    for heading, columns in ((crisis_heading, days), (departures_heading, months)):
        _panel(draw, fonts, top, heading, columns, shown_highlight)
        top += panel_height + 20
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _panel(
    draw: ImageDraw.ImageDraw,
    fonts: dict[int, ImageFont.FreeTypeFont],
    top: int,
    heading: str,
    columns: list[tuple[str, list[str]]],
    highlight: str | None,
) -> None:
    draw.text((MARGIN, top), heading, font=fonts[22], fill=ACCENT)
    if not columns:
        return
    axis = top + 72  # dates above the axis, names below it
    width = (WIDTH - 2 * MARGIN) // len(columns)
    draw.line((MARGIN, axis, WIDTH - MARGIN, axis), fill=MUTED, width=2)
    for index, (label, people) in enumerate(columns):
        left = MARGIN + index * width
        draw.ellipse((left + 4, axis - 6, left + 16, axis + 6), fill=ACCENT)
        draw.text((left + 4, axis - 34), _fit(draw, label, fonts[19], width - 8), font=fonts[19], fill=INK)
        shown = people[:MAX_NAMES_PER_COLUMN]
        if len(people) > MAX_NAMES_PER_COLUMN:
            shown[-1] = "…"
        for row, name in enumerate(shown):
            y = axis + 14 + row * 28
            text = _fit(draw, name, fonts[17], width - 30)
            if highlight is not None and name == highlight:
                box = draw.textbbox((left + 22, y), text, font=fonts[17])
                draw.rectangle((box[0] - 4, box[1] - 3, box[2] + 4, box[3] + 3), fill=HIGHLIGHT)
            draw.text((left + 22, y), text, font=fonts[17], fill=INK)


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """`text`, cut with "…" to fit `width` pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


async def picture_file(
    picture: Story, script: Script, variant: TraditionalVariant, english: bool, highlight: str | None = None
) -> discord.File:
    """The picture as an attachment with its alt text, drawn in a thread (off the event loop)."""
    png = await asyncio.to_thread(render_png, picture, script, variant, english, highlight)
    return discord.File(
        io.BytesIO(png), filename="saga-timeline.png", description=alt_text(picture, script, variant, english)
    )


def shows(picture: Story, name: str) -> bool:
    """Whether the person (canonical name) is in the picture."""
    return any(name in column.people for column in (*picture.crisis, *picture.departures))
