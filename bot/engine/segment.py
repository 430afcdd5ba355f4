"""Word segmentation for matching: jieba with a compact dictionary.

The dictionary is the 60,000 most frequent words of jieba's own (see
tools/build_words.py) plus the fact base's keywords, so domain terms such as
超级对齐 or 后训练 stay whole.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

# jieba imports the deprecated pkg_resources (60 ms of a 1 s start-up) only to find its own
# dictionary, which this module replaces; without it jieba uses a plain path. The block is
# lifted straight after, so nothing else in the process is affected.
_blocked = "pkg_resources" not in sys.modules
if _blocked:
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
try:
    import jieba
finally:
    if _blocked:
        del sys.modules["pkg_resources"]

WORDS_FILE = Path(__file__).resolve().parent / "data" / "words.txt"
jieba.setLogLevel(logging.WARNING)


# The memo's bound, in bytes of the texts and words it holds (sys.getsizeof): the index build's
# repeats fit three times over (~5 MiB for the real base), and users' long distinct messages
# cannot grow it past this (unbounded, 1,000 long questions took ~68 MiB).
MEMO_BYTES = 16 << 20


def _memo_size(text: str, words: tuple[str, ...]) -> int:
    return sys.getsizeof(text) + sys.getsizeof(words) + sum(map(sys.getsizeof, words))


class Segmenter:
    def __init__(
        self, extra_words: Iterable[str] = (), *, memo_bytes: int = MEMO_BYTES, cache_dir: Path | None = None
    ) -> None:
        self._tokenizer = jieba.Tokenizer(dictionary=str(WORDS_FILE))
        if cache_dir is not None:
            # jieba keeps its built dictionary as a marshal file, by default in the shared,
            # world-writable temporary directory, and loads it unchecked: anyone on the machine
            # could plant one there and change how every question is cut into words. The
            # engine's own cache directory is the bot's alone.
            with contextlib.suppress(OSError):
                cache_dir.mkdir(parents=True, exist_ok=True)
            if os.access(cache_dir, os.W_OK):  # else jieba would log a traceback failing to write
                self._tokenizer.tmp_dir = str(cache_dir)
        self._tokenizer.initialize()
        for word in extra_words:
            word = word.strip()
            if len(word) >= 2 and " " not in word:
                self._tokenizer.add_word(word, freq=2000)
        # The fact base repeats phrases (什么时候, 为什么离开) across thousands of phrasings,
        # and users repeat questions: a third of the index build was segmenting repeats. The
        # memo is least-recently-used and bounded by size, since users' text passes through it.
        self._memo: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._memo_limit = memo_bytes
        self.memo_bytes = 0  # what the memo holds now, as _memo_size counts it

    def knows(self, word: str) -> bool:
        """Whether `word` is a word of the dictionary, not one the HMM joined from unknown text."""
        return bool(self._tokenizer.FREQ.get(word))

    def words(self, text: str) -> tuple[str, ...]:
        found = self._memo.get(text)
        if found is not None:
            self._memo.move_to_end(text)
            return found
        words = self._segment(text)
        size = _memo_size(text, words)
        if size <= self._memo_limit:
            self._memo[text] = words
            self.memo_bytes += size
            while self.memo_bytes > self._memo_limit:
                old_text, old_words = self._memo.popitem(last=False)
                self.memo_bytes -= _memo_size(old_text, old_words)
        return words

    def _segment(self, text: str) -> tuple[str, ...]:
        return tuple(w for w in self._tokenizer.lcut(text, HMM=True) if w.strip())
