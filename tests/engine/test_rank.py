"""Ranking: the vectorised scores equal their plain definitions, candidate by candidate."""

from __future__ import annotations

import sys
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from rapidfuzz import fuzz

import bot.engine.matcher as matcher_module
from bot.engine.answer import Engine
from bot.engine.concepts import related
from bot.engine.features import Features, Weights, coverage, coverages
from bot.engine.matcher import QueryAnalysis, _IndexedFact
from bot.engine.normalise import normalise

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from evalset import ALL_SETS, load

QUESTIONS = [
    "穆拉蒂什么时候离职?",
    "Peter Deng离职以后去了哪家公司?",
    "亚马逊的创始人是谁?",
    "OpenAI有多少员工?",
    "明天会下雨吗?",
    "When was Sam Altman fired?",
]


def closest_phrasing(query: QueryAnalysis, indexed: _IndexedFact) -> float:
    """The definition: the best rapidfuzz ratio to any phrasing, a phrasing about other people
    weighted down by how few of its names the question shares."""
    asked = frozenset(query.entities)
    best = 0.0
    for residual, named in zip(indexed.residuals, indexed.phrasing_entities, strict=True):
        ratio = fuzz.ratio(query.residual, residual) / 100
        if asked or named:
            ratio *= 0.6 + 0.4 * len(asked & named) / len(asked | named)
        best = max(best, ratio)
    return best


@pytest.mark.parametrize("question", QUESTIONS)
def test_phrasing_scores_are_the_closest_phrasing_of_each_candidate(engine: Engine, question: str) -> None:
    matcher = engine.matcher
    query = matcher.analyse(normalise(question).key)
    candidates = [matcher._facts[p] for p in matcher._candidate_positions(query)]
    assert candidates
    scores = matcher._phrasing_scores(query, candidates)
    assert scores == [closest_phrasing(query, indexed) for indexed in candidates]


@pytest.mark.parametrize("question", [*QUESTIONS, "OpenAI的员工有多少人?", "谁被罢免了?"])
def test_the_candidate_pre_score_counts_each_word_once_per_fact(engine: Engine, question: str) -> None:
    """The pre-score is the weight of each question word a fact uses, itself or a synonym, once
    (a fact using two words of one synonym group or concept class gets its weight once)."""
    matcher = engine.matcher
    query = matcher.analyse(normalise(question).key)
    expected: dict[int, float] = {}
    for position, indexed in enumerate(matcher._facts):
        expected[position] = float(
            sum(
                np.float32(matcher._weight(token))
                for token in query.tokens
                if any(form in indexed.bag for form in (token, *related(token)))
            )
        )
    pre_scores = matcher._pre_scores(query.tokens)
    assert [float(score) for score in pre_scores] == pytest.approx(
        [expected[p] for p in range(len(pre_scores))]
    )
    positions = matcher._candidate_positions(query)
    assert positions
    scores = [expected[p] for p in positions]
    assert all(a >= b - 1e-6 for a, b in pairwise(scores))  # best first


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_remembered_ranking_is_the_ranking_worked_out_afresh(engine: Engine, question: str) -> None:
    matcher = engine.matcher
    query = matcher.analyse(normalise(question).key)
    first = matcher.rank(query)
    reused = matcher.work.rankings_reused
    again = matcher.rank(query)
    assert matcher.work.rankings_reused == reused + 1
    assert again == first == matcher._rank(query, 5)
    again.clear()  # a caller's list is its own: the memo keeps its copy
    assert matcher.rank(query) == first


def test_a_ranking_is_remembered_for_its_weights_only(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    matcher = engine.matcher
    query = matcher.analyse(normalise(QUESTIONS[0]).key)
    matcher.rank(query)
    monkeypatch.setattr(matcher, "weights", replace(matcher.weights, coverage=matcher.weights.coverage / 2))
    rankings = matcher.work.rankings
    halved = matcher.rank(query)
    assert matcher.work.rankings == rankings + 1
    assert halved == matcher._rank(query, 5)


def test_the_rankings_remembered_are_bounded(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    matcher = engine.matcher
    monkeypatch.setattr(matcher_module, "RANKINGS_KEPT", 3)
    monkeypatch.setattr(matcher, "_ranked", {})
    queries = [matcher.analyse(normalise(q).key) for q in QUESTIONS[:5]]
    for query in queries:
        matcher.rank(query)
    assert len(matcher._ranked) == 3
    assert {key[0] for key in matcher._ranked} == set(queries[-3:])  # the oldest forgotten first


# The sets' kinds of question: named and not, a title asked (职位 stated in other words), one
# character words, compounds, English.
COVERAGE_QUESTIONS = [
    *QUESTIONS,
    "穆拉蒂是什么职位?",
    "Clark在Anthropic是什么职位?",
    "研究高级副总裁是谁?",
    "逼宫的是谁?",
    "超级对齐团队解散后谁走了?",
    "What did Nadella say about the board?",
]


@pytest.mark.parametrize("question", COVERAGE_QUESTIONS)
def test_coverage_of_all_candidates_at_once_is_each_ones_coverage(engine: Engine, question: str) -> None:
    """features.coverages (one loop for a question's candidates) gives exactly the float
    features.coverage gives each fact alone, with and without words a fact states otherwise."""
    matcher = engine.matcher
    query = matcher.analyse(normalise(question).key)
    terms = matcher._coverage_terms((*query.tokens, "职位"))
    facts = matcher._facts
    stated = matcher_module._TITLE_TOKENS

    def stated_of(indexed: _IndexedFact) -> frozenset[str]:
        return stated if indexed.fact.id < "a002" else frozenset()

    assert coverages(terms, facts) == [coverage(terms, indexed) for indexed in facts]
    assert coverages(terms, facts, stated_of) == [
        coverage(terms, indexed, stated_of(indexed)) for indexed in facts
    ]
    assert coverages([], facts[:3]) == [1.0] * 3


@pytest.mark.parametrize("question", COVERAGE_QUESTIONS)
def test_remembered_pre_scores_and_name_masks_are_those_worked_out_afresh(
    engine: Engine, question: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pre-score's remembered word hits and name masks give the candidates a fresh matcher
    would: the same positions, asked twice (the second time from the memos)."""
    matcher = engine.matcher
    monkeypatch.setattr(matcher, "_word_hits", {})
    monkeypatch.setattr(matcher, "_excluded_by", {})
    query = matcher.analyse(normalise(question).key)
    expected = [float(s) for s in matcher._pre_scores(query.tokens)]
    fresh = matcher._candidate_positions(query)
    assert matcher._candidate_positions(query) == fresh
    assert [float(s) for s in matcher._pre_scores(query.tokens)] == expected
    if query.entities:
        excluded, pool = matcher._excluded(query.entities)
        about = [{p for p, f in enumerate(matcher._facts) if e in f.entities} for e in query.entities]
        allowed = set.intersection(*about) or set.union(*about)
        assert pool == len(allowed)
        assert {p for p in range(len(matcher._facts)) if not excluded[p]} == allowed


def test_the_memos_of_the_pre_score_are_bounded(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    matcher = engine.matcher
    monkeypatch.setattr(matcher_module, "WORDS_KEPT", 2)
    monkeypatch.setattr(matcher_module, "ENTITY_SETS_KEPT", 2)
    monkeypatch.setattr(matcher, "_word_hits", {})
    monkeypatch.setattr(matcher, "_excluded_by", {})
    for question in QUESTIONS:
        matcher._candidate_positions(matcher.analyse(normalise(question).key))
    assert len(matcher._word_hits) == 2
    assert len(matcher._excluded_by) == 2


@pytest.mark.parametrize("limit", [1, 5, 40])
def test_a_ranking_that_stops_early_is_the_ranking_with_every_candidate_worked_out(
    engine: Engine, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The intent agreement and checks are worked out only for candidates that can still reach
    the returned few or the re-orderings' ties: the ranking, features included, is the one with
    every candidate worked out, on every question of two sets (when-, title- and named questions
    among them)."""
    matcher = engine.matcher
    queries = {matcher.analyse(normalise(question.q).key) for path in ALL_SETS[:2] for question in load(path)}
    early = {query: matcher._rank(query, limit) for query in queries}
    monkeypatch.setattr(Weights, "passing_never_lowers_a_score", lambda _weights: False)
    assert {query: matcher._rank(query, limit) for query in queries} == early


def test_a_score_with_intent_agreement_is_never_below_one_without() -> None:
    weights = Weights()
    assert weights.passing_never_lowers_a_score()
    for covered, phrasing, agreement in [(0.0, 0.0, 0.0), (0.3, 0.9, 0.5), (1.0, 1.0, 1.0)]:
        failing = Features(covered, phrasing, agreement, False, 0.2, True)
        assert weights.score(failing) <= weights.score(replace(failing, intent_ok=True))
    assert not replace(weights, intent_mismatch=1.5).passing_never_lowers_a_score()
    assert not replace(weights, coverage=1.2).passing_never_lowers_a_score()


def test_a_word_with_a_question_word_written_into_it_keeps_its_weight(engine: Engine) -> None:
    # 幾高 (how tall) is what is asked, not the asker's paraphrase: no fact says Leike's height.
    for question in ("Leike今年幾高?", "Leike今年幾大?"):
        assert not engine.ask(question).answered, question
