"""A shard cluster end to end: two `saga-bot run --shards ...` processes against the fake
Discord (shards routed as Discord routes them) and one real PostgreSQL server (issue #20)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import AsyncIterator, Mapping
from typing import Any

import pytest

from bot.engine.answer import Engine
from bot.engine.script import detect_script
from bot.storage import open_storage
from tests.fakediscord import MANAGE_GUILD, MEMBER_PERMISSIONS, OP_IDENTIFY, TOKEN, FakeDiscord

pytestmark = pytest.mark.postgres

START = 60.0  # a child process loads the engine, connects to PostgreSQL, then to the fake
SETTLE = 1.0  # how long a second reply would have had to arrive


@pytest.fixture
async def cluster_discord() -> AsyncIterator[FakeDiscord]:
    """A fake Discord of two shards whose one guild is on shard 1; DMs are on shard 0."""
    async with FakeDiscord(shard_count=2, guild_shard=1) as fake:
        yield fake


class Cluster:
    """`saga-bot run --shards N --shard-count 2` processes sharing one PostgreSQL database."""

    def __init__(self, fake: FakeDiscord, database: str) -> None:
        self.fake, self.database = fake, database
        self.processes: dict[int, asyncio.subprocess.Process] = {}

    async def start(self, shard: int) -> None:
        env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN" and not k.startswith("SAGA_BOT_")}
        env |= {
            "DISCORD_TOKEN": TOKEN,
            "SAGA_BOT_DATABASE": self.database,
            "SAGA_BOT_COOLDOWN_RATE": "1000",
            "PYTHONUNBUFFERED": "1",
        }
        program = (
            "import sys, discord, yarl\n"
            f"discord.http.Route.BASE = {self.fake.base_url!r}\n"
            f"discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL({self.fake.gateway_url!r})\n"
            "from bot.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n"
        )
        identified = len(self.identifies(shard))
        self.processes[shard] = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            program,
            "run",
            "--shards",
            str(shard),
            "--shard-count",
            "2",
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        await self.fake.wait_until(lambda: len(self.identifies(shard)) > identified, within=START)

    def identifies(self, shard: int) -> list[Any]:
        return [f for f in self.fake.frames if f.op == OP_IDENTIFY and f.d.get("shard") == [shard, 2]]

    async def kill(self, shard: int) -> None:
        process = self.processes.pop(shard)
        process.send_signal(signal.SIGKILL)
        await process.wait()

    async def stop_all(self) -> None:
        for shard in list(self.processes):
            process = self.processes.pop(shard)
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 15)
            except TimeoutError:
                process.kill()
                await process.wait()


async def answered_once(fake: FakeDiscord, message: Mapping[str, Any], within: float = 15.0) -> Any:
    reply = await fake.reply_to(message, within=within)
    await asyncio.sleep(SETTLE)
    assert len(fake.replies_to(message)) == 1
    return reply


async def test_two_processes_share_the_work_and_the_state(
    cluster_discord: FakeDiscord, postgres_url: str, engine: Engine
) -> None:
    fake = cluster_discord
    cluster = Cluster(fake, postgres_url)
    try:
        await asyncio.gather(cluster.start(0), cluster.start(1))
        reader = fake.add_user("reader")
        dm_channel = 4242

        # Guild messages reach shard 1's process only, DMs shard 0's: each answered exactly once.
        in_guild = await fake.send_message("穆拉蒂什么时候离职?", author=reader)
        await answered_once(fake, in_guild, within=START)
        dm = await fake.send_message(
            "穆拉蒂什么时候离职?", author=reader, mention_bot=False, channel_id=dm_channel, dm=True
        )
        assert (await answered_once(fake, dm, within=START)).path == f"/channels/{dm_channel}/messages"

        # A preference set in a DM (shard 0's process) is honoured in the guild (shard 1's).
        script = await fake.slash(
            "script", [{"name": "mode", "type": 3, "value": "traditional"}], user=reader, dm=True
        )
        assert (await fake.callback(script, within=15)).status == 200
        question = await fake.send_message("Sutskever", author=reader)
        reply = await answered_once(fake, question)
        (embed,) = reply.body["embeds"]
        assert detect_script(embed["description"]) == "traditional"
        assert engine.ask("Sutskever", override="traditional").answer == embed["description"]

        # An ask channel added through the guild's process; removed by another client of the
        # database (as another process would): the guild's process stops answering there.
        admin = fake.add_user("admin", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
        channel = fake.channel_ids[2]
        add = await fake.slash(
            "askchannel", [{"name": "add", "type": 1, "options": []}], user=admin, channel_id=channel
        )
        assert (await fake.callback(add, within=15)).status == 200
        plain = await fake.send_message("Sutskever", author=reader, mention_bot=False, channel_id=channel)
        await answered_once(fake, plain)
        other = await open_storage(postgres_url)
        try:
            await other.remove_ask_channel(fake.guild_id, channel)
        finally:
            await other.close()
        await asyncio.sleep(SETTLE)  # the notification's way to the other process
        ignored = await fake.send_message("Sutskever", author=reader, mention_bot=False, channel_id=channel)
        await asyncio.sleep(SETTLE)
        assert fake.replies_to(ignored) == []

        # Shard 1's process killed: DMs are still answered by shard 0's. Restarted, it
        # identifies its shard again and answers the guild again.
        await cluster.kill(1)
        dm_again = await fake.send_message(
            "Sutskever", author=reader, mention_bot=False, channel_id=dm_channel, dm=True
        )
        await answered_once(fake, dm_again)
        unowned = await fake.send_message("Sutskever", author=reader)  # its shard is down: no one
        await asyncio.sleep(SETTLE)
        assert fake.replies_to(unowned) == []
        await cluster.start(1)
        back = await fake.send_message("Sutskever", author=reader)
        await answered_once(fake, back, within=START)
    finally:
        await cluster.stop_all()
