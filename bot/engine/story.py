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
# An emoji followed by a space ends one in chat ("没听清楚😅 有人知道…?").
_EMOJI = "\U0001f300-\U0001faff\u2600-\u27bf"
_SENTENCE = re.compile(
    rf"(?:[^。！？!?\n….{_EMOJI}]|\.(?!\s)|[{_EMOJI}](?!\s))+(?:[。！？!?…]+|\.\s|[{_EMOJI}]+\s|\n|$)"
)
# What makes a sentence ask: a question mark, or a question word of either language.
_ASKING = re.compile(
    r"[?？]|吗|呢|谁|誰|哪|什么|什麼|啥|几|幾|多少|为什么|為什麼|为何|為何|怎么|怎麼|是否|是不是|有没有|有沒有|"
    r"点解|點解|边个|邊個|咩|乜|幾時|几时|"
    r"\b(?:who|what|when|where|why|which|how|did|does|is|was|were)\b",
    re.I,
)


# Words that only lead into the question ("所以我想问:", "我好奇的是,", "anyway my actual
# question:"): the question is what follows them.
_LEAD_IN = re.compile(
    r"^(?:那么?|所以|那就|anyway,?|so,?|ok,?)?\s*(?:我|i)?\s*(?:就|只|先|还|還)?"
    r"(?:想|要|很|比较|比較|一直|真的)?(?:问|問|请问|請問|确认|確認|知道|好奇|了解)(?:一)?(?:下|一下)?"
    r"(?:一个数字|一個數字|一个细节|一個細節)?(?:再继续吵|再繼續吵)?(?:的是|的)?\s*[,，:：]\s*|"
    r"^.{0,30}?(?:my (?:actual |real )?question|what i want to know|i'?m (?:curious|wondering))\s*(?:is)?\s*[,:]\s*|"
    # Asking someone whether they know: what they are to know is asked ("有人知道他…吗?").
    r"^(?:有没有人|有沒有人|有谁|有誰|有人|谁|誰)(?:知道|记得|記得)\s*[,，]?\s*|"
    r"^(?:另外|还有|還有)?(?:顺便|順便)(?:再)?(?:问|問)(?:一下|一句)?\s*[,，:：]\s*|"
    r"^(?:can|could) (?:you|someone|anyone) (?:confirm|tell me|remind me)\s*,?\s*|^(?:does )?any ?one (?:know|remember)\s*,?\s*",
    re.I,
)
# A last question that only asks whether the articles say it ("文章里有写吗?", "有没有公开过?"):
# the question before it is what is asked.
_META = re.compile(
    r"^(?:那|所以)?(?:文章|报道|報導|新闻|新聞|媒体|媒體)?(?:里|裡|中|上)?(?:有|有没有|有沒有)?"
    r"(?:写|寫|提|说|說|讲|講|公开|公開|报道|報導)(?:到|过|過)?(?:吗|嗎|没有|沒有)?(?:呢)?[?？]*$|"
    r"^(?:是|对|對|有)(?:吗|嗎|不|没有|沒有)[?？]*$|"
    # "有人知道吗?", "anyone know?": whether someone knows what was just asked.
    r"^(?:有没有人|有沒有人|有谁|有誰|有人|谁|誰)?(?:知道|记得|記得)(?:吗|嗎|呢|不)?[?？]*$|"
    r"^(?i:(?:does )?any ?(?:one|body) (?:know|remember))\W*$|"
    # "文章裡到底怎麼寫的?", "報導是怎麼說的?": how the articles put what was just asked.
    r"^(?:那|所以)?(?:文章|报道|報導|新闻|新聞)(?:里|裡|中|上)?(?:到底|究竟)?(?:是)?(?:怎么|怎麼|如何)"
    r"(?:写|寫|说|說|讲|講)(?:的)?(?:呢)?[?？]*$"
)


# A clause about the asker, not the saga ("我對模型名稱一直搞混,她提到的是哪兩個?", "honestly i
# forget, who…"): before the asking clause it is not what is asked.
_ABOUT_THE_ASKER = re.compile(
    r"^(?:(?:那|但|可是|不过|不過|反正|其实|其實)?(?:我|俺)(?!们|們)|说实话|說實話|老实说|老實說|"
    r"(?:honestly|lol|lmao|tbh|ngl|i|i'm|im|i've)\b)",
    re.I,
)


def _without_asker_clauses(sentence: str) -> str:
    """The asking sentence from its first clause that is not about the asker. Those clauses are
    neither asked nor told: the sentence before, not "我一直搞混", holds what is pointed at."""
    clauses = re.findall(r"[^,，;；]+(?:[,，;；]\s*|$)", sentence)
    opening = 0
    while (
        opening < len(clauses) - 1
        and _ABOUT_THE_ASKER.match(clauses[opening].strip())
        and not _ASKING.search(clauses[opening])
        # "我想确认一个细节:微软宣布…": what follows a colon is what the asker tells.
        and not re.search(r"[:：]", clauses[opening])
    ):
        opening += 1
    return "".join(clauses[opening:]).strip()


# A question that asks the reader to agree, not the articles ("谁能想到呢?", "是不是很离谱?",
# "你说这公司还能好吗?", "crazy, right?"): the question before it is what is asked.
_RHETORICAL = re.compile(
    r"^(?:那|所以|但|真的|真是)?(?:(?:谁|誰)(?:能|会|會)?(?:想到|想得到|料到)|(?:谁|誰)知道呢|"
    r"你(?:们|們)?(?:说|說|看|觉得|覺得)(?:是不是|这|這|那|能|会|會|还|還)|"
    r"(?:是不是|是否)(?:很|太|有点|有點|也太)|(?:不是|对|對|是|好)(?:吗|嗎|吧)|对不对|對不對|"
    r"(?:有没有|有沒有)(?:搞错|搞錯)).{0,12}[?？!！]*$|"
    r"^(?:\w+\W+){0,3}(?:right|who knew|can you believe (?:it|that)|isn'?t it|am i (?:right|wrong)|lol|lmao)\W*$",
    re.I,
)


# "文章里说…", "报道说…" inside the question: where it was read, not what is asked (but "哪家
# 媒体报道说…" asks the outlet).
_SOURCE_SAID = re.compile(r"(?:文章|报道|報導|新闻|新聞)(?:里|裡|中|上)?(?:说|說|称|稱|提到)的?")


def without_lead_in(sentence: str) -> str:
    """The asking sentence without the words that lead into it: what follows a colon ("我想先
    确认一个数字:…"), a lead-in ("所以我想问,"), a source ("文章里说")."""
    rest = re.split(r"[:：]\s*", sentence)[-1]
    rest = rest if _ASKING.search(rest) else sentence
    found = _LEAD_IN.match(rest)
    rest = rest[found.end() :] if found else rest
    # "照9月的报道,…": which report, not what is asked
    rest = re.sub(r"^(?:照|据|據|根据|根據|按照?)[^,，]{0,12}?(?:报道|報導|文章|新闻|新聞)[,，]\s*", "", rest)
    said = _SOURCE_SAID.search(rest)
    if said and not re.search(r"哪|谁|誰|which|who", rest[: said.start()]):
        rest = rest[: said.start()] + rest[said.end() :]
    return rest if _ASKING.search(rest) else sentence


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
    candidates = marked or asking
    chosen = candidates[-1]
    if len(candidates) > 1 and (
        _META.match(sentences[chosen].strip()) or _RHETORICAL.match(sentences[chosen].strip())
    ):
        chosen = candidates[-2]
    if chosen == 0 and len(message) <= MAX_QUESTION_CHARS:
        return None  # a question first and details after is a question of its own
    # A question that only asks whether the articles say it tells nothing either.
    told = tuple(s for i, s in enumerate(sentences) if i != chosen and not _META.match(s.strip()))
    return Story(without_lead_in(_without_asker_clauses(sentences[chosen])), told)
