"""How much rewording costs: every question of the project's sets that the engine answers
right is asked again in five rewordings, and the share still answered right is reported.

    python bench/robustness.py [--show N]

The rewordings are mechanical, so they are only a floor on what users do:
  script      the whole question in the other script (OpenCC s2tw, or t2s for traditional)
  alias       a person's name replaced by another of their aliases (a transliteration, English)
  question    a question word replaced by a colloquial one (什么时候 → 啥时候/何时, 为什么 → 为啥)
  courtesy    wrapped in "请问一下,…呀?"
  typo        one character dropped from a name of three or more characters (Latin: six)
Random choices are seeded, so two runs on the same code agree.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import opencc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evalset import ALL_SETS, Question, is_correct, load, shown

from bot.engine.answer import Engine
from bot.engine.script import detect_script
from bot.factbase.loader import FactBase, load_factbase
from bot.text import to_simplified

_TO_TRADITIONAL = opencc.OpenCC("s2tw")
_QUESTION_WORDS = (
    ("什么时候", ("啥时候", "何时", "几时")),
    ("为什么", ("为啥", "为何")),
    ("多少", ("几多",)),
    ("哪里", ("哪儿", "何处")),
    ("谁", ("哪位",)),
    ("什么", ("啥",)),
)


def names_by_length(base: FactBase) -> list[tuple[str, list[str]]]:
    """(a person's alias, all of their aliases), longest alias first."""
    names = []
    for entity in base.entities.values():
        if entity.kind != "person":
            continue
        aliases = [n for n in entity.all_names() if len(n) >= 2]
        names += [(alias, aliases) for alias in aliases]
    return sorted(names, key=lambda pair: -len(pair[0]))


def rewordings(base: FactBase, rng: random.Random) -> dict[str, Callable[[str], str | None]]:
    names = names_by_length(base)

    def other_script(q: str) -> str | None:
        return to_simplified(q) if detect_script(q) == "traditional" else _TO_TRADITIONAL.convert(q)

    def alias(q: str) -> str | None:
        for name, aliases in names:
            if name in q:
                others = [a for a in aliases if a != name and a.lower() != name.lower()]
                return q.replace(name, rng.choice(others), 1) if others else None
        return None

    def question_word(q: str) -> str | None:
        simplified = to_simplified(q)
        for word, colloquial in _QUESTION_WORDS:
            if word in simplified:
                return simplified.replace(word, rng.choice(colloquial), 1)
        return None

    def courtesy(q: str) -> str | None:
        return "请问一下," + q.rstrip("?？ ") + "呀?"

    def typo(q: str) -> str | None:
        for name, _ in names:
            chinese = re.fullmatch(r"[\u4e00-\u9fff]{3,}", name)
            latin = re.fullmatch(r"[A-Za-z]{6,}", name)
            if name in q and (chinese or latin):
                i = rng.randrange(1, len(name) - (0 if chinese else 1))
                return q.replace(name, name[:i] + name[i + 1 :], 1)
        return None

    return {
        "script": other_script,
        "alias": alias,
        "question": question_word,
        "courtesy": courtesy,
        "typo": typo,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", type=int, default=0, help="print up to N failures of each rewording")
    args = parser.parse_args()
    base = load_factbase()
    engine = Engine(base)
    rng = random.Random(7)
    kinds = rewordings(base, rng)
    asked: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    failures: dict[str, list[tuple[Question, str]]] = defaultdict(list)
    right = 0
    for path in ALL_SETS:
        for question in load(path):
            if question.abstain:
                continue
            reply = engine.ask(question.q)
            if not is_correct(question, reply.answered, shown(reply)):
                continue
            right += 1
            for kind, reword in kinds.items():
                variant = reword(question.q)
                if not variant or variant == question.q:
                    continue
                asked[kind] += 1
                again = engine.ask(variant)
                if is_correct(question, again.answered, shown(again)):
                    kept[kind] += 1
                else:
                    failures[kind].append((question, variant))
    print(f"{right} answerable questions answered right, each asked again reworded:\n")
    print("| rewording | asked | still right | share |")
    print("|---|---|---|---|")
    for kind in kinds:
        share = kept[kind] / asked[kind] if asked[kind] else 0.0
        print(f"| {kind} | {asked[kind]} | {kept[kind]} | {share:.1%} |")
    for kind, missed in failures.items():
        for question, variant in missed[: args.show]:
            print(f"{kind}: {question.id} {question.q} -> {variant}")


if __name__ == "__main__":
    main()
