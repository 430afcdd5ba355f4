"""/variant: which traditional forms a server reads, Taiwan's or Hong Kong's. Manage Server only.

Traditional Chinese is written differently in Taiwan and Hong Kong (台 and 臺, 裡 and 裏,
and interface words); the bot's default is SAGA_BOT_TRADITIONAL. A server's choice applies
to every traditional reply there, labels and answers alike; quotes in "show original" stay as
the articles wrote them.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import i18n
from bot.discord.client import ERROR_HANDLED, SagaBot
from bot.discord.scripts import interaction_reader
from bot.text import TraditionalVariant

Interaction = discord.Interaction[SagaBot]

_CHOSEN: dict[str, TraditionalVariant | None] = {"tw": "tw", "hk": "hk", "default": None}
_NAMES: dict[TraditionalVariant, str] = {"tw": i18n.VARIANT_TW, "hk": i18n.VARIANT_HK, "t": i18n.VARIANT_TW}


class Variant(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="variant",
        description="Traditional Chinese forms for this server: Taiwan or Hong Kong (Manage Server)",
    )
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.describe(forms="Taiwan, Hong Kong, or the bot's default")
    @app_commands.choices(
        forms=[
            app_commands.Choice(name="Taiwan forms", value="tw"),
            app_commands.Choice(name="Hong Kong forms", value="hk"),
            app_commands.Choice(name="the bot's default", value="default"),
        ]
    )
    async def variant(self, interaction: Interaction, forms: app_commands.Choice[str]) -> None:
        assert interaction.guild_id is not None  # guild_only
        chosen = _CHOSEN[forms.value]
        # Storage errors reach the tree's handler, which tells the admin it did not work.
        await self.bot.storage.set_guild_variant(interaction.guild_id, chosen)
        reader = await interaction_reader(interaction, self.bot.storage, self.bot.engine.variant)
        name = reader(_NAMES[chosen or self.bot.engine.variant])
        await interaction.response.send_message(reader(i18n.VARIANT_SET, variant=name), ephemeral=True)

    async def cog_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.MissingPermissions | app_commands.NoPrivateMessage):
            interaction.extras[ERROR_HANDLED] = True
            reader = await interaction_reader(interaction, self.bot.storage, self.bot.engine.variant)
            await interaction.response.send_message(reader(i18n.NEEDS_MANAGE_SERVER), ephemeral=True)


async def setup(bot: SagaBot) -> None:
    await bot.add_cog(Variant(bot))
