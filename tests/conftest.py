from __future__ import annotations

import pytest

from bot.engine.answer import Engine
from bot.factbase.loader import FactBase, load_factbase


@pytest.fixture(scope="session")
def factbase() -> FactBase:
    return load_factbase()


@pytest.fixture(scope="session")
def engine(factbase: FactBase) -> Engine:
    return Engine(factbase)
