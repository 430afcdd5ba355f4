"""Normalising input, and input the engine must survive: bad, huge, arbitrary text."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine.answer import Engine
from bot.engine.normalise import normalise
from bot.engine.script import detect_script
from bot.factbase.loader import FactBase
from bot.text import to_simplified
from tests.helpers import REPLY_FIELDS

# The scorer's artefact pattern: pinyin after a character, a `?` that ate a tone mark, U+FFFD.
ARTEFACT = re.compile(
    r"[\u3400-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)|\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{2,6}|\ufffd"
)


def test_normalise_strips_mentions_markup_and_invisible_characters() -> None:
    n = normalise("<@123456789> @everyone **穆拉蒂**\u200b什麼時候\x07離職？ <#42> https://x.com/a")
    assert "123456789" not in n.display and "everyone" not in n.display and "http" not in n.display
    assert n.key == "穆拉蒂什么时候离职"
    assert normalise("ＭＩＲＡ　ＭＵＲＡＴＩ").key == "mira murati"


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


def test_courtesy_around_a_question_changes_nothing(engine: Engine) -> None:
    plain = engine.ask("Leike认为OpenAI必须转型为什么样的公司?")
    polite = engine.ask("请问一下,Leike认为OpenAI必须转型为什么样的公司呀?")
    assert plain.answered and polite.answered and polite.fact_id == plain.fact_id
    analysed = engine.matcher.analyse(normalise("我想知道一下穆拉蒂什么时候离职呀").key)
    assert not analysed.residual.startswith("我想") and not analysed.residual.endswith("呀")


def test_a_text_normalised_again_is_not_worked_out_again(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stages normalise one message's text several times (the conversation stage, the
    engine, its sentences again and again): the work is done once a text, and the result is the
    one worked out afresh."""
    import bot.engine.normalise as normalise_module

    # A long message no other test asks, so nothing has normalised it yet.
    message = "穆拉蒂什么时候离职的?她后来去了哪里?" * 60 + "斯图尔特"
    display = normalise_module.display_form(message)
    simplified = to_simplified(display)
    fresh = normalise_module.Normalised(
        message, display, simplified, normalise_module.matching_key(simplified)
    )
    calls: list[str] = []
    display_form = normalise_module.display_form

    def counted(text: str) -> str:
        calls.append(text)
        return display_form(text)

    monkeypatch.setattr(normalise_module, "display_form", counted)
    engine.ask(message)
    assert message in calls
    assert Counter(calls).most_common(1)[0][1] == 1  # the message and each of its sentences once
    assert normalise(message) == fresh


@pytest.mark.parametrize(
    ("key", "read"),
    [
        ("leike走系因为咩", "leike走是因为咩"),  # before 因为
        ("toner系边一年入董事会", "toner是边一年入董事会"),  # before an interrogative
        ("佢系cto嚟嘅", "佢是cto嚟嘅"),  # before a noun phrase
        ("佢哋嘅关系系点", "佢哋嘅关系是点"),  # 关系 stays, the copula after it does not
        ("openai嘅系统同联系人", "openai嘅系统同联系人"),  # words holding 系 stay
    ],
)
def test_the_cantonese_copula_is_read_as_shi_wherever_no_word_holds_it(key: str, read: str) -> None:
    from bot.engine.normalise import read_copula

    assert read_copula(key) == read


@pytest.mark.parametrize(
    ("question", "fact"),
    [("Leike走係因為咩?", "a000-leike-criticism"), ("Schulman走係為咗咩?", "a000-schulman-why-leave")],
)
def test_a_cantonese_why_with_the_copula_reaches_the_reason(engine: Engine, question: str, fact: str) -> None:
    # 係 after the verb: OpenCC's 系 glued "走系" into one unknown word, and the why was lost.
    reply = engine.ask(question)
    assert reply.kind == "answer" and reply.fact_id == fact


@pytest.mark.parametrize(
    ("key", "read"),
    [
        ("karpathy边一年走", "karpathy哪年走"),
        ("leike是边个月走", "leike是哪个月走"),  # not 边个 (who) + 月
        ("brockman是边一日辞职", "brockman是哪天辞职"),
        ("zoph哪日走", "zoph哪天走"),
        ("murati边个星期走", "murati哪个星期走"),
        ("边个接替", "边个接替"),  # which one, no unit of time: who
        ("murati边度", "murati边度"),
    ],
)
def test_which_and_a_unit_of_time_is_one_class_read_as_when(key: str, read: str) -> None:
    from bot.engine.normalise import read_time_interrogative

    assert read_time_interrogative(key) == read


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Brockman係邊一日辭職?", "a001-brockman-resigns"),
        ("Leike係邊個月過檔Anthropic?", "a002-leike-joins-anthropic"),
    ],
)
def test_a_cantonese_which_day_or_month_asks_when(engine: Engine, question: str, fact: str) -> None:
    reply = engine.ask(question)
    assert reply.kind == "answer" and reply.fact_id == fact
