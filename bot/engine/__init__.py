"""The answering engine: question in, reply out, in the asker's script (docs/engine.md).

The public API: `Engine` (`ask`, `run`, the answerer lists and the lookups), its `Reply` and
the other view models, and the matcher's analysis (`Matcher.analyse` -> `QueryAnalysis`) and
decision (`Decision`, with a reason from `REASONS` or a check from `CHECKS`).
"""

from bot.engine.answer import Answerer, Asked, Engine
from bot.engine.lookups import BadDate, UnknownEntity, parse_partial_date
from bot.engine.matcher import CHECKS, REASONS, Candidate, Decision, Features, Matcher, QueryAnalysis
from bot.engine.views import Profile, Reply, ReplyKind, RoleView, SourceRef, TimelineEntry

__all__ = [
    "CHECKS",
    "REASONS",
    "Answerer",
    "Asked",
    "BadDate",
    "Candidate",
    "Decision",
    "Engine",
    "Features",
    "Matcher",
    "Profile",
    "QueryAnalysis",
    "Reply",
    "ReplyKind",
    "RoleView",
    "SourceRef",
    "TimelineEntry",
    "UnknownEntity",
    "parse_partial_date",
]
