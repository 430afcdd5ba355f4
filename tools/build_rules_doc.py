"""Regenerate docs/rules.md, the rule catalogue, from the rule data (bot/engine/rules.py).

tests/engine/test_rules.py fails while docs/rules.md differs from what this writes.
Run: python tools/build_rules_doc.py
"""

from __future__ import annotations

from pathlib import Path

from bot.engine.rules import catalogue

TARGET = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def main() -> None:
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(catalogue(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
