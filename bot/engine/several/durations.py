"""Durations computed from dates: between two events ("被解雇到微软宣布请他隔了几天"), and how
long someone was at OpenAI when no article states it.

The answer shows both dates and their sources, and is never finer than the coarser date:
2022 to 2024-09 is "约2年", not "2年9个月". A figure the articles state (穆拉蒂的"六年半")
wins: for a person with a stated tenure the single-fact path answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.engine.answer import Reply
from bot.engine.several import labels
from bot.engine.several.common import HOME, Context, coarser, interval, show_date
from bot.engine.several.order import when_of
from bot.factbase.models import Entity, Fact, Intent, Precision

PRECISION_WORDS = {Precision.DAY: "日", Precision.MONTH: "月", Precision.YEAR: "年"}

# An English how-long question asks first: "How many days between A and B?".
_ENGLISH_ASKING = re.compile(
    r"^\s*how (?:many days|many months|many years|long)(?: (?:passed|went by|was it|did it take|were there))?"
    r"(?: between| from| after)?\s*",
    re.IGNORECASE,
)
# Where a question of two events parts: "A到B", "从A到B", "A和B之间", "A距离B".
_SPLIT = re.compile(r"到|至|和|与|跟|距离|距|\buntil\b|\band\b|\bto\b")
# The words that ask how long, after the two events: "中间隔了几天", "相隔多久".
_ASKING = re.compile(
    r"(?:中间|之间|当中)?(?:一共|总共|前后)?(?:相隔|间隔|隔了|隔|相差|差了|相距|过了|经过了|经历了|用了|花了)?"
    r"(?:几|多少|多长|多久|多少个?)(?:天|日|个?月|年|时间|久)?.*$"
    r"|\bhow (?:many days|long)\b.*$"
)


def amount(first: str, second: str) -> tuple[str, Precision]:
    """The difference between two partial dates, told no finer than the coarser of them."""
    precision = coarser(first, second)
    a, b = sorted((first, second))
    if precision == Precision.DAY:
        days = (interval(b)[0] - interval(a)[0]).days
        return f"{days}天", precision
    if precision == Precision.MONTH:
        ya, ma = (int(p) for p in a.split("-")[:2])
        yb, mb = (int(p) for p in b[:7].split("-")[:2])
        months = (yb - ya) * 12 + (mb - ma)
        if months >= 12:
            years, rest = divmod(months, 12)
            return (f"{years}年" + (f"{rest}个月" if rest else "")), precision
        return f"{months}个月", precision
    return f"{int(b[:4]) - int(a[:4])}年", precision


def between(ctx: Context, first: Fact, second: Fact) -> Reply:
    """How long between two dated events."""
    if (first.date or "") > (second.date or ""):
        first, second = second, first
    early, late = first.date, second.date
    assert early is not None and late is not None  # events are dated
    items = [ctx.item(f"{show_date(f.date)}:{f.answer}", f.date, [f], f.sources[:1]) for f in (first, second)]
    precision = coarser(early, late)
    if interval(early)[1] >= interval(late)[0] and precision != Precision.DAY:
        coarse = early if len(early) <= len(late) else late
        text = labels.GAP_SAME.format(date=show_date(coarse), precision=PRECISION_WORDS[precision])
        return ctx.decline("duration", text)
    told, precision = amount(early, late)
    shown = {
        "first": "前一件事",
        "second": "后一件事",
        "first_date": show_date(early),
        "second_date": show_date(late),
    }
    if precision == Precision.DAY:
        text = labels.GAP_DAYS.format(days=told.removesuffix("天"), **shown)
    else:
        text = labels.GAP_COARSE.format(amount=told, precision=PRECISION_WORDS[precision], **shown)
    return ctx.reply("duration", text, items)


def two_events(text: str, find: Callable[[str], Fact | None]) -> tuple[Fact, Fact] | None:
    """The two events a how-long question names on either side of 到/和/距离, each found by
    `find` (the engine's matcher, limited to dated events)."""
    body = _ENGLISH_ASKING.sub("", text) if _ENGLISH_ASKING.match(text) else _ASKING.sub("", text)
    body = re.sub(r"^(?:从|自从|自)", "", body.strip(" ,，?？"))
    parts = [p for p in _SPLIT.split(body, maxsplit=1) if p.strip()]
    if len(parts) != 2:
        return None
    found = [find(part) for part in parts]
    first, second = found
    if first is None or second is None or first.id == second.id:
        return None
    return first, second


def stated_tenure(ctx: Context, person: Entity) -> bool:
    """The articles state how long the person worked there (a figure): that wins."""
    return any(
        f.kind == "figure" and Intent.HOW_MANY in f.intents and "年" in f.answer
        for f in ctx.base.by_entity.get(person.id, [])
        if f.entities and f.entities[0] == person.id
    )


def tenure(ctx: Context, person: Entity, org: str = HOME) -> Reply | None:
    """How long the person was at `org`, from the dates they joined and left; None when the
    articles state it (the single-fact path answers with their figure)."""
    if stated_tenure(ctx, person):
        return None
    joined, left = when_of(person, "join", org), when_of(person, "leave", org)
    org_name = ctx.base.entities[org].name
    if joined.date is None or left.date is None or joined.date > left.date:
        what = "加入" if joined.date is None else "离开"
        return ctx.decline("duration", labels.TENURE_UNKNOWN.format(who=person.name, what=what, org=org_name))
    told, precision = amount(joined.date, left.date)
    text = labels.TENURE.format(
        who=person.name,
        joined=show_date(joined.date),
        left=show_date(left.date),
        org=org_name,
        amount=told,
        precision=PRECISION_WORDS[precision],
    )
    items = [
        ctx.item(f"加入:{show_date(joined.date)}", joined.date, [], joined.citations),
        ctx.item(f"离开:{show_date(left.date)}", left.date, [], left.citations),
    ]
    return ctx.reply("duration", text, items)
