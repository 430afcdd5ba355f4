"""Script conversion: on text OpenCC cannot encode, and remembered."""

from __future__ import annotations

import bot.text as text_module
from bot.text import to_script, to_simplified, to_traditional


def test_a_lone_surrogate_is_converted_not_raised() -> None:
    # A Discord message or a JSON line can carry one; OpenCC's binding cannot encode it.
    assert to_simplified("穆拉蒂離職\ud800了嗎") == "穆拉蒂离职?了吗"
    assert to_traditional("\udfff离职") == "?離職"
    assert to_script("离职\ud800", "traditional") == "離職?"


def test_a_remembered_conversion_is_the_conversion_itself() -> None:
    texts = ["穆拉蒂離職了嗎", "奥特曼被解雇", "Sam Altman 回歸", "衞著", ""]
    for config in ("tw2s", "hk2s", "s2tw", "s2hk", "s2t"):
        for text in texts:
            assert text_module._convert(config, text) == text_module._convert_now(config, text)
            hits = text_module._convert_remembered.cache_info().hits
            assert text_module._convert(config, text) == text_module._convert_now(config, text)
            assert text_module._convert_remembered.cache_info().hits == hits + 1


def test_the_conversions_remembered_are_bounded() -> None:
    remembered = text_module._convert_remembered
    assert remembered.cache_info().maxsize == text_module.CONVERSIONS_KEPT
    for n in range(text_module.CONVERSIONS_KEPT + 10):
        to_simplified(f"離職{n}")
    assert remembered.cache_info().currsize == text_module.CONVERSIONS_KEPT
    # A long text is converted, not kept: long messages do not push the short texts out.
    long_text = "離職" * text_module.CONVERTED_CHARS_KEPT
    misses = remembered.cache_info().misses
    assert to_simplified(long_text) == "离职" * text_module.CONVERTED_CHARS_KEPT
    assert remembered.cache_info().misses == misses


def test_returning_to_a_company_is_written_the_taiwan_way() -> None:
    # OpenCC writes 回归 as 迴歸 (the statistics term); a person coming back is 回歸 in Taiwan and
    # Hong Kong, in any traditional variant and through to_script too.
    for variant in ("tw", "hk", "t"):
        converted = to_traditional("布罗克曼休假三个月后回归OpenAI", variant)
        assert "回歸" in converted and "迴歸" not in converted
    assert to_script("他离开后又回归了", "traditional") == "他離開後又回歸了"
    assert to_simplified("回歸") == "回归"
