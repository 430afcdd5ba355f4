"""/sources: the five articles every answer comes from."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import SagaBot
from bot.discord.render import sources_embed
from bot.discord.scripts import interaction_reader


class Sources(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot

    @app_commands.command(name="sources", description="The five articles the answers come from")
    async def sources(self, interaction: discord.Interaction[SagaBot]) -> None:
        engine = self.bot.engine
        reader = await interaction_reader(interaction, self.bot.storage, engine.variant)
        articles = [
            {
                key: reader.text(value) if key in ("title", "outlet") else value
                for key, value in article.items()
            }
            for article in engine.sources(reader.script)
        ]
        await interaction.response.send_message(embed=sources_embed(articles, reader.script, reader.variant))


async def setup(bot: SagaBot) -> None:
    await bot.add_cog(Sources(bot))
