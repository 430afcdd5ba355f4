"""What the command line imports: the engine's commands never load the Discord layer, and a
broken Discord layer is reported in one line, not as an unknown command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli

ROOT = Path(__file__).resolve().parent.parent


def test_the_engine_commands_do_not_import_discord() -> None:
    code = (
        "import sys; from bot.cli import main;"
        "assert main(['ask', '--json', '穆拉蒂什么时候离职?']) == 0;"
        "loaded = [m for m in ('discord', 'aiohttp', 'bot.discord_cli') if m in sys.modules];"
        "assert not loaded, loaded"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_a_broken_discord_layer_is_said_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "bot.discord_cli", None)  # importing it raises ImportError
    monkeypatch.setattr(cli, "EXTRA_COMMANDS", [])
    assert cli.main(["run"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("saga-bot: the Discord commands cannot be loaded (")
    assert err.count("\n") == 1 and "invalid choice" not in err


def test_help_lists_the_discord_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert all(command in out for command in ("ask", "run", "sync", "misses"))


def test_a_warm_ask_parses_no_yaml_and_opens_no_s2t_tables(tmp_path: Path) -> None:
    """Started from the cached fact base and index, `ask` of a simplified question needs
    neither PyYAML nor s2t's phrase tables (script detection reads a character table)."""
    code = (
        "import sys; from bot.cli import main; from bot import text;"
        "assert main(['ask', '--json', '穆拉蒂什么时候离职?']) == 0;"
        "print(sorted(m for m in ('yaml', 'discord') if m in sys.modules), text._converter.cache_info().currsize)"
    )
    env = {**os.environ, "SAGA_BOT_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
        )
        for _ in range(2)
    ]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr
    first, warm = (run.stdout.splitlines()[-1] for run in runs)
    assert first.startswith("['yaml']")  # the first start reads the fact files
    assert warm.startswith("[]")
    assert warm.endswith(" 2")  # tw2s and hk2s, which every question is matched through
