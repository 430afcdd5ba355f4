"""The work a question costs, counted (never timed): the stages do only what its answer needs."""

from __future__ import annotations

import pytest

from bot.engine.answer import Engine
from bot.engine.matcher import Matcher, QueryAnalysis


def _keys_analysed(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys the matcher analyses from now on (remembered or not)."""
    keys: list[str] = []
    analyse = Matcher.analyse

    def spy(self: Matcher, key: str) -> QueryAnalysis:
        keys.append(key)
        return analyse(self, key)

    monkeypatch.setattr(Matcher, "analyse", spy)
    return keys


def test_a_part_that_asks_nothing_is_not_analysed(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # Three parts by their spaces, one of which asks: not a question of several parts, so its
    # parts need no analysis of their own.
    keys = _keys_analysed(engine, monkeypatch)
    engine.ask("Greg Brockman 后来 回到了哪里")
    assert "greg brockman" not in keys and "后来" not in keys
    assert any("回到了哪里" in key for key in keys)


def test_parts_that_both_ask_are_analysed_each(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = _keys_analysed(engine, monkeypatch)
    engine.ask("Greg Brockman什么时候离开的?他后来回来了吗?")
    assert any(key.endswith("什么时候离开的") for key in keys)
    assert any(key.startswith("他后来回来了吗") for key in keys)
