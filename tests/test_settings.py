"""Settings validation: every rejected value is named by its variable and never shown."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from discord.ext import commands

from bot.cli import main
from bot.settings import _VARIABLES, MAX_COOLDOWN_PER, SettingsError, load_settings

SECRET = "MTE4NzQ1MDk4NzY1NDMyMTAwOQ.GhJkLm.s3cr3t-t0k3n_abcdefghijklmnopqrstuvwx"
# Each is rejected by its variable (or, for the free-text ones, accepted): either way never shown.
FREE_TEXT = {"SAGA_BOT_DATABASE", "SAGA_BOT_DATA_DIR", "DISCORD_TOKEN"}
SECRET_SHAPES = [f"x{SECRET}", f"1,{SECRET}", f"{SECRET} 2", f"Bot {SECRET}", f"{SECRET}\x01", f"-{SECRET}"]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in list(os.environ):
        if name == "DISCORD_TOKEN" or name.startswith("SAGA_BOT_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    yield


def settings_error() -> str:
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert len(message.splitlines()) == 1, message
    return message


@pytest.mark.parametrize("variable", sorted(_VARIABLES.values()))
@pytest.mark.parametrize("value", SECRET_SHAPES)
def test_no_message_ever_contains_the_value(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(variable, value)
    try:
        settings = load_settings()
    except SettingsError as exc:
        assert variable in str(exc)
        assert SECRET not in str(exc)
        assert SECRET[:12] not in str(exc)
    else:  # only the free-text settings (paths, URLs) take anything, and a token-shaped token
        assert variable in FREE_TEXT
        assert SECRET not in repr(settings) or variable == "SAGA_BOT_DATA_DIR"  # a path is no secret
        return
    # Through the command line too, on both streams.
    assert main(["misses"]) == 2
    out, err = capsys.readouterr()
    assert SECRET[:12] not in out + err


def test_a_database_url_with_a_password_is_not_in_the_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAGA_BOT_DATABASE", "postgresql://saga:hunter2-secret@db.example/saga")
    settings = load_settings()
    assert "hunter2" not in repr(settings) and "hunter2" not in str(settings)


def test_owner_ids_name_the_bad_item_by_position(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAGA_BOT_OWNER_IDS", f"123, {SECRET}")
    message = settings_error()
    assert "SAGA_BOT_OWNER_IDS" in message and "item 2" in message


@pytest.mark.parametrize("value", ["-5", "18446744073709551616", "1.5", "0x10"])
def test_owner_ids_must_be_snowflakes(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SAGA_BOT_OWNER_IDS", value)
    assert "SAGA_BOT_OWNER_IDS is invalid" in settings_error()


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("inf", "finite"),
        ("-inf", "finite"),
        ("nan", "finite"),
        ("1e400", "finite"),
        ("-1", "greater than 0"),
        ("0", "greater than 0"),
        ("1e308", "less than or equal to 86400"),
    ],
)
def test_cooldown_window_must_be_a_finite_positive_number_up_to_a_day(
    monkeypatch: pytest.MonkeyPatch, value: str, reason: str
) -> None:
    monkeypatch.setenv("SAGA_BOT_COOLDOWN_PER", value)
    message = settings_error()
    assert message.startswith("SAGA_BOT_COOLDOWN_PER is invalid") and reason in message


def test_the_longest_cooldown_window_still_counts_without_overflow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAGA_BOT_COOLDOWN_PER", str(MAX_COOLDOWN_PER))
    settings = load_settings()
    cooldown = commands.CooldownMapping.from_cooldown(1, settings.cooldown_per, lambda user: user)
    assert cooldown.update_rate_limit(1) is None
    retry = cooldown.update_rate_limit(1)
    assert retry is not None and 0 < retry <= MAX_COOLDOWN_PER


def test_a_dotenv_that_is_not_utf8_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".env").write_bytes(b"SAGA_BOT_LOG_LEVEL=debug\nSAGA_BOT_DATABASE=\xff\xfe\n")
    message = settings_error()
    assert message.startswith(".env is not UTF-8 text") and "offset 43" in message
    assert main(["misses"]) == 2
    _, err = capsys.readouterr()
    assert err.startswith("saga-bot: .env is not UTF-8") and len(err.splitlines()) == 1


def test_an_unreadable_dotenv_is_one_line(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("SAGA_BOT_LOG_LEVEL=debug\n", encoding="utf-8")
    dotenv.chmod(0)
    try:
        if os.access(dotenv, os.R_OK):
            pytest.skip("running as root: the file stays readable")
        assert settings_error().startswith("cannot read .env")
    finally:
        dotenv.chmod(0o600)


@pytest.mark.parametrize("variable", ["SAGA_BOT_DATABASE", "SAGA_BOT_DATA_DIR"])
def test_a_path_with_a_nul_from_dotenv_is_one_line(tmp_path: Path, variable: str) -> None:
    (tmp_path / ".env").write_bytes(f"{variable}=data/sa\0ga.sqlite3\n".encode())
    assert settings_error() == f"{variable} is invalid: contains a NUL character, which no path can hold"
