"""Tune the matcher's Weights on the project's own question set (tests/data/questions.jsonl).

The candidates' features do not depend on the weights, so they are computed once;
then every combination of ranking weights re-ranks them, and every decision setting
is tried on the result through Weights.accepts itself (one rule, no copy to drift).
Weights are chosen on one half of the questions (odd ids) and reported on the other
half (even ids) and on tests/data/questions_holdout.jsonl, which tuning never sees,
to show how much of a gain is fitting noise. The evaluation set under ../shared is
never read here.

    python bench/tune.py [--questions FILE] [--holdout FILE]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evalset import DEFAULT_QUESTIONS, HOLDOUT, Question, contains_expected, load

from bot.engine.acceptance import runner_up_score
from bot.engine.answer import Engine
from bot.engine.matcher import Candidate, Weights
from bot.engine.normalise import normalise
from bot.factbase.loader import load_factbase

RANKING_GRID = {
    "coverage": [0.4, 0.5, 0.6, 0.7],
    "entity_floor": [0.3, 0.5],
    "intent_mismatch": [0.5, 0.7],
    "novelty_penalty": [0.0, 0.1, 0.2],
}
DECISION_GRID = {
    "threshold": [0.25, 0.275, 0.3, 0.325, 0.35, 0.4],
    "min_coverage": [0.0, 0.1, 0.2],
    "sure_offset": [0.05, 0.1, 0.15],
    "margin": [0.03, 0.06, 0.1],
    "max_novelty": [0.6, 1.0],
}


@dataclass
class Row:
    question: Question
    candidates: list[Candidate]
    correct: list[bool]  # per candidate: would answering with it be right


def load_rows(engine: Engine, path: Path) -> list[Row]:
    rows = []
    for question in load(path):
        analysis = engine.matcher.analyse(normalise(question.q).key)
        candidates = engine.matcher.rank(analysis, limit=40)
        correct = []
        for candidate in candidates:
            facts = [candidate.fact, *engine.base.conflicting(candidate.fact)]
            shown = " ".join(f.answer + " ".join(c.quote for c in f.sources) for f in facts)
            correct.append(not question.abstain and contains_expected(shown, question))
        rows.append(Row(question, candidates, correct))
    return rows


@dataclass
class Ranked:
    top: Candidate | None
    runner_up: float
    right: bool
    out_of_scope: bool


def rerank(rows: list[Row], weights: Weights) -> list[Ranked]:
    ranked = []
    for row in rows:
        scored = sorted(
            (
                (Candidate(c.fact, weights.score(c.features), c.features), ok)
                for c, ok in zip(row.candidates, row.correct, strict=True)
            ),
            key=lambda pair: -pair[0].score,
        )
        top, right = scored[0] if scored else (None, False)
        runner_up = runner_up_score([candidate for candidate, _ in scored]) if scored else 0.0
        ranked.append(Ranked(top, runner_up, right, row.question.abstain))
    return ranked


def accuracy(ranked: list[Ranked], weights: Weights) -> tuple[float, float]:
    answerable = [r for r in ranked if not r.out_of_scope]
    declinable = [r for r in ranked if r.out_of_scope]

    def answered(r: Ranked) -> bool:
        return r.top is not None and weights.accepts(r.top, r.runner_up)

    answer_acc = sum(answered(r) and r.right for r in answerable) / max(len(answerable), 1)
    abstain_acc = sum(not answered(r) for r in declinable) / max(len(declinable), 1)
    return answer_acc, abstain_acc


def search(rows: list[Row], start: Weights) -> Weights:
    best = (-1.0, start)
    for values in itertools.product(*RANKING_GRID.values()):
        ranking = replace(start, **dict(zip(RANKING_GRID, values, strict=True)))
        ranked = rerank(rows, ranking)
        for decision in itertools.product(*DECISION_GRID.values()):
            d = dict(zip(DECISION_GRID, decision, strict=True))
            d["sure"] = round(d["threshold"] + d.pop("sure_offset"), 3)
            weights = replace(ranking, **d)
            value = sum(accuracy(ranked, weights))
            if value > best[0]:
                best = (value, weights)
    return best[1]


def report(name: str, rows: list[Row], weights: Weights) -> str:
    answer_acc, abstain_acc = accuracy(rerank(rows, weights), weights)
    return f"{name:14s} n={len(rows):3d}  answer_acc={answer_acc:.3f}  abstain_acc={abstain_acc:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--holdout", type=Path, default=HOLDOUT)
    args = parser.parse_args()
    engine = Engine(load_factbase())
    rows = load_rows(engine, args.questions)
    train = [r for i, r in enumerate(rows) if i % 2 == 0]
    check = [r for i, r in enumerate(rows) if i % 2 == 1]
    holdout = load_rows(engine, args.holdout) if args.holdout.is_file() else []
    current = engine.matcher.weights
    for name, part in (("current/train", train), ("current/check", check), ("current/holdout", holdout)):
        if part:
            print(report(name, part, current))
    tuned = search(train, current)
    changed = {
        f.name: getattr(tuned, f.name)
        for f in fields(Weights)
        if getattr(tuned, f.name) != getattr(current, f.name)
    }
    print(f"tuned on train, changes: {changed or 'none'}")
    for name, part in (("tuned/train", train), ("tuned/check", check), ("tuned/holdout", holdout)):
        if part:
            print(report(name, part, tuned))


if __name__ == "__main__":
    main()
