"""The retrieval stage's index: what each fact says, as the matcher reads it, and which facts
use each word and name.

`load_or_build` gives the index of a fact base: from the cache directory when an index of the
same fact files, code and libraries is there (see :mod:`bot.engine.index_cache` for the file),
else built, which segments every phrasing of every fact (~0.5 s), and stored for the next start.
The index is built from text read the matcher's way (segmentation, exact names, intents an
answer can serve): :class:`IndexReader` is what it needs of the matcher.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Generic, TypeVar

import numpy as np

from bot import text as text_module
from bot.engine import index_cache
from bot.engine.concepts import lemma
from bot.engine.lexicon import COURTESY_RE
from bot.factbase.loader import FactBase
from bot.factbase.models import Fact, Intent
from bot.text import fold_name

_IS_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PROPER_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?: [A-Z][a-z]+)*(?![A-Za-z])")
# The libraries whose output the index stores: an upgrade must not reuse an older index.
_LIBRARIES = ("jieba", "opencc", "rapidfuzz", "numpy")
T = TypeVar("T")


@dataclass(slots=True)
class IndexedFact:
    fact: Fact
    entities: frozenset[str]
    bag: frozenset[str]  # content words of the answer, keywords, quotes and phrasings
    core: frozenset[str]  # those of the answer, keywords and quotes alone
    # The CJK characters of its texts, once each, as one string: a lone character of a question
    # is looked up in it (a frozenset of ~200 characters took 8 KiB a fact, this ~0.5 KiB).
    chars: str
    core_text: str  # the core words joined, to find a word inside a longer one: 副总裁 in 研究高级副总裁
    intents: frozenset[Intent]
    people: frozenset[str]  # people the fact itself names (not just its phrasings)
    orgs: frozenset[str]
    named: frozenset[str]  # everyone and everything the fact itself names: people, orgs, products
    residuals: list[str]
    phrasing_entities: list[frozenset[str]]
    # The distinct entity sets of the phrasings, and which one each phrasing has: a question's
    # entity weighting is computed per set, not per phrasing (most phrasings share one).
    entity_groups: list[frozenset[str]] = field(init=False)
    group_of: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        groups: dict[frozenset[str], int] = {}
        of = [groups.setdefault(found, len(groups)) for found in self.phrasing_entities]
        self.entity_groups = list(groups)
        self.group_of = np.asarray(of, dtype=np.intp)


class Postings:
    """Fact positions per key (a word, an entity) in one flat array: key i's positions are
    flat[offsets[i]:offsets[i + 1]]. One array, not one per key: most words are in one fact,
    and an array object per word cost more than its positions."""

    __slots__ = ("flat", "offsets", "slots")

    def __init__(
        self, keys: list[str], flat: np.ndarray, offsets: np.ndarray, slots: dict[str, int] | None = None
    ) -> None:
        # slots: each key's position in keys, when the caller has it already (the build does)
        self.slots = slots if slots is not None else {key: i for i, key in enumerate(keys)}
        self.flat = flat
        self.offsets = offsets

    @classmethod
    def build(cls, lists: dict[str, list[int]]) -> Postings:
        offsets = np.zeros(len(lists) + 1, dtype=np.int64)
        np.cumsum([len(positions) for positions in lists.values()], out=offsets[1:])
        flat = np.fromiter(
            (p for positions in lists.values() for p in positions), dtype=np.int32, count=int(offsets[-1])
        )
        return cls(list(lists), flat, offsets)

    @classmethod
    def of_runs(
        cls, keys: list[str], slots: dict[str, int], key_slots: np.ndarray, counts: np.ndarray
    ) -> Postings:
        """The postings of positions 0, 1, 2 … in turn, position i holding the `counts[i]` keys
        that follow in `key_slots` (slots in `keys`): the build's one typed array of every
        fact's words, not a Python list per word (3 million of them at 100,000 facts)."""
        positions = np.repeat(np.arange(len(counts), dtype=np.int32), counts)
        # Stable: each key's positions stay in ascending order.
        flat = positions[np.argsort(key_slots, kind="stable")]
        offsets = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum(np.bincount(key_slots, minlength=len(keys)), out=offsets[1:])
        return cls(keys, flat, offsets, slots)

    def get(self, key: str) -> np.ndarray | None:
        slot = self.slots.get(key)
        if slot is None:
            return None
        return self.flat[self.offsets[slot] : self.offsets[slot + 1]]

    def keys(self) -> list[str]:
        return list(self.slots)


class Idf(Mapping[str, float]):
    """Each indexed word's inverse document frequency, in one float array beside the postings'
    slots: a dict held a float object and an entry for each of 100,000s of words."""

    __slots__ = ("_slots", "weights")

    def __init__(self, postings: Postings, weights: np.ndarray) -> None:
        self._slots = postings.slots
        self.weights = weights

    @classmethod
    def of(cls, postings: Postings, facts: int) -> Idf:
        total = max(facts, 1)
        counts = np.diff(postings.offsets).tolist()
        # math.log, as always: numpy's log may differ in the last bit, and ties would move.
        return cls(postings, np.array([math.log(1 + total / count) for count in counts], dtype=np.float64))

    def __getitem__(self, word: str) -> float:
        return float(self.weights[self._slots[word]])

    def __contains__(self, word: object) -> bool:
        return word in self._slots

    def __iter__(self) -> Iterator[str]:
        return iter(self._slots)

    def __len__(self) -> int:
        return len(self._slots)


@dataclass(slots=True)
class FactIndex:
    facts: list[IndexedFact]  # in the fact base's order: a posting is a position in this list
    postings: Postings  # facts by content word
    by_entity: Postings  # facts by entity id
    idf: Idf
    idf_unknown: float  # of a word no fact uses


@dataclass(frozen=True, slots=True)
class IndexReader:
    """How the matcher reads text, which the index must read the same way."""

    prepare: Callable[[str], str]  # raw text -> matching key
    exact_entities: Callable[[str], tuple[list[str], str]]  # key -> entity ids, key less their names
    content_tokens: Callable[[str], list[str]]  # key -> content words
    derived_intents: Callable[[Fact, str], set[Intent]]  # fact, its answer's key -> intents it serves
    is_alias: Callable[[str], bool]  # a folded name -> whether it names a known entity


class SetPool(Generic[T]):
    """One frozenset object per distinct set: facts and phrasings name the same few people and
    organisations and serve the same few intents, and a small frozenset costs ~200 bytes."""

    __slots__ = ("_sets",)

    def __init__(self) -> None:
        self._sets: dict[frozenset[T], frozenset[T]] = {}

    def __call__(self, items: Iterable[T]) -> frozenset[T]:
        found = frozenset(items)
        return self._sets.setdefault(found, found)


def _with_lemmas(words: Iterable[str]) -> Iterator[str]:
    """A fact's words, each followed by its lemma when a concept class knows it by another form
    (挖到 → 挖): the fact is found by any member of the class, as a question's word is."""
    for word in words:
        yield word
        found = lemma(word)
        if found != word:
            yield found


def build(base: FactBase, reader: IndexReader) -> FactIndex:
    facts: list[IndexedFact] = []
    # Each word once: its one string object, shared by every fact's sets and the postings (the
    # segmenter makes a new string each time it cuts a word out of a text, ~80 bytes for two
    # characters), and its slot in the postings.
    words: list[str] = []
    slots: dict[str, int] = {}
    # Every fact's words as slots, one typed array for the whole base, and how many each fact has.
    word_slots = array("i")
    word_counts = array("i")
    by_entity: dict[str, list[int]] = defaultdict(list)
    names = SetPool[str]()  # entity sets, of facts and phrasings alike
    intent_sets = SetPool[Intent]()

    def shared(word: str) -> str:
        slot = slots.get(word)
        if slot is None:
            slots[word] = len(words)
            words.append(word)
            return word
        return words[slot]

    for position, fact in enumerate(base.facts):
        answer_key = reader.prepare(fact.answer)
        # The records are curated text: exact names only, no typo matching.
        answer_entities = set(reader.exact_entities(answer_key)[0])
        entities = set(fact.entities) | answer_entities
        texts = [answer_key, *(reader.prepare(k) for k in fact.keywords)]
        texts += [reader.prepare(c.quote) for c in fact.sources]
        core = frozenset(shared(t) for text in texts for t in _with_lemmas(reader.content_tokens(text)))
        phrasings: list[str] = []
        residuals: list[str] = []
        phrasing_entities: list[frozenset[str]] = []
        for question in fact.questions:
            key = reader.prepare(question)
            found, residual = reader.exact_entities(key)
            entities.update(found)
            residuals.append(COURTESY_RE.sub("", residual))
            phrasing_entities.append(names(found))
            phrasings.append(key)
        bag = core | {shared(t) for text in phrasings for t in _with_lemmas(reader.content_tokens(text))}
        # The characters of all texts at once: one pattern search for each distinct character.
        chars = "".join(sorted(ch for ch in set("".join((*texts, *phrasings))) if _IS_CJK.match(ch)))
        intents = set(fact.intents) | reader.derived_intents(fact, answer_key)
        named = set(fact.entities) | answer_entities
        people = names(e for e in named if base.entities[e].kind == "person")
        # Companies the records do not list as entities still name a place: "曾任Instagram产品副总裁".
        unlisted = {
            f"~{name}"
            for name in _PROPER_NAME.findall(fact.answer)
            if not any(reader.is_alias(fold_name(part)) for part in (name, *name.split()))
        }
        orgs = names({e for e in named if base.entities[e].kind == "org"} | unlisted)
        facts.append(
            IndexedFact(
                fact,
                names(entities),
                bag,
                core,
                chars,
                "|".join(sorted(core)),
                intent_sets(intents),
                people,
                orgs,
                names(named | orgs),
                residuals,
                phrasing_entities,
            )
        )
        word_slots.extend(map(slots.__getitem__, bag))
        word_counts.append(len(bag))
        for entity in entities:
            by_entity[entity].append(position)
    postings = Postings.of_runs(
        words, slots, np.frombuffer(word_slots, dtype=np.intc), np.frombuffer(word_counts, dtype=np.intc)
    )
    return FactIndex(
        facts,
        postings,
        Postings.build(by_entity),
        Idf.of(postings, len(facts)),
        math.log(1 + max(len(facts), 1)),
    )


# -- cache ------------------------------------------------------------------------------------


def _version_of(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def cache_path(base: FactBase, cache_dir: Path | None) -> Path | None:
    """Where the index of `base` is cached: the name is a digest of the fact files, the code that
    builds the index and the libraries whose output it stores. OSError if a file is unreadable."""
    if cache_dir is None:
        return None
    digest = hashlib.sha256()
    for path in sorted(base.root.rglob("*.yaml")):
        digest.update(path.name.encode() + path.read_bytes())
    # The code that builds it: the engine, and the script conversion it folds text with.
    for path in [*sorted(Path(__file__).parent.glob("*.py")), Path(text_module.__file__)]:
        digest.update(path.read_bytes())
    for package in _LIBRARIES:
        digest.update(f"{package}={_version_of(package)}".encode())
    return cache_dir / f"index-{digest.hexdigest()[:24]}{index_cache.SUFFIX}"


def load_cached(base: FactBase, path: Path) -> FactIndex | None:
    cached = index_cache.load(path, [f.id for f in base.facts])
    if cached is None:
        return None
    tokens = cached.meta.tokens

    def words_of(arrays: index_cache.Arrays, position: int) -> frozenset[str]:
        flat, offsets = arrays
        return frozenset(map(tokens.__getitem__, flat[offsets[position] : offsets[position + 1]].tolist()))

    names = SetPool[str]()  # one object per distinct set, as built
    intent_sets = SetPool[Intent]()
    facts = [
        IndexedFact(
            fact,
            names(stored.entities),
            words_of(cached.bags, position),
            words_of(cached.cores, position),
            stored.chars,
            stored.core_text,
            intent_sets(stored.intents),
            names(stored.people),
            names(stored.orgs),
            names(stored.named),
            list(stored.residuals),
            [names(found) for found in stored.phrasing_entities],
        )
        for position, (fact, stored) in enumerate(zip(base.facts, cached.meta.facts, strict=True))
    ]
    words = Postings(tokens, *cached.postings)
    return FactIndex(
        facts,
        words,
        Postings(cached.meta.entities, *cached.by_entity),
        Idf(words, cached.idf),
        cached.meta.idf_unknown,
    )


def store(index: FactIndex, base: FactBase, path: Path) -> None:
    """Write the index to `path` and remove older ones; OSError to the caller."""
    meta = index_cache.CacheMeta(
        format=index_cache.FORMAT,
        fact_ids=[f.id for f in base.facts],
        facts=[
            index_cache.CachedFact(
                entities=sorted(f.entities),
                chars=f.chars,
                core_text=f.core_text,
                intents=sorted(f.intents),
                people=sorted(f.people),
                orgs=sorted(f.orgs),
                named=sorted(f.named),
                residuals=f.residuals,
                phrasing_entities=[sorted(found) for found in f.phrasing_entities],
            )
            for f in index.facts
        ],
        tokens=index.postings.keys(),
        entities=index.by_entity.keys(),
        idf_unknown=index.idf_unknown,
    )
    postings = (index.postings.flat, index.postings.offsets)
    by_entity = (index.by_entity.flat, index.by_entity.offsets)
    slots = index.postings.slots
    bags = Postings.build({str(i): sorted(slots[w] for w in f.bag) for i, f in enumerate(index.facts)})
    cores = Postings.build({str(i): sorted(slots[w] for w in f.core) for i, f in enumerate(index.facts)})
    arrays = ((bags.flat, bags.offsets), (cores.flat, cores.offsets))
    index_cache.save(path, index_cache.CachedIndex(meta, postings, by_entity, index.idf.weights, *arrays))
    index_cache.remove_stale(path.parent, keep=path)


def load_or_build(base: FactBase, reader: IndexReader, cache_dir: Path | None) -> FactIndex:
    """The index of `base`: cached if a valid cache is there, else built (and cached)."""
    try:
        path = cache_path(base, cache_dir)
    except OSError:  # fact files unreadable here fail the load of the fact base, not this
        path = None
    if path is not None:
        cached = load_cached(base, path)
        if cached is not None:
            return cached
    built = build(base, reader)
    if path is not None:
        # A read-only cache directory only costs start-up time.
        with contextlib.suppress(OSError):
            store(built, base, path)
    return built
