"""Paginator, ShowOriginalView and SuggestionView through spec'd interactions."""

from __future__ import annotations

from unittest.mock import AsyncMock

import discord
import pytest

from bot.discord.views import Paginator, ShowOriginalView, SuggestionButton, SuggestionView, reply_view
from bot.engine import labels
from bot.engine.answer import Engine
from bot.text import to_traditional
from tests.helpers import MockInteraction, MockMessage, MockUser

INVOKER = 1234


def pages(count: int) -> list[discord.Embed]:
    return [discord.Embed(title=f"page {n}") for n in range(1, count + 1)]


def paginator(count: int = 4) -> Paginator:
    return Paginator(pages(count), invoker_id=INVOKER, script="simplified", variant="tw")


def states(view: Paginator) -> tuple[bool, bool, bool, bool]:
    return (
        view.first_page.disabled,
        view.previous_page.disabled,
        view.next_page.disabled,
        view.last_page.disabled,
    )


def shown(interaction: MockInteraction) -> str:
    return str(interaction.response.edit_message.await_args.kwargs["embed"].title)


async def test_paginator_buttons_turn_pages() -> None:
    view = paginator()
    assert states(view) == (True, True, False, False)

    click = MockInteraction(user=MockUser(id=INVOKER))
    await view.next_page.callback(click)
    assert shown(click) == "page 2"
    assert click.response.edit_message.await_args.kwargs["view"] is view
    assert states(view) == (False, False, False, False)

    click = MockInteraction(user=MockUser(id=INVOKER))
    await view.last_page.callback(click)
    assert shown(click) == "page 4"
    assert states(view) == (False, False, True, True)

    click = MockInteraction(user=MockUser(id=INVOKER))
    await view.previous_page.callback(click)
    assert shown(click) == "page 3"

    click = MockInteraction(user=MockUser(id=INVOKER))
    await view.first_page.callback(click)
    assert shown(click) == "page 1"
    assert states(view) == (True, True, False, False)


async def test_paginator_only_the_invoker_may_press() -> None:
    view = paginator()
    assert await view.interaction_check(MockInteraction(user=MockUser(id=INVOKER)))

    stranger = MockInteraction(user=MockUser(id=999))
    assert not await view.interaction_check(stranger)
    stranger.response.send_message.assert_awaited_once_with(labels.NOT_YOUR_BUTTONS, ephemeral=True)


async def test_paginator_refusal_follows_the_strangers_locale() -> None:
    view = paginator()
    stranger = MockInteraction(user=MockUser(id=999), locale=discord.Locale.taiwan_chinese)
    assert not await view.interaction_check(stranger)
    stranger.response.send_message.assert_awaited_once_with(
        to_traditional(labels.NOT_YOUR_BUTTONS), ephemeral=True
    )


async def test_paginator_timeout_disables_every_button_and_edits_the_message() -> None:
    view = paginator()
    view.message = MockMessage()
    await view.on_timeout()
    assert all(isinstance(item, discord.ui.Button) and item.disabled for item in view.children)
    view.message.edit.assert_awaited_once_with(view=view)


async def test_timeout_survives_a_deleted_message() -> None:
    view = paginator()
    message = MockMessage()
    message.edit.side_effect = discord.NotFound(AsyncMock(status=404, reason="Not Found"), "gone")
    view.message = message
    await view.on_timeout()  # no exception


async def test_paginator_sends_the_first_page_with_buttons() -> None:
    view = paginator()
    interaction = MockInteraction()
    await view.send(interaction)
    kwargs = interaction.response.send_message.await_args.kwargs
    assert kwargs["embed"].title == "page 1"
    assert kwargs["view"] is view
    assert view.message is interaction.original_response.return_value


async def test_paginator_after_defer_uses_a_followup() -> None:
    view = paginator()
    interaction = MockInteraction()
    await interaction.response.defer()
    await view.send(interaction)
    kwargs = interaction.followup.send.await_args.kwargs
    assert kwargs["view"] is view and kwargs["wait"] is True
    assert view.message is interaction.followup.send.return_value


async def test_single_page_has_no_buttons() -> None:
    view = paginator(1)
    interaction = MockInteraction()
    await view.send(interaction)
    assert "view" not in interaction.response.send_message.await_args.kwargs
    assert view.is_finished()


async def test_paginator_needs_pages() -> None:
    with pytest.raises(ValueError):
        Paginator([], invoker_id=1, script="simplified", variant="tw")


async def test_show_original_reveals_the_articles_wording(engine: Engine) -> None:
    # a001 is written in traditional characters; a simplified reply converts its quote.
    reply = next(
        r
        for q in ("奥特曼被谁开除了?", "董事会为什么解雇奥特曼?", "穆拉蒂什么时候离职?")
        if (r := engine.ask(q, override="simplified")).sources
        and any(s.quote != s.original_quote for s in r.sources)
    )
    view = reply_view(reply, "tw", AsyncMock())
    assert isinstance(view, ShowOriginalView)
    assert view.show_original.label == labels.ORIGINAL
    click = MockInteraction()
    await view.show_original.callback(click)
    kwargs = click.response.send_message.await_args.kwargs
    assert kwargs["ephemeral"] is True
    values = [field.value for field in kwargs["embed"].fields]
    assert values == [f"「{s.original_quote}」" for s in reply.sources[: len(values)]]


async def test_show_original_label_in_traditional(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂什麼時候離職?")
    view = ShowOriginalView(reply.sources, script=reply.script, variant="tw")
    assert view.show_original.label == to_traditional(labels.ORIGINAL)


async def test_suggestion_view_has_up_to_three_buttons_that_ask() -> None:
    ask = AsyncMock()
    long_question = "为什么" * 50
    view = SuggestionView(["甲?", "乙?", long_question, "丁?"], ask)
    buttons = [item for item in view.children if isinstance(item, SuggestionButton)]
    assert [b.question for b in buttons] == ["甲?", "乙?", long_question]
    assert all(b.label is not None and len(b.label) <= 80 for b in buttons)
    assert buttons[2].label is not None and buttons[2].label.endswith("…")
    click = MockInteraction()
    await buttons[2].callback(click)
    ask.assert_awaited_once_with(click, long_question)


async def test_reply_view_for_uncovered_questions(engine: Engine) -> None:
    reply = engine.ask("今天天气怎么样?")
    assert isinstance(reply_view(reply, "tw", AsyncMock()), SuggestionView)


async def test_timeout_disables_suggestions() -> None:
    view = SuggestionView(["甲?"], AsyncMock())
    view.message = MockMessage()
    await view.on_timeout()
    assert all(isinstance(i, discord.ui.Button) and i.disabled for i in view.children)
