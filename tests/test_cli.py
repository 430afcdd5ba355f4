"""The command-line contract used for evaluation: keep it stable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.helpers import REPLY_FIELDS

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "bot"]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_batch_mode_answers_one_json_line_per_input_line_in_order() -> None:
    questions = ["穆拉蒂什麼時候離職?", "", "明天会下雨吗?", "Mira Murati是哪一年出生的?"]
    stdin = ("\n".join(questions) + "\n").encode() + b"\xff\xfe broken bytes\n"
    result = subprocess.run(
        [*COMMAND, "ask", "--json", "-"], input=stdin, capture_output=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [line["question"] for line in lines[:4]] == questions
    assert len(lines) == 5 and lines[4]["answered"] is False
    assert [line["answered"] for line in lines[:4]] == [True, False, False, True]
    assert lines[0]["script"] == "traditional" and "1988" in lines[3]["answer"]


def test_batch_mode_flushes_each_answer_before_reading_on() -> None:
    with subprocess.Popen(
        [*COMMAND, "ask", "--json", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        for question in ("OpenAI有多少员工?", "Who is Sam Altman?"):
            process.stdin.write((question + "\n").encode())
            process.stdin.flush()
            reply = json.loads(process.stdout.readline())  # would hang if not flushed per line
            assert reply["question"] == question
        process.stdin.close()
        assert process.wait(timeout=30) == 0


def test_ask_json_fields_and_script_override(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "--json", "--script", "traditional", "Altman什么时候被解雇的?"], capsys)
    reply = json.loads(out)
    assert code == 0
    assert set(reply) == REPLY_FIELDS
    assert reply["script"] == "traditional" and reply["answered"]
    assert {"article", "title", "outlet", "published", "quote"} == set(reply["sources"][0])


def test_ask_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "穆拉蒂什麼時候離職?"], capsys)
    assert code == 0 and "來源" in out and "2024" in out


@pytest.mark.parametrize("name", ["Altman", "奥特曼", "奧爾特曼", "ALTMAN", "山姆·奥特曼"])
def test_timeline_by_any_alias(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, _ = run(
        ["timeline", "--person", name, "--from", "2023-11", "--to", "2023-11-30", "--json"], capsys
    )
    events = json.loads(out)
    assert code == 0 and events
    assert all(e["date"].startswith("2023-11") for e in events)
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert all(e["sources"] and e["precision"] in {"day", "month", "year"} for e in events)
    assert any("11-17" in e["date"] for e in events)


def test_timeline_date_forms(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["timeline", "--from", "2024", "--to", "2024-05", "--json"], capsys)
    dates = [e["date"] for e in json.loads(out)]
    assert code == 0 and dates
    assert all("2024" <= d[:7] <= "2024-05" for d in dates)


def test_unknown_person_is_a_clear_message_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["timeline", "--person", "Nobody Atall"], capsys)
    assert code == 1 and not out
    assert "Nobody Atall" in err and "Traceback" not in err


@pytest.mark.parametrize("date", ["2023-13", "yesterday", "2023-02-30"])
def test_bad_date_is_a_clear_message_and_exit_1(capsys: pytest.CaptureFixture[str], date: str) -> None:
    code, _, err = run(["timeline", "--from", date], capsys)
    assert code == 1 and date in err and "YYYY" in err


def test_who_profile(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["who", "穆拉蒂", "--json"], capsys)
    profile = json.loads(out)
    assert code == 0 and profile["id"] == "murati"
    assert profile["roles"] and profile["sources"] and profile["went_to"]
    assert any("首席技术官" in r["title"] for r in profile["roles"])
    code, out, _ = run(["who", "穆拉蒂", "--script", "traditional"], capsys)
    assert "首席技術官" in out
