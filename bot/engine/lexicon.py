"""Language knowledge the matcher needs: intent cues, function words, and a small
English-to-Chinese glossary so English questions meet Chinese facts.

Everything here is general vocabulary of questions and of the saga's domain,
never a phrase keyed to one known question.
"""

from __future__ import annotations

import re

from bot.factbase.models import Intent

# Checked in this order; a question may carry several intents ("为什么...什么时候").
INTENT_CUES: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    (Intent.WHY, re.compile(r"为什么|为啥|为何|原因|理由|动机|怎么会|何故|\bwhy\b|\breasons?\b|because")),
    (
        Intent.HOW_MANY,
        re.compile(
            r"多少|几个|几位|几名|几人|多久|多长|多大|几年|几倍|几成|比例|百分之|占比|多高|几次"
            r"|\bhow (?:many|much|long|old|big)\b|\bwhat (?:share|percentage|valuation)\b"
        ),
    ),
    (
        Intent.WHEN,
        re.compile(
            r"什么时候|啥时候|啥时|何时|哪天|哪一天|哪年|哪一年|几月|几号|哪个月|日期|什么时间|多会儿"
            r"|\bwhen\b|\b(?:what|which) (?:year|date|day|month)\b"
        ),
    ),
    (Intent.WHO, re.compile(r"谁|哪位|哪些人|什么人|\bwho(?:m|se)?\b")),
    (
        Intent.WHERE,
        re.compile(
            r"哪里|哪儿|去哪|何处|哪所|哪家|哪个公司|哪间|哪国|在哪|\bwhere\b|\bwhich (?:company|school|firm)\b"
        ),
    ),
    (Intent.HOW, re.compile(r"怎么|如何|怎样|咋|评价|看法|回应|反应|态度|\bhow\b")),
)

# Function words and question scaffolding, removed before content tokens are taken.
# Longest first so 什么时候 goes before 什么.
_CJK_STOP = sorted(
    {
        "请问", "告诉我", "我想知道", "想知道", "知道吗", "一下", "能不能", "可以", "到底", "究竟",
        "什么时候", "啥时候", "什么时间", "何时", "哪一天", "哪天", "哪一年", "哪年", "几月", "几号",
        "为什么", "为啥", "为何", "怎么样", "怎么", "如何", "怎样", "咋", "什么", "啥", "哪些", "哪个",
        "哪位", "哪里", "哪儿", "哪", "谁", "多少", "几个", "几位", "是不是", "有没有", "是否",
        "是", "的", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "么", "在", "有", "和", "与", "及", "跟",
        "被", "把", "会", "要", "这", "那", "个", "他", "她", "它", "们", "我", "你", "也", "都", "就",
        "还", "又", "对", "给", "让", "从", "到", "之", "其", "该", "过", "着", "地", "得", "以", "为",
        "后来", "现在", "目前", "当时", "之前", "之后", "以后", "以前", "最后", "已经", "曾经",
    },
    key=len,
    reverse=True,
)
CJK_STOP_RE = re.compile("|".join(map(re.escape, _CJK_STOP)))

EN_STOP = frozenset(
    """a an the of to in on at for from by with and or about after before into over is are was were be been
    being do does did has have had what when who whom whose why how which where many much long old big
    he she it they them his her its their this that these those there here i you we me my your our
    as than then so not no yes can could would should will shall may might must up out tell please
    know want like just also still now did get got make made say said""".split()
)

# English domain words to the Chinese words the facts use. A bridge for English
# questions, applied to the query only.
EN_GLOSSARY: dict[str, str] = {
    "fired": "解雇", "fire": "解雇", "ousted": "罢免", "oust": "罢免", "removed": "罢免", "sacked": "解雇",
    "leave": "离开", "left": "离开", "leaving": "离开", "quit": "离职", "quits": "离职", "resign": "辞职",
    "resigned": "辞职", "resignation": "辞职", "depart": "离职", "departed": "离职", "departure": "离职",
    "departures": "离职", "exit": "离职", "join": "加入", "joined": "加入", "joins": "加入",
    "return": "回归", "returned": "回归", "returns": "回归", "back": "回归", "rehired": "重聘",
    "born": "出生", "birth": "出生", "founded": "创立", "found": "创立", "founder": "创始人",
    "founders": "创始人", "cofounder": "联合创始人", "co-founder": "联合创始人", "start": "创立",
    "started": "创立", "valuation": "估值", "valued": "估值", "worth": "估值", "funding": "融资",
    "raise": "融资", "round": "融资", "invest": "投资", "investment": "投资", "investors": "投资者",
    "investor": "投资者", "employees": "员工", "employee": "员工", "staff": "员工", "workers": "员工",
    "headcount": "员工", "revenue": "收入", "income": "收入", "loss": "亏损", "losses": "亏损",
    "lose": "亏损", "replaced": "接替", "replace": "接替", "successor": "接替", "succeed": "接替",
    "lawsuit": "起诉", "sue": "起诉", "sued": "起诉", "suing": "起诉", "interim": "临时",
    "ceo": "ceo", "cto": "首席技术官", "president": "总裁", "chief": "首席", "scientist": "科学家",
    "research": "研究", "researcher": "研究员", "team": "团队", "board": "董事会", "safety": "安全",
    "alignment": "对齐", "superalignment": "超级对齐", "dissolved": "解散", "disbanded": "解散",
    "compute": "算力", "computing": "算力", "users": "用户", "user": "用户", "million": "百万",
    "agreement": "协议", "nda": "协议", "equity": "股权", "stake": "股权", "shares": "股权",
    "profit": "营利", "for-profit": "营利", "nonprofit": "非营利", "non-profit": "非营利",
    "restructure": "重组", "restructuring": "重组", "sabbatical": "休假", "vacation": "休假",
    "leave-of-absence": "休假", "school": "学院", "graduate": "毕业", "graduated": "毕业",
    "degree": "学位", "study": "学", "studied": "学", "father": "父亲", "mother": "母亲",
    "parents": "父亲", "microsoft": "微软", "said": "表示", "say": "表示", "criticized": "批评",
    "criticize": "批评", "criticism": "批评", "merge": "合并", "merger": "合并", "release": "发布",
    "released": "发布", "launch": "发布", "launched": "发布", "model": "模型", "video": "视频",
    "pool": "游泳池", "swimming": "游泳池", "mission": "使命", "goal": "目标", "aim": "目标",
    "catchphrase": "口头禅", "slogan": "口头禅", "letter": "联名信", "threaten": "威胁",
    "threatened": "威胁", "signed": "签", "sign": "签", "role": "职位", "title": "职位",
    "job": "工作", "work": "工作", "lead": "领导", "leads": "领导", "led": "领导", "head": "负责人",
    "reports": "汇报", "report": "汇报", "contribution": "贡献", "contributed": "贡献",
    "percent": "%", "share": "占比", "years": "年", "year": "年", "months": "月", "days": "天",
    "why": "原因", "reason": "原因", "company": "公司", "startup": "公司", "new": "新",
}
