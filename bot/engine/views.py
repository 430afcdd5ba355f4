"""What the engine returns: replies, sources, timeline entries and profiles, ready to render
(every text already in the reply's script) or to print as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from bot.factbase.models import Precision
from bot.text import Script

ReplyKind = Literal["answer", "not_covered", "help", "empty"]


@dataclass(frozen=True, slots=True)
class SourceRef:
    article: str
    title: str
    outlet: str
    published: str
    quote: str  # in the reply script
    original_quote: str  # as the article wrote it

    def to_json(self) -> dict[str, str]:
        return {
            "article": self.article,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Reply:
    question: str
    kind: ReplyKind
    answer: str
    script: Script
    confidence: float = 0.0
    fact_id: str | None = None
    sources: tuple[SourceRef, ...] = ()
    suggestions: tuple[str, ...] = ()
    conflict: bool = False
    # Why a question was not answered: "empty", "unknown_referent", "ambiguous_referent" (the
    # conversation's, bot.engine.conversation), a matcher.REASONS key, or
    # "check:" and the name of the check (matcher.CHECKS) that vetoed the best candidate.
    decline_reason: str | None = None
    # Answers of several facts (lists, orders, durations, digests): what kind, every fact used,
    # and each item with its own sources (bot.engine.several).
    answer_kind: str = "fact"
    fact_ids: tuple[str, ...] = ()
    items: tuple[Any, ...] = ()
    read_as: str | None = None  # the standalone question a follow-up was read as (context)

    @property
    def answered(self) -> bool:
        return self.kind == "answer"

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": self.answer,
            "script": self.script,
            "confidence": round(self.confidence, 3),
            "fact_id": self.fact_id,
            "sources": [s.to_json() for s in self.sources],
            "suggestions": list(self.suggestions),
            "decline_reason": self.decline_reason,
            "answer_kind": self.answer_kind if self.answered else None,
            "fact_ids": list(self.fact_ids) or ([self.fact_id] if self.fact_id else []),
            "items": [item.to_json() for item in self.items],
        }


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    precision: Precision
    text: str
    people: tuple[str, ...]  # display names in the reply script
    sources: tuple[SourceRef, ...]
    fact_id: str
    approximate: bool = False  # dated only to a month or year that overlaps the range asked

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "approximate": self.approximate,
            "precision": self.precision.value,
            "text": self.text,
            "people": list(self.people),
            "sources": [s.to_json() for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class RoleView:
    title: str
    org: str | None
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    name: str
    name_en: str | None
    kind: str
    aliases: tuple[str, ...]
    summary: str
    roles: tuple[RoleView, ...]
    went_to: str | None
    sources: tuple[SourceRef, ...]
    events: tuple[TimelineEntry, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_en": self.name_en,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "summary": self.summary,
            "roles": [{"title": r.title, "org": r.org, "start": r.start, "end": r.end} for r in self.roles],
            "went_to": self.went_to,
            "sources": [s.to_json() for s in self.sources],
            "events": [e.to_json() for e in self.events],
        }
