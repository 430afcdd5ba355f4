"""/script (persisted preference), /askchannel (Manage Server only, persisted per guild), owner `sync`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.discord.client import ERROR_HANDLED
from bot.engine import labels
from bot.engine.answer import Engine
from bot.exts.admin.sync import Sync
from bot.exts.qa.ask import Ask
from bot.exts.settings.askchannel import AskChannels
from bot.exts.settings.preferences import Preferences
from bot.storage import Storage, open_storage
from bot.text import to_traditional
from tests.helpers import MockBot, MockGuild, MockInteraction, MockMessage, MockTextChannel, MockUser

ADMIN = discord.Permissions(manage_guild=True)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "saga.sqlite3"


@pytest.fixture
async def storage(db_path: Path) -> AsyncIterator[Storage]:
    store = await open_storage(str(db_path))
    yield store
    await store.close()


@pytest.fixture
def bot(engine: Engine, storage: Storage) -> MockBot:
    return MockBot(engine=engine, storage=storage)


def said(interaction: MockInteraction) -> tuple[str, bool]:
    call = interaction.response.send_message.await_args
    return str(call.args[0]), bool(call.kwargs.get("ephemeral"))


# -- /script --------------------------------------------------------------------------------


def choice(value: str) -> app_commands.Choice[str]:
    return app_commands.Choice(name=value, value=value)


async def test_script_preference_is_saved_and_confirmed_in_that_script(
    bot: MockBot, storage: Storage
) -> None:
    cog = Preferences(bot)
    interaction = MockInteraction()
    await cog.script.callback(cog, interaction, choice("traditional"))
    assert await storage.get_script(interaction.user.id) == "traditional"
    text, ephemeral = said(interaction)
    assert ephemeral
    assert text == to_traditional(labels.SCRIPT_SET.format(script=labels.TRADITIONAL))

    again = MockInteraction(user=interaction.user)
    await cog.script.callback(cog, again, choice("simplified"))
    assert await storage.get_script(interaction.user.id) == "simplified"
    assert said(again)[0] == labels.SCRIPT_SET.format(script=labels.SIMPLIFIED)


async def test_auto_forgets_the_preference(bot: MockBot, storage: Storage) -> None:
    cog = Preferences(bot)
    user = MockUser()
    await storage.set_script(user.id, "traditional")
    interaction = MockInteraction(user=user, locale=discord.Locale.taiwan_chinese)
    await cog.script.callback(cog, interaction, choice("auto"))
    assert await storage.get_script(user.id) is None
    # "簡體或繁體", not 字體 (a font).
    assert said(interaction)[0] == "好的,之後我會跟隨你提問時使用的簡體或繁體回答。"


async def test_script_choices_are_the_three_modes(bot: MockBot) -> None:
    cog = Preferences(bot)
    (parameter,) = cog.script.parameters
    assert [c.value for c in parameter.choices] == ["simplified", "traditional", "auto"]


async def test_preference_survives_a_restart_and_is_used(engine: Engine, db_path: Path) -> None:
    first = await open_storage(str(db_path))
    cog = Preferences(MockBot(engine=engine, storage=first))
    user = MockUser()
    await cog.script.callback(cog, MockInteraction(user=user), choice("traditional"))
    await first.close()

    second = await open_storage(str(db_path))
    try:
        ask = Ask(MockBot(engine=engine, storage=second))
        message = MockMessage(content="When did Mira Murati leave?", author=user)
        await ask.on_message(message)
        description = message.channel.send.await_args.kwargs["embed"].description
        assert description == engine.ask("When did Mira Murati leave?", override="traditional").answer
    finally:
        await second.close()


# -- /askchannel ----------------------------------------------------------------------------


async def test_askchannel_is_for_servers_and_manage_server(bot: MockBot) -> None:
    cog = AskChannels(bot)
    group = cog.group
    assert group.guild_only
    assert group.default_permissions == discord.Permissions(manage_guild=True)
    assert {c.name for c in group.commands} == {"add", "remove", "list"}


@pytest.mark.parametrize("name", ["add", "remove", "list"])
async def test_members_without_manage_server_are_refused(bot: MockBot, name: str) -> None:
    cog = AskChannels(bot)
    command = cog.group.get_command(name)
    assert isinstance(command, app_commands.Command)
    member = MockInteraction(permissions=discord.Permissions(send_messages=True))
    with pytest.raises(app_commands.MissingPermissions):
        for check in command.checks:
            check(member)
    admin = MockInteraction(permissions=ADMIN)
    assert all(check(admin) for check in command.checks)


async def test_refusal_is_localised_and_handled(bot: MockBot) -> None:
    cog = AskChannels(bot)
    interaction = MockInteraction(
        permissions=discord.Permissions.none(), locale=discord.Locale.taiwan_chinese
    )
    await cog.cog_app_command_error(interaction, app_commands.MissingPermissions(["manage_guild"]))
    # Taiwan's words: 伺服器 and 設定, not 服務器 and 設置.
    assert said(interaction) == ("只有擁有「管理伺服器」權限的成員可以設定提問頻道。", True)
    assert interaction.extras[ERROR_HANDLED] is True


async def test_other_errors_are_left_to_the_tree(bot: MockBot) -> None:
    cog = AskChannels(bot)
    interaction = MockInteraction()
    await cog.cog_app_command_error(interaction, app_commands.AppCommandError("boom"))
    interaction.response.send_message.assert_not_awaited()
    assert ERROR_HANDLED not in interaction.extras


async def test_add_list_remove(bot: MockBot, storage: Storage) -> None:
    cog = AskChannels(bot)
    guild = MockGuild()
    here = MockTextChannel(guild=guild)
    other = MockTextChannel(guild=guild)

    add_here = MockInteraction(guild=guild, channel=here, permissions=ADMIN)
    await cog.add.callback(cog, add_here, None)
    assert said(add_here) == (labels.ASK_CHANNEL_ADDED.format(channel=f"<#{here.id}>"), False)

    add_other = MockInteraction(guild=guild, channel=here, permissions=ADMIN)
    await cog.add.callback(cog, add_other, other)
    assert await storage.ask_channels(guild.id) == sorted([here.id, other.id])

    listing = MockInteraction(
        guild=guild, channel=here, permissions=ADMIN, locale=discord.Locale.taiwan_chinese
    )
    await cog.list_channels.callback(cog, listing)
    text, ephemeral = said(listing)
    assert ephemeral
    assert f"<#{here.id}>" in text and f"<#{other.id}>" in text
    assert text.startswith(to_traditional(labels.ASK_CHANNEL_LIST.split("{")[0]))

    remove = MockInteraction(guild=guild, channel=here, permissions=ADMIN)
    await cog.remove.callback(cog, remove, other)
    assert said(remove)[0] == labels.ASK_CHANNEL_REMOVED.format(channel=f"<#{other.id}>")
    assert await storage.ask_channels(guild.id) == [here.id]

    await cog.remove.callback(cog, MockInteraction(guild=guild, channel=here, permissions=ADMIN), None)
    empty = MockInteraction(guild=guild, channel=here, permissions=ADMIN)
    await cog.list_channels.callback(cog, empty)
    assert said(empty) == (labels.ASK_CHANNEL_NONE, True)


async def test_ask_channels_survive_a_restart(engine: Engine, db_path: Path) -> None:
    guild = MockGuild()
    channel = MockTextChannel(guild=guild)
    first = await open_storage(str(db_path))
    cog = AskChannels(MockBot(engine=engine, storage=first))
    await cog.add.callback(cog, MockInteraction(guild=guild, channel=channel, permissions=ADMIN), None)
    await first.close()

    second = await open_storage(str(db_path))
    try:
        ask = Ask(MockBot(engine=engine, storage=second))
        message = MockMessage(guild=guild, channel=channel, content="穆拉蒂什么时候离职?")
        await ask.on_message(message)
        message.channel.send.assert_awaited_once()
        assert await second.ask_channels(guild.id) == [channel.id]
    finally:
        await second.close()


# -- owner sync -----------------------------------------------------------------------------


def context(guild: MockGuild | None) -> MagicMock:
    ctx = MagicMock(spec_set=commands.Context)
    ctx.guild = guild
    ctx.reply = AsyncMock()
    return ctx


async def test_sync_is_owner_only(bot: MockBot) -> None:
    cog = Sync(bot)
    command = cog.sync
    assert isinstance(command, commands.Command)
    assert any("is_owner" in getattr(check, "__qualname__", "") for check in command.checks)


async def test_sync_globally_and_to_the_current_server(bot: MockBot) -> None:
    cog = Sync(bot)
    bot.tree.sync.return_value = [MagicMock(), MagicMock()]
    ctx = context(None)
    await cog.sync.callback(cog, ctx, None)
    bot.tree.sync.assert_awaited_once_with()
    assert "2 commands globally" in ctx.reply.await_args.args[0]
    assert ctx.reply.await_args.kwargs == {"mention_author": False}

    guild = MockGuild()
    ctx = context(guild)
    await cog.sync.callback(cog, ctx, "*")
    bot.tree.copy_global_to.assert_called_once_with(guild=guild)
    bot.tree.sync.assert_awaited_with(guild=guild)

    ctx = context(None)
    await cog.sync.callback(cog, ctx, "~")
    assert "not in DMs" in ctx.reply.await_args.args[0]
