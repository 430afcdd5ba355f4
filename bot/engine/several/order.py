"""Order: who left (or joined) first, last, before or after whom.

Dates decide when they differ at the precision both are known to; when they fall in the same
month or day, only an order a fact states (its `sequence`) decides. Otherwise the answer says
that the articles do not tell, and shows the dates: never a guessed order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Day
from typing import Literal

from bot.engine.answer import Reply
from bot.engine.lookups import interval
from bot.engine.rules import LazyPattern
from bot.engine.several import labels
from bot.engine.several.common import Context, Item, overlap, show_date
from bot.engine.several.lists import FOUNDER_TITLE, is_founder, left_for_good
from bot.factbase.crosscheck import compatible
from bot.factbase.loader import FactBase
from bot.factbase.models import Citation, Entity, EventType, Fact, Move, ParticipantRole

Verb = Literal["leave", "join"]
VERB_WORDS = {"leave": "离开", "join": "加入"}


@dataclass(frozen=True, slots=True)
class Dated:
    person: Entity
    date: str | None
    citations: tuple[Citation, ...]
    move: Move | None = None  # the move it was read from, if any
    # Days a date not stated lies between, inferred from a stay the articles state ("已经在
    # OpenAI工作了接近8年", 2024-09-26: joined between 2016-09-26 and 2017-09-26); shown as such.
    inferred: tuple[Day, Day] | None = None
    at_founding: bool = False  # a founder's join, dated by the organisation's founding

    def span(self) -> tuple[Day, Day]:
        return self.inferred or interval(self.date or "")

    def shown(self) -> str:
        if self.inferred is None:
            return show_date(self.date)
        low, high = self.inferred
        return labels.INFERRED_SPAN.format(
            low=f"{low.year}年{low.month}月", high=f"{high.year}年{high.month}月"
        )


def founding(base: FactBase, org: str) -> Fact | None:
    """The event of `org`'s founding: the earliest dated one that founded it."""
    founded = [
        f
        for f in base.events()
        if f.type == EventType.FOUNDED
        and f.date
        and f.superseded_by is None
        and any(p.entity == org and p.role == ParticipantRole.ORG for p in f.participants)
    ]
    return min(founded, key=lambda f: (interval(f.date or "")[0], -len(f.date or ""), f.id), default=None)


def when_of(person: Entity, verb: Verb, org: str, founded: Fact | None = None) -> Dated:
    """The first departure from (or arrival at) `org`, from the moves, else the roles (for
    an arrival, only the first role there: a later one is a promotion, not a start). A
    founder with no stated start joined when `org` was `founded`: being one of its founders
    is being there from its founding."""
    for move in person.moves:
        if (verb == "leave" and move.from_org == org) or (verb == "join" and move.to == org):
            if verb == "join" and founded is not None and _first_move_is_return(person, org, move):
                break  # a founder's later return ("2023年短暂回归") is not when they joined
            return Dated(person, move.date, tuple(move.sources[:2]), move)
    roles = [r for r in person.roles if r.org == org]
    for role in roles if verb == "leave" else roles[:1]:
        value = role.end if verb == "leave" else role.start
        if value is not None:
            return Dated(person, value, tuple(role.sources[:1]))
        if verb == "join" and founded is not None and founded.date and FOUNDER_TITLE.search(role.title):
            return Dated(person, founded.date, (*role.sources[:1], *founded.sources[:1]), at_founding=True)
    return Dated(person, None, ())


def _first_move_is_return(person: Entity, org: str, move: Move) -> bool:
    """An arrival at `org` after a departure from it: a return, not a start."""
    earlier = person.moves[: person.moves.index(move)]
    return any(m.from_org == org for m in earlier)


# A stay stated in years: "工作了接近 8 年", "工作五年多", "待了3年".
_STAY = LazyPattern(
    r"(?:工作|待|任职|效力)了?\s*(接近|近|将近|超过|逾)?\s*(\d+|[一二两三四五六七八九十]+)\s*年(多|半)?"
)
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def _years_before(day: Day, years: int) -> Day:
    return day.replace(year=day.year - years, day=min(day.day, 28))


def joined_by_stay(ctx: Context, person: Entity, org: str | None = None) -> Dated | None:
    """When someone joined, inferred from a stay a figure states at its article's date: the
    days it allows, with that figure's quote. None when no article states one."""
    org = org or ctx.home
    for fact in ctx.base.by_entity.get(person.id, []):
        if (
            fact.kind != "figure"
            or not fact.entities
            or fact.entities[0] != person.id
            or org not in fact.entities
        ):
            continue
        found = _STAY.search(fact.answer)
        if found is None:
            continue
        hedge, number, more = found.groups()
        years = int(number) if number.isdigit() else _NUMERALS.get(number, 0)
        if not years:
            continue
        published = ctx.base.articles[fact.sources[0].article].meta.published
        if hedge in ("接近", "近", "将近"):  # just under: joined within the year after
            low, high = _years_before(published, years), _years_before(published, years - 1)
        elif hedge or more:  # over: joined within the year before
            low, high = _years_before(published, years + 1), _years_before(published, years)
        else:  # a round figure: a year either way
            low, high = _years_before(published, years + 1), _years_before(published, years - 1)
        return Dated(person, None, tuple(fact.sources[:1]), inferred=(low, high))
    return None


def stated_before(ctx: Context, first: str, second: str) -> Citation | None:
    """A fact that states `first` came before `second`: its first quote."""
    for fact in ctx.base.facts:
        groups = fact.sequence
        where = {person: index for index, group in enumerate(groups) for person in group}
        if first in where and second in where and where[first] < where[second]:
            return fact.sources[0]
    return None


def _item(ctx: Context, dated: Dated, word: str) -> Item:
    text = f"{dated.person.name}:{dated.shown()}{word}"
    if dated.at_founding:
        text += labels.AT_FOUNDING.format(org=ctx.base.entities[ctx.home].name)
    if dated.inferred is not None:
        text += labels.INFERRED_FROM.format(quote=dated.citations[0].quote)
    return ctx.item(text, dated.date, [], dated.citations)


def between(ctx: Context, people: list[Entity], verb: Verb) -> Reply:
    """Which of two (or more) people left or joined first. A join no article dates may be
    bounded by a stay an article states ("工作了接近8年"); the answer says it is inferred."""
    dated = [when_of(p, verb, ctx.home, founding(ctx.base, ctx.home)) for p in people]
    if verb == "join":
        dated = [(d if d.date is not None else joined_by_stay(ctx, d.person) or d) for d in dated]
    return _compare(ctx, dated, VERB_WORDS[verb])


def _compare(ctx: Context, dated: list[Dated], word: str) -> Reply:
    """Who did `word` first, by dates that differ at the precision known, else by an order a
    fact states; a missing date is declined by name."""
    missing = [d.person.name for d in dated if d.date is None and d.inferred is None]
    if missing:
        return ctx.decline("order", labels.ORDER_UNKNOWN.format(who="、".join(missing), verb=word))
    dated.sort(key=lambda d: d.span()[0])
    first, second = dated[0], dated[1]
    items = [_item(ctx, d, word) for d in dated]
    if first.span()[1] < second.span()[0]:
        text = labels.ORDER.format(
            first=first.person.name,
            second=second.person.name,
            verb=word,
            first_date=first.shown(),
            second_date=second.shown(),
        )
        return ctx.reply("order", text, items)
    if first.inferred or second.inferred:  # an inferred span that overlaps the other: no order
        text = labels.ORDER_OVERLAP.format(first=first.person.name, second=second.person.name, verb=word)
        return ctx.decline("order", text, shown=items)
    # Same month or day at the precision known: only a stated order decides.
    for a, b in ((first, second), (second, first)):
        quote = stated_before(ctx, a.person.id, b.person.id)
        if quote is not None:
            coarse = min((first.date or "", second.date or ""), key=len)
            text = labels.ORDER_STATED.format(
                date=show_date(coarse), verb=word, first=a.person.name, second=b.person.name
            )
            stated = ctx.item(f"「{quote.quote}」", None, [], [quote])
            return ctx.reply("order", text, [*items, stated])
    dates = overlap(
        first.date or "", second.date or "", who=(first.person.name, second.person.name), what="人"
    )
    return ctx.decline("order", labels.ORDER_SAME.format(dates=dates, verb=word), shown=items)


def took_post(ctx: Context, people: list[Entity], held: LazyPattern, title: str) -> Reply:
    """Which of two (or more) people took up a post first ("谁先当上临时CEO"): the starts of
    their roles with that title at OpenAI."""
    dated = []
    titles = set()
    for person in people:
        roles = [r for r in person.roles if r.org == ctx.home and held.search(r.title)]
        start = next((r for r in roles if r.start is not None), None)
        titles |= {start.title} if start else set()
        dated.append(Dated(person, start.start if start else None, tuple(start.sources[:1]) if start else ()))
    # The post as the roles name it ("临时CEO") when they name it alike.
    return _compare(ctx, dated, "出任" + (titles.pop() if len(titles) == 1 else title))


def extreme(
    ctx: Context,
    verb: Verb,
    latest: bool,
    founders_only: bool,
    when: str | None = None,
    group: tuple[str, list[Entity]] | None = None,
    complete: bool = True,
) -> Reply:
    """Who of the founders (or of everyone the articles date, or of those who left or joined
    in `when`, or of a named `group`: its name and members) left or joined first or last."""
    candidates = group[1] if group is not None else ctx.base.entities.values()
    pool = [
        p
        for p in candidates
        if p.kind == "person"
        and (not founders_only or is_founder(p, ctx.home))
        and any((m.from_org == ctx.home if verb == "leave" else m.to == ctx.home) for m in p.moves)
    ]
    # Of a named group, leaving is leaving for good: a departure reversed days later (fired,
    # then reinstated) is said apart, not taken as the first to leave.
    came_back = [p for p in pool if group is not None and verb == "leave" and not left_for_good(p, ctx.home)]
    pool = [p for p in pool if p not in came_back]
    dated = [
        d
        for d in (when_of(p, verb, ctx.home, founding(ctx.base, ctx.home)) for p in pool)
        if d.date is not None
    ]
    if when is not None:
        dated = [d for d in dated if compatible(d.date, when) and len(d.date or "") >= len(when)]
    if not dated:
        return ctx.decline("order", labels.ORDER_UNKNOWN.format(who="", verb=VERB_WORDS[verb]))

    def bounds(d: Dated) -> tuple[object, object]:
        return interval(d.date or "")

    if latest:
        best = max(dated, key=lambda d: interval(d.date or "")[1])
        ties = [d for d in dated if interval(d.date or "")[1] >= interval(best.date or "")[0]]
    else:
        best = min(dated, key=lambda d: interval(d.date or "")[0])
        ties = [d for d in dated if interval(d.date or "")[0] <= interval(best.date or "")[1]]
    # A stated order settles a tie: whoever a fact puts after (before) another is not last (first).
    settled: Citation | None = None
    if len(ties) > 1:
        ids = [d.person.id for d in ties]
        before = len(ties)
        ties = [
            d
            for d in ties
            if not any(
                (stated_before(ctx, d.person.id, o) if latest else stated_before(ctx, o, d.person.id))
                for o in ids
                if o != d.person.id
            )
        ]
        if len(ties) < before:
            settled = next(
                (
                    quote
                    for o in ids
                    for t in ties
                    if (
                        quote := stated_before(ctx, t.person.id, o)
                        if not latest
                        else stated_before(ctx, o, t.person.id)
                    )
                ),
                None,
            )
    home = ctx.base.entities[ctx.home].name
    scope = f"{home}创始团队成员" if founders_only else "文章点名的人"
    if when is not None:
        scope = f"{show_date(when)}{VERB_WORDS[verb]}{home}的人"
    if group is not None:
        # a team's members are only those the articles name, and the head says so
        scope = (labels.GROUP_SCOPE if complete else labels.GROUP_NAMED).format(
            group=group[0], members="、".join(p.name for p in group[1])
        )
    which = "晚" if latest else "早"
    items = [_item(ctx, d, VERB_WORDS[verb]) for d in ties]
    if settled is not None:  # the stated order that settled a tie, as the articles put it
        items.append(ctx.item(f"「{settled.quote}」", None, [], [settled]))
    names = "、".join(d.person.name for d in ties)
    coarse = min((d.date or "" for d in ties), key=len)
    if len(ties) == 1:
        text = labels.EXTREME.format(
            scope=scope, which=which, verb=VERB_WORDS[verb], names=names, date=show_date(coarse)
        )
    else:
        text = labels.EXTREME_TIE.format(
            scope=scope, which=which, verb=VERB_WORDS[verb], names=names, date=show_date(coarse)
        )
    notes = (
        [labels.RETURNED_NOT_COUNTED.format(names="、".join(p.name for p in came_back), org=home)]
        if came_back
        else []
    )
    return ctx.reply("order", text, items, notes)
