"""The asked-slot checks of bot/engine/checks.py: a question that asks a predecessor or successor,
a first occasion, a unit or school, a full name, a tenure, a stance or what someone works on is
answered only by a fact that carries it, however close the rest of the fact is.

The questions are worded here, about other people and events than the held-out rows that showed
the gap; each decline below was an answer before its check existed.
"""

from __future__ import annotations

import pytest

from bot.engine.answer import Engine
from bot.engine.checks import (
    _FIRST_STATED,
    _SCHOOL,
    _STANCE_STATED,
    _STUDIED,
    _TWO_PART_NAME,
    _WORK_STATED,
    _holds,
    _names_a_unit,
    _role_asked,
    _states_first_of,
    _took_over,
)
from bot.engine.normalise import normalise
from bot.text import to_simplified


def _declined_by(engine: Engine, question: str) -> str | None:
    reply = engine.ask(question)
    assert not reply.answered, f"{question!r} answered with {reply.fact_id}"
    return reply.decline_reason


# -- predecessor / successor ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Kevin Weil当上首席产品官之前,OpenAI的首席产品官是谁?",  # Weil's own appointment, or another's title
        "Narayanan之后谁接任工程副总裁?",  # Weil is named beside him, as CPO, not as his successor
        "Who took over from Brockman as president?",  # the founders left name Altman as CEO
    ],
)
def test_a_predecessor_or_successor_needs_another_person_in_that_role(engine: Engine, question: str) -> None:
    assert _declined_by(engine, question) == "check:succeeded_by_another"


def test_the_successor_is_not_the_predecessors_own_appointment(engine: Engine) -> None:
    # Murati's own appointment as interim CEO was the answer; the fact naming Shear now is.
    reply = engine.ask("谁取代Murati当了临时CEO?")
    assert reply.answered and "Shear" in reply.answer


def test_a_successor_given_the_title_asked_answers(engine: Engine) -> None:
    reply = engine.ask("Altman被开除后谁接替他当了临时CEO?")
    assert reply.answered and reply.fact_id == "a001-murati-interim-ceo"


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("Friar上任之前谁管OpenAI的财务?", "friar"),
        ("谁接替了Kevin Weil?", "weil"),
        ("Pachocki之前OpenAI的首席科学家是谁?", "pachocki"),
        ("who was openai's chief scientist before jakub pachocki?", "pachocki"),
    ],
)
def test_the_person_a_succession_is_asked_of_is_read(engine: Engine, question: str, person: str) -> None:
    assert engine.matcher.analyse(normalise(question).key).slots.succession_of == person


@pytest.mark.parametrize(
    ("question", "roles"),
    [
        ("Friar上任之前OpenAI的CFO是谁?", ["cfo"]),
        ("Who took over from Brockman as president?", ["总裁"]),
        # a title set before the name says who he is, not the role asked
        ("谁接替了首席研究官McGrew?", []),
    ],
)
def test_the_role_a_succession_is_asked_in(engine: Engine, question: str, roles: list[str]) -> None:
    assert _role_asked(engine.matcher.analyse(normalise(question).key)) == roles


@pytest.mark.parametrize(
    "question",
    [
        "Murati接替了谁?",  # Shear's hiring, after her, was the answer
        "Pachocki接替了谁?",  # Mark Chen taking over from McGrew was the answer
        "Who was interim CEO before Shear?",  # Shear named after Murati was the answer
    ],
)
def test_who_came_before_needs_a_fact_that_they_were_taken_over_from(engine: Engine, question: str) -> None:
    assert _declined_by(engine, question) == "check:succeeded_by_another"


def test_whom_someone_took_over_from_is_answered_by_the_fact_saying_so(engine: Engine) -> None:
    reply = engine.ask("Mark Chen接替了谁?")
    assert reply.answered and "McGrew" in reply.answer


@pytest.mark.parametrize(
    ("question", "before"),
    [
        ("Murati接替了谁?", True),
        ("谁接替了Murati?", False),
        ("Who did Shear replace?", True),
        ("Who replaced Shear?", False),
        ("Shear的前任是谁?", True),
        ("Pachocki上任之前谁是首席科学家?", True),
        ("McGrew走了以后谁接他的班?", False),
        ("Altman被解雇后,接替他的是谁?", False),  # the one named is the one taken over from
        ("Who was Shear before OpenAI named him CEO?", False),  # who he had been
    ],
)
def test_a_succession_asks_who_came_before_or_after(engine: Engine, question: str, before: bool) -> None:
    assert engine.matcher.analyse(normalise(question).key).slots.predecessor_asked is before


@pytest.mark.parametrize(
    ("text", "successor", "predecessor", "took_over"),
    [
        ("陈信翰将成为研究高级副总裁,与雅库布合作领导研究组织,接替麦格鲁。", "陈信翰", "麦格鲁", True),
        ("陈信翰将成为研究高级副总裁,与雅库布合作领导研究组织,接替麦格鲁。", "雅库布", "麦格鲁", False),
        ("希尔取代穆拉蒂出任临时ceo", "希尔", "穆拉蒂", True),
        ("希尔取代穆拉蒂出任临时ceo", "穆拉蒂", "希尔", False),
        ("穆拉蒂的职位由希尔接任", "希尔", "穆拉蒂", True),
        ("穆拉蒂被任命为临时ceo。希尔此后加入", "穆拉蒂", "希尔", False),
        ("这是对麦格鲁的长期继任计划\n陈信翰将成为副总裁", "麦格鲁", "陈信翰", False),  # lines apart
    ],
)
def test_who_took_over_from_whom_is_read_within_a_sentence(
    text: str, successor: str, predecessor: str, took_over: bool
) -> None:
    assert _took_over(text, successor, predecessor) is took_over


def test_a_title_is_held_when_set_before_the_name_or_given_after_it() -> None:
    assert _holds("首席财务官弗莱尔(sarah friar)", "弗莱尔", "cfo")
    assert _holds("穆拉蒂(mira murati)被任命为临时ceo", "穆拉蒂", "ceo")
    assert not _holds("ceo萨姆·奥尔特曼、总裁兼联合创始人格雷格", "萨姆·奥尔特曼", "总裁")


@pytest.mark.parametrize(
    ("text", "names", "title"),
    [
        # the question's Taiwan wording, the fact's mainland one: both are the same abbreviation
        ("首席技术官穆拉蒂", "穆拉蒂", "技术长"),
        ("首席执行官奥尔特曼", "奥尔特曼", "执行长"),
        ("财务长弗莱尔", "弗莱尔", "首席财务官"),
        ("cfo弗莱尔", "弗莱尔", "财务长"),
    ],
)
def test_a_title_in_one_full_form_is_held_in_another(text: str, names: str, title: str) -> None:
    assert _holds(text, names, title)


# -- first time ------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["英伟达第一次投资OpenAI是哪一年?", "苹果第一次投资OpenAI是哪年?"])
def test_a_first_occasion_needs_a_fact_that_says_it_was_the_first(engine: Engine, question: str) -> None:
    assert _declined_by(engine, question) == "check:states_first"


@pytest.mark.parametrize(
    "question",
    [
        "Schulman第一次离开OpenAI是哪年?",  # his first meeting with Altman was the answer
        "OpenAI第一次融资是什么时候?",  # Musk's suit "早在2月" was the answer
    ],
)
def test_a_first_word_about_another_event_does_not_answer(engine: Engine, question: str) -> None:
    assert _declined_by(engine, question) == "check:states_first"


def test_a_first_meeting_in_other_words_still_answers(engine: Engine) -> None:
    reply = engine.ask("Altman和Schulman是哪年头一回碰头的?")
    assert reply.answered and reply.fact_id == "a000-altman-schulman-met-2015"


@pytest.mark.parametrize(
    ("text", "asked", "states"),
    [
        ("他与舒尔曼2015年在伯克利初次见面,谈论了最初战略", ["解雇"], False),
        ("他与舒尔曼2015年在伯克利初次见面,谈论了最初战略", ["碰面"], True),
        (
            "该公司于2019年成立了一家子公司,此后吸引了微软的外部投资",
            ["投资"],
            False,
        ),  # founded is not invested
        ("该公司成立于2015年", ["创办"], True),  # the event asked happens once
        ("早在2月,他就曾起诉该公司", ["控告"], True),
        ("他于2017年离开,2023年短暂回归后再次离职", ["离开"], True),  # the repetition dates the first
        ("这是他九年以来第一次休假。他后来离开了", ["离开"], False),  # first-ness of another sentence
        ("他再次起诉该公司,同一天另一人跳槽", ["离开"], False),  # the repetition of another event
    ],
)
def test_first_ness_is_of_the_event_asked(text: str, asked: list[str], states: bool) -> None:
    assert _states_first_of(text, asked) is states


def test_a_fact_saying_first_answers_a_first_time_question(engine: Engine) -> None:
    reply = engine.ask("Brockman是进公司以来头一回放长假吗?")
    assert reply.answered and reply.fact_id == "a000-brockman-first-leave-nine-years"


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("这是他加入公司九年以来第一次休假", True),
        ("早在今年2月,他就曾起诉", True),
        ("2015年在伯克利初次见面", True),
        ("OpenAI成立于2015年", True),  # it is founded once
        ("将以1500亿美元估值寻求65亿美元融资", False),
        ("放弃了最初的非营利使命", False),  # the first mission, not the first time
    ],
)
def test_first_ness_is_stated_by_a_word_for_it_or_an_event_that_happens_once(text: str, states: bool) -> None:
    assert bool(_FIRST_STATED.search(text)) is states


# -- a unit, a school --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["Kevin Weil在Instagram是哪个部门的?", "Which team did Weil lead at Instagram?"]
)
def test_which_team_needs_a_fact_naming_a_unit(engine: Engine, question: str) -> None:
    # His titles at Instagram and Twitter were the answer, or the applied team he leads at OpenAI:
    # no unit at Instagram (a name the base holds as a word, not an entity).
    assert _declined_by(engine, question) == "check:names_the_unit"


def test_the_head_of_a_unit_at_the_company_asked_answers_which_team(engine: Engine) -> None:
    reply = engine.ask("Which team did Narayanan lead at Meta?")
    assert reply.answered and "应用研究" in reply.answer


def test_a_unit_named_answers_which_team(engine: Engine) -> None:
    reply = engine.ask("Zaremba在OpenAI带哪个团队?")
    assert reply.answered and reply.fact_id == "a003-zaremba-now"


@pytest.mark.parametrize(
    ("clause", "names"),
    [
        ("负责语言和代码生成的团队", True),
        ("领导多模态与尖端研究部门", True),
        ("他加入辛顿团队早期", True),
        ("并加入anthropic领导一个新的团队", False),
        ("曾在谷歌担任研究科学家", False),
        ("他的团队目前正在组建中", False),
        ("曾担任meta应用研究负责人", True),  # the head of a unit names it
    ],
)
def test_a_unit_is_named_by_words_before_its_unit_word(clause: str, names: bool) -> None:
    assert _names_a_unit(clause) is names


@pytest.mark.parametrize(
    "question",
    [
        "Altman在伯克利读的哪所大学?",  # where he met Schulman was the answer: a city, no school
        "Sutskever在哪所大学跟Hinton读的博士?",
        "Brockman在哪所大学读书?",
    ],
)
def test_which_school_needs_a_fact_naming_one_studied_at(engine: Engine, question: str) -> None:
    assert _declined_by(engine, question) == "check:names_the_school"


@pytest.mark.parametrize(
    "question", ["Which university did Mark Chen do his PhD at?", "Mark Chen在哪所大学读的研究生?"]
)
def test_a_graduate_school_is_not_where_the_first_degree_was_taken(engine: Engine, question: str) -> None:
    # His MIT double degree was the answer; the articles say nothing of a graduate degree.
    assert _declined_by(engine, question) == "check:names_the_school"


def test_where_a_first_degree_was_taken_still_answers(engine: Engine) -> None:
    reply = engine.ask("Mark Chen是哪所大学毕业的?")
    assert reply.answered and "MIT" in reply.answer


@pytest.mark.parametrize(
    "question", ["Mark Chen的爸爸是哪所大学毕业的?", "Mark Chen的父亲在哪一所大学读的书?"]
)
def test_a_relatives_school_is_not_the_persons_own(engine: Engine, question: str) -> None:
    # His own MIT degree was the answer.
    assert _declined_by(engine, question) == "check:names_the_school"


@pytest.mark.parametrize(
    ("clause", "states"),
    [
        ("2012年从塞耶工程学院获得机械工程学位", True),
        ("在mit拿到数学和计算机工程双学位", True),
        ("在哈佛做访问学者", True),
        ("2015年在伯克利初次见面", False),  # a city, no studying
        ("研究生毕业后加入openai初创团队", False),  # studying, no school
        ("高中时随家人返台读书", False),  # a school by kind, not by name
    ],
)
def test_a_school_is_named_and_studied_at_in_one_clause(clause: str, states: bool) -> None:
    assert bool(_SCHOOL.search(clause) and _STUDIED.search(clause)) is states


# -- a full name ----------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["Schulman提到的Mia和Boaz姓什么?", "Schulman感谢的Jakub全名叫什么?"])
def test_a_full_name_needs_more_than_a_first_name(engine: Engine, question: str) -> None:
    # The first was answered with the fact that names Mia and Boaz, by their first names only.
    assert _declined_by(engine, question) == "check:gives_full_name"


def test_a_full_name_the_fact_writes_answers(engine: Engine) -> None:
    assert engine.ask("Sarah Friar的全名是什么?").answered


@pytest.mark.parametrize(
    ("name", "full"), [("liam fedus", True), ("莎拉·弗莱尔", True), ("mia", False), ("弗莱尔", False)]
)
def test_a_full_name_has_two_parts(name: str, full: bool) -> None:
    assert bool(_TWO_PART_NAME.fullmatch(name)) is full


# -- a tenure -------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["Sutskever在辛顿团队待了多久?", "Ilya跟着Hinton干了多久?"])
def test_how_long_someone_stayed_needs_a_span_not_a_length_of_something_else(
    engine: Engine, question: str
) -> None:
    # The anecdote of his early days with Hinton was the answer: the program "could take a whole
    # month" (一整个月) is a length, of something else.
    assert engine.matcher.analyse(normalise(question).key).slots.tenure_asked
    assert _declined_by(engine, question) == "check:states_tenure"


def test_a_tenure_the_fact_states_answers(engine: Engine) -> None:
    reply = engine.ask("Schulman在OpenAI待了多久?")
    assert reply.answered and "九年" in reply.answer


# -- an opinion -----------------------------------------------------------------------------------


def test_an_opinion_needs_a_fact_that_carries_one(engine: Engine) -> None:
    # Nadella's announcement (hiring Altman) says what Microsoft did, not what it thought.
    assert _declined_by(engine, "微软对Altman被开除怎么看?") == "check:states_stance"


@pytest.mark.parametrize(
    ("text", "carries"),
    [
        ("他对回归感到“矛盾”", True),
        ("网友调侃说:我们都知道", True),
        ("字里行间充满失望", True),
        ("微软ceo宣布,奥尔特曼将加入微软领导一个新的ai研究团队", False),
    ],
)
def test_a_stance_is_a_feeling_a_judgement_or_quoted_words(text: str, carries: bool) -> None:
    assert bool(_STANCE_STATED.search(text)) is carries


# -- what someone works on ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Zoph在Google具体做什么?", "Sutskever在SSI具体做什么?", "What exactly is Shear working on now?"],
)
def test_what_someone_works_on_is_not_where_they_work(engine: Engine, question: str) -> None:
    assert _declined_by(engine, question) == "check:states_the_work"


def test_what_a_new_team_works_on_is_answered(engine: Engine) -> None:
    reply = engine.ask("What is Leike working on at Anthropic?")
    assert reply.answered and "可扩展监督" in reply.answer


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("现为google deepmind的研究科学家", False),  # a title, not a task
        ("将致力于可扩展监督", True),
        ("负责语言和代码生成的团队", True),
        ("继续研究ai对齐", True),
    ],
)
def test_work_is_a_verb_with_its_object_not_a_title(text: str, says: bool) -> None:
    assert bool(_WORK_STATED.search(text)) is says


# -- the same asks in other styles ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "check"),
    [
        ("When did Apple first invest in OpenAI?", "check:states_first"),  # first before its verb
        ("Kevin Weil喺Instagram係邊個部門㗎?", "check:names_the_unit"),  # 邊個部門 read as 谁部门
    ],
)
def test_an_ask_worded_in_another_style_is_checked_alike(engine: Engine, question: str, check: str) -> None:
    # each was answered (a funding round; his titles at Instagram) before its cue read this style
    assert _declined_by(engine, question) == check


def test_a_successor_asked_in_cantonese_is_still_answered(engine: Engine) -> None:
    reply = engine.ask("邊個接咗McGrew個位?")
    assert reply.answered and reply.fact_id == "a003-mark-chen-svp"


def test_a_unit_asked_in_cantonese_is_answered_by_the_fact_naming_it(engine: Engine) -> None:
    reply = engine.ask("Schulman喺OpenAI帶邊個團隊㗎?")
    assert reply.answered and "后训练" in to_simplified(reply.answer)


@pytest.mark.parametrize(
    ("question", "person"), [("Kevin Weil's predecessor?", "weil"), ("邊個接咗Kevin Weil個位?", "weil")]
)
def test_a_succession_without_a_who_or_by_a_position_taken_is_read(
    engine: Engine, question: str, person: str
) -> None:
    assert engine.matcher.analyse(normalise(question).key).slots.succession_of == person
