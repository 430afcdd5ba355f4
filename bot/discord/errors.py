"""Telling a user that something went wrong: privately, in their script, one line, no traceback.

Shared by the command tree's error handler and the persistent buttons, whose failures discord.py
would otherwise only log, leaving a "thinking…" message standing until Discord gives up on it.
"""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.discord.i18n import ensure_language, label
from bot.discord.scripts import script_for
from bot.engine import labels
from bot.storage import StorageError

log = logging.getLogger(__name__)


async def report_privately(interaction: discord.Interaction[Any], text: str) -> None:
    """Tell only the user `text`, whatever the interaction has already answered.

    On Discord the first follow-up after a deferred ("thinking…") response replaces that message
    and keeps its visibility, ephemeral flag or not: after a public defer, an error sent as a
    follow-up would stand in the channel for everyone. So the public placeholder goes first.
    """
    response = interaction.response
    if not response.is_done():
        await response.send_message(text, ephemeral=True)
        return
    if response.type is discord.InteractionResponseType.deferred_channel_message:
        original = await interaction.original_response()
        if original.flags.loading:
            if original.flags.ephemeral:
                await interaction.edit_original_response(content=text)
                return
            await interaction.delete_original_response()
    await interaction.followup.send(text, ephemeral=True)


async def tell_error(interaction: discord.Interaction[Any], what: str) -> None:
    """Tell the user, privately and in their script, that something failed (`what`, for the log
    when even that cannot be said)."""
    client = interaction.client
    script = await script_for(client.storage, interaction.user.id, None, interaction.locale)
    ensure_language(interaction.locale)  # English for a client in another language than Chinese
    try:
        await report_privately(interaction, label(labels.ERROR, script, client.engine.variant))
    except discord.HTTPException:
        log.warning("could not report the error of %s to the user", what)


def log_failure(logger: logging.Logger, what: str, error: BaseException) -> None:
    """A broken database as one line (the admin's to fix); anything else with its traceback."""
    if isinstance(error, StorageError):
        logger.warning("%s: %s", what, error)
    else:
        logger.error("%s failed", what, exc_info=error)
