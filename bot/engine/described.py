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

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.engine.lexicon import SYNONYMS
from bot.engine.rules import LazyPattern
from bot.factbase.loader import FactBase
from bot.factbase.models import Fact
from bot.text import to_simplified

# The facts that answer a text surely enough, best first (empty when none does).
SureFacts = Callable[[str], Sequence[Fact]]
FindEntities = Callable[[str], Sequence[str]]
# The entities a text names and its content words, as the matcher reads them.
ReadWords = Callable[[str], tuple[Sequence[str], Sequence[str]]]

# A description has content when it has this many content words: it is then matched as naming
# no one by design ("那位说最好的收官之作是o1的前高管"), while "那个人" points and says nothing.
DESCRIPTION_LEAST_WORDS = 2

# A person fits a description when their profile has this share of its words and names, and
# the description has at least this many ("波兰计算机科学家": 波兰, 计算机, 科学家).
_FIT_SHARE = 0.75
_FIT_LEAST = 2
_FIT_MOST = 3

# What a description ends with: a noun for a person, after 的 or a pointing word.
_HEAD = (
    r"首席(?:科学家|技术官|产品官|财务官|研究官|信息安全官|科学官|执行官)|科学家|华人|产品经理|创始(?:团队)?成员|"
    r"联合创始人|创始人|女高管|高管|总裁|负责人|研究员|工程师|董事长|儿子|女儿|学生|老师|师父|"
    r"副总裁|前cto|cto|ceo|cfo|cpo|人|家伙|大佬|大神|哥们|女士|先生|"
    # Any title or agent noun by its suffix ("财务首席官", "财务长", "发言者", "亿万富翁").
    r"[\u4e00-\u9fff]{1,3}(?:官|长|员|者|翁|师)"
)
HEAD_NOUN = _HEAD  # for a story's sentences that bring someone in by a title (bot.engine.story)
# The head stays in the description's clause: "…的那位,他公司的聊天机器人" is a description
# ending at the comma, then what is asked of it: 机器人 there is no head noun of it.
_IN_CLAUSE = r"[^,，;；。!！?？]"
# "…的(那个)科学家" / "那个…的科学家" / "那个CTO": a description, then what is asked of it.
# A pointing word (那个, 这位) is what marks a description: "Ilya的老师" asks a relation, and
# "还留在OpenAI的创始人" is what a who-question asks for.
# The head may follow a few words of its own ("…的OpenAI前CTO") and be several nouns long
# ("华人产品经理").
_DESCRIPTION = LazyPattern(
    rf"^(?P<description>.{{0,60}}?(?:那个|那位|那名|这个|这位)(?:{_IN_CLAUSE}{{0,30}}?的)?{_IN_CLAUSE}{{0,12}}?"
    rf"(?P<head>(?:{_HEAD})+)(?:[(（][^)）]{{1,12}}[)）])?)(?P<asked>.*)$"
)
# "父亲当过联亚光电董事长的那位,…": a description ending in a pointing word alone, before a
# comma or what asks who.
_BARE_DESCRIPTION = LazyPattern(
    r"^(?P<description>.{2,60}?的(?:那位|那个人|那个|那名|这位)(?P<head>))"
    r"(?P<asked>[,，].*|(?:是|叫)?(?:谁|什么名字|啥名字?).*)$"
)
# "…当过产品经理的那位女将是谁?": 谁 asks for a person, so any short noun after the pointing
# word is the description's head, not only the titles above ("…的那个程序叫什么" asks a thing).
_ANY_HEAD_WHO = LazyPattern(
    r"^(?P<description>.{4,60}?的(?:那位|那个|那名|这位|这个)(?P<head>[\u4e00-\u9fff]{1,4}?))"
    r"(?P<asked>是谁(?:啊|呀|呢)?[?？]*)$"
)
# "那位…的联创是谁?": a pointing word, the description up to its last 的, a short head, and 谁
# alone: the whole question describes the person it asks for.
_POINTED_WHO = LazyPattern(
    r"^(?P<description>.{0,60}?(?:那个|那位|那名|这个|这位)[^,，;；。!！?？]{2,80}的(?P<head>[^的,，;；。!！?？\s]{1,8}?))"
    r"(?P<asked>是(?:谁|哪位)(?:啊|呀|呢)?[?？]*)$"
)
# "the ex-CTO who worked on the Model X at Tesla — what year did she join openai?": an English
# description (head, relative clause), a break, then what is asked of them.
_EN_DESCRIPTION = LazyPattern(
    r"^(?:so |and |hey |ok |okay |wait )?(?:the|that|this) (?P<head>[a-z][\w\-]*(?: [a-z][\w\-]*){0,3}?) "
    r"(?:who|that|whose)(?:'s|'d| is| was| had)? (?P<description>[^—–]{4,120}?)\s*(?:—|–|--| - |,|;|:)\s*"
    r"(?P<asked>[^—–]{3,})$"
)
# "the albanian-born cto — what did she do at tesla?": a description of words alone, then a dash.
_EN_SHORT_DESCRIPTION = LazyPattern(
    r"^(?:so |and |hey |ok |okay |wait )?(?:the|that|this) (?P<head>[a-z][\w\-]*(?: [a-z][\w\-]*){0,5}?)"
    r"(?P<description>)\s*(?:—|–|--| - )\s*(?P<asked>[^—–]{3,})$"
)
# "who is the scientist that burned the effigy?": a question that asks for the person a
# relative clause describes, answered with that person, not with the fact it describes.
_EN_ASKS_FOR = LazyPattern(
    r"^(?:so |and |ok |okay |wait )?(?:who(?:'s| is| was)|what(?:'s| is| was) the name of) (?:the|that) "
    r"(?P<head>[a-z][\w\-]*(?: [a-z][\w\-]*){0,3}?) (?:who|that)(?:'s|'d| is| was| had)? "
    r"(?P<description>[^—–?]{4,120}?)\s*\?*$"
)
# "where did the guy who replaced mcgrew go to college?": a description inside the question,
# between its auxiliary and its main verb (a bare verb; the description's are mostly past).
_EN_EMBEDDED = LazyPattern(
    r"^(?P<asking>(?:so |and |ok |okay |wait )?(?:what|when|where|why|how|which|who)\b[^?—–]*?\b"
    r"(?:did|does|do|is|was|has|had|will|would|can)) (?:the|that) "
    r"(?P<head>[a-z][\w\-]*(?: [a-z][\w\-]*){0,2}?) (?:who|that) (?P<description>[^?—–,]{4,80}?) "
    r"(?P<main>(?:do|go|say|study|work|join|leave|start|found|become|get|think|want|make|take|run|lead|"
    r"end up|move|write|tell|earn|sign|quit)\b[^—–]*)$"
)
# A pronoun of the asked part, for the name; his/her/their before a noun are possessive.
_EN_PRONOUN = LazyPattern(r"\b(?:he|she|they|him|them)\b")
_EN_POSSESSIVE = LazyPattern(r"\b(?:his|her|their)\b")
# What asks only the described person's name: "what's his name", "who is it".
_EN_ASKS_WHO = LazyPattern(
    r"^(?:what(?:'s| is| was) (?:his|her|their) (?:full )?name|who(?:'s| is| was) (?:he|she|it|that|they))\W*$"
)
# "…, wants speed but also safety. who?": more of the description, then a bare who.
_EN_ENDS_ASKING_WHO = LazyPattern(
    r"(?:^|[.!;,]\s*)(?:so |ok )?who(?:'s that| is it| is that| was it| was that)?\s*\?*$"
)
# A description that starts with a relative ("父亲…", "老婆…") describes whose relative it is.
_KIN = LazyPattern(r"^(?:他|她)?的?(?:父亲|爸爸|老爸|母亲|妈妈|老妈|妻子|老婆|丈夫|老公|儿子|女儿)")
# What asks only who the described person is, or their name: the engine answers that from the
# description's own fact, with no one to put in its place.
_ASKS_WHO = LazyPattern(
    r"^[)）」』】\],，\s]*(?:他|她)?(?:是|叫)?(?:谁|什么名字|什么|啥|哪位|啥名字?)(?:啊|呀|呢)?[?？]*$"
)
# What leads from the description into what is asked: a comma, a pronoun, 的 of possession.
_LINK = LazyPattern(r"^[,，、\s]*(?:他们|她们|他|她|佢)?(?:的)?")
# Heads that say only "a person": no one's summary says more of them (人 is in 创始人).
_ANYONE = frozenset({"", "人", "家伙", "大佬", "大神", "哥们"})
# Words of a description that point, not describe.
_POINTING = LazyPattern(r"那个|那位|那名|这个|这位|那|这")


# "…的首席信息安全官叫什么(名字)?": the name of whoever holds a title, which is who holds it.
_NAME_OF_TITLE = LazyPattern(
    rf"^(?P<title>{_IN_CLAUSE}{{0,40}}?(?:{_HEAD}))\s*(?:的名字|的全名)?(?:叫|是)?(?:什么|啥)(?:名字)?(?:来着)?[?？]*$"
)


# "马斯克那家公司…", "做Claude的那家公司…", "the startup ilya founded, …": an organisation
# described by whom or what it goes with, then what is asked of it.
_THING_HEAD = r"公司|初创公司|创业公司|企业|实验室|机构"
_THING_DESCRIPTION = LazyPattern(
    rf"^(?P<description>.{{2,40}}?)(?:的)?(?:那|这)(?:家|间|个)(?:{_THING_HEAD})(?P<asked>.+)$"
)
_EN_THING_DESCRIPTION = LazyPattern(
    r"^(?:the|that) (?:startup|company|firm|lab) (?:that |which )?(?P<description>[^,—–]{4,60}?)\s*(?:—|–|--| - |,)\s*"
    r"(?P<asked>.{3,})$"
)
_EN_IT = LazyPattern(r"\b(?:it|they)\b")
# Where someone is from, in English, as the profiles say it: a head noun of a description
# ("the chinese researcher who…", "the albanian-born cto"). Demonyms only: the glossary's
# words are read everywhere, and "chinese" there would make "his chinese name" 华人.
_ORIGIN = {
    "chinese": "华人",
    "chinese-american": "华人",
    "taiwanese": "台湾",
    "albanian": "阿尔巴尼亚",
    "albanian-born": "阿尔巴尼亚",
    "polish": "波兰",
    "canadian": "加拿大",
    "american": "美国",
    "british": "英国",
    "russian": "俄罗斯",
    "israeli": "以色列",
    "indian": "印度",
    "dutch": "荷兰",
    "german": "德国",
    "french": "法国",
}
# The verbs that give a described organisation its role for the person named with it.
_JOINED = LazyPattern(
    r"加入|去了|跳槽|投奔|转投|跳到|跑去|\b(?:joined|join|went to|moved to|jumped to|jumped ship to|left for|"
    r"defected to|ran off to|headed to|signed with)\b"
)
_LEFT = LazyPattern(r"离开|出走|离职|\b(?:left|quit|departed)\b(?! for)")
_FOUNDED = LazyPattern(
    r"创办|创立|创建|成立|开了|\b(?:founded|co-?founded|started|set up|launched|created)\b"
)
_EN_ITS = LazyPattern(r"\b(?:its|their)\b")


@dataclass(frozen=True, slots=True)
class Described:
    question: str  # the question with the person's name in place of the description
    people: tuple[str, ...]  # whom the description fits: one, or several to choose from
    by_person: tuple[str, ...] = ()  # with several: the question asked of each of them


@dataclass(slots=True)
class DescribedPeople:
    base: FactBase
    sure_facts: SureFacts
    find: FindEntities
    read_words: ReadWords | None = None
    # Per person: the text that describes them (summary, roles, the facts about them) and the
    # entities those name. Built on first use.
    _profiles: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)

    def _profile(self, person: str) -> tuple[str, frozenset[str]]:
        if person not in self._profiles:
            entity = self.base.entities[person]
            about = [
                f
                for f in self.base.by_entity.get(person, [])
                if next((e for e in f.entities if self.base.entities[e].kind == "person"), None) == person
            ]
            texts = [entity.summary, entity.went_to or "", *(r.title for r in entity.roles)]
            texts += [f.answer for f in about]
            related = {r.org for r in entity.roles if r.org} | {e for f in about for e in f.entities}
            related |= {m.from_org for m in entity.moves if m.from_org} | {m.to for m in entity.moves if m.to}
            self._profiles[person] = (to_simplified(" ".join(texts)).casefold(), frozenset(related))
        return self._profiles[person]

    def _own(self, person: str) -> str:
        entity = self.base.entities[person]
        return to_simplified(" ".join((entity.summary, *(r.title for r in entity.roles)))).casefold()

    @staticmethod
    def _holds(text: str, word: str) -> bool:
        """The profile has the word, a synonym, or the word less a leading or trailing
        character jieba glued to it ("有泳池")."""
        if word.isascii():  # a whole word: "ten" is not in "often"
            return re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text) is not None
        forms = (word, *SYNONYMS.get(word, ()))
        if len(word) >= 3:
            forms += (word[1:], word[:-1])
        return any(form in text for form in forms)

    def _names_in(self, text: str, entity_id: str) -> bool:
        names = self.base.entities[entity_id].all_names()
        return any(len(n) >= 2 and to_simplified(n).casefold() in text for n in names)

    def fitting(self, description: str, gender: str | None = None) -> tuple[str, ...]:
        """The people whose profile holds the description's words and names best, when it holds
        most of them ("波兰计算机科学家", "在OpenAI干了快8年、家里有泳池…"); () when no one fits."""
        if self.read_words is None:
            return ()
        entities, read = self.read_words(description)
        # Single characters (干, 当, 先) are grammar more than description.
        words = [w for w in read if len(w) > 1 or w.isdigit()]
        named = {e for e in entities if self.base.entities[e].kind == "person"}
        things = [e for e in entities if e not in named]
        if len(words) + len(entities) < _FIT_LEAST:
            return ()
        people = [
            p
            for p, e in self.base.entities.items()
            if e.kind == "person" and p not in named and e.gender in (None, gender or e.gender)
        ]
        held: dict[str, list[bool]] = {}
        for person in people:
            text, related = self._profile(person)
            held[person] = [self._holds(text, w) for w in words]
            held[person] += [e in related or self._names_in(text, e) for e in (*things, *named)]
        # A word most profiles hold (OpenAI, 加入) tells people apart less than a rare one; one
        # no profile holds ("没空" for "很少有机会") tells nothing, but half must be held.
        holders = [sum(held[p][i] for p in people) for i in range(len(words) + len(things) + len(named))]
        weights = [math.log((len(people) + 1) / (1 + n)) + 0.1 if n else 0.0 for n in holders]
        if not any(weights):
            return ()
        scores = {
            p: sum(w for w, h in zip(weights, held[p], strict=True) if h) / sum(weights)
            for p in people
            if 2 * sum(held[p]) >= len(held[p])
        }
        best = max(scores.values(), default=0.0)
        if best < _FIT_SHARE:
            return ()
        tied = tuple(p for p, score in scores.items() if score == best)
        if len(tied) > _FIT_MOST:
            return ()  # a description this many fit alike describes no one
        if len(tied) > 1:
            # Of those the facts fit alike, whose own summary and roles say more of it: a fact
            # that names Altman first may be about Zaremba, "波兰计算机科学家".
            own = {p: sum(self._holds(self._own(p), w) for w in words) for p in tied}
            tied = tuple(p for p in tied if own[p] == max(own.values()))
        return tied

    def read_thing(self, question: str, home: frozenset[str]) -> Described | None:
        """The question about the organisation it describes by whom or what it goes with
        ("马斯克那家公司融了多少钱?" → "xAI融了多少钱?"); None when the description fits no
        one organisation (the story's `home` aside) or names one itself."""
        simplified = to_simplified(question).casefold().strip()
        found = _THING_DESCRIPTION.match(simplified)
        english = found is None
        found = found or _EN_THING_DESCRIPTION.match(simplified)
        if found is None:
            return None
        description = found.group("description")
        named = [e for e in self.find(description) if e not in home]
        if any(
            self.base.entities[e].kind == "org"
            and description.rstrip(" 的").endswith(
                tuple(to_simplified(n).casefold() for n in self.base.entities[e].all_names())
            )
            for e in named
        ):
            return None  # "在Leap Motion那间公司…" names the company it points at
        # The organisations each person or product the description names goes with (a
        # person's roles and moves, an organisation's summary naming it), scored by how many
        # of them it goes with, and one more when the fact the description finds names it
        # ("Ilya可能加盟的、马斯克那家公司": the rival the fact guesses he joins, of Musk's).
        scores: dict[str, int] = {}
        for entity_id in named:
            if self.base.entities[entity_id].kind != "org":
                for org_id in self._organisations_of(entity_id) - home - set(named):
                    scores[org_id] = scores.get(org_id, 0) + 1
        if len(scores) > 1:
            # The role the description gives the organisation: where someone went ("the
            # company schulman joined"), came from, or founded, by their moves and roles.
            for entity_id in named:
                for org_id in self._organisations_in_role(entity_id, description) & scores.keys():
                    scores[org_id] += 1
        facts = self.sure_facts(description) if len(scores) > 1 else ()
        for org_id in scores:
            scores[org_id] += bool(facts) and org_id in facts[0].entities
        best = max(scores.values(), default=0)
        candidates = [org_id for org_id, score in scores.items() if score == best]
        if not best or len(candidates) != 1:
            return None
        org = self.base.entities[candidates[0]]
        asked = found.group("asked").strip(" ,，、")
        if english:
            name = org.name_en or org.name
            rewritten = _EN_ITS.sub(f"{name}'s", asked, count=1)
            rewritten = rewritten if rewritten != asked else _EN_IT.sub(name, asked, count=1)
            return None if rewritten == asked else Described(rewritten, (org.id,))
        start = len(question.strip()) - len(found.group("asked"))
        rest = (
            question.strip()[start:].lstrip(" ,，、") if len(question.strip()) == len(simplified) else asked
        )
        return Described(org.name + re.sub(r"^(?:它|佢)的?", "", rest), (org.id,))

    def _organisations_in_role(self, entity_id: str, description: str) -> set[str]:
        """The organisations a person goes with in the role the description's verb gives them:
        joined (a move's destination), left (a move's origin), founded (a founder's role)."""
        entity = self.base.entities[entity_id]
        orgs: set[str] = set()
        if _JOINED.search(description):
            orgs |= {m.to for m in entity.moves if m.to}
        if _LEFT.search(description):
            orgs |= {m.from_org for m in entity.moves if m.from_org}
        if _FOUNDED.search(description):
            orgs |= {r.org for r in entity.roles if r.org and re.search(r"创始|创办|创立", r.title)}
        return orgs

    def _organisations_of(self, entity_id: str) -> set[str]:
        """Where a person held a role or went; whose summary names a product (its maker). An
        investor's summary names many people, so it counts for products only."""
        entity = self.base.entities[entity_id]
        orgs = {r.org for r in entity.roles if r.org} | {m.to for m in entity.moves if m.to}
        names = [to_simplified(n).casefold() for n in entity.all_names() if len(n) >= 2]
        if entity.kind == "product":
            orgs |= {
                o.id
                for o in self.base.entities.values()
                if o.kind == "org" and any(n in to_simplified(o.summary).casefold() for n in names)
            }
        return {o for o in orgs if o in self.base.entities and self.base.entities[o].kind == "org"}

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
        found = _match(simplified)
        if found is None or not found.group("asked").strip(" ?？") or _ASKS_WHO.match(found.group("asked")):
            return None
        if _POINTED_WHO.match(simplified):
            return None  # the whole question describes whom it asks for (`who`)
        people = self._described(found)
        if not people:
            return None
        link = _LINK.match(found.group("asked"))
        asked = found.group("asked")[link.end() :] if link else found.group("asked")
        # Positions in the simplified text are those of the question: OpenCC keeps lengths.
        start = len(question) - len(found.group("asked")) + (len(found.group("asked")) - len(asked))
        rest = question[start:] if len(question) == len(simplified) else asked
        # "…的那个科学家,他的老师叫什么?": 的 of possession stays with the name.
        rest = ("的" if link and link.group().endswith("的") else "") + rest
        questions = tuple(self.base.entities[p].name + rest for p in people)
        if len(people) > 1:
            return Described(question, people, questions)
        return Described(questions[0], people)

    def read_english(self, question: str) -> Described | None:
        """An English description and what is asked of the one it describes: the question
        with their name in place of its pronoun ("what year did Mira Murati join openai?"),
        or "who is Mira Murati?" when it asks their name."""
        simplified = question.strip().casefold()
        asks_for = _EN_ASKS_FOR.match(simplified)
        if asks_for is not None:
            return self._asked_for(asks_for)
        embedded = _EN_EMBEDDED.match(simplified)
        if embedded is not None:
            who = self._asked_for(embedded)
            if who is None:
                return None
            entity = self.base.entities[who.people[0]]
            name = entity.name_en or entity.name
            return Described(f"{embedded.group('asking')} {name} {embedded.group('main')}", who.people)
        found = _EN_DESCRIPTION.match(simplified) or _EN_SHORT_DESCRIPTION.match(simplified)
        if found is None:
            return None
        # The profiles first: an English description rarely reads as one fact's question.
        described = f"{found.group('head')} {found.group('description')}"
        # "…, what's her name?": a woman, where the articles show whether someone is one.
        gender = "female" if re.search(r"\b(?:she|her)\b", found.group("asked")) else None
        people = (
            self.fitting(described, gender)
            or self._fit(described, found.group("description") or described)[:1]
        )
        if len(people) > 1:
            # The head noun picks, as in Chinese: "the chinese researcher who took over…" is
            # the one of them whose own summary says 华人.
            head = " ".join(_ORIGIN.get(w, w) for w in found.group("head").split())
            people = self._best_profile(head, people) or people
        if not people:
            return None
        asked = found.group("asked").strip()
        questions = tuple(self._asked_of(p, asked) for p in people)
        if questions[0] is None:
            return None  # it asks nothing of them
        if len(people) > 1:
            # With the question asked of each, the engine can tell whom the articles answer for.
            return Described(question, people, tuple(q for q in questions if q is not None))
        return Described(questions[0], people)

    def _asked_for(self, found: re.Match[str]) -> Described | None:
        """ "who is the scientist that burned the effigy?": the one person the fact the
        description surely finds says did it, in the role it gives them, asked about by name
        ("who is Ilya Sutskever?"); None when that is not one person (the question is then
        matched as it stands, and the fact it finds names them)."""
        description = found.group("description")
        facts = self.sure_facts(description)
        if not facts:
            return None
        named = set(self.find(description))
        people = tuple(
            e for e in facts[0].entities if self.base.entities[e].kind == "person" and e not in named
        )
        if len(people) > 1:
            head = " ".join(_ORIGIN.get(w, w) for w in found.group("head").split())
            people = self._actors(facts[0], description, people) or self._best_profile(head, people)
        if len(people) != 1:
            return None
        entity = self.base.entities[people[0]]
        return Described(f"who is {entity.name_en or entity.name}?", people)

    def _asked_of(self, person: str, asked: str) -> str | None:
        """An English question's asking part asked of `person` by name ("why did he quit?" →
        "why did Dario Amodei quit?"); None when it has no pronoun for them."""
        entity = self.base.entities[person]
        name = entity.name_en or entity.name
        if _EN_ASKS_WHO.match(asked) or _EN_ENDS_ASKING_WHO.search(asked):
            return f"who is {name}?"
        rewritten = _EN_POSSESSIVE.sub(f"{name}'s", asked, count=1)
        if rewritten == asked:
            rewritten = _EN_PRONOUN.sub(name, asked, count=1)
        return None if rewritten == asked else rewritten

    def _fit(self, description: str, without_head: str, named: Sequence[str] = ()) -> tuple[str, ...]:
        facts = self.sure_facts(description) or self.sure_facts(without_head)
        if facts:
            people = tuple(
                e for e in facts[0].entities if self.base.entities[e].kind == "person" and e not in named
            )
            if people:
                return people
        return self.fitting(description)

    def who(self, question: str) -> Described | None:
        """ "…的那个高管叫啥?", "…的那位创始成员是谁?": who the description is, asked of them by
        name ("麦克格鲁是谁?"); None for a question of another form or no one found."""
        found = _match_who(to_simplified(question).casefold())
        if found is None or not _ASKS_WHO.match(found.group("asked") or "?"):
            return None
        people = self._described(found)
        head = found.group("head")
        if found.re is _POINTED_WHO.compiled() and head not in _ANYONE:
            # Any noun heads this reading, so it must be said of them: the 网友 who said a thing
            # of Schulman is not Schulman.
            people = tuple(p for p in people if self._holds(self._profile(p)[0], head))
        if len(people) != 1:
            return Described(question, people) if people else None
        return Described(self.base.entities[people[0]].name + "是谁?", people)

    def _described(self, found: re.Match[str]) -> tuple[str, ...]:
        """Whom the description of `found` fits: the people of the fact it surely finds, else
        those whose profile holds it; the head noun picks among several."""
        description = found.group("description")
        # People the description names by name (接替McGrew的…), not by a title the matcher
        # reads as its holder: the holder is whom it describes.
        named = [
            e
            for e in self.find(description)
            if self.base.entities[e].kind == "person"
            and any(to_simplified(n).casefold() in description for n in self.base.entities[e].all_names())
        ]
        # "那位财务长(CFO)": the gloss after the head is no word of what it describes.
        plain = re.sub(r"[(（][^)）]{1,12}[)）]$", "", _POINTING.sub("", description))
        # The head noun is often no word of the fact ("烧掉木雕的首席科学家"): without it, next.
        without_head = plain[: len(plain) - len(found.group("head"))]
        kin = _KIN.match(without_head)
        facts = [] if kin else (self.sure_facts(plain) or self.sure_facts(without_head))
        people: tuple[str, ...] = ()
        if facts:
            people = tuple(
                e for e in facts[0].entities if self.base.entities[e].kind == "person" and e not in named
            )
        if not people:
            # No one fact says it all ("波兰计算机科学家"): whose profile holds the description.
            people = self.fitting(without_head)
        if kin and len(people) == 1:
            # "父亲当过联亚光电董事长的那位": the father fits; whose father he is, is meant.
            relative = self.base.entities[people[0]]
            people = tuple(
                e
                for e in self.find(to_simplified(relative.summary).casefold())
                if e != relative.id and self.base.entities[e].kind == "person"
            )[:1]
        if len(people) > 1 and found.group("head") not in _ANYONE:  # the head ("华人", "总裁") picks
            head = found.group("head")
            fitting = tuple(
                e for e in people if head in to_simplified(self.base.entities[e].summary).casefold()
            )
            people = fitting or people
        if len(people) > 1 and facts:
            people = self._actors(facts[0], without_head, people) or people
        if len(people) > 1:
            people = self._best_profile(without_head, people) or people
        return people

    def _actors(self, fact: Fact, description: str, people: Sequence[str]) -> tuple[str, ...]:
        """Of the fact's `people`, the one who does what the description tells, in the role it
        gives them. Each clause of the description ("带走OpenAI政策负责人、自己出去开了对家") is
        found where the fact first says one of its words, and belongs to the person named last
        before that ("在X上说如果Altman回来他会很担心的那位" is "马斯克(…)在X上表示,如果…", not
        Ilya, of whom he spoke; "带走OpenAI政策负责人的那位" is who 带走, not whom), or to the
        person a title stands right before ("首席科学家伊利亚·苏茨克维"). The person most
        clauses belong to; () on a tie, or when no clause is in a clause of one of them."""
        if self.read_words is None:
            return ()
        text = to_simplified(fact.answer).casefold()
        # Where each person of the fact is named: the clause from a name to the next is theirs.
        starts = sorted(
            (start, start + len(name), e)
            for e in fact.entities
            if self.base.entities[e].kind == "person"
            for name in self.base.entities[e].all_names()
            if len(name) >= 2
            for start in _positions(text, to_simplified(name).casefold())
        )
        # "Pachocki" inside "Jakub Pachocki" is the same mention, in the same role.
        starts = [
            span
            for span in starts
            if not any(o[0] <= span[0] and span[1] <= o[1] and o[:2] != span[:2] for o in starts)
        ]
        held: dict[str, int] = {}
        for clause in _DESCRIPTION_CLAUSE.split(description):
            _entities, read = self.read_words(clause) if clause.strip() else ((), ())
            found = sorted((at, w) for w in read if (len(w) > 1 or w.isascii()) and (at := text.find(w)) >= 0)
            for at, word in found:
                end = at + len(word)
                title = re.fullmatch(rf"(?:{_HEAD})+", word) is not None
                named_next = next((e for start, _, e in starts if title and end <= start <= end + 1), None)
                # Not someone named after 与/将/面对…: an object or a companion, not who acts.
                before = [
                    (name_end, e)
                    for start, name_end, e in starts
                    if name_end <= at and not _oblique(text, start) and not _possessor(text, name_end)
                ]
                owner = named_next or (before[-1][1] if before else None)
                if not named_next and before and _PRONOUN.search(text, before[-1][0], at):
                    # "…将奥尔特曼告上法庭,这是他6月撤诉后…": a 他 after that name is the
                    # sentence's subject, not someone named in a role of its own.
                    owner = self._subject(text, starts, at) or owner
                if owner is not None and owner in people:
                    held[owner] = held.get(owner, 0) + 1
                    break
        best = max(held.values(), default=0)
        chosen = tuple(p for p in people if held.get(p) == best)
        return chosen if best and len(chosen) == 1 else ()

    @staticmethod
    def _subject(text: str, starts: Sequence[tuple[int, int, str]], at: int) -> str | None:
        """The first person named in the sentence of position `at` who is not named after a
        preposition or an object marker ("与Schulman…", "将奥尔特曼…"): its subject."""
        sentence_start = max((m.end() for m in re.finditer(r"[。;；!！?？]", text[:at])), default=0)
        for start, _end, person in starts:
            if sentence_start <= start < at and not _oblique(text, start, sentence_start):
                return person
        return None

    def _best_profile(self, description: str, people: Sequence[str]) -> tuple[str, ...]:
        """Of `people`, the one whose own summary and roles hold the most of the description's
        words ("当过首席科学家的那位" of Ilya and his teacher, whom one fact names together);
        () on a tie."""
        if self.read_words is None:
            return ()
        _entities, read = self.read_words(description)
        words = [w for w in read if len(w) > 1 or w.isdigit()]
        own = {p: sum(self._holds(self._own(p), w) for w in words) for p in people}
        best = max(own.values(), default=0)
        chosen = tuple(p for p in people if own[p] == best)
        return chosen if best and len(chosen) == 1 else ()


# Where a description of several clauses breaks: "带走OpenAI政策负责人、自己出去开了对家".
_DESCRIPTION_CLAUSE = LazyPattern(r"[、,，;；]|后来|然后|并且|而且|之后又")


# A pronoun for a person, and the words after which a name is no subject (a preposition or an
# object marker, with a title or a bracket between: "将OpenAI及其CEO萨姆·奥尔特曼").
_PRONOUN = LazyPattern(r"[他她]")
_OBLIQUE = LazyPattern(r"(?:与|跟|和|同|对|向|将|把|被|给|面对|关于|据|从|及其)[^,，。()（）]{0,6}$")


def _oblique(text: str, start: int, since: int = 0) -> bool:
    """The name at `start` follows a preposition or an object marker in its clause; a name in
    brackets ("雅库布(Jakub Pachocki)") is in the role of the name it glosses."""
    window = text[max(since, start - 18) : start]
    if window.endswith(("(", "（")):
        window = re.sub(r"[^,，。()（）]{1,8}[(（]$", "", window)
    return _OBLIQUE.search(window[-10:]) is not None


def _possessor(text: str, end: int) -> bool:
    """The name ending at `end` owns what follows ("进入马斯克的特斯拉"): a modifier of a noun,
    not who does what the clause tells."""
    return re.match(r"(?:[(（][^)）]{1,30}[)）])?的", text[end:]) is not None


def _positions(text: str, name: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(name), text)]


def _match(simplified: str) -> re.Match[str] | None:
    return _DESCRIPTION.match(simplified) or _BARE_DESCRIPTION.match(simplified)


def _match_who(simplified: str) -> re.Match[str] | None:
    """A description and what asks who it is; with 谁 its head may be any short noun ("联创",
    "女将"), as the asking word says a person is meant. A reading whose asked part is more than
    who ("那位说最好的收官之作是o1的前高管是谁" read with 收官 for its head) yields to one that
    runs the description to the last 的 before 是谁."""
    found = _match(simplified)
    if found is not None and _ASKS_WHO.match(found.group("asked") or "?"):
        return found
    return _POINTED_WHO.match(simplified) or _ANY_HEAD_WHO.match(simplified) or found
