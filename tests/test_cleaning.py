"""Each cleaning rule, proved on the real artefact it exists for."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.factbase import cleaning
from bot.factbase.cleaning import CleaningError, clean_article, split_sentences
from bot.paths import default_facts_dir

SOURCES = default_facts_dir() / "sources"


def raw(name: str) -> bytes:
    return next(SOURCES.glob(f"{name}_*.txt")).read_bytes()


@pytest.fixture(scope="module")
def cleaned() -> dict[str, str]:
    return {f"a{n}": clean_article(raw(n), f"a{n}") for n in ("000", "001", "002", "003", "004")}


def test_sources_are_byte_for_byte_copies_named_by_hash() -> None:
    # The file names carry the first 16 hex digits of a content hash of the original;
    # here we only check that the five files are present and non-empty.
    files = sorted(Path(SOURCES).glob("00*_*.txt"))
    assert [f.name[:3] for f in files] == ["000", "001", "002", "003", "004"]
    assert all(f.stat().st_size > 1000 for f in files)


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("負(fù)責(zé)", "負責"),
        ("團(tuán)隊(duì)", "團隊"),
        ("說(shuō)", "說"),
        ("當(dāng)初", "當初"),
        ("可擴(kuò)展監(jiān)督(scalable oversight)", "可擴展監督(scalable oversight)"),
        ("InstructGPT(RLHF)", "InstructGPT(RLHF)"),
        ("感受下 AGI(feel the AGI)", "感受下 AGI(feel the AGI)"),
        ("當(dāng?)", "當"),  # a `?` where the bad copy lost a tone mark
    ],
)
def test_strip_pinyin(dirty: str, clean: str) -> None:
    assert cleaning.strip_pinyin(dirty) == clean


def test_pinyin_gone_from_real_article(cleaned: dict[str, str]) -> None:
    text = raw("002").decode()
    assert "負(fù)責(zé)" in text
    assert "負責" in cleaned["a002"]
    assert "(fù)" not in cleaned["a002"]
    assert "可擴展監督(scalable oversight)" in cleaned["a002"]


@pytest.mark.parametrize(("bad", "good"), cleaning.CORRUPTED_SPANS)
def test_corrupted_spans_repaired(cleaned: dict[str, str], bad: str, good: str) -> None:
    assert bad in raw("002").decode()
    assert bad not in cleaned["a002"]
    assert good in cleaned["a002"]


def test_leftover_question_mark_or_replacement_char_fails_the_build() -> None:
    with pytest.raises(CleaningError):
        cleaning.check_clean("因?為", "t")
    with pytest.raises(CleaningError):
        cleaning.check_clean("結尾\ufffd", "t")
    # An unrepaired corrupted span fails the whole article.
    with pytest.raises(CleaningError):
        clean_article("Amodei因?yàn)樵诎不同".encode(), "t")
    # Real question marks are kept (as full-width) and pass.
    assert cleaning.normalise_question_marks("又双叒叕变了?") == "又双叒叕变了？"
    assert cleaning.normalise_question_marks("不 Open 了?公司") == "不 Open 了？公司"


def test_undecodable_bytes_fail_the_build() -> None:
    with pytest.raises(CleaningError):
        clean_article("正文".encode() + b"\xff\xfe" + "結束。".encode(), "t")


def test_duplicated_articles_kept_once(cleaned: dict[str, str]) -> None:
    for article, paragraph in [
        ("001", "董事會希望説服 Anthropic 的聯合創始人兼 CEO Dario Amodei 接任 CEO"),
        ("004", "深陷高管离职风波的 OpenAI 最近点燃了吃瓜群众的热情。"),
    ]:
        assert raw(article).decode().count(paragraph) == 2
        assert cleaned[f"a{article}"].count(paragraph) == 1
    for text in cleaned.values():
        lines = text.split("\n")
        assert len(lines) == len(set(lines))


@pytest.mark.parametrize(
    ("article", "line"),
    [
        ("000", "图源:X"),
        ("000", "图源:Reddit"),
        ("002", "圖片"),
        ("004", "Advertisements"),
        ("004", "相关新闻"),
        ("004", "图片来自@ Blizaine"),
        ("001", "資料來源:愛範兒(ifanr)"),
        ("001", "請按此登錄後留言。未成為會員? 立即註冊"),
        ("002", "https://www.theinformation.com/articles/whats-next-for-openais-ilya-sutskever"),
        ("002", "參考資料:"),
        ("004", "大鱼新闻 财经 2 months, 3 weeks"),
    ],
)
def test_boilerplate_lines_dropped(cleaned: dict[str, str], article: str, line: str) -> None:
    assert line in raw(article).decode().splitlines()
    assert line not in cleaned[f"a{article}"].splitlines()


def test_photo_credit_captions_dropped(cleaned: dict[str, str]) -> None:
    assert "Peter Deng 图源:X账号" in raw("000").decode()
    assert "图源" not in cleaned["a000"]
    assert "joschu.net" not in cleaned["a000"]


def test_unrelated_tail_dropped(cleaned: dict[str, str]) -> None:
    assert "iPhone 16" in raw("003").decode()
    assert "iPhone 16" not in cleaned["a003"]
    assert "AI PC" not in cleaned["a003"]
    assert cleaned["a003"].endswith("你不想留下来并成为其中的一员吗？”")


def test_missing_tail_anchor_is_an_error() -> None:
    with pytest.raises(CleaningError):
        cleaning.drop_unrelated_tail(["没有锚点的一行"], "a003")


def test_conversion_errors_fixed(cleaned: dict[str, str]) -> None:
    assert "髮布" in raw("001").decode()
    assert "髮布" not in cleaned["a001"]
    assert "OpenAI 原本沒打算發布 GPT-3.5" in cleaned["a001"]
    assert "OpenAl" not in cleaned["a003"]


def test_title_decoration_dropped(cleaned: dict[str, str]) -> None:
    assert cleaned["a004"].startswith("他爱赚钱也爱宫斗!OpenAI 高管离职潮内幕曝\n")


def test_sentences_keep_their_address(cleaned: dict[str, str]) -> None:
    for article, text in cleaned.items():
        sentences = split_sentences(text, article)
        assert sentences
        for sentence in sentences:
            assert text[sentence.offset : sentence.end] == sentence.text
