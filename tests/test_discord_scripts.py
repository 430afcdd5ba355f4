"""Choosing the reply script: the input's, else the saved preference, else the locale, else simplified."""

from __future__ import annotations

from unittest.mock import AsyncMock

import discord
import pytest

from bot.discord.scripts import locale_script, pick_script, script_for
from bot.engine.normalise import MAX_QUESTION_CHARS
from bot.engine.script import detect_script
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


# -- the script of what the engine reads, and text the converters refuse ------------------------

SIMPLIFIED_QUESTION = "奥特曼什么时候被解雇？"
# Traditional-only characters where the engine does not look: a URL, a mention's name, or past
# the length it cuts a question to.
TRADITIONAL_ELSEWHERE = [
    f"https://example.com/國際/奧特曼被解僱的報導與評論 {SIMPLIFIED_QUESTION}",
    f"{SIMPLIFIED_QUESTION} https://news.example/舊聞/這則報導說什麼.html https://x.example/關於權力與鬥爭",
    SIMPLIFIED_QUESTION + "。" * MAX_QUESTION_CHARS + "這裡說的是繁體中文" * 20,
]


@pytest.mark.parametrize("text", TRADITIONAL_ELSEWHERE, ids=["url first", "urls after", "past the cut"])
async def test_the_script_is_read_from_what_the_engine_reads(text: str) -> None:
    assert detect_script(text) == "traditional"  # the raw text would say traditional
    assert pick_script(text, None, None) == "simplified"
    storage = AsyncMock(spec_set=Storage)
    assert await script_for(storage, 1, text, discord.Locale.taiwan_chinese) == "simplified"
    storage.get_script.assert_not_awaited()


@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "\udcff"])
async def test_a_lone_surrogate_does_not_stop_the_choice(surrogate: str) -> None:
    storage = AsyncMock(spec_set=Storage)
    storage.get_script.return_value = None
    assert await script_for(storage, 1, f"{surrogate}奧特曼什麼時候被解僱{surrogate}", None) == "traditional"
    assert await script_for(storage, 1, surrogate, discord.Locale.taiwan_chinese) == "traditional"
    assert pick_script(f"{SIMPLIFIED_QUESTION}{surrogate}", None, None) == "simplified"
