"""End to end, malformed gateway messages: each is logged in one line and dropped, and the same
connection goes on answering. Before, any of these ended the client (and `saga-bot run`)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import pytest

from bot.discord.client import SagaBot, _event_name
from tests.fakediscord import OP_DISPATCH, FakeDiscord, Member

QUESTION = "奥特曼什么时候被解雇？"
ZLIB_FLUSH = b"\x00\x00\xff\xff"  # the end of a zlib-stream message: discord.py inflates then


def _message(fake: FakeDiscord, author: Member) -> dict[str, Any]:
    return fake.message_payload(QUESTION, author=author, mention_bot=True)


def _without(key: str) -> Callable[[FakeDiscord, Member], tuple[str, Any]]:
    def make(fake: FakeDiscord, author: Member) -> tuple[str, Any]:
        data = _message(fake, author)
        del data[key]
        return "MESSAGE_CREATE", data

    return make


def _message_id_not_a_number(fake: FakeDiscord, author: Member) -> tuple[str, Any]:
    return "MESSAGE_CREATE", _message(fake, author) | {"id": "not-a-number"}


def _null_data(fake: FakeDiscord, author: Member) -> tuple[str, Any]:
    return "MESSAGE_CREATE", None


def _interaction_without_type(fake: FakeDiscord, author: Member) -> tuple[str, Any]:
    payload = fake.interaction_payload(2, {"name": "ask", "type": 1}, user=author)
    del payload["type"]
    return "INTERACTION_CREATE", payload


def _guild_with_a_bad_id(fake: FakeDiscord, author: Member) -> tuple[str, Any]:
    return "GUILD_CREATE", fake.guild_payload() | {"id": "guild-one"}


MALFORMED_DISPATCHES = {
    "MESSAGE_CREATE without author": _without("author"),
    "MESSAGE_CREATE without channel_id": _without("channel_id"),
    "MESSAGE_CREATE with a non-numeric id": _message_id_not_a_number,
    "MESSAGE_CREATE with d: null": _null_data,
    "INTERACTION_CREATE without type": _interaction_without_type,
    "GUILD_CREATE with a bad id": _guild_with_a_bad_id,
}


async def _still_answers(fake: FakeDiscord) -> None:
    """The same connection answers the next question: no new IDENTIFY, no RESUME."""
    message = await fake.send_message(QUESTION, author=fake.add_user("next asker"))
    await fake.reply_to(message)
    assert len(fake.identifies) == 1 and not fake.resumes


def _dropped(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "bot.discord.client" and r.getMessage().startswith("ignored a malformed gateway message")
    ]


@pytest.mark.parametrize("make", MALFORMED_DISPATCHES.values(), ids=MALFORMED_DISPATCHES.keys())
async def test_a_malformed_dispatch_is_dropped_and_the_bot_answers_on(
    fake_discord: FakeDiscord,
    saga: SagaBot,
    caplog: pytest.LogCaptureFixture,
    make: Callable[[FakeDiscord, Member], tuple[str, Any]],
) -> None:
    author = fake_discord.add_user("asker")
    event, data = make(fake_discord, author)
    await fake_discord.dispatch(event, data)
    await fake_discord.wait_until(lambda: _dropped(caplog))
    (line,) = _dropped(caplog)
    assert line.startswith(f"ignored a malformed gateway message ({event}: ")
    assert QUESTION not in line and author.user["username"] not in line  # no payload in the log
    await _still_answers(fake_discord)
    assert not saga.is_closed()


@pytest.mark.parametrize(
    ("frame", "described"),
    [
        ("{not json", "a frame that is not JSON"),
        (json.dumps([{"op": OP_DISPATCH, "t": "MESSAGE_CREATE"}]), "a JSON list instead of an object"),
        (json.dumps("just a string"), "a JSON str instead of an object"),
        (json.dumps({"op": OP_DISPATCH, "t": "MESSAGE_CREATE", "s": None, "d": "text"}), "MESSAGE_CREATE"),
    ],
    ids=["not JSON", "a JSON list", "a JSON string", "d a string"],
)
async def test_a_malformed_frame_is_dropped_and_the_bot_answers_on(
    fake_discord: FakeDiscord, saga: SagaBot, caplog: pytest.LogCaptureFixture, frame: str, described: str
) -> None:
    session = fake_discord.session
    assert session is not None and session.ws is not None
    await session.ws.send_str(frame)
    await fake_discord.wait_until(lambda: _dropped(caplog))
    (line,) = _dropped(caplog)
    assert line.startswith(f"ignored a malformed gateway message ({described}: ")
    await _still_answers(fake_discord)


async def test_a_corrupt_binary_frame_reconnects_and_resumes(
    fake_discord: FakeDiscord, saga: SagaBot, caplog: pytest.LogCaptureFixture
) -> None:
    # Binary frames share one zlib stream: after a bad one, the socket starts afresh (a RESUME).
    session = fake_discord.session
    assert session is not None and session.ws is not None
    await session.ws.send_bytes(b"garbage, not zlib" + ZLIB_FLUSH)
    await fake_discord.wait_until(lambda: fake_discord.resumes)
    assert len(_dropped(caplog)) == 1
    message = await fake_discord.send_message(QUESTION, author=fake_discord.add_user("asker"))
    await fake_discord.reply_to(message)
    assert len(fake_discord.identifies) == 1


async def test_a_flood_of_malformed_messages_costs_nothing_else(
    fake_discord: FakeDiscord, saga: SagaBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    author = fake_discord.add_user("asker")
    for make in MALFORMED_DISPATCHES.values():
        for _ in range(5):
            await fake_discord.dispatch(*make(fake_discord, author))
    await fake_discord.wait_until(lambda: len(_dropped(caplog)) == 5 * len(MALFORMED_DISPATCHES))
    await _still_answers(fake_discord)


@pytest.mark.parametrize(
    ("raw", "described"),
    [
        (json.dumps({"op": 0, "t": "\x1b]0;title\x07", "d": None}), "op 0"),
        (json.dumps({"op": "\x1b[2J" * 10, "t": None}), "op '\\x1b[2J\\x1b[2J\\x1b["),
        (json.dumps({"op": 0, "t": "MESSAGE_CREATE"}), "MESSAGE_CREATE"),
        (b"\xff\xfe", "a frame that is not JSON"),
    ],
)
def test_the_log_line_names_the_event_printably_and_briefly(raw: str | bytes, described: str) -> None:
    assert _event_name(raw) == described


async def test_a_message_with_a_lone_surrogate_is_answered(fake_discord: FakeDiscord, saga: SagaBot) -> None:
    """JSON may carry a lone surrogate ("\\ud800"); script detection raised on it, so the asker got
    no reply. The fake's dispatch writes UTF-8, which cannot hold one: the frame goes as ASCII JSON."""
    session = fake_discord.session
    assert session is not None and session.ws is not None
    message = fake_discord.message_payload(
        f"\ud800{QUESTION}\udfff", author=fake_discord.add_user("asker"), mention_bot=True
    )
    session.seq += 1
    frame = {"op": OP_DISPATCH, "t": "MESSAGE_CREATE", "s": session.seq, "d": message}
    session.events.append(frame)
    await session.ws.send_str(json.dumps(frame))  # ensure_ascii: the surrogate as \ud800
    reply = await fake_discord.reply_to(message)
    (embed,) = reply.body["embeds"]
    assert "2023年11月17日" in embed["description"]  # answered, in simplified
