"""Lists and counts: every item the data holds, each with its sources, in date order, and
what the list covers; a stated count beside a partial list."""

from __future__ import annotations

from bot.engine.answer import Engine


def _names(reply_items: tuple[object, ...]) -> list[str]:
    return [i.text.split(":")[0] for i in reply_items]


def test_who_went_to_anthropic_lists_all_four_in_date_order_with_sources(engine: Engine) -> None:
    reply = engine.ask("哪些人跳槽去了Anthropic?")
    assert reply.answered and reply.answer_kind == "list"
    assert [i.text.split("(")[0] for i in reply.items] == [
        "杰克·克拉克",
        "达里奥·阿莫迪",
        "简·雷克",
        "约翰·舒尔曼",
    ]
    assert all(i.sources for i in reply.items)
    assert "共4位" in reply.answer
    data = reply.to_json()
    assert data["answer_kind"] == "list" and "a000-schulman-to-anthropic" in data["fact_ids"]
    assert all(item["sources"] for item in data["items"])


def test_a_partial_list_says_it_is_partial(engine: Engine) -> None:
    reply = engine.ask("2024年有哪些人离开了OpenAI?")
    assert reply.answered and len(reply.items) == 6
    dates = [i.date for i in reply.items]
    assert dates == sorted(dates) and all(d and d.startswith("2024") for d in dates)
    assert "12位" in reply.answer and "并非全部" in reply.answer  # a003: 12 executives left


def test_the_founders_are_the_eleven_with_what_became_of_each(engine: Engine) -> None:
    reply = engine.ask("OpenAI的创始团队成员都有谁?")
    assert reply.answered and len(reply.items) == 11
    assert "帕梅拉·瓦加塔" in reply.items[0].text and "2016年离开" in reply.items[0].text
    # how many remain: the three articles disagree, and all three are shown with their dates
    assert "说法不一" in reply.answer and "2024-08-06" in reply.answer and "2024-09-27" in reply.answer


def test_remaining_founders_in_traditional(engine: Engine) -> None:
    reply = engine.ask("OpenAI的創始人現在還剩誰?")
    assert reply.answered and reply.script == "traditional"
    assert {i.text.split("(")[0] for i in reply.items} == {
        "格雷格·布羅克曼",
        "沃伊切赫·扎倫巴",
        "薩姆·奧爾特曼",
    }
    assert "創始團隊" in reply.answer


def test_companies_founders_started_after_leaving(engine: Engine) -> None:
    reply = engine.ask("OpenAI的创始成员离开以后都开了哪些公司?")
    assert reply.answered
    for company in ("Safe Superintelligence", "xAI", "Gantry", "Eureka Labs", "Pebblebed"):
        assert company in reply.answer
    assert "Anthropic" not in reply.answer  # Amodei was no founder of OpenAI


def test_arrivals_in_a_year(engine: Engine) -> None:
    reply = engine.ask("2024年有哪些人加入了OpenAI?")
    assert reply.answered
    assert {i.text.split("(")[0] for i in reply.items} == {"凯文·维尔", "莎拉·弗莱尔"}


def test_the_unnamed_researchers_are_declined_not_listed(engine: Engine) -> None:
    reply = engine.ask("11月17日晚上辞职的那几个研究员都叫什么名字?")
    assert not reply.answered and "没有给出他们的名字" in reply.answer


def test_a_count_the_articles_state_is_left_to_the_fact(engine: Engine) -> None:
    reply = engine.ask("今年以来从OpenAI离职的高管一共有多少位?")
    assert reply.answered and reply.fact_id == "a003-12-execs-left"


def test_another_companys_founders_are_not_openais(engine: Engine) -> None:
    assert engine.ask("SSI的另外几位联合创始人是谁?").answer_kind != "list"


def test_who_worked_at_an_organisation(engine: Engine) -> None:
    reply = engine.ask("哪些人以前在Meta工作过?")
    assert reply.answered and reply.answer_kind == "list"
    assert {i.text.split(":")[0] for i in reply.items} == {
        "Peter Deng",
        "斯里尼瓦斯·纳拉亚南(Srinivas Narayanan)",
    }


def test_a_list_of_things_is_no_list_of_people(engine: Engine) -> None:
    reply = engine.ask("负责超级对齐后来跑去Anthropic的那位，他在新团队主要做哪些研究方向？")
    assert reply.answered and reply.answer_kind == "fact"


def test_one_person_asked_is_no_list(engine: Engine) -> None:
    reply = engine.ask("Who is the Chinese product manager who also left OpenAI recently?")
    assert reply.answer_kind == "fact" and reply.fact_id == "a000-peter-deng-left"


def test_a_founding_veteran_is_no_company_founded(engine: Engine) -> None:
    reply = engine.ask("openai创业元老现在还剩谁")
    assert reply.answered and "仍在" in reply.answer and "创立的公司" not in reply.answer


def test_founders_who_left_before_a_year(engine: Engine) -> None:
    reply = engine.ask("OpenAI 2023年以前离开的联合创始人有谁")
    assert reply.answered and "2023年以前" in reply.answer
    assert len(reply.items) == 6 and all(i.date and i.date < "2023" for i in reply.items)


def test_how_many_founders_left_counts_the_named_not_the_eleven(engine: Engine) -> None:
    reply = engine.ask("一共有几位创始人离开了OpenAI?")
    assert reply.answered and "共8位" in reply.answer


def test_each_item_names_its_articles_by_outlet_and_date_not_by_internal_id(engine: Engine) -> None:
    reply = engine.ask("哪些人跳槽去了Anthropic?")
    items = [line for line in reply.answer.splitlines() if line.startswith("·")]
    assert items and all("2024-" in line or "2023-" in line for line in items)
    assert not any(f"a00{n}" in reply.answer for n in range(5))


def test_an_exact_count_of_a_group_counted_loosely_is_declined(engine: Engine) -> None:
    reply = engine.ask("11/19那天说要走的那些员工,确切是多少人?")
    assert not reply.answered and "数十名" in reply.answer and "没有给出确切人数" in reply.answer


def test_a_group_the_articles_count_is_not_declined_as_loose(engine: Engine) -> None:
    reply = engine.ask("11月20日具体有多少员工要求董事会辞职?")
    assert reply.answered and "710" in reply.answer


def test_who_the_articles_mention_is_a_list(engine: Engine) -> None:
    reply = engine.ask("从OpenAI跳去Anthropic的,文章提到了谁?")
    assert reply.answered and reply.answer_kind == "list"
    assert {"达里奥·阿莫迪", "简·雷克", "约翰·舒尔曼", "杰克·克拉克"} <= {
        i.text.split("(")[0] for i in reply.items
    }


def test_founders_who_went_to_an_organisation(engine: Engine) -> None:
    reply = engine.ask("which openai founders went to anthropic")
    assert reply.answered and reply.answer_kind == "list"
    assert [i.text.split("(")[0] for i in reply.items] == ["约翰·舒尔曼"]


def test_cantonese_who_came_over_from_openai(engine: Engine) -> None:
    reply = engine.ask("Anthropic有冇人系由OpenAI过去嘅?")
    assert reply.answered and reply.answer_kind == "list"
    assert {"达里奥·阿莫迪", "约翰·舒尔曼"} <= {i.text.split("(")[0] for i in reply.items}


def test_a_list_of_another_size_than_the_count_asked_is_declined(engine: Engine) -> None:
    # The articles count twelve executives who left this year but name a different set: the
    # people they name who ever left are not "those twelve".
    reply = engine.ask("今年走掉的那12位高管分别是哪些人?")
    assert not reply.answered
    assert "12" in reply.answer


# -- "除了X,还有谁": X is left out, not the list's subject (#22 cause 8) --


def test_a_list_leaves_out_who_the_question_sets_aside(engine: Engine) -> None:
    reply = engine.ask("除了Sutskever之外,2024年5月还有谁离开了OpenAI?")
    assert reply.answered and reply.answer_kind == "list"
    assert [item.text.split("(")[0] for item in reply.items] == ["简·雷克"]
    assert "除伊利亚·苏茨克维外" in reply.answer


def test_an_english_month_and_day_takes_the_sagas_year_and_besides_leaves_out(engine: Engine) -> None:
    reply = engine.ask("Besides Brockman, who else left OpenAI on November 17?")
    assert reply.answered and reply.answer_kind == "list"
    assert len(reply.items) == 1 and reply.items[0].text.startswith("萨姆·奥尔特曼")
    assert "三名高级研究人员" in reply.answer  # the count the articles give beside the names


def test_remaining_founders_besides_one(engine: Engine) -> None:
    reply = engine.ask("除了Brockman,还留在OpenAI的联合创始人有谁?")
    assert reply.answered and reply.answer_kind == "list"
    assert all(not item.text.startswith("格雷格·布罗克曼") for item in reply.items)
    assert any(item.text.startswith("萨姆·奥尔特曼") for item in reply.items)


# -- the employers before the home organisation, from the typed roles (#22 cause 8) --


def test_the_employers_before_joining_are_a_dated_list_of_organisations(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂加入OpenAI以前做过的公司有哪些?")
    assert reply.answered and reply.answer_kind == "list"
    assert [item.text.split(":")[0] for item in reply.items] == ["特斯拉", "Leap Motion"]
    assert "共2家" in reply.answer


def test_employers_asked_in_english_and_without_dated_roles_left_to_the_facts(engine: Engine) -> None:
    reply = engine.ask("Which companies did Murati work at before OpenAI?")
    assert reply.answer_kind == "list" and len(reply.items) == 2
    # Mark Chen's earlier jobs are told only in a fact's words (an undated internship): it answers.
    chen = engine.ask("Mark Chen加入OpenAI之前在哪几家公司工作过?")
    assert chen.answered and "任职过的机构" not in chen.answer


# -- lists keyed by a day (issue #22): the events of that day, not the words that fit -------


def test_the_other_events_of_the_day_an_event_names(engine: Engine) -> None:
    # The day is the day of the event named before 那天; that event itself is left out.
    reply = engine.ask("what else happened the same day altman was fired?")
    assert reply.answered and reply.answer_kind == "list"
    assert {i.date for i in reply.items} == {"2023-11-17"}
    assert "a001-altman-fired" not in reply.fact_ids and len(reply.items) >= 2
    assert "2023年11月17日" in reply.answer.splitlines()[0]


def test_the_events_of_a_named_day_about_whom_the_question_names(engine: Engine) -> None:
    # "嗰日" is simplified by OpenCC to the rare 𠮶: still a day the question keys on.
    reply = engine.ask("2023年11月19號嗰日,Altman嗰邊有啲咩進展?")
    assert reply.answered and reply.answer_kind == "list"
    assert {i.date for i in reply.items} == {"2023-11-19"}
    assert all("altman" in engine.base.by_id[f].entities for f in reply.fact_ids)


def test_one_fact_that_answers_a_day_question_is_not_made_a_list(engine: Engine) -> None:
    # Nothing else asked for, and one fact answers it: the single-fact path's.
    reply = engine.ask("11月18日那天,Altman告诉投资者他有什么打算?")
    assert reply.answered and reply.fact_id == "a001-altman-new-venture"


# -- which ones, not how many (issue #22) ----------------------------------------------------


def test_which_ones_is_not_read_as_how_many_and_one_fact_may_list_them(engine: Engine) -> None:
    # "边几个方面" asks which: no how-many reading (nor the amount it would require of an
    # answer) vetoes the one fact that names them all.
    reply = engine.ask("Leike離開時話OpenAI應該多花精力喺邊幾個方面?")
    assert reply.answered and reply.fact_id == "a004-leike-priorities"
    assert "監控" in reply.answer and "魯棒性" in reply.answer


def test_a_list_of_facts_keeps_to_the_time_the_question_names(engine: Engine) -> None:
    # "9月…边几个人": facts of November 2023 fit the words, not the month asked.
    reply = engine.ask("Altman宣布9月新架構時,直接向佢匯報嘅有邊幾個人?")
    assert reply.answered and reply.answer_kind == "list"
    assert "Matt Knight" in reply.answer and "Josh Achiam" in reply.answer
    assert not any((i.date or "").startswith("2023") for i in reply.items)


def test_a_count_asked_outright_is_still_a_count(engine: Engine) -> None:
    # 几多/多少 with which-ones words: the count is asked; no one-fact list for it.
    reply = engine.ask("Leike離開時話OpenAI應該多花精力喺幾多個方面?")
    assert reply.answer_kind != "list" or len(reply.items) != 1


def test_a_group_pointed_back_to_is_found_among_facts_that_fit_nearly_as_well(engine: Engine) -> None:
    # "那几名…研究人员" points at a group; without a count asked, the fact stating the group
    # (三名研究人员, who are not named) need not rank first to be the one declined with
    reply = engine.ask("那几名跟着辞职的研究人员是谁?")
    assert not reply.answered and "没有给出他们的名字" in reply.answer


# -- things brought out, by the typed release events (issue #22) -------------------------------


def test_models_released_by_an_organisation_in_a_year_come_from_the_release_events(engine: Engine) -> None:
    reply = engine.ask("2024年Meta推出咗邊啲模型?")
    assert reply.answered and reply.answer_kind == "list"
    assert reply.fact_ids == ("a000-llama-3-1-release",)
    assert "未寫時間的不在其列" in reply.answer.splitlines()[0]  # no claim to be every one


def test_a_release_dated_more_coarsely_than_the_month_asked_is_left_out(engine: Engine) -> None:
    # GPT-4o is dated to 2024 only: it may or may not be February, so it is not listed as inside
    reply = engine.ask("2024年2月OpenAI发布了哪些产品?")
    assert reply.answered and reply.fact_ids == ("a003-sora-launch",)


def test_releases_of_another_year_are_not_listed(engine: Engine) -> None:
    reply = engine.ask("OpenAI 2023年推出过哪些产品?")
    assert reply.answered and reply.fact_ids == ("a001-devday-custom-gpts",)
    assert "2022" not in reply.answer.splitlines()[1]


def test_a_team_is_expanded_to_its_named_members_before_the_date_bounds_them(engine: Engine) -> None:
    # members ∩ left by then: not everyone who left OpenAI by June 2024
    reply = engine.ask("超级对齐团队的人到2024年6月已经走了哪几个?")
    assert reply.answered and reply.answer_kind == "list"
    left = [i.text.split("(")[0] for i in reply.items if "离开" in i.text]
    assert left == ["伊利亚·苏茨克维", "简·雷克"]
    assert "文章点名的" in reply.answer  # a team has more people than the articles name
    assert "约翰·舒尔曼" in reply.answer.split("\n")[-1] or "约翰·舒尔曼那时" in reply.answer


def test_a_team_list_of_leavers_names_only_its_members(engine: Engine) -> None:
    reply = engine.ask("超級對齊團隊有哪些人離開了OpenAI?")
    assert reply.answered and reply.script == "traditional"
    named = {i.text.split("(")[0] for i in reply.items if "離開" in i.text}
    assert named == {"伊利亞·蘇茨克維", "簡·雷克", "約翰·舒爾曼"}
    assert "穆拉蒂" not in reply.answer and "卡帕西" not in reply.answer


def test_a_group_member_who_left_and_came_back_is_said_so_not_counted(engine: Engine) -> None:
    reply = engine.ask("2023年11月四大天王有谁离开了?")
    assert "萨姆·奥尔特曼" in reply.answer and "回归" in reply.answer
    assert not any("离开OpenAI" in i.text for i in reply.items)


def test_a_collective_name_is_read_from_a_naming_verb_and_its_quotes() -> None:
    from bot.engine.several import _COLLECTIVE

    found = _COLLECTIVE.findall("甲、乙和丙被媒体并称为“三剑客”,其中甲是首席执行官。")
    assert found == ["三剑客"]
    assert _COLLECTIVE.findall("媒体称他为ai届的乔布斯,甚至说他更像一个“中间派”。") == []


def test_each_leaver_with_the_posts_held_when_leaving(engine: Engine) -> None:
    reply = engine.ask("2024年5月离开OpenAI的人各自是什么职位?")
    assert reply.answered and reply.answer_kind == "list"
    by_name = {i.text.split("(")[0]: i.text for i in reply.items}
    assert set(by_name) == {"伊利亚·苏茨克维", "简·雷克"}
    assert "首席科学家" in by_name["伊利亚·苏茨克维"] and "超级对齐团队" in by_name["简·雷克"]


def test_the_founders_still_there_each_with_the_posts_the_articles_give(engine: Engine) -> None:
    reply = engine.ask("还留在OpenAI的联合创始人分别担任什么职位?")
    assert reply.answered and len(reply.items) == 3
    zaremba = next(i.text for i in reply.items if "扎伦巴" in i.text)
    assert "语言和代码生成负责人" in zaremba


def test_one_fact_that_enumerates_the_items_asked_is_the_list(engine: Engine) -> None:
    # a which-ones question a little under the answering bar: the fact about its subject
    # that enumerates the items (筹款、与政府打交道以及…合作) answers, cited to that fact
    reply = engine.ask("阿尔特曼以前主要搞边几样嘢?")
    assert reply.answered and reply.answer_kind == "list"
    assert reply.fact_ids == ("a004-altman-memo",) and "筹款" in reply.answer
    assert "未必是全部" in reply.answer


def test_an_enumeration_is_two_or_more_items_not_one_clause() -> None:
    from bot.engine.several import _ENUMERATION

    assert _ENUMERATION.search("他将专注于面向消费者、开发者和企业的产品")
    assert not _ENUMERATION.search("他于2024年6月加入OpenAI,负责产品。")


def test_people_the_articles_describe_by_a_noun_are_listed_with_a_quote_each(engine: Engine) -> None:
    # the only description two people share in these articles is 华人, so the wording is new
    reply = engine.ask("这几篇报道里,OpenAI有哪几位华人?")
    assert reply.answered and reply.answer_kind == "list"
    assert [i.text.split(":")[0] for i in reply.items] == ["陈信翰(Mark Chen)", "Peter Deng"]
    assert all(i.sources and "华人" in i.sources[0].quote for i in reply.items)


def test_a_noun_that_is_not_what_a_person_is_does_not_make_a_list(engine: Engine) -> None:
    # 董事 appears beside Altman's name (被董事会解雇), but no summary says he is one
    assert "提到是董事的" not in engine.ask("OpenAI有哪几位董事?").answer


def test_every_occasion_of_a_kind_of_event_in_date_order(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂前前后后被任命过几次?")
    assert reply.answered and reply.answer_kind == "list"
    assert [i.date for i in reply.items] == ["2022-05", "2023-11-17"]
    assert "共2次" in reply.answer and all(i.sources for i in reply.items)


def test_no_count_of_occasions_when_one_date_may_be_another_told_coarsely(engine: Engine) -> None:
    # "2023年11月" and "2023年11月17日" of Altman's firing may be one occasion: no "2 times"
    reply = engine.ask("Altman被董事会开除过几次?")
    assert "共2次" not in reply.answer


def test_where_a_group_is_defined_is_a_source_not_a_listed_member(engine: Engine) -> None:
    # the citation naming the group's members backs the answer; it is no one who left or stayed
    for question in ("四大天王里现在还剩下谁?", "到2024年底四大天王走了哪几个?"):
        reply = engine.ask(question)
        assert reply.answered and reply.answer_kind == "list", question
        assert reply.items and all("出处" not in i.text for i in reply.items), question
        assert any("四大天王" in s.quote for s in reply.sources), question
        assert "出处" not in reply.answer, question


def test_a_group_with_no_one_left_is_not_printed_as_an_empty_list(engine: Engine) -> None:
    reply = engine.ask("超级对齐团队现在还剩下几个人留在OpenAI?")
    assert reply.answered and reply.items == ()
    head = reply.answer.splitlines()[0]
    assert "0位" not in head and not head.endswith(":")
    assert "简·雷克" in reply.answer and any("超级对齐" in s.quote for s in reply.sources)
