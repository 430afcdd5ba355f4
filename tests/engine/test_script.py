"""The reply's script: detected from the question, overridden, or preferred; Taiwan and Hong Kong forms."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import script
from bot.engine.answer import Engine
from bot.engine.script import choose_script, detect_script, script_counts
from bot.factbase.loader import FactBase
from bot.text import CJK_RE

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


def test_cantonese_question_is_answered_in_traditional(engine: Engine) -> None:
    reply = engine.ask("穆拉蒂點解要離開OpenAI?")
    assert reply.answered and reply.script == "traditional"
    assert "探索" in reply.answer


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=40))
def test_arbitrary_chinese_keeps_its_script(engine: Engine, text: str) -> None:
    reply = engine.ask(text)
    detected = detect_script(text)
    if detected is not None:
        assert reply.script == detected


def test_a_description_in_place_of_a_name_is_still_a_question(engine: Engine) -> None:
    # 他 refers to the co-founder the question describes; it has words enough to go on.
    reply = engine.ask("那位跳槽去Anthropic的联合创始人说他为什么走?")
    assert "名字" not in reply.answer


# -- detection without converting the text to traditional ------------------------------------

_DATA_QUESTIONS = [
    json.loads(line)["q"]
    for path in sorted((Path(__file__).resolve().parent.parent / "data").glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip() and '"q"' in line
]


def whole_text_verdict(text: str) -> str | None:
    traditional, simplified = script_counts(text)
    return "traditional" if traditional > simplified else "simplified" if simplified > traditional else None


def test_every_question_of_the_sets_gets_the_whole_text_verdict() -> None:
    assert len(_DATA_QUESTIONS) > 3000
    assert [detect_script(q) for q in _DATA_QUESTIONS] == [whole_text_verdict(q) for q in _DATA_QUESTIONS]


_TELLING = "后里只干发面台系余松云皇公一隻著衞离职時候們说說么麼这這们个個的是了"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TELLING + "Ai 0?"), max_size=12))
def test_mixed_and_phrase_dependent_text_gets_the_whole_text_verdict(text: str) -> None:
    """后 stays in 皇后 and 只 becomes 隻 in 一只: text whose verdict hangs on them is still
    judged as a whole-text conversion judges it."""
    assert detect_script(text) == whole_text_verdict(text)


def test_a_simplified_question_is_detected_without_the_s2t_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_s2t(text: str, variant: str = "tw") -> str:
        raise AssertionError("converted to traditional")

    monkeypatch.setattr(script, "to_traditional", no_s2t)
    assert detect_script("穆拉帝啥时候走的") == "simplified"
    assert detect_script("穆拉蒂什麼時候離職?") == "traditional"
    assert detect_script("他离职后去了哪里") == "simplified"


def test_the_character_tables_are_those_of_the_installed_opencc() -> None:
    """tools/build_script_chars.py made them; an OpenCC upgrade must regenerate them."""
    data = json.loads(script.SCRIPT_CHARS_FILE.read_text(encoding="utf-8"))
    assert data["opencc"] == version("opencc")
    s2t = opencc.OpenCC("s2t")
    alone = {chr(c) for c in range(0x3400, 0xA000) if s2t.convert(chr(c)) != chr(c)}
    alone |= {chr(c) for c in range(0xF900, 0xFB00) if s2t.convert(chr(c)) != chr(c)}
    assert set(data["changed"]) == alone
    assert {"后", "里", "只"} <= set(data["contextual"])
