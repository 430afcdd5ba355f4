"""The Discord client: intents, mentions, extensions, error handling.

The bot shards itself (AutoShardedBot), so a large deployment needs no code
change. It never syncs the command tree on start: `saga-bot sync` does that on
demand, because syncing on every start hits Discord's rate limits for nothing.
"""

from __future__ import annotations

import asyncio
import json
import logging
import pkgutil
import sys
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket, ReconnectWebSocket
from discord.state import AutoShardedConnectionState

from bot import exts
from bot.discord.errors import tell_error
from bot.discord.timeline_nav import PictureButton
from bot.discord.translator import SagaTranslator
from bot.discord.views import PERSISTENT_ITEMS, is_current, tell_outdated
from bot.engine.answer import Engine
from bot.settings import Settings
from bot.storage import Storage, StorageError

T = TypeVar("T")

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


# What a gateway socket raises on purpose (reconnect, resume) or when the connection fails: the
# shard handles these. Anything else out of one message is that message being malformed.
_GATEWAY_CONTROL: tuple[type[BaseException], ...] = (
    ReconnectWebSocket,
    OSError,
    discord.HTTPException,
    discord.GatewayNotFound,
    discord.ConnectionClosed,
    aiohttp.ClientError,
    asyncio.TimeoutError,
)


def _event_name(raw: object) -> str:
    """The dispatch name of a raw gateway frame, for the log: printable, short, never the payload."""
    try:
        frame = json.loads(raw) if isinstance(raw, str | bytes) else None
    except ValueError:
        return "a frame that is not JSON"
    if not isinstance(frame, dict):
        return f"a JSON {type(frame).__name__} instead of an object"
    name = frame.get("t")
    if isinstance(name, str) and name.isascii() and name.replace("_", "").isalnum():
        return name[:40]
    return f"op {frame.get('op')!r:.20}"


def tolerate_malformed_frames(ws: DiscordWebSocket) -> None:
    """Make one malformed gateway message cost only itself.

    discord.py lets any error out of a message's parser end the shard and the client (a
    MESSAGE_CREATE without an author, an id that is not a number, ``d: null``, a frame that is
    not JSON). Such a message is logged in one line - its event name and error type, not its
    content - and dropped; the connection carries on. Binary frames share one zlib stream, so
    after a bad one the socket reconnects (and resumes) instead.
    """
    received: Callable[[Any], Awaitable[None]] = ws.received_message

    async def received_message(raw: Any, /) -> None:
        try:
            await received(raw)
        except _GATEWAY_CONTROL:
            raise
        except Exception as exc:
            log.warning(
                "ignored a malformed gateway message (%s: %s) on shard %s",
                _event_name(raw),
                type(exc).__name__,
                ws.shard_id,
            )
            log.debug("the malformed gateway message's error", exc_info=exc)
            if isinstance(raw, bytes):
                await ws.close(code=4000)
                raise ReconnectWebSocket(ws.shard_id) from None

    ws.received_message = received_message  # type: ignore[method-assign]


class _TolerantConnectionState(AutoShardedConnectionState["SagaBot"]):
    """The client's state, which discord.py hands every gateway socket it opens (first connect,
    reconnect, resume): the hook for :func:`tolerate_malformed_frames`."""

    def _update_references(self, ws: DiscordWebSocket) -> None:
        super()._update_references(ws)
        tolerate_malformed_frames(ws)


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
        await tell_error(interaction, f"/{command}")


class SagaBot(commands.AutoShardedBot):
    """The bot: holds the settings, the engine and the storage the cogs use.

    The storage belongs to whoever opened it: closing the bot leaves it open, so
    the bot can reconnect (see :func:`run_bot`) on the same storage.
    """

    def __init__(
        self,
        *,
        settings: Settings,
        engine: Engine,
        storage: Storage,
        message_content: bool = True,
        shard_ids: list[int] | None = None,
        shard_count: int | None = None,
    ) -> None:
        super().__init__(
            # None and None: every shard Discord recommends; else this process's part of a cluster.
            shard_ids=shard_ids,  # type: ignore[arg-type]  # the stub says list[int]; None means all
            shard_count=shard_count,
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
        self.persistent_items = (*PERSISTENT_ITEMS, PictureButton)
        # The engine's analysis and ranking (tens of milliseconds for a long message) run off the
        # event loop, so heartbeats and other users' presses are not held up; on one thread, one
        # question at a time, because the engine's memos are not made for sharing between threads.
        self.engine_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="saga-engine")

    async def in_engine(self, work: Callable[[], T]) -> T:
        """`work` (a call into the engine) run on the engine's thread, awaited here."""
        result = await asyncio.get_running_loop().run_in_executor(self.engine_thread, work)
        if self.is_closed():
            # The bot stopped while the engine worked: nothing can be sent any more. The handler
            # ends as cancelled, which discord.py drops quietly, instead of failing to send.
            raise asyncio.CancelledError
        return result

    async def close(self) -> None:
        await super().close()
        self.engine_thread.shutdown(wait=False, cancel_futures=True)

    def _get_state(self, **options: Any) -> AutoShardedConnectionState[SagaBot]:
        return _TolerantConnectionState(
            dispatch=self.dispatch, handlers=self._handlers, hooks=self._hooks, http=self.http, **options
        )

    async def setup_hook(self) -> None:
        await self.tree.set_translator(SagaTranslator())
        # Buttons carry their state in their custom_ids: a press on any message, however old
        # and across restarts, is matched to its class here.
        self.add_dynamic_items(*self.persistent_items)
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

    async def on_interaction(self, interaction: discord.Interaction[SagaBot]) -> None:
        """A press on a button or select no class of this version answers (sent by an older
        release, or a view since removed) is told so, rather than left to fail after 3 s."""
        if interaction.type is not discord.InteractionType.component:
            return
        data: Mapping[str, object] = interaction.data or {}
        custom_id = data.get("custom_id")
        if not isinstance(custom_id, str) or is_current(custom_id, self.persistent_items):
            return
        log.info("a press on an outdated component (%r)", custom_id[:20])
        try:
            await tell_outdated(interaction)
        except discord.HTTPException as error:
            log.info("could not answer a press on an outdated component: %s", error)

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        error = sys.exc_info()[1]
        if self.is_closed() and isinstance(error, aiohttp.ClientError | discord.HTTPException | RuntimeError):
            # A reply under way when the bot stopped: its connection is gone. Expected at every
            # stop or restart, so it is said in one line, not as a traceback.
            log.info("%s was cut off by the bot stopping: %s", event_method, type(error).__name__)
            return
        await super().on_error(event_method, *args, **kwargs)

    async def on_command_error(self, context: commands.Context[Any], error: commands.CommandError, /) -> None:
        # Questions that mention the bot parse as unknown commands; only real failures are logged.
        if isinstance(error, commands.CommandNotFound | commands.CheckFailure | commands.UserInputError):
            return
        log.error("command %s failed", context.command, exc_info=error)


async def run_bot(
    settings: Settings,
    engine: Engine,
    storage: Storage,
    *,
    shard_ids: list[int] | None = None,
    shard_count: int | None = None,
) -> None:
    """Connect and serve until closed or cancelled (holding `shard_ids` of `shard_count` if given).

    When the gateway refuses Message Content (close code 4014 because the intent
    is off in the Developer Portal), say so once and connect again without it.
    """
    token = settings.token()
    message_content = True
    while True:
        client = SagaBot(
            settings=settings,
            engine=engine,
            storage=storage,
            message_content=message_content,
            shard_ids=shard_ids,
            shard_count=shard_count,
        )
        async with client:
            try:
                await client.start(token)
                return
            except discord.PrivilegedIntentsRequired:
                if not message_content:
                    raise
                log.warning(MESSAGE_CONTENT_REFUSED)
        message_content = False
