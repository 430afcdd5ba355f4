"""Concepts: classes of words that mean one thing (join, leave, found a company, poach …), in
Mandarin, Cantonese, Taiwan usage, slang and English, applied to a question's words and to each
fact's words alike, so that any member of a class covers any other.

A class is named data with example questions (tests/engine/test_concepts.py runs each): a new
paraphrase of a known class needs no new entry, only a word that is a member. Classes stay tight:
join and leave are two classes, not one, and a word that could mean either is in neither.

Words are looked up by their lemma (`lemma`): a Chinese verb with a resultative or directional
complement is its verb (挖到, 挖走 → 挖), a co- prefix is dropped (共同创办 → 创办), and an English
word loses its inflection (worried → worry, scooping → scoop, came → come).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.engine.lexicon import _GLOSSARY, SYNONYMS


@dataclass(frozen=True, slots=True, eq=False)
class Concept:
    """A class of words for one meaning. `mandarin[0]` is its head, the word an English member
    is read as; `regional`: Cantonese, Taiwan and colloquial members (simplified); `english`:
    lemmas, and two-word verbs ("come back") whose verb is inflected as any other."""

    name: str
    mandarin: tuple[str, ...]
    regional: tuple[str, ...]
    english: tuple[str, ...]
    # questions, each with a member of the class, that must reach a fact using another member
    fires_on: tuple[str, ...]
    # members that cover the class when the asker writes them but never stand for it in a fact:
    # a lone 开 or 告 in a fact's words is too often another verb ("when did Murati start at
    # OpenAI" must not reach a fact whose phrasings say 开 of something else)
    asked_only: tuple[str, ...] = ()
    # a verb said of almost anyone (help, support, warn): with a name alone it does not pick a
    # fact, so a fact it is the only question word of counts it for half (features.coverage)
    general: bool = False

    @property
    def head(self) -> str:
        return self.mandarin[0]

    @property
    def chinese(self) -> tuple[str, ...]:
        return (*self.mandarin, *self.regional)


CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "join",
        ("加入", "入职", "加盟", "投奔", "投靠", "转投", "进入"),
        ("过档", "入"),
        ("join", "rejoin", "onboard"),
        fires_on=("Leike幾時過檔Anthropic?", "did leike rejoin openai?"),
    ),
    Concept(
        "leave",
        ("离开", "离职", "出走", "走人", "退出", "离去", "跳槽"),
        ("闪人", "跑路", "劈炮"),
        ("leave", "quit", "depart", "exit", "ditch", "bail"),
        fires_on=("Karpathy點解劈炮?", "why did karpathy quit openai?"),
    ),
    Concept(
        "resign",
        ("辞职", "请辞", "辞去", "卸任", "辞任"),
        (),
        ("resign", "resignation", "step down"),
        fires_on=("why did murati step down?",),
    ),
    Concept(
        "found",
        ("创立", "创办", "成立", "创建", "创设", "组建", "开办", "创"),
        ("开", "整", "搞"),
        ("found", "cofound", "co-found", "start", "set up"),
        fires_on=("Anthropic係邊個開㗎?", "who set up anthropic?", "gantry谁整的"),
        asked_only=("开", "整", "搞", "创"),
    ),
    Concept(
        "poach",
        ("挖", "挖角", "招揽", "招募", "撬", "抢人"),
        ("挖墙脚", "撬墙角"),
        ("poach", "lure", "recruit", "scoop", "snag", "snatch"),
        fires_on=("who did musk poach from google?",),
    ),
    Concept(
        "work_at",
        ("任职", "就职", "工作", "上班", "供职", "效力", "打工"),
        ("返工",),
        ("work", "employ", "employed"),
        fires_on=("Murati以前喺邊度返工?",),
    ),
    Concept(
        "say",
        ("表示", "说", "称", "声称", "宣称", "指出", "坦言", "直言", "提到", "讲"),
        ("话",),
        ("say", "state", "claim"),
        fires_on=("Nadella話咗咩?", "what did nadella claim about altman?"),
    ),
    Concept(
        "worry",
        ("担心", "担忧", "忧虑", "害怕", "顾虑", "恐惧", "怕"),
        ("惊", "紧张"),
        ("worry", "fear", "afraid", "scared", "concern", "nervous", "anxious"),
        fires_on=(
            "what were the employees afraid of?",
            "who said he'd be really worried if altman returned?",
        ),
    ),
    Concept(
        "rest",
        ("休息", "休假", "放假", "长假", "歇", "歇一下", "喘口气"),
        ("抖下", "唞下", "放大假"),
        ("rest", "break", "sabbatical", "vacation", "recharge", "time off"),
        fires_on=("why did brockman take a break?", "Brockman點解要抖下?"),
    ),
    Concept(
        "oust",
        ("解雇", "开除", "罢免", "赶走", "踢走", "踢出", "撤职", "免职", "逼宫"),
        ("炒", "炒鱿鱼", "踢"),
        ("fire", "oust", "sack", "boot", "dismiss", "axe", "kick out"),
        fires_on=("when was altman ousted?", "why did the board kick altman out?"),
    ),
    Concept(
        "return",
        ("回归", "回来", "重返", "复职", "回锅", "归队", "返回", "回到"),
        ("返嚟", "翻嚟"),
        ("return", "come back", "reinstate"),
        fires_on=("when did altman come back?", "Altman幾時翻嚟?"),
    ),
    Concept(
        "invest",
        ("投资", "注资", "入股", "押注", "下注", "砸钱", "投钱"),
        ("落注",),
        ("invest", "bet"),
        fires_on=("who did microsoft bet on?", "Microsoft落注咗幾多?"),
    ),
    Concept(
        "sue",
        ("起诉", "诉讼", "控告", "状告", "提告", "告"),
        ("告上法庭",),
        ("sue", "lawsuit", "litigation", "litigate"),
        fires_on=("when did musk file the lawsuit?",),
        asked_only=("告",),
    ),
    Concept(
        "lead",
        ("领导", "带领", "掌管", "主管", "牵头", "领衔", "执掌", "负责"),
        ("揸", "话事"),
        ("lead", "manage", "oversee", "helm"),
        fires_on=("who is going to oversee research now?", "而家邊個揸OpenAI研究?"),
    ),
    Concept(
        "criticise",
        ("批评", "指责", "抨击", "炮轰", "吐槽", "数落", "怼", "开炮"),
        ("闹", "踩"),
        ("criticise", "criticize", "slam", "blast", "bash"),
        fires_on=("why did leike slam openai?",),
        asked_only=("闹", "踩"),
    ),
    Concept(
        "contact",
        ("私信", "联系", "联络"),
        ("揾", "私讯"),
        ("contact", "reach", "dm"),
        fires_on=("how do i reach leike if i want to join his team?",),
    ),
    # General words, not the saga's own: what people say about anyone (thank, describe, push,
    # support, warn, praise, announce, follow, control, compete, help, fall out …).
    Concept(
        "thank",
        ("感谢", "感激", "致谢", "谢谢", "多谢", "感恩"),
        (),
        ("thank", "grateful", "gratitude", "appreciate", "thankful"),
        fires_on=("who was altman grateful to?", "Brockman多謝邊個?"),
    ),
    Concept(
        "describe",
        ("形容", "描述", "描绘"),
        (),
        ("describe", "description", "portray", "depict", "characterise", "characterize"),
        fires_on=("how did toner describe altman's behaviour?",),
    ),
    Concept(
        "push",
        ("推动", "推进", "促使", "推"),
        (),
        ("push", "drive", "propel", "spur"),
        fires_on=("what did zoph push forward at openai?",),
        asked_only=("推",),
        general=True,
    ),
    Concept(
        "support",
        ("支持", "力挺", "拥护", "声援"),
        ("撑",),
        ("support", "supportive", "endorse", "side with", "stand by", "stand with"),
        fires_on=("did murati stand by the board?", "which side did mira side with?"),
        asked_only=("撑",),
        general=True,
    ),
    Concept(
        "warn",
        ("警告", "提醒", "告诫", "警示"),
        (),
        ("warn", "warning", "caution"),
        fires_on=("what did sutskever warn about?",),
    ),
    Concept(
        "praise",
        ("称赞", "赞扬", "夸", "夸奖", "表扬", "赞赏", "盛赞"),
        ("赞",),
        ("praise", "compliment", "commend", "laud", "hail"),
        fires_on=("who did nadella praise?",),
    ),
    Concept(
        "announce",
        ("宣布", "宣告", "官宣"),
        (),
        ("announce", "announcement", "unveil"),
        fires_on=("when did openai unveil its new team?",),
    ),
    Concept(
        "follow",
        ("遵循", "遵守", "遵从", "依照"),
        (),
        ("follow", "obey", "abide"),
        fires_on=("what principle would a superintelligence obey?",),
        general=True,
    ),
    Concept(
        "control",
        ("控制", "把控", "掌控", "管控", "操控"),
        (),
        ("control", "rein"),
        fires_on=("who controls the for-profit arm?",),
        general=True,
    ),
    Concept(
        "compete",
        ("竞争", "抗衡", "较量", "角逐"),
        (),
        ("compete", "competition", "vie"),
        fires_on=("which model competes with claude?",),
        general=True,
    ),
    Concept(
        "help",
        ("帮助", "协助", "帮忙", "帮"),
        (),
        ("help", "assist"),
        fires_on=("who helped kingma build the team?",),
        asked_only=("帮",),
        general=True,
    ),
    Concept(
        "fall_out",
        ("闹翻", "翻脸", "决裂", "反目", "交恶"),
        ("闹掰",),
        ("fall out", "feud"),
        fires_on=("who did altman fall out with?", "did toner feud with the board?"),
    ),
    Concept(
        "colleague",
        ("同事", "同僚"),
        (),
        ("colleague", "coworker", "co-worker"),
        fires_on=("which coworker did kingma rejoin?",),
    ),
    Concept(
        "optimistic",
        ("乐观",),
        (),
        ("optimistic", "upbeat", "hopeful", "bullish"),
        fires_on=("is altman upbeat about openai?",),
    ),
    Concept(
        "excited",
        ("兴奋", "激动", "振奋"),
        (),
        ("excited", "thrilled", "exciting", "excite"),
        fires_on=("what is brockman thrilled about?",),
    ),
    Concept(
        "peak",
        ("顶峰", "巅峰", "顶端", "前沿", "最前沿"),
        (),
        ("peak", "forefront", "cutting-edge", "pinnacle"),
        fires_on=("what keeps anthropic at the forefront?",),
    ),
    Concept(
        "meet",
        ("见面", "认识", "结识", "相识", "初识", "会面", "碰面", "相遇", "遇见"),
        ("见到", "碰头"),
        ("meet",),
        fires_on=("Schulman和Altman在哪里碰头的?",),
        # 见到 in a fact is as often seeing a result ("见到成效") as meeting someone
        asked_only=("见到",),
    ),
    Concept(
        "boundary",
        ("边界", "界限", "极限"),
        (),
        ("boundary", "frontier", "limit"),
        fires_on=("which limits did the researchers push?",),
    ),
    Concept(
        "improve",
        ("改善", "改进", "提升", "提高", "改良"),
        (),
        ("improve", "improvement", "enhance", "boost"),
        fires_on=("how did chen improve gpt-4?",),
    ),
    Concept(
        "future",
        ("未来", "将来", "前景"),
        (),
        ("future", "prospect", "outlook"),
        fires_on=("what is the outlook for anthropic?",),
    ),
    Concept(
        "inside",
        ("内部", "里面"),
        (),
        ("inside", "internal", "internally"),
        fires_on=("what happened inside anthropic?",),
    ),
    Concept(
        "law",
        ("法则", "规律", "定律"),
        (),
        ("law", "rule", "principle"),
        fires_on=("what law of nature did hinton mention?",),
    ),
)

# Complements after a verb that leave what it means (挖到, 挖走, 赶走, 请辞掉), and prefixes that
# say it was done together (共同创办).
_COMPLEMENTS = "到走掉来去出进上下回完了过住成"
_CO_PREFIXES = ("共同", "联合", "一起")
_LATIN = re.compile(r"[a-z][a-z\-]*")
# English past forms that are not the verb plus -ed: only those of verbs some class holds.
_IRREGULAR = {
    "came": "come",
    "ran": "run",
    "told": "tell",
    "quitting": "quit",
    "left": "leave",
    "set": "set",
    "began": "start",
    "led": "lead",
    "bet": "bet",
    "fled": "leave",
    "fell": "fall",
    "fallen": "fall",
    "took": "take",
    "taken": "take",
    "stood": "stand",
    "drove": "drive",
    "driven": "drive",
    "kept": "keep",
    "held": "hold",
    "brought": "bring",
    "went": "go",
    "gone": "go",
    "spoke": "speak",
    "meant": "mean",
    "built": "build",
    "lost": "lose",
    "won": "win",
    "chose": "choose",
    "sought": "seek",
}


def _forms_of_english(word: str) -> tuple[str, ...]:
    """The words an English word may be an inflection of, most likely first."""
    if word in _IRREGULAR:
        return (_IRREGULAR[word],)
    found = [word]
    for suffix, replacements in (
        ("ies", ("y",)),
        ("ied", ("y",)),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
        ("d", ("",)),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            found += [stem + r for r in replacements]
            if suffix in ("ing", "ed") and len(stem) >= 2 and stem[-1] == stem[-2]:
                found.append(stem[:-1])  # dropping → drop, slammed → slam
    return tuple(dict.fromkeys(found))


# What each member of a class reads as: its class's Chinese members (a word in two classes, both).
RELATED_BY_CLASS: dict[str, frozenset[str]] = {}
for _concept in CONCEPTS:
    _covering = frozenset(_concept.chinese) - frozenset(_concept.asked_only)
    for _word in _concept.chinese:
        RELATED_BY_CLASS[_word] = RELATED_BY_CLASS.get(_word, frozenset()) | _covering
# The members of the general classes, and the heads an English member is read as.
GENERAL_WORDS: frozenset[str] = frozenset(
    word for concept in CONCEPTS if concept.general for word in concept.chinese
)
# English members by lemma, read as their class's head; two-word members apart.
ENGLISH_HEAD: dict[str, str] = {
    word: concept.head for concept in CONCEPTS for word in concept.english if " " not in word
}
_PHRASAL: tuple[tuple[str, str, str], ...] = tuple(
    (verb, particle, concept.head)
    for concept in CONCEPTS
    for word in concept.english
    if " " in word
    for verb, particle in [word.split(" ", 1)]
)


def _verb_glosses() -> dict[str, str]:
    """Glossary words that are verbs, to the Chinese they are read as: a word whose entry also
    lists an inflection of it ("sign signed", "threaten threatened"). Any other inflection of it
    is the same verb ("signing", "threatens"); a word listed alone may be another part of speech
    ("close", 密切, is not "closed")."""
    verbs: dict[str, str] = {}
    for entry in _GLOSSARY:
        for word in entry.words:
            if any(other != word and word in _forms_of_english(other) for other in entry.words):
                verbs[word] = entry.chinese
    return verbs


VERB_GLOSS = _verb_glosses()


def english_head(word: str) -> str | None:
    """The Chinese head of the class an English word (any inflection) is a member of, else the
    Chinese a glossary verb it inflects is read as."""
    forms = _forms_of_english(word)
    for form in forms:
        if form in ENGLISH_HEAD:
            return ENGLISH_HEAD[form]
    return next((VERB_GLOSS[form] for form in forms[1:] if form in VERB_GLOSS), None)


def _inflections(verb: str) -> str:
    irregular = [past for past, base in _IRREGULAR.items() if base == verb and past.strip() == past]
    forms = {verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing", *irregular}
    if verb.endswith("e"):
        forms.add(verb[:-1] + "ing")
    return "|".join(sorted(map(re.escape, forms), key=len, reverse=True))


@lru_cache(maxsize=1)
def _phrasal_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    # The particle may come after a short object: "kick altman out", "set it up".
    return tuple(
        (re.compile(rf"\b(?:{_inflections(verb)})\b((?:\s+[a-z0-9.\-]+){{0,2}}?)\s+{particle}\b"), head)
        for verb, particle, head in _PHRASAL
    )


def english_phrasal(text: str) -> str:
    """`text` with each two-word English member ("came back", "kick altman out") read as its
    class's head, the object kept."""
    if not _LATIN.search(text):
        return text
    for pattern, head in _phrasal_patterns():
        text = pattern.sub(lambda found, head=head: f" {head} {found.group(1).strip()} ", text)  # type: ignore[misc]
    return text


def lemma(word: str) -> str:
    """A Chinese word as its class knows it: the verb of verb + complement, the verb of a
    co- prefix; the word itself when no class holds that."""
    if word in RELATED_BY_CLASS or len(word) < 2:
        return word
    if word[-1] in _COMPLEMENTS and word[:-1] in RELATED_BY_CLASS:
        return word[:-1]
    for prefix in _CO_PREFIXES:
        if word.startswith(prefix) and word[len(prefix) :] in RELATED_BY_CLASS:
            return word[len(prefix) :]
    return word


def related(word: str) -> frozenset[str]:
    """The words that cover `word` besides itself: its synonym group's and its class's (by its
    lemma), the lemma itself included."""
    base = lemma(word)
    found = SYNONYMS.get(word, frozenset()) | RELATED_BY_CLASS.get(base, frozenset())
    if base != word:
        found |= {base} | SYNONYMS.get(base, frozenset())
    return found
