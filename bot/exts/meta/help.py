"""/help: what the bot does, where it answers, and its commands as the user's client shows them.

A Chinese client shows the commands by their localised names (/提问, /人物资料), so the help
names them the same way, as command mentions (</提问:id>) the user can click. The ids come
from Discord (the commands as last synced), fetched once; before any sync there are none,
and the help names the commands as plain text instead.
"""

from __future__ import annotations

import logging

import discord
from discord import Locale, app_commands
from discord.ext import commands

from bot.discord import i18n
from bot.discord.client import SagaBot
from bot.discord.render import LOOKUP_COLOUR, fit
from bot.discord.scripts import Reader, interaction_reader
from bot.discord.translator import NAMES
from bot.exts.qa.menu import MENU_NAME
from bot.text import Script

log = logging.getLogger(__name__)

Interaction = discord.Interaction[SagaBot]

# The commands in the order a newcomer needs them; admin commands last.
COMMAND_ORDER = (
    "ask",
    "who",
    "timeline",
    "on",
    "sources",
    "about",
    "script",
    "askchannel",
    "variant",
    "help",
)
# Locales Discord shows our translated names in (see bot/discord/translator.py).
_CLIENT_SCRIPTS: dict[Locale, Script] = {Locale.chinese: "simplified", Locale.taiwan_chinese: "traditional"}


def shown_name(name: str, locale: Locale | str | None) -> str:
    """A command's (or option's) name as a client in `locale` shows it."""
    script = _CLIENT_SCRIPTS.get(Locale(locale) if isinstance(locale, str) else locale) if locale else None
    if script is None or name not in NAMES:
        return name
    return i18n.chinese_label(NAMES[name], script, "tw")


def mention(path: list[str], ids: dict[str, int], locale: Locale | str | None) -> str:
    """`</name sub:id>`, clickable, when Discord has given the command an id; else `/name sub`."""
    shown = " ".join(shown_name(part, locale) for part in path)
    command_id = ids.get(path[0])
    return f"</{shown}:{command_id}>" if command_id is not None else f"/{shown}"


def command_lines(
    tree: app_commands.CommandTree[SagaBot], ids: dict[str, int], locale: Locale | str | None, reader: Reader
) -> list[str]:
    """One line per command (per subcommand of a group): its mention and what it is for."""
    lines = []
    for name in COMMAND_ORDER:
        command = tree.get_command(name)
        if command is None:
            continue
        summary = reader(i18n.COMMAND_SUMMARIES[name])
        if isinstance(command, app_commands.Group):
            subcommands = " ".join(mention([name, sub.name], ids, locale) for sub in command.commands)
            lines.append(f"{subcommands} — {summary}")
        else:
            lines.append(f"{mention([name], ids, locale)} — {summary}")
    return lines


class Help(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot
        self._command_ids: dict[str, int] = {}

    async def command_ids(self) -> dict[str, int]:
        """Command name -> id of the global commands, fetched from Discord once they exist."""
        if not self._command_ids:
            try:
                fetched = await self.bot.tree.fetch_commands()
            except (discord.HTTPException, app_commands.MissingApplicationID) as exc:
                log.info("cannot fetch the command ids for /help: %s", exc)
                return {}
            self._command_ids = {command.name: command.id for command in fetched}
        return self._command_ids

    async def where(self, interaction: Interaction, reader: Reader) -> str:
        """Where plain messages are answered: a DM; in a server, mentions, replies and ask channels."""
        if interaction.guild_id is None:
            return reader(i18n.HELP_WHERE_DM)
        text = reader(i18n.HELP_WHERE_GUILD)
        channels = await self.bot.storage.ask_channels(interaction.guild_id)
        if channels:
            text += "\n" + reader(i18n.HELP_ASK_CHANNELS, channels=" ".join(f"<#{c}>" for c in channels))
        return text

    @app_commands.command(name="help", description="How to use the bot")
    async def help(self, interaction: Interaction) -> None:
        reader = await interaction_reader(interaction, self.bot.storage, self.bot.engine.variant)
        ids = await self.command_ids()
        embed = discord.Embed(title="saga-bot", description=reader(i18n.HELP_INTRO), colour=LOOKUP_COLOUR)
        embed.add_field(
            name=reader(i18n.HELP_WHERE), value=await self.where(interaction, reader), inline=False
        )
        lines = command_lines(self.bot.tree, ids, interaction.locale, reader)
        if self.bot.tree.get_command(MENU_NAME, type=discord.AppCommandType.message) is not None:
            lines.append(reader(i18n.HELP_CONTEXT_MENU, name=shown_name(MENU_NAME, interaction.locale)))
        embed.add_field(name=reader(i18n.HELP_COMMANDS), value="\n".join(lines), inline=False)
        await interaction.response.send_message(embed=fit(embed), ephemeral=True)


async def setup(bot: SagaBot) -> None:
    await bot.add_cog(Help(bot))
