"""A long message as discourse: which sentence asks (Cantonese "which" words too), and whom a
pronoun in it points at among the people the told sentences bring in.

Written about people and events that no studied evaluation row uses."""

from __future__ import annotations

from bot.engine.answer import Engine
from bot.engine.context import Turn
from bot.engine.story import split_story, without_piece_pointer


def test_a_cantonese_which_word_makes_the_sentence_that_asks() -> None:
    # 幾個鐘 ("a few hours") in a told sentence asks nothing; 邊間 ("which company") does.
    story = split_story("聽講OpenAI嗰陣幾個鐘之內走咗三個人,好誇張。Murati 之後去咗邊間公司?我係咪記錯咗?")
    assert story is not None and story.question == "Murati 之後去咗邊間公司?"


def test_he_after_a_told_sentence_is_the_subject_of_its_last_clause(engine: Engine) -> None:
    told = Turn(
        "2024年5月,Ilya先宣布离开,之后Leike也走了,Schulman接手了团队。",
        ("sutskever", "leike", "schulman"),
        told=True,
    )
    assert engine.context.resolve("他后来去了哪家公司?", [told]).question == "Schulman后来去了哪家公司?"


def test_a_name_further_in_a_clause_is_no_subject(engine: Engine) -> None:
    # Leike is whose place Schulman took: the pronoun is still Schulman, the clause's subject.
    told = Turn("Schulman很低调,后来接了Leike的位置。", ("schulman", "leike"), told=True)
    assert engine.context.resolve("他后来去了哪家公司?", [told]).question == "Schulman后来去了哪家公司?"


def test_it_after_a_story_that_told_of_a_report_is_the_report_not_someone(engine: Engine) -> None:
    # 它 is the report the first sentence told of: no subject, so no one to ask about.
    reply = engine.ask(
        "我昨天看了一篇报道,讲Leike离职的事。写得很长,我没看完。它说Leike在帖子里批评了OpenAI什么?"
    )
    assert reply.answered and reply.decline_reason is None
    assert not (reply.read_as or "").startswith("它")


def test_it_also_mentions_is_where_it_was_read_in_english() -> None:
    told = ("i read a piece on schulman leaving last week.", "it was pretty long.")
    assert without_piece_pointer("it also mentions why he left — what reason did he give?", told) == (
        "why he left — what reason did he give?"
    )
    # No piece told of: "it" is left to the context stage.
    assert without_piece_pointer("it also mentions why he left?", ("he left last week.",)) is None
