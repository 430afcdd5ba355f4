"""Dates as people type them: 2023-11-17, 2023/11/17, 2023年11月17日, 2023年11月, 11月17日, 11月.

A date without a year takes the year the timeline implies: the year in which the articles
record something on that day (or in that month). When several years would do, the user is
asked which; when none has an event, the year in which the date falls inside the saga (the
span of the recorded events) is taken, and asked for again if that is ambiguous too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from bot.factbase.loader import FactBase
from bot.text import nfkc

# Separators people put between year, month and day; Chinese 年/月 end a part, 日/号/號 the day.
_ISO = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_CHINESE = re.compile(r"(?:(\d{4})\s*年)?\s*(?:(\d{1,2})\s*月)?\s*(?:(\d{1,2})\s*[日号號])?")
_MONTH_DAY = re.compile(r"(\d{1,2})[-/.](\d{1,2})")


class DateError(ValueError):
    """Not a date; the message is the input as it may be shown (the caller sanitises it)."""


@dataclass(frozen=True, slots=True)
class AmbiguousDate(Exception):
    """A date without a year that fits several: the candidates, as partial ISO dates."""

    typed: str
    options: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Parts:
    year: int | None
    month: int | None
    day: int | None


def parse_parts(text: str) -> Parts:
    """Year, month and day as typed; DateError when it is none of the accepted forms."""
    value = nfkc(text).strip().replace(" ", "")
    if not value:
        raise DateError(text)
    for pattern in (_ISO, _CHINESE, _MONTH_DAY):
        match = pattern.fullmatch(value)
        if match is None:
            continue
        groups = [int(g) if g else None for g in match.groups()]
        parts = Parts(None, groups[0], groups[1]) if pattern is _MONTH_DAY else Parts(*groups)
        if parts.year is None and parts.month is None:
            continue  # "17日" alone names no month
        if parts.day is not None and parts.month is None:
            continue
        _check(parts, text)
        return parts
    raise DateError(text)


def _check(parts: Parts, text: str) -> None:
    try:
        date(parts.year or 2024, parts.month or 1, parts.day or 1)  # 2024: a leap year, 2月29日 is fine
    except ValueError:
        raise DateError(text) from None


def iso(parts: Parts) -> str:
    """Partial ISO: YYYY, YYYY-MM or YYYY-MM-DD."""
    assert parts.year is not None
    text = f"{parts.year:04d}"
    if parts.month is not None:
        text += f"-{parts.month:02d}"
        if parts.day is not None:
            text += f"-{parts.day:02d}"
    return text


def event_dates(base: FactBase) -> Counter[str]:
    """How many events each recorded partial date (day, month or year) has."""
    return Counter(fact.date for fact in base.events() if fact.date)


def resolve(text: str, recorded: Counter[str]) -> str:
    """`text` as a partial ISO date, its year taken from the timeline (`recorded`, from
    :func:`event_dates`) when not typed.
    DateError for a non-date, AmbiguousDate when the user must say which year."""
    parts = parse_parts(text)
    if parts.year is not None:
        return iso(parts)
    # The saga's span: its events dated to the month or day (the year-only ones are background).
    dated = sorted(d for d in recorded if len(d) > 4) or sorted(recorded)
    first, last = dated[0], dated[-1]
    years = range(int(first[:4]), int(last[:4]) + 1)
    # Only real dates: 2月29日 is a candidate in leap years alone.
    candidates = [c for c in (iso(Parts(year, parts.month, parts.day)) for year in years) if _is_date(c)]
    if not candidates:
        raise DateError(text)
    with_events = [c for c in candidates if any(d.startswith(c) for d in recorded)]
    if len(with_events) == 1:
        return with_events[0]
    if len(with_events) > 1:
        raise AmbiguousDate(text, tuple(with_events))
    inside = [c for c in candidates if first[: len(c)] <= c <= last[: len(c)]]
    if len(inside) == 1:
        return inside[0]
    raise AmbiguousDate(text, tuple(inside or candidates))


def _is_date(value: str) -> bool:
    """A real day (a month or a year always is)."""
    if len(value) < 10:
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def chinese_date(value: str) -> str:
    """A partial ISO date written the Chinese way: 2023年11月17日, 2023年11月, 2023年."""
    pieces = value.split("-")
    suffixes = ("年", "月", "日")
    return "".join(f"{int(piece)}{suffix}" for piece, suffix in zip(pieces, suffixes, strict=False))


def english_date(value: str) -> str:
    """A partial ISO date in English: 17 November 2023, November 2023, 2023."""
    pieces = [int(p) for p in value.split("-")]
    if len(pieces) == 1:
        return str(pieces[0])
    month = date(2000, pieces[1], 1).strftime("%B")
    if len(pieces) == 2:
        return f"{month} {pieces[0]}"
    return f"{pieces[2]} {month} {pieces[0]}"


@dataclass(frozen=True, slots=True)
class DateChoice:
    value: str  # partial ISO, what the command receives
    events: int


def date_choices(recorded: Counter[str], typed: str, limit: int = 25) -> list[DateChoice]:
    """Days and months that have events, matching what is typed (in any accepted form):
    the saga's dates first (the most eventful months and their days), in date order."""
    counts: Counter[str] = Counter()
    for value, count in recorded.items():
        if len(value) == 4:
            continue  # a year is too coarse to offer
        counts[value] += count
        if len(value) == 10:
            counts[value[:7]] += count  # a month has its days' events too
    wanted = nfkc(typed).strip().replace(" ", "")
    matching = [value for value in counts if not wanted or _matches(value, wanted)]
    if not wanted:
        # Nothing typed: the busiest months and days, in date order.
        matching = sorted(sorted(matching, key=lambda v: -counts[v])[:limit])
    matching.sort()
    return [DateChoice(value, counts[value]) for value in matching[:limit]]


def _matches(value: str, typed: str) -> bool:
    forms = (value, value.replace("-", "/"), chinese_date(value), chinese_date(value).split("年", 1)[-1])
    if any(typed in form for form in forms):
        return True
    try:
        parts = parse_parts(typed)
    except DateError:
        return False
    if parts.year is not None:
        return value.startswith(iso(parts))
    month_day = value[5:]
    wanted = f"{parts.month:02d}" + (f"-{parts.day:02d}" if parts.day is not None else "")
    return month_day.startswith(wanted)
