"""Word segmentation for matching: jieba with a compact dictionary.

The dictionary is the 60,000 most frequent words of jieba's own (see
tools/build_words.py) plus the fact base's keywords, so domain terms such as
超级对齐 or 后训练 stay whole.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from functools import lru_cache
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


class Segmenter:
    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._tokenizer = jieba.Tokenizer(dictionary=str(WORDS_FILE))
        self._tokenizer.initialize()
        for word in extra_words:
            word = word.strip()
            if len(word) >= 2 and " " not in word:
                self._tokenizer.add_word(word, freq=2000)
        # The fact base repeats phrases (什么时候, 为什么离开) across thousands of phrasings,
        # and users repeat questions: a third of the index build was segmenting repeats.
        self.words = lru_cache(maxsize=1 << 16)(self._segment)

    def _segment(self, text: str) -> tuple[str, ...]:
        return tuple(w for w in self._tokenizer.lcut(text, HMM=True) if w.strip())
