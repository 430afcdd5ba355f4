"""Near misses: a detail the articles do not state about someone they do mention is declined."""

from __future__ import annotations

import pytest

from bot.engine.answer import Engine


@pytest.mark.parametrize(
    "question",
    [
        "Jack Clark現在在Anthropic是什麼職位?",  # his OpenAI title is given, not one at Anthropic
        "Jared Kaplan在OpenAI担任过什么职位?",  # his Anthropic title is given, not one at OpenAI
    ],
)
def test_a_title_at_another_organisation_than_the_one_the_facts_give_is_declined(
    engine: Engine, question: str
) -> None:
    assert not engine.ask(question).answered


@pytest.mark.parametrize(
    ("question", "title"),
    [("Jack Clark在OpenAI是什么职位?", "政策负责人"), ("Kevin Weil在Twitter是什么职位?", "副总裁")],
)
def test_a_title_at_the_organisation_the_facts_name_is_answered(
    engine: Engine, question: str, title: str
) -> None:
    reply = engine.ask(question)
    assert reply.answered and title in reply.answer
