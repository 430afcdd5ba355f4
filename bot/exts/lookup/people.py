"""/who: a person's profile card, and the name autocomplete every person option shares."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import SagaBot
from bot.discord.render import profile_pages, sanitised
from bot.discord.scripts import script_for
from bot.discord.views import register_pages, send_pages
from bot.engine import labels
from bot.engine.answer import Engine, UnknownEntity
from bot.text import Script, to_script

Interaction = discord.Interaction[SagaBot]

MAX_CHOICES = 25  # Discord's limit for autocomplete
CHOICE_LIMIT = 100  # characters in a choice's name and value


def person_choices(engine: Engine, current: str) -> list[app_commands.Choice[str]]:
    """Names and aliases of people, in both scripts, that contain what the user has typed."""
    names = engine.complete_names(current, limit=MAX_CHOICES)
    return [app_commands.Choice(name=name, value=name) for name, _id in names if len(name) <= CHOICE_LIMIT]


def unknown_person(error: UnknownEntity, script: Script, engine: Engine) -> str:
    message = labels.UNKNOWN_PERSON.format(name=sanitised(error.name))  # typed text: never echoed raw
    if error.suggestions:
        message += " " + labels.DID_YOU_MEAN.format(names="、".join(error.suggestions))
    return to_script(message, script, engine.variant)


def profile_source(engine: Engine, entity_id: str, script: Script) -> list[discord.Embed]:
    """A profile's pages rebuilt from the entity id its page buttons carry."""
    entity = engine.base.entities.get(entity_id)
    return profile_pages(engine.who(entity.name, script), script, engine.variant) if entity else []


class People(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="who", description="A person's profile: roles, joining and leaving, where they went"
    )
    @app_commands.describe(person="Any name or alias, in either script")
    async def who(self, interaction: Interaction, person: str) -> None:
        engine = self.bot.engine
        script = await script_for(self.bot.storage, interaction.user.id, person, interaction.locale)
        try:
            profile = engine.who(person, script)
        except UnknownEntity as error:
            await interaction.response.send_message(unknown_person(error, script, engine), ephemeral=True)
            return
        pages = profile_pages(profile, script, engine.variant)
        await send_pages(interaction, pages, kind="who", key=profile.id, script=script)

    @who.autocomplete("person")
    async def person_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return person_choices(self.bot.engine, current)


async def setup(bot: SagaBot) -> None:
    register_pages("who", profile_source)
    await bot.add_cog(People(bot))
