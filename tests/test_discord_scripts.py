"""Choosing the reply script: the input's, else the saved preference, else the locale, else simplified."""

from __future__ import annotations

from unittest.mock import AsyncMock

import discord
import pytest

from bot.discord.scripts import locale_script, pick_script, script_for
from bot.storage import Storage, StorageError, open_storage


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (discord.Locale.taiwan_chinese, "traditional"),
        (discord.Locale.chinese, "simplified"),
        ("zh-HK", "traditional"),
        ("zh-Hant", "traditional"),
        ("zh", "simplified"),
        (discord.Locale.american_english, None),
        (discord.Locale.japanese, None),
        (None, None),
    ],
)
def test_locale_script(locale: discord.Locale | str | None, expected: str | None) -> None:
    assert locale_script(locale) == expected


def test_the_inputs_script_wins() -> None:
    assert pick_script("穆拉蒂什么时候离职", "traditional", discord.Locale.taiwan_chinese) == "simplified"
    assert pick_script("穆拉蒂什麼時候離職", "simplified", discord.Locale.chinese) == "traditional"


def test_no_chinese_falls_back_in_order() -> None:
    assert pick_script("Who is Ilya?", "traditional", discord.Locale.chinese) == "traditional"
    assert pick_script("Who is Ilya?", None, discord.Locale.taiwan_chinese) == "traditional"
    assert pick_script("Who is Ilya?", None, discord.Locale.chinese) == "simplified"
    assert pick_script("Who is Ilya?", None, discord.Locale.american_english) == "simplified"
    assert pick_script(None, None, None, "traditional") == "traditional"
    # Characters shared by both scripts decide nothing either.
    assert pick_script("Ilya去哪了", None, discord.Locale.taiwan_chinese) == "traditional"


async def test_script_for_reads_the_saved_preference() -> None:
    storage = await open_storage(":memory:")
    try:
        await storage.set_script(5, "traditional")
        assert await script_for(storage, 5, "2024-05", discord.Locale.chinese) == "traditional"
        assert await script_for(storage, 6, "2024-05", discord.Locale.taiwan_chinese) == "traditional"
        assert await script_for(storage, 6, "2024-05", None) == "simplified"
    finally:
        await storage.close()


async def test_script_for_skips_storage_when_the_text_decides() -> None:
    storage = AsyncMock(spec_set=Storage)
    assert await script_for(storage, 1, "离职", None) == "simplified"
    storage.get_script.assert_not_awaited()


async def test_a_storage_failure_costs_only_the_preference() -> None:
    storage = AsyncMock(spec_set=Storage)
    storage.get_script.side_effect = StorageError("database x is damaged")
    assert await script_for(storage, 1, "Who?", discord.Locale.taiwan_chinese) == "traditional"
