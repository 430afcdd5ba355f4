"""Stage `features`: what a candidate fact's score for a question is made of, and the weights
that combine them (`Weights`, tuned by bench/tune.py together with the acceptance thresholds).

coverage: the IDF-weighted share of the question's content words the fact uses (a word only its
phrasings use counts PHRASING_WORD); phrasing: rapidfuzz ratio to the fact's closest phrasing,
names aside (computed by the retrieval stage in one cdist call); entity agreement; intent
agreement; and whether it passed the checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

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

    @classmethod
    def of(cls, token: str, weight: float, synonyms: frozenset[str], cjk: bool) -> Term:
        """A question word with what coverage needs of it, worked out once per question."""
        bigrams = tuple(token[i : i + 2] for i in range(len(token) - 1)) if len(token) >= 3 else ()
        return cls(token, weight, synonyms, bigrams, len(token) == 1, cjk, synonyms | {token})


class Indexed(Protocol):
    """What coverage reads of an indexed fact."""

    @property
    def bag(self) -> frozenset[str]: ...  # content words of the answer, keywords, quotes, phrasings

    @property
    def core(self) -> frozenset[str]: ...  # those of the answer, keywords and quotes alone

    @property
    def chars(self) -> frozenset[str]: ...

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
    for term in terms:
        token, weight, forms = term.token, term.weight, term.forms
        total += weight
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
    return hit / total
