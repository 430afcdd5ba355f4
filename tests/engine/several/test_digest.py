"""Broad questions: two to four facts about the subject, in date order, each with its source."""

from __future__ import annotations

from bot.engine.answer import Engine


def test_a_broad_question_about_an_organisation_is_a_short_dated_digest(engine: Engine) -> None:
    reply = engine.ask("微软在这场风波里扮演了什么角色?")
    assert reply.answered and reply.answer_kind == "digest"
    assert 2 <= len(reply.fact_ids) <= 4
    assert "a001-nadella-microsoft" in reply.fact_ids
    dated = [i.date for i in reply.items if i.date]
    assert dated == sorted(dated)
    assert all(i.sources for i in reply.items)


def test_what_became_of_a_team(engine: Engine) -> None:
    reply = engine.ask("超级对齐团队最后怎么了?")
    assert reply.answered and "解散" in reply.answer


def test_a_stretch_of_time_lists_its_events_and_keeps_coarse_ones_apart(engine: Engine) -> None:
    reply = engine.ask("2023年11月19日发生了什么?")
    assert reply.answered and reply.answer_kind == "digest"
    assert all(i.date == "2023-11-19" for i in reply.items)


def test_an_unknown_person_is_not_digested_as_someone_else(engine: Engine) -> None:
    assert not engine.ask("Adam D'Angelo在解僱Altman的事件中扮演什麼角色?").answered


def test_a_story_runs_from_the_first_event_to_the_last(engine: Engine) -> None:
    reply = engine.ask("超級對齊團隊從頭到尾經歷了什麼?")
    assert reply.answered and reply.answer_kind == "digest"
    dates = [i.date for i in reply.items]
    assert dates[0] == "2023-07" and dates[-1] == "2024-05"  # founded, then dissolved


def test_a_specific_question_one_fact_answers_is_not_digested(engine: Engine) -> None:
    reply = engine.ask("为了把Sutskever挖到OpenAI,马斯克跟谁闹翻了?")
    assert reply.answer_kind == "fact" and reply.fact_id == "a001-musk-page-fallout"


def test_two_questions_in_one_are_left_to_the_part_by_part_path(engine: Engine) -> None:
    assert engine.ask("Mark Chen 什么来头?凭啥是他接Bob的班").answer_kind != "digest"


def test_a_digest_does_not_repeat_the_same_people(engine: Engine) -> None:
    # Leike joining Anthropic was told twice; the founding by Amodei is another side of it.
    reply = engine.ask("Anthropic在整个OpenAI风波中是什么角色?")
    assert reply.answered and reply.answer_kind == "digest"
    assert "阿莫迪" in reply.answer and "合并" in reply.answer
    assert sum("雷克" in i.text for i in reply.items) == 1


def test_how_two_named_things_relate_is_a_digest_of_both(engine: Engine) -> None:
    reply = engine.ask("Thrive Capital和OpenAI有什么关系?")
    assert reply.answered and reply.answer_kind == "digest" and "领投" in reply.answer


def test_someones_story_at_an_organisation_keeps_to_it(engine: Engine) -> None:
    reply = engine.ask("讲讲Murati在OpenAI的经历")
    assert reply.answered and reply.answer_kind == "digest"
    assert reply.items[0].date == "2018" and "临时CEO" in reply.answer
    assert "塞耶" not in reply.answer  # her schooling is not her time at OpenAI


def test_two_questions_about_one_subject_are_one_digest(engine: Engine) -> None:
    reply = engine.ask("Emmett Shear是谁?他在OpenAI这场风波里起了什么作用?")
    assert reply.answered and reply.answer_kind == "digest"
    assert "Twitch" in reply.answer and "临时CEO" in reply.answer


def test_a_subject_the_articles_say_little_about_is_shown_whole(engine: Engine) -> None:
    # Three facts tie Thrive to OpenAI; the one its name barely fits (leading the 2024-09 round)
    # is no aside when the articles say no more.
    reply = engine.ask("Thrive Capital和OpenAI之间是啥关系?")
    assert reply.answer_kind == "digest"
    assert "a003-funding-round" in reply.fact_ids and len(reply.fact_ids) == 3


def test_a_shared_history_of_two_people_is_a_digest(engine: Engine) -> None:
    # 渊源 (history between two) asks for the facts about both, like 恩怨 and 过节.
    reply = engine.ask("Altman和Brockman之间有什么渊源?")
    assert reply.answered and reply.answer_kind == "digest"
    assert len(reply.fact_ids) >= 2


def test_a_role_told_only_by_events_also_gets_what_is_said_of_the_subject(engine: Engine) -> None:
    # The facts the words fit are two dated events; a digest shows the other side too: the
    # account of who the subject is or what they did, not only what happened on which day.
    reply = engine.ask("Emmett Shear在2023年11月的风波里扮演什么角色?")
    assert reply.answered and reply.answer_kind == "digest"
    kinds = {engine.base.by_id[f].kind for f in reply.fact_ids}
    assert "event" in kinds and kinds - {"event"}


def test_several_accounts_by_one_person_are_not_dropped_as_the_same_people(engine: Engine) -> None:
    # Toner said several things about Altman; each is a side of her part, not a repeat.
    reply = engine.ask("Toner在董事会开除奥特曼那件事里起了什么作用?")
    assert reply.answered and reply.answer_kind == "digest"
    assert "先斩后奏" in reply.answer and len(reply.fact_ids) >= 3


def test_why_so_many_went_somewhere_gives_the_reasons(engine: Engine) -> None:
    reply = engine.ask("为啥这么多人跳槽去Anthropic?")
    assert reply.answered and reply.answer_kind == "digest"
    assert "AI安全" in reply.answer and len(reply.fact_ids) >= 2


def test_why_so_many_in_a_year_gives_reasons_not_the_years_events(engine: Engine) -> None:
    reply = engine.ask("why did so many people quit openai in 2024?")
    assert reply.answered and reply.answer_kind == "digest"
    assert all(engine.base.by_id[f].kind != "event" for f in reply.fact_ids)


def test_a_fact_that_sets_out_several_reasons_is_among_them(engine: Engine) -> None:
    # "大致有两个原因:一是…二是…" gives reasons side by side; a why-digest keeps it.
    reply = engine.ask("为啥OpenAI的领导层这么多人出走")
    assert reply.answered and reply.answer_kind == "digest"
    assert "钱没给够" in reply.answer


def test_a_trailing_emoji_is_no_second_question(engine: Engine) -> None:
    reply = engine.ask("為什麼這麼多高管相繼離開OpenAI? 😅")
    assert reply.answered and reply.answer_kind == "digest"
