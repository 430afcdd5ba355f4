"""The property-based tests run the same bounded examples on every run (CI included)."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, is_hypothesis_test, settings
from hypothesis import strategies as st

import tests
from tests.conftest import MAX_EXAMPLES


def _property_tests() -> list[Callable[..., Any]]:
    found = []
    # Every test module, in subpackages too (tests/engine/, tests/storage/ mirror the source).
    for module in pkgutil.walk_packages(tests.__path__, prefix="tests."):
        if module.name.rpartition(".")[2].startswith("test_"):
            loaded = importlib.import_module(module.name)
            found += [
                f for name, f in inspect.getmembers(loaded, is_hypothesis_test) if name.startswith("test_")
            ]
    return found


PROPERTY_TESTS = _property_tests()


def _examples() -> list[str]:
    seen: list[str] = []

    @given(st.text(max_size=30))
    def collect(text: str) -> None:
        seen.append(text)

    collect()
    return seen


@pytest.mark.skipif(os.environ.get("HYPOTHESIS_PROFILE", "ci") != "ci", reason="another profile was chosen")
def test_the_examples_are_the_same_on_every_run() -> None:
    assert settings.default.derandomize and settings.default.database is None
    first, second = _examples(), _examples()
    assert first == second and len(set(first)) > 10


def test_the_engine_property_tests_are_among_them() -> None:
    names = {f.__name__ for f in PROPERTY_TESTS}
    assert "test_arbitrary_text_never_breaks_the_engine" in names and len(names) >= 4


@pytest.mark.parametrize("test", PROPERTY_TESTS, ids=lambda t: f"{t.__module__}.{t.__name__}")
def test_every_property_test_is_bounded(test: Callable[..., Any]) -> None:
    chosen = getattr(test, "_hypothesis_internal_use_settings", settings.default)
    assert chosen.max_examples <= MAX_EXAMPLES
