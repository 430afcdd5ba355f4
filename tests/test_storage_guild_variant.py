"""A server's traditional forms (Taiwan or Hong Kong): stored per guild, by migration 2."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.storage import MIGRATIONS, SCHEMA_VERSION, StorageError, open_storage


async def test_a_guilds_variant_is_kept_across_restarts(tmp_path: Path) -> None:
    path = str(tmp_path / "saga.sqlite3")
    first = await open_storage(path)
    try:
        assert await first.get_guild_variant(1) is None
        await first.set_guild_variant(1, "hk")
        await first.set_guild_variant(2, "tw")
        await first.set_guild_variant(2, "hk")  # a second choice replaces the first
    finally:
        await first.close()
    second = await open_storage(path)
    try:
        assert await second.get_guild_variant(1) == "hk"
        assert await second.get_guild_variant(2) == "hk"
        await second.set_guild_variant(1, None)  # back to the bot's default
        assert await second.get_guild_variant(1) is None
    finally:
        await second.close()


async def test_an_unknown_variant_is_refused(tmp_path: Path) -> None:
    storage = await open_storage(str(tmp_path / "saga.sqlite3"))
    try:
        with pytest.raises(StorageError):
            await storage.set_guild_variant(1, "xx")  # type: ignore[arg-type]
    finally:
        await storage.close()


async def test_a_version_one_database_is_migrated_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0])
        db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        db.execute("INSERT INTO schema_version (version) VALUES (1)")
        db.execute("INSERT INTO ask_channel (guild_id, channel_id) VALUES (5, 50)")
    db.close()
    storage = await open_storage(str(path))
    try:
        assert await storage.schema_version() == SCHEMA_VERSION >= 2
        assert await storage.ask_channels(5) == [50]
        await storage.set_guild_variant(5, "hk")
        assert await storage.get_guild_variant(5) == "hk"
    finally:
        await storage.close()
