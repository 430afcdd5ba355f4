"""Answers of several facts render on Discord within its limits, in the asker's script."""

from __future__ import annotations

import pytest

from bot.discord.render import reply_embed
from bot.discord.scripts import Reader
from bot.engine.answer import Engine
from bot.exts.lookup.timeline import timeline_source
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


@pytest.mark.parametrize(
    "question", ["离开OpenAI的人都去了哪些地方?", "Who were OpenAI's eleven original founders?"]
)
def test_the_longest_lists_render_whole(engine: Engine, question: str) -> None:
    # The longest several-fact answers of every question set: one short line an item, with its
    # articles, whole in the description (nothing cut), the quotes beside within the total.
    reply = engine.ask(question)
    embed = reply_embed(reply, engine)
    assert_within_limits(embed)
    assert embed.description == reply.answer
    assert all(len(line) < 200 for line in reply.answer.splitlines())


def test_the_discord_timeline_of_a_range_leaves_coarse_dates_out(engine: Engine) -> None:
    # "Peter Deng joined in 2023" and "Musk founded xAI in 2023" are not inside 16-20 November.
    pages = timeline_source(engine, "|2023-11-16|2023-11-20", Reader("simplified", engine.variant))
    names = [field.name or "" for page in pages for field in page.fields]
    assert names and names[0].startswith("2023-11-16")
    assert all(name[:10] >= "2023-11-16" and name[:10] <= "2023-11-20" for name in names)


def test_a_list_of_facts_renders_within_limits_in_the_askers_script(engine: Engine) -> None:
    reply = engine.ask("托納覺得員工力挺Altman回來有哪幾個理由?")
    assert reply.answer_kind == "list" and reply.script == "traditional"
    embed = reply_embed(reply, engine)
    assert_within_limits(embed)
    assert embed.description and "相關的幾條" in embed.description and "相关" not in embed.description
