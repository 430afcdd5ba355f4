"""A burst of questions from many users, fired at the bot through the fake gateway.

Shared by the load test (tests/test_e2e_load.py), which checks that every question is answered
or gets a cooldown notice, and by the benchmark (bench/load.py), which times the same burst.
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.fakediscord import FakeDiscord, Member

QUESTIONS_FILE = Path(__file__).resolve().parent / "data" / "questions.jsonl"
USERS = 50
QUESTIONS = 1000


def load_questions(path: Path = QUESTIONS_FILE) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["q"] for line in lines if line.strip()]


def workload(count: int = QUESTIONS, users: int = USERS) -> list[tuple[int, str]]:
    """(user index, question) pairs: the evaluation questions in turn, users taking turns."""
    questions = itertools.cycle(load_questions())
    return [(i % users, next(questions)) for i in range(count)]


@dataclass
class Burst:
    """What was sent and when; latencies and counts are read off the fake's records."""

    fake: FakeDiscord
    users: list[Member]
    messages: list[dict[str, Any]] = field(default_factory=list)
    started: float = 0.0
    sent: float = 0.0  # when the last question had been dispatched

    async def fire(self, plan: list[tuple[int, str]]) -> None:
        """Dispatch every question of `plan` at once, each mentioning the bot; users are spread
        over the guild's channels, as in a busy server."""
        fake = self.fake
        channels = fake.channel_ids
        self.started = time.monotonic()
        for user_index, question in plan:
            message = fake.message_payload(
                question,
                author=self.users[user_index],
                mention_bot=True,
                channel_id=channels[user_index % len(channels)],
            )
            fake.dispatched_at[int(message["id"])] = time.monotonic()
            self.messages.append(message)
            await fake.dispatch("MESSAGE_CREATE", message)
        self.sent = time.monotonic()

    def replied(self) -> int:
        return sum(1 for m in self.messages if m["id"] in self.fake.replies)

    async def wait(self, within: float) -> float:
        """Until every question has a reply; the seconds from the first dispatch to the last reply."""
        await self.fake.wait_until(lambda: self.replied() >= len(self.messages), within=within)
        last = max(self.fake.replies[m["id"]][0].at for m in self.messages)
        return last - self.started

    def latencies(self) -> list[float]:
        """Seconds from each question's dispatch to the arrival of its (first) reply."""
        fake = self.fake
        return [fake.replies[m["id"]][0].at - fake.dispatched_at[int(m["id"])] for m in self.messages]


def new_burst(fake: FakeDiscord, users: int = USERS) -> Burst:
    return Burst(fake, [fake.add_user(f"user-{i}") for i in range(users)])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]
