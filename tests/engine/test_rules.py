"""Every rule is named data with examples (bot/engine/rules.py): a test is generated from each
example, through the matcher's analysis as a real question takes it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.engine.answer import ANSWER_CUES, Engine
from bot.engine.lexicon import (
    _CANTONESE,
    _COLLOQUIAL,
    _GLOSSARY,
    _SYNONYM_GROUPS,
    _TAIWAN,
    AMOUNT_UNITS,
    ASKED_DETAILS,
    CUES,
    EN_GLOSSARY,
    EN_PHRASES,
    INTENT_CUES,
    ORG_TITLES,
    REGIONAL_RE,
    REGIONAL_TO_MANDARIN,
    english_phrases,
    to_mandarin,
)
from bot.engine.normalise import normalise
from bot.engine.rules import (
    Cue,
    Gloss,
    IntentCue,
    Phrase,
    RegionalWord,
    Rule,
    SynonymGroup,
    TitleRule,
    catalogue,
)
from bot.engine.slots import SLOT_CUES

RULE_TABLES: dict[str, tuple[Rule, ...]] = {"units": AMOUNT_UNITS, "details": ASKED_DETAILS}
DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def _examples() -> list[object]:
    cases: list[object] = []
    for slot, rules in RULE_TABLES.items():
        for rule in rules:
            cases += [pytest.param(slot, rule, q, True, id=f"{rule.name}+{q}") for q in rule.fires_on]
            cases += [pytest.param(slot, rule, q, False, id=f"{rule.name}-{q}") for q in rule.not_on]
    return cases


@pytest.mark.parametrize(("slot", "rule", "question", "fires"), _examples())
def test_a_rule_fires_on_its_examples_only(
    engine: Engine, slot: str, rule: Rule, question: str, fires: bool
) -> None:
    analysis = engine.matcher.analyse(normalise(question).key)
    assert (rule in getattr(analysis, slot)) is fires


@pytest.mark.parametrize(
    ("rule", "question", "fires"),
    [
        pytest.param(rule, q, fires, id=f"{rule.name}{'+' if fires else '-'}{q}")
        for rule in ORG_TITLES
        for fires, questions in ((True, rule.fires_on), (False, rule.not_on))
        for q in questions
    ],
)
def test_a_title_rule_fires_on_its_examples_only(
    engine: Engine, rule: TitleRule, question: str, fires: bool
) -> None:
    analysis = engine.matcher.analyse(normalise(question).key)
    assert (rule in [title for _org, title in analysis.titles]) is fires


@pytest.mark.parametrize(
    ("cue", "question", "fires"),
    [
        pytest.param(cue, q, fires, id=f"{cue.intent.value}{'+' if fires else '-'}{q}")
        for cue in INTENT_CUES
        for fires, questions in ((True, cue.fires_on), (False, cue.not_on))
        for q in questions
    ],
)
def test_an_intent_cue_fires_on_its_examples_only(
    engine: Engine, cue: IntentCue, question: str, fires: bool
) -> None:
    analysis = engine.matcher.analyse(normalise(question).key)
    assert (cue.intent in analysis.intents) is fires


def test_every_rule_is_named_once_and_has_an_example() -> None:
    for rules in (AMOUNT_UNITS, ASKED_DETAILS, ORG_TITLES):
        names = [rule.name for rule in rules]
        assert len(names) == len(set(names))
        assert all(rule.fires_on for rule in rules)
    assert all(cue.fires_on for cue in INTENT_CUES)
    assert len({cue.intent for cue in INTENT_CUES}) == len(INTENT_CUES)


def test_the_rule_catalogue_is_generated_from_the_rules() -> None:
    """docs/rules.md is `python tools/build_rules_doc.py`'s output: rewrite it when a rule changes."""
    assert DOCS.read_text(encoding="utf-8") == catalogue()


def _cue_examples() -> list[object]:
    return [
        pytest.param(cue, q, fires, id=f"{cue.name}{'+' if fires else '-'}{q}")
        for cue in (*CUES, *SLOT_CUES, *ANSWER_CUES)
        for fires, texts in ((True, cue.fires_on), (False, cue.not_on))
        for q in texts
    ]


@pytest.mark.parametrize(("cue", "text", "fires"), _cue_examples())
def test_a_cue_fires_on_its_examples_only(engine: Engine, cue: Cue, text: str, fires: bool) -> None:
    # A question cue reads the question as the analysis does; an answer cue reads the fact's text.
    read = engine.matcher.analyse(normalise(text).key).key if cue.reads == "question" else text
    assert (cue.pattern.search(read) is not None) is fires


def test_every_cue_is_named_once_and_has_an_example() -> None:
    cues = (*CUES, *SLOT_CUES, *ANSWER_CUES)
    assert len({cue.name for cue in cues}) == len(cues)
    assert all(cue.fires_on and cue.doc for cue in cues)


@pytest.mark.parametrize(("word", "mandarin"), sorted(REGIONAL_TO_MANDARIN.items()))
def test_a_regional_word_in_a_question_is_read_as_its_mandarin(word: str, mandarin: str) -> None:
    # In a sentence, not alone: a longer or overlapping entry must not take it over.
    assert mandarin in to_mandarin(f"奥特曼{word}吗")


@pytest.mark.parametrize("group", _SYNONYM_GROUPS, ids=[group.name for group in _SYNONYM_GROUPS])
def test_a_synonym_group_names_a_word_the_facts_use(engine: Engine, group: SynonymGroup) -> None:
    """A group earns its place by joining a question's word to one the facts use."""
    assert any(engine.matcher._known(word) for word in group.words)


@pytest.mark.parametrize(
    ("group", "question"),
    [pytest.param(group, q, id=f"{group.name}+{q}") for group in _SYNONYM_GROUPS for q in group.fires_on],
)
def test_a_synonym_group_carries_its_examples_to_a_word_the_facts_use(
    engine: Engine, group: SynonymGroup, question: str
) -> None:
    """A content word of the question is in the group, and the group reaches another of its words
    that the facts use: coverage of that word counts a fact that says it the other way."""
    matcher = engine.matcher
    tokens = matcher.analyse(normalise(question).key).tokens
    assert any(
        token in group.words and any(word != token and word in matcher._idf for word in group.words)
        for token in tokens
    ), tokens


REGIONAL_WORDS: tuple[RegionalWord, ...] = (*_CANTONESE, *_TAIWAN, *_COLLOQUIAL)


@pytest.mark.parametrize(
    ("entry", "question"),
    [pytest.param(entry, q, id=f"{entry.name}+{q}") for entry in REGIONAL_WORDS for q in entry.fires_on],
)
def test_a_regional_word_is_read_in_its_examples(entry: RegionalWord, question: str) -> None:
    """Read in the question's key as the matcher reads it (normalised: simplified, lower case),
    by this entry and not a longer one that overlaps it."""
    key = normalise(question).key
    assert entry.word in [found.group() for found in REGIONAL_RE.finditer(key)]
    assert entry.mandarin in to_mandarin(key)


# A Hong Kong user's question and its Mandarin twin: the Cantonese function and question words
# (做乜要, 点睇, 仲, 返嚟, 咗未, 呢排, 同边个, ...) must leave the engine with the same reading, so
# both get the same reply. Each pair was answered differently before those words were covered.
CANTONESE_TWINS: tuple[tuple[str, str], ...] = (
    ("Murati做乜要辭職?", "Murati为什么要辞职?"),
    ("馬斯克點睇OpenAI?", "马斯克怎么看OpenAI?"),
    ("Brockman仲喺唔喺OpenAI?", "Brockman还在不在OpenAI?"),
    ("Altman點解可以返嚟?", "Altman为什么可以回来?"),
    ("Leike做咩要走?", "Leike为什么要走?"),
    ("超級對齊團隊做咩會解散?", "超级对齐团队为什么会解散?"),
    ("Murati同邊個傾緊離職細節?", "Murati在和谁谈离职细节?"),
    ("Murati走咗未?", "Murati走了没有?"),
    ("Altman幾時返咗嚟OpenAI?", "Altman什么时候回来了OpenAI?"),
    ("Ilya呢排做緊咩?", "Ilya最近在做什么?"),
    ("OpenAI嘅創辦人係咪走晒?", "OpenAI的创办人是不是都走了?"),
    ("Murati走咗之後,邊個跟住走?", "Murati走了之后,谁跟着走?"),
)


@pytest.mark.parametrize(("cantonese", "mandarin"), CANTONESE_TWINS)
def test_a_cantonese_question_is_answered_as_its_mandarin_twin(
    engine: Engine, cantonese: str, mandarin: str
) -> None:
    in_cantonese, in_mandarin = engine.ask(cantonese), engine.ask(mandarin)
    assert (in_cantonese.kind, in_cantonese.fact_id) == (in_mandarin.kind, in_mandarin.fact_id)


@pytest.mark.parametrize(
    ("phrase", "question", "fires"),
    [
        pytest.param(phrase, q, fires, id=f"{phrase.name}{'+' if fires else '-'}{q}")
        for phrase in EN_PHRASES
        for fires, questions in ((True, phrase.fires_on), (False, phrase.not_on))
        for q in questions
    ],
)
def test_an_english_phrase_fires_on_its_examples_only(phrase: Phrase, question: str, fires: bool) -> None:
    # As the analysis reads it: regional words first, then the phrases in their order.
    fired: list[str] = []
    english_phrases(to_mandarin(normalise(question).key), fired)
    assert (phrase.name in fired) is fires


@pytest.mark.parametrize(
    ("gloss", "question"),
    [pytest.param(gloss, q, id=f"{gloss.name}+{q}") for gloss in _GLOSSARY for q in gloss.fires_on],
)
def test_a_glossary_entry_reads_its_examples_as_its_chinese(
    engine: Engine, gloss: Gloss, question: str
) -> None:
    """An English word of the entry is in the question as the analysis reads it (after the
    phrases), and the question's content words hold the entry's Chinese, or it names the entity
    the Chinese names (an English name the entity finder takes first: "Amazon")."""
    matcher = engine.matcher
    key = normalise(question).key
    read = english_phrases(to_mandarin(key))
    assert any(re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", read) for word in gloss.words), read
    analysis = matcher.analyse(key)
    chinese = matcher.content_tokens(gloss.chinese) or [gloss.chinese]
    named = [name.casefold() for e in analysis.entities for name in engine.base.entities[e].all_names()]
    assert all(token in analysis.tokens for token in chinese) or gloss.chinese in named, analysis.tokens


def test_a_glossary_entry_reads_a_word_as_another() -> None:
    # An entry mapping a word to itself (ceo → ceo) changes nothing a test could see: the words
    # the facts use in English are content words already, and known words are never read as a
    # misspelt name (EntityFinder skips words the index knows).
    assert [gloss.name for gloss in _GLOSSARY if gloss.chinese in gloss.words] == []


def test_an_english_word_is_in_one_glossary_entry() -> None:
    words = [word for gloss in _GLOSSARY for word in gloss.words]
    assert len(words) == len(set(words)) == len(EN_GLOSSARY)


def test_every_phrase_regional_word_synonym_group_and_gloss_is_named_once_with_an_example() -> None:
    for entries in (EN_PHRASES, REGIONAL_WORDS, _SYNONYM_GROUPS, _GLOSSARY):
        names = [entry.name for entry in entries]
        assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
        assert all(entry.fires_on for entry in entries)


@pytest.mark.parametrize(("word", "chinese"), sorted(EN_GLOSSARY.items()))
def test_an_english_glossary_word_is_read_as_chinese_content(engine: Engine, word: str, chinese: str) -> None:
    """Not dropped as a function word: the Chinese it stands for is a content word of the question."""
    tokens = engine.matcher.content_tokens(word, glossary=True)
    assert tokens and all(not token.isascii() or token == chinese for token in tokens)


def test_the_explain_trace_names_the_rules_that_read_a_question(engine: Engine) -> None:
    from bot.engine.explain import explain, render

    assert explain(engine, "Is Brockman on leave?")["rules"] == {
        "regional": [],
        "phrases": ["on_leave"],
        "glossary": ["vacation→休假"],
        "synonyms": ["休假"],
    }
    cantonese = explain(engine, "Schulman同Altman喺边度识?")
    assert cantonese["rules"]["regional"] == ["喺", "边度"]
    assert "rules:      regional 喺, 边度" in render(cantonese).splitlines()
    assert explain(engine, "穆拉蒂为什么辞去CTO一职?")["rules"]["synonyms"] == ["离职", "首席技术官"]
