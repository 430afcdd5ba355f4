"""Regenerate bot/engine/data/script_chars.json: which characters tell simplified text apart.

Detecting a question's script by converting it whole with OpenCC's s2t loads s2t's phrase
tables (~50 ms and 26 MiB on the first question). This records what that conversion would do
character by character, from OpenCC's own tables, so script detection reads a few thousand
characters instead:

- ``changed``: the characters s2t changes when converted alone (simplified-only ones, and the
  compatibility ideographs it normalises);
- ``contextual``: the characters some s2t phrase converts otherwise than alone (后 stays in 皇后,
  只 becomes 隻 in 一只). Only text holding one of them can convert differently whole.

Run: python tools/build_script_chars.py (after an OpenCC upgrade; a test checks the version).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from importlib.metadata import version
from pathlib import Path

import opencc

TARGET = Path(__file__).resolve().parent.parent / "bot" / "engine" / "data" / "script_chars.json"
# The ranges bot.text.CJK_RE counts as Chinese.
RANGES = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))
PHRASE_TABLES = ("STPhrases.ocd2", "STPhrases_GeneratedFromRegionalPhrases.ocd2")


def phrases(table: Path, tool: Path) -> list[tuple[str, str]]:
    """(phrase, its first conversion) of an OpenCC binary table, dumped with opencc_dict."""
    with tempfile.TemporaryDirectory() as scratch:
        dumped = Path(scratch) / "table.txt"
        subprocess.run(
            [str(tool), "-i", str(table), "-o", str(dumped), "-f", "ocd2", "-t", "text"], check=True
        )
        rows = [line.split("\t") for line in dumped.read_text(encoding="utf-8").splitlines() if line]
    return [(source, targets.split(" ")[0]) for source, targets in rows]


def main() -> None:
    clib = Path(opencc.__file__).resolve().parent / "clib"
    s2t = opencc.OpenCC("s2t")
    alone = {chr(c): s2t.convert(chr(c)) for low, high in RANGES for c in range(low, high + 1)}
    changed = sorted(ch for ch, converted in alone.items() if converted != ch)
    contextual: set[str] = set()
    for table in PHRASE_TABLES:
        for source, target in phrases(clib / "share" / "opencc" / table, clib / "bin" / "opencc_dict"):
            if len(source) < 2:
                continue
            if len(target) != len(source):
                contextual.update(source)
                continue
            contextual.update(ch for ch, out in zip(source, target, strict=True) if alone.get(ch, ch) != out)
    data = {
        "opencc": version("opencc"),
        "changed": "".join(changed),
        "contextual": "".join(sorted(contextual)),
    }
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(changed)} changed and {len(contextual)} contextual characters to {TARGET}")


if __name__ == "__main__":
    main()
