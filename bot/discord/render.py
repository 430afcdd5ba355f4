"""Embeds for engine results.

Every label goes through ``to_script(label, script, variant)``, so a traditional
asker gets traditional chrome as well as a traditional answer. Every embed
passes through :func:`fit` last, so Discord's length limits are met by cutting
text with "…" and never by an HTTP 400.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import discord

from bot.discord.i18n import label
from bot.engine import labels
from bot.engine.answer import Profile, Reply, SourceRef, TimelineEntry
from bot.text import Script, TraditionalVariant, to_script

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
FIELD_COUNT_LIMIT = 25
TOTAL_LIMIT = 6000

ELLIPSIS = "…"
BLANK = "\u200b"  # Discord refuses empty field names and values

# Pages of a timeline: few enough entries to read at a glance, well inside the total limit.
ENTRIES_PER_PAGE = 6
PAGE_BUDGET = 4500
MAX_REPLY_SOURCES = 5

ANSWER_COLOUR = discord.Colour(0x10A37F)
NOT_COVERED_COLOUR = discord.Colour.light_grey()
LOOKUP_COLOUR = discord.Colour.blurple()


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in "…" when cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)] + ELLIPSIS


def one_line(text: str) -> str:
    return " ".join(text.split())


def fit(embed: discord.Embed) -> discord.Embed:
    """Cut `embed` (in place) to Discord's limits: each part first, then the 6000 total,
    dropping trailing fields before shortening the description."""
    if embed.title:
        embed.title = truncate(embed.title, TITLE_LIMIT)
    if embed.description:
        embed.description = truncate(embed.description, DESCRIPTION_LIMIT)
    if embed.author.name:
        embed.set_author(name=truncate(embed.author.name, AUTHOR_LIMIT), url=embed.author.url)
    if embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text, FOOTER_LIMIT), icon_url=embed.footer.icon_url)
    fields = [
        (
            truncate(field.name or BLANK, FIELD_NAME_LIMIT),
            truncate(field.value or BLANK, FIELD_VALUE_LIMIT),
            bool(field.inline),
        )
        for field in embed.fields[:FIELD_COUNT_LIMIT]
    ]
    embed.clear_fields()
    for name, value, inline in fields:
        embed.add_field(name=name, value=value, inline=inline)
    while len(embed) > TOTAL_LIMIT and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    if len(embed) > TOTAL_LIMIT and embed.description:
        excess = len(embed) - TOTAL_LIMIT
        embed.description = truncate(embed.description, max(1, len(embed.description) - excess))
    return embed


class Labels:
    """The engine's labels written in one script."""

    def __init__(self, script: Script, variant: TraditionalVariant) -> None:
        self.script = script
        self.variant = variant

    def __call__(self, text: str) -> str:
        return label(text, self.script, self.variant)  # English for an English reader


def _source_heading(source: SourceRef) -> str:
    return f"{source.outlet} · {source.published}"


def reply_embed(reply: Reply, variant: TraditionalVariant) -> discord.Embed:
    """The answer, its sources with their quotes in the reply script, and the articles in the footer;
    or, when not covered, the suggestions."""
    lab = Labels(reply.script, variant)
    embed = discord.Embed(
        title=one_line(reply.question) or None,
        description=reply.answer,
        colour=ANSWER_COLOUR if reply.answered else NOT_COVERED_COLOUR,
    )
    sources = reply.sources[:MAX_REPLY_SOURCES]
    for source in sources:
        embed.add_field(
            name=f"{lab(labels.SOURCE)} · {_source_heading(source)}",
            value=f"「{source.quote}」",
            inline=False,
        )
    if reply.suggestions:
        embed.add_field(
            name=lab(labels.SUGGESTIONS),
            value="\n".join(f"· {s}" for s in reply.suggestions),
            inline=False,
        )
    titles = list(dict.fromkeys(s.title for s in sources))
    if titles:
        embed.set_footer(text=f"{lab(labels.ARTICLE)}: " + " / ".join(titles))
    return fit(embed)


def original_embed(
    sources: Sequence[SourceRef], script: Script, variant: TraditionalVariant
) -> discord.Embed:
    """The quotes exactly as the articles wrote them (their script, not the asker's)."""
    lab = Labels(script, variant)
    embed = discord.Embed(title=lab(labels.ORIGINAL_TITLE), colour=ANSWER_COLOUR)
    shown = sources[:MAX_REPLY_SOURCES]
    for source in shown:
        # Outlet and title in the reader's script (the reply may be in the other); the quote verbatim.
        heading = f"{to_script(source.outlet, script, variant)} · {source.published}"
        embed.add_field(name=heading, value=f"「{source.original_quote}」", inline=False)
    if shown:
        titles = dict.fromkeys(to_script(s.title, script, variant) for s in shown)
        embed.set_footer(text=f"{lab(labels.ARTICLE)}: " + " / ".join(titles))
    return fit(embed)


def _entry_field(entry: TimelineEntry) -> tuple[str, str]:
    name = entry.date + (f" · {'、'.join(entry.people)}" if entry.people else "")
    lines = [entry.text, *(f"— {s.outlet} · {s.published}" for s in entry.sources)]
    return truncate(name, FIELD_NAME_LIMIT), truncate("\n".join(lines), FIELD_VALUE_LIMIT)


def _chunk(entries: Sequence[TimelineEntry]) -> Iterable[list[tuple[str, str]]]:
    """Entries grouped into pages by count and by size."""
    page: list[tuple[str, str]] = []
    size = 0
    for entry in entries:
        name, value = _entry_field(entry)
        if page and (len(page) == ENTRIES_PER_PAGE or size + len(name) + len(value) > PAGE_BUDGET):
            yield page
            page, size = [], 0
        page.append((name, value))
        size += len(name) + len(value)
    if page:
        yield page


def timeline_pages(
    entries: Sequence[TimelineEntry], title: str, empty: str, script: Script, variant: TraditionalVariant
) -> list[discord.Embed]:
    """`entries` as numbered pages titled `title`; one page saying `empty` when there are none.
    `title` and `empty` are engine labels already formatted, in any script."""
    lab = Labels(script, variant)
    if not entries:
        return [fit(discord.Embed(title=lab(title), description=lab(empty), colour=LOOKUP_COLOUR))]
    return number_pages(_entry_pages(entries, lab(title)), script, variant)


def _entry_pages(entries: Sequence[TimelineEntry], title: str) -> list[discord.Embed]:
    pages = []
    for chunk in _chunk(entries):
        embed = discord.Embed(title=title, colour=LOOKUP_COLOUR)
        for name, value in chunk:
            embed.add_field(name=name, value=value, inline=False)
        pages.append(embed)
    return pages


def number_pages(
    pages: list[discord.Embed], script: Script, variant: TraditionalVariant
) -> list[discord.Embed]:
    """Append "page i/n" to each page's footer (when there is more than one page)."""
    if len(pages) > 1:
        lab = Labels(script, variant)
        for number, page in enumerate(pages, start=1):
            marker = lab(labels.PAGE.format(page=number, pages=len(pages)))
            footer = f"{page.footer.text} · {marker}" if page.footer.text else marker
            page.set_footer(text=footer)
    return [fit(page) for page in pages]


def _span(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"{start} –"
    return f"– {end}" if end else ""


def profile_pages(profile: Profile, script: Script, variant: TraditionalVariant) -> list[discord.Embed]:
    """A profile card (aliases, roles with joined and left, where they went, sources), then the
    person's events as timeline pages."""
    lab = Labels(script, variant)
    name = profile.name + (f"({profile.name_en})" if profile.name_en else "")
    card = discord.Embed(title=name, description=profile.summary, colour=LOOKUP_COLOUR)
    if profile.aliases:
        card.add_field(name=lab(labels.ALIASES), value="、".join(profile.aliases), inline=False)
    if profile.roles:
        lines = []
        for role in profile.roles:
            org = f" @ {role.org}" if role.org else ""
            span = _span(role.start, role.end)
            lines.append(f"· {role.title}{org}" + (f"({span})" if span else ""))
        card.add_field(name=lab(labels.ROLES), value="\n".join(lines), inline=False)
    if profile.went_to:
        card.add_field(name=lab(labels.WENT_TO), value=profile.went_to, inline=False)
    for source in profile.sources[:MAX_REPLY_SOURCES]:
        card.add_field(
            name=f"{lab(labels.SOURCE)} · {_source_heading(source)}",
            value=f"「{source.quote}」",
            inline=False,
        )
    card.set_footer(text=lab(labels.PROFILE))
    pages = [card, *_entry_pages(profile.events, f"{profile.name} · {lab(labels.TIMELINE)}")]
    return number_pages(pages, script, variant)


def sources_embed(
    articles: Sequence[dict[str, str]], script: Script, variant: TraditionalVariant
) -> discord.Embed:
    """The five articles (as :meth:`Engine.sources` lists them): outlet, date and title."""
    lab = Labels(script, variant)
    embed = discord.Embed(title=lab(labels.SOURCES_TITLE), colour=LOOKUP_COLOUR)
    for article in articles:
        embed.add_field(
            name=article["title"],
            value=f"{article['outlet']} · {lab(labels.PUBLISHED)} {article['published']}",
            inline=False,
        )
    return fit(embed)


def help_embed(script: Script, variant: TraditionalVariant) -> discord.Embed:
    lab = Labels(script, variant)
    commands = "\n".join(lab(labels.HELP_COMMANDS).split(" · "))
    return fit(
        discord.Embed(title="saga-bot", description=f"{lab(labels.HELP)}\n\n{commands}", colour=LOOKUP_COLOUR)
    )
