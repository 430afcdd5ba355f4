"""/timeline (events in date order, by person and dates) and /on (one day or month)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import SagaBot
from bot.discord.render import timeline_pages
from bot.discord.scripts import script_for
from bot.discord.views import Paginator
from bot.engine import labels
from bot.engine.answer import BadDate, TimelineEntry, UnknownEntity
from bot.exts.lookup.people import person_choices, unknown_person
from bot.text import Script, to_script

Interaction = discord.Interaction[SagaBot]


class Timeline(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot

    async def _send_pages(
        self, interaction: Interaction, entries: list[TimelineEntry], title: str, empty: str, script: Script
    ) -> None:
        variant = self.bot.engine.variant
        pages = timeline_pages(entries, title, empty, script, variant)
        await Paginator(pages, invoker_id=interaction.user.id, script=script, variant=variant).send(
            interaction
        )

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
            entries = engine.timeline(person, start, end, script)
        except UnknownEntity as error:
            await self._refuse(interaction, unknown_person(error, script, engine))
            return
        except BadDate as error:
            await self._refuse(
                interaction, to_script(labels.BAD_DATE.format(value=error), script, engine.variant)
            )
            return
        title = f"{person} · {labels.TIMELINE}" if person else labels.TIMELINE
        await self._send_pages(interaction, entries, title, labels.TIMELINE_EMPTY, script)

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
        day = date.strip()
        try:
            entries = engine.on(day, script)
        except BadDate as error:
            await self._refuse(
                interaction, to_script(labels.BAD_DATE.format(value=error), script, engine.variant)
            )
            return
        title, empty = labels.ON_TITLE.format(date=day), labels.ON_EMPTY.format(date=day)
        await self._send_pages(interaction, entries, title, empty, script)


async def setup(bot: SagaBot) -> None:
    await bot.add_cog(Timeline(bot))
