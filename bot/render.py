"""Plain-text rendering of engine results, for the terminal (the Discord layer renders embeds)."""

from __future__ import annotations

from bot.engine import labels
from bot.engine.answer import Profile, Reply, SourceRef, TimelineEntry
from bot.text import Script, TraditionalVariant, to_script


def label(text: str, script: Script, variant: TraditionalVariant = "tw") -> str:
    return to_script(text, script, variant)


def source_line(source: SourceRef) -> str:
    return f"{source.outlet} · {source.published} · 「{source.quote}」"


def render_reply(reply: Reply, variant: TraditionalVariant = "tw") -> str:
    lines = [reply.answer]
    if reply.sources:
        lines.append("")
        lines.append(label(labels.SOURCE, reply.script, variant) + ":")
        lines += [f"  {source_line(s)}" for s in reply.sources]
    if reply.suggestions:
        lines.append("")
        lines.append(label(labels.SUGGESTIONS, reply.script, variant))
        lines += [f"  · {s}" for s in reply.suggestions]
    return "\n".join(lines)


def render_timeline(entries: list[TimelineEntry], script: Script, variant: TraditionalVariant = "tw") -> str:
    if not entries:
        return label(labels.TIMELINE_EMPTY, script, variant)
    lines = []
    for index, entry in enumerate(entries):
        if entry.approximate and (index == 0 or not entries[index - 1].approximate):
            lines.append(label(labels.TIMELINE_COARSE, script, variant))
        lines.append(f"{entry.date:10s}  {entry.text}")
        for source in entry.sources:
            lines.append(f"{'':10s}    — {source_line(source)}")
    return "\n".join(lines)


def render_profile(profile: Profile, script: Script, variant: TraditionalVariant = "tw") -> str:
    def lab(text: str) -> str:
        return label(text, script, variant)

    title = profile.name + (f"({profile.name_en})" if profile.name_en else "")
    lines = [title, profile.summary]
    if profile.aliases:
        lines.append(f"{lab(labels.ALIASES)}: {', '.join(profile.aliases)}")
    if profile.roles:
        lines.append(f"{lab(labels.ROLES)}:")
        for role in profile.roles:
            span = "–".join(p for p in (role.start, role.end) if p) or ""
            org = f" @ {role.org}" if role.org else ""
            lines.append(f"  · {role.title}{org}" + (f" ({span})" if span else ""))
    if profile.went_to:
        lines.append(f"{lab(labels.WENT_TO)}: {profile.went_to}")
    if profile.events:
        lines.append(f"{lab(labels.TIMELINE)}:")
        lines += [f"  {e.date:10s} {e.text}" for e in profile.events]
    if profile.sources:
        lines.append(f"{lab(labels.SOURCES)}:")
        lines += [f"  {source_line(s)}" for s in profile.sources]
    return "\n".join(lines)
