"""The engine's stages are declared in order, each with what it reads and assigns."""

from __future__ import annotations

import importlib

from bot.engine.pipeline import GIVEN, PIPELINE
from bot.engine.stage import Stage, problems


def test_every_stage_requires_only_what_an_earlier_stage_assigns() -> None:
    assert problems((GIVEN, *PIPELINE)) == []


def test_a_stage_moved_before_what_it_reads_is_reported() -> None:
    by_name = {stage.name: stage for stage in PIPELINE}
    swapped = [
        by_name["slots"] if s.name == "entities" else by_name["entities"] if s.name == "slots" else s
        for s in PIPELINE
    ]
    found = problems((GIVEN, *swapped))
    assert "slots requires question.entities, which no earlier stage assigns" in found
    assert problems((GIVEN, *PIPELINE, by_name["checks"])) == ["checks: named twice"]


def test_the_issues_stage_order() -> None:
    assert [stage.name for stage in PIPELINE] == [
        "normalise",
        "context",
        "entities",
        "intents",
        "analysis",
        "slots",
        "frame",
        "retrieval",
        "features",
        "checks",
        "acceptance",
        "answerers",
        "compose",
    ]


def test_the_answerers_read_the_question_frame_that_its_stage_assigns() -> None:
    """A newcomer looking for where the frame is decided finds it by the stage's name."""
    by_name = {stage.name: stage for stage in PIPELINE}
    assert "question.frame" in by_name["frame"].assigns
    assert "question.frame" in by_name["answerers"].requires
    assert "bot.engine.several.frame" in by_name["frame"].module
    without_frame = [stage for stage in PIPELINE if stage.name != "frame"]
    assert problems((GIVEN, *without_frame)) == [
        "answerers requires question.frame, which no earlier stage assigns"
    ]


def test_every_stage_names_a_module_that_exists_and_says_what_it_does() -> None:
    for stage in PIPELINE:
        assert stage.doc and stage.assigns
        for module in stage.module.split(","):
            importlib.import_module(module.split("(")[0].strip())


def test_problems_of_an_empty_requirement() -> None:
    lone = Stage("lone", "bot.engine.stage", requires=("x",), assigns=("y",), doc="-")
    assert problems([lone]) == ["lone requires x, which no earlier stage assigns"]
