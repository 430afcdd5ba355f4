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


def test_leaving_another_company_uses_that_company_and_shows_what_lay_between(engine: Engine) -> None:
    # "离开特斯拉" was read as her departure from OpenAI (2024), and the gap came out in days.
    reply = engine.ask("穆拉蒂从特斯拉离职到加入OpenAI隔了几年?")
    assert reply.answered and "约相隔2年" in reply.answer
    assert [i.date for i in reply.items] == ["2016", "2018"]
    assert "其间:2016年加入Leap Motion" in reply.answer


def test_how_long_someone_held_a_post(engine: Engine) -> None:
    for question in ("Murati做了几年CTO?", "How long was Murati CTO?"):
        reply = engine.ask(question)
        assert reply.answered and reply.answer_kind == "duration", question
        assert "任期约2年4个月" in reply.answer and "只精确到月" in reply.answer


def test_a_post_whose_start_is_not_given_has_no_computed_term(engine: Engine) -> None:
    reply = engine.ask("Ilya當咗幾耐首席科學家?")
    assert not reply.answered and reply.answer_kind == "duration" and "開始擔任" in reply.answer


def test_the_first_of_two_events_of_a_kind_and_a_part_that_points_at_the_subject(engine: Engine) -> None:
    # Musk sued twice (2024-02, 2024-08): "第一次" is the earlier; "他撤诉" is Musk's withdrawal.
    reply = engine.ask("马斯克第一次起诉OpenAI,到他撤诉,中间隔了多久?")
    assert reply.answered and "约相隔4个月" in reply.answer
    assert set(reply.fact_ids) == {"a000-musk-first-suit-feb", "a000-musk-withdrew-june"}


def test_from_one_event_to_another_after_the_names(engine: Engine) -> None:
    reply = engine.ask("奥特曼和舒尔曼从伯克利初次见面到舒尔曼离开OpenAI,过了多少年?")
    assert reply.answered and "约相隔9年" in reply.answer and "只精确到年" in reply.answer


def test_a_first_event_closed_by_cai(engine: Engine) -> None:
    # "A才几个月,B就…": 才 ends the first event.
    reply = engine.ask("Weil加入OpenAI才几个月,Murati就宣布离职了?")
    assert reply.answered and "约相隔3个月" in reply.answer
    assert [i.date for i in reply.items] == ["2024-06", "2024-09-26"]


def test_how_many_months_in_english(engine: Engine) -> None:
    reply = engine.ask("How many months passed between Musk's first lawsuit and him dropping it?")
    assert reply.answered and "约相隔4个月" in reply.answer


def test_he_who_left_of_two_named_is_the_one_who_stayed_gone(engine: Engine) -> None:
    # Altman was fired and came back; Schulman left for good: "他离开OpenAI" is Schulman.
    reply = engine.ask("奥特曼和舒尔曼从2015年伯克利见面到他离开OpenAI,过了几年?")
    assert reply.answered and "约相隔9年" in reply.answer
    assert reply.items[-1].text.startswith("2024年8月:约翰·舒尔曼离开OpenAI")


def test_how_long_between_asked_with_ge_duo_jiu(engine: Engine) -> None:
    # "隔多久" (how long after) between a degree and a first job.
    reply = engine.ask("Murati拿到学位以后隔多久才进的特斯拉?")
    assert reply.answered and reply.answer_kind == "duration"
    assert "1年" in reply.answer


# -- a founder joined at the founding; an organisation's founding as an operand (#22 cause 7) --


def test_a_founder_with_no_stated_start_joined_at_the_founding(engine: Engine) -> None:
    # Blackwell is listed among the founding team, leaving in 2017; no article gives his start.
    reply = engine.ask("Trevor Blackwell在OpenAI干了几年?")
    assert reply.answered and reply.answer_kind == "duration"
    assert "2015年加入" in reply.answer and "约2年" in reply.answer
    assert "按OpenAI成立的时间" in reply.answer  # shown as the inference it is


def test_an_organisations_founding_is_a_point_of_a_gap(engine: Engine) -> None:
    reply = engine.ask("OpenAI创立以后多久Karpathy离开了?")
    assert reply.answered and "约相隔2年" in reply.answer
    assert any(f in reply.fact_ids for f in ("a000-musk-cofounded-2015", "a003-openai-founded"))


def test_the_stay_after_a_return_is_not_the_first_one(engine: Engine) -> None:
    # Karpathy came back in 2023 and left again on a date no article gives: no figure.
    reply = engine.ask("Karpathy第二次回到OpenAI待了多长时间?")
    assert not reply.answered and "再次离开" in reply.answer


# -- gaps asked in more ways (#22 cause 3) --


def test_a_gap_asked_with_guo_and_months(engine: Engine) -> None:
    reply = engine.ask("Schulman走了之后过几个月Murati也走了?")
    assert reply.answered and reply.answer_kind == "duration"
    assert "2024年8月" in reply.answer and "2024年9月26日" in reply.answer


def test_a_hedged_gap_with_the_second_event_after_its_subject(engine: Engine) -> None:
    reply = engine.ask("Ilya离开之后大约多久Schulman就跳槽了?")
    assert reply.answered and "约相隔3个月" in reply.answer


def test_an_english_gap_asked_after_one_event_did_another(engine: Engine) -> None:
    reply = engine.ask("How many months after Ilya left did Murati quit?")
    assert reply.answered and "约相隔4个月" in reply.answer


def test_a_gap_in_days_is_also_told_in_the_unit_asked(engine: Engine) -> None:
    reply = engine.ask("Altman被解雇之后过了几个月马斯克再次起诉OpenAI?")
    assert reply.answered and reply.answer.startswith("相隔263天") and "折合约9个月" in reply.answer


def test_taking_up_a_post_is_the_start_of_that_role_not_another_appointment(engine: Engine) -> None:
    # Murati became CTO in 2022-05; her interim-CEO appointment (2023-11-17) is another post.
    reply = engine.ask("Murati当上CTO到她离开OpenAI隔了多久?")
    assert reply.answered and "2022年5月" in reply.answer and "约相隔2年4个月" in reply.answer
    assert "a001-murati-interim-ceo" not in reply.fact_ids


def test_being_let_go_colloquially_is_the_firing(engine: Engine) -> None:
    # 被开 is 被开除: the firing, not another departure on the same day.
    reply = engine.ask("奥特曼被开了以后隔了几天微软宣布请他?")
    assert reply.answered and "a001-altman-fired" in reply.fact_ids


def test_a_cantonese_how_long_between_two_events(engine: Engine) -> None:
    # 咗 marks the perfective as 了 does, 耐 asks how long as 久 does.
    reply = engine.ask("xAI成立到Llama 3.1發布隔咗幾耐?")
    assert reply.answered and reply.answer_kind == "duration"
    assert {i.date for i in reply.items} == {"2023", "2024-07"}


def test_an_english_how_many_years_at_an_organisation_is_a_stay(engine: Engine) -> None:
    reply = engine.ask("how many yrs was Vicki Cheung at openai")
    assert reply.answered and reply.answer_kind == "duration"
    assert "3年" in reply.answer and "2018" in reply.answer


def test_a_part_whose_verb_names_another_event_is_not_the_motion_word_beside_it(engine: Engine) -> None:
    # "跑去告OpenAI": the suit after the withdrawal, not his leaving OpenAI in 2018 (跑去)
    reply = engine.ask("马斯克撤诉以后过了几个月又跑去告OpenAI?")
    assert reply.answered and reply.answer_kind == "duration"
    assert "2024年6月" in reply.answer and "2024年8月" in reply.answer and "2018" not in reply.answer


def test_announcing_a_departure_is_still_the_departure(engine: Engine) -> None:
    # 宣布离职 names an announcement, but of the move: the two moves are compared
    reply = engine.ask("Zoph宣布离职之后过了几天McGrew也宣布离开?")
    assert "2024年9月26日" in reply.answer
