"""The work a question costs, counted (never timed): the stages do only what its answer needs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.engine.answer import Engine
from bot.engine.matcher import Matcher, QueryAnalysis
from bot.engine.normalise import matching_key
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
