"""The conversation behind each of the bot's answers, kept in storage with an expiry."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.storage import SCHEMA_VERSION, Storage, open_storage


@pytest.fixture
async def storage(tmp_path: Path) -> AsyncIterator[Storage]:
    store = await open_storage(str(tmp_path / "saga.sqlite3"))
    yield store
    await store.close()


async def test_a_conversation_is_kept_by_the_answers_message_id_until_it_expires(storage: Storage) -> None:
    later = datetime.now(UTC) + timedelta(hours=1)
    await storage.save_context(1001, ["穆拉蒂什么时候离职的?", "穆拉蒂为什么要离开?"], later)
    assert await storage.context_of(1001) == ["穆拉蒂什么时候离职的?", "穆拉蒂为什么要离开?"]
    assert await storage.context_of(1002) == []

    await storage.save_context(1003, ["Brockman什么时候休假?"], datetime.now(UTC) - timedelta(seconds=5))
    assert await storage.context_of(1003) == []


async def test_conversations_survive_a_reopen_and_the_schema_has_their_migration(tmp_path: Path) -> None:
    path = str(tmp_path / "saga.sqlite3")
    first = await open_storage(path)
    await first.save_context(7, ["伊利亚是不是离职了?"], datetime.now(UTC) + timedelta(days=1))
    await first.close()
    again = await open_storage(path)
    try:
        assert await again.context_of(7) == ["伊利亚是不是离职了?"]
        assert await again.schema_version() == SCHEMA_VERSION == 2
    finally:
        await again.close()
