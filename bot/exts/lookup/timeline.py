"""/timeline (events in date order, by person and dates) and /on (one day or month).

Dates are accepted as people type them (bot/discord/dates.py): 2023-11-17, 2023年11月17日,
11月17日, 2023年11月; a date without a year takes the one the timeline implies, and the user
is asked when several would do. Both commands autocomplete the days and months with events.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import i18n
from bot.discord.client import SagaBot
from bot.discord.dates import (
    AmbiguousDate,
    DateError,
    chinese_date,
    date_choices,
    english_date,
    event_dates,
    resolve,
)
from bot.discord.render import timeline_pages
from bot.discord.scripts import Reader, in_variant, interaction_reader
from bot.discord.timeline_nav import (
    first_page,
    jump_select,
    picture_button,
    story_of,
    without_doubled_summaries,
)
from bot.discord.views import PageState, register_pages, send_pages
from bot.engine import labels
from bot.engine.answer import BadDate, Engine, TimelineEntry, UnknownEntity
from bot.exts.lookup.people import autocomplete_people, people, shown_input, unknown_person

Interaction = discord.Interaction[SagaBot]

MAX_CHOICES = 25


def shown_date(value: str, reader: Reader) -> str:
    """A partial ISO date as the reader writes dates."""
    return english_date(value) if reader.english else chinese_date(value)


def date_refusal(error: DateError | AmbiguousDate, reader: Reader) -> str:
    """One line: which years an ambiguous date could be, or the forms a date can take."""
    if isinstance(error, AmbiguousDate):
        options = (" / " if reader.english else "、").join(shown_date(o, reader) for o in error.options)
        return reader(i18n.DATE_AMBIGUOUS, date=shown_input(error.typed), options=options)
    return reader(i18n.DATE_FORMATS, value=shown_input(str(error)))


def _pages(
    engine: Engine, entries: list[TimelineEntry], title: str, empty: str, reader: Reader
) -> list[discord.Embed]:
    """The entries as pages for `reader`, without the month summaries their days already tell."""
    entries = without_doubled_summaries(entries)
    if reader.script == "traditional" and reader.variant != engine.variant:
        entries = [in_variant(entry, reader.variant) for entry in entries]
    return timeline_pages(entries, title, empty, reader.script, reader.variant)


def timeline_source(engine: Engine, key: str, reader: Reader) -> list[discord.Embed]:
    """A timeline's pages from its key: "person id|from|to", each part canonical or empty."""
    person_id, start, end = key.split("|")
    entity = engine.base.entities.get(person_id) if person_id else None
    if person_id and entity is None:  # a person since gone from the fact base: nothing to rebuild
        return []
    entries = engine.timeline(entity.name if entity else None, start or None, end or None, reader.script)
    title = reader(labels.TIMELINE)
    if entity is not None:
        title = f"{reader.text(entity.name)} · {title}"  # as the articles write the name, not as typed
    return _pages(engine, entries, title, reader(labels.TIMELINE_EMPTY), reader)


def timeline_extras(
    engine: Engine, state: PageState, pages: Sequence[discord.Embed], reader: Reader
) -> list[discord.ui.Item[Any]]:
    """A select to jump by phase or month; for the whole story (or a person in it), a button
    for the picture."""
    person_id, start, end = state.key.split("|")
    items = jump_select(state, pages, story_of(engine)[1], reader)
    if not start and not end:
        items += picture_button(engine, state, person_id, reader)
    return items


def on_source(engine: Engine, day: str, reader: Reader) -> list[discord.Embed]:
    """What happened on `day` (a canonical partial date), as pages."""
    shown = shown_date(day, reader)
    title, empty = reader(labels.ON_TITLE, date=shown), reader(labels.ON_EMPTY, date=shown)
    return _pages(engine, engine.on(day, reader.script), title, empty, reader)


def on_extras(
    engine: Engine, state: PageState, pages: Sequence[discord.Embed], reader: Reader
) -> list[discord.ui.Item[Any]]:
    return jump_select(state, pages, story_of(engine)[1], reader)


class Timeline(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot
        self.recorded = event_dates(bot.engine.base)
        self.people = people(bot.engine.base)

    async def _refuse(self, interaction: Interaction, text: str) -> None:
        await interaction.response.send_message(text, ephemeral=True)

    def _resolve(self, value: str | None) -> str | None:
        return resolve(value, self.recorded) if value else None

    async def date_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """The days and months with events that match what is typed, with their event counts."""
        reader = await interaction_reader(
            interaction, self.bot.storage, self.bot.engine.variant, current or None
        )
        choices = []
        for choice in date_choices(self.recorded, current, MAX_CHOICES):
            name = reader(i18n.DATE_CHOICE, date=shown_date(choice.value, reader), events=str(choice.events))
            choices.append(app_commands.Choice(name=name, value=choice.value))
        return choices

    @app_commands.command(name="timeline", description="Events in date order, with their sources")
    @app_commands.rename(start="from", end="to")
    @app_commands.describe(
        person="Only events involving this person",
        start="From this date: 2023-11-17, 2023年11月17日, 11月17日 or 2023年11月",
        end="Up to this date: 2023-11-17, 2023年11月17日, 11月17日 or 2023年11月",
    )
    async def timeline(
        self,
        interaction: Interaction,
        person: str | None = None,
        start: str | None = None,
        end: str | None = None,
    ) -> None:
        engine = self.bot.engine
        reader = await interaction_reader(interaction, self.bot.storage, engine.variant, person)
        try:
            low, high = self._resolve(start), self._resolve(end)
            # The listing's key, in canonical values, which its buttons carry to rebuild it.
            person_id = engine.find_entity(person).id if person else ""
            key = "|".join((person_id, low or "", high or ""))
            pages = timeline_source(engine, key, reader)
        except UnknownEntity as error:
            await self._refuse(interaction, unknown_person(error, reader))
            return
        except (DateError, AmbiguousDate) as error:
            await self._refuse(interaction, date_refusal(error, reader))
            return
        except BadDate:  # from after to: nothing typed is echoed
            await self._refuse(interaction, reader(i18n.DATE_ORDER))
            return
        # The whole timeline opens on the crisis (the month with the most day-dated events).
        crisis = story_of(engine)[1]
        opening = first_page(pages, lambda d: d.startswith(crisis)) if start is None and crisis else None
        await send_pages(interaction, pages, kind="timeline", key=key, reader=reader, start=opening or 0)

    @timeline.autocomplete("person")
    async def person_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await autocomplete_people(self.bot, self.people, interaction, current)

    @timeline.autocomplete("start")
    async def start_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.date_autocomplete(interaction, current)

    @timeline.autocomplete("end")
    async def end_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.date_autocomplete(interaction, current)

    @app_commands.command(name="on", description="What happened on a day or in a month")
    @app_commands.describe(date="A day or a month: 2023-11-17, 2023年11月17日, 11月17日 or 2023年11月")
    async def on(self, interaction: Interaction, date: str) -> None:
        engine = self.bot.engine
        reader = await interaction_reader(interaction, self.bot.storage, engine.variant)
        try:
            day = resolve(date, self.recorded)
            pages = on_source(engine, day, reader)
        except (DateError, AmbiguousDate) as error:
            await self._refuse(interaction, date_refusal(error, reader))
            return
        except BadDate:
            await self._refuse(interaction, reader(i18n.DATE_FORMATS, value=shown_input(date)))
            return
        await send_pages(interaction, pages, kind="on", key=day, reader=reader)

    @on.autocomplete("date")
    async def on_autocomplete(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await self.date_autocomplete(interaction, current)


async def setup(bot: SagaBot) -> None:
    register_pages("timeline", timeline_source, timeline_extras)
    register_pages("on", on_source, on_extras)
    await bot.add_cog(Timeline(bot))
