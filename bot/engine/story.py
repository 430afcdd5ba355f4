"""A message that tells a story and then asks: the asking sentence, and the rest as context.

"我看新闻说Mira走了没几个小时又有两个人宣布离开……那个副总裁后来去哪了?" is a question
with a story around it. Matched whole, the story's words drown the question's (and beyond
MAX_QUESTION_CHARS they are cut off, question and all); read as the asking sentence with the
story's sentences as earlier turns, the context stage resolves its "他" or its missing
subject like any follow-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine.normalise import MAX_QUESTION_CHARS

# A message this long, or of this many sentences, is a story around a question.
STORY_CHARS = 30
STORY_SENTENCES = 3

# Sentence ends: a question mark ends the asking sentence; an ellipsis or a line break ends
# a told one as surely as a full stop.
# In English a full stop ends one too, when a space follows ("for a while. Everyone…").
_SENTENCE = re.compile(r"(?:[^。！？!?\n….]|\.(?!\s))+(?:[。！？!?…]+|\.\s|\n|$)")
# What makes a sentence ask: a question mark, or a question word of either language.
_ASKING = re.compile(
    r"[?？]|吗|呢|谁|誰|哪|什么|什麼|啥|几|幾|多少|为什么|為什麼|为何|為何|怎么|怎麼|是否|是不是|有没有|有沒有|"
    r"点解|點解|边个|邊個|咩|乜|幾時|几时|"
    r"\b(?:who|what|when|where|why|which|how|did|does|is|was|were)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Story:
    question: str  # the sentence that asks
    told: tuple[str, ...]  # the sentences before (and after) it, in order


def split_story(message: str) -> Story | None:
    """The asking sentence of a long message and the sentences around it; None for a message
    that is a question of its own (short, or one sentence), or that asks nothing."""
    sentences = [s.strip() for s in _SENTENCE.findall(message) if s.strip()]
    long = len(message) > MAX_QUESTION_CHARS or (
        len(message) >= STORY_CHARS and len(sentences) >= STORY_SENTENCES
    )
    if not long or len(sentences) < 2:
        return None
    # The last sentence that asks: a story comes first, then the question it leads to.
    asking = [i for i, s in enumerate(sentences) if _ASKING.search(s)]
    marked = [i for i in asking if re.search(r"[?？]", sentences[i])]
    if not asking:
        return None
    chosen = (marked or asking)[-1]
    if chosen == 0 and len(message) <= MAX_QUESTION_CHARS:
        return None  # a question first and details after is a question of its own
    told = tuple(s for i, s in enumerate(sentences) if i != chosen)
    return Story(sentences[chosen], told)
