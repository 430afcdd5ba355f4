"""Several facts that together answer a list or broad question no one fact answers well:
"xAI那轮融资有哪些投资人", "The Information猜他有哪几条出路", "Toner认为员工为什么力挺
Altman,列几个理由".

The single-fact matcher ranks each fact against the whole question, so when the answer is spread
over two or three facts (or one fact's entities do not include every organisation the question
names in passing, such as OpenAI in "xAI那轮融资有哪些OpenAI的投资人"), none of them reaches the
answering bar alone. Here the facts that fit about as well as the best, and well enough, are
shown together, each with its source, in date order; the head claims no completeness.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.matcher import Candidate
from bot.engine.rules import LazyPattern
from bot.factbase.models import Fact

MAX_FACTS = 4

# Words that ask for several things outright (a simplified, case-folded question): a bare count
# ("有几个员工在Slack上抱怨") is one figure, not a list of facts.
ASKS_SEVERAL = LazyPattern(
    r"哪些|哪几|哪一些|有谁|都有谁|还有谁|分别(?:是|叫)?(?:谁|哪)|列一下|列几|列出|列举|几条|几种|几个(?:理由|原因|方面|说法)|"
    r"边啲|边几|\bwhich (?:\w+ )?(?:are|were|have)\b|\bwhat are\b|^\s*list\b|\blist (?:the|all|every)\b"
)
# Asks who (people, or the firms of "谁领投"): every fact shown must name someone or something
# the question does not.
ASKS_PEOPLE = LazyPattern(r"谁|名字|叫什么|哪些人|哪几位|哪几个人|边个|\bwho\b")
# Asks for people by name (members, co-founders, who was hired away): an organisation does not
# answer it, so every fact shown must name a person the question does not.
ASKS_NAMED_PEOPLE = LazyPattern(
    r"名字|名单|叫什么|叫咩|哪些人|哪几位|哪几个人|成员|共同创办人|共同创始人|联合创始人|联合创办人|"
    r"挖走了?(?:哪些|谁)|\bwho (?:are|were) the\b|\bmembers?\b|\bco-?founders?\b|\bnames?\b"
)
# Points at someone the question describes ("跑去Anthropic的那位,他…") when it names no one:
# the stages that resolve the description answer it, not a search by the question's words.
POINTS = LazyPattern(r"[他她]|那位|这位|那个人|\b(?:he|she|his|her)\b")


@dataclass(frozen=True, slots=True)
class Bar:
    """What a fact must score to be shown with others (tuned on tests/data/questions_several)."""

    floor: float = 0.2  # least matcher score of any fact shown
    share: float = 0.5  # least share of the best fact's score
    share_beside_answer: float = 0.55  # the same, when the best fact would answer alone
    coverage: float = 0.15  # least share of the question's words the fact uses
    min_facts: int = 2  # one fact alone is the single-fact path's to answer or decline


BAR = Bar()


def choose(
    ranked: Sequence[Candidate],
    people: frozenset[str] = frozenset(),
    named: frozenset[str] = frozenset(),
    answers_alone: bool = False,
    bar: Bar = BAR,
) -> list[Fact]:
    """The facts of `ranked` (best first) that fit the question about as well as the best; none
    when fewer than `bar.min_facts` do (`answers_alone`: the best would answer by itself).
    When the question asks who, each must name one of `people` (every person and organisation
    of the fact base) that the question does not (`named`)."""
    if not ranked:
        return []
    best = ranked[0].score
    # Beside a fact that would answer alone, only facts nearly as good: not asides to it.
    share = bar.share_beside_answer if answers_alone else bar.share
    close = [c for c in ranked if c.score >= max(bar.floor, share * best)]
    if len(close) > MAX_FACTS:
        # Many facts fit about as well: the question's words are spread over the saga, not
        # gathered in a few facts ("Altman回归后新董事会都有谁", which no article says).
        return []
    chosen: list[Fact] = []
    conflicts: set[str] = set()
    for candidate in close:
        if candidate.coverage < bar.coverage:
            continue
        if not candidate.features.states_asked:
            continue  # vetoed: it does not state what was asked
        fact = candidate.fact
        if people and not (set(fact.entities) & people) - named:
            continue  # asked who, and it names no one and nothing new
        if fact.superseded_by is not None or fact.id in {f.id for f in chosen}:
            continue
        if fact.conflict is not None:
            if fact.conflict in conflicts:
                continue
            conflicts.add(fact.conflict)
        chosen.append(fact)
        if len(chosen) == MAX_FACTS:
            break
    return chosen if len(chosen) >= bar.min_facts else []
