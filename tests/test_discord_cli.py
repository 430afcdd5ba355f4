"""Settings, the `run` / `sync` / `misses` subcommands, clean shutdown and the Message Content fallback."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import signal
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands

from bot import discord_cli
from bot.cli import main
from bot.discord.client import MESSAGE_CONTENT_REFUSED, SagaBot, run_bot
from bot.engine.answer import Engine
from bot.settings import RedactSecrets, Settings, SettingsError, load_settings
from bot.storage import Storage, StorageError, open_storage
from tests.helpers import make_settings

TOKEN = "MTE4NzQ1MDk4NzY1NDMyMTAwOQ.GhJkLm.s3cr3t-t0k3n_abcdefghijklmnopqrstuvwx"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No token or setting from the developer's shell or .env leaks into a test."""
    for name in list(os.environ):
        if name == "DISCORD_TOKEN" or name.startswith("SAGA_BOT_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    yield


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


# -- settings -------------------------------------------------------------------------------


def test_defaults() -> None:
    settings = load_settings()
    assert settings.discord_token is None
    assert settings.database == str(Path("data") / "saga-bot.sqlite3")
    assert (settings.cooldown_rate, settings.cooldown_per) == (3, 30.0)
    assert settings.traditional_variant == "tw"
    assert settings.log_level == "INFO"
    assert settings.owner_ids == frozenset()


def test_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", f"  {TOKEN}\n")
    monkeypatch.setenv("SAGA_BOT_DATABASE", "sqlite:////srv/saga.sqlite3")
    monkeypatch.setenv("SAGA_BOT_COOLDOWN_RATE", "5")
    monkeypatch.setenv("SAGA_BOT_COOLDOWN_PER", "12.5")
    monkeypatch.setenv("SAGA_BOT_TRADITIONAL", "hk")
    monkeypatch.setenv("SAGA_BOT_LOG_LEVEL", "debug")
    monkeypatch.setenv("SAGA_BOT_OWNER_IDS", "1, 2 3")
    settings = load_settings()
    assert settings.token() == TOKEN
    assert settings.database == "sqlite:////srv/saga.sqlite3"
    assert (settings.cooldown_rate, settings.cooldown_per) == (5, 12.5)
    assert settings.traditional_variant == "hk"
    assert settings.log_level == "DEBUG"
    assert settings.owner_ids == {1, 2, 3}


def test_dotenv_file(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        f"DISCORD_TOKEN={TOKEN}\nSAGA_BOT_DATA_DIR=/var/lib/saga\n", encoding="utf-8"
    )
    settings = load_settings()
    assert settings.token() == TOKEN
    assert settings.database == "/var/lib/saga/saga-bot.sqlite3"


def test_token_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    settings = load_settings()
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings)
    assert TOKEN not in settings.model_dump_json()


@pytest.mark.parametrize("token", ["not-a-token", "abc.def.ghi", "MTE4.NzQ1", TOKEN.replace(".", " ")])
def test_malformed_token_is_refused_without_echoing_it(monkeypatch: pytest.MonkeyPatch, token: str) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", token)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert "DISCORD_TOKEN" in message
    assert token not in message
    one_line(message)


def test_bad_numbers_are_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAGA_BOT_COOLDOWN_RATE", "0")
    monkeypatch.setenv("SAGA_BOT_TRADITIONAL", "cn")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    line = one_line(str(caught.value))
    assert "SAGA_BOT_COOLDOWN_RATE" in line
    assert "SAGA_BOT_TRADITIONAL" in line


def test_redact_filter_scrubs_messages_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSecrets(TOKEN))
    logger = logging.getLogger("test.redact")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("connecting with %s", TOKEN)
        try:
            raise RuntimeError(f"bad {TOKEN}")
        except RuntimeError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert TOKEN not in output
    assert output.count("[redacted]") == 2


def test_configure_logging_redacts_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    stream = io.StringIO()
    try:
        discord_cli.configure_logging(make_settings(discord_token=TOKEN))
        added = [h for h in root.handlers if h not in before]
        assert added
        for handler in added:
            assert isinstance(handler, logging.StreamHandler)
            handler.setStream(stream)
        logging.getLogger("bot.test").error("token is %s", TOKEN)
    finally:
        root.handlers[:] = before
        root.setLevel(level)
    assert "token is [redacted]" in stream.getvalue()
    assert TOKEN not in stream.getvalue()


# -- run / sync / misses --------------------------------------------------------------------


@pytest.mark.parametrize("command", ["run", "sync"])
def test_missing_token_exits_2_with_one_line(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    line = one_line(err)
    assert "DISCORD_TOKEN" in line and "set" in line


@pytest.mark.parametrize("command", ["run", "sync"])
def test_malformed_token_exits_2_and_is_not_printed(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = "Bot my-secret-token-value"
    monkeypatch.setenv("DISCORD_TOKEN", bad)
    assert main([command]) == 2
    out, err = capsys.readouterr()
    assert "DISCORD_TOKEN" in one_line(err)
    assert "my-secret-token-value" not in out + err


def test_misses_lists_the_most_frequent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "saga.sqlite3"

    async def record() -> None:
        store = await open_storage(str(path))
        for text, times in (("天气怎么样", 3), ("谁发明了电灯", 1), ("股价多少", 2)):
            for _ in range(times):
                await store.record_miss(text)
        await store.close()

    asyncio.run(record())
    monkeypatch.setenv("SAGA_BOT_DATABASE", f"sqlite:///{path}")
    assert main(["misses", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3  # header and two questions
    assert lines[1].split()[0] == "3" and lines[1].endswith("天气怎么样")
    assert lines[2].split()[0] == "2" and lines[2].endswith("股价多少")


def recorded(path: Path, misses: list[tuple[str, str | None]]) -> None:
    """A bot's database holding `misses` (question, decline reason), in that order."""

    async def record() -> None:
        store = await open_storage(str(path))
        for text, reason in misses:
            await store.record_miss(text, reason)
        await store.close()

    asyncio.run(record())


REASONED = [
    ("天气怎么样", "below_threshold"),
    ("天气怎么样", "below_threshold"),
    ("股价多少", "below_threshold"),
    ("Altman几岁", "check:asked_detail:age"),
    ("谁发明了电灯", None),  # as rows from before reasons were kept
]


def test_misses_show_why_each_was_declined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recorded(tmp_path / "saga.sqlite3", REASONED)
    monkeypatch.setenv("SAGA_BOT_DATABASE", str(tmp_path / "saga.sqlite3"))
    assert main(["misses"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split() == ["count", "last", "asked", "(UTC)", "reason", "question"]
    listed = [(row.split()[0], row.split()[-2], row.split()[-1]) for row in rows]
    assert listed[0] == ("2", "below_threshold", "天气怎么样")  # the most frequent first
    assert sorted(listed[1:]) == [  # the rest once each, newest first (they may share a second)
        ("1", "below_threshold", "股价多少"),
        ("1", "check:asked_detail:age", "Altman几岁"),
        ("1", "unknown", "谁发明了电灯"),
    ]
    # The reason column is as wide as the widest reason: the questions line up.
    assert len({row.index(row.split()[-1]) for row in rows}) == 1


def test_misses_by_reason_count_which_check_declines_most(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recorded(tmp_path / "saga.sqlite3", REASONED)
    monkeypatch.setenv("SAGA_BOT_DATABASE", str(tmp_path / "saga.sqlite3"))
    assert main(["misses", "--by-reason"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split() == ["count", "questions", "last", "asked", "(UTC)", "reason"]
    assert [(r.split()[0], r.split()[1], r.split()[-1]) for r in rows] == [
        ("3", "2", "below_threshold"),
        ("1", "1", "check:asked_detail"),  # a check's vetoes together, whatever the rule
        ("1", "1", "unknown"),
    ]
    assert main(["misses", "--by-reason", "--json"]) == 0
    counted = json.loads(capsys.readouterr().out)
    assert [(r["reason"], r["count"], r["questions"]) for r in counted] == [
        ("below_threshold", 3, 2),
        ("check:asked_detail", 1, 1),
        ("unknown", 1, 1),
    ]
    assert all(datetime.fromisoformat(r["last_asked"]).tzinfo for r in counted)
    # One check's vetoes, rule by rule.
    assert main(["misses", "--by-reason", "--reason", "check:asked_detail"]) == 0
    (row,) = capsys.readouterr().out.splitlines()[1:]
    assert row.split()[:2] == ["1", "1"] and row.endswith("check:asked_detail:age")


def test_misses_of_one_reason_and_as_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recorded(tmp_path / "saga.sqlite3", REASONED)
    monkeypatch.setenv("SAGA_BOT_DATABASE", str(tmp_path / "saga.sqlite3"))
    assert main(["misses", "--reason", "below_threshold", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(m["question"], m["count"], m["reason"]) for m in listed] == [
        ("天气怎么样", 2, "below_threshold"),
        ("股价多少", 1, "below_threshold"),
    ]
    assert main(["misses", "--reason", "unknown"]) == 0
    (row,) = capsys.readouterr().out.splitlines()[1:]
    assert row.split()[-2:] == ["unknown", "谁发明了电灯"]
    assert main(["misses", "--reason", "too_novel"]) == 0
    assert capsys.readouterr().out.strip() == "no unanswered questions recorded for that reason"


@pytest.mark.parametrize("argv", [["--reason", "two words"], ["--reason", ""], ["--reason", "x" * 101]])
def test_misses_refuse_a_malformed_reason_filter_in_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["misses", *argv])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("saga-bot misses: error:")


def test_misses_without_a_database(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["misses"]) == 1
    assert "no database" in one_line(capsys.readouterr().err)
    assert not Path("data").exists()  # reading never creates the database


def test_misses_on_an_empty_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.sqlite3"

    async def create() -> None:
        await (await open_storage(str(path))).close()

    asyncio.run(create())
    monkeypatch.setenv("SAGA_BOT_DATABASE", str(path))
    assert main(["misses"]) == 0
    assert "no unanswered questions" in capsys.readouterr().out


def test_misses_limit_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["misses", "--limit", "0"])
    assert caught.value.code == 2


# -- shutdown and the privileged intent -----------------------------------------------------


async def test_sigterm_closes_the_bot_and_the_database(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Storage] = []

    async def fake_run_bot(settings: Settings, engine: Engine, storage: Storage) -> None:
        opened.append(storage)
        await storage.set_script(1, "traditional")
        asyncio.get_running_loop().call_soon(os.kill, os.getpid(), signal.SIGTERM)
        await asyncio.Event().wait()  # serve until cancelled

    monkeypatch.setattr(discord_cli, "run_bot", fake_run_bot)
    settings = make_settings(discord_token=TOKEN, database_url=str(tmp_path / "db.sqlite3"))
    task = asyncio.create_task(discord_cli.serve(settings, engine))
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, timeout=10)
    (storage,) = opened
    with pytest.raises(StorageError, match="closed"):
        await storage.get_script(1)
    assert not asyncio.get_running_loop().remove_signal_handler(signal.SIGTERM)  # handler removed
    reopened = await open_storage(str(tmp_path / "db.sqlite3"))
    assert await reopened.get_script(1) == "traditional"
    await reopened.close()


async def test_refused_message_content_logs_one_line_and_reconnects_without_it(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    attempts: list[bool] = []

    async def fake_start(self: SagaBot, token: str, *, reconnect: bool = True) -> None:
        assert token == TOKEN
        attempts.append(self.intents.message_content)
        if self.intents.message_content:
            raise discord.PrivilegedIntentsRequired(None)

    monkeypatch.setattr(SagaBot, "start", fake_start)
    storage = await open_storage(":memory:")
    caplog.set_level(logging.INFO, logger="bot")
    try:
        await run_bot(make_settings(discord_token=TOKEN), engine, storage)
    finally:
        await storage.close()
    assert attempts == [True, False]
    refusals = [r for r in caplog.records if "Message Content Intent" in r.getMessage()]
    assert len(refusals) == 1
    assert refusals[0].getMessage() == MESSAGE_CONTENT_REFUSED
    assert "\n" not in MESSAGE_CONTENT_REFUSED
    assert "Developer Portal" in MESSAGE_CONTENT_REFUSED and "Bot" in MESSAGE_CONTENT_REFUSED


async def test_run_bot_needs_a_token(engine: Engine) -> None:
    storage = await open_storage(":memory:")
    try:
        with pytest.raises(SettingsError, match="DISCORD_TOKEN"):
            await run_bot(make_settings(), engine, storage)
    finally:
        await storage.close()


# -- sync and run against a stand-in Discord ------------------------------------------------


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, engine: Engine) -> list[tuple[int | None, list[str]]]:
    """Log-in runs setup_hook only and syncing records what would be pushed: no network."""
    pushed: list[tuple[int | None, list[str]]] = []

    async def login(self: SagaBot, token: str) -> None:
        assert token == TOKEN
        await self.setup_hook()

    async def sync(
        self: app_commands.CommandTree[SagaBot], *, guild: discord.abc.Snowflake | None = None
    ) -> Any:
        commands = self.get_commands(guild=guild)
        pushed.append((guild.id if guild else None, sorted(c.name for c in commands)))
        return commands

    monkeypatch.setattr(SagaBot, "login", login)
    monkeypatch.setattr(app_commands.CommandTree, "sync", sync)
    monkeypatch.setattr(discord_cli, "_engine", lambda settings: engine)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    return pushed


# Sorted as the CLI lists them; "Ask saga-bot" is the message context menu.
EXPECTED = [
    "Ask saga-bot",
    "about",
    "ask",
    "askchannel",
    "help",
    "on",
    "script",
    "sources",
    "timeline",
    "variant",
    "who",
]


def test_sync_globally(
    offline: list[tuple[int | None, list[str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sync"]) == 0
    assert offline == [(None, EXPECTED)]
    line = one_line(capsys.readouterr().out)
    assert line.startswith(f"synced {len(EXPECTED)} commands globally: Ask saga-bot, about, ask, askchannel")
    assert not Path("data").exists()  # syncing never touches the database


def test_sync_to_one_guild(
    offline: list[tuple[int | None, list[str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sync", "--guild", "1234"]) == 0
    assert offline == [(1234, EXPECTED)]  # the global commands, copied so they appear at once
    assert "to guild 1234" in capsys.readouterr().out


def test_run_with_a_refused_token_exits_2_without_printing_it(
    monkeypatch: pytest.MonkeyPatch, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    async def refused(settings: Settings, engine: Engine, storage: Storage) -> None:
        raise discord.LoginFailure("Improper token has been passed.")

    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setattr(discord_cli, "run_bot", refused)
    monkeypatch.setattr(discord_cli, "_engine", lambda settings: engine)
    monkeypatch.setattr(discord_cli, "configure_logging", lambda settings: None)
    assert main(["run"]) == 2
    out, err = capsys.readouterr()
    assert "DISCORD_TOKEN" in one_line(err)
    assert TOKEN not in out + err


def test_run_with_a_broken_database_is_one_line(
    monkeypatch: pytest.MonkeyPatch, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"definitely not sqlite" * 100)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("SAGA_BOT_DATABASE", str(broken))
    monkeypatch.setattr(discord_cli, "_engine", lambda settings: engine)
    monkeypatch.setattr(discord_cli, "configure_logging", lambda settings: None)
    assert main(["run"]) == 1
    assert "not a SQLite database" in one_line(capsys.readouterr().err)
    assert broken.read_bytes() == b"definitely not sqlite" * 100
