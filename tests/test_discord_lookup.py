"""/timeline, /on, /who (with autocomplete), /sources and /help."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest

from bot.discord import i18n
from bot.discord.scripts import Reader
from bot.discord.timeline_nav import without_doubled_summaries
from bot.discord.views import JumpSelect, PageButton
from bot.engine import labels
from bot.engine.answer import Engine
from bot.engine.script import detect_script
from bot.exts.lookup.people import People
from bot.exts.lookup.sources import Sources
from bot.exts.lookup.timeline import Timeline, timeline_source
from bot.exts.meta.help import Help
from bot.storage import Storage, open_storage
from bot.text import fold_name, to_traditional
from tests.helpers import MockBot, MockInteraction, assert_within_limits


@pytest.fixture
async def storage() -> AsyncIterator[Storage]:
    store = await open_storage(":memory:")
    yield store
    await store.close()


@pytest.fixture
def bot(engine: Engine, storage: Storage) -> MockBot:
    return MockBot(engine=engine, storage=storage)


def response(interaction: MockInteraction) -> dict[str, Any]:
    interaction.response.send_message.assert_awaited_once()
    kwargs: dict[str, Any] = interaction.response.send_message.await_args.kwargs
    return kwargs


def refusal(interaction: MockInteraction) -> str:
    call = interaction.response.send_message.await_args
    assert call.kwargs == {"ephemeral": True}
    return str(call.args[0])


# -- /timeline ------------------------------------------------------------------------------


async def test_timeline_is_paginated_for_the_invoker(bot: MockBot, engine: Engine) -> None:
    cog = Timeline(bot)
    interaction = MockInteraction()
    await cog.timeline.callback(cog, interaction)
    kwargs = response(interaction)
    view = kwargs["view"]
    page_buttons = [item for item in view.children if isinstance(item, PageButton)]
    assert len(page_buttons) == 4
    assert all(b.state.invoker_id == interaction.user.id for b in page_buttons)
    assert [type(item) for item in view.children].count(JumpSelect) == 1
    pages = timeline_source(engine, "||", Reader("simplified", engine.variant))  # what the buttons rebuild
    assert sum(len(p.fields) for p in pages) == len(without_doubled_summaries(engine.timeline()))
    shown = [p.to_dict() for p in pages].index(kwargs["embed"].to_dict())
    assert shown > 0  # opened on the crisis
    for page in pages:
        assert_within_limits(page)


async def test_timeline_for_a_person_in_traditional(bot: MockBot, engine: Engine) -> None:
    cog = Timeline(bot)
    interaction = MockInteraction()
    await cog.timeline.callback(cog, interaction, "奧特曼", "2023-11", "2023-12")
    page = response(interaction)["embed"]
    # The title names the person as the articles do, not as typed.
    assert page.title == to_traditional(f"萨姆·奥尔特曼 · {labels.TIMELINE}")
    entries = without_doubled_summaries(engine.timeline("奧特曼", "2023-11", "2023-12", "traditional"))
    assert page.fields[0].value.startswith(entries[0].text)
    assert detect_script(entries[0].text) in ("traditional", None)


async def test_timeline_person_with_shared_characters_follows_the_locale(
    bot: MockBot, engine: Engine
) -> None:
    cog = Timeline(bot)
    interaction = MockInteraction(locale=discord.Locale.taiwan_chinese)
    await cog.timeline.callback(cog, interaction, "Murati", None, None)
    page = response(interaction)["embed"]
    assert page.title == to_traditional(f"米拉·穆拉蒂 · {labels.TIMELINE}")


async def test_timeline_unknown_person_and_bad_dates(bot: MockBot) -> None:
    cog = Timeline(bot)
    unknown = MockInteraction()
    await cog.timeline.callback(cog, unknown, "张三丰", None, None)
    assert refusal(unknown).startswith(labels.UNKNOWN_PERSON.format(name="张三丰"))

    bad = MockInteraction()
    await cog.timeline.callback(cog, bad, None, "2024-13", None)
    assert refusal(bad) == i18n.DATE_FORMATS.format(value="2024-13")

    reversed_range = MockInteraction()
    await cog.timeline.callback(cog, reversed_range, None, "2024", "2023")
    assert refusal(reversed_range) == i18n.DATE_ORDER


async def test_timeline_empty_range(bot: MockBot) -> None:
    cog = Timeline(bot)
    interaction = MockInteraction()
    await cog.timeline.callback(cog, interaction, None, "1999", "2000")
    kwargs = response(interaction)
    assert kwargs["embed"].description == labels.TIMELINE_EMPTY
    assert "view" not in kwargs


# -- /on ------------------------------------------------------------------------------------


async def test_on_a_month(bot: MockBot, engine: Engine) -> None:
    cog = Timeline(bot)
    interaction = MockInteraction(locale=discord.Locale.taiwan_chinese)
    await cog.on.callback(cog, interaction, "2023-11")
    embed = response(interaction)["embed"]
    assert embed.title == to_traditional(labels.ON_TITLE.format(date="2023年11月"))
    assert embed.fields[0].name.startswith("2023-11")
    assert len(engine.on("2023-11")) >= len(embed.fields)


async def test_on_a_quiet_day_and_a_bad_date(bot: MockBot) -> None:
    cog = Timeline(bot)
    quiet = MockInteraction()
    await cog.on.callback(cog, quiet, "2020-01-01")
    assert response(quiet)["embed"].description == labels.ON_EMPTY.format(date="2020年1月1日")

    bad = MockInteraction()
    await cog.on.callback(cog, bad, "yesterday")
    assert refusal(bad) == i18n.DATE_FORMATS.format(value="yesterday")


# -- /who and autocomplete ------------------------------------------------------------------


async def test_who_profile_card(bot: MockBot, engine: Engine) -> None:
    cog = People(bot)
    interaction = MockInteraction()
    await cog.who.callback(cog, interaction, "奧特曼")
    kwargs = response(interaction)
    profile = engine.who("奧特曼", "traditional")
    assert kwargs["embed"].title.startswith(profile.name)
    assert kwargs["embed"].description == profile.summary
    assert any(isinstance(item, PageButton) for item in kwargs["view"].children)


async def test_who_unknown_suggests_names(bot: MockBot) -> None:
    cog = People(bot)
    interaction = MockInteraction()
    await cog.who.callback(cog, interaction, "奥特慢")
    text = refusal(interaction)
    assert text.startswith(labels.UNKNOWN_PERSON.format(name="奥特慢"))


async def test_autocomplete_offers_each_person_once_in_the_users_script(bot: MockBot) -> None:
    for cog in (People(bot), Timeline(bot)):
        choices = await cog.person_autocomplete(MockInteraction(), "奥特")
        assert [(c.name, c.value) for c in choices] == [("萨姆·奥尔特曼 (Sam Altman)", "萨姆·奥尔特曼")]
        traditional = await cog.person_autocomplete(MockInteraction(), "奧")
        assert [c.name for c in traditional][:2] == [
            "薩姆·奧爾特曼 (Sam Altman)",
            "達里奧·阿莫迪 (Dario Amodei)",
        ]
        assert len({c.value for c in traditional}) == len(traditional)  # one entry per person


async def test_autocomplete_never_shows_a_misspelling(bot: MockBot, engine: Engine) -> None:
    cog = People(bot)
    # 穆拉帝 is an alias kept so a misspelt question still matches; it finds Murati, shown rightly.
    choices = await cog.person_autocomplete(MockInteraction(), "穆拉帝")
    assert [c.name for c in choices] == ["米拉·穆拉蒂 (Mira Murati)"]
    first = await cog.person_autocomplete(MockInteraction(), "穆")
    assert first[0].name == "米拉·穆拉蒂 (Mira Murati)"
    assert not any("穆拉帝" in c.name for c in first)


async def test_autocomplete_on_empty_input_offers_the_main_figures(bot: MockBot) -> None:
    choices = await People(bot).person_autocomplete(MockInteraction(), "")
    assert [c.value for c in choices[:4]] == ["萨姆·奥尔特曼", "伊利亚·苏茨克维", "米拉·穆拉蒂", "简·雷克"]
    taiwan = await People(bot).person_autocomplete(MockInteraction(locale=discord.Locale.taiwan_chinese), "")
    assert taiwan[0].name == "薩姆·奧爾特曼 (Sam Altman)"


async def test_autocomplete_is_capped_valid_and_fast(bot: MockBot, engine: Engine) -> None:
    cog = People(bot)
    interaction = MockInteraction()
    start = time.perf_counter()
    for prefix in ("", "a", "S", "穆", "穆拉", "Mira", "zzz", "山姆·"):
        choices = await cog.person_autocomplete(interaction, prefix)
        assert len(choices) <= 25
        assert all(1 <= len(c.name) <= 100 and 1 <= len(c.value) <= 100 for c in choices)
        for choice in choices:
            names = [fold_name(n) for n in engine.find_entity(choice.value).all_names()]
            assert any(fold_name(prefix) in name for name in names)
    assert time.perf_counter() - start < 1.0  # Discord waits 3 s for all of it
    assert len(await cog.person_autocomplete(interaction, "")) == 25
    assert await cog.person_autocomplete(interaction, "zzz") == []


# -- /sources and /help ---------------------------------------------------------------------


async def test_sources(bot: MockBot, engine: Engine) -> None:
    cog = Sources(bot)
    interaction = MockInteraction(locale=discord.Locale.taiwan_chinese)
    await cog.sources.callback(cog, interaction)
    embed = response(interaction)["embed"]
    assert embed.title == to_traditional(labels.SOURCES_TITLE)
    articles = engine.sources("traditional")
    assert [f.name for f in embed.fields] == [a["title"] for a in articles]
    assert all(a["published"] in (f.value or "") for a, f in zip(articles, embed.fields, strict=True))


async def test_help_is_ephemeral_and_localised(bot: MockBot, storage: Storage) -> None:
    cog = Help(bot)
    interaction = MockInteraction()
    await storage.set_script(interaction.user.id, "traditional")
    await cog.help.callback(cog, interaction)
    kwargs = response(interaction)
    assert kwargs["ephemeral"] is True
    assert kwargs["embed"].description == to_traditional(i18n.HELP_INTRO)
