"""English as people type it reaches the same fact as its Chinese twin."""

from __future__ import annotations

import pytest

from bot.engine.answer import Engine
from bot.engine.lexicon import english_phrases
from bot.engine.normalise import normalise


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("where'd jan leike jump ship to?", "Anthropic"),
        ("who did the media compare altman to during last year's power struggle?", "乔布斯"),
        ("which outlet broke the news that schulman was leaving first?", "The Information"),
        ("what's leike's new team at anthropic going to work on?", "可扩展监督"),
        ("how did leike describe what his team's been going through these past few months?", "逆风"),
    ],
)
def test_casual_english_idioms_reach_the_fact(engine: Engine, question: str, expected: str) -> None:
    reply = engine.ask(question)
    assert reply.answered and expected in reply.answer + " ".join(s.quote for s in reply.sources)


@pytest.mark.parametrize(
    "question", ["how much does jan leike make a year?", "how big is bob mcgrew's swimming pool?"]
)
def test_a_detail_asked_in_english_that_the_articles_do_not_give_is_declined(
    engine: Engine, question: str
) -> None:
    assert not engine.ask(question).answered


def test_compared_with_only_compares_and_how_big_a_is_an_amount() -> None:
    assert "比作" not in english_phrases("how large are anthropic's losses compared with openai's?")
    assert "多大" not in english_phrases("how big a stake is openai giving sam altman?")


def test_taking_over_is_replacing_but_taking_over_as_is_becoming() -> None:
    assert "接替" in english_phrases("who's taking over research now that bob mcgrew left?")
    assert "接替" not in english_phrases("who is taking over as openai's new svp of research?")


def test_who_is_taking_over_reaches_the_successor(engine: Engine) -> None:
    reply = engine.ask("who's taking over research now that Bob McGrew left?")
    assert reply.answered and "Mark Chen" in reply.answer


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # "start something": founded a company
        ("what's sutskever doing lately, did he start something?", "a003-sutskever-left"),
        # "next big model": the next-generation model
        ("which next big model is openai working on?", "a004-impact-orion"),
        # "kept saying": a catchphrase
        ("who kept saying feel the agi at the company?", "a001-feel-the-agi"),
    ],
)
def test_more_casual_idioms_reach_the_fact(engine: Engine, question: str, fact_id: str) -> None:
    reply = engine.ask(question)
    assert reply.answered and reply.fact_id == fact_id, reply.answer


def test_ordinary_english_words_are_not_foreign_names(engine: Engine) -> None:
    # english_phrases writes Chinese words into an English question ("compare" -> 比作); that
    # must not make its other English words look like names the articles never use.
    question = "what did some anonymous staffer compare the board fight to?"
    analysis = engine.matcher.analyse(normalise(question).key)
    assert "比作" in analysis.key and analysis.foreign == ()


def test_shipping_models_lately_are_the_facts_words(engine: Engine) -> None:
    # "shipping", "models", "lately": 发布, 模型, 最近 in the facts.
    reply = engine.ask("which models was murati proud of shipping lately?")
    assert reply.answered and "o1" in reply.answer
