"""Stage `intents`: what kind of thing a question asks (when, who, where, why, how many, how,
what, which outlet), read from the cue words of INTENT_CUES (bot/engine/lexicon.py, named rules
with examples: docs/rules.md). A question may ask several kinds.

The frame a question is answered in (one fact, a profile, names, several parts, several facts)
is chosen by the answerers of bot/engine/answer.py, in order, from these intents and the entities.
"""

from __future__ import annotations

import re

from bot.engine.lexicon import INTENT_CUES
from bot.engine.stage import Stage
from bot.factbase.models import Intent

STAGE = Stage(
    "intents",
    "bot.engine.intents",
    requires=("question.key",),
    assigns=("question.intents",),
    doc="cue words (INTENT_CUES) -> the kinds of thing asked",
)

# In an English question opened by another question word, "when" begins a clause and asks
# nothing: "What was OpenAI developing when Murati left?" asks what, not when.
_WHEN_CLAUSE = re.compile(
    r"^\s*(?:what|which|who|whom|whose|where|why|how)\b(?:(?![,;]|\band\b|\bor\b).)*?\bwhen\b"
)


# "在哪个场合" asks the occasion (a party, a meeting), not a place: the 哪 is no where-question.
_OCCASION = re.compile(r"哪(?:一)?(?:个|种|类)?(?:场合|场景|情况|情形|时机|阶段|时期)|\bon what occasion\b")


def _asks_where(text: str) -> bool:
    return any(rule.cue.search(text) for rule in INTENT_CUES if rule.intent == Intent.WHERE)


def _asks_when(text: str) -> bool:
    return any(rule.cue.search(text) for rule in INTENT_CUES if rule.intent == Intent.WHEN)


def intents_of(key: str) -> tuple[Intent, ...]:
    """The intents a question's key asks, in INTENT_CUES' order."""
    intents = tuple(rule.intent for rule in INTENT_CUES if rule.cue.search(key))
    if Intent.WHEN in intents and _WHEN_CLAUSE.search(key) and not _asks_when(_WHEN_CLAUSE.sub(" ", key)):
        intents = tuple(i for i in intents if i != Intent.WHEN)
    if Intent.WHERE in intents and _OCCASION.search(key) and not _asks_where(_OCCASION.sub(" ", key)):
        intents = tuple(i for i in intents if i != Intent.WHERE)
    if Intent.SOURCE in intents:  # the 哪家 of 哪家媒体 and the 谁 of 谁报道 ask for the outlet
        intents = tuple(i for i in intents if i not in (Intent.WHERE, Intent.WHO))
    return intents
