"""Shared pieces of the several-facts answerers: dates in questions, overlapping dates told."""

from __future__ import annotations

from bot.engine.several.common import dates_in, overlap
from bot.factbase.loader import FactBase


def test_a_slashed_month_and_day_takes_the_sagas_year(factbase: FactBase) -> None:
    assert dates_in("11/19那天说要离职的员工", factbase) == ["2023-11-19"]
    assert dates_in("13/19", factbase) == []  # no such month
    assert dates_in("2023年11月19日", factbase) == ["2023-11-19"]


def test_overlapping_dates_say_which_is_coarse() -> None:
    assert (
        overlap("2023-11-17", "2023-11", who=("甲", "乙"))
        == "甲在2023年11月17日,乙只知道在2023年11月(文章只精确到月)"
    )
    assert overlap("2024-05", "2024-05", who=("甲", "乙")) == "两件事都在2024年5月(日期只精确到月)"
    assert overlap("2024-09-26", "2024-09-26", who=("甲", "乙"), what="人") == "两人都在2024年9月26日"
