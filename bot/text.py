"""Script conversion and text folding shared by the fact base and the engine.

OpenCC converters are built once per process: building one reads its
dictionaries from disk and costs milliseconds, converting is cheap.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Literal

import opencc

Script = Literal["simplified", "traditional"]
TraditionalVariant = Literal["tw", "hk", "t"]

CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Separators inside names: "山姆·奥特曼", "Mira-Murati", "DALLE‧2".
_NAME_SEPARATORS = re.compile(r"[\s·•‧・\-_.'’]+")


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


# The engine converts the same short texts many times a question (the question at each stage,
# names, fact texts), so conversions are remembered; bounded in entries and in the length of a
# text kept, so long messages neither fill the memory nor push the short texts out.
CONVERSIONS_KEPT = 4096
CONVERTED_CHARS_KEPT = 256


def _convert(config: str, text: str) -> str:
    """OpenCC's conversion, remembered for short texts (see CONVERSIONS_KEPT)."""
    if len(text) <= CONVERTED_CHARS_KEPT:
        return _convert_remembered(config, text)
    return _convert_now(config, text)


@lru_cache(maxsize=CONVERSIONS_KEPT)
def _convert_remembered(config: str, text: str) -> str:
    return _convert_now(config, text)


def _convert_now(config: str, text: str) -> str:
    """OpenCC's conversion; text OpenCC cannot take (a lone surrogate, which Discord messages
    and JSON can carry) is converted with those characters replaced, never an exception."""
    try:
        converted: str = _converter(config).convert(text)
    except UnicodeEncodeError:
        converted = _converter(config).convert(text.encode("utf-8", "replace").decode("utf-8"))
    return converted


def to_simplified(text: str) -> str:
    """Traditional (Taiwan or Hong Kong forms) to simplified.

    Plain t2s leaves Taiwan/Hong Kong variants such as 著 and 衞 alone, so the
    text goes through tw2s and then hk2s.
    """
    return _convert("hk2s", _convert("tw2s", text))


# Words OpenCC's character tables write in a form these articles never mean: 回归 comes out
# as 迴歸 (regression, the statistics term), while the articles' 回归 is a person coming back.
TRADITIONAL_OVERRIDES = {"迴歸": "回歸"}
_TRADITIONAL_OVERRIDE_RE = re.compile("|".join(map(re.escape, TRADITIONAL_OVERRIDES)))


def to_traditional(text: str, variant: TraditionalVariant = "tw") -> str:
    """Simplified to traditional. Taiwan forms by default; s2twp is avoided on purpose
    because its phrase table rewrites news vocabulary (发布 -> 釋出)."""
    config = {"tw": "s2tw", "hk": "s2hk", "t": "s2t"}[variant]
    converted = _convert(config, text)
    return _TRADITIONAL_OVERRIDE_RE.sub(lambda m: TRADITIONAL_OVERRIDES[m.group()], converted)


def to_script(text: str, script: Script, variant: TraditionalVariant = "tw") -> str:
    """Write `text` (in either script) in `script`."""
    simplified = to_simplified(text)
    return simplified if script == "simplified" else to_traditional(simplified, variant)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def fold_name(text: str) -> str:
    """The key a name is looked up by: NFKC, simplified, case-folded, no separators."""
    return _NAME_SEPARATORS.sub("", to_simplified(nfkc(text)).casefold())


def has_cjk(text: str) -> bool:
    return CJK_RE.search(text) is not None
