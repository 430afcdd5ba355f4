"""Dates as people type them, and the year the timeline implies."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.discord.dates import (
    AmbiguousDate,
    DateError,
    chinese_date,
    date_choices,
    english_date,
    event_dates,
    resolve,
)
from bot.engine.answer import Engine


@pytest.fixture(scope="module")
def recorded(engine: Engine) -> Counter[str]:
    return event_dates(engine.base)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("2023-11-17", "2023-11-17"),
        ("2023/11/17", "2023-11-17"),
        ("2023年11月17日", "2023-11-17"),
        ("2023 年 11 月 17 号", "2023-11-17"),
        ("２０２３年１１月", "2023-11"),
        ("2023年11月", "2023-11"),
        ("2023年", "2023"),
        ("11月17日", "2023-11-17"),  # the only 17 November with events
        ("11/17", "2023-11-17"),
        ("6月", "2024-06"),
    ],
)
def test_accepted_forms(recorded: Counter[str], typed: str, value: str) -> None:
    assert resolve(typed, recorded) == value


@pytest.mark.parametrize("typed", ["", "yesterday", "13月", "2月30日", "17日", "2023-13", "11月17日12点"])
def test_not_dates(recorded: Counter[str], typed: str) -> None:
    with pytest.raises(DateError):
        resolve(typed, recorded)


def test_a_year_is_asked_for_when_several_would_do(recorded: Counter[str]) -> None:
    with pytest.raises(AmbiguousDate) as error:
        resolve("11月", recorded)
    assert error.value.options == ("2022-11", "2023-11")  # both have events
    with pytest.raises(AmbiguousDate) as error:
        resolve("12月25日", recorded)  # no events: the years the saga spans
    assert error.value.options == ("2022-12-25", "2023-12-25")


def test_written_dates() -> None:
    assert chinese_date("2023-11-07") == "2023年11月7日"
    assert chinese_date("2023-11") == "2023年11月"
    assert english_date("2023-11-07") == "7 November 2023"
    assert english_date("2024-05") == "May 2024"


def test_choices_are_days_and_months_with_events(recorded: Counter[str]) -> None:
    everything = date_choices(recorded, "")
    assert 0 < len(everything) <= 25
    assert all(len(choice.value) in (7, 10) and choice.events > 0 for choice in everything)
    # xAI's round is dated "上周末" before a 2024-05-29 article: May, not a guessed day.
    assert [c.value for c in date_choices(recorded, "2024年5")] == ["2024-05"]


@given(st.text(max_size=30))
def test_any_input_is_a_date_or_a_clear_refusal(typed: str) -> None:
    recorded = Counter({"2023-11-17": 5, "2024-05": 2, "2022-11": 1})
    try:
        value = resolve(typed, recorded)
    except (DateError, AmbiguousDate):
        return
    assert len(value) in (4, 7, 10)
