"""End to end, what a reply says once: each article once with its quotes under it, a conflict's
figures only in the answer, suggestions only as buttons, a short decline, a timeline that names
each source of an event once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.discord.client import SagaBot
from bot.discord.render import article_heading
from bot.engine import labels
from bot.engine.answer import Engine, Reply
from bot.engine.script import detect_script
from bot.text import to_script
from tests.fakediscord import CHANNEL_MESSAGE, FakeDiscord


def find_reply(engine: Engine, wanted: Callable[[Reply], bool]) -> tuple[str, Reply]:
    """A question of the fact base whose reply is `wanted`, and that reply."""
    for fact in engine.base.by_id.values():
        question = fact.questions[0]
        reply = engine.ask(question, override=detect_script(question) or "simplified")
        if wanted(reply):
            return question, reply
    raise AssertionError("no such reply in the fact base")


async def reply_body(fake: FakeDiscord, question: str) -> dict[str, Any]:
    message = await fake.send_message(question, author=fake.add_user("asker"))
    body: dict[str, Any] = (await fake.reply_to(message)).body
    return body


async def test_an_article_cited_twice_is_named_once(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    question, reply = find_reply(
        engine, lambda r: not r.conflict and len({s.article for s in r.sources}) < len(r.sources)
    )
    (embed,) = (await reply_body(fake_discord, question))["embeds"]
    articles = list(dict.fromkeys(s.article for s in reply.sources))
    firsts = [next(s for s in reply.sources if s.article == a) for a in articles]
    assert [f["name"] for f in embed["fields"]] == [article_heading(s) for s in firsts]
    for field, article in zip(embed["fields"], articles, strict=True):
        quotes = dict.fromkeys(s.quote for s in reply.sources if s.article == article)
        assert field["value"] == "\n".join(f"「{q}」" for q in quotes)
    assert "footer" not in embed


async def test_a_conflict_shows_its_figures_once(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    question, reply = find_reply(engine, lambda r: r.conflict)
    (embed,) = (await reply_body(fake_discord, question))["embeds"]
    assert embed["description"] == reply.answer
    (field,) = embed["fields"]
    assert field["name"] == to_script(labels.SOURCES, reply.script) and "「" not in field["value"]


async def test_a_decline_is_short_and_its_suggestions_are_buttons(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    question = "Sam Altman的妻子是谁？"
    reply = engine.ask(question)
    assert reply.kind == "not_covered" and reply.suggestions
    body = await reply_body(fake_discord, question)
    (embed,) = body["embeds"]
    assert embed["description"] == labels.NOT_COVERED
    assert not embed.get("fields")
    labels_shown = [b.get("label") for row in body["components"] for b in row["components"]]
    assert labels_shown[: len(reply.suggestions)] == list(reply.suggestions)


async def test_a_timeline_entry_names_each_source_once(fake_discord: FakeDiscord, saga: SagaBot) -> None:
    user = fake_discord.add_user("reader")
    seen_pages = 0
    interaction = await fake_discord.slash("timeline", user=user)
    callback = await fake_discord.callback(interaction)
    assert callback.body["type"] == CHANNEL_MESSAGE
    message = callback.response["resource"]["message"]
    while True:
        (embed,) = message["embeds"]
        seen_pages += 1
        for field in embed["fields"]:
            cited = [line for line in field["value"].split("\n") if line.startswith("— ")]
            assert len(cited) == len(set(cited))
        following = [
            b
            for row in message["components"]
            for b in row["components"]
            if ":next:" in b["custom_id"] and not b.get("disabled")
        ]
        if not following:
            break
        press = await fake_discord.press(message, following[0]["custom_id"], user=user)
        message = (await fake_discord.callback(press)).response["resource"]["message"]
    assert seen_pages > 1
