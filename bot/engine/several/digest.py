"""Broad questions as a short digest: "微软扮演了什么角色", "超级对齐团队最后怎么了",
"2023年11月19日发生了什么".

About a subject, two to four facts that matter most, in date order, each with its source, and
any statement that disagrees beside it. What matters most is measured (docs/several-facts.md):
the facts the question's words fit best among those about the subject, with events and facts
that tie the subject to more people and organisations ahead of asides, and both sides of it:
what happened and what is said of it.

About a stretch of time, the events inside it, and those dated only to a month or year that
overlaps it shown apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.answer import Reply
from bot.engine.lookups import interval
from bot.engine.matcher import Candidate
from bot.engine.rules import LazyPattern
from bot.engine.several import labels
from bot.engine.several.common import Context, Item, show_date, sort_key
from bot.factbase.models import Fact, Intent, ParticipantRole

MAX_FACTS = 4
MIN_FACTS = 2
# A broad question one fact answers far better than the next is that fact's to answer.
CLEAR_LEAD = 0.2
MAX_EVENTS = 12  # a stretch of time lists at most this many events, and says how many more


@dataclass(frozen=True, slots=True)
class Weights:
    """How a fact about the subject is ranked for a digest (tuned on tests/data/questions_several)."""

    relevance: float = 1.0  # the matcher's score for the question
    event: float = 0.3  # a dated event over a claim, a quote or a figure
    breadth: float = 0.03  # per other person or organisation the fact is about
    why: float = 0.2  # a reason, when the question asks why
    floor: float = 0.3  # least matcher score of a fact the question's words fit
    keep: float = 0.5  # beyond the first two, a fact scoring under this share of the best is left out


WEIGHTS = Weights()


# A fact that sets out several reasons itself ("大致有两个原因:一是…二是…", "主要观点之一是"):
# for a why-question with several answers it is the one that gives them side by side.
_ENUMERATES_REASONS = LazyPattern(
    r"[两二三四五几多]个(?:主要)?(?:原因|理由)|一是.{1,60}二是|(?:原因|理由|观点)之一"
)


def _side(fact: Fact) -> str:
    """What happened (a dated event) or what is said of it (a claim, quote or figure)."""
    return "event" if fact.kind == "event" else "account"


def _central(fact: Fact, subject: str, also: str | None) -> bool:
    """The fact is about the subject, not one it names in passing: it names it first, or
    names nothing beyond it and the other one asked about."""
    return fact.entities[:1] == [subject] or set(fact.entities) <= {subject, also}


def _score(fact: Fact, relevance: float, subject: str, asks_why: bool, weights: Weights) -> float:
    others = len([e for e in fact.entities if e != subject])
    return (
        weights.relevance * relevance
        + weights.event * (fact.kind == "event")
        + weights.breadth * min(others, 4)
        + weights.why * (asks_why and Intent.WHY in fact.intents)
        + weights.why * (asks_why and _ENUMERATES_REASONS.search(fact.answer) is not None)
    )


def choose(
    ctx: Context,
    subject: str,
    ranked: Sequence[Candidate],
    asks_why: bool,
    weights: Weights | None = None,
    also: str | None = None,
) -> list[Fact]:
    """The facts about `subject` (and `also`, when at least two are about both) that matter
    most for the question, best first."""
    weights = weights or WEIGHTS
    relevance = {c.fact.id: c.score for c in ranked}
    pool = [f for f in ctx.base.by_entity.get(subject, []) if f.superseded_by is None]
    together = [f for f in pool if also in f.entities]
    if also is not None and len(together) >= MIN_FACTS:
        pool = together
    # Facts the question's words fit, when there are enough of them: "董事会为什么开除奥特曼"
    # is about the firing, not about everything Altman did.
    fitting = [f for f in pool if relevance.get(f.id, 0.0) >= weights.floor]
    if len(fitting) >= MIN_FACTS:
        # Fitting facts all of one side (only what happened, or only what is said of it): the
        # best few of the other side about the subject join them, as the aspect they lack.
        sides = {_side(f) for f in fitting}
        if len(sides) == 1 and len(fitting) < MAX_FACTS:
            other = sorted(
                (f for f in pool if _side(f) not in sides and _central(f, subject, also)),
                key=lambda f: (-relevance.get(f.id, 0.0), f.id),
            )
            fitting += other[: MAX_FACTS - len(fitting)]
        pool = fitting
    if asks_why:
        pool = [f for f in pool if Intent.WHY in f.intents] or pool
    scored = sorted(
        pool, key=lambda f: (-_score(f, relevance.get(f.id, 0.0), subject, asks_why, weights), f.id)
    )
    chosen: list[Fact] = []
    seen_conflicts: set[str] = set()
    best = _score(scored[0], relevance.get(scored[0].id, 0.0), subject, asks_why, weights) if scored else 0.0
    for fact in scored:
        score = _score(fact, relevance.get(fact.id, 0.0), subject, asks_why, weights)
        if len(chosen) >= MIN_FACTS and score < weights.keep * best and len(scored) > MAX_FACTS:
            break  # an aside: far below the best of them (when the articles say little, all of it)
        if fact.conflict is not None:
            if fact.conflict in seen_conflicts:
                continue
            seen_conflicts.add(fact.conflict)
        people = {e for e in fact.entities if e != subject and ctx.base.entities[e].kind == "person"}
        if (
            len(chosen) >= MIN_FACTS
            and people
            and people <= {e for f in chosen for e in f.entities}
            and fact.kind == "event"
        ):
            # the same people's event again ("雷克加入Anthropic" twice): room for another side;
            # what is said of them is not a repeat (Toner's several charges against Altman)
            continue
        chosen.append(fact)
        if len(chosen) == MAX_FACTS:
            break
    return chosen


def story(ctx: Context, subject: str, within: str | None = None) -> list[Fact]:
    """What became of a subject (at the organisation `within`, when asked and the articles
    tell at least two events there): its first and last events and, between them, those that
    involve the most others; at most MAX_FACTS, none when it has fewer than two events."""
    events = [
        f
        for f in ctx.base.events()
        if any(p.entity == subject and p.role != ParticipantRole.ACTOR for p in f.participants)
        and f.superseded_by is None
    ]
    there = [f for f in events if within is not None and within in f.entities]
    if len(there) >= MIN_FACTS:
        events = there
    # One event per date and type: two articles reporting the same dissolution are one step.
    steps: dict[tuple[str, str], Fact] = {}
    for fact in events:
        steps.setdefault((fact.date or "", str(fact.type)), fact)
    events = list(steps.values())
    if len(events) < MIN_FACTS:
        return []
    if len(events) <= MAX_FACTS:
        return events
    first, last = events[0], events[-1]
    middle = sorted(events[1:-1], key=lambda f: (-len(f.entities), f.date or ""))[: MAX_FACTS - 2]
    return [first, *sorted(middle, key=lambda f: f.date or ""), last]


def about(ctx: Context, subject: str, facts: list[Fact]) -> Reply | None:
    if len(facts) < MIN_FACTS:
        return None
    items: list[Item] = []
    for fact in sorted(facts, key=lambda f: (sort_key(f.date), f.id)):
        when = f"{show_date(fact.date)}:" if fact.date else ""
        items.append(ctx.item(when + fact.answer, fact.date, [fact], fact.sources[:1]))
        others = ctx.base.conflicting(fact)
        if others:
            for other in others:
                meta = ctx.base.articles[other.sources[0].article].meta
                text = f"{labels.CONFLICT}{other.answer}({meta.published.isoformat()})"
                items.append(ctx.item(text, other.date, [other], other.sources[:1]))
    name = ctx.base.entities[subject].name
    return ctx.reply("digest", labels.DIGEST.format(subject=name), items)


def span(ctx: Context, when: str) -> Reply | None:
    """The events inside a stretch of time; those dated more coarsely that overlap it, apart."""
    low, high = interval(when)
    inside: list[Fact] = []
    coarse: list[Fact] = []
    for fact in ctx.base.events():
        assert fact.date is not None
        first, last = interval(fact.date)
        if low <= first and last <= high:
            inside.append(fact)
        elif first <= high and last >= low:
            coarse.append(fact)
    if not inside:
        return None
    items = [
        ctx.item(f"{show_date(f.date)}:{f.answer}", f.date, [f], f.sources[:1]) for f in inside[:MAX_EVENTS]
    ]
    notes = []
    if len(inside) > MAX_EVENTS:
        notes.append(f"……另有{len(inside) - MAX_EVENTS}件,可用 /timeline 查看全部。")
    if coarse and len(coarse) <= 4:
        notes.append(labels.COARSE)
        notes += [f"· {show_date(f.date)}:{f.answer}" for f in coarse]
    return ctx.reply("digest", labels.DIGEST_SPAN.format(span=show_date(when)), items, notes)
