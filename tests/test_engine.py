"""The answering engine: script, intent, conflicts, declines, bad input."""

from __future__ import annotations

import re

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine.answer import Engine
from bot.engine.lexicon import english_phrases, to_mandarin
from bot.engine.matcher import _counts
from bot.engine.normalise import normalise
from bot.engine.script import choose_script, detect_script
from bot.factbase.loader import FactBase
from bot.factbase.models import Intent
from bot.text import CJK_RE, to_simplified
from tests.helpers import REPLY_FIELDS

# The scorer's artefact pattern: pinyin after a character, a `?` that ate a tone mark, U+FFFD.
ARTEFACT = re.compile(
    r"[\u3400-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)|\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{2,6}|\ufffd"
)
TO_SIMPLIFIED = opencc.OpenCC("t2s")
TO_TRADITIONAL = opencc.OpenCC("s2tw")


def written_in(text: str, script: str) -> bool:
    """At most 2% of the Chinese characters (or one) would change under conversion to `script`."""
    converter = TO_TRADITIONAL if script == "traditional" else TO_SIMPLIFIED
    changed = sum(a != b for a, b in zip(text, converter.convert(text), strict=False))
    return changed <= max(1, 0.02 * len(CJK_RE.findall(text)))


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("穆拉蒂什麼時候離職?", "traditional"),
        ("穆拉帝啥时候走的", "simplified"),
        ("誰接替了Bob McGrew的工作?", "traditional"),
        ("Ilya去哪了", None),
        ("OpenAI", None),
        ("", None),
        ("Altman看著董事會", "traditional"),
        ("他看著我", "traditional"),  # 著 is a Taiwan form plain t2s leaves alone
        ("衞", "traditional"),  # a Hong Kong form likewise
    ],
)
def test_detect_script(text: str, script: str | None) -> None:
    assert detect_script(text) == script


def test_choose_script_falls_back_to_preference_then_simplified() -> None:
    assert choose_script("Ilya去哪了", "traditional") == "traditional"
    assert choose_script("Ilya去哪了", None, "traditional") == "traditional"
    assert choose_script("Ilya去哪了") == "simplified"
    assert choose_script("穆拉蒂什麼時候離職", "simplified") == "traditional"


def test_normalise_strips_mentions_markup_and_invisible_characters() -> None:
    n = normalise("<@123456789> @everyone **穆拉蒂**\u200b什麼時候\x07離職？ <#42> https://x.com/a")
    assert "123456789" not in n.display and "everyone" not in n.display and "http" not in n.display
    assert n.key == "穆拉蒂什么时候离职"
    assert normalise("ＭＩＲＡ　ＭＵＲＡＴＩ").key == "mira murati"


def test_traditional_question_gets_traditional_answer_and_quote(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂什麼時候離職?")
    assert reply.answered and reply.script == "traditional"
    assert "2024" in reply.answer and "9月26" in reply.answer
    assert written_in(reply.answer, "traditional")
    assert all(written_in(s.quote, "traditional") for s in reply.sources)


def test_simplified_question_quotes_a_traditional_article_in_simplified(engine: Engine) -> None:
    reply = engine.ask("Altman是哪天被董事会开除的?")
    assert reply.answered and reply.script == "simplified"
    assert "11月17" in reply.answer
    assert any(s.article == "a001" for s in reply.sources)  # a traditional article
    assert all(written_in(s.quote, "simplified") for s in reply.sources)
    assert all(s.original_quote != s.quote for s in reply.sources if s.article == "a001")


def test_script_override_and_preference(engine: Engine) -> None:
    assert engine.ask("When was Sam Altman fired?").script == "simplified"
    assert engine.ask("When was Sam Altman fired?", "traditional").script == "traditional"
    forced = engine.ask("穆拉蒂什麼時候離職?", override="simplified")
    assert forced.script == "simplified" and written_in(forced.answer, "simplified")


def test_hong_kong_variant(factbase: FactBase) -> None:
    reply = Engine(factbase, variant="hk").ask("微軟CEO是誰?")
    assert reply.script == "traditional"
    assert written_in(reply.answer, "traditional")


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


def test_asking_for_someones_background_gets_their_profile(engine: Engine) -> None:
    reply = engine.ask("kevin weil咩来头")
    assert reply.answered and "Instagram" in reply.answer


def test_cantonese_question_is_answered_in_traditional(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂點解要離開OpenAI?")
    assert reply.answered and reply.script == "traditional"
    assert "探索" in reply.answer


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


@pytest.mark.parametrize("question", ["Mark Chen的父亲叫什么名字?", "Mark Chen在OpenAI叫什么职位?"])
def test_a_name_asked_of_someone_else_is_not_their_own(engine: Engine, question: str) -> None:
    assert not (engine.ask(question).fact_id or "").startswith("entity:")


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


def test_where_someone_worked_is_answered_by_companies_the_records_do_not_list(engine: Engine) -> None:
    reply = engine.ask("Kevin Weil以前在哪些公司干过?")
    assert reply.answered and "Instagram" in reply.answer


def test_a_fact_of_another_kind_does_not_answer_a_where_question(engine: Engine) -> None:
    # The articles say Peter Deng left, not where he went.
    assert not engine.ask("Peter Deng离开后跳槽去了哪家公司?").answered
    assert engine.ask("Peter Deng离开OpenAI了吗?").answered


def test_question_phrases_are_not_content(engine: Engine) -> None:
    analysis = engine.matcher.analyse(normalise("Kevin Weil之前在哪些公司做过?").key)
    assert "公司" not in analysis.tokens and Intent.WHERE in analysis.intents
    # 在哪 must not take the 哪 of 哪家公司 and leave 家 and 公司 as content.
    analysis = engine.matcher.analyse(normalise("Peter Deng來OpenAI之前在哪家公司?").key)
    assert analysis.tokens == () and Intent.WHERE in analysis.intents
    assert "Meta" in engine.ask("Srinivas Narayanan来OpenAI之前在哪家公司任职?").answer


def test_a_question_of_two_parts_gets_both_answers(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂什么时候离职的?为什么离职?")
    assert reply.answered and "2024年9月26" in reply.answer and "探索" in reply.answer
    assert reply.question == "穆拉蒂什么时候离职的?为什么离职?"
    assert {s.article for s in reply.sources} == {"a003", "a004"} and len(reply.sources) >= 2
    # A second part that names no one is about whom the first part names.
    assert "84%" in engine.ask("openai一年收入多少 chatgpt占几成").answer


def test_a_part_that_names_no_one_is_about_the_person_the_question_names(engine: Engine) -> None:
    # "后来创办了什么公司" is Musk's company, not OpenAI's: the part inherits the person.
    reply = engine.ask("马斯克哪年离开OpenAI董事会?后来创办了什么公司?")
    assert "2018" in reply.answer and "xAI" in reply.answer


def test_a_part_asked_with_a_bare_question_word_is_answered(engine: Engine) -> None:
    # "有哪些机构参投" has no who/where cue, but 哪些 makes it a question of its own.
    reply = engine.ask("xai这次融了多少钱 有哪些机构参投")
    assert "60亿" in reply.answer and "a16z" in reply.answer


def test_a_question_asked_of_two_people_is_answered_for_each(engine: Engine) -> None:
    # No one fact compares them; one fact per person lets the asker compare.
    reply = engine.ask("穆拉蒂和麦格鲁比起来,谁在OpenAI工作得更久?")
    assert "六年半" in reply.answer and "8年" in reply.answer
    reply = engine.ask("Weil和Narayanan加入OpenAI前分别在哪家公司?")
    assert "Instagram" in reply.answer and "Meta" in reply.answer
    # With nothing asked but the comparison, there is nothing to answer for each.
    assert not engine.ask("Altman和Brockman谁更高?").answered


def test_a_part_the_articles_do_not_answer_is_not_glued_on(engine: Engine) -> None:
    # The husband part finds no fact, so the reply is the whole question's, not two parts.
    whole = engine.ask("穆拉蒂什么时候离职的?她的丈夫是谁?")
    first = engine.ask("穆拉蒂什么时候离职的?")
    assert whole.fact_id == first.fact_id
    assert whole.confidence < 1.0 and whole.answer.count("\n") == first.answer.count("\n")


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


def test_a_later_report_leads_over_the_one_it_supersedes(factbase: FactBase, engine: Engine) -> None:
    earlier = factbase.by_id["a002-ilya-whereabouts-unknown"]
    assert earlier.superseded_by is not None
    reply = engine.ask("Ilya离职后去向如何?")
    assert reply.answered and reply.fact_id == earlier.superseded_by
    assert reply.answer.startswith(factbase.by_id[earlier.superseded_by].answer)
    assert "较早的报道(2024-05-29)" in reply.answer
    assert [s.article for s in reply.sources] == ["a003", "a002"]


def test_conflicting_sources_are_both_given(engine: Engine) -> None:
    reply = engine.ask("OpenAI现在有多少员工?")
    assert reply.answered and reply.conflict
    assert "1700" in reply.answer and "1600" in reply.answer
    assert {s.article for s in reply.sources} >= {"a003", "a004"}


@pytest.mark.parametrize(
    "question",
    [
        "明天会下雨吗?",
        "推荐一部电影",
        "Python是什么?",
        "帮我写一首诗",
        "比特币现在多少钱?",
        "Dario Amodei的妻子是谁?",
    ],
)
def test_out_of_scope_is_declined_with_suggestions(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert not reply.answered
    assert reply.fact_id is None and not reply.sources
    assert 1 <= len(reply.suggestions) <= 3
    assert "没有提到" in reply.answer


def test_suggestions_are_answerable(engine: Engine) -> None:
    for suggestion in engine.ask("Dario Amodei的妻子是谁?").suggestions:
        assert engine.ask(suggestion).answered, suggestion


@pytest.mark.parametrize("greeting", ["你好", "help", "Hi", "你能做什么?"])
def test_greetings_get_help_not_a_fact(engine: Engine, greeting: str) -> None:
    reply = engine.ask(greeting)
    assert reply.kind == "help" and not reply.answered
    assert "/timeline" in reply.answer


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   \n\t ",
        "穆" * 10_000,
        "😀🎉🔥🚀",
        "\x00\x01\x02\x1b[31m",
        "Z̸̡̢̛̗̘̙̜̝̞̟̠̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̕̚a̴l̷g̵o̶",
        "<@123> <@&456> @everyone @here <#789> **__~~`||",
        "> quote\n```code```",
    ],
)
def test_bad_input_is_declined_cleanly(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert not reply.answered
    assert reply.answer
    assert isinstance(reply.to_json()["confidence"], float)


def test_huge_question_says_it_was_cut(engine: Engine) -> None:
    reply = engine.ask("请问" + "啊" * 10_000)
    assert not reply.answered and "太长" in reply.answer


def test_json_contract(engine: Engine) -> None:
    data = engine.ask("Mira Murati是哪一年出生的?").to_json()
    assert set(data) == REPLY_FIELDS
    assert data["answered"] is True and "1988" in data["answer"]
    assert 0.0 <= data["confidence"] <= 1.0
    assert set(data["sources"][0]) == {"article", "title", "outlet", "published", "quote"}


def test_no_raw_text_artefact_reaches_any_answer_or_quote(factbase: FactBase, engine: Engine) -> None:
    for fact in factbase.facts:
        for text in (fact.answer, *(c.quote for c in fact.sources)):
            assert not ARTEFACT.search(text), fact.id
    for article in factbase.articles.values():
        assert not ARTEFACT.search(article.text), article.id


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_text_never_breaks_the_engine(engine: Engine, text: str) -> None:
    normalised = normalise(text)
    assert len(normalised.display) <= 500
    assert detect_script(text) in (None, "simplified", "traditional")
    reply = engine.ask(text)
    assert reply.script in ("simplified", "traditional")
    assert 0.0 <= reply.confidence <= 1.0
    assert len(reply.suggestions) <= 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=40))
def test_arbitrary_chinese_keeps_its_script(engine: Engine, text: str) -> None:
    reply = engine.ask(text)
    detected = detect_script(text)
    if detected is not None:
        assert reply.script == detected


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


def test_cantonese_and_english_idioms_read_as_the_facts_words(engine: Engine) -> None:
    # 辭咗…份工 is 辞了…工作; "kicked out" is 罢免, not kicking.
    assert "個人原因" in engine.ask("Schulman點解辭咗OpenAI份工?").answer
    assert "辞职" in engine.ask("What did Brockman do once Altman got kicked out?").answer


def test_a_date_is_not_an_amount(engine: Engine) -> None:
    # "2023年" in an answer says when; it does not make the fact answer "how much".
    assert not engine.ask("Meta 2023年的營收是多少?").answered
    assert engine.matcher.analyse(normalise("卡帕西第一次离开openai是几几年").key).intents[0] == Intent.WHEN


def test_asking_for_the_day_is_not_answered_by_a_month(engine: Engine) -> None:
    # The round was reported "9月上旬"; no article says on which day it closed.
    assert not engine.ask("OpenAI這輪65億美元融資最後是哪一天完成的?").answered
    assert engine.ask("OpenAI这轮融资是什么时候传出的?").answered
    assert "17日" in engine.ask("奥特曼是哪一天被开除的?").answer


def test_by_what_means_is_scaffolding_not_content(engine: Engine) -> None:
    # 通过 must not lose 过 as a particle and leave 通; 方式 says what kind of answer is wanted.
    analysis = engine.matcher.analyse(normalise("奥特曼是通过什么方式被董事会解雇的?").key)
    assert Intent.HOW in analysis.intents
    assert "通" not in analysis.tokens and "方式" not in analysis.tokens
    assert "线上" in engine.ask("奥特曼是通过什么方式被董事会解雇的?").answer


def test_english_phrases_mean_what_they_say_together() -> None:
    assert english_phrases("until when is brockman on leave") == "until when is brockman  vacation "
    assert "大语言模型" in english_phrases("the next large language model")


def test_english_questions_meet_the_chinese_facts(engine: Engine) -> None:
    assert "Gantry" in engine.ask("Which startup did Vicki Cheung co-found?").answer
    assert "年底" in engine.ask("Until when is Greg Brockman taking leave?").answer


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


def test_a_role_in_place_of_a_name_is_answered_when_the_fact_uses_most_of_the_question(
    engine: Engine,
) -> None:
    reply = engine.ask("新任研究高級副總裁要跟哪位首席科學家共同領導研究部門?")
    assert reply.answered and "Pachocki" in reply.answer
    assert not engine.ask("明天会下雨吗?").answered


def test_cantonese_that_survives_simplification() -> None:
    # OpenCC simplifies 嗰 to the rare 𠮶, which the key would otherwise drop.
    key = normalise("佢走嗰陣發咗幾多條帖?").key
    assert "嗰" in key and to_mandarin(key).startswith("他走那时发了多少")


def test_colloquial_question_words_read_as_the_phrasings_write_them() -> None:
    assert to_mandarin("穆拉蒂用啥词形容奥特曼") == "穆拉蒂用什么词形容奥特曼"
    assert to_mandarin("这事咋回事") == "这事怎么回事"


def test_courtesy_around_a_question_changes_nothing(engine: Engine) -> None:
    plain = engine.ask("Leike认为OpenAI必须转型为什么样的公司?")
    polite = engine.ask("请问一下,Leike认为OpenAI必须转型为什么样的公司呀?")
    assert plain.answered and polite.answered and polite.fact_id == plain.fact_id
    analysed = engine.matcher.analyse(normalise("我想知道一下穆拉蒂什么时候离职呀").key)
    assert not analysed.residual.startswith("我想") and not analysed.residual.endswith("呀")


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


def test_a_description_in_place_of_a_name_is_still_a_question(engine: Engine) -> None:
    # 他 refers to the co-founder the question describes; it has words enough to go on.
    reply = engine.ask("那位跳槽去Anthropic的联合创始人说他为什么走?")
    assert "名字" not in reply.answer


def test_which_day_and_which_year_are_when_not_where(engine: Engine) -> None:
    for question in ("穆拉蒂是在哪天向董事会表达担忧的", "Anthropic是在哪一年创立的"):
        analysis = engine.matcher.analyse(normalise(question).key)
        assert Intent.WHEN in analysis.intents and Intent.WHERE not in analysis.intents
        assert not any(t.startswith(("天", "一年")) for t in analysis.tokens)


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


def test_a_common_english_word_is_not_a_company_name(engine: Engine) -> None:
    # 联亚光电 is LandMark Optoelectronics; "a landmark paper" is not about it.
    assert engine.matcher.find_entities("which landmark paper did sutskever see first")[0] == ["sutskever"]


def test_who_chairs_the_board_needs_a_fact_that_says_so(engine: Engine) -> None:
    assert not engine.ask("sama复职之后,新董事会主席是谁?").answered
    assert "主席" in engine.ask("Brockman除了总裁还担任什么职务?").answer


def test_a_word_inside_a_longer_word_of_the_fact_counts_for_half(engine: Engine) -> None:
    # 副总裁 is inside the fact's 研究高级副总裁; jieba keeps the compound whole.
    assert "陳信翰" in engine.ask("誰會接任OpenAI新的研究資深副總裁?").answer


def test_words_set_before_a_name_only_point_at_the_person(engine: Engine) -> None:
    analysis = engine.matcher.analyse(normalise("那个华人PM Peter Deng以前在哪家公司当产品经理?").key)
    assert "华人" not in analysis.tokens and "pm" not in analysis.tokens
    assert "Facebook" in engine.ask("那個華人PM Peter Deng 之前是在哪間公司?").answer


def test_a_part_that_names_no_one_is_about_what_its_own_sentence_names(engine: Engine) -> None:
    # The spaces around "FutureSearch 估 OpenAI" part the first clause from its names; it is
    # about them, not about the ChatGPT of the second sentence.
    answer = engine.ask("FutureSearch 估 OpenAI 年經常性收入有多少？其中 ChatGPT 付費用戶佔幾成？").answer
    assert "34億" in answer and "84%" in answer


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


def test_deciding_to_leave_asks_why_someone_left(engine: Engine) -> None:
    # Not Leike's "hardest decision" quote, which says why leaving was hard ...
    assert "分歧" in engine.ask("雷克为何选择离职?").answer
    # ... unless that is what is asked.
    assert "艰难" in engine.ask("雷克为什么说离职是很艰难的决定?").answer


def test_a_share_question_needs_a_share(engine: Engine) -> None:
    # The head count is a number of people, not what share of them are Chinese.
    assert not engine.ask("OpenAI员工里华人占了多少比例?").answered
    assert not engine.ask("女性员工占多少?").answered
    assert "15%" in engine.ask("API收入占OpenAI收入多少?").answer
    assert "84%" in engine.ask("收入里ChatGPT付费用户大概占几成?").answer


def test_a_four_letter_typo_of_a_name_in_a_chinese_question(engine: Engine) -> None:
    assert "sutskever" in engine.matcher.analyse(normalise("Ilia 什么时候离开OpenAI的?").key).entities
    # In English four letters a letter from a name are too often a word of their own.
    assert "sutskever" not in engine.matcher.analyse(normalise("Ilia left when?").key).entities


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


def test_which_programming_language_needs_one_named(engine: Engine) -> None:
    assert not engine.ask("What programming language did Ilya use for Hinton's task?").answered
    # What he wrote is stated: a language of his own.
    assert "程序语言" in engine.ask("Ilya在辛顿团队时自己写了什么程序语言?").answer
