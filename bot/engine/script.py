"""Which script a question is written in.

A character counts as traditional when OpenCC's tw2s/hk2s would change it, and
as simplified when it is one of the characters s2t would change (so it exists
only in simplified). Text with neither ("Ilya去哪了", "OpenAI") is valid in both
scripts, and the caller's preference decides.
"""

from __future__ import annotations

from bot.text import CJK_RE, Script, to_simplified, to_traditional


def script_counts(text: str) -> tuple[int, int]:
    """(traditional-only characters, simplified-only characters) in `text`."""
    if not CJK_RE.search(text):
        return 0, 0
    # Whole-text conversion, so OpenCC's phrase tables keep shared characters
    # such as 后 in 皇后 or 里 in 公里 from counting as simplified-only.
    as_simplified = to_simplified(text)
    as_traditional = to_traditional(text, "t")
    traditional = sum(a != b for a, b in zip(text, as_simplified, strict=False) if CJK_RE.match(a))
    simplified = sum(a != b for a, b in zip(text, as_traditional, strict=False) if CJK_RE.match(a))
    return traditional, simplified


def detect_script(text: str) -> Script | None:
    """The script `text` is written in, or None when it could be either."""
    traditional, simplified = script_counts(text)
    if traditional > simplified:
        return "traditional"
    if simplified > traditional:
        return "simplified"
    return None


def choose_script(text: str, *preferences: Script | None) -> Script:
    """The reply script: the question's own, else the first preference given, else simplified."""
    detected = detect_script(text)
    if detected is not None:
        return detected
    for preference in preferences:
        if preference is not None:
            return preference
    return "simplified"
