"""The fake Discord is as strict as Discord: every request body is checked against Discord's
published OpenAPI spec and refused with a 400 as Discord would, and it behaves as Discord does
where the bot once assumed otherwise (a follow-up after a defer, a reply to a deleted message,
an interaction left unanswered)."""

from __future__ import annotations

import asyncio
import io
import re
import time

import aiohttp
import discord
import pytest

from bot.discord.client import SagaBot
from bot.engine import labels
from tests.discord_openapi import INVALID_FORM_BODY, spec, spec_commit
from tests.fakediscord import CALLBACK_WINDOW, DEFERRED_CHANNEL_MESSAGE, EPHEMERAL, FakeDiscord

QUESTION = "奥特曼什么时候被解雇？"
QUIET = {"parse": []}  # what the bot sends with every message: the fixture checks it


async def post(fake: FakeDiscord, path: str, body: object) -> tuple[int, dict[str, object]]:
    headers = {"Authorization": f"Bot {fake.token}"}
    async with (
        aiohttp.ClientSession() as session,
        session.post(fake.base_url + path, json=body, headers=headers) as response,
    ):
        return response.status, await response.json()


def test_the_spec_on_file_says_where_it_came_from() -> None:
    assert re.fullmatch(r"[0-9a-f]{40}", spec_commit())
    assert spec().document["openapi"].startswith("3.1")
    # The routes the bot answers on are all in it, with a JSON body schema.
    for method, path in [
        ("POST", "/channels/1/messages"),
        ("PATCH", "/channels/1/messages/2"),
        ("POST", "/interactions/1/token/callback"),
        ("POST", "/webhooks/1/token"),
        ("PATCH", "/webhooks/1/token/messages/@original"),
    ]:
        route = spec().route(method, path)
        assert route is not None and route.body_pointer is not None, (method, path)


def test_a_command_option_may_name_media_channels_but_no_unknown_type() -> None:
    """The spec lacks GUILD_MEDIA (16), which Discord accepts and discord.py sends for a forum
    option (/askchannel's channel); an unknown channel type is still refused."""

    def command(channel_types: list[int]) -> list[dict[str, object]]:
        option = {"type": 7, "name": "channel", "description": "a channel", "channel_types": channel_types}
        return [{"name": "askchannel", "description": "ask channels", "type": 1, "options": [option]}]

    path = "/applications/1/commands"
    assert spec().violations("PUT", path, command([0, 5, 15, 16])) == {}
    assert spec().violations("PUT", path, command([0, 99])) != {}


async def test_a_body_discord_would_refuse_gets_discords_400(fake_discord: FakeDiscord) -> None:
    channel = fake_discord.channel_id
    status, answer = await post(
        fake_discord, f"/channels/{channel}/messages", {"embeds": [{"title": "x" * 257}]}
    )
    assert status == 400
    assert answer["code"] == INVALID_FORM_BODY and answer["message"] == "Invalid Form Body"
    assert set(answer["errors"]) == {"embeds.0.title"}  # type: ignore[arg-type]
    button = {"type": 2, "style": 1, "label": "x" * 81, "custom_id": "a"}
    status, answer = await post(
        fake_discord, f"/channels/{channel}/messages", {"components": [{"type": 1, "components": [button]}]}
    )
    assert status == 400 and "components.0.components.0.label" in answer["errors"]  # type: ignore[operator]
    assert len(fake_discord.schema_violations) == 2
    assert fake_discord.messages == {}  # nothing was created

    status, _message = await post(
        fake_discord, f"/channels/{channel}/messages", {"embeds": [{"title": "x" * 256}]}
    )
    assert status == 200
    fake_discord.schema_violations.clear()  # seen: the fixture would otherwise fail the test


@pytest.mark.logs_errors
async def test_an_error_after_a_public_defer_stays_private(fake_discord: FakeDiscord, saga: SagaBot) -> None:
    # The answer's follow-up fails, so the "thinking…" message is still there when the error is told.
    fake_discord.inject(400, method="POST", path=rf"/webhooks/{fake_discord.application_id}/.*")
    user = fake_discord.add_user("asker")
    interaction = await fake_discord.slash(
        "ask", [{"name": "question", "type": 3, "value": QUESTION}], user=user
    )
    deferred = await fake_discord.callback(interaction)
    assert deferred.body["type"] == DEFERRED_CHANNEL_MESSAGE
    public_placeholder = deferred.response["resource"]["message"]["id"]
    (told,) = await fake_discord.wait_until(lambda: fake_discord.followups(interaction))
    assert told.body["content"] == labels.ERROR
    # Discord would have turned a follow-up into the public placeholder; the bot removed that first.
    assert int(public_placeholder) not in fake_discord.messages
    assert told.response["id"] != public_placeholder
    assert int(told.response["flags"]) & EPHEMERAL
    shown_to_all = [m for m in fake_discord.messages.values() if not int(m["flags"]) & EPHEMERAL]
    assert all(labels.ERROR not in m["content"] for m in shown_to_all)


async def test_a_deferred_answer_becomes_the_thinking_message(
    fake_discord: FakeDiscord, saga: SagaBot
) -> None:
    user = fake_discord.add_user("asker")
    interaction = await fake_discord.slash(
        "ask", [{"name": "question", "type": 3, "value": QUESTION}], user=user
    )
    deferred = await fake_discord.callback(interaction)
    answer = await fake_discord.followup(interaction)
    assert answer.response["id"] == deferred.response["resource"]["message"]["id"]
    assert fake_discord.messages[int(answer.response["id"])]["embeds"] == answer.body["embeds"]
    assert len(fake_discord.messages) == 1


async def test_a_question_deleted_before_its_answer_is_still_answered(
    fake_discord: FakeDiscord, saga: SagaBot
) -> None:
    user = fake_discord.add_user("asker")
    question = await fake_discord.send_message(QUESTION, author=user)
    await fake_discord.delete_message(question)
    sent = await fake_discord.wait_for(lambda r: r.match("POST", r"/channels/\d+/messages") is not None)
    assert [r.status for r in sent] == [200]
    assert sent[0].body["message_reference"]["fail_if_not_exists"] is False
    assert "message_reference" not in sent[0].response  # Discord sent it unreferenced
    # A question still there is answered as a reply, as ever.
    following = await fake_discord.send_message(QUESTION, author=fake_discord.add_user("other"))
    assert (await fake_discord.reply_to(following)).status == 200


async def test_an_interaction_left_unanswered_fails_after_three_seconds(
    fake_discord: FakeDiscord, saga: SagaBot
) -> None:
    user = fake_discord.add_user("presser")
    message = await fake_discord.send_message(QUESTION, author=user)
    reply = await fake_discord.reply_to(message)
    # A button of a current kind that the message does not carry (only a forged press could
    # send one): discord.py finds no item to rebuild, ignores the press, and Discord gives up.
    press = await fake_discord.press(reply.response, "saga:del:1:s", user=user)
    assert not fake_discord.failed(press)
    await asyncio.sleep(CALLBACK_WINDOW + 0.1)
    assert fake_discord.failed(press)
    assert fake_discord.callbacks(press) == []


async def test_a_message_with_a_file_is_checked_by_its_json_part(
    fake_discord: FakeDiscord, saga: SagaBot
) -> None:
    channel = saga.get_channel(fake_discord.channel_id)
    assert isinstance(channel, discord.TextChannel)
    picture = discord.File(io.BytesIO(b"\x89PNG fake"), filename="timeline.png", description="alt text")
    sent = await channel.send(embed=discord.Embed(title="ok"), file=picture)
    (request,) = [r for r in fake_discord.requests if r.match("POST", r"/channels/\d+/messages")]
    assert list(request.files) == ["timeline.png"]
    assert request.body["embeds"][0]["title"] == "ok"
    assert request.body["attachments"][0]["description"] == "alt text"
    assert sent.embeds[0].title == "ok"

    with pytest.raises(discord.HTTPException) as refused:
        await channel.send(embed=discord.Embed(title="x" * 257), file=discord.File(io.BytesIO(b"x"), "a.png"))
    assert refused.value.status == 400 and refused.value.code == INVALID_FORM_BODY
    assert len(fake_discord.schema_violations) == 1
    fake_discord.schema_violations.clear()  # seen: the fixture would otherwise fail the test


async def test_a_follow_up_after_a_defer_keeps_the_defers_visibility(fake_discord: FakeDiscord) -> None:
    user = fake_discord.add_user("asker")
    for deferred_flags, followup_flags in ((0, EPHEMERAL), (EPHEMERAL, 0)):
        # An interaction as the gateway would deliver it, answered here by hand.
        interaction = fake_discord.interaction_payload(2, {"id": "1", "name": "ask", "type": 1}, user=user)
        fake_discord.interactions[interaction["token"]] = interaction
        fake_discord.dispatched_at[int(interaction["id"])] = time.monotonic()
        webhook = f"/webhooks/{fake_discord.application_id}/{interaction['token']}"
        status, unknown = await post(
            fake_discord, webhook, {"content": "too early", "allowed_mentions": QUIET}
        )
        assert (status, unknown["code"]) == (404, 10015)  # no follow-up before the interaction is answered
        base = f"/interactions/{interaction['id']}/{interaction['token']}/callback"
        status, _ = await post(
            fake_discord, base, {"type": DEFERRED_CHANNEL_MESSAGE, "data": {"flags": deferred_flags}}
        )
        assert status == 200
        status, first = await post(
            fake_discord, webhook, {"content": "first", "flags": followup_flags, "allowed_mentions": QUIET}
        )
        assert status == 200
        # The thinking message became the answer, as public or private as the defer was.
        assert int(first["flags"]) & EPHEMERAL == deferred_flags  # type: ignore[call-overload]
        status, second = await post(
            fake_discord, webhook, {"content": "second", "flags": followup_flags, "allowed_mentions": QUIET}
        )
        assert second["id"] != first["id"]  # later follow-ups are messages of their own
        assert int(second["flags"]) & EPHEMERAL == followup_flags  # type: ignore[call-overload]


async def test_a_message_that_could_ping_is_caught(fake_discord: FakeDiscord) -> None:
    channel = f"/channels/{fake_discord.channel_id}/messages"
    await post(fake_discord, channel, {"content": "quiet", "allowed_mentions": QUIET})
    await post(fake_discord, channel, {"content": "<@1> loud"})
    await post(fake_discord, channel, {"content": "<@1> loud", "allowed_mentions": {"parse": ["users"]}})
    caught = fake_discord.could_ping()
    assert [r.body["content"] for r in caught] == ["<@1> loud", "<@1> loud"]
    for request in caught:  # seen: the fixture would otherwise fail the test
        fake_discord.requests.remove(request)
