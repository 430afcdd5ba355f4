"""Why a question was declined: `decline_reason` in every declined reply, and the trace of
`saga-bot ask --explain`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.engine.answer import Engine
from bot.engine.matcher import CHECKS, REASONS

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from evalset import ALL_SETS, load


def known_reason(reason: str | None) -> bool:
    if reason is None:
        return False
    if reason.startswith("check:"):
        return reason.removeprefix("check:").split(":")[0] in CHECKS
    return reason in REASONS or reason in {"empty", "unknown_referent", "ambiguous_referent"}


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("   ", "empty"),
        ("他什么时候走的?", "unknown_referent"),
        ("穆拉蒂的丈夫是谁?", "check:detail:spouse"),  # her facts say nothing of a husband
        ("Altman今年几岁?", "check:unit:age"),
        ("亚马逊的创始人是谁?", "check:org_title:founder"),  # Twitch's founder is near it
        ("OpenAI打算什么时候IPO", "foreign_word"),
        # the articles date Murati's joining, not Jakub's: no order to state
        ("Murati和Jakub谁先加入OpenAI的?", "several_facts:order"),
    ],
)
def test_a_declined_reply_says_why(engine: Engine, question: str, reason: str) -> None:
    reply = engine.ask(question)
    assert not reply.answered
    assert reply.decline_reason == reason
    assert reply.to_json()["decline_reason"] == reason


def test_a_pronoun_the_conversation_cannot_settle_says_why(engine: Engine) -> None:
    both = engine.ask("他什么时候走的?", history=["穆拉蒂和Brockman谁在OpenAI待得更久?"])
    assert not both.answered
    assert both.decline_reason in {"ambiguous_referent", "unknown_referent"}


def test_an_answer_has_no_decline_reason(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂什么时候离职?")
    assert reply.answered and reply.decline_reason is None


def test_every_declined_question_of_a_set_has_a_known_reason(engine: Engine) -> None:
    declined = [r for r in map(engine.ask, (q.q for q in load(ALL_SETS[0]))) if r.kind == "not_covered"]
    assert len(declined) >= 15
    assert all(known_reason(r.decline_reason) for r in declined), {r.decline_reason for r in declined}


def test_explain_prints_each_stage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--explain", "穆拉提什麼時候離職?"]) == 0
    out = capsys.readouterr().out
    assert "normalised: 穆拉提什么时候离职" in out
    assert "(murati, a typo of a name)" in out  # 穆拉提 is a typo of 穆拉蒂
    assert "intents:    when" in out
    assert "1. a004-murati-resigns" in out
    assert "decision:   accepted" in out
    assert "answered by: single_fact" in out


def test_explain_names_the_veto_of_each_candidate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--explain", "--json", "穆拉蒂的丈夫是谁?"]) == 0
    trace = json.loads(capsys.readouterr().out)
    assert trace["slots"]["details"] == ["spouse"]
    assert trace["candidates"] and all(c["vetoed_by"] == "detail:spouse" for c in trace["candidates"])
    assert trace["decision"]["reason"] == "check:detail:spouse"
    assert trace["reply"]["decline_reason"] == "check:detail:spouse"
    assert trace["answered_by"] == "single_fact"


def test_explain_before_the_analysis(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--explain", "--json", "你好"]) == 0
    trace = json.loads(capsys.readouterr().out)
    assert trace["answered_by"] == "greeting" and "candidates" not in trace
