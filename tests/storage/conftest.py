from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pgserver import fresh_database

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a storage test's database lives: a SQLite file, or a fresh PostgreSQL database on
    the session's real server. Every test that takes it runs against both."""
    if request.param == "sqlite":
        yield str(tmp_path / "data" / "saga-bot.sqlite3")
        return
    with fresh_database(request.getfixturevalue("postgres_server")) as url:
        yield url
