"""/askchannel add|remove|list: channels where the bot answers every message. Manage Server only.

`default_permissions` hides the commands from members without Manage Server
(server admins can change that in Integrations), and `has_permissions` enforces
it whatever the server's overrides say.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import i18n
from bot.discord.client import ERROR_HANDLED, SagaBot
from bot.discord.scripts import interaction_reader
from bot.engine import labels

Interaction = discord.Interaction[SagaBot]
# A text channel, or a forum whose posts (threads) the bot answers in.
AskChannel = discord.TextChannel | discord.ForumChannel


class AskChannels(commands.Cog):
    group = app_commands.Group(
        name="askchannel",
        description="Channels where the bot answers every message (Manage Server)",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot

    async def _say(
        self, interaction: Interaction, template: str, *, ephemeral: bool = False, **fields: str
    ) -> None:
        """`template` (a label) filled in with `fields`, for the admin who ran the command."""
        reader = await interaction_reader(interaction, self.bot.storage, self.bot.engine.variant)
        await interaction.response.send_message(reader(template, **fields), ephemeral=ephemeral)

    def _target(self, interaction: Interaction, channel: AskChannel | None) -> int:
        if channel is not None:
            return channel.id
        assert interaction.channel_id is not None  # a guild command always has a channel
        return interaction.channel_id

    def can_answer_in(self, interaction: Interaction, channel_id: int) -> bool:
        """Whether the bot may post embeds in the channel (in a forum: in its posts' threads).
        Unknown to the cache (a channel it cannot see): no."""
        guild = interaction.guild
        channel = guild.get_channel(channel_id) if guild is not None else None
        if guild is None or channel is None:
            return False
        permissions = channel.permissions_for(guild.me)
        send = (
            permissions.send_messages_in_threads
            if isinstance(channel, discord.ForumChannel)
            else (permissions.send_messages)
        )
        return permissions.view_channel and permissions.embed_links and send

    @group.command(name="add", description="Make a channel an ask channel")
    @app_commands.describe(channel="The channel (default: this one)")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def add(self, interaction: Interaction, channel: AskChannel | None = None) -> None:
        assert interaction.guild_id is not None  # guild_only
        target = self._target(interaction, channel)
        if not self.can_answer_in(interaction, target):
            # Nothing saved: an ask channel where every answer fails would only look broken.
            await self._say(interaction, i18n.NO_EMBEDS_THERE, ephemeral=True, channel=f"<#{target}>")
            return
        await self.bot.storage.add_ask_channel(interaction.guild_id, target)
        # Public: the channel's members learn that the bot now answers every message there.
        await self._say(interaction, labels.ASK_CHANNEL_ADDED, channel=f"<#{target}>")

    @group.command(name="remove", description="Stop answering every message in a channel")
    @app_commands.describe(channel="The channel (default: this one)")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def remove(self, interaction: Interaction, channel: AskChannel | None = None) -> None:
        assert interaction.guild_id is not None
        target = self._target(interaction, channel)
        await self.bot.storage.remove_ask_channel(interaction.guild_id, target)
        await self._say(interaction, labels.ASK_CHANNEL_REMOVED, channel=f"<#{target}>")

    @group.command(name="list", description="List this server's ask channels")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def list_channels(self, interaction: Interaction) -> None:
        assert interaction.guild_id is not None
        channels = await self.bot.storage.ask_channels(interaction.guild_id)
        if channels:
            listed = " ".join(f"<#{c}>" for c in channels)
            await self._say(interaction, labels.ASK_CHANNEL_LIST, ephemeral=True, channels=listed)
        else:
            await self._say(interaction, labels.ASK_CHANNEL_NONE, ephemeral=True)

    async def cog_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.MissingPermissions | app_commands.NoPrivateMessage):
            interaction.extras[ERROR_HANDLED] = True
            # In a DM nobody has Manage Server: say where the command works instead.
            in_dm = interaction.guild_id is None or isinstance(error, app_commands.NoPrivateMessage)
            text = labels.SERVERS_ONLY if in_dm else labels.NEEDS_MANAGE_SERVER
            await self._say(interaction, text, ephemeral=True)


async def setup(bot: SagaBot) -> None:
    await bot.add_cog(AskChannels(bot))
