"""End to end, start-up: the real client logs in, connects, identifies and sees its guild, and
`saga-bot sync` pushes the whole command tree, localised, to the fake Discord."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import discord
import pytest

from bot.cli import main
from bot.discord.client import SagaBot, bot_intents
from bot.discord.i18n import chinese_label
from bot.discord.translator import DESCRIPTIONS, NAMES
from tests.conftest import CONNECT_WITHIN, CONNECTED, REPLY_WITHIN, RunningBot, spawn_saga_bot
from tests.fakediscord import TOKEN, FakeDiscord, snowflake
from tests.helpers import EXPECTED_COMMANDS


@pytest.fixture
def cli_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """The token of the fake and nothing from the developer's shell or .env."""
    for name in list(os.environ):
        if name == "DISCORD_TOKEN" or name.startswith("SAGA_BOT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("SAGA_BOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    yield


async def test_login_identify_ready_and_guild(fake_discord: FakeDiscord, saga: SagaBot) -> None:
    requests = [(r.method, r.path) for r in fake_discord.requests]
    assert requests[:3] == [
        ("GET", "/users/@me"),
        ("GET", "/oauth2/applications/@me"),
        ("GET", "/gateway/bot"),  # AutoShardedBot asks for the shard count and gateway first
    ]
    assert all(r.headers["Authorization"] == f"Bot {TOKEN}" for r in fake_discord.requests)

    (identify,) = fake_discord.identifies
    assert identify.d["token"] == TOKEN
    assert identify.d["shard"] == [0, 1]
    assert identify.d["intents"] == bot_intents(message_content=True).value
    assert identify.path == "/gateway"

    assert saga.user is not None and saga.user.id == fake_discord.application_id
    assert saga.application_id == fake_discord.application_id
    guild = saga.get_guild(fake_discord.guild_id)
    assert guild is not None and not guild.unavailable
    assert [c.id for c in guild.text_channels] == fake_discord.channel_ids
    assert guild.self_role is not None and guild.self_role.id == fake_discord.bot_role_id
    # Never a sync on start, and nothing the fake does not know.
    assert not [r for r in fake_discord.requests if r.method == "PUT"]
    assert fake_discord.unknown_routes() == []


def _localised(name: str) -> dict[str, str]:
    return {"zh-CN": NAMES[name], "zh-TW": chinese_label(NAMES[name], "traditional", "tw")}


def _check_localised(item: dict[str, Any]) -> None:
    """`item` (a command, subcommand or option) carries zh-CN and zh-TW names and descriptions."""
    assert item["name_localizations"] == _localised(item["name"]), item["name"]
    if item.get("type") == discord.AppCommandType.message.value:
        return  # a context menu: a name, no description, no options
    described = DESCRIPTIONS[item["description"]]
    assert item["description_localizations"] == {
        "zh-CN": described,
        "zh-TW": chinese_label(described, "traditional", "tw"),  # Taiwan's words: 伺服器, 訊息
    }
    for option in item.get("options", []):
        _check_localised(option)


async def test_sync_command_pushes_every_command_localised(
    fake_discord: FakeDiscord, cli_environment: None, capsys: pytest.CaptureFixture[str]
) -> None:
    # `saga-bot sync` runs its own event loop, so it runs in a thread while the fake serves here.
    code = await asyncio.wait_for(asyncio.to_thread(main, ["sync"]), 30)
    assert code == 0
    (put,) = [r for r in fake_discord.requests if r.method == "PUT"]
    assert put.path == f"/applications/{fake_discord.application_id}/commands"
    commands = {command["name"]: command for command in put.body}
    assert set(commands) == EXPECTED_COMMANDS
    for command in commands.values():
        _check_localised(command)
    # /askchannel: hidden from members without Manage Server, and not offered in DMs.
    assert int(commands["askchannel"]["default_member_permissions"]) == 32
    assert commands["askchannel"]["dm_permission"] is False
    assert {o["name"] for o in commands["askchannel"]["options"]} == {"add", "remove", "list"}
    # /script's choices are localised too.
    choices = commands["script"]["options"][0]["choices"]
    assert [c["value"] for c in choices] == ["simplified", "traditional", "auto"]
    assert all(set(c["name_localizations"]) == {"zh-CN", "zh-TW"} for c in choices)
    out = capsys.readouterr().out
    assert out.startswith(f"synced {len(EXPECTED_COMMANDS)} commands globally: ")
    assert fake_discord.unknown_routes() == []


async def test_sync_command_to_one_guild(
    fake_discord: FakeDiscord, cli_environment: None, capsys: pytest.CaptureFixture[str]
) -> None:
    guild = fake_discord.guild_id
    code = await asyncio.wait_for(asyncio.to_thread(main, ["sync", "--guild", str(guild)]), 30)
    assert code == 0
    (put,) = [r for r in fake_discord.requests if r.method == "PUT"]
    assert put.path == f"/applications/{fake_discord.application_id}/guilds/{guild}/commands"
    assert {command["name"] for command in put.body} == EXPECTED_COMMANDS
    assert f"synced {len(EXPECTED_COMMANDS)} commands to guild {guild}" in capsys.readouterr().out


async def test_a_refused_token_is_one_clear_line(
    fake_discord: FakeDiscord, cli_environment: None, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_discord.token = "another-token"  # the fake now refuses the one in the environment
    code = await asyncio.wait_for(asyncio.to_thread(main, ["sync"]), 30)
    assert code == 2
    err = capsys.readouterr().err
    assert err == "saga-bot: Discord refused the token: set DISCORD_TOKEN to a current bot token\n"
    assert TOKEN not in err


async def test_the_owner_syncs_from_discord_and_no_one_else_can(
    fake_discord: FakeDiscord, saga: SagaBot
) -> None:
    app = fake_discord.application_id
    dm_channel = 777
    stranger = fake_discord.add_user("stranger")
    refused = await fake_discord.send_message(
        "sync", author=stranger, mention_bot=False, channel_id=dm_channel, dm=True
    )
    # The owner is the application's owner, as discord.py learns it from /oauth2/applications/@me.
    synced = await fake_discord.send_message(
        "sync", author=fake_discord.owner, mention_bot=False, channel_id=dm_channel, dm=True
    )
    reply = await fake_discord.reply_to(synced)
    assert reply.body["content"] == f"Synced {len(EXPECTED_COMMANDS)} commands globally."
    (put,) = [r for r in fake_discord.requests if r.method == "PUT"]
    assert put.path == f"/applications/{app}/commands"
    assert {command["name"] for command in put.body} == EXPECTED_COMMANDS
    assert fake_discord.replies_to(refused) == []  # a stranger's `sync` is neither run nor answered

    # In a server: `@saga-bot sync *` copies the global commands to it, where they appear at once.
    here = await fake_discord.send_message("sync *", author=fake_discord.owner)
    reply = await fake_discord.reply_to(here)
    assert reply.body["content"] == f"Synced {len(EXPECTED_COMMANDS)} commands to this server."
    guild_put = [r for r in fake_discord.requests if r.method == "PUT"][-1]
    assert guild_put.path == f"/applications/{app}/guilds/{fake_discord.guild_id}/commands"


async def test_saga_bot_run_answers_and_stops_cleanly_on_sigterm(
    fake_discord: FakeDiscord, database: Path
) -> None:
    """The real entry point, as a user starts it: `saga-bot run`, then SIGTERM."""
    bot = RunningBot(await spawn_saga_bot(fake_discord, database, "run"))
    failure: BaseException | None = None
    try:
        await fake_discord.wait_until(lambda: bot.logged_or_exited(CONNECTED), within=CONNECT_WITHIN)
        message = await fake_discord.send_message(
            "奧特曼什麼時候被解僱？", author=fake_discord.add_user("asker")
        )
        reply = await fake_discord.reply_to(message, within=REPLY_WITHIN)
        assert reply.body["message_reference"]["message_id"] == int(message["id"])
    except (AssertionError, TimeoutError) as exc:
        failure = exc
    finally:
        code, err = await bot.stop()
    assert failure is None, f"{failure!r}; the bot's stderr:\n{err[-4000:]}"
    assert code == 0, err
    assert "database closed" in err and TOKEN not in err
    assert fake_discord.closes == [1000]  # the gateway closed properly, not dropped


async def test_the_fake_speaks_like_discord(fake_discord: FakeDiscord) -> None:
    """What the e2e tests rest on: loopback only, JSON discord.py parses, ids of the current time."""
    assert fake_discord.base_url.startswith("http://127.0.0.1:")
    assert fake_discord.base_url == discord.http.Route.BASE
    assert str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY) == fake_discord.gateway_url
    async with aiohttp.ClientSession() as session:
        headers = {"Authorization": f"Bot {TOKEN}"}
        async with session.get(f"{fake_discord.base_url}/users/@me", headers=headers) as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == "application/json"  # no charset
            assert (await response.json())["id"] == str(fake_discord.application_id)
        async with session.get(f"{fake_discord.base_url}/users/@me") as response:
            assert response.status == 401
    age = discord.utils.utcnow() - discord.utils.snowflake_time(snowflake())
    assert abs(age.total_seconds()) < 5
