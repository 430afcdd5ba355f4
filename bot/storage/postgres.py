"""Storage on a PostgreSQL server through asyncpg, shared by several bot processes.

Chosen by ``SAGA_BOT_DATABASE=postgresql://user:password@host:port/database``.
The same tables and behaviour as :mod:`bot.storage.sqlite`, and:

* Migrations run once, in one transaction under an advisory lock, however many
  processes start together.
* Ask channels and preferences are cached in each process (every message is
  checked against the channels; a preference is read for every question
  without a script of its own) and kept exact by LISTEN/NOTIFY: a change is
  announced in the transaction that makes it, and every process applies it at
  once. While the listening connection is down the preference cache is not
  used; after it reconnects, the ask channels are reloaded whole, so nothing
  missed while it was away stays missed.
* Faults: an unreachable server or a refused password at start is one line
  without the password; lost mid-run, reads fail fast (the bot falls back to
  defaults and answers anyway), writes fail before they are acknowledged, and
  the pool reconnects when the server is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import asyncpg

from bot.storage.base import (
    Miss,
    MissLimits,
    MissRow,
    MissWriter,
    ReasonCount,
    ReasonFilter,
    StorageError,
    checked_variant,
    clamp_limit,
    parse_asked_at,
    questions_of,
)
from bot.text import Script, TraditionalVariant

log = logging.getLogger("bot.storage")

# Any fixed 64-bit number, the same in every process: the migrations' advisory lock.
MIGRATION_LOCK = 0x5A6A_B07_5707A6E
CHANNEL = "saga_bot_ask_channel"
# Fail when the server is gone: a preference read sits on the reply path. These are wall-clock
# times, and a burst that keeps the event loop busy answering delays every reply the server
# sends, so they are generous; UNREACHABLE_SECONDS keeps a real outage from costing each reply
# one of them. Waiting for a free pooled connection has no timeout of its own: under a burst
# that wait is the loop's queue, not a fault.
CONNECT_TIMEOUT = 5.0
QUERY_TIMEOUT = 10.0
# All opened at start: a connection's handshake takes several trips through a busy loop, so
# one opened during a burst would time out.
POOL_SIZE = 10
# Preferences cached per process (most recently used); about 100 bytes each.
SCRIPT_CACHE_SIZE = 50_000
# After the server proves unreachable, fail at once for this long instead of letting every
# reply wait for its own connection attempt (up to CONNECT_TIMEOUT when packets are dropped).
UNREACHABLE_SECONDS = 2.0
LISTENER_RETRY_SECONDS = (0.5, 10.0)

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE user_script (
        user_id BIGINT PRIMARY KEY,
        script TEXT NOT NULL CHECK (script IN ('simplified', 'traditional'))
    );
    CREATE TABLE ask_channel (
        guild_id BIGINT NOT NULL,
        channel_id BIGINT NOT NULL,
        PRIMARY KEY (guild_id, channel_id)
    );
    CREATE TABLE miss (
        id BIGSERIAL PRIMARY KEY,
        text TEXT NOT NULL,
        asked_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX miss_text ON miss (text);
    CREATE INDEX miss_asked_at ON miss (asked_at);
    """,
    # 2: a server's choice of traditional forms (Taiwan or Hong Kong); no row means the default.
    """
    CREATE TABLE guild_variant (
        guild_id BIGINT PRIMARY KEY,
        variant TEXT NOT NULL CHECK (variant IN ('tw', 'hk'))
    );
    """,
    # 3: the conversation behind each of the bot's answers (as in the SQLite schema's migration 3).
    """
    CREATE TABLE answer_context (
        message_id BIGINT PRIMARY KEY,
        questions TEXT NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX answer_context_expiry ON answer_context (expires_at);
    """,
    # 4: why the engine declined each miss (as in the SQLite schema's migration 4).
    """
    ALTER TABLE miss ADD COLUMN reason TEXT;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

# Errors that mean the server cannot be reached or the connection broke (not a refused query).
_UNREACHABLE: tuple[type[BaseException], ...] = (
    asyncpg.PostgresConnectionError,
    asyncpg.OperatorInterventionError,  # shutting down, starting up
    asyncpg.InterfaceError,
    OSError,  # TimeoutError included
)
# Errors that mean "the server or the connection failed", as opposed to a bug.
_FAULTS: tuple[type[BaseException], ...] = (
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    OSError,
    TimeoutError,
)


def _where(url: str) -> str:
    """host:port/database, for messages: never the user's password."""
    try:
        parts = urlsplit(url)
        return f"{parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path or '/'}"
    except ValueError:
        return "(unreadable URL)"


def _describe(exc: BaseException, where: str, password: str | None) -> str:
    """One line for a fault; the password is scrubbed even if a driver message quoted it."""
    if isinstance(exc, asyncpg.InvalidPasswordError | asyncpg.InvalidAuthorizationSpecificationError):
        text = f"PostgreSQL at {where} refused the credentials (check the user and password in SAGA_BOT_DATABASE)"
    elif isinstance(exc, asyncpg.InvalidCatalogNameError):
        text = f"PostgreSQL at {where}: the database does not exist (create it first)"
    elif isinstance(exc, TimeoutError):  # before OSError, of which it is a subclass
        text = f"PostgreSQL at {where} did not answer in time"
    elif isinstance(exc, OSError):
        text = f"cannot reach PostgreSQL at {where}: {getattr(exc, 'strerror', None) or type(exc).__name__}"
    elif isinstance(exc, asyncpg.InterfaceError | asyncpg.ConnectionDoesNotExistError):
        text = f"lost the connection to PostgreSQL at {where}"
    else:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        text = f"PostgreSQL at {where}: {first_line}"
    if password:  # as asyncpg uses it (decoded) and as the URL wrote it (percent-encoded)
        for form in {password, quote(password, safe="")}:
            text = text.replace(form, "[redacted]")
    return text


class PostgresStorage:
    """:class:`~bot.storage.Storage` on a PostgreSQL database (see the module's docstring)."""

    def __init__(self, pool: asyncpg.Pool, url: str, limits: MissLimits, read_only: bool) -> None:
        self._pool = pool
        self._url = url
        self._where = _where(url)
        self._password = _password(url)
        self._limits = limits
        self._read_only = read_only
        self._ask_channels: set[tuple[int, int]] = set()
        # Read for every reply in a server, set by few: all cached, kept exact like ask channels.
        self._guild_variants: dict[int, TraditionalVariant] = {}
        self._scripts: OrderedDict[int, Script | None] = OrderedDict()
        self._script_reads: dict[int, asyncio.Future[Script | None]] = {}
        self._subscribed = False  # the listener is connected: cached preferences are exact
        self._invalidations = 0  # bumped by every change notified: a read begun before it is not cached
        self._closed = False
        self._listener_task: asyncio.Task[None] | None = None
        self._listening = asyncio.Event()
        self._misses: MissWriter | None = None
        self._start_error: StorageError | None = None
        self._unreachable_until = 0.0

    @classmethod
    async def open(
        cls, url: str, *, read_only: bool = False, limits: MissLimits | None = None
    ) -> PostgresStorage:
        where, password = _where(url), _password(url)
        try:
            pool = await asyncpg.create_pool(
                url,
                min_size=POOL_SIZE,
                max_size=POOL_SIZE,
                timeout=CONNECT_TIMEOUT,
                command_timeout=QUERY_TIMEOUT,
            )
        except _FAULTS as exc:
            raise StorageError(_describe(exc, where, password)) from None
        except ValueError as exc:  # asyncpg's URL parser
            raise StorageError(
                f"SAGA_BOT_DATABASE is not a valid PostgreSQL URL ({type(exc).__name__})"
            ) from None
        storage = cls(pool, url, limits or MissLimits(), read_only)
        try:
            await storage._migrate()
            if not read_only:
                storage._listener_task = asyncio.get_running_loop().create_task(
                    storage._listen(), name="saga-bot ask-channel listener"
                )
                await storage._wait_listening()
                storage._misses = MissWriter(storage._write_misses)
            else:
                await storage._reload_ask_channels()
        except BaseException:
            await storage.close()
            raise
        return storage

    # -- faults -----------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def _connection(self) -> Any:
        """A pooled connection; any fault becomes one StorageError line."""
        if self._closed:
            raise StorageError(f"PostgreSQL storage at {self._where} is closed")
        if time.monotonic() < self._unreachable_until:
            raise StorageError(f"PostgreSQL at {self._where} is unreachable (retrying shortly)")
        try:
            async with self._pool.acquire() as connection:
                yield connection
        except StorageError:
            raise
        except _FAULTS as exc:
            if isinstance(exc, _UNREACHABLE):
                self._unreachable_until = time.monotonic() + UNREACHABLE_SECONDS
            raise StorageError(_describe(exc, self._where, self._password)) from None

    # -- schema -----------------------------------------------------------------------------

    async def _migrate(self) -> None:
        """Check and migrate in one transaction under an advisory lock: processes starting
        together wait for the first, then find nothing to do. A refused database is rolled
        back to exactly what it was."""
        async with self._connection() as connection, connection.transaction():
            await connection.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
            exists = await connection.fetchval("SELECT to_regclass('schema_version') IS NOT NULL")
            if not exists:
                ours = await connection.fetchval(
                    "SELECT count(*) FROM information_schema.tables "
                    "WHERE table_schema = current_schema() AND table_name IN ('user_script', 'ask_channel', 'miss')"
                )
                if ours:
                    raise StorageError(
                        f"PostgreSQL at {self._where} has saga-bot tables but no schema_version table: "
                        "a damaged database (left untouched)"
                    )
                current = 0
            else:
                current = await connection.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version")
            if current > SCHEMA_VERSION:
                raise StorageError(
                    f"PostgreSQL at {self._where} has schema version {current}, newer than this saga-bot "
                    f"understands ({SCHEMA_VERSION}): upgrade saga-bot (left untouched)"
                )
            if current == SCHEMA_VERSION:
                return
            if self._read_only:
                raise StorageError(f"PostgreSQL at {self._where} needs a migration: run the bot once first")
            await connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            for version in range(current + 1, SCHEMA_VERSION + 1):
                await connection.execute(MIGRATIONS[version - 1])
                await connection.execute("INSERT INTO schema_version (version) VALUES ($1)", version)

    # -- ask channels: cache kept exact by LISTEN/NOTIFY ------------------------------------

    async def _reload_ask_channels(self, connection: asyncpg.Connection | None = None) -> None:
        """Reload the shared state cached whole: ask channels and servers' variants."""
        channels = "SELECT guild_id, channel_id FROM ask_channel"
        variants = "SELECT guild_id, variant FROM guild_variant"
        if connection is not None:
            rows, variant_rows = await connection.fetch(channels), await connection.fetch(variants)
        else:
            async with self._connection() as pooled:
                rows, variant_rows = await pooled.fetch(channels), await pooled.fetch(variants)
        self._ask_channels = {(int(r["guild_id"]), int(r["channel_id"])) for r in rows}
        self._guild_variants = {
            int(r["guild_id"]): "hk" if r["variant"] == "hk" else "tw" for r in variant_rows
        }

    def _forget_scripts(self, user_id: int | None = None) -> None:
        """Drop one user's cached preference (None: everyone's)."""
        if user_id is None:
            self._scripts.clear()
        else:
            self._scripts.pop(user_id, None)
        self._invalidations += 1

    def _on_notification(self, _connection: Any, _pid: int, _channel: str, payload: object) -> None:
        action, _, ids = str(payload).partition(" ")
        if action == "script":
            if ids.isdigit():
                self._forget_scripts(int(ids))
            return
        guild, _, channel = ids.partition(" ")
        if action == "variant":
            if guild.isdigit():
                self._apply_variant(int(guild), channel)
            return
        if not (guild.isdigit() and channel.isdigit()):
            return
        key = (int(guild), int(channel))
        if action == "add":
            self._ask_channels.add(key)
        elif action == "remove":
            self._ask_channels.discard(key)

    async def _listen(self) -> None:
        """Hold a LISTEN connection; after any loss, reconnect, listen again, then reload the
        whole set (LISTEN first, so no change falls between the two)."""
        delay = LISTENER_RETRY_SECONDS[0]
        while not self._closed:
            connection: asyncpg.Connection | None = None
            try:
                connection = await asyncpg.connect(self._url, timeout=CONNECT_TIMEOUT)
                lost = asyncio.Event()
                connection.add_termination_listener(lambda _c, lost=lost: lost.set())
                await connection.add_listener(CHANNEL, self._on_notification)
                await self._reload_ask_channels(connection)
                self._forget_scripts()
                self._subscribed = True
                if self._listening.is_set():
                    log.info("reconnected to PostgreSQL at %s: ask channels reloaded", self._where)
                self._listening.set()
                delay = LISTENER_RETRY_SECONDS[0]
                while not lost.is_set():
                    # Notifications arrive on their own; a periodic query notices a silent loss.
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(lost.wait(), 10.0)
                    if not lost.is_set():
                        await connection.fetchval("SELECT 1", timeout=QUERY_TIMEOUT)
            except asyncio.CancelledError:
                raise
            except _FAULTS as exc:
                if not self._listening.is_set():
                    self._start_error = StorageError(_describe(exc, self._where, self._password))
                    self._listening.set()
                    return
                log.warning(
                    "ask-channel updates paused: %s; retrying in %.1f s",
                    _describe(exc, self._where, self._password),
                    delay,
                )
            finally:
                self._subscribed = False
                self._forget_scripts()  # changes may go unnotified until the listener is back
                if connection is not None and not connection.is_closed():
                    connection.terminate()
            await asyncio.sleep(delay)
            delay = min(delay * 2, LISTENER_RETRY_SECONDS[1])

    async def _wait_listening(self) -> None:
        # The listener may also end on an error outside _FAULTS before it is listening: wait for
        # whichever comes first, so open() never hangs on an event nobody will set.
        listener = self._listener_task
        assert listener is not None, "open() starts the listener before waiting on it"
        waiter = asyncio.ensure_future(self._listening.wait())
        try:
            await asyncio.wait({waiter, listener}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()
        if self._start_error is not None:
            raise self._start_error
        if not self._listening.is_set() and listener.done():
            error = listener.exception() if not listener.cancelled() else None
            raise StorageError(
                f"PostgreSQL at {self._where}: the notification listener stopped"
                + (f" ({type(error).__name__})" if error else "")
            )

    # -- Storage ----------------------------------------------------------------------------

    async def schema_version(self) -> int:
        async with self._connection() as connection:
            value = await connection.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        return int(value)

    async def get_script(self, user_id: int) -> Script | None:
        if self._subscribed and user_id in self._scripts:
            self._scripts.move_to_end(user_id)
            return self._scripts[user_id]
        # One read per user at a time: a burst from one user costs one query, not one each.
        read = self._script_reads.get(user_id)
        if read is None:
            read = asyncio.ensure_future(self._read_script(user_id, self._invalidations))
            self._script_reads[user_id] = read
            read.add_done_callback(functools.partial(self._script_read_done, user_id))
        return await asyncio.shield(read)

    async def _read_script(self, user_id: int, generation: int) -> Script | None:
        async with self._connection() as connection:
            value = await connection.fetchval("SELECT script FROM user_script WHERE user_id = $1", user_id)
        script: Script | None = (
            None if value is None else "traditional" if value == "traditional" else "simplified"
        )
        if self._subscribed and generation == self._invalidations:
            self._scripts[user_id] = script
            if len(self._scripts) > SCRIPT_CACHE_SIZE:
                self._scripts.popitem(last=False)
        return script

    def _script_read_done(self, user_id: int, read: asyncio.Future[Script | None]) -> None:
        if self._script_reads.get(user_id) is read:
            del self._script_reads[user_id]
        if not read.cancelled():
            read.exception()  # each waiter gets it through shield(); none left means nobody asked

    def _writable(self) -> None:
        if self._read_only:
            raise StorageError(f"PostgreSQL at {self._where} is open read-only")

    async def set_script(self, user_id: int, script: Script | None) -> None:
        self._writable()
        async with self._connection() as connection, connection.transaction():
            if script is None:
                await connection.execute("DELETE FROM user_script WHERE user_id = $1", user_id)
            else:
                await connection.execute(
                    "INSERT INTO user_script (user_id, script) VALUES ($1, $2) "
                    "ON CONFLICT (user_id) DO UPDATE SET script = excluded.script",
                    user_id,
                    script,
                )
            await connection.execute("SELECT pg_notify($1, $2)", CHANNEL, f"script {user_id}")
        self._forget_scripts(user_id)  # at once here; the other processes on the notification

    def _apply_variant(self, guild_id: int, variant: str) -> None:
        if variant in ("tw", "hk"):
            self._guild_variants[guild_id] = "hk" if variant == "hk" else "tw"
        else:
            self._guild_variants.pop(guild_id, None)

    async def get_guild_variant(self, guild_id: int) -> TraditionalVariant | None:
        return self._guild_variants.get(guild_id)

    async def set_guild_variant(self, guild_id: int, variant: TraditionalVariant | None) -> None:
        variant = checked_variant(variant)
        self._writable()
        async with self._connection() as connection, connection.transaction():
            if variant is None:
                await connection.execute("DELETE FROM guild_variant WHERE guild_id = $1", guild_id)
            else:
                await connection.execute(
                    "INSERT INTO guild_variant (guild_id, variant) VALUES ($1, $2) "
                    "ON CONFLICT (guild_id) DO UPDATE SET variant = excluded.variant",
                    guild_id,
                    variant,
                )
            await connection.execute(
                "SELECT pg_notify($1, $2)", CHANNEL, f"variant {guild_id} {variant or 'default'}"
            )
        self._apply_variant(guild_id, variant or "default")  # at once here; others on the notification

    async def add_ask_channel(self, guild_id: int, channel_id: int) -> None:
        self._writable()
        async with self._connection() as connection, connection.transaction():
            await connection.execute(
                "INSERT INTO ask_channel (guild_id, channel_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                guild_id,
                channel_id,
            )
            await connection.execute("SELECT pg_notify($1, $2)", CHANNEL, f"add {guild_id} {channel_id}")
        self._ask_channels.add((guild_id, channel_id))

    async def remove_ask_channel(self, guild_id: int, channel_id: int) -> None:
        self._writable()
        async with self._connection() as connection, connection.transaction():
            await connection.execute(
                "DELETE FROM ask_channel WHERE guild_id = $1 AND channel_id = $2", guild_id, channel_id
            )
            await connection.execute("SELECT pg_notify($1, $2)", CHANNEL, f"remove {guild_id} {channel_id}")
        self._ask_channels.discard((guild_id, channel_id))

    async def ask_channels(self, guild_id: int) -> list[int]:
        return sorted(channel for guild, channel in self._ask_channels if guild == guild_id)

    async def is_ask_channel(self, guild_id: int, channel_id: int) -> bool:
        return (guild_id, channel_id) in self._ask_channels

    async def record_miss(self, text: str, reason: str | None = None) -> None:
        if self._misses is None:
            raise StorageError(f"PostgreSQL at {self._where} is open read-only: misses are not recorded")
        self._misses.put(text, reason)

    async def _write_misses(self, batch: list[MissRow]) -> None:
        cutoff = self._limits.cutoff(datetime.now(UTC))
        async with self._connection() as connection, connection.transaction():
            await connection.executemany(
                "INSERT INTO miss (text, reason, asked_at) VALUES ($1, $2, $3)", batch
            )
            await connection.execute("DELETE FROM miss WHERE asked_at < $1", cutoff)
            await connection.execute(
                "DELETE FROM miss WHERE id <= (SELECT id FROM miss ORDER BY id DESC OFFSET $1 LIMIT 1)",
                self._limits.max_rows,
            )

    async def top_misses(self, limit: int, reason: str | None = None) -> list[Miss]:
        if self._misses is not None:
            await self._misses.flush()
        where, params = _reason_where(reason, first=2)
        # Each question with the reason it was last declined for: its newest row's.
        query = (
            "SELECT asked.text, asked.count, asked.last, latest.reason FROM ("
            "SELECT text, COUNT(*) AS count, MAX(asked_at) AS last, MAX(id) AS last_id FROM miss "
            f"{where} GROUP BY text"
            ") AS asked JOIN miss AS latest ON latest.id = asked.last_id "
            "ORDER BY asked.count DESC, asked.last DESC, asked.text LIMIT $1"
        )
        async with self._connection() as connection:
            rows = await connection.fetch(query, clamp_limit(limit), *params)
        return [Miss(str(r["text"]), int(r["count"]), parse_asked_at(r["last"]), r["reason"]) for r in rows]

    async def misses_by_reason(self, within: str | None = None) -> list[ReasonCount]:
        if self._misses is not None:
            await self._misses.flush()
        where, params = _reason_where(within, first=1)
        async with self._connection() as connection:
            rows = await connection.fetch(
                "SELECT grouped, COUNT(*) AS count, COUNT(DISTINCT text) AS questions, MAX(asked_at) AS last FROM ("
                f"SELECT {'reason' if within is not None else _CHECK_OF_REASON} AS grouped, text, asked_at "
                f"FROM miss {where}) AS m GROUP BY grouped ORDER BY COUNT(*) DESC, grouped IS NULL, grouped",
                *params,
            )
        return [
            ReasonCount(r["grouped"], int(r["count"]), int(r["questions"]), parse_asked_at(r["last"]))
            for r in rows
        ]

    async def save_context(self, message_id: int, questions: Sequence[str], expires_at: datetime) -> None:
        self._writable()
        async with self._connection() as connection, connection.transaction():
            # Expired conversations go as new ones come: the table holds only live ones.
            await connection.execute("DELETE FROM answer_context WHERE expires_at < now()")
            await connection.execute(
                "INSERT INTO answer_context (message_id, questions, expires_at) VALUES ($1, $2, $3) "
                "ON CONFLICT (message_id) DO UPDATE SET questions = excluded.questions, "
                "expires_at = excluded.expires_at",
                message_id,
                json.dumps(list(questions), ensure_ascii=False),
                expires_at,
            )

    async def context_of(self, message_id: int) -> list[str]:
        async with self._connection() as connection:
            stored = await connection.fetchval(
                "SELECT questions FROM answer_context WHERE message_id = $1 AND expires_at >= now()",
                message_id,
            )
        return questions_of(str(stored)) if stored is not None else []

    async def close(self) -> None:
        if self._misses is not None:
            await self._misses.close()
            self._misses = None
        if self._closed:
            return
        self._closed = True
        if self._listener_task is not None:
            self._listener_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener_task
        with contextlib.suppress(*_FAULTS):
            await asyncio.wait_for(self._pool.close(), CONNECT_TIMEOUT)
        if not self._pool.is_closing():  # a server that is gone: close() waited in vain
            self._pool.terminate()


# A reason as `misses --by-reason` counts it: a check's veto by the check, whatever the rule.
_CHECK_OF_REASON = (
    "CASE WHEN reason LIKE 'check:%:%' THEN 'check:' || split_part(reason, ':', 2) ELSE reason END"
)


def _reason_where(reason: str | None, *, first: int) -> tuple[str, list[object]]:
    """The WHERE clause (its parameters numbered from `first`) that keeps the misses `--reason`
    selects, and their values."""
    if reason is None:
        return "", []
    chosen = ReasonFilter.of(reason)
    value, prefix = f"${first}", f"${first + 1}"
    return (
        f"WHERE reason IS NOT DISTINCT FROM {value} OR left(reason, char_length({prefix})) = {prefix}",
        [chosen.value, chosen.prefix],
    )


def _password(url: str) -> str | None:
    """The password as asyncpg uses it: percent-decoded (_describe scrubs both forms)."""
    try:
        password = urlsplit(url).password
    except ValueError:
        return None
    return unquote(password) if password else password
