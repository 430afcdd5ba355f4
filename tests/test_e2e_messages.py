"""End to end, questions in messages: MESSAGE_CREATE from the fake gateway in, the reply on the
fake's REST API out - the answer embed in the asker's script, a reference to the question, and
mentions that ping nobody."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from bot.discord.client import SagaBot
from bot.discord.render import reply_embed
from bot.engine.answer import Engine
from bot.engine.script import detect_script
from bot.text import Script
from tests.fakediscord import FakeDiscord, Request

NO_PINGS = {"parse": [], "replied_user": False}


def expected_embed(engine: Engine, question: str, script: Script) -> dict[str, Any]:
    return reply_embed(engine.ask(question, override=script), engine).to_dict()


def embed_text(embed: dict[str, Any]) -> str:
    parts = [embed.get("description", ""), embed.get("footer", {}).get("text", "")]
    parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
    return " ".join(parts)


def assert_reply(reply: Request, question: dict[str, Any]) -> dict[str, Any]:
    """`reply` answers `question`: referenced, pinging nobody; returns its embed."""
    body = reply.body
    assert str(body["message_reference"]["message_id"]) == question["id"]
    assert str(body["message_reference"]["channel_id"]) == question["channel_id"]
    assert body["allowed_mentions"] == NO_PINGS
    (embed,) = body["embeds"]
    return dict(embed)


@pytest.mark.parametrize(
    ("question", "script"),
    [("奥特曼什么时候被解雇？", "simplified"), ("奧特曼什麼時候被解僱？", "traditional")],
)
async def test_a_mention_is_answered_in_the_askers_script(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine, question: str, script: Script
) -> None:
    user = fake_discord.add_user("asker")
    message = await fake_discord.send_message(question, author=user)
    reply = await fake_discord.reply_to(message)
    embed = assert_reply(reply, message)
    assert embed == expected_embed(engine, question, script)
    assert detect_script(embed_text(embed)) == script
    # The "show original" and delete buttons come with an answer.
    (row,) = reply.body["components"]
    assert [button["custom_id"].split(":")[1] for button in row["components"]] == ["orig", "del"]
    assert len(fake_discord.replies_to(message)) == 1


async def test_everyone_role_and_user_mentions_ping_nobody(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    user, other = fake_discord.add_user("asker"), fake_discord.add_user("other")
    question = f"@everyone <@&{fake_discord.other_role_id}> <@{other.id}> 奥特曼什么时候被解雇？"
    message = await fake_discord.send_message(
        question, author=user, mentions=[other], mention_roles=[fake_discord.other_role_id]
    )
    reply = await fake_discord.reply_to(message)
    embed = assert_reply(reply, message)
    # The mentions are not echoed (the title says what the answer is about), and allowed_mentions
    # would parse none of them anyway.
    assert "@" not in embed["title"] and "<" not in embed["title"]
    assert embed == expected_embed(engine, question, "simplified")
    assert reply.body.get("content") is None


async def test_mentioning_the_bots_role_replying_to_it_and_dms_are_answered(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    user = fake_discord.add_user("asker")
    by_role = await fake_discord.send_message(
        f"<@&{fake_discord.bot_role_id}> 奥特曼什么时候被解雇？",
        author=user,
        mention_bot=False,
        mention_roles=[fake_discord.bot_role_id],
    )
    answer = await fake_discord.reply_to(by_role)
    assert assert_reply(answer, by_role) == expected_embed(engine, "奥特曼什么时候被解雇？", "simplified")

    # A reply to the bot's answer, without a mention.
    follow_up = await fake_discord.send_message(
        "Altman 什么时候回归？", author=user, mention_bot=False, reply_to=answer.response
    )
    answered = assert_reply(await fake_discord.reply_to(follow_up), follow_up)
    assert answered == expected_embed(engine, "Altman 什么时候回归？", "simplified")

    dm_channel = 4242
    dm = await fake_discord.send_message(
        "奧特曼什麼時候被解僱？", author=user, mention_bot=False, channel_id=dm_channel, dm=True
    )
    reply = await fake_discord.reply_to(dm)
    assert reply.path == f"/channels/{dm_channel}/messages"
    assert detect_script(embed_text(assert_reply(reply, dm))) == "traditional"


async def test_messages_not_addressed_to_the_bot_are_left_alone(
    fake_discord: FakeDiscord, saga: SagaBot
) -> None:
    user = fake_discord.add_user("chatter")
    ignored = [
        await fake_discord.send_message("奥特曼什么时候被解雇？", author=user, mention_bot=False),
        await fake_discord.send_message("@everyone 奥特曼什么时候被解雇？", author=user, mention_bot=False),
    ]
    bot_author = fake_discord.add_user("another-bot")
    bot_author.user["bot"] = True
    ignored.append(await fake_discord.send_message("奥特曼什么时候被解雇？", author=bot_author))
    # Events are handled in order: once a later question is answered, the earlier ones were seen.
    sentinel = await fake_discord.send_message("奥特曼什么时候被解雇？", author=user)
    await fake_discord.reply_to(sentinel)
    assert all(fake_discord.replies_to(m) == [] for m in ignored)
    assert len(fake_discord.sent_messages()) == 1


async def test_show_original_button_reveals_the_quotes_to_the_clicker_only(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    user, reader = fake_discord.add_user("asker"), fake_discord.add_user("reader")
    message = await fake_discord.send_message("奧特曼什麼時候被解僱？", author=user)
    reply = await fake_discord.reply_to(message)
    button = reply.body["components"][0]["components"][0]
    press = await fake_discord.press(reply.response, button["custom_id"], user=reader, locale="zh-CN")
    callback = await fake_discord.callback(press)
    assert callback.body["type"] == 4
    assert callback.body["data"]["flags"] == 64  # ephemeral
    (embed,) = callback.body["data"]["embeds"]
    assert embed["title"] == "原文(文章原始写法)"  # the clicker's locale picks the labels' script
    assert fake_discord.callback_delay(press) < 1.0


async def test_an_ask_channel_lets_chatter_pass_silently(fake_discord: FakeDiscord, saga_runner: Any) -> None:
    """Chatter in an ask channel gets no reply, is not recorded as a miss and costs no cooldown:
    after four lines of chatter, three questions (the cooldown's whole budget) are all answered."""
    saga: SagaBot = await saga_runner.start(cooldown_rate=3, cooldown_per=60)
    channel = fake_discord.channel_ids[1]
    await saga.storage.add_ask_channel(fake_discord.guild_id, channel)
    user = fake_discord.add_user("member")
    chatter = [
        await fake_discord.send_message(line, author=user, mention_bot=False, channel_id=channel)
        for line in ("大家好!", "哈哈哈", "今天吃什么", "lol")
    ]
    questions = [
        await fake_discord.send_message(q, author=user, mention_bot=False, channel_id=channel)
        for q in ("穆拉蒂什么时候离职?", "奧特曼什麼時候被解僱？", "Altman 跟 Schulman 喝的是什麼咖啡?")
    ]
    for question in questions:
        (embed,) = (await fake_discord.reply_to(question)).body["embeds"]
        assert "提问太频繁" not in str(embed) and "提問太頻繁" not in str(embed)
    assert all(fake_discord.replies_to(m) == [] for m in chatter)
    assert len(fake_discord.sent_messages(channel)) == 3
    # Only the question the articles do not cover is recorded; none of the chatter is.
    assert [m.text for m in await saga.storage.top_misses(10)] == ["Altman 跟 Schulman 喝的是什麼咖啡?"]
    # A mention is always answered, chatter or not: the user spoke to the bot.
    hello = await fake_discord.send_message(
        "哈哈哈", author=fake_discord.add_user("other"), channel_id=channel
    )
    await fake_discord.reply_to(hello)


async def test_the_engine_answers_off_the_event_loop_one_question_at_a_time(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long message costs the engine tens of milliseconds: that work runs on the engine's own
    thread, so the event loop (heartbeats, other users' presses) is not held up meanwhile."""
    threads: list[str] = []
    ask = Engine.ask

    def recording_ask(self: Engine, *args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return ask(self, *args, **kwargs)

    monkeypatch.setattr(Engine, "ask", recording_ask)
    user = fake_discord.add_user("asker")
    message = await fake_discord.send_message("奥特曼什么时候被解雇？", author=user)
    await fake_discord.reply_to(message)
    assert threads and all(name.startswith("saga-engine") for name in threads)
    assert saga.engine_thread._max_workers == 1  # the engine's memos are never shared between threads
