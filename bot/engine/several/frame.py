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

from bot.factbase.models import EventType


class Frame(StrEnum):
    ORDER = "order"
    DURATION = "duration"
    ROLE_AT = "role_at"
    LIST = "list"
    DIGEST = "digest"


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


ORDER_PAIR = _re(
    r"哪(?:个|位|一个|一位|家|一家|件|件事|一件)(?:比较|更)?(?:早|先|晚)|哪个?先发生|是先.{1,40}还是先?|"
    r"\b(?:leave|left|quit|join(?:ed)?|depart(?:ed)?)\b.{0,20}\b(?:before|after|earlier than|later than)\b|"
    r"谁先|谁后|谁(?:比较|更)?早|谁(?:比较|更)?晚|先后|哪个先|边个先|边个早|谁第一个|"
    r"(?:边样|边件|边单)(?:嘢|事)?(?:先|早)|哪(?:个|件|一个|一件|件事|样)?(?:在前|在先|排前)|(?:谁|边个|哪个|哪位)最(?:早|先|晚)(?:走|离开|离职|加入)|"
    r"(?<!是)先.{1,40}[,，\s]还是.{1,40}先|"
    r"早过|先走|在.{1,12}之前还是之后|之前还是之后|前面?还是后面?|以前还是以后|\bwho (?:left|quit|joined|went)(?: \w+)? first\b|"
    r"\bfirst to (?:leave|quit|join)\b|\bearlier\b|\bbefore or after\b"
)
# First or last to do something: the superlative next to its verb ("最早离开", "最后一个走的",
# "first to leave", "left first"), not "最早那11个创始人".
ORDER_EXTREME = _re(
    r"(?:最先|最早|第一个|头一个|最晚|最后一个|最后|最後)(?:一个|一位|个|位|才)?(?:宣布|官宣|提出)?(?:离开|离职|走|辞职|出走|跳槽|加入|入职)|"
    r"\b(?:first|last|earliest|latest)\b.{0,30}\bto (?:leave|quit|go|depart|join)|"
    r"\b(?:left|quit|joined|departed) (?:the )?(?:first|last|earliest|latest)\b"
)
# Two events in order: "A是发生在B前面还是后面", "was A before or after B".
EVENT_ORDER = _re(
    r"^(.+?)[,，]?\s*(?:是)?(?:发生)?在(.+?)(?:的)?(?:之|以)?前面?还是(?:之|以)?后面?|"
    r"^(?:did|was|is|does|were) (.+?) (?:happen |come |take place )?before or after (.+?)\??$"
)
# "A跟B,哪个先发生", "A和B哪一家比较早成立": two things, then which came first. The parts may
# be events ("马斯克离开董事会") or bare names that take the question's verb ("Anthropic").
WHICH_FIRST = _re(
    r"^(.+?)(?:跟|和|与|同|还有)(.+?)[,，\s]*(?:哪个|哪件事?|哪一个|哪一件|边个|边件|边样嘢?|哪一家|哪家)(?:比较|更)?(?:先|早|在前|在先)"
)
# "Altman是先跟投资人说要另起炉灶,还是先回旧金山总部跟高管见面": a subject, then two events.
FIRST_OR = _re(r"^(.*?)(?:是)?先(.+?)[,，\s]*还是先?(.+?)[?？。\s]*$")
# Taking up a post, for "谁先当上临时CEO": the start of the role the question names.
APPOINT_VERB = _re(
    r"当上|当了|出任|担任|上任|接任|被任命|任命|成为|先做|先当|\bbecame\b|\bappointed\b|\bnamed\b"
)
DATED = _re(r"20\d\d|\d{1,2}\s*月")
LATEST = _re(r"最晚|最后|\blast\b|\blatest\b")
JOIN_VERB = _re(
    r"加入|入职|加盟|到openai|进openai|来openai|进入|进的|进了|早进|先进(?!行|展|步)|"
    r"(?:早|先|晚)(?:啲|d|点|一点|些)?入|入(?:咗|了)?\s*(?=openai|anthropic|[a-z])|"
    r"\bjoin(?:ed)?\b|\bcame to\b|\barrived?\b"
)

GAP = _re(
    r"(?:隔了|相隔|间隔|相差|差了|相距|中间|之间|距离|过了|经过了|用了|花了|晚了|早了|前后)\s*(?:几|多少|多久|多长)|"
    r"(?:多久|多长时间|几(?:天|年|个月))(?:之|以)?后|存在了?(?:多久|多长|几)|存续|持续了?(?:多久|多长|几)|"
    r"从.{1,30}到.{1,30}(?:多久|几天|几年|几个月|多长|多少天)|"
    r"(?:几|多少)\s*(?:天|日|个月)|\bhow many (?:days|weeks|months|years)\b|\bhow long (?:between|after|before|from|until)\b|"
    r"(?:才|没)(?:多久|几天|几个月|几年)\s*[,，]?\s*(?:就|便)|隔(?:了)?\s*(?:多久|多长|几)|(?:多久|几个月|几年|几天)(?:就|便|又|才)|(?:之|以)后\s*(?:大概|大约|约)?\s*(?:过了?)?\s*(?:多久|多长时间|几个月|几年|几天)|"
    r"认识了?(?:多久|多少年|几年)|"
    r"从.{1,30}到.{1,30}(?:多少年|几耐)"
)
# How long someone held a post: "Mira当了多久的CTO", "做了几年CEO", "how long was she CTO".
ROLE_TENURE = _re(
    r"(?:当|做|担任|任|干)(?:了|咗)?(?:多久|多长时间|几年|几个月|几耐|多少年)|"
    r"\bhow long (?:was|did|had) \w+(?: \w+)? (?:been |be |serve |serve as |stay )?(?:as )?(?:the )?(?:ceo|cto|cfo|chief|president|chair)"
)
# The day of something asked outright: "哪一天", "几号", "what day".
DAY_ASKED = _re(r"哪一?天|几号|几月几[日号]|具体日期|\bwhat day\b|\bwhich day\b|\bexact date\b|\bwhat date\b")
WHEN_ASKED = _re(r"什么时候|啥时候|几时|何时|哪一?年|哪一?天|几号|几月|\bwhen\b|\bwhat year\b|\bwhich year\b")
AGAIN = _re(r"第二次|再次|又一次|再一次|第二回|\bsecond time\b|\bagain\b")
FIRST_TIME = _re(r"第一次|首次|头一次|第一回|\bfirst\b")
LAST_TIME = _re(r"最后一次|再次|第二次|\blast\b|\bsecond\b|\bagain\b")
TENURE = _re(
    r"(?:待了|呆了|干了|做了|工作了|任职|在职|服务了|效力|做咗|待咗|喺.{1,10}做咗|在.{1,12}(?:待|呆|干|做|工作))"
    r".{0,4}(?:多久|几年|多长|多少年|几耐|多少个?月)|"
    r"\bhow long (?:was|did|had|has)\b.{1,30}\b(?:at|with|work|stay)|\btenure\b"
)

LIST = _re(
    r"谁(?:离开|离职|走|加入|跳槽|去了)|(?:提到|提及|点名|说到|讲到)了?(?:哪些|哪几|谁)|"
    r"哪些|哪几|哪一些|有谁|都有谁|列一下|列个|列下|都是谁|是哪些|还有谁|是谁们|都[^,?？。]{0,6}(?:哪|谁)|都(?:创办|开|创立|成立|办)了?(?:什么|啥)|还剩|剩下|剩几|名单|列出|列举|一共有|总共有|"
    r"多少(?:个|位|名)?人|几(?:个|位|名)(?:人|创始人|联合创始人|高管)?|"
    r"边几个|边啲|有边个|咩人|"
    r"\bwho (?:all|else|are|were|left|joined|went|still)\b|\bwho\b(?! is\b| was\b).{0,12}\b(?:left|quit|remain|stayed|joined)\b|\bwhich (?:people|founders|co-?founders|execs|executives|companies|ones)\b|"
    r"有冇人|有没有人|\blist\b|\bhow many\b|\bname (?:all|the|every)\b|"
    r"\bwhich\b.{0,25}\b(?:people|founders|co-?founders|execs|executives|companies|employees|researchers)\b"
)
FOUNDER = _re(r"创始|联创|元老|创业伙伴|\bco-?founders?\b|\bfounders?\b|\bfounding\b")
COMPANY_FOUNDED = _re(
    r"(?:开|创|办|成立|创立|创办|搞)了?(?:什么|啥|哪些|哪几家|几家|哪家|咩)?(?:新)?(?:公司|企业|初创|创业公司)|"
    r"自立门户|创业(?!元老|伙伴|团队|初期)|单干|\bfounded\b|\bstart(?:ed)? (?:a |their own |new )?(?:compan|startup)|\bcompanies\b"
)
REMAINING = _re(r"还剩|剩下|还在|留下|留着|没走|仍在|仲喺|仲有边个|\bremain|\bstill\b|\bleft at\b")
# Leaving as what people did, not as a thing named ("离职协议", "离职潮", "the board resign").
LEAVE = _re(
    r"(?:离开|离职|走了|走人|出走|辞职|退出|跳槽|跳去|去了|投奔|转投|走咗|跳咗|去咗|跑了|跑路|跑去|跑到|转去|转到|转投|投靠|跳到|出去|(?:从|由).{1,10}(?:过去|过来|跳)|\bwent to\b|\bmoved to\b|\bleft\b|\bleave\b|\bquit\b|\bdepart\w*|"
    r"(?<!board )\bresign\w*)(?!协议|协定|条款|声明|说明|信|原因|理由|潮|风波|员工)"
)
# A list of people is asked for ("哪些人", "谁", "高管"), not of things ("哪些研究方向").
PEOPLE_ASKED = _re(
    r"谁|哪些人|哪几(?:个|位)|哪个人|哪位|多少(?:个|位|名)?人|几(?:个|位|名)|人员?|高管|员工|成员|研究员|创始人|联创|元老|"
    r"边个|边几个|边啲|\bwho\b|\bpeople\b|\bpersons?\b|\bexecutives?\b|\bexecs\b|\bemployees\b|\bfounders?\b|"
    r"\bco-?founders?\b|\beveryone\b|\bstaff\b|\bones\b"
)
ONE_ASKED = _re(r"\s*(?:who|what|which one) (?:is|was)\b")
ASKS_COMPANIES = _re(r"(?:哪些|哪几家|几家|哪家|什么|啥)(?:公司|企业|机构)|\bwhich (?:companies|firms)\b")
COUNT = _re(r"多少|(?<!哪)几|\bhow many\b|\bnumber of\b")
RETURN = _re(
    r"回归|回去|回到|回来|返回|重返|复职|(?<![来返])回(?:了|咗)?\s*(?=[a-z])|\breturn|\bcame back\b|\bwent back\b"
)
# Worked at an organisation at some time: "哪些人以前在Meta干过", "who worked at Google".
WORKED_AT = _re(
    r"在.{1,20}?(?:干过|工作过|待过|呆过|任职过|做过|效力过|上过班|实习过)|(?:曾|以前|之前|此前|曾经)在.{1,20}(?:工作|任职|干|做|待)|"
    r"\bworked (?:at|for|in)\b|\bused to work\b|\bformerly (?:at|of)\b"
)
ARRIVE = _re(r"加入|入职|新来|上任|加盟|\bjoined\b|\bhired\b")

DIGEST = _re(
    r"(?:讲讲|说说|介绍一下|聊聊|讲下|讲一讲).{1,20}(?:的|嘅)?(?:经历|故事)|"
    r"扮演了?(?:什么|啥|怎样的?|甚么)?角色|起了?(?:什么|啥)作用|(?:什么|啥|咩)角色|经历了?(?:什么|啥|哪些)|"
    r"最后怎么了|后来怎么了|怎么了|最后怎么样|后来怎么样|结局|下场|来龙去脉|始末|前因后果|"
    r"发生了(?:什么|啥|哪些|甚么)|发生咗咩|有哪些说法|哪些说法|什么说法|几种说法|为什么这么多人|为何这么多人|"
    r"点解咁多人|总结一下|概括一下|怎么回事|怎么闹(?:掰|翻)|恩怨|过节|瓜葛|什么来头|啥来头|什么来历|从头到尾|"
    r"渊源|"
    r"什么关系|啥关系|关系(?:怎么样|如何)|\brole in the\b|\bpart in the\b|(?:哪些|什么|几种|啥)(?:原因|理由)的?说法|\bwhat role\b|\bwhat happened\b|\bsummar|\bsum up\b|\boverview\b"
)
# A broad question that asks for several things outright: "有哪些说法", "为什么这么多人离开".
SEVERAL_ASKED = _re(
    r"什么关系|啥关系|咩关系|关系(?:怎么样|如何)|\brelationship\b|"
    r"哪些说法|几种说法|有哪些原因|哪些原因|为什么这么多人|为何这么多人|点解咁多人|\breasons\b|\bwhat happened\b|"
    r"恩怨|怎么闹(?:掰|翻)|过节|来龙去脉|始末|前因后果|从头到尾|经历了|渊源"
)
# A story: the events of a subject from first to last ("超级对齐团队从头到尾经历了什么").
STORY = _re(r"来龙去脉|始末|前因后果|从头到尾|经历|后来怎么|最后怎么|怎么了|结局|下场|\bwhat happened\b")
# Two named things and how they relate ("讲讲Sutskever和这次政变的关系"): broad when both are
# in the fact base, not "人和什么的关系".
RELATION = _re(r"(?:和|跟|与).{1,12}的?关系|\brelationship\b")
WHY = _re(r"为什么|为何|为啥|原因|说法|理由|点解|\bwhy\b|\breasons?\b")
ASKS_WHO = _re(r"谁|哪|边个|\bwho\b|\bwhich\b")
# Several holders asked outright, even beside a name ("Altman被赶走期间都有谁代理过CEO").
PLURAL_HOLDERS = _re(r"都有谁|有哪些人|分别是谁|哪几个|哪几位|先后|历任|\bwho were\b")
# A span before or after a year: "2023年以前", "2020年以后".
BEFORE_YEAR = _re(r"(20\d\d)\s*年?\s*(?:以前|之前|前)|\bbefore (20\d\d)\b")
AFTER_YEAR = _re(r"(20\d\d)\s*年?\s*(?:以后|之后|后|起|以来)|\b(?:after|since) (20\d\d)\b")
LIFETIME = _re(
    r"存在了?(?:多久|多长|几)|存续|持续了?(?:多久|多长|几)|\bhow long did .{1,30} (?:last|exist)\b"
)
# The holder before or after a named one: "在Jakub之前…首席科学家是谁", "谁接任了CTO".
# Anchored on the holder ("在X之前", "X走了以后", "X的前任"), not "X之前是哪家的CEO" (before
# the post, about X), and asking who (not which company).
PREDECESSOR = _re(r"在[^,，?？]{1,20}(?:之前|以前)|前任|上一任|前一任|\bpredecessor\b|\bpreceded\b")
SUCCESSOR = _re(
    r"接任|接替|继任|(?:走|离开|离职|辞职|下台|解雇|开除|炒)了?(?:之后|以后)|在[^,，?？]{1,20}(?:之后|以后)|"
    r"后任|下一任|\bsucceed|\breplac"
)
ASKS_WHO_PERSON = _re(r"谁|哪位|哪一位|边个|\bwho\b")
SEQUENCE_OF_HOLDERS = _re(
    r"换了|历任|先后|当过|担任过|做过|几任|几个|哪几|哪些|都有谁|有谁|[两三四五]个|\ball\b|\bevery\b|\bformer\b|"
    r"\bsuccession\b|\bin turn\b|\bwho were\b|(?<![a-z])(?:ceo|cto|cfo)s\b"
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
    if LIST.search(text):
        return Frame.LIST
    return None


# The kind of event a verb names, for finding "the firing" or "the hiring" among close matches.
_EVENT_VERBS: tuple[tuple[re.Pattern[str], frozenset[EventType]], ...] = tuple(
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
