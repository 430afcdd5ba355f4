"""A date range lists the events inside it; events dated only to a month or year that
overlaps the range are shown apart (CLI) or left out (the default), never mixed in."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.engine.answer import Engine


def test_the_range_starts_with_the_first_event_inside_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--from", "2023-11-16", "--to", "2023-11-20"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("2023-11-16")
    header = lines.index("同期,日期只精确到月/年:")
    inside = [line[:10].strip() for line in lines[:header] if line[:4].isdigit()]
    apart = [line[:10].strip() for line in lines[header:] if line[:4].isdigit()]
    assert inside and all(len(d) == 10 and "2023-11-16" <= d <= "2023-11-20" for d in inside)
    assert apart and all(len(d) < 10 for d in apart)


def test_coarse_events_are_left_out_by_default(engine: Engine) -> None:
    entries = engine.timeline(None, "2023-11-16", "2023-11-20")
    assert entries and all(e.precision.value == "day" and not e.approximate for e in entries)
    with_coarse = engine.timeline(None, "2023-11-16", "2023-11-20", coarse=True)
    assert [e for e in with_coarse if not e.approximate] == entries
    assert all(e.precision.value != "day" for e in with_coarse if e.approximate)


def test_a_month_range_holds_the_month_dated_events(engine: Engine) -> None:
    entries = engine.timeline(None, "2023-11", "2023-11")
    assert any(e.date == "2023-11" and not e.approximate for e in entries)


def test_json_marks_the_approximate_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--from", "2023-11-16", "--to", "2023-11-20", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["approximate"] is False and rows[-1]["approximate"] is True
