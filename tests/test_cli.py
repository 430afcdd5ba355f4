"""The command-line contract used for evaluation: keep it stable."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.storage import open_storage
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


# -- hardening: reversed ranges, bytes that are not UTF-8, terminal escapes ----------------------


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (None, "saga-bot: 时间范围反了:开始日期 2024 晚于结束日期 2023。\n"),
        ("traditional", "saga-bot: 時間範圍反了:開始日期 2024 晚於結束日期 2023。\n"),
    ],
)
def test_a_reversed_range_says_so(
    capsys: pytest.CaptureFixture[str], script: str | None, expected: str
) -> None:
    argv = ["timeline", "--from", "2024", "--to", "2023"] + (["--script", script] if script else [])
    code, out, err = run(argv, capsys)
    assert (code, out, err) == (1, "", expected)


def test_a_range_within_one_year_is_not_reversed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["timeline", "--from", "2023-11", "--to", "2023", "--json"], capsys)
    assert code == 0 and json.loads(out)


# Python keeps argv bytes that are not UTF-8 as lone surrogates (surrogateescape).
NOT_UTF8 = b"\xff\xfe\xe5\xa5".decode("utf-8", "surrogateescape")


@pytest.mark.parametrize(
    "argv",
    [["who", NOT_UTF8], ["timeline", "--person", NOT_UTF8], ["timeline", "--from", NOT_UTF8]],
    ids=["who", "timeline --person", "timeline --from"],
)
def test_arguments_that_are_not_utf8_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 1 and not out
    assert err.count("\n") == 1 and "\ufffd" in err and "Traceback" not in err


def test_an_answer_to_a_question_that_is_not_utf8(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "--json", NOT_UTF8 + "奥特曼什么时候被解雇"], capsys)
    assert code == 0 and json.loads(out)["answered"]


def test_real_argv_bytes_that_are_not_utf8() -> None:
    result = subprocess.run(
        [*COMMAND, "who", b"\xff\xfe".decode("latin-1").encode("latin-1")],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.decode("utf-8").startswith("saga-bot: ") and b"Traceback" not in result.stderr


ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202e"


def _has_controls(text: str) -> bool:
    return any(ch in text for ch in "\x1b\x07\x9b\u202e")


@pytest.mark.parametrize(
    "argv",
    [
        ["who", f"{ESCAPES}奥特曼x"],
        ["timeline", "--person", ESCAPES],
        ["timeline", "--from", ESCAPES],
        ["timeline", "--from", "2024", "--to", f"2023{ESCAPES}"],
        ["ask", f"{ESCAPES}奥特曼什么时候被解雇?"],
        ["ask", "--json", f"{ESCAPES}谁是XYZ?"],
        ["who", "--json", ESCAPES],
        ["ask", "--explain", f"{ESCAPES}奥特曼什么时候被解雇?"],  # the trace quotes the question
    ],
)
def test_terminal_escapes_are_printed_escaped(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    _, out, err = run(argv, capsys)
    assert not _has_controls(out + err)


def test_an_echoed_value_stays_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["who", "Nobody\nsaga-bot: all good"], capsys)
    assert code == 1 and err.count("\n") == 1 and "Nobody\\x0asaga-bot: all good" in err


def test_json_output_stays_valid_json_with_every_control_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["ask", "--json", f"{ESCAPES}谁是XYZ?"], capsys)
    assert not _has_controls(out)
    assert (
        json.loads(out)["question"] == f"{ESCAPES}谁是XYZ?"
    )  # the value itself is kept, only written escaped


def test_misses_prints_what_discord_users_typed_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "saga.sqlite3"

    async def record() -> None:
        store = await open_storage(str(path))
        await store.record_miss(f"天气{ESCAPES}怎么样\n  99  2099-01-01 00:00  forged line")
        await store.close()

    asyncio.run(record())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SAGA_BOT_DATABASE", f"sqlite:///{path}")
    assert main(["misses"]) == 0
    out = capsys.readouterr().out
    assert not _has_controls(out)
    (line,) = out.splitlines()[1:]
    assert line.endswith(
        "天气\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202e怎么样 99 2099-01-01 00:00 forged line"
    )


@pytest.mark.parametrize(
    "argv", [["who", "x" * 100_000], ["timeline", "--from", "9" * 100_000]], ids=["who", "date"]
)
def test_an_echoed_value_is_cut_to_a_readable_length(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = run(argv, capsys)
    assert code == 1 and len(err) < 300 and "…" in err
