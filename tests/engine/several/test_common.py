"""Shared pieces of the several-facts answerers: dates in questions, overlapping dates told."""

from __future__ import annotations

import copy

import pytest

import bot.engine.several as several_module
from bot.engine.answer import Engine
from bot.engine.several import SeveralFacts, order
from bot.engine.several.common import Context, dates_in, overlap, story_home
from bot.factbase.domain import Domain
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


def test_the_home_organisation_is_read_from_the_domain_data(factbase: FactBase) -> None:
    """No organisation is named in the answerers' code: the story's home, the default of every
    list and move, is the fact base's domain data, and the replies name it from there."""
    ctx = Context(factbase, "tw", "simplified", "创始人里谁最早走的")
    assert ctx.home == factbase.domain.home_organisations[0]
    elsewhere = copy.copy(factbase)
    elsewhere.domain = Domain(home_organisations=("anthropic",))
    moved = Context(elsewhere, "tw", "simplified", "创始人里谁最早走的")
    assert moved.home == "anthropic"
    # The founders who left are the home's: the articles tell of none leaving Anthropic.
    assert "OpenAI创始团队成员" in order.extreme(ctx, "leave", latest=False, founders_only=True).answer
    assert not order.extreme(moved, "leave", latest=False, founders_only=True).answered


def test_an_english_month_and_day_takes_the_sagas_year(factbase: FactBase) -> None:
    assert dates_in("who left on november 17?", factbase) == ["2023-11-17"]
    assert dates_in("nov 19th", factbase) == ["2023-11-19"]
    assert dates_in("who may know", factbase) == []  # a month alone, or the verb, is no date


def test_a_fact_base_with_no_home_organisation_has_an_empty_home(factbase: FactBase) -> None:
    # Neither the domain data nor any organisation with people names a home: no crash.
    homeless = copy.copy(factbase)
    homeless.domain = Domain(home_organisations=())
    homeless.entities = {}
    assert story_home(homeless) == ""


def test_the_several_answerer_reads_the_home_once(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    several = SeveralFacts(engine.base, engine.matcher)
    calls: list[FactBase] = []
    monkeypatch.setattr(several_module, "story_home", lambda base: calls.append(base) or "x")
    assert several.home == several.home == story_home(engine.base)
    assert calls == []
