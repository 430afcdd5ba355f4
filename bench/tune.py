"""Tune the matcher's Weights on the project's own question set (tests/data/questions.jsonl).

The candidates' features do not depend on the weights, so they are computed once;
then every combination of ranking weights re-ranks them, and every decision
threshold is tried on the result. Weights are chosen on one half of the questions
(odd ids) and reported on the other half (even ids) as well, to show how much of the
gain is fitting noise. The evaluation set under ../shared is never read here.

    python bench/tune.py [--questions tests/data/questions.jsonl]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from bot.engine.answer import Engine
from bot.engine.matcher import Candidate, Weights
from bot.engine.normalise import normalise
from bot.factbase.loader import load_factbase
from bot.text import to_simplified

ROOT = Path(__file__).resolve().parent.parent


def fold(text: str) -> str:
    return re.sub(r"\s+", "", to_simplified(text)).lower().replace("，", ",")


@dataclass
class Row:
    id: int
    out_of_scope: bool
    candidates: list[Candidate]
    correct: list[bool]  # per candidate: would answering with it be right


def load_rows(engine: Engine, path: Path) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        analysis = engine.matcher.analyse(normalise(item["q"]).key)
        candidates = engine.matcher.rank(analysis, limit=40)
        correct = []
        for candidate in candidates:
            if item.get("abstain"):
                correct.append(False)
                continue
            facts = [candidate.fact, *engine.base.conflicting(candidate.fact)]
            shown = fold(" ".join(f.answer + " ".join(c.quote for c in f.sources) for f in facts))
            correct.append(all(any(fold(alt) in shown for alt in group) for group in item["expect"]))
        rows.append(Row(int(item["id"].lstrip("qd")), bool(item.get("abstain")), candidates, correct))
    return rows


RANKING_GRID = {
    "coverage": [0.4, 0.5, 0.6, 0.7],
    "entity_floor": [0.3, 0.5, 0.7],
    "intent_mismatch": [0.5, 0.6, 0.72, 0.85],
    "novelty_penalty": [0.0, 0.1, 0.2, 0.3],
}
DECISION_GRID = {
    "threshold": [round(x, 3) for x in np.arange(0.2, 0.56, 0.025)],
    "min_coverage": [0.0, 0.15, 0.25, 0.35, 0.45],
    "sure_offset": [0.0, 0.05, 0.1, 0.15],
    "margin": [0.0, 0.03, 0.06, 0.1],
    "phrasing_sure": [0.7, 0.8, 0.9, 1.01],
    "max_novelty": [0.3, 0.45, 0.6, 1.0],
}


FEATURES = ("score", "coverage", "phrasing", "novelty", "named", "lead", "right")


def evaluate(rows: list[Row], weights: Weights) -> dict[str, np.ndarray]:
    """Per question: the top candidate's score and features, its lead over the runner-up,
    and whether answering with it is right."""
    table: dict[str, list[float]] = {name: [] for name in FEATURES}
    for row in rows:
        scored = sorted(
            ((weights.score(c.features), i) for i, c in enumerate(row.candidates)), key=lambda x: -x[0]
        )
        if not scored:
            for name in FEATURES:
                table[name].append(0.0)
            continue
        best_score, best = scored[0]
        features = row.candidates[best].features
        table["score"].append(best_score)
        table["coverage"].append(features.coverage)
        table["phrasing"].append(features.phrasing)
        table["novelty"].append(features.novelty)
        table["named"].append(float(features.named))
        table["lead"].append(best_score - (scored[1][0] if len(scored) > 1 else 0.0))
        table["right"].append(float(row.correct[best]))
    return {name: np.array(values) for name, values in table.items()}


def decide(t: dict[str, np.ndarray], w: Weights) -> np.ndarray:
    """Weights.accepts, vectorised."""
    return (
        (t["score"] >= w.threshold)
        & (t["novelty"] <= w.max_novelty)
        & ((t["coverage"] >= w.min_coverage) | (t["phrasing"] >= w.phrasing_sure))
        & ((t["score"] >= w.sure) | (t["lead"] >= w.margin))
        & (
            (t["named"] > 0)
            | ((t["coverage"] >= w.unnamed_min_coverage) & (t["novelty"] <= w.unnamed_max_novelty))
        )
    )


def objective(rows: list[Row], answered: np.ndarray, right: np.ndarray) -> float:
    oos = np.array([r.out_of_scope for r in rows])
    answer_acc = (answered & right & ~oos).sum() / max((~oos).sum(), 1)
    abstain_acc = (~answered & oos).sum() / max(oos.sum(), 1)
    return float(answer_acc + abstain_acc)


def search(rows: list[Row]) -> tuple[float, Weights]:
    best = (-1.0, Weights())
    oos = np.array([r.out_of_scope for r in rows])
    keys = list(RANKING_GRID)
    for values in itertools.product(*RANKING_GRID.values()):
        ranking = replace(Weights(), **dict(zip(keys, values, strict=True)))
        table = evaluate(rows, ranking)
        right = table["right"].astype(bool)
        for decision in itertools.product(*DECISION_GRID.values()):
            d = dict(zip(DECISION_GRID, decision, strict=True))
            d["sure"] = round(d["threshold"] + d.pop("sure_offset"), 3)
            weights = replace(ranking, **d)
            answered = decide(table, weights)
            value = (answered & right & ~oos).sum() / max((~oos).sum(), 1) + (~answered & oos).sum() / max(
                oos.sum(), 1
            )
            if value > best[0]:
                best = (float(value), weights)
    return best


def report(name: str, rows: list[Row], weights: Weights) -> str:
    table = evaluate(rows, weights)
    answered = decide(table, weights)
    right = table["right"].astype(bool)
    oos = np.array([r.out_of_scope for r in rows])
    answer_acc = (answered & right & ~oos).sum() / max((~oos).sum(), 1)
    abstain_acc = (~answered & oos).sum() / max(oos.sum(), 1)
    top_right = (right & ~oos).sum() / max((~oos).sum(), 1)
    return (
        f"{name:10s} n={len(rows):3d}  answer_acc={answer_acc:.3f}  abstain_acc={abstain_acc:.3f}  "
        f"(right fact ranked first: {top_right:.3f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=Path, default=ROOT / "tests" / "data" / "questions.jsonl")
    args = parser.parse_args()
    engine = Engine(load_factbase())
    rows = load_rows(engine, args.questions)
    train = [r for r in rows if r.id % 2]
    held = [r for r in rows if not r.id % 2]
    print(report("current", rows, engine.matcher.weights))
    _, weights = search(train)
    print(f"best on odd ids: {weights}")
    for name, part in (("train", train), ("held-out", held), ("all", rows)):
        print(report(name, part, weights))


if __name__ == "__main__":
    main()
