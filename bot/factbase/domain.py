"""Facts about the story that the engine's rules need, read from the fact base's domain.yaml
(validated by a strict pydantic model) with the rest of the fact base, and cached with it, so
the engine's code holds no saga's names.

- `home_organisations`: where the story happens. Everyone worked there, so naming it says
  nothing of where someone went, and its facts name titles without it ("首席技术官穆拉蒂").
  Without the file (or the key) it is where the most people the fact base describes held a role.
- `place_words`: words that make an answer say *where* (a city, a country the story visits),
  beside the general ones the engine knows (学院, 大学, 总部, 出生于, 移居).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from pydantic import BaseModel, ConfigDict

from bot.factbase.models import Entity

DOMAIN_FILE = "domain.yaml"
# Words that say where in any story: an answer with one of them can answer a where-question.
GENERAL_PLACE_WORDS = ("学院", "大学", "总部", "出生于", "移居")


class Domain(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    home_organisations: tuple[str, ...] = ()  # entity ids (organisations)
    place_words: tuple[str, ...] = ()

    def place_text(self) -> re.Pattern[str]:
        """What an answer says to name a place: the general words, then this story's."""
        words = dict.fromkeys((*GENERAL_PLACE_WORDS, *self.place_words))
        return re.compile("|".join(re.escape(word) for word in words))


def home_organisations(entities: Iterable[Entity]) -> frozenset[str]:
    """Where the most people the fact base describes held a role: the story's home when the
    domain file does not say."""
    held = Counter(
        org
        for entity in entities
        if entity.kind == "person"
        for org in {role.org for role in entity.roles if role.org is not None}
    )
    return frozenset(org for org, _count in held.most_common(1))


def home_of(domain: Domain, entities: Mapping[str, Entity]) -> frozenset[str]:
    """The story's home organisations: the domain file's, else the most people's."""
    return frozenset(domain.home_organisations) or home_organisations(entities.values())
