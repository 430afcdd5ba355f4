"""Stage `features`: what a candidate fact's score for a question is made of, and the weights
that combine them (`Weights`, tuned by bench/tune.py together with the acceptance thresholds).

coverage: the IDF-weighted share of the question's content words the fact uses (a word only its
phrasings use counts PHRASING_WORD); phrasing: rapidfuzz ratio to the fact's closest phrasing,
names aside (computed by the retrieval stage in one cdist call); entity agreement; intent
agreement; and whether it passed the checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol, TypeVar

from bot.engine.lexicon import DAY_STATED
from bot.engine.rules import Rule
from bot.engine.stage import Stage
from bot.factbase.models import Fact, Intent

if TYPE_CHECKING:
    from bot.engine.acceptance import Decision

STAGE = Stage(
    "features",
    "bot.engine.features",
    requires=("question.tokens", "question.entities", "question.intents", "candidate.fact"),
    assigns=("candidate.features", "candidate.score"),
    doc="coverage, phrasing, entity and intent agreement -> Features and a score",
)

PHRASING_WORD = 0.7  # coverage credit for a word only the phrasings use
# Intents whose mismatch makes an answer wrong; "how" and "what" are too loose to judge by.
STRONG_INTENTS = frozenset(
    {Intent.WHEN, Intent.WHO, Intent.WHERE, Intent.WHY, Intent.HOW_MANY, Intent.SOURCE}
)


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
    kind_asked: bool = True  # the question says what it asks (an intent or a slot) for the checks
    # What the fact answers to the asked slot when it can be told apart ("when:2023-11-17:day",
    # "who:murati"): two facts giving the same answer are not a reason to decline. "": unknown.
    answers: str = ""
    # Coverage gained by weighing the asker's own words (no fact uses them) lightly: it may lift a
    # candidate over the threshold, not make it sure enough to answer without a margin.
    paraphrase_credit: float = 0.0


@dataclass(frozen=True, slots=True)
class Candidate:
    fact: Fact
    score: float
    features: Features

    @property
    def coverage(self) -> float:
        return self.features.coverage


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

    def sure_score(self, top: Candidate) -> float:
        """`top`'s score without the paraphrase credit: what must reach `sure` to need no margin."""
        f = top.features
        if not f.paraphrase_credit:
            return top.score
        return self.score(replace(f, coverage=f.coverage - f.paraphrase_credit))

    def passing_never_lowers_a_score(self) -> bool:
        """Whether a candidate's score with intent agreement is never below its score without:
        so with these weights (a share, a floor and a factor within 0 and 1) the score is never
        negative before the intent factor, which can then only lower it."""
        return 0 <= self.coverage <= 1 and 0 <= self.entity_floor <= 1 and 0 <= self.intent_mismatch <= 1

    def accepts(self, top: Candidate, runner_up: float) -> bool:
        return self.decide(top, runner_up).accepted

    def decide(self, top: Candidate, runner_up: float) -> Decision:
        """The acceptance stage's decision (bot.engine.acceptance) with these thresholds."""
        from bot.engine.acceptance import decide_top  # it reads these weights

        return decide_top(self, top, runner_up)


@dataclass(frozen=True, slots=True)
class Term:
    """A question word as coverage weighs it."""

    token: str
    weight: float
    synonyms: frozenset[str]
    bigrams: tuple[str, ...]  # its two-character parts, for a word of three or more
    single: bool  # one character
    cjk: bool  # two or more characters, Chinese
    forms: frozenset[str] = frozenset()  # the token and its synonyms (Term.of fills it)
    general: bool = False  # a general verb (concepts.GENERAL_WORDS): half, matched alone

    @classmethod
    def of(
        cls, token: str, weight: float, synonyms: frozenset[str], cjk: bool, general: bool = False
    ) -> Term:
        """A question word with what coverage needs of it, worked out once per question."""
        bigrams = tuple(token[i : i + 2] for i in range(len(token) - 1)) if len(token) >= 3 else ()
        return cls(token, weight, synonyms, bigrams, len(token) == 1, cjk, synonyms | {token}, general)


class Indexed(Protocol):
    """What coverage reads of an indexed fact."""

    @property
    def bag(self) -> frozenset[str]: ...  # content words of the answer, keywords, quotes, phrasings

    @property
    def core(self) -> frozenset[str]: ...  # those of the answer, keywords and quotes alone

    @property
    def chars(
        self,
    ) -> str: ...  # its Chinese characters, each once, sorted (a one-character term is looked up in it)

    @property
    def core_text(self) -> str: ...


def coverage(terms: Sequence[Term], indexed: Indexed, stated: frozenset[str] = frozenset()) -> float:
    """The IDF-weighted share of the question's words the fact uses. stated: words the fact
    states in other words (职位 of a fact giving the title)."""
    if not terms:
        return 1.0
    bag, core = indexed.bag, indexed.core
    hit = 0.0
    total = 0.0
    specific = False  # a word besides the general verbs is used
    for term in terms:
        token, weight, forms = term.token, term.weight, term.forms
        total += weight
        before = hit
        # forms is the token and its synonyms: one set operation each for the fact's words
        if not forms.isdisjoint(core) or token in stated:
            hit += weight
        elif not forms.isdisjoint(bag):
            # A word only the fact's phrasings use says less: phrasings ask, they do not state.
            hit += weight * PHRASING_WORD
        elif term.single and token in indexed.chars:
            hit += weight / 2  # a lone character the fact uses in some word: 逼 ~ 逼迫
        elif term.bigrams and any(bigram in bag for bigram in term.bigrams):
            hit += weight / 2  # a compound whose part the fact uses: 解雇后 ~ 解雇
        elif term.cjk and token in indexed.core_text:
            hit += weight / 2  # a part of a compound the fact uses: 副总裁 ~ 研究高级副总裁
        specific = specific or (hit > before and not term.general)
    # "who helped Murati": a general verb alone with a name does not pick a fact
    return (hit if specific else 0.0) / total


IndexedT = TypeVar("IndexedT", bound=Indexed)


def coverages(
    terms: Sequence[Term],
    facts: Sequence[IndexedT],
    stated_of: Callable[[IndexedT], frozenset[str]] | None = None,
) -> list[float]:
    """`coverage` of each fact, in one loop: the terms are unpacked once for all the candidates
    of a question, not once a fact (the same sums in the same order, so the same floats).
    stated_of: a fact's words stated in other words, when some fact has any."""
    if not terms:
        return [1.0] * len(facts)
    unpacked = [(t.token, t.weight, t.forms, t.single, t.bigrams, t.cjk, t.general) for t in terms]
    total = 0.0
    for term in terms:
        total += term.weight
    found: list[float] = []
    nothing: frozenset[str] = frozenset()
    for indexed in facts:
        bag, core = indexed.bag, indexed.core
        stated = nothing if stated_of is None else stated_of(indexed)
        hit = 0.0
        specific = False
        for token, weight, forms, single, bigrams, cjk, general in unpacked:
            before = hit
            # as coverage's branches, in its order
            if not forms.isdisjoint(core) or token in stated:
                hit += weight
            elif not forms.isdisjoint(bag):
                hit += weight * PHRASING_WORD
            elif single and token in indexed.chars:
                hit += weight / 2  # a lone character the fact uses in some word
            elif bigrams and not bag.isdisjoint(bigrams):
                hit += weight / 2  # a compound whose part the fact uses
            elif cjk and token in indexed.core_text:
                hit += weight / 2  # a part of a compound the fact uses
            specific = specific or (hit > before and not general)
        found.append((hit if specific else 0.0) / total)
    return found


# -- intent agreement -------------------------------------------------------------------------

# Dates are not amounts: "2023年11月17日" says when, not how many.
DATE_TEXT = re.compile(
    r"(?:19|20)\d\d年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月\d{1,2}[日号]|\d{1,2}月(?!\d)|(?:19|20)\d\d(?!\d)"
)

# A figure, not part of a name ("GPT-4", "o1"), in text whose dates are taken out.
_FIGURE = re.compile(r"(?<![a-z\-.\d])\d+(?:\.\d+)?", re.IGNORECASE)
_CJK_AMOUNT = re.compile(r"[一二两三四五六七八九十百千万亿半几数]+整?(?:名|位|个|倍|年|天|成|亿|万|%)")


def figures(text: str) -> frozenset[str]:
    return frozenset(_FIGURE.findall(DATE_TEXT.sub(" ", text)))


def states_other_figure(answer: str, given: frozenset[str]) -> bool:
    """Whether an answer states an amount besides those a question gives."""
    return bool(figures(answer) - given) or _CJK_AMOUNT.search(answer) is not None


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
def count_patterns(words: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A figure before one of `words`, and one after it in no other unit, compiled once for
    all the candidates of a question (a question's synonyms are dozens of patterns)."""
    nouns = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # People are counted, not measured: "九成员工" is a share of the staff, not its size.
    share = r"(?!\s*[成%％])" if words & _PEOPLE_NOUNS else ""
    return (
        re.compile(rf"{_NUMBER}{share}\s*{_MEASURE}?[^\d,，。;；]{{0,8}}?(?:{nouns})", re.IGNORECASE),
        re.compile(rf"(?:{nouns})[^,，。;；]{{0,6}}?{_NUMBER}{_OTHER_UNIT}", re.IGNORECASE),
    )


def counts(answer: str, words: frozenset[str]) -> bool:
    """Whether an answer gives a figure for one of `words`: "12位高管", "员工从770名增至1600多名"."""
    before, after = count_patterns(words)
    return before.search(answer) is not None or after.search(answer) is not None


class Serving(Protocol):
    """What intent agreement reads of an indexed fact."""

    @property
    def fact(self) -> Fact: ...

    @property
    def intents(self) -> frozenset[Intent]: ...

    @property
    def people(self) -> frozenset[str]: ...  # people the fact itself names

    @property
    def orgs(self) -> frozenset[str]: ...


def serves(
    indexed: Serving,
    intent: Intent,
    asked_about: frozenset[str],
    home: frozenset[str],
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
        (given and not states_other_figure(indexed.fact.answer, given))
        or (counted and not counts(indexed.fact.answer, counted))
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
        # Everyone in the story worked at its home organisation: naming it does not say where
        # someone went.
        return bool(indexed.orgs - asked_about - home)
    return False
