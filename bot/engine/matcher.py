"""Matching a normalised question to the fact that answers it.

For each question the matcher
1. finds the entities it names (exact aliases, then rapidfuzz for typos),
2. detects what it asks for (intent),
3. takes its content tokens (CJK bigrams and Latin words, function words removed),
4. gathers candidate facts from an inverted index and ranks them by how much of the
   question's content they cover (IDF-weighted), how close the question is to one of
   the fact's phrasings (rapidfuzz ratio, entity names removed), entity agreement and
   intent agreement.

A question whose content the best fact does not cover is declined: that is what
keeps "Dario Amodei的妻子是谁" from being answered with the nearest Amodei fact.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.engine import index
from bot.engine.index import Idf, IndexReader, Postings
from bot.engine.index import IndexedFact as _IndexedFact
from bot.engine.lexicon import (
    AMOUNT_UNITS,
    ASKED_DETAILS,
    CJK_STOP,
    CJK_STOP_RE,
    COURTESY_RE,
    DAY_ASKED,
    DAY_STATED,
    EDGE_PARTICLES,
    EN_GLOSSARY,
    EN_STOP,
    INTENT_CUES,
    LIGHT_VERB_RE,
    ORG_TITLES,
    OUTCOME_ASKED,
    QUESTION_PHRASE_RE,
    STILL_OPEN,
    SYNONYMS,
    TITLE_ASKED,
    TITLE_GIVEN,
    TITLE_WORD,
    english_phrases,
    to_mandarin,
)
from bot.engine.normalise import matching_key
from bot.engine.rules import Rule, TitleRule
from bot.engine.segment import Segmenter
from bot.engine.sound import sounds_alike, syllables
from bot.factbase.loader import FactBase
from bot.factbase.models import Entity, Fact, Intent
from bot.text import fold_name, nfkc, to_simplified

_CJK_CHAR = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_RUN = re.compile(rf"[{_CJK_CHAR}]+")
_IS_CJK = re.compile(rf"[{_CJK_CHAR}]")
_PIECE = re.compile(rf"[{_CJK_CHAR}]+|[a-z0-9][a-z0-9%.+\-]*[a-z0-9%+]|[a-z0-9]")
_EDGE = "".join(EDGE_PARTICLES)
# Characters that join a name to the rest of a question (和, 跟, 对 …), never the start of one.
_JOINING_CHARS = frozenset("和跟与同及对给向把被从在是的说")
_ENTITY_MARK = "\x00"
_EMPTY = np.zeros(0, dtype=np.int32)
# What fold_name drops from names; skipped when looking names up in a question.
_NAME_SEPARATOR = re.compile(r"[\s·•‧・\-_.'’]")
_LATIN_ALNUM = re.compile(r"[a-z0-9]")
_LATIN_NAME = re.compile(r"[a-z][a-z0-9.\-]*[a-z0-9]")  # two or more characters, not a number
_PROPER_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?: [A-Z][a-z]+)*(?![A-Za-z])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LETTER_DIGIT = re.compile(r"([a-z])(\d)")
# What an answer contains, for the intents it can serve (see Matcher._derived_intents).
_WHEN_TEXT = re.compile(r"\d{4}年|\d{1,2}月|[一二三四五六七八九十]+月|年底|年初|当天|周[一二三四五六日]")
# Dates are not amounts: "2023年11月17日" says when, not how many.
_DATE_TEXT = re.compile(
    r"(?:19|20)\d\d年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月\d{1,2}[日号]|\d{1,2}月(?!\d)|(?:19|20)\d\d(?!\d)"
)
_AMOUNT_TEXT = re.compile(r"\d|[一二两三四五六七八九十百千万亿半几数]+整?(?:名|位|个|倍|年|天|成|亿|万|%)")
_PLACE_TEXT = re.compile(r"学院|大学|总部|出生于|移居|旧金山|意大利|伯克利")
# An answer that names who reported it: "据FT报道", "外媒Vox扒出", "多家媒体", not a bare "据报道".
_SOURCE_TEXT = re.compile(r"据(?!报道)[^,。;:]{1,25}?报道|媒体|外媒|美媒|记者|报道称|《[^》]+》")
# "Where did Zoph go after leaving" is answered by a move after leaving (left and joined,
# left and founded), not by where he worked before OpenAI nor by a promotion.
_AFTER_LEAVING = re.compile(
    r"(?:离职|离开|辞职|出走|走|退出)了?\s?(?:[a-z]+|公司|老东家)?\s?(?:以后|之后|后)|\bafter (?:leaving|quitting|resigning)\b"
)
_MOVE_TEXT = re.compile(r"加入|跳槽|转投|投奔|加盟|去了|前往|创办|创立|创建|成立|新去向|落脚")
_LEFT_TEXT = re.compile(r"离开|离职|辞职|出走|跳槽|转投|退出|前openai|此后|之后|后来", re.IGNORECASE)
_BEFORE_TEXT = re.compile(r"此前|之前|以前|曾任|曾在|加入openai前|入职openai前", re.IGNORECASE)
_COMPANY_ASKED = re.compile(r"(?:什么|啥|哪家|哪个|哪间)新?(?:公司|企业|机构|东家)")
# "无故撤诉" answers why he withdrew: for no reason given
_REASON_TEXT = re.compile(r"因为|原因|由于|为了|因此|所以|理由|认为|担忧|担心|不满|希望|感谢|试图|目的|无故")


# A question asking a name ("那三名研究员叫什么名字") is answered only by a fact that names
# someone or something the question does not. (A title is not a name: "新职务叫什么" is
# answered by the title alone.)
_NAME_ASKED = re.compile(
    r"名字|(?<!职务|职位|头衔|称号|职称)叫(?:什么|啥)|名叫|取名|什么名|\bnamed?\b|\bname of\b"
)

# The name asked must be the thing's: "那个流量监测工具叫什么名字" is not answered by a fact
# that names ChatGPT a clause away, nor "写个程序语言" by the Hinton it was told to. A thing's
# name stands next to it, in its clause: "下一代大语言模型Orion", "父亲陈建任", "Claude聊天机器人".
_CLAUSE_PUNCT = re.compile(r"[,，、;；:：。!！?？\n]")
_NAME_AFTER = 6  # characters between the noun and a name after it
_NAME_BEFORE = 2
_LATIN_WORD = re.compile(r"[a-z][a-z0-9\-.]*[a-z0-9]")  # two or more characters, a letter first
_QUOTED = re.compile(r"“[^”]{1,20}”|「[^」]{1,20}」|《[^》]{1,20}》|\"[^\"]{1,20}\"")

_APPOSITIVE = re.compile(rf"[那这](?:个|位|名)[^{_ENTITY_MARK},，?？]{{1,10}}?(?={_ENTITY_MARK})")

# In an English question opened by another question word, "when" begins a clause and asks
# nothing: "What was OpenAI developing when Murati left?" asks what, not when.
_WHEN_CLAUSE = re.compile(
    r"^\s*(?:what|which|who|whom|whose|where|why|how)\b(?:(?![,;]|\band\b|\bor\b).)*?\bwhen\b"
)


def _asks_when(text: str) -> bool:
    return any(rule.cue.search(text) for rule in INTENT_CUES if rule.intent == Intent.WHEN)


# A role's title in the entity file, in its parts: "联合创始人兼总裁", "首席技术官(CTO)".
_TITLE_PARTS = re.compile(r"兼|、|,|，|/")
_TITLE_NOTE = re.compile(r"[(（][^)）]*[)）]")
_TITLE_ACRONYM = re.compile(r"(?<![a-z])([a-z]{3})(?![a-z])")  # cto, cfo, coo
_TITLE_QUALIFIER = re.compile(r"^(?:临时|代理|前任|前|新任|新)")
# Titles that name a post, not a kind of work: "研究科学家" or "高管" describes many people.
_EXECUTIVE_TITLE = re.compile(r"首席|总裁|主席|负责人|经理|^c[a-z]o$")

# Between a name and the title asked, someone else: "她原本是什么职务", "陈信翰的母亲是做什么的".
_SOMEONE_ELSE = re.compile(
    r"[他她]|[父母爸妈]|妻子|丈夫|老婆|老公|太太|儿子|女儿|家人|兄弟|姐妹|哥哥|姐姐|弟弟|妹妹"
    r"|\b(?:he|she|his|her|mother|father|mom|dad|parents?|wife|husband|son|daughter)\b"
)
# Synonyms containing these stay out of the segmenter's dictionary: "几岁" must stay a cue.
_QUESTION_WORD = re.compile(r"几|多少|多大|什么|怎么")
# Between two names, a verb of succession: the title asked is the successor's.
_SUCCEEDS = re.compile(r"接替|取代|接任|代替|顶替|接班|继任|replaced?|succeeded")
# A question that gives a time asks the title held then, not the standing one.
_TIME_CUE = re.compile(
    r"\d|年|月|时候?|最初|最早|起初|当初|刚|加入|进入|之前|以前|此前|后来|之后|以后|曾经?|新|接下来|将|未来"
    r"|\b(?:when|before|after|first|join(?:ed)?|new|next|will)\b"
)
_TITLE_TOKENS = frozenset({"职位", *SYNONYMS["职位"]})
# How precise a fact's date is, for preferring the more precise of two near-equal answers.
_DATE_DETAIL = {"year": 1, "month": 2, "day": 3}
WHEN_TIE = 0.05  # scores this close are a tie for a when-question
TITLE_TIE = 0.15  # ... and for a question about what title someone holds


# A figure, not part of a name ("GPT-4", "o1"), in text whose dates are taken out.
_FIGURE = re.compile(r"(?<![a-z\-.\d])\d+(?:\.\d+)?", re.IGNORECASE)
_CJK_AMOUNT = re.compile(r"[一二两三四五六七八九十百千万亿半几数]+整?(?:名|位|个|倍|年|天|成|亿|万|%)")


def _figures(text: str) -> frozenset[str]:
    return frozenset(_FIGURE.findall(_DATE_TEXT.sub(" ", text)))


def _states_other_figure(answer: str, given: frozenset[str]) -> bool:
    """Whether an answer states an amount besides those a question gives."""
    return bool(_figures(answer) - given) or _CJK_AMOUNT.search(answer) is not None


# What a how-many question counts: the noun after 多少/几 and its measure word ("多少个假帐号",
# "几位高管").
_COUNTED = re.compile(
    r"(?<!第)(?:多少|(?<!哪)几)\s*[个位名家条次种款项部篇张块台只份件则户]?\s*([\u4e00-\u9fffa-z][\u4e00-\u9fffa-z0-9\- ]{0,7})"
)
# "后训练团队一共有多少人" counts the people of a team: the team is what a figure must be of.
_PEOPLE_OF = re.compile(
    r"([\u4e00-\u9fff]{2,8}?)(?:里|中|内)?(?:一共|总共|共|大概|大约|约|现在|目前)?有(?:多少|几)(?:个人|人|名|位)"
)
# "员工里女性占多少" asks the share of women: the women are what a figure must be of.
_SHARE_OF = re.compile(
    r"(?:^|里|中|内|的)\s*((?:(?![里中内的])[\u4e00-\u9fffa-z0-9 ]){1,12}?)\s*(?:大概|大约|约)?占了?"
    r"(?:多少|几成|多大|百分之几)"
)
# Units and shares are AMOUNT_UNITS' business, not a thing counted; nor is a question word.
_NOT_COUNTED = re.compile(
    r"^(?:钱|人|岁|年|月|天|周|倍|成|分|次|小时|时间|美元|美金|刀|元|亿|万|千|百|个月|比例|比重|百分|股|多|了|呢|吗|啊|的|是|呀|啦|左右"
    r"|谁|什么|哪|怎|为"
    # a change, not a thing: "从多少涨到多少"
    r"|涨|增|降|跌|升|减|变|到|达)"
)
# whole numbers only: the "0" of "20美元" is not a figure of its own
_NUMBER = (
    r"(?:[数几]?(?:(?<![\d.])\d+(?:\.\d+)?(?![\d.])|(?<![一二两三四五六七八九十百千万亿])"
    r"[一二两三四五六七八九十百千万亿]+(?![一二两三四五六七八九十百千万亿]))\s*[多余]?)"
)
_MEASURE = r"[个位名家条次种款项部篇张块台只份件则户人]"
# After the noun, a figure in another unit counts something else: "新账号带来的20美元".
_OTHER_UNIT = r"(?!\s*(?:美元|元|%|％|岁|倍|分|小时|年|个?月|天|周|亿|万美元))"


_PEOPLE_NOUNS = frozenset({"员工", "雇员", "职员", "人", "人员", "成员", "研究员", "employees", "staff"})


@lru_cache(maxsize=256)
def _count_patterns(words: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A figure before one of `words`, and one after it in no other unit, compiled once for
    all the candidates of a question (a question's synonyms are dozens of patterns)."""
    nouns = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # People are counted, not measured: "九成员工" is a share of the staff, not its size.
    share = r"(?!\s*[成%％])" if words & _PEOPLE_NOUNS else ""
    return (
        re.compile(rf"{_NUMBER}{share}\s*{_MEASURE}?[^\d,，。;；]{{0,8}}?(?:{nouns})", re.IGNORECASE),
        re.compile(rf"(?:{nouns})[^,，。;；]{{0,6}}?{_NUMBER}{_OTHER_UNIT}", re.IGNORECASE),
    )


def _counts(answer: str, words: frozenset[str]) -> bool:
    """Whether an answer gives a figure for one of `words`: "12位高管", "员工从770名增至1600多名"."""
    before, after = _count_patterns(words)
    return before.search(answer) is not None or after.search(answer) is not None


def _forms(word: str) -> frozenset[str]:
    """A word and its synonyms: what a fact may say in its place."""
    return frozenset((word, *SYNONYMS.get(word, ())))


def _names_pattern(entity: Entity) -> str:
    """A regex of all the entity's names as stated text spells them, longest first."""
    names = {to_simplified(nfkc(n)).casefold() for n in entity.all_names()}
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


def home_organisations(entities: Iterable[Entity]) -> frozenset[str]:
    """The organisation the story happens at: where the most people the fact base describes held
    a role (OpenAI for this saga). Everyone worked there, so naming it says nothing of where
    someone went, and its facts name titles without it ("首席技术官穆拉蒂")."""
    held = Counter(
        org
        for entity in entities
        if entity.kind == "person"
        for org in {role.org for role in entity.roles if role.org is not None}
    )
    return frozenset(org for org, _count in held.most_common(1))


def _tells_a_move(answer: str) -> bool:
    """Whether an answer says someone left and joined or founded something."""
    return bool(_MOVE_TEXT.search(answer) and _LEFT_TEXT.search(answer) and not _BEFORE_TEXT.search(answer))


def _inside_word(key: str, start: int, end: int) -> bool:
    """Whether key[start:end] begins or ends inside a longer Latin word or number."""
    before = start > 0 and _LATIN_ALNUM.match(key[start]) and _LATIN_ALNUM.match(key[start - 1])
    after = end < len(key) and _LATIN_ALNUM.match(key[end - 1]) and _LATIN_ALNUM.match(key[end])
    return bool(before or after)


PHRASING_WORD = 0.7  # coverage credit for a word only the phrasings use
CANDIDATES = 40  # facts scored in full after the coverage pre-ranking
FUZZY_CJK_CUTOFF = 66
# Bounds on the work one message costs, since the engine runs inside the bot's event loop: a
# 2,000-character message must cost a few short questions, not fifty. The questions of every
# set in tests/data are at most ~130 characters and ~450 name windows, well inside both.
MAX_ANALYSED_CHARS = 200  # of a matching key, the last ones: a question ends its message
MAX_NAME_WINDOWS = 1000  # windows of a key the typo and by-ear name search compares, per analysis
MAX_ANALYSED_TOKENS = 24  # content words of a key, the last ones (the sets' questions have <= 16)
SURNAME_CUTOFF = 55  # rapidfuzz ratio of a misspelt word to a name the question already names
# Intents whose mismatch makes an answer wrong; "how" and "what" are too loose to judge by.
STRONG_INTENTS = frozenset(
    {Intent.WHEN, Intent.WHO, Intent.WHERE, Intent.WHY, Intent.HOW_MANY, Intent.SOURCE}
)


@dataclass(slots=True)
class Work:
    """What the matcher has done since it was built, counted: tests bound the work of a long
    message by these counts, never by timings."""

    analyses: int = 0
    analysed_chars: int = 0  # characters of keys analysed
    name_windows: int = 0  # windows the fuzzy name search compared with names
    scored: int = 0  # candidate facts scored in full


def bounded_key(key: str) -> str:
    """The part of a matching key the matcher reads: all of it up to MAX_ANALYSED_CHARS, else
    its end (less a word cut in two)."""
    if len(key) <= MAX_ANALYSED_CHARS:
        return key
    tail = key[-MAX_ANALYSED_CHARS:]
    if _LATIN_ALNUM.match(key[-MAX_ANALYSED_CHARS - 1]):
        tail = re.sub(r"^[a-z0-9]+", "", tail)
    return tail.strip()


@dataclass(frozen=True, slots=True)
class QueryAnalysis:
    key: str
    entities: tuple[str, ...]
    intents: tuple[Intent, ...]
    residual: str  # key with entity names replaced by a mark
    tokens: tuple[str, ...]  # content tokens
    novelty: float  # IDF-weighted share of tokens no fact uses (nor a synonym of them)
    foreign: tuple[str, ...] = ()  # years, and Latin words of a Chinese question, that no fact uses
    units: tuple[Rule, ...] = ()  # the AMOUNT_UNITS a how-many question names
    titles: tuple[tuple[str, TitleRule], ...] = ()  # (organisation, one of ORG_TITLES) asked: 亚马逊的创始人
    day: bool = False  # a when-question asks for the day, not just the month or year
    after_leaving: bool = False  # asks where someone went (which company) after leaving
    details: tuple[Rule, ...] = ()  # the ASKED_DETAILS the question asks for
    name_asked: bool = False  # asks a name: 叫什么名字
    outcome_asked: bool = False  # asks how something ended: 最后有没有答应
    described: tuple[str, ...] = ()  # people named by a title only they held: 那位前CTO is Murati
    title_of: str | None = None  # the person whose title is asked: 穆拉蒂是什么职位
    counted: frozenset[str] = frozenset()  # what a how-many question counts, and its synonyms
    name_of: frozenset[str] = frozenset()  # what a name question asks the name of, and synonyms
    share_of: tuple[frozenset[str], ...] = ()  # whose share is asked (女性占多少): each word's forms


@dataclass(frozen=True, slots=True)
class Features:
    """What the score of one candidate fact for one question is made of."""

    coverage: float  # IDF-weighted share of the question's content words the fact uses
    phrasing: float  # rapidfuzz ratio to the fact's closest question phrasing, names aside
    entity_agreement: float  # share of the question's entities the fact is about
    intent_ok: bool  # the fact answers the kind of question asked
    novelty: float  # share of the question's content unknown to the whole fact base
    named: bool  # the question names at least one known entity
    foreign: bool = False  # the question names a year or Latin-script name the base never uses
    states_asked: bool = True  # the fact states the detail, title or move the question asks for
    failed_check: str | None = None  # the name of the check it failed when it does not (CHECKS)


# Why the best candidate was or was not good enough (Weights.decide), in words for docs and
# --explain. A check's name (CHECKS) is a reason too, as "check:<name>": the best candidate did
# not state what the question asks.
REASONS: dict[str, str] = {
    "accepted": "the best candidate is good enough",
    "no_candidate": "no fact shares a word or a name with the question",
    "below_threshold": "the best candidate's score is below the threshold",
    "too_novel": "too much of the question is words no fact uses",
    "foreign_word": "the question names a year or a Latin-script name no fact uses",
    "intent_mismatch": "the best candidate answers another kind of question and is not sure enough",
    "unnamed_weak": "the question names no one, and the best candidate is not close enough without",
    "low_coverage": "the best candidate uses too few of the question's words",
    "no_margin": "the runner-up is too close to the best candidate to choose",
}


@dataclass(frozen=True, slots=True)
class Decision:
    accepted: bool
    reason: str  # a Reason, or "check:" and the name of the check that vetoed the best candidate

    def __bool__(self) -> bool:
        return self.accepted


# The checks a candidate must pass to state what a question asks beyond its kind, in the order
# they are tried (Matcher._failed_check); the first it fails names the veto.
CHECKS: dict[str, str] = {
    "org_title": "asked who holds a title at a company (亚马逊的创始人): the fact says so beside its name",
    "tells_a_move": "asked where someone went after leaving: the fact says they left and joined or founded",
    "detail": "asked a particular detail (ASKED_DETAILS: salary, court, city …): answer or quotes state it",
    "names_a_thing": "asked a name (叫什么名字): the fact names what is asked about, or someone not asked",
    "outcome_settled": "asked how something ended (最后有没有): the fact does not say it is still open",
    "about_the_subject": "the first person the question names is one the fact is about",
    "gives_title": "asked someone's title: the fact sets a title before their name or gives them one",
    "title_at": "asked someone's title at an organisation (Clark在Anthropic是什么职位): the fact names it",
    "unit": "asked an amount in a unit (AMOUNT_UNITS: age, money, people …): the answer states one",
    "share_of": "asked the share of something (女性占多少): the answer names every word of it",
}


@dataclass(frozen=True, slots=True)
class Weights:
    """How features combine into a score, and when a score is good enough to answer.

    The defaults come from bench/tune.py on tests/data/questions.jsonl (tuned on half,
    checked on the other half), never from the evaluation set.
    """

    coverage: float = 0.5  # against phrasing (1 - coverage)
    entity_floor: float = 0.3  # score factor for a fact about none of the named entities
    intent_mismatch: float = 0.5  # score factor when the fact answers another kind of question
    novelty_penalty: float = 0.0  # subtracted per unit of novelty
    threshold: float = 0.325  # least score to answer
    min_coverage: float = 0.1  # least coverage to answer: the fact must use some word of the question
    sure: float = 0.4  # at this score the margin over the runner-up no longer matters
    margin: float = 0.06  # least lead over the runner-up below `sure`
    phrasing_sure: float = 0.85  # a phrasing this close answers even when coverage is low
    max_novelty: float = 1.0  # decline when more of the question than this is unknown to the base
    # A question that names no one from the articles ("明天会下雨吗") must be mostly made of
    # words the answering fact uses: nothing else ties it to the saga.
    unnamed_min_coverage: float = 0.5
    unnamed_max_novelty: float = 0.34
    unnamed_min_phrasing: float = 0.35
    # ... or a little less close when it uses most of the question's words: a role in place of
    # a name ("新任研究高级副总裁要跟哪位首席科学家一起领导研究部门?").
    unnamed_covered: float = 0.7
    unnamed_covered_min_phrasing: float = 0.3

    def score(self, f: Features) -> float:
        base = self.coverage * f.coverage + (1 - self.coverage) * f.phrasing
        base *= self.entity_floor + (1 - self.entity_floor) * f.entity_agreement
        if not f.intent_ok:
            base *= self.intent_mismatch
        return max(0.0, base - self.novelty_penalty * f.novelty)

    def accepts(self, top: Candidate, runner_up: float) -> bool:
        return self.decide(top, runner_up).accepted

    def decide(self, top: Candidate, runner_up: float) -> Decision:
        f = top.features
        # Every test below declines on its own; the order only picks the reason given. A veto
        # comes first: it is what cut the score.
        if not f.states_asked:  # "Peter Deng离职以后去了哪家公司": however close, it does not say
            return Decision(False, f"check:{f.failed_check}")
        if top.score < self.threshold:
            return Decision(False, "below_threshold")
        if f.novelty > self.max_novelty:
            return Decision(False, "too_novel")
        if f.foreign:  # "OpenAI打算什么时候IPO", "DeepSeek是哪家公司做的": not in the articles
            return Decision(False, "foreign_word")
        if not f.intent_ok and top.score < self.sure:
            # A fact that answers another kind of question only when the rest matches surely:
            # "Peter Deng离开后去了哪家公司" must not get "Peter Deng也已离职".
            return Decision(False, "intent_mismatch")
        least_phrasing = (
            self.unnamed_covered_min_phrasing
            if f.coverage >= self.unnamed_covered
            else self.unnamed_min_phrasing
        )
        if not f.named and (
            f.coverage < self.unnamed_min_coverage
            or f.novelty > self.unnamed_max_novelty
            or f.phrasing < least_phrasing
        ):
            return Decision(False, "unnamed_weak")
        if f.coverage < self.min_coverage and f.phrasing < self.phrasing_sure:
            return Decision(False, "low_coverage")
        if top.score >= self.sure or top.score - runner_up >= self.margin:
            return Decision(True, "accepted")
        return Decision(False, "no_margin")


@dataclass(frozen=True, slots=True)
class Candidate:
    fact: Fact
    score: float
    features: Features

    @property
    def coverage(self) -> float:
        return self.features.coverage


@dataclass(frozen=True, slots=True)
class _Term:
    """A question word as coverage weighs it."""

    token: str
    weight: float
    synonyms: frozenset[str]
    bigrams: tuple[str, ...]  # its two-character parts, for a word of three or more
    single: bool  # one character
    cjk: bool  # two or more characters, Chinese


@dataclass(slots=True)
class Matcher:
    base: FactBase
    weights: Weights = field(default_factory=lambda: Weights())
    _segmenter: Segmenter = field(init=False)
    _home: frozenset[str] = field(init=False)  # see home_organisations
    _alias_owner: dict[str, str] = field(init=False)
    _alias_lengths: dict[str, list[int]] = field(init=False)  # by first character, longest first
    _latin_aliases: list[str] = field(init=False)
    _latin_by_initial: dict[str, list[str]] = field(init=False)  # Latin aliases by first letter
    _cjk_aliases: dict[int, list[str]] = field(init=False)
    _cjk_other_names: dict[int, list[str]] = field(init=False)  # of teams, companies, products
    # person aliases by size and first syllable: (pinyin, alias)
    _cjk_sounds: dict[tuple[int, str], list[tuple[tuple[str, ...], str]]] = field(init=False)
    _cjk_shortened: dict[str, str] = field(init=False)  # a person's long name less a character
    _cjk_shortened_sizes: list[int] = field(init=False)
    _org_names: dict[str, str] = field(init=False)  # organisation id -> regex of its names
    _title_patterns: dict[tuple[str, str], tuple[re.Pattern[str], re.Pattern[str]]] = field(init=False)
    _title_holders: dict[str, str] = field(init=False)  # title token -> its one holder
    _stated_texts: dict[str, str] = field(init=False)  # fact id -> answer and quotes, simplified
    _person_names: dict[str, str] = field(init=False)  # person id -> regex of their names
    _titled: dict[str, tuple[frozenset[str], frozenset[str]]] = field(init=False)  # see _titled_people
    _title_of_person: dict[str, tuple[re.Pattern[str], re.Pattern[str]] | None] = field(init=False)
    _facts: list[_IndexedFact] = field(init=False)
    _postings: Postings = field(init=False)  # facts by word
    _by_entity: Postings = field(init=False)  # facts by entity
    _idf: Idf = field(init=False)  # a word's IDF, by word
    _idf_unknown: float = field(init=False)

    cache_dir: Path | None = None  # where the built index is kept between runs (see index); None: none
    work: Work = field(init=False, default_factory=Work)

    def __post_init__(self) -> None:
        # Domain words and every name stay whole when segmented: 超级对齐, 后训练, 穆拉蒂.
        words = {self._prepare(k) for f in self.base.facts for k in f.keywords}
        words |= {self._prepare(n) for e in self.base.entities.values() for n in e.all_names()}
        # 搞掉 and 打工人 stay whole, to find their group; question words (几岁) stay cues.
        words |= {w for w in SYNONYMS if _IS_CJK.match(w) and not _QUESTION_WORD.search(w)}
        self._segmenter = Segmenter(words)
        self._home = home_organisations(self.base.entities.values())
        self._build_aliases()
        reader = IndexReader(
            prepare=self._prepare,
            exact_entities=lambda key: self.find_entities(key, fuzzy=False),
            content_tokens=self.content_tokens,
            derived_intents=self._derived_intents,
            is_alias=self._alias_owner.__contains__,
        )
        built = index.load_or_build(self.base, reader, self.cache_dir)
        self._facts, self._postings, self._by_entity = built.facts, built.postings, built.by_entity
        self._idf, self._idf_unknown = built.idf, built.idf_unknown

    # -- entities ---------------------------------------------------------------------------

    def _build_aliases(self) -> None:
        owner: dict[str, str] = {}
        for entity in self.base.entities.values():
            for name in entity.all_names():
                folded = fold_name(name)
                if len(folded) >= 2 or _IS_CJK.match(folded):
                    owner.setdefault(folded, entity.id)
        self._alias_owner = owner
        lengths: dict[str, set[int]] = defaultdict(set)
        for alias in owner:
            lengths[alias[0]].add(len(alias))
        self._alias_lengths = {ch: sorted(sizes, reverse=True) for ch, sizes in lengths.items()}
        self._latin_aliases = [a for a in owner if a.isascii() and len(a) >= 4]
        by_initial: dict[str, list[str]] = defaultdict(list)
        for alias in self._latin_aliases:
            by_initial[alias[0]].append(alias)
        self._latin_by_initial = dict(by_initial)
        cjk: dict[int, list[str]] = defaultdict(list)
        other: dict[int, list[str]] = defaultdict(list)
        for alias, entity_id in owner.items():
            if not all(_IS_CJK.match(ch) for ch in alias):
                continue
            # Names of people are matched by similarity; other names only with one character
            # wrong in place ("超级对其" for 超级对齐): a window like "对齐团队现" is as
            # similar to the team name "超对齐团队" as a typo would be.
            if self.base.entities[entity_id].kind == "person":
                if len(alias) >= 3:
                    cjk[len(alias)].append(alias)
            elif len(alias) >= 4:
                other[len(alias)].append(alias)
        self._cjk_aliases = dict(cjk)
        sounds: dict[tuple[int, str], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for names in cjk.values():
            for alias in names:
                heard = syllables(alias)
                sounds[len(alias), heard[0]].append((heard, alias))
        self._cjk_sounds = dict(sounds)
        self._cjk_other_names = dict(other)
        # A long name with one inner character left out (奥尔曼 for 奥尔特曼, 苏克维 for
        # 苏茨克维); first and last characters stay, and a form two people share names neither.
        shortened: dict[str, set[str]] = defaultdict(set)
        for alias in (a for aliases in cjk.values() for a in aliases if len(a) >= 4):
            for i in range(1, len(alias) - 1):
                shortened[alias[:i] + alias[i + 1 :]].add(owner[alias])
        self._cjk_shortened = {
            form: next(iter(owners))
            for form, owners in shortened.items()
            if len(owners) == 1 and form not in owner and not CJK_STOP_RE.search(form)
        }
        self._cjk_shortened_sizes = sorted({len(form) for form in self._cjk_shortened}, reverse=True)
        self._org_names = {
            entity.id: _names_pattern(entity)
            for entity in self.base.entities.values()
            if entity.kind == "org" and entity.id not in self._home
        }
        self._person_names = {
            entity.id: _names_pattern(entity)
            for entity in self.base.entities.values()
            if entity.kind == "person"
        }
        self._title_patterns = {}
        self._stated_texts = {}
        self._titled = {}
        self._title_of_person = {}
        self._build_title_holders()

    def _build_title_holders(self) -> None:
        """Titles at OpenAI that one person alone held in the articles, as content tokens:
        首席技术官 and cto are Murati, 首席财务官 Friar. A title several people held (CEO,
        首席科学家, 联合创始人) describes no one."""
        holders: dict[str, set[str]] = defaultdict(set)
        for entity in self.base.entities.values():
            if entity.kind != "person":
                continue
            for role in entity.roles:
                if role.org not in self._home:
                    continue
                title = to_simplified(nfkc(role.title)).casefold()
                acronyms = _TITLE_ACRONYM.findall(title)
                for part in (*_TITLE_PARTS.split(_TITLE_NOTE.sub("", title)), *acronyms):
                    part = _TITLE_QUALIFIER.sub("", part.strip())
                    if _EXECUTIVE_TITLE.search(part):
                        holders[part].add(entity.id)
        # A title and its synonyms are one post: CEO and 首席执行官 were held by three people.
        merged = {
            title: set().union(*(holders.get(form, set()) for form in _forms(title))) for title in holders
        }
        self._title_holders = {
            title: next(iter(people)) for title, people in merged.items() if len(people) == 1
        }

    def _described_person(self, tokens: Sequence[str]) -> tuple[str, str] | None:
        """(the person a title in the question describes, that title's token), if exactly one."""
        found: dict[str, str] = {}
        for token in tokens:
            for form in (token, *SYNONYMS.get(token, ())):
                person = self._title_holders.get(form)
                if person is not None:
                    found.setdefault(person, token)
                    break
        if len(found) != 1:
            return None
        ((person, token),) = found.items()
        return person, token

    # -- titles -----------------------------------------------------------------------------
    # "亚马逊的创始人是谁" asks who holds a title at an organisation; only a fact that says so
    # next to that organisation's name answers it. OpenAI is left out: its facts name titles
    # without the company ("首席技术官穆拉蒂").

    def _title_pattern(self, org: str, title: TitleRule) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """(how a question asks org's title, how a fact states it)"""
        patterns = self._title_patterns.get((org, title.name))
        if patterns is None:
            names = self._org_names[org]
            asked, stated, verbs = title.asked, title.stated, title.verbs
            gap = r"[^,.;:!?，。；：！？\n]{0,8}?"
            question = re.compile(
                rf"(?:{names})\s?(?:公司|集团)?的?(?:现任|前任|现在的|目前的|如今的|新任|现|前|新)?\s?(?:{asked})"
                rf"|谁\s?(?:{verbs})了?\s?(?:{names})|(?:{names})\s?是?由?谁\s?(?:{verbs})"
            )
            fact = re.compile(rf"(?:{names}){gap}(?:{stated})|(?:{verbs})了?{gap}(?:{names})")
            patterns = self._title_patterns[(org, title.name)] = (question, fact)
        return patterns

    def _titles_asked(self, key: str, entities: Sequence[str]) -> tuple[tuple[str, TitleRule], ...]:
        return tuple(
            (org, title)
            for org in entities
            if org in self._org_names
            for title in ORG_TITLES
            if self._title_pattern(org, title)[0].search(key)
        )

    def _stated_text(self, fact: Fact) -> str:
        """What a fact itself says (answer and quotes, not phrasings), simplified and folded."""
        text = self._stated_texts.get(fact.id)
        if text is None:
            pieces = [fact.answer, *(source.quote for source in fact.sources)]
            text = self._stated_texts[fact.id] = to_simplified(nfkc("\n".join(pieces))).casefold()
        return text

    def _states_title(self, fact: Fact, org: str, title: TitleRule) -> bool:
        return self._title_pattern(org, title)[1].search(self._stated_text(fact)) is not None

    def _titled_people(self, fact: Fact) -> tuple[frozenset[str], frozenset[str]]:
        """(the people a fact names by their title, "首席研究官Bob McGrew", and those it says
        were given one, "穆拉蒂晋升为OpenAI首席技术官")"""
        titled = self._titled.get(fact.id)
        if titled is None:
            text = self._stated_text(fact)
            named_by: set[str] = set()
            given: set[str] = set()
            for person in fact.entities:
                patterns = self._person_title_patterns(person)
                if patterns is None:
                    continue
                before, after = patterns
                if before.search(text):
                    named_by.add(person)
                if after.search(text):
                    given.add(person)
            titled = self._titled[fact.id] = (frozenset(named_by), frozenset(given))
        return titled

    def _person_title_patterns(self, person: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """(a title set before the person's name, a title given to them), compiled once."""
        if person not in self._title_of_person:
            names = self._person_names.get(person)
            patterns = None
            if names is not None:
                before = rf"(?:{TITLE_WORD})[^,.;:!?，。；：！？\n]{{0,4}}?(?:{names})"
                given = rf"(?:{names})[^.;!?。；！？\n]{{0,20}}?(?:{TITLE_GIVEN})[^,.;，。；\n]{{0,16}}?(?:{TITLE_WORD})"
                patterns = (re.compile(before), re.compile(given))
            self._title_of_person[person] = patterns
        return self._title_of_person[person]

    def _gives_title(self, fact: Fact, person: str) -> bool:
        return any(person in people for people in self._titled_people(fact))

    def find_entities(self, key: str, *, fuzzy: bool = True) -> tuple[list[str], str]:
        """Entity ids named in `key` (in order) and the key with those names marked out.

        Longest alias first at each position, looked up by dictionary in a copy of the key
        without separators (so "山姆·奥特曼" and "sam altman" match their folded aliases);
        a Latin alias must not be part of a longer word ("jan" is not in "january").
        """
        positions = [i for i, ch in enumerate(key) if not _NAME_SEPARATOR.match(ch)]
        compact = "".join(key[i] for i in positions)
        found: list[str] = []
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(compact):
            for length in self._alias_lengths.get(compact[i], ()):
                if i + length > len(compact):
                    continue
                entity_id = self._alias_owner.get(compact[i : i + length])
                if entity_id is None:
                    continue
                start, end = positions[i], positions[i + length - 1] + 1
                if _inside_word(key, start, end):
                    continue
                if entity_id not in found:
                    found.append(entity_id)
                spans.append((start, end))
                i += length
                break
            else:
                i += 1
        pieces: list[str] = []
        last = 0
        for start, end in spans:
            pieces += [key[last:start], _ENTITY_MARK]
            last = end
        residual = "".join(pieces) + key[last:]
        if fuzzy:
            near, residual = self._find_entities_fuzzy(residual)
            found += [e for e in near if e not in found]
            residual = self._absorb_misspelt_parts(found, residual)
        return found, residual

    def _absorb_misspelt_parts(self, found: list[str], residual: str) -> str:
        """A short misspelt word next to a name already found is part of it: in "barret zof"
        Barret names Zoph, and "zof" is his surname misspelt, not an unknown topic."""
        if not found:
            return residual
        own = [a for a in self._latin_aliases if self._alias_owner[a] in found]
        for word in set(_LATIN_WORD.findall(residual)):
            if len(word) < 3 or word in EN_STOP or word in EN_GLOSSARY or self._known(word):
                continue
            if process.extractOne(word, own, scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF):
                residual = re.sub(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", _ENTITY_MARK, residual)
        return residual

    def _find_entities_fuzzy(self, key: str) -> tuple[list[str], str]:
        """Typos in names ('Sutskevr', '穆拉提') in what exact aliases left of the key."""
        found: list[str] = []
        residual = key
        # In a Chinese question a Latin word is a name, so a four-letter one may be a typo too
        # ("Ilia"); in English, four letters are too often a word a letter from a name.
        shortest = 4 if _IS_CJK.search(key) else 5
        for word in set(_LATIN_WORD.findall(key)):
            if len(word) < shortest or word in EN_STOP or word in EN_GLOSSARY:
                continue
            # An edit or two, not a similar-looking word: "sutskevr" is Sutskever, "share" is not
            # Shear. OSA counts a swap of neighbours ("chatgtp") as one edit. A typo keeps the
            # first letter: "night" is not Knight.
            near = process.extractOne(
                word,
                self._latin_by_initial.get(word[0], []),
                scorer=OSA.distance,
                score_cutoff=1 if len(word) < 8 else 2,
            )
            if near:
                found.append(self._alias_owner[near[0]])
                residual = residual.replace(word, _ENTITY_MARK)
        # Every window below is counted against one budget: past it, the rest of a long
        # message is not searched for misspelt names.
        budget = MAX_NAME_WINDOWS

        def spend(windows: int) -> bool:
            nonlocal budget
            windows = max(windows, 0)
            self.work.name_windows += min(windows, budget)
            budget -= windows
            return budget >= 0

        for run in _CJK_RUN.findall(residual):
            for size in self._cjk_shortened_sizes:
                if not spend(len(run) - size + 1):
                    return found, residual
                for start in range(len(run) - size + 1):
                    window = run[start : start + size]
                    entity_id = self._cjk_shortened.get(window)
                    if entity_id is not None and window in residual:
                        if entity_id not in found:
                            found.append(entity_id)
                        residual = residual.replace(window, _ENTITY_MARK)
        for run in _CJK_RUN.findall(residual):
            for size, names in self._cjk_other_names.items():
                if not spend(len(run) - size + 1):
                    return found, residual
                for start in range(len(run) - size + 1):
                    window = run[start : start + size]
                    for name in names:
                        # The first character must match: "以后对齐团队" holds "后对齐团队", one
                        # character from 超对齐团队 but not a typo of it.
                        if (
                            window[0] == name[0]
                            and sum(a != b for a, b in zip(window, name, strict=True)) == 1
                        ):
                            if self._alias_owner[name] not in found:
                                found.append(self._alias_owner[name])
                            residual = residual.replace(window, _ENTITY_MARK)
                            break
            # Characters a longer name took are not read again (奥尔德曼 is not also 舒尔曼 in
            # 尔德曼), and no name starts with a joining character ("和舒尔" is not 舒尔曼).
            taken = [False] * len(run)
            run_sounds = syllables(run)
            for size in sorted(self._cjk_aliases, reverse=True):
                if not spend(len(run) - size + 1):
                    return found, residual
                for start in range(len(run) - size + 1):
                    window = run[start : start + size]
                    if any(taken[start : start + size]) or window[0] in _JOINING_CHARS:
                        continue
                    if CJK_STOP_RE.fullmatch(window[:2]) or CJK_STOP_RE.fullmatch(window[-2:]):
                        continue
                    hits = process.extract(
                        window,
                        self._cjk_aliases[size],
                        scorer=fuzz.ratio,
                        score_cutoff=FUZZY_CJK_CUTOFF,
                        limit=None,
                    )
                    if not hits:
                        # Heard, not misspelt: 艾美特希尔 is 埃米特希尔 in pinyin but for a letter.
                        heard = run_sounds[start : start + size]
                        same_start = self._cjk_sounds.get((size, heard[0]), [])
                        alike = [alias for name, alias in same_start if sounds_alike(heard, name)]
                        if len({self._alias_owner[a] for a in alike}) != 1:
                            continue
                        hits = [(alike[0], 100.0, 0)]
                    # Equal scores are common in three-character names ("马期克" is as near
                    # 马斯克 as 马克陈 by ratio): a typo keeps the other characters in place.
                    alias = max(
                        hits, key=lambda h: (h[1], sum(a == b for a, b in zip(window, h[0], strict=True)))
                    )[0]
                    if self._alias_owner[alias] not in found:
                        found.append(self._alias_owner[alias])
                        residual = residual.replace(window, _ENTITY_MARK)
                        taken[start : start + size] = [True] * size
        return found, residual

    # -- tokens -----------------------------------------------------------------------------

    def content_tokens(self, text: str, *, glossary: bool = False) -> list[str]:
        """Content words of `text` (simplified, lower case): Latin words as written, CJK runs
        segmented by jieba, function words removed. With `glossary`, English domain words
        become the Chinese words the facts use."""
        tokens: list[str] = []
        for piece in _PIECE.findall(text):
            if not _IS_CJK.match(piece):
                if glossary and piece in EN_GLOSSARY:
                    tokens.extend(self.content_tokens(EN_GLOSSARY[piece]) or [EN_GLOSSARY[piece]])
                elif piece not in EN_STOP and (len(piece) > 1 or piece.isdigit()):
                    tokens.append(piece)
                continue
            for word in self._segmenter.words(piece):
                if word in CJK_STOP:  # before trimming: 现在 is a function word, 现 is not
                    continue
                trimmed = word.strip(_EDGE) if len(word) >= 2 else word
                if trimmed and trimmed not in CJK_STOP:
                    tokens.append(trimmed)
        return tokens

    # -- index ------------------------------------------------------------------------------

    def _prepare(self, text: str) -> str:
        return matching_key(to_simplified(nfkc(text)))

    def _derived_intents(self, fact: Fact, answer_key: str) -> set[Intent]:
        """Intents the answer can serve by what it contains, beyond those the record lists:
        a dated fact says when, one with a figure says how many, and so on. Who and where
        also depend on the question (see _serves)."""
        derived: set[Intent] = set()
        if fact.date is not None or _WHEN_TEXT.search(answer_key):
            derived.add(Intent.WHEN)
        if fact.kind == "figure" or _AMOUNT_TEXT.search(_DATE_TEXT.sub(" ", answer_key)):
            derived.add(Intent.HOW_MANY)
        if _PLACE_TEXT.search(answer_key):
            derived.add(Intent.WHERE)
        if _REASON_TEXT.search(answer_key):
            derived.add(Intent.WHY)
        if _SOURCE_TEXT.search(answer_key):
            derived.add(Intent.SOURCE)
        return derived

    # -- matching ---------------------------------------------------------------------------

    def analyse(self, key: str) -> QueryAnalysis:
        key = bounded_key(key)
        self.work.analyses += 1
        self.work.analysed_chars += len(key)
        key = english_phrases(to_mandarin(key))
        entities, residual = self.find_entities(key)
        intents = tuple(rule.intent for rule in INTENT_CUES if rule.cue.search(key))
        if Intent.WHEN in intents and _WHEN_CLAUSE.search(key) and not _asks_when(_WHEN_CLAUSE.sub(" ", key)):
            intents = tuple(i for i in intents if i != Intent.WHEN)
        if Intent.SOURCE in intents:  # the 哪家 of 哪家媒体 and the 谁 of 谁报道 ask for the outlet
            intents = tuple(i for i in intents if i not in (Intent.WHERE, Intent.WHO))
        # "那个华人PM Peter Deng": words set before a name only point at the person, they ask nothing.
        content = _APPOSITIVE.sub(" ", residual)
        content = QUESTION_PHRASE_RE.sub(" ", content.replace(_ENTITY_MARK, " "))
        content = LIGHT_VERB_RE.sub(" ", content)
        tokens = tuple(dict.fromkeys(self.content_tokens(content, glossary=True)))
        tokens = tuple(dict.fromkeys(part for t in tokens for part in self._known_spellings(t)))
        tokens = tokens[-MAX_ANALYSED_TOKENS:]  # every candidate is scored word by word
        # In a Chinese question, Latin words are names (people, products, companies); one
        # the fact base never uses is about something else. English questions are judged by
        # novelty instead: their unknown words are mostly ordinary verbs.
        # A year no fact mentions ("2025年OpenAI的估值") is outside the articles in any language.
        chinese = bool(_IS_CJK.search(residual))
        foreign = tuple(
            t
            for t in tokens
            if not self._known(t) and (_YEAR.fullmatch(t) or (chinese and _LATIN_NAME.fullmatch(t)))
        )
        described: tuple[str, ...] = ()
        if not any(self.base.entities[e].kind == "person" for e in entities) and all(
            e in self._home or self.base.entities[e].kind != "org" for e in entities
        ):
            # "那位前CTO在2016年去了哪家新创" is about Murati, as if it named her. A who-question
            # asks for the holder, so its title stays a word to match ("今年上任的CFO是谁").
            holder = self._described_person(tokens)
            if holder is not None:
                person, title = holder
                described = (person,)
                entities = [*entities, person]
                if Intent.WHO not in intents and not _NAME_ASKED.search(key):
                    tokens = tuple(t for t in tokens if t != title)
        units = tuple(rule for rule in AMOUNT_UNITS if rule.asked.search(key))
        titles = self._titles_asked(key, entities)
        day = bool(DAY_ASKED.search(key))
        return QueryAnalysis(
            key,
            tuple(entities),
            intents,
            COURTESY_RE.sub("", residual),
            tokens,
            self._novelty(tokens),
            foreign,
            units,
            titles,
            day,
            bool(_AFTER_LEAVING.search(key) and (Intent.WHERE in intents or _COMPANY_ASKED.search(key))),
            tuple(rule for rule in ASKED_DETAILS if rule.asked.search(key)),
            bool(_NAME_ASKED.search(key)),
            bool(OUTCOME_ASKED.search(key)),
            described,
            self._title_asked_of(key),
            self._counted(key) if Intent.HOW_MANY in intents else frozenset(),
            self._name_asked_of(residual),
            self._share_of(key) if Intent.HOW_MANY in intents else (),
        )

    def _share_of(self, key: str) -> tuple[frozenset[str], ...]:
        """Whose share a question asks ("员工里女性占多少": 女性), each word with its synonyms.
        The share's own figure is AMOUNT_UNITS' business; the fact must be about the same
        thing, in every word ("女性员工" is not 员工)."""
        found = _SHARE_OF.search(key)
        if found is None:
            return ()
        words = [w for w in self.content_tokens(found.group(1)) if len(w) >= 2]
        return tuple(_forms(w) for w in words)

    def _name_asked_of(self, residual: str) -> frozenset[str]:
        """The noun whose name is asked ("那个流量监测工具叫什么名字": 监测工具), with its
        synonyms; empty for a name the question already points at ("Mark Chen的中文名字")."""
        cue = _NAME_ASKED.search(residual)
        if cue is None:
            return frozenset()
        clause = _CLAUSE_PUNCT.split(residual[: cue.start()])[-1].rsplit(_ENTITY_MARK, 1)[-1]
        words = [w for w in self.content_tokens(clause) if _IS_CJK.match(w)]
        if not words:
            return frozenset()
        return _forms(words[-1])

    def _names_near(self, indexed: _IndexedFact, nouns: frozenset[str], asked: frozenset[str]) -> bool | None:
        """Whether the fact names something in the same clause as, and close to, one of `nouns`;
        None when it never mentions them."""
        text = self._stated_text(indexed.fact)
        spots = [m.span() for noun in nouns for m in re.finditer(re.escape(noun), text)]
        if not spots:
            return None
        pointed = asked | self._home
        names = [
            m.span()
            for entity in indexed.named - pointed
            if not entity.startswith("~")
            for m in re.finditer(
                self._org_names.get(entity) or self._person_names.get(entity) or "(?!)", text
            )
        ]
        names += [
            m.span()
            for m in _LATIN_WORD.finditer(text)
            if self._alias_owner.get(fold_name(m.group())) not in pointed and m.group() not in EN_STOP
        ]
        names += [m.span() for m in _QUOTED.finditer(text)]
        for start, end in spots:
            for name_start, name_end in names:
                if start - _NAME_BEFORE <= name_end <= start:
                    between = text[name_end:start]
                elif end <= name_start <= end + _NAME_AFTER:
                    between = text[end:name_start]
                else:
                    continue
                if not _CLAUSE_PUNCT.search(between):
                    return True
        return False

    def _counted(self, key: str) -> frozenset[str]:
        """The words a how-many question counts ("多少个假帐号": 帐号), with their synonyms."""
        found = _COUNTED.search(key)
        if found is not None and not _NOT_COUNTED.match(found.group(1)):
            words = [w for w in self.content_tokens(found.group(1)) if len(w) >= 2]
        elif (people := _PEOPLE_OF.search(key)) is not None:
            words = [w for w in self.content_tokens(people.group(1)) if len(w) >= 2][-1:]
        else:
            return frozenset()
        return frozenset().union(*map(_forms, words))

    def _title_asked_of(self, key: str) -> str | None:
        """Whose title the question asks: the person named last before the cue ("Bob McGrew在
        OpenAI的职称"), else first after it ("What title did McGrew hold"). A pronoun or a
        relative between them points at someone else: "让谁暂代CEO?她原本是什么职务?"."""
        cue = TITLE_ASKED.search(key)
        if cue is None:
            return None
        found, residual = self.find_entities(key[: cue.start()])
        before = [e for e in found if self.base.entities[e].kind == "person"]
        if before:
            parts = residual.split(_ENTITY_MARK)
            if len(before) >= 2 and len(found) == len(parts) - 1 and _SUCCEEDS.fullmatch(parts[-2].strip()):
                return before[-2]  # "Mark Chen接替McGrew后是什么职位" asks Mark Chen's
            return None if _SOMEONE_ELSE.search(parts[-1]) else before[-1]
        found = self.find_entities(key[cue.start() :])[0]
        return next((e for e in found if self.base.entities[e].kind == "person"), None)

    def _known_spelling(self, token: str) -> str:
        """A Latin token as the fact base spells it: "gpt3.5" is "gpt-3.5", "gpt-4o" "gpt4o"."""
        if self._known(token) or not _LATIN_NAME.fullmatch(token):
            return token
        for variant in (_LETTER_DIGIT.sub(r"\1-\2", token), token.replace("-", "")):
            if self._known(variant):
                return variant
        return token

    def _known_spellings(self, token: str) -> tuple[str, ...]:
        """The token as the fact base spells it; a hyphenated word it never uses as a whole in
        its parts: "rlhf-trained" is RLHF and trained. A version stays whole: "gpt-5" is not GPT."""
        known = self._known_spelling(token)
        if self._known(known) or "-" not in known or not all(p.isalpha() for p in known.split("-") if p):
            return (known,)
        return tuple(self._known_spelling(part) for part in known.split("-") if part)

    def _known(self, token: str) -> bool:
        return token in self._idf or any(s in self._idf for s in SYNONYMS.get(token, ()))

    def _novelty(self, tokens: Sequence[str]) -> float:
        if not tokens:
            return 0.0
        weights = [self._weight(t) for t in tokens]
        unknown = sum(w for t, w in zip(tokens, weights, strict=True) if not self._known(t))
        return unknown / sum(weights)

    def _weight(self, token: str) -> float:
        if token in self._idf:
            return self._idf[token]
        known = [self._idf[s] for s in SYNONYMS.get(token, ()) if s in self._idf]
        return max(known) if known else self._idf_unknown

    def _coverage_terms(self, tokens: Sequence[str]) -> list[_Term]:
        """What _coverage needs of each question word, worked out once per question."""
        return [
            _Term(
                token,
                self._weight(token),
                SYNONYMS.get(token, frozenset()),
                tuple(token[i : i + 2] for i in range(len(token) - 1)) if len(token) >= 3 else (),
                len(token) == 1,
                len(token) >= 2 and _IS_CJK.match(token) is not None,
            )
            for token in tokens
        ]

    @staticmethod
    def _coverage(
        terms: Sequence[_Term], indexed: _IndexedFact, stated: frozenset[str] = frozenset()
    ) -> float:
        """The IDF-weighted share of the question's words the fact uses. stated: words the fact
        states in other words (职位 of a fact giving the title)."""
        if not terms:
            return 1.0
        bag, core = indexed.bag, indexed.core
        hit = 0.0
        total = 0.0
        for term in terms:
            token, weight, synonyms = term.token, term.weight, term.synonyms
            total += weight
            if token in stated or token in core or not synonyms.isdisjoint(core):
                hit += weight
            elif token in bag or not synonyms.isdisjoint(bag):
                # A word only the fact's phrasings use says less: phrasings ask, they do not state.
                hit += weight * PHRASING_WORD
            elif term.single and token in indexed.chars:
                hit += weight / 2  # a lone character the fact uses in some word: 逼 ~ 逼迫
            elif term.bigrams and any(bigram in bag for bigram in term.bigrams):
                hit += weight / 2  # a compound whose part the fact uses: 解雇后 ~ 解雇
            elif term.cjk and token in indexed.core_text:
                hit += weight / 2  # a part of a compound the fact uses: 副总裁 ~ 研究高级副总裁
        return hit / total

    def _candidate_positions(self, query: QueryAnalysis) -> list[int]:
        """The facts worth scoring in full, best first by a cheap vectorised pre-score.

        With entities named, only facts about them (about all of them if any are, else
        about any); the pre-score is the IDF weight of the question's words (or their
        synonyms) each fact uses. numpy keeps this linear pass fast at 100,000 facts.
        """
        count = len(self._facts)
        allowed: np.ndarray | None = None
        if query.entities:
            masks = []
            for entity in query.entities:
                mask = np.zeros(count, dtype=bool)
                found = self._by_entity.get(entity)
                mask[found if found is not None else _EMPTY] = True
                masks.append(mask)
            every = np.logical_and.reduce(masks)
            allowed = every if every.any() else np.logical_or.reduce(masks)
        scores = np.zeros(count, dtype=np.float32)
        for token in query.tokens:
            hit = np.zeros(count, dtype=bool)
            for form in (token, *SYNONYMS.get(token, ())):
                postings = self._postings.get(form)
                if postings is not None:
                    hit[postings] = True
            scores += hit * np.float32(self._weight(token))
        if allowed is not None:
            scores[~allowed] = -1.0
            pool = int(allowed.sum())
        else:
            pool = int((scores > 0).sum())
        if pool == 0:
            return []
        take = min(pool, CANDIDATES * 2)
        best = np.argpartition(-scores, take - 1)[:take] if take < count else np.arange(count)
        best = best[scores[best] >= (0 if allowed is not None else 1e-9)]
        return [int(i) for i in best[np.argsort(-scores[best], kind="stable")]]

    def rank(self, query: QueryAnalysis, limit: int = 5) -> list[Candidate]:
        positions = self._candidate_positions(query)
        if not positions:
            return []
        query_entities = frozenset(query.entities)
        # The person a title describes is the answer to a who-question, not its subject.
        asked_about = query_entities - frozenset(query.described)
        # The first person a question names is whom it is about: "What did Nadella say about
        # Murati leaving?" is not answered by what Murati said.
        subject = next((e for e in query.entities if self.base.entities[e].kind == "person"), None)
        title_of = query.title_of
        given = _figures(query.key)
        # "Clark在Anthropic是什么职位" asks his title there: a fact giving his OpenAI title is a near miss.
        title_at = [
            _names_pattern(self.base.entities[e])
            for e in query.entities
            if self.base.entities[e].kind == "org"
        ]

        tokens = query.tokens
        if title_of is not None and _TITLE_TOKENS.isdisjoint(tokens):
            tokens = (*tokens, "职位")  # "Zoph在OpenAI负责哪一块" asks the title in other words
        terms = self._coverage_terms(tokens)  # once, not per candidate

        def coverage_of(indexed: _IndexedFact) -> float:
            if title_of is not None and self._gives_title(indexed.fact, title_of):
                return self._coverage(terms, indexed, _TITLE_TOKENS)
            return self._coverage(terms, indexed)

        pre = sorted(((coverage_of(self._facts[p]), p) for p in positions), reverse=True)
        strong = [i for i in query.intents if i in STRONG_INTENTS]
        ranked: list[Candidate] = []
        scored = pre[:CANDIDATES]
        self.work.scored += len(scored)
        phrasings = self._phrasing_scores(query, [self._facts[position] for _, position in scored])
        for (coverage, position), phrasing in zip(scored, phrasings, strict=True):
            indexed = self._facts[position]
            if query_entities:
                entity_agreement = len(query_entities & indexed.entities) / len(query_entities)
            else:
                entity_agreement = 1.0
            intent_ok = not strong or any(
                self._serves(indexed, i, asked_about, query.units, query.day, given, query.counted)
                for i in strong
            )
            # What the question asks beyond its kind, which a fact either states or does not.
            failed_check = self._failed_check(indexed, query, asked_about, subject, title_at)
            states_asked = failed_check is None
            features = Features(
                coverage,
                phrasing,
                entity_agreement,
                intent_ok and states_asked,
                query.novelty,
                bool(query_entities),
                bool(query.foreign),
                states_asked,
                failed_check,
            )
            ranked.append(Candidate(indexed.fact, self.weights.score(features), features))
        ranked.sort(key=lambda c: (-c.score, c.fact.id))
        if Intent.WHEN in query.intents and ranked:
            # Between facts that match about equally, a when-question is better answered by
            # the more precise date ("2024年5月" before "2024年").
            near = [c for c in ranked if ranked[0].score - c.score <= WHEN_TIE and c.features.intent_ok]
            best = max(near, key=lambda c: _DATE_DETAIL.get(c.fact.precision or "", 0), default=None)
            if best is not None and best is not ranked[0] and ranked[0].features.intent_ok:
                ranked.remove(best)
                ranked.insert(0, best)
        if title_of is not None and ranked and not _TIME_CUE.search(query.key):
            # "穆拉蒂是什么职位" asks what she is: the title the articles set before her name
            # (首席技术官穆拉蒂), not the one she was given on joining in 2018.
            near = [c for c in ranked if ranked[0].score - c.score <= TITLE_TIE and c.features.states_asked]
            best = next((c for c in near if title_of in self._titled_people(c.fact)[0]), None)
            if best is not None and best is not ranked[0] and ranked[0].features.states_asked:
                ranked.remove(best)
                ranked.insert(0, best)
        return ranked[:limit]

    def _phrasing_scores(self, query: QueryAnalysis, candidates: list[_IndexedFact]) -> list[float]:
        """Each candidate's closest phrasing to the question, names aside (rapidfuzz ratio), in
        one cdist call over all their phrasings rather than one call per phrasing."""
        residuals = [residual for indexed in candidates for residual in indexed.residuals]
        if not residuals:
            return [0.0] * len(candidates)
        ratios = process.cdist([query.residual], residuals, scorer=fuzz.ratio, dtype=np.float64)[0] / 100
        query_entities = frozenset(query.entities)
        factors: dict[frozenset[str], float] = {}

        def factor(named: frozenset[str]) -> float:
            # A phrasing about other people matches less: "亚马逊的创始人" vs "Twitch的创始人".
            found = factors.get(named)
            if found is None:
                if query_entities or named:
                    union = query_entities | named
                    found = 0.6 + 0.4 * len(query_entities & named) / len(union)
                else:
                    found = 1.0
                factors[named] = found
            return found

        with_phrasings = [indexed for indexed in candidates if indexed.residuals]
        weighted = ratios * np.concatenate(
            [
                np.asarray([factor(group) for group in indexed.entity_groups], dtype=np.float64)[
                    indexed.group_of
                ]
                for indexed in with_phrasings
            ]
        )
        starts = np.cumsum([0] + [len(indexed.residuals) for indexed in with_phrasings[:-1]])
        best = iter(np.maximum.reduceat(weighted, starts).tolist())
        return [max(0.0, next(best)) if indexed.residuals else 0.0 for indexed in candidates]

    def _failed_check(
        self,
        indexed: _IndexedFact,
        query: QueryAnalysis,
        asked_about: frozenset[str],
        subject: str | None,
        title_at: Sequence[str] = (),
    ) -> str | None:
        """The first of CHECKS the fact fails for this question, None when it passes them all."""
        fact = indexed.fact
        for org, title in query.titles:
            if not self._states_title(fact, org, title):
                return f"org_title:{title.name}"
        if query.after_leaving and not _tells_a_move(fact.answer):
            return "tells_a_move"
        for rule in query.details:
            if not rule.stated.search(self._stated_text(fact)):
                return f"detail:{rule.name}"
        if query.name_asked and not self._names_a_thing(indexed, query, asked_about):
            return "names_a_thing"
        if query.outcome_asked and STILL_OPEN.search(fact.answer):
            return "outcome_settled"
        if subject is not None and subject not in indexed.entities:
            return "about_the_subject"
        if query.title_of is not None and not self._gives_title(fact, query.title_of):
            return "gives_title"
        if query.title_of is not None and not all(re.search(o, self._stated_text(fact)) for o in title_at):
            return "title_at"
        # "聊了多久" needs a length of time, "几岁" an age
        for rule in query.units:
            if not rule.stated.search(fact.answer):
                return f"unit:{rule.name}"
        if not all(any(w in fact.answer.casefold() for w in forms) for forms in query.share_of):
            return "share_of"
        return None

    def _names_a_thing(self, indexed: _IndexedFact, query: QueryAnalysis, asked: frozenset[str]) -> bool:
        """For a question asking a name: whether the fact names what it asks about, or, when
        it does not say which thing, anyone or anything the question does not name."""
        near = self._names_near(indexed, query.name_of, asked) if query.name_of else None
        return near if near is not None else bool(indexed.named - asked - self._home)

    def _serves(
        self,
        indexed: _IndexedFact,
        intent: Intent,
        asked_about: frozenset[str],
        units: tuple[Rule, ...] = (),
        day: bool = False,
        given: frozenset[str] = frozenset(),
        counted: frozenset[str] = frozenset(),
    ) -> bool:
        """Whether the fact can answer this kind of question. "Who replaced McGrew?" needs a
        fact naming someone besides McGrew; "where did Deng go?" an organisation besides
        the ones asked about; "那个20美元的诈骗损失了多少钱?" a figure besides the 20 it
        gives; "多少块GPU" a figure of GPUs. (The unit a how-many question names, "how old is
        Altman?", is what it asks: a fact without one does not say, however it ranks.)"""
        if intent == Intent.HOW_MANY and (
            (given and not _states_other_figure(indexed.fact.answer, given))
            or (counted and not _counts(indexed.fact.answer, counted))
        ):
            return False
        if intent == Intent.HOW_MANY and units:
            return True  # the fact states an amount in the unit asked ("到年底", "六年半")
        if intent == Intent.WHEN and day:
            fact = indexed.fact
            return fact.precision == "day" or DAY_STATED.search(fact.answer) is not None
        if intent in indexed.intents:
            return True
        if intent == Intent.WHO:
            return bool(indexed.people - asked_about)
        if intent in (Intent.WHERE, Intent.SOURCE):
            # Everyone in the saga worked at OpenAI: naming it does not say where someone went.
            return bool(indexed.orgs - asked_about - self._home)
        return False

    def accepts(self, ranked: Sequence[Candidate]) -> bool:
        """Whether the top candidate is good enough to answer with."""
        return self.decide(ranked).accepted

    def decide(self, ranked: Sequence[Candidate]) -> Decision:
        """Whether the top candidate is good enough to answer with, and why (or why not)."""
        if not ranked:
            return Decision(False, "no_candidate")
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        return self.weights.decide(ranked[0], runner_up)
