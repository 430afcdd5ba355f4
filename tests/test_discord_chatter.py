"""The ask-channel filter: questions about the saga pass, chatter does not.

Measured on every question of the project's sets that is about the saga (core, noisy and
English questions) and on tests/data/chatter.txt, chatter as people type it in a Discord
channel. The bars sit a little under the measured values (docs/discord.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.discord.chatter import is_saga_question
from bot.engine.answer import Engine

DATA = Path(__file__).parent / "data"
SAGA_CATEGORIES = {"core", "noisy", "english"}


def saga_questions() -> list[str]:
    questions = []
    for path in sorted(DATA.glob("questions*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["cat"] in SAGA_CATEGORIES:
                questions.append(record["q"])
    return questions


def chatter() -> list[str]:
    lines = (DATA / "chatter.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_the_labelled_sets_are_large_enough() -> None:
    assert len(saga_questions()) >= 2500
    assert len(chatter()) >= 500


def test_saga_questions_pass_and_chatter_does_not(engine: Engine) -> None:
    questions, noise = saga_questions(), chatter()
    kept = sum(is_saga_question(engine, q) for q in questions)
    let_through = [line for line in noise if is_saga_question(engine, line)]
    recall = kept / len(questions)
    precision = kept / (kept + len(let_through))
    assert recall >= 0.995, recall
    assert precision >= 0.995, (precision, let_through)
    assert len(let_through) / len(noise) <= 0.02, let_through


@pytest.mark.parametrize(
    "line", ["大家好!", "哈哈哈", "今天吃什么", "lol", "食咗飯未", "好餓喔", "gm", "😂😂😂", ""]
)
def test_the_issues_chatter_is_not_a_question(engine: Engine, line: str) -> None:
    assert not is_saga_question(engine, line)


@pytest.mark.parametrize(
    "question",
    [
        "穆拉蒂什么时候离职?",
        "奧特曼什麼時候被解僱？",
        "When did Mira Murati leave?",
        "董事会后来去找哪家竞争对手谈合并?",  # names no one: the engine can answer it
        "穆拉蒂點解要走?",  # Cantonese
        "Altman 跟 Schulman 在伯克利見面那天喝的是什麼咖啡?",  # about the saga's people, not covered
    ],
)
def test_questions_about_the_saga_are(engine: Engine, question: str) -> None:
    assert is_saga_question(engine, question)
