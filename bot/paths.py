"""Where the fact base lives.

An installed wheel carries it as bot/_facts; an editable install or a source
checkout reads facts/ beside the package. SAGA_BOT_FACTS overrides both (tests
use it to point at bad fixtures).
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def default_facts_dir() -> Path:
    override = os.environ.get("SAGA_BOT_FACTS")
    if override:
        return Path(override)
    shipped = _PACKAGE_DIR / "_facts"
    if shipped.is_dir():
        return shipped
    return _PACKAGE_DIR.parent / "facts"


def default_cache_dir() -> Path:
    """Where the engine keeps its built index: SAGA_BOT_CACHE_DIR, else the XDG cache."""
    override = os.environ.get("SAGA_BOT_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "saga-bot"
