"""End to end, conversations on Discord: a reply to one of the bot's answers continues that
answer's conversation (also after a restart); other questions continue the same user's recent
questions in the same channel; a pressed suggestion is a question asked."""

from __future__ import annotations

from typing import Any

from bot.discord.client import SagaBot
from bot.engine import labels
from bot.engine.answer import Engine
from tests.conftest import SagaRunner
from tests.fakediscord import FakeDiscord

READ_AS_MURATI = labels.READ_AS.format(question="穆拉蒂为什么要离开?")


def description(reply: Any) -> str:
    (embed,) = reply.body["embeds"]
    return str(embed.get("description", ""))


async def test_a_reply_to_an_answer_continues_its_conversation_even_after_a_restart(
    fake_discord: FakeDiscord, saga_runner: SagaRunner
) -> None:
    user = fake_discord.add_user("asker")
    saga = await saga_runner.start()
    first = await fake_discord.send_message("穆拉蒂什么时候离职的?", author=user)
    answer = await fake_discord.reply_to(first)
    await saga_runner.stop(saga)  # what the process remembered is gone; the database stays

    await saga_runner.start()
    follow_up = await fake_discord.send_message(
        "那她为什么要离开?", author=user, mention_bot=False, reply_to=answer.response
    )
    assert description(await fake_discord.reply_to(follow_up)).startswith(READ_AS_MURATI)


async def test_recent_questions_of_the_same_user_in_the_channel_are_the_context(
    fake_discord: FakeDiscord, saga: SagaBot
) -> None:
    asker, other = fake_discord.add_user("asker"), fake_discord.add_user("other")
    await fake_discord.reply_to(await fake_discord.send_message("穆拉蒂什么时候离职的?", author=asker))

    mine = await fake_discord.send_message("那她为什么要离开?", author=asker)
    assert description(await fake_discord.reply_to(mine)).startswith(READ_AS_MURATI)
    # Someone else's "她" is not the asker's Murati: the bot asks who is meant.
    theirs = await fake_discord.send_message("那她为什么要离开?", author=other)
    assert description(await fake_discord.reply_to(theirs)) == labels.UNCLEAR_WHO


async def test_a_pressed_suggestion_is_a_question_asked(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    user, clicker = fake_discord.add_user("asker"), fake_discord.add_user("clicker")
    question = "Sam Altman的妻子是谁？"
    suggested = engine.ask(question).suggestions[0]
    sent = await fake_discord.reply_to(await fake_discord.send_message(question, author=user))
    button = sent.body["components"][0]["components"][0]
    press = await fake_discord.press(sent.response, button["custom_id"], user=clicker)
    await fake_discord.followup(press)

    follow_up = await fake_discord.send_message("为什么?", author=clicker)
    expected = engine.ask("为什么?", history=[suggested])
    assert expected.read_as is not None  # the suggestion gives "为什么" its subject
    assert description(await fake_discord.reply_to(follow_up)) == expected.answer
