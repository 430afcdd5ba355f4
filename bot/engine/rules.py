"""Rules as named data: each cue the matcher uses to tell what a question asks, with what a fact
must say to answer it and example questions it must (and must not) fire on.

tests/engine/test_rules.py turns every example into a test, and docs/rules.md is generated from
these objects (`python tools/build_rules_doc.py`), so the catalogue cannot drift
from the code. Anchors: duckling's named rules with a corpus of examples per rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from bot.factbase.models import Intent


class LazyPattern:
    """A regular expression compiled on its first use, not at import: the rule modules hold
    hundreds, and a one-shot `saga-bot ask` uses a few of them (compiling them all was about a
    tenth of its start-up). Searches as `re.Pattern` does; `pattern` is the source text."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled().search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled().match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled().fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> list[Any]:
        return self.compiled().findall(text, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled().sub(repl, text, count)

    def subn(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> tuple[str, int]:
        return self.compiled().subn(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(text, maxsplit)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


# What text of a fact a rule's `stated` pattern is searched in: the answer alone, or the
# answer and its sources' quotes (simplified, lower case).
Reads = Literal["answer", "answer and quotes"]


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """A question that asks for `name` (its `asked` pattern fires) is answered only by a fact
    whose text (`reads`) matches `stated`."""

    name: str
    asked: re.Pattern[str] | LazyPattern
    stated: re.Pattern[str] | LazyPattern
    reads: Reads
    fires_on: tuple[str, ...]  # questions it must fire on: one test each
    not_on: tuple[str, ...] = ()  # questions it must not fire on (the near misses it was made for)
    stated_in: tuple[str, ...] = ()  # fact texts it must accept as stating it


@dataclass(frozen=True, slots=True, eq=False)
class TitleRule:
    """A title a question may ask of an organisation ("亚马逊的创始人是谁"): the title as a
    question writes it, as a fact writes it, and verbs that state it before the name ((?!)
    matches nothing: no verb states a CTO). Patterns are strings: they are joined with each
    organisation's names (Statements.title_pattern)."""

    name: str
    asked: str
    stated: str
    verbs: str
    fires_on: tuple[str, ...]
    not_on: tuple[str, ...] = ()  # questions it must not fire on: the home organisation's, a near title
    reads: Reads = "answer and quotes"  # what `stated` and `verbs` are searched in (Statements.stated_text)


# What text a cue is searched in: the question (its analysed key), its text (simplified,
# case-folded: the several-fact frames), or a fact's text.
CueReads = Literal["question", "question text", "answer", "answer and quotes"]


@dataclass(frozen=True, slots=True, eq=False)
class Cue:
    """A named pattern the engine reads in a question or a fact (`reads`), with what it means
    (`doc`), text it must fire on and text it must not (one test each)."""

    name: str
    pattern: re.Pattern[str] | LazyPattern
    reads: CueReads
    doc: str
    fires_on: tuple[str, ...]
    not_on: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class IntentCue:
    """Words that ask for a kind of thing (`intent`): a question may carry several."""

    intent: Intent
    cue: re.Pattern[str] | LazyPattern
    fires_on: tuple[str, ...]
    not_on: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class Phrase:
    """English words that mean something else together ("on leave" is 休假, not 离开): read in
    a question as `replacement` before its words are looked up in the glossary."""

    name: str
    pattern: re.Pattern[str] | LazyPattern
    replacement: str
    fires_on: tuple[str, ...]  # questions it must fire on: one test each
    not_on: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class SynonymGroup:
    """Words the articles and users use for the same thing: a question's word finds a fact
    that uses any word of its group. Named by its first word."""

    words: tuple[str, ...]
    # questions a word of the group is read in, whose coverage reaches another word of it that
    # the facts use: one test each
    fires_on: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.words[0]


@dataclass(frozen=True, slots=True, eq=False)
class RegionalWord:
    """A Cantonese, Taiwan or northern colloquial word, as a question's key holds it (simplified),
    read as the Mandarin the facts use. Named by the word."""

    word: str
    mandarin: str
    fires_on: tuple[str, ...]  # questions it must be read in: one test each

    @property
    def name(self) -> str:
        return self.word


@dataclass(frozen=True, slots=True, eq=False)
class Gloss:
    """English words of a question (`english`, space-separated) read as the Chinese word the facts
    use (`chinese`, its name)."""

    chinese: str
    english: str
    fires_on: tuple[str, ...]  # questions an English word of it is read in as the Chinese: one test each

    @property
    def name(self) -> str:
        return self.chinese

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.english.split())


def _examples(fires_on: tuple[str, ...], not_on: tuple[str, ...]) -> list[str]:
    """A rule's example lines in the catalogue: what it fires on, and what not."""
    lines = ["- fires on: " + " · ".join(f"「{q}」" for q in fires_on)]
    if not_on:
        lines.append("- not on: " + " · ".join(f"「{q}」" for q in not_on))
    return lines


def catalogue() -> str:
    """docs/rules.md: every rule, its patterns and examples, from the data above."""
    from bot.engine.answer import ANSWER_CUES
    from bot.engine.lexicon import (
        _CANTONESE,
        _COLLOQUIAL,
        _GLOSSARY,
        _SYNONYM_GROUPS,
        _TAIWAN,
        AMOUNT_UNITS,
        ASKED_DETAILS,
        CJK_STOP,
        CUES,
        EN_PHRASES,
        EN_STOP,
        INTENT_CUES,
        ORG_TITLES,
    )
    from bot.engine.several.frame import CUES as SEVERAL_CUES
    from bot.engine.slots import SLOT_CUES

    lines = [
        "# Rule catalogue",
        "",
        "Generated from the rule data in `bot/engine/lexicon.py` (and the cues of `slots.py` and",
        "`answer.py`) by `python tools/build_rules_doc.py`; do not edit by hand. Every example below",
        "is a test (tests/engine/test_rules.py).",
        "",
        "To add vocabulary, append one constructor call to its table, with a question as users write",
        "it that the entry must change: `Rule(...)` to `ASKED_DETAILS` or `AMOUNT_UNITS`, `Cue(...)`,",
        "`Phrase(...)` to `EN_PHRASES`, `Gloss(chinese, english words, fires_on=...)` to `_GLOSSARY`,",
        "`SynonymGroup(words, fires_on=...)` to `_SYNONYM_GROUPS`, `RegionalWord(word, mandarin,",
        "fires_on=...)` to `_CANTONESE`, `_TAIWAN` or `_COLLOQUIAL` (a word for a Chinese word or",
        "group already there joins that entry: names are unique); then regenerate this file.",
        "`saga-bot ask --explain QUESTION` shows which of them read a question.",
        "",
    ]
    for title, rules, what in (
        (
            "Units (`AMOUNT_UNITS`)",
            AMOUNT_UNITS,
            "A how-many question that names its unit wants a figure in that unit: the fact's "
            "answer must match *stated*; otherwise the candidate fails the `unit` check.",
        ),
        (
            "Details (`ASKED_DETAILS`)",
            ASKED_DETAILS,
            "A question that asks for a particular detail is answered only by a fact that states "
            "it; otherwise the candidate fails the `detail` check.",
        ),
    ):
        lines += [f"## {title}", "", what, ""]
        for rule in rules:
            lines += [f"### {rule.name}", ""]
            lines.append(f"- asked: `{rule.asked.pattern}`")
            lines.append(f"- stated ({rule.reads}): `{rule.stated.pattern}`")
            lines += _examples(rule.fires_on, rule.not_on)
            lines.append("")
    lines += [
        "## Intents (`INTENT_CUES`)",
        "",
        "What kind of thing a question asks, checked in this order; a question may carry several.",
        "",
    ]
    for intent_cue in INTENT_CUES:
        lines += [f"### {intent_cue.intent.value}", "", f"- asked: `{intent_cue.cue.pattern}`"]
        lines += _examples(intent_cue.fires_on, intent_cue.not_on)
        lines.append("")
    lines += [
        "## Titles at an organisation (`ORG_TITLES`)",
        "",
        "Who holds a title at a company is answered only by a fact that says so beside the "
        "company's name; otherwise the candidate fails the `org_title` check.",
        "",
    ]
    for title_rule in ORG_TITLES:
        lines += [
            f"### {title_rule.name}",
            "",
            f"- asked: `{title_rule.asked}`",
            f"- stated ({title_rule.reads}): `{title_rule.stated}`",
            f"- verbs ({title_rule.reads}): `{title_rule.verbs}`",
            *_examples(title_rule.fires_on, title_rule.not_on),
        ]
        lines.append("")
    lines += [
        "## Cues (`CUES` in lexicon.py, `SLOT_CUES` in slots.py, `ANSWER_CUES` in answer.py, "
        "`CUES` in several/frame.py)",
        "",
        "Single patterns the engine reads in a question or in a fact's answer.",
        "",
    ]
    for cue in (*CUES, *SLOT_CUES, *ANSWER_CUES, *SEVERAL_CUES):
        lines += [
            f"### {cue.name}",
            "",
            cue.doc,
            "",
            f"- reads: {cue.reads}",
            f"- pattern: `{cue.pattern.pattern}`",
        ]
        lines += _examples(cue.fires_on, cue.not_on)
        lines.append("")
    lines += [
        "## Regional words (`REGIONAL_TO_MANDARIN`)",
        "",
        "Read in a question as the Mandarin the facts use (the reply stays in the asker's script).",
        "",
    ]
    for name, words in (("cantonese", _CANTONESE), ("taiwan", _TAIWAN), ("colloquial", _COLLOQUIAL)):
        lines += [f"### {name}", ""]
        lines += [
            f"- **{w.word}** → {w.mandarin}: " + " · ".join(f"「{q}」" for q in w.fires_on) for w in words
        ]
        lines.append("")
    lines += [
        "## Synonym groups (`SYNONYMS`)",
        "",
        "A question word finds a fact that uses any word of its group; each group is named by its "
        "first word, and each example is a question whose coverage reaches another word of the group "
        "that the facts use.",
        "",
    ]
    lines += [
        f"- **{group.name}**: {' · '.join(group.words[1:])} — "
        + " · ".join(f"「{q}」" for q in group.fires_on)
        for group in _SYNONYM_GROUPS
    ]
    lines += [
        "",
        "## English phrases (`EN_PHRASES`)",
        "",
        "English words that mean something else together, read in a question (in this order) as "
        "the replacement before its words are looked up in the glossary.",
        "",
    ]
    for phrase in EN_PHRASES:
        lines += [
            f"### {phrase.name}",
            "",
            f"- pattern: `{phrase.pattern.pattern}`",
            f"- read as: `{phrase.replacement.strip()}`",
            "- fires on: " + " · ".join(f"「{q}」" for q in phrase.fires_on),
        ]
        if phrase.not_on:
            lines.append("- not on: " + " · ".join(f"「{q}」" for q in phrase.not_on))
        lines.append("")
    lines += [
        "",
        "## Function words (`CJK_STOP`, `EN_STOP`)",
        "",
        "Plain word lists, not rules: a word here is never a content word, so it neither counts "
        "toward a fact's coverage nor makes a question look novel. What a question word asks is "
        "read before it is dropped, by the intent cues, slots and frames above.",
        "",
        "- CJK: " + " · ".join(sorted(CJK_STOP, key=lambda w: (len(w), w))),
        "- English: " + " · ".join(sorted(EN_STOP)),
    ]
    lines += [
        "",
        "## English glossary (`EN_GLOSSARY`)",
        "",
        "English words of a question read as the Chinese the facts use, or as the name of the "
        "entity it names; each entry with a question it must be read in.",
        "",
    ]
    lines += [
        f"- **{gloss.chinese}** ← {' · '.join(gloss.words)}: "
        + " · ".join(f"「{q}」" for q in gloss.fires_on)
        for gloss in sorted(_GLOSSARY, key=lambda gloss: gloss.words[0])
    ]
    lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
