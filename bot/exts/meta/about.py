"""/about: the articles the bot answers from, how much it knows, its version and latency."""

from __future__ import annotations

import math
from importlib import metadata

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import i18n
from bot.discord.client import SagaBot
from bot.discord.render import LOOKUP_COLOUR, fit
from bot.discord.scripts import interaction_reader
from bot.engine import labels

Interaction = discord.Interaction[SagaBot]


def package_version() -> str:
    try:
        return metadata.version("saga-bot")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "?"


def latency_ms(latency: float) -> str:
    """The gateway heartbeat's round trip in whole milliseconds; "—" before the first heartbeat."""
    return "—" if math.isnan(latency) or math.isinf(latency) else f"{round(latency * 1000)} ms"


class About(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot

    @app_commands.command(name="about", description="About the bot: its articles, facts, version and latency")
    async def about(self, interaction: Interaction) -> None:
        engine = self.bot.engine
        reader = await interaction_reader(interaction, self.bot.storage, engine.variant)
        base = engine.base
        counts = reader(
            i18n.ABOUT_COUNTS,
            articles=str(len(base.articles)),
            facts=str(len(base.facts)),
            events=str(len(base.events())),
            people=str(sum(entity.kind == "person" for entity in base.entities.values())),
        )
        embed = discord.Embed(title="saga-bot", description=counts, colour=LOOKUP_COLOUR)
        articles = [
            f"· {reader.text(a['title'])} — {reader.text(a['outlet'])} · {a['published']}"
            for a in engine.sources(reader.script)
        ]
        embed.add_field(name=reader(labels.SOURCES_TITLE), value="\n".join(articles), inline=False)
        embed.add_field(name=reader(i18n.ABOUT_VERSION), value=package_version(), inline=True)
        embed.add_field(name=reader(i18n.ABOUT_LATENCY), value=latency_ms(self.bot.latency), inline=True)
        await interaction.response.send_message(embed=fit(embed), ephemeral=True)


async def setup(bot: SagaBot) -> None:
    await bot.add_cog(About(bot))
