"""Embeds: labels in the asker's script, and Discord's length limits met by cutting, never by erroring."""

from __future__ import annotations

import discord
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.discord.render import (
    fit,
    help_embed,
    original_embed,
    profile_pages,
    reply_embed,
    sources_embed,
    timeline_pages,
    truncate,
)
from bot.engine import labels
from bot.engine.answer import Engine
from bot.engine.script import detect_script
from bot.text import to_traditional
from tests.helpers import assert_within_limits


def test_truncate() -> None:
    assert truncate("abc", 3) == "abc"
    assert truncate("abcd", 3) == "ab…"
    assert len(truncate("x" * 5000, 1024)) == 1024


def test_fit_cuts_an_oversized_embed() -> None:
    embed = discord.Embed(title="t" * 1000, description="d" * 9000)
    embed.set_footer(text="f" * 3000)
    embed.set_author(name="a" * 500)
    for _ in range(40):
        embed.add_field(name="n" * 400, value="v" * 2000)
    embed.add_field(name="", value="")
    fit(embed)
    assert_within_limits(embed)
    assert embed.title is not None and embed.title.endswith("…")


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(max_size=400),
    description=st.text(max_size=6000),
    footer=st.text(max_size=2500),
    fields=st.lists(st.tuples(st.text(max_size=300), st.text(max_size=1500)), max_size=30),
)
def test_fit_always_within_limits(
    title: str, description: str, footer: str, fields: list[tuple[str, str]]
) -> None:
    embed = discord.Embed(title=title or None, description=description or None)
    if footer:
        embed.set_footer(text=footer)
    for name, value in fields:
        embed.add_field(name=name, value=value)
    assert_within_limits(fit(embed))


def test_answer_embed(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂什么时候离职?")
    embed = reply_embed(reply, "tw")
    assert embed.title == reply.question
    assert embed.description == reply.answer
    assert embed.fields[0].name is not None and embed.fields[0].name.startswith(labels.SOURCE)
    assert embed.fields[0].value == f"「{reply.sources[0].quote}」"
    # Two articles report this departure: both are named, once each.
    titles = list(dict.fromkeys(s.title for s in reply.sources))
    assert len(titles) == 2
    assert embed.footer.text == f"{labels.ARTICLE}: " + " / ".join(titles)
    assert_within_limits(embed)


def test_traditional_labels(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂什麼時候離職?")
    embed = reply_embed(reply, "tw")
    assert embed.fields[0].name is not None and embed.fields[0].name.startswith(to_traditional(labels.SOURCE))
    assert embed.footer.text is not None and embed.footer.text.startswith(to_traditional(labels.ARTICLE))


def test_not_covered_embed_lists_suggestions(engine: Engine) -> None:
    reply = engine.ask("今天天气怎么样?")
    embed = reply_embed(reply, "tw")
    assert embed.fields[-1].name == labels.SUGGESTIONS
    assert embed.fields[-1].value == "\n".join(f"· {s}" for s in reply.suggestions)
    assert embed.footer.text is None


def test_long_and_mention_laden_questions(engine: Engine) -> None:
    for question in ("奥特曼" * 4000, "@everyone <@&1> <@2> " * 800):
        embed = reply_embed(engine.ask(question), "tw")
        assert_within_limits(embed)
        assert "\n" not in (embed.title or "")


def test_timeline_pages(engine: Engine) -> None:
    entries = engine.timeline()
    pages = timeline_pages(entries, labels.TIMELINE, labels.TIMELINE_EMPTY, "traditional", "tw")
    assert len(pages) > 1
    assert sum(len(p.fields) for p in pages) == len(entries)
    for number, page in enumerate(pages, start=1):
        assert_within_limits(page)
        assert page.title == to_traditional(labels.TIMELINE)
        assert page.footer.text == to_traditional(labels.PAGE.format(page=number, pages=len(pages)))
    first = pages[0].fields[0]
    assert first.name is not None and first.name.startswith(entries[0].date)


def test_empty_timeline_is_one_page() -> None:
    (page,) = timeline_pages([], labels.TIMELINE, labels.TIMELINE_EMPTY, "simplified", "tw")
    assert page.description == labels.TIMELINE_EMPTY
    assert page.footer.text is None


def test_profile_pages(engine: Engine) -> None:
    profile = engine.who("奥特曼", "simplified")
    pages = profile_pages(profile, "simplified", "tw")
    card = pages[0]
    assert card.title is not None and card.title.startswith(profile.name)
    assert card.description == profile.summary
    names = [f.name for f in card.fields]
    assert labels.ALIASES in names and labels.ROLES in names
    assert sum(len(p.fields) for p in pages[1:]) == len(profile.events)
    for page in pages:
        assert_within_limits(page)


def test_sources_and_help(engine: Engine) -> None:
    embed = sources_embed(engine.sources("traditional"), "traditional", "tw")
    assert embed.title == to_traditional(labels.SOURCES_TITLE)
    assert len(embed.fields) == len(engine.sources())
    assert_within_limits(embed)
    helped = help_embed("traditional", "tw")
    assert helped.description is not None and to_traditional(labels.HELP) in helped.description
    assert "/timeline" in helped.description


def test_show_original_writes_everything_but_the_quotes_in_the_readers_script(engine: Engine) -> None:
    """A zh-CN reader of a traditional answer's originals: headings and footer simplified."""
    reply = engine.ask("奧特曼什麼時候被解僱？")
    assert reply.script == "traditional" and reply.sources
    embed = original_embed(reply.sources, "simplified", "tw")
    for field in embed.fields:
        heading = field.name or ""
        assert detect_script(heading) in ("simplified", None), heading
    assert detect_script(embed.footer.text or "") in ("simplified", None)
    assert [f.value for f in embed.fields] == [f"「{s.original_quote}」" for s in reply.sources[:5]]
