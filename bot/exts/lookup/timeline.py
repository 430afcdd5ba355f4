"""/timeline (events in date order, by person and dates) and /on (one day or month)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import SagaBot
from bot.discord.render import sanitised, timeline_pages
from bot.discord.scripts import script_for
from bot.discord.views import register_pages, send_pages
from bot.engine import labels
from bot.engine.answer import BadDate, Engine, UnknownEntity, parse_partial_date
from bot.exts.lookup.people import person_choices, unknown_person
from bot.text import Script, to_script

Interaction = discord.Interaction[SagaBot]


def timeline_source(engine: Engine, key: str, script: Script) -> list[discord.Embed]:
    """A timeline's pages from its key: "person id|from|to", each part canonical or empty."""
    person_id, start, end = key.split("|")
    entity = engine.base.entities.get(person_id) if person_id else None
    if person_id and entity is None:  # a person since gone from the fact base: nothing to rebuild
        return []
    entries = engine.timeline(entity.name if entity else None, start or None, end or None, script)
    title = f"{entity.name} · {labels.TIMELINE}" if entity else labels.TIMELINE
    return timeline_pages(entries, title, labels.TIMELINE_EMPTY, script, engine.variant)


def on_source(engine: Engine, day: str, script: Script) -> list[discord.Embed]:
    """What happened on `day` (a canonical partial date), as pages."""
    title, empty = labels.ON_TITLE.format(date=day), labels.ON_EMPTY.format(date=day)
    return timeline_pages(engine.on(day, script), title, empty, script, engine.variant)


class Timeline(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot

    async def _refuse(self, interaction: Interaction, text: str) -> None:
        await interaction.response.send_message(text, ephemeral=True)

    @app_commands.command(name="timeline", description="Events in date order, with their sources")
    @app_commands.rename(start="from", end="to")
    @app_commands.describe(
        person="Only events involving this person",
        start="From this date: YYYY, YYYY-MM or YYYY-MM-DD",
        end="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD",
    )
    async def timeline(
        self,
        interaction: Interaction,
        person: str | None = None,
        start: str | None = None,
        end: str | None = None,
    ) -> None:
        engine = self.bot.engine
        script = await script_for(self.bot.storage, interaction.user.id, person, interaction.locale)
        try:
            # The listing's key, in canonical values, which its page buttons carry to rebuild it.
            person_id = engine.find_entity(person).id if person else ""
            key = "|".join((person_id, *(parse_partial_date(d)[0] if d else "" for d in (start, end))))
            pages = timeline_source(engine, key, script)
        except UnknownEntity as error:
            await self._refuse(interaction, unknown_person(error, script, engine))
            return
        except BadDate as error:
            await self._refuse(
                interaction,
                to_script(labels.BAD_DATE.format(value=sanitised(str(error))), script, engine.variant),
            )
            return
        await send_pages(interaction, pages, kind="timeline", key=key, script=script)

    @timeline.autocomplete("person")
    async def person_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return person_choices(self.bot.engine, current)

    @app_commands.command(name="on", description="What happened on a day or in a month")
    @app_commands.describe(date="A day or a month: YYYY-MM-DD or YYYY-MM")
    async def on(self, interaction: Interaction, date: str) -> None:
        engine = self.bot.engine
        script = await script_for(self.bot.storage, interaction.user.id, None, interaction.locale)
        try:
            day = parse_partial_date(date.strip())[0]
        except BadDate as error:
            await self._refuse(
                interaction,
                to_script(labels.BAD_DATE.format(value=sanitised(str(error))), script, engine.variant),
            )
            return
        await send_pages(interaction, on_source(engine, day, script), kind="on", key=day, script=script)


async def setup(bot: SagaBot) -> None:
    register_pages("timeline", timeline_source)
    register_pages("on", on_source)
    await bot.add_cog(Timeline(bot))
