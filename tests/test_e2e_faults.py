"""End to end, faults: the gateway drops, invalidates or refuses the session; REST answers 429 or
5xx; the SQLite file is read-only or damaged. The real client must recover, or say clearly why not."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import discord
import pytest

from bot.discord import client as client_module
from bot.discord.client import MESSAGE_CONTENT_REFUSED, SagaBot, run_bot
from bot.discord.render import reply_embed
from bot.engine import labels
from bot.engine.answer import Engine
from bot.storage import SqliteStorage, open_storage
from bot.text import to_script
from tests.conftest import STOP_TIMEOUT, SagaRunner, saga_bot_cli, wait_ready
from tests.fakediscord import (
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    EPHEMERAL,
    MANAGE_GUILD,
    MEMBER_PERMISSIONS,
    MESSAGE_CONTENT_INTENT,
    TOKEN,
    FakeDiscord,
    Member,
    make_fast,
)
from tests.helpers import make_settings

MESSAGES = r"/channels/\d+/messages"
QUESTIONS = ["奥特曼什么时候被解雇？", "奧特曼什麼時候被解僱？", "Altman 什么时候回归？"]


def attempts(fake: FakeDiscord, message: dict[str, object]) -> list[int]:
    """The statuses of every POST the bot made to reply to `message`, retries included."""
    return [
        r.status
        for r in fake.requests
        if r.match("POST", MESSAGES)
        and str((r.body or {}).get("message_reference", {}).get("message_id")) == message["id"]
    ]


# -- gateway --------------------------------------------------------------------------------


@pytest.mark.parametrize("drop", ["close 4000", "op 7 reconnect"])
async def test_a_dropped_connection_resumes_and_answers_the_replayed_events(
    fake_discord: FakeDiscord, saga: SagaBot, drop: str
) -> None:
    user = fake_discord.add_user("asker")
    before = await fake_discord.send_message(QUESTIONS[0], author=user)
    await fake_discord.reply_to(before)
    session = fake_discord.session
    assert session is not None
    seen = session.seq

    # Three questions are in flight when the socket drops: the client never receives them.
    lost = [fake_discord.message_payload(q, author=user, mention_bot=True) for q in QUESTIONS]
    in_flight = [("MESSAGE_CREATE", m) for m in lost]
    if drop == "close 4000":
        await fake_discord.close_gateway(4000, lost=in_flight)
    else:
        await fake_discord.request_reconnect(lost=in_flight)

    for message in lost:
        await fake_discord.reply_to(message)
    (resume,) = fake_discord.resumes
    assert resume.path == "/resume"  # the resume_gateway_url from READY
    assert resume.d == {"seq": seen, "session_id": session.id, "token": TOKEN}
    assert len(fake_discord.identifies) == 1  # resumed, not re-identified
    after = await fake_discord.send_message(QUESTIONS[0], author=fake_discord.add_user("later"))
    await fake_discord.reply_to(after)
    # Every question answered exactly once.
    for message in [before, *lost, after]:
        assert len(fake_discord.replies_to(message)) == 1


@pytest.mark.parametrize("resumable", [False, True])
async def test_invalid_session_reidentifies_or_resumes(
    fake_discord: FakeDiscord, saga: SagaBot, resumable: bool
) -> None:
    old = fake_discord.session
    await fake_discord.invalidate_session(resumable=resumable)
    if resumable:
        await fake_discord.wait_until(lambda: fake_discord.resumes)
        assert len(fake_discord.identifies) == 1
    else:
        # A fresh IDENTIFY at once (no 5 s pause with the tuned hook), on the default gateway.
        await fake_discord.wait_until(lambda: fake_discord.session is not old)
        second = fake_discord.identifies[1]
        assert second.path == "/gateway" and second.d["token"] == TOKEN
        assert not fake_discord.resumes
    message = await fake_discord.send_message(QUESTIONS[1], author=fake_discord.add_user("asker"))
    await fake_discord.reply_to(message)
    assert len(fake_discord.replies_to(message)) == 1


async def test_close_4014_tells_the_admin_once_and_slash_commands_keep_working(
    fake_discord: FakeDiscord,
    engine: Engine,
    database: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.INFO)
    fake_discord.refused_intents = MESSAGE_CONTENT_INTENT  # not enabled in the Developer Portal
    started: list[SagaBot] = []

    class TunedSagaBot(SagaBot):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            make_fast(self)
            started.append(self)

    # run_bot builds its clients itself; let it build tuned ones.
    monkeypatch.setattr(client_module, "SagaBot", TunedSagaBot)
    storage = await open_storage(str(database))
    ask_channel = fake_discord.channel_ids[1]
    await storage.add_ask_channel(fake_discord.guild_id, ask_channel)
    task = asyncio.create_task(run_bot(make_settings(discord_token=TOKEN), engine, storage))
    try:
        await fake_discord.wait_until(lambda: len(started) == 2, within=10)
        await wait_ready(started[1], task)
        first, second = fake_discord.identifies
        assert first.d["intents"] & MESSAGE_CONTENT_INTENT
        assert not second.d["intents"] & MESSAGE_CONTENT_INTENT
        refused = [r for r in caplog.records if r.getMessage() == MESSAGE_CONTENT_REFUSED]
        assert [r.levelno for r in refused] == [logging.WARNING]

        user = fake_discord.add_user("asker")
        interaction = await fake_discord.slash(
            "ask", [{"name": "question", "type": 3, "value": QUESTIONS[0]}], user=user
        )
        assert (await fake_discord.callback(interaction)).body["type"] == DEFERRED_CHANNEL_MESSAGE
        await fake_discord.followup(interaction)
        # Discord still sends the text of a message that mentions the bot...
        mention = await fake_discord.send_message(QUESTIONS[1], author=user)
        # ...but not of the others: an ask channel goes quiet instead of answering empty messages.
        unread = await fake_discord.send_message(
            QUESTIONS[0], author=user, mention_bot=False, channel_id=ask_channel
        )
        sentinel = await fake_discord.send_message(QUESTIONS[2], author=user)
        await fake_discord.reply_to(mention)
        await fake_discord.reply_to(sentinel)
        assert fake_discord.replies_to(unread) == []
    finally:
        if started:
            await asyncio.wait_for(started[-1].close(), STOP_TIMEOUT)
        await asyncio.wait_for(task, STOP_TIMEOUT)  # run_bot returns once its client is closed
        await storage.close()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# -- REST -----------------------------------------------------------------------------------


async def test_429_with_retry_after_delays_the_reply(fake_discord: FakeDiscord, saga: SagaBot) -> None:
    fake_discord.inject(429, method="POST", path=MESSAGES, retry_after=0.4)
    message = await fake_discord.send_message(QUESTIONS[0], author=fake_discord.add_user("asker"))
    await fake_discord.reply_to(message)
    assert attempts(fake_discord, message) == [429, 200]
    first, second = [r for r in fake_discord.requests if r.match("POST", MESSAGES)]
    assert second.at - first.at >= 0.39  # retry_after, give or take the clock's resolution

    # An interaction callback is retried the same way, still well within Discord's 3 s.
    fake_discord.inject(429, method="POST", path=r"/interactions/.*", retry_after=0.3)
    interaction = await fake_discord.slash("sources", user=fake_discord.add_user("reader"))
    await fake_discord.wait_until(lambda: [r for r in fake_discord.callbacks(interaction) if r.status == 200])
    assert [r.status for r in fake_discord.callbacks(interaction)] == [429, 200]
    assert fake_discord.callbacks(interaction)[-1].at - fake_discord.dispatched_at[int(interaction["id"])] < 3


async def test_500_on_a_send_is_retried_without_a_duplicate(fake_discord: FakeDiscord, saga: SagaBot) -> None:
    # Discord created the message but answered 500: discord.py retries (after 1 s) with the same
    # enforced nonce, and Discord hands back the message it has instead of posting it twice.
    fake_discord.inject(500, method="POST", path=MESSAGES, after=True)
    user = fake_discord.add_user("asker")
    message = await fake_discord.send_message(QUESTIONS[0], author=user)
    await fake_discord.reply_to(message)
    assert attempts(fake_discord, message) == [500, 200]
    first, second = [r for r in fake_discord.requests if r.match("POST", MESSAGES)]
    assert first.body["nonce"] == second.body["nonce"] and second.body["enforce_nonce"] is True
    replies = [m for m in fake_discord.messages.values() if m.get("message_reference", {}).get("message_id")]
    assert len(replies) == 1
    following = await fake_discord.send_message(QUESTIONS[1], author=user)
    await fake_discord.reply_to(following)


async def test_no_permission_to_reply_is_logged_quietly(
    fake_discord: FakeDiscord, saga: SagaBot, caplog: pytest.LogCaptureFixture
) -> None:
    fake_discord.inject(403, method="POST", path=MESSAGES)
    user = fake_discord.add_user("asker")
    refused = await fake_discord.send_message(QUESTIONS[0], author=user)
    following = await fake_discord.send_message(QUESTIONS[1], author=user)
    await fake_discord.reply_to(following)
    assert attempts(fake_discord, refused) == [403]
    await fake_discord.wait_until(
        lambda: [
            r
            for r in caplog.records
            if r.getMessage() == f"no permission to reply in channel {fake_discord.channel_id}"
        ]
    )


@pytest.mark.logs_errors
async def test_a_failed_send_is_logged_and_the_next_question_answered(
    fake_discord: FakeDiscord, saga: SagaBot, caplog: pytest.LogCaptureFixture
) -> None:
    # A 503 is not retried by discord.py: the send fails for good.
    fake_discord.inject(503, method="POST", path=MESSAGES)
    user = fake_discord.add_user("asker")
    failed = await fake_discord.send_message(QUESTIONS[0], author=user)
    await fake_discord.wait_until(lambda: attempts(fake_discord, failed))
    following = await fake_discord.send_message(QUESTIONS[1], author=user)
    await fake_discord.reply_to(following)
    assert attempts(fake_discord, failed) == [503]
    # discord.py logs what escaped the listener, with the cause.
    (logged,) = await fake_discord.wait_until(lambda: errors_logged(caplog, discord.DiscordServerError))
    assert logged.getMessage() == "Ignoring exception in on_message"

    # A follow-up of /ask that Discord rejects (webhooks retry every 5xx, so a 400): logged, and
    # the user is told, in the script of their question.
    fake_discord.inject(400, method="POST", path=rf"/webhooks/{fake_discord.application_id}/.*")
    other = fake_discord.add_user("other")
    interaction = await fake_discord.slash(
        "ask", [{"name": "question", "type": 3, "value": QUESTIONS[1]}], user=other
    )
    told = await fake_discord.wait_until(lambda: fake_discord.followups(interaction))
    assert told[0].body["content"] == to_script(labels.ERROR, "simplified")
    assert told[0].body["flags"] == EPHEMERAL
    (failure,) = [r for r in caplog.records if r.getMessage() == "command /ask failed"]
    assert failure.levelno == logging.ERROR and failure.exc_info is not None
    assert isinstance(failure.exc_info[1].__cause__, discord.HTTPException)


def errors_logged(caplog: pytest.LogCaptureFixture, kind: type[BaseException]) -> list[logging.LogRecord]:
    """ERROR records that carry an exception of type `kind`."""
    return [
        r
        for r in caplog.records
        if r.levelno >= logging.ERROR and r.exc_info and isinstance(r.exc_info[1], kind)
    ]


# -- storage --------------------------------------------------------------------------------


async def save_settings(fake: FakeDiscord, reader: Member, channel: int) -> None:
    """Through the bot: `reader` prefers traditional; an admin makes `channel` an ask channel."""
    script = await fake.slash("script", [{"name": "mode", "type": 3, "value": "traditional"}], user=reader)
    admin = fake.add_user("admin", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
    add = await fake.slash(
        "askchannel", [{"name": "add", "type": 1, "options": []}], user=admin, channel_id=channel
    )
    for interaction in (script, add):
        assert (await fake.callback(interaction)).status == 200


async def assert_settings_in_effect(fake: FakeDiscord, engine: Engine, reader: Member, channel: int) -> None:
    """The ask channel answers a message without a mention, and a question without Chinese is
    answered in the reader's saved script."""
    message = await fake.send_message("Sutskever", author=reader, mention_bot=False, channel_id=channel)
    reply = await fake.reply_to(message)
    expected = reply_embed(engine.ask("Sutskever", override="traditional"), engine)
    assert reply.body["embeds"] == [expected.to_dict()]


async def test_read_only_database_at_run_time_is_a_clear_error_and_keeps_the_settings(
    fake_discord: FakeDiscord,
    saga: SagaBot,
    engine: Engine,
    database: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    reader, channel = fake_discord.add_user("reader"), fake_discord.channel_ids[2]
    await save_settings(fake_discord, reader, channel)
    storage = cast(SqliteStorage, saga.storage)
    # The database turns read-only under the running bot (as after a read-only remount): SQLite
    # refuses every write. (Root ignores file modes, so the test asks SQLite itself.)
    await storage._db.execute("PRAGMA query_only = ON")

    change = await fake_discord.slash(
        "script", [{"name": "mode", "type": 3, "value": "simplified"}], user=reader, locale="zh-CN"
    )
    callback = await fake_discord.callback(change)
    # Told, in their saved script, that it did not work; nothing claims success.
    assert callback.body["type"] == CHANNEL_MESSAGE
    assert callback.body["data"]["content"] == to_script(labels.ERROR, "traditional")
    assert callback.body["data"]["flags"] == EPHEMERAL
    # One line for the admin, naming the file and the cause; no traceback.
    (warning,) = [
        r for r in caplog.records if r.name == "bot.discord.client" and r.levelno >= logging.WARNING
    ]
    assert warning.getMessage() == (
        f"/script: database {database} is read-only: attempt to write a readonly database"
    )
    assert warning.exc_info is None

    # The earlier settings still hold, and questions are still answered - even one the articles
    # do not cover, whose record the database refuses (a warning, not a lost answer).
    assert await storage.get_script(reader.id) == "traditional"
    await assert_settings_in_effect(fake_discord, engine, reader, channel)
    uncovered = await fake_discord.send_message("Sam Altman的妻子是谁？", author=reader)
    assert (await fake_discord.reply_to(uncovered)).body["embeds"]
    await fake_discord.wait_until(
        lambda: [
            r for r in caplog.records if r.getMessage().startswith("could not record an unanswered question")
        ]
    )
    await storage._db.execute("PRAGMA query_only = OFF")


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """`path` read-only for this process: its mode, and for root (whom modes do not bind) the
    immutable attribute."""
    mode = path.stat().st_mode
    path.chmod(0o444)
    chattr = shutil.which("chattr")
    immutable = False
    try:
        if os.access(path, os.W_OK):
            if chattr is None or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode:
                pytest.skip("running as root on a filesystem without chattr +i: no file is read-only to root")
            immutable = True
        yield
    finally:
        if immutable and chattr is not None:
            subprocess.run([chattr, "-i", str(path)], check=True)
        path.chmod(mode)


def fingerprint(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


async def test_read_only_database_file_stops_the_start_with_one_line(
    fake_discord: FakeDiscord, saga_runner: SagaRunner, engine: Engine, database: Path
) -> None:
    reader, channel = fake_discord.add_user("reader"), fake_discord.channel_ids[3]
    await saga_runner.stop(await _with_settings(saga_runner, fake_discord, reader, channel))
    before, requests = fingerprint(database.parent), len(fake_discord.requests)

    with read_only(database):
        code, err = await saga_bot_cli(fake_discord, database, "run")
    assert code == 1
    assert err == (
        f"saga-bot: database {database} is read-only: the bot needs to write the file and its "
        "directory (left untouched)\n"
    )
    # It did not go online half-working, and left the file alone.
    assert len(fake_discord.requests) == requests
    assert fingerprint(database.parent) == before

    await saga_runner.start()
    await assert_settings_in_effect(fake_discord, engine, reader, channel)


async def _with_settings(runner: SagaRunner, fake: FakeDiscord, reader: Member, channel: int) -> SagaBot:
    client = await runner.start()
    await save_settings(fake, reader, channel)
    return client


@pytest.mark.parametrize("damage", ["header", "page"])
async def test_corrupt_database_file_stops_the_start_and_is_left_untouched(
    fake_discord: FakeDiscord, saga_runner: SagaRunner, database: Path, damage: str
) -> None:
    reader, channel = fake_discord.add_user("reader"), fake_discord.channel_ids[4]
    await saga_runner.stop(await _with_settings(saga_runner, fake_discord, reader, channel))
    with contextlib.closing(sqlite3.connect(database)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        (miss_page,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'miss'").fetchone()
    with database.open("r+b") as file:
        if damage == "header":
            file.write(b"not SQLite, sorry")
        else:  # the unanswered-questions table's page; the settings' pages stay sound
            file.seek((miss_page - 1) * page_size)
            file.write(b"\xff" * page_size)
    before, requests = fingerprint(database.parent), len(fake_discord.requests)

    code, err = await saga_bot_cli(fake_discord, database, "run")
    assert code == 1
    if damage == "header":
        assert err == (
            f"saga-bot: {database} is not a SQLite database (left untouched): file is not a database\n"
        )
    else:
        assert err.startswith(f"saga-bot: database {database} is damaged (left untouched): ")
        assert err.count("\n") == 1
    assert len(fake_discord.requests) == requests
    assert fingerprint(database.parent) == before
    if damage == "page":
        # Nothing was overwritten: the settings can still be read out of the damaged file.
        with contextlib.closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as db:
            assert db.execute("SELECT user_id, script FROM user_script").fetchall() == [
                (reader.id, "traditional")
            ]
            assert db.execute("SELECT channel_id FROM ask_channel").fetchall() == [(channel,)]
