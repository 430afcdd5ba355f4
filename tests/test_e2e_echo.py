"""End to end, user text is never echoed raw: no mention, custom emoji, markdown, masked link, URL
or line break a user typed reaches a reply; a title says what the answer is about."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.discord.client import SagaBot
from bot.discord.render import answer_topic
from bot.engine.answer import Engine
from tests.fakediscord import CHANNEL_MESSAGE, EPHEMERAL, FakeDiscord

# Everything a user can type that must not come back as typed.
HOSTILE = (
    "<@1234> <@&5678> <#42> <:pepe:987654321> @everyone **粗体** __下划线__ ||剧透|| "
    "[点我](https://evil.example/x) https://evil.example/y `code`\n第二行"
)
RAW_MARKS = [
    re.compile(p)
    for p in (
        r"<@[!&]?\d+>",
        r"<#\d+>",
        r"<a?:\w+:\d+>",
        r"@everyone",
        r"https?://",
        r"\*\*",
        r"__",
        r"\|\|",
        r"`",
    )
]


def texts(data: dict[str, Any]) -> list[str]:
    """Every piece of text a payload shows: content, embed title, description, fields, footer."""
    found = [data.get("content") or ""]
    for embed in data.get("embeds") or []:
        found += [
            embed.get("title", ""),
            embed.get("description", ""),
            embed.get("footer", {}).get("text", ""),
        ]
        found += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    found += [b.get("label") or "" for row in data.get("components") or [] for b in row["components"]]
    return found


def assert_nothing_raw(data: dict[str, Any]) -> None:
    for text in texts(data):
        for mark in RAW_MARKS:
            assert not mark.search(text), (mark.pattern, text)


@pytest.mark.parametrize("question", ["奥特曼什么时候被解雇？", "今天吃什么？"])
async def test_a_reply_titles_what_it_is_about_never_the_raw_question(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine, question: str
) -> None:
    user = fake_discord.add_user("asker")
    message = await fake_discord.send_message(f"{HOSTILE} {question}", author=user)
    reply = await fake_discord.reply_to(message)
    assert_nothing_raw(reply.body)
    (embed,) = reply.body["embeds"]
    assert "\n" not in embed["title"]
    assert embed["title"] == answer_topic(engine.ask(f"{HOSTILE} {question}"), engine)

    interaction = await fake_discord.slash(
        "ask", [{"name": "question", "type": 3, "value": f"{HOSTILE} {question}"}], user=user
    )
    assert_nothing_raw((await fake_discord.followup(interaction)).body)


@pytest.mark.parametrize(
    ("command", "option"),
    [("who", "person"), ("timeline", "person"), ("on", "date"), ("timeline", "from")],
)
async def test_a_refusal_does_not_echo_what_was_typed(
    fake_discord: FakeDiscord, saga: SagaBot, command: str, option: str
) -> None:
    user = fake_discord.add_user("typist")
    interaction = await fake_discord.slash(
        command, [{"name": option, "type": 3, "value": HOSTILE}], user=user
    )
    refusal = await fake_discord.callback(interaction)
    assert refusal.body["type"] == CHANNEL_MESSAGE
    assert refusal.body["data"]["flags"] == EPHEMERAL
    assert_nothing_raw(refusal.body["data"])
    assert "粗体" in refusal.body["data"]["content"]  # what is left of it, sanitised, is still shown
