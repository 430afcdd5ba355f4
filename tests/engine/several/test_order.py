"""Order: dates decide when they differ; only a stated order decides a tie; else a decline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.engine.answer import Engine
from bot.engine.several import finer_told
from bot.engine.several.durations import Point, narrowed


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
    assert reply.answered and "之前" in reply.answer.splitlines()[0]
    assert set(reply.fact_ids) == {"a003-murati-instigator", "a001-devday-custom-gpts"}


def test_two_events_in_the_same_month_are_not_ordered(engine: Engine) -> None:
    reply = engine.ask("超级对齐团队解散是发生在Leike辞职前面还是后面?")
    assert not reply.answered and "无法判断先后" in reply.answer


def test_a_decline_comes_with_questions_the_articles_answer(engine: Engine) -> None:
    reply = engine.ask("Jack Clark和Peter Deng谁先离开OpenAI?")
    assert not reply.answered and "Peter Deng" in reply.answer
    assert reply.suggestions and all(s.strip() for s in reply.suggestions)


def test_which_of_two_named_events_happened_first(engine: Engine) -> None:
    reply = engine.ask("员工联名信和微软宣布接收Altman,哪个先发生?")
    assert reply.answered and reply.answer_kind == "order"
    assert "之后" in reply.answer.splitlines()[0]  # the letter (11月20日) came after (11月19日)
    assert {i.date for i in reply.items} == {"2023-11-19", "2023-11-20"}


def test_first_or_second_of_one_subjects_events(engine: Engine) -> None:
    reply = engine.ask("Altman是先回总部跟高管会面,还是先告诉投资者要创办新企业?")
    assert reply.answered and "之后" in reply.answer.splitlines()[0]
    assert [i.date for i in reply.items] == ["2023-11-19", "2023-11-18"]  # as asked


def test_which_organisation_was_founded_first(engine: Engine) -> None:
    reply = engine.ask("xAI和Anthropic,哪家先成立?")
    assert reply.answered and "之后" in reply.answer.splitlines()[0]
    assert {i.date for i in reply.items} == {"2021", "2023"}


def test_who_took_up_a_post_first(engine: Engine) -> None:
    reply = engine.ask("Shear和Murati谁先当上临时CEO?")
    assert reply.answered and reply.answer.startswith("米拉·穆拉蒂先出任临时CEO(2023年11月17日)")


def test_first_of_those_a_date_bounds_is_settled_by_the_stated_order(engine: Engine) -> None:
    reply = engine.ask("2024年9月离职的几个人里,谁最先宣布离职?")
    assert reply.answered and "米拉·穆拉蒂" in reply.answer.splitlines()[0]
    assert any("几个小时后" in s.quote for s in reply.sources)  # the order is the article's


def test_a_join_no_article_dates_is_inferred_from_a_stated_stay_and_says_so(engine: Engine) -> None:
    reply = engine.ask("Murati和McGrew谁先加入OpenAI?")
    assert reply.answered and reply.answer.startswith("鲍勃·麦克格鲁先加入(约2016年9月至2017年9月间)")
    assert "推算" in reply.answer and any("接近 8 年" in s.quote for s in reply.sources)


def test_a_promotion_is_not_a_join(engine: Engine) -> None:
    # Mark Chen became senior VP in 2024-09; he joined years before ("已在OpenAI工作五年多").
    reply = engine.ask("Zoph和Mark Chen谁先加入OpenAI?")
    assert reply.answered and reply.answer.startswith("陈信翰先加入")
    assert "2024年9月加入" not in reply.answer


def test_who_did_a_post_first_in_cantonese(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂同希尔,边个先做临时CEO?")
    assert reply.answered and "先出任临时CEO" in reply.answer


def test_the_kind_the_verb_names_beats_a_closer_match_of_another(engine: Engine) -> None:
    # "被任命" is the board hiring Shear (11-19, appointed), not Sutskever telling staff (11-20).
    reply = engine.ask("Shear被任命临时CEO和微软宣布招揽Altman,哪个先?")
    assert not reply.answered and "两件事都在2023年11月19日" in reply.answer
    assert "a001-shear-hired" in reply.fact_ids


def test_two_events_with_no_one_acting_are_put_in_order(engine: Engine) -> None:
    # A company founded and a product launched, asked "which was first" in Cantonese words.
    reply = engine.ask("ChatGPT發佈同Anthropic成立,邊樣嘢早?")
    assert reply.answered and reply.answer_kind == "order"
    assert "2021年" in reply.answer and "2022年11月" in reply.answer


def test_which_is_in_front_asks_for_an_order(engine: Engine) -> None:
    reply = engine.ask("Schulman跳槽去Anthropic跟Murati宣布辞职,哪件在前?")
    assert reply.answered and reply.answer_kind == "order"
    assert reply.answer.index("2024年8月") < reply.answer.index("2024年9月")


def test_first_this_or_first_that_with_two_subjects_asks_for_an_order(engine: Engine) -> None:
    # "先A,还是B先": each event has its own subject, so no "是先" leads the question.
    reply = engine.ask("董事会先请了Emmett Shear当CEO,还是Altman先去跟投资人讲开新公司?")
    assert reply.answered and reply.answer_kind == "order"


def test_the_earliest_of_three_named_people_to_leave(engine: Engine) -> None:
    reply = engine.ask("Kingma、Karpathy同Vagata,边个最早离开?")
    assert reply.answered and reply.answer_kind == "order"
    assert reply.answer.startswith("帕梅拉·瓦加塔先离开(2016年)")


def test_ru_is_joining_not_leaving(engine: Engine) -> None:
    # Cantonese and colloquial "入" (entered) asks who joined first; leaving is the default verb.
    reply = engine.ask("Kevin Weil和Mark Chen谁先入的OpenAI?")
    assert reply.answered and reply.answer_kind == "order"
    assert "先加入" in reply.answer


def test_a_cofounder_joined_at_the_founding_and_the_answer_says_so(engine: Engine) -> None:
    # No article dates Brockman's start; he co-founded OpenAI (2015), Murati joined in 2018.
    reply = engine.ask("Brockman和Murati,哪个先进的OpenAI?")
    assert reply.answered and reply.answer.startswith("格雷格·布罗克曼先加入(2015年)")
    assert "按OpenAI成立的时间" in reply.answer


# -- an order the articles never give is declined, not answered by a fact listing both (#22 cause 6) --


def test_two_undated_things_of_one_person_have_no_order(engine: Engine) -> None:
    # Weil's fact lists his Instagram and Twitter posts side by side, in no order.
    reply = engine.ask("Weil是先去Twitter工作还是先去Instagram的?")
    assert not reply.answered and reply.answer_kind == "order"
    assert "没有说哪件在先" in reply.answer and "a003-weil-background" in reply.fact_ids
    assert reply.suggestions


def test_a_fact_that_states_the_order_still_answers(engine: Engine) -> None:
    # "于2016年离开OpenAI,后加入Stripe,现创立了Pebblebed": 后 and 现 order them.
    reply = engine.ask("Pamela Vagata是先去Stripe还是先创立Pebblebed?")
    assert reply.answered and reply.fact_id == "a003-vagata-left"


# -- a part of a month the fact's words give (上旬, 月底) orders it within that month (#22 cause 7) --


def test_early_in_the_month_comes_before_a_later_day_of_it(engine: Engine) -> None:
    # The funding round is dated 2024-09, and its words say 9月上旬; Murati left on 2024-09-26.
    reply = engine.ask("穆拉蒂宣布离职和OpenAI寻求65亿美元融资,哪件事在前?")
    assert reply.answered and reply.answer_kind == "order"
    assert "2024年9月上旬" in reply.answer and "之后" in reply.answer.splitlines()[0]


def test_a_part_of_a_month_narrows_only_that_month() -> None:
    early = Point("2024年9月上旬,某事。", "2024-09", (), ())
    other = Point("10月上旬另有一事。", "2024-09", (), ())  # the words are of another month
    assert narrowed(early) == (date(2024, 9, 1), date(2024, 9, 10), "2024年9月上旬")
    assert narrowed(other) == (date(2024, 9, 1), date(2024, 9, 30), "2024年9月")


# -- the structure of an order question (issue #22): any words, any dated operands ----------


@pytest.mark.parametrize(
    "question",
    [
        "anthropic成立同chatgpt上线 边样早啲?",
        "what came first: anthropic being founded or chatgpt launching?",
    ],
)
def test_an_order_question_is_read_by_its_structure(engine: Engine, question: str) -> None:
    # An interrogative beside a comparative word, two operands joined by a coordinator: no
    # cue phrase of its own; the head names what each operand names, in the fact base's words.
    reply = engine.ask(question)
    assert reply.answered and reply.answer_kind == "order"
    assert {i.date for i in reply.items} == {"2021", "2022-11"}
    head = reply.answer.splitlines()[0]
    assert "之前" in head and "「Anthropic」" in head and "「ChatGPT」" in head


def test_operands_part_at_the_clause_break(engine: Engine) -> None:
    # "A跟B说…,和C": the coordinator after the comma parts the operands, not the 跟 inside A.
    reply = engine.ask("Murati跟董事会说Altman管理有问题,和超级对齐团队成立,哪个在前?")
    assert reply.answered and "之后" in reply.answer.splitlines()[0]
    assert [i.date for i in reply.items] == ["2023-10", "2023-07"]


def test_an_operand_is_the_event_its_verb_names_about_its_names(engine: Engine) -> None:
    # "meta shipping llama 3.1": words the matcher barely knows; the one release about both names.
    reply = engine.ask("which came first, meta shipping llama 3.1 or anthropic being founded?")
    assert reply.answered and "之后" in reply.answer.splitlines()[0]
    assert [i.date for i in reply.items] == ["2024-07", "2021"]


def test_an_operands_own_date_picks_which_of_someones_moves(engine: Engine) -> None:
    # Karpathy left in 2017 and came back in 2023: "2023年返去" is the return, by its year.
    reply = engine.ask("Karpathy 2023年返去OpenAI,同Anthropic成立,边样早?")
    assert reply.answered and "之后" in reply.answer.splitlines()[0]
    assert [i.date for i in reply.items] == ["2023", "2021"]


def test_two_people_doing_one_thing_are_compared_by_their_moves(engine: Engine) -> None:
    # "A先走还是B先走": not an event "走" of A's against B's; their departures, by name.
    reply = engine.ask("Zoph先走还是Schulman先走?")
    assert reply.answered and reply.answer.startswith("约翰·舒尔曼先离开(2024年8月)")


def test_a_finer_telling_of_the_same_thing_wins_over_a_coarse_neighbour(engine: Engine) -> None:
    # The letter itself (its day) over a month's summary that mentions it and scores higher.
    ranked = engine.matcher.rank(engine.matcher.analyse("员工联名要求董事会辞职"), 10)
    by_id = {c.fact.id: c for c in ranked}
    summary, letter = by_id["a001-board-approached-anthropic"], by_id["a001-staff-letter-710"]
    coarse = replace(summary, score=0.6, features=replace(summary.features, coverage=0.5))
    told = replace(letter, score=0.4, features=replace(letter.features, coverage=0.7))
    assert finer_told([coarse, told], frozenset()) is told
    # Not when it scores under half the best, nor when it uses fewer of the words.
    assert finer_told([coarse, replace(told, score=0.2)], frozenset()) is None
    less = replace(told, features=replace(letter.features, coverage=0.4))
    assert finer_told([coarse, less], frozenset()) is None


def test_a_named_group_is_expanded_into_the_members_its_fact_lists(engine: Engine) -> None:
    # The group's members come from the fact that names it; leaving is leaving for good, and
    # those who came back are said apart, not dropped silently.
    reply = engine.ask("四大天王里面边个最后走?")
    assert reply.answered and reply.answer_kind == "order"
    head = reply.answer.splitlines()[0]
    assert "四大天王" in head and "最晚离开的是米拉·穆拉蒂" in head
    assert "萨姆·奥尔特曼、格雷格·布罗克曼曾离开后又回归" in reply.answer


def test_a_group_no_fact_names_is_not_made_up(engine: Engine) -> None:
    # No fact names people under that name: no members, no order (not everyone the articles date).
    reply = engine.ask("所谓「七剑客」里面,谁最早离开公司?")
    assert not reply.answered


def test_a_team_named_anywhere_bounds_who_left_first(engine: Engine) -> None:
    reply = engine.ask("超级对齐团队的人谁最先离开OpenAI?")
    assert reply.answered and reply.answer_kind == "order"
    head = reply.answer.split("\n")[0]
    assert "文章点名的超级对齐团队成员" in head and "伊利亚·苏茨克维" in head.split("最早离开的是")[1]
