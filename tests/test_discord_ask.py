"""The Ask cog: when it answers, in which script, how it replies, cooldowns and misses."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.discord.render import answer_topic
from bot.discord.views import DeleteButton, ShowOriginalButton, SuggestionButton
from bot.engine import labels
from bot.engine.answer import Engine
from bot.engine.script import detect_script
from bot.exts.qa import ask as ask_module
from bot.exts.qa.ask import Ask
from bot.storage import Storage, open_storage
from bot.text import to_traditional
from tests.helpers import (
    MockBot,
    MockGuild,
    MockInteraction,
    MockMessage,
    MockMessageReference,
    MockRole,
    MockThread,
    MockUser,
    assert_within_limits,
    make_settings,
)

QUESTION = "穆拉蒂什么时候离职?"
QUESTION_TRADITIONAL = "穆拉蒂什麼時候離職?"
ENGLISH = "When did Mira Murati leave?"
UNCOVERED = "今天天气怎么样?"


@pytest.fixture
async def storage(tmp_path: Path) -> AsyncIterator[Storage]:
    store = await open_storage(str(tmp_path / "saga.sqlite3"))
    yield store
    await store.close()


@pytest.fixture
def bot(engine: Engine, storage: Storage) -> MockBot:
    return MockBot(engine=engine, storage=storage, settings=make_settings(cooldown_rate=100, cooldown_per=60))


@pytest.fixture
def cog(bot: MockBot) -> Ask:
    return Ask(bot)


def mention_message(bot: MockBot, text: str, **attributes: Any) -> MockMessage:
    guild = attributes.pop("guild", None) or MockGuild()
    return MockMessage(guild=guild, content=f"<@{bot.user.id}> {text}", mentions=[bot.user], **attributes)


def script_of(text: str | None) -> str | None:
    return detect_script(text or "")


def sent(message: MockMessage) -> dict[str, Any]:
    message.channel.send.assert_awaited_once()
    kwargs: dict[str, Any] = message.channel.send.await_args.kwargs
    return kwargs


def assert_no_pings(kwargs: dict[str, Any]) -> None:
    """Nothing overrides the client's AllowedMentions.none(), and the reply pings no author."""
    assert "allowed_mentions" not in kwargs
    assert kwargs["mention_author"] is False


# -- when the bot answers -------------------------------------------------------------------


async def test_answers_a_mention_as_a_reply(cog: Ask, bot: MockBot) -> None:
    message = mention_message(bot, QUESTION)
    await cog.on_message(message)
    kwargs = sent(message)
    assert kwargs["reference"] is message.to_reference.return_value
    message.to_reference.assert_called_with(fail_if_not_exists=False)
    assert_no_pings(kwargs)
    embed = kwargs["embed"]
    # The mention that addressed the bot is not part of the question; the title is its topic.
    assert embed.title == topic(bot, QUESTION)
    assert script_of(embed.description) == "simplified"
    assert embed.fields[0].value.startswith("「")  # the first article's quotes
    show, delete = kwargs["view"].children
    assert isinstance(show, ShowOriginalButton) and isinstance(delete, DeleteButton)
    assert delete.asker_id == message.author.id


async def test_answers_a_mention_of_its_role(cog: Ask, bot: MockBot) -> None:
    role = MockRole()
    message = MockMessage(
        guild=MockGuild(self_role=role), content=f"{role.mention} {QUESTION}", role_mentions=[role]
    )
    await cog.on_message(message)
    assert sent(message)["embed"].title == topic(bot, QUESTION)


async def test_answers_in_dms(cog: Ask) -> None:
    message = MockMessage(content=QUESTION)
    await cog.on_message(message)
    assert sent(message)["reference"] is message.to_reference.return_value


async def test_answers_a_reply_to_its_own_message(cog: Ask, bot: MockBot) -> None:
    guild = MockGuild()
    earlier = MockMessage(guild=guild, author=bot.user)
    message = MockMessage(guild=guild, content=QUESTION, reference=MockMessageReference(resolved=earlier))
    await cog.on_message(message)
    sent(message)


async def test_ignores_replies_to_others_and_plain_chatter(cog: Ask) -> None:
    guild = MockGuild()
    other = MockMessage(guild=guild)
    reply = MockMessage(guild=guild, content=QUESTION, reference=MockMessageReference(resolved=other))
    chatter = MockMessage(guild=guild, content=QUESTION)
    everyone = MockMessage(guild=guild, content=f"@everyone {QUESTION}", mention_everyone=True)
    for message in (reply, chatter, everyone):
        await cog.on_message(message)
        message.channel.send.assert_not_awaited()


async def test_answers_every_message_in_an_ask_channel(cog: Ask, storage: Storage) -> None:
    message = MockMessage(guild=MockGuild(), content=QUESTION)
    await storage.add_ask_channel(message.guild.id, message.channel.id)
    await cog.on_message(message)
    sent(message)


async def test_answers_in_threads_of_an_ask_channel(cog: Ask, storage: Storage) -> None:
    guild = MockGuild()
    thread = MockThread(guild=guild)
    await storage.add_ask_channel(guild.id, thread.parent_id)
    message = MockMessage(guild=guild, channel=thread, content=QUESTION)
    await cog.on_message(message)
    sent(message)


async def test_ignores_bots_webhooks_system_messages_and_empty_content(cog: Ask, bot: MockBot) -> None:
    messages = [
        MockMessage(content=QUESTION, author=MockUser(bot=True)),
        MockMessage(content=QUESTION, webhook_id=1),
        MockMessage(content=QUESTION, type=discord.MessageType.pins_add),
        MockMessage(content=""),  # an attachment, or an ask channel without Message Content
    ]
    for message in messages:
        await cog.on_message(message)
        message.channel.send.assert_not_awaited()


async def test_leaves_owner_commands_to_their_cog(cog: Ask, bot: MockBot) -> None:
    bot.get_context.return_value.valid = True
    message = mention_message(bot, "sync")
    await cog.on_message(message)
    message.channel.send.assert_not_awaited()


# -- script ---------------------------------------------------------------------------------


async def test_traditional_question_gets_a_traditional_answer(cog: Ask, bot: MockBot) -> None:
    message = mention_message(bot, QUESTION_TRADITIONAL)
    await cog.on_message(message)
    embed = sent(message)["embed"]
    assert script_of(embed.description) == "traditional"
    assert script_of(embed.fields[0].name) == "traditional"  # the article heading too


async def test_simplified_question_wins_over_a_traditional_preference(
    cog: Ask, bot: MockBot, storage: Storage
) -> None:
    message = mention_message(bot, QUESTION)
    await storage.set_script(message.author.id, "traditional")
    await cog.on_message(message)
    assert script_of(sent(message)["embed"].description) == "simplified"


async def test_question_without_chinese_follows_the_preference(
    cog: Ask, bot: MockBot, storage: Storage
) -> None:
    message = mention_message(bot, ENGLISH)
    await storage.set_script(message.author.id, "traditional")
    await cog.on_message(message)
    assert script_of(sent(message)["embed"].description) == "traditional"


async def test_question_without_chinese_follows_the_server_locale(cog: Ask, bot: MockBot) -> None:
    message = mention_message(bot, ENGLISH, guild=MockGuild(preferred_locale=discord.Locale.taiwan_chinese))
    await cog.on_message(message)
    assert script_of(sent(message)["embed"].description) == "traditional"


async def test_question_without_chinese_defaults_to_simplified(cog: Ask, bot: MockBot) -> None:
    message = mention_message(bot, ENGLISH)
    await cog.on_message(message)
    assert script_of(sent(message)["embed"].description) == "simplified"


def topic(bot: MockBot, question: str) -> str:
    """The title of the answer to `question`: what it is about, in the bot's words."""
    return answer_topic(bot.engine.ask(question), bot.engine)


# -- mentions and length --------------------------------------------------------------------


async def test_mention_laden_question_is_not_echoed_and_pings_nobody(cog: Ask, bot: MockBot) -> None:
    question = f"@everyone @here <@&{12345}> <@{67890}> {QUESTION}"
    message = mention_message(bot, question)
    await cog.on_message(message)
    kwargs = sent(message)
    assert_no_pings(kwargs)
    assert kwargs["embed"].title == topic(bot, QUESTION)  # no mention echoed
    assert script_of(kwargs["embed"].description) == "simplified"
    assert bot.allowed_mentions.to_dict() == {"parse": []}


async def test_ten_thousand_character_question_stays_within_limits(
    cog: Ask, bot: MockBot, storage: Storage
) -> None:
    message = mention_message(bot, UNCOVERED + "啊" * 10_000)
    await cog.on_message(message)
    embed = sent(message)["embed"]
    assert_within_limits(embed)
    assert embed.title.endswith("…")
    (miss,) = await storage.top_misses(5)
    assert miss.text.startswith(UNCOVERED.rstrip("?"))
    assert len(miss.text) <= 500


# -- misses ---------------------------------------------------------------------------------


async def test_unanswered_questions_are_recorded_without_ids_with_why(
    cog: Ask, bot: MockBot, storage: Storage, engine: Engine
) -> None:
    message = mention_message(bot, f"<@{424242}> {UNCOVERED}")
    await cog.on_message(message)
    kwargs = sent(message)
    assert any(isinstance(item, SuggestionButton) for item in kwargs["view"].children)
    (miss,) = await storage.top_misses(5)
    assert miss.text == UNCOVERED
    assert "424242" not in miss.text and str(bot.user.id) not in miss.text
    # The engine's reason for declining is kept with it, for `saga-bot misses --by-reason`.
    assert miss.reason is not None and miss.reason == engine.ask(UNCOVERED).decline_reason


async def test_answered_questions_are_not_recorded(cog: Ask, bot: MockBot, storage: Storage) -> None:
    await cog.on_message(mention_message(bot, QUESTION))
    assert await storage.top_misses(5) == []


# -- cooldown -------------------------------------------------------------------------------


async def test_message_cooldown_tells_the_first_extra_question_of_a_window_when_to_retry(
    engine: Engine, storage: Storage
) -> None:
    bot = MockBot(engine=engine, storage=storage, settings=make_settings(cooldown_rate=1, cooldown_per=60))
    cog = Ask(bot)
    author = MockUser()
    sent_at = discord.utils.utcnow()
    first, second, third = (
        MockMessage(content=QUESTION, author=author, created_at=sent_at + timedelta(seconds=i))
        for i in range(3)
    )
    await cog.on_message(first)
    assert "embed" in sent(first)
    await cog.on_message(second)
    kwargs = sent(second)
    notice = second.channel.send.await_args.args[0]
    when = math.ceil(sent_at.timestamp() + 60)  # the window opened with the first question
    assert notice == labels.COOLDOWN.format(when=f"<t:{when}:R>")
    assert kwargs["reference"] is second.to_reference.return_value
    assert_no_pings(kwargs)
    assert "delete_after" not in kwargs and len(cog._expiring) == 1  # the cog deletes it, in time
    await cog.on_message(third)  # still cooling down and told already: no second notice
    third.channel.send.assert_not_awaited()
    # The next window: answered, and its first extra question told again.
    later = [
        MockMessage(content=QUESTION, author=author, created_at=sent_at + timedelta(seconds=61 + i))
        for i in range(2)
    ]
    await cog.on_message(later[0])
    assert "embed" in sent(later[0])
    await cog.on_message(later[1])
    assert later[1].channel.send.await_args.args[0] == labels.COOLDOWN.format(when=f"<t:{when + 61}:R>")
    await cog.cog_unload()  # the notices' pending deletions end with the cog
    await asyncio.sleep(0)
    assert all(task.cancelled() for task in cog._expiring)


async def test_lapsed_notice_windows_are_swept_out(
    engine: Engine, storage: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One entry per user told, kept only while it applies: a flood of users leaves no trail.
    monkeypatch.setattr(ask_module, "NOTICED_SWEEP_AT", 3)
    cog = Ask(MockBot(engine=engine, storage=storage, settings=make_settings()))
    now = discord.utils.utcnow()
    for user in range(3):
        assert cog.first_notice(user, now - timedelta(minutes=5), now.timestamp() - 60)  # lapsed
    assert cog.first_notice(7, now, now.timestamp() + 30)
    assert cog.noticed_until == {7: now.timestamp() + 30}
    assert not cog.first_notice(7, now + timedelta(seconds=1), now.timestamp() + 30)  # told already


async def test_slash_cooldown_is_an_ephemeral_notice(engine: Engine, storage: Storage) -> None:
    bot = MockBot(engine=engine, storage=storage, settings=make_settings(cooldown_rate=1, cooldown_per=30))
    cog = Ask(bot)
    user = MockUser()
    now = discord.utils.utcnow()
    await cog.ask.callback(cog, MockInteraction(user=user, created_at=now), QUESTION)
    second = MockInteraction(user=user, locale=discord.Locale.taiwan_chinese, created_at=now)
    await cog.ask.callback(cog, second, "穆拉蒂離職了嗎")
    second.response.send_message.assert_awaited_once()
    notice = second.response.send_message.await_args.args[0]
    assert notice == to_traditional(labels.COOLDOWN.format(when=f"<t:{math.ceil(now.timestamp() + 30)}:R>"))
    # An English question gets an English notice, whatever the locale.
    third = MockInteraction(user=user, locale=discord.Locale.taiwan_chinese, created_at=now)
    await cog.ask.callback(cog, third, ENGLISH)
    assert "you can ask again <t:" in third.response.send_message.await_args.args[0]
    assert second.response.send_message.await_args.kwargs == {"ephemeral": True}
    second.response.defer.assert_not_awaited()


async def test_cooldown_is_per_user(engine: Engine, storage: Storage) -> None:
    bot = MockBot(engine=engine, storage=storage, settings=make_settings(cooldown_rate=1, cooldown_per=60))
    cog = Ask(bot)
    for _ in range(2):
        message = MockMessage(content=QUESTION)  # a new author each time
        await cog.on_message(message)
        assert "embed" in sent(message)


# -- /ask -----------------------------------------------------------------------------------


async def test_slash_ask_defers_then_follows_up(cog: Ask) -> None:
    interaction = MockInteraction()
    await cog.ask.callback(cog, interaction, QUESTION)
    interaction.response.defer.assert_awaited_once_with(thinking=True, ephemeral=False)
    interaction.followup.send.assert_awaited_once()
    kwargs = interaction.followup.send.await_args.kwargs
    assert kwargs["ephemeral"] is False
    assert script_of(kwargs["embed"].description) == "simplified"
    assert "allowed_mentions" not in kwargs
    assert any(isinstance(item, DeleteButton) for item in kwargs["view"].children)


async def test_slash_ask_script_from_locale_when_the_question_has_no_chinese(cog: Ask) -> None:
    interaction = MockInteraction(locale=discord.Locale.taiwan_chinese)
    await cog.ask.callback(cog, interaction, ENGLISH)
    assert script_of(interaction.followup.send.await_args.kwargs["embed"].description) == "traditional"

    simplified = MockInteraction(locale=discord.Locale.chinese)
    await cog.ask.callback(cog, simplified, ENGLISH)
    assert script_of(simplified.followup.send.await_args.kwargs["embed"].description) == "simplified"


async def test_slash_ask_preference_beats_locale(cog: Ask, storage: Storage) -> None:
    interaction = MockInteraction(locale=discord.Locale.chinese)
    await storage.set_script(interaction.user.id, "traditional")
    await cog.ask.callback(cog, interaction, ENGLISH)
    assert script_of(interaction.followup.send.await_args.kwargs["embed"].description) == "traditional"


async def test_slash_ask_long_question_within_limits(cog: Ask) -> None:
    interaction = MockInteraction()
    await cog.ask.callback(cog, interaction, "x" * 10_000)
    assert_within_limits(interaction.followup.send.await_args.kwargs["embed"])


# -- suggestions ----------------------------------------------------------------------------


async def test_suggestion_button_asks_for_the_clicker_in_their_script(
    cog: Ask, bot: MockBot, storage: Storage
) -> None:
    message = mention_message(bot, UNCOVERED)
    await cog.on_message(message)
    view = sent(message)["view"]
    buttons = [item for item in view.children if isinstance(item, SuggestionButton)]
    assert 1 <= len(buttons) <= 3
    clicker = MockInteraction(client=bot)
    bot.get_cog.return_value = cog
    await storage.set_script(clicker.user.id, "traditional")
    await buttons[0].callback(clicker)
    clicker.response.defer.assert_awaited_once()
    embed = clicker.followup.send.await_args.kwargs["embed"]
    # Asked, and answered, in the clicker's script (the suggestion was written in simplified).
    assert detect_script(buttons[0].question) == "simplified"
    reply = bot.engine.ask(buttons[0].question, override="traditional")
    assert embed.title == answer_topic(reply, bot.engine)
    assert embed.description == reply.answer
