"""Stage `acceptance`: whether the best candidate is good enough to answer with, as a
`Decision` with a reason, not a bare yes or no (as Rasa's FallbackClassifier records why it fell
back). The reasons are in REASONS; a veto is "check:" and the check's name (bot/engine/checks.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bot.engine.features import Candidate, Weights
from bot.engine.stage import Stage
from bot.factbase.models import Fact

STAGE = Stage(
    "acceptance",
    "bot.engine.acceptance",
    requires=("candidate.features", "candidate.score", "candidate.failed_check"),
    assigns=("decision",),
    doc="the ranked candidates -> a Decision with a reason",
)

# Why the best candidate was or was not good enough, in words for docs and --explain. A check's
# name (CHECKS) is a reason too, as "check:<name>": the best candidate did not state what the
# question asks.
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
    # Set by the conversation stage, not by `decide`: listed so --explain says it in words.
    "relative_date_mismatch": "a time told relative to the last turn, and no answering fact falls on it",
}


@dataclass(frozen=True, slots=True)
class Decision:
    accepted: bool
    reason: str  # a key of REASONS, or "check:" and the name of the check that vetoed the best candidate

    def __bool__(self) -> bool:
        return self.accepted


# Whether two facts quote one passage of an article (bot.engine.passages.Passages.together).
SamePassage = Callable[[Fact, Fact], bool]


def decide(
    weights: Weights, ranked: Sequence[Candidate], same_passage: SamePassage | None = None
) -> Decision:
    """Whether the top of `ranked` is good enough to answer with, and why (or why not)."""
    if not ranked:
        return Decision(False, "no_candidate")
    return decide_top(weights, ranked[0], runner_up_score(ranked, same_passage))


def decide_described(
    weights: Weights, ranked: Sequence[Candidate], same_passage: SamePassage | None = None
) -> Decision:
    """Step "described": `decide` for a description of someone ("那位在特斯拉做过Model X的前高管",
    "the one who called himself a centrist"). It names no one by design, so unnamed_weak does not
    apply; every other test does (bot.engine.described finds the person through the fact)."""
    if not ranked:
        return Decision(False, "no_candidate")
    top = ranked[0]
    as_named = replace(top, features=replace(top.features, named=True))
    return decide_top(weights, as_named, runner_up_score(ranked, same_passage))


def runner_up_score(ranked: Sequence[Candidate], same_passage: SamePassage | None = None) -> float:
    """The score of the best candidate after the top that answers the asked slot otherwise: a
    runner-up giving the same date to a when-question, or the same people to a who-question, is
    not a rival (two facts dating one event are not a reason to decline); nor is one quoted
    from the same passage as the top (`letter_mates`)."""
    same = ranked[0].features.answers
    return next(
        (
            c.score
            for c in ranked[1:]
            if (not same or c.features.answers != same) and not letter_mates(ranked[0], c, same_passage)
        ),
        0.0,
    )


def letter_mates(top: Candidate, other: Candidate, same_passage: SamePassage | None) -> bool:
    """Step "letter mates": two facts cut from one letter or statement are one answer, not two
    rivals; the leader answers and the reply cites both (bot.engine.passages)."""
    return same_passage is not None and same_passage(top.fact, other.fact)


def decide_top(weights: Weights, top: Candidate, runner_up: float) -> Decision:
    """Whether `top`, ahead of a runner-up scoring `runner_up`, is good enough to answer with."""
    f = top.features
    # Every test below declines on its own; the order only picks the reason given. A veto
    # comes first: it is what cut the score.
    if not f.states_asked:  # "Peter Deng离职以后去了哪家公司": however close, it does not say
        return Decision(False, f"check:{f.failed_check}")
    if top.score < weights.threshold:
        return Decision(False, "below_threshold")
    if f.novelty > weights.max_novelty:
        return Decision(False, "too_novel")
    if f.foreign:  # "OpenAI打算什么时候IPO", "DeepSeek是哪家公司做的": not in the articles
        return Decision(False, "foreign_word")
    sure = weights.sure_score(top) >= weights.sure
    if not f.intent_ok and not sure:
        # A fact that answers another kind of question only when the rest matches surely:
        # "Peter Deng离开后去了哪家公司" must not get "Peter Deng也已离职".
        return Decision(False, "intent_mismatch")
    least_phrasing = (
        weights.unnamed_covered_min_phrasing
        if f.coverage >= weights.unnamed_covered
        else weights.unnamed_min_phrasing
    )
    if not f.named and (
        f.coverage < weights.unnamed_min_coverage
        or f.novelty > weights.unnamed_max_novelty
        or f.phrasing < least_phrasing
    ):
        return Decision(False, "unnamed_weak")
    if f.coverage < weights.min_coverage and f.phrasing < weights.phrasing_sure:
        return Decision(False, "low_coverage")
    if sure or top.score - runner_up >= weights.margin:
        return Decision(True, "accepted")
    return Decision(False, "no_margin")
