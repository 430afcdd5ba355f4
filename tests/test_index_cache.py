"""The engine's index cache: same answers from a cached index, a broken or planted cache is
ignored (never executed) and rebuilt, with one log line saying why."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import numpy as np
import pytest

from bot.engine import index
from bot.engine.answer import Engine
from bot.factbase.loader import FactBase

QUESTIONS = ["穆拉蒂什麼時候離職?", "OpenAI有多少员工?", "明天会下雨吗?", "When was Sam Altman fired?"]


def answers(engine: Engine) -> list[tuple[bool, str | None, str]]:
    return [(r.answered, r.fact_id, r.answer) for r in map(engine.ask, QUESTIONS)]


def the_cache(directory: Path) -> Path:
    (cache,) = directory.glob("index-*.npz")
    return cache


class _RunsCode:
    """Unpickling this runs `code`: what an attacker who can write the cache directory plants."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return exec, (self.code,)


def test_cached_index_gives_the_same_answers(
    factbase: FactBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = Engine(factbase, cache_dir=tmp_path)
    the_cache(tmp_path)
    fresh = answers(Engine(factbase))

    def no_rebuild(*args: object) -> None:
        raise AssertionError("the index was rebuilt instead of loaded from the cache")

    monkeypatch.setattr(index, "build", no_rebuild)
    loaded = Engine(factbase, cache_dir=tmp_path)
    assert answers(loaded) == answers(built) == fresh


def test_a_planted_pickle_runs_nothing(
    factbase: FactBase, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Whoever can write the cache directory must not run code in the bot: a pickle planted
    where the index is read (and under the name older versions used) is never unpickled."""
    Engine(factbase, cache_dir=tmp_path)
    cache = the_cache(tmp_path)
    marker = tmp_path / "ran"
    payload = pickle.dumps(_RunsCode(f"open({str(marker)!r}, 'w').write('code ran')"))
    pickle.loads(payload)  # the payload works: unpickled, it writes the marker
    assert marker.exists()
    marker.unlink()
    cache.write_bytes(payload)
    old_name = tmp_path / f"{cache.stem}.pickle"
    old_name.write_bytes(payload)

    with caplog.at_level(logging.WARNING, logger="bot.engine.index_cache"):
        engine = Engine(factbase, cache_dir=tmp_path)

    assert not marker.exists()
    assert answers(engine) == answers(Engine(factbase))
    assert the_cache(tmp_path).read_bytes() != payload  # rebuilt over it
    assert not old_name.exists()  # the old format is removed, never read
    (record,) = caplog.records
    assert cache.name in record.getMessage() and "\n" not in record.getMessage()


def test_an_npz_holding_objects_is_refused(
    factbase: FactBase, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An .npz may hold pickled object arrays too; they are refused like a bare pickle."""
    Engine(factbase, cache_dir=tmp_path)
    cache = the_cache(tmp_path)
    marker = tmp_path / "ran"
    evil = np.array([_RunsCode(f"open({str(marker)!r}, 'w').write('code ran')")], dtype=object)
    with cache.open("wb") as handle:
        np.savez(
            handle, meta=evil, postings=evil, postings_offsets=evil, by_entity=evil, by_entity_offsets=evil
        )
    with caplog.at_level(logging.WARNING, logger="bot.engine.index_cache"):
        engine = Engine(factbase, cache_dir=tmp_path)
    assert not marker.exists()
    assert answers(engine) == answers(Engine(factbase))
    assert len(caplog.records) == 1


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"not a cache", id="garbage"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data.replace(b'"core_text"', b'"core_txet"'), id="wrong-field"),
    ],
)
def test_broken_cache_is_rebuilt(
    factbase: FactBase, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: object
) -> None:
    Engine(factbase, cache_dir=tmp_path)
    cache = the_cache(tmp_path)
    broken = damage(cache.read_bytes())  # type: ignore[operator]
    cache.write_bytes(broken)
    with caplog.at_level(logging.WARNING, logger="bot.engine.index_cache"):
        engine = Engine(factbase, cache_dir=tmp_path)
    assert answers(engine) == answers(Engine(factbase))
    assert the_cache(tmp_path).read_bytes() != broken
    assert [r.levelno for r in caplog.records] == [logging.WARNING]


def test_postings_out_of_range_are_refused(factbase: FactBase, tmp_path: Path) -> None:
    """A well-formed file whose postings point past the facts is refused, not indexed into."""
    Engine(factbase, cache_dir=tmp_path)
    cache = the_cache(tmp_path)
    with np.load(cache, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files}
    arrays["postings"] = arrays["postings"] + len(factbase.facts)
    with cache.open("wb") as handle:
        np.savez(handle, **arrays)
    engine = Engine(factbase, cache_dir=tmp_path)
    assert answers(engine) == answers(Engine(factbase))


def test_unwritable_cache_directory_is_not_fatal(factbase: FactBase, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    engine = Engine(factbase, cache_dir=blocker / "cache")
    assert engine.ask(QUESTIONS[0]).answered


def test_an_index_of_older_facts_or_code_is_removed(factbase: FactBase, tmp_path: Path) -> None:
    stale = tmp_path / "index-000000000000000000000000.npz"
    stale.write_bytes(b"an index built from earlier fact files")
    unrelated = tmp_path / "notes.txt"
    unrelated.write_text("not ours")
    Engine(factbase, cache_dir=tmp_path)
    assert not stale.exists()
    assert unrelated.exists()
    assert len(list(tmp_path.glob("index-*"))) == 1


def test_the_cache_key_covers_script_conversion_and_library_versions(
    factbase: FactBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index stores text folded by bot/text.py and words cut by jieba: an upgrade of either
    # must build a new index, not load one the older code made.
    before = index.cache_path(factbase, tmp_path)
    monkeypatch.setattr(index, "_version_of", lambda package: "0-older")
    assert index.cache_path(factbase, tmp_path) != before


def test_an_idf_array_of_the_wrong_size_is_refused(factbase: FactBase, tmp_path: Path) -> None:
    Engine(factbase, cache_dir=tmp_path)
    cache = the_cache(tmp_path)
    with np.load(cache, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files}
    arrays["idf"] = arrays["idf"][:-1]
    with cache.open("wb") as handle:
        np.savez(handle, **arrays)
    engine = Engine(factbase, cache_dir=tmp_path)
    assert answers(engine) == answers(Engine(factbase))
    with np.load(the_cache(tmp_path), allow_pickle=False) as rebuilt:
        assert len(rebuilt["idf"]) == len(arrays["idf"]) + 1


def test_word_sets_pointing_past_the_words_are_refused(factbase: FactBase, tmp_path: Path) -> None:
    """Each fact's words are stored as positions in the token list; one past its end is refused."""
    Engine(factbase, cache_dir=tmp_path)
    cache = the_cache(tmp_path)
    with np.load(cache, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files}
    arrays["bags"] = arrays["bags"].copy()
    arrays["bags"][0] = len(arrays["idf"])  # one past the last word
    with cache.open("wb") as handle:
        np.savez(handle, **arrays)
    engine = Engine(factbase, cache_dir=tmp_path)
    assert answers(engine) == answers(Engine(factbase))
    with np.load(the_cache(tmp_path), allow_pickle=False) as rebuilt:
        assert rebuilt["bags"][0] < len(rebuilt["idf"])
