"""The client: intents, mentions, extensions, no sync on start, localisation, error handling."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.discord.client import ERROR_HANDLED, SagaBot, SagaTree, bot_intents, walk_extensions
from bot.discord.i18n import chinese_label
from bot.discord.translator import CHOICES, DESCRIPTIONS, NAMES, SagaTranslator, is_valid_name
from bot.engine import labels
from bot.engine.answer import Engine
from bot.exts.qa.menu import MENU_NAME
from bot.storage import open_storage
from bot.text import to_traditional
from tests.helpers import EXPECTED_COMMANDS, MockBot, MockInteraction, make_settings

LOCALES = (discord.Locale.chinese, discord.Locale.taiwan_chinese)


@pytest.fixture
async def client(engine: Engine) -> AsyncIterator[SagaBot]:
    storage = await open_storage(":memory:")
    bot = SagaBot(settings=make_settings(), engine=engine, storage=storage)
    yield bot
    await storage.close()


@pytest.fixture
async def loaded(client: SagaBot, monkeypatch: pytest.MonkeyPatch) -> SagaBot:
    async def no_sync(*args: Any, **kwargs: Any) -> list[app_commands.AppCommand]:
        raise AssertionError("the tree must not be synced on start")

    monkeypatch.setattr(client.tree, "sync", no_sync)
    await client.setup_hook()
    return client


def test_allowed_mentions_none_once_on_the_client(client: SagaBot) -> None:
    mentions = client.allowed_mentions
    assert mentions is not None
    assert (mentions.everyone, mentions.users, mentions.roles, mentions.replied_user) == (False,) * 4
    assert mentions.to_dict() == {"parse": []}


def test_only_the_needed_intents(client: SagaBot) -> None:
    intents = client.intents
    assert intents.guilds and intents.guild_messages and intents.dm_messages and intents.message_content
    assert not (intents.presences or intents.members or intents.typing or intents.voice_states)
    assert not bot_intents(message_content=False).message_content


def test_sharded_and_without_the_default_help(client: SagaBot) -> None:
    assert isinstance(client, commands.AutoShardedBot)
    assert isinstance(client.tree, SagaTree)
    assert client.help_command is None


def test_extensions_are_every_cog_module() -> None:
    assert walk_extensions() == [
        "bot.exts.admin.sync",
        "bot.exts.lookup.people",
        "bot.exts.lookup.sources",
        "bot.exts.lookup.timeline",
        "bot.exts.meta.about",
        "bot.exts.meta.help",
        "bot.exts.qa.ask",
        "bot.exts.qa.menu",
        "bot.exts.settings.askchannel",
        "bot.exts.settings.preferences",
        "bot.exts.settings.variant",
    ]


async def test_setup_hook_loads_the_cogs_and_does_not_sync(loaded: SagaBot) -> None:
    assert set(loaded.extensions) == set(walk_extensions())
    assert {c.name for c in loaded.tree.get_commands()} == EXPECTED_COMMANDS
    assert loaded.get_command("sync") is not None
    assert isinstance(loaded.tree.translator, SagaTranslator)


async def _payloads(bot: SagaBot) -> list[dict[str, Any]]:
    translator = bot.tree.translator
    assert translator is not None
    return [await command.get_translated_payload(bot.tree, translator) for command in bot.tree.get_commands()]


def _walk(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """A command payload and every option and sub-option in it."""
    items = [payload]
    for option in payload.get("options", []):
        items += _walk(option)
    return items


async def test_every_name_and_description_is_localised_and_valid(loaded: SagaBot) -> None:
    for payload in await _payloads(loaded):
        for item in _walk(payload):
            context_menu = payload.get("type") == discord.AppCommandType.message.value
            for locale in LOCALES:
                name = item["name_localizations"][locale.value]
                # A context menu's name may have spaces and capitals; it has no description.
                assert is_valid_name(name) or (context_menu and 1 <= len(name) <= 32), (item["name"], name)
                if not context_menu:
                    description = item["description_localizations"][locale.value]
                    assert 1 <= len(description) <= 100, description
            # zh-TW is the zh-CN name in Taiwan's forms and words (新增, not 添加).
            assert item["name_localizations"]["zh-TW"] == chinese_label(
                item["name_localizations"]["zh-CN"], "traditional", "tw"
            )
            for choice in item.get("choices", []):
                assert set(choice["name_localizations"]) == {"zh-CN", "zh-TW"}


async def test_names_are_unique_per_level_in_each_locale(loaded: SagaBot) -> None:
    payloads = await _payloads(loaded)
    for locale in ("zh-CN", "zh-TW"):
        top = [p["name_localizations"][locale] for p in payloads]
        assert len(top) == len(set(top))
        for item in (i for p in payloads for i in _walk(p)):
            options = [o["name_localizations"][locale] for o in item.get("options", [])]
            assert len(options) == len(set(options))


async def test_other_locales_fall_back_to_english() -> None:
    translator = SagaTranslator()
    context = app_commands.TranslationContext(app_commands.TranslationContextLocation.command_name, None)
    assert await translator.translate(app_commands.locale_str("ask"), discord.Locale.french, context) is None
    assert (
        await translator.translate(app_commands.locale_str("ask"), discord.Locale.chinese, context) == "提问"
    )
    assert (
        await translator.translate(app_commands.locale_str("ask"), discord.Locale.taiwan_chinese, context)
        == "提問"
    )


def test_translation_tables_hold_valid_names() -> None:
    for english, name in NAMES.items():
        if english == MENU_NAME:  # a context menu: spaces allowed
            continue
        assert is_valid_name(name) and is_valid_name(to_traditional(name))
    assert all(1 <= len(text) <= 100 for text in (*DESCRIPTIONS.values(), *CHOICES.values()))
    assert not is_valid_name("Has Space") and not is_valid_name("x" * 33) and not is_valid_name("")


async def test_tree_error_is_reported_in_the_users_script(engine: Engine) -> None:
    storage = await open_storage(":memory:")
    try:
        bot = MockBot(engine=engine, storage=storage)
        interaction = MockInteraction(client=bot, locale=discord.Locale.taiwan_chinese)
        error = app_commands.AppCommandError("boom")
        await SagaTree.on_error(bot.tree, interaction, error)
        interaction.response.send_message.assert_awaited_once_with(
            to_traditional(labels.ERROR), ephemeral=True
        )

        # After a defer, the report goes out as a follow-up.
        deferred = MockInteraction(client=bot)
        await deferred.response.defer()
        await SagaTree.on_error(bot.tree, deferred, error)
        deferred.followup.send.assert_awaited_once_with(labels.ERROR, ephemeral=True)

        # A cog that already answered is not answered over.
        handled = MockInteraction(client=bot, extras={ERROR_HANDLED: True})
        await SagaTree.on_error(bot.tree, handled, error)
        handled.response.send_message.assert_not_awaited()
    finally:
        await storage.close()


async def test_unknown_prefix_commands_are_not_logged(
    client: SagaBot, caplog: pytest.LogCaptureFixture
) -> None:
    context: Any = object()
    await client.on_command_error(context, commands.CommandNotFound("穆拉蒂 is not a command"))
    await client.on_command_error(context, commands.NotOwner())
    assert not caplog.records


async def test_a_reply_cut_off_by_the_bot_stopping_is_one_line_not_a_traceback(
    client: SagaBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reply under way when the bot stops loses its connection: expected at every restart."""
    caplog.set_level(logging.INFO)
    try:
        raise aiohttp.ServerDisconnectedError()
    except aiohttp.ClientError:
        await client.on_error("on_message")  # running: a real fault, logged with its traceback
    assert [(r.levelno, r.exc_info is not None) for r in caplog.records] == [(logging.ERROR, True)]
    caplog.clear()
    monkeypatch.setattr(client, "is_closed", lambda: True)  # as close() leaves it
    try:
        raise aiohttp.ServerDisconnectedError()
    except aiohttp.ClientError:
        await client.on_error("on_message")
    (record,) = caplog.records
    assert record.levelno == logging.INFO and record.exc_info is None
    assert record.getMessage() == "on_message was cut off by the bot stopping: ServerDisconnectedError"
