"""The engine's index cache on disk: numpy arrays and JSON in one .npz file, never a pickle.

Whoever can write the cache directory must not be able to run code in the bot, so the file is
read with ``np.load(allow_pickle=False)`` (object arrays and pickles are refused) and its JSON
part is validated by a strict pydantic model: a file that is not exactly what `save` writes is
treated as absent, with one log line saying why, and the index is rebuilt.

Layout: ``postings`` and ``by_entity`` are each one flat int32 array of fact positions plus an
int64 offsets array (token i's postings are ``flat[offsets[i]:offsets[i + 1]]``, as in memory:
:class:`bot.engine.index.Postings`); ``bags`` and ``cores`` likewise hold each fact's word
sets as positions in the token list; ``idf`` is one float64 per token; ``meta`` is the UTF-8
JSON of :class:`CacheMeta` as a uint8 array.
"""

from __future__ import annotations

import logging
import os
import zipfile
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from bot.factbase.models import Intent

log = logging.getLogger(__name__)

FORMAT = 3  # bump when the layout changes; the file name's digest changes with the code anyway
SUFFIX = ".npz"
# Names earlier versions used: never read, only removed (a .pickle could run code if loaded).
STALE_PATTERNS = ("index-*.npz", "index-*.pickle")


class CachedFact(BaseModel):
    """What the index keeps of one fact beyond the Fact itself (see index.IndexedFact)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    entities: list[str]
    chars: str
    core_text: str
    intents: list[Intent]
    people: list[str]
    orgs: list[str]
    named: list[str]
    residuals: list[str]
    phrasing_entities: list[list[str]]


class CacheMeta(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    format: int
    fact_ids: list[str]
    facts: list[CachedFact]
    tokens: list[str]  # postings keys, in order
    entities: list[str]  # by_entity keys, in order
    idf_unknown: float


# A postings table as stored: the flat positions and the offsets of each key's run.
Arrays = tuple[np.ndarray, np.ndarray]


class CachedIndex:
    """A loaded (or to-be-saved) index: the JSON part and the postings arrays."""

    __slots__ = ("bags", "by_entity", "cores", "idf", "meta", "postings")

    def __init__(
        self,
        meta: CacheMeta,
        postings: Arrays,
        by_entity: Arrays,
        idf: np.ndarray,
        bags: Arrays,
        cores: Arrays,
    ) -> None:
        self.meta = meta
        self.postings = postings
        self.by_entity = by_entity
        self.idf = idf  # float64, one per postings key
        # Each fact's word sets as positions in meta.tokens (as strings in the JSON, they were
        # half its size and its parsing time).
        self.bags = bags
        self.cores = cores


def _checked(runs: int, flat: np.ndarray, offsets: np.ndarray, bound: int) -> Arrays:
    """`runs` runs of int32 values below `bound`, as save wrote them, or ValueError."""
    if flat.dtype != np.int32 or offsets.dtype != np.int64 or flat.ndim != 1 or offsets.ndim != 1:
        raise ValueError("postings of the wrong type")
    if len(offsets) != runs + 1 or offsets[0] != 0 or offsets[-1] != len(flat):
        raise ValueError("postings offsets do not match their keys")
    if np.any(np.diff(offsets) < 0) or (len(flat) and (flat.min() < 0 or flat.max() >= bound)):
        raise ValueError("postings out of range")
    return flat, offsets


def save(path: Path, index: CachedIndex) -> None:
    """Write atomically (a temporary file renamed over the target); OSError to the caller."""
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = np.frombuffer(index.meta.model_dump_json().encode(), dtype=np.uint8)
    temporary = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        np.savez(
            handle,
            meta=meta,
            postings=index.postings[0],
            postings_offsets=index.postings[1],
            by_entity=index.by_entity[0],
            by_entity_offsets=index.by_entity[1],
            idf=index.idf,
            bags=index.bags[0],
            bag_offsets=index.bags[1],
            cores=index.cores[0],
            core_offsets=index.cores[1],
        )
    temporary.replace(path)


def load(path: Path, fact_ids: list[str]) -> CachedIndex | None:
    """The index stored at `path` for exactly these facts; None when there is none, or when the
    file is unreadable, malformed or for other facts (logged in one line: it is then rebuilt)."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as stored:
            meta = CacheMeta.model_validate_json(stored["meta"].tobytes())
            if meta.format != FORMAT:
                raise ValueError(f"format {meta.format}, expected {FORMAT}")
            if meta.fact_ids != fact_ids or len(meta.facts) != len(fact_ids):
                raise ValueError("built for other facts")
            count = len(fact_ids)
            postings = _checked(len(meta.tokens), stored["postings"], stored["postings_offsets"], count)
            by_entity = _checked(len(meta.entities), stored["by_entity"], stored["by_entity_offsets"], count)
            bags = _checked(count, stored["bags"], stored["bag_offsets"], len(meta.tokens))
            cores = _checked(count, stored["cores"], stored["core_offsets"], len(meta.tokens))
            idf = stored["idf"]
            if idf.dtype != np.float64 or idf.shape != (len(meta.tokens),) or not np.all(np.isfinite(idf)):
                raise ValueError("idf of the wrong type or size")
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, ValidationError) as exc:
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'unreadable'}"
        log.warning("index cache %s ignored and rebuilt (%s)", path.name, reason[:200])
        return None
    return CachedIndex(meta, postings, by_entity, idf, bags, cores)


def remove_stale(directory: Path, keep: Path) -> None:
    """Indexes of earlier fact files or code are never read again: keep one."""
    for pattern in STALE_PATTERNS:
        for stale in directory.glob(pattern):
            if stale != keep:
                stale.unlink(missing_ok=True)
