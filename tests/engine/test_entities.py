"""Finding who a question is about: exact names, typos, names by ear, described people, pronouns."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from bot.engine.answer import Engine
from bot.engine.entities import FUZZY_CJK_CUTOFF
from bot.engine.normalise import normalise
from bot.text import to_simplified


@pytest.mark.parametrize(
    ("key", "entity"),
    [
        ("sutskevr去哪了", "sutskever"),
        ("chatgtp有多少用户", "chatgpt"),
        ("穆拉帝为什么走", "murati"),
        # As near 马克陈 (Mark Chen) as 马斯克 by ratio; a typo keeps the other characters in place.
        ("马期克怎么评价奥特曼", "musk"),
        ("超级对其团队占了多少算力", "superalignment"),  # one character wrong in a team's name
    ],
)
def test_typos_in_names_are_resolved(engine: Engine, key: str, entity: str) -> None:
    assert entity in engine.matcher.find_entities(key)[0]


def test_typo_matching_does_not_turn_common_words_into_team_names(engine: Engine) -> None:
    # "对齐团队现" is one character from 超对齐团队, but is not a typo of it.
    assert engine.matcher.find_entities("schulman提到对齐团队现在由谁领导")[0] == ["schulman"]
    assert engine.matcher.find_entities("schulman走了以后对齐团队是谁在领导")[0] == ["schulman"]


@pytest.mark.parametrize("question", ["Murati会加入Perplexity吗?", "OpenAI打算什么时候IPO?"])
def test_a_latin_name_the_articles_never_use_is_declined(engine: Engine, question: str) -> None:
    analysis = engine.matcher.analyse(normalise(question).key)
    assert analysis.foreign
    assert not engine.ask(question).answered


def test_latin_spellings_meet_the_fact_base(engine: Engine) -> None:
    analysis = engine.matcher.analyse(normalise("OpenAI为什么选gpt3.5").key)
    assert "gpt-3.5" in analysis.tokens and not analysis.foreign
    assert engine.ask("OpenAI为什么选gpt3.5").answered


def test_a_year_no_fact_mentions_is_declined(engine: Engine) -> None:
    assert not engine.ask("2026年Murati在做什么?").answered
    assert engine.ask("Murati 2018年担任什么职位?").answered  # a year the articles use


def test_a_misspelt_surname_next_to_a_known_name_is_part_of_it(engine: Engine) -> None:
    analysis = engine.matcher.analyse(normalise("barret zof在openai管啥").key)
    assert "zoph" in analysis.entities
    assert "zof" not in analysis.tokens and not analysis.foreign


def test_asking_someones_other_name_lists_the_names_the_articles_use(engine: Engine) -> None:
    reply = engine.ask("陈信翰的英文名叫什么?")
    assert reply.answered and "Mark Chen" in reply.answer
    # cited where two of the names stand together
    assert "陈信翰" in reply.sources[0].quote and "Mark Chen" in reply.sources[0].quote
    traditional = engine.ask("Mark Chen的中文全名是什麼?")
    assert "陳信翰" in traditional.answer and "名字" in traditional.answer
    # The entity file lists misspellings to match them; they are not names the articles use.
    assert "穆拉帝" not in engine.ask("穆拉蒂的英文全名是什么?").answer


def test_a_long_name_missing_one_character_is_still_that_person(engine: Engine) -> None:
    assert engine.matcher.find_entities("奥尔曼被炒那天")[0] == ["altman"]
    assert engine.matcher.find_entities("苏克维在推文里说了什么")[0] == ["sutskever"]
    # Three-character names are not shortened: two characters name too many things.
    assert engine.matcher.find_entities("马克说了什么", fuzzy=True)[0] != ["musk"]
    reply = engine.ask("阿尔曼被董事会开除是哪天?")
    assert reply.answered and "17" in reply.answer


def test_a_name_found_by_likeness_does_not_also_yield_its_neighbour(engine: Engine) -> None:
    # 奥尔德曼 is Altman; its tail 尔德曼 is not also a misspelt 舒尔曼, and 和舒尔 is no name.
    assert engine.matcher.find_entities("奥尔德曼是谁")[0] == ["altman"]
    assert engine.matcher.find_entities("奥尔德曼和舒尔门")[0] == ["altman", "schulman"]
    assert engine.matcher.find_entities("以利亚是谁")[0] == ["sutskever"]


@pytest.mark.parametrize("question", ["他在哪一年离开的?", "她什么时候走的", "When did he leave?"])
def test_a_pronoun_with_no_one_named_asks_who_is_meant(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert not reply.answered and reply.kind == "not_covered" and reply.suggestions
    assert "名字" in to_simplified(reply.answer)


def test_a_title_only_one_person_held_names_that_person(engine: Engine) -> None:
    analysis = engine.matcher.analyse(normalise("那位前CTO在2016年跳去了哪家新创?").key)
    assert analysis.described == ("murati",) and "murati" in analysis.entities
    assert "Leap Motion" in engine.ask("那位前CTO在2016年跳去了哪家新创?").answer
    # A who-question asks for the holder, who is then the answer, not its subject.
    assert "弗莱尔" in engine.ask("今年6月上任的CFO是谁?").answer
    # A title several people held (CEO: Altman, and Murati and Shear for a while) names no one,
    # and neither does a title at another company.
    assert not engine.matcher.analyse(normalise("董事会想找谁来当CEO?").key).described
    assert not engine.matcher.analyse(normalise("xAI的CTO是谁?").key).described
    # "senior vice president" is not a president (Brockman's title).
    assert not engine.matcher.analyse(
        normalise("Who is the new senior vice president of research?").key
    ).described


def test_a_common_english_word_is_not_a_company_name(engine: Engine) -> None:
    # 联亚光电 is LandMark Optoelectronics; "a landmark paper" is not about it.
    assert engine.matcher.find_entities("which landmark paper did sutskever see first")[0] == ["sutskever"]


def test_words_set_before_a_name_only_point_at_the_person(engine: Engine) -> None:
    analysis = engine.matcher.analyse(normalise("那个华人PM Peter Deng以前在哪家公司当产品经理?").key)
    assert "华人" not in analysis.tokens and "pm" not in analysis.tokens
    assert "Facebook" in engine.ask("那個華人PM Peter Deng 之前是在哪間公司?").answer


def test_the_first_person_a_question_names_is_whom_it_is_about(engine: Engine) -> None:
    # What Murati said about leaving does not say what Nadella said about it.
    assert not engine.ask("What did Satya Nadella say about Mira Murati leaving OpenAI?").answered
    assert engine.ask("What did Mira Murati say about leaving OpenAI?").answered


def test_a_question_about_someone_it_only_describes_is_asked_of_that_person(engine: Engine) -> None:
    reply = engine.ask("那个在内部活动上烧掉“不对齐AI”木雕的科学家，他当年师从谁？")
    assert reply.answered and "辛顿" in reply.answer
    assert (
        "联亚光电"
        in engine.ask("接替Bob McGrew当研究高级副总裁的那个华人，他爸以前是哪家公司的董事长？").answer
    )
    # The description finds the person; what is asked must still be in the articles.
    assert not engine.ask("那个在内部活动上烧掉“不对齐AI”木雕的科学家，他老婆是谁？").answered


def test_a_four_letter_typo_of_a_name_in_a_chinese_question(engine: Engine) -> None:
    assert "sutskever" in engine.matcher.analyse(normalise("Ilia 什么时候离开OpenAI的?").key).entities
    # In English four letters a letter from a name are too often a word of their own.
    assert "sutskever" not in engine.matcher.analyse(normalise("Ilia left when?").key).entities


@pytest.mark.parametrize(
    ("key", "entity", "how"),
    [
        ("穆拉蒂为什么走", "murati", "exact"),
        ("sutskevr去哪了", "sutskever", "typo"),
        ("穆拉提为什么走", "murati", "typo"),
        ("奥尔曼为什么被解雇", "altman", "shortened"),  # 奥尔特曼 less a character
        ("艾美特是谁", "shear", "by_ear"),  # ai mei te for 埃米特, ai mi te,
    ],
)
def test_the_entities_stage_says_how_each_name_was_found(
    engine: Engine, key: str, entity: str, how: str
) -> None:
    found = engine.matcher.entity_finder.find(key)
    assert found.found_by[entity] == how
    assert "\x00" in found.residual


def test_exact_names_only_when_fuzzy_search_is_off(engine: Engine) -> None:
    found = engine.matcher.entity_finder.find("穆拉提和sutskevr", fuzzy=False)
    assert found.entities == [] and found.found_by == {}


def test_a_person_described_by_a_title_is_found_as_described(engine: Engine) -> None:
    analysis = engine.matcher.analyse(normalise("那位前CTO在2016年跳去哪家新创?").key)
    assert dict(analysis.found_by)["murati"] == "described"


@given(st.data())
def test_a_window_the_character_filter_skips_is_near_no_name(engine: Engine, data: st.DataObject) -> None:
    """The typo search compares a window with names only when it may be near one: a window it
    skips is near no person's name of its length."""
    finder = engine.matcher.entity_finder
    size = data.draw(st.sampled_from(sorted(finder._cjk_aliases)))
    names = finder._cjk_aliases[size]
    pool = "".join(sorted(finder._cjk_alias_chars[size])) + "的是在了和说他她们"
    window = data.draw(st.text(alphabet=pool, min_size=size, max_size=size))
    if not finder.may_be_near_a_name(window):
        assert process.extractOne(window, names, scorer=fuzz.ratio, score_cutoff=FUZZY_CJK_CUTOFF) is None


def test_the_character_filter_lets_typos_through(engine: Engine) -> None:
    finder = engine.matcher.entity_finder
    assert finder.may_be_near_a_name("穆拉提")  # two of three characters of 穆拉蒂
    assert not finder.may_be_near_a_name("的是了")


@given(st.data())
def test_the_windows_near_a_name_of_a_run_are_those_of_each_window(
    engine: Engine, data: st.DataObject
) -> None:
    """The typo search counts a run's characters in names once, not window by window: the
    same windows pass as when each is counted on its own."""
    finder = engine.matcher.entity_finder
    size = data.draw(st.sampled_from(sorted(finder._cjk_aliases)))
    pool = "".join(sorted(finder._cjk_alias_chars[size]))[:40] + "的是在了和说他她们"
    run = data.draw(st.text(alphabet=pool, min_size=0, max_size=3 * size))
    near = finder.windows_near_a_name(run, size)
    assert near == [finder.may_be_near_a_name(run[s : s + size]) for s in range(len(run) - size + 1)]
