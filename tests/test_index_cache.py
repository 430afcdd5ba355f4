"""The engine's index cache: same answers from a cached index, and a broken cache is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.answer import Engine
from bot.engine.matcher import Matcher
from bot.factbase.loader import FactBase

QUESTIONS = ["穆拉蒂什麼時候離職?", "OpenAI有多少员工?", "明天会下雨吗?", "When was Sam Altman fired?"]


def answers(engine: Engine) -> list[tuple[bool, str | None, str]]:
    return [(r.answered, r.fact_id, r.answer) for r in map(engine.ask, QUESTIONS)]


def test_cached_index_gives_the_same_answers(
    factbase: FactBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = Engine(factbase, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("index-*.pickle"))) == 1
    fresh = answers(Engine(factbase))

    def no_rebuild(self: Matcher) -> None:
        raise AssertionError("the index was rebuilt instead of loaded from the cache")

    monkeypatch.setattr(Matcher, "_build_index", no_rebuild)
    loaded = Engine(factbase, cache_dir=tmp_path)
    assert answers(loaded) == answers(built) == fresh


def test_broken_cache_is_rebuilt(factbase: FactBase, tmp_path: Path) -> None:
    Engine(factbase, cache_dir=tmp_path)
    (cache,) = tmp_path.glob("index-*.pickle")
    cache.write_bytes(b"not a pickle")
    engine = Engine(factbase, cache_dir=tmp_path)
    assert answers(engine) == answers(Engine(factbase))
    assert cache.read_bytes() != b"not a pickle"


def test_unwritable_cache_directory_is_not_fatal(factbase: FactBase, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    engine = Engine(factbase, cache_dir=blocker / "cache")
    assert engine.ask(QUESTIONS[0]).answered


def test_an_index_of_older_facts_or_code_is_removed(factbase: FactBase, tmp_path: Path) -> None:
    stale = tmp_path / "index-000000000000000000000000.pickle"
    stale.write_bytes(b"an index built from earlier fact files")
    unrelated = tmp_path / "notes.txt"
    unrelated.write_text("not ours")
    Engine(factbase, cache_dir=tmp_path)
    assert not stale.exists()
    assert unrelated.exists()
    assert len(list(tmp_path.glob("index-*.pickle"))) == 1
