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
# The "intent and question frame": the intents are read by their own stage; which frame a
# question is answered in is decided here, before any candidate is ranked: the several-fact frames
# (order, duration, role held, list, digest) by their cue words in bot.engine.several.frame, the
# single-fact frames (profile, names, parts, one fact) by the answerers' order in Engine.answerers,
# each answerer replying only to its frame. Declared as a stage so it can be found by its name.
FRAME = Stage(
    "frame",
    "bot.engine.several.frame (detect), bot.engine.answer (Engine.answerers)",
    requires=("question.key", "question.entities", "question.intents", "question.tokens"),
    assigns=("question.frame",),
    doc="intent and question frame: several facts (order, duration, role, list, digest), profile, "
    "names, parts or a single fact",
)
ANSWERERS = Stage(
    "answerers",
    "bot.engine.answer (Engine.answerers), bot.engine.several",
    requires=("question.entities", "question.intents", "question.frame", "question.slots", "decision"),
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
