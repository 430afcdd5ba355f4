"""Quantities written in a question or a fact, as numbers: "一千万用户" is 10,000,000, "60亿美元"
6,000,000,000, "7%" 7, "10 million" 10,000,000. The asked-constraint check `states_figure`
(bot.engine.checks) compares a question's quantities with those a fact states; cn2an reads the
Chinese numerals.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

# A figure in digits with the magnitude written after it: "65亿", "1.05万亿", "10 million".
_DIGITS = r"\d+(?:\.\d+)?"
_MAGNITUDE = r"[十百千万亿]*"
_EN_MAGNITUDE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9}
_DIGIT_FIGURE = re.compile(
    rf"(?<![a-z\d.\-])({_DIGITS})\s?({_MAGNITUDE})(?:\s?(thousand|million|billion|bn|k|m|b)\b)?",
    re.IGNORECASE,
)
# A figure in Chinese numerals that starts with a digit, not a magnitude: 万一 (in case), 千万
# (by all means) and 百分之 are no figures.
_CJK_FIGURE = re.compile(r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*")
_CJK_MAGNITUDE = re.compile(r"[十百千万亿]")
# What a figure in a question counts when it is a constraint the answer must meet: a unit,
# measure word or currency after it ("3次", "7%股份", "60亿美元", "两倍"). A length of time
# ("六年半", "4天") is mostly the asker's own reckoning, and an ordinal (第3) another check's.
_QUESTION_UNIT = re.compile(
    r"\s?(?:%|％|倍|次|成|[个位名家条种款项部篇张块台只份件则户人]|美元|美金|元|刀|用户|粉丝|员工"
    r"|(?:percent|times|users|people|employees|dollars)\b)",
    re.IGNORECASE,
)
# 一次 is mostly "at once", 十分 "very", 一起 "together": no figures.
# A small number in Chinese numerals before a measure word mostly points at people the question
# already has in mind ("那三个人"): only a multiple, a count of times or a share is asked of it.
_CJK_UNIT = re.compile(r"\s?(?:倍|次|成)")
_NOT_A_FIGURE = re.compile(r"十分|一[些点下起直样切般定共次]|[一二两三四五六七八九十]+[年月日号天周岁点]")
_YEAR_OR_DATE = re.compile(r"(?:19|20)\d\d\s?年?|\d{1,2}\s?[月日号]")


@lru_cache(maxsize=4096)
def _cjk_value(numeral: str) -> float | None:
    # Imported on first use: cn2an takes about 0.2 s to import, a third of the start-up
    # budget, and most questions hold no Chinese numeral.
    import cn2an

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cn2an warns on text it cannot read before raising
        try:
            return float(cn2an.cn2an(numeral, "smart"))
        except (ValueError, KeyError, IndexError):
            return None


def _digit_value(digits: str, magnitude: str, english: str | None) -> float | None:
    value = _cjk_value(digits + magnitude) if magnitude else float(digits)
    if value is not None and english:
        value *= _EN_MAGNITUDE[english.casefold()]
    return value


def stated_figures(text: str) -> frozenset[float]:
    """Every figure `text` states (simplified, lower case), dates aside."""
    text = _YEAR_OR_DATE.sub(" ", text)
    found: set[float] = set()
    for match in _DIGIT_FIGURE.finditer(text):
        value = _digit_value(match.group(1), match.group(2), match.group(3))
        if value is not None:
            found.add(value)
    for match in _CJK_FIGURE.finditer(text):
        value = _cjk_value(match.group())
        if value is not None:
            found.add(value)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure a question states, and whether it says it roughly ("七百多", "约60亿")."""

    value: float
    rough: bool = False

    def stated_by(self, stated: frozenset[float]) -> bool:
        """Whether one of the `stated` figures is this one: the same to a part in a million, or
        for a rough one within ROUGH of it."""
        low, high = (self.value * (1 - ROUGH), self.value * (1 + ROUGH)) if self.rough else (self.value,) * 2
        margin = 1e-6 * max(abs(self.value), 1.0)
        return any(low - margin <= s <= high + margin for s in stated)


# "11个还是12个" offers figures to choose from: which one is what it asks, none is a constraint.
_ALTERNATIVES = re.compile(r"还是|或者|或是|\bor\b")
ROUGH = 0.2  # how far a figure said roughly may be from the one stated: 七百多 is 710, 约一百万 900,000
_ROUGH_BEFORE = re.compile(
    r"(?:超过|逾|近|将近|接近|约|大约|大概|差不多|上|over|about|around|nearly|almost)\s?$"
)
_ROUGH_AFTER = re.compile(r"\s?[多余来几]|\s?左右|\+")


def asked_figures(text: str) -> tuple[Figure, ...]:
    """The figures a question states as what its answer must be about ("一千万用户", "3次",
    "60亿美元"), in order: digits with a unit after them, or Chinese numerals with a magnitude
    (十, 百, 千, 万, 亿) or a multiple, count of times or share after them. Years, dates,
    ordinals and lengths of time are none, and so are figures offered to choose from."""
    found: list[Figure] = []
    if _ALTERNATIVES.search(text):
        return ()

    def add(value: float | None, start: int, end: int) -> None:
        if value is not None:
            rough = bool(_ROUGH_BEFORE.search(text[:start]) or _ROUGH_AFTER.match(text, end))
            found.append(Figure(value, rough))

    for match in _DIGIT_FIGURE.finditer(text):
        if _YEAR_OR_DATE.match(text, match.start()) or text[max(0, match.start() - 1)] == "第":
            continue
        digits, magnitude, english = match.groups()
        if magnitude or english or _QUESTION_UNIT.match(text, match.end()):
            add(_digit_value(digits, magnitude, english), match.start(), match.end())
    for match in _CJK_FIGURE.finditer(text):
        numeral = match.group()
        if text[max(0, match.start() - 1)] == "第" or _NOT_A_FIGURE.match(text, match.start()):
            continue
        if _CJK_MAGNITUDE.search(numeral) or _CJK_UNIT.match(text, match.end()):
            add(_cjk_value(numeral), match.start(), match.end())
    return tuple(dict.fromkeys(found))


def states_each(asked: tuple[Figure, ...], stated: frozenset[float]) -> bool:
    """Whether every asked figure is among the stated ones."""
    return all(figure.stated_by(stated) for figure in asked)
