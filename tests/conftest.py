from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from bot.discord.client import SagaBot
from bot.engine.answer import Engine
from bot.factbase.loader import FactBase, load_factbase
from bot.storage import Storage, open_storage
from tests.fakediscord import TOKEN, FakeDiscord, make_fast
from tests.helpers import make_settings
from tests.pgserver import postgres_server, postgres_url  # noqa: F401  (fixtures for every test)

# Property-based tests are reproducible in CI: derandomized (each test's examples follow from the
# test itself), bounded, and no example database written. HYPOTHESIS_PROFILE=explore searches at
# random, longer, for a developer hunting new failures.
MAX_EXAMPLES = 200
settings.register_profile("ci", derandomize=True, max_examples=MAX_EXAMPLES, database=None, deadline=None)
settings.register_profile("explore", max_examples=5_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Bounds for the e2e tests: logging in, connecting and seeing the guild; shutting down.
START_TIMEOUT = 10.0
STOP_TIMEOUT = 5.0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "logs_errors: an e2e test that expects ERROR log records (a fault it injects)"
    )


@pytest.fixture(autouse=True, scope="session")
def _index_cache_in_temp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The CLI caches its index under SAGA_BOT_CACHE_DIR; tests must not write to ~/.cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAGA_BOT_CACHE_DIR", str(tmp_path_factory.mktemp("index-cache")))
        yield


@pytest.fixture(scope="session")
def factbase() -> FactBase:
    return load_factbase()


@pytest.fixture(scope="session")
def engine(factbase: FactBase) -> Engine:
    return Engine(factbase)


# -- end to end: the real client against tests/fakediscord.py -------------------------------


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A fake Discord on 127.0.0.1, with discord.py pointed at it for the test."""
    async with FakeDiscord() as fake:
        with fake.redirect():
            yield fake
    # Discord would have refused these with a 400: a test that means to send one says so.
    assert not fake.schema_violations, [(r.method, r.path, r.response) for r in fake.schema_violations]
    # Nothing the bot wrote could ping anyone.
    assert not fake.could_ping(), [(r.method, r.path, r.body) for r in fake.could_ping()]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "data" / "saga-bot.sqlite3"


async def wait_ready(client: SagaBot, task: asyncio.Task[None], within: float = START_TIMEOUT) -> None:
    """Until `client` is ready; raises what `task` (its start()) raised if it stopped first."""
    ready = asyncio.ensure_future(client.wait_until_ready())
    try:
        done, _ = await asyncio.wait({ready, task}, timeout=within, return_when=asyncio.FIRST_COMPLETED)
    finally:
        ready.cancel()
    if task in done:
        task.result()
        raise AssertionError("the bot stopped before it was ready")
    if not done:
        raise TimeoutError(f"the bot was not ready within {within} s")


class SagaRunner:
    """Starts the real SagaBot - real engine, SQLite storage at `database` - against the fake,
    and stops it, closing the storage as `saga-bot run` does."""

    def __init__(self, fake: FakeDiscord, engine: Engine, database: Path) -> None:
        self.fake, self.engine, self.database = fake, engine, database
        self._running: dict[SagaBot, tuple[asyncio.Task[None], Storage]] = {}

    async def start(self, **settings: Any) -> SagaBot:
        """A connected, ready bot; keyword arguments are settings (cooldown_rate=...)."""
        storage = await open_storage(str(self.database))
        client = SagaBot(
            settings=make_settings(discord_token=self.fake.token, **settings),
            engine=self.engine,
            storage=storage,
        )
        make_fast(client)
        await client.__aenter__()  # `async with client`, held until stop(): sets the client up
        task = asyncio.create_task(client.start(self.fake.token))
        self._running[client] = (task, storage)
        await wait_ready(client, task)
        return client

    async def stop(self, client: SagaBot) -> None:
        task, storage = self._running.pop(client)
        try:
            await asyncio.wait_for(client.__aexit__(None, None, None), STOP_TIMEOUT)  # closes it
            await asyncio.wait_for(task, STOP_TIMEOUT)
        finally:
            await storage.close()

    async def stop_all(self) -> None:
        for client in list(self._running):
            await self.stop(client)


@pytest.fixture
async def saga_runner(
    fake_discord: FakeDiscord,
    engine: Engine,
    database: Path,
    caplog: pytest.LogCaptureFixture,
    request: pytest.FixtureRequest,
) -> AsyncIterator[SagaRunner]:
    """Start and stop bots; afterwards, no ERROR may have been logged unless the test is marked
    ``logs_errors``, and every started bot is stopped."""
    caplog.set_level(logging.INFO)
    runner = SagaRunner(fake_discord, engine, database)
    try:
        yield runner
    finally:
        await runner.stop_all()
    if request.node.get_closest_marker("logs_errors") is None:
        # caplog.records holds only the current phase's (teardown here): the test's own are "call".
        logged = caplog.get_records("setup") + caplog.get_records("call") + caplog.records
        errors = [r for r in logged if r.levelno >= logging.ERROR]
        assert not errors, [r.getMessage() for r in errors]


@pytest.fixture
async def saga(saga_runner: SagaRunner) -> SagaBot:
    """The bot with the default settings, connected and ready."""
    return await saga_runner.start()


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """`saga-bot run` configures the root logger; put it back as it was."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)


async def spawn_saga_bot(fake: FakeDiscord, database: Path, *args: str) -> asyncio.subprocess.Process:
    """`saga-bot ARGS` in a child process, as a user runs it, pointed at the fake; settings from
    the environment only (DISCORD_TOKEN, SAGA_BOT_DATABASE), the working directory the database's.
    The index cache stays the session's (SAGA_BOT_CACHE_DIR): a child must not write ~/.cache."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k == "SAGA_BOT_CACHE_DIR" or (k != "DISCORD_TOKEN" and not k.startswith("SAGA_BOT_"))
    }
    env |= {"DISCORD_TOKEN": TOKEN, "SAGA_BOT_DATABASE": str(database), "PYTHONUNBUFFERED": "1"}
    program = (
        "import sys, discord, yarl\n"
        f"discord.http.Route.BASE = {fake.base_url!r}\n"
        f"discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL({fake.gateway_url!r})\n"
        "from bot.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    database.parent.mkdir(parents=True, exist_ok=True)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        program,
        *args,
        cwd=database.parent,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finish(process: asyncio.subprocess.Process, within: float = 60.0) -> tuple[int, str]:
    """Wait for `process` to exit (killing it after `within` s); its exit code and stderr."""
    try:
        _out, err = await asyncio.wait_for(process.communicate(), within)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode is not None
    return process.returncode, err.decode()


# discord.py's line when a gateway connection is up (READY received; the fake sends the guild
# right after it, so a message dispatched once it is logged reaches a bot that knows the guild).
CONNECTED = "has connected to Gateway"
# Bounds for a child's waits on a condition: each returns as soon as it holds, so they are
# generous, enough for a machine running several test suites at once.
CONNECT_WITHIN = 120.0
REPLY_WITHIN = 60.0


class RunningBot:
    """A spawned `saga-bot run` whose stderr is read as it comes, so a test waits on what the bot
    logs (it is connected, it has restarted) rather than guessing a time, the pipe never fills,
    and a failure can show the log whatever went wrong."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.process.stderr is not None
        async for line in self.process.stderr:
            self.lines.append(line.decode(errors="replace"))

    def logged(self, text: str) -> int:
        """How many lines the bot has logged that contain `text`."""
        return sum(text in line for line in self.lines)

    def logged_or_exited(self, text: str, times: int = 1) -> bool:
        """A condition to wait on: `text` logged `times` times, or the bot gone (no use waiting)."""
        return self.logged(text) >= times or self.process.returncode is not None

    @property
    def stderr(self) -> str:
        return "".join(self.lines)

    async def stop(self, within: float = 60.0) -> tuple[int, str]:
        """SIGTERM (unless it has exited), then wait for the exit (killing it after `within` s);
        its exit code and stderr."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), within)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            await self._reader
            raise TimeoutError(
                f"saga-bot did not exit within {within} s; its stderr:\n{self.stderr[-4000:]}"
            ) from None
        await self._reader  # the pipe's end follows the exit
        assert self.process.returncode is not None
        return self.process.returncode, self.stderr


async def saga_bot_cli(fake: FakeDiscord, database: Path, *args: str) -> tuple[int, str]:
    """Run `saga-bot ARGS` to the end (see :func:`spawn_saga_bot`); its exit code and stderr."""
    return await finish(await spawn_saga_bot(fake, database, *args))
