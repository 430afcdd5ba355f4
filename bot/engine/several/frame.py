"""Which kind of several-fact question a question is, from its words: an order, a duration,
who held a role, a list or count, or a broad question. None for everything else (the
single-fact path answers it).

Patterns match the simplified, case-folded question; they cover Mandarin, Cantonese and
English phrasings. Each frame needs its own cue and what it is about (see the answerers):
a cue alone routes nothing.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.engine.rules import Cue, LazyPattern
from bot.factbase.models import EventType


class Frame(StrEnum):
    ORDER = "order"
    DURATION = "duration"
    ROLE_AT = "role_at"
    LIST = "list"
    DIGEST = "digest"


def _re(pattern: str) -> LazyPattern:
    # compiled on first use: a one-shot `saga-bot ask` meets few of the frames
    return LazyPattern(pattern, re.IGNORECASE)


_CUES: list[Cue] = []


def _cue(
    name: str, pattern: str, doc: str, fires_on: tuple[str, ...], not_on: tuple[str, ...] = ()
) -> LazyPattern:
    """A named cue of the rule catalogue (docs/rules.md), read in the simplified, case-folded
    question; its examples are tests (tests/engine/several/test_frame.py)."""
    compiled_later = _re(pattern)
    _CUES.append(Cue(name, compiled_later, "question text", doc, fires_on, not_on))
    return compiled_later


ORDER_PAIR = _cue(
    "order_pair",
    r"哪(?:个|位|一个|一位|家|一家|件|件事|一件)(?:比较|更)?(?:早|先|晚)|哪个?先发生|是先.{1,40}还是先?|"
    r"\b(?:leave|left|quit|join(?:ed)?|depart(?:ed)?)\b.{0,20}\b(?:before|after|earlier than|later than)\b|"
    r"谁先|谁后|谁(?:比较|更)?早|谁(?:比较|更)?晚|先后|哪个先|边个先|边个早|谁第一个|"
    r"(?:边样|边件|边单)(?:嘢|事)?(?:先|早)|哪(?:个|件|一个|一件|件事|样)?(?:在前|在先|排前)|(?:谁|边个|哪个|哪位)最(?:早|先|晚)(?:走|离开|离职|加入)|"
    r"(?<!是)先.{1,40}[,，\s]还是.{1,40}先|"
    r"早过|先走|在.{1,12}之前还是之后|之前还是之后|前面?还是后面?|以前还是以后|\bwho (?:left|quit|joined|went)(?: \w+)? first\b|"
    r"\bfirst to (?:leave|quit|join)\b|\bearlier\b|\bbefore or after\b",
    "Which of two came first: routes to the order frame.",
    ("ilya和leike谁先走的", "哪个先发生", "did murati leave before or after zoph"),
    ("ilya什么时候走的",),
)
# First or last to do something: the superlative next to its verb ("最早离开", "最后一个走的",
# "first to leave", "left first"), not "最早那11个创始人".
ORDER_EXTREME = _cue(
    "order_extreme",
    r"(?:最先|最早|第一个|头一个|最晚|最后一个|最后|最後)(?:一个|一位|个|位|才)?(?:宣布|官宣|提出)?(?:离开|离职|走|辞职|出走|跳槽|加入|入职)|"
    r"\b(?:first|last|earliest|latest)\b.{0,30}\bto (?:leave|quit|go|depart|join)|"
    r"\b(?:left|quit|joined|departed) (?:the )?(?:first|last|earliest|latest)\b",
    "First or last to do something: the superlative next to its verb; an order only when the question bounds the group (founders, a date).",
    ("创始人里谁最早离开", "who was the last to leave"),
    ("最早那11个创始人是谁",),
)
# Two events in order: "A是发生在B前面还是后面", "was A before or after B".
EVENT_ORDER = _cue(
    "event_order",
    r"^(.+?)[,，]?\s*(?:是)?(?:发生)?在(.+?)(?:的)?(?:之|以)?前面?还是(?:之|以)?后面?|"
    r"^(?:did|was|is|does|were) (.+?) (?:happen |come |take place )?before or after (.+?)\??$",
    'Two events in order, split into its two parts: "A是发生在B前面还是后面", "was A before or after B".',
    ("xai成立是在anthropic成立前面还是后面", "was the firing before or after the lawsuit"),
    ("xai是什么时候成立的",),
)
# "A跟B,哪个先发生", "A和B哪一家比较早成立": two things, then which came first. The parts may
# be events ("马斯克离开董事会") or bare names that take the question's verb ("Anthropic").
WHICH_FIRST = _cue(
    "which_first",
    r"^(.+?)(?:跟|和|与|同|还有)(.+?)[,，\s]*(?:哪个|哪件事?|哪一个|哪一件|边个|边件|边样嘢?|哪一家|哪家)(?:比较|更)?(?:先|早|在前|在先)",
    'Two things, then which came first: "A跟B,哪个先"; the parts are events or bare names.',
    ("anthropic和xai哪一家比较早成立",),
    ("anthropic是哪一年成立的",),
)
# "Altman是先跟投资人说要另起炉灶,还是先回旧金山总部跟高管见面": a subject, then two events.
FIRST_OR = _cue(
    "first_or",
    r"^(.*?)(?:是)?先(.+?)[,，\s]*还是先?(.+?)[?？。\s]*$",
    'A subject, then two events: "X是先A还是先B".',
    ("altman是先回总部还是先去微软",),
    ("altman回总部了吗",),
)
# The structure of an order question (word classes, not sentences): an interrogative beside a
# comparative or ordinal word asks which came first; two operands joined by a coordinator are
# the things compared ("A跟B,哪个在前", "what came first, A or B", "A同B边样先").
ORDER_ASKED = _cue(
    "order_asked",
    r"(?:哪|边|谁)[^,，?？。!！\s]{0,4}?(?:先|早|晚|在前|在先|在后|排前|靠前)|"
    r"\b(?:which|what|who)\b(?:\s+[\w'-]+){0,3}?\s+(?:first|earlier|sooner|later|before)\b",
    "An interrogative beside a comparative or ordinal word: asks which of what it compares came first.",
    ("chatgpt上线跟超级对齐成立谁先谁后", "what came first, the lawsuit or the letter", "a同b边样早啲"),
    ("ilya什么时候走的", "在他之前谁是cto"),
)
COORDINATOR = _cue(
    "coordinator",
    r"\s*(?:跟|同|和|与|及|还是|定(?:系|是|係)|抑或|或者|或|\bor\b|\band\b|\bvs\.?|\bversus\b)\s*",
    "Joins the two operands of an order question.",
    ("信和宣布", "the letter or the lawsuit"),
    ("先后",),
)
_OPERAND_MAX = 48  # characters
_CLAUSE_BREAK = LazyPattern(r"[,，;；、]\s*$")


def order_operands(text: str) -> list[tuple[str, str]]:
    """The ways an order question's text parts into two operands, likeliest first: the side
    of its asking words (ORDER_ASKED) that holds a coordinator, split at a coordinator after a
    clause break ("A跟B说的事,跟C,哪个先": A跟B说的事 | C) before one inside a clause. Empty
    when the question has no asking words or no coordinator beside them."""
    asked = ORDER_ASKED.search(text)
    if asked is None:
        return []
    for side in (text[: asked.start()], text[asked.end() :]):
        body = side.strip(" ,，?？。!！:：;；")
        body = re.sub(r"^(?:came|happened|was|were|is)\b[\s,，:]*", "", body)
        splits = [m for m in COORDINATOR.finditer(body) if m.start() > 0 and m.end() < len(body)]
        ranked = sorted(splits, key=lambda m: (not _CLAUSE_BREAK.search(body[: m.start()]), -m.start()))
        pairs = [(body[: m.start()].strip(" ,，、;；"), body[m.end() :].strip(" ,，、;；")) for m in ranked]
        # An operand is a clause, not a story: longer parts are no order question's, and each
        # parting costs two analyses, so only the two likeliest are tried.
        pairs = [(a, b) for a, b in pairs if 0 < len(a) <= _OPERAND_MAX and 0 < len(b) <= _OPERAND_MAX]
        if pairs:
            return pairs[:2]
    return []


# A list keyed by a day (issue #22): a day that anchors the question ("那天", "同一日", "on
# that day"), and an interrogative that asks what there was ("有咩", "有哪些", "what else").
DAY_ANCHOR = _cue(
    "day_anchor",
    r"(?:那|嗰|𠮶|当|同一|同)\s*(?:一)?\s*(?:天|日)(?![子常后]|本|报|之后|以后|以前|之前)|\b(?:that|the same|same) day\b",
    'A day the question keys on: "X那天", "同一日", "that day".',
    ("schulman走嗰日仲有咩新闻", "what else happened that day"),
    ("那天之后他去了哪", "日常工作"),
)
WHAT_THERE_WAS = _cue(
    "what_there_was",
    r"有\s*(?:啲|些|哪|边)?\s*(?:咩|什么|啥|哪些|哪几|边啲|边几|甚么)|(?:仲|还)有(?:咩|什么|啥|哪些|边啲)|"
    r"发生了?(?:什么|啥|咩|哪些)|\bwhat (?:else )?(?:happened|went on)\b|\bwhat else\b|\bwhich events\b",
    "Asks what there was (events, news, moves): with a day, the events of that day.",
    ("那天有咩进展", "同一日仲有咩大新闻", "what else happened that day"),
    ("那天他为什么走",),
)
ELSE = _cue(
    "else",
    r"仲有|还有|别的|其他|其它|另外|\belse\b|\bother\b",
    "Asks for more than what it names: the others, besides.",
    ("同一日仲有咩新闻", "what else happened"),
    ("那天有咩新闻",),
)
# What "有什么" asks for when it asks for events: nothing more, or a noun of happenings.
EVENT_NOUN = _cue(
    "event_noun",
    r"^\s*(?:[^\w\s]|$|(?:\S{0,12}?(?:的|嘅))?大?(?:事|新闻|消息|进展|动作|动静|变化|发展|嘢)|\bnews\b|\bevents?\b)",
    "Happenings asked for after 有什么: events, news, moves (not a thing such as 打算).",
    ("进展?", "同openai有关嘅大新闻"),
    ("打算",),
)
# A time told by an event before it: "X那阵", "X的时候", "X之前", "when X" (not 之后: after X
# is a succession, see SUCCESSOR).
TIME_ANCHOR = _cue(
    "time_anchor",
    r"(?:那阵|𠮶阵|嗰阵|的时候|那时候?|当时|那会儿?|之前|以前|\bwhen\b|\bat the time\b)",
    "A time told by an event: what the question asks about holds at that event's date.",
    ("altman被炒嗰阵", "schulman走的时候", "公开信之前"),
    ("altman被炒了", "公开信之后"),
)
# A group the question bounds by its name: "所谓「四大天王」里面,谁最早离开", "among the X, who".
GROUP_SCOPE = _cue(
    "group_scope",
    r"^(.{2,24}?)\s*(?:里面|里头|之中|当中|中间|入面|𠮶度|里|中)\s*[,，]?\s*(?:谁|边个|哪位|哪个|\bwho\b)|"
    r"\bamong (?:the )?(.{2,30}?)[,，]?\s*who\b",
    "A group named by the question, whose members a fact lists: the first or last of them.",
    ("所谓「四大天王」里面,谁最早离开", "among the four kings, who left first"),
    ("谁最早离开",),
)
# Taking up a post, for "谁先当上临时CEO": the start of the role the question names.
APPOINT_VERB = _cue(
    "appoint_verb",
    r"当上|当了|出任|担任|上任|接任|被任命|任命|成为|先做|先当|\bbecame\b|\bappointed\b|\bnamed\b",
    "Taking up a post: the start of the role the question names, not another appointment.",
    ("穆拉蒂当上cto", "who became interim ceo first"),
    ("穆拉蒂离开了",),
)
DATED = _cue(
    "dated",
    r"20\d\d|\d{1,2}\s*月",
    "A year or a month in the question: bounds the group a first/last question is about.",
    ("2024年9月谁最先走",),
    ("谁最先走",),
)
LATEST = _cue(
    "latest",
    r"最晚|最后|\blast\b|\blatest\b",
    "The last rather than the first of an order.",
    ("谁最晚离开", "who left last"),
    ("谁最早离开",),
)
JOIN_VERB = _cue(
    "join_verb",
    r"加入|入职|加盟|(?:到|进|来)\s*(?=[a-z])|进入|进的|进了|早进|先进(?!行|展|步)|"
    r"(?:早|先|晚)(?:啲|d|点|一点|些)?入|入(?:咗|了)?\s*(?=[a-z])|"
    r"\bjoin(?:ed)?\b|\bcame to\b|\barrived?\b",
    "Joining, for an order or a gap of arrivals (Mandarin, Cantonese 入, English).",
    ("谁先加入openai", "边个早啲入openai", "who joined first"),
    ("谁先离开",),
)

GAP = _cue(
    "gap",
    r"(?:隔了|相隔|间隔|相差|差了|相距|中间|之间|距离|过了|经过了|用了|花了|晚了|早了|前后|(?:隔|过|用|花|差)咗)\s*(?:几|多少|多久|多长)|"
    r"(?:多久|多长时间|几(?:天|年|个月))(?:之|以)?后|存在了?(?:多久|多长|几)|存续|持续了?(?:多久|多长|几)|"
    r"从.{1,30}到.{1,30}(?:多久|几天|几年|几个月|多长|多少天)|"
    r"(?:几|多少)\s*(?:天|日|个月)|\bhow many (?:days|weeks|months|years)\b|\bhow long (?:between|after|before|from|until)\b|"
    r"(?:才|没)(?:多久|几天|几个月|几年)\s*[,，]?\s*(?:就|便)|隔(?:了)?\s*(?:多久|多长|几)|(?:多久|几个月|几年|几天)(?:就|便|又|才)|(?:之|以)后\s*(?:大概|大约|约)?\s*(?:过了?)?\s*(?:多久|多长时间|几个月|几年|几天)|"
    r"认识了?(?:多久|多少年|几年)|"
    r"从.{1,30}到.{1,30}(?:多少年|几耐)",
    "How long between two things: routes to the duration frame.",
    (
        "altman被炒到回归隔了几天",
        "ilya走了之后过了几个月schulman也走了",
        "how many months between the two",
        "a到b隔咗几耐",
    ),
    ("altman什么时候被炒的",),
)
# How long someone held a post: "Mira当了多久的CTO", "做了几年CEO", "how long was she CTO".
ROLE_TENURE = _cue(
    "role_tenure",
    r"(?:当|做|担任|任|干)(?:了|咗)?(?:多久|多长时间|几年|几个月|几耐|多少年)|"
    r"\bhow long (?:was|did|had) \w+(?: \w+)? (?:been |be |serve |serve as |stay )?(?:as )?(?:the )?(?:ceo|cto|cfo|chief|president|chair)",
    "How long someone held a post.",
    ("mira当了多久的cto", "how long was she cto"),
    ("mira是什么时候当上cto的",),
)
# The day of something asked outright: "哪一天", "几号", "what day".
DAY_ASKED = _cue(
    "day_asked",
    r"哪一?天|几号|几月几[日号]|具体日期|\bwhat day\b|\bwhich day\b|\bexact date\b|\bwhat date\b",
    "The day of something asked outright: a move dated only to the month is declined, saying so.",
    ("altman是哪一天复职的", "what day did he return"),
    ("altman是哪一年加入的",),
)
WHEN_ASKED = _cue(
    "when_asked",
    r"什么时候|啥时候|几时|何时|哪一?年|哪一?天|几号|几月|\bwhen\b|\bwhat year\b|\bwhich year\b",
    "When something happened.",
    ("karpathy第二次离开是什么时候", "when did he leave"),
    ("karpathy为什么离开",),
)
AGAIN = _cue(
    "again",
    r"第二次|再次|又一次|再一次|第二回|\bsecond time\b|\bagain\b",
    "A second time: the second move or event of its kind.",
    ("karpathy第二次离开", "when did he leave again"),
    ("karpathy第一次离开",),
)
FIRST_TIME = _cue(
    "first_time",
    r"第一次|首次|头一次|第一回|\bfirst\b",
    "A first time: the earliest event of its kind.",
    ("马斯克第一次告openai",),
    ("马斯克告openai",),
)
LAST_TIME = _cue(
    "last_time",
    r"最后一次|再次|第二次|\blast\b|\bsecond\b|\bagain\b",
    "A last or second time: the latest event of its kind.",
    ("马斯克再次起诉openai", "the last time he sued"),
    ("马斯克起诉openai",),
)
TENURE = _cue(
    "tenure",
    r"(?:待了|呆了|干了|做了|工作了|任职|在职|服务了|效力|做咗|待咗|喺.{1,10}做咗|在.{1,12}(?:待|呆|干|做|工作))"
    r".{0,4}(?:多久|几年|多长|多少年|几耐|多少个?月)|"
    r"\bhow long (?:was|did|had|has)\b.{1,30}\b(?:at|with|work|stay)|\btenure\b|"
    r"\bhow many (?:years|yrs|months)\b (?:was|did|had|has|have)\b.{1,30}\b(?:at|with|work|stay|spen[dt])\b",
    "How long someone stayed at an organisation: from their joining to their leaving.",
    ("karpathy在openai待了几年", "how long did he work at openai", "how many yrs was she at openai"),
    ("karpathy什么时候离开openai",),
)

LIST = _cue(
    "list",
    r"谁(?:离开|离职|走|加入|跳槽|去了)|(?:提到|提及|点名|说到|讲到)了?(?:哪些|哪几|谁)|"
    r"哪些|哪几|哪一些|有谁|都有谁|列一下|列个|列下|都是谁|是哪些|还有谁|是谁们|都[^,?？。]{0,6}(?:哪|谁)|都(?:创办|开|创立|成立|办)了?(?:什么|啥)|还剩|剩下|剩几|名单|列出|列举|一共有|总共有|"
    r"多少(?:个|位|名)?人|几(?:个|位|名)(?:人|创始人|联合创始人|高管)?|"
    r"边几个|边啲|有边个|咩人|"
    r"\bwho (?:all|else|are|were|left|joined|went|still)\b|\bwho\b(?! is\b| was\b).{0,12}\b(?:left|quit|remain|stayed|joined)\b|\bwhich (?:people|founders|co-?founders|execs|executives|companies|ones)\b|"
    r"有冇人|有没有人|\blist\b|\bhow many\b|\bname (?:all|the|every)\b|"
    r"\bwhich\b.{0,25}\b(?:people|founders|co-?founders|execs|executives|companies|employees|researchers)\b",
    "A list or a count of people or things: routes to the list frame.",
    ("哪些人离开了openai", "who else left", "有边几个走咗"),
    ("altman为什么被解雇",),
)
# Things brought out, asked as a list: "2024年发布了哪些模型", "which models did it release".
RELEASED_THINGS = _cue(
    "released_things",
    r"(?:发布|推出|上线|面世|问世)[^,?？。]{0,8}(?:模型|产品)|(?:模型|产品)[^,?？。]{0,6}(?:发布|推出|上线|面世|问世)"
    r"|\b(?:models?|products?)\b.{0,30}\b(?:release|launch|ship)|\b(?:release|launch|ship)\w*\b.{0,30}\b(?:models?|products?)\b",
    "Products or models brought out: the release events, by organisation and time.",
    ("2024年openai发布了哪些新模型", "which models did meta release"),
    ("sora是什么时候发布的", "2024年有哪些人离开"),
)
FOUNDER = _cue(
    "founder",
    r"创始|联创|元老|创业伙伴|\bco-?founders?\b|\bfounders?\b|\bfounding\b",
    "Founders: the list or order is of the founding team.",
    ("openai的联合创始人还剩谁", "which co-founders left"),
    ("openai的员工还剩多少",),
)
COMPANY_FOUNDED = _cue(
    "company_founded",
    r"(?:开|创|办|成立|创立|创办|搞)了?(?:什么|啥|哪些|哪几家|几家|哪家|咩)?(?:新)?(?:公司|企业|初创|创业公司)|"
    r"自立门户|创业(?!元老|伙伴|团队|初期)|单干|\bfounded\b|\bstart(?:ed)? (?:a |their own |new )?(?:compan|startup)|\bcompanies\b",
    "Companies people founded: a list of the companies founded after leaving.",
    ("离开openai的人都创办了哪些公司", "who started their own company"),
    ("哪些人离开了openai",),
)
REMAINING = _cue(
    "remaining",
    r"还剩|剩下|还在|留下|留着|留在|留喺|没走|仍在|仲喺|仲有边个|\bremain|\bstill\b|\bleft at\b",
    "Those still there: the founders who have not left.",
    ("联合创始人还剩谁", "who is still at openai"),
    ("联合创始人有谁",),
)
# Leaving as what people did, not as a thing named ("离职协议", "离职潮", "the board resign").
LEAVE = _cue(
    "leave",
    r"(?:离开|离职|走了|走人|出走|(?<![出行])走的|辞职|退出|跳槽|跳去|去了|投奔|转投|走咗|跳咗|去咗|跑了|跑路|跑去|跑到|转去|转到|转投|投靠|跳到|出去|(?:从|由).{1,10}(?:过去|过来|跳)|\bwent to\b|\bmoved to\b|\bleft\b|\bleave\b|\bquit\b|\bdepart\w*|"
    r"(?<!board )\bresign\w*)(?!协议|协定|条款|声明|说明|信|原因|理由|潮|风波|员工)",
    "Leaving as what people did, not a thing named (离职协议, 离职潮).",
    ("哪些人离开了openai", "who left"),
    ("离职协议是什么",),
)
# A list of people is asked for ("哪些人", "谁", "高管"), not of things ("哪些研究方向").
PEOPLE_ASKED = _cue(
    "people_asked",
    r"谁|哪些人|哪几(?:个|位)|哪个人|哪位|多少(?:个|位|名)?人|几(?:个|位|名)|人员?|高管|高层|员工|成员|研究员|创始人|联创|元老|"
    r"边个|边几个|边啲|\bwho\b|\bpeople\b|\bpersons?\b|\bexecutives?\b|\bexecs\b|\bemployees\b|\bfounders?\b|"
    r"\bco-?founders?\b|\beveryone\b|\bstaff\b|\bones\b",
    "A list of people is asked for, not of things.",
    ("哪些人去了anthropic", "which executives left"),
    ("他在新团队做哪些研究方向",),
)
ONE_ASKED = _cue(
    "one_asked",
    r"\s*(?:who|what|which one) (?:is|was)\b",
    "One person or thing asked for by an English copula: a fact answers.",
    ("who is the product manager who left",),
    ("who left openai",),
)
ASKS_COMPANIES = _cue(
    "asks_companies",
    r"(?:哪些|哪几家|几家|哪家|什么|啥)(?:公司|企业|机构)|\bwhich (?:companies|firms)\b",
    "Which companies, not which people: a fact answers.",
    ("他投资了哪些公司", "which companies"),
    ("哪些人离开了",),
)
COUNT = _cue(
    "count",
    r"多少|(?<![哪边这那])几|\bhow many\b|\bnumber of\b",
    "How many: the count and the items (not 哪几/边几, which ask which ones; not 这几篇).",
    ("有多少人离开了", "how many left", "走了几个人"),
    ("哪些人离开了", "边几个人走咗", "这几篇文章"),
)
# Which ones, not how many: a list of items asked by an interrogative of several.
WHICH_ONES = _cue(
    "which_ones",
    r"边几|哪几|哪些|哪一些|边啲|边些|分别|各自|哪两|边两|\bwhich (?!one\b)|\bwhat (?:are|were)\b",
    "Which ones are asked, not how many: a how-many reading of it is a misreading.",
    ("佢点名咗边几个人", "住过边几个国家", "主要靠哪两块"),
    ("有几多个人", "which one"),
)
# A count asked outright: with it, which-ones words ask for the count and the items.
TRUE_COUNT = _cue(
    "true_count",
    r"多少|几多|(?<![哪边这那])几(?:个|位|名|家|间|种|次)|\bhow many\b|\bnumber of\b",
    "A count asked outright.",
    ("有几多个人", "how many people"),
    ("边几个人",),
)
RETURN = _cue(
    "return",
    r"回归|回去|回到|回来|返回|重返|复职|(?<![来返])回(?:了|咗)?\s*(?=[a-z])|\breturn|\bcame back\b|\bwent back\b",
    "Coming back: the move after a departure, or the stay that began with it.",
    ("karpathy回归openai", "2023年回openai那次", "after he came back"),
    ("karpathy离开openai",),
)
# Worked at an organisation at some time: "哪些人以前在Meta干过", "who worked at Google".
WORKED_AT = _cue(
    "worked_at",
    r"在.{1,20}?(?:干过|工作过|待过|呆过|任职过|做过|效力过|上过班|实习过)|(?:曾|以前|之前|此前|曾经)在.{1,20}(?:工作|任职|干|做|待)|"
    r"\bworked (?:at|for|in)\b|\bused to work\b|\bformerly (?:at|of)\b",
    "Worked at an organisation at some time.",
    ("哪些人以前在meta干过", "who worked at google"),
    ("哪些人去了meta",),
)
ARRIVE = _cue(
    "arrive",
    r"加入|入职|新来|上任|加盟|\bjoined\b|\bhired\b",
    "Arriving: a list of those who joined.",
    ("2024年有哪些人加入了openai", "who was hired"),
    ("2024年有哪些人离开了openai",),
)

# Why so many of something happened ("为什么今年这么多高管走了", "why did so many leave"): many
# cases have more than one reason, so the question asks for the reasons, not the one that fits best.
_MANY_WHY = (
    r"(?:为什么|为何|为啥|点解|怎么会)[^?？。]{0,20}(?:这么多|那么多|咁多|如此多|这样多|大批|纷纷)|"
    r"\bwhy\b[^?]{0,30}\bso many\b"
)

DIGEST = _cue(
    "digest",
    r"(?:讲讲|说说|介绍一下|聊聊|讲下|讲一讲).{1,20}(?:的|嘅)?(?:经历|故事)|"
    r"扮演了?(?:什么|啥|怎样的?|甚么)?角色|起了?(?:什么|啥)作用|(?:什么|啥|咩)角色|经历了?(?:什么|啥|哪些)|"
    r"最后怎么了|后来怎么了|怎么了|最后怎么样|后来怎么样|结局|下场|来龙去脉|始末|前因后果|"
    r"发生了(?:什么|啥|哪些|甚么)|发生咗咩|有哪些说法|哪些说法|什么说法|几种说法|为什么这么多人|为何这么多人|"
    + _MANY_WHY
    + r"|"
    r"点解咁多人|总结一下|概括一下|怎么回事|怎么闹(?:掰|翻)|恩怨|过节|瓜葛|什么来头|啥来头|什么来历|从头到尾|"
    r"渊源|"
    r"什么关系|啥关系|关系(?:怎么样|如何)|\brole in the\b|\bpart in the\b|(?:哪些|什么|几种|啥)(?:原因|理由)的?说法|\bwhat role\b|\bwhat happened\b|\bsummar|\bsum up\b|\boverview\b",
    "A broad question: a short digest of the facts that matter most.",
    ("微软在这场风波里扮演了什么角色", "马斯克跟ilya有什么渊源", "what happened to the superalignment team"),
    ("微软投资了多少钱",),
)
# A broad question that asks for several things outright: "有哪些说法", "为什么这么多人离开".
SEVERAL_ASKED = _cue(
    "several_asked",
    r"什么关系|啥关系|咩关系|关系(?:怎么样|如何)|\brelationship\b|"
    r"哪些说法|几种说法|有哪些原因|哪些原因|为什么这么多人|为何这么多人|点解咁多人|\breasons\b|\bwhat happened\b|"
    + _MANY_WHY
    + r"|"
    r"恩怨|怎么闹(?:掰|翻)|过节|来龙去脉|始末|前因后果|从头到尾|经历了|渊源",
    "A broad question that asks for several things outright: a digest even when one fact leads.",
    ("董事会开除奥特曼有哪些说法", "altman和brockman之间有什么渊源"),
    ("奥特曼为什么被开除",),
)
# A story: the events of a subject from first to last ("超级对齐团队从头到尾经历了什么").
STORY = _cue(
    "story",
    r"来龙去脉|始末|前因后果|从头到尾|经历|后来怎么|最后怎么|怎么了|结局|下场|\bwhat happened\b",
    "A story: the events of a subject from first to last.",
    ("超级对齐团队从头到尾经历了什么", "what happened to the team"),
    ("超级对齐团队是谁带领的",),
)
# Two named things and how they relate ("讲讲Sutskever和这次政变的关系"): broad when both are
# in the fact base, not "人和什么的关系".
RELATION = _cue(
    "relation",
    r"(?:和|跟|与).{1,12}的?关系|\brelationship\b",
    "Two named things and how they relate: broad when no one fact answers.",
    ("讲讲sutskever和这次政变的关系",),
    ("sutskever是谁",),
)
WHY = _cue(
    "why",
    r"为什么|为何|为啥|原因|说法|理由|点解|\bwhy\b|\breasons?\b",
    "A reason is asked: a digest prefers the facts that give one.",
    ("为什么这么多人离开openai", "why did they leave"),
    ("谁离开了openai",),
)
ASKS_WHO = _cue(
    "asks_who",
    r"谁|哪|边(?:个|位|一位|一个)|\bwho\b|\bwhich\b",
    "Who or which: a role-holder question asks for holders.",
    ("11月19日openai的ceo是谁", "which ceo"),
    ("ceo什么时候上任",),
)
# Several holders asked outright, even beside a name ("Altman被赶走期间都有谁代理过CEO").
PLURAL_HOLDERS = _cue(
    "plural_holders",
    r"都有谁|有哪些人|分别是谁|哪几个|哪几位|先后|历任|\bwho were\b",
    "Several holders asked outright, even beside a name.",
    ("altman被赶走期间都有谁代理过ceo", "who were the ceos"),
    ("altman是ceo吗",),
)
# A span before or after a year: "2023年以前", "2020年以后".
BEFORE_YEAR = _cue(
    "before_year",
    r"(20\d\d)\s*年?\s*(?:以前|之前|前)|\bbefore (20\d\d)\b",
    'A span up to a year: "2023年以前".',
    ("2023年以前离开的创始人", "before 2020"),
    ("2023年离开的创始人",),
)
AFTER_YEAR = _cue(
    "after_year",
    r"(20\d\d)\s*年?\s*(?:以后|之后|后|起|以来)|\b(?:after|since) (20\d\d)\b",
    'A span from a year: "2020年以后".',
    ("2020年以后离开的人", "since 2021"),
    ("2020年离开的人",),
)
LIFETIME = _cue(
    "lifetime",
    r"存在了?(?:多久|多长|几)|存续|持续了?(?:多久|多长|几)|\bhow long did .{1,30} (?:last|exist)\b",
    "How long a team or organisation existed.",
    ("超级对齐团队存在了多久", "how long did the team last"),
    ("超级对齐团队什么时候成立",),
)
# The holder before or after a named one: "在Jakub之前…首席科学家是谁", "谁接任了CTO".
# Anchored on the holder ("在X之前", "X走了以后", "X的前任"), not "X之前是哪家的CEO" (before
# the post, about X), and asking who (not which company).
PREDECESSOR = _cue(
    "predecessor",
    r"在[^,，?？]{1,20}(?:之前|以前)|前任|上一任|前一任|\bpredecessor\b|\bpreceded\b",
    "The holder before a named one.",
    ("在jakub之前首席科学家是谁", "who was his predecessor"),
    ("jakub之前是哪家的ceo",),
)
SUCCESSOR = _cue(
    "successor",
    r"接任|接替|继任|(?:走|离开|离职|辞职|下台|解雇|开除|炒)了?(?:之后|以后)|在[^,，?？]{1,20}(?:之后|以后)|"
    r"后任|下一任|\bsucceed|\breplac",
    "The holder after a named one.",
    ("murati走了以后谁接任了cto", "who replaced her"),
    ("murati是cto吗",),
)
ASKS_WHO_PERSON = _cue(
    "asks_who_person",
    r"谁|哪位|哪一位|边个|\bwho\b",
    "Who, of a person.",
    ("谁接任了cto", "who replaced her"),
    ("哪家公司接手了",),
)
SEQUENCE_OF_HOLDERS = _cue(
    "sequence_of_holders",
    r"换了|历任|先后|当过|担任过|做过|几任|几个|哪几|哪些|都有谁|有谁|[两三四五]个|\ball\b|\bevery\b|\bformer\b|"
    r"\bsuccession\b|\bin turn\b|\bwho were\b|(?<![a-z])(?:ceo|cto|cfo)s\b",
    "Words that ask for every holder of a post in turn.",
    ("四天换了哪四个ceo", "all the ceos"),
    ("openai的ceo是谁",),
)
# Those a list leaves out: "除了Altman被炒,还有谁辞职" asks for the others.
BESIDES = _cue(
    "besides",
    r"(?:除了|除咗|除开|除去|\bbesides\b|\bother than\b|\bapart from\b|\bexcept(?: for)?\b)\s*(.{1,30}?)\s*"
    r"(?:之外|以外|外|[,，?？]|还有|仲有|\bwho\b|$)",
    "Someone a list question leaves out: the people named in it are not its subject nor its items.",
    ("除了altman被炒,还有谁辞职", "除咗ilya仲有边个走咗", "who left besides ilya"),
    ("altman被炒之后谁辞职了",),
)
# Where someone worked, as a list of employers: "她之前在哪些公司工作过", "返过工嘅公司有边几间".
CAREER = _cue(
    "career",
    r"(?:工作|做|干|返工|返过工|任职|上班|待|呆)过?(?:嘅|的)?(?:公司|企业|机构|地方)|"
    r"(?:工作|返工|任职|上班)过?.{0,12}(?:哪些|哪几|边几|边啲)(?:间|家|公司)|"
    r"\bwhere did .{1,30} work\b|\b(?:companies|employers)\b.{0,30}\bwork",
    "Which organisations someone worked at: their roles elsewhere, in date order.",
    ("mira之前工作过的公司有哪些", "入openai之前返过工嘅公司有边几间", "where did she work before"),
    ("mira为什么离开openai",),
)
# Before they joined the home organisation: "加入OpenAI之前", "before OpenAI".
BEFORE_HOME = _cue(
    "before_home",
    r"之前|以前|此前|\bbefore\b|\bprior\b",
    "Before something: with a career question, the roles before they joined the home organisation.",
    ("加入openai之前", "before joining"),
    ("加入openai之后",),
)
# Posts asked for as a kind of thing ("哪些职位", "身兼哪两个职务", "which positions"), not a
# part played in a story ("扮演什么角色": a digest).
TITLES_ASKED = _cue(
    "titles_asked",
    r"职位|职务|头衔|岗位|官职|衔头|\bpositions?\b|\btitles?\b|\bposts\b|\broles\b",
    "Posts asked for as a kind of thing: with a person and several asked, the posts they held.",
    ("穆拉蒂做过哪些职位", "which positions did she hold"),
    ("微软扮演了什么角色",),
)
# Several posts asked of one person: which ones, each, over time, or held at once.
SEVERAL_HELD = _cue(
    "several_held",
    r"哪些|哪几|边几|边啲|哪两|边两|分别|各自|前前后后|先后|历任|身兼|兼任|兼|都(?:做|当|担任)|"
    r"(?:做|当|担任|任)过|\bwhich\b|\ball\b|\bheld\b|\bevery\b",
    "Several posts asked of one person: which ones, over time, or held at once.",
    ("mira在openai前前后后做过哪些职位", "他当时身兼哪两个职务"),
    ("他现在是什么职位",),
)
# Every time something happened: "前前后后有哪几次", "告过几次", "how many times".
OCCASIONS = _cue(
    "occasions",
    r"几次|前前后后|历次|每一?次|\bevery time\b|\beach time\b|\bhow many times\b",
    "Every occasion of a kind of event about what the question names, in date order.",
    ("马斯克前前后后告过openai几次", "how many times did he sue"),
    ("马斯克第一次告openai是什么时候",),
)
# Every cue above, for the rule catalogue.
CUES: tuple[Cue, ...] = tuple(_CUES)


# Each of several asked for: "各自是什么职位", "分别任什么职", "what were their respective roles".
EACH = _cue(
    "each",
    r"各自|分别|各(?:是|任|做|担任)|\brespective(?:ly)?\b|\beach\b",
    "Each of several asked for: with posts asked, a list of people with the post each held.",
    ("那三个人原本各自是什么职位", "what were their respective titles"),
    ("他是什么职位",),
)


def detect(text: str) -> Frame | None:
    """The frame a simplified, case-folded question asks in, by its cue words."""
    # First or last of a group the question bounds: the founders, or those of a date.
    bounded = FOUNDER.search(text) or DATED.search(text)
    if ORDER_PAIR.search(text) or (ORDER_EXTREME.search(text) and bounded):
        return Frame.ORDER
    if GAP.search(text) or TENURE.search(text) or ROLE_TENURE.search(text):
        return Frame.DURATION
    if DIGEST.search(text):
        return Frame.DIGEST
    if LIST.search(text) or (EACH.search(text) and TITLES_ASKED.search(text)):
        return Frame.LIST
    return None


# The kind of event a verb names, for finding "the firing" or "the hiring" among close matches.
_EVENT_VERBS: tuple[tuple[LazyPattern, frozenset[EventType]], ...] = tuple(
    (_re(pattern), frozenset(types))
    for pattern, types in (
        (r"解雇|开除|炒|辞退|罢免|被开|踢出|fired|firing|ousted|kicked out", {EventType.FIRED}),
        (r"聘|任命|出任|接任|担任|上任|appoint|hired|named", {EventType.APPOINTED}),
        (r"辞职|离职|离开|走|resign|quit|left|leav", {EventType.RESIGNED, EventType.LEFT}),
        (r"加入|入职|joined|join", {EventType.JOINED}),
        (r"回归|复职|重新聘|return|reinstat", {EventType.REINSTATED}),
        (r"成立|创立|创办|founded", {EventType.FOUNDED}),
        (r"解散|dissolv|disband", {EventType.DISSOLVED}),
        (r"起诉|告上|(?<!撤)诉(?!讼)|(?<![报公警广忠])告(?!诉|知|别|诫|示)|sued|lawsuit", {EventType.SUED}),
        (r"撤诉|撤回|撤销|withdr|dropp", {EventType.WITHDREW}),
        (r"休假|leave of absence|sabbatical", {EventType.TOOK_LEAVE}),
        (r"宣布|公布|announc", {EventType.ANNOUNCED}),
        # A product or model coming out, in the words people use for it.
        (
            r"发布|推出|上线|面世|问世|亮相|开源|出咗|release|launch|dropp|ship(?:ped|s)?\b|came out|rolled out",
            {EventType.RELEASED},
        ),
    )
)


def event_types(text: str) -> frozenset[EventType]:
    """The event types the verbs of a part of a question name."""
    found: frozenset[EventType] = frozenset()
    for pattern, types in _EVENT_VERBS:
        if pattern.search(text):
            found |= types
    return found


def left_from(text: str, names: list[str]) -> bool:
    """The question says someone left this organisation ("离开Anthropic"), by any of its names."""
    for name in names:
        folded = name.casefold()
        if re.search(r"(?:离开|离职|走出|脱离|\bleft\b|\bleaving\b|\bquit\b)\s*" + re.escape(folded), text):
            return True
    return False
