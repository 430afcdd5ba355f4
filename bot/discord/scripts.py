"""Which script the bot answers a user in.

The input's own script wins; text without script-specific characters (English,
dates, names shared by both scripts) falls back to the user's saved preference,
then to their Discord locale, then to simplified.

The script is read from what the engine reads of the text (its display form): not from
URLs, mentions or markup, nor past the length the engine cuts a question to, and never
from characters the converters refuse (a lone surrogate made detection raise, and the
user got no reply).
"""

from __future__ import annotations

import logging

import discord

from bot.engine.normalise import display_form
from bot.engine.script import choose_script, detect_script
from bot.storage import Storage, StorageError
from bot.text import Script

log = logging.getLogger(__name__)

_TRADITIONAL_LOCALES = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")


def locale_script(locale: discord.Locale | str | None) -> Script | None:
    """zh-TW and zh-HK mean traditional, any other Chinese locale simplified, the rest nothing."""
    if locale is None:
        return None
    value = (locale.value if isinstance(locale, discord.Locale) else locale).lower()
    if value.startswith(_TRADITIONAL_LOCALES):
        return "traditional"
    if value == "zh" or value.startswith("zh-"):
        return "simplified"
    return None


def pick_script(
    text: str | None,
    preference: Script | None,
    locale: discord.Locale | str | None,
    default: Script = "simplified",
) -> Script:
    """The reply script: the text's own, else the preference, else the locale's, else `default`."""
    return choose_script(display_form(text or ""), preference, locale_script(locale), default)


async def saved_preference(storage: Storage, user_id: int) -> Script | None:
    """The user's saved preference; a storage failure costs the preference, never the answer."""
    try:
        return await storage.get_script(user_id)
    except StorageError as exc:
        log.warning("cannot read the script preference: %s", exc)
        return None


async def script_for(
    storage: Storage,
    user_id: int,
    text: str | None,
    locale: discord.Locale | str | None,
    default: Script = "simplified",
) -> Script:
    """:func:`pick_script`, looking the user's saved preference up only when the text is undecided."""
    detected = detect_script(display_form(text or ""))
    if detected is not None:
        return detected
    return pick_script(None, await saved_preference(storage, user_id), locale, default)
