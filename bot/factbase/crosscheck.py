"""Checks of the fact base's records against each other: events, roles and moves.

`load_factbase` validates each record on its own; these checks compare records that say the
same thing in different places (a departure as an event, as a move and as the end of a role;
where someone went as a move and as `went_to`) and name every disagreement. `saga-bot facts
check` runs them; the shipped fact base must pass them all.

`unquoted_figures` is separate and only informs: an answer's numbers that none of its quotes
contains (a quote that stops short of what the answer says).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.factbase.loader import FactBase, Problem
from bot.factbase.models import ARRIVALS, DEPARTURES, Entity, EventType, Fact, ParticipantRole
from bot.text import to_simplified

ENTITIES = "entities.yaml"
HOME = "openai"  # the organisation the saga is about


def compatible(first: str | None, second: str | None) -> bool:
    """Two partial dates that can name the same day: 2024 and 2024-05-28 can, 2024-05 and
    2024-06 cannot. An unknown date agrees with anything."""
    if first is None or second is None:
        return True
    return first.startswith(second) or second.startswith(first)


def _record_file(base: FactBase, fact: Fact) -> str:
    return f"records/{fact.sources[0].article}.yaml"


def _names(entity: Entity) -> list[str]:
    return [to_simplified(n).casefold() for n in entity.all_names() if len(n) >= 2]


def check_events(base: FactBase) -> Iterator[Problem]:
    """Every event has a type; participants, and people in a stated order, are among the
    entities a fact is about."""
    for fact in base.events():
        where = _record_file(base, fact)
        if fact.type is None:
            yield Problem(where, fact.id, "event has no type")
        for participant in fact.participants:
            if participant.entity not in fact.entities:
                yield Problem(where, fact.id, f"participant {participant.entity!r} is not in entities")
    for fact in base.facts:
        for person in (p for group in fact.sequence for p in group):
            if person not in fact.entities:
                yield Problem(
                    _record_file(base, fact), fact.id, f"sequence names {person!r}, not in entities"
                )
        if fact.tally is not None and fact.tally.org not in base.entities:
            yield Problem(_record_file(base, fact), fact.id, f"tally org {fact.tally.org!r} is not defined")


def check_moves(base: FactBase) -> Iterator[Problem]:
    """Moves name defined organisations, cite verbatim, and agree with the roles."""
    for entity in base.entities.values():
        if entity.part_of is not None and entity.part_of not in base.entities:
            yield Problem(ENTITIES, entity.id, f"part_of {entity.part_of!r} is not defined")
        for move in entity.moves:
            for org in (move.from_org, move.to):
                if org is not None and org not in base.entities:
                    yield Problem(ENTITIES, entity.id, f"move names undefined organisation {org!r}")
            for citation in move.sources:
                article = base.articles.get(citation.article)
                if article is None or citation.quote not in article.text:
                    yield Problem(
                        ENTITIES,
                        entity.id,
                        f"move quote is not verbatim in {citation.article}: {citation.quote[:30]!r}",
                    )
            if move.to is not None:
                starts = [r.start for r in entity.roles if r.org == move.to]
                if not starts:
                    yield Problem(ENTITIES, entity.id, f"moves to {move.to} but holds no role there")
                elif not any(compatible(start, move.date) for start in starts):
                    yield Problem(
                        ENTITIES, entity.id, f"moves to {move.to} in {move.date}, roles there start {starts}"
                    )
            if move.from_org is not None and move.date is not None:
                ends = [r.end for r in entity.roles if r.org == move.from_org]
                returns = any(m.to == move.from_org and m is not move for m in entity.moves)
                # An open end is "not said", not "still there": only stated ends can disagree.
                stated = [e for e in ends if e is not None]
                if (
                    stated
                    and len(stated) == len(ends)
                    and not returns
                    and not any(compatible(e, move.date) for e in stated)
                ):
                    yield Problem(
                        ENTITIES,
                        entity.id,
                        f"leaves {move.from_org} in {move.date}, roles there end {ends}",
                    )


def check_went_to(base: FactBase) -> Iterator[Problem]:
    """`went_to` names the organisations the moves go to, and no other."""
    for entity in base.entities.values():
        if entity.went_to is None:
            continue
        said = to_simplified(entity.went_to).casefold()
        # went_to is where they went after their last departure from OpenAI.
        last = max((i for i, m in enumerate(entity.moves) if m.from_org == HOME), default=-1)
        destinations = {m.to for m in entity.moves[last:] if m.to is not None and m.to != HOME}
        for org in destinations:
            names = _names(base.entities[org])
            if not any(name in said for name in names):
                yield Problem(ENTITIES, entity.id, f"went_to does not name {org}, where a move goes")
            for name in names:  # "Google DeepMind" names DeepMind, not Google
                said = said.replace(name, " ")
        for other in base.entities.values():
            if (
                other.kind == "org"
                and other.id not in destinations | {HOME}
                and any(n in said for n in _names(other))
            ):
                yield Problem(ENTITIES, entity.id, f"went_to names {other.id}, but no move goes there")


def check_events_against_moves(base: FactBase) -> Iterator[Problem]:
    """A departure or arrival event has a move of the same person to match, on a compatible date."""
    for fact in base.events():
        if fact.type not in DEPARTURES and fact.type not in ARRIVALS - {EventType.APPOINTED}:
            continue
        orgs = [p.entity for p in fact.participants if p.role == ParticipantRole.ORG]
        people = [
            p.entity
            for p in fact.participants
            if p.role == ParticipantRole.SUBJECT and base.entities[p.entity].kind == "person"
        ]
        for person in people:
            for org in orgs:
                moves = base.entities[person].moves
                if fact.type in DEPARTURES:
                    matching = [m for m in moves if m.from_org == org]
                else:
                    matching = [m for m in moves if m.to == org]
                if not matching:
                    yield Problem(
                        _record_file(base, fact), fact.id, f"{fact.type} of {person} at {org} has no move"
                    )
                elif not any(compatible(m.date, fact.date) for m in matching):
                    dates = [m.date for m in matching]
                    yield Problem(
                        _record_file(base, fact),
                        fact.id,
                        f"{fact.type} of {person} at {org} on {fact.date}, moves say {dates}",
                    )


def crosscheck(base: FactBase) -> list[Problem]:
    """Every disagreement between events, moves, roles and went_to."""
    return [
        *check_events(base),
        *check_moves(base),
        *check_went_to(base),
        *check_events_against_moves(base),
    ]


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def unquoted_figures(base: FactBase) -> list[Problem]:
    """Numbers in an answer that none of its quotes (nor the fact's date) contains: a quote
    that stops short of its sentence, or a figure taken from the next one."""
    problems = []
    for fact in base.facts:
        quoted = to_simplified(" ".join(c.quote for c in fact.sources)).replace(" ", "")
        quoted += " " + (fact.date or "").replace("-", " ")
        # "今年", "去年", "昨天" are resolved against the article's publication date, and the
        # outlet may be inferred from a byline: both are stated in sources.yaml with evidence.
        for citation in fact.sources:
            meta = base.articles[citation.article].meta
            day = meta.published
            quoted += f" {day.year} {day.year - 1} {day.month} {day.day} {meta.outlet or ''}"
        answer = to_simplified(fact.answer)
        missing = [
            n
            for n in dict.fromkeys(_NUMBER.findall(answer))
            if n not in quoted and n.lstrip("0") not in quoted
        ]
        if missing:
            problems.append(
                Problem(_record_file(base, fact), fact.id, f"answer figures not quoted: {missing}")
            )
    return problems
