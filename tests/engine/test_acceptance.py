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
