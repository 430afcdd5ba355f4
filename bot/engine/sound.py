"""How a Chinese name sounds: users write transliterations by ear (艾美特 for 埃米特, 马思克
for 马斯克), so a name is also found by its toneless pinyin, not only by its characters.

The readings come from data/pinyin.txt (see tools/build_pinyin.py): pypinyin's usual reading of
every CJK character, kept as a table so the bot does not pay pypinyin's 57 MiB at run time.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rapidfuzz.distance import OSA

PINYIN_FILE = Path(__file__).resolve().parent / "data" / "pinyin.txt"


@cache
def _readings() -> dict[str, str]:
    lines = PINYIN_FILE.read_text(encoding="utf-8").splitlines()
    return {line[0]: line[1:] for line in lines if len(line) > 1}


def syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin, one syllable per character; a character without one stands for itself."""
    readings = _readings()
    return tuple(readings.get(ch, ch) for ch in text)


def sounds_alike(heard: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether a window sounds like a name of as many characters: the same first syllable,
    and at most one other syllable a letter off ("ai mei te" for "ai mi te")."""
    if len(heard) != len(name) or not heard or heard[0] != name[0]:
        return False
    different = [(a, b) for a, b in zip(heard, name, strict=True) if a != b]
    return len(different) <= 1 and all(OSA.distance(a, b) <= 1 for a, b in different)
