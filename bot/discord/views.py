"""Buttons under the bot's messages, persistent: each carries its state in its custom_id.

Every button is a discord.py ``DynamicItem``: its custom_id says everything pressing it needs
(which quotes, which question, whose answer, which page of what), so a press works after a
restart, and nothing is kept per message in memory - no View, no timeout task, no edit to grey
buttons out. The classes are registered once (:data:`PERSISTENT_ITEMS`, by the client); discord.py
matches a press to one by its custom_id template and rebuilds the button from it.

Views here know the engine and the labels but not the cogs: a suggestion is asked through the
cog that registered itself as :data:`ASK_COG`, and pages are rebuilt by the page sources the
lookup cogs register (:func:`register_pages`).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

import discord

from bot.discord.errors import log_failure, tell_error
from bot.discord.i18n import BUTTON_OUTDATED, ensure_language, use_english
from bot.discord.i18n import label as reader_label
from bot.discord.render import original_embed, truncate
from bot.discord.scripts import Reader, guild_variant, pick_script, script_for
from bot.engine import labels
from bot.engine.answer import Engine, Reply, SourceRef
from bot.engine.script import detect_script
from bot.text import Script, TraditionalVariant, to_script

log = logging.getLogger(__name__)

BUTTON_LABEL_LIMIT = 80
CUSTOM_ID_LIMIT = 100  # Discord's limit, in characters
MAX_SUGGESTION_BUTTONS = 3
MAX_ORIGINAL_SOURCES = 5
ASK_COG = "Ask"

Interaction = discord.Interaction[Any]
SCRIPT_CODE: dict[Script, str] = {"simplified": "s", "traditional": "t"}
CODE_SCRIPT: dict[str, Script] = {code: script for script, code in SCRIPT_CODE.items()}


def _label(text: str, script: Script, variant: TraditionalVariant) -> str:
    return reader_label(text, script, variant)  # English for an English reader


async def _variant(interaction: Interaction) -> TraditionalVariant:
    """The presser's server's traditional forms (/variant), else the engine's."""
    engine: Engine = interaction.client.engine
    return await guild_variant(interaction.client.storage, interaction.guild_id, engine.variant)


async def presser_reader(interaction: Interaction, script: Script) -> Reader:
    """Who reads what a press shows: the message's `script`, the server's forms, and English
    labels for a client in another language than Chinese."""
    return Reader(script, await _variant(interaction), use_english(interaction.locale))


def _clicker_script(interaction: Interaction, fallback: Script) -> Script:
    """The clicker's locale when it names a script, else the script the message was written in."""
    return pick_script(None, None, interaction.locale, fallback)


async def _tell(interaction: Interaction, label: str, fallback: Script) -> None:
    """A one-line private note to the clicker, in their script."""
    text = _label(label, _clicker_script(interaction, fallback), await _variant(interaction))
    await interaction.response.send_message(text, ephemeral=True)


class ReportsErrors:
    """A persistent button's failure told to the presser, privately, like a command's.

    discord.py rebuilds the message's view at each press as a plain View, whose error handler
    only logs: without this, a press that failed after a public defer would leave "thinking…"
    standing in the channel.
    """

    custom_id: str

    async def press(self, interaction: Interaction) -> None:
        raise NotImplementedError

    async def callback(self, interaction: Interaction) -> None:
        use_english(interaction.locale)  # a press is an event of its own: its locale decides
        try:
            await self.press(interaction)
        except Exception as error:
            what = f"button {self.custom_id.split(':')[1]}"
            log_failure(log, what, error)
            await tell_error(interaction, what)


def _view(*items: discord.ui.Item[Any]) -> discord.ui.View:
    """A view with no timeout holding only persistent items: discord.py keeps nothing for it."""
    view = discord.ui.View(timeout=None)
    for item in items:
        view.add_item(item)
    return view


# -- show original ------------------------------------------------------------------------------


def source_key(article: str, original_quote: str) -> str:
    """A short, stable name for one quote of one article (8 hex digits; the fact base's ~600
    quotes do not collide, which a test checks)."""
    return hashlib.blake2b(f"{article}\n{original_quote}".encode(), digest_size=4).hexdigest()


_indexes: dict[int, tuple[Engine, dict[str, tuple[str, str]]]] = {}


def source_index(engine: Engine) -> dict[str, tuple[str, str]]:
    """Every quote the fact base cites, by :func:`source_key`: (article id, quote as written)."""
    cached = _indexes.get(id(engine))
    if cached is not None and cached[0] is engine:
        return cached[1]
    index: dict[str, tuple[str, str]] = {}
    base = engine.base
    citations = [c for fact in base.by_id.values() for c in fact.sources]
    for entity in base.entities.values():
        citations += entity.sources
        citations += [c for role in entity.roles for c in role.sources]
    for citation in citations:
        index[source_key(citation.article, citation.quote)] = (citation.article, citation.quote)
    _indexes[id(engine)] = (engine, index)
    return index


def sources_from_keys(engine: Engine, keys: Sequence[str], script: Script) -> list[SourceRef]:
    """The quotes `keys` name, with their articles' titles and outlets in `script`; a key the fact
    base no longer has (its quote was corrected since the button was sent) is skipped."""
    index = source_index(engine)
    articles = {a["article"]: a for a in engine.sources(script)}
    found = []
    for key in keys:
        if key not in index or index[key][0] not in articles:
            continue
        article_id, quote = index[key]
        article = articles[article_id]
        found.append(
            SourceRef(
                article=article_id,
                title=article["title"],
                outlet=article["outlet"],
                published=article["published"],
                quote=to_script(quote, script, engine.variant),
                original_quote=quote,
            )
        )
    return found


class ShowOriginalButton(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"saga:orig:(?P<script>[st]):(?P<keys>[0-9a-f]{8}(?:\.[0-9a-f]{8})*)",
):
    """The quotes exactly as the articles wrote them, shown only to whoever presses."""

    def __init__(self, keys: Sequence[str], script: Script, label: str = labels.ORIGINAL) -> None:
        self.keys = tuple(dict.fromkeys(keys))[:MAX_ORIGINAL_SOURCES]
        self.script = script
        custom_id = f"saga:orig:{SCRIPT_CODE[script]}:{'.'.join(self.keys)}"
        super().__init__(
            discord.ui.Button(
                label=label, emoji="📄", style=discord.ButtonStyle.secondary, custom_id=custom_id
            )
        )

    @classmethod
    def for_sources(
        cls, sources: Sequence[SourceRef], script: Script, variant: TraditionalVariant
    ) -> ShowOriginalButton:
        keys = [source_key(s.article, s.original_quote) for s in sources]
        return cls(keys, script, _label(labels.ORIGINAL, script, variant))

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ShowOriginalButton:
        return cls(match["keys"].split("."), CODE_SCRIPT[match["script"]])

    async def press(self, interaction: Interaction) -> None:
        engine: Engine = interaction.client.engine
        script = _clicker_script(interaction, self.script)
        sources = sources_from_keys(engine, self.keys, script)
        if not sources:
            await _tell(interaction, labels.BUTTON_GONE, self.script)
            return
        await interaction.response.send_message(
            embed=original_embed(sources, script, await _variant(interaction)), ephemeral=True
        )


# -- suggestions -------------------------------------------------------------------------------


class SuggestionAsker(Protocol):
    """What the ask cog offers a suggestion button: ask `question` for the presser."""

    async def ask_suggestion(self, interaction: Interaction, question: str, asker_id: int) -> None: ...


class SuggestionButton(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"saga:ask:(?P<asker>\d+):(?P<question>.+)",
):
    """A suggested question. The asker's press answers it publicly, anyone else's privately."""

    PREFIX = "saga:ask:"

    def __init__(self, question: str, asker_id: int) -> None:
        self.question = question
        self.asker_id = asker_id
        super().__init__(
            discord.ui.Button(
                label=truncate(question, BUTTON_LABEL_LIMIT),
                style=discord.ButtonStyle.primary,
                custom_id=f"{self.PREFIX}{asker_id}:{question}",
            )
        )

    @classmethod
    def fits(cls, question: str, asker_id: int) -> bool:
        """Whether the question fits a custom_id (engine questions are short; a test checks all)."""
        return len(f"{cls.PREFIX}{asker_id}:{question}") <= CUSTOM_ID_LIMIT and "\n" not in question

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> SuggestionButton:
        return cls(match["question"], int(match["asker"]))

    async def press(self, interaction: Interaction) -> None:
        cog = interaction.client.get_cog(ASK_COG)
        if cog is None:  # the ask extension is unloaded: say so rather than fail silently
            await _tell(interaction, labels.ERROR, detect_script(self.question) or "simplified")
            return
        asker: SuggestionAsker = cog
        await asker.ask_suggestion(interaction, self.question, self.asker_id)


# -- delete ------------------------------------------------------------------------------------


class DeleteButton(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"saga:del:(?P<asker>\d+):(?P<script>[st])",
):
    """Deletes a public answer: for its asker and for members who may manage messages."""

    def __init__(self, asker_id: int, script: Script, label: str = labels.DELETE) -> None:
        self.asker_id = asker_id
        self.script = script
        super().__init__(
            discord.ui.Button(
                label=label,
                emoji="🗑️",
                style=discord.ButtonStyle.secondary,
                custom_id=f"saga:del:{asker_id}:{SCRIPT_CODE[script]}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> DeleteButton:
        return cls(int(match["asker"]), CODE_SCRIPT[match["script"]])

    async def press(self, interaction: Interaction) -> None:
        allowed = interaction.user.id == self.asker_id or interaction.permissions.manage_messages
        if not allowed or interaction.message is None:
            await _tell(interaction, labels.NOT_YOURS_TO_DELETE, self.script)
            return
        await interaction.response.defer()
        try:
            await interaction.message.delete()
        except discord.NotFound:
            pass  # deleted meanwhile: what was asked for
        except discord.HTTPException as error:
            log.warning("could not delete answer %s: %s", interaction.message.id, error)


def answer_view(
    reply: Reply, variant: TraditionalVariant, *, asker_id: int, public: bool
) -> discord.ui.View | None:
    """The buttons under an engine reply: show original for an answer, else the suggestions; and,
    on a public reply, a delete button for the asker (and moderators)."""
    items: list[discord.ui.Item[Any]] = []
    if reply.sources:
        items.append(ShowOriginalButton.for_sources(reply.sources, reply.script, variant))
    else:
        suggestions = [q for q in reply.suggestions if SuggestionButton.fits(q, asker_id)]
        items += [SuggestionButton(q, asker_id) for q in suggestions[:MAX_SUGGESTION_BUTTONS]]
    if public and items:
        items.append(DeleteButton(asker_id, reply.script, _label(labels.DELETE, reply.script, variant)))
    return _view(*items) if items else None


# -- pages -------------------------------------------------------------------------------------

# A page source rebuilds a listing from its key (an entity id, a date range) for a reader: the
# listing is not kept, so turning a page works after a restart. Keys are canonical values, never
# user text. A listing may add items under its page buttons (a jump select, a picture button),
# rebuilt with the pages at every press.
PageSource = Callable[[Engine, str, Reader], list[discord.Embed]]
PageExtras = Callable[[Engine, "PageState", Sequence[discord.Embed], Reader], list[discord.ui.Item[Any]]]
_page_sources: dict[str, tuple[PageSource, PageExtras | None]] = {}
_PAGE_EMOJI: Final = {"first": "⏮️", "previous": "◀️", "next": "▶️", "last": "⏭️"}


def register_pages(kind: str, source: PageSource, extras: PageExtras | None = None) -> None:
    """Let page buttons of `kind` (lower-case letters) rebuild their pages with `source`, and the
    items under them with `extras`."""
    if not re.fullmatch(r"[a-z]+", kind):
        raise ValueError(f"page kind must be lower-case letters: {kind!r}")
    _page_sources[kind] = (source, extras)


@dataclass(frozen=True)
class PageState:
    kind: str
    key: str
    invoker_id: int
    script: Script

    def custom_id(self, role: str, target: int) -> str:
        return (
            f"saga:page:{self.kind}:{self.invoker_id}:{SCRIPT_CODE[self.script]}:{role}:{target}:{self.key}"
        )

    def jump_id(self) -> str:
        return f"saga:jump:{self.kind}:{self.invoker_id}:{SCRIPT_CODE[self.script]}:{self.key}"


def _rebuild(engine: Engine, state: PageState, reader: Reader) -> list[discord.Embed]:
    """The pages of `state`'s listing, or none when its kind or key is gone."""
    registered = _page_sources.get(state.kind)
    return registered[0](engine, state.key, reader) if registered else []


async def invoker_only(interaction: Interaction, state: PageState) -> bool:
    """Whether the presser ran the command; anyone else is told so, privately."""
    if interaction.user.id == state.invoker_id:
        return True
    use_english(interaction.locale)  # checked before the press's callback sets it
    await _tell(interaction, labels.NOT_YOUR_BUTTONS, state.script)
    return False


async def _turn_to(interaction: Interaction, state: PageState, target: int) -> None:
    """Edit the listing's message to page `target`, its buttons and extras rebuilt."""
    engine: Engine = interaction.client.engine
    reader = await presser_reader(interaction, state.script)
    pages = _rebuild(engine, state, reader)
    if not pages:
        await _tell(interaction, labels.BUTTON_GONE, state.script)
        return
    index = max(0, min(target, len(pages) - 1))
    await interaction.response.edit_message(
        embed=pages[index], view=listing_view(engine, state, index, pages, reader)
    )


class PageButton(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=(
        r"saga:page:(?P<kind>[a-z]+):(?P<invoker>\d+):(?P<script>[st]):"
        r"(?P<role>first|previous|next|last):(?P<target>\d+):(?P<key>.*)"
    ),
):
    """Turns to page `target` of a listing; only the invoker may turn it."""

    def __init__(self, state: PageState, role: str, target: int, *, disabled: bool = False) -> None:
        self.state, self.role, self.target = state, role, target
        edge = role in ("first", "last")
        super().__init__(
            discord.ui.Button(
                emoji=_PAGE_EMOJI[role],
                style=discord.ButtonStyle.secondary if edge else discord.ButtonStyle.primary,
                custom_id=state.custom_id(role, target),
                disabled=disabled,
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PageButton:
        state = PageState(match["kind"], match["key"], int(match["invoker"]), CODE_SCRIPT[match["script"]])
        return cls(state, match["role"], int(match["target"]))

    async def interaction_check(self, interaction: Interaction) -> bool:
        return await invoker_only(interaction, self.state)

    async def press(self, interaction: Interaction) -> None:
        await _turn_to(interaction, self.state, self.target)


class JumpSelect(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Select[Any]],
    template=r"saga:jump:(?P<kind>[a-z]+):(?P<invoker>\d+):(?P<script>[st]):(?P<key>.*)",
):
    """Jumps to a page of a listing (each option's value is a page number); invoker only."""

    def __init__(
        self, state: PageState, options: Sequence[discord.SelectOption], placeholder: str | None = None
    ) -> None:
        self.state = state
        super().__init__(
            discord.ui.Select(
                custom_id=state.jump_id(), options=list(options), placeholder=placeholder, row=1
            )
        )

    @classmethod
    def fits(cls, state: PageState) -> bool:
        return len(state.jump_id()) <= CUSTOM_ID_LIMIT

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> JumpSelect:
        state = PageState(match["kind"], match["key"], int(match["invoker"]), CODE_SCRIPT[match["script"]])
        options = item.options if isinstance(item, discord.ui.Select) else []
        return cls(state, options)

    async def interaction_check(self, interaction: Interaction) -> bool:
        return await invoker_only(interaction, self.state)

    async def press(self, interaction: Interaction) -> None:
        chosen = self.item.values[0] if self.item.values else ""
        await _turn_to(interaction, self.state, int(chosen) if chosen.isdecimal() else 0)


def page_view(
    state: PageState, index: int, count: int, *extras: discord.ui.Item[Any]
) -> discord.ui.View | None:
    """First / previous / next / last from page `index` of `count` (none for a single page), then
    `extras`; no view when there is nothing to press."""
    items: list[discord.ui.Item[Any]] = []
    if count > 1 and len(state.custom_id("previous", count)) <= CUSTOM_ID_LIMIT:
        at_start, at_end = index == 0, index == count - 1
        items += [
            PageButton(state, "first", 0, disabled=at_start),
            PageButton(state, "previous", max(0, index - 1), disabled=at_start),
            PageButton(state, "next", min(count - 1, index + 1), disabled=at_end),
            PageButton(state, "last", count - 1, disabled=at_end),
        ]
    items += extras
    return _view(*items) if items else None


def listing_view(
    engine: Engine, state: PageState, index: int, pages: Sequence[discord.Embed], reader: Reader
) -> discord.ui.View | None:
    """:func:`page_view` with the extras the listing's kind registered."""
    registered = _page_sources.get(state.kind)
    extras = registered[1] if registered else None
    return page_view(state, index, len(pages), *(extras(engine, state, pages, reader) if extras else []))


async def send_pages(
    interaction: Interaction,
    pages: Sequence[discord.Embed],
    *,
    kind: str,
    key: str,
    reader: Reader,
    start: int = 0,
) -> None:
    """Answer `interaction` (deferred or not) with page `start` of `pages`, and buttons that
    rebuild them from `kind` and `key` when there are more (and the kind's extras)."""
    if not pages:
        raise ValueError("no pages to send")
    engine: Engine = interaction.client.engine
    index = max(0, min(start, len(pages) - 1))
    state = PageState(kind, key, interaction.user.id, reader.script)
    view = listing_view(engine, state, index, pages, reader)
    extra: dict[str, Any] = {"view": view} if view is not None else {}
    if interaction.response.is_done():
        await interaction.followup.send(embed=pages[index], **extra)
    else:
        await interaction.response.send_message(embed=pages[index], **extra)


# -- components of an older release ------------------------------------------------------------


def is_current(custom_id: str, items: Iterable[type[discord.ui.DynamicItem[Any]]]) -> bool:
    """Whether a press on `custom_id` reaches one of `items`: discord.py matches the whole
    custom_id against each class's template, and answers nothing when none matches."""
    return any(item.__discord_ui_compiled_template__.fullmatch(custom_id) for item in items)


async def tell_outdated(interaction: Interaction) -> None:
    """Answer a press on a component this version no longer makes (an older custom_id format, a
    view since removed) privately, in the presser's script, instead of leaving Discord to show
    "This interaction failed". Chinese in the presser's saved script or their client's, English
    for a client in another language."""
    script = await script_for(interaction.client.storage, interaction.user.id, None, interaction.locale)
    ensure_language(interaction.locale)  # English for a client in another language than Chinese
    text = reader_label(BUTTON_OUTDATED, script, await _variant(interaction))
    await interaction.response.send_message(text, ephemeral=True)


PERSISTENT_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (
    ShowOriginalButton,
    SuggestionButton,
    DeleteButton,
    PageButton,
    JumpSelect,
)
