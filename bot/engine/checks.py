"""Stage `checks`: each veto a named check. A candidate fact that does not state what the
question asks beyond its kind fails one, however close the rest is ("Peter Deng离职以后去了哪家
公司?" is not answered by "Peter Deng也已离职"); the decline reason names the check, and for a
rule-driven check the rule too ("check:detail:spouse").

A check is a small function registered with `@check`, in the order they are tried: its name is
the function's, its description its docstring's first line. It returns None when the fact passes,
else the veto's name.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Protocol

from bot.engine.concepts import related
from bot.engine.entities import ENTITY_MARK
from bot.engine.lexicon import STILL_OPEN, TITLE_GIVEN, TITLE_WORD
from bot.engine.quantities import stated_figures, states_each
from bot.engine.rules import LazyPattern
from bot.engine.stage import Stage

if TYPE_CHECKING:
    from bot.engine.matcher import QueryAnalysis
    from bot.engine.rules import Reads, TitleRule
    from bot.factbase.models import Fact

STAGE = Stage(
    "checks",
    "bot.engine.checks, bot.engine.statements",
    requires=("question.slots", "question.entities", "candidate.fact"),
    assigns=("candidate.failed_check",),
    doc="each veto a named check -> the first check a candidate fails",
)

# "Where did he go after leaving" is answered by a fact saying he left and joined or founded.
_MOVE_TEXT = LazyPattern(r"加入|跳槽|转投|投奔|加盟|去了|前往|创办|创立|创建|成立|新去向|落脚")


# A span with no end is a length of time only as the term of a restriction: "多久不能批评" is
# answered by 终身不得批评 (banned for life), never by 永远感激 (forever grateful), which is
# why 永远/一辈子/forever, mostly said of feelings, are not spans here.
_SPAN_WITHOUT_END = r"终身|终生|永久|无限期|无期限|\b(?:lifetime|for life|indefinitely)\b"
_RESTRICTION = (
    r"禁止|不得|不能|不许|不准|不可|严禁|封口|"
    r"\b(?:banned|barred|prohibited|forbidden|may not|must not|cannot|can't)\b"
)
_OPEN_ENDED_SPAN = LazyPattern(
    rf"(?:{_RESTRICTION}).{{0,8}}(?:{_SPAN_WITHOUT_END})|(?:{_SPAN_WITHOUT_END}).{{0,8}}(?:{_RESTRICTION})",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class MoveText:
    """How a fact says someone left and joined or founded something, not where they had been;
    "前OpenAI" (formerly of the home organisation) says they left it."""

    left: re.Pattern[str]
    before: re.Pattern[str]

    @classmethod
    def at(cls, home_names: str) -> MoveText:
        """The patterns for a story whose home organisation's names are the regex `home_names`."""
        return cls(
            re.compile(
                rf"离开|离职|辞职|出走|跳槽|转投|退出|前(?:{home_names})|此后|之后|后来", re.IGNORECASE
            ),
            re.compile(rf"此前|之前|以前|曾任|曾在|(?:加入|入职)(?:{home_names})前", re.IGNORECASE),
        )

    def tells_a_move(self, answer: str) -> bool:
        """Whether an answer says someone left and joined or founded something."""
        return bool(_MOVE_TEXT.search(answer) and self.left.search(answer) and not self.before.search(answer))


class FactReader(Protocol):
    """What the checks need to read of a fact (the Matcher provides it)."""

    def stated_text(self, fact: Fact, reads: Reads = "answer and quotes") -> str: ...

    def states_title(self, fact: Fact, org: str, title: TitleRule) -> bool: ...

    def gives_title(self, fact: Fact, person: str) -> bool: ...

    def names_a_thing(
        self, fact: Fact, named: frozenset[str], query: QueryAnalysis, asked: frozenset[str]
    ) -> bool: ...

    def tells_a_move(self, answer: str) -> bool: ...

    def names_of(self, entity: str) -> str: ...

    def kind_of(self, entity: str) -> str: ...


@dataclass(frozen=True, slots=True)
class Checked:
    """One candidate for one question, as the checks see it."""

    fact: Fact
    entities: frozenset[str]  # the entities the fact is about
    named: frozenset[str]  # everyone and everything the fact itself names
    query: QueryAnalysis
    asked_about: frozenset[str]  # the question's entities less those only described
    subject: str | None  # the first person the question names
    title_at: Sequence[str]  # regexes of the organisations the question names
    reader: FactReader


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    doc: str  # what a fact must say to pass, in a line
    run: Callable[[Checked], str | None]  # None when the fact passes, else the veto's name
    # What of the question it reads: the QueryAnalysis slot, or "subject", which left empty
    # means the check cannot fail (so it is not tried for that question).
    reads: str


REGISTRY: list[Check] = []
CheckFunction = Callable[[Checked], str | None]


def check(reads: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check that reads `reads` of the question, tried after those registered before it."""

    def register(run: CheckFunction) -> CheckFunction:
        doc = (inspect.getdoc(run) or run.__name__).splitlines()[0]
        REGISTRY.append(Check(run.__name__, doc, run, reads))
        return run

    return register


def checks_for(query: QueryAnalysis, subject: str | None) -> tuple[Check, ...]:
    """The checks a question can fail: those whose slot it fills, in order."""
    return tuple(
        registered
        for registered in REGISTRY
        if (subject if registered.reads == "subject" else getattr(query.slots, registered.reads))
    )


def first_failed(candidate: Checked, checks: Sequence[Check] | None = None) -> str | None:
    """The veto of the first check the candidate fails (of `checks`, by default all that apply
    to its question), None when it passes them all."""
    for registered in checks if checks is not None else checks_for(candidate.query, candidate.subject):
        failed = registered.run(candidate)
        if failed is not None:
            return failed
    return None


@check(reads="titles")
def org_title(c: Checked) -> str | None:
    """asked who holds a title at a company (亚马逊的创始人): the fact says so beside its name"""
    for org, title in c.query.titles:
        if not c.reader.states_title(c.fact, org, title):
            return f"org_title:{title.name}"
    return None


@check(reads="after_leaving")
def tells_a_move(c: Checked) -> str | None:
    """asked where someone went after leaving: the fact says they left and joined or founded"""
    if c.query.after_leaving and not c.reader.tells_a_move(c.fact.answer):
        return "tells_a_move"
    return None


@check(reads="details")
def detail(c: Checked) -> str | None:
    """asked a particular detail (ASKED_DETAILS: salary, court, city …): answer or quotes state it"""
    for rule in c.query.details:
        if not rule.stated.search(c.reader.stated_text(c.fact, rule.reads)):
            return f"detail:{rule.name}"
    return None


@check(reads="name_asked")
def names_a_thing(c: Checked) -> str | None:
    """asked a name (叫什么名字): the fact names what is asked about, or someone not asked"""
    if c.query.name_asked and not c.reader.names_a_thing(c.fact, c.named, c.query, c.asked_about):
        return "names_a_thing"
    return None


@check(reads="outcome_asked")
def outcome_settled(c: Checked) -> str | None:
    """asked how something ended (最后有没有): the fact does not say it is still open"""
    if c.query.outcome_asked and STILL_OPEN.search(c.fact.answer):
        return "outcome_settled"
    return None


@check(reads="subject")
def about_the_subject(c: Checked) -> str | None:
    """the first person the question names is one the fact is about"""
    if c.subject is not None and c.subject not in c.entities:
        return "about_the_subject"
    return None


@check(reads="title_of")
def gives_title(c: Checked) -> str | None:
    """asked someone's title: the fact sets a title before their name or gives them one"""
    if c.query.title_of is not None and not c.reader.gives_title(c.fact, c.query.title_of):
        return "gives_title"
    return None


@check(reads="title_of")
def title_at(c: Checked) -> str | None:
    """asked someone's title at an organisation (Clark在Anthropic是什么职位): the fact names it"""
    if c.query.title_of is not None and not all(
        re.search(o, c.reader.stated_text(c.fact)) for o in c.title_at
    ):
        return "title_at"
    return None


@check(reads="units")
def unit(c: Checked) -> str | None:
    """asked an amount in a unit (AMOUNT_UNITS: age, money, people …): the answer states one"""
    # "聊了多久" needs a length of time, "几岁" an age
    for rule in c.query.units:
        if rule.stated.search(c.fact.answer):
            continue
        if rule.name == "duration" and _OPEN_ENDED_SPAN.search(c.fact.answer):
            continue
        return f"unit:{rule.name}"
    return None


@check(reads="share_of")
def share_of(c: Checked) -> str | None:
    """asked the share of something (女性占多少): the answer names every word of it"""
    answer = c.fact.answer.casefold()
    if not all(any(w in answer for w in words) for words in c.query.share_of):
        return "share_of"
    return None


# -- asked constraints (bot.engine.slots: NOW_ASKED_CUE … ORDINAL_ASKED_CUE) ----------------------

# A title said of someone who no longer holds it: "Twitch前CEO", "former CEO", "曾任董事长".
_FORMER = LazyPattern(
    r"(?:前任?|原(?!始|本来?)|曾任?|曾经是?|一度|昔日|\bformer|\bex-?)\s?[^\s,，。;；、]{0,8}?\s?$"
)
_CLAUSE = LazyPattern(r"[,，。;；!！?？\n]")
_BOUND = 12  # characters between an organisation's name and the title it holds


def _title_spots(text: str, title: str, orgs: Sequence[str]) -> list[int]:
    """Where `text` writes `title`, of one of `orgs` (its name shortly before, in the same clause)
    when the question names any."""
    spots = [m.start() for m in re.finditer(re.escape(title), text)]
    if not orgs:
        return spots
    bound = []
    for spot in spots:
        clause = _CLAUSE.split(text[max(0, spot - _BOUND) : spot])[-1]
        if any(re.search(org, clause) for org in orgs):
            bound.append(spot)
    return bound


@check(reads="now_titles")
def current_title(c: Checked) -> str | None:
    """asked who holds a title now (Twitch现在的CEO): the fact does not name only a former holder"""
    text = c.reader.stated_text(c.fact)
    for title in c.query.slots.now_titles:
        spots = _title_spots(text, title, c.title_at)
        if spots and all(_FORMER.search(text[max(0, spot - 12) : spot]) for spot in spots):
            return "current_title"
    return None


@check(reads="excluded")
def names_another(c: Checked) -> str | None:
    """asked for others than those named (除了红杉): the fact names another of the same kind"""
    kinds = {c.reader.kind_of(e) for e in c.query.slots.excluded}
    others = (c.named | c.entities) - frozenset(c.query.entities)
    if not any(c.reader.kind_of(e) in kinds for e in others if not e.startswith("~")):
        return "names_another"
    return None


@check(reads="per_item")
def figure_for_each(c: Checked) -> str | None:
    """asked a figure of each (各自投了多少): the fact gives one beside each name"""
    clauses = _CLAUSE.split(c.reader.stated_text(c.fact))
    for entity in c.query.slots.per_item & c.asked_about:
        names = c.reader.names_of(entity)
        if not any(re.search(names, clause) and stated_figures(clause) for clause in clauses):
            return "figure_for_each"
    return None


@check(reads="figures")
def states_figure(c: Checked) -> str | None:
    """the question states a figure of what it asks (一千万用户): the fact states that figure"""
    if not states_each(c.query.slots.figures, stated_figures(c.reader.stated_text(c.fact))):
        return "states_figure"
    return None


# A span of time: two dates, a date and since/until, or a length of time.
_TWO_YEARS = LazyPattern(r"((?:19|20)\d\d).{1,30}?(?!\1)(?:19|20)\d\d")
_SPAN_STATED = LazyPattern(
    r"(?:19|20)\d\d\s?年?\s?(?:\d{1,2}月)?\s?(?:至今|以来|起|开始|到|至|-|–|—)"
    r"|(?<!\d)(?:\d{1,2}(?:\.\d)?|[一二两三四五六七八九十半]+)\s?[多余]?\s?(?:年|个月)(?:之久|时间|间|里)?|期间|任内|\bsince\b|\buntil\b"
)


@check(reads="range_asked")
def states_span(c: Checked) -> str | None:
    """asked from when to when (哪几年): the fact gives two dates, a since or a length of time"""
    text = c.reader.stated_text(c.fact)
    if not (_TWO_YEARS.search(text) or _SPAN_STATED.search(text)):
        return "states_span"
    return None


# An ordinal: which time, which place.
_ORDINAL_STATED = LazyPattern(
    r"第[\d一二两三四五六七八九十百]+|首[次度个位家轮届]|头一[回次遭个]|初次|再次|又一次|再度|最后一次|榜首|冠军"
    r"|\b(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|again|last time)\b"
)


@check(reads="ordinal_asked")
def states_ordinal(c: Checked) -> str | None:
    """asked which time or place (第几次): the fact states an ordinal (首次, 第二, again)"""
    if not _ORDINAL_STATED.search(c.reader.stated_text(c.fact)):
        return "states_ordinal"
    return None


@check(reads="when_of")
def dated_event_of_the_asked(c: Checked) -> str | None:
    """asked when something happened: an event's date is one of its own participants' (Leike's
    move to Anthropic does not date Claude 3)"""
    participants = {p.entity for p in c.fact.participants}
    if c.fact.kind == "event" and participants and participants.isdisjoint(c.query.slots.when_of):
        return "dated_event_of_the_asked"
    return None


# -- what is asked, read against what the fact states (bot.engine.slots: SUCCESSION_CUE …) ------

# A fact that says someone took over from someone: the two are predecessor and successor.
_SUCCESSION_STATED = LazyPattern(
    r"接替|接任|接手|接管|接班|继任|取代|顶替|代替|前任|(?<![a-z])(?:replac\w*|succe\w*|took over|take over)(?![a-z])"
)


# The C-suite titles as abbreviations and as the articles write them: "cfo" is 首席财务官.
_TITLE_FORMS = {
    "ceo": "首席执行官|执行长",
    "cfo": "首席财务官|财务首席官|财务长",
    "cto": "首席技术官|技术长",
    "coo": "首席运营官|营运长",
    "cpo": "首席产品官|产品长",
    "cro": "首席研究官",
}
_TITLE_FORMS.update(
    {form: abbreviation for abbreviation, forms in _TITLE_FORMS.items() for form in forms.split("|")}
)
_TITLE_IN_QUESTION = LazyPattern(TITLE_WORD)


def _title_forms(title: str) -> str:
    """A regex of a title as a fact may write it: itself, or its abbreviation and full forms."""
    other = _TITLE_FORMS.get(title, "")
    # a full form maps to its abbreviation, whose entry lists every full form (执行长 → 首席执行官)
    full = _TITLE_FORMS.get(other, "") if other.isascii() else ""
    return "|".join(re.escape(form) for form in {title, *other.split("|"), *full.split("|")} if form)


def _holds(text: str, names: str, title: str) -> bool:
    """Whether `text` gives the person of `names` the title: set before the name (首席财务官弗莱尔)
    or given after it (穆拉蒂被任命为临时CEO)."""
    forms = _title_forms(title)
    return bool(
        re.search(rf"(?:{forms})[^,，。;；、]{{0,6}}?(?:{names})", text)
        or re.search(rf"(?:{names})[^。;；]{{0,20}}?(?:{TITLE_GIVEN})[^,，。;；]{{0,20}}?(?:{forms})", text)
    )


def _role_asked(query: QueryAnalysis) -> list[str]:
    """The titles a succession question asks the role by: written in it ("Friar之前的CFO"), or
    its English put in the facts' words ("president": 总裁); not a title set before a name,
    which says who that person is ("谁接替了首席研究官McGrew" asks his successor, whatever title)."""
    residual = query.residual
    written = [
        m.group()
        for m in _TITLE_IN_QUESTION.finditer(residual)
        if not residual[m.end() : m.end() + 2].lstrip().startswith(ENTITY_MARK)
    ]
    translated = [t for t in query.tokens if _TITLE_IN_QUESTION.fullmatch(t) and t not in query.key]
    return written + translated


_TOOK_OVER = (
    r"接替|接任|接手|接管|接班|继任|取代|顶替|代替|(?<![a-z])(?:replac\w*|succeed\w*|took over from)(?![a-z])"
)


def _took_over(text: str, successor: str, predecessor: str) -> bool:
    """Whether `text` says the person of `successor` (names, a regex) took over from that of
    `predecessor`: "X接替Y", "X replaced Y", or turned about: "Y由X接任", "Y's successor X"."""
    between = r"[^。;；,，\n]{0,16}?"  # within a clause
    # the successor next to the verb in its clause, or as the subject its sentence opens with
    # ("X将成为…, 与Z合作…, 接替Y": X took over, not Z)
    successor_before = (
        rf"(?:(?:{successor}){between}|(?:^|[。;；\n])[^。;；,，\n]{{0,8}}?(?:{successor})[^。;；\n]*?)"
    )
    return bool(
        re.search(rf"{successor_before}(?:{_TOOK_OVER}){between}(?:{predecessor})", text)
        or re.search(rf"(?:{predecessor}){between}(?:由|被)(?:{successor}){between}(?:{_TOOK_OVER})", text)
        or re.search(rf"(?:{predecessor}){between}(?:继任者|接班人|successor){between}(?:{successor})", text)
        or re.search(rf"(?:{successor}){between}(?:前任|predecessor){between}(?:{predecessor})", text)
    )


@check(reads="succession_of")
def succeeded_by_another(c: Checked) -> str | None:
    """asked who held a role before or after someone (接替X, X的前任): the fact names another
    person who took over or was given a title (the title asked, when the question names one),
    not only X's own appointment; asked who came before X, a fact saying X took over from them"""
    asked = c.query.slots.succession_of
    if asked is None:  # the check is tried only with the slot filled
        return None
    others = [
        e
        for e in (c.named | c.entities) - {asked}
        if not e.startswith("~") and c.reader.kind_of(e) == "person"
    ]
    text = c.reader.stated_text(c.fact)
    asked_names = c.reader.names_of(asked)
    other_names = [c.reader.names_of(p) for p in others]
    if c.query.slots.predecessor_asked:
        # who came before X: only a fact that says X took over from them ("穆拉蒂被任命为临时CEO"
        # is the one after Altman, not before him)
        if not any(_took_over(text, asked_names, names) for names in other_names):
            return "succeeded_by_another"
    elif any(_took_over(text, asked_names, names) for names in other_names) and not any(
        _took_over(text, names, asked_names) for names in other_names
    ):
        return "succeeded_by_another"  # the one X took over from, not the one after X
    titles = _role_asked(c.query)
    if titles:
        # the same role: another person holds the title asked
        if not any(_holds(text, c.reader.names_of(p), t) for p in others for t in titles):
            return "succeeded_by_another"
        return None
    if any(c.reader.gives_title(c.fact, person) for person in others) or (
        others and _SUCCESSION_STATED.search(text)
    ):
        return None
    return "succeeded_by_another"


# The first of its kind: said so (首次, 最早, 早在…就, first), or an event that happens once (founded,
# born, met: 认识 is a first meeting). Not 最初/original: "最初的使命" is the first mission, not
# the first time something happened.
_FIRST_SAID = (
    r"第一次|首次|首度|头一[次回遭个]|初次|第一[个位家轮笔批回]|首[个位家轮笔批款]|最早|早在|率先|开先河"
    r"|(?<![a-z])(?:first|earliest)(?![a-z])"
)
_ONCE_ONLY = r"成立|创立|创办|创建|诞生|出生|认识|结识|相识|初识|问世|(?<![a-z])(?:founded|met|born)(?![a-z])"
_FIRST_STATED = LazyPattern(rf"{_FIRST_SAID}|{_ONCE_ONLY}")
_FIRST_SAID_RE = LazyPattern(_FIRST_SAID)
_ONCE_ONLY_RE = LazyPattern(_ONCE_ONLY)
# An event told with its repetition: "2017年离开,2023年回归后再次离职" dates the first leaving.
_AGAIN = r"再次|再度|又一次|第二次|又"


def _states_first_of(text: str, asked: Sequence[str]) -> bool:
    """Whether `text` says the asked event (the question's words besides its first-cue, each with
    the words that cover it) was the first: a first-word in a clause with one of them ("加入九年
    以来第一次休假" for 第一次放长假) or with its repetition (再次离职), or an event that happens once which is the one asked (成立 for
    第一次成立, not for 第一次投资); "初次见面" does not say when someone was first fired."""
    # a one-character form (放, 进) is in too many clauses to say which event it tells
    forms = [[f for f in (word, *related(word)) if len(f) >= 2] for word in asked]
    for clause in _SENTENCE.split(text):
        told = [f for f in chain.from_iterable(forms) if f in clause]
        if told and _FIRST_SAID_RE.search(clause):
            return True
        # the repetition of the asked event itself ("再次离职"), not of another ("再次起诉")
        if any(re.search(rf"(?:{_AGAIN})\s?.?{re.escape(f)}", clause) for f in told):
            return True
        for once in _ONCE_ONLY_RE.finditer(clause):
            if any(once.group() == f or once.group() in f for word in forms for f in word):
                return True
    return False


@check(reads="first_asked")
def states_first(c: Checked) -> str | None:
    """asked the first occasion (第一次投资): the fact says the asked event was the first, or
    tells it as an event that happens once (founded, met)"""
    asked = [t for t in c.query.tokens if not _FIRST_STATED.fullmatch(t)]
    if not _states_first_of(c.reader.stated_text(c.fact), asked):
        return "states_first"
    return None


# A unit, or the head of one: "Meta应用研究负责人" names applied research as his unit.
_UNIT_WORD = (
    r"团队|部门|小组|实验室|事业部|项目组|研究院|研究所|负责人|主管|总监"
    r"|(?<![a-z])(?:team|lab|division|department)(?![a-z])"
)
# What may stand before a unit word without naming it: "该团队", "一支团队", "他的团队".
_UNNAMED_UNIT = LazyPattern(
    r"(?:该|这个?|那个?|其|整个|一个|一支|[他她它]们?的?|我们?的?|你们?的?|新的?|全新的?|原来?的?|自己的?|卓越的?|出色的?"
    r"|the|a|an|his|her|their|its|new|our)\s?$"
)
_UNIT = LazyPattern(rf"(?:{_UNIT_WORD})")
_LATIN_NAME = LazyPattern(r"[a-z][a-z0-9\-]{2,}")
_SENTENCE = LazyPattern(r"[。;；!！?？\n]")


def _names_a_unit(clause: str) -> bool:
    """Whether a clause names a unit: a unit word with words naming it before it ("后训练团队",
    "语言和代码生成的团队"), not a determiner ("一个新的团队", "他的团队")."""
    for unit in _UNIT.finditer(clause):
        before = clause[max(0, unit.start() - 8) : unit.start()].rstrip("的 ")
        before = re.split(r"[在了和与及并是为的]", before)[-1]  # the words that qualify the unit
        if len(before.strip()) >= 2 and not _UNNAMED_UNIT.search(before.strip()):
            return True
    return False


@check(reads="team_asked")
def names_the_unit(c: Checked) -> str | None:
    """asked which unit of an organisation (哪个团队): the fact names one, in a sentence with the
    organisation the question names"""
    # the organisations the question names: entities, and a name the base holds as a word only
    # ("Instagram")
    at = [org for org in c.title_at if org]
    at += [re.escape(t) for t in c.query.tokens if _LATIN_NAME.fullmatch(t)]
    sentences = _SENTENCE.split(c.reader.stated_text(c.fact))
    if not any(
        _names_a_unit(sentence) and all(re.search(org, sentence) for org in at) for sentence in sentences
    ):
        return "names_the_unit"
    return None


# A school, and studying or teaching there: both in one clause (伯克利 is a city too). A school
# by its name: a school word with a name before it (塞耶工程学院, not 高中时 or 一所大学), or one
# of the universities known by name alone.
_SCHOOL = LazyPattern(
    r"(?<=[\u4e00-\u9fffa-z])(?<![的所读念上在进名该这那间个一时就考入])(?:大学|学院|学校|中学|高中)"
    r"|哈佛|斯坦福|伯克利|麻省理工|普林斯顿|耶鲁|剑桥|牛津|多伦多|卡内基梅隆|达特茅斯"
    r"|(?<![a-z])(?:university|college|institute|school|mit|harvard|stanford|berkeley|princeton|yale|cambridge"
    r"|oxford|toronto|carnegie|dartmouth)(?![a-z])"
)
_STUDIED = LazyPattern(
    r"读书|就读|毕业|学位|博士|硕士|本科|研究生|攻读|求学|读研|读博|念书|主修|学者|教授|讲师|学生"
    r"|(?<![a-z])(?:phd|ph\.d|degree|graduat\w*|studied|studying|student|alumn\w*|bachelor|master)(?![a-z])"
)
# A graduate degree, asked or stated.
_GRADUATE = LazyPattern(
    r"研究生|硕士|博士|读研|读博|研究所|(?<![a-z])(?:phd|ph\.d|master'?s?|doctora\w*|graduate school|postgrad\w*)(?![a-z])"
)


# Relatives: "陈信翰的妈妈在哪所大学教书" asks of his mother, and a clause about him does not say.
_KIN = (
    re.compile(r"母亲|妈妈|母|妈|\bmother\b|\bmom\b"),
    re.compile(r"父亲|爸爸|父|爸|\bfather\b|\bdad\b"),
    re.compile(r"妻子|老婆|太太|夫人|\bwife\b"),
    re.compile(r"丈夫|老公|先生|\bhusband\b"),
    re.compile(r"儿子|女儿|孩子|子女|\bson\b|\bdaughter\b|\bchild(?:ren)?\b"),
    re.compile(r"兄弟|姐妹|哥哥|姐姐|弟弟|妹妹|\bbrother\b|\bsister\b"),
)


def _kin_asked(key: str) -> list[re.Pattern[str]]:
    """The relatives a question asks of (each a pattern a fact's clause must match)."""
    return [kin for kin in _KIN if kin.search(key)]


@check(reads="school_asked")
def names_the_school(c: Checked) -> str | None:
    """asked which school someone studied at (哪所大学读博): the fact names a school and says
    they studied there, in one clause (a city, or studying alone, does not say which)"""
    clauses = _CLAUSE.split(c.reader.stated_text(c.fact))
    # A graduate degree asked (读博, 读研, phd) is not answered by where the first degree was taken.
    level = _GRADUATE if _GRADUATE.search(c.query.key) else _STUDIED
    kin = _kin_asked(c.query.key)
    if not any(
        _SCHOOL.search(clause) and level.search(clause) and all(k.search(clause) for k in kin)
        for clause in clauses
    ):
        return "names_the_school"
    return None


# A full name: a name of two parts ("Liam Fedus", "莎拉·弗莱尔").
_TWO_PART_NAME = LazyPattern(r"[a-z][a-z\-]+ [a-z][a-z\-]+|[\u4e00-\u9fff]+·[\u4e00-\u9fff]+")


@check(reads="full_name_asked")
def gives_full_name(c: Checked) -> str | None:
    """asked someone's full name (全名): the fact writes that person's name in two parts, not
    only a first name or a nickname"""
    text = c.reader.stated_text(c.fact)
    people = [e for e in c.asked_about if c.reader.kind_of(e) == "person"]
    if not people:
        return None if _TWO_PART_NAME.search(text) else "gives_full_name"
    for person in people:
        written = [m.group() for m in re.finditer(c.reader.names_of(person), text)]
        if not any(_TWO_PART_NAME.fullmatch(name) for name in written):
            return "gives_full_name"
    return None


@check(reads="tenure_asked")
def states_tenure(c: Checked) -> str | None:
    """asked how long someone stayed (干了多久): the fact gives a length of time, a since or two
    dates (a length of something else, 几个月后, is none)"""
    text = c.reader.stated_text(c.fact)
    if not (_TWO_YEARS.search(text) or _SPAN_STATED.search(text)):
        return "states_tenure"
    return None


# A stance: a feeling, a judgement, a wish, or the person's own words quoted.
_STANCE_STATED = LazyPattern(
    r"矛盾|后悔|感谢|感激|遗憾|高兴|开心|兴奋|激动|难过|伤心|痛苦|担心|担忧|失望|愤怒|生气|不满|满意|骄傲|自豪|荣幸|震惊|意外"
    r"|惊讶|沮丧|不安|期待|乐观|悲观|支持|反对|赞同|同意|拒绝|犹豫|不愿|愿意|希望|认为|觉得|相信|感到|感觉|坦言|直言|批评|称赞"
    r"|态度|看法|心情|感受|调侃|嘲讽|讽刺|质疑|猜测|吐槽|怀疑|感叹|评价|“|「|\""
    r"|(?<![a-z])(?:feel|felt|think|thought|believe[sd]?|grateful|regret\w*|ambivalent|conflicted|proud|happy|sad|worried|hope[sd]?)(?![a-z])"
)


@check(reads="stance_asked")
def states_stance(c: Checked) -> str | None:
    """asked an opinion (怎么看, 点谂): the fact carries one (a judgement, a feeling, the
    person's quoted words), not only the event it was about"""
    if c.fact.kind != "quote" and not _STANCE_STATED.search(c.reader.stated_text(c.fact)):
        return "states_stance"
    return None


# What someone works on: a verb of work with its object (负责, 致力于, 领导), not a title (研究科学家).
_WORK_STATED = LazyPattern(
    r"负责|从事|专注|致力|主攻|研发|开发|领导|带领|带队|主导|参与|牵头|打造|构建|推动|项目|课题|方向|工作是"
    r"|研究(?!科学家|员|主管|副总裁|总监|负责人|人员|机构|实验室|组织|部门|团队)"
    r"|(?<![a-z])(?:working on|works on|work on|focus\w*|lead\w*|develop\w*|build\w*|project\w*)(?![a-z])"
)


@check(reads="work_asked")
def states_the_work(c: Checked) -> str | None:
    """asked what exactly someone works on (具体做什么): the fact says what, not only where or
    their title"""
    if not _WORK_STATED.search(c.reader.stated_text(c.fact)):
        return "states_the_work"
    return None


# name -> what a fact must say to pass, for docs and --explain
CHECKS: dict[str, str] = {registered.name: registered.doc for registered in REGISTRY}
