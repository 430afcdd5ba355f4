"""The matcher's content words: what a question's and a fact's text are cut into before coverage."""

from __future__ import annotations

from bot.engine.answer import Engine


def test_a_date_unit_does_not_glue_to_the_verb_after_it(engine: Engine) -> None:
    # "2021年开" is cut "2021" + "年开" by the digits, and jieba's HMM joins 年开 into a word no one
    # writes: the year's unit and the verb are two words.
    tokens = engine.matcher.content_tokens("anthropic是2021年开的吗")
    assert "年开" not in tokens and "开" in tokens


def test_a_word_the_dictionary_knows_stays_whole(engine: Engine) -> None:
    assert "年底" in engine.matcher.content_tokens("布罗克曼年底回来吗")


def test_who_does_not_glue_to_the_verb_after_it(engine: Engine) -> None:
    tokens = engine.matcher.content_tokens("pebblebed谁整的")
    assert "谁整" not in tokens and "整" in tokens
