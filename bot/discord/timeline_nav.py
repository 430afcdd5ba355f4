"""Finding one's way in the timeline: where it opens, a select to jump, no doubled entries.

The full timeline runs from 2012 (Murati's degree) to September 2024 over a dozen pages; the
saga is the board crisis in the middle. So /timeline opens on the crisis (the month with the
most day-dated events), and a select jumps to a phase (before, during, after the crisis) or
to any month with events. A month's summary ("2023年11月,奥尔特曼被解雇后又被重新聘用") is
left out where the same month's day-dated entries already tell it: every person it names
appears in them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import discord

from bot.discord import i18n
from bot.discord.dates import chinese_date, english_date
from bot.discord.picture import Story, picture_file, shows, story
from bot.discord.scripts import Reader
from bot.discord.views import (
    CODE_SCRIPT,
    CUSTOM_ID_LIMIT,
    SCRIPT_CODE,
    JumpSelect,
    PageState,
    ReportsErrors,
    invoker_only,
    presser_reader,
)
from bot.engine.answer import Engine, TimelineEntry
from bot.factbase.models import Precision
from bot.text import Script

MAX_OPTIONS = 25  # Discord's limit for a select


def without_doubled_summaries(entries: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """`entries` without the month summaries that the same month's day entries already tell."""
    people_by_month: dict[str, set[str]] = {}
    for entry in entries:
        if entry.precision is Precision.DAY:
            people_by_month.setdefault(entry.date[:7], set()).update(entry.people)
    kept = []
    for entry in entries:
        told = people_by_month.get(entry.date)
        if entry.precision is Precision.MONTH and entry.people and told and set(entry.people) <= told:
            continue
        kept.append(entry)
    return kept


def crisis_month(entries: Sequence[TimelineEntry]) -> str | None:
    """The month with the most day-dated events: where the story is."""
    months = Counter(e.date[:7] for e in entries if e.precision is Precision.DAY)
    return months.most_common(1)[0][0] if months else None


def page_dates(page: discord.Embed) -> list[str]:
    """The dates of a timeline page's entries (each field is named "date · people")."""
    return [(field.name or "").split(" ", 1)[0] for field in page.fields]


def first_page(pages: Sequence[discord.Embed], test: Any) -> int | None:
    """The first page with an entry whose date passes `test`."""
    for index, page in enumerate(pages):
        if any(test(d) for d in page_dates(page)):
            return index
    return None


@dataclass(frozen=True, slots=True)
class Jump:
    label: str
    page: int


def jumps(pages: Sequence[discord.Embed], crisis: str | None, reader: Reader) -> list[Jump]:
    """The phases (before, during and after the crisis) and every month with entries, each
    with the page it starts on."""
    found: list[Jump] = []
    if crisis is not None:
        phases = (
            (i18n.PHASE_BEFORE, lambda d: d[:7] < crisis),
            (i18n.PHASE_CRISIS, lambda d: d[:7] == crisis),
            (i18n.PHASE_AFTER, lambda d: d[:7] > crisis),
        )
        for label, test in phases:
            page = first_page(pages, test)
            if page is not None:
                found.append(Jump(reader(label), page))
    months = sorted({d[:7] for page in pages for d in page_dates(page) if len(d) >= 7})
    for month in months:
        page = first_page(pages, lambda d, m=month: d.startswith(m))
        if page is not None:
            found.append(Jump(english_date(month) if reader.english else chinese_date(month), page))
    return found[:MAX_OPTIONS]


def jump_select(
    state: PageState, pages: Sequence[discord.Embed], crisis: str | None, reader: Reader
) -> list[discord.ui.Item[Any]]:
    """The select to jump by phase or month, for a listing of more than one page."""
    targets = jumps(pages, crisis, reader)
    if len(pages) <= 1 or not targets or not JumpSelect.fits(state):
        return []
    options = [discord.SelectOption(label=jump.label, value=str(jump.page)) for jump in targets]
    return [JumpSelect(state, options, reader(i18n.JUMP_TO))]


_stories: dict[int, tuple[Engine, Story, str | None]] = {}


def story_of(engine: Engine) -> tuple[Story, str | None]:
    """The picture's story and the crisis month of `engine`'s timeline, computed once per engine."""
    cached = _stories.get(id(engine))
    if cached is None or cached[0] is not engine:
        cached = (engine, story(engine), crisis_month(engine.timeline()))
        _stories[id(engine)] = cached
    return cached[1], cached[2]


class PictureButton(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"saga:pic:(?P<invoker>\d+):(?P<script>[st]):(?P<person>[a-z0-9_-]*)",
):
    """Draws the timeline picture (off the event loop) and posts it under the text answer;
    `person_id`, when given, is marked in it. Only the invoker of the listing may press."""

    def __init__(
        self, invoker_id: int, script: Script, person_id: str, label: str = i18n.PICTURE_BUTTON
    ) -> None:
        self.invoker_id, self.script, self.person_id = invoker_id, script, person_id
        super().__init__(
            discord.ui.Button(
                label=label,
                emoji="🖼️",
                style=discord.ButtonStyle.secondary,
                custom_id=f"saga:pic:{invoker_id}:{SCRIPT_CODE[script]}:{person_id}",
                row=2,
            )
        )

    @classmethod
    def fits(cls, invoker_id: int, person_id: str) -> bool:
        return len(f"saga:pic:{invoker_id}:s:{person_id}") <= CUSTOM_ID_LIMIT and bool(
            re.fullmatch(r"[a-z0-9_-]*", person_id)
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PictureButton:
        return cls(int(match["invoker"]), CODE_SCRIPT[match["script"]], match["person"])

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        state = PageState("picture", "", self.invoker_id, self.script)
        return await invoker_only(interaction, state)

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        engine: Engine = interaction.client.engine
        entity = engine.base.entities.get(self.person_id) if self.person_id else None
        await interaction.response.defer(thinking=True)
        reader = await presser_reader(interaction, self.script)
        picture, _crisis = story_of(engine)
        highlight = entity.name if entity is not None else None
        file = await picture_file(picture, reader.script, reader.variant, reader.english, highlight)
        await interaction.followup.send(file=file)


def picture_button(
    engine: Engine, state: PageState, person_id: str, reader: Reader
) -> list[discord.ui.Item[Any]]:
    """The picture button, when the person (if any) is in the picture."""
    entity = engine.base.entities.get(person_id) if person_id else None
    if person_id and (entity is None or not shows(story_of(engine)[0], entity.name)):
        return []
    if not PictureButton.fits(state.invoker_id, person_id):
        return []
    return [PictureButton(state.invoker_id, state.script, person_id, reader(i18n.PICTURE_BUTTON))]
