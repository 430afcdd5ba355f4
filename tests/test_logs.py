"""SAGA_BOT_LOG_REDACT: users' text, names and ids kept out of the logs, DEBUG included."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import discord_cli
from bot.discord.client import SagaBot
from bot.logs import RedactUserData, redact
from bot.settings import load_settings
from tests.fakediscord import FakeDiscord
from tests.helpers import make_settings

SECRET_QUESTION = "奥特曼什么时候被解雇？私密暗号-7f3a"
USER_NAME = "alice-private-name"


def _stream_handler(*filters: logging.Filter) -> tuple[logging.Handler, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    for log_filter in filters:
        handler.addFilter(log_filter)
    return handler, stream


@pytest.fixture
def root_at_debug() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    root.setLevel(logging.DEBUG)
    yield root
    root.handlers[:] = handlers
    root.setLevel(level)


def test_a_gateway_payload_loses_text_names_and_ids(fake_discord_payload: dict[str, object]) -> None:
    handler, stream = _stream_handler(RedactUserData())
    logger = logging.getLogger("discord.gateway.test")
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    try:
        logger.debug("For Shard ID %s: WebSocket Event: %s", 0, fake_discord_payload)
        logger.debug("POST %s with %s has received %s", "/x", json.dumps(fake_discord_payload), "{}")
        logger.debug("one payload: %s", fake_discord_payload)  # a lone mapping becomes record.args
        logger.info("no permission to reply in channel %s", 1187450987654321009)
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert SECRET_QUESTION not in output and USER_NAME not in output
    assert "1187450987654321009" not in output
    data = fake_discord_payload["d"]
    assert isinstance(data, dict)
    author = data["author"]
    assert str(author["id"]) not in output
    assert "MESSAGE_CREATE" in output and "[redacted]" in output and "[id]" in output


@pytest.fixture
def fake_discord_payload() -> dict[str, object]:
    fake = FakeDiscord()
    member = fake.add_user(USER_NAME)
    data = fake.message_payload(SECRET_QUESTION, author=member, mention_bot=True)
    return {"op": 0, "t": "MESSAGE_CREATE", "s": 3, "d": data}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            {"content": "hi", "id": "1187450987654321009", "count": 3},
            {"content": "[redacted]", "id": "[id]", "count": 3},
        ),
        ([1187450987654321009, 42, True, None], ["[id]", 42, True, None]),
        ("user 1187450987654321009 said", "user [id] said"),
        (
            '{"content": "hi", "channel_id": 1187450987654321009}',
            '{"content": "[redacted]", "channel_id": "[id]"}',
        ),
        ("{not json 1187450987654321009", "{not json [id]"),
        (b"raw frame", "[redacted]"),
        ("version 2.7.1, 12345678901234567890123 digits", "version 2.7.1, 12345678901234567890123 digits"),
    ],
)
def test_redact(value: object, expected: object) -> None:
    assert redact(value) == expected


async def test_with_the_setting_debug_logs_of_a_real_exchange_carry_no_user_data(
    fake_discord: FakeDiscord, saga: SagaBot, root_at_debug: logging.Logger
) -> None:
    unfiltered, raw = _stream_handler()  # first: what discord.py logs without the filter
    redacted, kept = _stream_handler(RedactUserData())
    root_at_debug.addHandler(unfiltered)
    root_at_debug.addHandler(redacted)
    author = fake_discord.add_user(USER_NAME)
    message = await fake_discord.send_message(SECRET_QUESTION, author=author)
    await fake_discord.reply_to(message)
    root_at_debug.removeHandler(unfiltered)
    root_at_debug.removeHandler(redacted)
    assert SECRET_QUESTION in raw.getvalue() and USER_NAME in raw.getvalue()  # the danger is real
    output = kept.getvalue()
    assert "WebSocket Event" in output  # the records are kept, only their user data goes
    for private in (SECRET_QUESTION, USER_NAME, str(author.id), message["id"], message["channel_id"]):
        assert private not in output


@pytest.mark.parametrize(("setting", "installed"), [(True, True), (False, False)])
def test_configure_logging_installs_the_filter_when_set(
    root_at_debug: logging.Logger, setting: bool, installed: bool
) -> None:
    before = list(root_at_debug.handlers)
    discord_cli.configure_logging(make_settings(log_redact=setting))
    added = [h for h in root_at_debug.handlers if h not in before]
    assert added
    for handler in added:
        assert any(isinstance(f, RedactUserData) for f in handler.filters) is installed


def test_the_setting_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.setenv("SAGA_BOT_LOG_REDACT", "true")
    assert load_settings().log_redact is True
    monkeypatch.setenv("SAGA_BOT_LOG_REDACT", "no")
    assert load_settings().log_redact is False
