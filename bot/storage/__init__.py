"""Persistent state: users' script preferences, guilds' ask channels, unanswered questions
(and why each was declined).

Everything goes through the small :class:`Storage` interface, so the bot does not
care what is behind it: :class:`SqliteStorage` (the default, one process per file)
or :class:`~bot.storage.postgres.PostgresStorage` (several processes, one server),
chosen by :func:`open_storage` from the configured location.
"""

from __future__ import annotations

import re

from bot.storage.base import (
    MAX_MISS_CHARS,
    UNKNOWN_REASON,
    Miss,
    MissLimits,
    ReasonCount,
    Storage,
    StorageError,
)
from bot.storage.sqlite import MIGRATIONS, SCHEMA_VERSION, SqliteStorage

__all__ = [
    "MAX_MISS_CHARS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "UNKNOWN_REASON",
    "Miss",
    "MissLimits",
    "ReasonCount",
    "SqliteStorage",
    "Storage",
    "StorageError",
    "open_storage",
]


# A scheme and a colon, as a URL starts (a Windows drive letter "C:\\" is a path, not a URL).
_LOOKS_LIKE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


async def open_storage(
    location: str, *, read_only: bool = False, limits: MissLimits | None = None
) -> Storage:
    """The storage for a path or URL: a plain path, ``sqlite:///relative.db``,
    ``sqlite:////absolute.db``, or ``postgresql://user:password@host:port/database``."""
    scheme, sep, rest = location.partition("://")
    if not sep:
        if _LOOKS_LIKE_URL.match(location):
            # "postgresql:/user:password@host/db" (a slash short) is not a file name: opening it
            # as one would create that path and put the password in every message about it.
            raise StorageError("malformed database URL (expected scheme://…): check SAGA_BOT_DATABASE")
        return await SqliteStorage.open(location, read_only=read_only, limits=limits)
    if scheme == "sqlite":
        # SQLAlchemy's convention: three slashes, then a relative path or a fourth for an absolute one.
        path = rest.removeprefix("/")
        if not path:
            raise StorageError("sqlite URL without a path: use sqlite:///path/to/file.sqlite3")
        return await SqliteStorage.open(path, read_only=read_only, limits=limits)
    if scheme in ("postgres", "postgresql"):
        try:
            from bot.storage.postgres import PostgresStorage
        except ImportError:
            raise StorageError("PostgreSQL storage needs asyncpg: pip install 'saga-bot[postgres]'") from None
        return await PostgresStorage.open(location, read_only=read_only, limits=limits)
    raise StorageError(
        f"unsupported database URL scheme {scheme[:20]!r}: use a path, a sqlite:/// or a postgresql:// URL"
    )
