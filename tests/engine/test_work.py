"""The work a question costs, counted (never timed): the stages do only what its answer needs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.engine.answer import Engine
from bot.engine.matcher import Candidate, Matcher, QueryAnalysis
from bot.engine.normalise import matching_key
from bot.engine.rules import LazyPattern
from bot.engine.several.common import Context
from bot.factbase.loader import FactBase

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "bench"))
from evalset import ALL_SETS, load


def _keys_analysed(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys the matcher analyses from now on (remembered or not)."""
    keys: list[str] = []
    analyse = Matcher.analyse

    def spy(self: Matcher, key: str) -> QueryAnalysis:
        keys.append(key)
        return analyse(self, key)

    monkeypatch.setattr(Matcher, "analyse", spy)
    return keys


def test_a_part_that_asks_nothing_is_not_analysed(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # Three parts by their spaces, one of which asks: not a question of several parts, so its
    # parts need no analysis of their own.
    keys = _keys_analysed(engine, monkeypatch)
    engine.ask("Greg Brockman 后来 回到了哪里")
    assert "greg brockman" not in keys and "后来" not in keys
    assert any("回到了哪里" in key for key in keys)


def test_parts_that_both_ask_are_analysed_each(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = _keys_analysed(engine, monkeypatch)
    engine.ask("Greg Brockman什么时候离开的?他后来回来了吗?")
    assert any(key.endswith("什么时候离开的") for key in keys)
    assert any(key.startswith("他后来回来了吗") for key in keys)


def test_the_context_stage_reads_names_without_analysing(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each sentence told in a long message is read for its names alone: no intents, words or slots.
    keys = _keys_analysed(engine, monkeypatch)
    told = "那位前CTO后来去了哪里。Ilya Sutskever和Jan Leike都离开了。"
    before = engine.matcher.work.entity_readings
    found = engine.context.find(told)
    assert keys == []
    assert engine.matcher.work.entity_readings > before
    assert found


def test_entities_alone_are_those_of_the_whole_analysis(factbase: FactBase) -> None:
    # Every question and every earlier turn of every set: the entities-only reader finds what
    # the full analysis finds, in the same order (named, then a person only described).
    reader, analyser = Matcher(factbase), Matcher(factbase)  # the reader never analyses: no memo
    texts = {text for path in ALL_SETS for row in load(path) for text in (row.q, *row.history)}
    differ = [
        text
        for text in sorted(texts)
        if reader.entities_of(matching_key(text)) != analyser.analyse(matching_key(text)).entities
    ]
    assert reader.work.analyses == 0
    assert differ == []


# In a fresh interpreter: import what `saga-bot ask` imports, then count the rule patterns
# and those of them compiled already.
_COMPILED_AT_IMPORT = """
import gc
import bot.cli, bot.engine.answer, bot.engine.several
from bot.engine.rules import LazyPattern
lazy = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]
print(len(lazy), sum(o._compiled is not None for o in lazy))
"""


def test_importing_the_engine_compiles_no_rule_pattern() -> None:
    # The rule modules' patterns (the lexicon, the several-facts frames, the matcher's and the
    # answerers') are compiled on first use: a one-shot `saga-bot ask` meets few of them.
    out = subprocess.run(
        [sys.executable, "-c", _COMPILED_AT_IMPORT], capture_output=True, text=True, check=True
    ).stdout.split()
    patterns, compiled = int(out[0]), int(out[1])
    assert patterns > 200
    assert compiled == 0


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"(\d+)\s*(位|名)", 0, "那12位高管和三名研究员"),
        (r"\bchief (\w+)", re.IGNORECASE, "Chief Scientist and chief economist"),
        (r"[,，;；]", 0, "甲，乙;丙"),
    ],
)
def test_a_lazy_pattern_reads_as_the_compiled_one(pattern: str, flags: int, text: str) -> None:
    lazy, compiled = LazyPattern(pattern, flags), re.compile(pattern, flags)
    assert lazy.pattern == compiled.pattern
    assert repr(lazy.search(text)) == repr(compiled.search(text))
    assert repr(lazy.match(text)) == repr(compiled.match(text))
    assert repr(lazy.fullmatch(text)) == repr(compiled.fullmatch(text))
    assert lazy.findall(text) == compiled.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("_", text) == compiled.sub("_", text)
    assert lazy.subn("_", text, 1) == compiled.subn("_", text, 1)
    assert lazy.split(text, 1) == compiled.split(text, 1)


def _analyses(matcher: Matcher, per_set: int = 60) -> list[QueryAnalysis]:
    """Analyses of the first questions of every set: every kind of question the sets hold."""
    return [matcher.analyse(matching_key(q.q.casefold())) for path in ALL_SETS for q in load(path)[:per_set]]


def test_the_best_few_of_a_longer_ranking_are_the_shorter_ranking(engine: Engine) -> None:
    # What lets a ranking of ten serve a request for five: the few a ranking stops at are
    # those every longer ranking begins with, re-orderings included.
    matcher = engine.matcher
    for analysis in _analyses(matcher):
        longer = [(c.fact.id, c.score) for c in matcher._rank(analysis, 10)]
        assert [(c.fact.id, c.score) for c in matcher._rank(analysis, 5)] == longer[:5], analysis.key


def test_a_shorter_ranking_is_served_from_a_longer_one(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    matcher = engine.matcher
    monkeypatch.setattr(matcher, "_ranked", {})
    analysis = matcher.analyse(matching_key("which researchers left openai with sutskever"))
    ten = matcher.rank(analysis, 10)
    rankings = matcher.work.rankings
    five = matcher.rank(analysis, 5)
    assert matcher.work.rankings == rankings  # no new ranking
    assert five == ten[:5]
    matcher.rank(analysis, 20)  # more than remembered: ranked again
    assert matcher.work.rankings == rankings + 1


def test_may_rank_is_false_only_when_no_ranking_holds_the_facts(engine: Engine) -> None:
    matcher = engine.matcher
    group_events = engine._several._group_events
    assert group_events
    said_no = 0
    for analysis in _analyses(matcher):
        if not matcher.may_rank(analysis, group_events):
            said_no += 1
            assert not {c.fact.id for c in matcher._rank(analysis, 40)} & group_events, analysis.key
    assert said_no > 100  # it does rule out most questions


def test_a_who_question_no_group_event_fits_is_not_ranked_for_one(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The several-facts answerer's route for a group the articles count but do not name ranks
    # a who-question only when such an event is among its candidates.
    matcher = engine.matcher
    ranked: list[QueryAnalysis] = []
    rank = Matcher.rank

    def spy(self: Matcher, query: QueryAnalysis, limit: int = 5) -> list[Candidate]:
        ranked.append(query)
        return rank(self, query, limit)

    monkeypatch.setattr(Matcher, "rank", spy)
    several = engine._several
    ctx = Context(engine.base, "tw", "simplified", "who replaced Brockman as chairman")
    analysis = matcher.analyse(matching_key("who replaced brockman as chairman"))
    assert several._unnamed(ctx, analysis, "who replaced brockman as chairman") is None
    assert ranked == []
    counted = matcher.analyse(matching_key("辞职的三名研究人员是谁"))
    several._unnamed(ctx, counted, "辞职的三名研究人员是谁")
    assert ranked == [counted]  # a group event is a candidate: ranked
