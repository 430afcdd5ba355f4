"""Spec'd test doubles for discord.py objects, after python-discord/bot's tests/helpers.py.

Every mock is a MagicMock with ``spec_set`` on the real discord.py class (or,
for the bot, on a real :class:`SagaBot` instance), so reading or setting an
attribute the real object lacks fails the test instead of passing silently.
Coroutine methods of the spec come back as AsyncMocks, so ``await
message.channel.send(...)`` works and records its arguments.

An interaction's response behaves like the real one: ``is_done()`` turns true
after the first response, and a second response raises InteractionResponded.
"""

from __future__ import annotations

import asyncio
import itertools
import unittest.mock
from collections.abc import Callable
from typing import Any, ClassVar

import discord
from discord.ext import commands

from bot.discord.client import SagaBot
from bot.engine.answer import Engine
from bot.settings import Settings
from bot.storage import Storage

_ids = itertools.count(1_000_000_000_000_000)


def snowflake() -> int:
    return next(_ids)


class SpecMock(unittest.mock.MagicMock):
    """A MagicMock spec'd on `spec_class`; its children are plain mocks, async where the spec is."""

    spec_class: ClassVar[Any]

    def __init__(self, **attributes: Any) -> None:
        super().__init__(spec_set=self.spec_class)
        for name, value in attributes.items():
            setattr(self, name, value)

    def _get_child_mock(self, **kw: Any) -> unittest.mock.MagicMock:
        name = kw.get("_new_name", "")
        if asyncio.iscoroutinefunction(getattr(self.spec_class, name, None)):
            return unittest.mock.AsyncMock(**kw)
        return unittest.mock.MagicMock(**kw)


class MockGuild(SpecMock):
    spec_class = discord.Guild

    def __init__(self, **attributes: Any) -> None:
        defaults: dict[str, Any] = {
            "id": snowflake(),
            "name": "guild",
            "preferred_locale": discord.Locale.american_english,
            "self_role": None,
        }
        super().__init__(**(defaults | attributes))


class MockRole(SpecMock):
    spec_class = discord.Role

    def __init__(self, **attributes: Any) -> None:
        role_id = attributes.pop("id", snowflake())
        super().__init__(**({"id": role_id, "name": "role", "mention": f"<@&{role_id}>"} | attributes))


class MockUser(SpecMock):
    spec_class = discord.User

    def __init__(self, **attributes: Any) -> None:
        user_id = attributes.pop("id", snowflake())
        defaults = {"id": user_id, "name": "user", "bot": False, "mention": f"<@{user_id}>"}
        super().__init__(**(defaults | attributes))


class MockClientUser(MockUser):
    spec_class = discord.ClientUser

    def __init__(self, **attributes: Any) -> None:
        super().__init__(**({"name": "saga-bot", "bot": True} | attributes))


class MockMember(SpecMock):
    spec_class = discord.Member

    def __init__(self, **attributes: Any) -> None:
        member_id = attributes.pop("id", snowflake())
        defaults = {
            "id": member_id,
            "name": "member",
            "bot": False,
            "mention": f"<@{member_id}>",
            "guild_permissions": discord.Permissions.none(),
        }
        super().__init__(**(defaults | attributes))


class MockTextChannel(SpecMock):
    spec_class = discord.TextChannel

    def __init__(self, **attributes: Any) -> None:
        channel_id = attributes.pop("id", snowflake())
        defaults = {"id": channel_id, "name": "general", "mention": f"<#{channel_id}>"}
        super().__init__(**(defaults | attributes))
        self.send.return_value = MockMessage(channel=self, author=None)


class MockThread(SpecMock):
    spec_class = discord.Thread

    def __init__(self, **attributes: Any) -> None:
        channel_id = attributes.pop("id", snowflake())
        super().__init__(**({"id": channel_id, "name": "thread", "parent_id": snowflake()} | attributes))
        self.send.return_value = MockMessage(channel=self, author=None)


class MockDMChannel(SpecMock):
    spec_class = discord.DMChannel

    def __init__(self, **attributes: Any) -> None:
        super().__init__(**({"id": snowflake()} | attributes))
        self.send.return_value = MockMessage(channel=self, author=None)


class MockMessageReference(SpecMock):
    spec_class = discord.MessageReference


class MockMessage(SpecMock):
    spec_class = discord.Message

    def __init__(self, **attributes: Any) -> None:
        guild = attributes.pop("guild", None)
        channel = attributes.pop("channel", None)
        if channel is None:
            channel = MockTextChannel(guild=guild) if guild is not None else MockDMChannel()
        author = attributes.pop("author", ...)
        if author is ...:
            author = MockMember(guild=guild) if guild is not None else MockUser()
        defaults = {
            "id": snowflake(),
            "content": "",
            "guild": guild,
            "channel": channel,
            "author": author,
            "mentions": [],
            "role_mentions": [],
            "mention_everyone": False,
            "reference": None,
            "webhook_id": None,
            "type": discord.MessageType.default,
            "created_at": discord.utils.utcnow(),
        }
        super().__init__(**(defaults | attributes))


class MockInteractionResponse(SpecMock):
    """Like the real InteractionResponse: one response per interaction."""

    spec_class = discord.InteractionResponse

    def __init__(self, parent: MockInteraction) -> None:
        super().__init__(_parent=parent, _response_type=None)
        self.is_done.side_effect = lambda: self._response_type is not None
        for method, kind in (
            ("send_message", discord.InteractionResponseType.channel_message),
            ("defer", discord.InteractionResponseType.deferred_channel_message),
            ("edit_message", discord.InteractionResponseType.message_update),
        ):
            getattr(self, method).side_effect = self._responder(kind)

    def _responder(self, kind: discord.InteractionResponseType) -> Any:
        async def respond(*args: Any, **kwargs: Any) -> None:
            if self._response_type is not None:
                raise discord.InteractionResponded(self._parent)
            self._response_type = kind

        return respond


class MockWebhook(SpecMock):
    spec_class = discord.Webhook

    def __init__(self, **attributes: Any) -> None:
        super().__init__(**attributes)
        self.send.return_value = MockMessage()


class MockInteraction(SpecMock):
    spec_class = discord.Interaction

    def __init__(self, **attributes: Any) -> None:
        guild = attributes.pop("guild", ...)
        if guild is ...:
            guild = MockGuild()
        channel = attributes.pop("channel", None) or (
            MockTextChannel(guild=guild) if guild else MockDMChannel()
        )
        defaults = {
            "id": snowflake(),
            "user": MockMember(guild=guild) if guild else MockUser(),
            "guild": guild,
            "guild_id": guild.id if guild else None,
            "channel": channel,
            "channel_id": channel.id,
            "locale": discord.Locale.chinese,  # English-locale users are tested explicitly
            "guild_locale": guild.preferred_locale if guild else None,
            "permissions": discord.Permissions.none(),
            "extras": {},
            "created_at": discord.utils.utcnow(),
            "command": None,
            "followup": MockWebhook(),
        }
        super().__init__(**(defaults | attributes))
        self.response = MockInteractionResponse(self)
        self.original_response.return_value = MockMessage(channel=channel, author=None)


def make_settings(**values: Any) -> Settings:
    """Settings from arguments only: no environment, no .env file."""
    return Settings(_env_file=None, **values)


async def _call(work: Callable[[], Any]) -> Any:
    return work()


class MockBot(SpecMock):
    """A SagaBot double holding the real engine, storage and settings."""

    spec_class = SagaBot

    def __init__(
        self, *, engine: Engine, storage: Storage, settings: Settings | None = None, **attributes: Any
    ):
        settings = settings or make_settings()
        spec = SagaBot(settings=settings, engine=engine, storage=storage)
        unittest.mock.MagicMock.__init__(self, spec_set=spec)
        self.settings, self.engine, self.storage = settings, engine, storage
        self.user = MockClientUser()
        self.allowed_mentions = discord.AllowedMentions.none()
        self.tree = unittest.mock.MagicMock(spec_set=spec.tree)
        context = unittest.mock.MagicMock(spec_set=commands.Context)
        context.valid = False
        self.get_context.return_value = context
        self.in_engine.side_effect = _call  # the real engine's work, awaited, on the test's thread
        for name, value in attributes.items():
            setattr(self, name, value)


def assert_within_limits(embed: discord.Embed) -> None:
    """Discord's embed limits, which a 400 would otherwise enforce."""
    assert len(embed.title or "") <= 256
    assert len(embed.description or "") <= 4096
    assert len(embed.footer.text or "") <= 2048
    assert len(embed.author.name or "") <= 256
    assert len(embed.fields) <= 25
    for field in embed.fields:
        assert field.name and len(field.name) <= 256
        assert field.value and len(field.value) <= 1024
    assert len(embed) <= 6000


# The JSON fields of `saga-bot ask --json`, pinned here: the evaluation depends on them.
REPLY_FIELDS = frozenset(
    {
        "question",
        "answered",
        "answer",
        "script",
        "confidence",
        "fact_id",
        "sources",
        "suggestions",
        "decline_reason",
    }
    # answers of several facts (#22): the kind of answer, every fact used, items with sources
    | {"answer_kind", "fact_ids", "items"}
)


# The application commands the bot registers, as the tests expect to see them synced.
EXPECTED_COMMANDS = {
    "ask",
    "timeline",
    "on",
    "who",
    "sources",
    "about",
    "script",
    "askchannel",
    "variant",
    "help",
    "Ask saga-bot",
}  # "Ask saga-bot": the message context menu
