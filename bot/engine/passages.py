"""Passages: where each fact's quotes stand in their articles, so that two facts cut from one
passage (one letter, one memo, one statement) are known as such.

Two facts quoted from the same letter are not rival answers: a question that fits both about
equally is asked of the letter, and declining for want of a margin between them ("no_margin")
loses an answer the articles give. A question that says where in the letter it looks (开头,
结尾, "at the very end") picks the fact quoted from there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.engine.features import Candidate
from bot.factbase.loader import FactBase
from bot.factbase.models import Fact

# A letter, a memo or a statement speaks in the first person, paragraph after paragraph; the
# reporter's sentences around it do not, and a caption (图源) or a heading ends it.
FIRST_PERSON = re.compile(r"我|\b(?:i|we|my|our)\b")
# How many candidates a question that names a place in a letter looks among for the quote
# there: a letter's closing line may match its words far less than its body does.
POSITION_POOL = 60

# Where in a letter the question looks. Kept to words that say a place in a text: "最后" alone
# is "in the end", and "at the end of 2023" is a time.
_TEXT = r"(?:note|letter|post|memo|message|thread|statement|email|goodbye|farewell)"
POSITION_START = re.compile(
    r"开头|开篇|起首|一开头|第一句|第一段|前半句|前半段|"
    rf"\b(?:beginning|start|opening(?: line)?|first line) of (?:\w+ ){{0,2}}{_TEXT}|\bopen(?:s|ed)? (?:\w+ )?{_TEXT} with\b"
)
POSITION_END = re.compile(
    r"结尾|末尾|收尾|最后一句|最后一段|后半句|后半段|"
    rf"\bat the (?:very )?end\b(?! of (?:19|20)\d\d)|\bend of (?:\w+ ){{0,2}}{_TEXT}|\b(?:last|final) (?:line|words?)\b"
    rf"|\b(?:end|close|sign)(?:s|ed)? (?:\w+ )?{_TEXT}\b"
)


def _passages_of(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that are one first-person passage each: runs of consecutive lines
    that all speak in the first person."""
    found: list[tuple[int, int]] = []
    offset, start = 0, None
    for line in text.splitlines(keepends=True):
        if FIRST_PERSON.search(line.lower()):
            start = offset if start is None else start
        elif start is not None:
            found.append((start, offset))
            start = None
        offset += len(line)
    if start is not None:
        found.append((start, offset))
    return found


class Passages:
    """Where every fact of a fact base is quoted inside a first-person passage (a letter, a
    memo, a statement)."""

    def __init__(self, base: FactBase) -> None:
        runs = {article: _passages_of(a.text) for article, a in base.articles.items()}
        # fact id -> (article, passage start, quote start) for each quote inside a passage
        self._places: dict[str, tuple[tuple[str, int, int], ...]] = {}
        for fact in base.facts:
            places = []
            for citation in fact.sources:
                at = base.locate(citation)
                passage = next(
                    (
                        s
                        for s, e in runs.get(citation.article, ())
                        if s <= at and at + len(citation.quote) <= e
                    ),
                    None,
                )
                if at >= 0 and passage is not None:
                    places.append((citation.article, passage, at))
            self._places[fact.id] = tuple(places)
        self._facts = tuple(base.facts)
        # Whom each fact is about (its first person): a memo announcing four people's new roles
        # is one passage but four answers.
        self._subject = {
            fact.id: next((e for e in fact.entities if base.entities[e].kind == "person"), None)
            for fact in base.facts
        }

    def _shared(self, one: Fact, other: Fact) -> list[tuple[int, int]]:
        """The places (quote starts, `one`'s and `other`'s) of the two facts in a passage both quote."""
        return [
            (a[2], b[2])
            for a in self._places.get(one.id, ())
            for b in self._places.get(other.id, ())
            if a[:2] == b[:2]
        ]

    def together(self, one: Fact, other: Fact) -> bool:
        """Whether the two facts quote one first-person passage of one article and are about
        the same person."""
        return self._subject[one.id] == self._subject[other.id] and bool(self._shared(one, other))

    def asks_position(self, key: str) -> bool:
        """Whether the question says one place in a letter: its start or its end."""
        return bool(POSITION_START.search(key)) != bool(POSITION_END.search(key))

    def _at(self, fact: Fact, leader: Fact, first: bool) -> int:
        """Where `fact` is quoted in the passage it shares with `leader`: its first quote there,
        or with `first` false its last."""
        return (min if first else max)(mine for mine, _ in self._shared(fact, leader))

    def at_position(
        self, key: str, ranked: Sequence[Candidate], pool: Sequence[Candidate] = ()
    ) -> list[Candidate]:
        """`ranked` with the fact quoted at the place in the letter the question names (its
        start or its end) put first: of every fact quoting the letter the leader quotes (about
        the same person), the one with the first quote, or the last. It takes the leader's
        score and standing. Unchanged without such a cue, or when that fact is not among the
        candidates (`ranked`, then the wider `pool`: it may rank far below the few kept) that
        state what is asked: the letter's actual start or end, never a near-tied middle."""
        ranked = list(ranked)
        start = bool(POSITION_START.search(key))
        if not ranked or not self.asks_position(key):
            return ranked
        leader = ranked[0]
        letter = [f for f in self._facts if f is leader.fact or self.together(f, leader.fact)]
        if len(letter) < 2:
            return ranked
        placed = (min if start else max)(letter, key=lambda f: (self._at(f, leader.fact, start), f.id))
        if placed is leader.fact:
            return ranked
        chosen = next((c for c in [*ranked, *pool] if c.fact is placed), None)
        if chosen is None or not chosen.features.states_asked:
            return ranked
        kept = [c for c in ranked if c.fact is not placed]
        if len(kept) == len(ranked):
            kept = kept[:-1]  # the few kept stay as many
        # It is judged as the leader is: the same passage matched, the cue only picks the quote.
        judged = replace(leader.features, answers=chosen.features.answers)
        return [replace(chosen, score=leader.score, features=judged), *kept]
