"""Who held a role at a time, and every holder in order."""

from __future__ import annotations

import re
from itertools import takewhile

from bot.engine.answer import Engine
from bot.engine.several.common import Context
from bot.engine.several.roles_at import titles_of
from bot.factbase.loader import FactBase


def test_ceo_on_a_day_keeps_a_month_dated_return_apart(engine: Engine) -> None:
    reply = engine.ask("11月19日OpenAI的CEO是谁?")
    assert reply.answered and reply.answer_kind == "role_at"
    head, *rest = reply.answer.split("同期可能在任")
    assert "穆拉蒂" in head and "埃米特·希尔" in head and "奥尔特曼" not in head
    assert rest and "奥尔特曼" in rest[0]


def test_every_ceo_in_order_of_taking_office(engine: Engine) -> None:
    reply = engine.ask("四天换了哪四个CEO?")
    assert reply.answered
    holders = [i.text.split(":")[0] for i in reply.items]
    assert holders == ["萨姆·奥尔特曼", "米拉·穆拉蒂", "埃米特·希尔", "萨姆·奥尔特曼"]
    assert "阿莫迪" in reply.answer  # the article's fourth: the board's wish, shown as related


def test_a_role_no_one_held_then_is_declined(engine: Engine) -> None:
    reply = engine.ask("2016年OpenAI的CFO是谁?")
    assert not reply.answered


def test_a_question_about_a_persons_title_is_not_a_role_list(engine: Engine) -> None:
    assert engine.ask("穆拉蒂当过哪些职位?").answer_kind != "role_at"


def test_an_impossible_date_is_no_date_at_all(engine: Engine) -> None:
    assert engine.ask("2023年2月30日OpenAI的CEO是谁?").answer_kind != "role_at"


def test_holders_asked_outright_beside_a_name(engine: Engine) -> None:
    reply = engine.ask("Altman 被赶走期间都有谁代理过CEO?")
    assert reply.answered and "米拉·穆拉蒂" in reply.answer and "埃米特·希尔" in reply.answer


def test_who_held_a_post_before_a_named_holder(engine: Engine) -> None:
    reply = engine.ask("在Pachocki以前,谁是OpenAI的首席科学家?")
    assert reply.answered and reply.answer_kind == "role_at"
    assert reply.items[0].text.startswith("伊利亚·苏茨克维")
    assert "没有说是否直接接替" in reply.answer  # ordered by dates, no succession claimed


def test_a_successor_the_articles_do_not_name_is_declined(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂辞职以后谁接替她当CTO?")
    assert not reply.answered and "米拉·穆拉蒂之后" in reply.answer


def test_what_someone_was_before_a_post_is_no_succession(engine: Engine) -> None:
    # "X之前是哪家的CEO" asks about X's past, not who held a post before X.
    reply = engine.ask("埃米特·希尔之前是哪家公司的CEO?")
    assert reply.answer_kind != "role_at"


def test_the_day_of_a_move_dated_to_the_month_is_declined_saying_the_month(engine: Engine) -> None:
    reply = engine.ask("Altman到底哪一天复职的?")
    assert not reply.answered and "2023年11月" in reply.answer and "没有给出具体哪一天" in reply.answer
    assert reply.sources


def test_the_day_of_a_move_dated_to_the_day_is_answered(engine: Engine) -> None:
    reply = engine.ask("Murati是哪一天宣布离职的?")
    assert reply.answered and "9月26日" in reply.answer


def test_a_successor_whose_start_is_not_given_counts_from_when_first_shown(engine: Engine) -> None:
    reply = engine.ask("在Sutskever之后,谁是OpenAI的首席科学家?")
    assert reply.answered and reply.items[0].text.startswith("雅库布·帕乔基")


def test_a_second_departure_the_articles_do_not_date_is_declined(engine: Engine) -> None:
    reply = engine.ask("卡帕西再次离职是什么时候?")
    assert not reply.answered and "没有给出时间" in reply.answer
    assert any("再次离职" in s.quote for s in reply.sources)


def test_another_organisations_post_with_one_holder_needs_no_date(engine: Engine) -> None:
    reply = engine.ask("OpenAI闹得最凶那段时间,微软的CEO是谁?")
    assert reply.answered and reply.answer_kind == "role_at" and "纳德拉" in reply.answer


def test_a_post_not_of_the_organisation_named_is_not_its_holders(engine: Engine) -> None:
    # "找哪个人来当CEO,跟Anthropic合并": OpenAI's post, not Anthropic's.
    reply = engine.ask("董事会想找谁来当CEO,顺便跟Anthropic合并?")
    assert reply.answer_kind != "role_at"


# -- a role at a time told by an event (issue #22) -------------------------------------------


def test_a_role_at_the_time_of_an_event(engine: Engine) -> None:
    # "X嗰陣/when X" + a post + who: the post's holder on X's date; Altman, named in the time,
    # is not whom it asks about.
    for question in ("Altman被炒嗰陣,OpenAI嘅CTO係邊個?", "when altman got fired, who was openai's cto?"):
        reply = engine.ask(question)
        assert reply.answered and reply.answer_kind == "role_at", question
        assert reply.answer.startswith("2023年11月17日") and "穆拉蒂" in reply.answer


def test_who_was_appointed_then_is_an_event_the_facts_tell(engine: Engine) -> None:
    # No copula between the post and who: who was made CEO, not who held it.
    reply = engine.ask("奥特曼被开除那阵子谁被推上去当CEO")
    assert reply.fact_id == "a003-altman-ousted-murati-ceo"


def test_a_two_digit_year_before_a_month(engine: Engine) -> None:
    reply = engine.ask("24年9月OpenAI的CTO係邊位?")
    assert reply.answered and reply.answer.startswith("2024年9月") and "穆拉蒂" in reply.answer


def test_a_role_with_no_end_is_held_surely_only_as_far_as_its_articles_show(engine: Engine) -> None:
    # Shear's interim post has a start and no end; articles of 2023-11 cannot show him in post
    # in May 2024: he may be, not surely.
    reply = engine.ask("2024年5月OpenAI的CEO是谁?")
    head, _, maybe = reply.answer.partition("同期可能在任")
    assert reply.answered and "奥尔特曼" in head and "埃米特·希尔" not in head
    assert "埃米特·希尔" in maybe


def test_a_role_before_an_event_is_the_role_the_day_before_it(engine: Engine) -> None:
    # "X之前": the holder on the day before X (X known to the day), not on X's own day, when
    # the post changed hands.
    reply = engine.ask("Altman被炒之前,OpenAI的CEO是谁?")
    assert reply.answered and reply.answer.startswith("2023年11月16日")
    head = reply.answer.split("同期可能在任")[0]
    assert "萨姆·奥尔特曼" in head and "穆拉蒂" not in head


def test_every_post_of_one_person_from_the_typed_roles_in_date_order(engine: Engine) -> None:
    reply = engine.ask("Zoph在谷歌和OpenAI分别做过什么职位?")
    assert reply.answered and reply.answer_kind == "list"
    assert [i.text.split("(")[0] for i in reply.items] == ["谷歌:研究科学家", "OpenAI:后训练研究副总裁"]
    assert all(i.sources for i in reply.items)


def test_the_posts_of_one_person_at_the_organisation_named(engine: Engine) -> None:
    reply = engine.ask("which positions did Schulman hold at OpenAI?")
    assert reply.answered and len(reply.items) == 2
    assert "Anthropic" not in reply.answer and "超级对齐" not in reply.answer


def test_the_posts_held_on_a_day_count_one_that_ended_that_day(engine: Engine) -> None:
    reply = engine.ask("2023年11月19日穆拉蒂身兼哪些职位?")
    assert reply.answered and reply.answer_kind == "role_at"
    held = [i.text for i in reply.items]
    assert any("临时CEO" in t for t in held) and any("首席技术官" in t for t in held)
    assert not any("副总裁" in t or "特斯拉" in t for t in held)


def test_a_post_whose_dates_are_not_given_is_shown_apart_not_as_held(engine: Engine) -> None:
    reply = engine.ask("Ilya在2023年8月担任哪些职位?")
    head, _, apart = reply.answer.partition("同期可能在任")
    assert "超级对齐团队联合负责人" in head and "首席科学家" not in head
    assert "首席科学家" in apart


_SHOWN_SPAN = re.compile(
    r"\((?:(\d{4})年(?:(\d+)月)?(?:(\d+)日)?)?(起|至)(?:(\d{4})年(?:(\d+)月)?(?:(\d+)日)?)?\)"
)


def _shown_dates(line: str) -> tuple[tuple[int, ...] | None, tuple[int, ...] | None]:
    """(start, end) as shown on a post's line, each (year, month, day) with 0 for unknown parts."""
    found = _SHOWN_SPAN.findall(line)
    if not found:
        return None, None
    y1, m1, d1, _, y2, m2, d2 = found[-1]
    start = (int(y1), int(m1 or 0), int(d1 or 0)) if y1 else None
    end = (int(y2), int(m2 or 0), int(d2 or 0)) if y2 else None
    return start, end


def test_posts_said_to_be_in_time_order_are_ordered_by_when_each_began(factbase: FactBase) -> None:
    # A post with no start given (only when it ended, or no date at all) cannot be placed among
    # posts ordered by their start, unless it ended before every one of them began.
    checked = 0
    for person in factbase.entities.values():
        if person.kind != "person" or len(person.roles) < 2:
            continue
        reply = titles_of(Context(factbase, "tw", "simplified", "做过哪些职位"), person)
        if reply is None or "按时间" not in reply.answer.splitlines()[0]:
            continue
        checked += 1
        ordered = list(takewhile(lambda line: line.startswith("· "), reply.answer.splitlines()[1:]))
        spans = [_shown_dates(line) for line in ordered]
        starts = [start for start, _ in spans]
        lead_start, lead_end = spans[0]
        rest = starts if lead_start is not None else starts[1:]
        assert all(s is not None for s in rest), (person.name, ordered)
        assert rest == sorted(rest), (person.name, ordered)  # type: ignore[type-var]
        if lead_start is None:
            assert lead_end is not None and all(lead_end[0] <= s[0] for s in rest if s), ordered
    assert checked >= 2


def test_posts_whose_start_is_not_given_are_said_apart_from_the_timed_ones(engine: Engine) -> None:
    reply = engine.ask("奥尔特曼在OpenAI先后担任过哪些职务?")
    head, *lines = reply.answer.split("\n\n")[0].splitlines()
    assert reply.answered and "按时间" in head
    ordered = list(takewhile(lambda line: line.startswith("· "), lines))
    assert all("(至" not in line for line in ordered)
    apart = lines[len(ordered) :]
    assert apart and "至2023年11月17日" in "".join(apart)
