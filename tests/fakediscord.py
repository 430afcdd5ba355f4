"""A fake of Discord's REST API and gateway, served on 127.0.0.1 for end-to-end tests.

Mocks of discord.py objects prove the cogs' logic; this proves the wiring. The
real discord.py client logs in, connects, identifies, resumes and sends its
replies to this server exactly as it would to Discord, and the tests assert on
what arrived. It is small on purpose: one guild, a few text channels, the
routes saga-bot calls, and the gateway opcodes discord.py 2.x uses.

What it does, and the facts about discord.py 2.7 it relies on:

* :meth:`FakeDiscord.redirect` points the client here by setting (and later
  restoring) ``discord.http.Route.BASE`` - every REST call, interaction
  callbacks and webhook follow-ups included - and
  ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``.
* JSON is answered with a Content-Type of exactly ``application/json``:
  discord.py parses nothing else (aiohttp's ``json_response``, or
  ``web.Response(text=..., content_type=...)``, add a charset).
* Snowflakes encode the current time; old ids make interactions count as expired.
* Gateway frames are plain JSON text frames, although the client asks for
  zlib-stream: discord.py decompresses binary frames only.
* Every REST request and every gateway frame the client sends is recorded, so a
  test can assert on payloads, count retries and measure latencies
  (:meth:`FakeDiscord.wait_for` polls without sleeping).
* Faults on demand: a REST status for the next matching request(s)
  (:meth:`FakeDiscord.inject`; a 429 carries ``Via`` and a JSON ``retry_after``,
  the only 429 discord.py retries), a gateway close with any code
  (:meth:`FakeDiscord.close_gateway`, optionally losing events in flight, which a
  RESUME replays), op 9 (:meth:`FakeDiscord.invalidate_session`) and refused
  privileged intents (close code 4014, :attr:`FakeDiscord.refused_intents`).
* Shards: with ``shard_count`` > 1, each IDENTIFY names its shard pair, and an
  event goes to the session of the shard that owns it, as Discord routes them:
  a guild's to shard ``(guild_id >> 22) % shard_count``, DMs to shard 0. The
  guild's id is chosen to fall on ``guild_shard``.
"""

from __future__ import annotations

import asyncio
import contextlib
import email
import email.policy
import itertools
import json
import re
import socket
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import discord
import yarl
from aiohttp import WSMsgType, web

from tests.discord_openapi import INVALID_FORM_BODY, spec

API_PREFIX = "/api/v10"
DISCORD_EPOCH_MS = 1_420_070_400_000
TOKEN = "MTE4NzQ1MDk4NzY1NDMyMTAwOQ.GhJkLm.s3cr3t-t0k3n_abcdefghijklmnopqrstuvwx"

# Gateway opcodes and intents the fake understands.
OP_DISPATCH, OP_HEARTBEAT, OP_IDENTIFY, OP_RESUME = 0, 1, 2, 6
OP_RECONNECT, OP_INVALID_SESSION, OP_HELLO, OP_HEARTBEAT_ACK = 7, 9, 10, 11
MESSAGE_CONTENT_INTENT = 1 << 15
HEARTBEAT_INTERVAL_MS = 41_250
# How long the waiting helpers wait by default: ample on loopback, and every wait ends.
WAIT = 5.0
# Conditions are re-checked at every request, frame and dispatch, and at least this often
# (seconds), for conditions on the bot's side such as a log record.
RECHECK = 0.05

# Interaction and callback types (Discord's numbers).
APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE = 2, 3, 4
CHANNEL_MESSAGE = 4
DEFERRED_CHANNEL_MESSAGE = 5
DEFERRED_UPDATE = 6
UPDATE_MESSAGE = 7
AUTOCOMPLETE_RESULT = 8
# Discord forgets an interaction not answered within 3 s ("Unknown interaction"); so does the fake.
CALLBACK_WINDOW = 3.0
EPHEMERAL = 1 << 6
LOADING = 1 << 7

MANAGE_GUILD = discord.Permissions(manage_guild=True).value
MEMBER_PERMISSIONS = discord.Permissions(
    view_channel=True, send_messages=True, read_message_history=True, use_application_commands=True
).value

# What a bot is usually invited with: a member's permissions, embeds, and posting in threads.
BOT_PERMISSIONS = (
    MEMBER_PERMISSIONS | discord.Permissions(embed_links=True, send_messages_in_threads=True).value
)

_counter = itertools.count()


def snowflake(at: float | None = None) -> int:
    """A fresh id that encodes the current time (or the Unix time `at`), as Discord's do."""
    ms = int((time.time() if at is None else at) * 1000)
    return ((ms - DISCORD_EPOCH_MS) << 22) | (next(_counter) & 0x3FFFFF)


def snowflake_on_shard(shard_id: int, shard_count: int) -> int:
    """A fresh id that Discord's routing, ``(id >> 22) % shard_count``, puts on `shard_id`."""
    while True:
        candidate = snowflake()
        if (candidate >> 22) % shard_count == shard_id:
            return candidate
        time.sleep(0.001)  # the shard is the id's millisecond: wait for the next one


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


def _json_response(body: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> web.Response:
    """JSON with a Content-Type of exactly ``application/json`` (no charset), which discord.py requires."""
    if body is None:
        return web.Response(status=204, headers=headers)
    data = json.dumps(body, ensure_ascii=False).encode()
    return web.Response(status=status, body=data, content_type="application/json", headers=headers)


@dataclass
class Request:
    """One REST request the client made, and what the fake answered."""

    method: str
    path: str  # below /api/v10, e.g. "/channels/1/messages"
    query: dict[str, str]
    body: Any  # the parsed JSON body, or None
    headers: dict[str, str]
    at: float  # time.monotonic() on arrival
    status: int = 0
    response: Any = None
    files: dict[str, bytes] = field(default_factory=dict)  # attachments of a multipart request, by name

    def match(self, method: str, pattern: str) -> re.Match[str] | None:
        """The path's match of `pattern` (anchored at both ends) when the method is `method`."""
        return re.fullmatch(pattern, self.path) if self.method == method else None


@dataclass
class Fault:
    """An error status for the next `times` requests that match `method` and `path`."""

    status: int
    method: str | None
    path: re.Pattern[str] | None
    retry_after: float | None
    via: bool
    times: int
    after: bool  # carry the request out, then answer with the error anyway

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (
            self.path is None or self.path.fullmatch(path) is not None
        )


@dataclass
class Frame:
    """A gateway frame the client sent."""

    op: int
    d: Any
    at: float
    path: str  # which gateway URL the connection used: /gateway or /resume


@dataclass
class Session:
    """A gateway session: its events (for RESUME) and the socket it is on, if any."""

    id: str
    intents: int
    seq: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    ws: web.WebSocketResponse | None = None
    shard: tuple[int, int] = (0, 1)  # (shard id, shard count), as the IDENTIFY named them


@dataclass
class Member:
    """A guild member as the fake knows it: a user payload and member fields."""

    user: dict[str, Any]
    roles: list[int] = field(default_factory=list)
    permissions: int = MEMBER_PERMISSIONS

    @property
    def id(self) -> int:
        return int(self.user["id"])

    def payload(self, *, with_permissions: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "user": self.user,
            "roles": [str(r) for r in self.roles],
            "joined_at": _now_iso(),
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
            "avatar": None,
            "pending": False,
            "premium_since": None,
        }
        if with_permissions:
            data["permissions"] = str(self.permissions)
        return data


def user_payload(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": None,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
        "flags": 0,
    }


class FakeDiscord:
    """Discord's REST API and gateway for one bot in one guild, on 127.0.0.1 at a random port.

    Use as ``async with FakeDiscord() as fake, fake.redirect(): ...``.
    """

    def __init__(self, *, channels: int = 5, shard_count: int = 1, guild_shard: int = 0) -> None:
        self.token = TOKEN
        self.application_id = snowflake()
        self.bot_user = user_payload(self.application_id, "saga-bot", bot=True)
        self.owner = self.add_user("owner")
        self.shard_count = shard_count
        self.guild_id = snowflake_on_shard(guild_shard, shard_count)
        self.channel_ids = [snowflake() for _ in range(channels)]
        self.thread_id = snowflake()  # a public thread in the second channel
        self.forum_id = snowflake()  # a forum channel, and one post (a thread) in it
        self.forum_post_id = snowflake()
        self.bot_denied: dict[int, int] = {}  # channel id → permissions the bot is denied there
        self.bot_role_id = snowflake()
        self.other_role_id = snowflake()
        self.guild_locale = "en-US"
        self.refused_intents = 0  # identify with any of these → close code 4014
        self.requests: list[Request] = []
        self.frames: list[Frame] = []
        self.closes: list[int | None] = []  # the close code of every gateway connection that ended
        self.sessions: dict[str, Session] = {}
        self.session: Session | None = None  # the newest identified session
        self.messages: dict[int, dict[str, Any]] = {}  # every message the bot created, by id
        self.interactions: dict[str, dict[str, Any]] = {}  # every interaction dispatched, by token
        self._responded: set[str] = set()  # tokens of the interactions already answered
        self._originals: dict[str, int] = {}  # token → the id of its original response message
        self.dispatched_at: dict[int, float] = {}  # interaction or message id → time.monotonic()
        self.commands: dict[int | None, list[dict[str, Any]]] = {}  # guild id (None: global) → commands
        self._nonces: dict[str, dict[str, Any]] = {}  # enforced nonce → the message it created
        # message id → the bot's replies to it (POST /channels/{id}/messages that succeeded)
        self.replies: dict[str, list[Request]] = {}
        # the users' messages dispatched and not deleted, by id: what a reply may reference
        self.user_messages: dict[str, dict[str, Any]] = {}
        # requests refused with 400 because their body breaks Discord's OpenAPI schema
        self.schema_violations: list[Request] = []
        self._faults: list[Fault] = []
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._sockets: set[web.WebSocketResponse] = set()
        self.port = 0

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/resume", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))  # loopback only; port 0: the kernel picks a free one
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        for ws in list(self._sockets):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(code=1001), 1.0)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def resume_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/resume"

    @contextlib.contextmanager
    def redirect(self) -> Iterator[None]:
        """Point discord.py at this fake, and restore its addresses afterwards."""
        redirect_client(self.base_url, self.gateway_url)
        try:
            yield
        finally:
            restore_client()

    # -- people and places -----------------------------------------------------------------

    def add_user(self, name: str, *, permissions: int = MEMBER_PERMISSIONS) -> Member:
        return Member(user_payload(snowflake(), name), permissions=permissions)

    @property
    def channel_id(self) -> int:
        """The first text channel: where a test talks unless it says otherwise."""
        return self.channel_ids[0]

    def channel_payload(self, channel_id: int) -> dict[str, Any]:
        if channel_id == self.forum_id:
            return self.forum_payload()
        denied = self.bot_denied.get(channel_id)
        overwrites = (
            []
            if not denied
            else [{"id": str(self.application_id), "type": 1, "allow": "0", "deny": str(denied)}]
        )
        return {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": f"channel-{self.channel_ids.index(channel_id)}",
            "position": self.channel_ids.index(channel_id),
            "permission_overwrites": overwrites,
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }

    def forum_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.forum_id),
            "type": 15,
            "guild_id": str(self.guild_id),
            "name": "forum",
            "position": len(self.channel_ids),
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
            "available_tags": [],
            "default_reaction_emoji": None,
            "default_thread_rate_limit_per_user": 0,
            "default_sort_order": None,
            "default_forum_layout": 0,
        }

    def thread_payload(self, thread_id: int | None = None) -> dict[str, Any]:
        """The thread in the second channel, or (`forum_post_id`) the post in the forum."""
        post = thread_id == self.forum_post_id
        return {
            "id": str(self.forum_post_id if post else self.thread_id),
            "type": 11,
            "guild_id": str(self.guild_id),
            "parent_id": str(self.forum_id if post else self.channel_ids[1]),
            "owner_id": str(self.owner.id),
            "name": "a thread",
            "message_count": 0,
            "member_count": 1,
            "rate_limit_per_user": 0,
            "flags": 0,
            "last_message_id": None,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": _now_iso(),
                "locked": False,
            },
        }

    def _role(self, role_id: int, name: str, permissions: int, **extra: Any) -> dict[str, Any]:
        return {
            "id": str(role_id),
            "name": name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "position": 0 if role_id == self.guild_id else 1,
            "permissions": str(permissions),
            "managed": False,
            "mentionable": True,
            "flags": 0,
            "icon": None,
            "unicode_emoji": None,
        } | extra

    def guild_payload(self) -> dict[str, Any]:
        """GUILD_CREATE: the guild, its roles (the bot's own managed role included) and channels."""
        bot_member = Member(self.bot_user, roles=[self.bot_role_id])
        return {
            "id": str(self.guild_id),
            "name": "Saga test guild",
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner.id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": self.guild_locale,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "vanity_url_code": None,
            "application_id": None,
            "features": [],
            "emojis": [],
            "stickers": [],
            "roles": [
                self._role(self.guild_id, "@everyone", MEMBER_PERMISSIONS),
                self._role(
                    self.bot_role_id,
                    "saga-bot",
                    BOT_PERMISSIONS,
                    managed=True,
                    tags={"bot_id": str(self.application_id)},
                ),
                self._role(self.other_role_id, "readers", 0),
            ],
            "joined_at": _now_iso(),
            "large": False,
            "unavailable": False,
            "member_count": 3,
            "voice_states": [],
            "members": [bot_member.payload()],
            "channels": [self.channel_payload(c) for c in (*self.channel_ids, self.forum_id)],
            "threads": [self.thread_payload(), self.thread_payload(self.forum_post_id)],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    # -- REST ------------------------------------------------------------------------------

    def inject(
        self,
        status: int,
        *,
        method: str | None = None,
        path: str | None = None,
        retry_after: float | None = None,
        via: bool = True,
        times: int = 1,
        after: bool = False,
    ) -> None:
        """Answer the next `times` requests matching `method` and the `path` regex with `status`.

        A 429 carries a JSON ``retry_after`` (default 0.1 s) and, unless ``via`` is false, the
        ``Via`` header that tells discord.py it came from Discord and not from Cloudflare.
        With ``after``, the request is carried out first (a message is created) and the error
        is answered anyway, as when Discord fails after the fact.
        """
        if status == 429 and retry_after is None:
            retry_after = 0.1
        compiled = re.compile(path) if path is not None else None
        self._faults.append(Fault(status, method, compiled, retry_after, via, times, after))

    def _take_fault(self, method: str, path: str) -> Fault | None:
        for fault in self._faults:
            if fault.matches(method, path):
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    def _fault_response(self, fault: Fault) -> tuple[int, Any, dict[str, str]]:
        headers: dict[str, str] = {}
        if fault.status == 429:
            if fault.via:
                headers["Via"] = "1.1 google"
            headers["Retry-After"] = str(fault.retry_after)
            body: Any = {
                "message": "You are being rate limited.",
                "retry_after": fault.retry_after,
                "global": False,
            }
        else:
            body = {"message": f"fake Discord error {fault.status}", "code": 0}
        return fault.status, body, headers

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        raw = await request.read()
        body, files = _parse_body(raw, request.headers.get("Content-Type", ""))
        record = Request(
            method=request.method,
            path=path,
            query=dict(request.query),
            body=body,
            headers=dict(request.headers),
            at=time.monotonic(),
            files=files,
        )
        self.requests.append(record)
        headers: dict[str, str] = {}
        try:
            fault = self._take_fault(request.method, path)
            invalid = spec().violations(request.method, path, body)
            if not self._authorised(request, path):
                status, answer = 401, {"message": "401: Unauthorized", "code": 0}
            elif invalid:
                # What Discord answers a body its schema refuses; kept for the test to see.
                status, answer = (
                    400,
                    {"code": INVALID_FORM_BODY, "errors": invalid, "message": "Invalid Form Body"},
                )
                self.schema_violations.append(record)
            elif fault is not None:
                if fault.after:
                    self._route(record)
                status, answer, headers = self._fault_response(fault)
            else:
                status, answer = self._route(record)
            record.status, record.response = status, answer
            if status == 200 and record.match("POST", r"/channels/\d+/messages"):
                reference = (body or {}).get("message_reference") or {}
                if "message_id" in reference:
                    self.replies.setdefault(str(reference["message_id"]), []).append(record)
            return _json_response(answer, status, headers)
        finally:
            self._notify()

    def _authorised(self, request: web.Request, path: str) -> bool:
        # Interaction callbacks and webhook follow-ups are authorised by their token, in the URL.
        if path.startswith(("/interactions/", "/webhooks/")):
            return True
        return request.headers.get("Authorization") == f"Bot {self.token}"

    def _route(self, r: Request) -> tuple[int, Any]:
        """What Discord would answer; unknown routes get a 404 a test can spot in :attr:`requests`."""
        app = self.application_id
        if r.match("GET", r"/users/@me"):
            return 200, self.bot_user
        if r.match("GET", r"/oauth2/applications/@me"):
            return 200, self._application()
        if r.match("GET", r"/gateway/bot"):
            limits = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
            return 200, {"url": self.gateway_url, "shards": self.shard_count, "session_start_limit": limits}
        if r.match("GET", r"/gateway"):
            return 200, {"url": self.gateway_url}
        if m := r.match("PUT", rf"/applications/{app}/commands"):
            return 200, self._put_commands(None, r.body)
        if m := r.match("PUT", rf"/applications/{app}/guilds/(\d+)/commands"):
            return 200, self._put_commands(int(m[1]), r.body)
        if m := r.match("GET", rf"/applications/{app}/(?:guilds/(\d+)/)?commands"):
            return 200, self.commands.get(int(m[1]) if m[1] else None, [])
        if m := r.match("POST", r"/channels/(\d+)/messages"):
            return self._create_message(int(m[1]), r.body)
        if m := r.match("PATCH", r"/channels/(\d+)/messages/(\d+)"):
            return self._edit_message(int(m[2]), r.body)
        if m := r.match("DELETE", r"/channels/(\d+)/messages/(\d+)"):
            return self._delete_message(int(m[2]))
        if m := r.match("POST", r"/channels/(\d+)/typing"):
            return 204, None
        if m := r.match("POST", r"/interactions/(\d+)/([^/]+)/callback"):
            return self._callback(int(m[1]), m[2], r.body)
        if m := r.match("POST", rf"/webhooks/{app}/([^/]+)"):
            return self._followup(m[1], r.body)
        if m := r.match("GET", rf"/webhooks/{app}/([^/]+)/messages/(@original|\d+)"):
            return self._webhook_message(m[1], m[2], None)
        if m := r.match("PATCH", rf"/webhooks/{app}/([^/]+)/messages/(@original|\d+)"):
            return self._webhook_message(m[1], m[2], r.body or {})
        if m := r.match("DELETE", rf"/webhooks/{app}/([^/]+)/messages/(@original|\d+)"):
            status, message = self._webhook_message(m[1], m[2], None)
            return self._delete_message(int(message["id"])) if status == 200 else (status, message)
        if m := r.match("POST", r"/users/@me/channels"):
            recipient = str(r.body["recipient_id"])
            dm = {"id": str(snowflake()), "type": 1, "recipients": [user_payload(int(recipient), "user")]}
            return 200, dm
        return 404, {"message": f"404: Not Found (the fake has no route {r.method} {r.path})", "code": 0}

    def _application(self) -> dict[str, Any]:
        return {
            "id": str(self.application_id),
            "name": "saga-bot",
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "owner": self.owner.user,
            "team": None,
            "flags": 0,
            "bot": self.bot_user,
            "interactions_endpoint_url": None,
            "redirect_uris": [],
            "tags": [],
        }

    def _put_commands(self, guild_id: int | None, body: Any) -> list[dict[str, Any]]:
        registered = []
        for command in body or []:
            registered.append(
                {
                    "id": str(snowflake()),
                    "application_id": str(self.application_id),
                    "version": str(snowflake()),
                    "type": 1,
                    "default_member_permissions": None,
                    "nsfw": False,
                    "options": [],
                    "description": "",  # a context menu sends none; Discord answers with ""
                    "description_localizations": None,
                    "name_localizations": None,
                }
                | command
                | ({"guild_id": str(guild_id)} if guild_id is not None else {})
            )
        self.commands[guild_id] = registered
        return registered

    def _message(self, channel_id: int, body: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
        """A message the bot created, as Discord would return it, remembered by id."""
        message_id = snowflake()
        reference = body.get("message_reference")
        message: dict[str, Any] = {
            "id": str(message_id),
            "channel_id": str(channel_id),
            "author": self.bot_user,
            "content": body.get("content") or "",
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 19 if reference else 0,
            "flags": int(body.get("flags") or 0),
        }
        if channel_id in (*self.channel_ids, self.thread_id, self.forum_post_id):
            message["guild_id"] = str(self.guild_id)
        if reference:
            message["message_reference"] = {"type": 0, "channel_id": str(channel_id)} | reference
        message |= extra
        self.messages[message_id] = message
        return message

    def _create_message(self, channel_id: int, body: Any) -> tuple[int, Any]:
        """A new message; a retry with an enforced nonce gets the message it already created.

        A reply to a message that does not exist (its author deleted it) fails as on Discord,
        unless the reference says ``fail_if_not_exists: false``: then it is sent unreferenced.
        """
        body = dict(body or {})
        nonce = str(body.get("nonce")) if body.get("enforce_nonce") and body.get("nonce") else None
        if nonce is not None and nonce in self._nonces:
            return 200, self._nonces[nonce]
        reference = body.get("message_reference")
        if reference and not self._exists(int(reference["message_id"])):
            if reference.get("fail_if_not_exists", True) is not False:
                unknown = {
                    "_errors": [{"code": "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "message": "Unknown message"}]
                }
                errors = {"message_reference": unknown}
                return 400, {"code": INVALID_FORM_BODY, "errors": errors, "message": "Invalid Form Body"}
            del body["message_reference"]
        message = self._message(channel_id, body)
        if nonce is not None:
            self._nonces[nonce] = message
        return 200, message

    def _exists(self, message_id: int) -> bool:
        return message_id in self.messages or str(message_id) in self.user_messages

    def _edit_message(self, message_id: int, body: Any) -> tuple[int, Any]:
        message = self.messages.get(message_id)
        if message is None:
            return 404, {"message": "Unknown Message", "code": 10008}
        for key in ("content", "embeds", "components"):
            if body and key in body:
                message[key] = body[key] or ([] if key != "content" else "")
        message["edited_timestamp"] = _now_iso()
        return 200, message

    def _delete_message(self, message_id: int) -> tuple[int, Any]:
        if self.messages.pop(message_id, None) is None:
            return 404, {"message": "Unknown Message", "code": 10008}
        return 204, None

    def _callback(self, interaction_id: int, token: str, body: Any) -> tuple[int, Any]:
        interaction = self.interactions.get(token)
        if interaction is None or int(interaction["id"]) != interaction_id:
            return 404, {"message": "Unknown interaction", "code": 10062}
        if time.monotonic() - self.dispatched_at[interaction_id] > CALLBACK_WINDOW:
            return 404, {"message": "Unknown interaction", "code": 10062}
        if token in self._responded:
            return 400, {"message": "Interaction has already been acknowledged.", "code": 40060}
        self._responded.add(token)
        kind = int(body["type"])
        data = body.get("data") or {}
        channel_id = int(interaction["channel_id"])
        answer: dict[str, Any] = {"interaction": {"id": str(interaction_id), "type": interaction["type"]}}
        message: dict[str, Any] | None = None
        if kind == CHANNEL_MESSAGE:
            message = self._message(channel_id, data, **self._interaction_extra(interaction))
            self._originals[token] = int(message["id"])
        elif kind == DEFERRED_CHANNEL_MESSAGE:
            flags = int(data.get("flags") or 0) | LOADING
            message = self._message(channel_id, {"flags": flags}, **self._interaction_extra(interaction))
            self._originals[token] = int(message["id"])
        elif kind in (UPDATE_MESSAGE, DEFERRED_UPDATE):
            message = interaction.get("message")
            if message is not None and kind == UPDATE_MESSAGE:
                _status, message = self._edit_message(int(message["id"]), data)
        elif kind != AUTOCOMPLETE_RESULT:
            return 400, {"message": f"callback type {kind} not supported by the fake", "code": 0}
        if message is not None:
            answer["interaction"] |= {
                "response_message_id": message["id"],
                "response_message_loading": kind == DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(int(message.get("flags") or 0) & EPHEMERAL),
            }
            answer["resource"] = {"type": kind, "message": message}
        return 200, answer

    def _interaction_extra(self, interaction: Mapping[str, Any]) -> dict[str, Any]:
        user = interaction["member"]["user"] if "member" in interaction else interaction["user"]
        return {
            "webhook_id": str(self.application_id),
            "application_id": str(self.application_id),
            "interaction_metadata": {
                "id": interaction["id"],
                "type": interaction["type"],
                "user": user,
                "authorizing_integration_owners": {},
            },
        }

    def _followup(self, token: str, body: Any) -> tuple[int, Any]:
        """A follow-up message. As on Discord: an interaction never acknowledged has no webhook
        yet, and the first follow-up after a deferred ("thinking…") response edits that message,
        keeping its visibility whatever flags the follow-up asks for."""
        interaction = self.interactions.get(token)
        if interaction is None or token not in self._responded:
            return 404, {"message": "Unknown Webhook", "code": 10015}
        original = self.messages.get(self._originals.get(token, 0))
        if original is not None and int(original["flags"]) & LOADING:
            body = body or {}
            original["flags"] = int(original["flags"]) & ~LOADING
            original["content"] = body.get("content") or ""
            original["embeds"] = body.get("embeds") or []
            original["components"] = body.get("components") or []
            original["edited_timestamp"] = _now_iso()
            return 200, original
        message = self._message(
            int(interaction["channel_id"]), body or {}, **self._interaction_extra(interaction)
        )
        return 200, message

    def _webhook_message(self, token: str, which: str, body: Any) -> tuple[int, Any]:
        interaction = self.interactions.get(token)
        if interaction is None:
            return 404, {"message": "Unknown Webhook", "code": 10015}
        message_id = self._originals.get(token) if which == "@original" else int(which)
        if message_id is None or message_id not in self.messages:
            return 404, {"message": "Unknown Message", "code": 10008}
        if body is None:
            return 200, self.messages[message_id]
        return self._edit_message(message_id, body)

    # -- gateway ---------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        self._sockets.add(ws)
        try:
            await ws.send_json({"op": OP_HELLO, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}})
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(msg.data)
                self.frames.append(Frame(payload["op"], payload.get("d"), time.monotonic(), request.path))
                self._notify()
                await self._on_frame(ws, payload["op"], payload.get("d"))
        finally:
            self.closes.append(ws.close_code)
            self._sockets.discard(ws)
            for session in self.sessions.values():
                if session.ws is ws:
                    session.ws = None
        return ws

    async def _on_frame(self, ws: web.WebSocketResponse, op: int, d: Any) -> None:
        if op == OP_HEARTBEAT:
            await ws.send_json({"op": OP_HEARTBEAT_ACK})
        elif op == OP_IDENTIFY:
            if d.get("token") != self.token:
                await ws.close(code=4004, message=b"Authentication failed.")
                return
            intents = int(d.get("intents", 0))
            if intents & self.refused_intents:
                await ws.close(code=4014, message=b"Disallowed intent(s).")
                return
            shard_id, shard_count = d.get("shard") or [0, 1]
            session = Session(
                id=f"session-{snowflake()}", intents=intents, ws=ws, shard=(int(shard_id), int(shard_count))
            )
            self.sessions[session.id] = session
            self.session = session
            owns_guild = self.shard_of(self.guild_id) == session.shard[0]
            await self._dispatch_on(
                session,
                "READY",
                {
                    "v": 10,
                    "user": self.bot_user,
                    "guilds": [{"id": str(self.guild_id), "unavailable": True}] if owns_guild else [],
                    "session_id": session.id,
                    "session_type": "normal",
                    "resume_gateway_url": self.resume_url,
                    "shard": list(session.shard),
                    "application": {"id": str(self.application_id), "flags": 0},
                    "private_channels": [],
                    "relationships": [],
                    "user_settings": {},
                    "geo_ordered_rtc_regions": [],
                },
            )
            if owns_guild:
                await self._dispatch_on(session, "GUILD_CREATE", self.guild_payload())
        elif op == OP_RESUME:
            resumed = self.sessions.get(str(d.get("session_id")))
            if resumed is None or d.get("token") != self.token:
                await ws.send_json({"op": OP_INVALID_SESSION, "d": False})
                return
            resumed.ws = ws
            self.session = session = resumed
            after = int(d.get("seq") or 0)
            for event in session.events:
                if event["s"] > after:
                    await ws.send_str(json.dumps(event, ensure_ascii=False))
            await self._dispatch_on(session, "RESUMED", {})

    async def dispatch(self, event: str, data: Mapping[str, Any], *, deliver: bool = True) -> int:
        """Send a DISPATCH on the current session and keep it for RESUME; returns its sequence.

        With ``deliver=False``, or while the client is disconnected, the event is only kept:
        it is "lost in flight", and a RESUME replays it.
        """
        session = self.session_for(data)
        if session is None:
            raise RuntimeError("no gateway session: the client has not identified")
        return await self._dispatch_on(session, event, data, deliver=deliver)

    def shard_of(self, guild_id: int | None) -> int:
        """Which shard Discord sends a guild's events to; DMs (no guild) go to shard 0."""
        return 0 if guild_id is None else (guild_id >> 22) % self.shard_count

    def session_for(self, data: Mapping[str, Any]) -> Session | None:
        """The newest session of the shard that owns `data` (the newest session when unsharded)."""
        if self.shard_count == 1:
            return self.session
        # Tests also send malformed events (d: null): Discord would route those nowhere in particular.
        guild = data.get("guild_id") if isinstance(data, Mapping) else None
        shard = self.shard_of(int(guild) if isinstance(guild, str | int) and str(guild).isdigit() else None)
        owners = [s for s in self.sessions.values() if s.shard == (shard, self.shard_count)]
        return owners[-1] if owners else None

    async def _dispatch_on(
        self, session: Session, event: str, data: Mapping[str, Any], *, deliver: bool = True
    ) -> int:
        # A malformed dispatch (d: null, no id) is sent as it is: the gateway tests need it.
        if event == "MESSAGE_CREATE" and isinstance(data, Mapping) and "id" in data:
            self.user_messages[str(data["id"])] = dict(data)
            data = self._redact_content(data, session)
        elif event == "MESSAGE_DELETE" and isinstance(data, Mapping) and "id" in data:
            self.user_messages.pop(str(data["id"]), None)
        session.seq += 1
        frame = {"op": OP_DISPATCH, "t": event, "s": session.seq, "d": data}
        session.events.append(frame)
        self._notify()
        if deliver and session.ws is not None and not session.ws.closed:
            await session.ws.send_str(json.dumps(frame, ensure_ascii=False))
        return session.seq

    async def close_gateway(self, code: int, *, lost: Sequence[tuple[str, Mapping[str, Any]]] = ()) -> None:
        """Close the client's socket with `code`, after queueing `lost` events it never received."""
        session = self.session
        if session is None or session.ws is None:
            raise RuntimeError("no connected gateway session")
        for event, data in lost:
            await self.dispatch(event, data, deliver=False)
        ws, session.ws = session.ws, None
        await ws.close(code=code)

    async def request_reconnect(self, *, lost: Sequence[tuple[str, Mapping[str, Any]]] = ()) -> None:
        """Op 7: ask the client to reconnect and resume, after queueing `lost` events it never got."""
        session = self.session
        if session is None or session.ws is None:
            raise RuntimeError("no connected gateway session")
        for event, data in lost:
            await self.dispatch(event, data, deliver=False)
        await session.ws.send_json({"op": OP_RECONNECT, "d": None})

    async def invalidate_session(self, *, resumable: bool = False) -> None:
        """Op 9: the session is gone (or, if resumable, resume it)."""
        session = self.session
        if session is None or session.ws is None:
            raise RuntimeError("no connected gateway session")
        ws = session.ws
        if not resumable:
            session.ws = None
            self.sessions.pop(session.id, None)
        await ws.send_json({"op": OP_INVALID_SESSION, "d": resumable})

    @property
    def identifies(self) -> list[Frame]:
        return [f for f in self.frames if f.op == OP_IDENTIFY]

    @property
    def resumes(self) -> list[Frame]:
        return [f for f in self.frames if f.op == OP_RESUME]

    # -- what users do ---------------------------------------------------------------------

    def message_payload(
        self,
        content: str,
        *,
        author: Member,
        mention_bot: bool = False,
        channel_id: int | None = None,
        mentions: Sequence[Member | dict[str, Any]] = (),
        mention_roles: Sequence[int] = (),
        reply_to: Mapping[str, Any] | None = None,
        dm: bool = False,
        sent_at: float | None = None,
    ) -> dict[str, Any]:
        """A MESSAGE_CREATE as Discord sends it: `content` by `author`, after a mention of the bot
        if `mention_bot`; `mentions` (members, or user payloads) and `mention_roles` as given;
        sent now or at the Unix time `sent_at` (its id and timestamp say so), as a message that
        waited in a backlog was."""
        channel = channel_id if channel_id is not None else self.channel_id
        mentions = list(mentions)
        if mention_bot:
            content = f"<@{self.application_id}> {content}"
            mentions.insert(0, self.bot_user)
        mentioned = []
        for m in mentions:
            user = m.user if isinstance(m, Member) else m
            mentioned.append(user if dm else user | {"member": Member(user).payload()})
        data: dict[str, Any] = {
            "id": str(snowflake(sent_at)),
            "channel_id": str(channel),
            "author": author.user,
            "content": content,
            "timestamp": _now_iso() if sent_at is None else datetime.fromtimestamp(sent_at, UTC).isoformat(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": "@everyone" in content or "@here" in content,
            "mentions": mentioned,
            "mention_roles": [str(r) for r in mention_roles],
            "attachments": [],
            "embeds": [],
            "components": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
        }
        if not dm:
            member = author.payload()
            del member["user"]
            data |= {"guild_id": str(self.guild_id), "member": member}
        if reply_to is not None:
            data["type"] = 19
            data["message_reference"] = {
                "type": 0,
                "message_id": reply_to["id"],
                "channel_id": reply_to["channel_id"],
                **({"guild_id": reply_to["guild_id"]} if "guild_id" in reply_to else {}),
            }
            data["referenced_message"] = dict(reply_to)
        return data

    def _redact_content(self, data: Mapping[str, Any], session: Session) -> Mapping[str, Any]:
        """Without the Message Content intent, Discord sends a guild message's text only to a
        bot it mentions (or replies to)."""
        if session.intents & MESSAGE_CONTENT_INTENT or "guild_id" not in data:
            return data
        bot_id = str(self.application_id)
        if any(u["id"] == bot_id for u in data["mentions"]):
            return data
        referenced = data.get("referenced_message")
        if referenced is not None and referenced["author"]["id"] == bot_id:
            return data
        return {**data, "content": "", "embeds": [], "attachments": [], "components": []}

    async def send_message(
        self, content: str, *, author: Member, mention_bot: bool = True, **kw: Any
    ) -> dict[str, Any]:
        """Dispatch MESSAGE_CREATE (see :meth:`message_payload`), mentioning the bot by default."""
        data = self.message_payload(content, author=author, mention_bot=mention_bot, **kw)
        self.dispatched_at[int(data["id"])] = time.monotonic()
        await self.dispatch("MESSAGE_CREATE", data)
        return data

    async def delete_message(self, message: Mapping[str, Any]) -> None:
        """The user deletes `message` (one :meth:`send_message` returned): MESSAGE_DELETE."""
        data = {"id": message["id"], "channel_id": message["channel_id"]}
        if "guild_id" in message:
            data["guild_id"] = message["guild_id"]
        await self.dispatch("MESSAGE_DELETE", data)

    def command_id(self, name: str) -> str:
        for command in self.commands.get(None, []):
            if command["name"] == name:
                return str(command["id"])
        return str(snowflake())

    def interaction_payload(
        self,
        kind: int,
        data: dict[str, Any],
        *,
        user: Member,
        locale: str = "zh-CN",
        channel_id: int | None = None,
        message: Mapping[str, Any] | None = None,
        dm: bool = False,
    ) -> dict[str, Any]:
        """An INTERACTION_CREATE in the guild (from a member, with their permissions), or with
        `dm` in the user's DM with the bot."""
        interaction_id = snowflake()
        channel = channel_id if channel_id is not None else self.channel_id
        if dm:
            return {
                "id": str(interaction_id),
                "application_id": str(self.application_id),
                "type": kind,
                "token": f"token-{interaction_id}",
                "version": 1,
                "channel_id": str(channel),
                "channel": {"id": str(channel), "type": 1, "recipients": [user.user], "flags": 0},
                "user": user.user,
                "locale": locale,
                "app_permissions": str(MEMBER_PERMISSIONS),
                "entitlements": [],
                "authorizing_integration_owners": {"0": str(self.guild_id)},
                "context": 1,
                "attachment_size_limit": 10 * 1024 * 1024,
                "data": data,
            } | ({"message": dict(message)} if message is not None else {})
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": kind,
            "token": f"token-{interaction_id}",
            "version": 1,
            "guild_id": str(self.guild_id),
            "guild": {"id": str(self.guild_id), "locale": self.guild_locale, "features": []},
            "channel_id": str(channel),
            "channel": self.channel_payload(channel),
            "member": user.payload(with_permissions=True),
            "locale": locale,
            "guild_locale": self.guild_locale,
            "app_permissions": str(MEMBER_PERMISSIONS),
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
            "data": data,
        }
        if message is not None:
            payload["message"] = dict(message)
        return payload

    async def _interact(self, payload: dict[str, Any]) -> dict[str, Any]:
        self.interactions[payload["token"]] = payload
        self.dispatched_at[int(payload["id"])] = time.monotonic()
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    async def slash(
        self,
        name: str,
        options: Sequence[Mapping[str, Any]] = (),
        *,
        user: Member,
        locale: str = "zh-CN",
        channel_id: int | None = None,
        dm: bool = False,
        resolved: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A slash command: `options` as Discord sends them ({"name", "type", "value"} or subcommands),
        and the `resolved` users, channels... its options name."""
        data = {"id": self.command_id(name), "name": name, "type": 1, "options": list(options)}
        if resolved is not None:
            data["resolved"] = dict(resolved)
        payload = self.interaction_payload(
            APPLICATION_COMMAND, data, user=user, locale=locale, channel_id=channel_id, dm=dm
        )
        return await self._interact(payload)

    async def autocomplete(
        self, name: str, option: str, typed: str, *, user: Member, locale: str = "zh-CN"
    ) -> dict[str, Any]:
        """The user is typing `typed` into `option` of /`name`."""
        focused = {"name": option, "type": 3, "value": typed, "focused": True}
        data = {"id": self.command_id(name), "name": name, "type": 1, "options": [focused]}
        return await self._interact(self.interaction_payload(AUTOCOMPLETE, data, user=user, locale=locale))

    async def press(
        self,
        message: Mapping[str, Any],
        custom_id: str,
        *,
        user: Member,
        locale: str = "zh-CN",
        values: Sequence[str] | None = None,
    ) -> dict[str, Any]:
        """The user presses the button `custom_id` on `message` (a message the bot created), or
        with `values` picks those options of the select `custom_id`."""
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": 2}
        if values is not None:
            data = {"custom_id": custom_id, "component_type": 3, "values": list(values)}
        payload = self.interaction_payload(
            MESSAGE_COMPONENT,
            data,
            user=user,
            locale=locale,
            channel_id=int(message["channel_id"]),
            message=message,
        )
        return await self._interact(payload)

    async def message_menu(
        self, name: str, message: Mapping[str, Any], *, user: Member, locale: str = "zh-CN"
    ) -> dict[str, Any]:
        """The user picks the message context menu `name` (Apps →) on `message`."""
        data = {
            "id": self.command_id(name),
            "name": name,
            "type": 3,
            "target_id": message["id"],
            "resolved": {"messages": {message["id"]: dict(message)}},
        }
        payload = self.interaction_payload(
            APPLICATION_COMMAND, data, user=user, locale=locale, channel_id=int(message["channel_id"])
        )
        return await self._interact(payload)

    # -- what the bot did ------------------------------------------------------------------

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_until(self, condition: Callable[[], Any], *, within: float = WAIT) -> Any:
        """Wait until `condition()` is truthy and return its value; TimeoutError after `within` s.

        The condition is checked as soon as a request or frame arrives or an event is dispatched,
        and every RECHECK seconds in between.
        """
        deadline = time.monotonic() + within
        while True:
            changed = self._changed
            value = condition()
            if value:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"fake Discord: condition not met within {within} s")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), min(remaining, RECHECK))

    async def wait_for(
        self, predicate: Callable[[Request], Any], *, count: int = 1, within: float = WAIT
    ) -> list[Request]:
        """The first `count` requests matching `predicate`, waiting for them up to `within` s."""

        def found() -> list[Request] | None:
            matching = [r for r in self.requests if predicate(r)]
            return matching[:count] if len(matching) >= count else None

        result: list[Request] = await self.wait_until(found, within=within)
        return result

    def sent_messages(self, channel_id: int | None = None) -> list[Request]:
        """Successful POST /channels/{id}/messages requests, in arrival order."""
        channel = str(channel_id) if channel_id is not None else r"\d+"
        pattern = rf"/channels/{channel}/messages"
        return [r for r in self.requests if r.match("POST", pattern) and r.status == 200]

    def replies_to(self, message: Mapping[str, Any]) -> list[Request]:
        """The bot's successful replies (message_reference) to `message`."""
        return list(self.replies.get(str(message["id"]), ()))

    async def reply_to(self, message: Mapping[str, Any], *, within: float = WAIT) -> Request:
        """Wait for the bot's reply to `message`."""
        replies = await self.wait_until(lambda: self.replies_to(message), within=within)
        reply: Request = replies[0]
        return reply

    def callbacks(self, interaction: Mapping[str, Any]) -> list[Request]:
        path = f"/interactions/{interaction['id']}/{interaction['token']}/callback"
        return [r for r in self.requests if r.method == "POST" and r.path == path]

    async def callback(self, interaction: Mapping[str, Any], *, within: float = WAIT) -> Request:
        """Wait for the (first) callback the bot sends for `interaction`."""
        found = await self.wait_until(lambda: self.callbacks(interaction), within=within)
        first: Request = found[0]
        return first

    def failed(self, interaction: Mapping[str, Any]) -> bool:
        """Whether the user saw "This interaction failed": no callback was accepted within 3 s."""
        window_end = self.dispatched_at[int(interaction["id"])] + CALLBACK_WINDOW
        accepted = [r for r in self.callbacks(interaction) if r.status == 200 and r.at <= window_end]
        return not accepted and time.monotonic() > window_end

    def callback_delay(self, interaction: Mapping[str, Any]) -> float:
        """Seconds between dispatching `interaction` and the arrival of its callback."""
        return self.callbacks(interaction)[0].at - self.dispatched_at[int(interaction["id"])]

    def followups(self, interaction: Mapping[str, Any]) -> list[Request]:
        path = f"/webhooks/{self.application_id}/{interaction['token']}"
        return [r for r in self.requests if r.method == "POST" and r.path == path and r.status == 200]

    async def followup(self, interaction: Mapping[str, Any], *, within: float = WAIT) -> Request:
        found = await self.wait_until(lambda: self.followups(interaction), within=within)
        first: Request = found[0]
        return first

    def could_ping(self) -> list[Request]:
        """Requests with message text whose allowed_mentions would let a mention in it ping:
        anything but one that parses nothing."""
        found = []
        for r in self.requests:
            body = r.body if isinstance(r.body, dict) else {}
            message = body.get("data") if r.path.endswith("/callback") else body
            if not isinstance(message, dict) or not message.get("content"):
                continue
            mentions = message.get("allowed_mentions")
            if (
                not isinstance(mentions, dict)
                or mentions.get("parse") != []
                or mentions.get("users")
                or mentions.get("roles")
            ):
                found.append(r)
        return found

    def unknown_routes(self) -> list[Request]:
        return [r for r in self.requests if r.status == 404 and "no route" in str(r.response)]


def _parse_body(raw: bytes, content_type: str) -> tuple[Any, dict[str, bytes]]:
    """The JSON body of a request, and its files by name: discord.py sends a message with
    files as multipart/form-data, its JSON in the ``payload_json`` part."""
    if not raw:
        return None, {}
    if content_type.startswith("application/json"):
        return json.loads(raw), {}
    if not content_type.startswith("multipart/form-data"):
        return None, {}
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    form = email.message_from_bytes(head + raw, policy=email.policy.HTTP)
    body: Any = None
    files: dict[str, bytes] = {}
    for part in form.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        if filename:
            content = part.get_payload(decode=True)
            files[filename] = content if isinstance(content, bytes) else b""
        elif name == "payload_json":
            body = json.loads(part.get_payload(decode=True) or b"null")
    return body, files


# -- pointing discord.py at the fake ----------------------------------------------------------

_ORIGINAL = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)


def redirect_client(base_url: str, gateway_url: str) -> None:
    """Send discord.py's REST calls to `base_url` and its gateway connections to `gateway_url`."""
    discord.http.Route.BASE = base_url
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


def restore_client() -> None:
    discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = _ORIGINAL


async def _no_wait(shard_id: int | None, *, initial: bool = False) -> None:
    """No 5-second pause before a re-IDENTIFY: the fake has no identify rate limit."""


def make_fast(client: discord.Client, *, guild_ready_timeout: float = 0.05) -> discord.Client:
    """Tune a real client for tests: no pause before re-identifying, and `ready` as soon as the
    fake's GUILD_CREATE has arrived rather than 2 s later. Guild chunking is off in SagaBot."""
    client.before_identify_hook = _no_wait  # type: ignore[method-assign]
    client._connection.guild_ready_timeout = guild_ready_timeout
    return client
