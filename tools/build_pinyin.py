"""Regenerate bot/engine/data/pinyin.txt: the toneless pinyin of every CJK character.

Names written by ear (艾美特 for 埃米特) are found by their pinyin. pypinyin itself costs
~57 MiB and ~0.2 s to import, for one syllable per character; this table of its readings
(CJK Unified Ideographs and Extension A, each by its usual reading) is ~200 KB and loads
in milliseconds. Run: pip install pypinyin && python tools/build_pinyin.py
"""

from __future__ import annotations

from pathlib import Path

from pypinyin import Style, lazy_pinyin

TARGET = Path(__file__).resolve().parent.parent / "bot" / "engine" / "data" / "pinyin.txt"
BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


def main() -> None:
    rows = []
    for first, last in BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            syllable = lazy_pinyin(char, style=Style.NORMAL)[0]
            if syllable != char and syllable.isascii() and syllable.isalpha():
                rows.append(f"{char}{syllable}\n")
    TARGET.write_text("".join(rows), encoding="utf-8")
    print(f"wrote {len(rows)} characters to {TARGET}")


if __name__ == "__main__":
    main()
