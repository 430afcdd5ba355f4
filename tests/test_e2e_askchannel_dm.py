"""End to end: /askchannel from a DM says it works in servers only (it said Manage Server was needed)."""

from __future__ import annotations

import pytest

from bot.discord import i18n
from bot.discord.client import SagaBot
from bot.engine import labels
from bot.text import Script
from tests.fakediscord import CHANNEL_MESSAGE, EPHEMERAL, MANAGE_GUILD, MEMBER_PERMISSIONS, FakeDiscord


@pytest.mark.parametrize(
    ("locale", "script"), [("zh-CN", "simplified"), ("zh-TW", "traditional"), ("en-US", "english")]
)
@pytest.mark.parametrize("subcommand", ["add", "remove", "list"])
async def test_askchannel_in_a_dm_says_servers_only(
    fake_discord: FakeDiscord, saga: SagaBot, locale: str, script: Script | str, subcommand: str
) -> None:
    # Even someone who manages the server is told where the command works, not what they lack.
    admin = fake_discord.add_user("admin", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
    interaction = await fake_discord.slash(
        "askchannel", [{"name": subcommand, "type": 1, "options": []}], user=admin, locale=locale, dm=True
    )
    callback = await fake_discord.callback(interaction)
    assert callback.body["type"] == CHANNEL_MESSAGE
    assert callback.body["data"]["flags"] == EPHEMERAL
    # In the reader's language: English for an English client, Chinese with the region's words.
    expected = (
        i18n.ENGLISH[labels.SERVERS_ONLY]
        if script == "english"
        else i18n.chinese_label(
            labels.SERVERS_ONLY,
            "traditional" if script == "traditional" else "simplified",
            saga.engine.variant,
        )
    )
    assert callback.body["data"]["content"] == expected
    assert await saga.storage.ask_channels(fake_discord.guild_id) == []
