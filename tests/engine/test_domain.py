"""Facts about the saga come from the fact base, not from engine code."""

from __future__ import annotations

from bot.engine.matcher import home_organisations
from bot.factbase.loader import FactBase
from bot.factbase.models import Entity, Role


def person(entity_id: str, *orgs: str) -> Entity:
    roles = [Role.model_construct(title="研究员", org=org) for org in orgs]
    return Entity.model_construct(id=entity_id, kind="person", roles=roles)


def test_the_home_organisation_is_where_most_people_held_a_role() -> None:
    people = [
        person("a", "acme", "acme", "globex"),  # two roles at Acme count once
        person("b", "globex"),
        person("c", "globex", "initech"),
        person("d", "acme"),
    ]
    assert home_organisations(people) == frozenset({"globex"})
    assert home_organisations([]) == frozenset()


def test_the_sagas_home_organisation_is_openai(factbase: FactBase) -> None:
    assert home_organisations(factbase.entities.values()) == frozenset({"openai"})
