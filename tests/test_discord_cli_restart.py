"""`saga-bot run` comes back after a crash: restarts with backoff, except for what only the admin
can fix."""

from __future__ import annotations

import logging
from pathlib import Path

import discord
import pytest

from bot import discord_cli
from bot.engine.answer import Engine
from bot.settings import Settings, SettingsError
from bot.storage import Storage, StorageError, open_storage
from tests.conftest import CONNECT_WITHIN, CONNECTED, REPLY_WITHIN, RunningBot, spawn_saga_bot
from tests.fakediscord import TOKEN, FakeDiscord
from tests.helpers import make_settings


class Crashes:
    """A stand-in for run_bot that raises each of `errors` in turn, then returns (a clean close)."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)
        self.runs = 0

    async def __call__(self, settings: Settings, engine: Engine, storage: Storage) -> None:
        self.runs += 1
        if self.errors:
            raise self.errors.pop(0)


async def restarts(
    monkeypatch: pytest.MonkeyPatch, engine: Engine, crashes: Crashes
) -> tuple[list[float], BaseException | None]:
    """Run run_restarting on `crashes`; the delays it slept and what it raised, if anything."""
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr(discord_cli, "run_bot", crashes)
    storage = await open_storage(":memory:")
    try:
        await discord_cli.run_restarting(make_settings(discord_token=TOKEN), engine, storage, sleep=sleep)
    except BaseException as exc:
        return slept, exc
    finally:
        await storage.close()
    return slept, None


async def test_a_crash_restarts_with_growing_delays(
    monkeypatch: pytest.MonkeyPatch, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    crashes = Crashes(*(RuntimeError(f"boom {n}\nsecond line") for n in range(12)))
    slept, raised = await restarts(monkeypatch, engine, crashes)
    assert raised is None and crashes.runs == 13
    assert slept == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]
    lines = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in lines[:2]] == [
        "the bot stopped (RuntimeError: boom 0 second line); restarting in 1 s",
        "the bot stopped (RuntimeError: boom 1 second line); restarting in 2 s",
    ]
    assert all(r.exc_info is None for r in lines)  # one line each; the traceback is DEBUG only


async def test_a_healthy_run_resets_the_delay(monkeypatch: pytest.MonkeyPatch, engine: Engine) -> None:
    monkeypatch.setattr(discord_cli, "RESTART_HEALTHY_AFTER", 0.0)  # every run counts as long
    slept, _ = await restarts(monkeypatch, engine, Crashes(RuntimeError(), RuntimeError(), RuntimeError()))
    assert slept == [1, 1, 1]


@pytest.mark.parametrize(
    "fatal",
    [
        discord.LoginFailure("Improper token has been passed."),
        discord.PrivilegedIntentsRequired(None),
        SettingsError("DISCORD_TOKEN is not set"),
        StorageError("the database is read-only"),
    ],
    ids=lambda e: type(e).__name__,
)
async def test_what_only_the_admin_can_fix_is_not_restarted(
    monkeypatch: pytest.MonkeyPatch, engine: Engine, fatal: Exception
) -> None:
    crashes = Crashes(fatal)
    slept, raised = await restarts(monkeypatch, engine, crashes)
    assert raised is fatal and crashes.runs == 1 and slept == []


async def test_a_clean_close_is_not_restarted(monkeypatch: pytest.MonkeyPatch, engine: Engine) -> None:
    crashes = Crashes()
    slept, raised = await restarts(monkeypatch, engine, crashes)
    assert raised is None and crashes.runs == 1 and slept == []


async def test_saga_bot_run_comes_back_after_the_gateway_kills_the_client(
    fake_discord: FakeDiscord, database: Path
) -> None:
    """Close code 4010 is one discord.py does not reconnect after: the client ends. Before, so did
    `saga-bot run`, with a traceback; now it starts again and answers."""
    bot = RunningBot(await spawn_saga_bot(fake_discord, database, "run"))
    failure: BaseException | None = None
    try:
        await fake_discord.wait_until(lambda: bot.logged_or_exited(CONNECTED), within=CONNECT_WITHIN)
        # Answering first: the client is fully connected, so the close lands on a live session.
        first = await fake_discord.send_message(
            "奥特曼什么时候被解雇？", author=fake_discord.add_user("first")
        )
        await fake_discord.reply_to(first, within=REPLY_WITHIN)
        await fake_discord.close_gateway(4010)
        # Connected again: a second identify (not a resume), by the restarted client.
        await fake_discord.wait_until(lambda: bot.logged_or_exited(CONNECTED, 2), within=CONNECT_WITHIN)
        assert bot.process.returncode is None, "the bot exited instead of starting again"
        assert len(fake_discord.identifies) >= 2  # a new client, not a resume of the old one
        message = await fake_discord.send_message(
            "奥特曼什么时候被解雇？", author=fake_discord.add_user("asker")
        )
        await fake_discord.reply_to(message, within=REPLY_WITHIN)
        assert bot.process.returncode is None
    except (AssertionError, TimeoutError) as exc:
        failure = exc
    finally:
        code, err = await bot.stop()
    assert failure is None, f"{failure!r}; the bot's stderr:\n{err[-4000:]}"
    assert code == 0, err
    assert "the bot stopped (ConnectionClosed: " in err and "restarting in 1 s" in err
    assert "Traceback" not in err and TOKEN not in err
