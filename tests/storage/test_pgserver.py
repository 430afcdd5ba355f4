"""The test session's own PostgreSQL server: in CI its absence fails the run, never skips it."""

from __future__ import annotations

import pytest

from tests import pgserver


def test_no_server_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run in CI"):
        pgserver._unavailable("no initdb/pg_ctl found")


def test_no_server_skips_on_a_developers_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        pgserver._unavailable("no initdb/pg_ctl found")


def test_the_server_runs_unprivileged(monkeypatch: pytest.MonkeyPatch) -> None:
    # PostgreSQL refuses root; CI is root: the server must then run as another user.
    monkeypatch.setattr(pgserver.os, "geteuid", lambda: 0)
    assert pgserver._unprivileged_user() in ("postgres", "nobody")
    monkeypatch.setattr(pgserver.os, "geteuid", lambda: 1000)
    assert pgserver._unprivileged_user() is None
