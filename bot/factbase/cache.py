"""The validated fact base, cached as JSON beside the engine's index.

Loading facts/ parses ~700 KB of YAML and cleans five articles at every start (about a third of
a warm `saga-bot ask`); a fact base that loaded without a problem is stored as one JSON file,
named by a digest of every file under the fact base's root, the loader's code and the versions
of the libraries that parsed it, and later starts read that instead. The file is JSON, never a
pickle, read back through the same pydantic models (strict, no extra fields), so whoever can
write the cache directory can at most make the bot decline or misquote, never run code; a file
that is not exactly what `store` writes is logged in one line and ignored (the fact base is
then loaded from its files and stored again).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from bot import text as text_module
from bot.factbase.cleaning import split_sentences
from bot.factbase.domain import Domain
from bot.factbase.loader import Article, FactBase
from bot.factbase.models import Entity, Fact, SourceMeta

log = logging.getLogger(__name__)

FORMAT = 2  # 2: the domain file's data
PREFIX = "factbase-"
SUFFIX = ".json"
# The loader's code and the libraries whose output the cache holds (parsed YAML, validated
# records, names folded by OpenCC): a change to any of them must not reuse an older file.
_CODE_DIR = Path(__file__).resolve().parent
_LIBRARIES = ("pyyaml", "pydantic", "pydantic-core", "opencc")
# Fact files larger than the loader accepts are refused by it; this only bounds the read.
MAX_CACHE_BYTES = 64 * 1024 * 1024


class CachedArticle(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    meta: SourceMeta
    text: str  # cleaned; its sentences are split again (cheap, and never out of step)


class CachedFactBase(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    format: int
    articles: list[CachedArticle]
    entities: list[Entity]
    facts: list[Fact]
    alias_index: dict[str, str]
    domain: Domain


def _version_of(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def _files_under(root: Path) -> list[Path]:
    found = [
        Path(folder) / name
        for folder, _, names in os.walk(root, onerror=_raise)  # links to folders not followed
        for name in names
    ]
    return sorted(found)


def _raise(error: OSError) -> None:
    raise error


def cache_path(root: Path, cache_dir: Path) -> Path:
    """The cache file for the fact base under `root` as it is now. OSError if a file there
    cannot be read (the loader then reports it)."""
    digest = hashlib.sha256()
    for path in _files_under(root):
        with path.open("rb") as handle:  # streamed: a huge stray file costs time, not memory
            file_digest = hashlib.file_digest(handle, "sha256").hexdigest()
        digest.update(f"{path.relative_to(root).as_posix()}\0{file_digest}\0".encode())
    for path in [*sorted(_CODE_DIR.glob("*.py")), Path(text_module.__file__)]:
        digest.update(path.read_bytes())
    for package in _LIBRARIES:
        digest.update(f"{package}={_version_of(package)}".encode())
    digest.update(str(root.resolve()).encode())  # the FactBase records where it came from
    return cache_dir / f"{PREFIX}{digest.hexdigest()[:24]}{SUFFIX}"


def load(path: Path) -> CachedFactBase | None:
    """The fact base stored at `path`; None when there is none, or when it is unreadable or
    malformed (logged in one line)."""
    if not path.is_file():
        return None
    try:
        if path.stat().st_size > MAX_CACHE_BYTES:
            raise ValueError(f"over {MAX_CACHE_BYTES:,} bytes")
        cached = CachedFactBase.model_validate_json(path.read_bytes(), strict=True)
        if cached.format != FORMAT:
            raise ValueError(f"format {cached.format}, expected {FORMAT}")
    except (OSError, ValueError, ValidationError) as exc:
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'unreadable'}"
        log.warning("fact base cache %s ignored and rebuilt (%s)", path.name, reason[:200])
        return None
    return cached


def store(path: Path, cached: CachedFactBase) -> None:
    """Write atomically and remove the files of earlier fact bases; OSError to the caller."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    temporary.write_text(cached.model_dump_json(), encoding="utf-8")
    temporary.replace(path)
    for stale in path.parent.glob(f"{PREFIX}*{SUFFIX}"):
        if stale != path:
            stale.unlink(missing_ok=True)


def _as_cached(base: FactBase) -> CachedFactBase:
    return CachedFactBase(
        format=FORMAT,
        articles=[CachedArticle(meta=a.meta, text=a.text) for a in base.articles.values()],
        entities=list(base.entities.values()),
        facts=base.facts,
        alias_index=base.alias_index,
        domain=base.domain,
    )


def _as_factbase(root: Path, cached: CachedFactBase) -> FactBase:
    articles = {
        a.meta.id: Article(a.meta, a.text, split_sentences(a.text, a.meta.id)) for a in cached.articles
    }
    entities = {entity.id: entity for entity in cached.entities}
    return FactBase(root, articles, entities, list(cached.facts), dict(cached.alias_index), cached.domain)


def load_factbase_cached(root: Path, cache_dir: Path, load_files: Callable[[Path], FactBase]) -> FactBase:
    """The fact base under `root`: from the cache when it holds this very fact base, else
    `load_files(root)` (which raises on an invalid one: nothing invalid is ever stored)."""
    try:
        path = cache_path(root, cache_dir)
    except OSError:  # an unreadable file: the loader says which, in its own words
        return load_files(root)
    cached = load(path)
    if cached is not None:
        return _as_factbase(root, cached)
    base = load_files(root)
    with contextlib.suppress(OSError):  # a read-only cache directory only costs start-up time
        store(path, _as_cached(base))
    return base
