"""A message that tells a story and then asks: the asking sentence, and the rest as context.

"我看新闻说Mira走了没几个小时又有两个人宣布离开……那个副总裁后来去哪了?" is a question
with a story around it. Matched whole, the story's words drown the question's (and beyond
MAX_QUESTION_CHARS they are cut off, question and all); read as the asking sentence with the
story's sentences as earlier turns, the context stage resolves its "他" or its missing
subject like any follow-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.engine.described import HEAD_NOUN
from bot.engine.normalise import MAX_QUESTION_CHARS
from bot.engine.rules import LazyPattern
from bot.text import to_simplified

if TYPE_CHECKING:
    from bot.engine.views import Reply

# A message this long, or of this many sentences, is a story around a question.
STORY_CHARS = 30
STORY_SENTENCES = 3

# Sentence ends: a question mark ends the asking sentence; an ellipsis or a line break ends
# a told one as surely as a full stop.
# In English a full stop ends one too, when a space follows ("for a while. Everyone…").
# An emoji followed by a space ends one in chat ("没听清楚😅 有人知道…?").
_EMOJI = "\U0001f300-\U0001faff\u2600-\u27bf"
_SENTENCE = LazyPattern(
    rf"(?:[^。！？!?\n….{_EMOJI}]|\.(?!\s)|[{_EMOJI}](?!\s))+(?:[。！？!?…]+|\.\s|[{_EMOJI}]+\s|\n|$)"
)
# What makes a sentence ask: a question mark, or a question word of either language.
_ASKING = LazyPattern(
    r"[?？]|吗|呢|谁|誰|哪|什么|什麼|啥|几|幾|多少|为什么|為什麼|为何|為何|怎么|怎麼|是否|是不是|有没有|有沒有|"
    r"点解|點解|边个|邊個|咩|乜|幾時|几时|(?:边|邊)(?=[间間度个個两兩几幾啲位年日天种種方样樣类類部])|"
    r"\b(?:who|what|when|where|why|which|how|did|does|is|was|were)\b",
    re.I,
)


# Words that only lead into the question ("所以我想问:", "我好奇的是,", "anyway my actual
# question:"): the question is what follows them.
_LEAD_IN = LazyPattern(
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
_META = LazyPattern(
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
_ABOUT_THE_ASKER = LazyPattern(
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
_RHETORICAL = LazyPattern(
    r"^(?:那|所以|但|真的|真是)?(?:(?:谁|誰)(?:能|会|會)?(?:想到|想得到|料到)|(?:谁|誰)知道呢|"
    r"你(?:们|們)?(?:说|說|看|觉得|覺得)(?:是不是|这|這|那|能|会|會|还|還)|"
    r"(?:是不是|是否)(?:很|太|有点|有點|也太)|(?:不是|对|對|是|好)(?:吗|嗎|吧)|对不对|對不對|"
    r"(?:有没有|有沒有)(?:搞错|搞錯)).{0,12}[?？!！]*$|"
    r"^(?:\w+\W+){0,3}(?:right|who knew|can you believe (?:it|that)|isn'?t it|am i (?:right|wrong)|lol|lmao)\W*$",
    re.I,
)


# "文章里说…", "报道说…" inside the question: where it was read, not what is asked (but "哪家
# 媒体报道说…" asks the outlet).
_SOURCE_SAID = LazyPattern(r"(?:文章|报道|報導|新闻|新聞)(?:里|裡|中|上)?(?:说|說|称|稱|提到)的?")


# "那篇讲Schulman跳槽的文章里说…", "in the article about ilya's fundraising, …": which article
# the asker read it in, described by what it is about. Context, not the question's subject:
# its names would pull the question to the article's other facts.
_SOURCE_CITED = LazyPattern(
    r"(?:在|据|據|照|根据|根據)?(?:那|这|這)?(?:篇|则|則|条|條|份)?(?:讲|講|写|寫|报道|報導|关于|關於)"
    r"[^,，。?？]{1,30}?的(?:那|这|這)?(?:篇|则|則|条|條|份)?(?:文章|报道|報導|新闻|新聞|报告|報告|帖子|推文)"
    r"(?:里面|裡面|里|裡|中|上)?(?:说|說|称|稱|提到|写道|寫道|讲|講)?(?:的|过|過)?\s*[,，:：]?\s*|"
    r"(?:^|\b)(?:in|per|according to) the (?:article|report|piece|story|post) (?:about|on) [^,?]{1,50}?,\s*|"
    r"(?:^|\b)the (?:article|report|piece|story|post) (?:about|on) [^,?]{1,50}? (?:said|says|mentioned) (?:that )?",
    re.I,
)


def without_lead_in(sentence: str) -> str:
    """The asking sentence without the words that lead into it: what follows a colon ("我想先
    确认一个数字:…"), a lead-in ("所以我想问,"), a source ("文章里说")."""
    rest = re.split(r"[:：]\s*", sentence)[-1]
    rest = rest if _ASKING.search(rest) else sentence
    found = _LEAD_IN.match(rest)
    rest = rest[found.end() :] if found else rest
    # "照9月的报道,…": which report, not what is asked
    rest = re.sub(r"^(?:照|据|據|根据|根據|按照?)[^,，]{0,12}?(?:报道|報導|文章|新闻|新聞)[,，]\s*", "", rest)
    cited = _SOURCE_CITED.search(rest)
    if (
        cited
        and _ASKING.search(rest[cited.end() :])
        and not re.search(r"哪|谁|誰|which|who", rest[: cited.start()])
    ):
        rest = rest[: cited.start()] + rest[cited.end() :]
    said = _SOURCE_SAID.search(rest)
    if said and not re.search(r"哪|谁|誰|which|who", rest[: said.start()]):
        rest = rest[: said.start()] + rest[said.end() :]
    return rest if _ASKING.search(rest) else sentence


# A question word inside a statement that explains, not asks ("大概这就是为什么大家都走了",
# "难怪她去哪都有人跟"): the sentence is a remark, whatever its "??".
_EXPLAINS_ZH = LazyPattern(
    r"(?:就是|难怪|難怪|怪不得|所以才)\s*(?:为什么|為什麼|为何|為何|怎么|怎麼|谁|誰|哪|什么|什麼)"
)
# The question words of a Chinese request; 几 after 好/这/那 counts ("好几个模型"), not asks.
_ASKS_ZH = LazyPattern(
    r"吗|嗎|呢|谁|誰|哪|什么|什麼|啥|(?<![好十这這那])(?:几|幾)|多少|多久|多长|多長|为什么|為什麼|为何|為何|"
    r"怎么|怎麼|怎样|怎樣|如何|是否|是不是|有没有|有沒有|点解|點解|边个|邊個|咩|乜|幾時|几时|"
    # Cantonese "which" before a measure word or a noun ("邊兩方面", "邊間", "邊度").
    r"(?:边|邊)(?=[间間度个個两兩几幾啲位年日天种種方样樣类類部])"
)
# "我想知道…", "我好奇…": the asker leads into what they ask, with no comma after.
_WANTS_TO_KNOW = LazyPattern(
    r"^(?:那|所以|反正|其实|其實)?我(?:就|只|还|還|真的|很)?(?:想|想要|要|好奇|很好奇)(?:知道|问|問|了解|确认|確認|请教|請教)?"
)
# Where an English question starts: the sentence's start, after a clause break, or after a
# word that only leads in ("anyway", "so", "according to these articles").
_EN_CLAUSE_START = (
    r"(?:^|[,;:—–]\s*|\b(?:and|but|so|anyway|also|ok|okay|lol|well|then|plus|honestly|basically|btw|"
    r"wait|seriously|now)\s+|\baccording to [^,?]{0,40}?\s+|\b(?:per|from|in) (?:the|these|those) "
    r"(?:articles?|reports?)\s*,?\s*)"
)
# An English question in request shape: a question word, or an auxiliary before its subject,
# where a clause starts ("anyway what company did he start", "is working nights normal
# there"); not "that's why he left" or "the one who pushed", where the word starts no clause.
_EN_REQUEST = LazyPattern(
    _EN_CLAUSE_START
    + r"(?:who|what|when|where|why|which|how|whose|whom)(?:'s|'re|\b)|"
    + _EN_CLAUSE_START
    + r"(?:is|are|was|were|did|does|do|can|could|has|have|had|will|would|should)\s+"
    r"(?!you\b|anyone\b|someone\b)\w+",
    re.I,
)


def asks_in_request_shape(sentence: str) -> bool:
    """The sentence asks something of the reader in the shape of a request: a Chinese question
    word outside a clause about the asker and outside an explanation ("这就是为什么…"), or an
    English question word or inverted auxiliary where a clause starts. A "??" alone on a
    remark ("maybe that's why the numbers differ??") is no request."""
    if re.search(r"[\u3400-\u9fff]", sentence):
        asked = without_lead_in(_without_asker_clauses(sentence))
        wanted = _WANTS_TO_KNOW.match(asked.strip())
        asked = asked.strip()[wanted.end() :] if wanted else asked
        if _ABOUT_THE_ASKER.match(asked.strip()) and not _LEAD_IN.match(asked.strip()):
            return False  # every clause is about the asker ("我一直搞不懂为什么…")
        if _EXPLAINS_ZH.search(asked):
            return False
        return _ASKS_ZH.search(asked) is not None
    return _EN_REQUEST.search(sentence.strip()) is not None


# Where one sentence goes on to a second question: ", and" before a question word or an
# inverted auxiliary; a comma and 另外/还有/顺便问. Not "and" with no comma: "where did he do
# his phd and what year did he finish" is one question, its second half no question alone.
_SECOND_QUESTION = LazyPattern(
    r",\s*and\s+(?=(?:is|are|was|were|did|does|do|can|could|has|have|will|would|what|who|when|where|"
    r"why|which|how)\b)|[,，;；]\s*(?:另外|还有|還有|以及|顺便问一下|順便問一下|顺便问|順便問)\s*[,，]?\s*",
    re.I,
)
# What adds a second question to the first ("另外,", "还有,", "also,", "and"): not a question.
# In English, a word that only leads in before the question word goes too ("anyway what…").
_ALSO = LazyPattern(
    r"^(?:另外|还有|還有|再来|再來|以及|also|and|plus)\s*[,，:：]?\s*|"
    r"^(?:anyway|so|ok|okay|but|lol|well|honestly|btw)\s*,?\s+(?=(?:who|what|when|where|why|which|how)\b)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Story:
    question: str  # the sentence that asks
    told: tuple[str, ...]  # the sentences before (and after) it, in order
    # A second question the message asks, right before the first ("她出生在哪?另外,她之前
    # 在哪工作?"), as a story of its own (what was told before it): answered as well.
    also: Story | None = None


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
    if not asking:
        return None
    marked = [i for i in asking if re.search(r"[?？]", sentences[i])]
    # What asks in the shape of a request is the question; a question mark settles which of
    # those, and only a remark's "??" stands in for a request when none has that shape.
    requests = [
        i
        for i in asking
        if asks_in_request_shape(sentences[i])
        and not _META.match(sentences[i].strip())
        and not _RHETORICAL.match(sentences[i].strip())
    ]
    # A question mark marks the question, unless the last one is a remark's ("…why the
    # numbers differ??"): then a request after it, unmarked, is the question.
    marked_requests = [i for i in requests if i in marked]
    late_requests = [i for i in requests if i > max(marked, default=-1)]
    if marked_requests and marked_requests[-1] == max(marked):
        candidates = marked_requests
    else:
        tiers = (late_requests, marked_requests, requests, marked, asking)
        candidates = next(tier for tier in tiers if tier)
    chosen = candidates[-1]
    if len(candidates) > 1 and (
        _META.match(sentences[chosen].strip()) or _RHETORICAL.match(sentences[chosen].strip())
    ):
        chosen = candidates[-2]
    if chosen == 0 and len(message) <= MAX_QUESTION_CHARS:
        return None  # a question first and details after is a question of its own
    # A question that only asks whether the articles say it tells nothing either.
    told = tuple(s for i, s in enumerate(sentences) if i != chosen and not _META.match(s.strip()))
    also = None
    if chosen - 1 in candidates and chosen - 1 in requests and chosen - 1 > 0:
        # Two questions in a row, each a request: the one before is asked too, in the
        # context of what was told before it.
        before = tuple(s for s in sentences[: chosen - 1] if not _META.match(s.strip()))
        also = Story(_asked(sentences[chosen - 1]), before)
    if also is None:
        # Two questions in one sentence ("which company did he join, and who does he report
        # to there?", "她哪年加入的,另外她之前在哪工作?"): each part a request of its own.
        parts = _SECOND_QUESTION.split(sentences[chosen], maxsplit=1)
        if len(parts) == 2 and all(asks_in_request_shape(p) for p in parts):
            before = tuple(s for s in sentences[:chosen] if not _META.match(s.strip()))
            also = Story(_asked(parts[0]), before)
            sentences[chosen] = parts[1]
    # The article the question cites is context: "讲Leike辞职的那篇文章里说,他…" is about Leike.
    cited = [c.group().strip(" ,，:：") for c in (_SOURCE_CITED.search(sentences[chosen]),) if c]
    return Story(_asked(sentences[chosen]), (*told, *cited), also)


def _asked(sentence: str) -> str:
    """What a sentence asks, without what leads into it or adds it to another question."""
    asked = without_lead_in(_without_asker_clauses(sentence))
    for lead_in in (_ALSO, _WANTS_TO_KNOW):
        rest = lead_in.sub("", asked, count=1)
        asked = rest if _ASKING.search(rest) else asked
    return asked


def both_parts(first: Reply, second: Reply) -> Reply:
    """The reply to a message of two questions: both answers, each with how it was read and its
    sources, when both are answered by different facts; else the one answered (the second's
    decline when neither is)."""
    if not first.answered:
        return second
    if not second.answered or (first.fact_ids or (first.fact_id,)) == (second.fact_ids or (second.fact_id,)):
        return first if not second.answered else second
    return replace(
        second,
        answer=first.answer + "\n\n" + second.answer,
        confidence=min(first.confidence, second.confidence),
        sources=tuple(dict.fromkeys((*first.sources, *second.sources))),
        conflict=first.conflict or second.conflict,
        fact_ids=tuple(
            dict.fromkeys(
                (*(first.fact_ids or (first.fact_id or "",)), *(second.fact_ids or (second.fact_id or "",)))
            )
        ),
        items=(*first.items, *second.items),
    )


# "the two of them", "他们俩", "這兩位": a pair, which the story named as one ("Toner and Ilya
# both voted…", "Amodei和Clark一起离开了"), not everyone it named.
_PAIR_POINTER = LazyPattern(
    r"\b(?:the two of them|both of them|those two|these two|the pair of them|the two)\b|"
    r"(?:他们|她们|他們|她們)(?:俩|倆|两个|兩個|两位|兩位)|(?:这|這|那)(?:两|兩)(?:位|个人|個人|人)|(?:这|這|那)(?:俩|倆)",
    re.I,
)
# What joins the two names of a pair: "X and Y", "X和Y", "X跟Y".
_JOINS_PAIR = LazyPattern(r"\s*(?:and|&|和|跟|与|與|同|及|、)\s*", re.I)

# Where a text names each person: (start, end, name as written), in order.
PeopleIn = Callable[[str], Sequence[tuple[int, int, str]]]


def with_pair_named(question: str, told: Sequence[str], people_in: PeopleIn) -> str:
    """The question with its pointer at a pair ("the two of them", "他们俩") replaced by the two
    people the nearest told sentence names joined as a pair; as it was when none does."""
    pointer = _PAIR_POINTER.search(question)
    if pointer is None:
        return question
    for sentence in reversed(told):
        named = list(people_in(sentence))
        for (_, first_end, first), (second_start, _, second) in pairwise(named):
            if _JOINS_PAIR.fullmatch(sentence[first_end:second_start]):
                joined = sentence[first_end:second_start]
                return question[: pointer.start()] + first + joined + second + question[pointer.end() :]
    return question


# "这位到底是谁?", "那个人…": a pointer at someone, with no noun of its own after it.
_SOMEONE_POINTER = LazyPattern(
    rf"(?:这|這|那)(?:位|个人|個人)(?![\u4e00-\u9fff]{{0,4}}?(?:{HEAD_NOUN}))|此人"
)
# "有一位首席研究官跟Murati同一天宣布离开": someone brought in by a title, and what they did.
_INTRODUCED = LazyPattern(
    rf"有(?:一)?[位个個名](?P<head>[^,，。!！?？;；]{{0,8}}?(?:{HEAD_NOUN})+)(?P<did>[^,，。!！?？;；]*)"
)


def with_someone_described(question: str, told: Sequence[str]) -> str:
    """The question with its "这位"/"那个人" replaced by whom the nearest told sentence brings in
    without a name, described as it tells ("有一位首席研究官跟Murati同一天宣布离开。这位…" →
    "跟Murati同一天宣布离开的那位首席研究官…"), for the description to find; as it was when
    no told sentence brings someone in."""
    pointer = _SOMEONE_POINTER.search(to_simplified(question))
    if pointer is None:
        return question
    for sentence in reversed(told):
        found = _INTRODUCED.search(to_simplified(sentence))
        if found is not None:
            head = sentence[found.start("head") : found.end("head")]
            did = sentence[found.start("did") : found.end("did")].strip()
            described = f"{did}的那位{head}" if did else f"那位{head}"
            return question[: pointer.start()] + described + question[pointer.end() :]
    return question


# A clause that says where something was read, not whom it is about: "according to the atlantic
# stuff,", "據報道,", "那篇報導說", "那篇讲Ilya去向的文章,", "per the information,". Named where,
# its names must not become what the question is about.
_SOURCE_NOUN = r"报道|报导|報導|報道|文章|新闻|新聞|报告|報告|消息|稿|帖文|專訪|专访"
_SOURCE_CLAUSE = LazyPattern(
    r"^\s*(?:"
    rf"(?:据|據|根据|根據|按照?|依照?)(?:[^,，。?？]{{0,24}}?(?:{_SOURCE_NOUN}|所说|所說|的说法|的說法))?"
    r"(?:所?(?:说|說|称|稱|指|讲|講|报道|報導)\s*[,，:：]?|\s*[,，:：])|"
    # "那篇讲X的文章," / "那篇報導說": it ends at a comma or a verb of saying, not before what
    # is asked of the piece itself ("那篇文章是谁写的?").
    rf"(?:那|这|這|呢|嗰|该|該)(?:篇|份|则|則|條|条)(?:[^,，。?？]{{0,24}}?(?:{_SOURCE_NOUN}))?"
    r"(?:里|裡|中|入面|上)?(?:面)?(?:(?:说|說|讲|講|话|話|称|稱|提到|写|寫|指出|觉得|覺得|认为|認為)\s*[,，:：]?|"
    r"\s*[,，:：])|"
    r"(?i:(?:according to|per|as reported by|reportedly,? (?:by)?)\s+[^,?]{1,40}?\s*,|reportedly\s*,?|"
    r"(?:the|that|this) (?:article|piece|report|story|post) (?:on|about) [^,?]{1,40}?\s+says?\s*,?)"
    r")\s*"
)


_SOURCE_WORD = LazyPattern(rf"{_SOURCE_NOUN}|\b(?:article|piece|report|story|post|coverage|stuff)\b", re.I)


def names_a_piece(clause: str) -> bool:
    """The clause names a piece of writing ("那篇讲Leike的报道", "the atlantic stuff"), so a
    person in it is what the piece is about; "according to Jan Leike" names a speaker."""
    return _SOURCE_WORD.search(clause) is not None


def without_source(question: str) -> str | None:
    """`question` without a clause that only says where it was read ("according to the
    atlantic stuff, when did…" → "when did…"); None when it opens with none, or nothing is
    asked after it."""
    found = _SOURCE_CLAUSE.match(question)
    if found is None or not found.group().strip():
        return None
    rest = question[found.end() :].strip()
    return rest if len(rest) >= 4 and _ASKING.search(rest) else None


# "它说…", "嗰篇講…", "it also mentions…" after a story that told of a piece of writing: the
# pointer is that piece, a source, which is no subject of the question (nor a person).
_SAYING = r"说|說|讲|講|提到|写|寫|形容|指|话|話|称|稱"
_PIECE_POINTER = LazyPattern(
    rf"^(?:它|(?:这|這|那|嗰|呢)篇(?:文章|报道|報導|報道|新闻|新聞)?)(?=[^,，。?？]{{0,12}}?(?:{_SAYING}))\s*|"
    r"^(?i:(?:it|the (?:piece|article|report|story)|this (?:piece|article|report)) (?:also |even )?"
    r"(?:mentions?|says?|said|notes?|claims?)(?: that)?)\s+"
)


def without_piece_pointer(question: str, told: Sequence[str]) -> str | None:
    """The asking sentence without a pointer at the piece of writing a told sentence named
    ("…看了一篇报道…。它说Leike批评了什么?" → "说Leike批评了什么?"); None when it opens with
    none, or no told sentence names a piece."""
    found = _PIECE_POINTER.match(question)
    if found is None or not any(names_a_piece(sentence) for sentence in told):
        return None
    rest = question[found.end() :].strip()
    return rest if _ASKING.search(rest) else None
