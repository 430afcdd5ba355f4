"""The message context menu "Ask saga-bot" (问问 saga-bot): any message, asked as a question.

Right-click (or long-press) a message → Apps → Ask saga-bot: the message's text is asked for
whoever chose the menu, as /ask would, with the same cooldown and the same reply.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import i18n
from bot.discord.client import SagaBot
from bot.discord.scripts import interaction_reader
from bot.exts.qa.ask import Ask

Interaction = discord.Interaction[SagaBot]

MENU_NAME = "Ask saga-bot"  # English; the translator gives zh-CN and zh-TW clients 问问 saga-bot


class AskMenu(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot
        # Context menus cannot be declared in a cog's body; this one is added on load.
        self.menu = app_commands.ContextMenu(name=MENU_NAME, callback=self.ask_message)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    async def ask_message(self, interaction: Interaction, message: discord.Message) -> None:
        ask = self.bot.get_cog("Ask")
        assert isinstance(ask, Ask)  # loaded with every extension
        question = " ".join(message.content.split())
        if not question:
            reader = await interaction_reader(interaction, self.bot.storage, self.bot.engine.variant)
            await interaction.response.send_message(reader(i18n.ASK_MENU_EMPTY), ephemeral=True)
            return
        reader = await ask.reader(interaction.user.id, interaction.locale, interaction.guild_id, question)
        await ask.respond(interaction, question, reader)


async def setup(bot: SagaBot) -> None:
    await bot.add_cog(AskMenu(bot))
