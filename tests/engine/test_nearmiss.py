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


def test_a_share_of_the_staff_is_no_count_of_it_but_a_share_of_compute_is_an_amount() -> None:
    from bot.engine.features import counts as _counts

    assert not _counts("超过九成员工联名要求董事会解散", frozenset({"员工"}))
    assert _counts("OpenAI员工从约770名增至1600多名", frozenset({"员工"}))
    assert _counts("承诺给超级对齐团队20%的算力", frozenset({"算力"}))


def test_a_headcount_the_articles_do_not_give_is_declined(engine: Engine) -> None:
    assert not engine.ask("Anthropic有多少员工?").answered
    assert engine.ask("OpenAI有多少员工?").answered
