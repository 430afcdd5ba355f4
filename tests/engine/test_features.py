"""The features stage: what a candidate's score is made of, and how the weights combine it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.engine.features import PHRASING_WORD, Features, Term, Weights, coverage, figures, serves
from bot.factbase.models import Fact, Intent


@dataclass
class Indexed:
    bag: frozenset[str]
    core: frozenset[str]
    chars: frozenset[str]
    core_text: str


def term(token: str, weight: float = 1.0, synonyms: frozenset[str] = frozenset()) -> Term:
    return Term.of(token, weight, synonyms, len(token) >= 2)


FACT = Indexed(
    bag=frozenset({"离职", "宣布", "离开"}),
    core=frozenset({"离职", "研究高级副总裁"}),
    chars=frozenset("离职研究高级副总裁"),
    core_text="离职|研究高级副总裁",
)


@pytest.mark.parametrize(
    ("word", "credit"),
    [
        ("离职", 1.0),  # the fact states it
        ("离开", PHRASING_WORD),  # only its phrasings use it
        ("副总裁", 0.5),  # inside a longer word it states
        ("解雇", 0.0),
    ],
)
def test_coverage_credits_a_word_by_where_the_fact_uses_it(word: str, credit: float) -> None:
    assert coverage([term(word)], FACT) == pytest.approx(credit)


def test_coverage_weighs_words_by_their_weight_and_reads_synonyms() -> None:
    assert coverage([term("离职", 3.0), term("解雇", 1.0)], FACT) == pytest.approx(0.75)
    assert coverage([term("辞职", synonyms=frozenset({"离职"}))], FACT) == 1.0
    assert coverage([], FACT) == 1.0


def test_the_score_weighs_coverage_against_phrasing_and_penalises_a_mismatch() -> None:
    weights = Weights()
    sure = Features(0.8, 0.6, 1.0, True, 0.0, True)
    assert weights.score(sure) == pytest.approx(0.5 * 0.8 + 0.5 * 0.6)
    other_kind = Features(0.8, 0.6, 1.0, False, 0.0, True)
    assert weights.score(other_kind) == pytest.approx(weights.score(sure) * weights.intent_mismatch)
    about_no_one_named = Features(0.8, 0.6, 0.0, True, 0.0, True)
    assert weights.score(about_no_one_named) == pytest.approx(weights.score(sure) * weights.entity_floor)


@dataclass
class Served:
    fact: Fact
    intents: frozenset[Intent] = frozenset()
    people: frozenset[str] = frozenset()
    orgs: frozenset[str] = frozenset()


def fact(answer: str, precision: str | None = None) -> Fact:
    return Fact.model_construct(id="a001-test", answer=answer, precision=precision)


HOME = frozenset({"acme"})


def test_intent_agreement_wants_someone_or_somewhere_besides_those_asked() -> None:
    left = Served(fact("Deng离开了Acme"), people=frozenset({"deng"}), orgs=frozenset({"acme"}))
    assert not serves(left, Intent.WHO, frozenset({"deng"}), HOME)
    assert not serves(left, Intent.WHERE, frozenset({"deng"}), HOME)  # the home says nowhere
    joined = Served(fact("Deng加入了Globex"), people=frozenset({"deng"}), orgs=frozenset({"globex"}))
    assert serves(joined, Intent.WHERE, frozenset({"deng"}), HOME)


def test_intent_agreement_on_amounts_and_days() -> None:
    twenty = Served(fact("诈骗用20美元的优惠引诱用户"), intents=frozenset({Intent.HOW_MANY}))
    assert not serves(twenty, Intent.HOW_MANY, frozenset(), HOME, given=frozenset({"20"}))
    assert serves(twenty, Intent.HOW_MANY, frozenset(), HOME)
    month = Served(fact("2023年11月,董事会解雇了他", "month"), intents=frozenset({Intent.WHEN}))
    assert serves(month, Intent.WHEN, frozenset(), HOME)
    assert not serves(month, Intent.WHEN, frozenset(), HOME, day=True)
    assert figures("2023年11月17日他拿到了20亿美元和3.5%") == frozenset({"20", "3.5"})
