"""Which script a question is written in.

A character counts as traditional when OpenCC's tw2s/hk2s would change it, and
as simplified when it is one of the characters s2t would change (so it exists
only in simplified). Text with neither ("Ilya去哪了", "OpenAI") is valid in both
scripts, and the caller's preference decides.

What s2t would change is read from data/script_chars.json (made from OpenCC's tables by
tools/build_script_chars.py), not by converting the text: s2t's phrase tables cost ~50 ms and
26 MiB to open, and only a handful of characters (后 in 皇后, 只 in 一只) convert otherwise in a
phrase than alone. Text whose verdict hangs on those is converted whole, as before.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.metadata import version
from pathlib import Path

from bot.text import CJK_RE, Script, to_simplified, to_traditional

SCRIPT_CHARS_FILE = Path(__file__).resolve().parent / "data" / "script_chars.json"


@cache
def _simplified_chars() -> tuple[frozenset[str], frozenset[str]] | None:
    """(characters s2t changes in any text, those it changes or not by their neighbours); None
    when the file was made from another OpenCC than the one installed (then texts are
    converted whole)."""
    data = json.loads(SCRIPT_CHARS_FILE.read_text(encoding="utf-8"))
    if data["opencc"] != version("opencc"):
        return None
    contextual = frozenset(data["contextual"])
    return frozenset(data["changed"]) - contextual, contextual


def _traditional_count(text: str) -> int:
    # tw2s/hk2s are open anyway: every question is matched in simplified.
    as_simplified = to_simplified(text)
    return sum(a != b for a, b in zip(text, as_simplified, strict=False) if CJK_RE.match(a))


def script_counts(text: str) -> tuple[int, int]:
    """(traditional-only characters, simplified-only characters) in `text`, converting it
    whole, so OpenCC's phrase tables keep shared characters such as 后 in 皇后 or 里 in 公里
    from counting as simplified-only."""
    if not CJK_RE.search(text):
        return 0, 0
    as_traditional = to_traditional(text, "t")
    simplified = sum(a != b for a, b in zip(text, as_traditional, strict=False) if CJK_RE.match(a))
    return _traditional_count(text), simplified


def _verdict(traditional: int, simplified: int) -> Script | None:
    if traditional > simplified:
        return "traditional"
    if simplified > traditional:
        return "simplified"
    return None


def detect_script(text: str) -> Script | None:
    """The script `text` is written in, or None when it could be either: the verdict of
    script_counts, without converting the text to traditional unless a character whose
    conversion depends on its neighbours could change it."""
    if not CJK_RE.search(text):
        return None
    tables = _simplified_chars()
    if tables is None:
        return _verdict(*script_counts(text))
    always, contextual = tables
    traditional = _traditional_count(text)
    simplified = sum(ch in always for ch in text)
    unsure = sum(ch in contextual for ch in text)
    # The whole-text count lies between `simplified` and `simplified + unsure`.
    if unsure and simplified <= traditional <= simplified + unsure:
        return _verdict(*script_counts(text))
    return _verdict(traditional, simplified)


def choose_script(text: str, *preferences: Script | None) -> Script:
    """The reply script: the question's own, else the first preference given, else simplified."""
    detected = detect_script(text)
    if detected is not None:
        return detected
    for preference in preferences:
        if preference is not None:
            return preference
    return "simplified"
