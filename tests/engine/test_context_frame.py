"""The discourse frame of the last turn: what it asked and of whom, which a bare follow-up asks
again ("为什么?", "why tho", "點解會咁?"), and what its answer told, whose reason a bare why may
ask for.

Written about people and events that no studied evaluation row uses, in several scripts and in
English."""

from __future__ import annotations

from bot.engine.answer import Engine, Reply
from bot.engine.context import Turn
from bot.engine.conversation import read_as_line
from bot.text import to_simplified


def ask(engine: Engine, *conversation: str) -> Reply:
    *history, question = conversation
    return engine.ask(question, history=history)


def read_as(reply: Reply) -> str:
    assert reply.read_as is not None, reply.answer
    return to_simplified(reply.read_as)


# -- a question word with words that ask nothing more -------------------------------------------


def test_why_tho_reasks_the_last_english_question(engine: Engine) -> None:
    reply = ask(engine, "when did ilya leave openai?", "why tho")
    assert read_as(reply) == "why did ilya leave openai?"


def test_how_come_keeps_the_auxiliary_of_a_yes_no_question(engine: Engine) -> None:
    reply = ask(engine, "did helen toner leave the board?", "how come lol")
    assert read_as(reply) == "why did helen toner leave the board?"


def test_what_day_was_that_asks_the_day_of_the_last_question(engine: Engine) -> None:
    reply = ask(engine, "what did altman say about mcgrew and zoph leaving?", "what day was that?")
    assert read_as(reply).startswith("what day did altman say")
    assert "that" not in read_as(reply).split("leaving")[-1]


def test_an_emoji_after_why_is_no_question_of_its_own(engine: Engine) -> None:
    reply = ask(engine, "Leike有没有离开OpenAI?", "为啥呀😅")
    assert read_as(reply) == "Leike为啥离开OpenAI?"
    assert reply.answered


def test_a_cantonese_yes_no_question_asked_why_in_cantonese(engine: Engine) -> None:
    # 係咪 makes the question yes-or-no; 會咁 ("would be so") asks nothing more.
    reply = ask(engine, "Leike係咪離開咗OpenAI?", "點解會咁?")
    assert to_simplified(reply.read_as or "") == "Leike点解离开咗OpenAI?"


def test_why_after_two_people_asks_of_both(engine: Engine) -> None:
    # Both written in the last question: the why is of the two together, no one to ask about.
    reply = ask(engine, "Altman和Brockman是不是一起去了微软?", "为什么?")
    assert reply.decline_reason != "ambiguous_referent"
    assert "Altman和Brockman为什么" in read_as(reply)


def test_why_after_a_where_question_is_why_they_went_not_a_broken_question(engine: Engine) -> None:
    # Not "Schulman为啥家公司": the reason for what the answer told.
    reply = ask(engine, "Schulman去了哪家公司?", "为啥啊?")
    assert "为啥家" not in read_as(reply)
    assert reply.fact_id == "a000-schulman-why-leave"


def test_a_bare_why_is_never_answered_as_a_question_of_its_own(engine: Engine) -> None:
    # Its reading in context declined, "點解會咁?" alone matches a fact that says why of
    # someone else (Altman's equity).
    reply = ask(engine, "Murati係咪喺特斯拉做過?", "點解會咁?")
    assert reply.read_as is not None
    assert reply.fact_id is None or "murati" in engine.base.by_id[reply.fact_id].entities


# -- a bare why asks the reason for what the answer told ----------------------------------------


def test_why_of_an_answer_is_the_reason_quoted_beside_it(engine: Engine) -> None:
    told = Turn("马斯克2024年2月有没有起诉OpenAI?", ("musk", "openai"), fact="a000-musk-first-suit-feb")
    assert engine.context.why_of(told, english=False) == "马斯克为什么起诉OpenAI?"


def test_why_of_an_answer_with_no_reason_of_its_words_is_none(engine: Engine) -> None:
    # Where she was born has no reason in the articles; her resignation's reason is no answer.
    told = Turn("Murati在哪出生?", ("murati",), fact="a003-murati-born")
    assert engine.context.why_of(told, english=False) is None


# -- the reading is written in the asker's script -----------------------------------------------


def test_a_reading_in_taiwan_script_writes_shenme_in_full(engine: Engine) -> None:
    # OpenCC simplifies 么 alone to 幺; the reading is still 為什麼, not 為什么.
    assert "為什麼" in read_as_line("穆拉蒂为什么离职?", "traditional", "tw")
    assert "係" in read_as_line("佢係邊個?", "traditional", "hk")


# -- a question for a person's name: the answer's person is whom a pronoun points at -------------


def test_he_after_a_name_asked_by_description_is_the_person_answered(engine: Engine) -> None:
    # Murati is named in the description; the one asked for is who 他 is.
    reply = ask(engine, "接替Murati当CTO的那个人叫什么?", "他之前是做什么的?")
    assert "murati" not in read_as(reply).casefold() and "穆拉蒂" not in read_as(reply)


def test_he_after_an_unanswered_name_question_is_no_one_named_in_it(engine: Engine) -> None:
    # The articles do not name Altman's "good brother": 佢 is that unknown one, not Altman.
    reply = ask(engine, "Altman那个好兄弟叫咩名?", "佢幾時入OpenAI㗎?")
    assert not reply.answered and reply.decline_reason == "unknown_referent"


# -- a time told relative to the last turn's date -------------------------------------------------


def test_the_next_day_is_the_day_after_the_answered_event(engine: Engine) -> None:
    # Shear's appointment is dated 2023-11-19; what happened asks of the day, no one glued on.
    reply = ask(engine, "Emmett Shear哪天当上OpenAI CEO的?", "第二天发生了什么?")
    assert read_as(reply) == "2023年11月20日发生了什么?"
    assert reply.answered


def test_cantonese_that_day_is_the_date_the_answer_gave(engine: Engine) -> None:
    reply = ask(engine, "OpenAI开发者大会是哪天?", "嗰日Ilya做咗咩?")
    assert read_as(reply).startswith("2023年11月6日")


def test_years_later_count_from_the_year_the_question_wrote(engine: Engine) -> None:
    reply = ask(engine, "Karpathy 2017年离开OpenAI后去了哪?", "两年后他又做了什么?")
    assert "2019年" in read_as(reply) and "两年" not in read_as(reply)


def test_english_the_day_after_is_written_as_a_date(engine: Engine) -> None:
    reply = ask(engine, "when did mcgrew leave?", "what happened the day after?")
    assert read_as(reply) == "what happened on September 27, 2024?"


def test_english_that_year_is_the_year_of_the_answer(engine: Engine) -> None:
    reply = ask(engine, "when did anthropic get founded?", "who else left openai that year?")
    assert read_as(reply) == "who else left openai in 2021?"


def test_a_day_is_not_made_up_from_a_date_known_to_the_month(engine: Engine) -> None:
    # Leike's resignation is dated to the month: 那天 stays as written, and its 那 too.
    reply = ask(engine, "Leike哪天宣布离职的?", "那天还有谁宣布离职?")
    assert "那天" in read_as(reply) and "日" not in read_as(reply).replace("那天", "")


def test_cantonese_who_else_that_year_is_asked_of_no_one_in_particular(engine: Engine) -> None:
    # 仲有邊個 asks who else: the year is carried, not Ilya glued on as its subject.
    reply = ask(engine, "Ilya幾時離開OpenAI?", "同一年仲有邊個走咗?")
    assert read_as(reply) == "2024年仲有边个走咗?"


# -- "which of them" after a list answer: filtered by the roles of the answer's people ----------


def test_which_of_them_held_a_title_is_the_one_whose_roles_say_so(engine: Engine) -> None:
    # Clark and Amodei left in 2021; only Amodei's roles hold a co-founder's title.
    reply = ask(engine, "哪几个人2021年离开OpenAI去了Anthropic?", "他们之中谁是联合创始人?")
    assert read_as(reply).startswith("达里奥·阿莫迪")
    assert "联合创始人" in to_simplified(reply.answer)


def test_a_title_at_a_named_organisation_is_held_there(engine: Engine) -> None:
    # Amodei co-founded Anthropic; asked of OpenAI's co-founders among the 2021 leavers, no one
    # of them is picked for a title held elsewhere: the roles must be at OpenAI.
    group = ("jack-clark", "amodei")
    assert engine.context._holding(group, "他们之中谁是openai的联合创始人") == group
    assert engine.context._holding(group, "他们之中谁是联合创始人") == ("amodei",)


# -- "那X呢?" with an item the fact base has no entry for -----------------------------------------


def test_an_unlisted_item_takes_the_place_of_the_thing_last_asked_about(engine: Engine) -> None:
    # Codex is no entity of the fact base: it replaces ChatGPT, and Murati stays.
    reply = ask(engine, "Murati在OpenAI领导过ChatGPT吗?", "那Codex呢?")
    assert read_as(reply) == "Murati在OpenAI领导过Codex吗?"
    assert reply.answered and "Codex" in reply.answer


def test_an_unlisted_item_in_english_replaces_the_product(engine: Engine) -> None:
    reply = ask(engine, "did murati lead chatgpt at openai?", "what about codex?")
    assert "codex" in read_as(reply).casefold() and "chatgpt" not in read_as(reply).casefold()


# -- a relative time is kept only when the answer falls on the date it stands for ---------------


def test_the_day_after_is_not_answered_with_the_day_before(engine: Engine) -> None:
    # McGrew left 2024-09-26: the day after has no event of his, and that day's is not it.
    reply = ask(engine, "McGrew哪天宣布离职的?", "第二天他做了什么?")
    assert not reply.answered, reply.answer
    assert reply.decline_reason == "relative_date_mismatch"


def test_cantonese_the_day_after_is_not_answered_with_the_day_before(engine: Engine) -> None:
    reply = ask(engine, "Zoph幾時話走?", "跟住嗰日佢做咗咩?")
    assert not reply.answered, reply.answer


def test_a_date_told_relative_keeps_only_answers_on_that_date(engine: Engine) -> None:
    # Altman's firing (2023-11-17) answers of its day and its year, and of no other.
    from bot.engine.conversation import _on_the_date

    fired = Reply(question="", kind="answer", answer="", script="simplified", fact_id="a001-altman-fired")
    assert _on_the_date(engine, fired, "2023-11-17").answered
    assert _on_the_date(engine, fired, "2023").answered
    assert not _on_the_date(engine, fired, "2023-11-18").answered
    assert not _on_the_date(engine, fired, "2024").answered
    declined = _on_the_date(engine, fired, "2022")
    assert declined.decline_reason == "relative_date_mismatch" and not declined.sources


def test_no_date_is_taken_from_an_answer_about_something_else_than_asked(engine: Engine) -> None:
    # A turn asking of Ilya and Tesla, answered with a fact of neither: its date dates nothing.
    turn = Turn("Ilya什么时候加入特斯拉?", ("sutskever", "tesla"), fact="a003-murati-leap-motion")
    assert engine.context.reference_date(turn) is None
    asked = Turn("Altman哪天被解雇的?", ("altman",), fact="a001-altman-fired")
    assert engine.context.reference_date(asked) == "2023-11-17"


def test_same_day_as_someone_does_not_point_back_at_the_last_turn(engine: Engine) -> None:
    turn = Turn("When was Altman fired?", ("altman",), fact="a001-altman-fired")
    read = engine.context.resolve("who resigned on the same day as McGrew?", [turn])
    assert read.dated is None
    assert engine.context.resolve("who resigned on the same day?", [turn]).dated is not None


def test_chinese_same_day_as_someone_does_not_point_back_at_the_last_turn(engine: Engine) -> None:
    turn = Turn("Altman哪天被解雇的?", ("altman",), fact="a001-altman-fired")
    assert engine.context.resolve("和Zoph同一天离职的还有谁?", [turn]).dated is None
    assert engine.context.resolve("跟佢同一年走咗嘅仲有边个?", [turn]).dated is None
    assert engine.context.resolve("同一天还有谁离职?", [turn]).dated is not None


def test_a_count_of_years_in_tens_is_read_whole(engine: Engine) -> None:
    reply = ask(engine, "Karpathy 2017年离开OpenAI后去了哪?", "过了十二年后他做了什么?")
    assert "2029年" in read_as(reply) and "十" not in read_as(reply)
