"""The inverted index: one flat array of fact positions per kind of key, same answers."""

from __future__ import annotations

import numpy as np

from bot.engine.answer import Engine
from bot.engine.index_cache import Postings


def test_postings_give_each_keys_positions_in_order() -> None:
    postings = Postings.build({"离职": [0, 3, 7], "openai": [2], "空": []})
    assert postings.get("离职").tolist() == [0, 3, 7]  # type: ignore[union-attr]
    assert postings.get("openai").tolist() == [2]  # type: ignore[union-attr]
    assert postings.get("空").tolist() == []  # type: ignore[union-attr]
    assert postings.get("never") is None
    assert postings.keys() == ["离职", "openai", "空"]
    assert postings.flat.dtype == np.int32 and len(postings.flat) == 4


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
