"""Persistent state: users' script preferences, guilds' ask channels, unanswered questions.

Everything goes through the small :class:`Storage` interface, so the bot does
not care what is behind it. :class:`SqliteStorage` serves a single process; a
multi-process sharded deployment would add a PostgreSQL implementation of the
same interface and select it in :func:`open_storage` by a ``postgresql://``
URL, with the same schema and migrations.

Unanswered questions are kept as text and time only: no user, channel or guild
ids, so the maintainers' list of misses identifies nobody.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import aiosqlite

from bot.text import Script

MAX_MISS_CHARS = 500

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
    # The conversation behind each of the bot's answers, so that a reply to an answer is read
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
)
SCHEMA_VERSION = len(MIGRATIONS)


class StorageError(Exception):
    """The storage cannot be opened or written; the message says which file and why."""


@dataclass(frozen=True, slots=True)
class Miss:
    """An unanswered question, how often it was asked, and when last."""

    text: str
    count: int
    last_asked: datetime


class Storage(Protocol):
    """What the bot keeps between restarts. Every method may raise StorageError."""

    async def schema_version(self) -> int: ...

    async def get_script(self, user_id: int) -> Script | None:
        """The user's saved reply script; None means follow each question's script."""
        ...

    async def set_script(self, user_id: int, script: Script | None) -> None: ...

    async def add_ask_channel(self, guild_id: int, channel_id: int) -> None: ...

    async def remove_ask_channel(self, guild_id: int, channel_id: int) -> None: ...

    async def ask_channels(self, guild_id: int) -> list[int]: ...

    async def is_ask_channel(self, guild_id: int, channel_id: int) -> bool: ...

    async def record_miss(self, text: str) -> None: ...

    async def top_misses(self, limit: int) -> list[Miss]:
        """The most often asked unanswered questions, most frequent first."""
        ...

    async def save_context(self, message_id: int, questions: Sequence[str], expires_at: datetime) -> None:
        """Keep the conversation (oldest question first) behind the bot's answer `message_id`."""
        ...

    async def context_of(self, message_id: int) -> list[str]:
        """The conversation behind the bot's answer `message_id`; empty when unknown or expired."""
        ...

    async def close(self) -> None: ...


class SqliteStorage:
    """:class:`Storage` on one aiosqlite connection.

    One connection and one lock: every operation runs whole under the lock, so
    concurrent coroutines never interleave inside a transaction and no write is
    lost. Ask channels are also cached in memory, because the bot checks every
    message it sees against them; the cache is exact as long as this process is
    the only writer, which is what SQLite is for here.
    """

    def __init__(self, connection: aiosqlite.Connection, location: str) -> None:
        self._db = connection
        self._location = location
        self._lock = asyncio.Lock()
        self._ask_channels: set[tuple[int, int]] = set()
        self._closed = False

    @classmethod
    async def open(cls, path: str, *, read_only: bool = False) -> SqliteStorage:
        """Open (creating it unless read-only) and migrate the database at `path`.

        A file that is not a healthy SQLite database, or a newer schema, raises
        StorageError and is left exactly as it was.
        """
        memory = path == ":memory:"
        target = path if memory else _file_target(path, read_only=read_only)
        try:
            connection = await aiosqlite.connect(target, uri=read_only, isolation_level=None)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open database {path}: {exc}") from None
        storage = cls(connection, path)
        try:
            await storage._prepare(read_only=read_only, memory=memory)
        except BaseException:
            await connection.close()
            raise
        return storage

    async def _prepare(self, *, read_only: bool, memory: bool) -> None:
        try:
            check = await self._fetchone("PRAGMA quick_check")
            if check is None or check[0] != "ok":
                detail = check[0] if check else "unreadable"
                raise StorageError(f"database {self._location} is damaged ({detail})")
            if not read_only:
                await self._db.execute("PRAGMA busy_timeout = 5000")
                if not memory:
                    await self._db.execute("PRAGMA journal_mode = WAL")
                    await self._db.execute("PRAGMA synchronous = NORMAL")
            await self._migrate(read_only=read_only)
            rows = await self._fetchall("SELECT guild_id, channel_id FROM ask_channel")
        except sqlite3.Error as exc:
            raise StorageError(self._describe(exc)) from None
        self._ask_channels = {(int(g), int(c)) for g, c in rows}

    async def _current_version(self) -> int:
        exists = await self._fetchone(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        )
        if exists is None:
            return 0
        row = await self._fetchone("SELECT MAX(version) FROM schema_version")
        return int(row[0]) if row and row[0] is not None else 0

    async def _migrate(self, *, read_only: bool) -> None:
        current = await self._current_version()
        if current > SCHEMA_VERSION:
            raise StorageError(
                f"database {self._location} has schema version {current}, newer than this saga-bot "
                f"understands ({SCHEMA_VERSION}): upgrade saga-bot"
            )
        if current < SCHEMA_VERSION and read_only:
            raise StorageError(f"database {self._location} needs a migration: run the bot once first")
        if current == SCHEMA_VERSION:
            return
        await self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            # executescript would commit on its own; run each statement in one explicit transaction.
            await self._db.execute("BEGIN IMMEDIATE")
            try:
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
        """Hold the lock for one operation, turning any SQLite error into StorageError."""
        async with self._lock:
            if self._closed:
                raise StorageError(f"database {self._location} is closed")
            try:
                yield
            except sqlite3.Error as exc:
                raise StorageError(self._describe(exc)) from None

    # -- Storage ----------------------------------------------------------------------------

    async def schema_version(self) -> int:
        async with self._locked():
            return await self._current_version()

    async def get_script(self, user_id: int) -> Script | None:
        async with self._locked():
            row = await self._fetchone("SELECT script FROM user_script WHERE user_id = ?", (user_id,))
        if row is None:
            return None
        return "traditional" if row[0] == "traditional" else "simplified"  # the CHECK allows only these

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

    async def record_miss(self, text: str) -> None:
        text = " ".join(text.split())[:MAX_MISS_CHARS]
        if not text:
            return
        asked_at = datetime.now(UTC).isoformat(timespec="seconds")
        async with self._locked():
            await self._db.execute("INSERT INTO miss (text, asked_at) VALUES (?, ?)", (text, asked_at))

    async def top_misses(self, limit: int) -> list[Miss]:
        async with self._locked():
            rows = await self._fetchall(
                "SELECT text, COUNT(*), MAX(asked_at) FROM miss GROUP BY text "
                "ORDER BY COUNT(*) DESC, MAX(asked_at) DESC, text LIMIT ?",
                (max(0, limit),),
            )
        return [Miss(str(text), int(count), datetime.fromisoformat(last)) for text, count, last in rows]

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
                    expires_at.isoformat(timespec="seconds"),
                ),
            )

    async def context_of(self, message_id: int) -> list[str]:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        async with self._locked():
            row = await self._fetchone(
                "SELECT questions FROM answer_context WHERE message_id = ? AND expires_at >= ?",
                (message_id, now),
            )
        if row is None:
            return []
        try:
            questions = json.loads(row[0])
        except ValueError:
            return []
        return [q for q in questions if isinstance(q, str)] if isinstance(questions, list) else []

    async def close(self) -> None:
        async with self._lock:
            if not self._closed:
                self._closed = True
                await self._db.close()


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


async def open_storage(location: str, *, read_only: bool = False) -> Storage:
    """The storage for a path or URL: ``sqlite:///relative.db``, ``sqlite:////absolute.db`` or a
    plain path. ``postgresql://`` is where a PostgreSQL implementation would plug in."""
    scheme, sep, rest = location.partition("://")
    if not sep:
        return await SqliteStorage.open(location, read_only=read_only)
    if scheme == "sqlite":
        # SQLAlchemy's convention: three slashes, then a relative path or a fourth for an absolute one.
        path = rest.removeprefix("/")
        if not path:
            raise StorageError("sqlite URL without a path: use sqlite:///path/to/file.sqlite3")
        return await SqliteStorage.open(path, read_only=read_only)
    if scheme in ("postgres", "postgresql"):
        # Never echo the URL: it usually carries a password.
        raise StorageError(
            "PostgreSQL storage is not implemented yet: "
            "set SAGA_BOT_DATABASE to a SQLite path or a sqlite:/// URL"
        )
    raise StorageError(f"unsupported database URL scheme {scheme!r}: use a path or a sqlite:/// URL")
