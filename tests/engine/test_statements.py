"""What a fact itself states, as the checks read it (bot/engine/statements.py)."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

from bot.engine.answer import Engine
from bot.engine.lexicon import ORG_TITLES
from bot.engine.normalise import normalise
from bot.engine.statements import Statements
from bot.factbase.models import Fact


def fact_saying(engine: Engine, *words: str) -> Fact:
    return next(f for f in engine.base.facts if all(w in f.answer for w in words))


def test_a_fact_gives_a_title_set_before_a_name_or_given_to_someone(engine: Engine) -> None:
    statements = engine.matcher.statements
    promoted = fact_saying(engine, "晋升为OpenAI首席技术官")
    assert statements.gives_title(promoted, "murati")
    assert "murati" in statements.titled_people(promoted)[1]
    departures = fact_saying(engine, "首席研究官Bob McGrew")
    assert "mcgrew" in statements.titled_people(departures)[0]


def test_the_stated_text_is_the_answer_and_quotes_simplified_and_folded(engine: Engine) -> None:
    promoted = fact_saying(engine, "晋升为OpenAI首席技术官")
    text = engine.matcher.statements.stated_text(promoted)
    assert promoted.answer.casefold() in text and promoted.sources[0].quote.casefold() in text


def test_who_holds_a_title_at_a_company_is_stated_beside_its_name(engine: Engine) -> None:
    statements = engine.matcher.statements
    founder = next(rule for rule in ORG_TITLES if rule.name == "founder")
    twitch = fact_saying(engine, "Twitch")
    assert statements.names_another_organisation("amazon")
    assert not statements.names_another_organisation("openai")  # the home: titles without it
    assert not statements.states_title(twitch, "amazon", founder)  # Twitch's founder, not Amazon's


def test_a_name_asked_stands_beside_the_thing_in_its_clause(engine: Engine) -> None:
    statements = engine.matcher.statements
    query = engine.matcher.analyse(normalise("那个流量监测工具叫什么名字?").key)
    tool = fact_saying(engine, "流量监测工具")
    # ChatGPT is named a clause away from the tool, not as its name
    assert not statements.names_a_thing(tool, frozenset({"chatgpt"}), query, frozenset())
    plain = engine.matcher.analyse(normalise("他叫什么名字?").key)  # no thing named: anyone not asked
    assert not plain.name_of
    assert statements.names_a_thing(tool, frozenset({"chatgpt"}), plain, frozenset())
    assert not statements.names_a_thing(tool, frozenset({"chatgpt"}), plain, frozenset({"chatgpt"}))


def test_a_title_rule_searches_what_it_says_it_reads(engine: Engine) -> None:
    statements = engine.matcher.statements
    ceo = next(rule for rule in ORG_TITLES if rule.name == "ceo")
    # The title is stated in the quote only: found in "answer and quotes", not in "answer".
    quoted = Fact.model_construct(
        id="t-quoted-title",
        answer="他当天发表了讲话。",
        sources=[SimpleNamespace(quote="微软的CEO纳德拉表示支持")],
    )
    assert ceo.reads == "answer and quotes" and statements.states_title(quoted, "microsoft", ceo)
    assert not statements.states_title(quoted, "microsoft", replace(ceo, reads="answer"))


def _fresh_statements(engine: Engine) -> Statements:
    """Statements with nothing compiled yet, as the matcher builds them."""
    known = engine.matcher.statements
    return Statements(known.entities, known.home, known.alias_owner)


def test_a_title_is_asked_as_its_full_pattern_says_and_compiled_only_when_it_may_be(engine: Engine) -> None:
    statements = _fresh_statements(engine)
    orgs = [e.id for e in engine.base.entities.values() if statements.names_another_organisation(e.id)]
    keys = [normalise(q).key for rule in ORG_TITLES for q in (*rule.fires_on, *rule.not_on)]
    keys += [normalise(q).key for q in ("微软的总裁什么时候上任的", "Anthropic是谁创办的", "谷歌有多少员工")]
    for org in orgs:
        for title in ORG_TITLES:
            for key in keys:
                full = statements.title_pattern(org, title)[0].search(key) is not None
                assert _fresh_statements(engine).asks_title(key, org, title) == full, (org, title.name, key)
    # A key without the title's words or verbs compiles no organisation's pattern.
    fresh = _fresh_statements(engine)
    assert not any(
        fresh.asks_title(normalise("谷歌有多少员工").key, org, t) for org in orgs for t in ORG_TITLES
    )
    assert not fresh._asked_title_patterns and not fresh._stated_title_patterns


def test_whether_a_fact_titles_a_person_is_read_of_that_person_alone(engine: Engine) -> None:
    statements = _fresh_statements(engine)
    people = [e.id for e in engine.base.entities.values() if e.kind == "person"]
    for fact in engine.base.facts:
        by_title, given = engine.matcher.statements.titled_people(fact)
        for person in (*fact.entities, people[0]):
            assert statements.titled(fact, person) == (person in by_title, person in given)
    fresh = _fresh_statements(engine)
    promoted = fact_saying(engine, "晋升为OpenAI首席技术官")
    assert fresh.gives_title(promoted, "murati")
    assert set(fresh._title_of_person) == {"murati"}  # not everyone the fact names
