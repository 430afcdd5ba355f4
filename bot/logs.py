"""Keeping what users write out of the logs.

At DEBUG, discord.py logs every gateway event and REST call it handles: message text, user
names, ids. :class:`RedactUserData` (on when ``SAGA_BOT_LOG_REDACT`` is set) rewrites each
record before a handler writes it: text fields become ``[redacted]`` and Discord ids ``[id]``,
in payloads (dicts, lists, JSON strings) and in the message text itself.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from typing import Any

REDACTED = "[redacted]"
ID = "[id]"

# Payload fields that hold what people wrote or are called, in Discord's API.
_TEXT_FIELDS = frozenset(
    {
        "content",
        "username",
        "global_name",
        "nick",
        "name",
        "display_name",
        "value",
        "values",
        "description",
        "title",
        "topic",
        "text",
        "query",
        "question",
        "label",
        "placeholder",
        "avatar",
        "banner",
        "email",
        "filename",
        "url",
        "proxy_url",
    }
)
# A snowflake: 17 to 20 digits (Discord ids since 2015), not inside a longer number.
_SNOWFLAKE = re.compile(r"(?<![0-9])[0-9]{17,20}(?![0-9])")


def _is_id_field(key: str) -> bool:
    return key == "id" or key.endswith("_id") or key.endswith("_ids")


def redact(value: Any) -> Any:
    """`value` with user text and Discord ids replaced, recursively; other values as they are."""
    if isinstance(value, Mapping):
        return {key: _redact_field(str(key), item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [redact(item) for item in value]
    if isinstance(value, bytes | bytearray):
        return REDACTED  # a raw frame or body: nothing in it is needed to debug the bot
    if isinstance(value, str):
        return _redact_text(value)
    if isinstance(value, int) and not isinstance(value, bool) and _SNOWFLAKE.fullmatch(str(value)):
        return ID
    return value


def _redact_field(key: str, value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if key in _TEXT_FIELDS and isinstance(value, str | list):
        return REDACTED
    if _is_id_field(key) and isinstance(value, str | int):
        return ID
    return redact(value)


def _redact_text(text: str) -> str:
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):  # a JSON body, as discord.py logs requests and responses
        try:
            parsed = json.loads(text)
        except ValueError:
            pass
        else:
            return json.dumps(redact(parsed), ensure_ascii=False)
    return _SNOWFLAKE.sub(ID, text)


class RedactUserData(logging.Filter):
    """Replaces user text and Discord ids in every record (message, arguments, traceback)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = _SNOWFLAKE.sub(ID, record.msg)
        else:
            record.msg = redact(record.msg)
        if isinstance(record.args, Mapping):
            record.args = {key: _redact_field(str(key), value) for key, value in record.args.items()}
        elif record.args:
            record.args = tuple(redact(argument) for argument in record.args)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = _SNOWFLAKE.sub(ID, record.exc_text)
        return True
