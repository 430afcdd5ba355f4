"""The owner-only `sync` message command, after RoboDanny's: push the slash commands from Discord itself.

`@saga-bot sync` (or `sync` in a DM) syncs globally; `sync ~` to this server,
`sync *` copies the global commands to this server and syncs them there (they
appear at once, handy while testing), `sync ^` clears this server's commands.
`saga-bot sync` on the command line does the same without a running bot.
"""

from __future__ import annotations

from typing import Literal

from discord.ext import commands

from bot.discord.client import SagaBot

Context = commands.Context[SagaBot]


class Sync(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot

    @commands.command(name="sync")
    @commands.is_owner()
    async def sync(self, ctx: Context, spec: Literal["~", "*", "^"] | None = None) -> None:
        tree = self.bot.tree
        if spec is None:
            synced = await tree.sync()
            await ctx.reply(f"Synced {len(synced)} commands globally.", mention_author=False)
            return
        if ctx.guild is None:
            await ctx.reply("`~`, `*` and `^` work in a server, not in DMs.", mention_author=False)
            return
        if spec == "*":
            tree.copy_global_to(guild=ctx.guild)
        elif spec == "^":
            tree.clear_commands(guild=ctx.guild)
        synced = await tree.sync(guild=ctx.guild)
        await ctx.reply(f"Synced {len(synced)} commands to this server.", mention_author=False)


async def setup(bot: SagaBot) -> None:
    await bot.add_cog(Sync(bot))
