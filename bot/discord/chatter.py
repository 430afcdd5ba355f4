"""Is a message in an ask channel a question about the saga, or chatter?

An ask channel is still a channel people talk in: "大家好!", "哈哈哈", "lol" and
"今天吃什么" are not addressed to the bot, and answering them with a decline (and
counting them against the asker's cooldown, and logging them as misses) is noise.
Only ask channels are filtered: a mention, a reply to the bot or a DM is always
answered, since the user has plainly spoken to the bot.

The decision leans on what the engine already knows rather than on a word list:
a question names someone or something in the fact base and asks something (a
question word in Mandarin, Cantonese or English, or one of the engine's intents),
or it is a question the engine can answer. On the project's question sets and a
set of chatter (tests/data/chatter.txt) this keeps 99.8 % of the questions and
lets 98.5 % of the chatter pass; docs/discord.md has the numbers.
"""

from __future__ import annotations

import re

from bot.engine.answer import Engine
from bot.engine.normalise import normalise

# Asking words and marks: Mandarin (both scripts), Cantonese, and English question openers.
QUESTION_CUE = re.compile(
    r"[?？]|吗|嗎|呢|什么|什麼|甚麼|啥|谁|誰|哪|几|幾|多少|怎|为什么|為什麼|为何|為何|是否|有没有|有沒有"
    r"|是不是|咩|乜|点解|點解|边个|邊個|边度|邊度|未"
    r"|\b(?:who|whom|whose|what|when|where|why|how|which|did|does|do|is|was|were|are|has|have|had"
    r"|can|could|will|would)\b",
    re.IGNORECASE,
)


def is_saga_question(engine: Engine, text: str) -> bool:
    """True when `text` reads as a question about the saga, False for chatter."""
    normalised = normalise(text)
    if normalised.is_empty:
        return False
    analysis = engine.matcher.analyse(normalised.key)
    asks = bool(analysis.intents) or QUESTION_CUE.search(normalised.display) is not None
    names = bool(analysis.entities)
    if names and asks:
        return True
    if not (names or asks):
        return False
    # A question about the events that names no one ("董事会后来想跟哪家公司合并?"), or a
    # keyword query ("穆拉蒂 离职"): a question when the engine can answer it.
    return engine.ask(text).kind == "answer"
