"""Facts about the saga come from the fact base, not from engine code."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.factbase.domain import DOMAIN_FILE, Domain, home_of, home_organisations
from bot.factbase.loader import FactBase, FactBaseError, load_domain
from bot.factbase.models import Entity, Role

ENGINE = Path(__file__).resolve().parents[2] / "bot" / "engine"


def person(entity_id: str, *orgs: str) -> Entity:
    roles = [Role.model_construct(title="研究员", org=org) for org in orgs]
    return Entity.model_construct(id=entity_id, kind="person", roles=roles)


def org(entity_id: str) -> Entity:
    return Entity.model_construct(id=entity_id, kind="org", roles=[])


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


def test_the_domain_file_names_the_home_and_the_places(factbase: FactBase) -> None:
    domain = load_domain(factbase.root, factbase.entities)
    assert home_of(domain, factbase.entities) == frozenset({"openai"})
    assert domain.place_text().search("他后来移居旧金山")
    assert not Domain().place_text().search("旧金山")  # a place of this story, not any


def test_without_a_domain_file_the_home_is_where_most_people_held_a_role(tmp_path: Path) -> None:
    people = {e.id: e for e in (person("a", "acme"), person("b", "acme"), org("acme"))}
    assert load_domain(tmp_path, people) == Domain()
    assert home_of(Domain(), people) == frozenset({"acme"})
    assert home_of(Domain(home_organisations=("globex",)), people) == frozenset({"globex"})


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("home_organisations: [nobody]\n", "not an organisation: nobody"),
        ("home_organisations: [a]\n", "not an organisation: a"),  # a person, not an organisation
        ("home_organisation: [acme]\n", "Extra inputs are not permitted"),  # a misspelt key
        ("place_words: [\n", "domain.yaml"),
    ],
)
def test_a_malformed_domain_file_is_one_clear_problem(tmp_path: Path, text: str, reason: str) -> None:
    (tmp_path / DOMAIN_FILE).write_text(text, encoding="utf-8")
    entities = {e.id: e for e in (person("a", "acme"), org("acme"))}
    with pytest.raises(FactBaseError) as raised:
        load_domain(tmp_path, entities)
    assert len(raised.value.problems) == 1 and reason in str(raised.value.problems[0])


def test_the_engine_code_names_no_place_of_the_saga() -> None:
    engine_code = "".join(path.read_text(encoding="utf-8") for path in ENGINE.glob("*.py"))
    for word in ("旧金山|意大利|伯克利", "前openai", "加入openai前"):
        assert word not in engine_code
