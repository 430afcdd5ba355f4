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

from bot.engine.lexicon import SYNONYMS


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


def english_head(word: str) -> str | None:
    """The Chinese head of the class an English word (any inflection) is a member of."""
    for form in _forms_of_english(word):
        if form in ENGLISH_HEAD:
            return ENGLISH_HEAD[form]
    return None


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
