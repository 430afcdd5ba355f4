"""The lookups beside answering: entities by name, autocomplete, the timeline, profiles and
the sources. The Engine offers them (it inherits this mixin); they read the fact base only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz, process

from bot.engine import labels
from bot.engine.views import Profile, RoleView, SourceRef, TimelineEntry
from bot.factbase.loader import FactBase
from bot.factbase.models import Citation, Entity, Fact, Precision, precision_of
from bot.text import Script, fold_name


class UnknownEntity(LookupError):
    def __init__(self, name: str, suggestions: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.suggestions = suggestions


class BadDate(ValueError):
    pass


class ReversedRange(BadDate):
    """A date range whose start is after its end."""

    def __init__(self, start: str, end: str) -> None:
        super().__init__(f"{start} > {end}")
        self.start, self.end = start, end


def parse_partial_date(value: str) -> tuple[str, Precision]:
    """Validate a user's YYYY, YYYY-MM or YYYY-MM-DD."""
    value = value.strip()
    try:
        return value, precision_of(value)
    except ValueError as exc:
        raise BadDate(value) from exc


def interval(value: str) -> tuple[date, date]:
    """The first and last day a partial date covers."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        year, month = parts
        last = date(year + (month == 12), month % 12 + 1, 1).toordinal() - 1
        return date(year, month, 1), date.fromordinal(last)
    day = date(*parts)
    return day, day


class Lookups:
    """Needs `base`, `_person_names` ((name, folded, entity id) of every person's names) and
    `_in_script` (fact-base text in a script) from the class it is mixed into."""

    __slots__ = ()
    base: FactBase
    _person_names: list[tuple[str, str, str]]
    _in_script: Callable[[str, Script], str]

    def _source(self, citation: Citation, script: Script) -> SourceRef:
        meta = self.base.articles[citation.article].meta
        return SourceRef(
            article=meta.id,
            title=self._in_script(meta.title, script),
            outlet=self._in_script(meta.shown_outlet(labels.OUTLET_UNKNOWN), script),
            published=meta.published.isoformat(),
            quote=self._in_script(citation.quote, script),
            original_quote=citation.quote,
        )

    def find_entity(self, name: str) -> Entity:
        """An entity by any alias in either script, case-insensitive; else UnknownEntity."""
        entity = self.base.resolve_entity(name)
        if entity is not None:
            return entity
        raise UnknownEntity(name, self.similar_names(name))

    def similar_names(self, name: str, limit: int = 3) -> list[str]:
        key = fold_name(name)
        if not key:
            return []
        hits = process.extract(
            key, list(self.base.alias_index), scorer=fuzz.WRatio, limit=10, score_cutoff=70
        )
        names: list[str] = []
        for alias, _score, _ in hits:
            display = self.base.entities[self.base.alias_index[alias]].name
            if display not in names:
                names.append(display)
        return names[:limit]

    def complete_names(self, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
        """(shown name, entity id) pairs for autocomplete: every alias in both scripts,
        names that start with the prefix first. Runs on every keystroke, so names are folded once."""
        key = fold_name(prefix)
        hits = [(name, entity_id) for name, folded, entity_id in self._person_names if key in folded]
        hits.sort(key=lambda hit: (not fold_name(hit[0]).startswith(key), len(hit[0]), hit[0]))
        return hits[:limit]

    def timeline(
        self,
        person: str | None = None,
        start: str | None = None,
        end: str | None = None,
        script: Script = "simplified",
        coarse: bool = False,
    ) -> list[TimelineEntry]:
        """Events inside the range, in date order. An event dated only to a month or year that
        overlaps the range without lying inside it is left out, or with `coarse` listed after
        them, marked approximate: never mixed in as if inside."""
        events = self.base.events()
        if person:
            entity = self.find_entity(person)
            events = [f for f in events if entity.id in f.entities]
        low = interval(parse_partial_date(start)[0])[0] if start else date.min
        high = interval(parse_partial_date(end)[0])[1] if end else date.max
        if low > high:
            raise ReversedRange(str(start), str(end))
        chosen, overlapping = [], []
        for fact in events:
            assert fact.date is not None
            first, last = interval(fact.date)
            if low <= first and last <= high:
                chosen.append(self._entry(fact, script))
            elif coarse and last >= low and first <= high:
                overlapping.append(replace(self._entry(fact, script), approximate=True))
        return chosen + overlapping

    def on(self, day: str, script: Script = "simplified") -> list[TimelineEntry]:
        value, _precision = parse_partial_date(day)
        return [self._entry(f, script) for f in self.base.events() if (f.date or "").startswith(value)]

    def _entry(self, fact: Fact, script: Script) -> TimelineEntry:
        assert fact.date is not None and fact.precision is not None
        people = tuple(
            self._in_script(self.base.entities[e].name, script)
            for e in fact.entities
            if e in self.base.entities and self.base.entities[e].kind == "person"
        )
        return TimelineEntry(
            date=fact.date,
            precision=fact.precision,
            text=self._in_script(fact.answer, script),
            people=people,
            sources=tuple(self._source(c, script) for c in fact.sources),
            fact_id=fact.id,
        )

    def who(self, name: str, script: Script = "simplified") -> Profile:
        entity = self.find_entity(name)

        def conv(text: str) -> str:
            return self._in_script(text, script)

        roles = tuple(
            RoleView(
                conv(r.title),
                conv(self.base.entities[r.org].name) if r.org and r.org in self.base.entities else None,
                r.start,
                r.end,
            )
            for r in entity.roles
        )
        events = tuple(self._entry(f, script) for f in self.base.events() if entity.id in f.entities)
        return Profile(
            id=entity.id,
            name=conv(entity.name),
            name_en=entity.name_en,
            kind=entity.kind,
            aliases=tuple(dict.fromkeys(conv(a) for a in entity.aliases)),
            summary=conv(entity.summary),
            roles=roles,
            went_to=conv(entity.went_to) if entity.went_to else None,
            sources=tuple(self._source(c, script) for c in entity.sources),
            events=events,
        )

    def sources(self, script: Script = "simplified") -> list[dict[str, str]]:
        return [
            {
                "article": a.meta.id,
                "title": self._in_script(a.meta.title, script),
                "outlet": self._in_script(a.meta.shown_outlet(labels.OUTLET_UNKNOWN), script),
                "published": a.meta.published.isoformat(),
                "script": a.meta.script,
            }
            for a in self.base.articles.values()
        ]
