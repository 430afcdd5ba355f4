"""The retrieval stage's index: one flat array of fact positions per kind of key; a stored and
reloaded index is the index that was built."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from bot.engine import index
from bot.engine.answer import Engine
from bot.engine.index import FactIndex, IndexedFact, Postings
from bot.engine.matcher import Matcher
from bot.factbase.loader import FactBase


def test_postings_give_each_keys_positions_in_order() -> None:
    postings = Postings.build({"离职": [0, 3, 7], "openai": [2], "空": []})
    assert postings.get("离职").tolist() == [0, 3, 7]  # type: ignore[union-attr]
    assert postings.get("openai").tolist() == [2]  # type: ignore[union-attr]
    assert postings.get("空").tolist() == []  # type: ignore[union-attr]
    assert postings.get("never") is None
    assert postings.keys() == ["离职", "openai", "空"]
    assert postings.flat.dtype == np.int32 and len(postings.flat) == 4


def test_postings_of_runs_give_each_keys_positions_in_order() -> None:
    """The build's layout: every fact's word slots in one array, a count per fact."""
    keys = ["离职", "openai", "空", "董事会"]
    slots = {key: i for i, key in enumerate(keys)}
    # fact 0 uses 董事会 and 离职, fact 1 nothing, fact 2 离职, openai and 董事会
    key_slots = np.array([3, 0, 0, 1, 3], dtype=np.intc)
    postings = Postings.of_runs(keys, slots, key_slots, np.array([2, 0, 3], dtype=np.intc))
    assert postings.get("离职").tolist() == [0, 2]  # type: ignore[union-attr]
    assert postings.get("openai").tolist() == [2]  # type: ignore[union-attr]
    assert postings.get("空").tolist() == []  # type: ignore[union-attr]
    assert postings.get("董事会").tolist() == [0, 2]  # type: ignore[union-attr]
    assert postings.keys() == keys and postings.slots is slots
    assert postings.flat.dtype == np.int32 and postings.offsets.tolist() == [0, 2, 3, 3, 5]


def test_postings_of_no_runs_are_empty() -> None:
    empty = np.array([], dtype=np.intc)
    postings = Postings.of_runs([], {}, empty, empty)
    assert postings.get("离职") is None and postings.offsets.tolist() == [0] and len(postings.flat) == 0


def test_every_word_leads_to_the_facts_that_use_it(engine: Engine) -> None:
    matcher = engine.matcher
    by_word: dict[str, list[int]] = {}
    for position, indexed in enumerate(matcher._facts):
        for word in indexed.bag:
            by_word.setdefault(word, []).append(position)
    assert set(matcher._postings.keys()) == set(by_word)
    for word, positions in by_word.items():
        assert matcher._postings.get(word).tolist() == positions  # type: ignore[union-attr]


def test_phrasings_share_their_entity_sets(engine: Engine) -> None:
    """Equal sets of names are one object: 7,000 phrasings hold a few hundred sets."""
    sets = [found for indexed in engine.matcher._facts for found in indexed.phrasing_entities]
    assert len({id(found) for found in sets}) == len(set(sets))


def _assert_equal_sets_are_one_object(facts: list[IndexedFact]) -> None:
    names = [found for f in facts for found in (f.entities, f.people, f.orgs, f.named, *f.phrasing_entities)]
    intents = [f.intents for f in facts]
    for sets in (names, intents):
        assert len({id(found) for found in sets}) == len(set(sets))


def test_facts_share_their_sets_of_names_and_intents(
    engine: Engine, factbase: FactBase, tmp_path: Path
) -> None:
    """Facts name the same few people and serve the same few intents: each distinct set is one
    object, in the built index and in one loaded from the cache."""
    matcher = engine.matcher
    _assert_equal_sets_are_one_object(matcher._facts)
    built = FactIndex(
        matcher._facts, matcher._postings, matcher._by_entity, matcher._idf, matcher._idf_unknown
    )
    path = tmp_path / "index.npz"
    index.store(built, factbase, path)
    loaded = index.load_cached(factbase, path)
    assert loaded is not None
    _assert_equal_sets_are_one_object(loaded.facts)


def _table(postings: Postings) -> dict[str, list[int]]:
    return {
        key: postings.flat[postings.offsets[i] : postings.offsets[i + 1]].tolist()
        for key, i in postings.slots.items()
    }


def _contents(built: FactIndex) -> list[object]:
    facts = [
        (f.fact.id, f.entities, f.bag, f.core, f.chars, f.core_text, f.intents, f.people, f.orgs, f.named)
        for f in built.facts
    ]
    phrasings = [
        (f.residuals, f.phrasing_entities, f.entity_groups, f.group_of.tolist()) for f in built.facts
    ]
    return [facts, phrasings, _table(built.postings), _table(built.by_entity), built.idf, built.idf_unknown]


def test_a_stored_index_loads_as_it_was_built(engine: Engine, factbase: FactBase, tmp_path: Path) -> None:
    matcher = engine.matcher
    built = FactIndex(
        matcher._facts, matcher._postings, matcher._by_entity, matcher._idf, matcher._idf_unknown
    )
    path = tmp_path / "index.npz"
    index.store(built, factbase, path)
    loaded = index.load_cached(factbase, path)
    assert loaded is not None
    assert _contents(loaded) == _contents(built)


def test_the_matcher_reads_its_index_from_the_cache(factbase: FactBase, tmp_path: Path) -> None:
    Matcher(factbase, cache_dir=tmp_path)
    path = index.cache_path(factbase, tmp_path)
    assert path is not None and path.is_file()
    assert index.load_cached(factbase, path) is not None


def test_idf_weighs_a_rare_word_above_a_common_one(engine: Engine) -> None:
    matcher = engine.matcher
    counts = {key: len(positions) for key, positions in _table(matcher._postings).items()}
    rare = min(counts, key=counts.__getitem__)
    common = max(counts, key=counts.__getitem__)
    assert matcher._idf[rare] > matcher._idf[common] > 0
    assert matcher._idf_unknown >= matcher._idf[rare]


def test_each_words_idf_is_its_document_frequencys_in_one_array(engine: Engine) -> None:
    matcher = engine.matcher
    facts = len(matcher._facts)
    assert matcher._idf.weights.dtype == np.float64 and len(matcher._idf.weights) == len(matcher._idf)
    for word, positions in _table(matcher._postings).items():
        assert matcher._idf[word] == math.log(1 + facts / len(positions))  # exactly: ties must not move
    assert "never-a-word" not in matcher._idf


def test_a_facts_characters_are_one_string_of_each_once(engine: Engine) -> None:
    """A lone character of a question is looked up among the fact's (逼 ~ 逼迫): one short
    string a fact, not a set of ~200 one-character strings."""
    for indexed in engine.matcher._facts:
        chars = indexed.chars
        assert isinstance(chars, str) and list(chars) == sorted(set(chars))
        assert all("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in chars)
    murati = next(f for f in engine.matcher._facts if "穆拉蒂" in f.fact.answer)
    assert all(ch in murati.chars for ch in "穆拉蒂")


def test_a_word_is_one_string_object_in_every_fact_that_uses_it(engine: Engine) -> None:
    """Segmenting makes a new string each time it cuts a word out of a text; the index keeps
    one per word, the postings' key, in every fact's sets."""
    keys = {word: word for word in engine.matcher._postings.slots}
    for indexed in engine.matcher._facts:
        assert all(word is keys[word] for word in indexed.bag)
        assert all(word is keys[word] for word in indexed.core)
