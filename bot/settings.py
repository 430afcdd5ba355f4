"""The bot's settings, from the environment or a `.env` file.

Every setting has one environment variable, named in its field's alias. The
token is a :class:`SecretStr`, validation errors never echo their input, and
:class:`RedactSecrets` scrubs it from log records anyway, so the token cannot
reach a log, a repr or an error message.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.storage.base import MissLimits

TOKEN_VARIABLE = "DISCORD_TOKEN"
ENV_FILE = ".env"
DATABASE_FILE = "saga-bot.sqlite3"
MAX_COOLDOWN_PER = 86_400.0  # a day
# A Discord id is a snowflake: an unsigned 64-bit integer, at most 20 digits.
_SNOWFLAKE = re.compile(r"^[0-9]{1,20}$")

# A bot token is base64url(application id) . base64url(timestamp) . HMAC.
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$")
_TOKEN_HINT = "the token from the Discord Developer Portal → your application → Bot → Reset Token"


class SettingsError(Exception):
    """The settings are unusable; the message is one line naming the variable to fix."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=ENV_FILE,
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
        hide_input_in_errors=True,  # a malformed token must not be echoed by the error
    )

    discord_token: SecretStr | None = Field(default=None, validation_alias=TOKEN_VARIABLE)
    # A path, `sqlite:///path` or `postgresql://user:password@host/db`; empty means
    # DATA_DIR/saga-bot.sqlite3. It may carry a password: never put it in a message.
    database_url: str | None = Field(default=None, validation_alias="SAGA_BOT_DATABASE", repr=False)
    # The misses log keeps at most this many rows, none older than this many days (docs/storage.md).
    misses_max_rows: int = Field(
        default=10_000, ge=1, le=10_000_000, validation_alias="SAGA_BOT_MISSES_MAX_ROWS"
    )
    misses_max_age_days: int = Field(
        default=90, ge=1, le=36_500, validation_alias="SAGA_BOT_MISSES_MAX_AGE_DAYS"
    )
    data_dir: Path = Field(default=Path("data"), validation_alias="SAGA_BOT_DATA_DIR")
    cooldown_rate: int = Field(default=3, ge=1, validation_alias="SAGA_BOT_COOLDOWN_RATE")
    # Seconds; finite and at most a day: an infinite or huge window overflows the cooldown's clock.
    cooldown_per: float = Field(
        default=30.0, gt=0, le=MAX_COOLDOWN_PER, allow_inf_nan=False, validation_alias="SAGA_BOT_COOLDOWN_PER"
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", validation_alias="SAGA_BOT_LOG_LEVEL"
    )
    # At DEBUG, discord.py logs what users write; this replaces their text and ids in every record.
    log_redact: bool = Field(default=False, validation_alias="SAGA_BOT_LOG_REDACT")
    traditional_variant: Literal["tw", "hk"] = Field(default="tw", validation_alias="SAGA_BOT_TRADITIONAL")
    # Comma-separated user ids allowed to run the owner-only `sync` command; empty means the
    # application's owner (or team members), as discord.py resolves it.
    owner_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), validation_alias="SAGA_BOT_OWNER_IDS"
    )

    @field_validator("discord_token", mode="before")
    @classmethod
    def _token_shape(cls, value: object) -> object:
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if not isinstance(value, str):
            return value
        token = value.strip()
        if not token:
            return None
        if not _TOKEN_SHAPE.match(token):
            # Say what is wrong without quoting any of it.
            raise ValueError("not a bot token (three dot-separated base64url parts)")
        return token

    @field_validator("database_url", "data_dir", mode="before")
    @classmethod
    def _no_nul(cls, value: object) -> object:
        # A .env can hold a NUL byte; no path can, and opening one raises instead of saying so.
        if isinstance(value, str) and "\0" in value:
            raise ValueError("contains a NUL character, which no path can hold")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("owner_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        parts = [part for part in re.split(r"[\s,]+", value.strip()) if part]
        for position, part in enumerate(parts, start=1):
            if not _SNOWFLAKE.match(part) or int(part) >= 2**64:
                # By position, never by value: a token pasted into the wrong variable must not be shown.
                raise ValueError(f"item {position} is not a Discord user id (comma-separated numbers)")
        return frozenset(int(part) for part in parts)

    @property
    def miss_limits(self) -> MissLimits:
        return MissLimits(max_rows=self.misses_max_rows, max_age_days=self.misses_max_age_days)

    @property
    def database(self) -> str:
        """Where the storage lives: the configured URL or path, else a file in the data directory."""
        return self.database_url or str(self.data_dir / DATABASE_FILE)

    def token(self) -> str:
        """The bot token; SettingsError (one line, naming the variable) when it is not set."""
        if self.discord_token is None:
            raise SettingsError(
                f"{TOKEN_VARIABLE} is not set: set it in the environment or .env to {_TOKEN_HINT}"
            )
        return self.discord_token.get_secret_value()


_VARIABLES = {
    "discord_token": TOKEN_VARIABLE,
    "database_url": "SAGA_BOT_DATABASE",
    "misses_max_rows": "SAGA_BOT_MISSES_MAX_ROWS",
    "misses_max_age_days": "SAGA_BOT_MISSES_MAX_AGE_DAYS",
    "data_dir": "SAGA_BOT_DATA_DIR",
    "cooldown_rate": "SAGA_BOT_COOLDOWN_RATE",
    "cooldown_per": "SAGA_BOT_COOLDOWN_PER",
    "log_level": "SAGA_BOT_LOG_LEVEL",
    "log_redact": "SAGA_BOT_LOG_REDACT",
    "traditional_variant": "SAGA_BOT_TRADITIONAL",
    "owner_ids": "SAGA_BOT_OWNER_IDS",
}


def _echoes(message: str, value: object) -> bool:
    """Whether `message` quotes any part of the rejected `value` (four characters or more)."""
    if not isinstance(value, str):
        return False
    return any(len(part) >= 4 and part in message for part in re.split(r"[\s,;]+", value))


def load_settings() -> Settings:
    """Read the settings; any problem becomes one SettingsError line that names the variables.

    No message carries the rejected value: a secret set in the wrong variable stays unseen.
    """
    try:
        return Settings()
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            where = str(error["loc"][0]) if error["loc"] else ""
            variable = _VARIABLES.get(where, where)  # errors name the alias, or the field when set by name
            message = error["msg"].removeprefix("Value error, ")
            if _echoes(message, error.get("input")):  # a validator that quotes its input: say less
                message = "not a valid value (not shown)"
            if variable == TOKEN_VARIABLE:
                message += f"; set {TOKEN_VARIABLE} to {_TOKEN_HINT}"
            problems.append(f"{variable} is invalid: {message}")
        raise SettingsError("; ".join(problems)) from None
    except UnicodeDecodeError as exc:
        # Python's message quotes the offending byte; the position is enough to find it.
        raise SettingsError(
            f"{ENV_FILE} is not UTF-8 text (undecodable byte at offset {exc.start}): save it as UTF-8"
        ) from None
    except OSError as exc:
        raise SettingsError(f"cannot read {ENV_FILE}: {exc.strerror or type(exc).__name__}") from None


class RedactSecrets(logging.Filter):
    """Replaces secrets in a record's message and traceback text before any handler writes it."""

    def __init__(self, *secrets: str) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def _redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self._redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._redact(record.exc_text)
        return True
