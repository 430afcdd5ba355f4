"""Regenerate bot/engine/data/words.txt: the most frequent words of jieba's dictionary.

jieba's full dictionary (349k words) takes ~0.8 s to load, most of the engine's
start-up budget; the 60,000 most frequent words segment questions just as well
for this domain and load in ~0.07 s. Run: python tools/build_words.py
"""

from __future__ import annotations

import os
from pathlib import Path

import jieba

KEEP = 60_000
TARGET = Path(__file__).resolve().parent.parent / "bot" / "engine" / "data" / "words.txt"


def main() -> None:
    source = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    rows = [line.split() for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda row: (-int(row[1]), row[0]))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text("".join(f"{word} {freq}\n" for word, freq, *_ in rows[:KEEP]), encoding="utf-8")
    print(f"wrote {KEEP} words to {TARGET}")


if __name__ == "__main__":
    main()
