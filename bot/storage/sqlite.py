"""Storage in one SQLite file, for one bot process.

One process per file, enforced: a second process on the same file would keep
its own copy of the ask channels and answer where the first was told to stop.
Several processes share PostgreSQL instead (:mod:`bot.storage.postgres`).

Two connections: writes go through one, under a lock, in WAL mode; reads go
through the other and never wait for a write. A database the bot refuses
(damaged, newer, not its own) is left byte for byte as it was: everything is
checked before the first write, and migrations run inside one write transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

import aiosqlite

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

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock; the one-process rule is not enforced there
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("bot.storage")

# How long a write waits for another connection's lock before it fails.
BUSY_TIMEOUT_MS = 5000

# Each entry upgrades the schema by one version; never edit one that has shipped, append.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE user_script (
        user_id INTEGER PRIMARY KEY,
        script TEXT NOT NULL CHECK (script IN ('simplified', 'traditional'))
    );
    CREATE TABLE ask_channel (
        guild_id INTEGER NOT NULL,
        channel_id INTEGER NOT NULL,
        PRIMARY KEY (guild_id, channel_id)
    );
    CREATE TABLE miss (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        asked_at TEXT NOT NULL
    );
    CREATE INDEX miss_text ON miss (text);
    """,
    # 2: a server's choice of traditional forms (Taiwan or Hong Kong); no row means the default.
    """
    CREATE TABLE guild_variant (
        guild_id INTEGER PRIMARY KEY,
        variant TEXT NOT NULL CHECK (variant IN ('tw', 'hk'))
    );
    """,
    # 3: the conversation behind each of the bot's answers, so that a reply to an answer is read
    # against it, also after a restart: the questions as the engine read them (display form,
    # no ids), keyed by the answer's message id, kept until it expires.
    """
    CREATE TABLE answer_context (
        message_id INTEGER PRIMARY KEY,
        questions TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    CREATE INDEX answer_context_expiry ON answer_context (expires_at);
    """,
    # 4: why the engine declined each miss (the reply's decline_reason), so a maintainer sees
    # which check declines most; rows from before keep NULL, listed as "unknown".
    """
    ALTER TABLE miss ADD COLUMN reason TEXT;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class SqliteStorage:
    """:class:`~bot.storage.Storage` on a SQLite file (or ``:memory:``).

    Writes run whole under one asyncio lock on the write connection, so concurrent
    coroutines never interleave inside a transaction and no write is lost. Ask channels
    are cached in memory, because the bot checks every message against them; the cache
    is exact because this process is the file's only writer.
    """

    def __init__(
        self,
        writer: aiosqlite.Connection,
        reader: aiosqlite.Connection,
        location: str,
        limits: MissLimits,
        process_lock: _ProcessLock | None,
    ) -> None:
        self._db = writer
        self._reader = reader
        self._location = location
        self._limits = limits
        self._process_lock = process_lock
        self._lock = asyncio.Lock()
        self._ask_channels: set[tuple[int, int]] = set()
        self._closed = False
        self._misses: MissWriter | None = None

    @classmethod
    async def open(
        cls, path: str, *, read_only: bool = False, limits: MissLimits | None = None
    ) -> SqliteStorage:
        """Open (creating it unless read-only) and migrate the database at `path`.

        A file that is not a healthy SQLite database of this bot, a newer schema, or a file
        another process holds raises StorageError and is left exactly as it was.
        """
        memory = path == ":memory:"
        target = path if memory else _file_target(path, read_only=read_only)
        # Read-only opens (`saga-bot misses`) may run beside the bot; writers may not.
        process_lock = None if memory or read_only else _ProcessLock.acquire(path)
        connections: list[aiosqlite.Connection] = []
        # Opens of one file in this process take turns: SQLite's busy handler polls, so opens
        # racing on a fresh file (one switching it to WAL while the others read it) could each
        # wait out the busy timeout on a loaded machine and fail with "database is locked".
        # Other processes are kept out by the flock; read-only opens neither migrate nor switch.
        opening = process_lock.opening if process_lock is not None else contextlib.nullcontext()
        try:
            async with opening:
                try:
                    writer = await aiosqlite.connect(target, uri=read_only, isolation_level=None)
                    connections.append(writer)
                    # Set before anything reads: a fresh file being migrated by another open would
                    # otherwise fail this one at once with "database is locked".
                    await writer.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                except sqlite3.Error as exc:
                    raise StorageError(f"cannot open database {path}: {exc}") from None
                storage = cls(writer, writer, path, limits or MissLimits(), process_lock)
                await storage._prepare(read_only=read_only, memory=memory)
                if not (memory or read_only):
                    try:
                        reader = await aiosqlite.connect(target, isolation_level=None)
                        connections.append(reader)
                        await reader.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                        await reader.execute("PRAGMA query_only = ON")
                    except sqlite3.Error as exc:
                        raise StorageError(storage._describe(exc)) from None
                    storage._reader = reader
        except BaseException:
            for connection in reversed(connections):
                await connection.close()
            if process_lock is not None:
                process_lock.release()
            raise
        if not read_only:
            storage._misses = MissWriter(storage._write_misses)
        return storage

    async def _prepare(self, *, read_only: bool, memory: bool) -> None:
        try:
            check = await self._fetchone("PRAGMA quick_check")
            if check is None or check[0] != "ok":
                detail = check[0] if check else "unreadable"
                raise StorageError(f"database {self._location} is damaged ({detail}; left untouched)")
            # Everything that can refuse the file is decided before its first write.
            current = await self._checked_version()
            if current < SCHEMA_VERSION and read_only:
                raise StorageError(f"database {self._location} needs a migration: run the bot once first")
            if not read_only:
                if not memory:
                    await self._db.execute("PRAGMA journal_mode = WAL")
                    await self._db.execute("PRAGMA synchronous = NORMAL")
                if current < SCHEMA_VERSION:
                    await self._migrate()
            rows = await self._fetchall(
                "SELECT guild_id, channel_id, typeof(guild_id) = 'integer' AND typeof(channel_id) = 'integer' "
                "FROM ask_channel"
            )
        except sqlite3.Error as exc:
            raise StorageError(self._describe(exc)) from None
        self._ask_channels = {(int(g), int(c)) for g, c, ok in rows if ok}
        if skipped := sum(1 for *_, ok in rows if not ok):
            log.warning(
                "database %s: ignored %d ask_channel row(s) whose ids are not integers",
                self._location,
                skipped,
            )

    async def _checked_version(self) -> int:
        """The schema version, refusing a database this bot must not touch."""
        # One read of the table list: two reads could straddle another open's migration commit
        # and see its tables without its schema_version (a fresh file opened twice at once).
        tables = {
            row[0]
            for row in await self._fetchall(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        if "schema_version" not in tables:
            if tables:
                raise StorageError(
                    f"database {self._location} has tables but no schema_version table: not a saga-bot "
                    "database, or a damaged one (left untouched)"
                )
            return 0
        bad = await self._fetchone("SELECT 1 FROM schema_version WHERE typeof(version) != 'integer' LIMIT 1")
        if bad is not None:
            raise StorageError(
                f"database {self._location} is damaged: its schema_version table holds a value that is "
                "not a version number (left untouched)"
            )
        row = await self._fetchone("SELECT MAX(version) FROM schema_version")
        current = int(row[0]) if row and row[0] is not None else 0
        if current > SCHEMA_VERSION:
            raise StorageError(
                f"database {self._location} has schema version {current}, newer than this saga-bot "
                f"understands ({SCHEMA_VERSION}): upgrade saga-bot (left untouched)"
            )
        return current

    async def _migrate(self) -> None:
        """Every pending migration and its schema_version rows in one write transaction: two
        opens racing on a fresh file both see the version the other committed, or nothing."""
        # executescript would commit on its own; run each statement inside the explicit transaction.
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            current = await self._checked_version()  # again, now that this connection holds the lock
            await self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version - 1].split(";"):
                    if statement.strip():
                        await self._db.execute(statement)
                await self._db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
        except BaseException:
            await self._db.execute("ROLLBACK")
            raise
        await self._db.execute("COMMIT")

    def _describe(self, exc: sqlite3.Error) -> str:
        text = str(exc)
        if isinstance(exc, sqlite3.DatabaseError) and "not a database" in text:
            return f"{self._location} is not a SQLite database (left untouched): {text}"
        if "malformed" in text:
            return f"database {self._location} is damaged (left untouched): {text}"
        if "readonly" in text.replace("-", "") or "read-only" in text:
            return f"database {self._location} is read-only: {text}"
        return f"database {self._location}: {text}"

    async def _fetchone(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Row | None:
        async with self._db.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def _fetchall(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        async with self._db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    @asynccontextmanager
    async def _locked(self) -> AsyncIterator[None]:
        """Hold the write lock for one operation, turning any SQLite error into StorageError."""
        async with self._lock:
            if self._closed:
                raise StorageError(f"database {self._location} is closed")
            try:
                yield
            except sqlite3.Error as exc:
                raise StorageError(self._describe(exc)) from None

    async def _read(self, sql: str, params: tuple[object, ...] = ()) -> Iterable[sqlite3.Row]:
        """A query on the read connection: no lock, so it never waits for a write in progress."""
        if self._closed:
            raise StorageError(f"database {self._location} is closed")
        try:
            return await self._reader.execute_fetchall(sql, params)
        except (sqlite3.Error, ValueError) as exc:  # ValueError: closed under us
            raise StorageError(self._describe(exc) if isinstance(exc, sqlite3.Error) else str(exc)) from None

    # -- Storage ----------------------------------------------------------------------------

    async def schema_version(self) -> int:
        rows = list(await self._read("SELECT MAX(version) FROM schema_version"))
        value = rows[0][0] if rows else None
        return int(value) if isinstance(value, int) else 0

    async def get_script(self, user_id: int) -> Script | None:
        rows = list(await self._read("SELECT script FROM user_script WHERE user_id = ?", (user_id,)))
        if not rows:
            return None
        return "traditional" if rows[0][0] == "traditional" else "simplified"  # the CHECK allows only these

    async def set_script(self, user_id: int, script: Script | None) -> None:
        async with self._locked():
            if script is None:
                await self._db.execute("DELETE FROM user_script WHERE user_id = ?", (user_id,))
            else:
                await self._db.execute(
                    "INSERT INTO user_script (user_id, script) VALUES (?, ?) "
                    "ON CONFLICT (user_id) DO UPDATE SET script = excluded.script",
                    (user_id, script),
                )

    async def get_guild_variant(self, guild_id: int) -> TraditionalVariant | None:
        rows = list(await self._read("SELECT variant FROM guild_variant WHERE guild_id = ?", (guild_id,)))
        if not rows:
            return None
        return "hk" if rows[0][0] == "hk" else "tw"  # the CHECK allows only these

    async def set_guild_variant(self, guild_id: int, variant: TraditionalVariant | None) -> None:
        variant = checked_variant(variant)
        async with self._locked():
            if variant is None:
                await self._db.execute("DELETE FROM guild_variant WHERE guild_id = ?", (guild_id,))
            else:
                await self._db.execute(
                    "INSERT INTO guild_variant (guild_id, variant) VALUES (?, ?) "
                    "ON CONFLICT (guild_id) DO UPDATE SET variant = excluded.variant",
                    (guild_id, variant),
                )

    async def add_ask_channel(self, guild_id: int, channel_id: int) -> None:
        async with self._locked():
            await self._db.execute(
                "INSERT OR IGNORE INTO ask_channel (guild_id, channel_id) VALUES (?, ?)",
                (guild_id, channel_id),
            )
            self._ask_channels.add((guild_id, channel_id))

    async def remove_ask_channel(self, guild_id: int, channel_id: int) -> None:
        async with self._locked():
            await self._db.execute(
                "DELETE FROM ask_channel WHERE guild_id = ? AND channel_id = ?", (guild_id, channel_id)
            )
            self._ask_channels.discard((guild_id, channel_id))

    async def ask_channels(self, guild_id: int) -> list[int]:
        return sorted(channel for guild, channel in self._ask_channels if guild == guild_id)

    async def is_ask_channel(self, guild_id: int, channel_id: int) -> bool:
        return (guild_id, channel_id) in self._ask_channels

    async def record_miss(self, text: str, reason: str | None = None) -> None:
        if self._misses is None:
            raise StorageError(f"database {self._location} is read-only: misses are not recorded")
        self._misses.put(text, reason)

    async def _write_misses(self, batch: list[MissRow]) -> None:
        """One transaction: the batch in, and the log pruned to its limits."""
        cutoff = self._limits.cutoff(datetime.now(UTC)).isoformat(timespec="seconds")
        async with self._locked():
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                await self._db.executemany(
                    "INSERT INTO miss (text, reason, asked_at) VALUES (?, ?, ?)",
                    [(text, reason, at.isoformat(timespec="seconds")) for text, reason, at in batch],
                )
                await self._db.execute("DELETE FROM miss WHERE asked_at < ?", (cutoff,))
                await self._db.execute(
                    "DELETE FROM miss WHERE id <= (SELECT id FROM miss ORDER BY id DESC LIMIT 1 OFFSET ?)",
                    (self._limits.max_rows,),
                )
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    async def top_misses(self, limit: int, reason: str | None = None) -> list[Miss]:
        if self._misses is not None:
            await self._misses.flush()  # this process's own misses count too
        where, params = _reason_where(reason)
        # Each question with the reason it was last declined for: its newest row's.
        rows = await self._read(
            "SELECT asked.text, asked.count, asked.last, latest.reason FROM ("
            f"SELECT text, COUNT(*) AS count, {_READABLE_MAX} AS last, MAX(id) AS last_id FROM miss "
            f"{where} GROUP BY text"
            ") AS asked JOIN miss AS latest ON latest.id = asked.last_id "
            "ORDER BY asked.count DESC, asked.last DESC, asked.text LIMIT ?",
            (*params, clamp_limit(limit)),
        )
        return [
            Miss(str(text), int(count), parse_asked_at(last), _text_or_none(why))
            for text, count, last, why in rows
        ]

    async def misses_by_reason(self, within: str | None = None) -> list[ReasonCount]:
        if self._misses is not None:
            await self._misses.flush()
        where, params = _reason_where(within)
        rows = await self._read(
            f"SELECT grouped, COUNT(*), COUNT(DISTINCT text), {_READABLE_MAX} FROM ("
            f"SELECT {'reason' if within is not None else _CHECK_OF_REASON} AS grouped, text, asked_at "
            f"FROM miss {where}) GROUP BY grouped ORDER BY COUNT(*) DESC, grouped IS NULL, grouped",
            params,
        )
        return [
            ReasonCount(_text_or_none(why), int(count), int(questions), parse_asked_at(last))
            for why, count, questions, last in rows
        ]

    async def save_context(self, message_id: int, questions: Sequence[str], expires_at: datetime) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        async with self._locked():
            # Expired conversations go as new ones come: the table holds only live ones.
            await self._db.execute("DELETE FROM answer_context WHERE expires_at < ?", (now,))
            await self._db.execute(
                "INSERT OR REPLACE INTO answer_context (message_id, questions, expires_at) VALUES (?, ?, ?)",
                (
                    message_id,
                    json.dumps(list(questions), ensure_ascii=False),
                    expires_at.astimezone(UTC).isoformat(timespec="seconds"),
                ),
            )

    async def context_of(self, message_id: int) -> list[str]:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        rows = list(
            await self._read(
                "SELECT questions FROM answer_context WHERE message_id = ? AND expires_at >= ?",
                (message_id, now),
            )
        )
        return questions_of(str(rows[0][0])) if rows else []

    async def close(self) -> None:
        if self._misses is not None:
            await self._misses.close()
        async with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._reader is not self._db:
                await self._reader.close()
            await self._db.close()
            if self._process_lock is not None:
                self._process_lock.release()


# The newest of a group's times, comparing only well-formed ones: 'yesterday' would sort after
# every date.
_READABLE_MAX = "MAX(asked_at) FILTER (WHERE asked_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*')"


# A reason as `misses --by-reason` counts it: a check's veto by the check, whatever the rule
# ("check:detail:salary" as "check:detail"; 6 is the length of "check:").
_CHECK_OF_REASON = "CASE WHEN reason GLOB 'check:*:*' THEN substr(reason, 1, 5 + instr(substr(reason, 7), ':')) ELSE reason END"


def _reason_where(reason: str | None) -> tuple[str, tuple[object, ...]]:
    """The WHERE clause (and its parameters) that keeps the misses `--reason` selects."""
    if reason is None:
        return "", ()
    chosen = ReasonFilter.of(reason)
    return "WHERE reason IS ? OR substr(reason, 1, length(?)) = ?", (
        chosen.value,
        chosen.prefix,
        chosen.prefix,
    )


def _text_or_none(value: object) -> str | None:
    """A stored reason: None for NULL (and for anything but text, put there by hand)."""
    return value if isinstance(value, str) else None


class _ProcessLock:
    """An exclusive flock on ``<database>.lock`` (an empty file, never rewritten), held while this
    process has the database open.

    flock, not SQLite's own locks: those are per transaction, and a bot must hold the file for
    its whole life. The lock is shared by the opens of one process (counted), so a second
    open in the same process works; the kernel drops it when the process dies, even by kill -9.
    """

    _held: ClassVar[dict[str, _ProcessLock]] = {}
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, key: str, fd: int) -> None:
        self._key, self._fd, self._count = key, fd, 1
        self.opening = asyncio.Lock()  # see SqliteStorage.open

    @classmethod
    def acquire(cls, path: str) -> _ProcessLock | None:
        if fcntl is None:  # pragma: no cover
            return None
        lock_path = f"{Path(path).resolve()}.lock"
        with cls._guard:
            held = cls._held.get(lock_path)
            if held is not None:
                held._count += 1
                return held
            try:
                fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise StorageError(f"cannot create the lock file for {path}: {exc.strerror}") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise StorageError(
                    f"database {path} is in use by another saga-bot process: one process per "
                    "SQLite file (several bot processes share a PostgreSQL database: "
                    "SAGA_BOT_DATABASE=postgresql://...)"
                ) from None
            lock = cls(lock_path, fd)
            cls._held[lock_path] = lock
            return lock

    def release(self) -> None:
        with self._guard:
            self._count -= 1
            if self._count == 0:
                del self._held[self._key]
                os.close(self._fd)  # closing drops the flock


def _file_target(path: str, *, read_only: bool) -> str:
    """What to hand sqlite3.connect for a database file, preparing its directory."""
    file = Path(path)
    if read_only:
        if not file.is_file():
            raise StorageError(f"no database at {path}: the bot has not stored anything there yet")
        # A URI with mode=ro, so SQLite never creates, migrates or writes the file.
        return f"{file.absolute().as_uri()}?mode=ro"
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create the directory for {path}: {exc.strerror}") from None
    # SQLite would open a read-only file read-only without a word and fail at the first write;
    # WAL also creates files beside the database. Say so before anything is opened.
    if (file.exists() and not os.access(file, os.W_OK)) or not os.access(file.parent, os.W_OK):
        raise StorageError(
            f"database {path} is read-only: the bot needs to write the file and its directory (left untouched)"
        )
    return path
