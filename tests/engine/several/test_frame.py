"""The frame detector: each cue routes its kind, and single-fact questions route nothing."""

from __future__ import annotations

import pytest

from bot.engine.several.frame import Frame, detect


@pytest.mark.parametrize(
    ("question", "frame"),
    [
        ("ilya和leike谁先走的?", Frame.ORDER),
        ("哪个创始人最早离开openai?", Frame.ORDER),
        ("altman被炒到微软宣布请他,中间隔了几天?", Frame.DURATION),
        ("zoph在openai待了多久?", Frame.DURATION),
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
