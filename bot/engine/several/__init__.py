"""Answers that need several facts: lists and counts, who held a role when, order, durations
and broad questions (issue #22).

The engine asks `SeveralFacts.answer(question, analysis, script)` before its single-fact
route; None means "not a question of several facts", and the single-fact path answers as
before. Every answer here is built from typed data (moves, roles, event types and dates) and
says what it covers; what the data cannot settle is declined, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from bot.engine.answer import Reply
from bot.engine.lookups import interval
from bot.engine.matcher import Candidate, Matcher, QueryAnalysis
from bot.engine.normalise import matching_key
from bot.engine.rules import LazyPattern
from bot.engine.several import digest, durations, fitting, frame, labels, lists, order, roles_at
from bot.engine.several.common import PRECISION_WORDS, Context, dates_in, show_date, sort_key, story_home
from bot.engine.several.labels import NO_COUNT, NO_NAMES
from bot.factbase.crosscheck import compatible
from bot.factbase.loader import FactBase
from bot.factbase.models import Citation, Entity, EventType, Fact, Intent, Precision, precision_of
from bot.text import Script, TraditionalVariant, to_script, to_simplified

__all__ = ["SeveralFacts"]


def _span_of(text: str) -> tuple[date, date] | None:
    """The days "2023年以前" or "2020年以后" cover, if the question says so."""
    before, after = frame.BEFORE_YEAR.search(text), frame.AFTER_YEAR.search(text)
    if before is None and after is None:
        return None
    low, high = date.min, date.max
    if after is not None:
        low = date(int(after.group(1) or after.group(2)), 1, 1)
    if before is not None:
        high = date(int(before.group(1) or before.group(2)) - 1, 12, 31)
    return low, high


# A group the articles count but do not name: "三名高级研究人员", "数十名员工".
_GROUP = LazyPattern(r"(?:\d+|[一二两三四五六七八九十数几]+)(?:多)?(?:名|位)")
# A group counted loosely ("数十名员工"), or a question for its exact count ("确切是几个人").
_VAGUE_GROUP = LazyPattern(r"数十|几十|数百|几百|上百|(?<![\d十百千])多名|数名|一些|不少")
_EXACT_ASKED = LazyPattern(r"确切|具体|到底|究竟|\bexact")
# A group the question points back to ("那几个研究员", "嗰三位"): a fact stating a group fits it.
_GROUP_POINTED = LazyPattern(r"[这那呢嗰](?:几|[一二两三四五六七八九十\d]+)(?:个|位|名)")
_POST = r"(?:ceo|cto|cfo|首席|总裁|董事长|执行长|行政总裁|chief|president|chair)"
_PRONOUN = LazyPattern(r"[他她它]|\b(?:he|she|him|her|his|they|them)\b")
# A count the question puts on the people it asks for: "那12位高管", "三个人".
_ASKED_COUNT = LazyPattern(r"(?<![数几\d])(\d+|[一二两三四五六七八九十]+)\s*(位|名|个人|人)")
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def _count_value(number: str) -> int | None:
    """12, 十二, 三 as a number (up to 99); None for what is not one."""
    if number.isdigit():
        return int(number)
    if "十" in number:
        tens, _, ones = number.partition("十")
        return (_DIGITS.get(tens, 1) if tens else 1) * 10 + (_DIGITS.get(ones, 0) if ones else 0)
    return _DIGITS.get(number) if len(number) == 1 else None


# A collective name a fact gives the people it names: a naming verb, then the name quoted
# ("被外界称为OpenAI“四大天王”", "known as the 'big four'"); an organisation's name may stand
# between them.
_COLLECTIVE = LazyPattern(
    r"(?:称为|称作|称之为|叫做|号称|并称|合称|统称|\bdubbed\b|\bknown as\b)\s*(?:the\s+)?(?:[a-z0-9]+\s*)?"
    r"[“「\"『']([^”」\"』']{2,12})[”」\"』']"
)
# "到2024年9月(为止/已经)", "截至…", "as of …": a bound on the date, not a month asked.
_BY_DATE = LazyPattern(
    r"(?:截至|截止|\bas of\b|\bby\b)\s*(?:20)?\d\d|到\s*(?:20)?\d\d\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*[日号])?\s*"
    r"(?:为止|止|时|的时候|嗰阵|[,，]?\s*(?:已经|已|仲|还|都))"
)


# The noun a which-ones question asks people by ("边几个华人", "哪几位女性"): 2-4 characters
# after a plural interrogative and a classifier, ending the clause.
_DESCRIBED = LazyPattern(
    r"(?:哪些|哪几|边几|边啲|有几)(?:个|位|名)([\u4e00-\u9fff]{2,4}?)(?:呢|啊|呀|吖|嘅|的)?\s*(?:[?？,，。!！]|$)"
)
# Words for people in general or for posts: other frames and the facts answer those.
_GENERIC_PEOPLE = LazyPattern(
    r"^(?:人|人员|个人|高管|高层|员工|成员|研究员|创始人|联创|联合创始人|大佬|同事)$"
)


def _described_noun(text: str) -> str | None:
    """The noun a which-ones question describes people by, unless it is a generic one."""
    found = _DESCRIBED.search(text)
    if found is None or _GENERIC_PEOPLE.match(found.group(1)):
        return None
    return found.group(1)


def _by_date(text: str, when: list[str]) -> tuple[date, date] | None:
    """The days a question bounds its group by: up to the end of the date it names after 到
    (not 从…到, a range) or 截至/by ("到24年9月已经走了"), else the date itself ("9月走的")."""
    if not when:
        return None
    if _BY_DATE.search(text) or (re.search(r"到\s*(?:20)?\d\d\s*年", text) and "从" not in text):
        return date.min, interval(when[0])[1]
    return interval(when[0])


# Items a fact enumerates: two or more joined by 、, or the last by 和/与/及/或 after one 、
# ("消费者、开发者和企业"); a which-ones question's items when the fact is about its subject.
_ENUMERATION = LazyPattern(
    r"[^\s,，。;；、]{1,12}、[^\s,，。;；、]{1,12}(?:、|和|与|及|或|以及)[^\s,，。;；、]{1,12}"
)
# How near the answering bar, and how far ahead of the next fact, such a fact must be: a
# list question's asking words ("哪几类") lower a fitting fact's score a little, no more.
ENUMERATION_BAR = 0.85
ENUMERATION_LEAD = 0.1


# The event types a person's moves tell (leaving, joining, coming back, and announcing one:
# "宣布离职"): any other type a part's verb names is an event of its own.
_MOVE_TYPES = frozenset(
    {EventType.RESIGNED, EventType.LEFT, EventType.JOINED, EventType.REINSTATED, EventType.ANNOUNCED}
)


# Words by which a fact itself states an order ("后加入", "此前", "then").
_STATES_ORDER = LazyPattern(r"先|后|此前|之前|随后|然后|接着|\bbefore\b|\bafter\b|\bthen\b|\blater\b")
_NUMBER = LazyPattern(r"\d|[一二两三四五六七八九十百千万]+(?:位|名|个|人|年|家)")


def finer_told(events: list[Candidate], wanted: frozenset[EventType]) -> Candidate | None:
    """Among the dated candidates for an operand (best first), one that uses more of the
    operand's words than the best and is dated more precisely, scoring at least half as well:
    the same thing told more exactly, not a neighbour (a letter on its day, not a month's
    summary that mentions it). Never one of another kind than the verb names when the best
    is of that kind."""
    top = events[0]
    finer = [
        c
        for c in events
        if c.coverage > top.coverage
        and c.score >= top.score * 0.5
        and len(c.fact.date or "") > len(top.fact.date or "")
        and (c.fact.type in wanted or top.fact.type not in wanted)
    ]
    return max(finer, key=lambda c: c.score, default=None)


@dataclass(slots=True)
class SeveralFacts:
    base: FactBase
    matcher: Matcher
    variant: TraditionalVariant = "tw"
    # The frames rank the same analysis several times; scoring is the costly part, so once per
    # question (cleared by each answer()).
    _ranked: dict[tuple[QueryAnalysis, int], list[Candidate]] = field(default_factory=dict)
    home: str = field(init=False)  # the organisation the story is about, computed once
    # Events of a group the articles count but do not name: the only facts _unnamed answers with.
    _group_events: frozenset[str] = field(init=False)
    _collective_names: list[tuple[str, Fact, list[Entity]]] | None = None

    def __post_init__(self) -> None:
        self.home = story_home(self.base)
        self._group_events = frozenset(
            f.id
            for f in self.base.facts
            if f.kind == "event"
            and (f.tally or _GROUP.search(f.answer))
            and not any(self.base.entities[p.entity].kind == "person" for p in f.participants)
        )

    def _rank(self, analysis: QueryAnalysis, limit: int = 5) -> list[Candidate]:
        key = (analysis, limit)
        if key not in self._ranked:
            self._ranked[key] = self.matcher.rank(analysis, limit)
        return self._ranked[key]

    def answer(self, question: str, analysis: QueryAnalysis, script: Script) -> Reply | None:
        """The answer of several facts to `question`, or None when it asks for one fact."""
        self._ranked.clear()
        if analysis.foreign:
            return None  # it names someone or a year the articles do not: the engine declines
        text = to_simplified(question).casefold()
        ctx = Context(self.base, self.variant, script, question)
        misread = (
            Intent.HOW_MANY in analysis.intents
            and bool(frame.WHICH_ONES.search(text))
            and not frame.TRUE_COUNT.search(text)
        )
        if misread:
            # "佢点名咗边几个人", "住过边几个国家": which ones, not how many; read without the
            # count (and the units it would require of an answer)
            analysis = replace(
                analysis,
                intents=tuple(i for i in analysis.intents if i != Intent.HOW_MANY),
                slots=replace(analysis.slots, units=(), counted=frozenset(), share_of=()),
            )
        # A person a title only describes ("那位CFO") is the answer to a who-question, not its subject.
        people = [
            e
            for e in analysis.entities
            if self.base.entities[e].kind == "person"
            and not (e in analysis.described and Intent.WHO in analysis.intents)
        ]
        others = [e for e in analysis.entities if self.base.entities[e].kind != "person" and e != self.home]
        when = dates_in(text, self.base)
        kind = frame.detect(text)
        if kind == frame.Frame.LIST and (besides := frame.BESIDES.search(text)):
            # "除了Altman被炒,还有谁辞职": those named there are left out, not the list's subject.
            ctx.besides = frozenset(
                e for e in self._named(besides.group(1)) if self.base.entities[e].kind == "person"
            )
            people = [p for p in people if p not in ctx.besides]
        # How two named things relate, when no one fact answers it.
        if (
            kind is None
            and frame.RELATION.search(text)
            and len(analysis.entities) >= 2
            and not self.matcher.accepts(self._rank(analysis))
        ):
            kind = frame.Frame.DIGEST
        reply: Reply | None = None
        if frame.DAY_ASKED.search(text) and len(people) == 1:
            reply = self._day_of_move(ctx, self.base.entities[people[0]], text)
        if reply is None and frame.WHEN_ASKED.search(text) and frame.AGAIN.search(text) and len(people) == 1:
            reply = self._undated_second_move(ctx, self.base.entities[people[0]], text)
        if reply is None:
            # "A跟B,哪个在前", "what came first, A or B": two dated things compared, whatever
            # the cue words; when they are not two dated things, the frames below decide.
            reply = self._order_of_operands(ctx, text, people)
        if (
            reply is None
            and frame.ORDER_EXTREME.search(text)
            and not frame.FOUNDER.search(text)
            and (group := self._group_asked(text, analysis)) is not None
        ):
            # "所谓「四大天王」里面,谁最早离开": the members the fact naming the group lists
            verb: order.Verb = (
                "join" if frame.JOIN_VERB.search(text) and not frame.LEAVE.search(text) else "leave"
            )
            reply = order.extreme(
                ctx,
                verb,
                latest=bool(frame.LATEST.search(text)),
                founders_only=False,
                group=group[:2],
                complete=group[3],
            )
        if reply is None and kind == frame.Frame.ORDER:
            reply = self._order(ctx, text, people, others, when)
        elif kind == frame.Frame.DURATION:
            reply = self._duration(ctx, text, people, analysis)
        if (
            reply is None
            and (what := frame.WHAT_THERE_WAS.search(text))
            and frame.DAY_ANCHOR.search(text)
            and (
                frame.ELSE.search(text)
                or frame.EVENT_NOUN.search(text[what.end() :])
                or not self.matcher.accepts(self._rank(analysis))
            )
        ):
            # "X那天还有什么新闻", "11/18那天Altman有啥进展": the events of a day, unless it
            # asks for a thing one fact gives ("那天他告诉投资者有什么打算")
            reply = self._day_list(ctx, text)
        if (
            reply is None
            and len(people) == 1
            and frame.TITLES_ASKED.search(text)
            and frame.SEVERAL_HELD.search(text)
        ):
            # "Mira在OpenAI前前后后做过哪些职位", "他辞职那时身兼哪两个职务": the posts of one
            # person from the typed roles, not the one fact that mentions a post best
            reply = self._titles(ctx, text, analysis, self.base.entities[people[0]], others, when)
        if reply is None:
            reply = self._role_holders(ctx, text, analysis, people, others, when)
        if reply is None and kind == frame.Frame.DIGEST:
            reply = self._digest(ctx, text, analysis, people, others, when)
        if reply is None:
            reply = self._unnamed(ctx, analysis, text)
        if (
            reply is None
            and len(people) == 1
            and frame.CAREER.search(text)
            and frame.BEFORE_HOME.search(text)
        ):
            # "她加入OpenAI之前在哪些公司工作过": the dated roles elsewhere before she joined, from
            # the typed data (every employer ever is left to the facts: roles miss some)
            reply = lists.career(ctx, self.base.entities[people[0]])
        if reply is None and kind == frame.Frame.LIST:
            if frame.COUNT.search(text) and self._stated_figure(
                analysis, counts_departures=bool(frame.LEAVE.search(text))
            ):
                return None  # a count the articles state wins over counting the named
            reply = self._list(ctx, text, analysis, people, others, when)
            if reply is None and not people:
                # "文章提到哪几个华人": the people the articles describe by that noun
                reply = lists.described_as(ctx, _described_noun(text), self.matcher.content_tokens)
            reply = self._count_agrees(ctx, text, reply)
        if reply is None and misread:
            reply = self._one_fact_lists(ctx, analysis)
        if (
            reply is None
            and frame.OCCASIONS.search(text)
            and not frame.FIRST_TIME.search(text)
            and not frame.ASKS_WHO_PERSON.search(text)  # who did it is asked, not every time
        ):
            reply = self._occasions(ctx, text, analysis)
        if (
            reply is None
            and (
                misread
                or fitting.ASKS_SEVERAL.search(text)
                or kind == frame.Frame.DIGEST
                or frame.SEVERAL_ASKED.search(text)
            )
            and not (fitting.POINTS.search(text) and not people)
        ):
            reply = self._fitting(
                ctx,
                analysis,
                asks_people=bool(fitting.ASKS_PEOPLE.search(text)),
                asks_several=bool(fitting.ASKS_SEVERAL.search(text)),
                asks_named_people=bool(fitting.ASKS_NAMED_PEOPLE.search(text)),
                when=when[0] if when else None,
            )
        if reply is None and frame.WHICH_ONES.search(text) and not misread:
            reply = self._enumerating_fact(ctx, analysis)
        if reply is not None and not reply.answered and not reply.suggestions:
            reply = replace(reply, suggestions=self._suggestions(analysis, script))
        return reply

    def _suggestions(self, analysis: QueryAnalysis, script: Script) -> tuple[str, ...]:
        """Questions the articles do answer about what was asked: with a decline, never alone."""
        pool = [c.fact for c in self._rank(analysis)]
        pool += [f for e in analysis.entities for f in self.base.by_entity.get(e, [])[:3]]
        questions = dict.fromkeys(f.questions[0] for f in pool)
        return tuple(to_script(q, script, self.variant) for q in list(questions)[:3])

    # -- frames -----------------------------------------------------------------------------

    def _order(
        self, ctx: Context, text: str, people: list[str], others: list[str], when: list[str]
    ) -> Reply | None:
        verb: order.Verb = (
            "join" if frame.JOIN_VERB.search(text) and not frame.LEAVE.search(text) else "leave"
        )
        pair = self._two_events(text, people)
        if pair is not None:
            return durations.in_order(ctx, *pair)
        if len(people) == 1 and not others and frame.FIRST_OR.search(text):
            return self._order_not_stated(ctx, self.base.entities[people[0]])
        title = roles_at.asked_title(text)
        if len(people) >= 2 and title is not None and frame.APPOINT_VERB.search(text):
            # "Murati和Shear谁先当上临时CEO": who took up the post first.
            return order.took_post(ctx, [self.base.entities[p] for p in people], *title)
        if len(people) >= 2:
            return order.between(ctx, [self.base.entities[p] for p in people], verb)
        if not people and not others and frame.ORDER_EXTREME.search(text):
            latest = bool(frame.LATEST.search(text))
            if frame.FOUNDER.search(text):
                return order.extreme(ctx, verb, latest=latest, founders_only=True)
            if when:  # "2024年9月那三个人里谁最先宣布离职": of those the date bounds
                return order.extreme(ctx, verb, latest=latest, founders_only=False, when=when[0])
        return None

    def _two_events(self, text: str, people: list[str]) -> tuple[durations.Point, durations.Point] | None:
        """The two things an order question names, each found as a dated event or move: "A是
        发生在B前面还是后面", "A跟B哪个先发生", "X是先A还是先B". None when it names no two
        dated things, or two bare names (people compared by their moves instead)."""
        pair = frame.EVENT_ORDER.search(text)
        subject = ""
        if pair is not None:
            parts = [g for g in pair.groups() if g]
        elif (first_or := frame.FIRST_OR.search(text)) is not None:
            subject, *parts = first_or.groups()
            persons = [self._named(subject), self._named(parts[1]) - self._named(subject)]
            same_verb = parts[1].rstrip(" ?？。!！的").endswith(parts[0].strip(" ,，的"))
            if same_verb and all(any(self.base.entities[e].kind == "person" for e in p) for p in persons):
                return (
                    None  # "Leike先走还是Schulman先走": two people doing one thing, compared by their moves
                )
        elif (which := frame.WHICH_FIRST.search(text)) is not None:
            parts = list(which.groups())
            if all(self._bare_person(part) for part in parts):
                return None  # "Murati和Shear谁先…": two people, compared by what they did
        else:
            return None
        # "Leike先走还是Schulman先走": the subject before 先 is whom the first part is about.
        named = tuple(p for p in self._named(subject) if self.base.entities[p].kind == "person") or tuple(
            people
        )
        first, second = (self._point_named(part.strip(" ,，"), named, text) for part in parts)
        if first is None or second is None or first.key == second.key:
            return None
        return first, second

    def _order_of_operands(self, ctx: Context, text: str, people: list[str]) -> Reply | None:
        """An order question read by its structure (frame.order_operands): the first way of
        parting it whose two operands are two dated things. None when they are two bare
        names (people are compared by their moves) or no parting finds two."""
        for parts in frame.order_operands(text):
            if all(self._bare_person(part, several=True) for part in parts):
                return None  # "Kingma、Karpathy同Vagata,边个最早离开": people, by their moves
            first, second = (self._point_named(part, tuple(people), text) for part in parts)
            if first is not None and second is not None and first.key != second.key:
                names = tuple(self._names_of(part) for part in parts)
                return durations.in_order(ctx, first, second, (names[0], names[1]))
        return None

    def _names_of(self, part: str) -> str:
        """What a part of a question names, by the fact base's names of its entities."""
        named = self.matcher.analyse(matching_key(to_simplified(part).casefold())).entities
        return "、".join(self.base.entities[e].name for e in named[:2])

    def _day_list(self, ctx: Context, text: str) -> Reply | None:
        """The events of the day a question keys on: a day it names before "那天" (or names
        alone), or the day of the event it names there ("Schulman跳槽那天"), that event left
        out; about whoever the rest of the question names. None when the day is not known to
        the day, or fewer than two events fall on it."""
        anchor = frame.DAY_ANCHOR.search(text)
        clause, rest = (text[: anchor.start()], text[anchor.end() :]) if anchor else ("", text)
        if anchor is not None and re.fullmatch(r"\W*(?:(?:what|which|who|and|so|on|in)\b.*)?", clause):
            # English puts the day's event after it: "what else happened the same day X", "on
            # the same day X, what else": the event up to a comma, the rest asks
            event = re.split(r"[,，?？]", rest, maxsplit=1)[0]
            clause, rest = event, clause + " " + rest[len(event) :]
        days = [d for d in dates_in(clause or text, self.base) if precision_of(d) == Precision.DAY]
        leave_out: set[str] = set()
        if days:
            day = days[0]
        elif anchor is not None and clause.strip(" ,，"):
            point = self._point_named(clause.strip(" ,，的"), (), text)
            if point is None or precision_of(point.date) != Precision.DAY:
                return None
            day = point.date
            leave_out = {f.id for f in point.facts}
            # the anchor's own event, however many facts tell it: those of its people that day
            who = (
                {point.person} if point.person else set(point.facts[0].entities[:1]) if point.facts else set()
            )
            leave_out |= {f.id for f in self.base.events() if f.date == day and who & set(f.entities)}
        else:
            return None
        about = frozenset(
            e
            for e in self._named(rest if anchor else re.sub(r"20\d\d|\d{1,2}\s*[/月]\s*\d{1,2}", "", text))
            if e != self.home and self.base.entities[e].kind in ("person", "org")
        )
        return lists.on_day(ctx, day, about, frozenset(leave_out))

    def _group_asked(
        self, text: str, analysis: QueryAnalysis
    ) -> tuple[str, list[Entity], tuple[Citation, ...], bool] | None:
        """The group a question names: a collective name a fact gives two or more people
        ("被外界称为OpenAI“四大天王”"), with every member (complete); else a team of the
        home organisation it names, with the members the articles give roles in it (not
        complete: a team has more people than the articles name)."""
        for name, fact, members in self._collectives():
            if name in text:
                return name, members, tuple(fact.sources[:1]), True
        for e in analysis.entities:
            team = self.base.entities[e]
            if team.part_of is None:
                continue
            members = [
                p
                for p in self.base.entities.values()
                if p.kind == "person" and any(r.org == e for r in p.roles)
            ]
            if len(members) >= 2:
                return (
                    team.name,
                    members,
                    tuple(c for p in members for r in p.roles if r.org == e for c in r.sources[:1]),
                    False,
                )
        return None

    def _collectives(self) -> list[tuple[str, Fact, list[Entity]]]:
        """Every collective name a fact gives the people it names, once per engine."""
        if self._collective_names is None:
            found = []
            for fact in self.base.facts:
                members = [
                    self.base.entities[e] for e in fact.entities if self.base.entities[e].kind == "person"
                ]
                if len(members) < 2:
                    continue
                for match in _COLLECTIVE.finditer(to_simplified(fact.answer).casefold()):
                    found.append((match.group(1), fact, members))
            self._collective_names = found
        return self._collective_names

    def _group_named(self, phrase: str) -> tuple[str, list[Entity]] | None:
        """A group by the name a question gives it ("所谓OpenAI「四大天王」"): the people of the
        fact that names it so (the most people, if several do), in the fact's order; None when
        no fact names two or more people under that name."""
        home_names = [n.casefold() for n in self.base.entities[self.home].all_names()] if self.home else []
        name = re.sub(r"所谓|所謂|\bthe\b|[「」『』“”\"'《》()（）]", "", phrase)
        for home_name in home_names:
            name = name.replace(home_name, "")
        name = name.strip(" ,，的嘅's")
        if len(name) < 2:
            return None
        named = [
            (f, [self.base.entities[e] for e in f.entities if self.base.entities[e].kind == "person"])
            for f in self.base.facts
            if name in to_simplified(f.answer).casefold()
        ]
        named = [(f, people) for f, people in named if len(people) >= 2]
        if not named:
            return None
        _fact, members = max(named, key=lambda pair: len(pair[1]))
        return name, members

    def _one_fact_lists(self, ctx: Context, analysis: QueryAnalysis) -> Reply | None:
        """A which-ones question one fact answers well on its own, read without the how-many
        misreading: that fact, which itself names the items ("是Barret和Liam、Luke等人"), as
        the list; None when no fact answers it alone (several facts may, see _fitting)."""
        ranked = self._rank(analysis)
        if not ranked or not self.matcher.accepts(ranked) or not ranked[0].features.states_asked:
            return None
        if len(ranked) > 1 and ranked[0].score - ranked[1].score < digest.CLEAR_LEAD:
            return None  # another fits about as well: the facts together, if any
        return _one_fact_list(ctx, ranked[0].fact)

    def _enumerating_fact(self, ctx: Context, analysis: QueryAnalysis) -> Reply | None:
        """A which-ones question one fact answers by enumerating the items ("把研究用于消费者、
        开发者和企业"), though a list question's words fit it a little under the answering bar:
        that fact as the list, when it is about everything the question names, states what
        is asked, and leads the next fact clearly. None otherwise (the engine declines)."""
        ranked = self._rank(analysis)
        if not ranked or not analysis.entities or self.matcher.accepts(ranked):
            return None  # nothing fits, or the fact answers on its own path
        top = ranked[0]
        weights = self.matcher.weights
        if (
            top.score < weights.threshold * ENUMERATION_BAR
            or (len(ranked) > 1 and top.score - ranked[1].score < ENUMERATION_LEAD)
            or not top.features.states_asked
            or not set(analysis.entities) <= set(top.fact.entities)
            or not _ENUMERATION.search(top.fact.answer)
        ):
            return None
        return _one_fact_list(ctx, top.fact)

    def _occasions(self, ctx: Context, text: str, analysis: QueryAnalysis) -> Reply | None:
        """Every time something happened ("前前后后有哪几次", "告过几次"): the dated events of
        the kind the question's verb names (else the kind of the event that fits it best)
        about everything it names, in date order, each with its source. None when they fall
        on fewer than two dates: one occasion is a fact's to tell."""
        named = set(analysis.entities)
        if not named:
            return None
        kinds = frame.event_types(analysis.key)
        if not kinds:
            best = next(
                (c.fact for c in self._rank(analysis) if c.fact.kind == "event" and c.fact.type), None
            )
            if best is None or best.type is None:
                return None
            kinds = frozenset({best.type})
        events = [
            f
            for f in self.base.events()
            if f.type in kinds and f.date and f.superseded_by is None and named <= set(f.entities)
        ]
        # one event per date: several facts telling the same occasion are one occasion
        by_date = {f.date or "": f for f in sorted(events, key=lambda f: (f.date or "", -len(f.answer)))}
        days = sorted(by_date)
        if len(days) < 2 or any(compatible(a, b) for i, a in enumerate(days) for b in days[i + 1 :]):
            # fewer than two, or a date that may be another's told coarsely ("2023年11月" and
            # "2023年11月17日"): how many times is not known, so no count is claimed
            return None
        items = [
            ctx.item(f"{show_date(day)}:{f.answer}", day, [f], f.sources[:1])
            for day, f in sorted(by_date.items())
        ]
        return ctx.reply("list", labels.OCCASIONS.format(count=len(items)), items)

    def _bare_person(self, part: str, several: bool = False) -> bool:
        """The part is a person's name and nothing else (`several`: one or more names)."""
        analysis = self.matcher.analyse(matching_key(to_simplified(part).casefold().strip(" ,，")))
        return (
            (len(analysis.entities) == 1 or (several and bool(analysis.entities)))
            and not analysis.tokens
            and all(self.base.entities[e].kind == "person" for e in analysis.entities)
        )

    def _duration(self, ctx: Context, text: str, people: list[str], analysis: QueryAnalysis) -> Reply | None:
        orgs = [e for e in analysis.entities if self.base.entities[e].kind == "org"]
        if frame.LIFETIME.search(text) and not people and orgs:
            return durations.lifetime(ctx, orgs[0])
        title = roles_at.asked_title(text)
        if frame.ROLE_TENURE.search(text) and len(people) == 1 and title is not None:
            # "Mira当了多久的CTO": from the start of that role to its end.
            return durations.role_span(ctx, self.base.entities[people[0]], *title)
        stay = frame.TENURE.search(text)
        # "待了几年就走了": the asking words of the stay, not a gap between two other things.
        rest = text[: stay.start()] + "," + text[stay.end() :] if stay else text
        if stay and len(people) == 1 and not frame.GAP.search(rest):
            where = next((o for o in orgs if o != self.home), self.home)
            # "2023年回OpenAI那次待了多久", "第二次待了多久": the stay after the return
            returned = bool(frame.RETURN.search(text) or frame.AGAIN.search(text))
            return durations.tenure(ctx, self.base.entities[people[0]], where, returned=returned)
        if frame.GAP.search(text):
            pair = durations.two_points(text, lambda part: self._point_named(part, tuple(people), text))
            if pair is not None:
                return durations.between(ctx, *pair, unit=durations.asked_unit(text))
        return None

    def _list(
        self,
        ctx: Context,
        text: str,
        analysis: QueryAnalysis,
        people: list[str],
        others: list[str],
        when: list[str],
    ) -> Reply | None:
        if people:
            return None  # a list about one person (her jobs, his companies) is a fact's to answer
        period = when[0] if when else None
        span = _span_of(text)
        remaining = bool(frame.REMAINING.search(text))
        if (remaining or frame.LEAVE.search(text)) and (group := self._group_asked(text, analysis)):
            # "四大天王到9月走了哪几个", "超级对齐团队的人还剩谁": the group's members first,
            # then the date bounds them (members ∩ left by then), never all who left then
            name, members, defining, complete = group
            by = _by_date(text, when)
            shown = (
                ""
                if by is None
                else labels.BY.format(date=show_date(when[0]))
                if by[0] == date.min
                else show_date(when[0])
            )
            return lists.group_left(
                ctx, name, members, defining, complete, remaining=remaining, span=by, span_shown=shown
            )
        if span is not None:
            period = None
        orgs = [o for o in others if self.base.entities[o].kind == "org"]
        if frame.RELEASED_THINGS.search(text) and (orgs or period):
            # "2024年OpenAI发布咗边啲新模型": the typed release events, not the words' best fact
            home = self.home if self.home in self._named(text) else None
            return lists.released(ctx, orgs[0] if orgs else home, period)
        if frame.FOUNDER.search(text):
            went = [o for o in orgs if o != self.home and self.base.entities[o].part_of is None]
            if went and (frame.LEAVE.search(text) or frame.ARRIVE.search(text)):
                # "which OpenAI founders went to Anthropic": founders who left for it
                return lists.departures(ctx, to=went[0], when=period, founders_only=True, span=span)
            if others:
                return None  # another company's founders: the facts about it answer
            if frame.COMPANY_FOUNDED.search(text):
                return lists.companies_founded(ctx, founders_only=True)
            if frame.REMAINING.search(text):
                titles = bool(frame.EACH.search(text) and frame.TITLES_ASKED.search(text))
                return lists.founders(ctx, remaining=True, titles=titles)
            if frame.LEAVE.search(text):
                if span is not None or period is not None:
                    return lists.departures(ctx, when=period, founders_only=True, span=span)
                return lists.founders(ctx, gone=True)
            return lists.founders(ctx)
        if frame.COMPANY_FOUNDED.search(text) and frame.LEAVE.search(text):
            return lists.companies_founded(ctx)
        if frame.ASKS_COMPANIES.search(text):
            return None  # which companies, not which people: a fact answers
        if frame.ONE_ASKED.match(text):
            return None  # "Who is the product manager who left": one person, a fact's to answer
        if not frame.PEOPLE_ASKED.search(text):
            return None  # "他在新团队做哪些研究方向": a list of things, a fact's to answer
        # A team is no destination of its own: "去了超级对齐团队" is no move.
        orgs = [o for o in orgs if self.base.entities[o].part_of is None]
        if frame.WORKED_AT.search(text) and orgs:
            return lists.worked_at(ctx, orgs)
        left = [o for o in orgs if frame.left_from(text, self.base.entities[o].all_names())]
        if left:  # "离开Anthropic回到OpenAI": who left that organisation
            into = [o for o in orgs if o not in left]
            return lists.departures(ctx, org=left[0], to=into[0] if into else None, when=period)
        if frame.LEAVE.search(text):
            # "9月走的那三个人原本各自是什么职位": each with the post held when leaving
            titles = bool(frame.EACH.search(text) and frame.TITLES_ASKED.search(text))
            if orgs:
                return lists.departures(ctx, to=orgs[0], when=period, span=span, titles=titles)
            if not others:
                return lists.departures(ctx, when=period, span=span, titles=titles)
            return None
        if frame.ARRIVE.search(text) and not others:
            return lists.arrivals(ctx, when=period)
        if frame.ARRIVE.search(text) and orgs:
            if self.home in self._named(text):  # "which Google executives joined OpenAI"
                return lists.arrivals(ctx, when=period, from_org=orgs[0])
            return lists.departures(ctx, to=orgs[0], when=period)
        return None

    def _titles(
        self,
        ctx: Context,
        text: str,
        analysis: QueryAnalysis,
        person: Entity,
        others: list[str],
        when: list[str],
    ) -> Reply | None:
        """The posts `person` held: at the organisation the question names (OpenAI when it
        names only OpenAI), on the date it names or the date of the event it keys on ("辞职那
        时"); every post they held when it names neither."""
        orgs = frozenset(e for e in analysis.entities if self.base.entities[e].kind == "org")
        on = when[0] if when else None
        anchor = frame.TIME_ANCHOR.search(text)
        if on is None and anchor is not None and (clause := text[: anchor.start()].strip(" ,，的")):
            point = self._point_named(clause, (person.id,), text)
            on = point.date if point is not None else None
        return roles_at.titles_of(ctx, person, orgs, on)

    def _role_holders(
        self,
        ctx: Context,
        text: str,
        analysis: QueryAnalysis,
        people: list[str],
        others: list[str],
        when: list[str],
    ) -> Reply | None:
        """ "11月19日OpenAI的CEO是谁", "四天换了哪四个CEO": a title, no one named (a person the
        title only describes is the answer), and a date or words that ask for several holders."""
        title = roles_at.asked_title(text)
        named = [p for p in people if p not in analysis.described]
        if title is not None and len(named) == 1 and frame.ASKS_WHO_PERSON.search(text):
            later = bool(frame.SUCCESSOR.search(text))
            if later or frame.PREDECESSOR.search(text):
                # "在Jakub之前OpenAI的首席科学家是谁", "Murati走了以后谁接任了CTO"
                org = next((o for o in others if self.base.entities[o].kind == "org"), self.home)
                beside = roles_at.next_to(ctx, *title, self.base.entities[named[0]], later, org)
                if beside is not None:
                    reply, nearest = beside
                    ranked = self._rank(analysis)
                    if nearest is None or not (
                        self.matcher.accepts(ranked) and nearest in ranked[0].fact.entities
                    ):
                        return reply
                    # else a fact about the nearest holder answers it, in the articles' words
                    return None
        anchor = frame.TIME_ANCHOR.search(text)
        before, after = (text[: anchor.start()], text[anchor.end() :]) if anchor else ("", "")
        if anchor is not None and not before.strip(" ,，") and (comma := re.search(r"[,，]", after)):
            # English leads with it: "when X, who was …"
            before, after = after[: comma.start()], after[comma.end() :]
        if (
            title is not None
            and anchor is not None
            and roles_at.asked_title(before) is None
            and roles_at.asks_holder(after)
        ):
            # "Altman公开信之前,OpenAI的资安长是谁", "Altman被炒嗰阵OpenAI嘅CTO": a time told by
            # an event; those it names are not whom the question is about, and its date (when
            # the question names none) is when the post is asked about.
            clause = before.strip(" ,，的")
            in_clause = self._named(clause)
            named = [p for p in named if p not in in_clause]
            if not when and clause and (point := self._point_named(clause, (), text)) is not None:
                org = next((o for o in others if self.base.entities[o].kind == "org"), self.home)
                on = point.date
                if anchor.group(0) in ("之前", "以前"):
                    # before X: the day before it, when X is known to the day; else no moment
                    if precision_of(on) != Precision.DAY:
                        return None
                    on = (date.fromisoformat(on) - timedelta(days=1)).isoformat()
                at_event = roles_at.holders(ctx, *title, org, on)
                if at_event.answered:
                    return at_event  # else the articles date no holder then: as if undated
        if (
            title is None
            or (named and not frame.PLURAL_HOLDERS.search(text))
            or not (frame.ASKS_WHO.search(text) or frame.LIST.search(text))
        ):
            return None
        if analysis.described and Intent.WHO not in analysis.intents:
            return None  # "那位前CTO在2016年跳去哪家": asks about the holder, not who held it
        held, shown = title
        org = next((o for o in others if self.base.entities[o].kind == "org"), self.home)
        if not (when or frame.SEQUENCE_OF_HOLDERS.search(text)):
            if org == self.home or named or self.matcher.accepts(self._rank(analysis)):
                return None  # OpenAI's, someone's, or a fact answers it in its own words
            names = "|".join(re.escape(n.casefold()) for n in self.base.entities[org].all_names())
            if not re.search(rf"(?:{names})\s*(?:的|嘅|'s)?\s*(?:现任|当时的?)?\s*{_POST}", text):
                return None  # the post is not that organisation's ("找哪个人来当CEO,跟Anthropic合并")
            # "风波那阵子微软的CEO是谁": another organisation's post, which the articles give
            # one holder of, whenever they write.
            only = roles_at.holders(ctx, held, shown, org)
            return only if only.answered and len(only.items) == 1 else None
        reply = roles_at.holders(ctx, held, shown, org, when[0] if when else None)
        return self._with_related(reply, analysis) if reply.answered and not when else reply

    def _digest(
        self,
        ctx: Context,
        text: str,
        analysis: QueryAnalysis,
        people: list[str],
        others: list[str],
        when: list[str],
    ) -> Reply | None:
        if (
            len([c for c in re.split(r"[?？]", text) if re.search(r"\w", c)]) >= 2
            and len(people) + len(others) != 1
        ):
            # two questions in one: the engine answers them part by part, unless both are
            # about one subject ("X是什么人?他跟这次风波有什么关系?"), which a digest answers
            return None
        subject = (others or people or [e for e in analysis.entities])[:1]
        if when and not others and not people and not frame.WHY.search(text):
            # "2024年5月OpenAI发生了什么": a stretch of time (not its reasons: "why … in 2024")
            return digest.span(ctx, when[0])
        if not subject:
            return None
        ranked = self._rank(analysis, limit=20)
        clear_lead = len(ranked) < 2 or ranked[0].score - ranked[1].score >= digest.CLEAR_LEAD
        if self.matcher.accepts(ranked) and clear_lead and not frame.SEVERAL_ASKED.search(text):
            return None  # one fact answers it well ("穆拉蒂在产品发布前后扮演什么角色")
        # Two named ("Ilya跟Altman怎么闹掰的", "马斯克跟OpenAI有啥恩怨"): the facts about both.
        both = [e for e in analysis.entities if e != subject[0]][:1]
        if frame.STORY.search(text):
            # "讲讲Murati在OpenAI的经历": her story there, when the articles tell enough of it
            story = digest.story(
                ctx, subject[0], within=self.home if self.home in analysis.entities else None
            )
            if story:
                return digest.about(ctx, subject[0], story)
        chosen = digest.choose(
            ctx, subject[0], ranked, asks_why=bool(frame.WHY.search(text)), also=both[0] if both else None
        )
        return digest.about(ctx, subject[0], chosen)

    def _fitting(
        self,
        ctx: Context,
        analysis: QueryAnalysis,
        asks_people: bool,
        asks_several: bool,
        asks_named_people: bool = False,
        when: str | None = None,
    ) -> Reply | None:
        """A list or broad question whose answer is spread over a few facts none of which the
        single-fact path takes alone, or that asks for several things outright ("列几个理由")
        which one fact gives only one of: those facts together (bot.engine.several.fitting)."""
        readings = [analysis]
        if self.home in analysis.entities and any(
            self.base.entities[e].kind == "org" and e != self.home for e in analysis.entities
        ):
            # "xAI那轮融资有哪些OpenAI的投资人": OpenAI named in passing, the facts about xAI
            readings.append(replace(analysis, entities=tuple(e for e in analysis.entities if e != self.home)))
        # Who may answer a who-question: people and organisations ("谁领投"), or only people
        # when names of people are asked ("有哪些成员"): a fact naming no new person lacks them.
        kinds = ("person",) if asks_named_people else ("person", "org")
        everyone = frozenset(e.id for e in self.base.entities.values() if e.kind in kinds)
        asks_people = asks_people or asks_named_people
        for passing, reading in enumerate(readings):
            ranked = self._rank(reading, limit=10)
            if not ranked:
                continue
            accepted = self.matcher.accepts(ranked)
            clear_lead = len(ranked) < 2 or ranked[0].score - ranked[1].score >= digest.CLEAR_LEAD
            if accepted and clear_lead and not asks_several:
                return None  # one fact answers it well
            # Much of the question unknown to the articles: the stricter bar when it names
            # nothing of theirs ("How do I reverse a linked list in Python?").
            unnamed = not reading.entities
            most = self.matcher.weights.unnamed_max_novelty if unnamed else self.matcher.weights.max_novelty
            if ranked[0].features.novelty > most:
                continue
            if when is not None:
                # "9月…有边几个人": facts dated to another time are not of the time asked
                ranked = [c for c in ranked if compatible(c.fact.date, when)]
                if not ranked:
                    continue
            chosen = fitting.choose(
                ranked, everyone if asks_people else frozenset(), frozenset(analysis.entities), accepted
            )
            if not chosen and passing and accepted:
                # Only without the organisation named in passing does one fact answer it, when
                # it names the people asked for.
                chosen = [ranked[0].fact]
                if asks_people and not (set(ranked[0].fact.entities) & everyone) - set(analysis.entities):
                    chosen = []
            if chosen:
                items = [
                    ctx.item(
                        (f"{show_date(f.date)}:" if f.date else "") + f.answer, f.date, [f], f.sources[:1]
                    )
                    for f in sorted(chosen, key=lambda f: (sort_key(f.date), f.id))
                ]
                if asks_people and (counted := _ASKED_COUNT.search(to_simplified(ctx.question))):
                    # "那12位高管是哪些人": facts about some of them are not the set counted.
                    note = NO_NAMES.format(what=f"这{counted.group(1)}{counted.group(2)}")
                    return ctx.decline("list", note, shown=items)
                return ctx.reply("list", labels.FITTING, items)
        if asks_named_people and asks_several:
            # Names of people asked for, and the facts that fit best name no one new: no single
            # fact on the same subject may answer in their place (a decline, never an aside).
            ranked = self._rank(analysis, limit=10)
            if ranked and self.matcher.accepts(ranked):
                top = ranked[0].fact
                if not (set(top.entities) & everyone) - set(analysis.entities):
                    shown = ctx.item(top.answer, top.date, [top], top.sources[:1])
                    return ctx.decline("list", NO_NAMES.format(what="你问的人"), shown=[shown])
        return None

    # -- helpers ----------------------------------------------------------------------------

    def _count_agrees(self, ctx: Context, text: str, reply: Reply | None) -> Reply | None:
        """A list of people for a question that counts them ("那12位高管是哪些人"): when the
        named items are not that many, the list is some other set, not the one asked for."""
        stated = _ASKED_COUNT.search(text)
        if reply is None or not reply.answered or stated is None:
            return reply
        asked = _count_value(stated.group(1))
        if asked is None or asked == len(reply.items):
            return reply
        _, conflict, said = to_simplified(reply.answer).partition(labels.CONFLICT)
        if conflict and any(_count_value(n) == asked for n, _ in _ASKED_COUNT.findall(said)):
            return reply  # one article's own count is the one asked, shown beside the others
        note = NO_NAMES.format(what=f"这{stated.group(1)}{stated.group(2)}")
        return ctx.decline("list", labels.COUNT_MISMATCH.format(named=len(reply.items)) + note)

    def _point_named(self, part: str, people: tuple[str, ...], whole: str = "") -> durations.Point | None:
        """What a part of a how-long question names: a person's move when it names one person
        and a leaving, joining or returning verb ("Ilya走了", "才短暂回去"), else an event."""
        simplified = to_simplified(part).casefold()
        analysis = self.matcher.analyse(matching_key(simplified))
        founded = self._founding_named(analysis, simplified)
        if founded is not None:  # "OpenAI成立后多久": the organisation's founding, whoever else is named
            return durations.point_of(founded)
        own = [e for e in analysis.entities if self.base.entities[e].kind == "person"]
        named = own or list(people)
        if len(named) > 1 and not own and _PRONOUN.search(simplified) and frame.LEAVE.search(simplified):
            # "A和B从…到他离开OpenAI": of the people named, the one who left and stayed gone.
            gone = [p for p in named if lists.left_for_good(self.base.entities[p], self.home)]
            named = gone if len(gone) == 1 else named
        if len(named) == 1 and (took := self._took_post(self.base.entities[named[0]], simplified)):
            return took  # "Mira当上CTO": the start of that post, not an appointment to another
        on = dates_in(simplified, self.base)
        if len(named) == 1 and on and (dated := self._move_on(self.base.entities[named[0]], on[0])):
            return dated  # "2023年回去那次": the one move of theirs the part's own date names
        # A part whose verb names an event other than a move ("跑去告OpenAI": suing, "跑去创立
        # xAI": founding) is that event, not the motion word beside it.
        other_event = bool(frame.event_types(simplified) - _MOVE_TYPES)
        if len(named) == 1 and not other_event:
            # "Schulman跳槽比Leike晚了多久": a part with a person and no verb takes the question's.
            bare = bool(own) and not analysis.tokens  # the part is a name and nothing else
            verb_text = whole if bare else simplified
            moved = self._move_point(self.base.entities[named[0]], verb_text)
            if moved is not None:
                return moved
        if whole and len(analysis.entities) == 1 and not analysis.tokens and not own:
            # A bare organisation ("Anthropic" of "Anthropic跟xAI哪一家比较早成立"): the whole
            # question's words about it alone.
            whole_analysis = self.matcher.analyse(matching_key(to_simplified(whole).casefold()))
            wanted = frame.event_types(whole_analysis.key)
            typed = [
                f
                for f in self.base.events()
                if f.type in wanted and any(p.entity == analysis.entities[0] for p in f.participants)
            ]
            if len({f.date for f in typed}) == 1:  # the one event of the kind the verb names
                return durations.point_of(typed[0])
            analysis = replace(whole_analysis, entities=analysis.entities)
            people = ()
        # A part that names no one but points at someone ("他撤诉") is about the question's
        # people; one that names others ("710名员工联名信") is read as it stands.
        pointing = bool(people) and not own and bool(_PRONOUN.search(simplified))
        fact = self._event_named(
            analysis, people, must_involve=people if pointing else (), on=on[0] if on else None
        )
        if fact is not None and not pointing and not analysis.entities:
            # A part that names no one ("就下台"), or no one the question names, is taken only
            # when its own words find the event surely, or its verb names the event's kind:
            # else it is a guess.
            # Read alone, or about the question's people ("Altman是先跟投资人说…还是先…").
            readings = [analysis, *([replace(analysis, entities=people)] if people else [])]
            surely = any(
                self.matcher.accepts(ranked) and ranked[0].fact.id == fact.id
                for ranked in map(self._rank, readings)
            )
            if not surely and fact.type not in frame.event_types(analysis.key):
                return None
        return durations.point_of(fact) if fact is not None else None

    def _move_on(self, person: Entity, on: str) -> durations.Point | None:
        """The one move of a person dated within `on` (a year, month or day a part of a
        question names), as precisely as `on` or more; None when none or several are."""
        moves = [m for m in person.moves if m.date and m.date.startswith(on)]
        if len(moves) != 1:
            return None
        move = moves[0]
        assert move.date is not None
        leaving = move.from_org == self.home
        where = self.base.entities[self.home].name
        word = (
            "离开"
            if leaving
            else (
                "回归"
                if any(m.from_org == self.home for m in person.moves[: person.moves.index(move)])
                else "加入"
            )
        )
        if move.to != self.home and not leaving:
            return None  # a move elsewhere: the part's words decide, not its date alone
        return durations.Point(
            f"{person.name}{word}{where}", move.date, (), tuple(move.sources[:1]), person.id, move, leaving
        )

    def _took_post(self, person: Entity, text: str) -> durations.Point | None:
        """When someone took up the post a part names with an appointing verb ("当上CTO",
        "升任首席科学家"): the start of their role with that title, when the articles date it."""
        title = roles_at.asked_title(text)
        if title is None or not frame.APPOINT_VERB.search(text):
            return None
        held, _shown = title
        roles = [r for r in person.roles if r.org == self.home and held.search(r.title) and r.start]
        if not roles:
            return None
        role = roles[0]
        assert role.start is not None
        # The appointment as an event the articles tell, when there is one on that date.
        told = [
            f
            for f in self.base.events()
            if f.type == EventType.APPOINTED and f.date == role.start and person.id in f.entities
        ]
        if told:
            return durations.point_of(told[0])
        return durations.Point(
            f"{person.name}出任{role.title}", role.start, (), tuple(role.sources[:1]), person.id
        )

    def _order_not_stated(self, ctx: Context, person: Entity) -> Reply | None:
        """ "X是先A还是先B" of one person, when neither thing is a dated event of theirs: the
        fact the question fits best answers only when it states an order itself; else the
        articles give none, and a list of two things is no order."""
        ranked = self._rank(self.matcher.analyse(matching_key(to_simplified(ctx.question).casefold())))
        if ranked and self.matcher.accepts(ranked) and _STATES_ORDER.search(ranked[0].fact.answer):
            return None
        shown = (
            [
                ctx.item(
                    ranked[0].fact.answer, ranked[0].fact.date, [ranked[0].fact], ranked[0].fact.sources[:1]
                )
            ]
            if ranked and self.matcher.accepts(ranked)
            else []
        )
        return ctx.decline("order", labels.ORDER_NOT_STATED.format(who=person.name), shown=shown)

    def _founding_named(self, analysis: QueryAnalysis, text: str) -> Fact | None:
        """The founding event of the one organisation a part names beside a founding verb
        ("OpenAI成立", "创立Anthropic", "xAI was founded"), not of what it founded later
        ("OpenAI成立营利性子公司": the verb does not stand by the name alone)."""
        orgs = [e for e in analysis.entities if self.base.entities[e].kind == "org"]
        if len(orgs) != 1:
            return None
        names = "|".join(re.escape(n.casefold()) for n in self.base.entities[orgs[0]].all_names())
        if not re.search(
            rf"(?:{names})\s*(?:的)?\s*(?:正式)?(?:成立|创立|诞生|(?:was |got )?founded)(?=$|[后时前,，?？\s]|之|以|那|的时)|"
            rf"(?:成立|创立|创办|创建|founded|founding of)\s*(?:了)?\s*(?:{names})",
            text,
        ):
            return None
        return order.founding(self.base, orgs[0])

    def _day_of_move(self, ctx: Context, person: Entity, text: str) -> Reply | None:
        """ "Altman到底是哪一天复职的": the day of a move the articles date only to the month
        or year is declined, saying what they do give; a day they give is the single-fact
        path's to answer."""
        point = self._move_point(person, text)
        if point is None or precision_of(point.date) == Precision.DAY:
            return None
        item = ctx.item(f"{show_date(point.date)}:{point.text}", point.date, point.facts, point.citations)
        coarse = labels.DAY_UNKNOWN.format(
            what=point.text, date=show_date(point.date), precision=PRECISION_WORDS[precision_of(point.date)]
        )
        return ctx.decline("date", coarse, shown=[item])

    def _undated_second_move(self, ctx: Context, person: Entity, text: str) -> Reply | None:
        """ "Karpathy第二次离开OpenAI是哪一年": a second departure (or arrival) the articles
        state but do not date is declined saying so; a dated one is the single-fact path's."""
        if frame.LEAVE.search(text):
            moves, word = [m for m in person.moves if m.from_org == self.home], "离开"
        elif frame.ARRIVE.search(text) or frame.JOIN_VERB.search(text) or frame.RETURN.search(text):
            moves, word = [m for m in person.moves if m.to == self.home], "加入"
        else:
            return None
        if len(moves) < 2 or moves[1].date is not None:
            return None
        quote = moves[1].sources[:1]
        item = ctx.item(f"「{quote[0].quote}」", None, [], quote) if quote else None
        text = labels.SECOND_UNDATED.format(
            who=person.name, verb=word, org=self.base.entities[self.home].name
        )
        return ctx.decline("date", text, shown=[item] if item else [])

    def _move_point(self, person: Entity, text: str) -> durations.Point | None:
        """The move a verb names: the first departure from OpenAI, the first arrival, or the
        first return after a departure."""
        if frame.RETURN.search(text):
            gone = False
            for move in person.moves:
                gone = gone or move.from_org == self.home
                if gone and move.to == self.home and move.date:
                    return durations.Point(
                        f"{person.name}回归{self.base.entities[self.home].name}",
                        move.date,
                        (),
                        tuple(move.sources[:1]),
                    )
            return None
        verb: order.Verb
        if frame.LEAVE.search(text):
            verb = "leave"
        elif frame.ARRIVE.search(text) or frame.JOIN_VERB.search(text):
            verb = "join"
        else:
            return None
        # The organisation the part names ("离开特斯拉"), else OpenAI.
        named = self.matcher.analyse(matching_key(text)).entities
        org = next((e for e in named if self.base.entities[e].kind == "org" and e != self.home), self.home)
        dated = order.when_of(person, verb, org, order.founding(self.base, org))
        if dated.date is None or not dated.citations:
            return None
        word = "离开" if verb == "leave" else "加入"
        org_name = self.base.entities[org].name
        return durations.Point(
            f"{person.name}{word}{org_name}",
            dated.date,
            (),
            dated.citations,
            person.id,
            dated.move,
            leaving=verb == "leave",
        )

    def _event_named(
        self,
        analysis: QueryAnalysis,
        people: tuple[str, ...],
        must_involve: tuple[str, ...] = (),
        on: str | None = None,
    ) -> Fact | None:
        """The dated event a part of a question names: the best the matcher finds, and among
        those that fit it about as well, one of the kind its verb says (被聘为: appointed), then
        the most precisely dated. A part that names no one is also read as about the question's
        people; one that names a date (`on`) is an event of that date."""
        readings = [analysis]
        if not analysis.entities and people:  # "升任CTO" of "穆拉蒂从加入OpenAI到升任CTO"
            readings.append(replace(analysis, entities=people))
        ranked = [c for reading in readings for c in self._rank(reading, 10)]
        events = sorted(
            (
                c
                for c in ranked
                # an event, or a claim the articles date ("2023年10月,知情人士称…")
                if (c.fact.kind == "event" or c.fact.date)
                and (not must_involve or set(must_involve) & set(c.fact.entities))
                and (on is None or compatible(c.fact.date, on))
            ),
            key=lambda c: -c.score,
        )
        wanted = frame.event_types(analysis.key)
        if not events or events[0].score < self.matcher.weights.threshold * 0.8:
            return self._typed_event(analysis.entities, wanted, on)
        if (finer := finer_told(events, wanted)) is not None:
            events = [finer, *events]
        close = [c for c in events if c.score >= events[0].score - 0.1]
        if wanted and not any(c.fact.type in wanted for c in close):
            # The verb names a kind ("被任命"): an event of that kind a little further down
            # beats a close one of another ("Sutskever told staff Shear would be CEO").
            close += [c for c in events if c.fact.type in wanted and c.score >= events[0].score - 0.3]
        best = min(close, key=lambda c: (c.fact.type not in wanted, -len(c.fact.date or ""), -c.score)).fact
        # "第一次告OpenAI": of several events of that kind about the same people, the earliest.
        alike = [
            f
            for f in self.base.events()
            if f.type == best.type and best.entities and best.entities[0] in f.entities
        ]
        if frame.FIRST_TIME.search(analysis.key) and len(alike) > 1:
            return min(alike, key=lambda f: interval(f.date or "")[0])
        if frame.LAST_TIME.search(analysis.key) and len(alike) > 1:
            return max(alike, key=lambda f: interval(f.date or "")[1])
        return best

    def _typed_event(
        self, entities: tuple[str, ...], wanted: frozenset[EventType], on: str | None
    ) -> Fact | None:
        """The one dated event of the kind a part's verb names about every entity it names
        ("meta dropping llama 3.1": the release of Llama 3.1 by Meta), when its other words are
        unknown to the matcher; None when no kind is named, or no or several events fit."""
        if not wanted or not entities:
            return None
        typed = [
            f
            for f in self.base.events()
            if f.type in wanted
            and f.date
            and f.superseded_by is None
            and set(entities) <= set(f.entities)
            and (on is None or compatible(f.date, on))
        ]
        if len({interval(f.date or "") for f in typed}) != 1:
            return None
        return max(typed, key=lambda f: len(f.date or ""))

    def _named(self, text: str) -> set[str]:
        return set(self.matcher.analyse(matching_key(text)).entities)

    def _stated_figure(self, analysis: QueryAnalysis, counts_departures: bool) -> bool:
        """The single-fact path answers with a fact that states the number asked (not 11
        founders for "how many founders left")."""
        ranked = self._rank(analysis)
        if not self.matcher.accepts(ranked):
            return False
        fact = ranked[0].fact
        if fact.tally is not None and (fact.tally.of == "departures") != counts_departures:
            return False
        return (fact.kind == "figure" or fact.tally is not None) and bool(_NUMBER.search(fact.answer))

    def _with_related(self, reply: Reply, analysis: QueryAnalysis) -> Reply:
        """A list of role holders, and the fact the question's words fit, when one does
        ("四天换了哪四个CEO": the article's own count of four)."""
        ranked = self._rank(analysis)
        if not self.matcher.accepts(ranked):
            return reply
        fact = ranked[0].fact
        text = reply.answer + "\n" + to_script("相关:" + fact.answer, reply.script, self.variant)
        return replace(reply, answer=text, fact_ids=(*reply.fact_ids, fact.id))

    def _unnamed(self, ctx: Context, analysis: QueryAnalysis, text: str = "") -> Reply | None:
        """ "辞职的三名研究人员是谁?": the fact that fits is a departure of people it does not
        name; the single-fact path would answer with it as if it named them. Likewise "确切是
        几个人" of a group the articles count only loosely ("数十名员工")."""
        exact_count = Intent.HOW_MANY in analysis.intents and bool(
            _VAGUE_GROUP.search(text) or _EXACT_ASKED.search(text)
        )
        if Intent.WHO not in analysis.intents and not analysis.name_asked and not exact_count:
            return None
        if not self.matcher.may_rank(analysis, self._group_events):
            return None  # no group event is a candidate: none can come first
        ranked = self._rank(analysis)
        # A little under the answering bar: asking for names the fact lacks lowers its score.
        if not ranked or ranked[0].score < self.matcher.weights.threshold * 0.8:
            return None
        fact = ranked[0].fact
        if _GROUP_POINTED.search(text):
            # the fact stating a group, when it fits nearly as well as the best
            fact = next(
                (
                    c.fact
                    for c in ranked
                    if c.score >= self.matcher.weights.threshold * 0.8
                    and c.fact.kind == "event"
                    and (c.fact.tally or _GROUP.search(c.fact.answer))
                ),
                fact,
            )
        if fact.kind != "event" or not (fact.tally or _GROUP.search(fact.answer)):
            return None
        if any(self.base.entities[p.entity].kind == "person" for p in fact.participants):
            return None
        if exact_count:
            if not _VAGUE_GROUP.search(fact.answer):
                return None  # the fact counts them: it answers
            return ctx.decline("list", fact.answer + NO_COUNT)
        return ctx.decline("list", fact.answer + NO_NAMES.format(what="他们"))


def _one_fact_list(ctx: Context, fact: Fact) -> Reply:
    """A list answered by one fact that itself names the items: that fact, dated, as the one item."""
    item = ctx.item(
        (f"{show_date(fact.date)}:" if fact.date else "") + fact.answer,
        fact.date,
        [fact],
        fact.sources[:1],
    )
    return ctx.reply("list", labels.ONE_FACT_LISTS, [item])
