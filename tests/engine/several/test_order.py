"""Order: dates decide when they differ; only a stated order decides a tie; else a decline."""

from __future__ import annotations

from bot.engine.answer import Engine


def test_dates_that_differ_decide(engine: Engine) -> None:
    reply = engine.ask("Schulman和Leike谁先离开OpenAI?")
    assert reply.answered and reply.answer_kind == "order"
    assert reply.answer.startswith("简·雷克先离开(2024年5月)")


def test_a_same_month_tie_is_settled_only_by_a_stated_order(engine: Engine) -> None:
    reply = engine.ask("Ilya和Leike谁先走的?")
    assert reply.answered and "明确说伊利亚·苏茨克维在先" in reply.answer
    assert any("最先出走" in s.quote for s in reply.sources)


def test_a_tie_no_article_settles_is_declined(engine: Engine) -> None:
    reply = engine.ask("McGrew和Zoph谁先走的?")
    assert not reply.answered and "两人都在2024年9月26日" in reply.answer and "没有说谁先离开" in reply.answer
    assert len(reply.items) == 2 and reply.sources  # the dates weighed, with their articles


def test_an_undated_departure_is_declined(engine: Engine) -> None:
    reply = engine.ask("Peter Deng和Schulman谁先离开?")
    assert not reply.answered and "Peter Deng" in reply.answer


def test_the_first_founder_to_leave(engine: Engine) -> None:
    reply = engine.ask("哪位创始人最早离开OpenAI?")
    assert reply.answered and "帕梅拉·瓦加塔" in reply.answer and "2016" in reply.answer


def test_the_last_founder_to_leave(engine: Engine) -> None:
    reply = engine.ask("最后一个离开OpenAI的创始人是谁?")
    assert reply.answered and "约翰·舒尔曼" in reply.answer


def test_two_events_in_order(engine: Engine) -> None:
    reply = engine.ask("Mira向董事会表达对Altman的担忧,是发生在开发者大会前面还是后面?")
    assert reply.answered and "第一件事在前" in reply.answer
    assert set(reply.fact_ids) == {"a003-murati-instigator", "a001-devday-custom-gpts"}


def test_two_events_in_the_same_month_are_not_ordered(engine: Engine) -> None:
    reply = engine.ask("超级对齐团队解散是发生在Leike辞职前面还是后面?")
    assert not reply.answered and "无法判断先后" in reply.answer


def test_a_decline_comes_with_questions_the_articles_answer(engine: Engine) -> None:
    reply = engine.ask("Jack Clark和Peter Deng谁先离开OpenAI?")
    assert not reply.answered and "Peter Deng" in reply.answer
    assert reply.suggestions and all(s.strip() for s in reply.suggestions)
