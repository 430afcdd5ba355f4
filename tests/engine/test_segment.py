"""The segmenter: jieba with the fact base's words, and a memo users' text cannot grow."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

from bot.engine.segment import MEMO_BYTES, Segmenter

MIB = 1 << 20


def long_distinct_questions(count: int, length: int = 480, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return ["".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(length)) for _ in range(count)]


def test_many_long_distinct_questions_keep_the_memo_bounded() -> None:
    """100 distinct 480-character questions would hold ~4 MiB in an unbounded memo (each keeps
    its text and ~250 words); bounded at 1 MiB, memory grows by about that, however many come."""
    segmenter = Segmenter(memo_bytes=MIB)
    questions = long_distinct_questions(100)
    segmenter.words(questions[0])  # jieba's own lazy state, before measuring
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        for question in questions[1:]:
            segmenter.words(question)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert segmenter.memo_bytes <= MIB
    assert grown < 1.5 * MIB, f"memory grew by {grown / MIB:.1f} MiB"


def test_the_memo_keeps_what_is_asked_again() -> None:
    segmenter = Segmenter(memo_bytes=MIB)
    calls = 0
    segment = segmenter._segment

    def counting(text: str) -> tuple[str, ...]:
        nonlocal calls
        calls += 1
        return segment(text)

    segmenter._segment = counting  # type: ignore[method-assign]
    first = segmenter.words("穆拉蒂什么时候离职")
    for question in long_distinct_questions(3, length=40):
        segmenter.words(question)
    assert segmenter.words("穆拉蒂什么时候离职") == first
    assert calls == 4


def test_a_text_larger_than_the_memo_is_segmented_and_not_kept() -> None:
    segmenter = Segmenter(memo_bytes=1000)
    (question,) = long_distinct_questions(1)
    assert "".join(segmenter.words(question)) == question
    assert segmenter.memo_bytes == 0


def test_the_default_bound_holds_the_index_builds_repeats() -> None:
    assert 8 * MIB <= MEMO_BYTES <= 64 * MIB


def test_jiebas_built_dictionary_is_kept_in_the_engines_cache_not_the_shared_temp(tmp_path: Path) -> None:
    """A dictionary file planted in the world-writable temporary directory is never read:
    jieba's cache goes where the engine keeps its own."""
    Segmenter(cache_dir=tmp_path / "cache").words("穆拉蒂离职")
    assert [p.name for p in (tmp_path / "cache").glob("jieba*.cache")]
