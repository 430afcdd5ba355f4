"""/who: a person's profile card, and the name autocomplete every person option shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import SagaBot
from bot.discord.render import profile_pages, sanitised
from bot.discord.scripts import Reader, in_variant, interaction_reader
from bot.discord.timeline_nav import picture_button
from bot.discord.views import PageState, register_pages, send_pages
from bot.engine import labels
from bot.engine.answer import Engine, UnknownEntity
from bot.factbase.loader import FactBase
from bot.text import Script, TraditionalVariant, fold_name, to_script

Interaction = discord.Interaction[SagaBot]

MAX_CHOICES = 25  # Discord's limit for autocomplete
CHOICE_LIMIT = 100  # characters in a choice's name and value


@dataclass(frozen=True, slots=True)
class Person:
    """One person as autocomplete offers them: shown once, found by any of their names."""

    name: str  # canonical, simplified; also the value sent back, which /who resolves
    name_en: str | None
    folded_names: tuple[str, ...]  # every name and alias (misspellings too), folded for matching
    prominence: int  # how many facts involve them: the main figures first

    def shown(self, script: Script, variant: TraditionalVariant) -> str:
        """ "萨姆·奥尔特曼 (Sam Altman)" in `script`: the canonical name, never an alias."""
        name = to_script(self.name, script, variant)
        return f"{name} ({self.name_en})" if self.name_en and self.name_en != self.name else name


def people(base: FactBase) -> tuple[Person, ...]:
    """Every person in the fact base, the most prominent first."""
    found = [
        Person(
            name=entity.name,
            name_en=entity.name_en,
            folded_names=tuple(dict.fromkeys(fold_name(n) for n in entity.all_names())),
            prominence=len(base.by_entity.get(entity.id, [])),
        )
        for entity in base.entities.values()
        if entity.kind == "person"
    ]
    found.sort(key=lambda person: (-person.prominence, person.name))
    return tuple(found)


def person_choices(
    everyone: Sequence[Person], current: str, script: Script, variant: TraditionalVariant
) -> list[app_commands.Choice[str]]:
    """One choice per person (of `everyone`, from :func:`people`) whose names contain what the
    user typed (the main figures when nothing is typed): names that start with it first, then
    the most prominent. Runs on every keystroke: the names are folded once, in :func:`people`."""
    key = fold_name(current)
    ranked: list[tuple[bool, int, Person]] = []
    for position, person in enumerate(everyone):
        if key and not any(key in name for name in person.folded_names):
            continue
        starts = not key or any(name.startswith(key) for name in person.folded_names)
        ranked.append((not starts, position, person))
    ranked.sort(key=lambda item: (item[0], item[1]))
    choices = []
    for _, _, person in ranked[:MAX_CHOICES]:
        shown = person.shown(script, variant)[:CHOICE_LIMIT]
        choices.append(app_commands.Choice(name=shown, value=person.name[:CHOICE_LIMIT]))
    return choices


async def autocomplete_people(
    bot: SagaBot, everyone: Sequence[Person], interaction: Interaction, current: str
) -> list[app_commands.Choice[str]]:
    """:func:`person_choices` in the script of what is typed, else the user's (preference, locale)."""
    reader = await interaction_reader(interaction, bot.storage, bot.engine.variant, current or None)
    return person_choices(everyone, current, reader.script, reader.variant)


def unknown_person(error: UnknownEntity, reader: Reader) -> str:
    """The refusal, naming the input only in its sanitised display form."""
    message = reader(labels.UNKNOWN_PERSON, name=shown_input(error.name))
    if error.suggestions:
        names = "、".join(reader.text(name) for name in error.suggestions)
        message += " " + reader(labels.DID_YOU_MEAN, names=names)
    return message


def shown_input(text: str, limit: int = 50) -> str:
    """What the user typed, safe to show back: no mentions, markup or links, one short line."""
    return sanitised(text, limit)


def profile_source(engine: Engine, entity_id: str, reader: Reader) -> list[discord.Embed]:
    """A profile's pages, for `reader`, rebuilt from the entity id its page buttons carry."""
    entity = engine.base.entities.get(entity_id)
    if entity is None:
        return []
    profile = engine.who(entity.name, reader.script)
    if reader.script == "traditional" and reader.variant != engine.variant:
        profile = in_variant(profile, reader.variant)
    return profile_pages(profile, reader.script, reader.variant)


def profile_extras(
    engine: Engine, state: PageState, pages: Sequence[discord.Embed], reader: Reader
) -> list[discord.ui.Item[Any]]:
    """Under the card, a button for the picture of the story, when the person is in it."""
    return picture_button(engine, state, state.key, reader)


class People(commands.Cog):
    def __init__(self, bot: SagaBot) -> None:
        self.bot = bot
        self.people = people(bot.engine.base)

    @app_commands.command(
        name="who", description="A person's profile: roles, joining and leaving, where they went"
    )
    @app_commands.describe(person="Any name or alias, in either script")
    async def who(self, interaction: Interaction, person: str) -> None:
        engine = self.bot.engine
        # The name's own script wins, as a question's does.
        reader = await interaction_reader(interaction, self.bot.storage, engine.variant, person)
        try:
            profile = engine.who(person, reader.script)
        except UnknownEntity as error:
            await interaction.response.send_message(unknown_person(error, reader), ephemeral=True)
            return
        pages = profile_source(engine, profile.id, reader)
        await send_pages(interaction, pages, kind="who", key=profile.id, reader=reader)

    @who.autocomplete("person")
    async def person_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await autocomplete_people(self.bot, self.people, interaction, current)


async def setup(bot: SagaBot) -> None:
    register_pages("who", profile_source, profile_extras)
    await bot.add_cog(People(bot))
