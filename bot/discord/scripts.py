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
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any, TypeVar

import discord

from bot.discord.i18n import HELP_GREETING, HELP_INTRO, in_english, say, use_english
from bot.engine.answer import Reply
from bot.engine.normalise import display_form
from bot.engine.script import choose_script, detect_script
from bot.storage import Storage, StorageError
from bot.text import CJK_RE, Script, TraditionalVariant, to_script

T = TypeVar("T")

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


async def guild_variant(
    storage: Storage, guild_id: int | None, default: TraditionalVariant
) -> TraditionalVariant:
    """The server's traditional forms (set with /variant), else `default`; a storage failure
    costs the choice, never the answer."""
    if guild_id is None:
        return default
    try:
        return await storage.get_guild_variant(guild_id) or default
    except StorageError as exc:
        log.warning("cannot read the server's traditional variant: %s", exc)
        return default


@dataclass(frozen=True, slots=True)
class Reader:
    """Who a reply is written for: the script of answers and labels, the traditional forms
    (Taiwan or Hong Kong), and whether the labels are English."""

    script: Script
    variant: TraditionalVariant
    english: bool = False

    def __call__(self, template: str, /, **fields: str) -> str:
        """One of the bot's labels for this reader, its `fields` filled in as given."""
        return say(template, self.script, self.variant, **fields)

    def text(self, text: str) -> str:
        """Text that is not a label (a name, a title) in this reader's script and forms."""
        return to_script(text, self.script, self.variant)


async def reader_for(
    storage: Storage,
    *,
    user_id: int,
    locale: discord.Locale | str | None,
    guild_id: int | None,
    default_variant: TraditionalVariant,
    question: str | None = None,
    default_script: Script = "simplified",
) -> Reader:
    """The reader of a reply to `user_id`: :func:`script_for` the script, the server's variant,
    and English labels for an English `question` or a client in another language than Chinese.
    The language is also set for the rest of this event (see :func:`bot.discord.i18n.use_english`)."""
    script = await script_for(storage, user_id, question, locale, default_script)
    variant = await guild_variant(storage, guild_id, default_variant)
    return Reader(script, variant, use_english(locale, question))


_VERBATIM_FIELDS = frozenset({"original_quote", "question", "id", "fact_id", "article", "date", "published"})


def in_variant(result: T, variant: TraditionalVariant) -> T:
    """An engine result (a Reply, TimelineEntry, Profile...) with its traditional text in
    `variant`'s forms: the engine writes one variant, a server may have chosen the other.
    The articles' original quotes and the user's question are left exactly as they were."""
    changes: dict[str, object] = {}
    for field in fields(result):  # type: ignore[arg-type]
        if field.name in _VERBATIM_FIELDS:
            continue
        value = getattr(result, field.name)
        converted = _convert(value, variant)
        if converted is not value:
            changes[field.name] = converted
    return replace(result, **changes) if changes else result  # type: ignore[type-var]


def _convert(value: object, variant: TraditionalVariant) -> object:
    if isinstance(value, str):
        return to_script(value, "traditional", variant) if CJK_RE.search(value) else value
    if isinstance(value, tuple):
        return tuple(_convert(item, variant) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return in_variant(value, variant)
    return value


def for_reader(reply: Reply, reader: Reader, engine_variant: TraditionalVariant) -> Reply:
    """The engine's `reply` as `reader` reads it: in the server's traditional forms, and with
    a decline or help text (the bot's own words, not an answer) in English for an English reader.
    Answers and quotes stay Chinese."""
    if reader.script == "traditional" and reader.variant != engine_variant:
        reply = in_variant(reply, reader.variant)
    if reply.kind == "help":
        # The engine's greeting describes its command line; on Discord, say how Discord works.
        return replace(reply, answer=reader(HELP_INTRO) + "\n" + reader(HELP_GREETING))
    if reader.english and reply.kind != "answer":
        english = in_english(reply.answer)
        if english is not None:
            reply = replace(reply, answer=english)
    return reply


async def interaction_reader(
    interaction: discord.Interaction[Any],
    storage: Storage,
    default_variant: TraditionalVariant,
    question: str | None = None,
) -> Reader:
    """:func:`reader_for` the user of a slash command, button or menu."""
    return await reader_for(
        storage,
        user_id=interaction.user.id,
        locale=interaction.locale,
        guild_id=interaction.guild_id,
        default_variant=default_variant,
        question=question,
    )
