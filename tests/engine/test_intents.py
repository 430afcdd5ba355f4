"""What kind of thing a question asks (intent) and the phrases that only frame it."""

from __future__ import annotations

import pytest

from bot.engine.answer import Engine
from bot.engine.intents import asked_nouns, intents_of
from bot.engine.normalise import normalise
from bot.factbase.models import Intent


def test_asking_for_someones_background_gets_their_profile(engine: Engine) -> None:
    reply = engine.ask("kevin weil咩来头")
    assert reply.answered and "Instagram" in reply.answer


@pytest.mark.parametrize(
    "question", ["barret zof是做什么的", "Kevin Weil是干啥的", "Mark Chen何许人也", "卡帕西現在在幹嘛"]
)
def test_what_does_someone_do_gets_their_profile(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.answered and reply.fact_id is not None and reply.fact_id.startswith("entity:")


@pytest.mark.parametrize(
    ("question", "intent"),
    [("OpenAI四大天王是哪几个人", Intent.WHO), ("OpenAI有几个创始人", Intent.HOW_MANY)],
)
def test_which_ones_asks_who_not_how_many(engine: Engine, question: str, intent: Intent) -> None:
    intents = engine.matcher.analyse(normalise(question).key).intents
    assert intent in intents and (intent == Intent.HOW_MANY or Intent.HOW_MANY not in intents)


@pytest.mark.parametrize(
    "question", ["穆拉蒂一度被推举为什么?", "苏茨克维被同事称为什么", "Friar被任命为什么"]
)
def test_a_verb_ending_in_wei_before_shenme_asks_what_not_why(engine: Engine, question: str) -> None:
    assert Intent.WHY not in engine.matcher.analyse(normalise(question).key).intents
    assert Intent.WHY in engine.matcher.analyse(normalise("穆拉蒂为什么被推举").key).intents


@pytest.mark.parametrize("question", ["舒尔曼调的模型用在哪", "奥特曼打算把心思放在哪儿", "钱都花在哪了"])
def test_put_or_used_where_asks_what_not_a_place(engine: Engine, question: str) -> None:
    assert Intent.WHERE not in engine.matcher.analyse(normalise(question).key).intents


def test_question_phrases_are_not_content(engine: Engine) -> None:
    analysis = engine.matcher.analyse(normalise("Kevin Weil之前在哪些公司做过?").key)
    assert "公司" not in analysis.tokens and Intent.WHERE in analysis.intents
    # 在哪 must not take the 哪 of 哪家公司 and leave 家 and 公司 as content.
    analysis = engine.matcher.analyse(normalise("Peter Deng來OpenAI之前在哪家公司?").key)
    assert analysis.tokens == () and Intent.WHERE in analysis.intents
    assert "Meta" in engine.ask("Srinivas Narayanan来OpenAI之前在哪家公司任职?").answer


def test_intent_decides_between_facts_about_the_same_event(engine: Engine) -> None:
    when = engine.ask("Altman什么时候被解雇的?")
    why = engine.ask("董事会为什么解雇Altman?")
    assert when.answered and why.answered
    assert when.fact_id != why.fact_id
    assert "11月17" in when.answer
    assert "坦诚" in why.answer


def test_thanks_and_attempts_say_what_for(engine: Engine) -> None:
    # "感谢Sam和Greg最初让他进入公司" answers why he thanked them; "试图让两家公司合并" why
    # the board went to Anthropic.
    assert "进入公司" in engine.ask("舒尔曼为什么感谢Sam和Greg?").answer
    assert "合并" in engine.ask("董事会为什么去找Anthropic?").answer


@pytest.mark.parametrize(
    ("question", "outlet"),
    [
        ("是哪家媒體報導OpenAI考慮授予奧特曼7%股權?", "彭博"),
        ("哪家媒体报道说米拉还在和OpenAI领导层商量离职细节?", "FT"),
    ],
)
def test_which_outlet_asks_for_the_source(engine: Engine, question: str, outlet: str) -> None:
    analysis = engine.matcher.analyse(normalise(question).key)
    assert analysis.intents == (Intent.SOURCE,)  # not "where", though 哪家 usually asks it
    reply = engine.ask(question)
    assert reply.answered and outlet in reply.answer


def test_by_what_means_is_scaffolding_not_content(engine: Engine) -> None:
    # 通过 must not lose 过 as a particle and leave 通; 方式 says what kind of answer is wanted.
    analysis = engine.matcher.analyse(normalise("奥特曼是通过什么方式被董事会解雇的?").key)
    assert Intent.HOW in analysis.intents
    assert "通" not in analysis.tokens and "方式" not in analysis.tokens
    assert "线上" in engine.ask("奥特曼是通过什么方式被董事会解雇的?").answer


@pytest.mark.parametrize(
    ("question", "asks_why"),
    [
        ("Leike认为OpenAI必须转型为什么样的公司", False),
        ("Leike认为什么最重要", False),
        ("Leike为什么离开", True),
        ("他因为什么离开", True),
    ],
)
def test_what_kind_of_is_not_why(engine: Engine, question: str, asks_why: bool) -> None:
    intents = engine.matcher.analyse(normalise(question).key).intents
    assert (Intent.WHY in intents) == asks_why


@pytest.mark.parametrize(
    ("question", "asks_where"),
    [("布莱克威尔离开后在哪个领域工作", False), ("奥特曼住在哪个城市", True), ("舒尔曼去了哪家公司", True)],
)
def test_which_field_is_not_where_but_which_city_is(engine: Engine, question: str, asks_where: bool) -> None:
    intents = engine.matcher.analyse(normalise(question).key).intents
    assert (Intent.WHERE in intents) == asks_where


def test_which_day_and_which_year_are_when_not_where(engine: Engine) -> None:
    for question in ("穆拉蒂是在哪天向董事会表达担忧的", "Anthropic是在哪一年创立的"):
        analysis = engine.matcher.analyse(normalise(question).key)
        assert Intent.WHEN in analysis.intents and Intent.WHERE not in analysis.intents
        assert not any(t.startswith(("天", "一年")) for t in analysis.tokens)


def test_an_english_when_after_another_question_word_begins_a_clause(engine: Engine) -> None:
    asked = engine.matcher.analyse(normalise("What was OpenAI developing when Murati left?").key)
    assert Intent.WHEN not in asked.intents
    for question in ("When did Murati leave?", "Do you know when Murati left?", "What happened, and when?"):
        assert Intent.WHEN in engine.matcher.analyse(normalise(question).key).intents
    assert (
        "Orion"
        in engine.ask(
            "What is the name of the next-generation model OpenAI was developing when Murati and McGrew left?"
        ).answer
    )


def test_deciding_to_leave_asks_why_someone_left(engine: Engine) -> None:
    # Not Leike's "hardest decision" quote, which says why leaving was hard ...
    assert "分歧" in engine.ask("雷克为何选择离职?").answer
    # ... unless that is what is asked.
    assert "艰难" in engine.ask("雷克为什么说离职是很艰难的决定?").answer


@pytest.mark.parametrize(
    ("key", "intents"),
    [
        ("穆拉蒂什么时候离职", (Intent.WHEN,)),
        # "when" opening a clause after another question word asks nothing
        ("what was openai developing when murati left", ()),
        ("when did murati leave", (Intent.WHEN,)),
        # 哪家媒体 asks for the outlet, not a place
        ("哪家媒体报道了这件事", (Intent.SOURCE,)),
    ],
)
def test_the_intents_stage_reads_the_kinds_asked_from_the_key_alone(
    key: str, intents: tuple[Intent, ...]
) -> None:
    assert intents_of(key) == intents


@pytest.mark.parametrize("question", ["Altman是在哪个场合宣布人事变动的?", "他们是在哪种情况下决定合并的"])
def test_which_occasion_asks_no_place(question: str) -> None:
    assert Intent.WHERE not in intents_of(normalise(question).key)


@pytest.mark.parametrize("question", ["他在哪个城市长大?", "在哪个场合说的,那场活动在哪里办的?"])
def test_a_place_asked_beside_an_occasion_is_still_asked(question: str) -> None:
    assert Intent.WHERE in intents_of(normalise(question).key)


# -- the interrogative with its noun: 哪个模型 asks a thing, 哪年 a time, 第几 an ordinal --------


@pytest.mark.parametrize(
    ("key", "asks", "not_asks"),
    [
        ("openai是在哪个模型发布之后推出付费版的", Intent.WHAT, Intent.WHERE),
        ("舒尔曼在哪个项目上花的时间最多", Intent.WHAT, Intent.WHERE),
        ("claude是谁的竞品", Intent.WHAT, Intent.WHO),
        ("这是谁团队做的", Intent.WHAT, Intent.WHO),  # Cantonese 边个团队, read as 谁团队
        ("anthropic边年成立", Intent.WHEN, Intent.WHERE),
    ],
)
def test_the_noun_after_the_interrogative_decides_what_it_asks(
    key: str, asks: Intent, not_asks: Intent
) -> None:
    intents = intents_of(key)
    assert asks in intents and not_asks not in intents


@pytest.mark.parametrize(
    ("key", "intent"),
    [
        ("哪位高管最后离开", Intent.WHO),
        ("他去了哪家公司", Intent.WHERE),
        ("toner是在哪个播客上说的", Intent.WHERE),  # a venue is where something is said
        ("穆拉蒂的丈夫是谁", Intent.WHO),
        ("谁的妻子是医生", Intent.WHO),  # whose person is still who
    ],
)
def test_a_person_place_or_venue_noun_keeps_the_interrogatives_kind(key: str, intent: Intent) -> None:
    assert intent in intents_of(key)


def test_an_ordinal_asks_no_count() -> None:
    assert Intent.HOW_MANY not in intents_of("这是brockman第几次休假")
    assert Intent.HOW_MANY in intents_of("brockman休过几次假")


def test_where_something_was_said_is_answered_by_the_medium(engine: Engine) -> None:
    assert Intent.WHERE not in intents_of("leike是在哪里发帖说安全让位于产品的")
    reply = engine.ask("Leike是在哪里发帖说安全让位于产品的?")
    assert reply.answered and reply.fact_id == "a000-leike-criticism"


def test_which_model_is_answered_by_the_fact_naming_it(engine: Engine) -> None:
    reply = engine.ask("OpenAI是在哪个模型发布之后推出付费版的?")
    assert reply.answered


def test_bian_ending_a_word_of_place_asks_nothing() -> None:
    assert asked_nouns("他身边人都走了吗") == [] and asked_nouns("那边公司怎么样") == []
    assert asked_nouns("边间公司") == [("边间", "place", (0, 4))]


@pytest.mark.parametrize(
    "question",
    [
        "边几个人同Altman一齐去咗微软?",
        "嗰几位高管后来去了哪里?",
        "这几篇文章提到了哪些投资方?",
        "那几年Murati在哪家公司?",
        "邊幾間公司投資咗Anthropic?",
    ],
)
def test_a_determiner_before_ji_picks_some_and_asks_no_count(engine: Engine, question: str) -> None:
    # 哪/边 (which), 这/那/嗰 (these, those) before 几 pick out a few things: no how-many
    # intent and no counted unit that would veto the fact naming them
    analysis = engine.matcher.analyse(normalise(question).key)
    assert Intent.HOW_MANY not in analysis.intents
    assert not analysis.slots.units


@pytest.mark.parametrize("question", ["OpenAI投资了几间公司?", "有几多人同Altman一齐走?", "走了几个人?"])
def test_a_bare_ji_or_duoshao_still_asks_a_count(engine: Engine, question: str) -> None:
    assert Intent.HOW_MANY in engine.matcher.analyse(normalise(question).key).intents
