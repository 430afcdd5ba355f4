"""Order: who left (or joined) first, last, before or after whom.

Dates decide when they differ at the precision both are known to; when they fall in the same
month or day, only an order a fact states (its `sequence`) decides. Otherwise the answer says
that the articles do not tell, and shows the dates: never a guessed order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.engine.answer import Reply
from bot.engine.lookups import interval
from bot.engine.several import labels
from bot.engine.several.common import HOME, Context, Item, overlap, show_date
from bot.engine.several.lists import is_founder
from bot.factbase.models import Citation, Entity

Verb = Literal["leave", "join"]
VERB_WORDS = {"leave": "离开", "join": "加入"}


@dataclass(frozen=True, slots=True)
class Dated:
    person: Entity
    date: str | None
    citations: tuple[Citation, ...]


def when_of(person: Entity, verb: Verb, org: str = HOME) -> Dated:
    """The first departure from (or arrival at) `org`, from the moves, else the roles."""
    for move in person.moves:
        if (verb == "leave" and move.from_org == org) or (verb == "join" and move.to == org):
            return Dated(person, move.date, tuple(move.sources[:2]))
    roles = [r for r in person.roles if r.org == org]
    for role in roles:
        value = role.end if verb == "leave" else role.start
        if value is not None:
            return Dated(person, value, tuple(role.sources[:1]))
    return Dated(person, None, ())


def stated_before(ctx: Context, first: str, second: str) -> Citation | None:
    """A fact that states `first` came before `second`: its first quote."""
    for fact in ctx.base.facts:
        groups = fact.sequence
        where = {person: index for index, group in enumerate(groups) for person in group}
        if first in where and second in where and where[first] < where[second]:
            return fact.sources[0]
    return None


def _item(ctx: Context, dated: Dated, verb: Verb) -> Item:
    text = f"{dated.person.name}:{show_date(dated.date)}{VERB_WORDS[verb]}"
    return ctx.item(text, dated.date, [], dated.citations)


def between(ctx: Context, people: list[Entity], verb: Verb) -> Reply:
    """Which of two (or more) people left or joined first."""
    dated = [when_of(p, verb) for p in people]
    missing = [d.person.name for d in dated if d.date is None]
    if missing:
        return ctx.decline(
            "order", labels.ORDER_UNKNOWN.format(who="、".join(missing), verb=VERB_WORDS[verb])
        )
    dated.sort(key=lambda d: interval(d.date or "")[0])
    first, second = dated[0], dated[1]
    items = [_item(ctx, d, verb) for d in dated]
    word = VERB_WORDS[verb]
    if interval(first.date or "")[1] < interval(second.date or "")[0]:
        text = labels.ORDER.format(
            first=first.person.name,
            second=second.person.name,
            verb=word,
            first_date=show_date(first.date),
            second_date=show_date(second.date),
        )
        return ctx.reply("order", text, items)
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


def extreme(ctx: Context, verb: Verb, latest: bool, founders_only: bool) -> Reply:
    """Who of the founders (or of everyone the articles date) left or joined first or last."""
    pool = [
        p
        for p in ctx.base.entities.values()
        if p.kind == "person"
        and (not founders_only or is_founder(p))
        and any((m.from_org == HOME if verb == "leave" else m.to == HOME) for m in p.moves)
    ]
    dated = [d for d in (when_of(p, verb) for p in pool) if d.date is not None]
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
    if len(ties) > 1:
        ids = [d.person.id for d in ties]
        ties = [
            d
            for d in ties
            if not any(
                (stated_before(ctx, d.person.id, o) if latest else stated_before(ctx, o, d.person.id))
                for o in ids
                if o != d.person.id
            )
        ]
    scope = "OpenAI创始团队成员" if founders_only else "文章点名的人"
    which = "晚" if latest else "早"
    items = [_item(ctx, d, verb) for d in ties]
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
    return ctx.reply("order", text, items)
