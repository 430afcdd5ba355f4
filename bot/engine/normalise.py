"""Normalising user questions before matching.

The engine compares questions in one canonical form: NFKC (full-width letters
and digits to ASCII), Discord markup and mentions removed, control and
combining characters dropped, simplified script, lower case, punctuation gone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.engine.rules import LazyPattern
from bot.text import nfkc, to_simplified

MAX_QUESTION_CHARS = 500  # longer input is cut before matching: a question, not an essay
# Texts normalised, remembered: the engine's stages normalise one question, its sentences and a
# follow-up's joined form several times over (a 2,000-character message eight times).
NORMALISED_KEPT = 128

# Discord mentions and markup: <@123>, <@!123>, <@&123>, <#123>, <:name:123>, <t:123:R>.
_DISCORD_TOKEN = LazyPattern(r"<(?:@[!&]?|#|a?:\w+:|t:)\d+(?::\w)?>")
_EVERYONE = LazyPattern(r"@(?:everyone|here)\b", re.I)
_URL = LazyPattern(r"https?://\S+")
_MARKDOWN = LazyPattern(r"[*_~`|>]+")
_SPACES = LazyPattern(r"\s+")
# What is left for matching: letters, digits, CJK and a few in-word joiners.
_NOT_WORD = LazyPattern(r"[^0-9a-z\u3400-\u9fff\uf900-\ufaff%.\-+ ]+")


@dataclass(frozen=True, slots=True)
class Normalised:
    original: str
    display: str  # safe to echo: no mentions, no control characters, cut to size
    simplified: str  # display in simplified script
    key: str  # matching form: simplified, lower case, punctuation as spaces

    @property
    def is_empty(self) -> bool:
        return not self.key.strip()


def strip_invisible(text: str) -> str:
    """Drop control, format and combining characters (zalgo, zero-width, bidi marks)."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Co", "Cs") and char not in "\n\t":
            continue
        if category.startswith("M"):  # combining marks: zalgo stacks on Latin letters
            continue
        kept.append(char)
    return "".join(kept)


def display_form(text: str) -> str:
    text = strip_invisible(nfkc(text))
    text = _DISCORD_TOKEN.sub(" ", text)
    text = _EVERYONE.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _MARKDOWN.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return text[:MAX_QUESTION_CHARS]


_SPACE_IN_CJK = LazyPattern(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")


def matching_key(simplified: str) -> str:
    # OpenCC simplifies Cantonese 嗰 ("that") to the rare 𠮶 (U+20BB6), outside the ranges kept
    # below; the Cantonese table knows it as 嗰.
    key = _NOT_WORD.sub(" ", simplified.casefold().replace("\U00020bb6", "嗰"))
    key = _SPACES.sub(" ", key).strip(" .-+")
    return _SPACE_IN_CJK.sub("", key)  # Chinese has no word spaces: "穆拉蒂 什么" is "穆拉蒂什么"


@lru_cache(maxsize=NORMALISED_KEPT)
def normalise(question: str) -> Normalised:
    """`question` in the forms the engine reads (a Normalised is immutable, so one is shared)."""
    display = display_form(question)
    simplified = to_simplified(display)
    return Normalised(question, display, simplified, matching_key(simplified))


# -- the Cantonese copula ---------------------------------------------------------------------

# OpenCC writes Cantonese 係 (is) as 系, the character of 关系, 系统, 联系. A 系 that no
# dictionary word spans is the copula wherever it stands (走系因为, 系边年, 佢系CTO), and Mandarin's
# literary 系 (确系) is one too: read as 是. The words holding 系 are the segmenter's dictionary's.
_WORDS_FILE = Path(__file__).resolve().parent / "data" / "words.txt"
COPULA = "系"


@lru_cache(maxsize=1)
def _words_holding_copula() -> re.Pattern[str]:
    words = set()
    with _WORDS_FILE.open(encoding="utf-8") as lines:
        for line in lines:
            word = line.split(" ", 1)[0]
            if COPULA in word and len(word) >= 2:
                words.add(word)
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def read_copula(key: str) -> str:
    """`key` with each 系 that is not part of a dictionary word read as 是."""
    if COPULA not in key:
        return key
    spanned: set[int] = set()
    text = key
    # Overlapping words (关系统): every start is tried, so a 系 inside any word stays.
    pattern = _words_holding_copula()
    for start in range(len(text)):
        found = pattern.match(text, start)
        if found is not None:
            spanned.update(range(found.start(), found.end()))
    return "".join("是" if char == COPULA and i not in spanned else char for i, char in enumerate(text))


# -- which + a unit of time -------------------------------------------------------------------

# "Which year / month / day / week", in Cantonese (边) or Mandarin (哪), with or without a measure
# word: one class, read as the Mandarin form that asks when. Before the Cantonese words are read,
# so 边个月 is not 边个 (who) + 月.
_WHICH_TIME = LazyPattern(r"[边哪](?:一|个)?(年|月|日|天|号|周|星期|礼拜)")
_WHEN_FORM = {"年": "哪年", "月": "哪个月", "日": "哪天", "天": "哪天", "号": "哪天"}


def read_time_interrogative(key: str) -> str:
    """`key` with each which + unit of time read as the Mandarin when-question form."""
    return _WHICH_TIME.sub(lambda found: _WHEN_FORM.get(found.group(1), "哪个星期"), key)
