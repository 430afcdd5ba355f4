"""The records of the fact base, as pydantic models.

Every file under facts/ is validated against these models when it is loaded;
cross-record rules (quotes verbatim, references defined, ids and aliases unique)
live in :mod:`bot.factbase.loader`.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Intent(StrEnum):
    """What a question asks for; a fact lists the intents it can answer."""

    WHEN = "when"  # a point in time
    WHO = "who"  # a person or organisation
    WHERE = "where"  # a place, school or destination (where did X go)
    WHY = "why"  # reasons, causes
    HOW_MANY = "how_many"  # numbers, amounts, durations, shares
    SOURCE = "source"  # which outlet reported it
    HOW = "how"  # manner, reaction, evaluation, what someone said
    WHAT = "what"  # anything else: descriptions, definitions


def precision_of(value: str) -> Precision:
    """The precision a partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) is written with."""
    match = _PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:  # impossible months and days, e.g. 2024-02-30
        raise ValueError(f"invalid date {value!r}: {exc}") from None
    if day:
        return Precision.DAY
    return Precision.MONTH if month else Precision.YEAR


def _record_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"id must be lower-case letters, digits and dashes: {value!r}")
    return value


RecordId = Annotated[str, AfterValidator(_record_id)]


def _partial_date(value: str) -> str:
    precision_of(value)  # raises ValueError for anything but YYYY, YYYY-MM or YYYY-MM-DD
    return value


PartialDate = Annotated[str, AfterValidator(_partial_date)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EventType(StrEnum):
    """What kind of thing an event is: lists, orders and the timeline select by it."""

    JOINED = "joined"  # someone joined an organisation (or returned to it)
    LEFT = "left"  # someone left an organisation
    RESIGNED = "resigned"  # someone announced they were leaving or quit a post
    FIRED = "fired"
    REINSTATED = "reinstated"
    APPOINTED = "appointed"  # named to a post, promoted
    TOOK_LEAVE = "took_leave"
    FOUNDED = "founded"  # an organisation, team or company was set up
    DISSOLVED = "dissolved"
    ANNOUNCED = "announced"  # a statement, an offer, a plan made public
    PLANNED = "planned"  # talks, plans, intentions not (yet) carried out
    RELEASED = "released"  # a product or model
    SUED = "sued"
    WITHDREW = "withdrew"  # a lawsuit withdrawn
    INVESTED = "invested"
    CLASHED = "clashed"  # tension, complaints, a conflict
    REPORTED = "reported"  # something the press revealed
    MET = "met"
    GRADUATED = "graduated"
    OTHER = "other"


# Events whose subject leaves an organisation, and whose subject arrives at one.
DEPARTURES = frozenset({EventType.LEFT, EventType.RESIGNED, EventType.FIRED})
ARRIVALS = frozenset({EventType.JOINED, EventType.APPOINTED, EventType.REINSTATED})


class ParticipantRole(StrEnum):
    ACTOR = "actor"  # who acted: who fired, founded, sued, announced
    SUBJECT = "subject"  # who was acted on, or whom the event is about: who left, was fired
    ORG = "org"  # the organisation it happened in or to


class Citation(_Record):
    """A verbatim quote from a cleaned article."""

    article: str
    quote: str = Field(min_length=2)


class SourceMeta(_Record):
    id: str
    file: str
    script: Literal["simplified", "traditional"]
    title: str
    outlet: str | None = None  # omit the key when the text names no outlet
    # The text does not name the outlet; it is inferred (a000: 36氪, from its byline's format).
    outlet_inferred: bool = False
    byline: str | None = None
    outlet_evidence: str
    published: date
    precision: Precision
    date_evidence: str

    def shown_outlet(self, unknown: str) -> str:
        """The outlet as a reader may be told it: an inferred one says so, none is `unknown`."""
        if self.outlet is None:
            return unknown
        return f"{self.outlet}(据署名推断)" if self.outlet_inferred else self.outlet


class Participant(_Record):
    entity: str  # entity id
    role: ParticipantRole


class Tally(_Record):
    """A count the articles state of a set they need not name in full ("12位高管" left in 2024,
    "11位原始创始人"): a list of the named members says how much of the whole it covers."""

    of: Literal["founders", "departures"]
    org: str  # entity id
    count: int = Field(ge=1)
    date: PartialDate | None = None  # the span the count covers, a partial date


class Role(_Record):
    title: str  # simplified Chinese, e.g. 首席技术官
    org: str | None = None  # entity id
    start: PartialDate | None = None  # partial ISO date
    end: PartialDate | None = None
    sources: list[Citation] = Field(default_factory=list)


class Move(_Record):
    """A change of organisation: `from` left, `to` joined (either may be unknown), on `date`
    when the articles date it. `to_text` says where someone went when it is no organisation
    ("休息", "继续从事机器人技术")."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_org: str | None = Field(default=None, alias="from")  # entity id
    to: str | None = None  # entity id
    to_text: str | None = None  # simplified Chinese, when `to` is not an organisation
    date: PartialDate | None = None  # partial ISO date
    sources: list[Citation] = Field(min_length=1)

    @model_validator(mode="after")
    def _somewhere(self) -> Move:
        if self.from_org is None and self.to is None and self.to_text is None:
            raise ValueError("a move needs from, to or to_text")
        return self


class Entity(_Record):
    """A person or organisation the articles name."""

    id: RecordId
    kind: Literal["person", "org", "product"]
    # Only where the articles show it (她/他 used of the person): a follow-up's 她 picks by it.
    gender: Literal["female", "male"] | None = None
    name: str  # canonical display name, simplified Chinese
    name_en: str | None = None
    aliases: list[str] = Field(default_factory=list)
    summary: str  # one sentence, simplified Chinese
    roles: list[Role] = Field(default_factory=list)
    went_to: str | None = None  # where they went after leaving, simplified Chinese
    moves: list[Move] = Field(default_factory=list)  # typed changes of organisation, in date order
    part_of: str | None = None  # the organisation a team belongs to (entity id)
    sources: list[Citation] = Field(min_length=1)

    def all_names(self) -> list[str]:
        names = [self.name, *self.aliases]
        if self.name_en:
            names.append(self.name_en)
        return names


class Fact(_Record):
    """One answerable statement: an event, a claim, a figure or a quote."""

    id: RecordId
    kind: Literal["event", "claim", "figure", "quote"]
    entities: list[str] = Field(default_factory=list)
    intents: list[Intent] = Field(min_length=1)
    date: PartialDate | None = None  # partial ISO date; required for events
    precision: Precision | None = None
    answer: str = Field(min_length=2)  # canonical simplified Chinese, one or two sentences
    questions: list[str] = Field(min_length=2)
    keywords: list[str] = Field(default_factory=list)
    sources: list[Citation] = Field(min_length=1)
    conflict: str | None = None  # facts sharing a conflict key disagree with each other
    # A later article's fact that overtakes this one ("去向成谜" in May, "创立了SSI" in September):
    # the engine answers with it and shows this one as the earlier report.
    superseded_by: str | None = None
    note: str | None = None  # for maintainers: how a relative date was resolved, etc.
    type: EventType | None = None  # events only: what kind of event
    tally: Tally | None = None  # a count of a set the fact states
    # People in the order the fact states, earliest group first ("Ilya和Leike先后宣布离开";
    # "Murati宣布离职几个小时后,McGrew和Zoph也陆续官宣": [[murati], [mcgrew, zoph]]): an order
    # the dates alone cannot give when they fall in the same month or day.
    sequence: list[list[str]] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)  # events only: who, in what role

    @model_validator(mode="after")
    def _date_and_precision(self) -> Fact:
        if self.kind == "event" and self.date is None:
            raise ValueError("an event needs a date")
        if self.date is not None:
            actual = precision_of(self.date)
            if self.precision is None:
                raise ValueError("a dated fact needs a precision (day, month or year)")
            if self.precision != actual:
                raise ValueError(
                    f"precision {self.precision.value!r} does not match date {self.date!r} "
                    f"(written to the {actual.value})"
                )
        elif self.precision is not None:
            raise ValueError("precision given without a date")
        if self.kind != "event" and (self.type is not None or self.participants):
            raise ValueError("only an event has a type and participants")
        return self
