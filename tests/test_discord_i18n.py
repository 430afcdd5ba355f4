"""The bot's own words: Taiwan's and Hong Kong's wording, and English."""

from __future__ import annotations

import contextvars

import pytest

from bot.discord import i18n
from bot.discord.translator import DESCRIPTIONS, NAMES
from bot.engine import labels
from bot.text import TraditionalVariant

MAINLAND_WORDS = ("服務器", "默認", "消息", "設置", "頻道里", "字體")


def every_label() -> list[str]:
    engine_labels = [
        value for name, value in vars(labels).items() if name.isupper() and isinstance(value, str)
    ]
    discord_labels = [
        value for name, value in vars(i18n).items() if name.isupper() and isinstance(value, str)
    ]
    return [
        *engine_labels,
        *discord_labels,
        *i18n.COMMAND_SUMMARIES.values(),
        *NAMES.values(),
        *DESCRIPTIONS.values(),
    ]


@pytest.mark.parametrize("variant", ["tw", "hk"])
def test_traditional_labels_use_the_regions_words(variant: TraditionalVariant) -> None:
    for text in every_label():
        converted = i18n.chinese_label(text, "traditional", variant)
        assert not any(word in converted for word in MAINLAND_WORDS), converted


def test_taiwan_and_hong_kong_write_in_differently() -> None:
    text = "不再回答某个频道里的每条消息"
    assert i18n.chinese_label(text, "traditional", "tw") == "不再回答某個頻道裡的每條訊息"
    assert i18n.chinese_label(text, "traditional", "hk") == "不再回答某個頻道裏的每條訊息"
    assert i18n.chinese_label(text, "simplified") == text


def test_every_engine_label_has_an_english_translation() -> None:
    missing = [
        v for n, v in vars(labels).items() if n.isupper() and isinstance(v, str) and v not in i18n.ENGLISH
    ]
    assert missing == []
    for chinese, english in i18n.ENGLISH.items():
        assert set(i18n._FIELD.findall(chinese)) == set(i18n._FIELD.findall(english)), english


def test_filled_in_labels_are_recognised_in_either_script() -> None:
    assert i18n.in_english(labels.PAGE.format(page=2, pages=7)) == "Page 2/7"
    assert i18n.in_english("第 2/7 頁") == "Page 2/7"
    assert i18n.in_english(labels.TOO_LONG.format(limit=500) + "\n" + labels.NOT_COVERED) == (
        i18n.ENGLISH[labels.TOO_LONG].format(limit=500) + "\n" + i18n.ENGLISH[labels.NOT_COVERED]
    )
    assert i18n.in_english("奥特曼是谁") is None  # not a label: left alone


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("When did Mira Murati leave?", True),
        ("murati leave date", True),
        ("Sutskever", False),  # a bare name says nothing about the asker's language
        ("Mira Murati", False),
        ("Murati什么时候离职", False),
    ],
)
def test_what_counts_as_an_english_question(text: str, english: bool) -> None:
    assert i18n.is_english(text) is english


def test_the_language_follows_the_question_then_the_locale() -> None:
    # In a context of its own, as each Discord event has: the choice must not outlive the test.
    contextvars.copy_context().run(_language_choices)
    assert i18n.english_labels() is False


def _language_choices() -> None:
    assert i18n.use_english("zh-CN", "When did Murati leave?") is True
    assert i18n.use_english("en-US", "穆拉蒂什么时候离职") is False
    assert i18n.use_english("en-US", "Sutskever") is True
    assert i18n.use_english("zh-TW", None) is False
    assert i18n.use_english(None, None) is False
