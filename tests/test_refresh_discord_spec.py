"""tools/refresh_discord_spec.py, with GitHub replaced by canned answers: it writes the spec verbatim
and the commit it came from, and refuses what is not an OpenAPI document."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parent.parent / "tools" / "refresh_discord_spec.py"
SHA = "0123456789abcdef0123456789abcdef01234567"


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("refresh_discord_spec", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def github(document: bytes) -> dict[str, bytes]:
    commit = {"sha": SHA, "commit": {"committer": {"date": "2026-07-18T00:38:55Z"}}}
    return {
        "https://api.github.com/repos/discord/discord-api-spec/commits/main": json.dumps(commit).encode(),
        f"https://raw.githubusercontent.com/discord/discord-api-spec/{SHA}/specs/openapi.json": document,
    }


def test_refresh_writes_the_spec_and_its_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tool = load_tool()
    document = b'{"openapi": "3.1.0", "paths": {}}\n'
    monkeypatch.setattr(tool, "_get", github(document).__getitem__)
    monkeypatch.setattr(tool, "SPEC_FILE", tmp_path / "spec.json")
    monkeypatch.setattr(tool, "COMMIT_FILE", tmp_path / "spec.commit")
    tool.main([])
    assert (tmp_path / "spec.json").read_bytes() == document
    assert (tmp_path / "spec.commit").read_text().startswith(f"{SHA} specs/openapi.json ")


def test_refresh_refuses_what_is_not_a_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tool = load_tool()
    monkeypatch.setattr(tool, "_get", github(b'{"not": "a spec"}').__getitem__)
    monkeypatch.setattr(tool, "SPEC_FILE", tmp_path / "spec.json")
    monkeypatch.setattr(tool, "COMMIT_FILE", tmp_path / "spec.commit")
    with pytest.raises(SystemExit):
        tool.main([])
    assert not (tmp_path / "spec.json").exists()
