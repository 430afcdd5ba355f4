"""A message that tells a story and then asks: the asking sentence, the rest as context."""

from __future__ import annotations

from bot.engine.answer import Engine
from bot.engine.normalise import MAX_QUESTION_CHARS
from bot.engine.story import split_story


def test_the_question_after_a_story_longer_than_the_limit_is_found_and_answered(engine: Engine) -> None:
    story = "最近一直在追OpenAI的新闻,感觉每个月都有人走。" * 20 + "伊利亚离开之后去做什么了?"
    assert len(story) > MAX_QUESTION_CHARS
    reply = engine.ask(story)
    assert reply.answered and "Safe Superintelligence" in reply.answer
    assert reply.answer.startswith("按“伊利亚离开之后去做什么了?”理解:")


def test_a_short_question_or_a_question_first_is_no_story() -> None:
    assert split_story("穆拉蒂什么时候离职的?") is None
    assert split_story("穆拉蒂什么时候离职的?我记得是九月。她是CTO。") is None
    found = split_story("我看了新闻。" * 30 + "后来呢?她去哪了?")
    assert found is not None and found.question == "她去哪了?" and found.told[-1] == "后来呢?"


def test_a_story_sets_the_subject_of_a_question_that_names_no_one(engine: Engine) -> None:
    message = "我一直觉得Schulman是OpenAI的灵魂人物之一。结果他八月份突然跳槽了,网上吵翻了天。他在OpenAI到底干了几年?"
    reply = engine.ask(message)
    assert reply.answered and "九年" in reply.answer
    assert reply.question == message


def test_he_after_a_sentence_that_brings_in_someone_unnamed_is_not_an_earlier_name(engine: Engine) -> None:
    message = "昨天跟同事聊到OpenAI那次宫斗。大家都说Altman被开除那几天特别乱。我记得当时有个做直播平台的人被找来。他后来怎么样了?"
    assert split_story(message) is not None
    reply = engine.ask(message)
    assert "Altman" not in (reply.read_as or "") and "奥特曼" not in (reply.read_as or "")


def test_they_after_a_sentence_about_a_group_is_that_group_not_someone_earlier(engine: Engine) -> None:
    message = "我看报道说OpenAI原本打算2022年秋天发GPT-4的。结果因为有传言,管理层改了主意。他们改成先发布了哪个模型?"
    reply = engine.ask(message)
    assert reply.read_as == "他们改成先发布了哪个模型?"  # read as it stands, not "who is meant?"


def test_it_in_a_story_is_the_thing_the_story_named_besides_openai(engine: Engine) -> None:
    message = "公司群里今天在讨论AI安全。有个同事说OpenAI以前专门有个团队搞超级对齐。后来这个团队好像解散了。它是哪个月解散的?"
    reply = engine.ask(message)
    assert reply.answered and "5月" in reply.answer


def test_the_words_that_lead_into_the_question_are_not_the_question() -> None:
    found = split_story(
        "我们公司在用OpenAI的API。去年11月那几天老板特别紧张。我想确认一下:那时候大客户在考虑转投哪些公司?"
    )
    assert found is not None and found.question == "那时候大客户在考虑转投哪些公司?"
    found = split_story("我对这事一直很好奇。报道很多。大家都在聊。所以我想问,照9月的报道,OpenAI有多少员工?")
    assert found is not None and found.question == "OpenAI有多少员工?"


def test_a_last_question_that_only_asks_whether_the_articles_say_it_is_not_the_question(
    engine: Engine,
) -> None:
    message = "我对Ilya一直很好奇。他以前在Hinton那边读书。后来又去了谷歌。他离开OpenAI以后创办的公司叫什么?文章里有提到吗?"
    found = split_story(message)
    assert (
        found is not None
        and found.question.startswith("他离开OpenAI以后")
        and "文章里有提到吗?" not in found.told
    )
    reply = engine.ask(message)
    assert reply.answered and "Safe Superintelligence" in reply.answer


def test_a_question_that_asks_who_did_it_is_not_given_the_storys_subject(engine: Engine) -> None:
    message = "最近在看OpenAI安全团队的新闻。雷克辞职的时候说团队拿不到算力。没多久超级对齐团队就散了。所以我想问,团队解散后是谁接着领导对齐工作的?"
    reply = engine.ask(message)
    assert reply.read_as is not None and not reply.read_as.startswith("雷克")
    # Alone it names no team; with the sentence before it, the engine finds who took over.
    assert reply.answered and "舒尔曼" in reply.answer


def test_a_last_question_that_asks_how_the_articles_put_it_is_not_the_question() -> None:
    message = "老师聊到超级对齐团队。他说那个团队成立时很高调。大家在争论:他们当时觉得AGI多久以内会到来?文章裡到底怎麼寫的?"
    found = split_story(message)
    assert found is not None and found.question.startswith("他们当时觉得AGI")
    assert "文章裡到底怎麼寫的?" not in found.told


def test_a_question_that_points_back_is_read_with_the_sentence_before_it(engine: Engine) -> None:
    # "这种时候" points at what the sentence before told; asked alone it has lost its topic.
    message = (
        "最近在读OpenAI管理层的八卦,我对Sam Altman的印象一直还行。"
        "据说领导层想多招人或者多要资源的时候,他总是躲着不做这种艰难的决定。"
        "那这种时候都是哪几个人来顶上?"
    )
    reply = engine.ask(message)
    assert reply.answered and reply.fact_id == "a004-altman-avoids-decisions"
    assert reply.read_as is not None and "躲着不做这种艰难的决定" in reply.read_as


def test_a_question_that_points_back_at_what_the_articles_do_not_match_is_declined(engine: Engine) -> None:
    # Asked alone, "which companies were those?" matched some company; that answers nothing asked.
    message = (
        "so i was chatting with a friend about openai last night. she kept going on about how the "
        "company has changed since the early days. she mentioned there were some big money partners "
        "that came in over the years. which companies were those?"
    )
    assert not engine.ask(message).answered


def test_they_in_a_story_is_everyone_the_sentence_before_named_despite_a_sentence_after(
    engine: Engine,
) -> None:
    # The sentence after the question names no one and points at no one: it is no subject's.
    message = (
        "最近同事一直在聊OpenAI高层不和的传闻。报道里说总裁Brockman的角色有问题,"
        "所以常跟CTO Murati和她的团队闹矛盾。为什么他们常常起冲突?我打算转给同事看看。"
    )
    reply = engine.ask(message)
    assert reply.read_as == "为什么Brockman和Murati常常起冲突?"


def test_an_emoji_and_a_space_end_a_sentence_and_asking_whether_anyone_knows_asks_it(engine: Engine) -> None:
    message = (
        "上周部门分享会放了陈信翰谈GPT演进的片段。他讲到GPT从补全句子到能听指令对话,"
        "后来又学会归纳和理解上下文,还打了个比方,我刷手机错过了🤣 有谁知道他把这个过程比作看什么成长吗?"
    )
    found = split_story(message)
    assert found is not None and found.question == "他把这个过程比作看什么成长吗?"
    reply = engine.ask(message)
    assert reply.answered and "小孩" in reply.answer


def test_a_clause_about_the_asker_before_the_asking_one_is_not_asked(engine: Engine) -> None:
    message = (
        "穆拉蒂走的时候发了一封很长的告别信。信里感谢了同事,也回顾了这几年。"
        "其中有一段讲到公司刚推出的两个模型开启了新时代。我老是分不清这些型号,她说的是哪两个?"
    )
    found = split_story(message)
    assert found is not None and found.question == "她说的是哪两个?"
    reply = engine.ask(message)
    assert reply.answered and "o1" in reply.answer and "4o" in reply.answer


def test_a_clause_about_the_asker_that_leads_into_a_colon_keeps_what_follows_it() -> None:
    found = split_story(
        "那几天的新闻我全看了。真的很乱。我只想核对一件事:微软说要请Altman去带新团队,那是几号?"
    )
    assert found is not None and found.question == "微软说要请Altman去带新团队,那是几号?"


def test_asking_the_bot_to_confirm_asks_what_follows(engine: Engine) -> None:
    message = (
        "my coworker and i were going over the openai board drama over lunch. he says the custom gpts "
        "announcement is what set ilya off. could you remind me which day devday took place?"
    )
    found = split_story(message)
    assert found is not None and found.question == "which day devday took place?"
    reply = engine.ask(message)
    assert reply.answered and "11月6日" in reply.answer


def test_a_last_question_that_only_asks_the_reader_to_agree_is_not_the_question(engine: Engine) -> None:
    for aside in ("谁能想到呢?", "你说这公司以后还能稳住吗?", "是不是有点夸张?"):
        message = "这两天在地铁上一直刷OpenAI的八卦。高管一个接一个跑。舒尔曼走了以后去了哪家公司?" + aside
        found = split_story(message)
        assert found is not None and found.question == "舒尔曼走了以后去了哪家公司?", aside
        assert aside in found.told
    reply = engine.ask(message)
    assert reply.answered and "Anthropic" in reply.answer


def test_a_trailing_right_in_english_is_not_the_question() -> None:
    found = split_story(
        "spent the weekend reading about openai. so many exits. who replaced mira as cto? wild, right?"
    )
    assert found is not None and found.question == "who replaced mira as cto?"


def test_a_last_sentence_asking_whether_anyone_knows_is_not_the_question(engine: Engine) -> None:
    for last in ("有人知道吗?", "谁记得?", "Anybody know?"):
        message = "午休时跟同事聊到OpenAI的人事变动。走的人真不少。雷克辞职后加入了哪家公司?" + last
        found = split_story(message)
        assert found is not None and found.question == "雷克辞职后加入了哪家公司?", last
    reply = engine.ask(message)
    assert reply.answered and "Anthropic" in reply.answer


def test_a_remarks_question_marks_do_not_make_it_the_question(engine: Engine) -> None:
    # "that's probably why…??" and "这就是为什么…??" explain; the request after them asks, "?" or not.
    message = (
        "so my cousin works in vc and keeps telling me about the openai drama. he says ilya was the "
        "one who pushed the board to fire sam. honestly that's probably why ilya ended up leaving in "
        "may?? anyway what company did ilya start after he left"
    )
    found = split_story(message)
    assert found is not None and found.question == "what company did ilya start after he left"
    assert "Safe Superintelligence" in engine.ask(message).answer
    found = split_story(
        "我室友一直在追OpenAI的新闻。她说Murati走的那天还有两个人一起宣布离开。"
        "大概这就是为什么大家说OpenAI元老走光了??反正我想知道,McGrew走之前在OpenAI干了几年"
    )
    assert found is not None and found.question == "McGrew走之前在OpenAI干了几年"


def test_a_marked_request_is_not_passed_over_for_an_earlier_or_later_remark() -> None:
    # 好几个 is no question word; 多久 is one; "大家都在猜…什么" after the question has no "?".
    found = split_story(
        "我对这位研究主管很有兴趣。文章说他对好几个模型都有贡献。我想问一下,McGrew在OpenAI待了多久?"
    )
    assert found is not None and found.question == "McGrew在OpenAI待了多久?"
    found = split_story(
        "最近在读Anthropic的新闻。看到说Jan Leike去了那边。我一直在想这件事。"
        "我想知道他在Anthropic向谁汇报?大家都在猜他下一步会做什么"
    )
    assert found is not None and found.question == "他在Anthropic向谁汇报?"


def test_two_questions_in_a_row_are_both_answered_each_with_how_it_was_read_and_its_sources(
    engine: Engine,
) -> None:
    message = (
        "上周看了篇讲Murati离职的报道。说她在OpenAI待了六年多。"
        "我想问两件事:她出生在哪个国家?另外,她是哪一年加入OpenAI的?"
    )
    found = split_story(message)
    assert found is not None and found.question == "她是哪一年加入OpenAI的?"
    assert found.also is not None and found.also.question == "她出生在哪个国家?"
    reply = engine.ask(message)
    assert reply.answered and "阿尔巴尼亚" in reply.answer and "2018" in reply.answer
    assert "按“Murati出生在哪个国家?”理解" in reply.answer
    assert "按“Murati是哪一年加入OpenAI的?”理解" in reply.answer
    assert {"a003-murati-born", "a003-murati-joins-openai"} <= set(reply.fact_ids)
    assert len({s.quote for s in reply.sources}) >= 2


def test_of_two_questions_the_one_the_articles_answer_is_answered(engine: Engine) -> None:
    # The articles name no husband: the last question alone would be declined.
    message = (
        "上周看了篇讲Murati离职的报道。说她在OpenAI待了六年多。"
        "我想问两件事:她出生在哪个国家?另外,她丈夫叫什么名字?"
    )
    reply = engine.ask(message)
    assert reply.answered and "阿尔巴尼亚" in reply.answer
    # ... and the other is not dropped in silence: the reply says the articles do not say it.
    answered, _ = reply.answer.split("这几篇文章没有提到这一点", 1)
    assert "丈夫" in answered.rsplit("\n\n", 1)[-1]


def test_the_article_a_question_cites_is_context_not_its_subject(engine: Engine) -> None:
    # "那篇讲Schulman跳槽的文章里说": where it was read; its names are not what is asked.
    reply = engine.ask(
        "最近在补OpenAI的新闻。群里有人在争。那篇讲Schulman跳槽的文章里说马斯克又起诉了OpenAI,他之前是几月撤诉的?"
    )
    assert reply.read_as == "马斯克又起诉了OpenAI,他之前是几月撤诉的?" and "6月" in reply.answer
    # The cited article is told context: the 他 of the question is whom it was about.
    reply = engine.ask("最近在补OpenAI的新闻。群里有人在争。讲Leike辞职的那篇文章里说,他后来加入了哪家公司?")
    assert reply.read_as == "Leike后来加入了哪家公司?" and "Anthropic" in reply.answer
    found = split_story(
        "spent the weekend catching up on openai. so many exits. in the article about ilya's fundraising, "
        "which vc firms backed xai?"
    )
    assert found is not None and found.question == "which vc firms backed xai?"


def test_a_pointer_at_a_pair_is_the_pair_the_story_named_not_everyone_it_named(engine: Engine) -> None:
    reply = engine.ask(
        "i was reading about the board fight last night. helen toner and ilya both voted against sam "
        "apparently. what did the two of them accuse him of? need it for a discord debate"
    )
    assert reply.read_as == "what did helen toner and ilya accuse him of?"
    reply = engine.ask("最近在看OpenAI的旧闻。Murati和McGrew是同一天宣布离开的。這兩位各自在OpenAI待了多久?")
    assert reply.read_as == "Murati和McGrew各自在OpenAI待了多久?"


def test_this_one_after_a_sentence_that_brings_someone_in_by_a_title_is_them(engine: Engine) -> None:
    # "有一位联合创始人…去了Anthropic" brings in someone unnamed; "这位" is them, found by what
    # the sentence tells of them.
    reply = engine.ask(
        "我在整理OpenAI的人事时间线。有一位联合创始人2024年8月去了Anthropic,据说是想专注对齐研究。"
        "这位到底是谁?我想顺便查查他的背景。"
    )
    assert reply.fact_id == "entity:schulman" and reply.read_as == "约翰·舒尔曼到底是谁?"
    reply = engine.ask(
        "昨天团队分享会聊到OpenAI的研究团队。有一位华人研究员接替了McGrew的位置。大家都说他很厉害。这位是在哪里读的大学?"
    )
    assert reply.read_as is not None and reply.read_as.startswith("陈信翰") and "MIT" in reply.answer


def test_two_questions_in_one_sentence_are_both_answered(engine: Engine) -> None:
    message = (
        "spent the weekend reading about openai's safety drama. jan leike quit in may and wrote a long "
        "thread about it. which company did he join after that, and who does he report to there?"
    )
    found = split_story(message)
    assert found is not None and found.question == "who does he report to there?"
    assert found.also is not None and found.also.question == "which company did he join after that"
    reply = engine.ask(message)
    assert reply.answered and "Anthropic" in reply.answer and "卡普兰" in reply.answer
    reply = engine.ask(
        "最近在追OpenAI的人事新闻。Murati走的时候写了很长的告别信。她是哪一年加入OpenAI的,另外她之前在哪家公司做产品?"
    )
    assert reply.answered and "2018" in reply.answer and "特斯拉" in reply.answer
