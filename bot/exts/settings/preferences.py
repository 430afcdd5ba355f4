"""/script: answer me in simplified, in traditional, or in each question's own script."""

from __future__ import annotations

from dataclasses import replace

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import SagaBot
from bot.discord.scripts import interaction_reader
from bot.engine import labels
from bot.text import Script

_CHOSEN: dict[str, Script | None] = {"simplified": "simplified", "traditional": "traditional", "auto": None}


class Preferences(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot

    @app_commands.command(name="script", description="Answer me in simplified or traditional Chinese")
    @app_commands.describe(mode="Simplified, traditional, or follow each question")
    @app_commands.choices(
        mode=[
            app_commands.Choice(name="simplified", value="simplified"),
            app_commands.Choice(name="traditional", value="traditional"),
            app_commands.Choice(name="auto (follow each question)", value="auto"),
        ]
    )
    async def script(self, interaction: discord.Interaction[SagaBot], mode: app_commands.Choice[str]) -> None:
        chosen = _CHOSEN[mode.value]
        # Storage errors reach the tree's handler, which tells the user it did not work.
        await self.bot.storage.set_script(interaction.user.id, chosen)
        reader = await interaction_reader(interaction, self.bot.storage, self.bot.engine.variant)
        if chosen is None:
            text = reader(labels.SCRIPT_AUTO)
        else:
            # Confirmed in the script just chosen.
            reader = replace(reader, script=chosen)
            name = reader(labels.SIMPLIFIED if chosen == "simplified" else labels.TRADITIONAL)
            text = reader(labels.SCRIPT_SET, script=name)
        await interaction.response.send_message(text, ephemeral=True)


async def setup(bot: SagaBot) -> None:
    await bot.add_cog(Preferences(bot))
