"""SqliteStorage only: files, WAL, one process per file, and broken, foreign or read-only files
(the behaviour both backends share is in test_behaviour.py)."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.storage import SCHEMA_VERSION, SqliteStorage, Storage, StorageError, open_storage
from bot.storage import sqlite as sqlite_storage


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


async def test_misses_keep_only_text_time_and_reason(storage: Storage, db_path: Path) -> None:
    await storage.record_miss("x" * 2000)
    await storage.top_misses(1)  # waits for the background write
    with sqlite3.connect(db_path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(miss)")]
        (length,) = connection.execute("SELECT length(text) FROM miss").fetchone()
    assert columns == ["id", "text", "asked_at", "reason"]
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


async def test_unknown_url_scheme_is_refused() -> None:
    with pytest.raises(StorageError, match="unsupported"):
        await open_storage("mysql://x/y")


# -- issue #17 item 4: one process per file; migrations in one transaction --------------------

OPEN_AND_HOLD = """
import asyncio, sys
from bot.storage import StorageError, open_storage

async def main() -> int:
    try:
        store = await open_storage(sys.argv[1])
    except StorageError as exc:
        print(exc, file=sys.stderr)
        return 1
    await asyncio.sleep(float(sys.argv[2]))
    await store.close()
    return 0

sys.exit(asyncio.run(main()))
"""


def open_in_another_process(path: Path, hold: float = 0.0) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", OPEN_AND_HOLD, str(path), str(hold)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def test_a_second_process_on_the_same_file_is_refused_in_one_line(db_path: Path) -> None:
    store = await open_storage(str(db_path))
    try:
        await store.add_ask_channel(1, 2)
        before = await asyncio.to_thread(db_path.read_bytes)
        other = open_in_another_process(db_path)
        _out, err = await asyncio.to_thread(other.communicate, timeout=60)
        assert other.returncode == 1
        assert err.count("\n") == 1 and "Traceback" not in err
        assert f"database {db_path} is in use by another saga-bot process" in err
        assert "PostgreSQL" in err
        assert await asyncio.to_thread(db_path.read_bytes) == before
        assert await store.is_ask_channel(1, 2)
    finally:
        await store.close()
    # Once this process lets go, another may open the file.
    other = open_in_another_process(db_path)
    _out, err = await asyncio.to_thread(other.communicate, timeout=60)
    assert other.returncode == 0, err


async def test_processes_started_together_on_a_fresh_file(tmp_path: Path) -> None:
    # Before: one in 8 of 20 pairs died with "table user_script already exists".
    for attempt in range(5):
        path = tmp_path / f"fresh{attempt}.sqlite3"
        processes = [open_in_another_process(path, hold=0.2) for _ in range(3)]
        results = [await asyncio.to_thread(p.communicate, timeout=60) for p in processes]
        codes = [p.returncode for p in processes]
        assert 0 in codes
        for code, (_out, err) in zip(codes, results, strict=True):
            assert code == 0 or "in use by another saga-bot process" in err, err
            assert "Traceback" not in err
        store = await open_storage(str(path))
        assert await store.schema_version() == SCHEMA_VERSION
        await store.close()


async def test_a_failed_migration_leaves_nothing_behind(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = (*sqlite_storage.MIGRATIONS[:-1], sqlite_storage.MIGRATIONS[-1] + "; CREATE TABLE broken (")
    monkeypatch.setattr(sqlite_storage, "MIGRATIONS", broken)
    with pytest.raises(StorageError):
        await open_storage(str(db_path))
    with sqlite3.connect(db_path) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master").fetchall()
    connection.close()
    assert tables == []  # not even schema_version: the migration is one transaction


# -- issue #17 items 5 and 13: a refused database stays byte for byte as it was ----------------


def rollback_journal_database(path: Path, script: str) -> bytes:
    """A saga-bot database as an older tool or a hand edit may leave it: not in WAL mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as connection:
        connection.executescript(sqlite_storage.MIGRATIONS[0])
        connection.executescript(
            "CREATE TABLE schema_version (version INTEGER NOT NULL);"
            "INSERT INTO schema_version VALUES (1);"
            "INSERT INTO user_script VALUES (7, 'traditional');" + script
        )
    connection.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ("DROP TABLE schema_version;", "no schema_version table"),
        ("UPDATE schema_version SET version = 'two';", "not a version number"),
        ("INSERT INTO schema_version VALUES ('latest');", "not a version number"),
        (f"INSERT INTO schema_version VALUES ({SCHEMA_VERSION + 1});", "newer than this saga-bot"),
    ],
)
async def test_a_refused_database_is_left_byte_for_byte(db_path: Path, edit: str, message: str) -> None:
    before = rollback_journal_database(db_path, edit)
    with pytest.raises(StorageError, match=message) as caught:
        await open_storage(str(db_path))
    assert "\n" not in str(caught.value)
    assert await asyncio.to_thread(db_path.read_bytes) == before
    assert not db_path.with_name(db_path.name + "-wal").exists()


async def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "photos.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO photo (name) VALUES ('cat.jpg')")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not a saga-bot database"):
        await open_storage(str(path))
    assert await asyncio.to_thread(path.read_bytes) == before


async def test_a_malformed_ask_channel_row_is_skipped_with_one_warning(
    db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = await open_storage(str(db_path))
    await store.add_ask_channel(1, 10)
    await store.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("INSERT INTO ask_channel VALUES ('general', 11), (1, X'00ff')")
    connection.close()
    store = await open_storage(str(db_path))
    try:
        assert await store.ask_channels(1) == [10]
    finally:
        await store.close()
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert warning.getMessage() == (
        f"database {db_path}: ignored 2 ask_channel row(s) whose ids are not integers"
    )


async def test_an_unreadable_asked_at_is_listed_without_a_time(db_path: Path) -> None:
    store = await open_storage(str(db_path))
    await store.record_miss("甲")
    await store.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO miss (text, asked_at) VALUES ('甲', 'yesterday'), ('乙', 'yesterday')"
        )
    connection.close()
    store = await open_storage(str(db_path), read_only=True)
    try:
        first, second = await store.top_misses(10)
    finally:
        await store.close()
    assert (first.text, first.count) == ("甲", 2)
    assert first.last_asked is not None  # the readable time wins over 'yesterday'
    assert (second.text, second.count, second.last_asked) == ("乙", 1, None)


async def test_a_killed_process_leaves_no_stale_lock(db_path: Path) -> None:
    holder = open_in_another_process(db_path, hold=60)
    try:
        # Until the other process holds the file (it may not have opened it yet).
        for _ in range(600):
            try:
                store = await open_storage(str(db_path))
            except StorageError as exc:
                assert "in use by another saga-bot process" in str(exc)
                break
            await store.close()
            if holder.poll() is not None:  # it tried while this process held the file: again
                holder = open_in_another_process(db_path, hold=60)
            await asyncio.sleep(0.05)
        else:
            raise AssertionError("the other process never held the database")
        holder.kill()  # SIGKILL: no clean-up runs
        await asyncio.to_thread(holder.wait, 30)
        store = await open_storage(str(db_path))
        assert await store.schema_version() == SCHEMA_VERSION
        await store.close()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


async def test_opens_of_one_file_in_a_process_take_turns(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Opens racing on a fresh file waited on SQLite's polling busy handler (one switching the
    # file to WAL while the others read it) and, on a loaded machine, failed with "database is
    # locked". One open at a time per file in a process leaves nothing to wait for.
    preparing = 0
    most_at_once = 0
    prepare = SqliteStorage._prepare

    async def counted_prepare(self: SqliteStorage, *, read_only: bool, memory: bool) -> None:
        nonlocal preparing, most_at_once
        preparing += 1
        most_at_once = max(most_at_once, preparing)
        try:
            await asyncio.sleep(0.01)  # let the other opens run, as a slow machine would
            await prepare(self, read_only=read_only, memory=memory)
        finally:
            preparing -= 1

    monkeypatch.setattr(SqliteStorage, "_prepare", counted_prepare)
    stores = await asyncio.gather(*(open_storage(str(db_path)) for _ in range(4)))
    try:
        assert most_at_once == 1
        assert [await s.schema_version() for s in stores] == [SCHEMA_VERSION] * 4
    finally:
        for store in stores:
            await store.close()
