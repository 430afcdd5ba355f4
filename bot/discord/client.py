"""The Discord client: intents, mentions, extensions, error handling.

The bot shards itself (AutoShardedBot), so a large deployment needs no code
change. It never syncs the command tree on start: `saga-bot sync` does that on
demand, because syncing on every start hits Discord's rate limits for nothing.
"""

from __future__ import annotations

import logging
import pkgutil
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import exts
from bot.discord.i18n import ensure_language, label
from bot.discord.scripts import script_for
from bot.discord.translator import SagaTranslator
from bot.engine import labels
from bot.engine.answer import Engine
from bot.settings import Settings
from bot.storage import Storage, StorageError

log = logging.getLogger(__name__)

MESSAGE_CONTENT_REFUSED = (
    "Discord refused the Message Content intent: enable “Message Content Intent” in the Developer Portal "
    "→ your application → Bot → Privileged Gateway Intents to answer every message in ask channels; "
    "reconnecting without it (slash commands, mentions and DMs keep working)"
)

# Set on an interaction's extras by a cog that has already told the user what went wrong.
ERROR_HANDLED = "saga_error_handled"


def bot_intents(*, message_content: bool) -> discord.Intents:
    """Only what the bot uses: guilds (channels and permissions), messages in guilds and DMs,
    and - privileged - their text, which ask channels need."""
    return discord.Intents(
        guilds=True, guild_messages=True, dm_messages=True, message_content=message_content
    )


def walk_extensions() -> list[str]:
    """Every cog module under bot/exts (the packages only group them)."""
    return sorted(
        module.name
        for module in pkgutil.walk_packages(exts.__path__, f"{exts.__name__}.")
        if not module.ispkg
    )


def _prefix(client: commands.Bot, message: discord.Message) -> list[str]:
    """Owner commands are invoked by mentioning the bot, or with no prefix at all in DMs."""
    mentions = commands.when_mentioned(client, message)
    return [*mentions, ""] if message.guild is None else mentions


class SagaTree(app_commands.CommandTree["SagaBot"]):
    async def on_error(
        self, interaction: discord.Interaction[SagaBot], error: app_commands.AppCommandError
    ) -> None:
        """Tell the user something went wrong, in their script, unless a cog already has."""
        if interaction.extras.get(ERROR_HANDLED):
            return
        command = interaction.command.qualified_name if interaction.command else "?"
        cause = getattr(error, "original", error)
        if isinstance(cause, StorageError):  # a broken database is the admin's to fix: one line, no traceback
            log.warning("/%s: %s", command, cause)
        else:
            log.error("command /%s failed", command, exc_info=error)
        client = interaction.client
        script = await script_for(client.storage, interaction.user.id, None, interaction.locale)
        ensure_language(interaction.locale)
        text = label(labels.ERROR, script, client.engine.variant)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True)
            else:
                await interaction.response.send_message(text, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not report the error of /%s to the user", command)


class SagaBot(commands.AutoShardedBot):
    """The bot: holds the settings, the engine and the storage the cogs use.

    The storage belongs to whoever opened it: closing the bot leaves it open, so
    the bot can reconnect (see :func:`run_bot`) on the same storage.
    """

    def __init__(
        self, *, settings: Settings, engine: Engine, storage: Storage, message_content: bool = True
    ) -> None:
        super().__init__(
            command_prefix=_prefix,
            intents=bot_intents(message_content=message_content),
            # Once, here, for every message the bot sends: a quoted @everyone or mention pings nobody.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            owner_ids=set(settings.owner_ids),
            tree_cls=SagaTree,
            strip_after_prefix=True,
            case_insensitive=True,
            chunk_guilds_at_startup=False,
        )
        self.settings = settings
        self.engine = engine
        self.storage = storage

    async def setup_hook(self) -> None:
        await self.tree.set_translator(SagaTranslator())
        for extension in walk_extensions():
            await self.load_extension(extension)
        log.info(
            "loaded %d extensions; the command tree is synced only by `saga-bot sync`", len(self.extensions)
        )

    async def on_ready(self) -> None:
        assert self.user is not None
        log.info(
            "ready as %s (%d) in %d guild(s) over %d shard(s)%s",
            self.user,
            self.user.id,
            len(self.guilds),
            self.shard_count or 1,
            "" if self.intents.message_content else ", without Message Content",
        )

    async def on_command_error(self, context: commands.Context[Any], error: commands.CommandError, /) -> None:
        # Questions that mention the bot parse as unknown commands; only real failures are logged.
        if isinstance(error, commands.CommandNotFound | commands.CheckFailure | commands.UserInputError):
            return
        log.error("command %s failed", context.command, exc_info=error)


async def run_bot(settings: Settings, engine: Engine, storage: Storage) -> None:
    """Connect and serve until closed or cancelled.

    When the gateway refuses Message Content (close code 4014 because the intent
    is off in the Developer Portal), say so once and connect again without it.
    """
    token = settings.token()
    message_content = True
    while True:
        client = SagaBot(settings=settings, engine=engine, storage=storage, message_content=message_content)
        async with client:
            try:
                await client.start(token)
                return
            except discord.PrivilegedIntentsRequired:
                if not message_content:
                    raise
                log.warning(MESSAGE_CONTENT_REFUSED)
        message_content = False
