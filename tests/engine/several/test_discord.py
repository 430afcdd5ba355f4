"""Answers of several facts render on Discord within its limits, in the asker's script."""

from __future__ import annotations

import pytest

from bot.discord.render import reply_embed
from bot.engine.answer import Engine
from tests.helpers import assert_within_limits


@pytest.mark.parametrize(
    "question",
    ["哪些人离开了OpenAI?", "OpenAI的創始團隊成員都有誰?", "2023年11月发生了什么?", "四天换了哪四个CEO?"],
)
def test_lists_and_digests_fit_an_embed(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.answered and reply.answer_kind != "fact"
    embed = reply_embed(reply, engine)
    assert_within_limits(embed)
    assert embed.description and embed.description.splitlines()[0] in reply.answer


def test_a_traditional_list_stays_traditional(engine: Engine) -> None:
    reply = engine.ask("OpenAI的創始團隊成員都有誰?")
    assert reply.script == "traditional" and "創始團隊" in reply.answer and "创始团队" not in reply.answer
