"""What every answerer of several facts shares: items with their sources, partial dates shown
no finer than they are known, display names, and the reply they make."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.engine import labels as engine_labels
from bot.engine.answer import Reply, SourceRef
from bot.engine.rules import LazyPattern
from bot.engine.several import labels
from bot.factbase.domain import home_of
from bot.factbase.loader import FactBase
from bot.factbase.models import Citation, Entity, Fact, Precision, precision_of
from bot.text import Script, TraditionalVariant, to_script


@dataclass(frozen=True, slots=True)
class Item:
    """One line of a list, order or digest: what it says, when, and where it is written."""

    text: str  # in the reply script
    date: str | None
    fact_ids: tuple[str, ...]
    sources: tuple[SourceRef, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "date": self.date,
            "precision": precision_of(self.date).value if self.date else None,
            "fact_ids": list(self.fact_ids),
            "sources": [s.to_json() for s in self.sources],
        }


def sort_key(value: str | None) -> str:
    """Undated things sort after every dated one."""
    return value if value is not None else "9999"


def show_date(value: str | None) -> str:
    """2024 -> 2024年, 2024-05 -> 2024年5月, 2024-05-28 -> 2024年5月28日: never finer than known."""
    if value is None:
        return labels.UNDATED
    parts = [int(p) for p in value.split("-")]
    units = (labels.YEAR, labels.MONTH, labels.DAY)
    return "".join(f"{number}{unit}" for number, unit in zip(parts, units, strict=False))


def coarser(first: str, second: str) -> Precision:
    """The coarser precision of two partial dates: what a difference between them can be told in."""
    order = [Precision.DAY, Precision.MONTH, Precision.YEAR]
    return max(precision_of(first), precision_of(second), key=order.index)


PRECISION_WORDS = {Precision.DAY: "日", Precision.MONTH: "月", Precision.YEAR: "年"}


def overlap(first: str, second: str, who: tuple[str, str], what: str = "件事") -> str:
    """Two dates that overlap at the precision known, told as they are: both to the same
    precision ("两件事都在2023年11月(日期只精确到月)"), or one finer than the other ("第一件事在
    2023年11月17日,第二件事只知道在2023年11月"), never the finer as coarse as the other."""
    if precision_of(first) == precision_of(second):
        if precision_of(first) == Precision.DAY:
            return labels.BOTH_IN.format(what=what, date=show_date(first))
        coarse = min(first, second, key=len)
        return labels.BOTH_IN_COARSE.format(
            what=what, date=show_date(coarse), precision=PRECISION_WORDS[precision_of(coarse)]
        )
    (fine, fine_who), (coarse, coarse_who) = sorted(
        zip((first, second), who, strict=True), key=lambda p: -len(p[0])
    )
    return labels.ONE_COARSER.format(
        fine_who=fine_who,
        fine=show_date(fine),
        coarse_who=coarse_who,
        coarse=show_date(coarse),
        precision=PRECISION_WORDS[precision_of(coarse)],
    )


def display(entity: Entity) -> str:
    """约翰·舒尔曼(John Schulman); a name the articles write only in Latin stays as it is."""
    if entity.name_en and entity.name_en != entity.name:
        return f"{entity.name}({entity.name_en})"
    return entity.name


_YEAR = LazyPattern(r"(20\d\d)\s*年?")
# A year may be two digits before a month ("24年8月"); alone, "10年" is a duration.
_MONTH_DAY = LazyPattern(r"(?:(20\d\d|(?<![\d.])\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号號])?")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ENGLISH_DATE = LazyPattern(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(20\d\d))?\b"
)
_ISO = LazyPattern(r"(20\d\d)-(\d{1,2})(?:-(\d{1,2}))?")
# "11/19": month and day, as Chinese users write them (no year: the saga's year is looked up).
_SLASHED = LazyPattern(r"(?<![\d/])()(\d{1,2})/(\d{1,2})(?![\d/])")


def dates_in(text: str, base: FactBase) -> list[str]:
    """The partial dates a question names ("2023年11月19日", "11月19日", "2024年"), as ISO. A
    month or day without a year takes the year of the events the articles date so (the saga's
    11月19日 is 2023's); left out when no event or several years fit."""
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for match in [*_ISO.finditer(text), *_MONTH_DAY.finditer(text), *_SLASHED.finditer(text)]:
        year, month, day = (group or None for group in match.groups())
        if month is None:
            continue
        year = _full_year(year)
        taken.append(match.span())  # an impossible date is no year either ("2023年2月30日")
        if not 1 <= int(month) <= 12 or (day and not 1 <= int(day) <= 31):
            continue
        if year is None:
            suffix = f"-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
            years = {f.date[:4] for f in base.events() if f.date and f.date[4:].startswith(suffix)}
            if len(years) != 1:
                continue
            year = years.pop()
        value = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
        try:
            precision_of(value)
        except ValueError:
            continue
        found.append(value)
    for match in _ENGLISH_DATE.finditer(text):
        month = _MONTHS.index(match.group(1)[:3]) + 1
        day, year = match.group(2), match.group(3)
        if year is None and day is None:
            continue  # an English month alone: too loose to guess ("may" is also a verb)
        if year is None:
            # "November 17": the year of the events the articles date so, as for 11月17日
            suffix = f"-{month:02d}-{int(day):02d}"
            years = {f.date[:4] for f in base.events() if f.date and f.date[4:].startswith(suffix)}
            if len(years) != 1:
                continue
            year = years.pop()
        value = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        try:
            precision_of(value)
        except ValueError:
            continue
        found.append(value)
        taken.append(match.span())
    for match in _YEAR.finditer(text):
        if not any(start <= match.start() < end for start, end in taken):
            found.append(match.group(1))
    return found


def _full_year(year: str | None) -> str | None:
    """24 -> 2024: two digits name a year of this century."""
    return f"20{year}" if year is not None and len(year) == 2 else year


def story_home(base: FactBase) -> str:
    """The organisation the story happens at (the domain file's first home organisation), or
    "" for a fact base with none (no organisation has people): no entity id is empty."""
    named = base.domain.home_organisations
    return named[0] if named else min(home_of(base.domain, base.entities), default="")


@dataclass(slots=True)
class Context:
    """What answerers need of the engine: the fact base and how to write for the asker."""

    base: FactBase
    variant: TraditionalVariant
    script: Script
    question: str
    besides: frozenset[str] = frozenset()  # people a list leaves out ("除了Altman,还有谁")

    @property
    def home(self) -> str:
        """The organisation the story is about, from the fact base's domain data: the default
        of every list, role and move."""
        return story_home(self.base)

    def conv(self, text: str) -> str:
        return to_script(text, self.script, self.variant)

    def source(self, citation: Citation) -> SourceRef:
        meta = self.base.articles[citation.article].meta
        return SourceRef(
            article=meta.id,
            title=self.conv(meta.title),
            outlet=self.conv(meta.shown_outlet(engine_labels.OUTLET_UNKNOWN)),
            published=meta.published.isoformat(),
            quote=self.conv(citation.quote),
            original_quote=citation.quote,
        )

    def sources(self, citations: Iterable[Citation]) -> tuple[SourceRef, ...]:
        seen: dict[tuple[str, str], SourceRef] = {}
        for citation in citations:
            seen.setdefault((citation.article, citation.quote), self.source(citation))
        return tuple(seen.values())

    def item(self, text: str, when: str | None, facts: Iterable[Fact], citations: Iterable[Citation]) -> Item:
        facts = list(facts)
        return Item(
            text=self.conv(text),
            date=when,
            fact_ids=tuple(dict.fromkeys(f.id for f in facts)),
            sources=self.sources([*citations, *(c for f in facts for c in f.sources[:1])]),
        )

    def reply(self, kind: str, head: str, items: list[Item], notes: Iterable[str] = ()) -> Reply:
        """An answer: its head line, one line per item with its articles, and notes after."""
        lines = [self.conv(head), *self.lines(items)]
        lines += [self.conv(note) for note in notes]
        fact_ids = tuple(dict.fromkeys(f for item in items for f in item.fact_ids))
        sources = tuple(dict.fromkeys(s for item in items for s in item.sources))
        return Reply(
            question=self.question,
            kind="answer",
            answer="\n".join(lines),
            script=self.script,
            confidence=0.9,
            fact_id=f"several:{kind}",
            sources=sources,
            answer_kind=kind,
            fact_ids=fact_ids,
            items=tuple(items),
        )

    def lines(self, items: Iterable[Item]) -> list[str]:
        """One line per item, with its articles as a reader knows them (outlet and date), not
        by internal id."""
        lines = []
        for item in items:
            where = "、".join(dict.fromkeys(f"{s.outlet} {s.published}" for s in item.sources))
            lines.append(f"· {item.text}" + (f"({where})" if where else ""))
        return lines

    def decline(
        self, kind: str, text: str, suggestions: Iterable[str] = (), shown: Sequence[Item] = ()
    ) -> Reply:
        """An honest "the articles do not say": never a guess. `shown` are the dated things
        it weighed (the two events whose order is unknown), with their sources."""
        return Reply(
            question=self.question,
            kind="not_covered",
            answer="\n".join([self.conv(text), *self.lines(shown)]),
            script=self.script,
            suggestions=tuple(self.conv(s) for s in suggestions),
            sources=tuple(dict.fromkeys(s for item in shown for s in item.sources)),
            answer_kind=kind,
            fact_ids=tuple(dict.fromkeys(f for item in shown for f in item.fact_ids)),
            items=tuple(shown),
        )
