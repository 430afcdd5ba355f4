"""How a Chinese name sounds: users write transliterations by ear (艾美特 for 埃米特, 马期克
for 马斯克), so a name is also found by its toneless pinyin, not only by its characters."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from rapidfuzz.distance import OSA


@lru_cache(maxsize=8192)
def _syllable(char: str) -> str:
    return lazy_pinyin(char, style=Style.NORMAL)[0]


def syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin, one syllable per character (each character by its usual reading)."""
    return tuple(_syllable(ch) for ch in text)


def sounds_alike(heard: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether a window sounds like a name of as many characters: the same first syllable,
    and at most one other syllable a letter off ("ai mei te" for "ai mi te")."""
    if len(heard) != len(name) or not heard or heard[0] != name[0]:
        return False
    different = [(a, b) for a, b in zip(heard, name, strict=True) if a != b]
    return len(different) <= 1 and all(OSA.distance(a, b) <= 1 for a, b in different)
