"""Cleaning of the raw articles: one small, tested function per kind of artefact.

The raw files stay byte for byte in facts/sources/; everything a user sees comes
from the cleaned text that :func:`clean_article` returns, and every quote in the
fact base must be verbatim in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

CJK = r"\u3400-\u9fff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# A CJK character followed by a parenthesised run of pinyin letters: 負(fù) -> 負.
# The group must carry a tone mark, ü, or a `?` where the bad copy lost one, so
# English in parentheses — (scalable oversight), (RLHF) — is never touched.
_PINYIN_GROUP = re.compile(rf"(?<=[{CJK}])\((?=[a-z{_TONED}?]*[{_TONED}?])[a-z{_TONED}?]{{1,7}}\)")

# Spans the bad copy of a002 corrupted beyond pattern repair: UTF-8 bytes read as
# GBK left `?` and stray characters in place of the original ones. Each entry is
# (corrupted text, repaired text), checked against the context of the article.
CORRUPTED_SPANS: tuple[tuple[str, str], ...] = (
    # "因為在安全觀念上" (because of differences over safety), a002 para. on Amodei
    ("因?yàn)樵诎踩^念上", "因為在安全觀念上"),
    # "是因為我認為" (because I believed), Leike's tweet
    ("是因?yàn)槲艺J(rèn)為", "是因為我認為"),
    # "適當的時候" (at the right time), Ilya's tweet
    ("適當(dāng)?shù)臅r(shí)候", "適當的時候"),
)

# Errors a source already carried before it reached us: a wrong character chosen by
# a simplified->traditional converter, or a typo in a name. (wrong, right)
CONVERSION_ERRORS: tuple[tuple[str, str], ...] = (
    ("髮布", "發布"),  # 发 -> 髮 (hair) instead of 發 (issue)
    ("最多隻猜到", "最多只猜到"),  # 只 -> 隻 (measure word) instead of 只 (only)
    ("OpenAl", "OpenAI"),  # lower-case L for I
    ("起诉penAI", "起诉OpenAI"),  # dropped O
)

# Lines that are page furniture, never content.
_BOILERPLATE_LINE = re.compile(
    r"^(?:"
    r"[图圖]源[:：].*"  # photo credit
    r"|[图圖]片(?:来自.*)?"  # photo placeholder / credit
    r"|Advertisements"
    r"|相[关關]新[闻聞]"
    r"|[請请]按此登[錄录]後留言.*"
    r"|[資资]料[來来]源[:：].*"
    r"|[參参]考[資资]料[:：]?"
    r"|https?://\S+"  # bare reference URL
    r"|大鱼新闻 财经 .*"  # scrape header: outlet + relative age ("2 months, 3 weeks")
    r")$"
)
# A photo credit at the end of a caption line: "Peter Deng 图源:X账号".
_TRAILING_CREDIT = re.compile(r"\s*[图圖]源[:：].*$")
# What remains of a caption once its credit is gone is a short label, not a sentence.
_CAPTION_MAX = 20

# Text appended to an article that belongs to another story. Everything after the
# line that ends with the anchor is dropped. (article id, anchor)
UNRELATED_TAILS: dict[str, str] = {
    # a003 ends with Benjamin De Kraker's quote; the iPhone 16 / AI PC paragraphs
    # after it are from an unrelated page.
    "a003": "你不想留下来并成为其中的一员吗?”",
}

# Title-line decorations.
_TITLE_SUFFIX = re.compile(r"\s*\([图圖]\)\s*$")

# A `?` that is a real question mark: at a line end, before a space or closing
# punctuation, or after a sentence-final particle. Any other `?` next to a CJK
# character is left from the bad copy and fails the build.
_QUESTION_MARK = re.compile(r"\?(?=$|\s|[”」』)）\]])|(?<=[了吗嗎呢吧么麼啊呀])\?")
_SUSPICIOUS = re.compile(rf"[{CJK}]\?|\?[{CJK}]|\ufffd")


class CleaningError(ValueError):
    """A cleaned article still carries an artefact; the build must stop."""


def decode(raw: bytes) -> str:
    """Decode UTF-8, turning undecodable bytes into U+FFFD so the check can see them."""
    return raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")


def repair_corrupted_spans(text: str) -> str:
    for bad, good in CORRUPTED_SPANS:
        text = text.replace(bad, good)
    return text


def strip_pinyin(text: str) -> str:
    """Remove pinyin injected after characters: 團(tuán)隊(duì) -> 團隊."""
    return _PINYIN_GROUP.sub("", text)


def fix_conversion_errors(text: str) -> str:
    for bad, good in CONVERSION_ERRORS:
        text = text.replace(bad, good)
    return text


def drop_trailing_credit(line: str) -> str:
    """'John Schulman 图源:X' -> '' (a caption), 'text 图源:X' -> 'text'."""
    stripped = _TRAILING_CREDIT.sub("", line)
    if stripped != line and len(stripped) <= _CAPTION_MAX:
        return ""
    return stripped


def is_boilerplate(line: str) -> bool:
    return bool(_BOILERPLATE_LINE.match(line.strip()))


def drop_unrelated_tail(lines: list[str], article_id: str) -> list[str]:
    anchor = UNRELATED_TAILS.get(article_id)
    if anchor is None:
        return lines
    for i, line in enumerate(lines):
        if line.endswith(anchor):
            return lines[: i + 1]
    raise CleaningError(f"{article_id}: unrelated-tail anchor not found: {anchor!r}")


def drop_repeated_paragraphs(lines: Iterable[str]) -> list[str]:
    """Keep the first occurrence of each paragraph: two sources hold their article twice."""
    seen: set[str] = set()
    kept: list[str] = []
    for line in lines:
        if line in seen:
            continue
        seen.add(line)
        kept.append(line)
    return kept


def normalise_question_marks(text: str) -> str:
    """Real ASCII question marks become full-width, so a leftover `?` is an artefact."""
    return "\n".join(_QUESTION_MARK.sub("？", line) for line in text.split("\n"))


def check_clean(text: str, article_id: str) -> None:
    match = _SUSPICIOUS.search(text)
    if match:
        start = max(0, match.start() - 10)
        raise CleaningError(
            f"{article_id}: artefact left after cleaning at offset {match.start()}: "
            f"{text[start : match.end() + 10]!r}"
        )
    if _PINYIN_GROUP.search(text):
        raise CleaningError(f"{article_id}: pinyin group left after cleaning")


def clean_article(raw: bytes, article_id: str) -> str:
    """The article as users may see it: one paragraph a line, no artefacts."""
    text = decode(raw)
    text = repair_corrupted_spans(text)
    text = strip_pinyin(text)
    text = fix_conversion_errors(text)
    lines: list[str] = []
    for index, line in enumerate(text.split("\n")):
        line = line.strip()
        if index == 0:
            line = _TITLE_SUFFIX.sub("", line)
        line = drop_trailing_credit(line)
        if not line or is_boilerplate(line):
            continue
        lines.append(line)
    lines = drop_unrelated_tail(lines, article_id)
    lines = drop_repeated_paragraphs(lines)
    cleaned = normalise_question_marks("\n".join(lines))
    check_clean(cleaned, article_id)
    return cleaned


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a cleaned article and its address (article id + character offset)."""

    article: str
    offset: int
    text: str

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


# Split after sentence-final punctuation (and any closing quotes), or at a line end.
_SENTENCE = re.compile(r"[^\n。！？!；;]*(?:[。！？!；;]+[”」』’\"]*|$)", re.M)


def split_sentences(text: str, article_id: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for match in _SENTENCE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        offset = match.start() + (len(raw) - len(raw.lstrip()))
        sentences.append(Sentence(article_id, offset, stripped))
    return sentences
