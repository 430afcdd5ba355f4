"""What can be checked of the packaging without building an image or a wheel here:
the Dockerfile's shape and entry point, and that the fact base ships inside the package."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from bot.cli import build_parser
from bot.paths import default_facts_dir

ROOT = Path(__file__).resolve().parent.parent


def test_dockerfile_is_slim_non_root_with_data_volume_and_runs_the_bot() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.1[1-9]-slim", dockerfile, re.M)
    assert re.search(r"^RUN pip install \.", dockerfile, re.M)
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.M)
    assert 'VOLUME ["/data"]' in dockerfile
    assert 'CMD ["saga-bot", "run"]' in dockerfile
    assert "DISCORD_TOKEN=" not in dockerfile.replace("-e DISCORD_TOKEN=...", "")


def test_entry_point_named_by_the_dockerfile_exists() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["saga-bot"] == "bot.cli:main"
    subcommands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"ask", "timeline", "who", "facts", "run", "sync", "misses"} <= set(subcommands)


def test_wheel_carries_the_fact_base() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    force_include = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force_include == {"facts": "bot/_facts"}
    assert (default_facts_dir() / "sources" / "sources.yaml").is_file()


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ".venv/bin/python -m pytest"
    assert f"# 2. Run the tests (exactly what CI runs):\n{command}\n" in readme
    assert f"\n{command}\n" in ci
