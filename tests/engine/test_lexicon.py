"""Words: regional, colloquial, slang and English words read as the facts write them."""

from __future__ import annotations

from bot.engine.answer import Engine
from bot.engine.intents import intents_of
from bot.engine.lexicon import english_phrases, to_mandarin
from bot.engine.normalise import normalise
from bot.factbase.models import Intent


def test_cantonese_question_words_become_mandarin() -> None:
    assert to_mandarin("schulman同altman喺边度识") == "schulman同altman在哪里识"
    assert to_mandarin("穆拉蒂点解要走") == "穆拉蒂为什么要走"
    assert to_mandarin("卡帕西而家搞紧咩") == "卡帕西现在在搞什么"
    # Only whole Cantonese words: 系 alone is also the Mandarin of 关系 and 体系.
    assert to_mandarin("佢老豆系咩人") == "他父亲是什么人"
    assert to_mandarin("两人关系如何") == "两人关系如何"


def test_taiwan_words_become_what_the_facts_say() -> None:
    assert to_mandarin("财务长叫甚么") == "首席财务官叫什么"
    assert to_mandarin("在哪些社群平台做过") == "在哪些社交平台做过"


def test_regional_questions_are_answered(engine: Engine) -> None:
    assert "教授" in engine.ask("Mark Chen阿媽係做咩嘅?").answer
    tokens = engine.matcher.analyse(normalise("相關工作改由甚麼樣的編制來承擔?").key).tokens
    assert "甚么" not in tokens and "样" not in tokens
    assert "安全" in engine.ask("阿莫迪当初为什么跟OpenAI闹掰?").answer


def test_a_hyphenated_english_word_is_read_in_its_parts(engine: Engine) -> None:
    analysis = engine.matcher.analyse(
        normalise("Which was the first RLHF-trained model from Leike's team?").key
    )
    assert {"rlhf", "trained"} <= set(analysis.tokens)
    assert "InstructGPT" in engine.ask("Which was the first RLHF-trained model from Leike's team?").answer
    # A version number stays with its name: GPT-5 is not in the articles.
    assert not engine.ask("GPT-5什么时候上线?").answered


def test_colloquial_kinship_words_are_the_facts_words(engine: Engine) -> None:
    assert "联亚光电" in engine.ask("陈信翰他爸是做什么的?").answer
    assert "邱瀞德" in engine.ask("Mark Chen的妈妈是干啥的?").answer


def test_slang_finds_the_facts_words(engine: Engine) -> None:
    # Slang words join the segmenter's dictionary, so each stays whole and finds its group.
    assert "搞掉" in engine.matcher.content_tokens("董事会为啥要搞掉他")
    assert "罢免" in engine.ask("伊利亚为什么想把奥特曼搞掉?").answer
    assert "1600" in engine.ask("OAI现在有多少打工人?").answer
    assert "撤" in engine.ask("马斯克跟OpenAI打的第一场官司后来撤了吗?").answer
    assert "高速公路" in engine.ask("伊利亚打了个什么比方来讲AGI和人类?").answer
    assert "8年" in engine.ask("How many years had McGrew worked at OpenAI?").answer


def test_cantonese_and_english_idioms_read_as_the_facts_words(engine: Engine) -> None:
    # 辭咗…份工 is 辞了…工作; "kicked out" is 罢免, not kicking.
    assert "個人原因" in engine.ask("Schulman點解辭咗OpenAI份工?").answer
    assert "辞职" in engine.ask("What did Brockman do once Altman got kicked out?").answer


def test_english_phrases_mean_what_they_say_together() -> None:
    assert english_phrases("until when is brockman on leave") == "until when is brockman  vacation "
    assert "大语言模型" in english_phrases("the next large language model")


def test_english_questions_meet_the_chinese_facts(engine: Engine) -> None:
    assert "Gantry" in engine.ask("Which startup did Vicki Cheung co-found?").answer
    assert "年底" in engine.ask("Until when is Greg Brockman taking leave?").answer


def test_cantonese_that_survives_simplification() -> None:
    # OpenCC simplifies 嗰 to the rare 𠮶, which the key would otherwise drop.
    key = normalise("佢走嗰陣發咗幾多條帖?").key
    assert "嗰" in key and to_mandarin(key).startswith("他走那时发了多少")


def test_colloquial_question_words_read_as_the_phrasings_write_them() -> None:
    assert to_mandarin("穆拉蒂用啥词形容奥特曼") == "穆拉蒂用什么词形容奥特曼"
    assert to_mandarin("这事咋回事") == "这事怎么回事"


def test_households_are_counted_in_homes(engine: Engine) -> None:
    # 户 is a measure word and 人家 a household: "上千万户家庭".
    assert "千万" in engine.ask("苏茨克维说最早的AGI用电量等于几户人家?").answer


def test_slang_for_close_ties_and_venture_capital(engine: Engine) -> None:
    assert "Thrive" in engine.ask("哪两家VC和Sam Altman最要好?").answer


def test_what_someone_is_up_to_in_english_asks_who_they_are_now(engine: Engine) -> None:
    assert engine.ask("What's Karpathy up to now?").fact_id == "entity:karpathy"
    # a past "doing" asks about that time
    assert "特斯拉" in engine.ask("What was Murati doing at Tesla?").answer


def test_next_gen_is_next_generation(engine: Engine) -> None:
    assert "Orion" in engine.ask("What is OpenAI's next-gen model called?").answer


def test_a_final_project_is_a_swan_song(engine: Engine) -> None:
    assert "o1" in engine.ask("What was McGrew's swan song at OpenAI?").answer


def test_taiwan_startup_and_joining_by_going_in(engine: Engine) -> None:
    # 新创 is Taiwan's 初创; 进 a company is to join it.
    assert "Leap Motion" in engine.ask("穆拉蒂进OpenAI之前最后一份工作在哪家新创公司?").answer


def test_round_three_words_and_rules(engine: Engine) -> None:
    # "无故撤诉" says why he withdrew: for no reason given.
    assert "无故" in engine.ask("马斯克为啥撤回了第一次的诉讼?").answer
    # 使用者 is Taiwan's 用户; 待过 a company is to have worked there.
    assert "一万" in engine.ask("ChatGPT上线前员工估计会有多少使用者?").answer
    assert "Instagram" in engine.ask("Kevin Weil 以前待过哪里?").answer
    # "从多少涨到多少" counts no thing called 涨到.
    assert "770" in engine.ask("OpenAI的员工数从多少增加到多少?").answer
    assert "微软" in engine.ask("Which companies did Altman partner with?").answer


def test_coming_in_is_joining_and_being_stronger_is_strong(engine: Engine) -> None:
    # 进来 a company is to join it; 劲 (Cantonese) and 厉害 are the facts' 强.
    assert "6月" in engine.ask("Kevin Weil几月进来的?").answer
    assert "指令遵循" in engine.ask("GPT-4 同 Claude 3 比,Claude 3 有咩劲过佢?").answer


def test_cantonese_studying_and_going_to_work() -> None:
    # 读紧书 / 返紧工: "is studying" / "is at work", the facts' 读书 and 上班.
    assert to_mandarin("佢读紧书定返紧工") == "他在读书定在上班"
    assert to_mandarin("返工") == "上班"


def test_a_first_time_and_a_long_leave_in_colloquial_words(engine: Engine) -> None:
    # 头一回 is the facts' 第一次; 休长假 stays one word to jieba and is 休假.
    assert to_mandarin("头一回") == "第一次"
    reply = engine.ask("谁说这是自己九年来头一回休长假?")
    assert reply.answered and "布罗克曼" in reply.answer


def test_what_is_wrong_with_someone_is_not_where_they_are(engine: Engine) -> None:
    assert Intent.WHERE not in intents_of("伊利亚觉得奥特曼哪里有问题?")
    assert Intent.WHERE in intents_of("伊利亚后来去了哪里?")


def test_chat_exclamations_ask_nothing(engine: Engine) -> None:
    # "离谱", "无语": the asker's reaction, not a word the fact must contain.
    assert "离谱" not in engine.matcher.content_tokens("董事会居然找过对手谈合并 离谱")
    reply = engine.ask("董事会还想跟哪家公司合并来着?无语")
    assert reply.answered and "Anthropic" in reply.answer


def test_an_adverb_glued_to_a_verb_is_trimmed(engine: Engine) -> None:
    # jieba keeps "刚发" (just released) as one word, which no fact uses; 发 is the verb.
    assert engine.matcher.content_tokens("刚发的那个模型") == ["发", "模型"]


def test_a_drawn_out_interjection_is_no_word_and_no_foreign_name(engine: Engine) -> None:
    for question in ("穆拉蒂后来去哪了 hmmmm", "ummm 奥特曼被开除是哪天", "Leike的新团队做什么 ahhh"):
        analysed = engine.matcher.analyse(normalise(question).key)
        assert not analysed.foreign, question
        assert all(word.isascii() is False for word in analysed.tokens), question
    # A Latin word no fact uses is still foreign in a Chinese question.
    assert engine.matcher.analyse(normalise("OpenAI和Zorblax合作了吗").key).foreign


def test_just_is_trimmed_from_a_verb_not_from_a_word_of_its_own(engine: Engine) -> None:
    # 刚发了 is 发 (just released); 刚好 (exactly), 刚性 (rigid), 刚才 (a moment ago) are words.
    tokens = engine.matcher.content_tokens
    assert tokens("他刚发了什么") == ["发"]
    assert "刚好" in tokens("时间刚好是周五") and "刚性" in tokens("这是刚性约束")
    assert not {"好", "性"} & set(tokens("时间刚好是周五") + tokens("这是刚性约束"))
