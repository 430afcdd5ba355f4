"""Why the engine answered as it did: the trace `saga-bot ask --explain` prints.

The trace re-runs the stages of one question and reports what each found: the normalised
text, the named rules that read it (regional words, English phrases, glossary entries, synonym
groups: docs/rules.md), the entities and how each was found, the intents and slots, the top
candidates with their features and the check that vetoed each, and the decision with its reason.
"""

from __future__ import annotations

from typing import Any

from bot.engine.acceptance import REASONS
from bot.engine.answer import Engine
from bot.engine.checks import CHECKS
from bot.engine.entities import FOUND_BY
from bot.engine.lexicon import _SYNONYM_GROUPS, EN_GLOSSARY, REGIONAL_RE, english_phrases, to_mandarin
from bot.engine.matcher import _PIECE, QueryAnalysis
from bot.text import Script

CANDIDATES_SHOWN = 5


def _reason_in_words(reason: str) -> str:
    if reason.startswith("check:"):
        name = reason.removeprefix("check:").split(":")[0]
        return CHECKS.get(name, name)
    return REASONS.get(reason, reason)


def rules_read(engine: Engine, key: str, analysis: QueryAnalysis) -> dict[str, list[str]]:
    """The named rules of the lexicon that read a question's key, in the order the analysis
    applies them: regional words, English phrases, glossary entries, and the synonym groups that
    carry a content word to another word of its group that the facts use."""
    fired: list[str] = []
    english_phrases(to_mandarin(key), fired)
    residual_words = _PIECE.findall(analysis.residual)  # as content_tokens cuts it
    idf = engine.matcher._idf
    return {
        "regional": list(dict.fromkeys(found.group() for found in REGIONAL_RE.finditer(key))),
        "phrases": fired,
        "glossary": list(dict.fromkeys(f"{w}→{EN_GLOSSARY[w]}" for w in residual_words if w in EN_GLOSSARY)),
        "synonyms": [
            group.name
            for group in _SYNONYM_GROUPS
            if any(
                t in group.words and any(w != t and w in idf for w in group.words) for t in analysis.tokens
            )
        ],
    }


def explain(
    engine: Engine, question: str, preferred: Script | None = None, *, override: Script | None = None
) -> dict[str, Any]:
    """The trace of one question, as JSON-ready data."""
    asked, reply = engine.run(question, preferred, override=override)
    trace: dict[str, Any] = {
        "question": question,
        "normalised": asked.normalised.key,
        "script": asked.script,
    }
    analysis = asked.analysis
    if analysis is not None:
        matcher = engine.matcher
        found_by = dict(analysis.found_by)

        def how_found(entity: str) -> str:
            how = found_by.get(entity)
            return FOUND_BY.get(how, how) if how is not None else "named in another part"

        trace["analysed"] = analysis.key
        trace["rules"] = rules_read(engine, asked.normalised.key, analysis)
        trace["entities"] = [
            {"id": e, "name": engine.base.entities[e].name, "found": how_found(e)} for e in analysis.entities
        ]
        trace["intents"] = [intent.value for intent in analysis.intents]
        trace["words"] = list(analysis.tokens)
        trace["novelty"] = round(analysis.novelty, 3)
        trace["slots"] = analysis.slots.filled()
        ranked = matcher.rank(analysis, limit=CANDIDATES_SHOWN)
        trace["candidates"] = [
            {
                "fact": c.fact.id,
                "score": round(c.score, 3),
                "coverage": round(c.features.coverage, 3),
                "phrasing": round(c.features.phrasing, 3),
                "entity_agreement": round(c.features.entity_agreement, 3),
                "intent_ok": c.features.intent_ok,
                "vetoed_by": c.features.failed_check,
            }
            for c in ranked
        ]
        decision = matcher.decide(ranked)
        trace["decision"] = {
            "accepted": decision.accepted,
            "reason": decision.reason,
            "in_words": _reason_in_words(decision.reason),
        }
    trace["answered_by"] = asked.answered_by
    trace["reply"] = {
        "kind": reply.kind,
        "fact_id": reply.fact_id,
        "decline_reason": reply.decline_reason,
        "decline_in_words": _reason_in_words(reply.decline_reason) if reply.decline_reason else None,
    }
    return trace


def render(trace: dict[str, Any]) -> str:
    """The trace as text, a line a stage."""
    lines = [f"question:   {trace['question']}", f"normalised: {trace['normalised']}"]
    lines.append(f"script:     {trace['script']}")
    if "analysed" in trace:
        if trace["analysed"] != trace["normalised"]:
            lines.append(f"analysed:   {trace['analysed']}")
        rules = "; ".join(f"{kind} {', '.join(names)}" for kind, names in trace["rules"].items() if names)
        lines.append(f"rules:      {rules or '-'}")
        entities = "; ".join(f"{e['name']} ({e['id']}, {e['found']})" for e in trace["entities"])
        lines.append(f"entities:   {entities or '-'}")
        lines.append(f"intents:    {', '.join(trace['intents']) or '-'}")
        lines.append(f"words:      {' '.join(trace['words']) or '-'} (novelty {trace['novelty']})")
        slots = "; ".join(f"{name}={value}" for name, value in trace["slots"].items())
        lines.append(f"slots:      {slots or '-'}")
        lines.append("candidates:")
        for rank, c in enumerate(trace["candidates"], 1):
            veto = f", vetoed by {c['vetoed_by']}" if c["vetoed_by"] else ""
            intent = "" if c["intent_ok"] else ", intent mismatch"
            lines.append(
                f"  {rank}. {c['fact']}  score {c['score']:.3f}  coverage {c['coverage']:.3f}  "
                f"phrasing {c['phrasing']:.3f}  entities {c['entity_agreement']:.2f}{intent}{veto}"
            )
        if not trace["candidates"]:
            lines.append("  (none)")
        decision = trace["decision"]
        lines.append(f"decision:   {decision['reason']} ({decision['in_words']})")
    lines.append(f"answered by: {trace['answered_by']}")
    reply = trace["reply"]
    if reply["decline_reason"]:
        lines.append(f"reply:      {reply['kind']}, {reply['decline_reason']} ({reply['decline_in_words']})")
    else:
        lines.append(f"reply:      {reply['kind']} {reply['fact_id'] or ''}".rstrip())
    return "\n".join(lines)
