"""SqliteStorage: persistence, migrations, concurrency, and broken or read-only files."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.storage import SCHEMA_VERSION, SqliteStorage, Storage, StorageError, open_storage


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "saga-bot.sqlite3"


@pytest.fixture
async def storage(db_path: Path) -> AsyncIterator[Storage]:
    store = await open_storage(str(db_path))
    yield store
    await store.close()


async def test_new_database_is_migrated_to_the_current_schema(storage: Storage, db_path: Path) -> None:
    assert await asyncio.to_thread(db_path.is_file)
    assert await storage.schema_version() == SCHEMA_VERSION


async def test_wal_mode(storage: Storage, db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_everything_survives_a_restart(db_path: Path) -> None:
    first = await open_storage(str(db_path))
    await first.set_script(1, "traditional")
    await first.set_script(2, "simplified")
    await first.add_ask_channel(10, 100)
    await first.add_ask_channel(10, 101)
    await first.add_ask_channel(11, 200)
    await first.record_miss("天气怎么样")
    await first.close()

    second = await open_storage(f"sqlite:///{db_path}")
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


async def test_concurrent_writes_are_never_lost(db_path: Path) -> None:
    store = await open_storage(str(db_path))
    await asyncio.gather(
        *(store.set_script(user, "traditional" if user % 2 else "simplified") for user in range(100)),
        *(store.add_ask_channel(user % 7, user) for user in range(50)),
        *(store.record_miss(f"问题{user % 5}") for user in range(50)),
    )
    await store.close()

    reopened = await open_storage(str(db_path))
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


async def test_top_misses_counts_and_orders(storage: Storage) -> None:
    for text, times in (("甲", 1), ("乙", 3), ("丙", 2)):
        for _ in range(times):
            await storage.record_miss(text)
    await storage.record_miss("  乙 \n")  # whitespace does not make a new question
    await storage.record_miss("   ")  # nothing to record
    misses = await storage.top_misses(2)
    assert [(m.text, m.count) for m in misses] == [("乙", 4), ("丙", 2)]
    assert misses[0].last_asked.tzinfo is not None


async def test_misses_keep_only_text_and_time(storage: Storage, db_path: Path) -> None:
    await storage.record_miss("x" * 2000)
    with sqlite3.connect(db_path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(miss)")]
        (length,) = connection.execute("SELECT length(text) FROM miss").fetchone()
    assert columns == ["id", "text", "asked_at"]
    assert length == 500


async def test_not_a_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    content = b"these are my notes, not a database\n" * 200
    path.write_bytes(content)
    with pytest.raises(StorageError, match="not a SQLite database"):
        await open_storage(str(path))
    assert path.read_bytes() == content


async def test_damaged_database_is_refused_and_left_untouched(db_path: Path) -> None:
    store = await open_storage(str(db_path))
    for user in range(2000):
        await store.set_script(user, "traditional")
    await store.close()
    data = bytearray(await asyncio.to_thread(db_path.read_bytes))
    page = 4096
    assert len(data) > 3 * page
    data[2 * page : 3 * page] = b"\xff" * page  # scribble over a b-tree page, keep the header
    await asyncio.to_thread(db_path.write_bytes, bytes(data))

    with pytest.raises(StorageError, match="damaged") as caught:
        await open_storage(str(db_path))
    assert str(db_path) in str(caught.value)
    assert await asyncio.to_thread(db_path.read_bytes) == bytes(data)


async def test_read_only_storage_refuses_writes_and_keeps_data(db_path: Path) -> None:
    store = await open_storage(str(db_path))
    await store.set_script(7, "traditional")
    await store.close()

    read_only = await open_storage(str(db_path), read_only=True)
    try:
        with pytest.raises(StorageError, match="read-only"):
            await read_only.set_script(7, "simplified")
        with pytest.raises(StorageError, match="read-only"):
            await read_only.record_miss("问题")
        assert await read_only.get_script(7) == "traditional"
    finally:
        await read_only.close()


async def test_unwritable_file_is_refused_before_opening(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = await open_storage(str(db_path))
    await store.set_script(7, "traditional")
    await store.close()
    before = await asyncio.to_thread(db_path.read_bytes)
    real_access = os.access
    # Stands in for chmod, which root (as in CI) ignores.
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with pytest.raises(StorageError, match="read-only"):
        await open_storage(str(db_path))
    monkeypatch.undo()
    assert await asyncio.to_thread(db_path.read_bytes) == before
    reopened = await open_storage(str(db_path))
    assert await reopened.get_script(7) == "traditional"
    await reopened.close()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
async def test_read_only_file_is_a_storage_error(db_path: Path) -> None:
    store = await open_storage(str(db_path))
    await store.set_script(7, "traditional")
    await store.close()
    await asyncio.to_thread(db_path.chmod, 0o444)
    db_path.parent.chmod(0o555)
    try:
        with pytest.raises(StorageError, match="read-only"):
            await open_storage(str(db_path))
    finally:
        db_path.parent.chmod(0o755)
        await asyncio.to_thread(db_path.chmod, 0o644)
    reopened = await open_storage(str(db_path))
    assert await reopened.get_script(7) == "traditional"
    await reopened.close()


async def test_missing_database_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no database at"):
        await open_storage(str(tmp_path / "absent.sqlite3"), read_only=True)
    assert not (tmp_path / "absent.sqlite3").exists()


async def test_newer_schema_is_refused(db_path: Path) -> None:
    store = await open_storage(str(db_path))
    await store.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION + 1,))
    with pytest.raises(StorageError, match="newer"):
        await open_storage(str(db_path))


async def test_closed_storage_raises_storage_error(db_path: Path) -> None:
    store = await open_storage(str(db_path))
    await store.close()
    await store.close()  # idempotent
    with pytest.raises(StorageError, match="closed"):
        await store.get_script(1)


async def test_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    relative = await open_storage("sqlite:///rel/db.sqlite3")
    await relative.close()
    assert (tmp_path / "rel" / "db.sqlite3").is_file()
    absolute = await open_storage(f"sqlite:///{tmp_path / 'abs.sqlite3'}")
    await absolute.close()
    assert (tmp_path / "abs.sqlite3").is_file()
    memory = await open_storage(":memory:")
    assert isinstance(memory, SqliteStorage)
    await memory.close()


async def test_postgres_url_is_a_clear_error_without_the_password() -> None:
    with pytest.raises(StorageError) as caught:
        await open_storage("postgresql://saga:hunter2@db.example/saga")
    assert "PostgreSQL" in str(caught.value)
    assert "hunter2" not in str(caught.value)
    with pytest.raises(StorageError, match="unsupported"):
        await open_storage("mysql://x/y")
