"""PostgresStorage only, against the session's real server: changes seen across processes,
and the faults of issue #20 - server down at start, a wrong password, the server lost and
back mid-run."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from bot.cli import main
from bot.storage import Storage, StorageError, open_storage
from tests.pgserver import PostgresServer

pytestmark = pytest.mark.postgres

TOKEN = "MTE4NzQ1MDk4NzY1NDMyMTAwOQ.GhJkLm.s3cr3t-t0k3n_abcdefghijklmnopqrstuvwx"


async def eventually(condition: Callable[[], Awaitable[bool]], within: float = 20.0) -> None:
    deadline = time.monotonic() + within
    while not await condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def test_ask_channel_changes_reach_every_process_without_a_restart(postgres_url: str) -> None:
    first, second = await open_storage(postgres_url), await open_storage(postgres_url)
    try:
        await first.add_ask_channel(1, 10)

        async def second_sees() -> bool:
            return await second.is_ask_channel(1, 10)

        await eventually(second_sees, within=5.0)
        await second.remove_ask_channel(1, 10)

        async def first_forgot() -> bool:
            return not await first.is_ask_channel(1, 10)

        await eventually(first_forgot, within=5.0)
        # A preference the second process has cached is replaced when the first changes it.
        assert await second.get_script(5) is None
        await first.set_script(5, "traditional")

        async def second_follows() -> bool:
            return await second.get_script(5) == "traditional"

        await eventually(second_follows, within=5.0)
        await first.set_script(5, None)

        async def second_forgot() -> bool:
            return await second.get_script(5) is None

        await eventually(second_forgot, within=5.0)
        # So is a server's choice of traditional forms, which every reply there reads.
        assert await second.get_guild_variant(1) is None
        await first.set_guild_variant(1, "hk")

        async def second_uses_hk() -> bool:
            return await second.get_guild_variant(1) == "hk"

        await eventually(second_uses_hk, within=5.0)
        await second.set_guild_variant(1, None)

        async def first_back_to_default() -> bool:
            return await first.get_guild_variant(1) is None

        await eventually(first_back_to_default, within=5.0)
    finally:
        await first.close()
        await second.close()


async def test_server_down_at_start_is_one_line() -> None:
    url = f"postgresql://saga:hunter2-secret@127.0.0.1:{unused_port()}/saga"
    started = time.monotonic()
    with pytest.raises(StorageError) as caught:
        await open_storage(url)
    message = str(caught.value)
    assert message.startswith("cannot reach PostgreSQL at 127.0.0.1:")
    assert "hunter2" not in message and "\n" not in message
    assert time.monotonic() - started < 10


async def test_wrong_password_names_no_secret(postgres_server: PostgresServer) -> None:
    with pytest.raises(StorageError) as caught:
        await open_storage(postgres_server.url(password="wrong-hunter2"))
    message = str(caught.value)
    assert "refused the credentials" in message
    assert "wrong-hunter2" not in message and postgres_server.password not in message


async def test_missing_database_is_one_line(postgres_server: PostgresServer) -> None:
    with pytest.raises(StorageError, match="does not exist") as caught:
        await open_storage(postgres_server.url("no_such_database"))
    assert postgres_server.password not in str(caught.value)


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in list(os.environ):
        if name == "DISCORD_TOKEN" or name.startswith("SAGA_BOT_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    yield


@pytest.mark.usefixtures("clean_environment", "restore_logging")
def test_run_with_the_server_down_exits_non_zero_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv(
        "SAGA_BOT_DATABASE", f"postgresql://saga:hunter2-secret@127.0.0.1:{unused_port()}/saga"
    )
    assert main(["run"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("saga-bot: cannot reach PostgreSQL at 127.0.0.1:")
    assert err.count("\n") == 1 and "hunter2" not in err


async def test_server_lost_mid_run_falls_back_then_recovers(
    postgres_server: PostgresServer, postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    store: Storage = await open_storage(postgres_url)
    try:
        await store.set_script(1, "traditional")
        await store.add_ask_channel(1, 10)
        await asyncio.to_thread(postgres_server.stop)
        try:
            # Reads fail fast and cleanly (the bot then uses the defaults); the cached ask
            # channels still answer; a write is refused, so nothing is acknowledged and lost.
            started = time.monotonic()
            with pytest.raises(StorageError):
                await store.get_script(1)
            assert time.monotonic() - started < 5
            assert await store.is_ask_channel(1, 10)
            with pytest.raises(StorageError):
                await store.set_script(2, "simplified")
            started = time.monotonic()
            await store.record_miss("服务器断了的时候问的")  # queued, never waits
            assert time.monotonic() - started < 0.1
        finally:
            await asyncio.to_thread(postgres_server.start)

        async def preference_back() -> bool:
            try:
                return await store.get_script(1) == "traditional"
            except StorageError:
                return False

        await eventually(preference_back)
        assert [m.text for m in await store.top_misses(5)] == ["服务器断了的时候问的"]
        # The listener reconnects: a change made elsewhere reaches this process again.
        other = await open_storage(postgres_url)
        try:
            await other.add_ask_channel(1, 11)

            async def seen() -> bool:
                return await store.is_ask_channel(1, 11)

            await eventually(seen)
        finally:
            await other.close()
    finally:
        await store.close()
    for record in caplog.records:
        assert postgres_server.password not in record.getMessage()


async def test_an_unreachable_server_is_not_asked_again_by_every_reply(
    postgres_server: PostgresServer, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With packets dropped, each connection attempt waits its whole timeout: every reply that
    # read a preference would wait that long. After one failure, reads fail at once for a while.
    store = await open_storage(postgres_url)
    try:
        await asyncio.to_thread(postgres_server.stop)
        try:
            with pytest.raises(StorageError):
                await store.get_script(1)
            attempts = 0
            real_acquire = asyncpg.Pool.acquire

            def counted_acquire(*args: Any, **kwargs: Any) -> Any:
                nonlocal attempts
                attempts += 1
                return real_acquire(*args, **kwargs)

            monkeypatch.setattr(asyncpg.Pool, "acquire", counted_acquire)
            started = time.monotonic()
            for _ in range(50):
                with pytest.raises(StorageError, match="unreachable"):
                    await store.get_script(1)
            assert attempts == 0
            assert time.monotonic() - started < 0.5
        finally:
            await asyncio.to_thread(postgres_server.start)
    finally:
        await store.close()


async def test_preferences_are_read_once_per_user_then_from_memory(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = await open_storage(postgres_url)
    await writer.set_script(7, "traditional")
    await writer.close()
    # Opened after the change, so no notification of it can arrive during the counting.
    store = await open_storage(postgres_url)
    try:
        attempts = 0
        real_acquire = asyncpg.Pool.acquire

        def counted_acquire(*args: Any, **kwargs: Any) -> Any:
            nonlocal attempts
            attempts += 1
            return real_acquire(*args, **kwargs)

        monkeypatch.setattr(asyncpg.Pool, "acquire", counted_acquire)
        # A burst of one user's questions: one query, however many ask at once.
        assert await asyncio.gather(*(store.get_script(7) for _ in range(50))) == ["traditional"] * 50
        assert attempts == 1
        assert await store.get_script(7) == "traditional"
        assert await store.get_script(8) is None
        assert await store.get_script(8) is None
        assert attempts == 2
    finally:
        await store.close()


@pytest.mark.parametrize(
    "url",
    ["postgresql://saga:hunter2-secret@db:notaport/saga", "postgresql://saga:hunter2-secret@[::1/saga"],
)
async def test_a_malformed_url_is_one_line_without_the_password(url: str) -> None:
    with pytest.raises(StorageError) as caught:
        await open_storage(url)
    message = str(caught.value)
    assert "hunter2" not in message and "\n" not in message
