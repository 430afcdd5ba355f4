"""The persistent buttons through spec'd interactions: each one is rebuilt from its custom_id alone."""

from __future__ import annotations

import re
from typing import Any

import discord
import pytest

from bot.discord.render import original_embed
from bot.discord.views import (
    CUSTOM_ID_LIMIT,
    DeleteButton,
    PageButton,
    PageState,
    ShowOriginalButton,
    SuggestionButton,
    answer_view,
    page_view,
    register_pages,
)
from bot.engine import labels
from bot.engine.answer import Engine
from bot.storage import Storage, open_storage
from bot.text import to_traditional
from tests.helpers import MockBot, MockInteraction, MockMessage, MockUser

INVOKER = 1234


@pytest.fixture
async def bot(engine: Engine) -> Any:
    storage: Storage = await open_storage(":memory:")
    yield MockBot(engine=engine, storage=storage)
    await storage.close()


async def rebuilt(item: Any, interaction: MockInteraction) -> Any:
    """The button as discord.py rebuilds it from its custom_id when it is pressed."""
    cls = type(item)
    match = re.fullmatch(cls.__discord_ui_compiled_template__, item.custom_id)
    assert match is not None, item.custom_id
    return await cls.from_custom_id(interaction, item.item, match)


def answered_reply(engine: Engine) -> Any:
    # a001 is written in traditional characters; a simplified reply converts its quote.
    return next(
        r
        for q in ("奥特曼被谁开除了?", "董事会为什么解雇奥特曼?", "穆拉蒂什么时候离职?")
        if (r := engine.ask(q, override="simplified")).sources
        and any(s.quote != s.original_quote for s in r.sources)
    )


async def test_show_original_reveals_the_articles_wording_from_its_custom_id(
    engine: Engine, bot: Any
) -> None:
    reply = answered_reply(engine)
    view = answer_view(reply, "tw", asker_id=INVOKER, public=True)
    assert view is not None
    show = view.children[0]
    assert isinstance(show, ShowOriginalButton) and show.item.label == labels.ORIGINAL
    assert len(show.custom_id) <= CUSTOM_ID_LIMIT
    click = MockInteraction(client=bot)
    await (await rebuilt(show, click)).callback(click)
    kwargs = click.response.send_message.await_args.kwargs
    assert kwargs["ephemeral"] is True
    assert kwargs["embed"].to_dict() == original_embed(reply.sources, "simplified", "tw").to_dict()


async def test_show_original_follows_the_clickers_locale(engine: Engine, bot: Any) -> None:
    reply = engine.ask("穆拉蒂什麼時候離職?")
    show = ShowOriginalButton.for_sources(reply.sources, reply.script, "tw")
    assert show.item.label == to_traditional(labels.ORIGINAL)
    click = MockInteraction(client=bot, locale=discord.Locale.chinese)
    await (await rebuilt(show, click)).callback(click)
    embed = click.response.send_message.await_args.kwargs["embed"]
    assert embed.title == labels.ORIGINAL_TITLE  # the clicker reads simplified labels


async def test_show_original_of_quotes_no_longer_there_says_so(bot: Any) -> None:
    show = ShowOriginalButton(["0badc0de"], "traditional")
    click = MockInteraction(client=bot, locale=discord.Locale.taiwan_chinese)
    await show.callback(click)
    assert click.response.send_message.await_args.args == (to_traditional(labels.BUTTON_GONE),)


async def test_suggestions_are_buttons_with_the_asker_in_their_custom_id(engine: Engine) -> None:
    reply = engine.ask("今天天气怎么样?")
    assert reply.suggestions
    private = answer_view(reply, "tw", asker_id=INVOKER, public=False)
    assert private is not None
    assert [b.question for b in private.children if isinstance(b, SuggestionButton)] == list(
        reply.suggestions
    )
    assert not any(isinstance(b, DeleteButton) for b in private.children)
    public = answer_view(reply, "tw", asker_id=INVOKER, public=True)
    assert public is not None and isinstance(public.children[-1], DeleteButton)
    assert all(b.is_persistent() for b in public.children)
    assert public.timeout is None


async def test_a_suggestion_too_long_for_a_custom_id_gets_no_button() -> None:
    assert SuggestionButton.fits("为什么?", INVOKER)
    assert not SuggestionButton.fits("为什么" * 40, INVOKER)
    assert not SuggestionButton.fits("第一行\n第二行", INVOKER)


async def test_delete_needs_the_asker_or_manage_messages(bot: Any) -> None:
    delete = DeleteButton(INVOKER, "simplified")
    stranger = MockInteraction(client=bot, message=MockMessage())
    await delete.callback(stranger)
    assert stranger.response.send_message.await_args.args == (labels.NOT_YOURS_TO_DELETE,)
    stranger.message.delete.assert_not_awaited()

    asker = MockInteraction(client=bot, user=MockUser(id=INVOKER), message=MockMessage())
    await (await rebuilt(delete, asker)).callback(asker)
    asker.response.defer.assert_awaited_once()
    asker.message.delete.assert_awaited_once()

    moderator = MockInteraction(
        client=bot, permissions=discord.Permissions(manage_messages=True), message=MockMessage()
    )
    await delete.callback(moderator)
    moderator.message.delete.assert_awaited_once()


def page_states(view: discord.ui.View) -> list[tuple[str, int, bool]]:
    return [(b.role, b.target, b.item.disabled) for b in view.children if isinstance(b, PageButton)]


async def test_page_buttons_carry_their_target_and_turn_for_the_invoker_only(bot: Any) -> None:
    pages = [discord.Embed(title=f"page {n}") for n in range(1, 5)]
    register_pages("testing", lambda engine, key, script: pages if key == "k" else [])
    state = PageState("testing", "k", INVOKER, "simplified")
    view = page_view(state, 0, len(pages))
    assert view is not None
    assert page_states(view) == [
        ("first", 0, True),
        ("previous", 0, True),
        ("next", 1, False),
        ("last", 3, False),
    ]
    assert len({b.custom_id for b in view.children if isinstance(b, PageButton)}) == 4

    last = view.children[3]
    click = MockInteraction(client=bot, user=MockUser(id=INVOKER))
    button = await rebuilt(last, click)
    assert await button.interaction_check(click)
    await button.callback(click)
    kwargs = click.response.edit_message.await_args.kwargs
    assert kwargs["embed"].title == "page 4"
    assert page_states(kwargs["view"]) == [
        ("first", 0, False),
        ("previous", 2, False),
        ("next", 3, True),
        ("last", 3, True),
    ]

    other = MockInteraction(client=bot, locale=discord.Locale.taiwan_chinese)
    assert not await button.interaction_check(other)
    assert other.response.send_message.await_args.args == (to_traditional(labels.NOT_YOUR_BUTTONS),)

    assert page_view(state, 0, 1) is None  # one page: nothing to turn


async def test_a_listing_that_is_gone_says_so(bot: Any) -> None:
    state = PageState("testing", "gone", INVOKER, "simplified")
    click = MockInteraction(client=bot, user=MockUser(id=INVOKER))
    await PageButton(state, "next", 1).callback(click)
    assert click.response.send_message.await_args.args == (labels.BUTTON_GONE,)
