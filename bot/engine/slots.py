"""Stage `slots`: what a question asks beyond its kind, as one named mapping (`Slots`).

Reads the key, its residual (names marked out), intents and entities; assigns what unit, detail
or title is asked, which thing is counted, whose share, whose title, what is named. Each slot is
filled by a named rule (bot/engine/lexicon.py, docs/rules.md) or one pattern here; the checks
stage (bot/engine/checks.py) then vetoes a fact that does not state what a slot asks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bot.engine.entities import ENTITY_MARK, IS_CJK, forms
from bot.engine.lexicon import (
    AMOUNT_UNITS,
    ASKED_DETAILS,
    DAY_ASKED,
    OUTCOME_ASKED,
    TITLE_ASKED,
    TITLE_WORD,
)
from bot.engine.quantities import Figure, asked_figures
from bot.engine.rules import Cue, LazyPattern, Rule, TitleRule
from bot.engine.stage import Stage
from bot.factbase.models import Intent

STAGE = Stage(
    "slots",
    "bot.engine.slots",
    requires=("question.key", "question.residual", "question.intents", "question.entities"),
    assigns=("question.slots",),
    doc="unit, detail, title, thing counted, share, name asked -> Slots",
)

# "Where did Zoph go after leaving" is answered by a move after leaving (left and joined,
# left and founded), not by where he worked before OpenAI nor by a promotion.
AFTER_LEAVING_CUE = Cue(
    "after_leaving",
    re.compile(
        r"(?:离职|离开|辞职|出走|走|退出)了?\s?(?:[a-z]+|公司|老东家)?\s?(?:以后|之后|后)|\bafter (?:leaving|quitting|resigning)\b"
    ),
    "question",
    "asks where someone went after leaving (with a where or which-company cue): the tells_a_move check",
    fires_on=("Peter Deng离职以后去了哪家公司?", "Where did Zoph go after leaving OpenAI?"),
    not_on=("Peter Deng为什么离职?",),
)
AFTER_LEAVING = AFTER_LEAVING_CUE.pattern
COMPANY_ASKED_CUE = Cue(
    "company_asked",
    re.compile(r"(?:什么|啥|哪家|哪个|哪间)新?(?:公司|企业|机构|东家)"),
    "question",
    "asks which company: with after_leaving, where someone went",
    fires_on=("Ilya离开后去了哪家公司?", "她走了以后加入了什么新公司?"),
    not_on=("Ilya离开后去了哪里?",),
)
COMPANY_ASKED = COMPANY_ASKED_CUE.pattern

# A question asking a name ("那三名研究员叫什么名字") is answered only by a fact that names
# someone or something the question does not. (A title is not a name: "新职务叫什么" is
# answered by the title alone.)
NAME_ASKED_CUE = Cue(
    "name_asked",
    re.compile(r"名字|(?<!职务|职位|头衔|称号|职称)叫(?:什么|啥)|名叫|取名|什么名|\bnamed?\b|\bname of\b"),
    "question",
    "asks a name: the names_a_thing check",
    fires_on=("那三名研究员叫什么名字?", "What is the name of the tool?"),
    not_on=("他的新职务叫什么?",),
)
NAME_ASKED = NAME_ASKED_CUE.pattern

# Asked constraints: what a question asks of its answer beyond the kind of thing, each read here
# and vetoed by a check of its own (bot.engine.checks) when a fact does not meet it.

# "Twitch现在的CEO是谁" asks who holds it now: a fact naming its former CEO does not say.
NOW_ASKED_CUE = Cue(
    "now_asked",
    re.compile(
        r"现在|目前|如今|现任|当前|眼下|而今|时下|现时"
        r"|\b(?:now|currently|current|these days|at the moment|at present|right now)\b"
    ),
    "question",
    "asks who or what holds a title now: the current_title check",
    fires_on=("亚马逊现在的CEO是谁?", "Who is Amazon's CEO now?"),
    not_on=("亚马逊的前CEO是谁?",),
)
# "除了红杉,还有谁投了" asks for someone else: a fact naming only those excluded does not answer.
EXCLUSION_CUE = Cue(
    "exclusion",
    re.compile(r"除了|除开|除去|除却|\b(?:besides|other than|apart from|aside from|except(?: for)?)\b"),
    "question",
    "excludes what it names from the answer: the names_another check",
    fires_on=("除了微软,还有哪些公司投资了OpenAI?", "Besides Microsoft, who invested in OpenAI?"),
    not_on=("微软投资了OpenAI多少钱?",),
)
# Where what is excluded ends: a comma, or the word that turns to what is asked.
_EXCLUDED_END = LazyPattern(
    r"[,，;；?？]|以外|之外|外|还|也|都|另外|\b(?:who|what|which|did|has|have|is|are)\b"
)
# "微软和苹果各自投了多少" asks a figure of each: a fact giving one figure for all of them does not.
PER_ITEM_CUE = Cue(
    "per_item",
    re.compile(r"各自|分别|各[投出花拿付赚占有]|每(?:家|个|位|人|一家)|\b(?:each|respectively|apiece)\b"),
    "question",
    "a how-many question asked of each of several things: the figure_for_each check",
    fires_on=("微软和苹果各自投了多少钱?", "How much did Microsoft and Apple each invest?"),
    not_on=("微软和苹果一共投了多少钱?",),
)
# "他是哪几年当董事长的" asks a span of time: a fact saying only that he was one does not say when.
RANGE_ASKED_CUE = Cue(
    "range_asked",
    re.compile(
        r"哪几年|哪些年|哪几个月|(?:从|由)(?:哪一?年|什么时候|何时|几时)(?:到|至|开始)"
        r"|\b(?:which|what) years\b|\bfrom when\b|\bbetween (?:which|what) (?:years|dates)\b"
    ),
    "question",
    "asks a span of time (from when to when): the states_span check",
    fires_on=("他是哪几年在谷歌工作的?", "Which years did he chair the company?"),
    not_on=("他是哪年加入谷歌的?",),
)
# "这是他第几次离职" asks an ordinal: a fact that does not count the occasions does not answer.
ORDINAL_ASKED_CUE = Cue(
    "ordinal_asked",
    re.compile(r"第几|第多少|\bwhich time\b|\bthe first time\b|\bwhat rank(?:ing)?\b"),
    "question",
    "asks an ordinal (which time, which place): the states_ordinal check",
    fires_on=("这是他第几次离开公司?", "Was that the first time he left?"),
    not_on=("他离开过几次?", "What time did they meet?"),
)
# "谁接替了McGrew", "Friar上任之前的CFO是谁": a who-question about whoever held the role before or
# after someone (a predecessor or a successor). That person's own appointment does not answer it.
SUCCESSION_CUE = Cue(
    "succession",
    re.compile(
        r"前任|上一任|前一任|继任|接班|接[^\s谁]{0,6}?的?班|接替|接任|接手|接管|取代|顶替|代替"
        r"|接了?[^谁?？,，]{0,14}?(?:位置|位子|职位|岗位|个位|的位)"
        r"|(?:上任|到任|上台|当上|出任|升任?|晋升|成为|加入|入职)[^\s谁]{0,8}?(?:之前|以前|前)"
        r"|\b(?:predecessor|successor|replaced?|replacing|succeed(?:ed)?|preceded)\b"
        r"|\bbefore \S+(?: \S+)? (?:became|joined|was (?:named|appointed|hired))\b"
    ),
    "question",
    "asks who held a role before or after someone: the succeeded_by_another check",
    fires_on=(
        "谁接替了Kevin Weil?",
        "邊個接咗Kevin Weil個位?",
        "Kevin Weil's predecessor?",
        "Peter Deng上任之前的产品副总裁是谁?",
        "Who replaced Brockman as president?",
    ),
    not_on=("Kevin Weil什么时候加入OpenAI?",),
)
# "雷克第一次公开批评OpenAI是什么时候" asks the first of several occasions: a fact that does not say
# it was the first does not answer (an order between named things is the several-facts' business).
FIRST_TIME_CUE = Cue(
    "first_time",
    re.compile(
        r"(?:第一次|首次|头一[次回遭]|首度|初次|第一回|\bfirst[- ](?:time|ever)\b|\bfor the first time\b"
        # "when did Apple first invest": first before its verb, not "thank first in the note"
        r"|\b(?:did|was|were|has|had) \S+(?: \S+)? first (?!(?:in|of|to|on|at|and|or|the|a|an|for|with)\b)[a-z]+)"
        # "第一次起诉之后为什么撤诉" asks what followed the first occasion, not when it was;
        # "第一次的诉讼" names which suit, as "在第一次诉讼中" does
        r"(?!的|[^?？,，。]{0,14}?(?:之后|以后|过后)|[^?？,，。]{0,6}?中)"
    ),
    "question",
    "asks the first occasion of something: the states_first check",
    fires_on=(
        "苹果第一次投资OpenAI是哪年?",
        "When did Leike criticise OpenAI for the first time?",
        "When did Apple first invest in OpenAI?",
    ),
    not_on=(
        "谁第一个离开OpenAI?",
        "苹果投资OpenAI是哪年?",
        "Who did Weil thank first in his post?",
        "Karpathy第一次离开OpenAI之后去了哪里?",
        "Brockman为什么结束了第一次的长假?",
    ),
)
# "Zoph在谷歌是哪个团队的", "他在哪所大学读博": a unit inside an organisation, or a school, is more
# than the organisation: a fact naming only the company (or a city) does not say which.
TEAM_ASKED_CUE = Cue(
    "team_asked",
    re.compile(
        r"(?:哪|什么|啥|边|谁的?)一?(?:个|支|间)?\s?(?:团队|部门|小组|实验室|事业部|项目组|分部|研究院|组(?![织建成]))"
        r"|\b(?:which|what) (?:team|department|dept|division|group|lab|unit)\b"
    ),
    "question",
    "asks which unit of an organisation (team, department, lab): the names_the_unit check",
    fires_on=(
        "Kevin Weil在Instagram是哪个部门的?",
        "Which team was Leike on at DeepMind?",
        "Kevin Weil喺Instagram係邊個部門㗎?",
    ),
    not_on=("Kevin Weil以前在哪家公司?",),
)
SCHOOL_ASKED_CUE = Cue(
    "school_asked",
    re.compile(
        r"(?:哪|什么|啥|边)一?(?:个|所|间|家)?\s?(?:大学|学校|学院|院校|中学|高中)"
        r"|(?:在|去|喺)?(?:哪|边)(?:里|儿|间|度)?(?:读|念|上|攻读)的?(?:博士|博|硕士|硕|研究生|研|大学|本科|书)"
        # "有没有读研? 在哪读的": a degree named, then where it was taken
        r"|(?:读研|读博|读硕|研究生|博士|硕士|学位|本科)[^?？]{0,12}?(?:在|去)?(?:哪|边)(?:里|儿|度)?(?:读|念|拿|上)"
        r"|\b(?:which|what) (?:university|college|school)\b"
        r"|\bwhere did \S+ (?:study|go to (?:school|college)|(?:do|get|earn) (?:his|her|their|a) (?:phd|degree|masters?|doctorate))\b"
    ),
    "question",
    "asks which school someone studied at: the names_the_school check",
    fires_on=(
        "Amodei在哪所大学读的博士?",
        "Which university did Karpathy go to?",
        "Toner的父亲在哪一所大学教书?",
        "Karpathy博士是在哪读的?",
        "Weil喺邊間大學讀書㗎?",
    ),
    not_on=("Amodei在哪家公司工作过?", "Karpathy在哪里工作?"),
)
# "Kevin和Peter的全名是什么": a fact giving first names only does not give the full names.
FULL_NAME_CUE = Cue(
    "full_name",
    re.compile(r"全名|姓什么|姓啥|姓甚么|姓氏|\b(?:full|sur|last|family) ?names?\b"),
    "question",
    "asks someone's full name: the gives_full_name check",
    fires_on=("Altman信里说的Tom全名叫什么?", "What's Ilya's full name?"),
    not_on=("Altman信里提到了谁的名字?",),
)
# "Weil在Instagram干了多久" asks how long someone stayed: a length of time of something else
# ("几个月后") does not say, and neither does a single date.
TENURE_CUE = Cue(
    "tenure",
    re.compile(
        r"(?:做|干|待|呆|工作|任职|在职|效力|服务|留|当|任)了?\s?(?:多久|多长时间|多少年|几年)"
        r"|\bhow long\b.{0,40}\b(?:there|at|with|in|stay(?:ed)?|work(?:ed)?|been|serve[d]?)\b"
        r"|\b(?:been|stayed|worked) (?:there|at \S+) (?:for )?how long\b"
        r"|\bhow many (?:years|months)\b.{0,40}\b(?:at|there|with|in)\b"
    ),
    "question",
    "asks how long someone stayed somewhere: the states_tenure check",
    fires_on=("Kevin Weil在Instagram干了多久?", "How long was Brockman at Stripe?"),
    not_on=("Kevin Weil什么时候离开Instagram?", "How long did the board meeting last?"),
)
# "Nadella对此怎么看", "佢自己点谂": an opinion asked is answered by a fact that carries one (a
# judgement, a feeling, the person's words), not by the event next to it. (A feeling or an attitude
# asked, 心情 or 态度, is the stance rule of ASKED_DETAILS.)
STANCE_CUE = Cue(
    "opinion",
    re.compile(
        r"怎么看|怎样看|如何看|怎么想|怎样想|如何想|怎么评价|如何评价|看法|想法|怎么认为"
        r"|\bhow (?:do|does|did) \S+(?: \S+)? think\b|\bwhat did \S+(?: \S+)? think\b|\bthoughts on\b|\bopinion\b"
    ),
    "question",
    "asks someone's opinion of something: the states_stance check",
    fires_on=("Nadella对Altman回归怎么看?", "What did Toner think of the rehiring?"),
    not_on=("Nadella什么时候宣布的?", "Nadella在哪里宣布的?"),
)
# "Kingma在DeepMind具体做什么" asks what someone works on: where they work, or their title, does
# not say.
WORK_ASKED_CUE = Cue(
    "work_asked",
    re.compile(
        r"(?:具体|到底|究竟)(?:是|在)?(?:做|干|搞|研究|负责)(?:些|的是)?(?:什么|啥|哪些)"
        r"|(?:做|干|搞|忙|研究)(?:什么|啥)(?:项目|课题)|致力于|\bwork(?:s|ing)? on\b"
        r"|\bwhat exactly (?:is|does|did) \S+(?: \S+)? (?:do|doing|work)\b|\b(?:do|does|doing)\b.{0,30}\bexactly\b"
    ),
    "question",
    "asks what exactly someone works on: the states_the_work check",
    fires_on=("Leike在Anthropic具体做什么?", "What is Pachocki working on?"),
    not_on=("Leike现在在哪家公司?",),
)
# The cues of this stage, for the rule catalogue (docs/rules.md).
SLOT_CUES = (
    AFTER_LEAVING_CUE,
    COMPANY_ASKED_CUE,
    NAME_ASKED_CUE,
    NOW_ASKED_CUE,
    EXCLUSION_CUE,
    PER_ITEM_CUE,
    RANGE_ASKED_CUE,
    ORDINAL_ASKED_CUE,
    SUCCESSION_CUE,
    FIRST_TIME_CUE,
    TEAM_ASKED_CUE,
    SCHOOL_ASKED_CUE,
    FULL_NAME_CUE,
    TENURE_CUE,
    STANCE_CUE,
    WORK_ASKED_CUE,
)
_TITLE = LazyPattern(TITLE_WORD)
CLAUSE_PUNCT = LazyPattern(r"[,，、;；:：。!！?？\n]")

# What a how-many question counts: the noun after 多少/几 and its measure word ("多少个假帐号",
# "几位高管").
_COUNTED = LazyPattern(
    r"(?<!第)(?:多少|(?<!哪)几)\s*[个位名家条次种款项部篇张块台只份件则户]?\s*([\u4e00-\u9fffa-z][\u4e00-\u9fffa-z0-9\- ]{0,7})"
)
# "后训练团队一共有多少人" counts the people of a team: the team is what a figure must be of.
_PEOPLE_OF = LazyPattern(
    r"([\u4e00-\u9fff]{2,8}?)(?:里|中|内)?(?:一共|总共|共|大概|大约|约|现在|目前)?有(?:多少|几)(?:个人|人|名|位)"
)
# "员工里女性占多少" asks the share of women: the women are what a figure must be of.
_SHARE_OF = LazyPattern(
    r"(?:^|里|中|内|的)\s*((?:(?![里中内的])[\u4e00-\u9fffa-z0-9 ]){1,12}?)\s*(?:大概|大约|约)?占了?"
    r"(?:多少|几成|多大|百分之几)"
)
# Units and shares are AMOUNT_UNITS' business, not a thing counted; nor is a question word.
_NOT_COUNTED = LazyPattern(
    r"^(?:钱|人|岁|年|月|天|周|倍|成|分|次|小时|时间|美元|美金|刀|元|亿|万|千|百|个月|比例|比重|百分|股|多|了|呢|吗|啊|的|是|呀|啦|左右"
    r"|谁|什么|哪|怎|为"
    # a change, not a thing: "从多少涨到多少"
    r"|涨|增|降|跌|升|减|变|到|达)"
)
# Between a name and the title asked, someone else: "她原本是什么职务", "陈信翰的母亲是做什么的".
_SOMEONE_ELSE = LazyPattern(
    r"[他她]|[父母爸妈]|妻子|丈夫|老婆|老公|太太|儿子|女儿|家人|兄弟|姐妹|哥哥|姐姐|弟弟|妹妹"
    r"|\b(?:he|she|his|her|mother|father|mom|dad|parents?|wife|husband|son|daughter)\b"
)
# Between two names, a verb of succession: the title asked is the successor's.
_SUCCEEDS = LazyPattern(r"接替|取代|接任|代替|顶替|接班|继任|replaced?|succeeded")


@dataclass(frozen=True, slots=True)
class Slots:
    """What a question asks beyond its kind; a slot left empty asks nothing."""

    units: tuple[Rule, ...] = ()  # the AMOUNT_UNITS a how-many question names
    titles: tuple[tuple[str, TitleRule], ...] = ()  # (organisation, one of ORG_TITLES) asked: 亚马逊的创始人
    day: bool = False  # a when-question asks for the day, not just the month or year
    after_leaving: bool = False  # asks where someone went (which company) after leaving
    details: tuple[Rule, ...] = ()  # the ASKED_DETAILS the question asks for
    name_asked: bool = False  # asks a name: 叫什么名字
    outcome_asked: bool = False  # asks how something ended: 最后有没有答应
    title_of: str | None = None  # the person whose title is asked: 穆拉蒂是什么职位
    counted: frozenset[str] = frozenset()  # what a how-many question counts, and its synonyms
    name_of: frozenset[str] = frozenset()  # what a name question asks the name of, and synonyms
    share_of: tuple[frozenset[str], ...] = field(default=())  # whose share is asked (女性占多少)
    # Asked constraints (NOW_ASKED_CUE … ORDINAL_ASKED_CUE above)
    now_titles: tuple[str, ...] = ()  # titles asked of whoever holds them now (现在的CEO): as written
    excluded: frozenset[str] = frozenset()  # entities the answer must name someone besides (除了X)
    per_item: frozenset[str] = frozenset()  # entities a figure is asked of, each (各自投了多少)
    figures: tuple[Figure, ...] = ()  # figures the question states of what it asks (一千万用户)
    range_asked: bool = False  # asks from when to when (哪几年)
    ordinal_asked: bool = False  # asks which time or place (第几次)
    when_of: frozenset[str] = frozenset()  # the entities a when-question asks the date of
    succession_of: str | None = None  # whose predecessor or successor a who-question asks (接替X)
    predecessor_asked: bool = False  # that succession asks who came before (X的前任), not after
    first_asked: bool = False  # asks the first occasion (第一次投资)
    team_asked: bool = False  # asks a unit of an organisation (哪个团队)
    school_asked: bool = False  # asks which school (哪所大学)
    full_name_asked: bool = False  # asks a full name (全名)
    tenure_asked: bool = False  # asks how long someone stayed (干了多久)
    stance_asked: bool = False  # asks an opinion (怎么看, 点谂)
    work_asked: bool = False  # asks what exactly someone works on (具体做什么)

    def filled(self) -> dict[str, object]:
        """The slots the question fills, by name, for --explain."""
        named: dict[str, object] = {
            "units": [rule.name for rule in self.units],
            "details": [rule.name for rule in self.details],
            "titles_at": [f"{org}:{rule.name}" for org, rule in self.titles],
            "day": self.day,
            "after_leaving": self.after_leaving,
            "name_asked": self.name_asked,
            "outcome_asked": self.outcome_asked,
            "title_of": self.title_of,
            "counted": sorted(self.counted),
            "name_of": sorted(self.name_of),
            "share_of": [sorted(words) for words in self.share_of],
            "now_titles": list(self.now_titles),
            "excluded": sorted(self.excluded),
            "per_item": sorted(self.per_item),
            "figures": [f"~{f.value:g}" if f.rough else f"{f.value:g}" for f in self.figures],
            "range_asked": self.range_asked,
            "ordinal_asked": self.ordinal_asked,
            "when_of": sorted(self.when_of),
            "succession_of": self.succession_of,
            "predecessor_asked": self.predecessor_asked,
            "first_asked": self.first_asked,
            "team_asked": self.team_asked,
            "school_asked": self.school_asked,
            "full_name_asked": self.full_name_asked,
            "tenure_asked": self.tenure_asked,
            "stance_asked": self.stance_asked,
            "work_asked": self.work_asked,
        }
        return {name: value for name, value in named.items() if value}


class Reader(Protocol):
    """What the slots stage needs of the rest of the engine (the Matcher provides it)."""

    def content_tokens(self, text: str, *, glossary: bool = False) -> list[str]: ...

    def find_entities(self, key: str, *, fuzzy: bool = True) -> tuple[list[str], str]: ...

    def is_person(self, entity: str) -> bool: ...

    def titles_asked(self, key: str, entities: Sequence[str]) -> tuple[tuple[str, TitleRule], ...]: ...


def read_slots(
    reader: Reader, key: str, residual: str, intents: Sequence[Intent], entities: Sequence[str]
) -> Slots:
    """The slots of a question: its key, its residual (names marked out), intents and entities."""
    how_many = Intent.HOW_MANY in intents
    return Slots(
        units=units_asked(key),
        titles=reader.titles_asked(key, entities),
        day=bool(DAY_ASKED.search(key)),
        after_leaving=bool(
            AFTER_LEAVING.search(key) and (Intent.WHERE in intents or COMPANY_ASKED.search(key))
        ),
        details=tuple(rule for rule in ASKED_DETAILS if rule.asked.search(key)),
        name_asked=bool(NAME_ASKED.search(key)),
        outcome_asked=bool(OUTCOME_ASKED.search(key)),
        title_of=title_asked_of(reader, key),
        counted=counted(reader, key) if how_many else frozenset(),
        name_of=name_asked_of(reader, residual),
        share_of=share_of(reader, key) if how_many else (),
        now_titles=now_titles(key),
        excluded=excluded(reader, key),
        per_item=per_item(entities, key) if how_many else frozenset(),
        figures=asked_figures(residual),
        range_asked=bool(RANGE_ASKED_CUE.pattern.search(key)),
        ordinal_asked=bool(ORDINAL_ASKED_CUE.pattern.search(key)),
        when_of=dated_of(residual, entities) if Intent.WHEN in intents else frozenset(),
        succession_of=succession_of(reader, residual, entities)
        if Intent.WHO in intents or _SUCCESSOR_NOUN.search(key)
        else None,
        predecessor_asked=bool(_PREDECESSOR_ASKED.search(residual)),
        first_asked=bool(FIRST_TIME_CUE.pattern.search(key)),
        team_asked=bool(TEAM_ASKED_CUE.pattern.search(key)),
        school_asked=bool(SCHOOL_ASKED_CUE.pattern.search(key)),
        full_name_asked=bool(FULL_NAME_CUE.pattern.search(key)),
        tenure_asked=bool(TENURE_CUE.pattern.search(key)),
        stance_asked=bool(STANCE_CUE.pattern.search(key)),
        work_asked=bool(WORK_ASKED_CUE.pattern.search(key)),
    )


# A word that asks: the clause holding the last of them is the one that asks.
_ASKING = LazyPattern(
    r"哪|什么|啥|谁|几|多少|吗|呢|怎|咩|边|乜|为何|\b(?:how|what|who|whom|which|when|where|why|did|does|is|are|was)\b"
)


def asking_clause(text: str) -> str:
    """The clause of a question that asks (the last with a question word), of its text with its
    punctuation (the key has none): "之前看到说超过九成员工联名,那到11月20日具体有多少员工要求
    董事会辞职" asks the second; the first is what the asker has read, which the answer need not
    state (the figures slot is narrowed to it: Engine.run)."""
    clauses = [c for c in CLAUSE_PUNCT.split(text) if c.strip()]
    asking = [c for c in clauses if _ASKING.search(c)]
    return (asking or clauses or [text])[-1]


def units_asked(key: str) -> tuple[Rule, ...]:
    """The AMOUNT_UNITS a question asks, less one whose cue lies inside another's: "how many
    times over" asks a multiple, not the count of times its first words ask."""
    spans = [(rule, m.span()) for rule in AMOUNT_UNITS if (m := rule.asked.search(key)) is not None]
    return tuple(
        rule
        for rule, (start, end) in spans
        if not any(
            o is not rule and s <= start and end <= e and (s, e) != (start, end) for o, (s, e) in spans
        )
    )


# Between two names, a possessive: the first owns the second ("Anthropic的Claude").
_POSSESSIVE = LazyPattern(r"\s?(?:的|嘅|个|'s|s)\s?")


def dated_of(residual: str, entities: Sequence[str]) -> frozenset[str]:
    """The entities a when-question asks the date of: those it names, less one that only owns
    the next ("Anthropic的Claude什么时候发布" asks Claude's date, not Anthropic's)."""
    parts = residual.split(ENTITY_MARK)
    if len(parts) - 1 != len(entities):
        return frozenset(entities)
    owners = {i for i in range(len(entities) - 1) if _POSSESSIVE.fullmatch(parts[i + 1])}
    return frozenset(e for i, e in enumerate(entities) if i not in owners)


# A noun that asks for a person by succession: "Weil's predecessor?" asks who without a who.
_SUCCESSOR_NOUN = LazyPattern(r"前任|继任者|接班人|\b(?:predecessor|successor)\b")
# A title held before or after someone named: "before Pachocki", "在Pachocki之前", "Shear之后的CEO".
_BEFORE_OR_AFTER_NAME = LazyPattern(
    rf"\b(?:before|after) {ENTITY_MARK}|(?:在|于)?{ENTITY_MARK}\s?(?:之前|以前|之后|以后)(?![^\s谁]{{0,6}}(?:离开|离职|辞职|被))"
)


# A succession asked backwards: whoever held the role before someone ("X的前任", "X上任之前",
# "before X", "X接替了谁", "whom did X replace"); any other succession asks who came after.
_PREDECESSOR_ASKED = LazyPattern(
    r"前任|上一任|前一任|(?:上任|到任|上台|当上|出任|升任?|晋升|成为|加入|入职)[^\s谁]{0,8}?(?:之前|以前|前)"
    rf"|{ENTITY_MARK}\s?(?:之前|以前)"
    # not "who was Shear before he was named": who he had been
    rf"|\b(?:predecessor|preceded)\b|(?<!{ENTITY_MARK})(?<!{ENTITY_MARK} )\bbefore\b"
    # the one named took over: "X接替了谁", "X接任这一职位,是接谁的班"
    rf"|{ENTITY_MARK}[^谁,，后]{{0,8}}?(?:接替|接任|取代|顶替|代替)"
    rf"|\bwhom? (?:did|had) {ENTITY_MARK}\s?(?:replace|succeed)"
)


def succession_of(reader: Reader, residual: str, entities: Sequence[str]) -> str | None:
    """The person whose predecessor or successor a who-question asks: the one named last before
    the succession cue ("McGrew走了以后谁接他的班", "before Friar took over"), else the first after it
    ("谁接替了McGrew"); None without a cue or a person beside it."""
    cue = SUCCESSION_CUE.pattern.search(residual)
    if cue is None:
        # "在Pachocki之前首席科学家是谁", "chief scientist before Pachocki": with a title asked
        # (its words segmented only when a name follows before or after: most who-questions don't)
        cue = _BEFORE_OR_AFTER_NAME.search(residual)
        if cue is not None and not (
            _TITLE.search(residual)
            or any(_TITLE.fullmatch(t) for t in reader.content_tokens(residual, glossary=True))
        ):
            cue = None
    parts = residual.split(ENTITY_MARK)
    if cue is None or len(parts) - 1 != len(entities):
        return None
    marks = [m.start() for m in re.finditer(ENTITY_MARK, residual)]
    people = [(spot, e) for spot, e in zip(marks, entities, strict=True) if reader.is_person(e)]
    before = [e for spot, e in people if spot < cue.start()]
    after = [e for spot, e in people if spot >= cue.start()]
    return (before[-1] if before else None) or (after[0] if after else None)


def now_titles(key: str) -> tuple[str, ...]:
    """The titles a question asks of whoever holds them now ("Twitch现在的CEO是谁": ceo), as
    it writes them; none without a word for now."""
    if not NOW_ASKED_CUE.pattern.search(key):
        return ()
    return tuple(dict.fromkeys(m.group() for m in _TITLE.finditer(key)))


def excluded(reader: Reader, key: str) -> frozenset[str]:
    """The entities a question excludes from its answer ("除了红杉跟a16z,还有哪些投资人":
    Sequoia and a16z): those named between the cue and where the exclusion ends."""
    entities: set[str] = set()
    for cue in EXCLUSION_CUE.pattern.finditer(key):
        rest = key[cue.end() :]
        end = _EXCLUDED_END.search(rest)
        entities.update(reader.find_entities(rest[: end.start() if end else len(rest)])[0])
    return frozenset(entities)


def per_item(entities: Sequence[str], key: str) -> frozenset[str]:
    """The entities a how-many question asks a figure of, each ("微软、英伟达、苹果各自投了
    多少"): all it names when it says each and names two or more."""
    if len(entities) < 2 or not PER_ITEM_CUE.pattern.search(key):
        return frozenset()
    return frozenset(entities)


def share_of(reader: Reader, key: str) -> tuple[frozenset[str], ...]:
    """Whose share a question asks ("员工里女性占多少": 女性), each word with its synonyms.
    The share's own figure is AMOUNT_UNITS' business; the fact must be about the same
    thing, in every word ("女性员工" is not 员工)."""
    found = _SHARE_OF.search(key)
    if found is None:
        return ()
    words = [w for w in reader.content_tokens(found.group(1)) if len(w) >= 2]
    return tuple(forms(w) for w in words)


def name_asked_of(reader: Reader, residual: str) -> frozenset[str]:
    """The noun whose name is asked ("那个流量监测工具叫什么名字": 监测工具), with its
    synonyms; empty for a name the question already points at ("Mark Chen的中文名字")."""
    cue = NAME_ASKED.search(residual)
    if cue is None:
        return frozenset()
    clause = CLAUSE_PUNCT.split(residual[: cue.start()])[-1].rsplit(ENTITY_MARK, 1)[-1]
    words = [w for w in reader.content_tokens(clause) if IS_CJK.match(w)]
    if not words:
        return frozenset()
    return forms(words[-1])


def counted(reader: Reader, key: str) -> frozenset[str]:
    """The words a how-many question counts ("多少个假帐号": 帐号), with their synonyms."""
    found = _COUNTED.search(key)
    if found is not None and not _NOT_COUNTED.match(found.group(1)):
        words = [w for w in reader.content_tokens(found.group(1)) if len(w) >= 2]
    elif (people := _PEOPLE_OF.search(key)) is not None:
        words = [w for w in reader.content_tokens(people.group(1)) if len(w) >= 2][-1:]
    else:
        return frozenset()
    return frozenset().union(*map(forms, words))


def title_asked_of(reader: Reader, key: str) -> str | None:
    """Whose title the question asks: the person named last before the cue ("Bob McGrew在
    OpenAI的职称"), else first after it ("What title did McGrew hold"). A pronoun or a
    relative between them points at someone else: "让谁暂代CEO?她原本是什么职务?"."""
    cue = TITLE_ASKED.search(key)
    if cue is None:
        return None
    found, residual = reader.find_entities(key[: cue.start()])
    before = [e for e in found if reader.is_person(e)]
    if before:
        parts = residual.split(ENTITY_MARK)
        if len(before) >= 2 and len(found) == len(parts) - 1 and _SUCCEEDS.fullmatch(parts[-2].strip()):
            return before[-2]  # "Mark Chen接替McGrew后是什么职位" asks Mark Chen's
        return None if _SOMEONE_ELSE.search(parts[-1]) else before[-1]
    found = reader.find_entities(key[cue.start() :])[0]
    return next((e for e in found if reader.is_person(e)), None)
