"""The context stage: a follow-up question read as the standalone question it stands for.

People rarely repeat a name after an answer: "那她为什么要离开?", "那Brockman呢?", "为什么?",
"他们后来去了哪?". This stage rewrites such a follow-up into a question the engine can answer
on its own ("穆拉蒂为什么要离开?"), from the earlier questions of the same conversation and what
answered them. It knows the engine only through two narrow things: a function that names the
entities a text mentions, and a :class:`Turn` per earlier question. The engine then answers
the rewritten question like any other, and says how it read it.

When the follow-up points at someone the context cannot tell (no earlier question, or two
people fit), the stage says so, and the engine asks who is meant instead of guessing.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from bot.engine.rules import LazyPattern
from bot.factbase.domain import home_of
from bot.factbase.loader import FactBase
from bot.factbase.models import ARRIVALS, DEPARTURES, Fact, Intent
from bot.text import has_cjk, to_simplified


def _simple(text: str) -> str:
    """`text` in simplified script as the patterns here read it. OpenCC turns Cantonese 嗰
    ("that") into the rare 𠮶, which no pattern, alias or reader of this stage spells."""
    return to_simplified(text).replace("\U00020bb6", "嗰")


# Entity ids a text names (its own names, and people it describes by a title only they held),
# in order. The engine passes its matcher's reading; the stage needs nothing else of it.
FindEntities = Callable[[str], Sequence[str]]

Gender = Literal["female", "male"]

# A time told relative to the last turn's date ("那天晚上", "跟住嗰日", "做咗三年之後", "the next
# day"), by what it adds to that date: nothing, a day, a year, or the years it counts. Same day
# and next day need a date known to the day; the rest, to the year.
_SAME_DAY = LazyPattern(
    r"(?:那|这|嗰|同)(?:一)?(?:天|日)(?!子)|当天|当日|(?:当|那|嗰)(?=晚|夜)|"
    r"\b(?:that|the same) (?:day|night|evening)\b(?! as\b)|\bon that day\b"
)
_NEXT_DAY = LazyPattern(
    r"第二天|第二日|翌日|次日|隔天|隔日|(?:跟住|接着|之后)(?:嗰|那)(?:一)?(?:天|日)|"
    r"\b(?:the (?:next|following) day|the day after)\b"
)
_SAME_YEAR = LazyPattern(r"(?:那|这|嗰|同)(?:一)?年(?![代纪级])|当年|\b(?:that|the same) year\b(?! as\b)")
# "和Zoph同一天", "跟佢同一年": the same time as someone the question names, not the last turn's.
_SAME_AS_NAMED = LazyPattern(r"(?:和|跟|与|同|及)[^,，。?？!！]{1,20}?同(?:一)?(?:天|日|年)")
_NEXT_YEAR = LazyPattern(r"第二年|翌年|次年|\b(?:the (?:next|following) year|a year later)\b")
_YEARS_LATER = LazyPattern(
    r"(?:(?:做|干|待|过|呆)(?:了|咗)?)?(?P<n>[一二两三四五六七八九十]{1,3}|\d{1,2})年(?:多)?(?:之后|以后|后)|"
    r"\b(?P<en>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) years? (?:later|after(?: that)?)\b"
)
_EN_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# Titles a question may ask of one of a group, as the fact base's roles write them.
_TITLE = LazyPattern(
    r"联合创始人|(?<!联合)创始人|首席[\u4e00-\u9fff]{1,4}官|副总裁|(?<!副)总裁|负责人|科学家|董事长|"
    r"(?<![a-z])(?:ceo|cto|cfo|cpo|coo)(?![a-z])"
)

# How close (in characters of the article) a reason is quoted to what it explains, to count
# as its reason when a bare "why?" follows: the same paragraph or the next.
_NEAR_QUOTE = 400

# How many earlier questions count: a conversation moves on.
MAX_TURNS = 5

# A person pointed at, not named. 他们/she/they…; not 其他 ("the others"), nor 他人.
_PLURAL_PERSON = LazyPattern(
    r"(?<!其)(?:[他她](?:[们們](?:[倆俩]|[两兩](?:个|個|位)|二人)?|[倆俩])|佢哋(?:[两兩](?:个|個))?)|"
    # "这两个人", "嗰幾位": a demonstrative with a count of people
    r"(?<![的嘅])[这這那嗰呢](?:[两兩几幾三四]|些)(?:个|個|位)?人|[这這那嗰呢](?:[两兩几幾三四])位|"
    r"\b(?:(?:those|these) (?:guys|people|folks|two|three|four)|(?:both|all|the (?:two|three|four)) of them|"
    r"they|them|their)\b"
)
# Which one of a group a question asks for: "他们里面谁…", "佢哋邊個…", "which of them…",
# "those guys — which one…". Not 谁先/谁更 (who did it first, who more), which compare them.
_AMONG_AFTER = LazyPattern(
    r"\s*(?:[里裡]面|[里裡]头|当中|之中|中间|中|入面|之间|[里裡])?\s*(?:之中)?\s*"
    r"(?:谁|哪(?:一)?(?:个|位)|边(?:一)?(?:个|位))(?![先早晚更最比])"
)
_AMONG_EN = LazyPattern(
    r"\bwhich(?: one)?(?: of (?:them|those|these)(?: guys| two| people)?)?\b|\bwho (?:of|among) them\b"
)
# A question that asks which people ("哪两个创始人", "邊幾個", "which founders"): its answer's
# people, not those it named, are whom a later 他们 points at.
_ASKS_PEOPLE = LazyPattern(r"哪[几两三四些]|边[几两三四啲些]|\bwhich (?!one\b)[a-z]+")
# What may stand between a pointer and its selector: "those guys — which one".
_BETWEEN = LazyPattern(r"[\s,，:：;；\-—–]*")
# A plural pronoun that counts two: "他们俩", "他俩", "佢哋兩個", "both of them".
_PAIR = LazyPattern(r"[俩倆两兩二]|\bboth\b")
# What may follow a pointer that stands alone: a verb, an adverb, a question word or the end.
_AFTER_POINTER = (
    r"是|系|係|在|喺|做|有|后|後|当|當|之|以|的|嘅|点|點|怎|什|几|幾|哪|边|邊|现|現|仲|还|還|又|都|最|就|"
    r"离|離|走|去|加|跟|同|和|[,，?？\s]|$"
)
_SINGULAR_PERSON = LazyPattern(
    r"(?<!其)[他她佢](?![们們哋人俩倆])|\b(?:he|she|him|his|her|hers)\b|"
    # "那个人是哪家公司的?", "that guy": pointed at like 他, unless a description leads to it
    # ("接替McGrew的那个人" describes someone).
    # Both scripts: the pointer is replaced in the question as written.
    # 嗰 is Cantonese for 那. A bare 那位 points when a verb or a question word follows it
    # ("那位后来去了哪?"), not a title ("那位科学家" is a description).
    r"(?<![的嘅\w])(?:[那这這嗰](?:个|個|位|名)?(?:人|家伙|傢伙|哥们|哥們|大佬)|[那这這嗰]位(?="
    + _AFTER_POINTER
    + r")|"
    r"此人)|\b(?:that|this) (?:guy|person|dude)\b"
)
# "her job" is hers; "fire her", "told her about" are her.
_POSSESSIVE = LazyPattern(
    r"\b(?:his|their|her(?= (?!(?:to|from|in|on|at|and|or|for|about|out|up|off|back|over|again|as|with|that|"
    r"when|after|before|if|so|the|a|an)\b)[a-z]))\b"
)
# A company a person pointed at owns: "他的公司", "佢嗰間公司", "his company".
_OWNED_COMPANY = LazyPattern(
    r"[他她佢](?:的|嘅)?(?:那家|那間|那间|嗰間|嗰间|間|间|家)?(?:初创公司|初創公司|公司)|"
    r"\b(?:his|her)(?: own)? (?:company|startup|firm)\b"
)
# A named term pointed at: "这外号", "嗰個花名", "这个说法", "that nickname".
_TERM_POINTER = LazyPattern(
    r"[这那嗰该此](?:个|種|种)?(?:外号|绰号|称号|花名|名号|叫法|说法|称呼)|"
    r"\b(?:that|this|the) (?P<en>nickname|term|label|phrase)\b"
)
# A term quoted in a question or a fact: a few words between quotation marks, not a sentence.
_QUOTED_TERM = LazyPattern(r"[“\"「『]([^”\"」』，,。.!?！？]{2,8})[”\"」』]")
# "各自", "分别", "each": a question asked of every one of a group, each answered.
_EACH = LazyPattern(r"各自|分别|分別|各(?=[在去做干幹是有待做从從])|\beach(?: of)?\b ?|\brespectively\b")
# A pointer made of a demonstrative ("那个人", "嗰位", "that guy"), not a pronoun.
_DEMONSTRATIVE = LazyPattern(r"[那这這嗰此]|(?:that|this)\b")
# Pronouns that may stand for companies or a product when no one has been talked about.
_NEUTER_OR_PLURAL = LazyPattern(r"佢|[他她]们|佢哋|they|them|their")
# An organisation or product pointed at: "这家公司", "that company", "它".
_THING = LazyPattern(
    r"[这那该此呢嗰](?:家|间|個|个)?(?:公司|初创公司|初创|新公司|企业|机构)|它(?!们)|"
    r"\b(?:that|this|the) (?:company|startup|firm)\b|"
    r"[这那该此嗰](?:个|個|款|种|種)?(?:产品|模型|聊天机器人)|\b(?:that|this|the) (?:product|model|chatbot)\b"
)
# The pointers above that name a product, not an organisation: the kind they agree with.
_PRODUCT_NOUN = LazyPattern(r"产品|模型|聊天机器人|product|model|chatbot")
# A body named by a phrase, not a name: "OpenAI 的非营利组织", "那个安全团队". What it belongs
# to is a Latin name or a few characters before 的; the words before the noun hold no function
# word ("Altman被董事会解雇" names 董事会, not 被董事会). Searched in the question as written,
# so both scripts are spelt out: offsets into a converted text need not fit the original.
_BODY_WORD = r"(?:(?![被把将给让叫由了的地得是在和与跟及对向从为吗呢吧])[\u4e00-\u9fff])"
_BODY_PHRASE = LazyPattern(
    rf"(?:[A-Za-z][\w\-. ]{{0,15}}?\s*的\s*|{_BODY_WORD}{{2,4}}的)?{_BODY_WORD}{{0,4}}"
    r"(?:组织|組織|团队|團隊|部门|部門|机构|機構|董事会|董事會|委员会|委員會|实验室|實驗室|基金会|基金會|小组|小組)"
)
# "it" / "its" in English, which may point at a product or company the conversation is about.
_IT = LazyPattern(r"\b(?:it|its)\b")
# "另一个" / "the other one": the one of two earlier people who was not the subject.
_OTHER_ONE = LazyPattern(r"另(?:外)?一(?:个|位|人|名)?|\bthe other (?:one|guy|person)\b|\bthe other\b")
# Who "the other one" is not: "不是Ilya的另一个", "另一个不是CEO的那位", "the other one, the one
# who isn't karpathy". The whole phrase is what the name replaces.
_OTHER_BUT = LazyPattern(
    r"(?:(?:不是(?P<before>[^,，?？]{1,15}?)的|除了?(?P<besides>[^,，?？]{1,15}?)(?:以外|之外)?的?|"
    r"(?P<apart>[^,，?？]{1,15}?)(?:以外|之外)的?)(?:那)?)?"
    r"另(?:外)?一(?:个|位|人|名)?(?:不是(?P<after>[^,，?？]{1,15}?)(?:的(?:那(?:个|位|名)?)?|那(?:个|位|名)))?|"
    # "不是Ilya的那个", "the other one": the one who is not
    r"不是(?P<bare>[^,，?？]{1,15}?)的?(?:那|这)(?:一)?(?:个|位|名)|"
    # "the other one, not greg —": whom it is not, after it
    r"\bthe other(?: one| guy| person)?\s*[,—–-]*\s*not (?P<not>[^,?.—–-]+?)(?=\s*(?:[,?.—–-]|$))|"
    r"\bthe other(?: one| guy| person)?"
)
_NOT_THAT_ONE = LazyPattern(
    r",?\s*(?:the one|one) (?:who|that) (?:isn'?t|is not|wasn'?t|was not) (?P<en>[^,?.]+)"
)
# Words a bare follow-up has besides a name or a question word: "那Brockman呢?", "and greg?".
_FILLER = LazyPattern(
    r"那么|那个|那|呢|啊|呀|吧|吗|咧|嘞|咁|又|还有|\b(?:and|what|how|about|so|then|with|well|ok|okay)\b|[\s?？!！,，.。、~…]+"
)
# Question words that ask one kind of thing. A follow-up made of one of them keeps the earlier
# question's subject and asks this instead ("为什么?", "哪天?", "when?"). English is matched as
# the filler leaves it: "which year?" is "whichyear", "what day?" is "day".
_QUESTION_WORDS: tuple[tuple[str, str], ...] = (
    # (a follow-up made of one of these, the same ask inside a question)
    (r"为什么|为啥|为何|点解|怎么会|why|howcome|come", r"为什么|为啥|为何|点解|\bwhy\b"),
    (
        r"什么时候|啥时候|几时|何时|哪天|哪一天|几号|哪年|哪一年|几月|哪个月|when|day|year|month|whichday|whichyear",
        r"什么时候|啥时候|几时|何时|哪天|哪一天|几号|哪年|哪一年|几月|哪个月|\bwhen\b",
    ),
    (r"去哪了?|去了哪里?|在哪|哪里|哪儿|去边|where|whereto", r"去哪了?|去了哪里?|在哪|哪里|哪儿|\bwhere\b"),
    (r"是谁|谁|边个|who", r"是谁|谁|边个|\bwho\b"),
)
# What may trail a bare follow-up's question word and asks nothing more ("点解会咁?", "why tho",
# "what day was that?", "为啥啊?🤔"), as the filler leaves it (no spaces, no punctuation).
_ASK_TAIL = (
    r"(?:会|要|会这样|这样|那样|咁样|的|嘅|(?:was|is|did)(?:that|it)(?:happen)?|that|tho|though|lol|lmao|"
    r"exactly|again|huh)*"
)
# The same tail as written, which a re-asked question leaves out.
_WRITTEN_TAIL = LazyPattern(
    r"(?:\s*(?:[呢啊呀吗嗎咁会會要]|会这样|會這樣|这样|這樣|那样|那樣|咁樣|"
    r"\b(?:was|is|did) (?:that|it)(?: happen)?\b|\b(?:tho|though|lol|lmao|exactly|again|huh)\b|[^\w\s]))+$",
    re.I,
)
# "后来呢?" / "then what?": what happened to the subject next.
_NEXT = LazyPattern(r"后来|然后|之后|接着|后尾|\b(?:after that|next|then)\b")
# The question word an English question opens with ("what's", "who", "did"), which a bare
# follow-up's own question word replaces.
_EN_OPENING = LazyPattern(r"^\s*(?:what|who|which|how|where|when|why|is|was|did|does|do)(?:'s)?\b", re.I)
# An English opening that is an auxiliary, which a question word goes before, not instead of.
_EN_AUXILIARY = LazyPattern(r"is|was|did|does|do", re.I)
# Words that make a yes-or-no question, Cantonese too (係咪, 有冇), in either script; a
# follow-up that asks "why" drops them.
_YES_NO = LazyPattern(r"是不是|有没有|有沒有|是否|吗|嗎|[系係](?:咪|唔[系係])|有冇|\bdid\b|\bis\b|\bwas\b")
# A description that points at someone the question itself describes ("那个烧掉木雕的科学家,
# 他…"): the pronoun is about that person, whom the engine finds; no context is needed.
_DESCRIBES = LazyPattern(
    r"[那这](?:个|位|名)|的人|^(?:the|that|this) [a-z][\w\-]*(?: [a-z][\w\-]*){0,3} (?:who|that|whose)\b|"
    r"^(?:the|that|this) [a-z][\w\-]*(?: [a-z][\w\-]*){0,5} ?(?:—|–|--| - )"
)
# The same, inside an English question: "who's the exec that said…".
_DESCRIBES_INSIDE = LazyPattern(r"\bthe (?:ex-)?[a-z][\w\-]*(?: [a-z][\w\-]*){0,3} (?:who|that|whose)\b")

# A clause that opens by asking who did something: its subject is what it asks.
# A date and a part of the day may come first ("2023年11月17日晚上还有谁…").
_ASKS_ACTOR = LazyPattern(
    r"^\s*(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}[日号])?(?:晚上|早上|上午|下午|当晚|那晚)?\s*)?"
    r"(?:是|还有|仲有|又是|到底是|究竟是)?(?:谁|哪位|哪个人|哪一位|哪几位|哪两位|哪些人|边个)"
)
# A question of what happened ("2023年11月20日又发生了什么?"): about events, not a person left out.
_WHAT_HAPPENED = LazyPattern(
    r"发生(?:了)?(?:什么|啥|咩|乜)|发生咗(?:咩|乜|什么)|出了什么事|\bwhat happened\b"
)
# A question that opens with its own time or things: "那时候…", "这些大客户…", "当时…".
_OWN_SETTING = LazyPattern(
    r"^\s*(?:那|所以)?(?:那时候?|当时|那个时候|那件事|这件事|[这那](?:第[一二三四五六七八九十\d]+|[些个位家次]))"
)
# "这么做", "do that": what the last question asked about, done.
_DO_THAT = LazyPattern(r"这么做|这样做|那么做|那样做|这么干|那样干|咁做|\bdo (?:that|this|it|so)\b")
# A reaction asked of someone: "怎么回应", "什么反应", "how did he respond".
_REACTION = LazyPattern(
    r"(?:怎么|如何|怎样|点样)(?:回应|回复|解释|表态|评价|看)|(?:什么|啥|咩)(?:反应|回应|态度)|"
    r"\bhow did \w+ (?:respond|react)\b"
)
# The question words of a question, which leave its topic: "OpenAI 5月份被爆出什么离职协议的事?"
_ASKING_WORDS = LazyPattern(
    r"(?:是)?怎么回事|什么|啥|哪(?:个|些|家|位|天|年)?|谁|怎么|如何|多少|几|吗|呢|是不是|有没有|为什么"
)
# A date in a question: "2024年5月", "11月17日".
_DATE = LazyPattern(r"\s*(?:\d{4}年)?(?:\d{1,2}月份?)?(?:\d{1,2}[日号])?(?<=[年月份日号])\s*")
# A follow-up that is a time alone ("那现在呢?", "2023年呢?", "and now?") as the filler leaves it:
# the earlier question asked again at that time.
_TIME_ALONE = LazyPattern(
    r"现在|目前|如今|当时|那时候?|今年|去年|(?:\d{4}年)(?:\d{1,2}月份?)?(?:的时候)?|"
    r"now|today|currently|backthen|(?:in)?\d{4}"
)
# The time an earlier question asks at, which the follow-up's time replaces.
_TIME_IN = LazyPattern(
    r"(?:\d{4}年)(?:\d{1,2}月份?)?(?:\d{1,2}[日号])?(?:的时候|时)?|现在|目前|如今|当时|那时候?|今年|去年|"
    r"\b(?:in |back in )?\d{4}\b|\bnow\b|\bcurrently\b|\btoday\b|\bback then\b"
)
# A question that asks which thing, or a thing's name: its answer's organisation or product is
# what a later 它/佢/"it" points at. Not 边个/哪个人/哪位, which ask for someone.
_ASKS_THING = LazyPattern(
    r"叫(?:什么|啥|咩|乜)|(?:什么|啥|咩|乜(?:嘢)?)名|哪(?:一)?(?:家|间|款)|哪(?:一)?个(?!人)|边(?:间|家|款)|"
    r"\bwhich (?:company|firm|startup|product|model|lab|one)\b|\bwhat(?:'s| is| was)\b[^?]*\bcalled\b|"
    r"\bwhat(?:'s| is| was) (?:the|its) name\b"
)
# What may come before a clause's subject: spaces and words that go on from the clause before.
_CLAUSE_OPENING = LazyPattern(
    r"\s*(?:(?:之后|之後|然后|然後|后来|後來|而且|接着|接著|跟住|结果|結果|最后|最後)\s*)?"
)
# A follow-up that is an item alone ("那API呢?", "what about the api?"): a short name or noun.
_BARE_ITEM = LazyPattern(
    r"(?:那么?|咁|(?i:and|what about|how about))?\s*(?:(?i:the)\s+)?"
    r"(?P<item>[A-Za-z][A-Za-z0-9\-.]{0,15}(?: [A-Za-z][A-Za-z0-9\-.]{0,15})?|[\u4e00-\u9fff]{2,6}?)"
    r"\s*(?:呢|咧|嘞)?\s*[?？]*"
)
# Where a clause of a question ends.
_CLAUSE_END = LazyPattern(r"[?？,，。;；!！]")
# A group the question itself names, which a later 他们/they points back to.
_GROUP = LazyPattern(
    r"员工|雇员|职员|董事|成员|团队|高管|管理层|领导层|研究员|研究者|投资人|投资者|创始人|人们|大家|"
    r"\b(?:employees|staff|board|members|team|people|investors|founders|executives|researchers)\b"
)
# What stands between two names said together: "McGrew和Zoph", "Mira、Bob", "greg and sam".
_COORDINATOR = LazyPattern(r"和|与|與|及|跟|同|、|,|，|&|and|以及")
# Words that only lead into a follow-up ("那她为什么…", "so why…"): dropped from the rewrite.
# Not the 那 of a time ("那天晚上…", "那年").
_LEADING = LazyPattern(r"^(?:那么|那(?![天日晚夜年时阵次])|所以|咁|and |so |then )", re.I)


@dataclass(frozen=True, slots=True)
class Turn:
    """An earlier question of the conversation, as the engine read and answered it."""

    question: str  # the standalone question the engine answered (its own follow-ups resolved)
    named: tuple[str, ...]  # entity ids the question names, in order
    answered: tuple[str, ...] = ()  # entity ids of what answered it, in order
    asked_who: bool = False  # it asked for someone: the answer's people are its subject
    # It brings in someone it does not name ("当时有个Twitch的前CEO被找来"): a later "他" is
    # that one, whom no earlier name fits.
    introduces: bool = False
    told: bool = False  # a sentence of a story told around a question, not a question
    also: tuple[str, ...] = ()  # people of a runner-up the answer showed too ("相关:…")
    fact: str | None = None  # the fact that answered it, when one did
    # It asked for a thing by its name or which one ("Anthropic的聊天机器人叫什么?", "which
    # company…"): the organisation or product its answer brought in is what it is about now.
    asked_what: bool = False
    # Whom its answer is about, when that is narrower than `answered`: the subjects of the
    # event that answered it ("Altman宣布McGrew和Zoph离职" is about McGrew and Zoph).
    subjects: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    question: str  # the question to answer: the follow-up itself, or its standalone rewrite
    used_context: bool = False
    unclear: tuple[str, ...] | None = None  # someone is pointed at but not known: who might be
    # "他们里面谁…": the question asked of each one of a group, for the engine to find the
    # one of whom it has an answer; (person, question) pairs.
    among: tuple[tuple[str, str], ...] = ()
    # "那Brockman呢?": whom (or what) the follow-up put in the last question's place; the
    # engine may then ask the same kind of event of them (Context.same_frame).
    swapped: str | None = None
    # "他们现在各自在干啥": `among` asks each of them, and every answer is wanted.
    each: bool = False
    # A question word alone ("为什么?", "why tho", "哪天?"): the last question asked again with
    # it, which one of "why", "when", "where", "who"; the follow-up asked nothing of its own.
    reasked: str | None = None
    # The follow-up with its relative time written as the date it stands for ("那天晚上…" →
    # "2023年11月17日晚上…"): what the follow-up asks when read alone.
    dated: str | None = None
    dated_on: str | None = None  # the date `dated` writes in, a partial ISO date


@dataclass(slots=True)
class Context:
    base: FactBase
    find: FindEntities
    # Earlier questions that needed no context, as turns, by their text: they read the same in
    # any conversation (filled and bounded by bot.engine.conversation).
    standalone: dict[str, Turn] = field(default_factory=dict)
    # Where the story happens (the fact base's domain data): it is in nearly every question, so
    # "that company" or "他们" of several companies is another one.
    home: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.home = home_of(self.base.domain, self.base.entities)

    def _kind(self, ids: Sequence[str], *kinds: str) -> tuple[str, ...]:
        return tuple(e for e in ids if e in self.base.entities and self.base.entities[e].kind in kinds)

    def _subject(
        self,
        turns: Sequence[Turn],
        *kinds: str,
        besides: Collection[str] = (),
        single: bool = False,
        gender: Gender | None = None,
    ) -> tuple[str, ...]:
        """Whom the conversation is about now: the people (or things) the latest turn that has
        any names; for a who-question, the people its answer brought in. None of `besides` is it.
        With `single` (a "他", "that company"), of several an answer brought in, its fact's
        first: a fact lists first whom it is about ("穆拉蒂被任命为临时CEO" names Altman too).
        A 她 (`gender` female) is a woman of the turn when it has one ("Altman被开除后谁当了临时
        CEO?" → "她…" is Murati); a 他 is anyone, since many type 他 of a woman too."""
        for turn in reversed(turns[-MAX_TURNS:]):
            named = tuple(e for e in self._kind(turn.named, *kinds) if e not in besides)
            brought = tuple(
                e for e in self._kind(turn.answered, *kinds) if e not in named and e not in besides
            )
            if gender == "female" and self._of_gender((*named, *brought), gender):
                named, brought = self._of_gender(named, gender), self._of_gender(brought, gender)
            if single:
                brought = brought[:1]
            if turn.introduces and not named and not brought:
                return ()
            if turn.asked_who and turn.fact is None and not turn.answered and "person" in kinds:
                # It asked for someone and no one was answered: a "他" after it is that unknown
                # one ("谁接替了X?" → "他…" is not X), so the asker is asked who is meant.
                return ()
            if turn.asked_what and brought and "person" not in kinds:
                return brought  # "Anthropic的聊天机器人叫什么?": the product it answered with
            if turn.asked_who and brought:
                return brought
            if turn.told and len(named) >= 2 and "person" in kinds:
                # A told sentence goes on from clause to clause ("Mira先宣布走,…Altman仲要话…"):
                # a pronoun after it is about the subject of its last clause that has one.
                latest = self._latest_clause_subject(turn.question, named)
                if latest is not None:
                    return (latest,)
            if len(named) >= 2 and not self._coordinated(turn.question, named):
                return named[:1]  # "Mark Chen接替了McGrew": the first named is the one it is about
            if named:
                return named
            if brought:
                return brought
        return ()

    def _latest_clause_subject(self, text: str, named: Sequence[str]) -> str | None:
        """The person who opens the last clause of `text` that a person opens, as its subject
        ("…,Altman仲要喺X度话…"); None when none does, or two open it together ("Bob同Barret
        又话走" is about both). A name further in is an object ("…接了Bob McGrew的位置")."""
        for clause in reversed(_CLAUSE_END.split(text)):
            opening = _CLAUSE_OPENING.match(clause)
            start = opening.end() if opening else 0
            spans = sorted((span, e) for e in named if (span := self.surface(clause, e)) is not None)
            if not spans or spans[0][0][0] != start:
                continue
            if len(spans) >= 2 and self._coordinated(clause, [spans[0][1], spans[1][1]]):
                return None
            return spans[0][1]
        return None

    def _thing_topic(self, last: Turn) -> tuple[str, ...]:
        """The organisations or products the last turn is about when it is about no one: the
        one its answer brought in when it asked which (or a thing's name), else those it
        named, the story's home aside (it is in nearly every question)."""
        if last.told or self._kind(last.named, "person"):
            return ()
        named = self._kind(last.named, "org", "product")
        brought = tuple(
            e for e in self._kind(last.answered, "org", "product") if e not in named and e not in self.home
        )
        if last.asked_what and brought:
            return brought[:1]
        if last.asked_who and self._kind(last.answered, "person"):
            return ()  # "超级对齐团队是谁带的?": its answer's people are talked about now
        return tuple(e for e in named if e not in self.home)

    def _of_gender(self, ids: Sequence[str], gender: Gender) -> tuple[str, ...]:
        """Those of `ids` who may be of `gender`: a 她 is no man the articles call 他."""
        return tuple(e for e in ids if self.base.entities[e].gender in (gender, None))

    def _coordinated(self, text: str, named: Sequence[str]) -> bool:
        """The first two names stand together ("McGrew和Zoph…"), not one acting on the other."""
        first, second = self.surface(text, named[0]), self.surface(text, named[1])
        if first is None or second is None:
            return True
        between = text[min(first[1], second[1]) : max(first[0], second[0])]
        return bool(_COORDINATOR.fullmatch(between.strip()))

    def _everyone(self, turn: Turn) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self._kind((*turn.named, *turn.answered), "person")))

    def _pair(self, turn: Turn) -> tuple[str, ...]:
        """The first two people the turn names, or its answer brings in, or shows too; ()
        when no group of the turn is two."""
        named = self._kind(turn.named, "person")
        brought = tuple(e for e in self._kind(turn.answered, "person") if e not in named)
        also = tuple(e for e in self._kind(turn.also, "person") if e not in named)
        for group in (named, brought, also, self._everyone(turn)):
            if len(group) == 2:
                return group
        return ()

    def _answered_group(self, turns: Sequence[Turn]) -> tuple[str, ...]:
        """The people the latest answer with people in it brought in (or showed beside it)
        besides those its question named, when they are several: what a 他们 after a list
        answer points at."""
        for turn in reversed(turns[-MAX_TURNS:]):
            if not self._everyone(turn):
                continue
            if not (turn.asked_who or _ASKS_PEOPLE.search(_simple(turn.question).casefold())):
                return ()  # "Pachocki是什么职位?": whom it named are talked about too
            named = self._kind(turn.named, "person")
            brought = tuple(e for e in self._kind(turn.subjects or turn.answered, "person") if e not in named)
            if len(brought) < 2:
                # An answer of one shown with a runner-up ("相关:…") showed the asker both.
                brought = tuple(
                    dict.fromkeys((*brought, *(e for e in self._kind(turn.also, "person") if e not in named)))
                )
            return brought if len(brought) >= 2 else ()
        return ()

    def _among(
        self,
        question: str,
        simplified: str,
        plural: re.Match[str],
        group: Sequence[str],
        english: bool,
        turns: Sequence[Turn],
    ) -> tuple[tuple[str, str], ...]:
        """ "他们里面谁…" / "which of them…": the question asked of each of the `group`, the
        pointer and its selector replaced by their name; () when it selects no one."""
        if len(group) < 2:
            return ()
        if english:
            selector = _AMONG_EN.search(simplified)
            if selector is None:
                return ()
            start, end = min(selector.start(), plural.start()), max(selector.end(), plural.end())
            if selector.start() > plural.end() and not _BETWEEN.fullmatch(
                simplified[plural.end() : selector.start()]
            ):
                return ()
            text = question.casefold()
        else:
            selector = _AMONG_AFTER.match(simplified, plural.end())
            if selector is None:
                return ()
            start, end, text = plural.start(), selector.end(), question
        holding = self._holding(group, simplified)
        if len(holding) == 1 and len(group) > 1:
            # Their roles tell which one holds the title asked ("他们当中谁是OpenAI的联合创始人?"):
            # the question asked of that person, else who they are, which answers it.
            name = self.name(holding[0], english, turns)
            asked = _LEADING.sub("", text[:start] + name + text[end:]).strip()
            return ((holding[0], asked), (holding[0], f"who is {name}?" if english else f"{name}是谁?"))
        return tuple(
            (e, _LEADING.sub("", text[:start] + self.name(e, english, turns) + text[end:]).strip())
            for e in group
        )

    def _holding(self, group: Sequence[str], simplified: str) -> tuple[str, ...]:
        """Of the group, those who held a title the question asks of them ("他们当中谁是OpenAI
        的联合创始人?"), at an organisation it names, by their roles; the whole group when it
        asks no title, or none or all of them held it."""
        titles = {m.group() for m in _TITLE.finditer(simplified)}
        if not titles:
            return tuple(group)
        orgs = set(self._kind(self.find(simplified), "org")) - set(group)
        holders = tuple(
            e
            for e in group
            if any(
                title in _simple(role.title).casefold() and (not orgs or role.org in orgs)
                for role in self.base.entities[e].roles
                for title in titles
            )
        )
        return holders if 0 < len(holders) < len(group) else tuple(group)

    def _newcomer(self, last: Turn) -> tuple[str, ...]:
        """The one person the last answer brought in that its question did not name (of an
        event's subjects, when it has them); () when it brought in none, or several."""
        if last.fact is None:
            return ()
        named = self._kind(last.named, "person")
        for group in (last.subjects, last.answered):
            new = tuple(e for e in self._kind(group, "person") if e not in named)
            if new:
                return new if len(new) == 1 else ()
        return ()

    def _company_of(self, person: str) -> str | None:
        """The company a person founded, else the one they work at now, besides the story's
        home (whom "他的公司" means); None when the articles give none."""
        roles = [
            r
            for r in self.base.entities[person].roles
            if r.org in self.base.entities
            and self.base.entities[r.org].kind == "org"
            and r.org not in self.home
        ]
        founded = [r for r in roles if "创" in r.title or "founder" in r.title.casefold()]
        current = [r for r in roles if r.end is None]
        chosen = founded or current
        return chosen[-1].org if chosen else None

    def _other_one(self, turns: Sequence[Turn]) -> tuple[str, ...]:
        """Who "the other one" is: of a pair an earlier turn named or answered with, the one
        the conversation is not about now. Every candidate when that is not one person."""
        subject = self._subject(turns, "person")
        if len(subject) != 1:
            return subject
        for turn in reversed(turns[-MAX_TURNS:]):
            named = self._kind(turn.named, "person")
            brought = tuple(e for e in self._kind(turn.answered, "person") if e not in named)
            for group in (named, brought):
                if subject[0] in group and len(group) == 2:
                    return tuple(e for e in group if e != subject[0])
        return ()

    def _all_but(self, turns: Sequence[Turn], excluded: str) -> tuple[str, ...]:
        """Of the latest turn's people (two or more), those `excluded` does not name or
        describe ("Ilya"; "CEO", a title of their roles); () when it excludes none of them."""
        named = set(self.find(excluded))
        answered = self._answered_group(turns)
        if answered:
            # After a question that asked which people, they are the set "the other" is of.
            out = tuple(
                e
                for e in answered
                if e not in named and not self._holds(e, _simple(excluded).casefold().strip())
            )
            if len(out) < len(answered):
                return out
        for turn in reversed(turns[-MAX_TURNS:]):
            group = tuple(dict.fromkeys((*self._everyone(turn), *turn.also)))
            if len(group) < 2:
                continue
            title = _simple(excluded).casefold().strip()
            out = tuple(e for e in group if e not in named and not self._holds(e, title))
            return out if len(out) < len(group) else ()
        return ()

    def _holds(self, entity_id: str, title: str) -> bool:
        """The person held a role of this title ("ceo", "首席科学家")."""
        entity = self.base.entities[entity_id]
        return len(title) >= 2 and any(title in _simple(r.title).casefold() for r in entity.roles)

    def name(self, entity_id: str, english: bool, turns: Sequence[Turn] = ()) -> str:
        """The entity's name as the conversation last wrote it, else its usual name."""
        for turn in reversed(turns):
            span = self.surface(turn.question, entity_id)
            if span is not None and has_cjk(turn.question) != english:
                return turn.question[span[0] : span[1]]
        entity = self.base.entities[entity_id]
        if english:
            return entity.name_en or entity.name
        return entity.name

    def surface(self, text: str, entity_id: str) -> tuple[int, int] | None:
        """Where `text` writes the entity's name (any alias, either script, any case)."""
        folded = _simple(text).casefold()
        entity = self.base.entities[entity_id]
        for alias in sorted(entity.all_names(), key=len, reverse=True):
            start = folded.find(_simple(alias).casefold())
            if start >= 0:
                return start, start + len(alias)
        return None

    def resolve(self, question: str, turns: Sequence[Turn], *, relative_time: bool = True) -> Resolution:
        """The follow-up `question` (display form) read against the earlier `turns`; without
        `relative_time`, a time told relative to the last turn's ("那天") is left as written."""
        found = self._dated(question, turns[-1]) if turns and relative_time else None
        if found is None:
            return self._resolve(question, turns)
        # "那天晚上还有谁…": the date the last turn was about, then the rest read as usual.
        dated, on = found
        read = self._resolve(dated, turns)
        if read.unclear is not None:
            return read
        return replace(read, used_context=True, dated=dated, dated_on=on)

    def reference_date(self, last: Turn) -> str | None:
        """The date the last turn was about: the one its question writes, else its answer's
        (a partial ISO date, as precise as known); None when neither gives one date, or the
        answer is not about all the question named ("Murati什么时候加入特斯拉?" answered with
        another move of hers does not date the one asked about)."""
        from bot.engine.several.common import dates_in  # the several package imports the engine

        written = dates_in(_simple(last.question).casefold(), self.base)
        if len(set(written)) == 1:
            return written[0]
        answered = self.base.by_id.get(last.fact or "")
        if answered is None or written or not set(last.named) <= set(answered.entities):
            return None
        return answered.date

    def _dated(self, question: str, last: Turn) -> tuple[str, str] | None:
        """`question` with a time told relative to the last turn's date written as that date
        ("跟住嗰日" after a question dated 2023-11-17 is 2023年11月18日), and that date (a
        partial ISO date); None when it tells none, or the last turn's date is not precise
        enough for it."""
        simplified = _simple(question)
        folded = simplified.casefold()
        english = not has_cjk(question)
        if _SAME_AS_NAMED.search(folded):
            return None  # "和Zoph同一天": the day of someone it names, not the last turn's
        found: tuple[re.Match[str], str] | None = None
        for pattern, unit in (
            (_NEXT_DAY, "day+1"),
            (_SAME_DAY, "day"),
            (_NEXT_YEAR, "year+1"),
            (_SAME_YEAR, "year"),
            (_YEARS_LATER, "years"),
        ):
            match = pattern.search(folded)
            if match is not None:
                found = (match, unit)
                break
        if found is None:
            return None
        reference = self.reference_date(last)
        if reference is None:
            return None
        match, unit = found
        if unit.startswith("day"):
            if len(reference) < len("2023-11-17"):
                return None
            day = date.fromisoformat(reference) + timedelta(days=1 if unit == "day+1" else 0)
            value = day.isoformat()
        else:
            years = 1 if unit == "year+1" else 0
            if unit == "years":
                counted = _count(match.group("n") or match.group("en"))
                if counted is None:
                    return None
                years = counted
            value = str(int(reference[:4]) + years)
        written = question if len(simplified) == len(question) else simplified
        return written[: match.start()] + _written_date(value, english) + written[match.end() :], value

    def _resolve(self, question: str, turns: Sequence[Turn]) -> Resolution:
        """`resolve` of a follow-up whose relative time is written out."""
        simplified = _simple(question).casefold()
        english = not has_cjk(question)
        plural = _PLURAL_PERSON.search(simplified)
        singular = None if plural else _SINGULAR_PERSON.search(simplified)
        pointer = plural or singular
        # "那个人" points; the description words it is made of describe no one. A description
        # after the pronoun ("他会回避…,得由别的高管来当这个坏人") is not whom it points at.
        unpointed = simplified if pointer is None else simplified[: pointer.start()]
        describes = bool(_DESCRIBES.search(unpointed))
        if english and pointer is not None:
            # "who's the exec that said … his time at openai": a description before the pronoun
            # is whom it points at, wherever the description starts.
            describes = describes or bool(_DESCRIBES_INSIDE.search(simplified[: pointer.start()]))
        if plural and (
            _GROUP.search(simplified[: plural.start()])
            or (
                turns
                and not turns[-1].named
                and _GROUP.search(_simple(turns[-1].question))
                and not self._answered_group(turns)  # "which two founders…?" named them by its answer
            )
        ):
            # "员工若不签,OpenAI会怎么对付他们", or "…管理层改了主意。他们…": a group just named.
            plural = pointer = None
        if not turns:
            # Nothing to lean on: "he" with no one named is someone unknown, whatever else the
            # question names ("他为什么离开OpenAI?"). (Names are looked up only then: it is the
            # slow part, and most questions come without a conversation.)
            # A 他 after a clause of its own may be that clause's answer ("微软CEO是谁?他宣布了
            # 什么?"): the engine's two-part reading has it.
            if (
                singular
                and not describes
                and not _CLAUSE_END.search(simplified[: singular.start()])
                and not self._kind(self.find(simplified), "person")
            ):
                return Resolution(question, unclear=())
            return Resolution(question)
        named = tuple(self.find(simplified))
        people = self._kind(named, "person")
        last = turns[-1]
        rest = _FILLER.sub("", simplified)

        # "不是Ilya的另一个后来去了哪?": of the people the conversation brought up, the one it
        # is not.
        text = simplified if english else question
        not_that_one = _NOT_THAT_ONE.search(text) if english else None
        but = _OTHER_BUT.search(_simple(text).casefold())
        excluded = None
        if but is not None:
            excluded = next(
                (g for g in but.group("before", "after", "besides", "apart", "bare", "not") if g), None
            )
        if not_that_one and (excluded is None or but is None or but.start() > not_that_one.start()):
            # "what about the one who isn't karpathy?", "the other one, the one who isn't…"
            excluded = not_that_one.group("en")
            if but is not None and but.group() and but.start() < not_that_one.start():
                text = text[: not_that_one.start()] + text[not_that_one.end() :]
            else:
                but = not_that_one
        if but is not None and excluded:
            others = self._all_but(turns, excluded)
            space = " " if english else ""

            def instead(name: str) -> str:
                written = _LEADING.sub("", f"{text[: but.start()].rstrip()}{space}{name}".lstrip())
                return f"{written}{space}{text[but.end() :].lstrip(' ,，')}".strip()

            if len(others) != 1:
                # Several are left: the question asked of each may fit one of them only.
                among = tuple((e, instead(self.name(e, english, turns))) for e in others)
                return Resolution(question, unclear=others, among=among if len(others) > 1 else ())
            rewritten = instead(self.name(others[0], english, turns))
            # Read again: "卡帕西以外的另一个呢?" is now "Blackwell呢?", a bare name to swap in.
            again = self.resolve(rewritten, turns)
            return again if again.used_context or again.unclear else self._read(rewritten)

        # "另一个呢?" / "the other one": the other of two people the conversation brought up.
        other = _OTHER_ONE.search(simplified)
        if other and not people:
            others = self._other_one(turns)
            if len(others) != 1:
                return Resolution(question, unclear=others)
            if not _FILLER.sub("", _OTHER_ONE.sub("", simplified)):
                return self._swap(turns, self._subject(turns, "person"), others[0], english)
            name = self.name(others[0], english, turns)
            return self._read(_LEADING.sub("", _OTHER_ONE.sub(lambda _: name, question, count=1)))

        # "他为什么这么做?", "why'd he do that": why the subject did what the last question
        # asked about.
        if _DO_THAT.search(simplified):
            bare_ask = _FILLER.sub(
                "", _DO_THAT.sub("", (_PLURAL_PERSON if plural else _SINGULAR_PERSON).sub("", simplified))
            )
            bare_ask = re.sub(r"'d$|'d(?=\W)", "", bare_ask)
            if re.fullmatch(
                r"(?:为什么|为啥|为何|点解)(?:要|会|非要)?|why(?:did|does|would)?|howcome", bare_ask
            ):
                # Who did it is whom the last question named ("马斯克跟谁闹翻了?"), not its answer.
                subject = self._kind(last.named, "person")[:1] or self._subject(turns, "person", single=True)
                if len(subject) == 1:
                    why = "why" if english else "为什么"
                    return self._read(self._ask_of(last.question, subject, why, english))

        # "Altman怎么回应?": how someone met what the last question was about.
        if people and _REACTION.search(simplified) and len(self._without_names(rest, named)) <= 8:
            topic = _ASKING_WORDS.sub("", _simple(last.question)).strip(" ?？!！。.,，")
            if topic and not english:  # "OpenAI被爆出离职协议的事,Altman怎么回应?"
                return self._read(topic + "," + _LEADING.sub("", question.strip()))

        # "那Brockman呢?": the earlier question again, about someone (or something) else.
        if named and self._bare(rest, named, simplified):
            kinds = ("person",) if people else ("org", "product")
            # The new name as the follow-up writes it: "那Brockman呢?" reads "Brockman…".
            span = self.surface(question, named[0])
            written = question[span[0] : span[1]] if span else None
            return self._swap(turns, self._subject(turns, *kinds), named[0], english, written)

        # "他/她/他们…": the person (people) the conversation is about.
        if pointer and not (describes and not people):
            if people and pointer.start() > (self.surface(question, people[0]) or (0, 0))[0]:
                return Resolution(question)  # "穆拉蒂说她…": the question's own person
            subject = self._subject(turns, "person", single=bool(singular), gender=_gender(pointer.group()))
            if singular and _DEMONSTRATIVE.match(pointer.group()):
                # "那个人", "that guy": the one the last answer brought in, rather than whom its
                # question was about, which a 他 keeps ("Leike的上司是谁?" → "那个人…" is the boss).
                subject = self._newcomer(last) or subject
            # "他们还跟Anthropic签了什么?": a pointer is not what the follow-up itself names.
            things_talked_of = tuple(e for e in self._thing_topic(last) if e not in named)
            if things_talked_of and not people and _NEUTER_OR_PLURAL.fullmatch(pointer.group()):
                # 佢/they after a question about a thing and no one ("Anthropic的聊天机器人叫
                # 什么?" → "佢同GPT-4比…"): that thing, not a person its answer mentions.
                subject = things_talked_of
            companies = self._kind(last.named, "org", "product")
            if plural and not self._kind(last.named, "person") and len(companies) >= 2:
                # "红杉和a16z投了OpenAI吗?" → "他们…": the companies it named, not the answer's people
                subject = (
                    tuple(e for e in companies if e not in self.home) if len(companies) > 2 else companies
                )
                subject = tuple(e for e in subject if e not in named)
            answered_group = self._answered_group(turns)
            if (
                plural
                and len(answered_group) >= 2
                and not (_PAIR.search(simplified) and len(answered_group) != 2)
            ):
                # 他们 after an answer that brought in several people ("OpenAI四大天王是哪几个?"):
                # those people, not whom the question named.
                subject = answered_group
            if plural and len(subject) < 2:
                # 他们: everyone of the latest turn that has people, not only of the last turn
                # (a story's sentence after its question names no one).
                latest = next((t for t in reversed(turns[-MAX_TURNS:]) if self._everyone(t)), last)
                subject = self._everyone(latest) if len(self._everyone(latest)) >= 2 else subject
            if plural and _PAIR.search(simplified) and len(subject) != 2:
                # "他们俩…": the two the last turn named, or its answer brought in, or showed too.
                subject = self._pair(last) or subject
            # "他们谁是首席研究官?" finds one of them by the title: still one of those asked about.
            group = tuple(e for e in subject if e not in people or self.surface(question, e) is None)
            subject = tuple(e for e in subject if e not in people)
            if not subject and _NEUTER_OR_PLURAL.fullmatch(pointer.group()):
                # No one talked about: 佢/他们/they point at the companies or the product
                # ("Claude 3 Opus排第几?" → "佢啲投票数…"; "红杉和a16z…" → "他们有没有投…").
                things = self._subject(turns, "org", "product", besides=self.home, single=bool(singular))
                things = tuple(e for e in things if e not in named)  # "…投资Anthropic?" is not one
                subject = things if len(things) >= 2 or (singular and things) else ()
            if plural and len(subject) == 1 and not _PAIR.search(simplified):
                # A plural is no one person: after a question about a team or company and its
                # one leader ("who led the X team?"), they are the body the question named.
                bodies = tuple(
                    e for e in self._kind(last.named, "org") if e not in self.home and e not in named
                )
                subject = bodies if len(bodies) == 1 else subject
            if not subject or (singular and len(subject) > 1):
                return Resolution(question, unclear=subject)
            among = self._among(question, simplified, plural, group, english, turns) if plural else ()
            each = bool(plural and not among and len(group) >= 2 and _EACH.search(simplified))
            if each and plural:
                # "他们现在各自在干啥": the question asked of each of them, without 各自.
                written = question.casefold() if english else question
                among = tuple(
                    (
                        e,
                        _EACH.sub(
                            "",
                            _LEADING.sub(
                                "",
                                written[: plural.start()]
                                + self.name(e, english, turns)
                                + written[plural.end() :],
                            ),
                        ).strip(),
                    )
                    for e in group
                )
            written = question.casefold() if english else question
            # A question for the company's name keeps "伊利亚的公司叫什么?" as asked.
            their = _OWNED_COMPANY.search(written) if singular and not asks_for_something(question) else None
            company = self._company_of(subject[0]) if their else None
            if their and company:
                # "他的公司", "his company": the company they founded or run, by its name.
                company_name = self.name(company, english, turns)
                return self._read(
                    _LEADING.sub("", written[: their.start()] + company_name + written[their.end() :])
                )
            joiner = " and " if english else "和"
            names = joiner.join(self.name(e, english, turns) for e in subject)
            rewritten = _POSSESSIVE.sub(names + "'s", question.casefold() if english else question)
            rewritten = (_PLURAL_PERSON if plural else _SINGULAR_PERSON).sub(
                lambda _: names, rewritten, count=1
            )
            rewritten = _LEADING.sub("", rewritten)
            read = self._read(self._thing(rewritten, turns, english) or rewritten)
            return replace(read, among=among, each=each) if among else read

        # "这外号", "这个说法", "that nickname": a named term the last turn quoted.
        term = _TERM_POINTER.search(simplified)
        quoted = self._term(last) if term else None
        if term and quoted:
            written = question.casefold() if english else question
            named_term = (
                f'the "{quoted}" {term.group("en")}'
                if english
                else quoted + written[term.start() : term.end()]
            )
            return self._read(_LEADING.sub("", written[: term.start()] + named_term + written[term.end() :]))

        # "这家公司…" / "that company": the organisation the conversation is about.
        thing = self._thing(question, turns, english)
        if thing is not None:
            return self._read(thing) if thing else Resolution(question, unclear=())

        # "it" after a question about one thing and no one ("what's anthropic's chatbot
        # called?" → "how does it compare…"): that thing. Elsewhere "it" points at nothing the
        # conversation can tell ("is it true…"), and the question stands as it is.
        it = _IT.search(simplified) if english and not people else None
        things_talked_of = self._thing_topic(last) if it else ()
        if it and len(things_talked_of) == 1 and things_talked_of[0] not in named:
            name = self.name(things_talked_of[0], english, turns)
            owned = name + "'s" if it.group() == "its" else name
            return self._read(_LEADING.sub("", simplified[: it.start()] + owned + simplified[it.end() :]))

        if named or describes:
            return Resolution(question)  # a question of its own

        # "那现在呢?": the earlier question again at another time.
        if _TIME_ALONE.fullmatch(rest):
            return self._read(self._at_time(last.question, question, english))

        # "那API呢?": an item the fact base has no entry for, in the place of the one thing the
        # last question asked about ("其中ChatGPT付费用户贡献了多少?" → "其中API…").
        item = _BARE_ITEM.fullmatch(question.strip())
        if (
            item
            and not _bare_ask(rest)
            and not _NEXT.search(simplified)
            and not _ASKING_WORDS.search(_simple(item.group("item")))
        ):
            things = tuple(e for e in self._kind(last.named, "org", "product") if e not in self.home)
            span = self.surface(last.question, things[0]) if len(things) == 1 else None
            if span is not None:
                text = last.question
                return self._read(text[: span[0]] + item.group("item") + text[span[1] :])

        # "为什么?" / "哪天?" / "哪一年?": the earlier question asking this instead.
        bare = _bare_ask(rest)
        if bare:
            asked = self._ask_instead(last.question, question)
            if asked is not None:
                return replace(self._read(asked), reasked=bare)
        if (
            not bare
            and not (_NEXT.search(simplified) and len(rest) <= 4)
            and (english or _own_question(simplified))
        ):
            # An English question states its subject; one without a pronoun is a question of
            # its own. So is one whose asking clause asks who did it ("团队散了之后,是哪位联合
            # 创始人接手的?"), or that sets its own time or things ("那时候这些大客户…").
            return Resolution(question)
        # After a question about a thing and no one ("超级对齐团队哪个月解散的?"), the left-out
        # subject is that thing, not a person its answer mentions.
        subject = self._thing_topic(last) or self._subject(turns, "person")
        if not subject and not last.told:  # a story's company is no subject of its question
            subject = self._subject(turns, "org", "product")
        if not subject:
            return Resolution(question)
        asks_only = bare or (_NEXT.search(simplified) and len(rest) <= 4)
        if len(subject) > 1 and not asks_only:
            # No pronoun points at anyone ("員工知道以後有什麼反應?" after a list of three):
            # asking which of them is meant asks what the asker never said; it stands alone.
            return Resolution(question)
        # A bare question word re-asks the last question, whose subjects it keeps when it wrote
        # them all ("X同Y係咪成日唔夾?" → "點解會咁?" asks why of both).
        said = all(self.surface(last.question, e) is not None for e in subject)
        if len(subject) > 1 and not (bare and said):
            return Resolution(question, unclear=subject)
        if bare:
            return replace(self._read(self._ask_of(last.question, subject, question, english)), reasked=bare)
        # "后来呢?": what became of the subject.
        if _NEXT.search(simplified) and len(rest) <= 4:
            # After an answer of one dated event, what happened to them next; else a digest.
            following = self._next_event(subject[0], last, english)
            if following is not None:
                return self._read(following)
            name = self.name(subject[0], english, turns)
            return self._read(f"what happened to {name} after that?" if english else f"{name}后来怎么样了?")
        # "师父是谁?": a question with its subject left out is about the subject.
        name = self.name(subject[0], english, turns)
        body = _LEADING.sub("", question.strip())
        # A Latin name before a Latin word or a number keeps a space ("Mira 2016年…").
        space = " " if re.search(r"[A-Za-z0-9]$", name) and re.match(r"[A-Za-z0-9]", body) else ""
        return self._read(f"{name}{space}{body}")

    def _next_event(self, person: str, last: Turn, english: bool) -> str | None:
        """A question of the person's first event after the one the last answer told ("穆拉蒂
        哪年加入OpenAI?" → "后来呢?" asks of her next event); None when there is none."""
        answered = self.base.by_id.get(last.fact or "")
        if answered is None or answered.date is None:
            return None
        later = sorted(
            (
                f
                for f in self.base.by_entity.get(person, [])
                if f.kind == "event"
                and f.date is not None
                and f.date[: len(answered.date)] > answered.date
                and person in self._kind(f.entities, "person")[:2]  # about them, or them and one more
            ),
            key=lambda f: (f.date or "", f.id),
        )
        # What became of the same matter first ("起诉" → its withdrawal), else the next event.
        keywords = set(answered.keywords)
        later = [f for f in later if keywords & set(f.keywords)] + [
            f for f in later if not keywords & set(f.keywords)
        ]
        for fact in later:
            for asked in fact.questions:  # one that names them, in the asker's language
                if has_cjk(asked) != english and _simple(asked) == asked and self.surface(asked, person):
                    return asked
        return None

    def _term(self, last: Turn) -> str | None:
        """The one named term the last turn quoted: in its question (「四大天王」), else in the
        fact that answered it (“光棍司令”); None when it quoted none, or several."""
        answered = self.base.by_id.get(last.fact or "")
        for text in (last.question, answered.answer if answered else ""):
            terms = tuple(dict.fromkeys(m.group(1) for m in _QUOTED_TERM.finditer(text)))
            if terms:
                return terms[0] if len(terms) == 1 else None
        return None

    def same_frame(self, last: Turn, new: str, english: bool) -> str | None:
        """The last question's frame asked of `new` through the kind of event that answered it:
        after "X是什么时候上任的?" (an appointment), "那Y呢?" asks Y's arrival however the
        articles word it. One of that fact's own questions that names `new`, in the asker's
        language; None when the last answer was no typed event, or `new` has not exactly one
        event of its kind."""
        answered = self.base.by_id.get(last.fact or "")
        if answered is None or answered.type is None:
            return None
        kind = next(
            (group for group in (ARRIVALS, DEPARTURES) if answered.type in group), frozenset({answered.type})
        )
        mine = [
            f
            for f in self.base.by_entity.get(new, [])
            if f.type in kind and f.id != answered.id and new in self._kind(f.entities, "person")[:2]
        ]
        # What the last question asked (when, why, where, who) is what the new one asks.
        asks = next(
            (
                inside
                for _alone, inside in _QUESTION_WORDS
                if re.search(inside, _simple(last.question).casefold())
            ),
            None,
        )
        if len(mine) != 1 or asks is None:
            return None
        for asked in mine[0].questions:
            if (
                has_cjk(asked) != english
                and _simple(asked) == asked
                and self.surface(asked, new)
                and re.search(asks, asked.casefold())
            ):
                return asked
        return None

    def why_of(self, last: Turn, english: bool) -> str | None:
        """After an answer, a bare "why?" asks the reason for what it told: of the facts that
        give reasons about all of the answered fact's people (or things), the one sharing the
        most of its keywords and quoted nearest to it, asked by one of its own questions in the
        asker's language; None when none or two fit as well."""
        answered = self.base.by_id.get(last.fact or "")
        if answered is None or Intent.WHY in answered.intents:
            return None
        about = set(self._kind(answered.entities, "person")) or {
            e for e in answered.entities if e not in self.home
        }
        if not about:
            return None
        # Its words, not its names: a name is in every fact about the person.
        keywords = {k for k in answered.keywords if self.base.resolve_entity(k) is None}
        where = [(c.article, self.base.locate(c)) for c in answered.sources]
        scored: list[tuple[int, Fact]] = []
        for fact in self.base.facts:
            if fact.id == answered.id or Intent.WHY not in fact.intents or not about <= set(fact.entities):
                continue
            near = any(
                c.article == article and offset >= 0 and abs(self.base.locate(c) - offset) <= _NEAR_QUOTE
                for c in fact.sources
                for article, offset in where
            )
            shared = len(keywords & set(fact.keywords))
            score = shared + int(near)
            if shared and score >= 2:  # what it explains, by its words, and quoted near it
                scored.append((score, fact))
        scored.sort(key=lambda pair: pair[0], reverse=True)
        if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        mine = [q for q in scored[0][1].questions if has_cjk(q) != english and _simple(q) == q]
        why = _QUESTION_WORDS[0][1]
        return next((q for q in mine if re.search(why, q.casefold())), mine[0] if mine else None)

    def _without_names(self, text: str, named: Sequence[str]) -> str:
        for entity_id in named:
            span = self.surface(text, entity_id)
            if span is not None:
                text = text[: span[0]] + text[span[1] :]
        return text

    def _bare(self, rest: str, named: Sequence[str], simplified: str) -> bool:
        """Nothing but the names (and filler): "那Brockman呢?", "what about greg?", "Leap
        Motion咧?", "那在特斯拉呢?" (the place a frame's 在 introduces)."""
        # Names are taken out before the filler, which takes out spaces inside names too.
        left = simplified
        for entity_id in named:
            span = self.surface(left, entity_id)
            if span is None:
                return False
            left = left[: span[0]] + " " + left[span[1] :]
        left = _FILLER.sub("", re.sub(r"和|跟|与|&|^\W*(?:那|咁)?\W*(?:在|喺|于|\bat\b|\bin\b)", "", left))
        return not left and bool(re.search(r"呢|咧|嘞|\babout\b|^\s*and\b|^那|^咁", simplified))

    def _swap(
        self,
        turns: Sequence[Turn],
        subject: Sequence[str],
        new: str,
        english: bool,
        written: str | None = None,
    ) -> Resolution:
        """The last question again, with `new` in place of its subject, or, when the last
        question does not write its subject (a who-question's answer), of what it named of
        the same kind ("who replaced mcgrew?" → "and ilya?")."""
        last = turns[-1]
        kind = self.base.entities[new].kind
        for old in (
            *subject,
            *(e for e in self._kind(last.named, kind) if e not in subject and e not in self.home),
        ):
            span = self.surface(last.question, old)
            if span is not None:
                start, end = span
                text = last.question
                read = self._read(text[:start] + (written or self.name(new, english, turns)) + text[end:])
                return replace(read, swapped=new)
        return Resolution(last.question, unclear=())

    @staticmethod
    def _asked_word(followup: str) -> str:
        """What a bare question-word follow-up asks, as written: "那为什么呢?" is "为什么"."""
        asked = _LEADING.sub("", followup.strip(" ?？!！。.")).strip()
        asked = _WRITTEN_TAIL.sub("", asked).strip() or asked
        return re.sub(r"^how come$", "why", asked, flags=re.I)  # "how come did he leave" reads badly

    @staticmethod
    def _at_time(earlier: str, followup: str, english: bool) -> str:
        """The earlier question with its time replaced by the follow-up's, or the follow-up's
        time added ("2021年的时候OpenAI估值多少?" + "那现在呢?" is "现在OpenAI估值多少?")."""
        time = _TIME_IN.search(_simple(followup).casefold()) if english else None
        if english:
            when = time.group() if time else followup.strip(" ?.!").removeprefix("and ").strip()
        else:
            when = re.sub(r"[呢啊呀吗]+$", "", _LEADING.sub("", followup.strip(" ?？!！。.")))
        found = _TIME_IN.search(_simple(earlier).casefold() if english else _simple(earlier))
        if found is not None:
            return earlier[: found.start()] + when + earlier[found.end() :]
        if english:
            return f"{earlier.rstrip(' ?')} {when}?"
        return when + earlier

    def _ask_instead(self, earlier: str, followup: str) -> str | None:
        """The earlier question with its question word replaced by the follow-up's ("Brockman
        什么时候休假?" + "为什么?" is "Brockman为什么休假?"); None when it has none."""
        simplified = _simple(earlier)
        why = _bare_ask(_FILLER.sub("", _simple(followup).casefold())) == "why"
        for (_alone, words), asks in zip(_QUESTION_WORDS, _ASKS, strict=True):
            found = re.search(words, simplified, flags=re.I)
            if found and why and asks in ("where", "who"):
                # Why of where or who asks why of what was answered ("去了哪家公司?" → "为啥?"
                # is why they went there), not "为啥家公司": the question is asked of its subject.
                return None
            if found:
                return earlier[: found.start()] + self._asked_word(followup) + earlier[found.end() :]
        return None

    def _ask_of(self, earlier: str, subject: Sequence[str], followup: str, english: bool) -> str:
        """A yes-or-no earlier question ("伊利亚是不是离职了?") asking the follow-up's question
        word of its subjects instead ("伊利亚为什么离职了?"): the word goes after the last of
        them the question writes."""
        asked = self._asked_word(followup)
        if english:
            # "what did altman say about ilya?" + "what year?": "what year did altman say…"
            opening = _EN_OPENING.match(earlier)
            rest = earlier[opening.end() :] if opening else earlier
            if opening and _EN_AUXILIARY.fullmatch(opening.group().strip()):
                rest = earlier  # "did toner leave?" + "how come": "why did toner leave?"
            return f"{asked} {rest.strip(' ?')}?"
        core = _YES_NO.sub("", earlier).strip(" ?？!！。.")
        if re.fullmatch(r"为什么|为啥|为何|点解|why|how come", _simple(asked).casefold()):
            # A why needs no date ("Leike 2024年5月是不是离开了?" → "Leike为什么离开了?"), nor
            # the earlier question's own question word ("烧了什么" → "烧了").
            core = _DATE.sub("", core)
            core = re.sub(r"(?:什么|啥|什麼|咩|乜嘢?)$", "", core).strip()
            # Why of a what-question asks why of what was answered ("是啥态度" → "是这个态度").
            core = re.sub(r"(?:什么|啥|什麼|咩|乜嘢?|哪|邊)(?=[\u4e00-\u9fff])", "这", core)
        spans = [span for e in subject if (span := self.surface(core, e)) is not None]
        if not spans:
            return f"{core}{asked}?"
        end = max(span[1] for span in spans)
        return core[:end] + asked + core[end:] + "?"

    def _thing(self, question: str, turns: Sequence[Turn], english: bool) -> str | None:
        """`question` with "这家公司"/"that company" named; "" when no one thing fits; None
        when it points at no organisation."""
        found = _THING.search(_simple(question).casefold())
        if not found:
            return None
        # A question that names its own company points at none ("Anthropic这家公司…"), but
        # the story's home named beside the pointer is no description of it ("OpenAI有谁在
        # 嗰间公司做过?").
        named = self._kind(self.find(_simple(question).casefold()), "org", "product")
        if any(
            e not in self.home and (span := self.surface(question, e)) is not None and span[0] < found.start()
            for e in named
        ):
            return None  # "Anthropic成立多久了?这家公司…": the pointer is the name before it
        described_by = _LEADING.sub("", _simple(question)[: found.start()]).strip(" ,，")
        if described_by.endswith("的") or any(
            (span := self.surface(described_by, e)) is not None and span[1] == len(described_by)
            for e in self.find(described_by.casefold())
        ):
            # "马斯克那家公司", "做Claude的那家公司": a description, not a pointer. A name
            # further back is a clause of its own ("OpenAI有谁去过那家公司?").
            return None
        # The story's home is in nearly every question: "that company" is another one.
        kinds = ("product",) if _PRODUCT_NOUN.search(found.group()) else ("org", "product")
        if found.group() != "它" and kinds != ("product",):
            kinds = ("org",)  # "那家公司" is an organisation; 它 is either
        things = self._subject(turns, *kinds, besides=self.home, single=True)
        last = turns[-1] if turns and not turns[-1].told else None
        if not things and last is not None:
            # A body the fact base has no entry for ("OpenAI的非营利组织还会存在吗?" → "它…"):
            # the last question's phrase for it. Else the story's home, when the last question
            # named it alone ("OpenAI有多少员工?" → "它哪年成立?").
            phrase = None if english else _BODY_PHRASE.search(last.question)
            if phrase is not None:
                body = last.question[phrase.start() : phrase.end()]
                return _LEADING.sub("", question[: found.start()] + body + question[found.end() :])
            things = self._kind(last.named, "org", "product")
            things = things if len(things) == 1 and things[0] in self.home else ()
        if len(things) != 1:
            return ""
        name = self.name(things[0], english, turns)
        return question[: found.start()] + name + question[found.end() :]

    @staticmethod
    def _read(question: str) -> Resolution:
        return Resolution(question, used_context=True)


def _count(numeral: str) -> int | None:
    """A count of years as written: "3", "three", "十二" (Chinese numerals read whole)."""
    if numeral.isdigit():
        return int(numeral)
    if numeral in _EN_NUMBERS:
        return _EN_NUMBERS.index(numeral) + 1
    import cn2an  # imported on first use: it is slow to import and most questions need none

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cn2an warns on text it cannot read before raising
        try:
            return int(cn2an.cn2an(numeral, "smart"))
        except (ValueError, KeyError, IndexError):
            return None


def _written_date(value: str, english: bool) -> str:
    """A partial ISO date as a question writes it: "2023年11月18日", "on November 18, 2023",
    "2016年", "in 2016"."""
    parts = [int(p) for p in value.split("-")]
    if not english:
        return "".join(f"{n}{unit}" for n, unit in zip(parts, ("年", "月", "日"), strict=False))
    if len(parts) == 1:
        return f"in {parts[0]}"
    month = _EN_MONTHS[parts[1] - 1]
    return f"on {month} {parts[2]}, {parts[0]}" if len(parts) == 3 else f"in {month} {parts[0]}"


def _gender(pronoun: str) -> Gender | None:
    """Whom a singular pronoun must be: 她/she a woman; 他, 佢 and the plural anyone."""
    return "female" if pronoun in ("她", "she", "her", "hers") else None


def points_at_something(text: str) -> bool:
    """The text points at a company or product ("这家公司", "它", "that company", "it")."""
    simplified = _simple(text).casefold()
    return _THING.search(simplified) is not None or (not has_cjk(text) and _IT.search(simplified) is not None)


def asks_for_something(text: str) -> bool:
    """The text asks which organisation or product, or its name ("叫什么名字?", "which company")."""
    return _ASKS_THING.search(_simple(text).casefold()) is not None


def points_at_someone(text: str) -> bool:
    """The text has a pronoun for a person (他, 她们, that guy, they)."""
    simplified = _simple(text).casefold()
    return bool(_PLURAL_PERSON.search(simplified) or _SINGULAR_PERSON.search(simplified))


# What each of _QUESTION_WORDS asks, in their order.
_ASKS = ("why", "when", "where", "who")


def _bare_ask(rest: str) -> str | None:
    """What the follow-up (as the filler leaves it) asks when it is a question word alone, maybe
    with words that ask nothing more ("why tho", "点解会咁", "what day was that", an emoji)."""
    core = re.sub(r"[^\w]", "", rest)
    return next(
        (
            asks
            for (alone, _inside), asks in zip(_QUESTION_WORDS, _ASKS, strict=True)
            if re.fullmatch(f"(?:{alone}){_ASK_TAIL}", core)
        ),
        None,
    )


def _own_question(simplified: str) -> bool:
    """A question that leaves out no subject: its asking clause asks who did it, or it opens
    with its own time or things."""
    last_clause = re.split(r"[,，;；]", simplified.strip(" ?？!！"))[-1]
    return bool(
        _ASKS_ACTOR.match(last_clause) or _OWN_SETTING.match(simplified) or _WHAT_HAPPENED.search(last_clause)
    )
