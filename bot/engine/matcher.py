"""Matching a normalised question to the fact that answers it: the facade that composes the
engine's stages (docs/engine.md).

`Matcher.analyse` runs the question stages: entities (bot/engine/entities.py), intents
(intents.py), content words (here, with the segmenter), slots (slots.py). `Matcher.rank` runs the
candidate stages: retrieval (the inverted index, here), features (features.py), checks
(checks.py, reading what a fact states through statements.py); `Matcher.decide` the acceptance
stage (acceptance.py).

A question whose content the best fact does not cover is declined: that is what
keeps "Dario Amodei的妻子是谁" from being answered with the nearest Amodei fact.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from bot.engine import index
from bot.engine.acceptance import REASONS, Decision, decide
from bot.engine.checks import CHECKS, Check, Checked, checks_for, first_failed
from bot.engine.concepts import (
    CONCEPTS,
    GENERAL_WORDS,
    RELATED_BY_CLASS,
    english_head,
    english_phrasal,
    related,
)
from bot.engine.entities import (
    ENTITY_MARK,
    FUZZY_CJK_CUTOFF,
    IS_CJK,
    LATIN_ALNUM,
    MAX_NAME_WINDOWS,
    SURNAME_CUTOFF,
    EntityFinder,
)
from bot.engine.features import (
    DATE_TEXT,
    PHRASING_WORD,
    STRONG_INTENTS,
    Candidate,
    Features,
    Term,
    Weights,
    figures,
    serves,
)
from bot.engine.features import coverage as fact_coverage
from bot.engine.features import coverages as fact_coverages
from bot.engine.index import Idf, IndexReader, Postings
from bot.engine.index import IndexedFact as _IndexedFact
from bot.engine.intents import intents_of
from bot.engine.lexicon import (
    CJK_STOP,
    COURTESY_RE,
    EDGE_PARTICLES,
    EN_GLOSSARY,
    EN_STOP,
    INTERJECTION,
    JUST,
    LIGHT_VERB_RE,
    ORG_TITLES,
    QUESTION_PHRASE_RE,
    SYNONYMS,
    english_phrases,
    to_mandarin,
)
from bot.engine.normalise import matching_key, read_copula, read_time_interrogative
from bot.engine.passages import POSITION_POOL, Passages
from bot.engine.rules import LazyPattern, Rule, TitleRule
from bot.engine.segment import Segmenter
from bot.engine.slots import NAME_ASKED, Slots, read_slots
from bot.engine.stage import Stage
from bot.engine.statements import Statements
from bot.factbase.domain import home_of, home_organisations
from bot.factbase.loader import FactBase
from bot.factbase.models import Fact, Intent
from bot.text import nfkc, to_simplified

# Re-exported: the stages' types were the matcher's, and callers import them from here.
__all__ = [
    "CANDIDATES",
    "CHECKS",
    "FUZZY_CJK_CUTOFF",
    "MAX_ANALYSED_CHARS",
    "MAX_ANALYSED_TOKENS",
    "MAX_NAME_WINDOWS",
    "PHRASING_WORD",
    "REASONS",
    "STRONG_INTENTS",
    "SURNAME_CUTOFF",
    "Candidate",
    "Decision",
    "Features",
    "Matcher",
    "QueryAnalysis",
    "Slots",
    "Weights",
    "Work",
    "bounded_key",
    "home_organisations",
]

ANALYSIS = Stage(
    "analysis",
    "bot.engine.matcher (Matcher.analyse)",
    requires=("question.key", "question.entities", "question.residual", "question.intents"),
    assigns=("question.tokens", "question.novelty", "question.foreign", "question.described"),
    doc="content words (jieba, function words out, glossary), novelty, foreign words; a person a title describes",
)
RETRIEVAL = Stage(
    "retrieval",
    "bot.engine.matcher (Matcher.rank)",
    requires=("question.tokens", "question.entities"),
    assigns=("candidate.fact",),
    doc="the inverted index -> the candidate facts worth scoring, best first by a cheap pre-score",
)

_CJK_CHAR = r"\u3400-\u9fff\uf900-\ufaff"
# What is left of an English contraction once its apostrophe is a space: the auxiliary of n't
# ("didn t", "wasn t") and the tails 'll, 're, 've. Function words, whatever the auxiliary.
_CONTRACTED = frozenset(
    {f"{aux}n" for aux in ("did", "does", "do", "was", "were", "is", "are", "could", "would", "should")}
    | {f"{aux}n" for aux in ("has", "have", "had", "must", "need", "ca", "might", "ain")}
    | {"ll", "re", "ve"}
)
_IS_CJK = IS_CJK
_PIECE = LazyPattern(rf"[{_CJK_CHAR}]+|[a-z0-9][a-z0-9%.+\-]*[a-z0-9%+]|[a-z0-9]")
_EDGE = "".join(EDGE_PARTICLES)
_ENTITY_MARK = ENTITY_MARK
_EMPTY = np.zeros(0, dtype=np.int32)
_LATIN_NAME = LazyPattern(r"[a-z][a-z0-9.\-]*[a-z0-9]")  # two or more characters, not a number
_PROPER_NAME = LazyPattern(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?: [A-Z][a-z]+)*(?![A-Za-z])")
_YEAR = LazyPattern(r"(?:19|20)\d\d")
# Characters no word starts with when jieba's HMM glues them to the verb after: a date's unit cut
# off its digits (2023年开 -> 年开), the interrogative 谁 (谁整的 -> 谁整).
_UNGLUED_LEADS = frozenset("年月日号谁")
_LETTER_DIGIT = LazyPattern(r"([a-z])(\d)")
# What an answer contains, for the intents it can serve (see Matcher._derived_intents).
_WHEN_TEXT = LazyPattern(r"\d{4}年|\d{1,2}月|[一二三四五六七八九十]+月|年底|年初|当天|周[一二三四五六日]")
_DATE_TEXT = DATE_TEXT  # dates are not amounts (bot.engine.features)
_AMOUNT_TEXT = LazyPattern(r"\d|[一二两三四五六七八九十百千万亿半几数]+整?(?:名|位|个|倍|年|天|成|亿|万|%)")
# An answer that names who reported it: "据FT报道", "外媒Vox扒出", "多家媒体", not a bare "据报道".
_SOURCE_TEXT = LazyPattern(r"据(?!报道)[^,。;:]{1,25}?报道|媒体|外媒|美媒|记者|报道称|《[^》]+》")
# "无故撤诉" answers why he withdrew: for no reason given
_REASON_TEXT = LazyPattern(r"因为|原因|由于|为了|因此|所以|理由|认为|担忧|担心|不满|希望|感谢|试图|目的|无故")


_APPOSITIVE = LazyPattern(rf"[那这](?:个|位|名)[^{_ENTITY_MARK},，?？]{{1,10}}?(?={_ENTITY_MARK})")

# Synonyms containing these stay out of the segmenter's dictionary: "几岁" must stay a cue.
_QUESTION_WORD = LazyPattern(r"几|多少|多大|什么|怎么")
# A question that gives a time asks the title held then, not the standing one.
_TIME_CUE = LazyPattern(
    r"\d|年|月|时候?|最初|最早|起初|当初|刚|加入|进入|之前|以前|此前|后来|之后|以后|曾经?|新|接下来|将|未来"
    r"|\b(?:when|before|after|first|join(?:ed)?|new|next|will)\b"
)
_TITLE_TOKENS = frozenset({"职位", *SYNONYMS["职位"]})
# How precise a fact's date is, for preferring the more precise of two near-equal answers.
_DATE_DETAIL = {"year": 1, "month": 2, "day": 3}
WHEN_TIE = 0.05  # scores this close are a tie for a when-question
TITLE_TIE = 0.15  # ... and for a question about what title someone holds
# A candidate this far below the best cannot be among the near ties either re-ordering weighs
# (the title's is measured from the when-question's choice, itself within WHEN_TIE of the best).
_TIES = WHEN_TIE + TITLE_TIE
_ROUNDING = 1e-9  # scores are compared with a margin, not to the last bit


CANDIDATES = 40  # facts scored in full after the coverage pre-ranking
# The share of its weight a word no fact uses keeps for a fact that carries every name the
# question gives and passes its intent and checks (measured on every set: at 0.5 six declines of
# answerable questions became right answers and nothing right became wrong; at 0.35 two right
# answers went wrong, at 0.25 and below out-of-scope questions were answered).
NOVEL_WORD = 0.5
ANALYSES_KEPT = 1024  # analyses remembered by key (Matcher.analyse), the oldest forgotten first
RANKINGS_KEPT = 256  # rankings remembered by analysis (Matcher.rank), the oldest forgotten first
# A question word's facts and weight, and the facts a question's names allow, remembered for the
# pre-score: most questions share their words and names with earlier ones (bounded: at 100,000
# facts a name's mask is 100 KB).
WORDS_KEPT = 2048
ENTITY_SETS_KEPT = 64
# Bounds on the work one message costs, since the engine runs inside the bot's event loop: a
# 2,000-character message must cost a few short questions, not fifty. The questions of every
# set in tests/data are at most ~130 characters and ~450 name windows, well inside both.
MAX_ANALYSED_CHARS = 200  # of a matching key, the last ones: a question ends its message
MAX_ANALYSED_TOKENS = 24  # content words of a key, the last ones (the sets' questions have <= 16)


# An interrogative that asks for a thing, not why (为什么, 为啥, 凭什么, 干啥 ask a reason).
_INTERROGATIVE = r"(?:(?<![为凭干])(?:什么|啥)|哪[个家位种些年国里]?|多少|几|谁|\bwhat|\bwhich|\bhow many)"
_ASKED_AFTER = LazyPattern(rf"{_INTERROGATIVE}\s*([\u3400-\u9fff]{{1,4}}|[a-z]+)")
_ASKED_BEFORE = LazyPattern(rf"([\u3400-\u9fff]{{1,4}}?)(?:是|在|做|干|有|叫|有关)*{_INTERROGATIVE}")


# A token with a question word written into it ("几高", "幾大", "多久"): what is asked, not paraphrase.
_HOLDS_INTERROGATIVE = LazyPattern(r"[几幾多咩乜边邊啥谁誰]")


def _asked_words(key: str) -> str:
    """The text next to the question's interrogatives: what it asks about ("颜色" of 什么颜色,
    "家里人" of 家里人是做什么的), searched for a novel word before it is taken for paraphrase."""
    return " ".join(
        found.group(1) for pattern in (_ASKED_AFTER, _ASKED_BEFORE) for found in pattern.finditer(key)
    )


def _slot_answer(indexed: _IndexedFact, slot: Intent | None, asked_about: frozenset[str]) -> str:
    """What a fact answers to the one slot asked, when facts can be compared by it: its date for
    a when-question, the people it names besides those asked about for a who-question; "" when
    it cannot be told (Features.answers)."""
    fact = indexed.fact
    if slot == Intent.WHEN and fact.date is not None:
        return f"when:{fact.date}:{fact.precision}"
    if slot == Intent.WHO and (people := indexed.people - asked_about):
        return "who:" + ",".join(sorted(people))
    return ""


@dataclass(slots=True)
class Work:
    """What the matcher has done since it was built, counted: tests bound the work of a long
    message by these counts, never by timings."""

    analyses: int = 0
    reused: int = 0  # analyses of a key analysed before, given again without the work
    entity_readings: int = 0  # keys read for their entities alone (Matcher.entities_of)
    analysed_chars: int = 0  # characters of keys analysed
    name_windows: int = 0  # windows the fuzzy name search compared with names
    scored: int = 0  # candidate facts scored in full
    rankings: int = 0  # analyses ranked
    rankings_reused: int = 0  # rankings of an analysis ranked before, given again without the work


def _read(key: str) -> tuple[str, str]:
    """A key in the words the analysis reads: (its Mandarin reading, that with English phrases
    read as Chinese words)."""
    mandarin = read_copula(to_mandarin(read_time_interrogative(key)))
    return mandarin, english_phrasal(english_phrases(mandarin))


def bounded_key(key: str) -> str:
    """The part of a matching key the matcher reads: all of it up to MAX_ANALYSED_CHARS, else
    its end (less a word cut in two)."""
    if len(key) <= MAX_ANALYSED_CHARS:
        return key
    tail = key[-MAX_ANALYSED_CHARS:]
    if LATIN_ALNUM.match(key[-MAX_ANALYSED_CHARS - 1]):
        tail = re.sub(r"^[a-z0-9]+", "", tail)
    return tail.strip()


@dataclass(frozen=True, slots=True)
class QueryAnalysis:
    """A question as the question stages read it: entities, intents, content words, slots."""

    key: str
    entities: tuple[str, ...]
    intents: tuple[Intent, ...]
    residual: str  # key with entity names replaced by a mark
    tokens: tuple[str, ...]  # content tokens
    novelty: float  # IDF-weighted share of tokens no fact uses (nor a synonym of them)
    foreign: tuple[str, ...] = ()  # years, and Latin words of a Chinese question, that no fact uses
    described: tuple[str, ...] = ()  # people named by a title only they held: 那位前CTO is Murati
    slots: Slots = field(default_factory=Slots)  # what is asked beyond the kind (bot.engine.slots)
    found_by: tuple[tuple[str, str], ...] = ()  # (entity, how it was found: entities.FOUND_BY)

    # The slots by name, as the answerers and checks read them.
    @property
    def units(self) -> tuple[Rule, ...]:
        return self.slots.units

    @property
    def titles(self) -> tuple[tuple[str, TitleRule], ...]:
        return self.slots.titles

    @property
    def day(self) -> bool:
        return self.slots.day

    @property
    def after_leaving(self) -> bool:
        return self.slots.after_leaving

    @property
    def details(self) -> tuple[Rule, ...]:
        return self.slots.details

    @property
    def name_asked(self) -> bool:
        return self.slots.name_asked

    @property
    def outcome_asked(self) -> bool:
        return self.slots.outcome_asked

    @property
    def title_of(self) -> str | None:
        return self.slots.title_of

    @property
    def counted(self) -> frozenset[str]:
        return self.slots.counted

    @property
    def name_of(self) -> frozenset[str]:
        return self.slots.name_of

    @property
    def share_of(self) -> tuple[frozenset[str], ...]:
        return self.slots.share_of


@dataclass(slots=True)
class Matcher:
    base: FactBase
    weights: Weights = field(default_factory=lambda: Weights())
    _segmenter: Segmenter = field(init=False)
    _home: frozenset[str] = field(init=False)  # the story's home organisations (bot.factbase.domain)
    _place_text: re.Pattern[str] = field(init=False)  # what an answer says to name a place
    entity_finder: EntityFinder = field(init=False)  # the entities stage
    statements: Statements = field(init=False)  # what a fact states, for the checks
    _facts: list[_IndexedFact] = field(init=False)
    _postings: Postings = field(init=False)  # facts by word
    _by_entity: Postings = field(init=False)  # facts by entity
    _idf: Idf = field(init=False)  # a word's IDF, by word
    _idf_unknown: float = field(init=False)
    passages: Passages = field(init=False)  # where facts are quoted: letter mates (acceptance)

    cache_dir: Path | None = None  # where the built index is kept between runs (see index); None: none
    _analysed: dict[str, QueryAnalysis] = field(init=False, default_factory=dict)  # see analyse
    _ranked: dict[tuple[QueryAnalysis, Weights], tuple[int, tuple[Candidate, ...]]] = field(
        init=False, default_factory=dict
    )  # see rank: the most candidates asked for, and those candidates
    _word_hits: dict[str, tuple[np.ndarray | None, np.float32]] = field(init=False, default_factory=dict)
    _excluded_by: dict[tuple[str, ...], tuple[np.ndarray, int]] = field(init=False, default_factory=dict)
    work: Work = field(init=False, default_factory=Work)
    # The last question's candidates: an answerer that asks may_rank ranks it right after.
    _last_candidates: tuple[QueryAnalysis, list[int]] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        # Domain words and every name stay whole when segmented: 超级对齐, 后训练, 穆拉蒂.
        words = {self._prepare(k) for f in self.base.facts for k in f.keywords}
        words |= {self._prepare(n) for e in self.base.entities.values() for n in e.all_names()}
        # 搞掉 and 打工人 stay whole, to find their group; question words (几岁) stay cues.
        words |= {w for w in SYNONYMS if _IS_CJK.match(w) and not _QUESTION_WORD.search(w)}
        words |= {w for c in CONCEPTS for w in c.chinese if _IS_CJK.match(w) and not _QUESTION_WORD.search(w)}
        self._segmenter = Segmenter(words, cache_dir=self.cache_dir)
        domain = self.base.domain
        self._home = home_of(domain, self.base.entities)
        self._place_text = domain.place_text()
        self.entity_finder = EntityFinder(self.base.entities, self._home, self._known, self._count_windows)
        self.statements = Statements(self.base.entities, self._home, self.entity_finder.alias_owner)
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
        self.passages = Passages(self.base)

    @property
    def _alias_owner(self) -> dict[str, str]:
        return self.entity_finder.alias_owner

    def _count_windows(self, windows: int) -> None:
        self.work.name_windows += windows

    def is_person(self, entity: str) -> bool:
        return self.base.entities[entity].kind == "person"

    def find_entities(self, key: str, *, fuzzy: bool = True) -> tuple[list[str], str]:
        """Entity ids named in `key` (in order) and the key with those names marked out (the
        entities stage, bot.engine.entities)."""
        found = self.entity_finder.find(key, fuzzy=fuzzy)
        return found.entities, found.residual

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
                elif (
                    piece not in EN_STOP
                    and piece not in _CONTRACTED
                    and not INTERJECTION.fullmatch(piece)
                    and (len(piece) > 1 or piece.isdigit())
                ):
                    tokens.append(self._english_word(piece) if glossary else piece)
                continue
            for word in self._unglued(self._segmenter.words(piece)):
                if word in CJK_STOP:  # before trimming: 现在 is a function word, 现 is not
                    continue
                # A class member stays whole: 过 is an aspect particle, but 过档 is join.
                trimmed = word.strip(_EDGE) if len(word) >= 2 and word not in RELATED_BY_CLASS else word
                # 刚 (just) glued to a verb the dictionary does not join it with (刚发, 刚走) is
                # trimmed; 刚好, 刚性, 刚才 are words of their own and stay whole.
                if trimmed[:1] == JUST and len(trimmed) > 1 and not self._segmenter.knows(trimmed):
                    trimmed = trimmed[1:]
                if trimmed and trimmed not in CJK_STOP:
                    tokens.append(trimmed)
        return tokens

    def _english_word(self, word: str) -> str:
        """An English content word as the facts say it: a class member in any inflection
        ("worried", "scooping") is its class's Chinese head. Glossary words are not lemmatised: the
        glossary lists the forms it means ("closed" is not "close", 密切)."""
        return english_head(word) or word

    def _unglued(self, words: Sequence[str]) -> Iterator[str]:
        """jieba's words, less a date unit or 谁 the HMM glued to the verb after it: in "2023年开"
        the year's 年 is cut off the digits and joined to 开 as "年开", a word no dictionary has."""
        for word in words:
            if len(word) >= 2 and word[0] in _UNGLUED_LEADS and not self._segmenter.knows(word):
                yield word[0]
                yield from self._segmenter.words(word[1:])
            else:
                yield word

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
        if self._place_text.search(answer_key):
            derived.add(Intent.WHERE)
        if _REASON_TEXT.search(answer_key):
            derived.add(Intent.WHY)
        if _SOURCE_TEXT.search(answer_key):
            derived.add(Intent.SOURCE)
        return derived

    # -- matching ---------------------------------------------------------------------------

    def analyse(self, key: str) -> QueryAnalysis:
        """The question stages on a matching key, remembered: one question is analysed about
        twice (as a whole, by the several-facts and parts answerers), and the analysis depends
        on the key alone."""
        key = bounded_key(key)
        remembered = self._analysed.get(key)
        if remembered is not None:
            self.work.reused += 1
            return remembered
        analysis = self._analyse(key)
        if len(self._analysed) >= ANALYSES_KEPT:
            del self._analysed[next(iter(self._analysed))]  # the oldest: a bounded memo
        self._analysed[key] = analysis
        return analysis

    def asked_intents(self, key: str) -> tuple[Intent, ...]:
        """The intents `analyse(key)` finds, without the rest of its work (names, words, slots):
        a cheap test of whether a part of a question asks anything."""
        return intents_of(_read(bounded_key(key))[1])

    def entities_of(self, key: str) -> tuple[str, ...]:
        """The entities `analyse(key)` finds (named, and a person only described), without the
        rest of its work (intents, novelty, slots): the context stage needs only the names."""
        key = bounded_key(key)
        remembered = self._analysed.get(key)
        if remembered is not None:
            return remembered.entities
        self.work.entity_readings += 1
        _, key = _read(key)
        found = self.entity_finder.find(key)
        entities = found.entities
        if self._may_describe(entities):
            holder = self.entity_finder.described_person(self._question_tokens(found.residual))
            if holder is not None:
                entities = [*entities, holder[0]]
        return tuple(entities)

    def _question_tokens(self, residual: str) -> tuple[str, ...]:
        """The words a question asks with, once its names are taken out (`residual`)."""
        # "那个华人PM Peter Deng": words set before a name only point at the person, they ask nothing.
        content = _APPOSITIVE.sub(" ", residual)
        content = QUESTION_PHRASE_RE.sub(" ", content.replace(_ENTITY_MARK, " "))
        content = LIGHT_VERB_RE.sub(" ", content)
        tokens = tuple(dict.fromkeys(self.content_tokens(content, glossary=True)))
        tokens = tuple(dict.fromkeys(part for t in tokens for part in self._known_spellings(t)))
        return tokens[-MAX_ANALYSED_TOKENS:]  # every candidate is scored word by word

    def _may_describe(self, entities: Sequence[str]) -> bool:
        """No person named, and no organisation but the home one: a title may describe someone."""
        return not any(self.base.entities[e].kind == "person" for e in entities) and all(
            e in self._home or self.base.entities[e].kind != "org" for e in entities
        )

    def _analyse(self, key: str) -> QueryAnalysis:
        self.work.analyses += 1
        self.work.analysed_chars += len(key)
        mandarin, key = _read(key)
        found = self.entity_finder.find(key)
        entities, residual = found.entities, found.residual
        found_by = dict(found.found_by)
        intents = intents_of(key)
        tokens = self._question_tokens(residual)
        # In a Chinese question, Latin words are names (people, products, companies); one
        # the fact base never uses is about something else. English questions are judged by
        # novelty instead: their unknown words are mostly ordinary verbs.
        # A year no fact mentions ("2025年OpenAI的估值") is outside the articles in any language.
        # Judged on the question as written: the English phrases turned into Chinese words above
        # ("compare" -> 比作) do not make "anonymous" or "losing" a name.
        chinese = bool(_IS_CJK.search(residual)) and bool(_IS_CJK.search(mandarin))
        foreign = tuple(
            t
            for t in tokens
            if not self._known(t) and (_YEAR.fullmatch(t) or (chinese and _LATIN_NAME.fullmatch(t)))
        )
        described: tuple[str, ...] = ()
        if self._may_describe(entities):
            # "那位前CTO在2016年去了哪家新创" is about Murati, as if it named her. A who-question
            # asks for the holder, so its title stays a word to match ("今年上任的CFO是谁").
            holder = self.entity_finder.described_person(tokens)
            if holder is not None:
                person, title = holder
                described = (person,)
                entities = [*entities, person]
                found_by[person] = "described"
                if Intent.WHO not in intents and not NAME_ASKED.search(key):
                    tokens = tuple(t for t in tokens if t != title)
        return QueryAnalysis(
            key,
            tuple(entities),
            intents,
            COURTESY_RE.sub("", residual),
            tokens,
            self._novelty(tokens),
            foreign,
            described,
            read_slots(self, key, residual, intents, entities),
            tuple(found_by.items()),
        )

    def titles_asked(self, key: str, entities: Sequence[str]) -> tuple[tuple[str, TitleRule], ...]:
        """(organisation, title) a question asks who holds: "亚马逊的创始人是谁"."""
        return tuple(
            (org, title)
            for org in entities
            if self.statements.names_another_organisation(org)
            for title in ORG_TITLES
            if self.statements.asks_title(key, org, title)
        )

    def tells_a_move(self, answer: str) -> bool:
        """Whether an answer says someone left and joined or founded something."""
        return self.statements.tells_a_move(answer)

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
        return token in self._idf or any(s in self._idf for s in related(token))

    def _novelty(self, tokens: Sequence[str]) -> float:
        if not tokens:
            return 0.0
        weights = [self._weight(t) for t in tokens]
        unknown = sum(w for t, w in zip(tokens, weights, strict=True) if not self._known(t))
        return unknown / sum(weights)

    def _weight(self, token: str) -> float:
        if token in self._idf:
            return self._idf[token]
        known = [self._idf[s] for s in related(token) if s in self._idf]
        return max(known) if known else self._idf_unknown

    def _coverage_terms(self, tokens: Sequence[str]) -> list[Term]:
        """What coverage needs of each question word, worked out once per question."""
        return [
            Term.of(
                token,
                self._weight(token),
                related(token),
                len(token) >= 2 and _IS_CJK.match(token) is not None,
                token in GENERAL_WORDS,
            )
            for token in tokens
        ]

    @staticmethod
    def _coverage(
        terms: Sequence[Term], indexed: _IndexedFact, stated: frozenset[str] = frozenset()
    ) -> float:
        return fact_coverage(terms, indexed, stated)

    def may_rank(self, query: QueryAnalysis, fact_ids: frozenset[str]) -> bool:
        """Whether a ranking of `query` may hold any of `fact_ids`: a ranking scores only the
        candidates the cheap pre-score picks (about a sixth of its cost), so an answerer that
        can use only a few facts asks this before it ranks."""
        return any(self._facts[p].fact.id in fact_ids for p in self._candidates(query))

    def _candidates(self, query: QueryAnalysis) -> list[int]:
        if self._last_candidates is None or self._last_candidates[0] != query:
            self._last_candidates = (query, self._candidate_positions(query))
        return self._last_candidates[1]

    def _candidate_positions(self, query: QueryAnalysis) -> list[int]:
        """The facts worth scoring in full, best first by a cheap vectorised pre-score.

        With entities named, only facts about them (about all of them if any are, else
        about any); the pre-score is the IDF weight of the question's words (or their
        synonyms) each fact uses. numpy keeps this linear pass fast at 100,000 facts.
        """
        count = len(self._facts)
        scores = self._pre_scores(query.tokens)
        if query.entities:
            excluded, pool = self._excluded(query.entities)
            scores[excluded] = -1.0
        else:
            pool = int((scores > 0).sum())
        if pool == 0:
            return []
        take = min(pool, CANDIDATES * 2)
        best = np.argpartition(-scores, take - 1)[:take] if take < count else np.arange(count)
        best = best[scores[best] >= (0 if query.entities else 1e-9)]
        return [int(i) for i in best[np.argsort(-scores[best], kind="stable")]]

    def _excluded(self, entities: tuple[str, ...]) -> tuple[np.ndarray, int]:
        """The facts a question naming `entities` does not consider (a mask), and how many it
        does: facts about all of them if any are, else about any."""
        remembered = self._excluded_by.get(entities)
        if remembered is not None:
            return remembered
        count = len(self._facts)
        masks = []
        for entity in entities:
            mask = np.zeros(count, dtype=bool)
            found = self._by_entity.get(entity)
            mask[found if found is not None else _EMPTY] = True
            masks.append(mask)
        every = np.logical_and.reduce(masks)
        allowed = every if every.any() else np.logical_or.reduce(masks)
        excluded = ~allowed
        excluded.flags.writeable = False  # shared by every question naming them
        if len(self._excluded_by) >= ENTITY_SETS_KEPT:
            del self._excluded_by[next(iter(self._excluded_by))]  # the oldest: a bounded memo
        self._excluded_by[entities] = (excluded, int(allowed.sum()))
        return excluded, int(allowed.sum())

    def _pre_scores(self, tokens: Sequence[str]) -> np.ndarray:
        """Each fact's pre-score: the weight of each question word it uses, itself or a synonym,
        once."""
        scores = np.zeros(len(self._facts), dtype=np.float32)
        for token in tokens:
            hit, weight = self._hits_of(token)
            if hit is not None:
                scores[hit] += weight
        return scores

    def _hits_of(self, token: str) -> tuple[np.ndarray | None, np.float32]:
        """The facts that use a question word, itself or a synonym, and its weight; remembered."""
        remembered = self._word_hits.get(token)
        if remembered is not None:
            return remembered
        using = [p for form in (token, *related(token)) if (p := self._postings.get(form)) is not None]
        # A fact listed under two forms still gets the weight once: `+=` through an index array
        # adds once per distinct position however often it repeats, so no np.unique.
        hit = None if not using else using[0] if len(using) == 1 else np.concatenate(using)
        found = (hit, np.float32(self._weight(token)))
        if len(self._word_hits) >= WORDS_KEPT:
            del self._word_hits[next(iter(self._word_hits))]  # the oldest: a bounded memo
        self._word_hits[token] = found
        return found

    def rank(self, query: QueryAnalysis, limit: int = 5) -> list[Candidate]:
        """The best `limit` candidates for the question, best first (remembered: `_best`)."""
        best = self._best(query, limit)
        if not self.passages.asks_position(query.key):
            return list(best)
        # A question that says where in a letter it looks takes the fact quoted from there, which
        # may rank below the few kept: it is looked for in a wider pool.
        return self.passages.at_position(query.key, best, self._best(query, POSITION_POOL))

    def _best(self, query: QueryAnalysis, limit: int) -> tuple[Candidate, ...]:
        """The best `limit` candidates, remembered: the several-facts answerer ranks a question's
        analysis before the single-fact answerer ranks it again, and the ranking depends on the
        analysis and the weights alone."""
        key = (query, self.weights)
        remembered = self._ranked.get(key)
        if remembered is not None and remembered[0] >= limit:
            # The best few of a longer ranking are the ranking of those few: _rank works out
            # every candidate that may reach the few or the ties its re-orderings weigh, for
            # any limit, so the several-facts answerer's ten serve the single-fact path's five.
            self.work.rankings_reused += 1
            return remembered[1][:limit]
        best = tuple(self._rank(query, limit))
        if remembered is None and len(self._ranked) >= RANKINGS_KEPT:
            del self._ranked[next(iter(self._ranked))]  # the oldest: a bounded memo
        self._ranked[key] = (limit, best)
        return best

    def _rank(self, query: QueryAnalysis, limit: int) -> list[Candidate]:
        self.work.rankings += 1
        positions = self._candidates(query)
        if not positions:
            return []
        query_entities = frozenset(query.entities)
        # The person a title describes is the answer to a who-question, not its subject.
        asked_about = query_entities - frozenset(query.described)
        # The first person a question names is whom it is about: "What did Nadella say about
        # Murati leaving?" is not answered by what Murati said.
        subject = next((e for e in query.entities if self.base.entities[e].kind == "person"), None)
        title_of = query.title_of
        given = figures(query.key)
        # "Clark在Anthropic是什么职位" asks his title there: a fact giving his OpenAI title is a near miss.
        title_at = [
            self.statements.names_of(e) for e in query.entities if self.base.entities[e].kind == "org"
        ]

        tokens = query.tokens
        if title_of is not None and _TITLE_TOKENS.isdisjoint(tokens):
            tokens = (*tokens, "职位")  # "Zoph在OpenAI负责哪一块" asks the title in other words
        terms = self._coverage_terms(tokens)  # once, not per candidate
        checks = checks_for(query, subject)  # the checks this question can fail
        kind_asked = bool(query.intents or query.slots.filled())

        stated_of: Callable[[_IndexedFact], frozenset[str]] | None = None
        if title_of is not None:
            asked_title = title_of

            def stated_of(indexed: _IndexedFact) -> frozenset[str]:
                # A fact giving the title asked states 职位 in other words.
                gives = self.statements.gives_title(indexed.fact, asked_title)
                return _TITLE_TOKENS if gives else frozenset()

        facts = self._facts
        pre = sorted(
            zip(fact_coverages(terms, [facts[p] for p in positions], stated_of), positions, strict=True),
            reverse=True,
        )
        strong = [i for i in query.intents if i in STRONG_INTENTS]
        slot = strong[0] if len(strong) == 1 else None  # the one slot asked, else none to compare
        ranked: list[Candidate] = []
        scored = pre[:CANDIDATES]
        self.work.scored += len(scored)
        phrasings = self._phrasing_scores(query, [self._facts[position] for _, position in scored])
        weights = self.weights
        # Words no fact uses are the user's own paraphrase, not evidence against a fact that carries
        # every name the question gives and states what it asks: for such a fact they weigh
        # NOVEL_WORD of their weight (the candidate() below keeps the full weight otherwise).
        # The thing asked ("什么颜色", "他家里人是做什么的", "what colour") is no paraphrase: a fact that
        # never names it does not say it, so it keeps its weight.
        asked = _asked_words(query.key)
        # A token holding a question word (几高, 幾大) is what is asked too, whatever follows it.
        lighter = [
            replace(term, weight=term.weight * NOVEL_WORD)
            if not self._known(term.token)
            and term.token not in asked
            and not _HOLDS_INTERROGATIVE.search(term.token)
            else term
            for term in terms
        ]
        light_coverages = (
            fact_coverages(lighter, [facts[p] for _, p in scored], stated_of)
            if query_entities and lighter != terms and any(t.weight for t in lighter)
            else [coverage for coverage, _ in scored]
        )

        def agreement(indexed: _IndexedFact) -> float:
            if query_entities:
                return len(query_entities & indexed.entities) / len(query_entities)
            return 1.0

        def candidate(
            coverage: float, indexed: _IndexedFact, phrasing: float, agrees: float, light: float
        ) -> Candidate:
            intent_ok = not strong or any(
                self._serves(indexed, i, asked_about, query.units, query.day, given, query.counted)
                for i in strong
            )
            # What the question asks beyond its kind, which a fact either states or does not.
            failed_check = (
                self._failed_check(indexed, query, asked_about, subject, title_at, checks) if checks else None
            )
            states_asked = failed_check is None
            credit = 0.0
            if agrees == 1.0 and intent_ok and states_asked and light > coverage:
                coverage, credit = light, light - coverage
            features = Features(
                coverage,
                phrasing,
                agrees,
                intent_ok and states_asked,
                query.novelty,
                bool(query_entities),
                bool(query.foreign),
                states_asked,
                failed_check,
                kind_asked,
                _slot_answer(indexed, slot, asked_about),
                credit,
            )
            return Candidate(indexed.fact, weights.score(features), features)

        # The intent agreement and the checks are worked out best first by the score a candidate
        # would have if it passed them (never less than its score), and no further once no
        # candidate left can reach the returned few or the ties the re-orderings below weigh.
        hopes: list[tuple[float, float, _IndexedFact, float, float, float]] = []
        for (coverage, position), phrasing, light in zip(scored, phrasings, light_coverages, strict=True):
            indexed = self._facts[position]
            agrees = agreement(indexed)
            most = max(coverage, light) if agrees == 1.0 else coverage  # the most it can be scored with
            passing = Features(most, phrasing, agrees, True, query.novelty, bool(query_entities))
            hopes.append((weights.score(passing), coverage, indexed, phrasing, agrees, light))
        lazy = limit > 0 and weights.passing_never_lowers_a_score()
        if lazy:
            hopes.sort(key=lambda h: -h[0])
        below: list[float] = []  # the scores of the candidates worked out, negated, ascending
        for hope, coverage, indexed, phrasing, agrees, light in hopes:
            if lazy and len(below) >= limit and hope < min(-below[limit - 1], -below[0] - _TIES) - _ROUNDING:
                break  # the hopes are best first: no candidate left can reach the few or the ties
            found = candidate(coverage, indexed, phrasing, agrees, light)
            ranked.append(found)
            bisect.insort(below, -found.score)
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
            best = next((c for c in near if self.statements.titled(c.fact, title_of)[0]), None)
            if best is not None and best is not ranked[0] and ranked[0].features.states_asked:
                ranked.remove(best)
                ranked.insert(0, best)
        return ranked[:limit]

    def _phrasing_scores(self, query: QueryAnalysis, candidates: list[_IndexedFact]) -> list[float]:
        """Each candidate's closest phrasing to the question, names aside (rapidfuzz ratio), in
        one cdist call over all their phrasings rather than one call per phrasing."""
        residuals = list(chain.from_iterable(indexed.residuals for indexed in candidates))
        if not residuals:
            return [0.0] * len(candidates)
        ratios = process.cdist([query.residual], residuals, scorer=fuzz.ratio, dtype=np.float64)[0] / 100
        query_entities = frozenset(query.entities)

        def factor(named: frozenset[str]) -> float:
            # A phrasing about other people matches less: "亚马逊的创始人" vs "Twitch的创始人".
            if query_entities or named:
                union = query_entities | named
                return 0.6 + 0.4 * len(query_entities & named) / len(union)
            return 1.0

        with_phrasings = [indexed for indexed in candidates if indexed.residuals]
        # Each phrasing's factor, from its candidate's entity groups: all candidates' groups in
        # one array, and each phrasing's group number shifted past the groups before its own.
        # Candidates share most groups: each distinct one is weighed once.
        all_groups = list(chain.from_iterable(indexed.entity_groups for indexed in with_phrasings))
        factor_of = {named: factor(named) for named in set(all_groups)}
        group_factors = np.fromiter(
            map(factor_of.__getitem__, all_groups), dtype=np.float64, count=len(all_groups)
        )
        group_counts = [len(indexed.entity_groups) for indexed in with_phrasings]
        phrasing_counts = [len(indexed.residuals) for indexed in with_phrasings]
        group_starts = np.repeat(np.cumsum([0, *group_counts[:-1]]), phrasing_counts)
        groups = np.concatenate([indexed.group_of for indexed in with_phrasings]) + group_starts
        weighted = ratios * group_factors[groups]
        starts = np.cumsum([0, *phrasing_counts[:-1]])
        best = iter(np.maximum.reduceat(weighted, starts).tolist())
        return [max(0.0, next(best)) if indexed.residuals else 0.0 for indexed in candidates]

    def _failed_check(
        self,
        indexed: _IndexedFact,
        query: QueryAnalysis,
        asked_about: frozenset[str],
        subject: str | None,
        title_at: Sequence[str] = (),
        checks: Sequence[Check] | None = None,
    ) -> str | None:
        """The first of the checks (bot.engine.checks) the fact fails, None when it passes them
        all; `checks`: those that apply to the question, worked out once for all its candidates."""
        return first_failed(
            Checked(
                indexed.fact,
                indexed.entities,
                indexed.named,
                query,
                asked_about,
                subject,
                title_at,
                self.statements,
            ),
            checks,
        )

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
        """Whether the fact can answer this kind of question (features.serves)."""
        return serves(indexed, intent, asked_about, self._home, units, day, given, counted)

    def accepts(self, ranked: Sequence[Candidate]) -> bool:
        """Whether the top candidate is good enough to answer with."""
        return self.decide(ranked).accepted

    def decide(self, ranked: Sequence[Candidate]) -> Decision:
        """Whether the top candidate is good enough to answer with, and why (or why not): the
        acceptance stage (bot.engine.acceptance)."""
        return decide(self.weights, ranked, self.passages.together)
