"""Discord's published OpenAPI spec, as the fake Discord's judge of every request body.

The spec (tests/data/discord-openapi.json, from github.com/discord/discord-api-spec at the commit
in tests/data/discord-openapi.commit; `python tools/refresh_discord_spec.py` refreshes both) says
what each route accepts. :func:`violations` checks a body against it with the jsonschema library,
so a payload Discord would refuse with "400 Invalid Form Body" is refused by the fake too.

Two deliberate leniencies, where the spec is stricter than Discord: it types snowflakes as
strings, while Discord also accepts them as JSON integers, which discord.py sends in a few places
(a message reference's ids); and its channel types lack GUILD_MEDIA (16), a type Discord documents
and accepts in a command option's channel_types, where discord.py puts it for a forum option.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DATA = Path(__file__).parent / "data"
SPEC_FILE = DATA / "discord-openapi.json"
COMMIT_FILE = DATA / "discord-openapi.commit"
SPEC_URI = "urn:discord-openapi"
JSON_BODY = "application/json"
# Discord's code for a body that does not fit the route's schema.
INVALID_FORM_BODY = 50035

_PARAMETER = re.compile(r"\{[^/}]+\}")


@dataclass(frozen=True)
class Route:
    method: str
    template: str  # as the spec writes it: /channels/{channel_id}/messages
    pattern: re.Pattern[str]
    body_pointer: str | None  # JSON pointer to the application/json body schema, if any

    @property
    def literal_segments(self) -> int:
        """More literal segments win: /messages/@original over /messages/{message_id}."""
        return self.template.count("/") - len(_PARAMETER.findall(self.template))


def _deepest(error: ValidationError) -> ValidationError:
    """Within a union (a component is one of ten kinds), the failure that says what is wrong: the
    deepest one, and of equals one past the kind's discriminator (its "type" matched)."""
    if not error.context:
        return error
    causes = [_deepest(e) for e in error.context]
    return max(causes, key=lambda e: (len(e.absolute_path), e.validator not in ("enum", "const")))


def _reason(error: ValidationError, limit: int = 200) -> str:
    """The validator's message, or, when quoting the offending value makes it long, the rule."""
    if len(error.message) <= limit:
        return error.message
    return f"breaks {error.validator}: {error.validator_value!r}"[:limit]


def _pointer_token(text: str) -> str:
    return text.replace("~", "~0").replace("/", "~1")


GUILD_MEDIA = 16


def _lenient(document: dict[str, Any]) -> dict[str, Any]:
    """The spec with the leniencies of the module's docstring."""
    document = copy.deepcopy(document)
    schemas = document["components"]["schemas"]
    schemas["SnowflakeType"] = {"oneOf": [schemas["SnowflakeType"], {"type": "integer", "minimum": 0}]}
    channel_types = schemas["ChannelTypes"]["oneOf"]
    if all(choice.get("const") != GUILD_MEDIA for choice in channel_types):
        channel_types.append({"title": "GUILD_MEDIA", "const": GUILD_MEDIA})
    return document


class DiscordSpec:
    """The routes of the spec and a validator for each request body."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = _lenient(dict(document))
        self.registry: Registry[Any] = Registry().with_resource(
            SPEC_URI, Resource.from_contents(self.document, default_specification=DRAFT202012)
        )
        self.routes: list[Route] = []
        for template, operations in self.document["paths"].items():
            regex = "".join(
                "[^/]+" if part.startswith("{") else re.escape(part)
                for part in re.split(r"(\{[^/}]+\})", template)
                if part
            )
            for method, operation in operations.items():
                if method == "parameters":
                    continue
                content = (operation.get("requestBody") or {}).get("content") or {}
                pointer = None
                if JSON_BODY in content:
                    pointer = (
                        "/".join(("#", "paths", _pointer_token(template), method, "requestBody", "content"))
                        + f"/{_pointer_token(JSON_BODY)}/schema"
                    )
                self.routes.append(Route(method.upper(), template, re.compile(regex), pointer))
        self.routes.sort(key=lambda r: -r.literal_segments)

    def route(self, method: str, path: str) -> Route | None:
        for route in self.routes:
            if route.method == method and route.pattern.fullmatch(path):
                return route
        return None

    @functools.cache  # noqa: B019 - one spec per test session; validators are costly to build
    def _validator(self, pointer: str) -> Draft202012Validator:
        return Draft202012Validator({"$ref": SPEC_URI + pointer}, registry=self.registry)

    def schema_errors(self, schema: str, instance: Any) -> list[str]:
        """What is wrong with `instance` as the spec's component schema `schema` (e.g. "RichEmbed"):
        cheaper than a whole route's body when only a part varies."""
        validator = self._validator(f"#/components/schemas/{schema}")
        return [
            f"{'.'.join(map(str, e.absolute_path))}: {_reason(_deepest(e))}"
            for e in validator.iter_errors(instance)
        ]

    def violations(self, method: str, path: str, body: Any) -> dict[str, Any]:
        """Discord's "errors" object for `body` sent to `method` `path`: empty when it is valid
        (or the route takes no JSON body, or the spec does not know the route)."""
        route = self.route(method, path)
        if route is None or route.body_pointer is None or body is None:
            return {}
        errors: dict[str, Any] = {}
        for error in self._validator(route.body_pointer).iter_errors(body):
            cause = _deepest(error)
            where = ".".join(str(part) for part in cause.absolute_path) or "_body"
            entry = errors.setdefault(where, {"_errors": []})
            entry["_errors"].append({"code": "SCHEMA_VIOLATION", "message": _reason(cause)})
        return errors


@functools.cache
def spec() -> DiscordSpec:
    """The spec in tests/data, loaded once per test session."""
    return DiscordSpec(json.loads(SPEC_FILE.read_text(encoding="utf-8")))


def spec_commit() -> str:
    return COMMIT_FILE.read_text(encoding="utf-8").split()[0]
