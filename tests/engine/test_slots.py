"""The slots stage: what a question asks beyond its kind, as one named mapping."""

from __future__ import annotations

import pytest

from bot.engine.answer import Engine
from bot.engine.normalise import normalise
from bot.engine.slots import Slots, read_slots
from bot.factbase.models import Intent


def slots_of(engine: Engine, question: str) -> Slots:
    return engine.matcher.analyse(normalise(question).key).slots


@pytest.mark.parametrize(
    ("question", "filled"),
    [
        ("Altman今年几岁?", {"units": ["age"]}),
        ("穆拉蒂的丈夫是谁?", {"details": ["spouse"]}),
        ("亚马逊的创始人是谁?", {"titles_at": ["amazon:founder"]}),
        ("OpenAI是在哪一天解雇奥特曼的?", {"day": True}),
        ("Peter Deng离职以后去了哪家公司?", {"after_leaving": True}),
        ("穆拉蒂在OpenAI是什么职位?", {"title_of": "murati"}),
        ("那个流量监测工具叫什么名字?", {"name_asked": True}),
        ("微软最后有没有答应?", {"outcome_asked": True}),
        ("亚马逊现在的CEO是谁?", {"now_titles": ["ceo"]}),
        ("除了微软,还有谁投了Anthropic?", {"excluded": ["microsoft"]}),
        ("微软和苹果各自投了多少?", {"per_item": ["apple", "microsoft"]}),
        ("估值到了1500亿美元是哪天?", {"figures": ["1.5e+11"]}),
        ("他是哪几年在谷歌的?", {"range_asked": True}),
        ("这是他第几次离职?", {"ordinal_asked": True}),
    ],
)
def test_a_question_fills_the_slots_it_asks(engine: Engine, question: str, filled: dict[str, object]) -> None:
    slots = slots_of(engine, question).filled()
    for name, value in filled.items():
        assert slots[name] == value


def test_a_plain_question_fills_no_slot(engine: Engine) -> None:
    assert slots_of(engine, "穆拉蒂为什么离职?") == Slots()
    # a when-question asks the date of what it names, and nothing else
    assert slots_of(engine, "穆拉蒂什么时候离职?") == Slots(when_of=frozenset({"murati"}))
    assert Slots().filled() == {}


def test_what_a_how_many_question_counts_and_whose_share_it_asks(engine: Engine) -> None:
    assert "高管" in slots_of(engine, "这次一共走了几位高管?").counted
    assert any("女性" in words for words in slots_of(engine, "员工里女性占多少?").share_of)


def test_counted_and_share_are_read_only_for_a_how_many_question(engine: Engine) -> None:
    key = normalise("员工里女性占多少").key
    residual = engine.matcher.find_entities(key)[1]
    asked = read_slots(engine.matcher, key, residual, (Intent.HOW_MANY,), [])
    unasked = read_slots(engine.matcher, key, residual, (Intent.WHAT,), [])
    assert asked.share_of and not unasked.share_of


def test_the_analysis_reads_its_slots_by_name(engine: Engine) -> None:
    analysis = engine.matcher.analyse(normalise("穆拉蒂的丈夫是谁?").key)
    assert analysis.details == analysis.slots.details and analysis.details
