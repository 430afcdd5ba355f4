"""The acceptance stage: a decision with a reason, for each way the best candidate can fall short."""

from __future__ import annotations

import pytest

from bot.engine.acceptance import REASONS, decide, decide_top
from bot.engine.features import Candidate, Features, Weights
from bot.factbase.models import Fact

FACT = Fact.model_construct(id="a001-test", answer="测试")
WEIGHTS = Weights()


def candidate(score: float, **changes: object) -> Candidate:
    values: dict[str, object] = {
        "coverage": 0.8,
        "phrasing": 0.8,
        "entity_agreement": 1.0,
        "intent_ok": True,
        "novelty": 0.0,
        "named": True,
    }
    values.update(changes)
    return Candidate(FACT, score, Features(**values))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("top", "runner_up", "reason"),
    [
        (candidate(0.9), 0.0, "accepted"),
        (candidate(0.9, states_asked=False, failed_check="detail:spouse"), 0.0, "check:detail:spouse"),
        (candidate(0.2), 0.0, "below_threshold"),
        (candidate(0.9, foreign=True), 0.0, "foreign_word"),
        (candidate(0.35, intent_ok=False), 0.0, "intent_mismatch"),
        (candidate(0.9, named=False, coverage=0.3), 0.0, "unnamed_weak"),
        (candidate(0.9, coverage=0.05, phrasing=0.5), 0.0, "low_coverage"),
        (candidate(0.35), 0.33, "no_margin"),
        (candidate(0.38), 0.3, "accepted"),  # a margin of 0.08 below `sure`
    ],
)
def test_each_decision_names_its_reason(top: Candidate, runner_up: float, reason: str) -> None:
    decision = decide_top(WEIGHTS, top, runner_up)
    assert decision.reason == reason
    assert bool(decision) is (reason == "accepted")
    assert reason.startswith("check:") or reason in REASONS


def test_no_candidate_and_the_runner_up_of_a_ranking() -> None:
    assert decide(WEIGHTS, []).reason == "no_candidate"
    assert decide(WEIGHTS, [candidate(0.35), candidate(0.33)]).reason == "no_margin"
    assert decide(WEIGHTS, [candidate(0.35)]).reason == "accepted"
    assert WEIGHTS.decide(candidate(0.35), 0.33) == decide(WEIGHTS, [candidate(0.35), candidate(0.33)])


# Two reports of one event in different articles' words, a third fact on the same person that
# says something else, and a credit line about other people alike in its frame.
REPORT_A = Fact.model_construct(
    id="a001-report-a",
    entities=["someone", "acme"],
    answer="2024年3月1日,某人(Someone)宣布离开Acme,转投竞争对手创办的新实验室。",
)
REPORT_B = Fact.model_construct(
    id="a002-report-b",
    entities=["someone"],
    answer="某人(Someone)在3月1日宣布离开Acme,随后转投一家竞争对手的新实验室。",
)
OTHER_ASPECT = Fact.model_construct(
    id="a002-other-aspect",
    entities=["someone"],
    answer="某人(Someone)的母亲是一名中学数学教师,父亲经营一家书店。",
)
CREDIT_A = Fact.model_construct(id="a003-credit-a", entities=["editor"], answer="这篇报道的编辑是张三。")
CREDIT_B = Fact.model_construct(
    id="a003-credit-b", entities=["writer"], answer="这篇报道的作者是李四和王五。"
)


def of(fact: Fact, score: float, **changes: object) -> Candidate:
    return Candidate(fact, score, candidate(score, **changes).features)


def test_a_runner_up_that_restates_the_best_is_no_reason_to_decline() -> None:
    decision = decide(WEIGHTS, [of(REPORT_A, 0.35), of(REPORT_B, 0.33)])
    assert decision.accepted and decision.reason == "restated"


@pytest.mark.parametrize(
    ("ranked", "why"),
    [
        ([of(REPORT_A, 0.35), of(OTHER_ASPECT, 0.33)], "says something else"),
        ([of(CREDIT_A, 0.35), of(CREDIT_B, 0.33)], "alike in words, about different people"),
        ([of(REPORT_A, 0.35), of(REPORT_B, 0.33, entity_agreement=0.5)], "not about all the question names"),
        (
            [of(REPORT_A, 0.35), of(REPORT_B, 0.33, states_asked=False, failed_check="detail:x")],
            "does not state what is asked",
        ),
        ([of(REPORT_A, 0.35), of(REPORT_B, 0.33, intent_ok=False)], "answers another kind of question"),
        (
            [of(REPORT_A, 0.35, kind_asked=False), of(REPORT_B, 0.33, kind_asked=False)],
            "the question says nothing the checks read, so neither was checked against it",
        ),
    ],
)
def test_a_close_runner_up_that_does_not_restate_the_best_still_declines(
    ranked: list[Candidate], why: str
) -> None:
    assert decide(WEIGHTS, ranked).reason == "no_margin", why
