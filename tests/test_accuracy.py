"""Accuracy on the project's own question sets (tests/data/), all written from the articles
independently of the fact records: every fact asked in other words, in both scripts, with
typos, slang, Cantonese, transliterations and English, plus questions the articles do not answer.

- questions.jsonl (318): the weights were tuned on it.
- questions_holdout.jsonl (222): written later; its misses were studied once.
- questions_fresh_b.jsonl (111, articles a003-a004): written later still, by a writer who saw
  neither records nor engine; studied after its first run.
- questions_fresh_a.jsonl (159, articles a000-a002): same origin, never studied.
- questions_fresh_c.jsonl / questions_fresh_d.jsonl (159 / 158, all five articles): a third
  round by three more such writers, split by position. c was studied; d's misses were seen
  once, in the first run before the split, and never studied after.

The bars are regression bars a little under what the engine reaches now (docs/benchmarks.md);
the product target is 95 % on both measures. Under the bars, tests/data/outcomes/ holds each
question's recorded outcome (bench/outcomes.py): a change to any one question fails with that
question, before → after, in words.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.engine.answer import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from evalset import ALL_SETS, HELDOUT_ROUNDS, load
from outcomes import Outcome, changes, compute, outcomes_path, read

# set file's stem: (least share of answerable questions answered right, least share of the
# others declined). Every set in evalset.ALL_SETS has one (checked below).
BARS = {
    "questions": (0.95, 0.95),
    "questions_holdout": (0.95, 0.97),
    "questions_fresh_b": (0.96, 0.95),
    "questions_fresh_a": (0.95, 0.95),
    "questions_fresh_c": (0.97, 0.95),
    "questions_fresh_d": (0.9, 0.9),
    "questions_fresh_e": (0.9, 0.95),
    "questions_fresh_f": (0.97, 0.8),
    "questions_fresh_g": (0.93, 0.92),
    "questions_fresh_h": (0.95, 0.94),
    "questions_fresh_i": (0.96, 1.0),
    "questions_fresh_j": (0.9, 0.95),
    "questions_fresh_k": (0.98, 1.0),
    "questions_fresh_l": (0.97, 0.95),
    "questions_fresh_m": (0.98, 0.98),
    "questions_fresh_n": (0.96, 1.0),
    "questions_fresh_o": (0.98, 1.0),
    "questions_fresh_p": (0.96, 1.0),
    "questions_fresh_q": (0.98, 1.0),
    "questions_several": (0.95, 0.93),  # development set of #22, studied while writing the answerers
    "questions_dialogue": (0.85, 0.85),  # conversations: follow-ups with their history
    "questions_dialogue_b": (0.9, 0.95),  # conversations in traditional, Cantonese and English
    "questions_story": (0.8, 0.7),  # long messages: a story, then the question
    "questions_described": (0.8, 0.95),  # people described rather than named
    "questions_english": (0.93, 0.95),  # English twins of questions_fresh_q
    "questions_english_b": (0.93, 1.0),  # English twins of the core set (51/58 at first, 54/58 now)
    "questions_nearmiss": (0.95, 0.8),  # details the articles do not give, and close ones they do
    # Held-out rounds (tests/data/heldout/README.md): the bars hold what the engine reached, far
    # below the issues' targets (90-95 %).
    "r1_several": (0.85, 0.85),
    "r1_dialogue": (0.85, 0.75),
    "r1_styles": (0.9, 0.85),
    "r2_several": (0.7, 0.95),
    "r2_dialogue": (0.72, 0.7),
    "r2_styles": (0.8, 0.88),
    "r3_several": (0.67, 0.9),  # round 3: studied in session 19
    "r3_dialogue": (0.84, 0.9),
    "r3_styles": (0.78, 0.88),
    "r4_several": (0.82, 0.8),  # round 4: studied in session 20
    "r4_dialogue": (0.8, 1.0),
    "r4_styles": (0.76, 0.96),
    "r5_several": (0.6, 0.6),  # round 5: its first run, not studied
    "r5_dialogue": (0.68, 0.7),
    "r5_styles": (0.61, 0.72),
}


_measured: dict[Path, list[Outcome]] = {}


def _outcomes(engine: Engine, path: Path) -> list[Outcome]:
    """The set's outcomes, computed once per session and only for the sets a run selects."""
    if path not in _measured:
        _measured[path] = compute(engine, load(path))
    return _measured[path]


def _shares(path: Path, outcomes: list[Outcome]) -> tuple[float, float]:
    abstain = {q.id: q.abstain for q in load(path)}
    answerable = [o.right for o in outcomes if not abstain[o.id]]
    declinable = [o.right for o in outcomes if abstain[o.id]]
    return sum(answerable) / max(len(answerable), 1), sum(declinable) / max(len(declinable), 1)


@pytest.mark.parametrize("path", ALL_SETS, ids=lambda p: p.stem)
def test_every_outcome_is_the_recorded_one(engine: Engine, path: Path) -> None:
    """A change in what any question gets fails here with that question, before → after; a
    commit that means to change outcomes rewrites the file (python bench/outcomes.py)."""
    diff = changes(load(path), read(outcomes_path(path)), _outcomes(engine, path))
    assert not diff, f"{len(diff)} outcome(s) changed in {path.stem}:\n" + "\n".join(diff)


@pytest.mark.parametrize("path", ALL_SETS, ids=lambda p: p.stem)
def test_answerable_questions_are_answered_with_the_key_fact(engine: Engine, path: Path) -> None:
    answered_right, _ = _shares(path, _outcomes(engine, path))
    assert answered_right >= BARS[path.stem][0], f"{path.stem}: {answered_right:.3f} answered right"


@pytest.mark.parametrize("path", ALL_SETS, ids=lambda p: p.stem)
def test_out_of_scope_questions_are_declined(engine: Engine, path: Path) -> None:
    _, declined_right = _shares(path, _outcomes(engine, path))
    assert declined_right >= BARS[path.stem][1], f"{path.stem}: {declined_right:.3f} declined right"


@pytest.mark.parametrize("path", ALL_SETS, ids=lambda p: p.stem)
def test_question_sets_are_mixed(path: Path) -> None:
    questions = load(path)
    if path in HELDOUT_ROUNDS:
        # A held-out round: its kinds of question (lists, follow-ups, styles …) and near misses.
        assert len(questions) >= 60 and sum(q.abstain for q in questions) >= 10
        assert all(q.history for q in questions if q.cat == "followup")
        assert all(q.expect for q in questions if not q.abstain)
        return
    if any(q.history for q in questions) or len({q.cat for q in questions}) == 1:
        # A set of one style (conversations, stories): the style's own shape, not the category mix.
        assert len(questions) >= 25 and sum(q.abstain for q in questions) >= 1
        assert all(q.history for q in questions if q.cat == "followup")
        assert all(q.expect for q in questions if not q.abstain)
        return
    assert len(questions) >= 100
    assert {q.cat for q in questions} == {"core", "noisy", "english", "out-of-scope"}
    assert sum(q.abstain for q in questions) >= 15
    assert all(q.expect for q in questions if not q.abstain)


def test_question_sets_together_are_large() -> None:
    assert sum(len(load(path)) for path in ALL_SETS) >= 2500


def test_every_set_the_benchmark_reports_has_a_bar() -> None:
    assert set(BARS) == {path.stem for path in ALL_SETS}
