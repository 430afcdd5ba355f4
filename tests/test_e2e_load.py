"""End to end, load: 1,000 questions from 50 users in one burst through the real client.

Each user asks 20 questions and may ask 19 per window, so every user's questions must come back
as 19 answers and exactly one cooldown notice (every question over the budget is told), which
makes "answered or told" checkable question by question. Nothing may be lost, duplicated or
logged as an error.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from typing import Any

import pytest

from bot.discord.i18n import ENGLISH, is_english
from bot.discord.render import answer_topic, reply_embed
from bot.engine import labels
from bot.engine.answer import Engine
from bot.engine.script import detect_script
from bot.text import to_script, to_simplified
from tests.burst import QUESTIONS, USERS, new_burst, percentile, workload
from tests.conftest import SagaRunner
from tests.fakediscord import FakeDiscord

PER_USER = QUESTIONS // USERS
# The whole burst takes a few seconds here; the bound only stops a hung run.
BURST_TIMEOUT = 60.0


def read_in_context(embed: dict[str, Any]) -> bool:
    """The reply says it read the question in the conversation's context ("按“…”理解:"), or asks
    which of the people the conversation named is meant."""
    first_line = to_simplified(str(embed.get("description", ""))).split("\n", 1)[0]
    which_one = labels.WHICH_ONE.split("{")[0]
    return first_line.startswith(which_one) or (
        first_line.startswith(("按“", "按「", "Read as")) and first_line.endswith(("理解:", ":"))
    )


async def test_a_burst_of_1000_questions_from_50_users(
    fake_discord: FakeDiscord,
    saga_runner: SagaRunner,
    engine: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    saga = await saga_runner.start(cooldown_rate=PER_USER - 1, cooldown_per=600.0)
    caplog.clear()
    burst = new_burst(fake_discord)
    plan = workload()
    started = time.monotonic()
    await burst.fire(plan)
    elapsed = await burst.wait(BURST_TIMEOUT)

    answers: Counter[str] = Counter()
    notices: Counter[str] = Counter()
    for message in burst.messages:
        replies = fake_discord.replies_to(message)
        assert len(replies) == 1, f"{len(replies)} replies to {message['id']}"  # none lost or duplicated
        (reply,) = replies
        assert reply.path == f"/channels/{message['channel_id']}/messages"
        assert reply.body["allowed_mentions"] == {"parse": [], "replied_user": False}
        author = message["author"]["id"]
        question = message["content"].split(" ", 1)[1]
        script = detect_script(question) or "simplified"
        if reply.body.get("embeds"):
            answers[author] += 1
            (embed,) = reply.body["embeds"]
            # the reply to this very question: titled with what its answer is about. Each user's
            # earlier questions in the burst are its conversation (as in a real channel), so a reply
            # may read a question in their context, and then says so on its first line.
            if not read_in_context(embed):
                assert embed["title"] == answer_topic(engine.ask(question, override=script), engine)
        else:
            notices[author] += 1
            notice = ENGLISH[labels.COOLDOWN] if is_english(question) else labels.COOLDOWN
            prefix = to_script(notice.split("{")[0], script, engine.variant)
            assert reply.body["content"].startswith(prefix)
    assert set(answers.values()) == {PER_USER - 1} and len(answers) == USERS
    assert set(notices.values()) == {1} and len(notices) == USERS

    # A sample checked in full: the embed is the engine's answer, in the asker's script.
    for message in burst.messages[::97]:
        (reply,) = fake_discord.replies_to(message)
        if reply.body.get("embeds") and not read_in_context(reply.body["embeds"][0]):
            question = message["content"].split(" ", 1)[1]
            script = detect_script(question) or "simplified"
            expected = reply_embed(engine.ask(question, override=script), engine)
            assert reply.body["embeds"] == [expected.to_dict()]

    # No error, and no warning either: nothing was dropped quietly.
    noisy = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not noisy, [r.getMessage() for r in noisy]
    assert fake_discord.unknown_routes() == []
    assert saga.is_ready() and not saga.is_closed()
    latencies = burst.latencies()
    print(
        f"\n{len(plan)} questions in {elapsed:.2f} s ({len(plan) / elapsed:.0f}/s), "
        f"p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p99 {percentile(latencies, 0.99) * 1000:.0f} ms, "
        f"wall {time.monotonic() - started:.2f} s"
    )
