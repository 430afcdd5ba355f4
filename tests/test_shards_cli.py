"""`saga-bot run --shards IDS --shard-count N`: parsing, and one line for every mistake."""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.discord_cli import ShardPlan, shard_plan


@pytest.mark.parametrize(
    ("shards", "count", "plan"),
    [
        (None, None, None),
        (None, 8, ShardPlan(8)),
        ("0-3", 8, ShardPlan(8, (0, 1, 2, 3))),
        ("4-7", 8, ShardPlan(8, (4, 5, 6, 7))),
        ("0,2, 4", 8, ShardPlan(8, (0, 2, 4))),
        ("0-1,1-2", 3, ShardPlan(3, (0, 1, 2))),
    ],
)
def test_shard_plans(shards: str | None, count: int | None, plan: ShardPlan | None) -> None:
    assert shard_plan(shards, count) == plan


def test_a_plan_becomes_discord_py_options() -> None:
    assert ShardPlan(8, (0, 1)).options() == {"shard_count": 8, "shard_ids": [0, 1]}
    assert ShardPlan(8).options() == {"shard_count": 8, "shard_ids": None}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--shards", "0-3"], "--shards needs --shard-count"),
        (["--shards", "0-8", "--shard-count", "8"], "shards are numbered 0 to 7"),
        (["--shards", "3-1", "--shard-count", "8"], "the range 3-1 is reversed"),
        (["--shards", "a-b", "--shard-count", "8"], "use shard numbers and ranges"),
        (["--shards", "", "--shard-count", "8"], "use shard numbers and ranges"),
        (["--shard-count", "0"], "--shard-count must be between 1 and"),
        (["--shard-count", "99999999999999999999"], "--shard-count must be between 1 and"),
        (["--shards", "99999999999999999999", "--shard-count", "8"], "shard numbers go up to"),
    ],
)
def test_bad_shard_options_are_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert main(["run", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("saga-bot: ") and message in err
    assert err.count("\n") == 1
