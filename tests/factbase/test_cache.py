"""The validated fact base cached beside the index: the same fact base back, without parsing the
YAML again; a broken or planted file is ignored with one log line; nothing invalid is stored; an
edited fact file is never answered from an older copy."""

from __future__ import annotations

import logging
import pickle
import shutil
from pathlib import Path

import pytest

from bot.factbase import cache, loader
from bot.factbase.loader import FactBase, FactBaseError, load_factbase
from bot.paths import default_facts_dir


def the_cache(directory: Path) -> Path:
    (found,) = directory.glob(f"{cache.PREFIX}*{cache.SUFFIX}")
    return found


def no_files(root: Path) -> FactBase:
    raise AssertionError("the fact files were parsed instead of the cache")


@pytest.fixture
def facts_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(default_facts_dir(), tmp_path / "facts"))


def test_the_cached_fact_base_is_the_loaded_one(
    tmp_path: Path, factbase: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_factbase(cache_dir=tmp_path)
    the_cache(tmp_path)
    monkeypatch.setattr(loader, "_load_files", no_files)
    again = load_factbase(cache_dir=tmp_path)
    assert again == first == factbase
    assert [a.sentences for a in again.articles.values()] == [a.sentences for a in factbase.articles.values()]


def test_an_edited_fact_file_is_read_again(facts_copy: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    before = load_factbase(facts_copy, cache_dir=cache_dir)
    record_file = sorted((facts_copy / "records").glob("*.yaml"))[0]
    fact = before.facts[0]
    edited = record_file.read_text(encoding="utf-8").replace(fact.answer, fact.answer + "(已更正)", 1)
    record_file.write_text(edited, encoding="utf-8")
    after = load_factbase(facts_copy, cache_dir=cache_dir)
    assert after.by_id[fact.id].answer == fact.answer + "(已更正)"
    assert len(list(cache_dir.glob(f"{cache.PREFIX}*"))) == 1  # the older copy is removed


def test_an_invalid_fact_base_is_refused_and_never_stored(facts_copy: Path, tmp_path: Path) -> None:
    (facts_copy / "entities.yaml").write_text("- id: [not, an, id]\n", encoding="utf-8")
    with pytest.raises(FactBaseError):
        load_factbase(facts_copy, cache_dir=tmp_path / "cache")
    assert not list((tmp_path / "cache").glob(f"{cache.PREFIX}*"))


class _RunsCode:
    def __init__(self, code: str) -> None:
        self.code = code

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return exec, (self.code,)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data, marker: b"not json", id="garbage"),
        pytest.param(lambda data, marker: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data, marker: data.replace(b'"answer"', b'"answr"', 1), id="wrong-field"),
        pytest.param(
            lambda data, marker: data.replace(
                b'"format":%d' % cache.FORMAT, b'"format":"%d"' % cache.FORMAT, 1
            ),
            id="lax-type",
        ),
        pytest.param(
            lambda data, marker: pickle.dumps(_RunsCode(f"open({str(marker)!r}, 'w').write('ran')")),
            id="planted-pickle",
        ),
    ],
)
def test_a_broken_cache_is_said_in_one_line_and_the_files_read(
    tmp_path: Path, factbase: FactBase, caplog: pytest.LogCaptureFixture, damage: object
) -> None:
    load_factbase(cache_dir=tmp_path)
    path = the_cache(tmp_path)
    marker = tmp_path / "ran"
    broken = damage(path.read_bytes(), marker)  # type: ignore[operator]
    path.write_bytes(broken)
    with caplog.at_level(logging.WARNING, logger="bot.factbase.cache"):
        assert load_factbase(cache_dir=tmp_path) == factbase
    assert not marker.exists()
    (record,) = caplog.records
    assert path.name in record.getMessage() and "\n" not in record.getMessage()
    assert the_cache(tmp_path).read_bytes() != broken  # stored again


def test_an_unwritable_cache_directory_is_not_fatal(tmp_path: Path, factbase: FactBase) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    assert load_factbase(cache_dir=blocker / "cache") == factbase


def test_the_cache_key_covers_the_loader_and_library_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = default_facts_dir()
    before = cache.cache_path(root, tmp_path)
    monkeypatch.setattr(cache, "_version_of", lambda package: "0-older")
    assert cache.cache_path(root, tmp_path) != before
