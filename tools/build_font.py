"""Regenerate bot/assets/NotoSansCJKsc-saga-subset.otf and bot/assets/OFL.txt.

The timeline picture (bot/discord/picture.py) draws Chinese, and no CJK font can be assumed on
the machine the bot runs on, so the package ships one: Noto Sans CJK SC (SIL Open Font License
1.1), subset to the glyphs the picture can draw (every name and label, both scripts, both
traditional variants, English labels). The full font is ~20 MB; the subset is a few hundred KB.

Run after the fact base changes who is in the picture (tests/test_discord_picture.py says so):
    apt-get install fonts-noto-cjk && pip install -e ".[dev]" && python tools/build_font.py
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

from bot.discord.picture import FONT_FILE, needed_characters
from bot.engine.answer import Engine
from bot.factbase.loader import load_factbase

ASSETS = Path(__file__).resolve().parent.parent / "bot" / "assets"
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # Debian's fonts-noto-cjk
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
FACE = "Noto Sans CJK SC"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="NotoSansCJK-Regular.ttc")
    args = parser.parse_args()
    collection = TTCollection(str(args.source))
    font = next(f for f in collection.fonts if f["name"].getDebugName(4) == FACE)
    text = "".join(sorted(needed_characters(Engine(load_factbase()))))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keep the copyright and licence notices
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    ASSETS.mkdir(parents=True, exist_ok=True)
    target = ASSETS / FONT_FILE
    font.save(str(target))
    notice = font["name"].getDebugName(0) or ""
    (ASSETS / "OFL.txt").write_text(f"{FACE}: {notice}\n\n{_ofl_text()}", encoding="utf-8")
    print(f"wrote {len(text)} characters to {target} ({target.stat().st_size // 1024} KB)")


def _ofl_text() -> str:
    """The SIL Open Font License as Debian's copyright file for the font quotes it."""
    copyright_text = DEBIAN_COPYRIGHT.read_text(encoding="utf-8")
    block = re.search(r"^License: SIL-1\.1\n((?: .*\n)+)", copyright_text, re.MULTILINE)
    if block is None:
        raise SystemExit(f"no SIL-1.1 licence text in {DEBIAN_COPYRIGHT}")
    lines = [line[1:] for line in block.group(1).splitlines()]
    return "\n".join("" if line == "." else line for line in lines) + "\n"


if __name__ == "__main__":
    main()
