"""The engine's stages in the order a question goes through them, each with what it reads and
assigns (bot.engine.stage.Stage). A newcomer finds where a kind of question is handled by the
stage's name and module; tests/engine/test_pipeline.py checks that every stage's requirements are
assigned by a stage before it (`stage.problems`, after spaCy's `analyze_pipes`).
"""

from __future__ import annotations

from bot.engine import acceptance, checks, entities, features, intents, slots
from bot.engine.matcher import ANALYSIS, RETRIEVAL
from bot.engine.stage import Stage

NORMALISE = Stage(
    "normalise",
    "bot.engine.normalise, bot.engine.script",
    requires=("question.text",),
    assigns=("question.key", "question.display", "question.script"),
    doc="NFKC, Discord markup out, simplified, lower case; the reply's script",
)
CONTEXT = Stage(
    "context",
    "bot.engine.conversation, bot.engine.context, bot.engine.story, bot.engine.described",
    requires=("question.key", "conversation.history"),
    assigns=("question.key",),
    doc="a follow-up rewritten against the asker's earlier questions; someone described, named",
)
# The "intent and question frame". No object carries a frame: the several-facts answerer
# reads the question's several-fact frame from its cue words (bot.engine.several.frame.detect,
# a Frame or None), and the other frames are the answerers' order in Engine.answerers, each
# answerer replying only to its own kind of question. What is declared here is checked against
# that code by tests/engine/test_pipeline.py.
SEVERAL_FRAMES: tuple[str, ...] = ("order", "duration", "role_at", "list", "digest")  # several.frame.Frame
ANSWERER_ORDER: tuple[str, ...] = (
    "unknown_referent",
    "several_facts",
    "profile",
    "names",
    "parts",
    "single_fact",
)  # Engine.answerers, after the greeting and empty ones that need no analysis
FRAME = Stage(
    "frame",
    "bot.engine.several.frame (detect)",
    requires=("question.key",),
    assigns=("several.frame",),
    doc="the several-fact frame by cue words (" + ", ".join(SEVERAL_FRAMES) + ") or none; "
    "the others are the answerers' order (" + ", ".join(ANSWERER_ORDER) + ")",
)
ANSWERERS = Stage(
    "answerers",
    "bot.engine.answer (Engine.answerers), bot.engine.several",
    requires=("question.entities", "question.intents", "several.frame", "question.slots", "decision"),
    assigns=("reply.fact", "reply.decline_reason"),
    doc="greeting, unknown referent, several facts, profile, names, parts, single fact: the first that replies",
)
COMPOSE = Stage(
    "compose",
    "bot.engine.answer, bot.engine.views, bot.engine.labels",
    requires=("question.script", "reply.fact", "reply.decline_reason"),
    assigns=("reply.text",),
    doc="the reply text, sources and suggestions in the asker's script",
)

PIPELINE: tuple[Stage, ...] = (
    NORMALISE,
    CONTEXT,
    entities.STAGE,
    intents.STAGE,
    ANALYSIS,
    slots.STAGE,
    FRAME,
    RETRIEVAL,
    features.STAGE,
    checks.STAGE,
    acceptance.STAGE,
    ANSWERERS,
    COMPOSE,
)
# What the question brings before any stage runs.
GIVEN = Stage("given", "the caller", requires=(), assigns=("question.text", "conversation.history"), doc="")
