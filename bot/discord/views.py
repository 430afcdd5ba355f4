"""Buttons under the bot's messages.

Views here know the engine's results and the labels but not the cogs: what a
suggestion button does is handed in as a callback. Each view remembers the
message it was sent with, so it can grey its buttons out when it times out.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord

from bot.discord.i18n import label, use_english
from bot.discord.render import original_embed, truncate
from bot.discord.scripts import pick_script
from bot.engine import labels
from bot.engine.answer import Reply, SourceRef
from bot.text import Script, TraditionalVariant

BUTTON_LABEL_LIMIT = 80
MAX_SUGGESTION_BUTTONS = 3
PAGINATOR_TIMEOUT = 300.0
REPLY_VIEW_TIMEOUT = 900.0

Interaction = discord.Interaction[Any]
SentMessage = discord.Message | discord.InteractionMessage | discord.WebhookMessage
AskCallback = Callable[[Interaction, str], Awaitable[None]]


class ExpiringView(discord.ui.View):
    """A view that disables its buttons on the message it was sent with once it times out."""

    message: SentMessage | None = None

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.message is not None:
            # The message may be gone or the channel unreachable by now; nothing else to do then.
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=self)


class Paginator(ExpiringView):
    """First / previous / next / last through `pages`; only the invoker may turn them."""

    def __init__(
        self,
        pages: Sequence[discord.Embed],
        *,
        invoker_id: int,
        script: Script,
        variant: TraditionalVariant,
        timeout: float = PAGINATOR_TIMEOUT,
    ) -> None:
        if not pages:
            raise ValueError("a paginator needs at least one page")
        super().__init__(timeout=timeout)
        self.pages = list(pages)
        self.index = 0
        self.invoker_id = invoker_id
        self.script = script
        self.variant = variant
        self._update_buttons()

    @property
    def current(self) -> discord.Embed:
        return self.pages[self.index]

    async def send(self, interaction: Interaction) -> None:
        """Answer `interaction` (deferred or not) with the first page, with buttons when there are more."""
        if len(self.pages) == 1:
            self.stop()  # nothing to turn: send no buttons at all
            if interaction.response.is_done():
                await interaction.followup.send(embed=self.current)
            else:
                await interaction.response.send_message(embed=self.current)
            return
        if interaction.response.is_done():
            self.message = await interaction.followup.send(embed=self.current, view=self, wait=True)
        else:
            await interaction.response.send_message(embed=self.current, view=self)
            self.message = await interaction.original_response()

    async def interaction_check(self, interaction: Interaction) -> bool:
        if interaction.user.id == self.invoker_id:
            return True
        script = pick_script(None, None, interaction.locale, self.script)
        await interaction.response.send_message(
            label(labels.NOT_YOUR_BUTTONS, script, self.variant), ephemeral=True
        )
        return False

    def _update_buttons(self) -> None:
        at_start, at_end = self.index == 0, self.index == len(self.pages) - 1
        self.first_page.disabled = self.previous_page.disabled = at_start
        self.next_page.disabled = self.last_page.disabled = at_end

    async def _show(self, interaction: Interaction, index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        self._update_buttons()
        await interaction.response.edit_message(embed=self.current, view=self)

    @discord.ui.button(emoji="⏮️", style=discord.ButtonStyle.secondary)
    async def first_page(self, interaction: Interaction, button: discord.ui.Button[Paginator]) -> None:
        await self._show(interaction, 0)

    @discord.ui.button(emoji="◀️", style=discord.ButtonStyle.primary)
    async def previous_page(self, interaction: Interaction, button: discord.ui.Button[Paginator]) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(emoji="▶️", style=discord.ButtonStyle.primary)
    async def next_page(self, interaction: Interaction, button: discord.ui.Button[Paginator]) -> None:
        await self._show(interaction, self.index + 1)

    @discord.ui.button(emoji="⏭️", style=discord.ButtonStyle.secondary)
    async def last_page(self, interaction: Interaction, button: discord.ui.Button[Paginator]) -> None:
        await self._show(interaction, len(self.pages) - 1)


class ShowOriginalView(ExpiringView):
    """A "show original" button: the quotes as the articles wrote them, shown only to the clicker."""

    def __init__(
        self,
        sources: Sequence[SourceRef],
        *,
        script: Script,
        variant: TraditionalVariant,
        timeout: float = REPLY_VIEW_TIMEOUT,
    ) -> None:
        super().__init__(timeout=timeout)
        self.sources = tuple(sources)
        self.script = script
        self.variant = variant
        self.show_original.label = label(labels.ORIGINAL, script, variant)

    @discord.ui.button(style=discord.ButtonStyle.secondary, emoji="📄")
    async def show_original(
        self, interaction: Interaction, button: discord.ui.Button[ShowOriginalView]
    ) -> None:
        # Anyone may look; the labels follow the clicker's locale (its script, or English).
        script = pick_script(None, None, interaction.locale, self.script)
        use_english(interaction.locale)  # a press is an event of its own: its locale decides
        await interaction.response.send_message(
            embed=original_embed(self.sources, script, self.variant), ephemeral=True
        )


class SuggestionButton(discord.ui.Button["SuggestionView"]):
    def __init__(self, question: str) -> None:
        super().__init__(label=truncate(question, BUTTON_LABEL_LIMIT), style=discord.ButtonStyle.primary)
        self.question = question

    async def callback(self, interaction: Interaction) -> None:
        assert self.view is not None  # set when the button is added to its view
        await self.view.ask(interaction, self.question)


class SuggestionView(ExpiringView):
    """Up to three suggested questions; clicking one asks it for the clicker, through `ask`."""

    def __init__(
        self, suggestions: Sequence[str], ask: AskCallback, *, timeout: float = REPLY_VIEW_TIMEOUT
    ) -> None:
        super().__init__(timeout=timeout)
        self.ask = ask
        for question in suggestions[:MAX_SUGGESTION_BUTTONS]:
            self.add_item(SuggestionButton(question))


def reply_view(reply: Reply, variant: TraditionalVariant, ask: AskCallback) -> ExpiringView | None:
    """The buttons for an engine reply: the originals of an answer's quotes, or the suggestions."""
    if reply.sources:
        return ShowOriginalView(reply.sources, script=reply.script, variant=variant)
    if reply.suggestions:
        return SuggestionView(reply.suggestions, ask)
    return None
