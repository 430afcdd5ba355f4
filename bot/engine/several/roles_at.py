"""Who held a role, at a time or over time: "11月19日OpenAI的CEO是谁", "四天换了哪四个CEO".

Holders come from the roles, each with its dates and sources. A role whose start or end is
known only to the month or year, and may or may not cover the day asked, is shown apart, never
mixed in as if it surely did.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.engine.answer import Reply
from bot.engine.lookups import interval
from bot.engine.rules import LazyPattern
from bot.engine.several import labels
from bot.engine.several.common import Context, Item, show_date
from bot.engine.several.order import founding
from bot.factbase.crosscheck import compatible
from bot.factbase.models import Entity, Precision, Role, precision_of

# The titles a question can ask for, as (what the question says, what a role title says).
TITLES: tuple[tuple[LazyPattern, LazyPattern, str], ...] = tuple(
    (LazyPattern(asked, re.IGNORECASE), LazyPattern(held, re.IGNORECASE), shown)
    for asked, held, shown in (
        (r"(?<![a-z])ceos?(?![a-z])|首席执行官|执行长|行政总裁|掌门人?|一把手", r"CEO|首席执行官", "CEO"),
        (r"(?<![a-z])cto(?![a-z])|首席技术官|技术长", r"CTO|首席技术官", "首席技术官(CTO)"),
        (r"首席科学家|chief scientist", r"首席科学家", "首席科学家"),
        (r"(?<![a-z])cfo(?![a-z])|首席财务官|财务长|财务首席官", r"CFO|首席财务官", "首席财务官(CFO)"),
        (r"董事长|董事会主席|\bchair", r"董事会主席", "董事会主席"),
        (r"首席研究官|chief research officer", r"首席研究官", "首席研究官"),
        (r"首席产品官|(?<![a-z])cpo(?![a-z])|chief product officer", r"首席产品官", "首席产品官"),
        (r"(?<!副)总裁|\bpresident\b", r"(?<!副)总裁", "总裁"),
        (
            r"(?:资讯|信息|资)安(?:全)?(?:长|官|主管)|(?<![a-z])ciso(?![a-z])|chief (?:information )?security",
            r"信息安全官",
            "首席信息安全官",
        ),
    )
)


# Who held the post, asked with a copula: "CTO係邊個", "CEO是谁", "who was the CEO" (not "谁被推
# 上去当CEO": who was appointed is an event, the facts tell it).
_COPULA_WHO = LazyPattern(r"^[^,，?？。]{0,6}?(?:是|系|係|为|\bwas\b|\bis\b)\s*(?:谁|边|𠮶|哪|\bwho\b)")
_WHO_COPULA = LazyPattern(
    r"(?:谁|边个|边位|哪位|\bwho\b)\s*(?:是|系|係|\bwas\b|\bis\b|\bwere\b)[^,，?？。]{0,10}$"
)


def asks_holder(text: str) -> bool:
    """The question asks who held the post it names, by a copula beside the title."""
    for asked, _held, _shown in TITLES:
        for found in asked.finditer(text):
            if _COPULA_WHO.search(text[found.end() :]) or _WHO_COPULA.search(text[: found.start()]):
                return True
    return False


def asked_title(text: str) -> tuple[LazyPattern, str] | None:
    for asked, held, shown in TITLES:
        if asked.search(text):
            return held, shown
    return None


def _span(role: Role) -> str:
    if role.start and role.end:
        return labels.FROM_TO.format(start=show_date(role.start), end=show_date(role.end))
    if role.start:
        return labels.SINCE.format(start=show_date(role.start))
    if role.end:
        return labels.UNTIL.format(end=show_date(role.end))
    return ""


def holders(
    ctx: Context, held: LazyPattern, title: str, org: str | None = None, when: str | None = None
) -> Reply:
    """Who held the title at `org` on `when` (a partial date), or every holder in date order."""
    org = org or ctx.home
    surely: list[Item] = []
    maybe: list[Item] = []
    order: dict[Item, tuple[date, str]] = {}
    for person in ctx.base.entities.values():
        for role in person.roles:
            if role.org != org or not held.search(role.title):
                continue
            text = f"{person.name}:{role.title}" + (f"({_span(role)})" if _span(role) else "")
            item = ctx.item(text, role.start or role.end, [], role.sources[:2])
            # In order of taking office; a start known only to the month sorts at its month's end.
            order[item] = (interval(role.start)[1] if role.start else date.min, role.end or "9999")
            if when is None:
                surely.append(item)
                continue
            low, high = interval(when)
            ends = interval(role.end) if role.end else (date.max, date.max)
            if role.start is None:
                # A start the articles do not give: the role surely covers only the month its
                # sources show it held (its end, or their publication), and may cover earlier.
                shown = (
                    [role.end]
                    if role.end
                    else [ctx.base.articles[c.article].meta.published.isoformat() for c in role.sources]
                )
                if ends[1] < low:
                    continue  # ended before the span
                if any(compatible(when[:7], day[:7]) for day in shown if day):
                    surely.append(item)
                else:
                    maybe.append(item)
                continue
            starts = interval(role.start)
            if role.end is None:
                # No end given: held surely only as far as its articles show it, not "still"
                # (an interim CEO the articles leave in post when they were written).
                shown_until = max(ctx.base.articles[c.article].meta.published for c in role.sources)
                ends = (shown_until, date.max)
            if starts[1] <= high and ends[0] >= low:
                surely.append(item)  # surely began before the span ends and ended after it starts
            elif starts[0] <= high and ends[1] >= low:
                maybe.append(item)  # a coarse start or end that may or may not cover it
    org_name = ctx.base.entities[org].name
    for items in (surely, maybe):
        items.sort(key=lambda i: (*order[i], i.text))
    if when is not None and not surely:
        text = labels.ROLE_NONE.format(when=show_date(when), org=ctx.base.entities[org].name, title=title)
        if maybe:
            text += "\n" + labels.ROLE_MAYBE + "\n" + "\n".join(f"· {i.text}" for i in maybe)
        return ctx.decline("role_at", text)
    if not surely and not maybe:
        return ctx.decline(
            "role_at",
            labels.ROLE_NONE.format(when=show_date(when) if when else "", org=org_name, title=title),
        )
    if when is None:
        return ctx.reply("role_at", labels.ROLE_ALL.format(org=org_name, title=title), surely)
    notes: list[str] = []
    if maybe:
        notes.append(labels.ROLE_MAYBE)
        notes += [f"· {i.text}" for i in maybe]
    reply = ctx.reply(
        "role_at", labels.ROLE_AT.format(when=show_date(when), org=org_name, title=title), surely, notes
    )
    if maybe:  # their sources and facts belong to the answer too
        reply = replace(
            reply,
            sources=tuple(dict.fromkeys((*reply.sources, *(s for i in maybe for s in i.sources)))),
            items=(*reply.items, *maybe),
        )
    return reply


def _reference(ctx: Context, role: Role, later: bool) -> date | None:
    """When a role surely ended (for its successors) or surely was held (for its
    predecessors): its end or start, else the first article that shows it held."""
    if later:
        return interval(role.end)[0] if role.end else None
    if role.start:
        return interval(role.start)[1]
    shown = [ctx.base.articles[c.article].meta.published for c in role.sources]
    return min(shown) if shown else None


def next_to(
    ctx: Context, held: LazyPattern, title: str, person: Entity, later: bool, org: str | None = None
) -> tuple[Reply, str | None] | None:
    """Who held the title before `person` ("在Jakub之前首席科学家是谁") or after them ("Murati走了
    以后谁接任CTO"), by the dates of the roles: the holders whose role ended before theirs is
    known held, or began after theirs ended, nearest first, and the nearest one's id. None when
    `person` never held it."""
    org = org or ctx.home
    own = [r for r in person.roles if r.org == org and held.search(r.title)]
    if not own:
        return None
    references = [day for r in own if (day := _reference(ctx, r, later)) is not None]
    who = person.name
    if not references:  # a role the articles do not end: no one after it
        return ctx.decline(
            "role_at",
            labels.ROLE_NEXT_NONE.format(
                who=who, org=ctx.base.entities[org].name, title=title, side="之后" if later else "之前"
            ),
        ), None
    reference = max(references) if later else min(references)
    found: list[tuple[date, Item, str]] = []
    for other in ctx.base.entities.values():
        if other.id == person.id:
            continue
        for role in other.roles:
            if role.org != org or not held.search(role.title):
                continue
            shown = min((ctx.base.articles[c.article].meta.published for c in role.sources), default=None)
            if later and role.start and interval(role.start)[0] >= reference:
                key = interval(role.start)[0]
            elif (
                later and role.start is None and role.end is None and shown is not None and shown > reference
            ):
                key = shown  # a start not given, but first shown held after the other's end
            elif not later and role.end and interval(role.end)[1] <= reference:
                key = interval(role.end)[1]
            else:
                continue
            text = f"{other.name}:{role.title}" + (f"({_span(role)})" if _span(role) else "")
            found.append((key, ctx.item(text, role.start or role.end, [], role.sources[:2]), other.id))
    side = "之后" if later else "之前"
    org_name = ctx.base.entities[org].name
    if not found:
        return ctx.decline(
            "role_at", labels.ROLE_NEXT_NONE.format(who=who, org=org_name, title=title, side=side)
        ), None
    found.sort(key=lambda pair: pair[0], reverse=not later)  # nearest first
    items = [item for _, item, _ in found]
    text = labels.ROLE_NEXT.format(who=who, org=org_name, title=title, side=side)
    return ctx.reply("role_at", text, items), found[0][2]


def _covers(ctx: Context, role: Role, when: str) -> bool | None:
    """Whether `role` was held on `when`: True surely, None maybe (a start or end the
    articles do not give, or give more coarsely than `when`), False surely not. A post that
    ended on the very day asked was held up to it (the day its holder resigned); none began
    before its organisation was founded."""
    low, high = interval(when)
    founded = founding(ctx.base, role.org) if role.org else None
    start = role.start or (founded.date if founded is not None else None)
    if start is not None and interval(start)[0] > high:
        return False
    if role.end is not None and interval(role.end)[1] < low:
        return False
    ends_that_day = role.end is not None and role.end == when and precision_of(when) == Precision.DAY
    if role.end is None or (role.start is None and not ends_that_day):
        return None
    if ends_that_day:
        return True
    assert role.start is not None
    return True if interval(role.start)[1] <= low and interval(role.end)[0] >= high else None


def titles_of(
    ctx: Context, person: Entity, orgs: frozenset[str] = frozenset(), when: str | None = None
) -> Reply | None:
    """The posts one person held (at `orgs`, when the question names some; on `when`, when it
    names a time), each with its dates and source, in date order: "X前前后后做过哪些职位",
    "X那时身兼哪两个职位". A post the articles do not date, or date too coarsely to tell, is
    shown apart as possibly held then. None when fewer than two posts fit: one post is a
    fact's to tell."""
    roles = [r for r in person.roles if not orgs or r.org in orgs]
    surely: list[Item] = []
    maybe: list[Item] = []
    began: dict[int, Role] = {}  # each listed post's role, by its item, to order by start
    for role in roles:
        where = ctx.base.entities[role.org].name if role.org in ctx.base.entities else ""
        # The organisation before the post, unless the post already names it ("任职于谷歌").
        shown = role.title if not where or where in role.title or len(orgs) == 1 else f"{where}:{role.title}"
        text = shown + (f"({_span(role)})" if _span(role) else "")
        item = ctx.item(text, role.start or role.end, [], role.sources[:1])
        held = True if when is None else _covers(ctx, role, when)
        began[id(item)] = role
        if held is True:
            surely.append(item)
        elif held is None:
            maybe.append(item)
    if len(surely) + len(maybe) < 2:
        return None
    # Undated posts after dated ones, in the order the articles list them (a stable sort).
    surely.sort(key=lambda i: i.date or "9999")
    at = "在" + "、".join(ctx.base.entities[o].name for o in sorted(orgs)) if orgs else ""
    if when is None:
        timed, untimed = _by_start(surely, began)
        if len(timed) < 2:  # no order to claim: the posts as the articles list them
            return ctx.reply("list", labels.TITLES_UNORDERED.format(who=person.name, at=at), surely)
        notes = [labels.TITLES_NO_START, *ctx.lines(untimed)] if untimed else []
        reply = ctx.reply("list", labels.TITLES.format(who=person.name, at=at), timed, notes)
        return _shown_apart(reply, untimed)
    notes = [labels.ROLE_MAYBE, *(f"· {i.text}" for i in maybe)] if maybe else []
    head = labels.TITLES_AT.format(who=person.name, at=at, when=show_date(when))
    if not surely:
        return ctx.decline("role_at", head + labels.TITLES_NONE_SURE, shown=maybe)
    return _shown_apart(ctx.reply("role_at", head, surely, notes), maybe)


def _shown_apart(reply: Reply, apart: list[Item]) -> Reply:
    """`reply` with the items its notes show apart among its items and cited too."""
    if not apart:
        return reply
    return replace(
        reply,
        sources=tuple(dict.fromkeys((*reply.sources, *(s for i in apart for s in i.sources)))),
        items=(*reply.items, *apart),
    )


def _by_start(items: list[Item], began: dict[int, Role]) -> tuple[list[Item], list[Item]]:
    """(posts in the order they began, posts that cannot be put in that order): a post whose
    start the articles do not give has no place among them, unless it ended no later than
    every dated one began (then it surely came first). The rest keep the articles' order."""
    timed = sorted((i for i in items if began[id(i)].start is not None), key=lambda i: _start(began[id(i)]))
    untimed = [i for i in items if began[id(i)].start is None]
    first_start = min((interval(_start(began[id(i)]))[0] for i in timed), default=None)
    leading = [
        i
        for i in untimed
        if (end := began[id(i)].end) is not None and (first_start is None or interval(end)[0] <= first_start)
    ]
    if len(leading) == 1 and timed:  # two such posts cannot be ordered between themselves
        timed.insert(0, leading[0])
        untimed.remove(leading[0])
    return timed, untimed


def _start(role: Role) -> str:
    assert role.start is not None
    return role.start
