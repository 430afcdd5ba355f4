"""The frame detector: each cue routes its kind, and single-fact questions route nothing."""

from __future__ import annotations

import pytest

from bot.engine.rules import Cue, catalogue
from bot.engine.several.frame import CUES, SEVERAL_ASKED, Frame, detect
from bot.text import to_simplified


@pytest.mark.parametrize(
    ("question", "frame"),
    [
        ("ilya和leike谁先走的?", Frame.ORDER),
        ("哪个创始人最早离开openai?", Frame.ORDER),
        ("altman被炒到微软宣布请他,中间隔了几天?", Frame.DURATION),
        ("zoph在openai待了多久?", Frame.DURATION),
        ("llama 3.1发布跟xai融资,边样嘢先?", Frame.ORDER),
        ("openai成立和特斯拉成立哪个在前", Frame.ORDER),
        ("altman先回总部,还是董事会先开会?", Frame.ORDER),
        ("a、b同c,边个最早走?", Frame.ORDER),
        ("她毕业后隔多久进了特斯拉?", Frame.DURATION),
        ("撤诉之后几个月又起诉了?", Frame.DURATION),
        ("微软扮演了什么角色?", Frame.DIGEST),
        ("哪些人跳槽去了anthropic?", Frame.LIST),
        ("which people left openai in 2024?", Frame.LIST),
        ("边几个离开咗openai?", Frame.LIST),
    ],
)
def test_cues(question: str, frame: Frame) -> None:
    assert detect(question) == frame


@pytest.mark.parametrize(
    "question",
    ["穆拉蒂什么时候离职的?", "openai 最早那11个创始人是怎么来的", "schulman为什么离开openai?"],
)
def test_single_fact_questions_route_nothing(question: str) -> None:
    assert detect(question) is None


# -- every cue is named data of the rule catalogue, and its examples are tests --


def _cue_examples() -> list[object]:
    return [
        pytest.param(cue, text, fires, id=f"{cue.name}{'+' if fires else '-'}{text}")
        for cue in CUES
        for fires, texts in ((True, cue.fires_on), (False, cue.not_on))
        for text in texts
    ]


@pytest.mark.parametrize(("cue", "text", "fires"), _cue_examples())
def test_a_several_fact_cue_fires_on_its_examples_only(cue: Cue, text: str, fires: bool) -> None:
    # The frames read the question as SeveralFacts.answer does: simplified and case-folded.
    assert (cue.pattern.search(to_simplified(text).casefold()) is not None) is fires


def test_every_several_fact_cue_is_named_once_has_examples_and_is_in_the_catalogue() -> None:
    assert len({cue.name for cue in CUES}) == len(CUES)
    assert all(cue.fires_on and cue.not_on and cue.doc and cue.reads == "question text" for cue in CUES)
    listed = catalogue()
    assert all(f"### {cue.name}\n" in listed for cue in CUES)


def test_no_cue_names_the_home_organisation() -> None:
    # The home organisation is domain data (facts/domain.yaml), never a word of a cue.
    assert not [cue.name for cue in CUES if "openai" in cue.pattern.pattern]


@pytest.mark.parametrize(
    "question",
    [
        "为什么去年那么多研究员纷纷离开超级对齐团队?",  # words between why and "so many"
        "点解上个月咁多员工签名?",
        "why did so many employees sign the letter",
    ],
)
def test_why_so_many_asks_for_reasons_whatever_stands_between(question: str) -> None:
    # Many cases have more than one reason: a digest of them, even when one fact leads.
    assert detect(question) == Frame.DIGEST
    assert SEVERAL_ASKED.search(question)


def test_why_with_a_quantity_that_is_not_many_cases_is_not_a_digest() -> None:
    assert detect("openai有这么多钱为什么还要融资") is None
