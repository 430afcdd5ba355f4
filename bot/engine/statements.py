"""What a fact itself states (its answer and quotes, not its phrasings), as the checks read it
(`checks.FactReader`): whether it gives someone a title, says who holds a title at a company,
tells a move, names what a question asks the name of.

Each fact's text and each name's pattern is worked out once and kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from bot.engine.checks import MoveText
from bot.engine.entities import LATIN_WORD
from bot.engine.lexicon import EN_STOP, TITLE_GIVEN, TITLE_WORD
from bot.engine.rules import Reads, TitleRule
from bot.engine.slots import CLAUSE_PUNCT
from bot.factbase.models import Entity, Fact
from bot.text import fold_name, nfkc, to_simplified

if TYPE_CHECKING:
    from bot.engine.matcher import QueryAnalysis

_NAME_AFTER = 6  # characters between the noun and a name after it
_NAME_BEFORE = 2
# Verbs that give a title someone holds now: 现为, 现任 (TITLE_GIVEN gives one taken on).
_HOLDS_NOW = r"现为|现任|现在是|目前是|如今是|目前担任|现担任|\bnow (?:a|an|the)\b"
_QUOTED = re.compile(r"“[^”]{1,20}”|「[^」]{1,20}」|《[^》]{1,20}》|\"[^\"]{1,20}\"")


def names_pattern(entity: Entity) -> str:
    """A regex of all the entity's names as stated text spells them, longest first."""
    names = {to_simplified(nfkc(n)).casefold() for n in entity.all_names()}
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


@cache
def _title_words(title: TitleRule) -> re.Pattern[str]:
    """The title as a question asks it, or one of its verbs: what every way of asking it holds."""
    return re.compile(rf"(?:{title.asked})|(?:{title.verbs})")


@dataclass(slots=True)
class Statements:
    entities: dict[str, Entity]
    home: frozenset[str]  # the story's home organisations (bot.factbase.domain)
    alias_owner: dict[str, str]  # folded alias -> entity id (bot.engine.entities)
    _org_names: dict[str, str] = field(init=False)  # organisation id -> regex of its names
    _person_names: dict[str, str] = field(init=False)  # person id -> regex of their names
    _moves: MoveText = field(init=False)
    # (organisation id, title name) -> a pattern, compiled when first needed
    _asked_title_patterns: dict[tuple[str, str], re.Pattern[str]] = field(init=False, default_factory=dict)
    _stated_title_patterns: dict[tuple[str, str], re.Pattern[str]] = field(init=False, default_factory=dict)
    _titled_person: dict[tuple[str, str], tuple[bool, bool]] = field(init=False, default_factory=dict)
    _stated_texts: dict[str, str] = field(init=False, default_factory=dict)  # fact id + reads -> text
    _titled: dict[str, tuple[frozenset[str], frozenset[str]]] = field(init=False, default_factory=dict)
    _title_of_person: dict[str, tuple[re.Pattern[str], re.Pattern[str]] | None] = field(
        init=False, default_factory=dict
    )
    _entity_names: dict[str, str] = field(init=False, default_factory=dict)  # see names_of
    _any_org: str = field(init=False)  # a regex of every organisation's names, the home's too

    def __post_init__(self) -> None:
        self._org_names = {
            entity.id: names_pattern(entity)
            for entity in self.entities.values()
            if entity.kind == "org" and entity.id not in self.home
        }
        self._person_names = {
            entity.id: names_pattern(entity) for entity in self.entities.values() if entity.kind == "person"
        }
        self._any_org = "|".join(
            names_pattern(entity) for entity in self.entities.values() if entity.kind == "org"
        )
        home_names = "|".join(names_pattern(self.entities[org]) for org in sorted(self.home))
        self._moves = MoveText.at(home_names or "(?!)")

    def names_of(self, entity: str) -> str:
        """The regex of an entity's names (names_pattern), built once."""
        names = self._entity_names.get(entity)
        if names is None:
            names = self._entity_names[entity] = names_pattern(self.entities[entity])
        return names

    def kind_of(self, entity: str) -> str:
        """An entity's kind (person, org, product); "" for one the base does not hold."""
        found = self.entities.get(entity)
        return found.kind if found is not None else ""

    def names_another_organisation(self, entity: str) -> bool:
        """Whether `entity` is an organisation other than the home one: its titles are asked
        beside its name ("亚马逊的创始人"), the home's are not ("首席技术官穆拉蒂")."""
        return entity in self._org_names

    def tells_a_move(self, answer: str) -> bool:
        """Whether an answer says someone left and joined or founded something."""
        return self._moves.tells_a_move(answer)

    def stated_text(self, fact: Fact, reads: Reads = "answer and quotes") -> str:
        """What a fact itself says (its answer, and with `reads` "answer and quotes" its quotes;
        never its phrasings), simplified and folded."""
        key = f"{fact.id}\n{reads}"
        text = self._stated_texts.get(key)
        if text is None:
            pieces = [fact.answer] if reads == "answer" else [fact.answer, *(s.quote for s in fact.sources)]
            text = self._stated_texts[key] = to_simplified(nfkc("\n".join(pieces))).casefold()
        return text

    # -- titles -----------------------------------------------------------------------------
    # "亚马逊的创始人是谁" asks who holds a title at an organisation; only a fact that says so
    # next to that organisation's name answers it. The home organisation is left out: its facts
    # name titles without the company ("首席技术官穆拉蒂").

    def title_pattern(self, org: str, title: TitleRule) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """(how a question asks org's title, how a fact states it)"""
        return self._asked_title_pattern(org, title), self._stated_title_pattern(org, title)

    def asks_title(self, key: str, org: str, title: TitleRule) -> bool:
        """Whether a question's key asks who holds `title` at `org`. Every way of asking it holds
        the title as asked or one of its verbs: a key with neither is not searched with the
        organisation's own pattern, which is compiled (a few ms) only when a key may match it."""
        return _title_words(title).search(key) is not None and (
            self._asked_title_pattern(org, title).search(key) is not None
        )

    def _asked_title_pattern(self, org: str, title: TitleRule) -> re.Pattern[str]:
        pattern = self._asked_title_patterns.get((org, title.name))
        if pattern is None:
            names, asked, verbs = self._org_names[org], title.asked, title.verbs
            # "Twitch而家個CEO" (Cantonese) is "Twitch现在的CEO": 個 after a word for now is 的.
            pattern = self._asked_title_patterns[(org, title.name)] = re.compile(
                rf"(?:{names})\s?(?:公司|集团)?的?(?:现任|前任|(?:现在|目前|如今)[的个]?|新任|现|前|新)?\s?(?:{asked})"
                rf"|谁\s?(?:{verbs})了?\s?(?:{names})|(?:{names})\s?是?由?谁\s?(?:{verbs})"
            )
        return pattern

    def _stated_title_pattern(self, org: str, title: TitleRule) -> re.Pattern[str]:
        pattern = self._stated_title_patterns.get((org, title.name))
        if pattern is None:
            names, stated, verbs = self._org_names[org], title.stated, title.verbs
            gap = r"[^,.;:!?，。；：！？\n]{0,8}?"
            pattern = self._stated_title_patterns[(org, title.name)] = re.compile(
                rf"(?:{names}){gap}(?:{stated})|(?:{verbs})了?{gap}(?:{names})"
            )
        return pattern

    def states_title(self, fact: Fact, org: str, title: TitleRule) -> bool:
        return self._stated_title_pattern(org, title).search(self.stated_text(fact, title.reads)) is not None

    def titled_people(self, fact: Fact) -> tuple[frozenset[str], frozenset[str]]:
        """(the people a fact names by their title, "首席研究官Bob McGrew", and those it says
        were given one, "穆拉蒂晋升为OpenAI首席技术官")"""
        titled = self._titled.get(fact.id)
        if titled is None:
            text = self.stated_text(fact)
            named_by: set[str] = set()
            given: set[str] = set()
            for person in fact.entities:
                patterns = self._person_title_patterns(person)
                if patterns is None:
                    continue
                before, after = patterns
                if before.search(text):
                    named_by.add(person)
                if after.search(text):
                    given.add(person)
            titled = self._titled[fact.id] = (frozenset(named_by), frozenset(given))
        return titled

    def _person_title_patterns(self, person: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """(a title set before the person's name, a title given to them), compiled once."""
        if person not in self._title_of_person:
            names = self._person_names.get(person)
            patterns = None
            if names is not None:
                before = rf"(?:{TITLE_WORD})[^,.;:!?，。；：！？\n]{{0,4}}?(?:{names})"
                # "现为Google DeepMind的研究科学家": a title held now, at an organisation named
                # before it (the name is no part of the gap a title may stand from its verb).
                given = (
                    rf"(?:{names})[^.;!?。；！？\n]{{0,20}}?(?:{TITLE_GIVEN}|{_HOLDS_NOW})\s?"
                    rf"(?:(?:{self._any_org})\s?)*[^,.;，。；\n]{{0,16}}?(?:{TITLE_WORD})"
                )
                patterns = (re.compile(before), re.compile(given))
            self._title_of_person[person] = patterns
        return self._title_of_person[person]

    def titled(self, fact: Fact, person: str) -> tuple[bool, bool]:
        """Whether a fact names `person` by their title, and whether it says they were given one
        (`titled_people` of that one person): only the person asked is searched for, so only
        their patterns are compiled, not those of everyone the fact names."""
        key = (fact.id, person)
        found = self._titled_person.get(key)
        if found is None:
            patterns = self._person_title_patterns(person) if person in fact.entities else None
            if patterns is None:
                found = (False, False)
            else:
                text = self.stated_text(fact)
                found = (patterns[0].search(text) is not None, patterns[1].search(text) is not None)
            self._titled_person[key] = found
        return found

    def gives_title(self, fact: Fact, person: str) -> bool:
        return any(self.titled(fact, person))

    # -- names ------------------------------------------------------------------------------

    def names_a_thing(
        self, fact: Fact, named: frozenset[str], query: QueryAnalysis, asked: frozenset[str]
    ) -> bool:
        """For a question asking a name: whether the fact names what it asks about, or, when
        it does not say which thing, anyone or anything the question does not name."""
        near = self._names_near(fact, named, query.name_of, asked) if query.name_of else None
        return near if near is not None else bool(named - asked - self.home)

    def _names_near(
        self, fact: Fact, named: frozenset[str], nouns: frozenset[str], asked: frozenset[str]
    ) -> bool | None:
        """Whether the fact names something in the same clause as, and close to, one of `nouns`;
        None when it never mentions them."""
        text = self.stated_text(fact)
        spots = [m.span() for noun in nouns for m in re.finditer(re.escape(noun), text)]
        if not spots:
            return None
        pointed = asked | self.home
        names = [
            m.span()
            for entity in named - pointed
            if not entity.startswith("~")
            for m in re.finditer(
                self._org_names.get(entity) or self._person_names.get(entity) or "(?!)", text
            )
        ]
        names += [
            m.span()
            for m in LATIN_WORD.finditer(text)
            if self.alias_owner.get(fold_name(m.group())) not in pointed and m.group() not in EN_STOP
        ]
        names += [m.span() for m in _QUOTED.finditer(text)]
        for start, end in spots:
            for name_start, name_end in names:
                if start - _NAME_BEFORE <= name_end <= start:
                    between = text[name_end:start]
                elif end <= name_start <= end + _NAME_AFTER:
                    between = text[end:name_start]
                else:
                    continue
                if not CLAUSE_PUNCT.search(between):
                    return True
        return False
