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

import aiohttp
import discord

from bot.cli import EXIT_CONFIG, EXIT_ERROR, EXIT_OK, _fail
from bot.discord.client import SagaBot, run_bot
from bot.engine.answer import Engine
from bot.factbase.loader import load_factbase
from bot.paths import default_cache_dir
from bot.settings import TOKEN_VARIABLE, RedactSecrets, Settings, SettingsError, load_settings
from bot.storage import Miss, StorageError, open_storage

log = logging.getLogger(__name__)

DEFAULT_MISSES = 20


def configure_logging(settings: Settings) -> None:
    """discord.py's coloured handler on the root logger, with the token scrubbed from every record."""
    discord.utils.setup_logging(level=logging.getLevelNamesMapping()[settings.log_level], root=True)
    secret = settings.discord_token.get_secret_value() if settings.discord_token else ""
    redact = RedactSecrets(secret)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)


def _engine(settings: Settings) -> Engine:
    return Engine(load_factbase(), variant=settings.traditional_variant, cache_dir=default_cache_dir())


# -- run ------------------------------------------------------------------------------------


async def serve(settings: Settings, engine: Engine) -> None:
    """Run the bot until it stops; SIGTERM, like Ctrl-C, cancels it, and the gateway and the
    database are closed on the way out."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows' event loop
        loop.add_signal_handler(signal.SIGTERM, task.cancel)
    try:
        storage = await open_storage(settings.database)
        try:
            await run_bot(settings, engine, storage)
        finally:
            await storage.close()
            log.info("database closed")
    finally:
        with contextlib.suppress(NotImplementedError):
            loop.remove_signal_handler(signal.SIGTERM)


def cmd_run(args: argparse.Namespace) -> int:
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
        asyncio.run(serve(settings, engine))
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


async def read_misses(location: str, limit: int) -> list[Miss]:
    storage = await open_storage(location, read_only=True)
    try:
        return await storage.top_misses(limit)
    finally:
        await storage.close()


def cmd_misses(args: argparse.Namespace) -> int:
    try:
        settings = load_settings()
    except SettingsError as exc:
        return _fail(str(exc), EXIT_CONFIG)
    try:
        misses = asyncio.run(read_misses(settings.database, args.limit))
    except StorageError as exc:
        return _fail(str(exc), EXIT_ERROR)
    if not misses:
        print("no unanswered questions recorded")
        return EXIT_OK
    print(f"{'count':>5}  {'last asked (UTC)':<20}  question")
    for miss in misses:
        stamp = miss.last_asked.strftime("%Y-%m-%d %H:%M")
        print(f"{miss.count:>5}  {stamp:<20}  {miss.text}")
    return EXIT_OK


# -- registration ---------------------------------------------------------------------------


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = subparsers.add_parser("run", help="start the Discord bot (settings from the environment or .env)")
    run.set_defaults(func=cmd_run)

    sync = subparsers.add_parser(
        "sync", help="push the slash commands to Discord, globally or to one guild, then exit"
    )
    sync.add_argument("--guild", type=int, metavar="ID", help="sync to this guild only (appears at once)")
    sync.set_defaults(func=cmd_sync)

    misses = subparsers.add_parser("misses", help="the most often asked questions the bot could not answer")
    misses.add_argument("--limit", type=_positive, default=DEFAULT_MISSES, metavar="N")
    misses.set_defaults(func=cmd_misses)
