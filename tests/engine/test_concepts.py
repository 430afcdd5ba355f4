"""Concept classes: any member of a class covers any other, on the question's side and the fact's."""

from __future__ import annotations

import pytest

from bot.engine.answer import Engine
from bot.engine.concepts import (
    CONCEPTS,
    GENERAL_WORDS,
    Concept,
    english_head,
    english_phrasal,
    lemma,
    related,
)
from bot.engine.features import Term, coverage
from bot.engine.normalise import normalise


@pytest.mark.parametrize("concept", CONCEPTS, ids=[c.name for c in CONCEPTS])
def test_a_class_names_a_word_the_facts_use(engine: Engine, concept: Concept) -> None:
    assert any(word in engine.matcher._idf for word in concept.chinese)


@pytest.mark.parametrize(
    ("concept", "question"),
    [pytest.param(c, q, id=f"{c.name}+{q}") for c in CONCEPTS for q in c.fires_on],
)
def test_a_class_carries_its_examples_to_a_member_the_facts_use(
    engine: Engine, concept: Concept, question: str
) -> None:
    """A content word of the question is a member (or an English member read as the head), and
    the class reaches a member the facts use."""
    matcher = engine.matcher
    tokens = matcher.analyse(normalise(question).key).tokens
    members = set(concept.chinese)
    assert any(lemma(token) in members for token in tokens), tokens
    assert any(word in matcher._idf for word in members)


def test_classes_are_tight_no_word_is_in_two() -> None:
    chinese = [word for concept in CONCEPTS for word in concept.chinese]
    english = [word for concept in CONCEPTS for word in concept.english]
    assert len(chinese) == len(set(chinese))
    assert len(english) == len(set(english))
    names = [concept.name for concept in CONCEPTS]
    assert len(names) == len(set(names))


def test_join_and_leave_are_apart() -> None:
    assert "离开" not in related("加入") and "加入" not in related("离开")


@pytest.mark.parametrize(
    ("word", "read"),
    [("挖到", "挖"), ("挖走", "挖"), ("共同创办", "创办"), ("加入", "加入"), ("到", "到"), ("走到", "走到")],
)
def test_a_chinese_word_is_looked_up_by_its_verb(word: str, read: str) -> None:
    assert lemma(word) == read


@pytest.mark.parametrize(
    ("word", "head"),
    [
        ("worried", "担心"),
        ("worries", "担心"),
        ("scooping", "挖"),
        ("poached", "挖"),
        ("slammed", "批评"),
        ("ousted", "解雇"),
        ("departed", "离开"),
        ("bets", "投资"),
        ("weather", None),
    ],
)
def test_an_english_word_is_read_as_its_class_in_any_inflection(word: str, head: str | None) -> None:
    assert english_head(word) == head


def test_a_two_word_english_verb_is_read_with_its_object_kept() -> None:
    assert "回归" in english_phrasal("when did brockman come back")
    read = english_phrasal("why did they kick brockman out")
    assert "解雇" in read and "brockman" in read
    assert english_phrasal("why did they kick the ball") == "why did they kick the ball"


def test_a_fact_word_with_a_complement_is_covered_by_any_member_of_its_class(engine: Engine) -> None:
    # The fact side: a fact saying 挖走 is found by a question saying 招揽 (and by "poach").
    indexed = next(f for f in engine.matcher._facts if "挖到" in f.core)
    assert "挖" in indexed.core
    term = Term.of("招揽", 1.0, related("招揽"), cjk=True)
    assert coverage([term], indexed) == 1.0


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # Cantonese slang for join, whose 过 the particle trimming used to drop
        ("Schulman幾時過檔Anthropic?", "a000-schulman-to-anthropic"),
        # an English member in an inflection the glossary does not list
        ("who did anthropic lure away from openai?", "a002-amodei-took-jack-clark"),
        # Cantonese 落注 (bet) for 投资
        ("Microsoft落注咗幾多?", "a003-for-profit-subsidiary"),
    ],
)
def test_a_paraphrase_of_a_known_class_reaches_the_fact(engine: Engine, question: str, fact: str) -> None:
    reply = engine.ask(question)
    assert reply.kind == "answer" and reply.fact_id == fact


def test_a_member_written_only_by_askers_never_stands_for_its_class_in_a_fact(engine: Engine) -> None:
    # 开 asked ("邊個開嘅") covers 创立; 创立 or "start" never covers a fact's lone 开.
    found = next(c for c in CONCEPTS if c.name == "found")
    assert "开" in found.asked_only
    assert "创立" in related("开")
    assert "开" not in related("创立")
    reply = engine.ask("When did Murati start at OpenAI?")
    assert reply.answered and reply.fact_id == "a003-murati-joins-openai"


def test_heading_a_team_inside_a_company_is_not_heading_the_company(engine: Engine) -> None:
    # "head" is no member of the lead class: Leike leads a team at Anthropic, he does not head it.
    assert not engine.ask("Who heads Anthropic?").answered


@pytest.mark.parametrize(
    ("word", "read"),
    [
        # a glossary verb listed with an inflection is the same verb in any other
        ("signing", "签"),
        ("threatens", "威胁"),
        ("discusses", "讨论"),
        # a glossary word listed alone may be another part of speech: "closed" is not 密切
        ("closed", None),
        # general words, by their class
        ("appreciated", "感谢"),
        ("portrayed", "形容"),
        ("obeys", "遵循"),
        ("coworkers", "同事"),
        ("fell", None),  # "fell" alone is no member; "fell out" is (two-word verb)
    ],
)
def test_an_english_word_is_read_by_its_lemma_through_classes_and_glossary_verbs(
    word: str, read: str | None
) -> None:
    assert english_head(word) == read


def test_falling_out_is_read_in_any_tense_with_its_object_kept() -> None:
    assert "闹翻" in english_phrasal("who did page fall out with")
    assert "闹翻" in english_phrasal("musk fell out with page")


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        # "reckon", "controls", "obey", "law": general words the facts say as 认为/控制/遵循/法则
        (
            "what law does sutskever reckon an agi nobody controls would obey?",
            "Sutskever认为不受控的AGI会遵循什么法则?",
        ),
        # "coworker", "rejoin"
        ("which former coworker did schulman rejoin at anthropic?", "Schulman在Anthropic跟哪个前同事会合?"),
    ],
)
def test_an_english_question_reaches_the_fact_its_chinese_twin_does(
    engine: Engine, english: str, chinese: str
) -> None:
    twin = engine.ask(chinese)
    reply = engine.ask(english)
    assert twin.answered and reply.answered and reply.fact_id == twin.fact_id


def test_old_after_an_owner_is_an_earlier_one_not_an_age(engine: Engine) -> None:
    tokens = engine.matcher.analyse(normalise("what did leike tell his old team?").key).tokens
    assert "年龄" not in tokens
    assert "年龄" in engine.matcher.analyse(normalise("how old is leike?").key).tokens


@pytest.mark.parametrize(
    "question",
    [
        "Who helped Brockman?",  # Schulman thanking Mira and Bob for helping him was the answer
        "Who controls OpenAI?",  # Leike on controlling AI systems was the answer
        "Who supported Murati?",  # Murati not supporting the board was the answer
        "Who pushed Altman?",  # Altman pushing his team was the answer
    ],
)
def test_a_general_verb_with_a_name_alone_does_not_pick_a_fact(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert not reply.answered, f"{question!r} answered with {reply.fact_id}"


def test_general_verbs_are_marked_and_specific_ones_are_not() -> None:
    assert {"帮助", "支持", "控制"} <= GENERAL_WORDS
    assert not {"解雇", "加入", "警告"} & GENERAL_WORDS  # 警告 keeps "what did Hinton warn about"


def test_a_general_verb_counts_only_beside_another_word_the_fact_uses(engine: Engine) -> None:
    indexed = next(f for f in engine.matcher._facts if "帮助" in f.core and "感谢" in f.core)
    helped = Term.of("帮助", 1.0, related("帮助"), cjk=True, general=True)
    thanked = Term.of("感谢", 1.0, related("感谢"), cjk=True)
    assert coverage([helped], indexed) == 0.0
    assert coverage([helped, thanked], indexed) == 1.0
