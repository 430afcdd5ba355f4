"""/help: what the bot does and its commands, in the user's script."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import SagaBot
from bot.discord.render import help_embed
from bot.discord.scripts import script_for


class Help(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="How to use the bot")
    async def help(self, interaction: discord.Interaction[SagaBot]) -> None:
        script = await script_for(self.bot.storage, interaction.user.id, None, interaction.locale)
        await interaction.response.send_message(
            embed=help_embed(script, self.bot.engine.variant), ephemeral=True
        )


async def setup(bot: SagaBot) -> None:
    await bot.add_cog(Help(bot))
