"""Refresh tests/data/discord-openapi.json, the OpenAPI spec the fake Discord validates against.

Downloads specs/openapi.json of github.com/discord/discord-api-spec at a branch, tag or commit
(default: main) and records the commit it came from in tests/data/discord-openapi.commit.
Run: python tools/refresh_discord_spec.py [REF]   (then run the tests: a stricter spec may
refuse a payload the bot sends; fix the bot, not the spec).
"""

from __future__ import annotations

import argparse
import json
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

REPOSITORY = "discord/discord-api-spec"
SPEC_PATH = "specs/openapi.json"
DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SPEC_FILE = DATA / "discord-openapi.json"
COMMIT_FILE = DATA / "discord-openapi.commit"
TIMEOUT = 60


def _get(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "saga-bot spec refresh"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        data: bytes = response.read()
        return data


def resolve(ref: str) -> tuple[str, str]:
    """The full commit hash `ref` names, and its commit date."""
    commit = json.loads(_get(f"https://api.github.com/repos/{REPOSITORY}/commits/{ref}"))
    return commit["sha"], commit["commit"]["committer"]["date"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", default="main", help="branch, tag or commit (default: main)")
    args = parser.parse_args(argv)
    sha, date = resolve(args.ref)
    raw = _get(f"https://raw.githubusercontent.com/{REPOSITORY}/{sha}/{SPEC_PATH}")
    document = json.loads(raw)  # refuse anything that is not the JSON spec
    if not str(document.get("openapi", "")).startswith("3."):
        raise SystemExit(f"{SPEC_PATH} at {sha} is not an OpenAPI 3 document")
    SPEC_FILE.write_bytes(raw)  # verbatim, so the file can be checked against the commit
    fetched = datetime.now(UTC).date().isoformat()
    COMMIT_FILE.write_text(
        f"{sha} {SPEC_PATH} from https://github.com/{REPOSITORY} (committed {date}, fetched {fetched})\n",
        encoding="utf-8",
    )
    print(f"wrote {SPEC_FILE.name} ({len(raw):,} bytes) at {sha}")


if __name__ == "__main__":
    main()
