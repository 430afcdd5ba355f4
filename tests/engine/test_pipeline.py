"""The engine's stages are declared in order, each with what it reads and assigns."""

from __future__ import annotations

import importlib

import pytest

from bot.engine.answer import Engine
from bot.engine.pipeline import ANSWERER_ORDER, GIVEN, PIPELINE, SEVERAL_FRAMES
from bot.engine.several import frame
from bot.engine.several.frame import Frame
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


def test_the_frame_stage_declares_what_the_code_decides(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newcomer looking for where the frame is decided finds it by the stage's name, and what
    the stage says is what the code does: detect's frames, the answerers' order."""
    assert tuple(Frame) == SEVERAL_FRAMES
    assert tuple(name for name, _ in engine.answerers) == ANSWERER_ORDER
    by_name = {stage.name: stage for stage in PIPELINE}
    assert "several.frame" in by_name["answerers"].requires
    without_frame = [stage for stage in PIPELINE if stage.name != "frame"]
    assert problems((GIVEN, *without_frame)) == [
        "answerers requires several.frame, which no earlier stage assigns"
    ]
    # the several-facts answerer really reads the frame through detect
    read: list[str] = []
    real_detect = frame.detect

    def detect(text: str) -> Frame | None:
        read.append(text)
        return real_detect(text)

    monkeypatch.setattr(frame, "detect", detect)
    engine.ask("OpenAI的创始人里谁最早离开?")
    assert read


def test_every_stage_names_a_module_that_exists_and_says_what_it_does() -> None:
    for stage in PIPELINE:
        assert stage.doc and stage.assigns
        for module in stage.module.split(","):
            importlib.import_module(module.split("(")[0].strip())


def test_problems_of_an_empty_requirement() -> None:
    lone = Stage("lone", "bot.engine.stage", requires=("x",), assigns=("y",), doc="-")
    assert problems([lone]) == ["lone requires x, which no earlier stage assigns"]
