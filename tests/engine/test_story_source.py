"""A clause that says where something was read ("according to the atlantic", "據報道", "那篇讲X
的报道") names where, not whom: it is not what the question is about, and a person it names is
what the piece is about, whom a pronoun after it points at.

Written about people and outlets that no studied evaluation row uses."""

from __future__ import annotations

from bot.engine.answer import Engine
from bot.engine.story import names_a_piece, without_source
from bot.text import to_simplified


def test_a_source_clause_is_left_out_of_what_is_asked() -> None:
    assert without_source("根据大鱼新闻的报道,Murati哪年出生?") == "Murati哪年出生?"
    assert without_source("據報道,Altman幾時返嚟?") == "Altman幾時返嚟?"
    assert without_source("per the information, why did schulman leave?") == "why did schulman leave?"
    assert without_source("那篇報導說Leike去了哪?") == "Leike去了哪?"


def test_a_question_about_the_piece_itself_keeps_it() -> None:
    # "那篇文章" is what is asked about here, not where it was read.
    assert without_source("那篇文章是谁写的?") is None
    assert without_source("Leike在帖子里说了什么?") is None


def test_a_person_in_a_source_clause_is_a_speaker_unless_a_piece_is_named() -> None:
    assert names_a_piece("那篇讲Leike的报道里面提到")
    assert names_a_piece("according to the atlantic stuff,")
    assert not names_a_piece("according to jan leike,")


def test_a_pronoun_after_a_source_clause_is_whom_the_piece_is_about(engine: Engine) -> None:
    reply = engine.ask("那篇讲Leike的报道里面提到他去了哪?")
    assert reply.answered and to_simplified(reply.read_as or "") == "Leike去了哪?"


def test_an_outlet_named_before_the_question_is_not_its_subject(engine: Engine) -> None:
    reply = engine.ask("根据大鱼新闻的报道,Murati哪年出生?")
    assert reply.fact_id == "a003-murati-born"
    assert "的报道" not in to_simplified(reply.read_as or "")
