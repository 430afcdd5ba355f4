"""Embeds: labels in the asker's script, and Discord's length limits met by cutting, never by erroring."""

from __future__ import annotations

import discord
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.discord.render import (
    MAX_REPLY_SOURCES,
    article_heading,
    fit,
    help_embed,
    original_embed,
    profile_pages,
    reply_embed,
    short_title,
    sources_embed,
    timeline_pages,
    truncate,
)
from bot.discord.scripts import Reader
from bot.discord.views import PageState, answer_view, page_view
from bot.engine import labels
from bot.engine.answer import Engine, Reply
from bot.engine.script import detect_script
from bot.exts.lookup.people import profile_extras, profile_source
from bot.exts.lookup.timeline import timeline_extras, timeline_source
from bot.text import to_script, to_traditional
from tests.discord_openapi import spec
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
    embed = reply_embed(reply, engine)
    # Titled with what the answer is about: the question its fact answers, in the bot's words.
    assert embed.title == engine.base.by_id[reply.fact_id or ""].questions[0]
    assert embed.description == reply.answer
    # Two articles report this departure: each is named once, with its quote under it.
    articles = list(dict.fromkeys(s.article for s in reply.sources))
    assert len(articles) == 2
    firsts = [next(s for s in reply.sources if s.article == a) for a in articles]
    assert [f.name for f in embed.fields] == [article_heading(s) for s in firsts]
    assert embed.fields[0].value == f"「{reply.sources[0].quote}」"
    assert embed.footer.text is None  # the headings name the articles; nothing repeats them
    assert_within_limits(embed)


def test_traditional_labels(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂什麼時候離職?")
    embed = reply_embed(reply, engine)
    assert embed.fields[0].name == article_heading(reply.sources[0])
    assert detect_script(embed.fields[0].name) == "traditional"


def test_short_titles() -> None:
    assert short_title("OpenAI风波:董事会找上Anthropic,回顾这场剧变的起始点") == "OpenAI风波"
    assert short_title("他爱赚钱也爱宫斗!OpenAI高管离职潮内幕曝") == "他爱赚钱也爱宫斗"
    assert short_title("短:而后面很长") == "短:而后面很长"  # a first clause too short to say anything
    assert len(short_title("长" * 100)) == 32


@pytest.fixture(scope="module")
def all_replies(engine: Engine) -> list[Reply]:
    """The reply to a question about every fact the fact base holds, in both scripts."""
    return [
        engine.ask(fact.questions[0], override=script)
        for fact in engine.base.by_id.values()
        for script in ("simplified", "traditional")
    ]


def test_each_article_once_per_reply_with_its_quotes_under_it(
    engine: Engine, all_replies: list[Reply]
) -> None:
    grouped = 0
    for reply in all_replies:
        embed = reply_embed(reply, engine)
        names = [f.name for f in embed.fields]
        assert len(names) == len(set(names)), names
        if reply.conflict:
            continue
        articles = list(dict.fromkeys(s.article for s in reply.sources))[:MAX_REPLY_SOURCES]
        assert len(embed.fields) == len(articles)
        if len(articles) < len(reply.sources):
            grouped += 1
            for field, article in zip(embed.fields, articles, strict=True):
                quotes = dict.fromkeys(s.quote for s in reply.sources if s.article == article)
                assert field.value == "\n".join(f"「{q}」" for q in quotes) or field.value.endswith("…")
    assert grouped  # some replies cite one article twice: those are the ones this is about


def test_a_conflicts_figures_are_not_repeated_as_quotes(engine: Engine, all_replies: list[Reply]) -> None:
    conflicts = [r for r in all_replies if r.conflict]
    assert conflicts
    for reply in conflicts:
        embed = reply_embed(reply, engine)
        assert embed.description == reply.answer  # each figure, with its outlet
        (field,) = embed.fields
        assert field.name == to_script(labels.SOURCES, reply.script)
        assert "「" not in (field.value or "")
        assert all(source.outlet in (field.value or "") for source in reply.sources)


def test_a_decline_is_short_and_suggests_only_by_buttons(engine: Engine) -> None:
    reply = engine.ask("今天天气怎么样?")
    assert reply.suggestions
    embed = reply_embed(reply, engine)
    assert embed.description == labels.NOT_COVERED and len(labels.NOT_COVERED) <= 20
    assert embed.fields == []
    assert not any(s in str(embed.to_dict()) for s in reply.suggestions)


def test_a_timeline_entry_names_each_source_once(engine: Engine) -> None:
    entries = [e for e in engine.timeline() if len({s.article for s in e.sources}) < len(e.sources)]
    assert entries
    for page in timeline_pages(entries, labels.TIMELINE, labels.TIMELINE_EMPTY, "simplified", "tw"):
        for field in page.fields:
            lines = (field.value or "").split("\n")
            cited = [line for line in lines if line.startswith("— ")]
            assert len(cited) == len(set(cited)) >= 1


def test_every_reply_is_one_discord_accepts_in_every_script(engine: Engine, all_replies: list[Reply]) -> None:
    """Each reply the fact base can produce, with its buttons, as the message body Discord's
    OpenAPI spec accepts: every length and count limit, in both scripts."""
    for reply in all_replies:
        embed = reply_embed(reply, engine)
        assert_within_limits(embed)
        view = answer_view(reply, engine.variant, asker_id=2**64 - 1, public=True)
        body = {"embeds": [embed.to_dict()], "components": view.to_components() if view else []}
        assert spec().violations("POST", "/channels/1/messages", body) == {}, reply.question


def test_long_and_mention_laden_questions(engine: Engine) -> None:
    for question in ("奥特曼" * 4000, "@everyone <@&1> <@2> " * 800):
        embed = reply_embed(engine.ask(question), engine)
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


def test_every_listing_page_is_one_discord_accepts_in_every_script(engine: Engine) -> None:
    """Every profile and timeline page, with its page buttons, jump select and picture button,
    in both scripts, as a body the spec accepts for an interaction's message."""
    invoker = 2**64 - 1
    for script in ("simplified", "traditional"):
        reader = Reader(script, engine.variant)
        timeline = PageState("timeline", "||", invoker, script)
        listings = [(timeline, timeline_source(engine, timeline.key, reader), timeline_extras)]
        for entity_id in engine.base.entities:
            state = PageState("who", entity_id, invoker, script)
            listings.append((state, profile_source(engine, entity_id, reader), profile_extras))
        for state, pages, extras in listings:
            for index, page in enumerate(pages):
                view = page_view(state, index, len(pages), *extras(engine, state, pages, reader))
                assert spec().schema_errors("RichEmbed", page.to_dict()) == []
                if view is not None and index <= 1:  # the buttons differ only by their targets
                    data = {"embeds": [page.to_dict()], "components": view.to_components()}
                    body = {"type": 4, "data": data}
                    assert spec().violations("POST", "/interactions/1/token/callback", body) == {}


def test_show_original_writes_everything_but_the_quotes_in_the_readers_script(engine: Engine) -> None:
    """A zh-CN reader of a traditional answer's originals: the headings simplified, the quotes
    exactly as the articles wrote them."""
    reply = engine.ask("奧特曼什麼時候被解僱？")
    assert reply.script == "traditional" and reply.sources
    embed = original_embed(reply.sources, "simplified", "tw")
    assert embed.fields
    originals = {f"「{s.original_quote}」" for s in reply.sources}
    for field in embed.fields:
        heading = field.name or ""
        assert detect_script(heading) in ("simplified", None), heading
        assert set((field.value or "").split("\n")) <= originals
