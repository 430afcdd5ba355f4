"""Cross-checks between events, moves, roles and went_to: the shipped base passes them, and
each check names the disagreement it exists for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.cli import main
from bot.factbase.crosscheck import compatible, crosscheck, unquoted_figures
from bot.factbase.loader import FactBase
from bot.factbase.models import ARRIVALS, DEPARTURES, Citation, Entity, EventType, Fact, Move


def _with_entity(base: FactBase, entity: Entity) -> FactBase:
    return replace(base, entities={**base.entities, entity.id: entity})


def _with_fact(base: FactBase, fact: Fact) -> FactBase:
    return replace(base, facts=[fact if f.id == fact.id else f for f in base.facts])


def test_the_shipped_base_has_no_disagreements(factbase: FactBase) -> None:
    assert crosscheck(factbase) == []
    assert unquoted_figures(factbase) == []


def test_every_event_is_typed_with_its_participants(factbase: FactBase) -> None:
    events = factbase.events()
    assert events and all(f.type is not None for f in events)
    assert all(p.entity in f.entities for f in events for p in f.participants)


def test_partial_dates_are_compatible_only_when_they_can_name_one_day() -> None:
    assert compatible("2024", "2024-05-28")
    assert compatible("2024-05", "2024-05")
    assert compatible(None, "2021")
    assert not compatible("2024-05", "2024-06")


def test_the_eleven_founders_each_have_a_founding_role_and_leavers_a_dated_move(factbase: FactBase) -> None:
    founders = [
        e.id
        for e in factbase.entities.values()
        if any(r.org == "openai" and "创始" in r.title for r in e.roles)
    ]
    assert len(founders) == 11  # a000: "OpenAI 的11位原始创始人"
    left = {e for e in founders if any(m.from_org == "openai" for m in factbase.entities[e].moves)}
    assert left == {
        "sutskever",
        "schulman",
        "musk",
        "blackwell",
        "vicki-cheung",
        "karpathy",
        "kingma",
        "vagata",
        "altman",
        "brockman",
    }
    for person in left - {"altman", "brockman"}:  # fired and resigned, then back
        first = next(m for m in factbase.entities[person].moves if m.from_org == "openai")
        assert first.date is not None, person


def test_who_went_to_anthropic_agrees_between_moves_roles_and_went_to(factbase: FactBase) -> None:
    by_move = {e.id for e in factbase.entities.values() if any(m.to == "anthropic" for m in e.moves)}
    by_role = {
        e.id
        for e in factbase.entities.values()
        if e.kind == "person" and any(r.org == "anthropic" for r in e.roles)
    }
    assert by_move == {"schulman", "leike", "amodei", "jack-clark"}
    assert by_move <= by_role  # Kaplan holds a role there without a move the articles state


def test_a_move_to_an_organisation_without_a_role_there_is_named(factbase: FactBase) -> None:
    clark = factbase.entities["jack-clark"]
    no_role = clark.model_copy(update={"roles": [r for r in clark.roles if r.org != "anthropic"]})
    problems = [str(p) for p in crosscheck(_with_entity(factbase, no_role))]
    assert problems == ["entities.yaml: jack-clark: moves to anthropic but holds no role there"]


def test_went_to_naming_another_place_than_the_moves_is_named(factbase: FactBase) -> None:
    leike = factbase.entities["leike"].model_copy(update={"went_to": "xAI"})
    problems = [str(p) for p in crosscheck(_with_entity(factbase, leike))]
    assert "entities.yaml: leike: went_to does not name anthropic, where a move goes" in problems
    assert "entities.yaml: leike: went_to names xai, but no move goes there" in problems


def test_a_departure_event_without_a_matching_move_is_named(factbase: FactBase) -> None:
    zoph = factbase.entities["zoph"]
    stays = zoph.model_copy(update={"moves": [m for m in zoph.moves if m.from_org != "openai"]})
    problems = [str(p) for p in crosscheck(_with_entity(factbase, stays))]
    assert "records/a004.yaml: a004-mcgrew-zoph-resign: resigned of zoph at openai has no move" in problems


def test_a_move_dated_against_its_event_is_named(factbase: FactBase) -> None:
    leike = factbase.entities["leike"]
    quote = leike.moves[0].sources
    moved = leike.model_copy(
        update={"moves": [Move(**{"from": "openai", "to": "anthropic", "date": "2024-06", "sources": quote})]}
    )
    problems = [str(p) for p in crosscheck(_with_entity(factbase, moved))]
    assert any(
        "a004-leike-resigns: resigned of leike at openai on 2024-05, moves say ['2024-06']" in p
        for p in problems
    )


def test_an_untyped_event_is_named(factbase: FactBase) -> None:
    fact = factbase.by_id["a001-altman-fired"].model_copy(update={"type": None})
    assert [str(p) for p in crosscheck(_with_fact(factbase, fact))] == [
        "records/a001.yaml: a001-altman-fired: event has no type"
    ]


def test_an_answer_figure_no_quote_carries_is_named(factbase: FactBase) -> None:
    fact = factbase.by_id["a001-sutskever-to-board"]
    short = fact.model_copy(
        update={"sources": [Citation(article="a001", quote="Sutskever 徹底怒了,帶着憂慮去找董事會。")]}
    )
    problems = [str(p) for p in unquoted_figures(_with_fact(factbase, short))]
    assert problems == ["records/a001.yaml: a001-sutskever-to-board: answer figures not quoted: ['6']"]


def test_hedges_and_inferences_stay_in_the_answers(factbase: FactBase) -> None:
    assert "似乎" in factbase.by_id["a003-talent-challenge"].answer
    assert "传出" in factbase.by_id["a003-critical-moment"].answer
    assert "至少在外界看来" in factbase.by_id["a004-altman-italy-transition"].answer
    assert "回忆" in factbase.by_id["a000-altman-schulman-met-2015"].answer
    assert "推断" in factbase.by_id["a000-schulman-to-anthropic"].answer
    xai = factbase.by_id["a002-xai-funding-round"]
    assert xai.precision is not None and xai.precision.value == "month" and "推断" in xai.answer


def test_departure_and_arrival_types_do_not_overlap() -> None:
    assert not DEPARTURES & ARRIVALS
    assert EventType.LEFT in DEPARTURES


def test_facts_check_fails_and_names_a_disagreement(
    factbase: FactBase, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clark = factbase.entities["jack-clark"]
    broken = _with_entity(
        factbase, clark.model_copy(update={"roles": [r for r in clark.roles if r.org != "anthropic"]})
    )
    monkeypatch.setattr("bot.cli._load", lambda: broken)
    assert main(["facts", "check"]) != 0
    assert "jack-clark: moves to anthropic but holds no role there" in capsys.readouterr().err


def test_a_stated_order_naming_someone_the_fact_is_not_about_is_named(factbase: FactBase) -> None:
    fact = factbase.by_id["a002-ilya-left-after-gpt4o"]
    narrower = fact.model_copy(update={"entities": [e for e in fact.entities if e != "leike"]})
    problems = [str(p) for p in crosscheck(_with_fact(factbase, narrower))]
    assert problems == [
        "records/a002.yaml: a002-ilya-left-after-gpt4o: sequence names 'leike', not in entities"
    ]


def test_an_inferred_outlet_is_shown_as_inferred(factbase: FactBase) -> None:
    # a000 names no outlet; 36氪 is inferred from its byline's format: no source line states it.
    from bot.engine.answer import Engine

    assert factbase.articles["a000"].meta.outlet_inferred
    assert not factbase.articles["a004"].meta.outlet_inferred
    reply = Engine(factbase).ask("Schulman什么时候跳槽去Anthropic的?")
    outlets = {s.article: s.outlet for s in reply.sources}
    assert outlets["a000"] == "36氪(据署名推断)"
    assert all(o.startswith("大鱼新闻") or o == "未署名媒体" for a, o in outlets.items() if a != "a000")
    listed = Engine(factbase).ask("2024年离开OpenAI的有哪些人?")
    assert "36氪 2024" not in listed.answer and "36氪(据署名推断) 2024-08-06" in listed.answer


def test_departures_the_articles_do_not_date_are_not_dated(factbase: FactBase) -> None:
    # Peter Deng left "不久之前" (a000, 2024-08-06); Karpathy left again after 2023: no dates.
    deng = factbase.entities["peter-deng"]
    assert "不久之前" in deng.summary and "于2024年离职" not in deng.summary
    assert [m.date for m in deng.moves if m.from_org == "openai"] == [None]
    karpathy = factbase.entities["karpathy"]
    assert [m.date for m in karpathy.moves if m.from_org == "openai"] == ["2017", None]
