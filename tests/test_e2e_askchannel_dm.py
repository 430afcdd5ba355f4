"""End to end: /askchannel from a DM says it works in servers only (it said Manage Server was needed)."""

from __future__ import annotations

import pytest

from bot.discord.client import SagaBot
from bot.engine import labels
from bot.text import Script, to_script
from tests.fakediscord import CHANNEL_MESSAGE, EPHEMERAL, MANAGE_GUILD, MEMBER_PERMISSIONS, FakeDiscord


@pytest.mark.parametrize(
    ("locale", "script"), [("zh-CN", "simplified"), ("zh-TW", "traditional"), ("en-US", "simplified")]
)
@pytest.mark.parametrize("subcommand", ["add", "remove", "list"])
async def test_askchannel_in_a_dm_says_servers_only(
    fake_discord: FakeDiscord, saga: SagaBot, locale: str, script: Script, subcommand: str
) -> None:
    # Even someone who manages the server is told where the command works, not what they lack.
    admin = fake_discord.add_user("admin", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
    interaction = await fake_discord.slash(
        "askchannel", [{"name": subcommand, "type": 1, "options": []}], user=admin, locale=locale, dm=True
    )
    callback = await fake_discord.callback(interaction)
    assert callback.body["type"] == CHANNEL_MESSAGE
    assert callback.body["data"]["flags"] == EPHEMERAL
    assert callback.body["data"]["content"] == to_script(labels.SERVERS_ONLY, script, saga.engine.variant)
    assert await saga.storage.ask_channels(fake_discord.guild_id) == []
