"""The answerers: several parts, several people, profiles, greetings, conflicts, declines."""

from __future__ import annotations

import pytest

from bot.engine.answer import Engine
from bot.factbase.loader import FactBase


def test_a_question_of_two_parts_gets_both_answers(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂什么时候离职的?为什么离职?")
    assert reply.answered and "2024年9月26" in reply.answer and "探索" in reply.answer
    assert reply.question == "穆拉蒂什么时候离职的?为什么离职?"
    assert {s.article for s in reply.sources} == {"a003", "a004"} and len(reply.sources) >= 2
    # A second part that names no one is about whom the first part names.
    assert "84%" in engine.ask("openai一年收入多少 chatgpt占几成").answer


def test_a_part_that_names_no_one_is_about_the_person_the_question_names(engine: Engine) -> None:
    # "后来创办了什么公司" is Musk's company, not OpenAI's: the part inherits the person.
    reply = engine.ask("马斯克哪年离开OpenAI董事会?后来创办了什么公司?")
    assert "2018" in reply.answer and "xAI" in reply.answer


def test_a_part_asked_with_a_bare_question_word_is_answered(engine: Engine) -> None:
    # "有哪些机构参投" has no who/where cue, but 哪些 makes it a question of its own.
    reply = engine.ask("xai这次融了多少钱 有哪些机构参投")
    assert "60亿" in reply.answer and "a16z" in reply.answer


def test_a_question_asked_of_two_people_is_answered_for_each(engine: Engine) -> None:
    # No one fact compares them; one fact per person lets the asker compare.
    reply = engine.ask("穆拉蒂和麦格鲁比起来,谁在OpenAI工作得更久?")
    assert "六年半" in reply.answer and "8年" in reply.answer
    reply = engine.ask("Weil和Narayanan加入OpenAI前分别在哪家公司?")
    assert "Instagram" in reply.answer and "Meta" in reply.answer
    # With nothing asked but the comparison, there is nothing to answer for each.
    assert not engine.ask("Altman和Brockman谁更高?").answered


def test_a_part_the_articles_do_not_answer_is_not_glued_on(engine: Engine) -> None:
    # The husband part finds no fact, so the reply is the whole question's, not two parts.
    whole = engine.ask("穆拉蒂什么时候离职的?她的丈夫是谁?")
    first = engine.ask("穆拉蒂什么时候离职的?")
    assert whole.fact_id == first.fact_id
    assert whole.confidence < 1.0 and whole.answer.count("\n") == first.answer.count("\n")


def test_a_later_report_leads_over_the_one_it_supersedes(factbase: FactBase, engine: Engine) -> None:
    earlier = factbase.by_id["a002-ilya-whereabouts-unknown"]
    assert earlier.superseded_by is not None
    reply = engine.ask("Ilya离职后去向如何?")
    assert reply.answered and reply.fact_id == earlier.superseded_by
    assert reply.answer.startswith(factbase.by_id[earlier.superseded_by].answer)
    assert "较早的报道(2024-05-29)" in reply.answer
    assert [s.article for s in reply.sources] == ["a003", "a002"]


def test_conflicting_sources_are_both_given(engine: Engine) -> None:
    reply = engine.ask("OpenAI现在有多少员工?")
    assert reply.answered and reply.conflict
    assert "1700" in reply.answer and "1600" in reply.answer
    assert {s.article for s in reply.sources} >= {"a003", "a004"}


@pytest.mark.parametrize(
    "question",
    [
        "明天会下雨吗?",
        "推荐一部电影",
        "Python是什么?",
        "帮我写一首诗",
        "比特币现在多少钱?",
        "Dario Amodei的妻子是谁?",
    ],
)
def test_out_of_scope_is_declined_with_suggestions(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert not reply.answered
    assert reply.fact_id is None and not reply.sources
    assert 1 <= len(reply.suggestions) <= 3
    assert "没有提到" in reply.answer


def test_suggestions_are_answerable(engine: Engine) -> None:
    for suggestion in engine.ask("Dario Amodei的妻子是谁?").suggestions:
        assert engine.ask(suggestion).answered, suggestion


@pytest.mark.parametrize("greeting", ["你好", "help", "Hi", "你能做什么?"])
def test_greetings_get_help_not_a_fact(engine: Engine, greeting: str) -> None:
    reply = engine.ask(greeting)
    assert reply.kind == "help" and not reply.answered
    assert "/timeline" in reply.answer


def test_a_role_in_place_of_a_name_is_answered_when_the_fact_uses_most_of_the_question(
    engine: Engine,
) -> None:
    reply = engine.ask("新任研究高級副總裁要跟哪位首席科學家共同領導研究部門?")
    assert reply.answered and "Pachocki" in reply.answer
    assert not engine.ask("明天会下雨吗?").answered


def test_a_part_that_names_no_one_is_about_what_its_own_sentence_names(engine: Engine) -> None:
    # The spaces around "FutureSearch 估 OpenAI" part the first clause from its names; it is
    # about them, not about the ChatGPT of the second sentence.
    answer = engine.ask("FutureSearch 估 OpenAI 年經常性收入有多少？其中 ChatGPT 付費用戶佔幾成？").answer
    assert "34億" in answer and "84%" in answer


# -- who or what something is, by the question's shape, in any language ----------------------------


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("who is dario amodei anyway", "amodei"),
        ("what is anthropic anyway", "anthropic"),
        ("so who's helen toner again?", "toner"),
        ("Thrive Capital究竟係咩嚟㗎?", "thrive"),
        ("Claude到底是个啥东西?有什么用?", "claude"),
    ],
)
def test_who_or_what_something_is_gets_its_profile_by_the_shape(
    engine: Engine, question: str, entity: str
) -> None:
    reply = engine.ask(question)
    assert reply.answered and reply.fact_id == f"entity:{entity}"


@pytest.mark.parametrize(
    "question", ["who is greg brockman's wife", "OpenAI的估值是什么?", "what is anthropic worth"]
)
def test_a_question_about_something_of_the_name_is_no_profile(engine: Engine, question: str) -> None:
    assert not (engine.ask(question).fact_id or "").startswith("entity:")
