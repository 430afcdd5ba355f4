"""The Storage contract, run against both backends: SQLite and a real PostgreSQL server."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from bot.storage import (
    SCHEMA_VERSION,
    UNKNOWN_REASON,
    MissLimits,
    Storage,
    StorageError,
    open_storage,
    postgres,
    sqlite,
)


@pytest.fixture
async def storage(location: str) -> AsyncIterator[Storage]:
    store = await open_storage(location)
    yield store
    await store.close()


async def raw(location: str, sqlite_sql: str, postgres_sql: str | None = None) -> None:
    """Change the database behind the storage's back, as an admin's hand edit would."""
    if location.startswith("postgresql://"):
        connection = await asyncpg.connect(location)
        try:
            await connection.execute(postgres_sql or sqlite_sql)
        finally:
            await connection.close()
    else:
        with sqlite3.connect(location) as connection:
            connection.executescript(sqlite_sql)
        connection.close()


@asynccontextmanager
async def write_lock_held(location: str) -> AsyncIterator[None]:
    """Another client holds a write lock on the misses table (SQLite: on the whole file)."""
    if location.startswith("postgresql://"):
        connection = await asyncpg.connect(location)
        transaction = connection.transaction()
        await transaction.start()
        await connection.execute("LOCK TABLE miss IN ACCESS EXCLUSIVE MODE")
        try:
            yield
        finally:
            await transaction.rollback()
            await connection.close()
    else:
        connection = sqlite3.connect(location, isolation_level=None, check_same_thread=False)
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO miss (text, asked_at) VALUES ('held', '2000-01-01T00:00:00')")
        try:
            yield
        finally:
            connection.execute("ROLLBACK")
            connection.close()


async def test_new_database_is_migrated_to_the_current_schema(storage: Storage) -> None:
    assert await storage.schema_version() == SCHEMA_VERSION


async def test_everything_survives_a_restart(location: str) -> None:
    first = await open_storage(location)
    await first.set_script(1, "traditional")
    await first.set_script(2, "simplified")
    await first.add_ask_channel(10, 100)
    await first.add_ask_channel(10, 101)
    await first.add_ask_channel(11, 200)
    await first.record_miss("天气怎么样")
    await first.close()

    second = await open_storage(location)
    try:
        assert await second.get_script(1) == "traditional"
        assert await second.get_script(2) == "simplified"
        assert await second.get_script(3) is None
        assert await second.ask_channels(10) == [100, 101]
        assert await second.is_ask_channel(11, 200)
        assert not await second.is_ask_channel(10, 200)
        assert [m.text for m in await second.top_misses(5)] == ["天气怎么样"]
        assert await second.schema_version() == SCHEMA_VERSION
    finally:
        await second.close()


async def test_discord_sized_ids_round_trip(storage: Storage) -> None:
    big = 2**63 - 1  # snowflakes are 64-bit
    await storage.set_script(big, "traditional")
    await storage.add_ask_channel(big, big - 1)
    assert await storage.get_script(big) == "traditional"
    assert await storage.ask_channels(big) == [big - 1]


async def test_auto_clears_the_preference(storage: Storage) -> None:
    await storage.set_script(1, "traditional")
    await storage.set_script(1, None)
    assert await storage.get_script(1) is None


async def test_ask_channels_add_and_remove(storage: Storage) -> None:
    await storage.add_ask_channel(1, 5)
    await storage.add_ask_channel(1, 5)  # twice is once
    assert await storage.ask_channels(1) == [5]
    await storage.remove_ask_channel(1, 5)
    await storage.remove_ask_channel(1, 5)  # removing a non-channel is fine
    assert await storage.ask_channels(1) == []
    assert not await storage.is_ask_channel(1, 5)


async def test_concurrent_writes_are_never_lost(location: str) -> None:
    store = await open_storage(location)
    await asyncio.gather(
        *(store.set_script(user, "traditional" if user % 2 else "simplified") for user in range(100)),
        *(store.add_ask_channel(user % 7, user) for user in range(50)),
        *(store.record_miss(f"问题{user % 5}") for user in range(50)),
    )
    await store.close()

    reopened = await open_storage(location)
    try:
        scripts = await asyncio.gather(*(reopened.get_script(user) for user in range(100)))
        assert scripts == ["traditional" if user % 2 else "simplified" for user in range(100)]
        channels = [c for guild in range(7) for c in await reopened.ask_channels(guild)]
        assert sorted(channels) == list(range(50))
        misses = await reopened.top_misses(10)
        assert sum(m.count for m in misses) == 50
        assert {m.count for m in misses} == {10}
    finally:
        await reopened.close()


async def test_concurrent_opens_all_succeed_and_migrate_once(location: str) -> None:
    # Issue #17 item 4: opens racing on a fresh database failed with "database is locked" or
    # "table user_script already exists"; they must all open, and the schema be migrated once.
    for _ in range(3):
        stores = await asyncio.gather(*(open_storage(location) for _ in range(8)))
        try:
            assert [await s.schema_version() for s in stores] == [SCHEMA_VERSION] * 8
        finally:
            for store in stores:
                await store.close()


async def test_top_misses_counts_and_orders(storage: Storage) -> None:
    for text, times in (("甲", 1), ("乙", 3), ("丙", 2)):
        for _ in range(times):
            await storage.record_miss(text)
    await storage.record_miss("  乙 \n")  # whitespace does not make a new question
    await storage.record_miss("   ")  # nothing to record
    misses = await storage.top_misses(2)
    assert [(m.text, m.count) for m in misses] == [("乙", 4), ("丙", 2)]
    assert misses[0].last_asked is not None and misses[0].last_asked.tzinfo is not None


async def test_a_huge_limit_is_clamped_not_an_overflow(storage: Storage) -> None:
    # Issue #17 item 13: `misses --limit 99999999999999999999` overflowed SQLite's integer.
    await storage.record_miss("甲")
    assert [m.text for m in await storage.top_misses(99999999999999999999)] == ["甲"]


async def test_misses_are_capped_by_count(location: str) -> None:
    # Issue #17 item 12: the log grew without bound.
    store = await open_storage(location, limits=MissLimits(max_rows=5, max_age_days=90))
    try:
        for number in range(20):
            await store.record_miss(f"问题{number:02d}")
        misses = await store.top_misses(100)
        assert sorted(m.text for m in misses) == [f"问题{n:02d}" for n in range(15, 20)]
    finally:
        await store.close()


async def test_misses_are_capped_by_age(location: str) -> None:
    store = await open_storage(location, limits=MissLimits(max_rows=1000, max_age_days=30))
    await store.close()
    old = (datetime.now(UTC) - timedelta(days=31)).isoformat(timespec="seconds")
    recent = (datetime.now(UTC) - timedelta(days=29)).isoformat(timespec="seconds")
    await raw(
        location,
        f"INSERT INTO miss (text, asked_at) VALUES ('旧', '{old}'), ('近', '{recent}')",
    )
    store = await open_storage(location, limits=MissLimits(max_rows=1000, max_age_days=30))
    try:
        await store.record_miss("新")
        assert sorted(m.text for m in await store.top_misses(10)) == sorted(["近", "新"])
    finally:
        await store.close()


async def test_replies_never_wait_for_a_write_lock(location: str) -> None:
    # Issue #17 item 9: a miss was recorded before the reply under a lock that reads also
    # waited on, so a write lock held elsewhere delayed replies by seconds.
    store = await open_storage(location)
    try:
        await store.set_script(1, "traditional")
        async with write_lock_held(location):

            async def quick(call: Callable[[], Awaitable[object]]) -> float:
                started = time.perf_counter()
                await asyncio.wait_for(call(), 3.0)
                return time.perf_counter() - started

            assert await quick(lambda: store.record_miss("没人回答的问题")) < 0.1
            assert await quick(lambda: store.get_script(1)) < 1.0  # it waited 5 s before
            assert await store.get_script(1) == "traditional"
        # The queued miss is written once the lock is gone.
        assert [m.text for m in await store.top_misses(5)] == ["没人回答的问题"]
    finally:
        await store.close()


async def test_newer_schema_is_refused(location: str) -> None:
    store = await open_storage(location)
    await store.close()
    await raw(location, f"INSERT INTO schema_version (version) VALUES ({SCHEMA_VERSION + 1})")
    with pytest.raises(StorageError, match="newer"):
        await open_storage(location)


async def test_tables_without_schema_version_are_refused(location: str) -> None:
    store = await open_storage(location)
    await store.set_script(1, "traditional")
    await store.close()
    await raw(location, "DROP TABLE schema_version")
    with pytest.raises(StorageError, match="no schema_version"):
        await open_storage(location)
    # Nothing was added: the table is still missing, the data still there.
    with pytest.raises(StorageError, match="no schema_version"):
        await open_storage(location)


async def test_closed_storage_raises_storage_error(location: str) -> None:
    store = await open_storage(location)
    await store.close()
    await store.close()  # idempotent
    with pytest.raises(StorageError, match="closed"):
        await store.get_script(1)
    with pytest.raises(StorageError, match="closed"):
        await store.set_script(1, "traditional")


async def test_a_read_only_open_lists_misses_and_refuses_writes(location: str) -> None:
    # `saga-bot misses` opens read-only, beside a running bot.
    bot = await open_storage(location)
    try:
        await bot.record_miss("问题")
        await bot.top_misses(1)  # written
        reader = await open_storage(location, read_only=True)
        try:
            assert [(m.text, m.count) for m in await reader.top_misses(5)] == [("问题", 1)]
            with pytest.raises(StorageError, match="read-only"):
                await reader.set_script(1, "traditional")
            with pytest.raises(StorageError, match="read-only"):
                await reader.record_miss("另一个")
        finally:
            await reader.close()
    finally:
        await bot.close()


# -- a server's traditional forms (Taiwan or Hong Kong), by migration 2 ---------------------------


async def test_a_guilds_variant_is_kept_across_restarts(location: str) -> None:
    first = await open_storage(location)
    try:
        assert await first.get_guild_variant(1) is None
        await first.set_guild_variant(1, "hk")
        await first.set_guild_variant(2, "tw")
        await first.set_guild_variant(2, "hk")  # a second choice replaces the first
        await first.set_guild_variant(2**63 - 1, "hk")  # a Discord-sized id
        assert await first.get_guild_variant(2) == "hk"
    finally:
        await first.close()
    second = await open_storage(location)
    try:
        assert await second.get_guild_variant(1) == "hk"
        assert await second.get_guild_variant(2) == "hk"
        assert await second.get_guild_variant(2**63 - 1) == "hk"
        await second.set_guild_variant(1, None)  # back to the bot's default
        assert await second.get_guild_variant(1) is None
        assert await second.get_guild_variant(2) == "hk"
    finally:
        await second.close()


async def test_an_unknown_variant_is_refused_and_changes_nothing(storage: Storage) -> None:
    await storage.set_guild_variant(1, "tw")
    with pytest.raises(StorageError):
        await storage.set_guild_variant(1, "xx")  # type: ignore[arg-type]
    assert await storage.get_guild_variant(1) == "tw"


async def test_a_read_only_open_reads_variants_and_refuses_to_set_them(location: str) -> None:
    writer = await open_storage(location)
    try:
        await writer.set_guild_variant(7, "hk")
    finally:
        await writer.close()
    reader = await open_storage(location, read_only=True)
    try:
        assert await reader.get_guild_variant(7) == "hk"
        with pytest.raises(StorageError):
            await reader.set_guild_variant(7, "tw")
    finally:
        await reader.close()


async def test_a_version_one_database_is_migrated_keeping_its_data(location: str) -> None:
    """A database the previous release made (schema 1) gains the variants table and keeps its rows."""
    backend = postgres if location.startswith("postgresql://") else sqlite
    if backend is sqlite:
        Path(location).parent.mkdir(parents=True, exist_ok=True)
    version_one = (
        backend.MIGRATIONS[0]
        + "CREATE TABLE schema_version (version INTEGER NOT NULL);"
        + "INSERT INTO schema_version (version) VALUES (1);"
        + "INSERT INTO ask_channel (guild_id, channel_id) VALUES (5, 50);"
    )
    await raw(location, version_one)
    storage = await open_storage(location)
    try:
        assert await storage.schema_version() == SCHEMA_VERSION >= 2
        assert await storage.ask_channels(5) == [50]
        assert await storage.get_guild_variant(5) is None
        await storage.set_guild_variant(5, "hk")
        assert await storage.get_guild_variant(5) == "hk"
    finally:
        await storage.close()


async def test_a_database_of_the_first_schema_gains_the_conversations_and_keeps_its_data(
    location: str,
) -> None:
    first = await open_storage(location)
    await first.set_script(3, "traditional")
    await first.close()
    # As the first release left it: none of the later migrations' tables, schema version 1.
    await raw(
        location,
        "DROP TABLE answer_context; DROP TABLE guild_variant; ALTER TABLE miss DROP COLUMN reason; "
        "DELETE FROM schema_version WHERE version > 1;",
    )
    store = await open_storage(location)
    try:
        assert await store.schema_version() == SCHEMA_VERSION
        assert await store.get_script(3) == "traditional"
        await store.save_context(4, ["穆拉蒂什么时候离职的?"], datetime.now(UTC) + timedelta(hours=1))
        assert await store.context_of(4) == ["穆拉蒂什么时候离职的?"]
    finally:
        await store.close()


# -- conversations behind answers -------------------------------------------------------------


async def test_a_conversation_is_kept_by_the_answers_message_id_until_it_expires(storage: Storage) -> None:
    later = datetime.now(UTC) + timedelta(hours=1)
    await storage.save_context(1001, ["穆拉蒂什么时候离职的?", "穆拉蒂为什么要离开?"], later)
    assert await storage.context_of(1001) == ["穆拉蒂什么时候离职的?", "穆拉蒂为什么要离开?"]
    assert await storage.context_of(1002) == []

    await storage.save_context(1003, ["Brockman什么时候休假?"], datetime.now(UTC) - timedelta(seconds=5))
    assert await storage.context_of(1003) == []


async def test_a_conversation_saved_again_is_replaced(storage: Storage) -> None:
    later = datetime.now(UTC) + timedelta(hours=1)
    await storage.save_context(5, ["穆拉蒂什么时候离职的?"], later)
    await storage.save_context(5, ["Brockman什么时候休假?", "他回来了吗?"], later)
    assert await storage.context_of(5) == ["Brockman什么时候休假?", "他回来了吗?"]


async def test_conversations_survive_a_reopen(location: str) -> None:
    first = await open_storage(location)
    await first.save_context(7, ["伊利亚是不是离职了?"], datetime.now(UTC) + timedelta(days=1))
    await first.close()
    again = await open_storage(location)
    try:
        assert await again.context_of(7) == ["伊利亚是不是离职了?"]
    finally:
        await again.close()


async def test_a_damaged_stored_conversation_reads_as_none(location: str) -> None:
    # Written by hand or by a later version: not a list of questions, so no context and no error.
    await (await open_storage(location)).close()
    await raw(
        location,
        "INSERT INTO answer_context VALUES (9, 'not json', '2999-01-01T00:00:00+00:00');"
        "INSERT INTO answer_context VALUES (10, '{\"a\": 1}', '2999-01-01T00:00:00+00:00');",
    )
    store = await open_storage(location)
    try:
        assert await store.context_of(9) == []
        assert await store.context_of(10) == []
    finally:
        await store.close()


async def test_a_read_only_open_reads_conversations_and_refuses_to_keep_them(location: str) -> None:
    writer = await open_storage(location)
    await writer.save_context(11, ["穆拉蒂什么时候离职的?"], datetime.now(UTC) + timedelta(hours=1))
    await writer.close()
    reader = await open_storage(location, read_only=True)
    try:
        assert await reader.context_of(11) == ["穆拉蒂什么时候离职的?"]
        with pytest.raises(StorageError):
            await reader.save_context(12, ["x"], datetime.now(UTC) + timedelta(hours=1))
    finally:
        await reader.close()


# -- why each miss was declined, by migration 4 ------------------------------------------------


async def test_misses_keep_why_they_were_declined(storage: Storage) -> None:
    for text, reason in [
        ("甲", "below_threshold"),
        ("甲", "below_threshold"),
        ("乙", None),
        ("丙", "no_margin"),
        ("甲", "check:asked_detail:age"),  # its latest reason: the engine changed in between
    ]:
        await storage.record_miss(text, reason)
    listed = [(m.text, m.count, m.reason) for m in await storage.top_misses(10)]
    assert listed == [("甲", 3, "check:asked_detail:age"), ("丙", 1, "no_margin"), ("乙", 1, None)]
    # Filtered: only the times a question was declined for that reason.
    assert [(m.text, m.count) for m in await storage.top_misses(10, "below_threshold")] == [("甲", 2)]
    assert [(m.text, m.reason) for m in await storage.top_misses(10, UNKNOWN_REASON)] == [("乙", None)]
    assert await storage.top_misses(10, "too_novel") == []
    # A reason with parts selects those that go on from it, whole parts only.
    for broader in ("check:asked_detail", "check"):
        assert [(m.text, m.count, m.reason) for m in await storage.top_misses(10, broader)] == [
            ("甲", 1, "check:asked_detail:age")
        ]
    assert await storage.top_misses(10, "check:asked") == []
    assert await storage.top_misses(10, "below") == []
    counted = [(r.reason, r.count, r.questions) for r in await storage.misses_by_reason()]
    assert counted == [
        ("below_threshold", 2, 1),
        ("check:asked_detail", 1, 1),  # a check's vetoes counted together, whatever the rule
        ("no_margin", 1, 1),
        (None, 1, 1),  # recorded without a reason: last among equals
    ]
    assert all(r.last_asked is not None and r.last_asked.tzinfo for r in await storage.misses_by_reason())


async def test_misses_by_reason_count_a_check_whole_and_its_rules_apart(storage: Storage) -> None:
    for text, reason in [
        ("甲", "check:detail:salary"),
        ("乙", "check:detail:salary"),
        ("丙", "check:detail:stock"),
        ("丙", "check:detail:stock"),
        ("丁", "check:tells_a_move"),
        ("戊", "below_threshold"),
        ("己", "below_threshold"),
        ("庚", "several_facts:duration"),
    ]:
        await storage.record_miss(text, reason)
    # Split by rule, the detail check would hide behind below_threshold; together it leads.
    assert [(r.reason, r.count, r.questions) for r in await storage.misses_by_reason()] == [
        ("check:detail", 4, 3),
        ("below_threshold", 2, 2),
        ("check:tells_a_move", 1, 1),
        ("several_facts:duration", 1, 1),
    ]
    # Within one check, its rules apart: what to fix first.
    assert [(r.reason, r.count) for r in await storage.misses_by_reason("check:detail")] == [
        ("check:detail:salary", 2),
        ("check:detail:stock", 2),
    ]
    assert [(r.reason, r.count) for r in await storage.misses_by_reason("check")] == [
        ("check:detail:salary", 2),
        ("check:detail:stock", 2),
        ("check:tells_a_move", 1),
    ]
    assert [r.reason for r in await storage.misses_by_reason(UNKNOWN_REASON)] == []


async def test_a_reason_is_kept_as_one_short_word(storage: Storage) -> None:
    await storage.record_miss("甲", "  check:x " + "y" * 300 + "\n")
    await storage.record_miss("乙", "   ")  # nothing: as if none were given
    reasons = {m.text: m.reason for m in await storage.top_misses(10)}
    assert reasons == {"甲": "check:x_" + "y" * 92, "乙": None}


async def _dump(location: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in insertion order, as the database holds them."""
    tables = ["user_script", "ask_channel", "miss", "guild_variant", "answer_context", "schema_version"]
    if location.startswith("postgresql://"):
        connection = await asyncpg.connect(location)
        try:
            return {
                table: [tuple(r) for r in await connection.fetch(f"SELECT * FROM {table} ORDER BY ctid")]
                for table in tables
            }
        finally:
            await connection.close()
    with sqlite3.connect(location) as db:
        dumped = {table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in tables}
        dumped["sqlite_master"] = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    db.close()
    return dumped


async def test_a_version_three_database_gains_reasons_and_keeps_every_row(location: str) -> None:
    """A database the previous release made (schema 3, with rows in every table) is migrated: every
    row is kept as it was, old misses gain a NULL reason and are listed as "unknown"."""
    backend = postgres if location.startswith("postgresql://") else sqlite
    if backend is sqlite:
        Path(location).parent.mkdir(parents=True, exist_ok=True)
    asked = "'2026-11-01T08:00:00+00:00'"
    version_three = (
        "".join(backend.MIGRATIONS[:3])
        + "CREATE TABLE schema_version (version INTEGER NOT NULL);"
        + "INSERT INTO schema_version (version) VALUES (1), (2), (3);"
        + "INSERT INTO user_script VALUES (9007199254740993, 'traditional');"
        + "INSERT INTO ask_channel VALUES (5, 50), (5, 51);"
        + "INSERT INTO guild_variant VALUES (5, 'hk');"
        + "INSERT INTO answer_context VALUES (77, '[\"穆拉蒂什么时候离职的?\"]', '2999-01-01T00:00:00+00:00');"
        + f"INSERT INTO miss (text, asked_at) VALUES ('天气怎么样', {asked}), ('天气怎么样', {asked}), "
        + f"('股价 多少 \t', {asked});"
    )
    await raw(location, version_three)
    before = await _dump(location)
    store = await open_storage(location)
    try:
        assert await store.schema_version() == SCHEMA_VERSION == 4
        assert [(m.text, m.count, m.reason) for m in await store.top_misses(10)] == [
            ("天气怎么样", 2, None),
            ("股价 多少 \t", 1, None),
        ]
        assert [(r.reason, r.count, r.questions) for r in await store.misses_by_reason()] == [(None, 3, 2)]
    finally:
        await store.close()
    after = await _dump(location)
    assert after["miss"] == [(*row, None) for row in before["miss"]]  # each old row, reason NULL
    assert after["schema_version"] == [*before["schema_version"], (4,)]
    for table in ("user_script", "ask_channel", "guild_variant", "answer_context"):
        assert after[table] == before[table], table
    if backend is sqlite:  # every other table's definition untouched, and its indexes
        unchanged = [row for row in before["sqlite_master"] if row[2] not in ("miss", "schema_version")]
        assert [
            row for row in after["sqlite_master"] if row[2] not in ("miss", "schema_version")
        ] == unchanged


async def test_a_read_only_open_of_a_version_three_database_asks_for_the_bot_first(location: str) -> None:
    # `saga-bot misses` beside a bot not yet upgraded: told, and nothing is changed.
    backend = postgres if location.startswith("postgresql://") else sqlite
    if backend is sqlite:
        Path(location).parent.mkdir(parents=True, exist_ok=True)
    await raw(
        location,
        "".join(backend.MIGRATIONS[:3])
        + "CREATE TABLE schema_version (version INTEGER NOT NULL);"
        + "INSERT INTO schema_version (version) VALUES (1), (2), (3);",
    )
    before = await _dump(location)
    with pytest.raises(StorageError, match="needs a migration"):
        await open_storage(location, read_only=True)
    assert await _dump(location) == before
