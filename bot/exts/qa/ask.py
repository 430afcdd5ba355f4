"""Questions: in ask channels, when the bot is mentioned or replied to, in DMs, and with /ask.

Every path ends in the same place: a per-user cooldown, the engine's reply in
the asker's script as an embed with its buttons, and the question recorded
(text, time and the engine's decline reason only) when the articles do not cover it.

A question is read as part of a conversation: a reply to one of the bot's answers continues
that answer's conversation (kept in storage, so also after a restart); any other question
continues the same user's recent questions in the same channel (kept in memory: guild events
always reach the same shard and DMs shard 0, so one process sees a whole conversation while the
shard count is fixed). A pressed suggestion is a question asked.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import deque
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands
from discord.utils import MISSING

from bot.discord.chatter import is_saga_question
from bot.discord.client import SagaBot
from bot.discord.i18n import is_english, use_english
from bot.discord.render import reply_embed
from bot.discord.scripts import Reader, for_reader, reader_for
from bot.discord.views import ASK_COG, answer_view
from bot.engine import labels
from bot.engine.answer import Reply
from bot.engine.normalise import normalise
from bot.engine.script import detect_script
from bot.storage import StorageError
from bot.text import Script

log = logging.getLogger(__name__)

Interaction = discord.Interaction[SagaBot]
Addressed = Literal["directly", "ask_channel"]

# A message-side cooldown notice stays this long (seconds, at most) before it deletes itself.
NOTICE_LIFETIME = 30.0
# A user's questions in a channel continue a conversation for this long, at most this many.
RECENT_SECONDS = 600.0
RECENT_TURNS = 5
# A reply to one of the bot's answers continues its conversation for this long.
CONTEXT_LIFETIME = timedelta(days=1)
# Conversations kept in memory before the stale ones are swept out.
RECENT_SWEEP_AT = 10_000
# Users with a cooldown notice standing, kept before the lapsed ones are swept out.
NOTICED_SWEEP_AT = 10_000
_ANSWERABLE = (discord.MessageType.default, discord.MessageType.reply)


def _user_key(user_id: int) -> int:
    return user_id


class Ask(commands.Cog, name=ASK_COG):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot
        rate, per = bot.settings.cooldown_rate, bot.settings.cooldown_per
        # One budget per user, shared by messages, /ask and suggestion buttons.
        self.cooldown = commands.CooldownMapping.from_cooldown(rate, per, _user_key)
        # Cooldown notices waiting to delete themselves: cancelled when the cog unloads (as the
        # bot closes), rather than failing on a closed HTTP session as delete_after's would.
        self._expiring: set[asyncio.Task[None]] = set()
        # (channel id, user id) -> the user's recent questions there, as the engine read them.
        self.recent: dict[tuple[int, int], deque[tuple[float, str]]] = {}
        # user id -> when the cooldown window they were last told about ends (a Unix time).
        self.noticed_until: dict[int, float] = {}

    async def cog_unload(self) -> None:
        for task in self._expiring:
            task.cancel()

    def delete_later(self, message: discord.Message, delay: float) -> None:
        task = asyncio.create_task(self._delete_after(message, delay))
        self._expiring.add(task)
        task.add_done_callback(self._expiring.discard)

    @staticmethod
    async def _delete_after(message: discord.Message, delay: float) -> None:
        await asyncio.sleep(delay)
        try:
            await message.delete()
        except discord.HTTPException as error:  # gone already, or no longer reachable
            log.info("cooldown notice %s not deleted: %s", message.id, error)

    # -- conversation -----------------------------------------------------------------------

    def recent_questions(self, channel_id: int, user_id: int) -> list[str]:
        """The user's questions in the channel in the last RECENT_SECONDS, oldest first."""
        turns = self.recent.get((channel_id, user_id))
        if not turns:
            return []
        cutoff = time.monotonic() - RECENT_SECONDS
        return [question for asked_at, question in turns if asked_at >= cutoff]

    async def history_for(self, message: discord.Message) -> list[str]:
        """A reply to one of the bot's answers continues that answer's conversation; any other
        message, the user's recent questions in the channel."""
        reference = message.reference
        if reference is not None and reference.message_id is not None:
            try:
                kept = await self.bot.storage.context_of(reference.message_id)
            except StorageError as exc:
                log.warning("could not read a conversation: %s", exc)
                kept = []
            if kept:
                return kept
        return self.recent_questions(message.channel.id, message.author.id)

    async def remember(
        self, channel_id: int, user_id: int, history: list[str], reply: Reply, answer_id: int | None
    ) -> None:
        """Record the question (as the engine read it) in the user's recent questions and, keyed
        by the answer's message id, in storage."""
        question = reply.read_as or normalise(reply.question).display
        if not question:
            return
        if len(self.recent) >= RECENT_SWEEP_AT:
            cutoff = time.monotonic() - RECENT_SECONDS
            self.recent = {key: turns for key, turns in self.recent.items() if turns[-1][0] >= cutoff}
        turns = self.recent.setdefault((channel_id, user_id), deque(maxlen=RECENT_TURNS))
        turns.append((time.monotonic(), question))
        if answer_id is None:
            return
        conversation = [*history, question][-RECENT_TURNS:]
        try:
            await self.bot.storage.save_context(answer_id, conversation, datetime.now(UTC) + CONTEXT_LIFETIME)
        except StorageError as exc:
            log.warning("could not keep a conversation: %s", exc)

    # -- shared -----------------------------------------------------------------------------

    def retry_at(self, user_id: int, sent_at: datetime) -> float | None:
        """When (a Unix time) `user_id` may ask again, or None (and the question is counted).

        Judged by when the question was sent - its snowflake's time - not when it is processed:
        under a backlog, questions sent in one burst would otherwise be spread over many windows.
        """
        sent = sent_at.timestamp()
        retry_after = self.cooldown.update_rate_limit(user_id, sent)
        return None if retry_after is None else sent + retry_after

    def first_notice(self, user_id: int, sent_at: datetime, retry_at: float) -> bool:
        """Whether an over-budget message should get a notice: the first in its cooldown window
        does; the rest of the window is silent. Each notice is a channel message, so a notice per
        message would let one user's flood use up the channel's send rate limit, delaying the
        answers to everyone else there."""
        if self.noticed_until.get(user_id, 0.0) > sent_at.timestamp():
            return False  # told already, and that window has not ended
        if len(self.noticed_until) >= NOTICED_SWEEP_AT:
            now = time.time()
            self.noticed_until = {user: end for user, end in self.noticed_until.items() if end > now}
        self.noticed_until[user_id] = retry_at
        return True

    def cooldown_notice(self, retry_at: float, reader: Reader) -> str:
        """The notice, with a Discord timestamp each client shows as "in 20 seconds", counting down."""
        when = discord.utils.format_dt(datetime.fromtimestamp(math.ceil(retry_at), UTC), "R")
        return reader(labels.COOLDOWN, when=when)

    async def reader(
        self,
        user_id: int,
        locale: discord.Locale | str | None,
        guild_id: int | None,
        question: str | None,
        default_script: Script = "simplified",
    ) -> Reader:
        return await reader_for(
            self.bot.storage,
            user_id=user_id,
            locale=locale,
            guild_id=guild_id,
            default_variant=self.bot.engine.variant,
            question=question,
            default_script=default_script,
        )

    async def answer(self, question: str, reader: Reader, history: list[str] | None = None) -> Reply:
        engine = self.bot.engine
        asked = await self.bot.in_engine(
            partial(engine.ask, question, override=reader.script, history=history or ())
        )
        reply = for_reader(asked, reader, engine.variant)
        if reply.kind == "not_covered":
            try:
                # The display form: mentions (which carry user ids), markup and URLs removed.
                await self.bot.storage.record_miss(normalise(question).display, reply.decline_reason)
            except StorageError as exc:
                log.warning("could not record an unanswered question: %s", exc)
        return reply

    async def respond(
        self, interaction: Interaction, question: str, reader: Reader, *, public: bool = True
    ) -> None:
        """Answer `question` for `interaction`: a cooldown notice, or the reply (deferred first),
        for the channel or, unless `public`, for the user alone."""
        retry = self.retry_at(interaction.user.id, interaction.created_at)
        if retry is not None:
            await interaction.response.send_message(self.cooldown_notice(retry, reader), ephemeral=True)
            return
        await interaction.response.defer(thinking=True, ephemeral=not public)
        channel_id = interaction.channel_id or 0
        history = self.recent_questions(channel_id, interaction.user.id)
        reply = await self.answer(question, reader, history)
        view = answer_view(reply, reader.variant, asker_id=interaction.user.id, public=public)
        sent = await interaction.followup.send(
            embed=reply_embed(reply, self.bot.engine, reader.variant),
            view=view or MISSING,
            ephemeral=not public,
            wait=True,
        )
        # An answer only the presser sees cannot be replied to: it continues their recent
        # questions, not a stored conversation.
        await self.remember(channel_id, interaction.user.id, history, reply, sent.id if public else None)

    async def ask_suggestion(self, interaction: Interaction, question: str, asker_id: int) -> None:
        """A suggestion button, pressed: its question asked for the presser in their script
        (their preference, then locale; else the script the suggestion is written in). The
        asker's press answers in the channel; anyone else's only to them, so a suggestion under
        someone else's answer cannot fill the channel with duplicates."""
        default = detect_script(question) or "simplified"
        reader = await self.reader(
            interaction.user.id, interaction.locale, interaction.guild_id, None, default
        )
        # The suggestion is the bot's own text: asked, and titled, in the presser's script.
        await self.respond(interaction, reader.text(question), reader, public=interaction.user.id == asker_id)

    # -- /ask -------------------------------------------------------------------------------

    @app_commands.command(name="ask", description="Ask a question about the OpenAI leadership saga")
    @app_commands.describe(question="Your question, in simplified or traditional Chinese")
    async def ask(self, interaction: Interaction, question: str) -> None:
        reader = await self.reader(interaction.user.id, interaction.locale, interaction.guild_id, question)
        await self.respond(interaction, question, reader)

    # -- messages ---------------------------------------------------------------------------

    async def is_addressed(self, message: discord.Message) -> bool:
        """A DM, a mention of the bot (or its role), a reply to the bot, or a message in an ask channel."""
        return await self.addressed_by(message) is not None

    async def addressed_by(self, message: discord.Message) -> Addressed | None:
        """How `message` reaches the bot: "directly" (a DM, a mention of the bot or its role, a
        reply to the bot), "ask_channel" (posted in one, or in one of its threads), or None."""
        me = self.bot.user
        if me is None:
            return None
        if message.guild is None:
            return "directly"
        if any(user.id == me.id for user in message.mentions):
            return "directly"
        own_role = message.guild.self_role
        if own_role is not None and own_role in message.role_mentions:
            return "directly"
        reference = message.reference
        replied_to = reference.resolved if reference is not None else None
        if isinstance(replied_to, discord.Message) and replied_to.author.id == me.id:
            return "directly"
        channels = [message.channel.id]
        if isinstance(message.channel, discord.Thread) and message.channel.parent_id is not None:
            channels.append(message.channel.parent_id)
        for channel in channels:
            if await self.bot.storage.is_ask_channel(message.guild.id, channel):
                return "ask_channel"
        return None

    def question_of(self, message: discord.Message) -> str:
        """The message's text without the mention (of the bot or its role) that addressed the bot."""
        mentions = []
        if self.bot.user is not None:
            mentions += [f"<@{self.bot.user.id}>", f"<@!{self.bot.user.id}>"]
        if message.guild is not None and message.guild.self_role is not None:
            mentions.append(f"<@&{message.guild.self_role.id}>")
        text = message.content
        for mention in mentions:
            text = text.replace(mention, " ")
        return " ".join(text.split())

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or message.type not in _ANSWERABLE:
            return
        addressed = await self.addressed_by(message)
        if addressed is None:
            return
        if (await self.bot.get_context(message)).valid:
            return  # an owner command such as `sync`, handled by its cog
        if not message.content:
            return  # nothing to read: an attachment, or an ask channel without the Message Content intent
        question = self.question_of(message)
        if addressed == "ask_channel" and not await self.bot.in_engine(
            partial(is_saga_question, self.bot.engine, question)
        ):
            return  # chatter: no reply, no miss logged, no cooldown spent
        locale = message.guild.preferred_locale if message.guild else None
        guild_id = message.guild.id if message.guild else None
        reader = await self.reader(message.author.id, locale, guild_id, question)
        if not is_english(question):
            # A server's locale is not the asker's (most servers keep en-US): a message's labels
            # are English only when the message is.
            reader = replace(reader, english=use_english(None))
        try:
            await self.reply_to(message, question, reader)
        except discord.Forbidden:
            log.info("no permission to reply in channel %s", message.channel.id)

    async def reply_to(self, message: discord.Message, question: str, reader: Reader) -> None:
        """Answer `message` as a reply; if its author has deleted it meanwhile, Discord posts the
        answer unreferenced (fail_if_not_exists=False) rather than refusing it with a 400."""
        retry = self.retry_at(message.author.id, message.created_at)
        if retry is not None:
            # The first question over the budget is told when to ask again, the rest of the
            # window passes silently; the notice goes once it no longer applies.
            if not self.first_notice(message.author.id, message.created_at, retry):
                return
            notice = await message.channel.send(
                self.cooldown_notice(retry, reader),
                reference=message.to_reference(fail_if_not_exists=False),
                mention_author=False,
            )
            self.delete_later(notice, min(max(1.0, retry - time.time()), NOTICE_LIFETIME))
            return
        history = await self.history_for(message)
        reply = await self.answer(question, reader, history)
        sent = await message.channel.send(
            embed=reply_embed(reply, self.bot.engine, reader.variant),
            view=answer_view(reply, reader.variant, asker_id=message.author.id, public=True) or MISSING,
            reference=message.to_reference(fail_if_not_exists=False),
            mention_author=False,
        )
        await self.remember(message.channel.id, message.author.id, history, reply, sent.id)


async def setup(bot: SagaBot) -> None:
    await bot.add_cog(Ask(bot))
