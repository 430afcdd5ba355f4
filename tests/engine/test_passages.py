"""Passages: facts quoted from one letter are one answer, and a question that says where in the
letter it looks (its start, its end) gets the quote from there. Worded about other letters than
the rows that showed the gap (Schulman's and Murati's notes)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.engine.acceptance import decide
from bot.engine.answer import Engine
from bot.engine.features import Candidate, Features, Weights
from bot.engine.passages import POSITION_END, POSITION_START
from bot.factbase.models import Fact


def _fact(engine: Engine, fact_id: str) -> Fact:
    return engine.base.by_id[fact_id]


@pytest.mark.parametrize(
    ("one", "other", "mates"),
    [
        # Leike's thread: two paragraphs of one first-person text about him
        ("a004-leike-roles", "a004-leike-priorities", True),
        # Altman's memo names four people's new roles: one passage, four answers
        ("a003-mark-chen-svp", "a003-pachocki-chief-scientist", False),
        # the same article, two letters (Altman's reply, Murati's note)
        ("a003-altman-reply-murati", "a003-murati-on-4o-o1", False),
    ],
)
def test_facts_quoted_from_one_letter_about_one_person_are_letter_mates(
    engine: Engine, one: str, other: str, mates: bool
) -> None:
    assert engine.matcher.passages.together(_fact(engine, one), _fact(engine, other)) is mates


def _close_pair(engine: Engine) -> list[Candidate]:
    features = Features(
        coverage=0.3, phrasing=0.4, entity_agreement=1.0, intent_ok=True, novelty=0.0, named=True
    )
    return [
        Candidate(_fact(engine, "a004-leike-roles"), 0.36, features),
        Candidate(_fact(engine, "a004-leike-priorities"), 0.35, features),
    ]


def test_a_letter_mate_close_behind_is_no_rival(engine: Engine) -> None:
    ranked = _close_pair(engine)
    assert decide(Weights(), ranked).reason == "no_margin"  # as before: two rivals
    assert decide(Weights(), ranked, engine.matcher.passages.together).accepted


def test_a_rival_from_another_passage_still_needs_the_margin(engine: Engine) -> None:
    ranked = _close_pair(engine)
    ranked[1] = replace(ranked[1], fact=_fact(engine, "a000-leike-at-anthropic"))
    assert decide(Weights(), ranked, engine.matcher.passages.together).reason == "no_margin"


def test_the_reply_cites_the_letter_mate_too(engine: Engine) -> None:
    # The runner-up is not good enough on its own, but it is the same letter: shown with the leader.
    ranked = _close_pair(engine)
    ranked[1] = replace(ranked[1], score=0.31)  # below the threshold
    also = engine._close_second(ranked)
    assert also is not None and also.id == "a004-leike-priorities"


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("Leike那串推文开头写了什么?", True, False),
        ("how did toner open her statement with", True, False),
        ("what did karpathy say at the very start of his post?", True, False),
        ("what's the opening line of his note", True, False),
        ("what did karpathy write at the beginning of his post?", True, False),
        ("Karpathy的告别帖结尾写了啥", False, True),
        ("what did he say at the very end of his thread", False, True),
        ("what were the last words of her memo", False, True),
        ("what happened at the end of 2023?", False, False),
        ("他最后去了哪家公司?", False, False),
    ],
)
def test_a_place_in_a_letter_is_read_from_words_that_say_one(question: str, start: bool, end: bool) -> None:
    key = question.lower()
    assert bool(POSITION_START.search(key)) is start
    assert bool(POSITION_END.search(key)) is end


def test_asking_for_the_end_of_a_thread_gets_its_closing_quote(engine: Engine) -> None:
    # Leike's call to join him closes the thread he posted on joining Anthropic; before, the
    # thread's opening (he is happy to join) was the answer.
    reply = engine.ask("Leike那串推文结尾说了什么?")
    assert reply.answered and reply.fact_id == "a002-leike-recruiting"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # her letter's first sentence, not a paragraph from its middle that matched as well
        ("What did Murati say at the start of her note?", "a003-murati-tenure"),
        # its closing cheer matches the words far less than the body does: still the end
        ("穆拉蒂的离职信最后一段说了什么?", "a003-murati-farewell-cheer"),
        ("What did Mira Murati say at the end of her letter?", "a003-murati-farewell-cheer"),
        ("How did Schulman end his farewell post?", "a000-schulman-farewell-cheer"),
    ],
)
def test_the_place_asked_in_a_letter_is_its_actual_first_or_last_quote(
    engine: Engine, question: str, fact_id: str
) -> None:
    reply = engine.ask(question)
    assert reply.answered and reply.fact_id == fact_id


def test_without_the_letters_actual_end_among_the_candidates_nothing_is_reordered(engine: Engine) -> None:
    # The letter's last quote (Murati's cheer) is left out: no other quote of hers is taken for
    # the end because it stands later than the leader and scored nearly as well.
    passages = engine.matcher.passages
    key = "穆拉蒂在信的最后一段说了什么"
    ranked = [
        c
        for c in engine.matcher._rank(engine.matcher.analyse(key), 12)
        if c.fact.id != "a003-murati-farewell-cheer"
    ]
    assert ranked[0].fact.id == "a003-murati-thanks-sam-greg"
    assert passages.at_position(key, ranked, pool=()) == ranked
