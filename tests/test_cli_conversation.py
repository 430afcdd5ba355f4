"""The command line's conversation contract: `ask --json -` with a history, and `chat`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.cli import parse_ask_line

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "bot"]


def run(argv: list[str], stdin: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *argv], input=stdin.encode(), capture_output=True, cwd=ROOT, timeout=60)


def test_a_json_line_carries_the_question_and_its_history_and_plain_lines_stay_plain() -> None:
    lines = [
        json.dumps(
            {"question": "那她为什么要离开?", "history": ["穆拉蒂什么时候离职的?"]}, ensure_ascii=False
        ),
        "那她为什么要离开?",
        '{"question": 3}',
        "{not json at all",
    ]
    result = run(["ask", "--json", "-"], "\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr.decode()
    replies = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(replies) == 4  # one per line, in order: nothing is lost
    assert replies[0]["answered"] and "穆拉蒂" in replies[0]["answer"]
    assert replies[0]["question"] == "那她为什么要离开?"
    assert not replies[1]["answered"]  # the same words with no history: who is "she"?
    assert [r["question"] for r in replies[2:]] == lines[2:]
    assert result.stderr.decode().count("\n") == 1 and '"question"' in result.stderr.decode()


def test_parse_ask_line_takes_only_well_formed_objects() -> None:
    assert parse_ask_line('{"question": "q", "history": ["a", "b"]}') == ("q", ["a", "b"])
    assert parse_ask_line('{"question": "q"}') == ("q", [])
    assert parse_ask_line('{"question": "q", "history": "a"}') == ("q", [])
    assert parse_ask_line("{穆拉蒂}") == ("{穆拉蒂}", [])
    assert parse_ask_line("[1, 2]") == ("[1, 2]", [])


def test_chat_keeps_the_conversation_starts_over_on_new_and_ends_cleanly_at_eof() -> None:
    result = run(["chat"], "穆拉蒂什么时候离职的?\n那她为什么要离开?\n/new\n她为什么要离开?\n\x1b[2J\n")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "按“穆拉蒂为什么要离开?”理解:" in out
    assert out.count("理解:") == 1  # after /new, "她" is nobody
    assert "我不知道你问的是谁" in out
    assert "\x1b" not in out and not result.stderr
