"""The real fact base is valid; each validation rule rejects its bad fixture."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main
from bot.factbase.loader import FactBase, FactBaseError, load_factbase
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
    (root / "records" / "t.yaml").write_text(RECORD, encoding="utf-8")
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
    problems = problems_after(fixture_dir, replace_in("records/t.yaml", "在線上會議", "在线上会议"))
    assert problems == [
        "records/t.yaml: t-altman-fired: quote is not verbatim in cleaned a001: '11 月 17 日,Altman 在线上会议被董事會辭退。'"
    ]


def test_undefined_entity(fixture_dir: Path) -> None:
    problems = problems_after(
        fixture_dir, replace_in("records/t.yaml", "[altman, openai]", "[altman, nobody]")
    )
    assert problems == ["records/t.yaml: t-altman-fired: entity 'nobody' is not defined"]


def test_duplicate_id(fixture_dir: Path) -> None:
    def edit(root: Path) -> None:
        (root / "records" / "u.yaml").write_text(RECORD, encoding="utf-8")

    problems = problems_after(fixture_dir, edit)
    assert problems == ["records/u.yaml: t-altman-fired: duplicate id (also in records/t.yaml)"]


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ('date: "2023-11-17"', 'date: "2023-02-30"', "date: invalid date '2023-02-30'"),
        ('date: "2023-11-17"', 'date: "17/11/2023"', "date: not an ISO date"),
        ("precision: day", "precision: month", "precision 'month' does not match date '2023-11-17'"),
    ],
)
def test_bad_date_or_precision(fixture_dir: Path, old: str, new: str, reason: str) -> None:
    problems = problems_after(fixture_dir, replace_in("records/t.yaml", old, new))
    assert len(problems) == 1
    assert problems[0].startswith("records/t.yaml: t-altman-fired: ")
    assert reason in problems[0]


def test_alias_naming_two_entities(fixture_dir: Path) -> None:
    problems = problems_after(
        fixture_dir, replace_in("entities.yaml", "name: OpenAI\n", "name: OpenAI\n  aliases: [ALTMAN]\n")
    )
    assert problems == ["entities.yaml: openai: alias 'ALTMAN' also names 'altman'"]


def test_missing_required_field(fixture_dir: Path) -> None:
    problems = problems_after(
        fixture_dir, replace_in("records/t.yaml", "  answer: 2023年11月17日,奥尔特曼被董事会解雇。\n", "")
    )
    assert problems == ["records/t.yaml: t-altman-fired: answer: required field is missing"]


def test_malformed_yaml(fixture_dir: Path) -> None:
    def edit(root: Path) -> None:
        (root / "records" / "t.yaml").write_text("- id: [unclosed\n", encoding="utf-8")

    problems = problems_after(fixture_dir, edit)
    assert len(problems) == 1
    assert problems[0].startswith("records/t.yaml: -: not valid YAML:")


def test_superseded_by_an_undefined_fact(fixture_dir: Path) -> None:
    problems = problems_after(
        fixture_dir,
        replace_in("records/t.yaml", "  precision: day\n", "  precision: day\n  superseded_by: t-nothing\n"),
    )
    assert problems == ["records/t.yaml: t-altman-fired: superseded_by 't-nothing' is not defined"]


def test_unknown_article(fixture_dir: Path) -> None:
    problems = problems_after(fixture_dir, replace_in("records/t.yaml", "article: a001", "article: a999"))
    assert problems == ["records/t.yaml: t-altman-fired: cites unknown article 'a999'"]


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
    replace_in("records/t.yaml", "[altman, openai]", "[altman, nobody]")(fixture_dir)
    monkeypatch.setenv("SAGA_BOT_FACTS", str(fixture_dir))
    for argv in (["facts", "check"], ["ask", "Altman什么时候被解雇?"], ["timeline"], ["who", "Altman"]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "records/t.yaml: t-altman-fired: entity 'nobody' is not defined" in err
        assert "Traceback" not in err


def test_report_shows_counts(factbase: FactBase) -> None:
    report = render_report(factbase)
    assert "facts" in report and "dated events" in report and "sentence coverage" in report


def test_loading_is_fast() -> None:
    start = time.perf_counter()
    load_factbase()
    assert time.perf_counter() - start < 2.0  # generous: the budget is "well under a second"
