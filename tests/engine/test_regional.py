"""Questions in Cantonese and Taiwan wording reach the facts their Mandarin twins reach."""

from __future__ import annotations

import pytest

from bot.engine.answer import Engine


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # 係咪 是不是, 放緊 在放, 返嚟 回来: the fact that says when he returns, as for the twin
        ("Brockman係咪放緊長假?佢話幾時返嚟?", "a003-brockman-leave"),
        # 同人 跟人, 開咗間 创办了
        ("Vicki Cheung同人開咗間咩公司?", "a003-vicki-cheung-left"),
        # 俾人炒 被解雇, 話佢知 告诉他
        ("Altman俾人炒嗰陣,係邊個話佢知㗎?", "a001-sutskever-tells-altman"),
        # 好得老細信任 很得老板信任
        ("Peter Deng係咪好得老細信任?", "a000-peter-deng-background"),
    ],
)
def test_cantonese_words_reach_the_fact(engine: Engine, question: str, fact_id: str) -> None:
    reply = engine.ask(question)
    assert reply.answered and reply.script == "traditional"
    assert fact_id in (reply.fact_id, *reply.fact_ids), reply.answer
