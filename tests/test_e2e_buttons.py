"""End to end, the buttons: persistent (their state in the custom_id, so they work after a restart
and nothing is kept per answer), public for the asker and private for anyone else, and a delete
button on public answers for the asker and moderators."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.discord.client import SagaBot
from bot.discord.render import original_embed, reply_embed
from bot.discord.scripts import Reader
from bot.discord.timeline_nav import PictureButton
from bot.discord.views import CUSTOM_ID_LIMIT, PageState, SuggestionButton, source_index, sources_from_keys
from bot.engine import labels
from bot.engine.answer import Engine
from bot.exts.lookup.people import profile_source
from bot.exts.lookup.timeline import timeline_source
from bot.text import to_script
from tests.conftest import SagaRunner
from tests.fakediscord import (
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    DEFERRED_UPDATE,
    EPHEMERAL,
    UPDATE_MESSAGE,
    FakeDiscord,
)

ANSWERED = "奥特曼什么时候被解雇？"
UNCOVERED = "Sam Altman的妻子是谁？"
MANAGE_MESSAGES = 1 << 13


def buttons(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [button for row in data.get("components", []) for button in row["components"]]


def button(data: dict[str, Any], prefix: str) -> dict[str, Any]:
    (found,) = [b for b in buttons(data) if b["custom_id"].startswith(prefix)]
    return found


def nothing_kept(bot: SagaBot) -> bool:
    """discord.py holds no view, and so no timeout task, for any message the bot sent."""
    store = bot._connection._view_store
    return not store._views and not store._synced_message_views


async def test_buttons_work_after_a_restart(
    fake_discord: FakeDiscord, saga_runner: SagaRunner, engine: Engine
) -> None:
    first = await saga_runner.start()
    user = fake_discord.add_user("reader")
    question = await fake_discord.send_message(ANSWERED, author=user)
    answer = await fake_discord.reply_to(question)
    timeline = await fake_discord.slash("timeline", user=user, locale="zh-TW")
    pages = (await fake_discord.callback(timeline)).response["resource"]["message"]
    for index in range(30):  # many answers later, still nothing is kept for any of them
        asked = await fake_discord.send_message(
            f"{ANSWERED} {index}", author=fake_discord.add_user(f"u{index}")
        )
        await fake_discord.reply_to(asked)
    assert nothing_kept(first)
    await saga_runner.stop(first)

    restarted = await saga_runner.start()
    show = await fake_discord.press(
        answer.response, button(answer.body, "saga:orig:")["custom_id"], user=user
    )
    shown = await fake_discord.callback(show)
    assert shown.status == 200 and shown.body["type"] == CHANNEL_MESSAGE
    assert shown.body["data"]["flags"] == EPHEMERAL
    reply = engine.ask(ANSWERED, override="simplified")
    expected = original_embed(reply.sources, "simplified", engine.variant)
    assert shown.body["data"]["embeds"] == [expected.to_dict()]

    following = next(b for b in buttons(pages) if ":next:" in b["custom_id"])
    turn = await fake_discord.press(pages, following["custom_id"], user=user, locale="zh-TW")
    turned = await fake_discord.callback(turn)
    assert turned.status == 200 and turned.body["type"] == UPDATE_MESSAGE
    target = int(following["custom_id"].split(":")[6])  # the timeline opens on the crisis
    assert f"{target + 1}/" in turned.body["data"]["embeds"][0]["footer"]["text"]
    assert not fake_discord.failed(show) and not fake_discord.failed(turn)
    # No edit ever greys a button out: nothing expires.
    assert not [r for r in fake_discord.requests if r.method == "PATCH" and "components" in (r.body or {})]
    assert nothing_kept(restarted)


async def test_the_askers_suggestion_is_public_anyone_elses_private(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    asker, passer_by = fake_discord.add_user("asker"), fake_discord.add_user("passer-by")
    message = await fake_discord.send_message(UNCOVERED, author=asker)
    sent = await fake_discord.reply_to(message)
    suggestion = next(b for b in buttons(sent.body) if b["custom_id"].startswith("saga:ask:"))
    question = engine.ask(UNCOVERED).suggestions[0]
    assert suggestion["label"] == question and suggestion["custom_id"] == f"saga:ask:{asker.id}:{question}"

    # Someone else's press: the answer only they see, with no delete button (nothing to clean up).
    private = await fake_discord.press(sent.response, suggestion["custom_id"], user=passer_by)
    deferred = await fake_discord.callback(private)
    assert deferred.body == {"type": DEFERRED_CHANNEL_MESSAGE, "data": {"flags": EPHEMERAL}}
    followup = await fake_discord.followup(private)
    assert followup.body["embeds"] == [
        reply_embed(engine.ask(question, override="simplified"), engine).to_dict()
    ]
    assert int(followup.response["flags"]) & EPHEMERAL
    assert not [b for b in buttons(followup.body) if b["custom_id"].startswith("saga:del:")]

    # The asker's press: a public answer, which they may delete.
    public = await fake_discord.press(sent.response, suggestion["custom_id"], user=asker)
    deferred = await fake_discord.callback(public)
    assert deferred.body["type"] == DEFERRED_CHANNEL_MESSAGE
    assert not int(deferred.body.get("data", {}).get("flags", 0)) & EPHEMERAL
    followup = await fake_discord.followup(public)
    assert not int(followup.response["flags"]) & EPHEMERAL
    assert button(followup.body, "saga:del:")["custom_id"] == f"saga:del:{asker.id}:s"


async def test_delete_is_for_the_asker_and_moderators(fake_discord: FakeDiscord, saga: SagaBot) -> None:
    asker, other = fake_discord.add_user("asker"), fake_discord.add_user("other")
    moderator = fake_discord.add_user("moderator", permissions=MANAGE_MESSAGES | (1 << 10) | (1 << 11))
    answers = []
    for text in (ANSWERED, UNCOVERED):
        message = await fake_discord.send_message(text, author=asker)
        answers.append(await fake_discord.reply_to(message))
    for sent in answers:
        assert button(sent.body, "saga:del:")["label"] == labels.DELETE

    first, second = answers
    delete = button(first.body, "saga:del:")["custom_id"]
    refused = await fake_discord.press(first.response, delete, user=other, locale="zh-TW")
    told = await fake_discord.callback(refused)
    assert told.body["data"]["content"] == to_script(labels.NOT_YOURS_TO_DELETE, "traditional")
    assert told.body["data"]["flags"] == EPHEMERAL
    assert int(first.response["id"]) in fake_discord.messages

    by_asker = await fake_discord.press(first.response, delete, user=asker)
    assert (await fake_discord.callback(by_asker)).body["type"] == DEFERRED_UPDATE
    await fake_discord.wait_until(lambda: int(first.response["id"]) not in fake_discord.messages)

    by_moderator = await fake_discord.press(
        second.response, button(second.body, "saga:del:")["custom_id"], user=moderator
    )
    assert (await fake_discord.callback(by_moderator)).body["type"] == DEFERRED_UPDATE
    await fake_discord.wait_until(lambda: int(second.response["id"]) not in fake_discord.messages)


async def test_every_button_state_fits_a_custom_id(engine: Engine) -> None:
    # Every suggestion the engine can make fits, with the longest user id Discord has.
    longest_id = 2**64 - 1
    for fact in engine.base.by_id.values():
        for script in ("simplified", "traditional"):
            question = to_script(fact.questions[0], script, engine.variant)
            assert SuggestionButton.fits(question, longest_id), question
            assert len(SuggestionButton(question, longest_id).custom_id) <= CUSTOM_ID_LIMIT
    # Each quote the fact base cites has its own key, and a key finds its quote again.
    index = source_index(engine)
    citations = {(c.article, c.quote) for f in engine.base.by_id.values() for c in f.sources}
    assert citations <= set(index.values())
    assert len(index) == len(set(index.values()))
    key, (article, quote) = next(iter(index.items()))
    (found,) = sources_from_keys(engine, [key], "traditional")
    assert (found.article, found.original_quote) == (article, quote)
    assert sources_from_keys(engine, ["00000000"], "simplified") == []


async def test_every_listing_can_be_rebuilt_from_what_its_buttons_carry(engine: Engine) -> None:
    longest_id = 2**64 - 1
    reader = Reader("simplified", engine.variant)
    for entity_id, entity in engine.base.entities.items():
        # The key a /timeline for this person with both dates carries fits, with the longest ids.
        state = PageState("timeline", f"{entity_id}|2023-11-17|2024-09-30", longest_id, "traditional")
        assert len(state.custom_id("previous", 99)) <= CUSTOM_ID_LIMIT
        assert len(state.jump_id()) <= CUSTOM_ID_LIMIT
        assert PictureButton.fits(longest_id, entity_id)
        # The entity id finds the same profile again.
        assert profile_source(engine, entity_id, reader)[0].title.startswith(entity.name)
    assert profile_source(engine, "no-such-person", reader) == []
    assert timeline_source(engine, "no-such-person||", reader) == []
    assert timeline_source(engine, "altman||", reader)[0].title.startswith(
        engine.base.entities["altman"].name
    )


@pytest.mark.logs_errors
async def test_a_press_that_fails_is_told_privately(fake_discord: FakeDiscord, saga: SagaBot) -> None:
    asker = fake_discord.add_user("asker")
    message = await fake_discord.send_message(UNCOVERED, author=asker)
    sent = await fake_discord.reply_to(message)
    suggestion = next(b for b in buttons(sent.body) if b["custom_id"].startswith("saga:ask:"))
    # The public answer's follow-up fails after the public "thinking…".
    fake_discord.inject(400, method="POST", path=rf"/webhooks/{fake_discord.application_id}/.*")
    press = await fake_discord.press(sent.response, suggestion["custom_id"], user=asker, locale="zh-TW")
    placeholder = (await fake_discord.callback(press)).response["resource"]["message"]["id"]
    (told,) = await fake_discord.wait_until(lambda: fake_discord.followups(press))
    assert told.body["content"] == to_script(labels.ERROR, "traditional")
    assert int(told.response["flags"]) & EPHEMERAL
    assert int(placeholder) not in fake_discord.messages  # no "thinking…" left standing


# Components an older release sent: a view's random custom_id (before buttons were persistent),
# an id in a format since changed, and a kind of button since removed.
OUTDATED_IDS = (
    "9f86d081884c7d659a2feaa0c55ad015",
    "saga:orig:simplified:a002",
    "saga:more:12345:s",
)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh-CN", "这个按钮来自旧版本,已经不能用了。请重新提问。"),
        ("zh-TW", "這個按鈕來自舊版本,已經不能用了。請重新提問。"),
        ("en-US", "This button is from an older version of the bot and no longer works; please ask again."),
    ],
)
async def test_a_button_from_an_older_release_is_answered_politely_and_privately(
    fake_discord: FakeDiscord, saga: SagaBot, locale: str, expected: str
) -> None:
    user = fake_discord.add_user("old-timer")
    question = await fake_discord.send_message(ANSWERED, author=user)
    answer = await fake_discord.reply_to(question)
    for custom_id in OUTDATED_IDS:
        press = await fake_discord.press(answer.response, custom_id, user=user, locale=locale)
        told = await fake_discord.callback(press)
        assert told.status == 200 and told.body["type"] == CHANNEL_MESSAGE
        assert told.body["data"]["content"] == expected
        assert told.body["data"]["flags"] == EPHEMERAL
        assert not fake_discord.failed(press)
    picked = await fake_discord.press(
        answer.response, "saga:jump:gone", user=user, locale=locale, values=["1"]
    )
    assert (await fake_discord.callback(picked)).body["data"]["content"] == expected


async def test_a_current_button_is_not_taken_for_an_outdated_one(
    fake_discord: FakeDiscord, saga: SagaBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    user = fake_discord.add_user("reader")
    question = await fake_discord.send_message(ANSWERED, author=user)
    answer = await fake_discord.reply_to(question)
    show = await fake_discord.press(
        answer.response, button(answer.body, "saga:orig:")["custom_id"], user=user
    )
    shown = await fake_discord.callback(show)
    assert shown.status == 200 and shown.body["data"].get("embeds")
    assert len(fake_discord.callbacks(show)) == 1
    assert not [r for r in caplog.records if "outdated" in r.getMessage()]
