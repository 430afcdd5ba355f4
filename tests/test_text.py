"""Script conversion on text OpenCC cannot encode."""

from __future__ import annotations

from bot.text import to_script, to_simplified, to_traditional


def test_a_lone_surrogate_is_converted_not_raised() -> None:
    # A Discord message or a JSON line can carry one; OpenCC's binding cannot encode it.
    assert to_simplified("穆拉蒂離職\ud800了嗎") == "穆拉蒂离职?了吗"
    assert to_traditional("\udfff离职") == "?離職"
    assert to_script("离职\ud800", "traditional") == "離職?"
