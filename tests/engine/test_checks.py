"""Slots and checks: a question asking a detail, unit, title, name, count or share is answered only by a fact that states it."""

from __future__ import annotations

from dataclasses import fields, replace
from types import SimpleNamespace
from typing import Any

import pytest

from bot.engine.answer import Engine
from bot.engine.checks import (
    _OPEN_ENDED_SPAN,
    _SPAN_STATED,
    CHECKS,
    REGISTRY,
    Checked,
    MoveText,
    checks_for,
    detail,
    first_failed,
    unit,
)
from bot.engine.features import counts as _counts
from bot.engine.normalise import normalise
from bot.engine.quantities import asked_figures, stated_figures
from bot.engine.slots import Slots, asking_clause
from bot.factbase.models import Intent


@pytest.mark.parametrize("question", ["Mark Chen的父亲叫什么名字?", "Mark Chen在OpenAI叫什么职位?"])
def test_a_name_asked_of_someone_else_is_not_their_own(engine: Engine, question: str) -> None:
    assert not (engine.ask(question).fact_id or "").startswith("entity:")


def test_where_someone_worked_is_answered_by_companies_the_records_do_not_list(engine: Engine) -> None:
    reply = engine.ask("Kevin Weil以前在哪些公司干过?")
    assert reply.answered and "Instagram" in reply.answer


def test_a_fact_of_another_kind_does_not_answer_a_where_question(engine: Engine) -> None:
    # The articles say Peter Deng left, not where he went.
    assert not engine.ask("Peter Deng离开后跳槽去了哪家公司?").answered
    assert engine.ask("Peter Deng离开OpenAI了吗?").answered


def test_a_duration_answers_how_long(engine: Engine) -> None:
    reply = engine.ask("Hinton警告Sutskever,他那个想法可能要耗多久?")
    assert reply.answered and "整个月" in reply.answer


def test_a_how_many_question_wants_a_figure_in_its_unit(engine: Engine) -> None:
    # No fact gives Altman's age; a figure in dollars or a share of compute does not answer it.
    assert not engine.ask("Sam Altman今年几岁了?").answered
    assert "16岁" in engine.ask("穆拉蒂几岁移居加拿大?").answer
    assert engine.ask("OpenAI有多少员工?").answered


@pytest.mark.parametrize(
    "question",
    [
        "Sora的训练数据用了多少块显卡?",  # hours of video, no graphics cards
        "训练Sora用了几台服务器?",
        "马斯克在推特上有多少粉丝?",
        "Mark Chen家里有几个小孩?",  # "真如看小孩成长" is about GPT, and counts nothing
        "超级对齐团队有多少人?",  # the people of a team, not the 11 founders
    ],
)
def test_a_how_many_question_wants_a_figure_for_what_it_counts(engine: Engine, question: str) -> None:
    assert engine.matcher.analyse(normalise(question).key).counted
    assert not engine.ask(question).answered


@pytest.mark.parametrize(
    ("answer", "counted", "expected"),
    [
        ("当地时间2023年11月20日,710多名OpenAI员工要求董事会辞职", "员工", True),
        ("OpenAI员工从去年底约770名增至目前1600多名", "员工", True),
        ("离职当天,雷克连发十多条帖子", "帖子", True),
        # a figure in another unit, or part of one, counts something else
        ("有用户大规模创建新账号,以获取每个新账号带来的20美元优惠", "账号", False),
        ("真如看小孩成长", "小孩", False),
    ],
)
def test_counts_finds_a_figure_of_the_thing(answer: str, counted: str, expected: bool) -> None:
    assert _counts(answer, frozenset({counted})) is expected


def test_a_figure_for_what_is_counted_answers(engine: Engine) -> None:
    # The figure may come before the noun, with words between, or after it.
    assert "十多条" in engine.ask("离职当天雷克发了多少条帖子?").answer
    assert "三名" in engine.ask("11月17日晚上有几名研究人员辞职?").answer
    assert "710" in engine.ask("有多少名员工要求董事会辞职?").answer
    assert "1600" in engine.ask("OpenAI现在有多少人?").answer
    # "好几家" and "第几家" count nothing.
    assert not engine.matcher.analyse(normalise("投资人为什么愿意同时投好几家竞争对手?").key).counted
    assert not engine.matcher.analyse(normalise("OpenAI是他工作过的第几家公司?").key).counted


@pytest.mark.parametrize("question", ["亚马逊的创始人是谁?", "蘋果公司的CEO是誰?", "微软的创始人是谁?"])
def test_a_title_at_another_company_needs_a_fact_that_states_it(engine: Engine, question: str) -> None:
    # Shear co-founded Twitch, "亚马逊旗下直播平台Twitch"; Nadella is Microsoft's CEO, not its
    # founder: facts near the question in words, but none says who holds the title asked.
    analysis = engine.matcher.analyse(normalise(question).key)
    assert analysis.titles
    assert not engine.ask(question).answered


def test_a_title_a_fact_states_next_to_the_company_is_answered(engine: Engine) -> None:
    reply = engine.ask("Anthropic的CEO是谁?")
    assert reply.answered and "阿莫迪" in reply.answer
    assert "纳德拉" in engine.ask("微软的CEO是谁?").answer


@pytest.mark.parametrize(
    "question",
    [
        "萨姆·奥尔特曼每年拿多少薪水?",  # the articles give his net worth and a stake, no salary
        "xAI融资后的估值是多少?",  # the size of xAI's round, not what it was valued at
        "马斯克在哪个法院起诉的OpenAI?",  # "告上法庭" says he sued, not where
        "What court did Musk file his lawsuit in?",
        "希尔当了几天临时CEO?",  # the article ends before his last day
        "旧金山明天会下雨吗?",
        # personal details: the nearest facts are about the person, not the detail
        "Mark Chen最喜欢的书是什么?",  # his education fact says 读书 (studied)
        "Ilya会说哪几种语言?",  # a programming-language anecdote is not a spoken language
        "Altman住在哪里?",  # the company's headquarters is not his home
        "Sam Altman有孩子吗?",
        "米拉·穆拉蒂在阿尔巴尼亚哪座城市长大?",  # the article names the country only
        "ChatGPT每周的活跃用户有多少?",  # the articles give monthly users, not weekly
        "奥尔特曼和舒尔曼在伯克利初见时喝了什么?",  # where and when they met, not what they drank
        "员工当时打赌,赌的是什么?",  # that they bet on the users, not for what
        "What kind of wood was Ilya's effigy made of?",  # "木雕像": wooden, no kind given
        "布罗克曼个子有多高?",  # "有多高" of a person is a height
        "奥特曼在意大利那场活动穿了什么?",  # where he played the departures down, not in what
    ],
)
def test_a_detail_asked_needs_a_fact_that_states_it(engine: Engine, question: str) -> None:
    assert engine.matcher.analyse(normalise(question).key).details
    assert not engine.ask(question).answered


def test_a_detail_a_fact_states_is_answered(engine: Engine) -> None:
    assert "1500亿" in engine.ask("OpenAI这轮融资估值多少?").answer
    assert "五天" in engine.ask("ChatGPT上线几天用户破百万?").answer
    assert "旧金山" in engine.ask("OpenAI的总部在哪个城市?").answer
    assert "木雕像" in engine.ask("Ilya烧掉的雕像是用什么做的?").answer
    assert "1500亿" in engine.ask("OpenAI的估值有多高?").answer  # "有多高" of a valuation is its size
    # How he felt about going back, not the talks about it.
    assert "矛盾" in engine.ask("董事会请奥特曼回来时他是什么心情?").answer
    assert "不确定" in engine.ask("红杉对伊利亚的新公司是什么态度?").answer
    # A court named in passing is not the detail asked: the suit's demands answer this.
    assert not engine.matcher.analyse(normalise("马斯克的诉讼要求法院宣布什么无效?").key).details
    assert engine.ask("马斯克的诉讼要求法院宣布什么无效?").answered


def test_a_name_asked_needs_a_fact_that_names_someone_new(engine: Engine) -> None:
    # The report says three researchers quit, not who: no answer names them.
    assert not engine.ask("11月17日晚上辞职的那几个研究员都叫什么名字?").answered
    assert "Safe Superintelligence" in engine.ask("苏茨克维创办的新公司叫什么名字?").answer
    # A title is not a name: the new role alone answers this.
    assert "使命对齐" in engine.ask("Josh Achiam的新职务叫什么?").answer


@pytest.mark.parametrize(
    "question",
    [
        "被ChatGPT搞崩的那个监测工具叫啥?",  # the tool is described, ChatGPT is a clause away
        "苏茨克维在辛顿团队写的那个程序语言叫什么?",  # "写个程序语言", never named
    ],
)
def test_a_name_asked_must_be_the_things_own(engine: Engine, question: str) -> None:
    assert engine.matcher.analyse(normalise(question).key).name_of
    assert not engine.ask(question).answered


def test_a_thing_named_next_to_it_is_answered(engine: Engine) -> None:
    assert "Orion" in engine.ask("OpenAI在开发的下一代大模型叫什么名字?").answer
    assert "InstructGPT" in engine.ask("雷克团队第一个用RLHF训练的大模型叫啥?").answer
    assert "公司" in engine.matcher.analyse(normalise("Ilya离开后创立的公司叫什么?").key).name_of
    assert "Safe Superintelligence" in engine.ask("Ilya离开后创立的公司叫什么?").answer


def test_an_english_word_is_not_a_name_one_letter_off(engine: Engine) -> None:
    # "night" is one edit from Knight, but a typo keeps a name's first letter.
    entities, _ = engine.matcher.find_entities("they resigned that friday night")
    assert entities == []
    assert engine.matcher.find_entities("what did matt knigt do")[0] == ["knight"]


def test_a_when_question_gets_the_more_precise_of_two_equal_dates(engine: Engine) -> None:
    # Two reports say Sutskever left, one "2024年", one "2024年5月": the month is the answer.
    assert "2024年5月" in engine.ask("伊利亚是什么时候离开OpenAI的?").answer


def test_a_fact_that_lacks_what_is_asked_is_never_the_answer_however_close(engine: Engine) -> None:
    # "Peter Deng也已离职" matches every word, but says nothing of where he went.
    reply = engine.ask("Peter Deng离开OpenAI以后加入了哪家公司?")
    assert not reply.answered
    top = engine.matcher.rank(
        engine.matcher.analyse(normalise("Peter Deng离开OpenAI以后加入了哪家公司?").key)
    )[0]
    assert not top.features.states_asked


def test_how_it_ended_is_not_answered_by_talks_still_open(engine: Engine) -> None:
    # The board hoped to win Amodei over; no article says what he answered.
    assert not engine.ask("阿莫迪最终有没有接受OpenAI的CEO邀请?").answered
    assert "7%" in engine.ask("OpenAI在讨论给奥特曼多少股权?").answer
    assert "希尔" in engine.ask("董事会最后选了谁当临时CEO?").answer


def test_a_date_is_not_an_amount(engine: Engine) -> None:
    # "2023年" in an answer says when; it does not make the fact answer "how much".
    assert not engine.ask("Meta 2023年的營收是多少?").answered
    assert engine.matcher.analyse(normalise("卡帕西第一次离开openai是几几年").key).intents[0] == Intent.WHEN


def test_asking_for_the_day_is_not_answered_by_a_month(engine: Engine) -> None:
    # The round was reported "9月上旬"; no article says on which day it closed.
    assert not engine.ask("OpenAI這輪65億美元融資最後是哪一天完成的?").answered
    assert engine.ask("OpenAI这轮融资是什么时候传出的?").answered
    assert "17日" in engine.ask("奥特曼是哪一天被开除的?").answer


@pytest.mark.parametrize(
    "question",
    [
        "Barret Zoph离职后加入了哪家公司?",
        "Peter Deng离职后去了哪家公司?",
        "穆拉蒂離開OpenAI之後創辦了什麼新公司?",
    ],
)
def test_where_someone_went_after_leaving_is_not_where_they_had_been(engine: Engine, question: str) -> None:
    # Zoph was at Google before OpenAI, Deng at Facebook; neither article says where they went.
    assert not engine.ask(question).answered


def test_where_someone_went_after_leaving_is_answered_by_the_move(engine: Engine) -> None:
    assert "Anthropic" in engine.ask("Schulman离职后去了哪里?").answer
    assert "Gantry" in engine.ask("Vicki Cheung离开OpenAI后去了哪里?").answer


def test_who_chairs_the_board_needs_a_fact_that_says_so(engine: Engine) -> None:
    assert not engine.ask("sama复职之后,新董事会主席是谁?").answered
    assert "主席" in engine.ask("Brockman除了总裁还担任什么职务?").answer


def test_a_word_inside_a_longer_word_of_the_fact_counts_for_half(engine: Engine) -> None:
    # 副总裁 is inside the fact's 研究高级副总裁; jieba keeps the compound whole.
    assert "陳信翰" in engine.ask("誰會接任OpenAI新的研究資深副總裁?").answer


def test_a_title_question_needs_a_fact_giving_that_person_a_title(engine: Engine) -> None:
    # Mark Chen's appointment names McGrew but gives only Chen a title; Leike's move names
    # Schulman but gives him none.
    assert "首席研究官" in engine.ask("What's Bob McGrew's title at OpenAI?").answer
    assert not engine.ask("舒尔曼到Anthropic之后头衔是什么?").answered
    # Unless a time is asked, the title the articles set before her name, not the post she
    # was given on joining in 2018.
    assert "首席技术官" in engine.ask("米拉在OpenAI的职务是什么?").answer
    assert "副总裁" in engine.ask("穆拉蒂2018年刚进OpenAI时是什么职位?").answer
    # A pronoun between the name and the title points at someone else.
    asked = engine.matcher.analyse(normalise("奥尔特曼被开除时谁接任?她原来什么职位?").key)
    assert asked.title_of is None
    assert engine.matcher.analyse(normalise("陈信翰的爸爸是做什么的?").key).title_of is None
    # "是做什么的" in a longer question asks the title in other words.
    assert "政策" in engine.ask("Jack Clark 以前在 OpenAI 是干什么的?").answer
    # A successor's title: the name after 接替 is whom he replaced.
    asked = engine.matcher.analyse(normalise("陈信翰取代Bob McGrew之后担任什么职务?").key)
    assert asked.title_of == "mark-chen"


def test_a_how_many_question_needs_a_figure_besides_the_ones_it_gives(engine: Engine) -> None:
    # The fraud fact's only figure is the $20 the question itself gives.
    assert not engine.ask("那次20美元新账号优惠被薅羊毛,OpenAI总共亏了多少钱?").answered
    assert "20" in engine.ask("新账号送多少美元优惠?").answer
    assert "1600" in engine.ask("OpenAI员工从770人涨到了多少人?").answer
    # A rank is not a score in points.
    assert not engine.ask("Claude 3 Opus在LMSYS得了几分?").answered
    assert "第六" in engine.ask("Claude 3 Opus在LMSYS排第几?").answer


def test_a_how_long_question_needs_a_length_of_time(engine: Engine) -> None:
    # The 2015 meeting has a year, not a length; the internships have no figure at all.
    assert not engine.ask("Schulman跟奥特曼2015年第一次碰面谈了多长时间?").answered
    assert not engine.ask("米拉在ZODIAC实习了多长时间?").answered
    assert "3年" in engine.ask("穆拉蒂在特斯拉干了多久?").answer
    # "until the end of the year" says how long, better than a fact that has a year in it
    assert "年底" in engine.ask("Brockman要休假多久?").answer
    # "哪几位" asks who, not how many people.
    assert "奥尔特曼" in engine.ask("OpenAI四大天王是哪几位?").answer


def test_a_how_many_times_question_needs_a_count_of_times(engine: Engine) -> None:
    # Leike's thread has a count of posts, not of likes.
    assert not engine.ask("雷克的离职帖子被点赞了多少次?").answered
    assert "十多条" in engine.ask("雷克离职当天发了几条帖子?").answer
    # 几则 counts too: the Slack messages are not counted anywhere.
    assert not engine.ask("OpenAI员工在Slack上发了几则帖子吐槽?").answered


def test_a_share_question_needs_a_share(engine: Engine) -> None:
    # The head count is a number of people, not what share of them are Chinese.
    assert not engine.ask("OpenAI员工里华人占了多少比例?").answered
    assert not engine.ask("女性员工占多少?").answered
    assert "15%" in engine.ask("API收入占OpenAI收入多少?").answer
    assert "84%" in engine.ask("收入里ChatGPT付费用户大概占几成?").answer


def test_which_programming_language_needs_one_named(engine: Engine) -> None:
    assert not engine.ask("What programming language did Ilya use for Hinton's task?").answered
    # What he wrote is stated: a language of his own.
    assert "程序语言" in engine.ask("Ilya在辛顿团队时自己写了什么程序语言?").answer


def test_every_check_is_registered_once_with_a_name_and_what_it_asks() -> None:
    names = [registered.name for registered in REGISTRY]
    assert len(names) == len(set(names)) == len(CHECKS)
    assert all(registered.doc and registered.doc != registered.name for registered in REGISTRY)
    # The order they are tried in: a veto names the first that fails.
    assert names[:3] == ["org_title", "tells_a_move", "detail"]


def test_a_check_vetoes_by_its_name_and_rule(engine: Engine) -> None:
    matcher = engine.matcher
    query = matcher.analyse(normalise("Altman今年几岁?").key)
    fact = next(f for f in engine.base.facts if "altman" in f.entities and "岁" not in f.answer)
    candidate = Checked(
        fact, frozenset(fact.entities), frozenset(), query, frozenset(), None, (), matcher.statements
    )
    assert unit(candidate) == "unit:age"
    assert first_failed(candidate) == "unit:age"
    young = next(f for f in engine.base.facts if "16岁" in f.answer)
    assert (
        unit(Checked(young, frozenset(), frozenset(), query, frozenset(), None, (), matcher.statements))
        is None
    )


def test_a_move_is_told_with_the_home_organisations_own_names(engine: Engine) -> None:
    moves = MoveText.at("openai")
    assert moves.tells_a_move("前openai研究员加入了anthropic")
    assert not moves.tells_a_move("加入openai前,他曾在谷歌工作,后来创办了公司")
    assert engine.matcher.tells_a_move("前openai研究员加入了anthropic")


def test_a_question_tries_only_the_checks_whose_slot_it_fills(engine: Engine) -> None:
    plain = engine.matcher.analyse(normalise("穆拉蒂为什么离职?").key)
    assert [c.name for c in checks_for(plain, "murati")] == ["about_the_subject"]
    assert checks_for(plain, None) == ()
    when = engine.matcher.analyse(normalise("穆拉蒂什么时候离职?").key)
    assert [c.name for c in checks_for(when, None)] == ["dated_event_of_the_asked"]
    spouse = engine.matcher.analyse(normalise("穆拉蒂的丈夫是谁?").key)
    assert [c.name for c in checks_for(spouse, "murati")] == ["detail", "about_the_subject"]


def test_every_check_reads_a_slot_of_the_question() -> None:
    slots = {f.name for f in fields(Slots)} | {"subject"}
    assert all(registered.reads in slots for registered in REGISTRY)


def test_a_span_with_no_end_answers_how_long(engine: Engine) -> None:
    # "终身" (for life) is a length of time: the duration check lets it answer 多长时间.
    reply = engine.ask("离职协议要员工多长时间不能说OpenAI坏话?")
    assert reply.answered and reply.fact_id == "a004-severance-terms"


@pytest.mark.parametrize(
    ("question", "not_fact"),
    [
        # 永远感激 (forever grateful) is a feeling, not how long anything lasted
        ("穆拉蒂离职前跟团队合作了多久", "a003-murati-farewell-cheer"),
        ("Murati离开后多久不能批评OpenAI", "a003-murati-farewell-cheer"),
        ("米拉在OpenAI一共待了多长时间?", "a003-murati-farewell-cheer"),
    ],
)
def test_forever_said_of_a_feeling_is_not_a_length_of_time(
    engine: Engine, question: str, not_fact: str
) -> None:
    assert engine.ask(question).fact_id != not_fact


@pytest.mark.parametrize(
    ("answer", "is_span"),
    [
        ("这份协议禁止他们终身批评 OpenAI", True),
        ("离职员工终身不得批评公司", True),
        ("He is barred for life from the board", True),
        ("我将永远感激有机会与这个团队一起工作", False),
        ("她一辈子都记得那一天", False),
        ("他获得终身成就奖", False),
    ],
)
def test_a_span_with_no_end_is_a_length_of_time_only_as_a_restrictions_term(
    answer: str, is_span: bool
) -> None:
    assert bool(_OPEN_ENDED_SPAN.search(answer)) is is_span


def test_whom_someone_is_dating_is_a_detail_a_fact_must_state(engine: Engine) -> None:
    # "他对象" is his partner; the fact that Altman is someone's 汇报对象 (whom they report to)
    # does not say who that is.
    reply = engine.ask("奥特曼他对象是谁")
    assert not reply.answered and reply.decline_reason == "check:detail:partner"
    assert engine.ask("Murati的汇报对象是谁?").decline_reason != "check:detail:partner"


@pytest.mark.parametrize(
    "question", ["OpenAI的竞争对象是谁？", "这篇报道的采访对象是谁？", "奥特曼的谈判对象是谁?"]
)
def test_an_object_called_duixiang_is_no_partner(engine: Engine, question: str) -> None:
    assert engine.ask(question).decline_reason != "check:detail:partner"


def test_a_detail_rule_is_searched_in_the_text_it_says_it_reads(engine: Engine) -> None:
    # The detail check searched the answer and its quotes whatever the rule's `reads` said.
    matcher = engine.matcher
    asked = matcher.analyse(normalise("Altman的年薪是多少?").key)
    (rule,) = asked.details
    fact = next(f for f in engine.base.facts if "altman" in f.entities)
    read: list[str] = []

    class Reader:
        def stated_text(self, fact: object, reads: str = "answer and quotes") -> str:
            read.append(reads)
            return ""

        def states_title(self, fact: object, org: str, title: object) -> bool:
            return False

    for reads in ("answer", "answer and quotes"):
        query: Any = SimpleNamespace(details=(replace(rule, reads=reads),))  # all `detail` reads
        checked = Checked(fact, frozenset(fact.entities), frozenset(), query, frozenset(), None, (), Reader())
        assert detail(checked) == f"detail:{rule.name}"
    assert read == ["answer", "answer and quotes"]


# -- asked constraints: what a question asks of its answer beyond the kind of thing ----------------


def test_who_holds_a_title_now_is_not_answered_by_its_former_holder(engine: Engine) -> None:
    # Shear is Twitch's former CEO; the articles never name its CEO now.
    reply = engine.ask("Twitch目前的CEO是誰?")
    assert not reply.answered and reply.decline_reason == "check:current_title"
    assert engine.ask("Twitch的前CEO是谁?").answered


def test_a_current_holder_beside_a_former_one_passes_the_check(engine: Engine) -> None:
    assert engine.ask("OpenAI现在的总裁是谁?").answered


def test_others_than_those_excluded_need_a_fact_naming_another(engine: Engine) -> None:
    # The round's talks name Thrive Capital, Microsoft, Nvidia and Apple: excluding two leaves others.
    assert engine.ask("除了微软,还有哪些公司在洽谈投资OpenAI?").answered
    slots = engine.matcher.analyse(normalise("除了英伟达和苹果,还有谁?").key).slots
    assert slots.excluded == frozenset({"nvidia", "apple"})


def test_a_fact_naming_only_those_excluded_fails_names_another(engine: Engine) -> None:
    fact = engine.base.by_id["a003-funding-round"]
    checked = _checked(engine, "除了微软、英伟达、苹果和Thrive Capital,还有谁在洽谈投资OpenAI?", fact)
    assert first_failed(checked) == "names_another"


def test_a_figure_asked_of_each_needs_one_beside_each_name(engine: Engine) -> None:
    # Thrive Capital's 10亿 is stated, Microsoft's share is not.
    assert engine.ask("Thrive Capital和微软各自投了多少?").decline_reason == "check:figure_for_each"
    assert engine.ask("Thrive Capital计划投资多少?").answered


def test_a_figure_the_question_states_must_be_the_facts(engine: Engine) -> None:
    assert engine.ask("OpenAI估值达到1500亿美元是什么时候?").answered
    fact = engine.base.by_id["a003-funding-round"]
    assert first_failed(_checked(engine, "OpenAI估值达到两千亿美元是什么时候?", fact)) == "states_figure"


def test_a_figure_the_asker_read_elsewhere_need_not_be_stated() -> None:
    # Only the clause that asks holds what the answer must state.
    assert asking_clause("之前听说有九成员工签了名,那最后到底有多少人签名?") == "那最后到底有多少人签名"


def test_a_rough_figure_matches_a_stated_one_near_it() -> None:
    (rough,) = asked_figures("七百多名员工")
    assert rough.rough and rough.stated_by(frozenset({710.0}))
    (about,) = asked_figures("约一千亿美元")  # a rough figure is near, not half again as much
    assert about.rough and not about.stated_by(frozenset({150_000_000_000.0}))
    (exact,) = asked_figures("一千万用户")
    assert not exact.stated_by(frozenset({1_000_000.0, 5.0}))
    assert asked_figures("那三个人为什么走") == () and asked_figures("gpt-4o发布后") == ()
    assert stated_figures("以1500亿美元估值寻求65亿美元融资") == {150_000_000_000.0, 6_500_000_000.0}


def test_from_when_to_when_needs_a_span(engine: Engine) -> None:
    # The articles say Musk poached Sutskever from Google, never when he worked there.
    assert engine.ask("Ilya哪几年在谷歌?").decline_reason == "check:states_span"


def test_which_time_needs_an_ordinal(engine: Engine) -> None:
    assert engine.ask("Ilya这是第几次离开OpenAI?").decline_reason == "check:states_ordinal"
    reply = engine.ask("Brockman这是第几次休长假?")
    assert reply.answered and "第一次" in reply.answer


def _checked(engine: Engine, question: str, fact: Any) -> Checked:
    query = engine.matcher.analyse(normalise(question).key)
    statements = engine.matcher.statements
    return Checked(
        fact,
        frozenset(fact.entities),
        frozenset(fact.entities),
        query,
        frozenset(query.entities),
        None,
        [statements.names_of(e) for e in query.entities if engine.base.entities[e].kind == "org"],
        statements,
    )


def test_figures_offered_to_choose_from_are_no_constraint() -> None:
    assert asked_figures("投了10亿还是20亿美元") == ()
    assert asked_figures("一次能生成多长的视频") == ()


# -- units and titles in the forms facts write them ----------------------------------------------


def test_how_many_times_over_asks_a_multiple_not_a_count(engine: Engine) -> None:
    units = [
        rule.name
        for rule in engine.matcher.analyse(normalise("How many times over did the price grow?").key).units
    ]
    assert units == ["multiple"]
    units = [
        rule.name for rule in engine.matcher.analyse(normalise("How many times did he resign?").key).units
    ]
    assert units == ["times"]
    reply = engine.ask("by how many times over has openai's valuation risen?")
    assert reply.answered and "7倍" in reply.answer


def test_a_title_held_now_at_a_named_organisation_is_given(engine: Engine) -> None:
    statements = engine.matcher.statements
    base = engine.base.by_id["a003-kingma-left"]

    def fact(answer: str) -> Any:  # what a fact states is kept by its id: one id per text
        update = {"id": f"test-title-{hash(answer)}", "answer": answer, "sources": [], "entities": ["murati"]}
        return base.model_copy(update=update)

    assert statements.gives_title(
        fact("米拉·穆拉蒂于2024年离开OpenAI,现为微软人工智能部门的负责人。"), "murati"
    )
    assert not statements.gives_title(
        fact("米拉·穆拉蒂于2024年离开OpenAI,与微软人工智能部门的负责人见面。"), "murati"
    )


def test_a_when_question_is_answered_by_an_event_of_what_it_asks_about(engine: Engine) -> None:
    # Leike's move to Anthropic is dated; it does not date anything of Anthropic's it mentions.
    reply = engine.ask("Anthropic的Claude什么时候发布?")
    assert not reply.answered and reply.decline_reason == "check:dated_event_of_the_asked"
    assert engine.ask("Leike什么时候加入Anthropic?").answered
    assert engine.ask("Sora是什么时候推出的?").answered


def test_the_owner_named_before_a_possessive_is_not_what_a_date_is_asked_of(engine: Engine) -> None:
    slots = engine.matcher.analyse(normalise("Anthropic的Claude什么时候发布?").key).slots
    assert slots.when_of == frozenset({"claude"})


def test_a_year_is_no_length_of_time_for_states_span() -> None:
    assert not _SPAN_STATED.search("2023年11月20日,他告诉员工")
    assert _SPAN_STATED.search("在OpenAI待了六年半") and _SPAN_STATED.search("做了3年")
