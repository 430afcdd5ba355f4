"""Restarting a crashed client, so a bot that dies does not stay dead.

discord.py reconnects after network trouble by itself; what ends :func:`run_bot` is a close
code it does not retry, or a bug. `saga-bot run` then starts the bot again, after 1, 2, 4 ...
seconds (at most 5 minutes; a run that lasted 10 minutes resets the delay), logging one line
each time. Errors only the admin can fix end it instead.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.engine.answer import Engine
from bot.settings import Settings, SettingsError
from bot.storage import Storage, StorageError

log = logging.getLogger(__name__)

RESTART_FIRST_DELAY = 1.0
RESTART_MAX_DELAY = 300.0
RESTART_HEALTHY_AFTER = 600.0
# What a restart cannot fix: the admin must (a refused token, settings, the database).
FATAL = (discord.LoginFailure, discord.PrivilegedIntentsRequired, SettingsError, StorageError)


def _one_line(exc: BaseException) -> str:
    """An exception as one short line for the log (the traceback goes to DEBUG)."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


async def run_restarting(
    run_bot: Callable[..., Awaitable[None]],
    settings: Settings,
    engine: Engine,
    storage: Storage,
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    **options: Any,
) -> None:
    """`run_bot(settings, engine, storage, **options)` (:func:`bot.discord.client.run_bot`),
    started again with backoff whenever it crashes. Returns when the bot closes cleanly;
    SIGTERM cancels it; FATAL errors re-raise."""
    delay = RESTART_FIRST_DELAY
    while True:
        started = time.monotonic()
        try:
            await run_bot(settings, engine, storage, **options)
            return
        except FATAL:
            raise
        except Exception as exc:
            if time.monotonic() - started >= RESTART_HEALTHY_AFTER:
                delay = RESTART_FIRST_DELAY
            log.error("the bot stopped (%s); restarting in %g s", _one_line(exc), delay)
            log.debug("why the bot stopped", exc_info=exc)
            await sleep(delay)
            delay = min(delay * 2, RESTART_MAX_DELAY)
