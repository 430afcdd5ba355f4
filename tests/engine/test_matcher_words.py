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


def _top_and_plain_coverage(engine: Engine, question: str) -> tuple[float, float]:
    """The top candidate's coverage, and the coverage it would have with every word weighed fully."""
    from bot.engine.features import coverage
    from bot.engine.normalise import normalise

    matcher = engine.matcher
    analysis = matcher.analyse(normalise(question).key)
    top = matcher.rank(analysis)[0]
    indexed = next(f for f in matcher._facts if f.fact.id == top.fact.id)
    return top.features.coverage, coverage(matcher._coverage_terms(analysis.tokens), indexed)


def test_a_word_no_fact_uses_weighs_less_for_a_fact_carrying_the_names_and_the_slot(engine: Engine) -> None:
    # "itching" is the asker's wording: no fact uses it, and the fact about Schulman's reasons is
    # not the less likely for it.
    light, plain = _top_and_plain_coverage(engine, "why was schulman itching to move to anthropic?")
    assert light > plain > 0


def test_the_thing_asked_keeps_its_weight_though_no_fact_uses_it(engine: Engine) -> None:
    # 颜色 is what is asked: a fact that never says a colour does not answer it.
    light, plain = _top_and_plain_coverage(engine, "Altman最喜欢什么颜色?")
    assert light == plain


def test_the_words_next_to_an_interrogative_are_what_is_asked() -> None:
    from bot.engine.matcher import _asked_words

    assert "颜色" in _asked_words("altman最喜欢什么颜色")
    assert "家里人" in _asked_words("schulman家里人是做什么的")
    assert "colour" in _asked_words("what colour does altman like")
    assert "润" not in _asked_words("schulman为啥要润去anthropic")


def test_what_is_left_of_an_english_contraction_is_no_content_word(engine: Engine) -> None:
    # The apostrophe is a space by the time words are cut: "isn't" is "isn" and "t".
    tokens = engine.matcher.content_tokens("why didn't they'll we've couldn't leave", glossary=True)
    assert not {"didn", "ll", "ve", "couldn"} & set(tokens)


def test_a_contracted_question_reaches_the_fact(engine: Engine) -> None:
    reply = engine.ask("isn't leike at anthropic now?")
    assert reply.kind == "answer" and reply.fact_id == "a000-leike-at-anthropic"
