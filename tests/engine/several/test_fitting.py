"""Several facts that together answer a list question no one fact answers well."""

from __future__ import annotations

from bot.engine.answer import Engine


def test_an_answer_spread_over_several_facts_is_shown_together(engine: Engine) -> None:
    # Each guess (a rival, a company of his own) is its own fact, none above the bar alone.
    reply = engine.ask("The Information认为Ilya离开后可能有哪些去向?")
    assert reply.answered and reply.answer_kind == "list"
    assert {"a002-ilya-may-join-rival", "a002-ilya-may-found-company"} <= set(reply.fact_ids)
    assert all(item.sources for item in reply.items)


def test_openai_named_in_passing_does_not_hide_the_facts_about_another_company(engine: Engine) -> None:
    # The xAI round's facts are about xAI and its investors, not OpenAI.
    reply = engine.ask("xAI上周末那轮融资,有哪些OpenAI的投资方参投?")
    assert reply.answered and "a002-xai-funding-round" in reply.fact_ids


def test_several_reasons_asked_outright_are_all_given(engine: Engine) -> None:
    # One reason would answer "为什么"; "哪几个原因" asks for each the articles give.
    reply = engine.ask("托纳说员工支持奥特曼回归有哪几个原因?")
    assert reply.answer_kind == "list"
    assert {"a004-toner-return-equity", "a004-toner-return-destroyed", "a004-toner-return-fear"} <= set(
        reply.fact_ids
    )


def test_a_question_whose_words_fit_many_facts_loosely_is_not_a_list(engine: Engine) -> None:
    # The articles say the board was reshuffled, never who sat on it: no gathering of asides.
    assert engine.ask("奥特曼复职后董事会新成员都有哪些人?").answer_kind != "list"


def test_a_bare_count_is_not_a_list_of_facts(engine: Engine) -> None:
    assert engine.ask("有几个员工在Slack上抱怨那份离职协议?").answer_kind != "list"


def test_a_described_person_is_left_to_the_stage_that_resolves_the_description(engine: Engine) -> None:
    reply = engine.ask("负责超级对齐后来去了Anthropic的那位,他在新团队研究哪些方向?")
    assert reply.answer_kind != "list"


def test_a_reason_the_question_words_only_loosely_still_counts(engine: Engine) -> None:
    # Cantonese wording shares few words with each reason: one of the three fits at 0.17.
    reply = engine.ask("Toner话员工点解会撑Altman返嚟,有边几个原因?")
    assert "a004-toner-return-destroyed" in reply.fact_ids


def test_an_off_topic_list_question_is_not_answered_from_the_articles(engine: Engine) -> None:
    for question in (
        "How do I reverse a linked list in Python?",
        "List the reasons in Python for a linked list",
    ):
        assert not engine.ask(question).answered


def test_names_of_people_asked_for_are_declined_when_no_fact_names_them(engine: Engine) -> None:
    # The articles say SSI is recruiting, never whom it hired: an organisation is no name asked.
    hired = engine.ask("伊利亚的SSI从OpenAI挖了哪些人过去?")
    assert not hired.answered and hired.answer_kind == "list"
    # Nor do they name co-founders beside Sutskever: the fact that he founded it is no answer.
    cofounders = engine.ask("苏茨克维创办的SSI还有哪几位共同创办人?")
    assert not cofounders.answered and cofounders.answer_kind == "list"


def test_members_of_a_team_no_article_lists_are_not_answered_with_facts_about_its_leader(
    engine: Engine,
) -> None:
    # Leike leads a new team at Anthropic; no member is named. A fact naming Schulman beside
    # him is one fact, not a list of members.
    reply = engine.ask("雷克在Anthropic带的那个新团队有哪些成员?")
    assert not reply.answered
