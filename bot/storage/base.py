"""What every storage backend shares: the interface, its errors and the misses log's writer.

Unanswered questions are kept as text, time and the engine's reason for declining only: no
user, channel or guild ids, so the maintainers' list of misses identifies nobody, and it says
which check declines most. They are written in
the background (:class:`MissWriter`), never on the reply path: a reply never
waits for a database lock, a slow disk or a lost database server.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from bot.text import Script, TraditionalVariant

log = logging.getLogger("bot.storage")

MAX_MISS_CHARS = 500
# A decline reason is the engine's own short code ("below_threshold", "check:<name>:<rule>").
MAX_REASON_CHARS = 100
# What a miss recorded without a reason (before the log kept them) is listed and filtered as.
UNKNOWN_REASON = "unknown"
# Misses waiting to be written; past this, new ones are dropped (and counted in a warning)
# rather than let memory grow while the database is unreachable.
MISS_QUEUE_SIZE = 1000
# At most this many misses go into one write transaction.
MISS_BATCH = 200
# How long close() gives the queue to drain, and how long top_misses() waits for this
# process's own pending misses before it reads.
MISS_DRAIN_SECONDS = 5.0
# After a failed write the same batch is tried again this much later (doubling, capped).
MISS_RETRY_SECONDS = (0.5, 30.0)
# The largest `limit` top_misses passes to a database (SQLite integers are 64-bit).
MAX_LIMIT = 1_000_000


class StorageError(Exception):
    """The storage cannot be opened or written; the message (one line, never a password) says
    which database and why."""


@dataclass(frozen=True, slots=True)
class Miss:
    """An unanswered question, how often it was asked, when last (None: no readable time), and
    why the engine declined it the last time (None: recorded before the log kept reasons)."""

    text: str
    count: int
    last_asked: datetime | None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class ReasonCount:
    """How many misses one decline reason accounts for (None: recorded without a reason), over
    how many different questions, and the last one's time."""

    reason: str | None
    count: int
    questions: int
    last_asked: datetime | None


# One miss as written: its text, its decline reason (None: none given) and when it was asked.
MissRow = tuple[str, str | None, datetime]


@dataclass(frozen=True, slots=True)
class MissLimits:
    """How much of the misses log is kept: the newest `max_rows` rows, none older than
    `max_age_days` days. Older rows are deleted as new ones are written."""

    max_rows: int = 10_000
    max_age_days: int = 90

    def cutoff(self, now: datetime) -> datetime:
        return now - timedelta(days=self.max_age_days)


class Storage(Protocol):
    """What the bot keeps between restarts. Every method may raise StorageError."""

    async def schema_version(self) -> int: ...

    async def get_script(self, user_id: int) -> Script | None:
        """The user's saved reply script; None means follow each question's script."""
        ...

    async def set_script(self, user_id: int, script: Script | None) -> None: ...

    async def get_guild_variant(self, guild_id: int) -> TraditionalVariant | None:
        """The server's traditional forms ("tw" or "hk"); None means the bot's default."""
        ...

    async def set_guild_variant(self, guild_id: int, variant: TraditionalVariant | None) -> None:
        """Save the server's traditional forms (None: back to the default); StorageError for
        anything but "tw", "hk" or None."""
        ...

    async def add_ask_channel(self, guild_id: int, channel_id: int) -> None: ...

    async def remove_ask_channel(self, guild_id: int, channel_id: int) -> None: ...

    async def ask_channels(self, guild_id: int) -> list[int]: ...

    async def is_ask_channel(self, guild_id: int, channel_id: int) -> bool: ...

    async def record_miss(self, text: str, reason: str | None = None) -> None:
        """Queue an unanswered question, and why it was declined (the reply's decline_reason), for
        the log; returns at once, never waits for a write."""
        ...

    async def top_misses(self, limit: int, reason: str | None = None) -> list[Miss]:
        """The most often asked unanswered questions, most frequent first; with `reason`, only
        the times they were declined for it (UNKNOWN_REASON: those recorded without one)."""
        ...

    async def misses_by_reason(self, within: str | None = None) -> list[ReasonCount]:
        """The misses counted per decline reason, the most frequent first: a check's vetoes
        together whatever the rule ("check:detail" for "check:detail:salary"), so the check that
        declines most shows as one; `within` a reason (as top_misses filters), each reason whole."""
        ...

    async def save_context(self, message_id: int, questions: Sequence[str], expires_at: datetime) -> None:
        """Keep the conversation (oldest question first) behind the bot's answer `message_id`."""
        ...

    async def context_of(self, message_id: int) -> list[str]:
        """The conversation behind the bot's answer `message_id`; empty when unknown or expired."""
        ...

    async def close(self) -> None: ...


VARIANTS: tuple[TraditionalVariant, ...] = ("tw", "hk")


def checked_variant(variant: object) -> TraditionalVariant | None:
    """`variant` if it is one a server may choose (or None, the default); else StorageError."""
    if variant is None:
        return None
    for known in VARIANTS:
        if variant == known:
            return known
    raise StorageError("unknown traditional variant: use tw or hk")


def clean_miss(text: str) -> str:
    """What the log keeps of a question: whitespace collapsed, at most MAX_MISS_CHARS."""
    return " ".join(text.split())[:MAX_MISS_CHARS]


def clean_reason(reason: str | None) -> str | None:
    """What the log keeps of a decline reason: one word of at most MAX_REASON_CHARS, or None."""
    if reason is None:
        return None
    return "_".join(reason.split())[:MAX_REASON_CHARS] or None


@dataclass(frozen=True, slots=True)
class ReasonFilter:
    """Which misses `--reason` selects: those stored with `value` (None: without a reason) and,
    for a reason with parts, those whose reason goes on from it ("check:asked_detail" selects
    "check:asked_detail:age" too), whose first len(prefix) characters are `prefix`."""

    value: str | None
    prefix: str | None

    @classmethod
    def of(cls, reason: str) -> ReasonFilter:
        if reason == UNKNOWN_REASON:
            return cls(None, None)
        value = clean_reason(reason)
        return cls(value, f"{value}:" if value else None)


def clamp_limit(limit: int) -> int:
    return max(0, min(limit, MAX_LIMIT))


def parse_asked_at(value: object) -> datetime | None:
    """A stored time, or None when the row holds something that is not one (e.g. 'yesterday')."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if not isinstance(value, str):
        return None
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


class MissWriter:
    """A bounded queue of misses and the task that writes them, in batches, off the reply path.

    `write` is the backend's: one transaction that inserts the batch and prunes the log. A
    failed batch is kept and tried again with backoff (the database may come back); while it
    is, new misses queue up to MISS_QUEUE_SIZE and are then dropped with a warning.
    """

    def __init__(self, write: _BatchWriter) -> None:
        self._write = write
        self._queue: asyncio.Queue[MissRow] = asyncio.Queue(MISS_QUEUE_SIZE)
        self._task = asyncio.get_running_loop().create_task(self._run(), name="saga-bot miss writer")
        self.dropped = 0

    def put(self, text: str, reason: str | None = None) -> None:
        text = clean_miss(text)
        if not text:
            return
        try:
            self._queue.put_nowait((text, clean_reason(reason), datetime.now(UTC)))
        except asyncio.QueueFull:
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 100 == 0:
                log.warning(
                    "could not record an unanswered question: %d waiting to be written; %d dropped so far",
                    MISS_QUEUE_SIZE,
                    self.dropped,
                )

    async def flush(self, within: float = MISS_DRAIN_SECONDS) -> None:
        """Wait (at most `within` s) until every queued miss is written or given up."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._queue.join(), within)

    async def close(self) -> None:
        if self._task.done():
            return
        await self.flush()
        if left := self._queue.qsize():
            log.warning("%d unanswered questions were not recorded: the database did not take them", left)
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task

    async def _run(self) -> None:
        delay = MISS_RETRY_SECONDS[0]
        while True:
            batch = [await self._queue.get()]
            while len(batch) < MISS_BATCH and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            while True:
                try:
                    await self._write(batch)
                except StorageError as exc:
                    log.warning("could not record an unanswered question: %s; retrying in %.1f s", exc, delay)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, MISS_RETRY_SECONDS[1])
                    continue
                except Exception:  # a bug must not end the writer and silently stop the log
                    log.exception("could not record %d unanswered questions", len(batch))
                break
            delay = MISS_RETRY_SECONDS[0]
            for _ in batch:
                self._queue.task_done()


class _BatchWriter(Protocol):
    async def __call__(self, batch: list[MissRow], /) -> None: ...


def questions_of(stored: str) -> list[str]:
    """A conversation as stored (a JSON list of questions); empty when it is not one."""
    try:
        questions = json.loads(stored)
    except ValueError:
        return []
    return [q for q in questions if isinstance(q, str)] if isinstance(questions, list) else []
