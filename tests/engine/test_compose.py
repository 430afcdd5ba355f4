"""The compose stage (bot/engine/answer.py): the reply in the asker's script."""

from __future__ import annotations

import bot.text as text_module
from bot.engine.answer import Engine


def test_a_reply_in_traditional_is_converted_once_then_remembered_by_bot_text(engine: Engine) -> None:
    """One cache of script conversions, bot.text's: a repeated question converts nothing anew."""
    question = "穆拉蒂什麼時候離職?"
    first = engine.ask(question)
    before = text_module._convert_remembered.cache_info()
    again = engine.ask(question)
    after = text_module._convert_remembered.cache_info()
    assert again.answer == first.answer and first.script == "traditional"
    assert after.misses == before.misses and after.hits > before.hits
