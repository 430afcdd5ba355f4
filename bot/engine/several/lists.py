"""Lists and counts of people and companies: who left, who went where, who joined, the
founders and what became of them, the companies people founded after leaving.

Every item the moves and roles hold, each with its sources, in date order; the head says what
the list covers, and a count the articles state for a larger set (12 executives left in 2024)
is shown beside the named ones, so a partial list never passes for the whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from bot.engine.answer import Reply
from bot.engine.lookups import interval
from bot.engine.rules import LazyPattern
from bot.engine.several import labels
from bot.engine.several.common import Context, Item, display, show_date, sort_key
from bot.factbase.crosscheck import compatible
from bot.factbase.models import DEPARTURES, Citation, Entity, EventType, Fact, Move, ParticipantRole, Role

# A founder's role title ("联合创始人", "创始团队成员").
FOUNDER_TITLE = LazyPattern("创始")


def is_founder(entity: Entity, org: str) -> bool:
    return any(r.org == org and FOUNDER_TITLE.search(r.title) for r in entity.roles)


def _org_name(ctx: Context, org: str | None) -> str:
    return ctx.base.entities[org].name if org in ctx.base.entities else ""


def _events_for(ctx: Context, person: str, org: str, move: Move) -> list[Fact]:
    """The departure events that tell of this move: same person, same organisation, a date
    that can be the same."""
    return [
        f
        for f in ctx.base.events()
        if f.type in DEPARTURES
        and any(p.entity == person and p.role == ParticipantRole.SUBJECT for p in f.participants)
        and any(p.entity == org and p.role == ParticipantRole.ORG for p in f.participants)
        and compatible(f.date, move.date)
    ]


def _where(ctx: Context, move: Move, person: Entity | None = None) -> str:
    """Where someone went: the move's destination, and the later moves until a return
    ("2018年离开OpenAI,后来:Gantry")."""
    places = [_org_name(ctx, move.to) if move.to else move.to_text or ""]
    if person is not None and move in person.moves:
        for later in person.moves[person.moves.index(move) + 1 :]:
            if later.to == move.from_org or later.from_org == move.from_org:
                break
            places.append(_org_name(ctx, later.to) if later.to else later.to_text or "")
    places = [p for p in dict.fromkeys(places) if p]
    return labels.THEN.format(where="→".join(places)) if places else ""


def left_for_good(person: Entity, org: str) -> bool:
    """Left `org` and not back since."""
    return any(m.from_org == org for m in person.moves) and not _returned(person, org)


def _returned(person: Entity, org: str) -> bool:
    """Back at `org` after their last departure from it (Altman, Brockman in November 2023)."""
    last_out = max((i for i, m in enumerate(person.moves) if m.from_org == org), default=-1)
    return any(m.to == org for m in person.moves[last_out + 1 :]) if last_out >= 0 else False


def departures(
    ctx: Context,
    org: str | None = None,
    to: str | None = None,
    when: str | None = None,
    founders_only: bool = False,
    span: tuple[date, date] | None = None,
    titles: bool = False,
) -> Reply:
    """Who left `org` (for `to`, when asked; within `when` or the days of `span`, when asked);
    with `titles`, each with the post they held there when they left ("各自是什么职位")."""
    org = org or ctx.home
    items: list[Item] = []
    undated = 0
    for person in ctx.base.entities.values():
        if (
            person.kind != "person"
            or (founders_only and not is_founder(person, org))
            or person.id in ctx.besides
        ):
            continue
        moves = [m for m in person.moves if m.from_org == org]
        if to is not None:
            # Where they went: the move out, or a later arrival there ("后加入Stripe").
            later = [m for m in person.moves if m.to == to]
            moves = moves if any(m.to == to for m in moves) else (moves[-1:] if later and moves else [])
        if span is not None:
            undated += bool(moves) and all(m.date is None for m in moves)
            moves = [
                m
                for m in moves
                if m.date is not None and span[0] <= interval(m.date)[0] <= interval(m.date)[1] <= span[1]
            ]
        elif when is not None:
            undated += bool(moves) and all(m.date is None for m in moves)
            moves = [m for m in moves if m.date is not None and compatible(m.date, when)]
        elif span is None and _returned(person, org):
            continue  # fired or resigned and back: not among those who left
        if not moves:
            continue
        parts = []
        facts: list[Fact] = []
        for move in moves:
            destination = next((m for m in person.moves if m.to == to), move) if to else move
            parts.append(
                labels.LEFT.format(date=show_date(move.date), org=_org_name(ctx, org))
                + _where(ctx, destination)
            )
            facts += _events_for(ctx, person.id, org, move)
        citations = [c for m in moves for c in m.sources[:2]]
        held = _posts_when_leaving(ctx, person, org, moves[-1]) if titles else []
        if held:
            parts.append(labels.HELD.format(title="、".join(r.title for r in held)))
            citations += [c for r in held for c in r.sources[:1]]
        items.append(ctx.item(f"{display(person)}:" + ";".join(parts), moves[0].date, facts, citations))
    items.sort(key=lambda i: (sort_key(i.date), i.text))
    what = "离开" + _org_name(ctx, org)
    if to is not None:
        what += "后去了" + _org_name(ctx, to)
    what += "的" + ("创始团队成员" if founders_only else "人")
    what = _besides_said(ctx) + what
    if when is not None:
        what = show_date(when) + what
    if span is not None:
        if span[0] == date.min:
            what = f"{span[1].year + 1}年以前" + what
        elif span[1] == date.max:
            what = f"{span[0].year}年以后" + what
        else:
            what = f"{span[0].year}年至{span[1].year}年" + what
    if not items:
        return ctx.decline("list", f"文章没有点名{what}。")
    notes = _tally_notes(ctx, "departures", org, when, len(items)) if to is None else []
    if undated:
        notes.append(f"另有{undated}人离开的时间文章未说明,未列入。")
    return ctx.reply("list", labels.COVERS.format(what=what, count=len(items)), items, notes)


def _posts_when_leaving(ctx: Context, person: Entity, org: str, move: Move) -> list[Role]:
    """The posts someone held at `org` (or a team of it) when they left it: the roles there
    that ended when the move is dated, the organisation's own before a team's."""
    teams = {e.id for e in ctx.base.entities.values() if e.part_of == org}
    ended = [
        r
        for r in person.roles
        if (r.org == org or r.org in teams) and r.end is not None and compatible(r.end, move.date)
    ]
    return sorted(ended, key=lambda r: r.org != org)


def _besides_said(ctx: Context) -> str:
    """What a list leaves out, as its head says it: "除萨姆·奥尔特曼外"."""
    if not ctx.besides:
        return ""
    return labels.BESIDES.format(names="、".join(ctx.base.entities[p].name for p in sorted(ctx.besides)))


def _tally_notes(ctx: Context, of: str, org: str, when: str | None, named: int) -> list[str]:
    """Counts the articles state for the set, beside the named members."""
    notes = []
    for fact in ctx.base.facts:
        tally = fact.tally
        if tally is None or tally.of != of or tally.org != org:
            continue
        if when is not None and not compatible(tally.date, when):
            continue
        notes.append(f"另:{fact.answer}(文章未给出全部名字,以上{named}位并非全部)")
    return notes


def arrivals(
    ctx: Context, org: str | None = None, when: str | None = None, from_org: str | None = None
) -> Reply:
    """Who joined `org` (from `from_org`, when asked), from where when the articles say."""
    org = org or ctx.home
    items: list[Item] = []
    for person in ctx.base.entities.values():
        moves = [m for m in person.moves if m.to == org and (when is None or compatible(m.date, when))]
        if from_org is not None:
            moves = [m for m in moves if m.from_org == from_org]
        if when is not None:
            moves = [m for m in moves if m.date is not None]
        if person.kind != "person" or not moves or person.id in ctx.besides:
            continue
        parts = []
        for move in moves:
            back = any(m.from_org == org for m in person.moves[: person.moves.index(move)])
            text = (labels.RETURNED if back else labels.JOINED).format(
                date=show_date(move.date), org=_org_name(ctx, org)
            )
            if move.from_org is not None and not back:
                text += f"(此前在{_org_name(ctx, move.from_org)})"
            parts.append(text)
        citations = [c for m in moves for c in m.sources[:1]]
        items.append(ctx.item(f"{display(person)}:" + ";".join(parts), moves[0].date, [], citations))
    items.sort(key=lambda i: (sort_key(i.date), i.text))
    what = ("" if when is None else show_date(when)) + (f"从{_org_name(ctx, from_org)}" if from_org else "")
    what += "加入" + _org_name(ctx, org) + "的人"
    what = _besides_said(ctx) + what
    if not items:
        return ctx.decline("list", f"文章没有点名{what}。")
    return ctx.reply("list", labels.COVERS.format(what=what, count=len(items)), items)


def founders(
    ctx: Context, org: str | None = None, remaining: bool = False, gone: bool = False, titles: bool = False
) -> Reply:
    """The founders and what became of each; `remaining` or `gone` keeps those still there or
    those who left; with `titles`, the posts the articles give those still there. Statements
    of how many remain are shown side by side."""
    org = org or ctx.home
    items: list[Item] = []
    for person in ctx.base.entities.values():
        if person.kind != "person" or not is_founder(person, org) or person.id in ctx.besides:
            continue
        outs = [m for m in person.moves if m.from_org == org]
        left = bool(outs) and not _returned(person, org)
        if (remaining and left) or (gone and not left):
            continue
        if left:
            status = ";".join(
                labels.LEFT.format(date=show_date(m.date), org=_org_name(ctx, org)) + _where(ctx, m)
                for m in outs
            )
            citations = [c for m in outs for c in m.sources[:1]]
            when = outs[0].date
        else:
            status = labels.STILL_THERE.format(org=_org_name(ctx, org))
            if outs:
                status += "(" + "、".join(f"{show_date(m.date)}曾离开后回归" for m in outs) + ")"
            citations = [c for r in person.roles if r.org == org and "创始" in r.title for c in r.sources[:1]]
            posts = [r for r in person.roles if r.org == org and r.end is None] if titles else []
            if posts:  # "各自做什么职位": every post there the articles give, with its source
                status += ";" + labels.POSTS.format(titles="、".join(r.title for r in posts))
                citations += [c for r in posts for c in r.sources[:1]]
            when = None
        facts = [f for m in outs for f in _events_for(ctx, person.id, org, m)]
        items.append(ctx.item(f"{display(person)}:{status}", when, facts, citations))
    items.sort(key=lambda i: (sort_key(i.date), i.text))
    what = _org_name(ctx, org) + "创始团队成员" + ("中仍在的" if remaining else "中已离开的" if gone else "")
    what = _besides_said(ctx) + what
    notes = []
    if not remaining and not gone:
        notes = _tally_notes(ctx, "founders", org, None, len(items))
        notes = [n for n in notes if f"{len(items)}位" not in n]  # the count agrees: nothing to add
    conflict = [f for f in ctx.base.facts if f.conflict == "founders-remaining"] if org == ctx.home else []
    if conflict and not gone:
        notes.append(labels.CONFLICT)
        for fact in sorted(conflict, key=lambda f: ctx.base.articles[f.sources[0].article].meta.published):
            meta = ctx.base.articles[fact.sources[0].article].meta
            notes.append(f"· {fact.answer}({fact.sources[0].article},{meta.published.isoformat()})")
            items_sources = ctx.sources(fact.sources[:1])
            items.append(Item(text="", date=None, fact_ids=(fact.id,), sources=items_sources))
    shown = [i for i in items if i.text]
    reply = ctx.reply("list", labels.COVERS.format(what=what, count=len(shown)), shown, notes)
    extra = [i for i in items if not i.text]
    if extra:
        reply = replace(
            reply,
            fact_ids=(*reply.fact_ids, *(f for i in extra for f in i.fact_ids)),
            sources=(*reply.sources, *(s for i in extra for s in i.sources)),
        )
    return reply


def companies_founded(ctx: Context, org: str | None = None, founders_only: bool = False) -> Reply:
    """The companies people founded after leaving `org`."""
    org = org or ctx.home
    items: list[Item] = []
    for person in ctx.base.entities.values():
        if person.kind != "person" or not any(m.from_org == org for m in person.moves):
            continue
        if founders_only and not is_founder(person, org):
            continue
        for role in person.roles:
            if (
                role.org is None
                or role.org == org
                or not any(w in role.title for w in ("创始", "创办", "创立"))
            ):
                continue
            company = ctx.base.entities[role.org]
            text = f"{display(company)}:{person.name}创立" + (
                f"({show_date(role.start)})" if role.start else ""
            )
            items.append(ctx.item(text, role.start, [], role.sources[:1]))
    items.sort(key=lambda i: (sort_key(i.date), i.text))
    what = "离开" + _org_name(ctx, org) + "的" + ("创始团队成员" if founders_only else "人") + "创立的公司"
    if not items:
        return ctx.decline("list", f"文章没有提到{what}。")
    return ctx.reply("list", labels.COVERS_ORGS.format(what=what, count=len(items)), items)


def released(ctx: Context, org: str | None, when: str | None) -> Reply | None:
    """The products and models the typed release events say came out (by `org`, inside the
    time `when`), each with its source, in date order. An event dated more coarsely than the
    time asked (a year, asked a month) is left out, never shown as inside it. None when no
    event fits: the facts answer, or the engine declines."""
    inside = interval(when) if when is not None else None
    facts = [
        f
        for f in ctx.base.events()
        if f.type == EventType.RELEASED
        and f.date is not None
        and (org is None or any(p.entity == org and p.role == ParticipantRole.ORG for p in f.participants))
        and (inside is None or inside[0] <= interval(f.date)[0] <= interval(f.date)[1] <= inside[1])
    ]
    if not facts:
        return None
    items = [ctx.item(f"{show_date(f.date)}:{f.answer}", f.date, [f], []) for f in facts]
    items.sort(key=lambda i: (sort_key(i.date), i.text))
    what = ("" if when is None else show_date(when)) + _org_name(ctx, org) + "产品和模型"
    return ctx.reply("list", labels.COVERS_RELEASES.format(what=what, count=len(items)), items)


def worked_at(ctx: Context, orgs: list[str]) -> Reply:
    """Everyone the articles say held a role at one of `orgs`, at any time."""
    items: list[Item] = []
    for person in ctx.base.entities.values():
        if person.kind != "person":
            continue
        for role in person.roles:
            if role.org not in orgs:
                continue
            span = "—".join(show_date(d) for d in (role.start, role.end) if d)
            text = f"{display(person)}:{_org_name(ctx, role.org)}{role.title}" + (f"({span})" if span else "")
            items.append(ctx.item(text, role.start or role.end, [], role.sources[:1]))
    items.sort(key=lambda i: (sort_key(i.date), i.text))
    what = "在" + "、".join(_org_name(ctx, o) for o in orgs) + "工作过的人"
    if not items:
        return ctx.decline("list", f"文章没有提到{what}。")
    count = len({i.text.split(":")[0] for i in items})
    return ctx.reply("list", labels.COVERS.format(what=what, count=count), items)


def career(ctx: Context, person: Entity) -> Reply | None:
    """The organisations someone held a dated role at before they joined the home one, each
    with the role and its dates, in date order (an undated internship is no dated role).
    None when the articles give no such role (a fact answers, or the engine declines)."""
    home_roles = [r for r in person.roles if r.org == ctx.home and r.start]
    joined = min((r.start for r in home_roles if r.start), default=None)
    items: list[Item] = []
    for role in person.roles:
        if role.org is None or role.org == ctx.home or ctx.base.entities[role.org].kind != "org":
            continue
        if ctx.base.entities[role.org].part_of == ctx.home:
            continue  # a team of the home organisation is no other employer
        if joined is None or role.start is None or role.start >= joined:
            continue
        span = (
            f"{show_date(role.start)}至{show_date(role.end)}"
            if role.start and role.end
            else show_date(role.start)
        )
        text = f"{_org_name(ctx, role.org)}:{role.title}" + (f"({span})" if role.start else "")
        items.append(ctx.item(text, role.start, [], role.sources[:1]))
    if not items:
        return None
    items.sort(key=lambda i: sort_key(i.date))
    what = f"{person.name}加入{_org_name(ctx, ctx.home)}之前任职过的机构"
    return ctx.reply("list", labels.COVERS_ORGS.format(what=what, count=len(items)), items)


def on_day(
    ctx: Context, day: str, about: frozenset[str], leave_out: frozenset[str] = frozenset()
) -> Reply | None:
    """The events the articles date to `day` (to the day), about any of `about` when it names
    anyone, less those of `leave_out` (the event the day was named by). None when fewer than
    two: one event is the single-fact path's to tell."""
    events = [
        f
        for f in ctx.base.events()
        if f.date == day
        and f.superseded_by is None
        and f.id not in leave_out
        and (not about or about & set(f.entities))
    ]
    if len(events) < 2:
        return None
    events.sort(key=lambda f: (sort_key(f.date), f.id))
    items = [ctx.item(f.answer, f.date, [f], f.sources[:1]) for f in events]
    names = "、".join(ctx.base.entities[e].name for e in sorted(about))
    head = labels.ON_DAY.format(
        date=show_date(day), about=labels.ON_DAY_ABOUT.format(names=names) if names else ""
    )
    return ctx.reply("list", head, items)


def group_left(
    ctx: Context,
    group: str,
    members: list[Entity],
    defining: tuple[Citation, ...],
    complete: bool,
    remaining: bool = False,
    span: tuple[date, date] | None = None,
    span_shown: str = "",
) -> Reply:
    """Which members of a named group left the home organisation for good (by the end of
    `span`, when the question bounds it), or with `remaining` which are still there; the
    others are said too, so the list is never taken for the whole group. `complete`: the
    group is one a fact enumerates ("四大天王"), else only the members the articles name (a
    team's)."""
    org = ctx.home
    gone: list[Item] = []
    stayed: list[str] = []
    earlier: list[str] = []  # left for good before the span asked
    came_back: list[str] = []  # left within it, and came back
    for person in members:
        outs = [m for m in person.moves if m.from_org == org]
        if span is not None:
            if left_for_good(person, org) and all(
                m.date is not None and interval(m.date)[1] < span[0] for m in outs
            ):
                earlier.append(person.name)
                continue
            outs = [
                m
                for m in outs
                if m.date is not None and span[0] <= interval(m.date)[0] <= interval(m.date)[1] <= span[1]
            ]
        if outs and left_for_good(person, org):
            move = outs[-1]
            text = f"{display(person)}:" + labels.LEFT.format(
                date=show_date(move.date), org=_org_name(ctx, org)
            )
            facts = _events_for(ctx, person.id, org, move)
            gone.append(ctx.item(text + _where(ctx, move, person), move.date, facts, move.sources[:1]))
        else:
            stayed.append(person.name)
            if outs:
                came_back.append(person.name)
    gone.sort(key=lambda i: (sort_key(i.date), i.text))
    names = "、".join(p.name for p in members)
    scope = (
        labels.GROUP_SCOPE.format(group=group, members=names)
        if complete
        else labels.GROUP_NAMED.format(group=group, members=names)
    )
    by = span_shown
    home = _org_name(ctx, org)
    if remaining:
        here = [
            ctx.item(f"{p.name}:" + labels.STILL_THERE.format(org=home), None, [], [])
            for p in members
            if p.name in stayed
        ]
        head = (
            labels.GROUP_STAYED.format(scope=scope, by=by, org=home, count=len(here))
            if here
            else labels.GROUP_NONE_STAYED.format(scope=scope, by=by, org=home)
        )
        notes = (
            [labels.GROUP_GONE.format(names="、".join(i.text.split(":")[0] for i in gone), org=home)]
            if gone
            else []
        )
        return _citing(ctx, ctx.reply("list", head, here, notes), defining)
    back = [labels.RETURNED_NOT_COUNTED.format(names="、".join(came_back), org=home)] if came_back else []
    if not gone:
        none_left = labels.GROUP_NONE_LEFT.format(scope=scope, by=by, org=home)
        return _citing(ctx, ctx.reply("list", none_left, [], back), defining)
    head = labels.GROUP_LEFT.format(scope=scope, by=by, org=home, count=len(gone))
    still = labels.GROUP_STILL if span is None else labels.GROUP_NOT_YET
    notes = [still.format(names="、".join(stayed), org=home)] if stayed else []
    if earlier:
        notes.append(labels.GROUP_EARLIER.format(names="、".join(earlier), org=home))
    notes += back
    return _citing(ctx, ctx.reply("list", head, gone, notes), defining)


def _citing(ctx: Context, reply: Reply, defining: Sequence[Citation]) -> Reply:
    """`reply` with the citations that name a group's members among its sources, after the
    items' own: they back the answer but are no one listed."""
    return replace(reply, sources=tuple(dict.fromkeys([*reply.sources, *ctx.sources(defining)])))


def described_as(ctx: Context, noun: str | None, words: Callable[[str], Sequence[str]]) -> Reply | None:
    """The people the articles describe by `noun` ("华人"): each whose summary says they are
    one ("X是…华人"), as a word of its own (`words` cuts a text into words: 董事 is not
    董事长), cited to a quote of
    theirs that says it. None when fewer than two are: one is a fact's to tell, and a noun no
    summary uses is no description."""
    if not noun:
        return None
    items: list[Item] = []
    for person in ctx.base.entities.values():
        if person.kind != "person" or noun not in words(person.summary):
            continue
        if not re.search(rf"是[^,，。;；]{{0,24}}{re.escape(noun)}", person.summary):
            continue  # the word is there, but not what the person is ("被董事会解雇")
        quotes = [
            c
            for c in (
                *person.sources,
                *(c for r in person.roles for c in r.sources),
                *(c for m in person.moves for c in m.sources),
                *(c for f in ctx.base.by_entity.get(person.id, []) for c in f.sources),
            )
            if noun in c.quote
        ]
        if not quotes:
            continue  # the summary's word is not the articles': no source says it
        items.append(ctx.item(f"{display(person)}:{person.summary}", None, [], quotes[:1]))
    if len(items) < 2:
        return None
    return ctx.reply("list", labels.DESCRIBED.format(noun=noun, count=len(items)), items)
