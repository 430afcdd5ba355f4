"""End to end, the cooldown: judged by when a question was sent (its snowflake), not when the bot
got round to it; the first question over the budget in a window is told when to ask again, as a
Discord relative timestamp, and a flood gets no more notices than that."""

from __future__ import annotations

import asyncio
import gc
import math
import re
import time

import discord

from bot.engine import labels
from bot.text import to_script
from tests.conftest import SagaRunner
from tests.fakediscord import FakeDiscord, Member, Request

QUESTION = "奥特曼什么时候被解雇？"
TRADITIONAL = "奧特曼什麼時候被解僱？"
RATE, PER = 3, 30.0


def sent_time(message: dict[str, object]) -> float:
    return discord.utils.snowflake_time(int(str(message["id"]))).timestamp()


async def test_questions_sent_a_window_apart_are_all_answered_however_late(
    fake_discord: FakeDiscord, saga_runner: SagaRunner
) -> None:
    await saga_runner.start(cooldown_rate=RATE, cooldown_per=PER)
    user = fake_discord.add_user("patient")
    now = time.time()
    # Sent over 95 s, one every 30 s, but all delivered now (the bot was catching up).
    messages = [
        await fake_discord.send_message(QUESTION, author=user, sent_at=now - 95 + 30 * i)
        for i in range(RATE + 1)
    ]
    for message in messages:
        reply = await fake_discord.reply_to(message)
        assert reply.body.get("embeds"), reply.body.get("content")


async def test_a_backlogged_burst_is_limited_and_its_first_extra_question_told_when(
    fake_discord: FakeDiscord, saga_runner: SagaRunner
) -> None:
    await saga_runner.start(cooldown_rate=RATE, cooldown_per=PER)
    user = fake_discord.add_user("eager")
    sent = time.time() - 5  # all five sent together, five seconds ago
    messages = [
        await fake_discord.send_message(TRADITIONAL, author=user, sent_at=sent + i / 1000)
        for i in range(RATE + 2)
    ]
    replies = [await fake_discord.reply_to(m) for m in messages[: RATE + 1]]
    assert [bool(r.body.get("embeds")) for r in replies] == [True] * RATE + [False]
    # The window opened when the first question was sent, so asking again is possible PER later.
    when = math.ceil(sent_time(messages[0]) + PER)
    expected = to_script(labels.COOLDOWN.format(when=f"<t:{when}:R>"), "traditional")
    notice = replies[RATE]
    assert notice.body["content"] == expected
    assert notice.body["message_reference"]["message_id"] == int(messages[RATE]["id"])
    assert notice.body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert re.search(r"<t:\d+:R>", expected)


async def flood(fake_discord: FakeDiscord, user: Member, sent: float, count: int) -> list[dict[str, object]]:
    return [
        await fake_discord.send_message(f"{QUESTION} {i}", author=user, sent_at=sent + i / 1000)
        for i in range(count)
    ]


def answers_and_notices(sent: list[Request]) -> tuple[int, int]:
    answers = sum(1 for r in sent if r.body.get("embeds"))
    return answers, len(sent) - answers


async def answered_after(fake_discord: FakeDiscord, asker: str) -> None:
    """Wait for the answer to another user's question, sent after everything before it."""
    message = await fake_discord.send_message(QUESTION, author=fake_discord.add_user(asker))
    await fake_discord.reply_to(message, within=30)


async def test_a_flood_gets_one_notice_per_window_not_one_per_message(
    fake_discord: FakeDiscord, saga_runner: SagaRunner
) -> None:
    """Each notice is a message in the channel: one per flooded message would spend the channel's
    send rate limit, and everyone else's answers there would wait behind them."""
    await saga_runner.start(cooldown_rate=RATE, cooldown_per=PER)
    flooder = fake_discord.add_user("flooder")
    channel = fake_discord.channel_id
    now = time.time()
    await flood(fake_discord, flooder, now - 2 * PER, 40)  # one window, long over
    await fake_discord.wait_until(lambda: len(fake_discord.sent_messages(channel)) >= RATE + 1, within=30)
    await answered_after(fake_discord, "bystander")
    first_window = fake_discord.sent_messages(channel)
    # RATE answers, one notice, the bystander's answer: 36 further messages got nothing. (The
    # notice may go out before the answers: they are worked out on the engine's thread.)
    assert answers_and_notices(first_window) == (RATE + 1, 1)

    second = await flood(fake_discord, flooder, now - 5, 40)  # the next window: told once again
    await fake_discord.wait_until(
        lambda: len(fake_discord.sent_messages(channel)) >= len(first_window) + RATE + 1, within=30
    )
    await answered_after(fake_discord, "another bystander")
    second_window = fake_discord.sent_messages(channel)[len(first_window) :]
    assert answers_and_notices(second_window) == (RATE + 1, 1)
    (notice,) = (r for r in second_window if not r.body.get("embeds"))
    assert notice.body["content"].endswith(f"<t:{math.ceil(sent_time(second[0]) + PER)}:R>")


async def test_a_notice_deletes_itself_and_a_pending_one_ends_quietly_with_the_bot(
    fake_discord: FakeDiscord, saga_runner: SagaRunner
) -> None:
    bot = await saga_runner.start(cooldown_rate=1, cooldown_per=PER)
    user = fake_discord.add_user("eager")
    # The window closes a second from now, so the notice goes a second from now.
    soon = time.time() - PER + 1
    first, second = [await fake_discord.send_message(QUESTION, author=user, sent_at=soon) for _ in range(2)]
    await fake_discord.reply_to(first)
    notice = (await fake_discord.reply_to(second)).response
    path = f"/channels/{notice['channel_id']}/messages/{notice['id']}"
    await fake_discord.wait_for(lambda r: r.method == "DELETE" and r.path == path, within=4)

    # A notice still waiting to go when the bot stops: its deletion ends with the bot, no error
    # (delete_after's task would wake after the HTTP session closed, and fail).
    other = fake_discord.add_user("late")
    soon = time.time() - PER + 1
    late = [await fake_discord.send_message(QUESTION, author=other, sent_at=soon) for _ in range(2)]
    await fake_discord.reply_to(late[1])
    await saga_runner.stop(bot)
    await asyncio.sleep(1.5)
    gc.collect()  # a failed task's "exception was never retrieved" is logged when it is collected
