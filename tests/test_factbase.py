"""The real fact base is valid; each validation rule rejects its bad fixture."""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main
from bot.factbase.loader import MAX_FILE_BYTES, MAX_RECORDS_BYTES, FactBase, FactBaseError, load_factbase
from bot.factbase.report import coverage, render_report
from bot.paths import default_facts_dir

ENTITIES = """\
- id: altman
  kind: person
  name: 萨姆·奥尔特曼
  name_en: Sam Altman
  aliases: [奥特曼, Altman]
  summary: OpenAI的CEO。
  sources:
    - article: a001
      quote: 11 月 17 日,Altman 在線上會議被董事會辭退。
- id: openai
  kind: org
  name: OpenAI
  summary: 一家AI公司。
  sources:
    - article: a001
      quote: 11 月 17 日,Altman 在線上會議被董事會辭退。
"""

RECORD = """\
- id: t-altman-fired
  kind: event
  date: "2023-11-17"
  precision: day
  entities: [altman, openai]
  intents: [when]
  answer: 2023年11月17日,奥尔特曼被董事会解雇。
  questions: [Altman什么时候被解雇?, When was Altman fired?]
  sources:
    - article: a001
      quote: 11 月 17 日,Altman 在線上會議被董事會辭退。
"""


@pytest.fixture
def fixture_dir(tmp_path: Path) -> Path:
    root = tmp_path / "facts"
    shutil.copytree(default_facts_dir() / "sources", root / "sources")
    (root / "records").mkdir()
    (root / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    (root / "records" / "a001.yaml").write_text(RECORD, encoding="utf-8")
    # Only the article the fixture's records cite: every listed article needs its record file.
    listed = (root / "sources" / "sources.yaml").read_text(encoding="utf-8")
    (a001,) = [entry for entry in listed.split("\n- ") if entry.startswith("id: a001\n")]
    (root / "sources" / "sources.yaml").write_text("- " + a001, encoding="utf-8")
    return root


def problems_after(root: Path, edit: Callable[[Path], None]) -> list[str]:
    edit(root)
    with pytest.raises(FactBaseError) as info:
        load_factbase(root)
    return [str(p) for p in info.value.problems]


def replace_in(path: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        target = root / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new), encoding="utf-8")

    return edit


def test_real_fact_base_is_valid_and_large(factbase: FactBase) -> None:
    assert len(factbase.articles) == 5
    assert len(factbase.facts) >= 300
    assert len(factbase.events()) >= 40
    assert sum(e.kind == "person" for e in factbase.entities.values()) >= 40


def test_every_fact_quote_is_verbatim_and_traceable(factbase: FactBase) -> None:
    for fact in factbase.facts:
        for citation in fact.sources:
            assert factbase.locate(citation) >= 0, fact.id


def test_coverage_of_statements_is_at_least_85_percent(factbase: FactBase) -> None:
    per_article = coverage(factbase, statements_only=True)
    cited = sum(c.cited for c in per_article.values())
    total = sum(c.total for c in per_article.values())
    assert cited / total >= 0.85


def test_conflicts_are_kept_with_each_source(factbase: FactBase) -> None:
    for key in ("openai-headcount", "founders-remaining", "brockman-title"):
        group = [f for f in factbase.facts if f.conflict == key]
        assert len({f.sources[0].article for f in group}) >= 2, key


def test_fixture_is_valid(fixture_dir: Path) -> None:
    base = load_factbase(fixture_dir)
    assert [f.id for f in base.facts] == ["t-altman-fired"]


def test_quote_not_verbatim(fixture_dir: Path) -> None:
    problems = problems_after(fixture_dir, replace_in("records/a001.yaml", "在線上會議", "在线上会议"))
    assert problems == [
        "records/a001.yaml: t-altman-fired: quote is not verbatim in cleaned a001: '11 月 17 日,Altman 在线上会议被董事會辭退。'"
    ]


def test_undefined_entity(fixture_dir: Path) -> None:
    problems = problems_after(
        fixture_dir, replace_in("records/a001.yaml", "[altman, openai]", "[altman, nobody]")
    )
    assert problems == ["records/a001.yaml: t-altman-fired: entity 'nobody' is not defined"]


def test_duplicate_id(fixture_dir: Path) -> None:
    def edit(root: Path) -> None:
        (root / "records" / "u.yaml").write_text(RECORD, encoding="utf-8")

    problems = problems_after(fixture_dir, edit)
    assert problems == ["records/u.yaml: t-altman-fired: duplicate id (also in records/a001.yaml)"]


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ('date: "2023-11-17"', 'date: "2023-02-30"', "date: invalid date '2023-02-30'"),
        ('date: "2023-11-17"', 'date: "17/11/2023"', "date: not an ISO date"),
        ("precision: day", "precision: month", "precision 'month' does not match date '2023-11-17'"),
    ],
)
def test_bad_date_or_precision(fixture_dir: Path, old: str, new: str, reason: str) -> None:
    problems = problems_after(fixture_dir, replace_in("records/a001.yaml", old, new))
    assert len(problems) == 1
    assert problems[0].startswith("records/a001.yaml: t-altman-fired: ")
    assert reason in problems[0]


def test_alias_naming_two_entities(fixture_dir: Path) -> None:
    problems = problems_after(
        fixture_dir, replace_in("entities.yaml", "name: OpenAI\n", "name: OpenAI\n  aliases: [ALTMAN]\n")
    )
    assert problems == ["entities.yaml: openai: alias 'ALTMAN' also names 'altman'"]


def test_missing_required_field(fixture_dir: Path) -> None:
    problems = problems_after(
        fixture_dir, replace_in("records/a001.yaml", "  answer: 2023年11月17日,奥尔特曼被董事会解雇。\n", "")
    )
    assert problems == ["records/a001.yaml: t-altman-fired: answer: required field is missing"]


def test_malformed_yaml(fixture_dir: Path) -> None:
    def edit(root: Path) -> None:
        (root / "records" / "a001.yaml").write_text("- id: [unclosed\n", encoding="utf-8")

    problems = problems_after(fixture_dir, edit)
    assert len(problems) == 1
    assert problems[0].startswith("records/a001.yaml: -: not valid YAML:")


def test_superseded_by_an_undefined_fact(fixture_dir: Path) -> None:
    problems = problems_after(
        fixture_dir,
        replace_in(
            "records/a001.yaml", "  precision: day\n", "  precision: day\n  superseded_by: t-nothing\n"
        ),
    )
    assert problems == ["records/a001.yaml: t-altman-fired: superseded_by 't-nothing' is not defined"]


def test_unknown_article(fixture_dir: Path) -> None:
    problems = problems_after(fixture_dir, replace_in("records/a001.yaml", "article: a001", "article: a999"))
    assert problems == ["records/a001.yaml: t-altman-fired: cites unknown article 'a999'"]


def test_facts_check_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "check"]) == 0
    out = capsys.readouterr().out
    assert "fact base OK" in out
    assert "index OK" in out
    # The check leaves the index cached for the next start.
    assert list(Path(os.environ["SAGA_BOT_CACHE_DIR"]).glob("index-*.npz"))


def test_commands_refuse_an_invalid_fact_base(
    fixture_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    replace_in("records/a001.yaml", "[altman, openai]", "[altman, nobody]")(fixture_dir)
    monkeypatch.setenv("SAGA_BOT_FACTS", str(fixture_dir))
    for argv in (["facts", "check"], ["ask", "Altman什么时候被解雇?"], ["timeline"], ["who", "Altman"]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "records/a001.yaml: t-altman-fired: entity 'nobody' is not defined" in err
        assert "Traceback" not in err


def test_report_shows_counts(factbase: FactBase) -> None:
    report = render_report(factbase)
    assert "facts" in report and "dated events" in report and "sentence coverage" in report


def test_loading_is_fast() -> None:
    start = time.perf_counter()
    load_factbase()
    assert time.perf_counter() - start < 2.0  # generous: the budget is "well under a second"


# -- hardening: files that are missing, empty, hostile or not files at all ----------------------


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    """A copy of the shipped fact base, to break one file of."""
    root = tmp_path / "facts"
    shutil.copytree(default_facts_dir(), root)
    return root


def one_problem(root: Path) -> str:
    with pytest.raises(FactBaseError) as info:
        load_factbase(root)
    (problem,) = info.value.problems
    line = str(problem)
    assert "\n" not in line and "Traceback" not in line
    return line


@pytest.mark.parametrize("content", ["", "# nothing here yet\n", "[]\n", "null\n"])
def test_an_emptied_record_file_is_an_error(real_copy: Path, content: str) -> None:
    (real_copy / "records" / "a000.yaml").write_text(content, encoding="utf-8")
    assert one_problem(real_copy) == "records/a000.yaml: -: no records: a record file holds at least one"


def test_every_listed_article_needs_its_record_file(
    real_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (real_copy / "records" / "a002.yaml").unlink()
    assert one_problem(real_copy) == "records/a002.yaml: -: article a002 has no record file"
    # `facts check` and every start refuse it the same way.
    monkeypatch.setenv("SAGA_BOT_FACTS", str(real_copy))
    assert main(["facts", "check"]) == 1
    assert "article a002 has no record file" in capsys.readouterr().err


SECOND_RECORD = RECORD.replace("t-altman-fired", "t-altman-fired-again")


@pytest.mark.parametrize(
    ("first", "second", "cycle"),
    [
        ("t-altman-fired", None, "t-altman-fired -> t-altman-fired"),
        (
            "t-altman-fired-again",
            "t-altman-fired",
            "t-altman-fired -> t-altman-fired-again -> t-altman-fired",
        ),
    ],
)
def test_superseded_by_cycles_are_rejected(
    fixture_dir: Path, first: str, second: str | None, cycle: str
) -> None:
    def supersede(record: str, by: str | None) -> str:
        return (
            record
            if by is None
            else record.replace("  precision: day\n", f"  precision: day\n  superseded_by: {by}\n")
        )

    records = supersede(RECORD, first) + supersede(SECOND_RECORD, second)
    (fixture_dir / "records" / "a001.yaml").write_text(records, encoding="utf-8")
    assert one_problem(fixture_dir) == (
        f"records/a001.yaml: t-altman-fired: superseded_by forms a cycle: {cycle}"
    )


def test_a_superseded_by_chain_that_ends_is_accepted(fixture_dir: Path) -> None:
    chained = RECORD.replace(
        "  precision: day\n", "  precision: day\n  superseded_by: t-altman-fired-again\n"
    )
    (fixture_dir / "records" / "a001.yaml").write_text(chained + SECOND_RECORD, encoding="utf-8")
    assert len(load_factbase(fixture_dir).facts) == 2


YAML_BOMB = """\
- &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
- &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
- &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
- &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
- &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
- &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
- &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
- &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
- &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@pytest.mark.parametrize("file", ["records/a001.yaml", "entities.yaml"])
def test_a_yaml_bomb_is_refused_at_once_naming_the_file(fixture_dir: Path, file: str) -> None:
    (fixture_dir / file).write_text(YAML_BOMB, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(FactBaseError) as info:
        load_factbase(fixture_dir)
    assert time.perf_counter() - start < 2.0
    refused = [str(p) for p in info.value.problems if str(p).startswith(f"{file}: -: ")]
    assert refused == [f"{file}: -: not valid YAML: anchors and aliases (& and *) are not allowed, line 1"]


def test_a_single_alias_is_refused_too(fixture_dir: Path) -> None:
    record = RECORD.replace("  intents: [when]\n", "  intents: &i [when]\n") + SECOND_RECORD.replace(
        "  intents: [when]\n", "  intents: *i\n"
    )
    (fixture_dir / "records" / "a001.yaml").write_text(record, encoding="utf-8")
    assert one_problem(fixture_dir).startswith("records/a001.yaml: -: not valid YAML: anchors and aliases")


def test_ampersands_and_asterisks_in_text_are_fine(fixture_dir: Path) -> None:
    record = RECORD.replace("When was Altman fired?", "'*When* was Altman fired & why?'")
    (fixture_dir / "records" / "a001.yaml").write_text(record, encoding="utf-8")
    assert load_factbase(fixture_dir).facts[0].questions[1] == "*When* was Altman fired & why?"


@pytest.mark.parametrize(
    ("file", "size"),
    [
        ("records/a001.yaml", 3 * 1024 * 1024),
        ("entities.yaml", 60 * 1024 * 1024),
        ("sources/sources.yaml", 60 * 1024 * 1024),
    ],
)
def test_a_fact_file_over_the_size_cap_is_refused_unread(fixture_dir: Path, file: str, size: int) -> None:
    # Sparse: large by its size, nothing on disk. A valid 60 MB file loaded for a minute in 2.3 GB.
    with (fixture_dir / file).open("r+b") as stream:
        stream.truncate(size)
    start = time.perf_counter()
    lines = [str(p) for p in _problems(fixture_dir) if str(p).startswith(file)]
    assert time.perf_counter() - start < 2.0
    assert lines == [f"{file}: -: {size:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit for a fact file"]


def test_a_60_mb_record_file_is_refused_unread(fixture_dir: Path) -> None:
    with (fixture_dir / "records" / "a001.yaml").open("r+b") as stream:
        stream.truncate(60 * 1024 * 1024)
    start = time.perf_counter()
    lines = [str(p) for p in _problems(fixture_dir)]
    assert time.perf_counter() - start < 2.0
    assert lines == [
        f"records: -: 62,914,560 bytes of record files is over the {MAX_RECORDS_BYTES:,}-byte limit"
    ]


def _article_file(root: Path) -> str:
    listed = (root / "sources" / "sources.yaml").read_text(encoding="utf-8")
    match = re.search(r"file: (\S+)", listed)
    assert match is not None
    return match.group(1)


def _loop(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.name)  # a link to itself


def _directory(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_loop, "symbolic link loop"),
        (_directory, "is a directory, not a file"),
        (_fifo, "not a regular file"),
    ],
)
def test_something_else_in_place_of_a_fact_file_is_one_line(
    fixture_dir: Path, make: Callable[[Path], None], reason: str
) -> None:
    for file in ("records/a001.yaml", "entities.yaml"):
        make(fixture_dir / file)
    lines = [
        line
        for line in map(str, _problems(fixture_dir))
        if line.startswith(("records/a001.yaml: -:", "entities.yaml: -:"))
    ]
    assert lines == [f"entities.yaml: -: {reason}", f"records/a001.yaml: -: {reason}"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_loop, "symbolic link loop"),
        (_directory, "is a directory, not a file"),
        (_fifo, "not a regular file"),
    ],
)
def test_something_else_in_place_of_an_article_is_one_line(
    fixture_dir: Path, make: Callable[[Path], None], reason: str
) -> None:
    article = _article_file(fixture_dir)
    make(fixture_dir / "sources" / article)
    first = str(_problems(fixture_dir)[0])
    assert first == f"sources/sources.yaml: a001: article file {article}: {reason}"


def _problems(root: Path) -> list[object]:
    with pytest.raises(FactBaseError) as info:
        load_factbase(root)
    return list(info.value.problems)


@pytest.mark.parametrize(
    "outside", ["../../../../../../../../etc/hostname", "/etc/hostname", "../entities.yaml"]
)
def test_an_article_file_outside_the_sources_folder_is_refused(fixture_dir: Path, outside: str) -> None:
    replace_in("sources/sources.yaml", f"file: {_article_file(fixture_dir)}", f"file: {outside}")(fixture_dir)
    first = str(_problems(fixture_dir)[0])
    assert first == f"sources/sources.yaml: a001: article file is outside sources/: {outside!r}"


def test_a_link_out_of_the_sources_folder_is_refused(fixture_dir: Path, tmp_path: Path) -> None:
    article = fixture_dir / "sources" / _article_file(fixture_dir)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(article.read_bytes())
    article.unlink()
    article.symlink_to(elsewhere)
    assert "article file is outside sources/" in str(_problems(fixture_dir)[0])


def test_a_fact_file_that_is_not_utf8_is_one_line(fixture_dir: Path) -> None:
    (fixture_dir / "entities.yaml").write_bytes(ENTITIES.encode("utf-8") + b"# \xff\n")
    lines = [str(p) for p in _problems(fixture_dir) if str(p).startswith("entities.yaml")]
    assert lines == [
        f"entities.yaml: -: not UTF-8 text (undecodable byte at offset {len(ENTITIES.encode()) + 2})"
    ]


def test_record_files_over_the_total_cap_are_refused_unread(fixture_dir: Path) -> None:
    # Each under the per-file cap, together over the total: sparse files, nothing on disk.
    count = MAX_RECORDS_BYTES // MAX_FILE_BYTES + 1
    for index in range(count):
        with (fixture_dir / "records" / f"extra{index}.yaml").open("wb") as stream:
            stream.truncate(MAX_FILE_BYTES)
    start = time.perf_counter()
    lines = [str(p) for p in _problems(fixture_dir)]
    assert time.perf_counter() - start < 2.0
    total = count * MAX_FILE_BYTES + len(RECORD.encode())
    assert lines == [
        f"records: -: {total:,} bytes of record files is over the {MAX_RECORDS_BYTES:,}-byte limit"
    ]


def test_an_article_file_name_with_a_nul_is_one_line(fixture_dir: Path) -> None:
    replace_in("sources/sources.yaml", f"file: {_article_file(fixture_dir)}", 'file: "a001\\0.txt"')(
        fixture_dir
    )
    first = str(_problems(fixture_dir)[0])
    assert first == "sources/sources.yaml: a001: article file name holds a NUL character: 'a001\\x00.txt'"
