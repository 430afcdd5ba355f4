"""The storage side of the command line and the settings: `saga-bot misses` and the misses
log's limits (issue #17 items 12 and 13)."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import SettingsError, load_settings
from bot.storage import MissLimits, StorageError, open_storage


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in list(os.environ):
        if name == "DISCORD_TOKEN" or name.startswith("SAGA_BOT_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    yield


@pytest.mark.parametrize("limit", ["99999999999999999999", "1000001", "-5", "ten"])
def test_misses_limit_out_of_range_is_one_line(limit: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["misses", "--limit", limit])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("saga-bot misses: error: argument --limit: must be")


def test_misses_lists_a_row_with_an_unreadable_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "db.sqlite3"

    async def create() -> None:
        await (await open_storage(str(path))).close()

    asyncio.run(create())
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO miss (text, asked_at) VALUES ('问题', 'yesterday')")
    connection.close()
    monkeypatch.setenv("SAGA_BOT_DATABASE", str(path))
    assert main(["misses", "--limit", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["1", "?", "unknown", "问题"]  # recorded without a reason


def test_misses_limits_come_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().miss_limits == MissLimits(max_rows=10_000, max_age_days=90)
    monkeypatch.setenv("SAGA_BOT_MISSES_MAX_ROWS", "500")
    monkeypatch.setenv("SAGA_BOT_MISSES_MAX_AGE_DAYS", "7")
    assert load_settings().miss_limits == MissLimits(max_rows=500, max_age_days=7)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SAGA_BOT_MISSES_MAX_ROWS", "0"),
        ("SAGA_BOT_MISSES_MAX_ROWS", "lots"),
        ("SAGA_BOT_MISSES_MAX_AGE_DAYS", "inf"),
    ],
)
def test_bad_misses_limits_are_one_line_without_the_value(
    variable: str, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith(f"{variable} is invalid: ")
    assert "\n" not in message and value not in message


@pytest.mark.parametrize("url", ["postgresql:/saga:hunter2@db:5432/saga", "postgres:saga:hunter2@db/saga"])
async def test_a_mistyped_database_url_is_refused_not_opened_as_a_file(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One slash short, the URL was a SQLite path: the bot made that directory and quoted the
    # password in every message about it.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StorageError) as refused:
        await open_storage(url)
    assert "hunter2" not in str(refused.value)
    assert await asyncio.to_thread(lambda: list(tmp_path.iterdir())) == []


def test_a_percent_encoded_password_is_scrubbed_in_both_forms() -> None:
    from bot.storage.postgres import _describe, _password

    password = _password("postgresql://saga:p%40ss%2Fw0rd@db/saga")
    assert password == "p@ss/w0rd"
    for quoted in ("p@ss/w0rd", "p%40ss%2Fw0rd"):
        assert quoted not in _describe(OSError(f"failed with {quoted}"), "db/saga", password)
