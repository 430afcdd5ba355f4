"""Durations: from dates, with the dates shown, never finer than they allow; a stated figure wins."""

from __future__ import annotations

from bot.engine.answer import Engine
from bot.engine.several.durations import amount
from bot.factbase.models import Precision


def test_amount_is_never_finer_than_the_coarser_date() -> None:
    assert amount("2023-11-17", "2023-11-19") == ("2天", Precision.DAY)
    assert amount("2018", "2024-09") == ("6年", Precision.YEAR)
    assert amount("2022-05", "2024-09-26") == ("2年4个月", Precision.MONTH)


def test_days_between_two_events_show_both_dates_and_sources(engine: Engine) -> None:
    reply = engine.ask("Altman被炒到微软宣布请他,中间隔了几天?")
    assert reply.answered and reply.answer_kind == "duration"
    assert reply.answer.startswith("相隔2天") and "2023年11月17日" in reply.answer
    assert set(reply.fact_ids) == {"a001-altman-fired", "a001-nadella-microsoft"}
    assert len(reply.sources) == 2


def test_a_month_dated_return_is_no_count_of_days(engine: Engine) -> None:
    reply = engine.ask("奥特曼被解雇到回归OpenAI隔了几天?")
    assert not reply.answered and "只精确到月" in reply.answer


def test_a_decline_says_which_date_is_coarse_not_both(engine: Engine) -> None:
    # The firing is dated to the day (11月17日), the return only to the month: saying "both are
    # month-only" misstated the firing's date.
    reply = engine.ask("Altman被炒到回归隔了几天")
    assert not reply.answered
    head = reply.answer.splitlines()[0]
    assert "2023年11月17日" in head and "只知道在2023年11月" in head and "两件事都在" not in head
    assert [i.date for i in reply.items] == ["2023-11-17", "2023-11"]  # in the question's order
    assert reply.sources


def test_a_tenure_is_computed_at_the_coarser_precision(engine: Engine) -> None:
    reply = engine.ask("Zoph在OpenAI待了多久?")
    assert reply.answered and "约2年" in reply.answer and "只精确到年" in reply.answer


def test_a_stated_tenure_wins(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂在OpenAI待了多久?")
    assert reply.answered and "六年半" in reply.answer and reply.answer_kind == "fact"


def test_a_gap_between_two_peoples_departures_uses_their_moves(engine: Engine) -> None:
    reply = engine.ask("Ilya走了之后隔了几个月Schulman也跑了?")
    assert reply.answered and reply.answer.startswith("约相隔3个月")
    assert "2024年5月" in reply.answer and "2024年8月" in reply.answer


def test_a_gap_from_leaving_to_returning(engine: Engine) -> None:
    reply = engine.ask("Karpathy离开openai以后,隔了几年才短暂回去的?")
    assert reply.answered and "约相隔6年" in reply.answer and "只精确到年" in reply.answer


def test_how_long_someone_held_a_post_the_articles_do_not_end_is_no_gap(engine: Engine) -> None:
    assert engine.ask("Emmett Shear 最後當了幾天臨時 CEO 就下台了？").answer_kind != "duration"


def test_a_comparison_lends_its_verb_to_the_bare_name(engine: Engine) -> None:
    reply = engine.ask("Schulman跳槽比Leike晚了多久?")
    assert reply.answered and "约相隔3个月" in reply.answer


def test_a_part_with_its_own_verb_keeps_it(engine: Engine) -> None:
    reply = engine.ask("Brockman辞职到他宣布长期休假隔了多少天?")
    assert reply.answered and reply.answer.startswith("相隔263天")


def test_how_long_a_team_existed(engine: Engine) -> None:
    reply = engine.ask("superalignment团队存在了多长时间?")
    assert reply.answered and "约相隔10个月" in reply.answer


def test_a_stay_the_articles_state_is_their_figure(engine: Engine) -> None:
    reply = engine.ask("How long did Murati stay at Tesla?")
    assert reply.answered and reply.fact_ids == ("a003-murati-tesla",) and "3年" in reply.answer
