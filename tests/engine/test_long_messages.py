"""Long messages: the engine runs inside the bot's event loop, so the work one message costs is
bounded (what is analysed, how many windows the name search tries, how many parts are asked
separately). Checked by the matcher's work counters, not by timings."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from bot.engine.answer import MAX_PARTS, Engine
from bot.engine.context import MAX_TURNS
from bot.engine.matcher import (
    ANALYSES_KEPT,
    CANDIDATES,
    MAX_ANALYSED_CHARS,
    MAX_ANALYSED_TOKENS,
    MAX_NAME_WINDOWS,
    Matcher,
    Work,
)
from bot.factbase.loader import FactBase


@contextmanager
def counting(engine: Engine) -> Iterator[Work]:
    """The work done inside the block (the counters only grow)."""
    spent = Work()
    before = replace(engine.matcher.work)
    yield spent
    after = engine.matcher.work
    spent.analyses = after.analyses - before.analyses
    spent.reused = after.reused - before.reused
    spent.analysed_chars = after.analysed_chars - before.analysed_chars
    spent.name_windows = after.name_windows - before.name_windows
    spent.scored = after.scored - before.scored


def story(factbase: FactBase, length: int, seed: int) -> str:
    """`length` characters of the fact base's own questions run together: every window of it
    looks like a question, and names people, which is what makes a message costly."""
    rng = random.Random(seed)
    questions = [q for fact in factbase.facts for q in fact.questions]
    text = ""
    while len(text) < length:
        text += rng.choice(questions)
    return text[:length]


def random_cjk(length: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(length))


# A long message is read as a story (bot.engine.story): its last MAX_TURNS told sentences are
# each read as a turn (an analysis or two, of a short sentence), then the asking sentence is
# asked like a short question; when that names no one and is declined, it is asked once more
# joined to the sentence before it (a question of two parts: up to three analyses). What it
# may cost in all is what FEW short questions cost.
FEW = 4
JOINED = 3
STORY_ANALYSES = FEW + 2 * MAX_TURNS + JOINED


def assert_costs_a_few_short_questions(work: Work) -> None:
    assert work.analyses + work.reused >= 1 and work.analyses <= STORY_ANALYSES
    assert work.analysed_chars <= FEW * MAX_ANALYSED_CHARS
    assert work.name_windows <= FEW * MAX_NAME_WINDOWS
    # The several-facts answerer may rank the same analysis once more than the single-fact one.
    assert work.scored <= 2 * FEW * CANDIDATES


def test_a_long_message_costs_a_few_short_questions(engine: Engine, factbase: FactBase) -> None:
    """Each analysis reads a bounded key, tries a bounded number of name windows and scores
    at most CANDIDATES facts in full: the same bounds as a short question's, which is why a
    2,000-character message costs a few of them (bench/bench.py measures it)."""
    for message in (story(factbase, 2000, seed) for seed in range(5)):
        with counting(engine) as long:
            engine.ask(message)
        assert long.analysed_chars <= long.analyses * MAX_ANALYSED_CHARS
        assert long.name_windows <= long.analyses * MAX_NAME_WINDOWS
        assert_costs_a_few_short_questions(long)
        with counting(engine) as alone:  # without the context stage: the question as it stands
            engine.ask_alone(message)
        assert alone.analyses + alone.reused >= 1 and alone.analyses <= FEW


def test_random_text_is_analysed_in_part(engine: Engine) -> None:
    message = random_cjk(480, seed=1)
    with counting(engine) as work:
        reply = engine.ask(message)
    assert not reply.answered
    assert work.analysed_chars <= work.analyses * MAX_ANALYSED_CHARS
    assert work.name_windows <= work.analyses * MAX_NAME_WINDOWS


def test_the_name_search_tries_a_bounded_number_of_windows(engine: Engine) -> None:
    """find_entities is also called on parts of keys: its own bound holds whatever it is given."""
    with counting(engine) as work:
        engine.matcher.find_entities(random_cjk(2000, seed=2))
    assert 0 < work.name_windows <= MAX_NAME_WINDOWS


def test_an_analysis_keeps_a_bounded_number_of_words(engine: Engine) -> None:
    with counting(engine) as work:
        analysis = engine.matcher.analyse(random_cjk(2000, seed=3))
    assert work.analysed_chars == MAX_ANALYSED_CHARS
    assert 0 < len(analysis.tokens) <= MAX_ANALYSED_TOKENS


def test_a_message_of_many_parts_is_not_asked_part_by_part(engine: Engine) -> None:
    parts = ["穆拉蒂什么时候离职", "Altman什么时候被解雇", "Brockman去了哪里"] * MAX_PARTS
    with counting(engine) as work:
        engine.ask("?".join(parts) + "?")
    assert_costs_a_few_short_questions(work)


def test_a_key_analysed_before_is_not_analysed_again(engine: Engine) -> None:
    key = random_cjk(60, seed=4)
    with counting(engine) as first:
        analysis = engine.matcher.analyse(key)
    with counting(engine) as again:
        assert engine.matcher.analyse(key) is analysis
    assert (first.analyses, first.reused) == (1, 0)
    assert (again.analyses, again.reused, again.name_windows) == (0, 1, 0)


def test_the_analyses_remembered_are_bounded(factbase: FactBase) -> None:
    matcher = Matcher(factbase)
    for seed in range(ANALYSES_KEPT + 5):
        matcher.analyse(f"穆拉蒂{seed}")
    assert len(matcher._analysed) == ANALYSES_KEPT
    assert "穆拉蒂0" not in matcher._analysed and f"穆拉蒂{ANALYSES_KEPT + 4}" in matcher._analysed
