"""Per-question outcomes of every question set, kept in tests/data/outcomes/.

One line per question: its id, what the engine did (the reply kind), the fact it answered
with, and whether that is right by the scorer's rule. The files make every change in what the
engine answers visible question by question: a refactor leaves them identical, and a commit
that means to change outcomes rewrites them in the same commit and says why.

    python bench/outcomes.py            rewrite every set's file from the engine as it is
    python bench/outcomes.py --check    list the questions whose outcome changed; exit 1 if any
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evalset import ALL_SETS, ROOT, Question, is_correct, load, shown

if TYPE_CHECKING:
    from bot.engine.answer import Engine

OUTCOMES_DIR = ROOT / "tests" / "data" / "outcomes"
HEADER = "# id\tkind\tfact\tright"


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    kind: str  # the reply kind: answer, not_covered, help, empty
    fact: str  # the fact answered with, "-" for none
    right: bool

    def line(self) -> str:
        return f"{self.id}\t{self.kind}\t{self.fact}\t{'right' if self.right else 'wrong'}"

    def in_words(self) -> str:
        did = f"answered with {self.fact}" if self.kind == "answer" else self.kind.replace("_", " ")
        return f"{did} ({'right' if self.right else 'wrong'})"


def outcomes_path(set_path: Path) -> Path:
    return OUTCOMES_DIR / f"{set_path.stem}.tsv"


def compute(engine: Engine, questions: list[Question]) -> list[Outcome]:
    outcomes = []
    for question in questions:
        reply = engine.ask(question.q, history=question.history)
        outcomes.append(
            Outcome(
                question.id,
                reply.kind,
                reply.fact_id or "-",
                is_correct(question, reply.answered, shown(reply)),
            )
        )
    return outcomes


def read(path: Path) -> dict[str, Outcome]:
    recorded: dict[str, Outcome] = {}
    if not path.exists():
        return recorded
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        qid, kind, fact, right = line.split("\t")
        recorded[qid] = Outcome(qid, kind, fact, right == "right")
    return recorded


def write(path: Path, outcomes: list[Outcome]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([HEADER, *(o.line() for o in outcomes)]) + "\n", encoding="utf-8")


def changes(questions: list[Question], recorded: dict[str, Outcome], now: list[Outcome]) -> list[str]:
    """The questions whose outcome differs from the recorded one, each before → after in words."""
    text = {q.id: q.q for q in questions}
    lines = []
    for outcome in now:
        before = recorded.get(outcome.id)
        if before != outcome:
            was = before.in_words() if before else "no recorded outcome"
            lines.append(f"{outcome.id} {text[outcome.id]!r}: {was} → {outcome.in_words()}")
    lines += [f"{qid}: recorded, but no longer in the set" for qid in recorded.keys() - {o.id for o in now}]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="report changes instead of rewriting")
    args = parser.parse_args(argv)
    from bot.engine.answer import Engine
    from bot.factbase.loader import load_factbase

    engine = Engine(load_factbase())
    changed = 0
    for set_path in ALL_SETS:
        questions = load(set_path)
        now = compute(engine, questions)
        diff = changes(questions, read(outcomes_path(set_path)), now)
        changed += len(diff)
        for line in diff:
            print(f"{set_path.stem}: {line}")
        if not args.check:
            write(outcomes_path(set_path), now)
    print(f"{changed} outcome(s) changed" + ("" if args.check else "; files rewritten"))
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
