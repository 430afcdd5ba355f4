"""Embeds for engine results.

Every label goes through ``to_script(label, script, variant)``, so a traditional
asker gets traditional chrome as well as a traditional answer. Every embed
passes through :func:`fit` last, so Discord's length limits are met by cutting
text with "…" and never by an HTTP 400.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import discord

from bot.discord.i18n import label
from bot.engine import labels
from bot.engine.answer import Engine, Profile, Reply, SourceRef, TimelineEntry
from bot.engine.normalise import display_form
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


# User text is shown at most this long, in a title or an error ("no one called 「…」").
ECHO_LIMIT = 60


def sanitised(text: str, limit: int = ECHO_LIMIT) -> str:
    """User text made safe to show: the engine's display form (no mentions, custom emoji, markup,
    links or control characters), on one line, cut to `limit`; "…" when nothing is left."""
    return truncate(one_line(display_form(text)), limit) or ELLIPSIS


def answer_topic(reply: Reply, engine: Engine, variant: TraditionalVariant | None = None) -> str:
    """What a reply is about, for its title: the question the answering fact answers, or the
    person a profile describes - the bot's own words, not the asker's. A reply with no fact (a
    decline) is about the question as asked, sanitised. Traditional text in `variant`'s forms
    (a server's choice), else the engine's."""
    variant = variant or engine.variant
    base = engine.base
    fact = base.by_id.get(reply.fact_id or "")
    if fact is not None:
        return to_script(fact.questions[0], reply.script, variant)
    entity_id = (reply.fact_id or "").removeprefix("entity:")
    entity = base.entities.get(entity_id) if reply.fact_id != entity_id else None
    if entity is not None:
        name = to_script(entity.name, reply.script, variant)
        return f"{name} ({entity.name_en})" if entity.name_en else name
    return sanitised(reply.question)


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


# An article's title up to its first break ("OpenAI风波:董事会找上Anthropic…" is "OpenAI风波").
_TITLE_BREAK = re.compile(r"[,，:：!！?？|｜;；]|——")
SHORT_TITLE_MIN, SHORT_TITLE_LIMIT = 4, 32


def short_title(title: str) -> str:
    """An article's title short enough for a heading: its first clause, when that says enough."""
    first = _TITLE_BREAK.split(title, maxsplit=1)[0].strip()
    return truncate(first if len(first) >= SHORT_TITLE_MIN else title, SHORT_TITLE_LIMIT)


def article_heading(source: SourceRef) -> str:
    """One article, as a reply names it once: short title · outlet · date."""
    return f"{short_title(source.title)} · {source.outlet} · {source.published}"


def _by_article(sources: Sequence[SourceRef]) -> list[tuple[SourceRef, list[SourceRef]]]:
    """`sources` grouped by article, in order of first appearance; a quote cited twice once."""
    groups: dict[str, tuple[SourceRef, list[SourceRef]]] = {}
    for source in sources:
        _first, quotes = groups.setdefault(source.article, (source, []))
        if all(q.original_quote != source.original_quote for q in quotes):
            quotes.append(source)
    return list(groups.values())


def _add_quote_fields(
    embed: discord.Embed,
    sources: Sequence[SourceRef],
    *,
    original: bool = False,
    heading: Callable[[SourceRef], str] = article_heading,
) -> None:
    """Each article once, as a heading, with its quotes under it (as the articles wrote them, if
    `original`, else in the reply script)."""
    for first, quotes in _by_article(sources)[:MAX_REPLY_SOURCES]:
        lines = [f"「{q.original_quote if original else q.quote}」" for q in quotes]
        embed.add_field(name=heading(first), value="\n".join(lines), inline=False)


def reply_embed(reply: Reply, engine: Engine, variant: TraditionalVariant | None = None) -> discord.Embed:
    """The answer, then each article it rests on once, with its quotes. A conflict's figures are
    in the answer already, each with its outlet: its articles are listed without the quotes that
    would repeat them. Suggestions are the buttons under the reply, not text. Labels in
    `variant`'s traditional forms (a server's choice), else the engine's."""
    lab = Labels(reply.script, variant or engine.variant)
    embed = discord.Embed(
        title=answer_topic(reply, engine, variant),
        description=reply.answer,
        colour=ANSWER_COLOUR if reply.answered else NOT_COVERED_COLOUR,
    )
    if reply.conflict:
        headings = dict.fromkeys(article_heading(first) for first, _ in _by_article(reply.sources))
        embed.add_field(name=lab(labels.SOURCES), value="\n".join(headings), inline=False)
    else:
        _add_quote_fields(embed, reply.sources)
    return fit(embed)


def original_embed(
    sources: Sequence[SourceRef], script: Script, variant: TraditionalVariant
) -> discord.Embed:
    """The quotes exactly as the articles wrote them (their script, not the asker's), under
    their articles' headings (in the asker's script)."""
    lab = Labels(script, variant)
    embed = discord.Embed(title=lab(labels.ORIGINAL_TITLE), colour=ANSWER_COLOUR)
    # Headings in the reader's script (the reply may be in the other); only the quotes verbatim.
    _add_quote_fields(
        embed, sources, original=True, heading=lambda s: to_script(article_heading(s), script, variant)
    )
    return fit(embed)


def _entry_field(entry: TimelineEntry) -> tuple[str, str]:
    name = entry.date + (f" · {'、'.join(entry.people)}" if entry.people else "")
    # An event two quotes of one article support names that article once.
    cited = dict.fromkeys(f"— {s.outlet} · {s.published}" for s in entry.sources)
    return truncate(name, FIELD_NAME_LIMIT), truncate("\n".join([entry.text, *cited]), FIELD_VALUE_LIMIT)


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
    _add_quote_fields(card, profile.sources)
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
