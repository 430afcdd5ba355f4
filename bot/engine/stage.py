"""What a stage of the engine reads and assigns, and the check that a pipeline's order is sound.

Each stage module declares a `STAGE`: its name, where it lives, what it `requires` (attributes an
earlier stage assigned, like "question.entities") and what it `assigns`. `problems` reports a
stage that requires what no earlier stage assigned, the way spaCy's `analyze_pipes` checks its
components' `requires` against the `assigns` of those before them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    module: str  # where the stage lives, to find it by its name
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str  # what it does, in a line


def problems(pipeline: Sequence[Stage]) -> list[str]:
    """Each requirement no earlier stage assigns, and each stage named twice, in words."""
    found: list[str] = []
    assigned: set[str] = set()
    names: set[str] = set()
    for stage in pipeline:
        if stage.name in names:
            found.append(f"{stage.name}: named twice")
        names.add(stage.name)
        found += [
            f"{stage.name} requires {attribute}, which no earlier stage assigns"
            for attribute in stage.requires
            if attribute not in assigned
        ]
        assigned.update(stage.assigns)
    return found
