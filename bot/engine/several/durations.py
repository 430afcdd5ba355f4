"""Durations computed from dates: between two events ("被解雇到微软宣布请他隔了几天"), and how
long someone was at OpenAI when no article states it.

The answer shows both dates and their sources, and is never finer than the coarser date:
2022 to 2024-09 is "约2年", not "2年9个月". A figure the articles state (穆拉蒂的"六年半")
wins: for a person with a stated tenure the single-fact path answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as Day

from bot.engine.answer import Reply
from bot.engine.lookups import interval
from bot.engine.rules import LazyPattern
from bot.engine.several import labels
from bot.engine.several.common import PRECISION_WORDS, Context, coarser, overlap, show_date
from bot.engine.several.order import founding, when_of
from bot.factbase.models import Citation, Entity, EventType, Fact, Intent, Move, Precision, precision_of

# An English how-long question asks first: "How many days between A and B?".
_ENGLISH_ASKING = LazyPattern(
    r"^\s*how (?:many days|many months|many years|long)(?: (?:passed|went by|was it|did it take|were there))?"
    r"(?: between| from| after)?\s*",
    re.IGNORECASE,
)
# Where a question of two events parts: "A到B", "从A到B", "A和B之间", "A距离B".
_SPLIT = LazyPattern(r"到|至|和|与|跟|距离|距|之后|以后|比|\buntil\b|\band\b|\bto\b")


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


ASKED = ("你问的第一件事", "第二件事")


@dataclass(frozen=True, slots=True)
class Point:
    """A dated thing a question names: an event, or a person's move ("Ilya走了")."""

    text: str  # simplified Chinese
    date: str
    facts: tuple[Fact, ...]
    citations: tuple[Citation, ...]
    person: str | None = None  # whose move it is, when a move
    move: Move | None = None
    leaving: bool = False  # the move is a departure from where the question names

    @property
    def key(self) -> tuple[str, str]:
        return self.date, self.text


def point_of(fact: Fact) -> Point:
    assert fact.date is not None  # events are dated
    return Point(fact.answer, fact.date, (fact,), tuple(fact.sources[:1]))


# The unit a how-long question asks in: a gap in days is also told in it, rounded.
_MONTHS_ASKED = LazyPattern(r"几个月|多少个?月|\bhow many months\b")
_YEARS_ASKED = LazyPattern(r"几年|多少年|\bhow many years\b")
_DAYS_PER = {"月": 30.44, "年": 365.25}


def asked_unit(text: str) -> str | None:
    """月 or 年 when a how-long question asks in months or years."""
    if _MONTHS_ASKED.search(text):
        return "月"
    return "年" if _YEARS_ASKED.search(text) else None


def between(ctx: Context, first: Point, second: Point, unit: str | None = None) -> Reply:
    """How long between two dated things; a gap known to the day is also told, rounded, in
    the `unit` the question asks in (months, years)."""
    asked = [ctx.item(f"{show_date(p.date)}:{p.text}", p.date, p.facts, p.citations) for p in (first, second)]
    early, late = sorted((first.date, second.date))
    items = sorted(asked, key=lambda i: i.date or "")
    precision = coarser(early, late)
    if interval(early)[1] >= interval(late)[0] and precision != Precision.DAY:
        # Told in the question's order: which of the two is known only coarsely.
        text = labels.GAP_SAME.format(dates=overlap(first.date, second.date, who=ASKED))
        return ctx.decline("duration", text, shown=asked)
    told, precision = amount(early, late)
    shown = {
        "first": "前一件事",
        "second": "后一件事",
        "first_date": show_date(early),
        "second_date": show_date(late),
    }
    if precision == Precision.DAY:
        days = int(told.removesuffix("天"))
        text = labels.GAP_DAYS.format(days=days, **shown)
        if unit is not None and round(days / _DAYS_PER[unit]) >= 1:
            rounded = round(days / _DAYS_PER[unit])
            text += labels.GAP_ROUNDED.format(amount=f"{rounded}{'个月' if unit == '月' else '年'}")
    else:
        text = labels.GAP_COARSE.format(amount=told, precision=PRECISION_WORDS[precision], **shown)
    return ctx.reply("duration", text, items, _between_moves(ctx, first, second))


def _between_moves(ctx: Context, first: Point, second: Point) -> list[str]:
    """One person's moves between two of their moves ("离开特斯拉…加入OpenAI": 其间2016年加入
    Leap Motion): what the gap held, as the articles date it. The earlier point's own move
    counts when it is a departure (where they went); the later point's never does."""
    if first.move is None or second.move is None or first.person != second.person or first.person is None:
        return []
    early, late = sorted((first, second), key=lambda p: p.date)
    person = ctx.base.entities[first.person]
    lines = []
    for move in person.moves:
        if move is late.move or move.to is None or move.date is None:
            continue
        if move is early.move and not early.leaving:
            continue
        if early.date <= move.date <= late.date:
            lines.append(
                labels.IN_BETWEEN.format(date=show_date(move.date), where=ctx.base.entities[move.to].name)
            )
    return lines


# A part of a month its fact's words give beside a date known to the month: "9月上旬".
_PART_OF_MONTH = LazyPattern(r"(\d{1,2})\s*月\s*(上旬|中旬|下旬|初|底|末)")
_PART_DAYS = {
    "上旬": (1, 10),
    "初": (1, 10),
    "中旬": (11, 20),
    "下旬": (21, 31),
    "底": (21, 31),
    "末": (21, 31),
}


def narrowed(point: Point) -> tuple[Day, Day, str]:
    """The days a point covers and how to show its date: a month-dated point whose words say
    which part of that month ("2024年9月上旬") covers those days only."""
    low, high = interval(point.date)
    found = _PART_OF_MONTH.search(point.text)
    if precision_of(point.date) != Precision.MONTH or found is None or int(found.group(1)) != low.month:
        return low, high, show_date(point.date)
    first, last = _PART_DAYS[found.group(2)]
    return (
        low.replace(day=first),
        low.replace(day=min(last, high.day)),
        show_date(point.date) + found.group(2),
    )


def in_order(ctx: Context, first: Point, second: Point, names: tuple[str, str] = ("", "")) -> Reply:
    """Whether the first thing asked came before the second: by dates that differ at the
    precision known (a part of a month the fact's words give counts); else a decline that
    shows both dates. `names`: what each operand names, in the fact base's words (not the
    asker's), shown beside it."""
    items = [ctx.item(f"{show_date(p.date)}:{p.text}", p.date, p.facts, p.citations) for p in (first, second)]
    (a_low, a_high, a_shown), (b_low, b_high, b_shown) = narrowed(first), narrowed(second)
    shown = {
        "first_date": a_shown,
        "second_date": b_shown,
        **{key: f"「{name}」" if name else "" for key, name in zip(("first", "second"), names, strict=True)},
    }
    if a_high < b_low:
        return ctx.reply("order", labels.EVENTS_BEFORE.format(**shown), items)
    if b_high < a_low:
        return ctx.reply("order", labels.EVENTS_AFTER.format(**shown), items)
    text = labels.EVENTS_SAME.format(dates=overlap(first.date, second.date, who=ASKED))
    return ctx.decline("order", text, shown=items)


# The words that ask how long, wherever they stand: "A到B隔了几天", "A之后隔了几个月B".
_GAP_ASKED = LazyPattern(
    r"(?:中间|之间|当中)?(?:一共|总共|前后)?(?:相隔|间隔|隔了|隔|相差|差了|相距|过了|经过了|用了|花了|过)?咗?"
    r"(?:几|多少|多长|多久)(?:个)?(?:天|日|月|年|时间|久|耐)?"
)
_FROM_TO = LazyPattern(r"(?:从|自从)([^,，]+?)(?:到|至)([^,，]+)")
_AFTER_OR_UNTIL = LazyPattern(r"(?:之后|以后|过后|后|到|至|起)\s*[,，]?\s*(?:中间|之间)?\s*$")
_AFTER = LazyPattern(r"(?:之后|以后|过后)\s*[,，]?\s*$")
_FILLER = LazyPattern(r"^[,，\s]*(?:才|也|就|又|然后)?|[的吗呢?？,，\s]*$")
# A hedge before the asking words ("A之后大概多久B"): no part of either event.
_HEDGE = LazyPattern(r"(?:大概|大约|大致|约莫|差不多|约)\s*$")
# "how many months after A did B": the auxiliary that opens the second event.
_ENGLISH_SECOND = LazyPattern(r"\s(?:did|was|were|had|does|do)\s")


def two_points(text: str, find: Callable[[str], Point | None]) -> tuple[Point, Point] | None:
    """The two dated things a how-long question names, on either side of 到/和/距离, or
    before and after its asking words ("Ilya走了之后隔了几个月Schulman也跑了"), each found
    by `find`."""
    if (english := _ENGLISH_ASKING.match(text)) is not None:
        body = text[english.end() :]
        if english.group(0).rstrip().endswith("after"):
            parts = [p for p in _ENGLISH_SECOND.split(body, maxsplit=1) if p.strip()]
        else:
            parts = [p for p in _SPLIT.split(body, maxsplit=1) if p.strip()]
    else:
        asked = _GAP_ASKED.search(text)
        if asked is None:
            return None
        before = _HEDGE.sub("", text[: asked.start()].rstrip())
        after = _FILLER.sub("", text[asked.end() :])
        # Asking words between two events follow a word of time ("A之后隔了几个月B") or lead
        # one ("A多久后B"); after a verb they split one event ("当了几天CEO就下台"): no pair.
        leads = re.match(r"(?:之|以)?后", text[asked.end() :])
        after = _FILLER.sub("", re.sub(r"^(?:之|以)?后", "", text[asked.end() :])) if leads else after
        # "A才多久就B": 才 closes the first event.
        just = before.rstrip().endswith("才")
        if len(after) >= 2 and (_AFTER_OR_UNTIL.search(before) or leads or just):
            before = _AFTER.sub("", before.rstrip().removesuffix("才"))
            before = re.sub(r"(?:到|至)\s*$", "", before.strip(" ,，"))
            parts = [before, after]
        elif (span := _FROM_TO.search(before)) is not None:
            # "A和B从X到Y,认识了多少年": X and Y, each about who is named before 从
            subject = before[: span.start()].strip(" ,，")
            parts = [subject + span.group(1), span.group(2)]
        else:
            body = re.sub(r"^(?:从|自从|自)", "", before.strip(" ,，?？"))
            parts = [p for p in _SPLIT.split(body, maxsplit=1) if p.strip()]
    parts = [re.sub(r"^(?:从|自从|自)", "", p.strip(" ,，?？")) for p in parts]
    if len(parts) != 2 or not all(parts):
        return None
    first, second = find(parts[0]), find(parts[1])
    if first is None or second is None or first.key == second.key:
        return None
    return first, second


def lifetime(ctx: Context, org: str) -> Reply | None:
    """How long a team or organisation existed: from its founding event to its dissolution."""
    events = [f for f in ctx.base.events() if any(p.entity == org for p in f.participants)]
    founded = next((f for f in events if f.type == EventType.FOUNDED), None)
    dissolved = next((f for f in events if f.type == EventType.DISSOLVED), None)
    if founded is None or dissolved is None:
        return None
    return between(ctx, point_of(founded), point_of(dissolved))


# A stay the articles state in years: "工作了3年", "六年半", "接近8年", "九年".
_STATED_YEARS = LazyPattern(
    r"(?:工作|待|干|任职|加入)[^,。;]{0,12}?(?:\d+|[一二两三四五六七八九十]+)年|[一二两三四五六七八九十]年半"
)


def _tenure_text(person: Entity, org_name: str, start: str, end: str) -> str:
    """ "X was at Y from start to end: about N", no finer than the coarser of the two dates."""
    told, precision = amount(start, end)
    return labels.TENURE.format(
        who=person.name,
        joined=show_date(start),
        left=show_date(end),
        org=org_name,
        amount=told,
        precision=PRECISION_WORDS[precision],
    )


def _stay_after_return(ctx: Context, person: Entity, org: str) -> Reply | None:
    """The stay that began with a return to `org` and ended with the next departure; declined
    by name when the articles leave either end undated. None when they tell of no return."""
    gone = False
    for index, move in enumerate(person.moves):
        gone = gone or move.from_org == org
        if not (gone and move.to == org):
            continue
        out = next((m for m in person.moves[index + 1 :] if m.from_org == org), None)
        org_name = ctx.base.entities[org].name
        if move.date is None or out is None or out.date is None:
            what = "回归" if move.date is None else "再次离开"
            return ctx.decline(
                "duration", labels.TENURE_UNKNOWN.format(who=person.name, what=what, org=org_name)
            )
        text = _tenure_text(person, org_name, move.date, out.date)
        items = [
            ctx.item(f"回归:{show_date(move.date)}", move.date, [], move.sources[:1]),
            ctx.item(f"离开:{show_date(out.date)}", out.date, [], out.sources[:1]),
        ]
        return ctx.reply("duration", text, items)
    return None


def stated_tenure(ctx: Context, person: Entity, org: str | None = None) -> Fact | None:
    """The fact that states how long the person was at `org`: that figure wins."""
    org = org or ctx.home
    for fact in ctx.base.by_entity.get(person.id, []):
        if not fact.entities or fact.entities[0] != person.id:
            continue
        if org != ctx.home and org not in fact.entities:
            continue
        if (
            fact.kind == "figure"
            and Intent.HOW_MANY in fact.intents
            and "年" in fact.answer
            and org == ctx.home
        ):
            return fact
        if org != ctx.home and _STATED_YEARS.search(fact.answer):
            return fact
    return None


def tenure(ctx: Context, person: Entity, org: str | None = None, returned: bool = False) -> Reply | None:
    """How long the person was at `org`, from the dates they joined and left; None when the
    articles state it (the single-fact path answers with their figure). `returned`: the stay
    after they came back, not the first."""
    org = org or ctx.home
    if returned:
        return _stay_after_return(ctx, person, org)
    stated = stated_tenure(ctx, person, org)
    if stated is not None and org != ctx.home:
        # The articles give the figure: it is the answer, not a computation from dates.
        item = ctx.item(stated.answer, stated.date, [stated], stated.sources[:1])
        return ctx.reply("duration", labels.STATED, [item])
    if stated is not None:
        return None  # the single-fact path answers with it, and with what else is said
    joined = when_of(person, "join", org, founding(ctx.base, org))
    left = when_of(person, "leave", org)
    org_name = ctx.base.entities[org].name
    if joined.date is None or left.date is None or joined.date > left.date:
        what = "加入" if joined.date is None else "离开"
        return ctx.decline("duration", labels.TENURE_UNKNOWN.format(who=person.name, what=what, org=org_name))
    text = _tenure_text(person, org_name, joined.date, left.date)
    items = [
        ctx.item(
            f"加入:{show_date(joined.date)}"
            + (labels.AT_FOUNDING.format(org=org_name) if joined.at_founding else ""),
            joined.date,
            [],
            joined.citations,
        ),
        ctx.item(f"离开:{show_date(left.date)}", left.date, [], left.citations),
    ]
    return ctx.reply("duration", text, items)


def role_span(
    ctx: Context, person: Entity, held: LazyPattern, title: str, org: str | None = None
) -> Reply | None:
    """How long someone held a post, from the start of the role to its end, no finer than the
    coarser of them; declined by name when the articles give only one end. None when the
    person never held it (the single-fact path answers)."""
    org = org or ctx.home
    roles = [r for r in person.roles if r.org == org and held.search(r.title)]
    if not roles:
        return None
    role = roles[0]
    org_name = ctx.base.entities[org].name
    if role.start is None or role.end is None:
        what = "开始" if role.start is None else "结束"
        return ctx.decline(
            "duration",
            labels.ROLE_SPAN_UNKNOWN.format(who=person.name, what=what, org=org_name, title=role.title),
        )
    told, precision = amount(role.start, role.end)
    text = labels.ROLE_SPAN.format(
        who=person.name,
        start=show_date(role.start),
        end=show_date(role.end),
        title=role.title,
        amount=told,
        precision=PRECISION_WORDS[precision],
    )
    item = ctx.item(
        f"{role.title}:{show_date(role.start)}至{show_date(role.end)}", role.start, [], role.sources[:2]
    )
    return ctx.reply("duration", text, [item])
