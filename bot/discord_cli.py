"""The Discord subcommands of `saga-bot`: run, sync and misses.

`bot.cli` imports :func:`register` for any command but the engine's own. Settings
problems print one line naming the variable to set and exit with code 2.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import signal
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiohttp
import discord

from bot.cli import EXIT_CONFIG, EXIT_ERROR, EXIT_OK, _fail, _print_json, terminal_safe
from bot.discord.client import SagaBot, run_bot
from bot.engine.answer import Engine
from bot.factbase.loader import load_factbase
from bot.logs import RedactUserData
from bot.paths import default_cache_dir
from bot.settings import TOKEN_VARIABLE, RedactSecrets, Settings, SettingsError, load_settings
from bot.storage import UNKNOWN_REASON, Miss, ReasonCount, Storage, StorageError, open_storage
from bot.storage.base import MAX_LIMIT, MAX_REASON_CHARS

log = logging.getLogger(__name__)

DEFAULT_MISSES = 20


def configure_logging(settings: Settings) -> None:
    """discord.py's coloured handler on the root logger, with the token scrubbed from every record
    and, with SAGA_BOT_LOG_REDACT, users' text and ids too."""
    discord.utils.setup_logging(level=logging.getLevelNamesMapping()[settings.log_level], root=True)
    secret = settings.discord_token.get_secret_value() if settings.discord_token else ""
    filters: list[logging.Filter] = [RedactSecrets(secret)]
    if settings.log_redact:
        filters.append(RedactUserData())
    for handler in logging.getLogger().handlers:
        for log_filter in filters:
            handler.addFilter(log_filter)


def _engine(settings: Settings) -> Engine:
    return Engine(
        load_factbase(cache_dir=default_cache_dir()),
        variant=settings.traditional_variant,
        cache_dir=default_cache_dir(),
    )


# -- run ------------------------------------------------------------------------------------

# Discord's own ceiling is far lower for any bot that has not asked for more; this only keeps
# a typo (a stray digit) from becoming millions of shard objects.
MAX_SHARD_COUNT = 65_536

# Restarts after a crash wait 1, 2, 4 ... seconds, at most 5 minutes; a run that lasted 10
# minutes counts as healthy, and the next crash waits 1 s again.
RESTART_FIRST_DELAY = 1.0
RESTART_MAX_DELAY = 300.0
RESTART_HEALTHY_AFTER = 600.0
# What a restart cannot fix: the admin must (a refused token, settings, the database).
_FATAL = (discord.LoginFailure, discord.PrivilegedIntentsRequired, SettingsError, StorageError)


def _one_line(exc: BaseException) -> str:
    """An exception as one short line for the log (the traceback goes to DEBUG)."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


async def run_restarting(
    settings: Settings,
    engine: Engine,
    storage: Storage,
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    **options: Any,
) -> None:
    """:func:`run_bot`, started again with backoff whenever it crashes, so a bot that dies
    does not stay dead. Stops when the bot closes cleanly, on SIGTERM, or on an error only
    the admin can fix (re-raised)."""
    delay = RESTART_FIRST_DELAY
    while True:
        started = time.monotonic()
        try:
            await run_bot(settings, engine, storage, **options)
            return
        except _FATAL:
            raise
        except Exception as exc:
            if time.monotonic() - started >= RESTART_HEALTHY_AFTER:
                delay = RESTART_FIRST_DELAY
            log.error("the bot stopped (%s); restarting in %g s", _one_line(exc), delay)
            log.debug("why the bot stopped", exc_info=exc)
            await sleep(delay)
            delay = min(delay * 2, RESTART_MAX_DELAY)


@dataclass(frozen=True, slots=True)
class ShardPlan:
    """This process's part of a shard cluster: `ids` of `count` shards (None: all of them)."""

    count: int
    ids: tuple[int, ...] | None = None

    def options(self) -> dict[str, Any]:
        return {"shard_count": self.count, "shard_ids": None if self.ids is None else list(self.ids)}


def parse_shard_ids(text: str) -> tuple[int, ...]:
    """`0-3`, `0,2,4` or `0-3,8-11`: sorted, each once; ValueError (one line) otherwise."""
    ids: set[int] = set()
    for part in text.split(","):
        first, dash, last = part.strip().partition("-")
        if not first.isdigit() or (dash and not last.isdigit()):
            raise ValueError("use shard numbers and ranges such as 0-3 or 0,2,4")
        low, high = int(first), int(last) if dash else int(first)
        if low > high:
            raise ValueError(f"the range {low}-{high} is reversed")
        if high >= MAX_SHARD_COUNT:
            raise ValueError(f"shard numbers go up to {MAX_SHARD_COUNT - 1}")
        ids.update(range(low, high + 1))
    return tuple(sorted(ids))


def shard_plan(shards: str | None, count: int | None) -> ShardPlan | None:
    """The plan from `--shards` and `--shard-count`; ValueError (one line) when they disagree."""
    if shards is None and count is None:
        return None  # one AutoShardedBot holding every shard Discord recommends
    if count is None:
        raise ValueError("--shards needs --shard-count (the shards of the whole cluster)")
    if not 1 <= count <= MAX_SHARD_COUNT:
        raise ValueError(f"--shard-count must be between 1 and {MAX_SHARD_COUNT}")
    if shards is None:
        return ShardPlan(count)
    ids = parse_shard_ids(shards)
    if ids[-1] >= count:
        raise ValueError(f"--shards goes up to {ids[-1]}, but shards are numbered 0 to {count - 1}")
    return ShardPlan(count, ids)


async def serve(settings: Settings, engine: Engine, shards: ShardPlan | None = None) -> None:
    """Run the bot until it stops; SIGTERM, like Ctrl-C, cancels it, and the gateway and the
    database are closed on the way out."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows' event loop
        loop.add_signal_handler(signal.SIGTERM, task.cancel)
    try:
        storage = await open_storage(settings.database, limits=settings.miss_limits)
        try:
            await run_restarting(settings, engine, storage, **(shards.options() if shards else {}))
        finally:
            await storage.close()
            log.info("database closed")
    finally:
        with contextlib.suppress(NotImplementedError):
            loop.remove_signal_handler(signal.SIGTERM)


def cmd_run(args: argparse.Namespace) -> int:
    try:
        shards = shard_plan(args.shards, args.shard_count)
    except ValueError as exc:
        return _fail(str(exc), EXIT_CONFIG)
    try:
        settings = load_settings()
        settings.token()
    except SettingsError as exc:
        return _fail(str(exc), EXIT_CONFIG)
    configure_logging(settings)
    engine = _engine(settings)
    # The index lives as long as the process: frozen, the collector stops walking its objects
    # on every full collection (a 25 ms pause in one answer of ~300).
    gc.freeze()
    try:
        asyncio.run(serve(settings, engine, shards))
    except asyncio.CancelledError:  # SIGTERM: a clean, deliberate stop
        log.info("stopped")
    except discord.LoginFailure:
        return _fail(f"Discord refused the token: set {TOKEN_VARIABLE} to a current bot token", EXIT_CONFIG)
    except StorageError as exc:
        return _fail(str(exc))
    except (aiohttp.ClientError, discord.GatewayNotFound, OSError) as exc:
        return _fail(f"cannot reach Discord: {exc}")
    return EXIT_OK


# -- sync -----------------------------------------------------------------------------------


async def sync_commands(settings: Settings, engine: Engine, guild_id: int | None) -> list[str]:
    """Log in, push the command tree (globally or to one guild) and return the synced names."""
    storage = await open_storage(":memory:")  # syncing reads no stored state; leave the real one alone
    try:
        client = SagaBot(settings=settings, engine=engine, storage=storage)
        async with client:
            await client.login(settings.token())  # runs setup_hook: extensions and translator
            if guild_id is None:
                synced = await client.tree.sync()
            else:
                guild = discord.Object(id=guild_id)
                # Global commands reach a guild within an hour; copied ones appear at once.
                client.tree.copy_global_to(guild=guild)
                synced = await client.tree.sync(guild=guild)
    finally:
        await storage.close()
    return [command.name for command in synced]


def cmd_sync(args: argparse.Namespace) -> int:
    try:
        settings = load_settings()
        settings.token()
    except SettingsError as exc:
        return _fail(str(exc), EXIT_CONFIG)
    engine = _engine(settings)
    try:
        names = asyncio.run(sync_commands(settings, engine, args.guild))
    except discord.LoginFailure:
        return _fail(f"Discord refused the token: set {TOKEN_VARIABLE} to a current bot token", EXIT_CONFIG)
    except discord.Forbidden:
        return _fail(
            f"Discord refused to sync to guild {args.guild}: invite the bot there with the "
            "applications.commands scope"
        )
    except discord.HTTPException as exc:
        return _fail(f"Discord refused the commands: {exc}")
    except (aiohttp.ClientError, OSError) as exc:
        return _fail(f"cannot reach Discord: {exc}")
    where = "globally" if args.guild is None else f"to guild {args.guild}"
    print(f"synced {len(names)} commands {where}: {', '.join(sorted(names))}")
    return EXIT_OK


# -- misses ---------------------------------------------------------------------------------


# The reason column is as wide as the longest reason listed, up to this.
REASON_WIDTH = 32


async def read_misses(location: str, limit: int, reason: str | None = None) -> list[Miss]:
    storage = await open_storage(location, read_only=True)
    try:
        return await storage.top_misses(limit, reason)
    finally:
        await storage.close()


async def read_reasons(location: str, within: str | None = None) -> list[ReasonCount]:
    storage = await open_storage(location, read_only=True)
    try:
        return await storage.misses_by_reason(within)
    finally:
        await storage.close()


def _stamp(when: datetime | None) -> str:
    # A row whose time is unreadable (edited by hand) is still listed, its time as "?".
    return when.strftime("%Y-%m-%d %H:%M") if when else "?"


def _reason(reason: str | None) -> str:
    """A stored reason as listed: escaped (a hand-edited row could hold anything), "unknown" for
    a miss recorded before the log kept reasons."""
    return terminal_safe(reason, one_line=True) if reason is not None else UNKNOWN_REASON


def cmd_misses(args: argparse.Namespace) -> int:
    try:
        settings = load_settings()
    except SettingsError as exc:
        return _fail(str(exc), EXIT_CONFIG)
    try:
        if args.by_reason:
            reasons = asyncio.run(read_reasons(settings.database, args.reason))
            return _print_reasons(reasons[: args.limit], args.json)
        misses = asyncio.run(read_misses(settings.database, args.limit, args.reason))
    except StorageError as exc:
        return _fail(str(exc), EXIT_ERROR)
    if args.json:
        _print_json(
            [
                {
                    "question": miss.text,
                    "count": miss.count,
                    "last_asked": miss.last_asked.isoformat() if miss.last_asked else None,
                    "reason": miss.reason if miss.reason is not None else UNKNOWN_REASON,
                }
                for miss in misses
            ]
        )
        return EXIT_OK
    if not misses:
        print("no unanswered questions recorded" + (" for that reason" if args.reason else ""))
        return EXIT_OK
    width = min(REASON_WIDTH, max(len("reason"), *(len(_reason(m.reason)) for m in misses)))
    print(f"{'count':>5}  {'last asked (UTC)':<16}  {'reason':<{width}}  question")
    for miss in misses:
        # Typed by Discord users: escaped, so it cannot drive the admin's terminal.
        question = terminal_safe(miss.text, one_line=True)
        print(f"{miss.count:>5}  {_stamp(miss.last_asked):<16}  {_reason(miss.reason):<{width}}  {question}")
    return EXIT_OK


def _print_reasons(reasons: list[ReasonCount], as_json: bool) -> int:
    """The misses counted per decline reason: which check declines most comes first."""
    if as_json:
        _print_json(
            [
                {
                    "reason": r.reason if r.reason is not None else UNKNOWN_REASON,
                    "count": r.count,
                    "questions": r.questions,
                    "last_asked": r.last_asked.isoformat() if r.last_asked else None,
                }
                for r in reasons
            ]
        )
        return EXIT_OK
    if not reasons:
        print("no unanswered questions recorded")
        return EXIT_OK
    print(f"{'count':>5}  {'questions':>9}  {'last asked (UTC)':<16}  reason")
    for r in reasons:
        print(f"{r.count:>5}  {r.questions:>9}  {_stamp(r.last_asked):<16}  {_reason(r.reason)}")
    return EXIT_OK


# -- registration ---------------------------------------------------------------------------


def _limit(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if not 1 <= number <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_LIMIT}")
    return number


def _reason_argument(value: str) -> str:
    reason = value.strip()
    if (
        not reason
        or len(reason) > MAX_REASON_CHARS
        or any(c.isspace() or not c.isprintable() for c in reason)
    ):
        raise argparse.ArgumentTypeError("must be a decline reason such as below_threshold or check:NAME")
    return reason


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = subparsers.add_parser("run", help="start the Discord bot (settings from the environment or .env)")
    run.add_argument(
        "--shards",
        metavar="IDS",
        help="the shards this process holds, e.g. 0-3 (one process of a cluster; needs --shard-count)",
    )
    run.add_argument(
        "--shard-count",
        type=int,
        metavar="N",
        help="how many shards the whole cluster has (default: as many as Discord recommends)",
    )
    run.set_defaults(func=cmd_run)

    sync = subparsers.add_parser(
        "sync", help="push the slash commands to Discord, globally or to one guild, then exit"
    )
    sync.add_argument("--guild", type=int, metavar="ID", help="sync to this guild only (appears at once)")
    sync.set_defaults(func=cmd_sync)

    misses = subparsers.add_parser(
        "misses", help="the most often asked questions the bot could not answer, and why it declined them"
    )
    misses.add_argument("--limit", type=_limit, default=DEFAULT_MISSES, metavar="N")
    misses.add_argument(
        "--reason",
        type=_reason_argument,
        metavar="REASON",
        help="only the questions declined for REASON, or for a reason that goes on from it "
        "(check: every check's veto; check:NAME: that check's, whatever rule); "
        f"{UNKNOWN_REASON}: recorded before reasons were kept",
    )
    misses.add_argument(
        "--by-reason",
        action="store_true",
        help="count the misses per decline reason instead, the most frequent first: a check's "
        "vetoes together (check:NAME), or, with --reason, each reason within it whole",
    )
    misses.add_argument("--json", action="store_true", help="print JSON instead of a table")
    misses.set_defaults(func=cmd_misses)
