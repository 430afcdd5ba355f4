"""The context stage: follow-ups read against the earlier questions of a conversation."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine.answer import Engine, Reply
from bot.text import to_simplified


def ask(engine: Engine, *conversation: str) -> Reply:
    *history, question = conversation
    return engine.ask(question, history=history)


def read_as(reply: Reply) -> str:
    """The standalone question the reply says it answered ("按“…”理解:"), simplified."""
    assert reply.read_as is not None, reply.answer
    first_line = to_simplified(reply.answer.splitlines()[0])
    assert first_line.startswith("按") and first_line.endswith("理解:"), first_line
    return to_simplified(reply.read_as)


def test_a_pronoun_is_the_person_the_last_question_asked_about(engine: Engine) -> None:
    reply = ask(engine, "穆拉蒂什么时候离职的?", "那她为什么要离开?")
    assert reply.answered and reply.fact_id is not None and "murati" in reply.fact_id
    assert read_as(reply) == "穆拉蒂为什么要离开?"


def test_the_same_pronoun_without_a_conversation_asks_who_even_when_a_company_is_named(
    engine: Engine,
) -> None:
    reply = engine.ask("他为什么离开OpenAI?")
    assert not reply.answered and "谁" in reply.answer and reply.read_as is None


def test_traditional_and_cantonese_pronouns_and_the_reply_in_the_askers_script(engine: Engine) -> None:
    reply = ask(engine, "奧特曼是哪天被開除的?", "佢點解被炒?")
    assert reply.answered and reply.script == "traditional"
    assert reply.answer.startswith("按「奧特曼點解被炒?」理解:\n")
    assert reply.fact_id == "a001-board-reason"


def test_a_bare_name_swaps_the_person_and_keeps_what_was_asked(engine: Engine) -> None:
    reply = ask(engine, "Murati哪天宣布离职?", "那Brockman呢?")
    assert read_as(reply) == "Brockman哪天宣布离职?"
    assert reply.answered and reply.fact_id is not None and "brockman" in reply.fact_id


def test_a_bare_question_word_keeps_the_person_and_asks_that_instead(engine: Engine) -> None:
    reply = ask(engine, "Brockman什么时候休假?", "为什么?")
    assert read_as(reply) == "Brockman为什么休假?"
    reply = ask(engine, "伊利亚是不是离职了?", "那他后来去哪了")
    assert read_as(reply) == "伊利亚后来去哪了" and reply.answered
    assert "Safe Superintelligence" in reply.answer


def test_what_happened_next_keeps_the_person(engine: Engine) -> None:
    reply = ask(engine, "伊利亚是不是离职了?", "后来呢?")
    assert read_as(reply).startswith("伊利亚后来") and "Safe Superintelligence" in reply.answer


def test_they_after_a_list_answer_is_everyone_it_listed(engine: Engine) -> None:
    reply = ask(engine, "穆拉蒂宣布离职后还有谁走了?", "他们后来去了哪")
    assert "麦克格鲁" in read_as(reply) and "佐夫" in read_as(reply)


def test_the_other_one_is_the_other_of_a_pair_the_conversation_brought_up(engine: Engine) -> None:
    reply = ask(engine, "穆拉蒂宣布离职那天还有谁走了?", "McGrew是什么职位?", "另一个呢?")
    assert read_as(reply) == "巴雷特·佐夫是什么职位?"


@pytest.mark.parametrize(
    "conversation",
    [
        ("McGrew和Zoph是什么职位?", "他哪天走的?"),  # two people fit
        ("McGrew和Zoph是什么职位?", "另一个呢?"),
        ("OpenAI有多少员工?", "她是哪里人?"),  # no one to point at
    ],
)
def test_when_two_people_fit_or_none_it_asks_who_is_meant(
    engine: Engine, conversation: tuple[str, ...]
) -> None:
    reply = ask(engine, *conversation)
    assert not reply.answered and reply.read_as is None
    assert "哪一位" in reply.answer or "谁" in reply.answer


def test_two_people_fit_names_them_in_the_question_back(engine: Engine) -> None:
    reply = ask(engine, "McGrew和Zoph是什么职位?", "他哪天走的?")
    assert "麦克格鲁" in reply.answer and "佐夫" in reply.answer


def test_english_follow_ups(engine: Engine) -> None:
    reply = ask(engine, "when did mira murati leave?", "why?")
    assert read_as(reply) == "why did mira murati leave?" and reply.answered
    reply = ask(engine, "what's ilya up to now?", "when did he leave openai?")
    assert read_as(reply) == "when did ilya leave openai?" and "2024年5月" in reply.answer


def test_a_question_of_its_own_is_not_rewritten(engine: Engine) -> None:
    alone = engine.ask("Altman什么时候被开除的?")
    followed = ask(engine, "穆拉蒂什么时候离职的?", "Altman什么时候被开除的?")
    assert followed == alone


def test_earlier_replies_serve_as_history_like_earlier_questions(engine: Engine) -> None:
    first = engine.ask("穆拉蒂什么时候离职的?")
    assert engine.ask("那她为什么要离开?", history=[first]) == ask(
        engine, first.question, "那她为什么要离开?"
    )


def test_a_group_the_question_names_itself_is_what_they_points_at(engine: Engine) -> None:
    question = "離職員工如果不簽那份協議,OpenAI會怎麼對付他們?"
    assert ask(engine, "穆拉蒂什么时候离职的?", question) == engine.ask(question)


def test_after_a_who_question_he_is_the_answer_unless_the_asking_clause_is_about_someone(
    engine: Engine,
) -> None:
    # "谁接替了…": the one who did; "奥特曼被解雇之后,谁…": whoever did, not Altman.
    assert "奥特曼" not in read_as(ask(engine, "奥特曼被解雇之后,谁当了临时CEO?", "她原本是什么职位?"))
    # "Amodei走的时候带走了谁?": the question is still about Amodei.
    reply = ask(engine, "Dario Amodei哪一年离开OpenAI的?", "他走的时候还带走了谁?", "为什么离开?")
    assert read_as(reply) == "Dario Amodei为什么离开?"


def test_a_bare_question_word_rewrites_the_earlier_question_even_when_it_named_two_people(
    engine: Engine,
) -> None:
    reply = ask(engine, "OpenAI的超级对齐团队是谁带头成立的?", "哪一年?")
    assert read_as(reply) == "OpenAI的超级对齐团队哪一年带头成立的?" and "2023" in reply.answer


def test_of_two_names_not_said_together_the_first_is_the_subject(engine: Engine) -> None:
    # "Mark Chen是不是接替了McGrew?": about Mark Chen; "McGrew和Zoph…" names both (above).
    assert read_as(ask(engine, "Mark Chen是不是接替了McGrew?", "他在哪读的书?")).startswith("Mark Chen")


def test_an_english_question_without_a_pronoun_is_a_question_of_its_own(engine: Engine) -> None:
    reply = ask(engine, "when did mira murati leave?", "who did the board want as ceo?")
    assert reply.read_as is None


def test_english_bare_question_words_replace_the_earlier_questions_own(engine: Engine) -> None:
    earlier = "when did ilya sutskever leave openai?"
    assert read_as(ask(engine, earlier, "which year?")) == "which year did ilya sutskever leave openai?"
    assert read_as(ask(engine, earlier, "how come?")) == "why did ilya sutskever leave openai?"
    assert read_as(ask(engine, "what did altman say about ilya?", "what year?")) == (
        "what year did altman say about ilya?"
    )


def test_a_why_after_a_what_question_keeps_the_earlier_words_whole(engine: Engine) -> None:
    assert "什么" in read_as(ask(engine, "伊利亚在OpenAI做了什么?", "为什么?"))


def test_he_or_that_company_after_an_answer_that_brought_in_several_is_its_facts_first(
    engine: Engine,
) -> None:
    # The interim-CEO fact names Murati and Altman; it is about Murati.
    reply = ask(
        engine, "when did openai fire sam altman?", "who became interim ceo?", "what was her job before?"
    )
    assert "Murati" in read_as(reply)
    # The fact answering where Leike went names Anthropic, then the Superalignment team.
    assert "Anthropic" in read_as(ask(engine, "Leike去了哪家公司?", "这家公司是谁创立的?"))


_PIECES = st.sampled_from(
    [
        "他",
        "她",
        "他们",
        "佢",
        "那",
        "呢",
        "为什么",
        "哪天",
        "另一个",
        "这家公司",
        "后来呢",
        "穆拉蒂",
        "Brockman",
        "the other one",
        "he",
        "why",
        "?",
        "。",
        "那个",
        "的",
        "科学家",
        "有个",
        "\u200b",
        "<@123>",
        "**",
        "\n",
    ]
)
_TEXT = st.one_of(st.text(max_size=60), st.lists(_PIECES, max_size=12).map("".join))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=st.lists(_TEXT, max_size=4), question=_TEXT)
def test_any_conversation_gets_a_reply_whose_reading_carries_no_markup(
    engine: Engine, history: list[str], question: str
) -> None:
    reply = engine.ask(question, history=history)
    assert reply.kind in ("answer", "not_covered", "help", "empty")
    assert reply.script in ("simplified", "traditional")
    if reply.read_as is not None:  # echoed to the asker: the display form, no mentions or markup
        assert "<@" not in reply.read_as and "**" not in reply.read_as and "\u200b" not in reply.read_as


def test_earlier_questions_that_needed_no_context_are_read_once(engine: Engine) -> None:
    history = ["穆拉蒂什么时候离职的?", "那她为什么要离开?"]
    first = ask(engine, *history, "她是哪国人?")
    assert "穆拉蒂什么时候离职的?" in engine.context.standalone
    assert "那她为什么要离开?" not in engine.context.standalone  # it leaned on the one before
    assert ask(engine, *history, "她是哪国人?") == first


def test_a_he_after_a_clause_that_asks_who_is_that_clauses_answer_not_unknown(engine: Engine) -> None:
    reply = engine.ask("Twitch的前CEO是谁?他后来当了什么?")
    assert reply.answered and reply.read_as is None  # the engine's two-part reading answers it


def test_she_after_a_question_about_a_man_and_a_woman_is_the_woman(engine: Engine) -> None:
    # The who-question's subject clause names Altman; the answer brings in Murati. 她 is her,
    # by the gender the fact base gives where the articles show it.
    reply = ask(engine, "奥特曼被解雇后谁接任了临时CEO?", "她之前在特斯拉做什么?")
    assert read_as(reply) == "米拉·穆拉蒂之前在特斯拉做什么?"
    assert reply.fact_id == "a003-murati-tesla"


def test_the_gender_is_data_only_where_the_articles_show_it(engine: Engine) -> None:
    entities = engine.base.entities
    assert entities["murati"].gender == "female" and entities["altman"].gender == "male"
    assert entities["vicki-cheung"].gender is None  # the articles use no pronoun of her


def test_a_who_that_does_something_makes_its_answer_the_subject(engine: Engine) -> None:
    # "跟谁闹翻了": 谁 acts in the clause, so the one it asks for is whom "这个人" means.
    reply = ask(engine, "马斯克为了挖伊利亚跟谁闹翻了?", "这个人是哪家公司的联合创始人?")
    assert read_as(reply) == "拉里·佩奇是哪家公司的联合创始人?"
    assert reply.answered


def test_that_person_points_like_he_and_asks_who_without_a_conversation(engine: Engine) -> None:
    reply = engine.ask("那个人是哪家公司的?")
    assert not reply.answered and reply.decline_reason == "unknown_referent"


def test_the_other_one_that_is_not_someone_named_or_titled(engine: Engine) -> None:
    reply = ask(engine, "超级对齐团队是谁牵头成立的?", "另一个不是Ilya的那位为什么辞职?")
    assert read_as(reply) == "简·雷克为什么辞职?" and reply.answered
    reply = ask(engine, "OpenAI創始團隊現在只剩哪兩個人?", "不是CEO的另一位是哪国人?")
    assert read_as(reply) == "沃伊切赫·扎伦巴是哪国人?" and "波兰" in reply.answer


def test_the_other_one_of_a_list_answer_in_english(engine: Engine) -> None:
    reply = ask(engine, "who left openai in 2017?", "and the other one, the one who isn't karpathy?")
    assert reply.fact_id == "entity:blackwell" and "机器人" in reply.answer


def test_they_or_its_with_no_one_talked_about_are_the_companies_or_the_product(engine: Engine) -> None:
    reply = ask(engine, "亚马逊和谷歌跟Anthropic签了什么协议?", "他们有没有投资Anthropic?")
    assert read_as(reply) == "亚马逊和谷歌有没有投资Anthropic?" and reply.answered
    reply = ask(engine, "Claude 3 Opus在LMSYS排第几?", "佢嘅投票数高唔高?")
    assert reply.fact_id == "a002-claude3-opus-votes"


def test_the_other_one_of_an_answer_and_the_runner_up_it_showed(engine: Engine) -> None:
    # The answer is Blackwell's fact, with Karpathy's shown as 相关: the pair is theirs.
    reply = ask(engine, "2017年有哪两位创始成员离开OpenAI?", "卡帕西以外的另一个呢?")
    assert reply.fact_id == "entity:blackwell" and read_as(reply) == "特雷弗·布莱克威尔呢?"


def test_they_after_a_question_naming_two_companies_is_those_companies(engine: Engine) -> None:
    reply = ask(engine, "红杉和a16z投了OpenAI吗?", "他们还投了马斯克的哪家公司?")
    assert read_as(reply) == "红杉和a16z还投了马斯克的哪家公司?" and "xAI" in reply.answer


def test_her_before_a_noun_is_possessive_in_english(engine: Engine) -> None:
    reply = ask(engine, "who became interim ceo after altman was fired?", "what was her job before that?")
    assert read_as(reply).startswith("what was Mira Murati's job")


def test_an_english_question_without_a_pronoun_after_two_people_is_its_own(engine: Engine) -> None:
    reply = ask(
        engine, "穆拉蒂和Brockman谁在OpenAI待得更久?", "how many employees signed the letter to the board?"
    )
    assert reply.decline_reason != "ambiguous_referent" and reply.read_as is None and reply.answered


def test_why_did_he_do_that_asks_why_of_what_the_last_question_was_about(engine: Engine) -> None:
    reply = ask(engine, "伊利亚在内部活动上烧了什么?", "他为什么这么做?")
    assert read_as(reply) == "伊利亚为什么在内部活动上烧了?" and reply.fact_id == "a001-effigy-meaning"
    reply = ask(engine, "what did ilya burn at that internal event?", "why'd he do that")
    assert read_as(reply) == "why did ilya burn at that internal event?"


def test_a_why_after_a_dated_yes_or_no_question_drops_the_date(engine: Engine) -> None:
    reply = ask(engine, "Jan Leike 2024年5月是不是離開OpenAI了?", "為什麼?")
    assert read_as(reply) == "Jan Leike为什么离开OpenAI了?" and reply.answered


def test_how_someone_responded_is_to_what_the_last_question_was_about(engine: Engine) -> None:
    reply = ask(engine, "OpenAI 5月份被爆出什么离职协议的事?", "Altman怎么回应?")
    assert read_as(reply) == "OpenAI 5月份被爆出离职协议的事,Altman怎么回应?"
    assert reply.fact_id == "a004-altman-severance-response"


def test_what_happened_next_after_one_dated_event_is_their_next_event(engine: Engine) -> None:
    reply = ask(engine, "穆拉蒂哪年加入OpenAI?", "后来呢?")
    assert reply.fact_id == "a003-murati-cto" and read_as(reply).startswith("穆拉蒂")
    # Of the matter asked about first: the lawsuit's withdrawal, not xAI's funding in between.
    assert ask(engine, "Musk哪年第一次起诉OpenAI?", "后来呢?").fact_id == "a000-musk-withdrew-june"


def test_who_someone_is_asks_of_them_not_of_another(engine: Engine) -> None:
    from bot.engine.conversation import turns

    # "X係邊個嚟㗎?" / "X是谁来着?": who X is; the next 佢 is X, not someone X's fact names.
    assert not turns(engine, ["Jack Clark係邊個嚟㗎?"])[0].asked_who
    assert not turns(engine, ["Jack Clark是谁来着?"])[0].asked_who
    reply = ask(engine, "Helen Toner係邊個嚟㗎?", "佢講Altman喺安全方面點樣瞞住董事會?")
    assert reply.answered and reply.read_as is not None and reply.read_as.startswith("Helen Toner")


def test_a_question_out_of_scope_gets_no_subject_glued_on_from_the_conversation(engine: Engine) -> None:
    """With Leike's name glued on, "世界上最高的山" matched his "世界上进行这项研究的最佳场所"."""
    reply = engine.ask("世界上最高的山是哪座?", history=["Jan Leike当初为什么加入OpenAI?"])
    assert not reply.answered and reply.read_as is None, reply.answer


def test_a_whole_question_after_a_conversation_about_someone_is_answered_as_it_stands(engine: Engine) -> None:
    question = "按路透社報道，重組後非營利組織會持有營利公司什麼樣的股權？"
    history = ["今天北京天气怎么样？", "instagram出來的那個產品副總裁現在在openai幹啥"]
    assert engine.ask(question, history=history).fact_id == engine.ask(question).fact_id is not None


def test_a_time_alone_asks_the_earlier_question_at_that_time(engine: Engine) -> None:
    # "那现在呢?" names no one and has no pronoun: it changes the earlier question's time.
    reply = ask(engine, "2021年的时候OpenAI估值多少?", "那现在呢?")
    assert read_as(reply) == "现在OpenAI估值多少?"
    assert reply.answered and "1500" in reply.answer
    reply = ask(engine, "OpenAI估值多少?", "2021年呢?")
    assert read_as(reply) == "2021年OpenAI估值多少?"
    reply = ask(engine, "what was openai valued at in 2021?", "and now?")
    assert read_as(reply) == "what was openai valued at now?"


def test_a_time_alone_after_an_out_of_scope_question_stays_declined(engine: Engine) -> None:
    reply = ask(engine, "世界上最高的山是哪座?", "那现在呢?")
    assert not reply.answered


def test_they_two_is_the_pair_the_last_turn_brought_in_not_the_one_it_named(engine: Engine) -> None:
    # The answer is about Murati and shows McGrew and Zoph beside it: 他们俩 are those two.
    reply = ask(engine, "2024年9月跟Murati一起宣布要走的是哪两个人?", "他们俩在公司分别是什么职位?")
    assert read_as(reply) == "鲍勃·麦克格鲁和巴雷特·佐夫在公司分别是什么职位?"
    assert reply.answered and "首席研究官" in reply.answer and "研究副总裁" in reply.answer


def test_a_question_with_no_pronoun_after_two_people_is_not_asked_back(engine: Engine) -> None:
    # Nothing points at McGrew or Zoph: "which of them?" would ask what the asker never said.
    reply = ask(engine, "McGrew和Zoph是什么职位?", "员工知道以后有什么反应?")
    assert reply.decline_reason != "ambiguous_referent" and reply.read_as is None
    # A bare question word still asks who is meant when the earlier question has none to swap.
    assert ask(engine, "McGrew和Zoph是什么职位?", "他哪天走的?").decline_reason == "ambiguous_referent"


def test_an_english_description_before_the_pronoun_is_whom_it_points_at(engine: Engine) -> None:
    # "his" is the exec the question describes, even though it opens with "who is": no one to ask
    # about, and no conversation needed.
    assert (
        engine.context.resolve("who's the researcher that burned an effigy before his exit?", []).unclear
        is None
    )
    reply = engine.ask("who is the exec that said shipping o1 was the best way to end his time at openai?")
    # Asked for the person the description fits: answered with him (bot.engine.described).
    assert reply.answered and reply.fact_id == "entity:mcgrew"
    # A description after the pronoun describes something else: "he" is still unknown.
    assert engine.context.resolve("when did he leave the company that made chatgpt?", []).unclear == ()


def test_a_left_out_subject_after_a_question_about_a_team_is_the_team(engine: Engine) -> None:
    # The answer to the first question names people; the conversation is about the team.
    reply = ask(engine, "超级对齐团队是哪年成立的?", "为什么解散?")
    assert read_as(reply) == "超级对齐团队为什么解散?"


def test_a_neuter_pronoun_after_asking_for_a_things_name_is_that_thing(engine: Engine) -> None:
    reply = ask(engine, "Anthropic的聊天机器人叫什么名字?", "佢同GPT-4比边样强?")
    assert read_as(reply).startswith("Claude同GPT-4比")


def test_it_in_english_is_the_one_thing_the_conversation_is_about(engine: Engine) -> None:
    reply = ask(engine, "what's the name of anthropic's chatbot?", "how does it compare with gpt-4?")
    assert read_as(reply) == "how does Claude compare with gpt-4?"
    # About a person, "it" points at nothing the conversation can tell: the question stands.
    reply = ask(engine, "when did murati leave?", "is it true that brockman is on leave?")
    assert reply.read_as is None and reply.answered


def test_it_for_a_body_with_no_entry_is_the_last_questions_phrase_for_it(engine: Engine) -> None:
    reply = ask(engine, "OpenAI的非营利组织会继续存在吗?", "那它会拿到多少股权?")
    assert read_as(reply) == "OpenAI的非营利组织会拿到多少股权?"


def test_it_after_a_question_about_the_storys_home_alone_is_the_home(engine: Engine) -> None:
    reply = ask(engine, "OpenAI现在有多少员工?", "它是哪年成立的?")
    assert reply.answered and "2015" in reply.answer
    assert read_as(reply) == "OpenAI是哪年成立的?"


def test_a_description_after_the_pronoun_does_not_stop_it_pointing_back(engine: Engine) -> None:
    # "这个位置" comes after 他: it describes no one the pronoun could be.
    reply = ask(engine, "奥特曼是哪天被开除的?", "他被开除后谁接了这个位置?")
    assert read_as(reply) == "奥特曼被开除后谁接了这个位置?"
    assert reply.answered and "穆拉蒂" in reply.answer


def test_it_for_a_body_is_the_body_without_the_words_before_it(engine: Engine) -> None:
    # "被董事会" was read as the body: the phrase took any characters before the noun.
    reply = ask(engine, "Altman是被董事会赶走的吗?", "它一共有几个人?")
    assert "被董事会" not in read_as(reply)
    assert read_as(reply) == "董事会一共有几个人?"


def test_he_after_asking_who_holds_a_title_is_whoever_holds_it(engine: Engine) -> None:
    # The title found Murati in the question, so she counted as named and the pronoun went to
    # the other person her answer's fact lists (Altman).
    reply = ask(engine, "OpenAI的CTO是谁?", "那他是什么时候辞职的?")
    assert read_as(reply).startswith("米拉·穆拉蒂")


def test_that_person_in_traditional_points_like_he(engine: Engine) -> None:
    # "那個人" was found in the simplified text but replaced in the question as written, where
    # only the simplified 个 was spelt: the reading became "個人…".
    reply = ask(engine, "誰是OpenAI的首席科學家?", "那個人後來去了哪?")
    assert read_as(reply).startswith("伊利亚")
