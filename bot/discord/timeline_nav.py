"""Finding one's way in the timeline: where it opens, a select to jump, no doubled entries.

The full timeline runs from 2012 (Murati's degree) to September 2024 over a dozen pages; the
saga is the board crisis in the middle. So /timeline opens on the crisis (the month with the
most day-dated events), and a select jumps to a phase (before, during, after the crisis) or
to any month with events. A month's summary ("2023年11月,奥尔特曼被解雇后又被重新聘用") is
left out where the same month's day-dated entries already tell it: every person it names
appears in them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import discord

from bot.discord import i18n
from bot.discord.dates import chinese_date, english_date
from bot.discord.picture import Story, picture_file
from bot.discord.scripts import Reader
from bot.discord.views import Paginator
from bot.engine.answer import TimelineEntry
from bot.factbase.models import Precision
from bot.text import Script, TraditionalVariant

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


class JumpSelect(discord.ui.Select["TimelinePaginator"]):
    def __init__(self, options: list[Jump], placeholder: str) -> None:
        super().__init__(
            placeholder=placeholder,
            options=[discord.SelectOption(label=jump.label, value=str(i)) for i, jump in enumerate(options)],
            row=1,
        )
        self.jumps = options

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        assert self.view is not None
        await self.view.jump_to(interaction, self.jumps[int(self.values[0])].page)


class PictureButton(discord.ui.Button["TimelinePaginator"]):
    """Draws the timeline picture (off the event loop) and posts it under the text answer."""

    def __init__(self, picture: Story, reader: Reader, highlight: str | None = None) -> None:
        super().__init__(
            label=reader(i18n.PICTURE_BUTTON), emoji="🖼️", style=discord.ButtonStyle.secondary, row=2
        )
        self.picture, self.reader, self.highlight = picture, reader, highlight

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(thinking=True)
        reader = self.reader
        file = await picture_file(self.picture, reader.script, reader.variant, reader.english, self.highlight)
        await interaction.followup.send(file=file)


class TimelinePaginator(Paginator):
    """The pager, opening on `start`, with a select to jump by phase or month and a picture button."""

    def __init__(
        self,
        pages: Sequence[discord.Embed],
        *,
        invoker_id: int,
        script: Script,
        variant: TraditionalVariant,
        start: int = 0,
        targets: list[Jump] | None = None,
        placeholder: str = "",
        picture: PictureButton | None = None,
    ) -> None:
        super().__init__(pages, invoker_id=invoker_id, script=script, variant=variant)
        self.index = max(0, min(start, len(self.pages) - 1))
        self._update_buttons()
        if targets and len(self.pages) > 1:
            self.add_item(JumpSelect(targets, placeholder))
        self.picture = picture
        if picture is not None:
            self.add_item(picture)

    async def send(self, interaction: discord.Interaction[Any]) -> None:
        """As the pager sends, but one page with a picture button keeps the button (alone)."""
        if len(self.pages) > 1 or self.picture is None:
            await super().send(interaction)
            return
        for item in [i for i in self.children if i is not self.picture]:
            self.remove_item(item)
        await interaction.response.send_message(embed=self.current, view=self)
        self.message = await interaction.original_response()

    async def jump_to(self, interaction: discord.Interaction[Any], page: int) -> None:
        await self._show(interaction, page)

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Select):
                item.disabled = True  # greyed out with the buttons
        await super().on_timeout()
