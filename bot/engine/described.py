"""People described rather than named: "烧掉木雕的那个科学家师从谁?", "接替McGrew的那个华人在哪
读的大学?", "Facebook出来的那个华人产品经理…".

The description is matched like a question of its own; the fact it surely finds names the
person it describes (someone the description itself does not name). The head noun of the
description (科学家, 华人, 总裁…) picks among the fact's people when it names several. One
person found: the question is rewritten with their name in place of the description, and the
ordinary engine answers that. Two or more: they are returned, for the engine to ask which.
It knows the engine only through two functions: one that ranks a text's best facts surely
enough (or not at all), and one that names the entities a text mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.factbase.loader import FactBase
from bot.factbase.models import Fact
from bot.text import to_simplified

# The facts that answer a text surely enough, best first (empty when none does).
SureFacts = Callable[[str], Sequence[Fact]]
FindEntities = Callable[[str], Sequence[str]]

# What a description ends with: a noun for a person, after 的 or a pointing word.
_HEAD = (
    r"首席(?:科学家|技术官|产品官|财务官|研究官|信息安全官|科学官|执行官)|科学家|华人|产品经理|创始成员|"
    r"联合创始人|创始人|女高管|高管|总裁|负责人|研究员|工程师|董事长|儿子|女儿|学生|老师|师父|"
    r"副总裁|前cto|cto|ceo|cfo|cpo|人|家伙|大佬|大神|哥们|女士|先生"
)
# "…的(那个)科学家" / "那个…的科学家" / "那个CTO": a description, then what is asked of it.
# A pointing word (那个, 这位) is what marks a description: "Ilya的老师" asks a relation, and
# "还留在OpenAI的创始人" is what a who-question asks for.
# The head may follow a few words of its own ("…的OpenAI前CTO") and be several nouns long
# ("华人产品经理").
_DESCRIPTION = re.compile(
    rf"^(?P<description>.{{0,60}}?(?:那个|那位|那名|这个|这位)(?:.{{0,30}}?的)?.{{0,8}}?"
    rf"(?P<head>(?:{_HEAD})+))(?P<asked>.*)$"
)
# What asks only who the described person is, or their name: the engine answers that from the
# description's own fact, with no one to put in its place.
_ASKS_WHO = re.compile(
    r"^[)）」』】\],，\s]*(?:他|她)?(?:是|叫)?(?:谁|什么名字|什么|啥|哪位|啥名字?)(?:啊|呀|呢)?[?？]*$"
)
# What leads from the description into what is asked: a comma, a pronoun, 的 of possession.
_LINK = re.compile(r"^[,，、\s]*(?:他们|她们|他|她|佢)?(?:的)?")
# Words of a description that point, not describe.
_POINTING = re.compile(r"那个|那位|那名|这个|这位|那|这")


# "…的首席信息安全官叫什么(名字)?": the name of whoever holds a title, which is who holds it.
_NAME_OF_TITLE = re.compile(
    rf"^(?P<title>.{{0,40}}?(?:{_HEAD}))\s*(?:的名字|的全名)?(?:叫|是)?(?:什么|啥)(?:名字)?(?:来着)?[?？]*$"
)


@dataclass(frozen=True, slots=True)
class Described:
    question: str  # the question with the person's name in place of the description
    people: tuple[str, ...]  # whom the description fits: one, or several to choose from


@dataclass(slots=True)
class DescribedPeople:
    base: FactBase
    sure_facts: SureFacts
    find: FindEntities

    def who_for_name(self, question: str) -> str | None:
        """ "OpenAI的首席信息安全官叫什么?" asked as "OpenAI的首席信息安全官是谁?"; None for a
        question of another form."""
        found = _NAME_OF_TITLE.match(to_simplified(question).casefold().strip())
        if found is None:
            return None
        return question.strip()[: len(found.group("title"))] + "是谁?"

    def read(self, question: str) -> Described | None:
        """The question about the person it describes, or None when it describes no one it
        can find (or names the person it asks about)."""
        simplified = to_simplified(question).casefold()
        found = _DESCRIPTION.match(simplified)
        if found is None or not found.group("asked").strip(" ?？") or _ASKS_WHO.match(found.group("asked")):
            return None
        description = found.group("description")
        # People the description names by name (接替McGrew的…), not by a title the matcher
        # reads as its holder: the holder is whom it describes.
        named = [
            e
            for e in self.find(description)
            if self.base.entities[e].kind == "person"
            and any(to_simplified(n).casefold() in description for n in self.base.entities[e].all_names())
        ]
        plain = _POINTING.sub("", description)
        # The head noun is often no word of the fact ("烧掉木雕的首席科学家"): without it, next.
        without_head = plain[: len(plain) - len(found.group("head"))]
        facts = self.sure_facts(plain) or self.sure_facts(without_head)
        if not facts:
            return None
        people = tuple(
            e for e in facts[0].entities if self.base.entities[e].kind == "person" and e not in named
        )
        if len(people) > 1:  # the head noun ("华人", "总裁") picks, when only one of them is it
            head = found.group("head")
            fitting = tuple(
                e for e in people if head in to_simplified(self.base.entities[e].summary).casefold()
            )
            people = fitting or people
        if not people:
            return None
        asked = _LINK.sub("", found.group("asked"))
        if len(people) > 1:
            return Described(question, people)
        # Positions in the simplified text are those of the question: OpenCC keeps lengths.
        start = len(question) - len(found.group("asked")) + (len(found.group("asked")) - len(asked))
        name = self.base.entities[people[0]].name
        return Described(
            name + question[start:] if len(question) == len(simplified) else name + asked, people
        )
