"""The context stage's discourse model: what each earlier turn talked about (its question's
entities and its answer's, each with its kind), and a follow-up's pointers resolved by kind.

Written in wordings and about people that no studied evaluation row uses."""

from __future__ import annotations

from bot.engine.answer import Engine, Reply
from bot.engine.several.common import Item
from bot.text import to_simplified


def ask(engine: Engine, *conversation: str) -> Reply:
    *history, question = conversation
    return engine.ask(question, history=history)


def read_as(reply: Reply) -> str:
    assert reply.read_as is not None, reply.answer
    return to_simplified(reply.read_as)


# -- pointers at organisations and products, by kind ------------------------------------------


def test_cantonese_that_company_is_the_company_the_last_answer_brought_in(engine: Engine) -> None:
    # OpenCC writes 嗰 as the rare 𠮶 in simplified; the pointer is still a pointer.
    reply = ask(engine, "馬斯克2023年搞咗間咩公司?", "嗰間公司融咗幾多錢?")
    assert read_as(reply) == "xAI融咗几多钱?"
    assert reply.fact_id == "a002-xai-funding-amount"


def test_a_company_pointer_beside_the_storys_home_still_points(engine: Engine) -> None:
    # OpenAI named further back is a clause of its own, not a description of 嗰間公司.
    reply = ask(engine, "Vicki Cheung走咗之後開咗間咩公司?", "OpenAI仲有冇其他人去咗嗰間公司?")
    assert "Gantry" in read_as(reply) and "嗰" not in read_as(reply)


def test_a_product_pointer_agrees_with_the_product_the_answer_named(engine: Engine) -> None:
    reply = ask(engine, "OpenAI 2024年2月推出了什么视频模型?", "那个模型为什么一直没公开?")
    assert read_as(reply) == "Sora为什么一直没公开?"
    assert reply.fact_id == "a003-sora-delay-why"


def test_a_product_pointer_may_sit_before_another_product_the_question_names(engine: Engine) -> None:
    # GPT-4 after the pointer is what it is compared with, not what it points at.
    reply = ask(engine, "Anthropic家的聊天机器人叫什么名字?", "这个模型跟GPT-4比哪方面更强?")
    assert read_as(reply).startswith("Claude跟GPT-4比")


# -- a demonstrative and its noun are replaced whole -------------------------------------------


def test_that_person_in_cantonese_is_replaced_whole(engine: Engine) -> None:
    reply = ask(engine, "邊個做咗Twitch嘅聯合創始人?", "嗰個人喺OpenAI做咗幾耐CEO?")
    assert read_as(reply) == "埃米特·希尔喺OpenAI做咗几耐CEO?"


def test_a_bare_that_one_before_a_verb_points_at_the_person_answered(engine: Engine) -> None:
    reply = ask(engine, "谁接替了Ilya当首席科学家?", "那位是哪年加入OpenAI的?")
    assert read_as(reply) == "雅库布·帕乔基是哪年加入OpenAI的?"
    assert not reply.answered  # the articles do not say when he joined


# -- plurals: the previous answer's set of people ----------------------------------------------


def test_they_after_a_which_people_question_are_the_people_its_event_is_about(engine: Engine) -> None:
    # The answer's event names who announced it too; 他们 are those it is about.
    reply = ask(engine, "奥特曼发推宣布了哪两个人离职?", "他们之前是什么职位?")
    assert "麦克格鲁" in read_as(reply) and "佐夫" in read_as(reply)
    assert "奥特曼" not in read_as(reply)


def test_they_after_a_question_asking_which_founders_are_the_founders_it_answered(engine: Engine) -> None:
    # "founders" in the question is what its answer named, not a group "they" stands for.
    reply = ask(engine, "which two founders left in 2017?", "what did they do after leaving?")
    assert "karpathy" in read_as(reply).casefold() and "blackwell" in read_as(reply).casefold()


def test_they_after_an_answer_shown_with_a_runner_up_are_both_people_shown(engine: Engine) -> None:
    reply = ask(engine, "2017年哪两个创始人离开了OpenAI?", "他们是哪年离开的?")
    assert "布莱克威尔" in read_as(reply) and "卡帕西" in read_as(reply)


def test_which_of_them_is_the_one_the_articles_answer_it_of(engine: Engine) -> None:
    reply = ask(engine, "穆拉蒂宣布离职那天还有谁走了?", "他们两个里面谁之前在谷歌当过研究科学家?")
    assert read_as(reply) == "巴雷特·佐夫之前在谷歌当过研究科学家?"
    assert reply.fact_id == "a003-zoph-background"


def test_which_one_of_those_in_english(engine: Engine) -> None:
    reply = ask(
        engine,
        "who else quit the same day mira announced she was leaving?",
        "both of them — which one headed post-training?",
    )
    assert read_as(reply).startswith("Barret Zoph headed")
    assert reply.answered and reply.fact_id is not None and "zoph" in reply.fact_id


def test_who_of_them_did_it_first_compares_them_and_selects_no_one(engine: Engine) -> None:
    reply = ask(engine, "穆拉蒂宣布离职那天还有谁走了?", "他们俩谁先走的?")
    assert "麦克格鲁" in read_as(reply) and "佐夫" in read_as(reply)


# -- the other one: the set minus whom it is not -----------------------------------------------


def test_the_other_one_not_x_in_english_is_the_rest_of_the_answers_people(engine: Engine) -> None:
    reply = ask(engine, "穆拉蒂宣布离职那天还有谁走了?", "the other one, not zoph — what did he lead?")
    assert read_as(reply).startswith("Bob McGrew")


def test_the_other_one_of_several_left_is_the_one_the_question_fits(engine: Engine) -> None:
    # Of the CEOs of those days, two are not Murati; only one was a streaming platform's CEO.
    reply = ask(
        engine, "2023年11月那几天OpenAI先后换过哪几个临时CEO?", "不是穆拉蒂的另一个,之前在哪个直播平台当CEO?"
    )
    assert read_as(reply) == "埃米特·希尔之前在哪个直播平台当CEO?"
    assert reply.fact_id == "a001-shear-who"


# -- a company a person pointed at owns ------------------------------------------------------


def test_his_company_is_the_company_he_founded(engine: Engine) -> None:
    reply = ask(engine, "马斯克哪年离开OpenAI董事会?", "他的公司融了多少钱?")
    assert read_as(reply) == "xAI融了多少钱?"
    assert reply.fact_id == "a002-xai-funding-amount"


def test_cantonese_his_company(engine: Engine) -> None:
    reply = ask(engine, "Karpathy第二次离开OpenAI后做什么?", "佢間公司係做咩嘅?")
    assert read_as(reply) == "Eureka Labs系做咩嘅?"


def test_asking_his_companys_name_keeps_the_question_as_asked(engine: Engine) -> None:
    reply = ask(engine, "Ilya是哪年离开OpenAI的?", "他的公司叫什么?")
    assert read_as(reply) == "Ilya的公司叫什么?"
    assert reply.answered and "Safe Superintelligence" in reply.answer


# -- a short turn with no pronoun re-asks the last question's frame ----------------------------


def test_a_bare_place_swaps_the_place_and_keeps_the_person_and_the_ask(engine: Engine) -> None:
    reply = ask(engine, "穆拉蒂在特斯拉做什么?", "那在Leap Motion呢?")
    assert read_as(reply) == "穆拉蒂在Leap Motion做什么?"
    assert reply.fact_id == "a003-murati-leap-motion"


def test_a_bare_name_with_a_space_in_it_swaps_the_person(engine: Engine) -> None:
    reply = ask(engine, "Schulman去了哪家公司?", "那Jan Leike呢?")
    assert read_as(reply) == "Jan Leike去了哪家公司?"


def test_a_bare_name_with_another_final_particle(engine: Engine) -> None:
    reply = ask(engine, "Schulman去了哪家公司?", "Leike咧?")
    assert read_as(reply) == "Leike去了哪家公司?"


def test_a_bare_name_after_a_who_question_swaps_whom_the_question_named(engine: Engine) -> None:
    # Its subject is the answer (Mark Chen), which the question does not write: the name
    # takes the place of the one it named.
    reply = ask(engine, "who replaced mcgrew?", "and ilya?")
    assert read_as(reply) == "who replaced ilya?"


def test_a_bare_name_asks_the_same_kind_of_event_of_them_when_the_words_do_not_reach(engine: Engine) -> None:
    # "Karpathy是哪天走人的?" is declined as worded; Zoph's answer was a departure, so the
    # follow-up asks Karpathy's departure, when, in the articles' own words.
    reply = ask(engine, "Zoph是哪天走人的?", "Karpathy呢?")
    assert read_as(reply) == "Karpathy什么时候离开OpenAI?"
    assert reply.fact_id == "a003-karpathy-left"


def test_the_same_kind_of_event_keeps_what_was_asked(engine: Engine) -> None:
    # A departure's fact asked "where did he go" is no answer to "when did he leave".
    reply = ask(engine, "McGrew哪天宣布离职的?", "那Schulman呢?")
    assert "去哪" not in read_as(reply) and "去了哪" not in read_as(reply)


def test_the_reading_shown_keeps_the_traditional_characters_the_asker_wrote(engine: Engine) -> None:
    # 係 (Cantonese "is") simplified and back would be 系.
    reply = ask(engine, "Karpathy第二次离开OpenAI后做什么?", "佢間公司係做咩嘅?")
    assert reply.answer.startswith("按「Eureka Labs係做咩嘅?」理解:\n")


# -- a named term the last turn quoted ---------------------------------------------------------


def test_that_nickname_is_the_term_the_last_answer_quoted(engine: Engine) -> None:
    reply = ask(engine, "Ilya的导师是谁?", "这个外号说的是谁?")
    assert read_as(reply) == "AI教父这个外号说的是谁?"
    assert reply.answered and "辛顿" in reply.answer


def test_that_phrase_is_the_term_the_last_question_quoted(engine: Engine) -> None:
    reply = ask(engine, "文章里的「宫斗大戏」指的是什么?", "这个说法是谁先用的?")
    assert read_as(reply).startswith("宫斗大戏这个说法")


# -- a demonstrative points at whom the answer brought in; a pronoun keeps the topic ----------


def test_that_person_is_whom_the_last_answer_brought_in(engine: Engine) -> None:
    reply = ask(engine, "Ilya的老师是谁?", "那个人被外界叫作什么?")
    assert read_as(reply) == "杰弗里·辛顿被外界叫作什么?"


def test_he_after_the_same_question_keeps_whom_it_was_about(engine: Engine) -> None:
    reply = ask(engine, "Ilya的老师是谁?", "他在OpenAI做什么?")
    assert read_as(reply) == "Ilya在OpenAI做什么?"


# -- 各自 / each: every one of the group answered ----------------------------------------------


def test_each_of_them_is_answered_one_line_each(engine: Engine) -> None:
    reply = ask(engine, "2017年哪两个创始人离开了OpenAI?", "他们后来各去了哪?")
    assert reply.answered and reply.fact_id == "several:each"
    lines = reply.answer.splitlines()
    assert lines[0].startswith("按") and len(lines) == 3
    assert "机器人" in reply.answer and "Eureka Labs" in reply.answer


def test_each_of_them_in_english(engine: Engine) -> None:
    reply = ask(engine, "which two founders left in 2017?", "what is each of them doing now?")
    assert reply.answered and reply.fact_id == "several:each"
    assert "Eureka Labs" in reply.answer and "机器人" in reply.answer


# -- a plural is no one person ----------------------------------------------------------------


def test_they_after_a_company_and_its_one_leader_is_the_company(engine: Engine) -> None:
    reply = ask(engine, "Anthropic的CEO是谁?", "他们的聊天机器人叫什么?")
    assert read_as(reply) == "Anthropic的聊天机器人叫什么?"
    assert reply.answered and "Claude" in reply.answer


def test_they_in_english_after_a_company_and_its_one_leader(engine: Engine) -> None:
    reply = ask(engine, "who runs anthropic?", "what chatbot do they make?")
    assert read_as(reply) == "what chatbot do anthropic make?"


# -- an earlier who-question that was not answered ---------------------------------------------


def test_he_after_an_unanswered_who_question_is_the_unknown_one_asked_for(engine: Engine) -> None:
    # The articles do not say who took over the team at Tesla: "他" is that successor, not
    # Karpathy, so the bot asks who is meant rather than answer about Karpathy.
    reply = ask(engine, "Karpathy走了以后,谁接手了他在特斯拉的团队?", "他是哪年加入特斯拉的?")
    assert not reply.answered and reply.decline_reason == "unknown_referent"
    assert reply.read_as is None


def test_english_he_after_an_unanswered_who_question_is_no_one_named(engine: Engine) -> None:
    reply = ask(
        engine,
        "after leike went to anthropic, who took over the superalignment team?",
        "when did he join openai?",
    )
    assert not reply.answered and reply.decline_reason == "unknown_referent"


def test_a_company_pointer_after_an_unanswered_who_question_still_points(engine: Engine) -> None:
    # Only a person is unknown: the company the question named is still there to point at.
    reply = ask(engine, "谁是Gantry的第一个投资人?", "这家公司是谁创办的?")
    assert "Gantry" in read_as(reply)


def test_a_pointer_is_not_the_company_the_follow_up_itself_names(engine: Engine) -> None:
    # "they" is not Anthropic in "did they sign … with anthropic": rather than read it as
    # "Anthropic … with Anthropic", the bot asks who is meant.
    reply = ask(
        engine,
        "which tech giants put money into anthropic?",
        "did they sign a cloud deal with anthropic too?",
    )
    assert reply.read_as is None or reply.read_as.casefold().count("anthropic") == 1, reply.read_as


# -- a list answer's people are whom its items' events are about -------------------------------


def test_a_list_items_people_are_its_events_subjects_not_whoever_it_names_first(engine: Engine) -> None:
    # The item opens with Nadella, who announced; it is about the two who would join Microsoft.
    fact = engine.base.by_id["a001-nadella-microsoft"]
    item = Item(fact.answer, fact.date, (fact.id,), ())
    listed = Reply(
        "微软那天说要招揽哪几个人?",
        "answer",
        fact.answer,
        "simplified",
        0.5,
        answer_kind="list",
        items=(item,),
    )
    reply = engine.ask("不是Altman的另一个是什么职位?", history=[listed])
    assert read_as(reply).startswith("格雷格·布罗克曼")
