"""The bot's cogs, one module per feature, grouped by purpose; each module has `async def setup(bot)`."""
