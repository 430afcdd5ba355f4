"""Load, clean and validate the fact base.

`load_factbase` reads facts/ once and either returns a :class:`FactBase` or
raises :class:`FactBaseError` listing every problem as
"file: record: reason", one line each — never a traceback.
"""

from __future__ import annotations

import bisect
import errno
import os
import stat
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.factbase.cleaning import CleaningError, Sentence, clean_article, split_sentences
from bot.factbase.domain import DOMAIN_FILE, Domain
from bot.factbase.models import Citation, Entity, Fact, SourceMeta
from bot.paths import default_facts_dir
from bot.text import fold_name

SOURCES_FILE = Path("sources") / "sources.yaml"
ENTITIES_FILE = Path("entities.yaml")
RECORDS_DIR = Path("records")
# A fact file or article larger than this is refused unread. The largest shipped file is
# ~150 KB; a valid 60 MB record file took a minute and 2.3 GB to load.
MAX_FILE_BYTES = 2 * 1024 * 1024
# And the record files together (today ~530 KB): a 2 MiB file loads in ~2 s and indexes in ~7 s.
MAX_RECORDS_BYTES = 8 * 1024 * 1024


def _yaml() -> tuple[Any, Any]:
    """PyYAML and its loader, imported when files are read: a start from the cached fact
    base (cache.py) never needs them. Only the safe C loader, and with every scalar kept a
    string: YAML would otherwise turn 2024-05 into an int expression and 2023-11-17 into a date."""
    import yaml

    return yaml, getattr(yaml, "CBaseLoader", yaml.BaseLoader)


M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    record: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.record}: {self.reason}"


class FactBaseError(Exception):
    """The fact base is invalid; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = [str(p) for p in problems[:50]]
        if len(problems) > 50:
            lines.append(f"... and {len(problems) - 50} more")
        super().__init__(f"invalid fact base ({len(problems)} problem(s)):\n" + "\n".join(lines))


@dataclass(slots=True)
class Article:
    meta: SourceMeta
    text: str  # cleaned
    sentences: list[Sentence]
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s.offset for s in self.sentences]

    @property
    def id(self) -> str:
        return self.meta.id

    def sentences_in(self, start: int, end: int) -> Iterator[Sentence]:
        """The sentences that overlap text[start:end]."""
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        while i < len(self.sentences) and self.sentences[i].offset < end:
            if self.sentences[i].end > start:
                yield self.sentences[i]
            i += 1


@dataclass(slots=True)
class FactBase:
    root: Path
    articles: dict[str, Article]
    entities: dict[str, Entity]
    facts: list[Fact]
    alias_index: dict[str, str]  # folded alias -> entity id
    domain: Domain = field(default_factory=Domain)  # the story's home and place words
    by_id: dict[str, Fact] = field(default_factory=dict)
    by_entity: dict[str, list[Fact]] = field(default_factory=dict)
    by_conflict: dict[str, list[Fact]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {f.id: f for f in self.facts}
        conflicts: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.facts:
            if fact.conflict is not None:
                conflicts[fact.conflict].append(fact)
        self.by_conflict = dict(conflicts)
        grouped: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.facts:
            for entity in fact.entities:
                grouped[entity].append(fact)
        self.by_entity = dict(grouped)

    def events(self) -> list[Fact]:
        """Dated facts in date order (the timeline)."""
        return sorted((f for f in self.facts if f.kind == "event"), key=lambda f: (f.date or "", f.id))

    def conflicting(self, fact: Fact) -> list[Fact]:
        """The other records of its conflict group (looked up, not scanned: this is on the answer path)."""
        if fact.conflict is None:
            return []
        return [f for f in self.by_conflict[fact.conflict] if f.id != fact.id]

    def locate(self, citation: Citation) -> int:
        """Character offset of a quote in its cleaned article."""
        return self.articles[citation.article].text.find(citation.quote)

    def resolve_entity(self, name: str) -> Entity | None:
        entity_id = self.alias_index.get(fold_name(name))
        return self.entities.get(entity_id) if entity_id else None


class _Unreadable(Exception):
    """A fact file that cannot be read; the message is the reason, one line."""


def _read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; _Unreadable (one line) otherwise.

    Checked before reading: a directory, a symlink loop, a device or a FIFO in place of a
    fact file, or a file too large to be a fact file, is a clear problem, not a traceback,
    a hang or gigabytes of memory.
    """
    try:
        status = path.stat()
    except FileNotFoundError:
        raise _Unreadable("file is missing") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _Unreadable("symbolic link loop") from None
        raise _Unreadable(f"cannot read: {exc.strerror or type(exc).__name__}") from None
    if stat.S_ISDIR(status.st_mode):
        raise _Unreadable("is a directory, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise _Unreadable("not a regular file")
    if status.st_size > limit:
        raise _Unreadable(f"{status.st_size:,} bytes is over the {limit:,}-byte limit for a fact file")
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)  # the file may have grown since stat
    except OSError as exc:
        raise _Unreadable(f"cannot read: {exc.strerror or type(exc).__name__}") from None
    if len(data) > limit:
        raise _Unreadable(f"over the {limit:,}-byte limit for a fact file")
    return data


def _size(path: Path) -> int:
    """A regular file's size; 0 for anything else (reading it reports what it is)."""
    try:
        status = path.stat()
    except OSError:
        return 0
    return status.st_size if stat.S_ISREG(status.st_mode) else 0


def _refuse_anchors(text: str) -> None:
    """Raise yaml.YAMLError at the first anchor or alias: fact files need neither, and aliases
    expand without bound (a few hundred bytes can ask for gigabytes)."""
    if "&" not in text and "*" not in text:  # neither can be written without its sign
        return
    yaml, loader = _yaml()
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            line = event.start_mark.line + 1 if event.start_mark else "?"
            raise yaml.YAMLError(f"anchors and aliases (& and *) are not allowed, line {line}")


def _read_yaml_data(path: Path, root: Path, problems: list[Problem]) -> Any:
    """The file's YAML, read within the size caps and without anchors; None (and a problem)
    when it is unreadable."""
    rel = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    yaml, loader = _yaml()
    try:
        text = _read_bytes(path).decode("utf-8")
        _refuse_anchors(text)
        data = yaml.load(text, Loader=loader)
    except _Unreadable as exc:
        problems.append(Problem(rel, "-", str(exc)))
        return None
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, "-", f"not UTF-8 text (undecodable byte at offset {exc.start})"))
        return None
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())
        problems.append(Problem(rel, "-", f"not valid YAML: {reason}"))
        return None
    return _nulls(data)


def _read_yaml(path: Path, root: Path, problems: list[Problem]) -> list[Any]:
    """The file's list of records; none (and a problem) when it is unreadable or not a list."""
    rel = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    data = _read_yaml_data(path, root, problems)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(Problem(rel, "-", "expected a list of records"))
        return []
    return data


def _nulls(value: Any) -> Any:
    """The base loader keeps every scalar a string; `null` and `~` still mean "no value"."""
    if isinstance(value, dict):
        return {k: _nulls(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nulls(v) for v in value]
    return None if value in ("null", "~", "Null", "NULL") else value


def _validation_reason(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "required field is missing"
    more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {message}{more}" if where else f"{message}{more}"


def _parse(model: type[M], raw: Any, rel: str, index: int, problems: list[Problem]) -> M | None:
    record = f"#{index}"
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        record = raw["id"]
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems.append(Problem(rel, record, _validation_reason(exc)))
        return None


def _check_citations(
    citations: Iterable[Citation], articles: dict[str, Article], rel: str, record: str
) -> Iterator[Problem]:
    for citation in citations:
        article = articles.get(citation.article)
        if article is None:
            yield Problem(rel, record, f"cites unknown article {citation.article!r}")
        elif citation.quote not in article.text:
            yield Problem(
                rel, record, f"quote is not verbatim in cleaned {citation.article}: {citation.quote[:30]!r}"
            )


def _load_articles(root: Path, problems: list[Problem]) -> dict[str, Article]:
    rel = str(SOURCES_FILE)
    articles: dict[str, Article] = {}
    for index, raw in enumerate(_read_yaml(root / SOURCES_FILE, root, problems)):
        meta = _parse(SourceMeta, raw, rel, index, problems)
        if meta is None:
            continue
        if meta.id in articles:
            problems.append(Problem(rel, meta.id, "duplicate article id"))
            continue
        sources = (root / SOURCES_FILE).parent
        path = sources / meta.file
        # Confined to the sources folder, links resolved: a record cannot make the bot read
        # (and quote) a file elsewhere on the machine.
        if "\0" in meta.file:  # YAML can write one ("\0"); no file name holds it
            problems.append(Problem(rel, meta.id, f"article file name holds a NUL character: {meta.file!r}"))
            continue
        # realpath, not resolve(): a link loop is reported by _read_bytes, not raised here.
        if not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(sources)):
            problems.append(Problem(rel, meta.id, f"article file is outside {sources.name}/: {meta.file!r}"))
            continue
        try:
            text = clean_article(_read_bytes(path), meta.id)
        except _Unreadable as exc:
            problems.append(Problem(rel, meta.id, f"article file {meta.file}: {exc}"))
            continue
        except CleaningError as exc:
            problems.append(Problem(rel, meta.id, f"cleaning failed: {exc}"))
            continue
        articles[meta.id] = Article(meta, text, split_sentences(text, meta.id))
    return articles


def _load_entities(
    root: Path, articles: dict[str, Article], problems: list[Problem]
) -> tuple[dict[str, Entity], dict[str, str]]:
    rel = str(ENTITIES_FILE)
    entities: dict[str, Entity] = {}
    aliases: dict[str, str] = {}
    for index, raw in enumerate(_read_yaml(root / ENTITIES_FILE, root, problems)):
        entity = _parse(Entity, raw, rel, index, problems)
        if entity is None:
            continue
        if entity.id in entities:
            problems.append(Problem(rel, entity.id, "duplicate id"))
            continue
        entities[entity.id] = entity
        citations = [*entity.sources, *(c for role in entity.roles for c in role.sources)]
        problems.extend(_check_citations(citations, articles, rel, entity.id))
        for name in entity.all_names():
            key = fold_name(name)
            if not key:
                problems.append(Problem(rel, entity.id, f"empty alias {name!r}"))
                continue
            owner = aliases.setdefault(key, entity.id)
            if owner != entity.id:
                problems.append(Problem(rel, entity.id, f"alias {name!r} also names {owner!r}"))
    for entity in entities.values():
        for role in entity.roles:
            if role.org is not None and role.org not in entities:
                problems.append(Problem(rel, entity.id, f"role org {role.org!r} is not defined"))
    return entities, aliases


def _load_facts(
    root: Path, articles: dict[str, Article], entities: dict[str, Entity], problems: list[Problem]
) -> list[Fact]:
    facts: list[Fact] = []
    seen: dict[str, str] = {}
    records_dir = root / RECORDS_DIR
    files = sorted(records_dir.glob("*.yaml")) if records_dir.is_dir() else []
    if not files:
        problems.append(Problem(str(RECORDS_DIR), "-", "no record files"))
    total = sum(_size(path) for path in files)
    if total > MAX_RECORDS_BYTES:
        reason = f"{total:,} bytes of record files is over the {MAX_RECORDS_BYTES:,}-byte limit"
        problems.append(Problem(str(RECORDS_DIR), "-", reason))
        return []
    # Each article's facts live in records/<article id>.yaml: a missing or emptied file would
    # silently decline every question about that article.
    names = {path.name for path in files}
    for article_id in articles:
        if files and f"{article_id}.yaml" not in names:
            problems.append(
                Problem(
                    str(RECORDS_DIR / f"{article_id}.yaml"), "-", f"article {article_id} has no record file"
                )
            )
    for path in files:
        rel = str(path.relative_to(root))
        before = len(problems)
        records = _read_yaml(path, root, problems)
        if not records and len(problems) == before:
            problems.append(Problem(rel, "-", "no records: a record file holds at least one"))
        for index, raw in enumerate(records):
            fact = _parse(Fact, raw, rel, index, problems)
            if fact is None:
                continue
            if fact.id in seen:
                problems.append(Problem(rel, fact.id, f"duplicate id (also in {seen[fact.id]})"))
                continue
            seen[fact.id] = rel
            for entity_id in fact.entities:
                if entity_id not in entities:
                    problems.append(Problem(rel, fact.id, f"entity {entity_id!r} is not defined"))
            problems.extend(_check_citations(fact.sources, articles, rel, fact.id))
            facts.append(fact)
    by_id = {f.id: f for f in facts}
    for fact in facts:
        if fact.superseded_by is not None and fact.superseded_by not in by_id:
            problems.append(
                Problem(seen[fact.id], fact.id, f"superseded_by {fact.superseded_by!r} is not defined")
            )
    problems.extend(_supersession_cycles(by_id, seen))
    return facts


def _supersession_cycles(by_id: dict[str, Fact], files: dict[str, str]) -> Iterator[Problem]:
    """One problem per `superseded_by` cycle (a fact overtaken, at the end, by itself), at its
    smallest id: the engine would answer with an arbitrary member of the loop."""
    finished: set[str] = set()  # facts whose chain is known to end
    for start in sorted(by_id):
        chain: list[str] = []
        current: str | None = start
        while current is not None and current in by_id and current not in finished:
            if current in chain:
                loop = chain[chain.index(current) :]
                first = min(loop)
                rotated = loop[loop.index(first) :] + loop[: loop.index(first)]
                path = " -> ".join([*rotated, first])
                yield Problem(files[first], first, f"superseded_by forms a cycle: {path}")
                break
            chain.append(current)
            current = by_id[current].superseded_by
        finished.update(chain)


def load_factbase(root: Path | None = None, *, cache_dir: Path | None = None) -> FactBase:
    """Load and validate everything under `root` (default: the shipped fact base); with
    `cache_dir`, from the copy cached there when the files are unchanged (see cache.py)."""
    root = Path(root) if root is not None else default_facts_dir()
    if not root.is_dir():
        raise FactBaseError([Problem(str(root), "-", "fact base directory not found")])
    if cache_dir is not None:
        from bot.factbase import cache  # it builds on this module

        return cache.load_factbase_cached(root, cache_dir, _load_files)
    return _load_files(root)


def _load_domain(root: Path, entities: dict[str, Entity], problems: list[Problem]) -> Domain:
    """The fact base's domain.yaml (what the story's home is, which words name its places);
    an empty Domain when there is none."""
    path = root / DOMAIN_FILE
    if not path.is_file():
        return Domain()
    data = _read_yaml_data(path, root, problems)
    if data is None:
        return Domain()
    try:
        domain = Domain.model_validate(data)
    except ValidationError as exc:
        problems.append(Problem(DOMAIN_FILE, "-", _validation_reason(exc)))
        return Domain()
    unknown = [org for org in domain.home_organisations if org not in entities or entities[org].kind != "org"]
    if unknown:
        problems.append(
            Problem(DOMAIN_FILE, "home_organisations", f"not an organisation: {', '.join(unknown)}")
        )
    return domain


def load_domain(root: Path, entities: dict[str, Entity]) -> Domain:
    """The domain file alone, validated against `entities`; raises FactBaseError."""
    problems: list[Problem] = []
    domain = _load_domain(root, entities, problems)
    if problems:
        raise FactBaseError(problems)
    return domain


def _load_files(root: Path) -> FactBase:
    problems: list[Problem] = []
    articles = _load_articles(root, problems)
    entities, aliases = _load_entities(root, articles, problems)
    facts = _load_facts(root, articles, entities, problems)
    domain = _load_domain(root, entities, problems)
    if problems:
        raise FactBaseError(problems)
    return FactBase(root, articles, entities, facts, aliases, domain)
