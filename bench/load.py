"""The load benchmark: 1,000 questions from 50 users in one burst, through the real discord.py
client and the fake Discord of the tests, side by side with the engine alone on the same questions.

    python bench/load.py [--questions 1000] [--users 50] [--sequential 200]
    python bench/load.py --cluster [--questions 1000] [--users 50]

`--cluster` measures the same burst through one bot process and through a shard cluster of two
processes sharing PostgreSQL (a real server the benchmark starts and removes, as the tests do):
half the questions in a server whose guild is on shard 1, half in DMs, which Discord sends to
shard 0. Three layouts side by side: one process with SQLite, one with PostgreSQL, two with
PostgreSQL (shards 0 and 1 of 2).

The bot runs in a child process, so its memory is its own: the fake Discord (tests/fakediscord.py)
and the timing stay in this process. The baseline - the engine answering the same questions with
no Discord at all - runs in a child process too, so both start from the same empty interpreter.
Each runs twice: once for time and resident memory (ru_maxrss), once under tracemalloc for the
peak Python heap (tracemalloc slows Python down, so its pass is not timed).

Reported, as a Markdown table ready for the README:
* throughput: questions answered per second, from the first dispatch to the last reply (burst);
* p50 / p99 latency: per message, from its dispatch on the gateway to its reply reaching the
  fake's REST API. In a burst that includes the wait in the queue, so the same is also measured
  one message at a time (`--sequential`), which shows the cost of the Discord round trip itself;
* peak memory of the bot (or the engine) process.

Not a test: tests check behaviour, not timings. The bot is configured so that no question hits the
per-user cooldown (each user may ask as many as they send), so both sides answer every question.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import platform
import resource
import signal
import statistics
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import discord  # noqa: E402

from tests.burst import new_burst, percentile, workload  # noqa: E402
from tests.fakediscord import FakeDiscord  # noqa: E402

CHILD_TIMEOUT = 120.0  # seconds: start-up, or the whole burst
SCRIPT = str(Path(__file__).resolve())


def max_rss_mib() -> float:
    """This process's peak resident set size (ru_maxrss is in KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def report(event: str, **values: Any) -> None:
    """A line of JSON on stdout for the parent."""
    sys.stdout.write(json.dumps({"event": event, **values}) + "\n")
    sys.stdout.flush()


# -- children ------------------------------------------------------------------------------


def child_engine(args: argparse.Namespace) -> None:
    """The baseline: the engine alone answering the same questions, one after another."""
    from bot.engine.answer import Engine
    from bot.factbase.loader import load_factbase

    engine = Engine(load_factbase(), variant="tw")
    questions = [question for _user, question in workload(args.questions, args.users)]
    loaded = max_rss_mib()
    if args.tracemalloc:
        tracemalloc.reset_peak()
    latencies = []
    started = time.perf_counter()
    for question in questions:
        before = time.perf_counter()
        engine.ask(question)
        latencies.append(time.perf_counter() - before)
    seconds = time.perf_counter() - started
    traced = tracemalloc.get_traced_memory()[1] if args.tracemalloc else None
    # All questions arrive at once and are answered in order: each waits for those before it.
    waited = list(itertools.accumulate(latencies))
    report(
        "done",
        seconds=seconds,
        latencies=latencies,
        burst=waited,
        rss_ready=loaded,
        rss_peak=max_rss_mib(),
        traced_peak=traced,
    )


async def child_bot(args: argparse.Namespace) -> None:
    """The real SagaBot, with SQLite storage, against the fake at --api/--gateway, until SIGTERM."""
    from bot.discord.client import SagaBot
    from bot.engine.answer import Engine
    from bot.factbase.loader import load_factbase
    from bot.settings import Settings
    from bot.storage import open_storage
    from tests.fakediscord import TOKEN, make_fast, redirect_client

    redirect_client(args.api, args.gateway)
    settings = Settings(
        _env_file=None,
        discord_token=TOKEN,
        cooldown_rate=args.cooldown_rate,
        cooldown_per=600.0,
        log_level="WARNING",
    )
    engine = Engine(load_factbase(), variant=settings.traditional_variant)
    storage = await open_storage(args.database)
    shards = {} if args.shard_id is None else {"shard_ids": [args.shard_id], "shard_count": args.shard_count}
    client = SagaBot(settings=settings, engine=engine, storage=storage, **shards)
    make_fast(client)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with client:
        task = asyncio.create_task(client.start(TOKEN))
        await client.wait_until_ready()
        if args.tracemalloc:
            tracemalloc.reset_peak()
        report("ready", rss_ready=max_rss_mib())
        await stop.wait()
        traced = tracemalloc.get_traced_memory()[1] if args.tracemalloc else None
        rss = max_rss_mib()
        await client.close()
        await task
    await storage.close()
    report("done", rss_peak=rss, traced_peak=traced)


# -- the parent ----------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    burst_latencies: list[float]
    sequential_latencies: list[float]
    rss_ready: float
    rss_peak: float
    traced_peak: int | None


async def spawn(*args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(sys.executable, SCRIPT, *args, stdout=asyncio.subprocess.PIPE)


async def read_event(process: asyncio.subprocess.Process, event: str) -> dict[str, Any]:
    assert process.stdout is not None
    while True:
        line = await asyncio.wait_for(process.stdout.readline(), CHILD_TIMEOUT)
        if not line:
            raise RuntimeError(f"the child exited before reporting {event!r}")
        data: dict[str, Any] = json.loads(line)
        if data.get("event") == event:
            return data


async def run_engine(args: argparse.Namespace, *, traced: bool) -> Run:
    extra = ["--tracemalloc"] if traced else []
    process = await spawn(
        "--child", "engine", "--questions", str(args.questions), "--users", str(args.users), *extra
    )
    done = await read_event(process, "done")
    await process.wait()
    return Run(
        done["seconds"],
        done["burst"],
        done["latencies"],
        done["rss_ready"],
        done["rss_peak"],
        done["traced_peak"],
    )


async def run_bot(args: argparse.Namespace, *, traced: bool) -> Run:
    async with FakeDiscord() as fake:
        with tempfile.TemporaryDirectory() as tmp:
            extra = ["--tracemalloc"] if traced else []
            per_user = -(-args.questions // args.users)
            process = await spawn(
                "--child", "bot", "--api", fake.base_url, "--gateway", fake.gateway_url,
                "--database", str(Path(tmp) / "saga-bot.sqlite3"),
                "--cooldown-rate", str(max(per_user, 20)), *extra,
            )  # fmt: skip
            try:
                ready = await read_event(process, "ready")
                # Warm up the path (first embed, first HTTP connection) with a few questions.
                warm = fake.add_user("warm-up")
                for _ in range(5):
                    message = await fake.send_message("奥特曼什么时候被解雇？", author=warm)
                    await fake.reply_to(message, within=CHILD_TIMEOUT)

                burst = new_burst(fake, args.users)
                await burst.fire(workload(args.questions, args.users))
                seconds = await burst.wait(CHILD_TIMEOUT)
                burst_latencies = burst.latencies()

                sequential = []
                asked = workload(args.sequential, max(1, args.sequential // 20))
                askers = [fake.add_user(f"one-at-a-time-{i}") for i in range(max(1, args.sequential // 20))]
                for user_index, question in asked:
                    sent = time.monotonic()
                    message = await fake.send_message(question, author=askers[user_index])
                    reply = await fake.reply_to(message, within=CHILD_TIMEOUT)
                    sequential.append(reply.at - sent)
                process.send_signal(signal.SIGTERM)
                done = await read_event(process, "done")
            finally:
                if process.returncode is None:
                    process.send_signal(signal.SIGTERM)
                await asyncio.wait_for(process.wait(), CHILD_TIMEOUT)
    return Run(
        seconds, burst_latencies, sequential, ready["rss_ready"], done["rss_peak"], done["traced_peak"]
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def mib(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} MiB"


def table(args: argparse.Namespace, engine: Run, bot: Run, engine_traced: Run, bot_traced: Run) -> str:
    n = args.questions
    engine_rate, bot_rate = n / engine.seconds, n / bot.seconds

    def row(name: str, left: str, right: str, ratio: str) -> str:
        return f"| {name} | {left} | {right} | {ratio} |"

    def latency_row(name: str, left: list[float], right: list[float], share: float) -> str:
        a, b = percentile(left, share), percentile(right, share)
        return row(name, ms(a), ms(b), f"{b / a:.1f}×")

    traced_engine = (engine_traced.traced_peak or 0) / 2**20
    traced_bot = (bot_traced.traced_peak or 0) / 2**20
    lines = [
        f"Load: {n:,} questions from {args.users} users in one burst; "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, discord.py {discord.__version__}.",
        "",
        "| | engine alone | bot via discord.py + fake Discord | bot / engine |",
        "|---|---:|---:|---:|",
        row("throughput (burst)", f"{engine_rate:,.0f} questions/s", f"{bot_rate:,.0f} questions/s", f"{bot_rate / engine_rate:.2f}×"),
        row("time for the burst", f"{engine.seconds:.2f} s", f"{bot.seconds:.2f} s", f"{bot.seconds / engine.seconds:.1f}×"),
        latency_row("latency p50, burst (incl. queueing)", engine.burst_latencies, bot.burst_latencies, 0.5),
        latency_row("latency p99, burst (incl. queueing)", engine.burst_latencies, bot.burst_latencies, 0.99),
        latency_row(f"latency p50, one at a time ({len(bot.sequential_latencies)})", engine.sequential_latencies, bot.sequential_latencies, 0.5),
        latency_row(f"latency p99, one at a time ({len(bot.sequential_latencies)})", engine.sequential_latencies, bot.sequential_latencies, 0.99),
        row("resident memory, loaded / ready", mib(engine.rss_ready), mib(bot.rss_ready), f"{bot.rss_ready / engine.rss_ready:.2f}×"),
        row("peak resident memory (ru_maxrss)", mib(engine.rss_peak), mib(bot.rss_peak), f"{bot.rss_peak / engine.rss_peak:.2f}×"),
        row(
            "peak Python heap during the burst (tracemalloc)",
            mib(traced_engine),
            mib(traced_bot),
            f"{traced_bot / traced_engine:.1f}×" if traced_engine else "–",
        ),
    ]  # fmt: skip
    lines += [
        "",
        f"Burst latency: all {n:,} questions arrive at once; for the engine, each waits for those answered "
        "before it; for the bot, from its dispatch on the gateway to its reply at the REST API. "
        "One at a time: the engine's time per question; the bot's round trip for one message.",
        f"Mean engine time per question: {statistics.fmean(engine.sequential_latencies) * 1000:.2f} ms.",
    ]
    return "\n".join(lines)


# -- cluster: one process against two sharing PostgreSQL --------------------------------------

DM_CHANNEL_BASE = 900_000


async def fire_mixed(
    fake: FakeDiscord, users: list[Any], plan: list[tuple[int, str]]
) -> list[dict[str, Any]]:
    """Even users ask in the guild (mentioning the bot), odd users in their DMs."""
    messages = []
    for user_index, question in plan:
        if user_index % 2:
            message = fake.message_payload(
                question, author=users[user_index], channel_id=DM_CHANNEL_BASE + user_index, dm=True
            )
        else:
            channel = fake.channel_ids[user_index % len(fake.channel_ids)]
            message = fake.message_payload(
                question, author=users[user_index], mention_bot=True, channel_id=channel
            )
        fake.dispatched_at[int(message["id"])] = time.monotonic()
        messages.append(message)
        await fake.dispatch("MESSAGE_CREATE", message)
    return messages


@dataclass
class ClusterRun:
    seconds: float
    latencies: list[float]


async def run_layout(args: argparse.Namespace, database: str, processes: int) -> ClusterRun:
    async with FakeDiscord(shard_count=processes, guild_shard=processes - 1) as fake:
        per_user = -(-args.questions // args.users) + 10
        shard_args = (
            [[]]
            if processes == 1
            else [["--shard-id", str(i), "--shard-count", str(processes)] for i in range(processes)]
        )
        children = [
            await spawn(
                "--child", "bot", "--api", fake.base_url, "--gateway", fake.gateway_url,
                "--database", database, "--cooldown-rate", str(per_user), *extra,
            )
            for extra in shard_args
        ]  # fmt: skip
        try:
            for child in children:
                await read_event(child, "ready")
            users = [fake.add_user(f"user-{i}") for i in range(args.users)]
            # Warm up both paths (first embed, first HTTP connection, first DM channel).
            for message in await fire_mixed(fake, users, workload(10, args.users)[:10]):
                await fake.reply_to(message, within=CHILD_TIMEOUT)
            started = time.monotonic()
            messages = await fire_mixed(fake, users, workload(args.questions, args.users))
            await fake.wait_until(
                lambda: all(m["id"] in fake.replies for m in messages), within=CHILD_TIMEOUT
            )
            last = max(fake.replies[m["id"]][0].at for m in messages)
            latencies = [fake.replies[m["id"]][0].at - fake.dispatched_at[int(m["id"])] for m in messages]
        finally:
            for child in children:
                if child.returncode is None:
                    child.send_signal(signal.SIGTERM)
            for child in children:
                await asyncio.wait_for(child.wait(), CHILD_TIMEOUT)
    return ClusterRun(last - started, latencies)


async def cluster(args: argparse.Namespace) -> None:
    import asyncpg

    from tests.pgserver import remove_server, start_server

    server = await asyncio.to_thread(start_server)
    try:
        admin = await asyncpg.connect(server.url("postgres"))
        for name in ("bench_one", "bench_two"):
            await admin.execute(f"CREATE DATABASE {name}")
        await admin.close()
        runs: dict[str, list[ClusterRun]] = {"sqlite": [], "one": [], "two": []}
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                runs["sqlite"].append(await run_layout(args, str(Path(tmp) / "saga-bot.sqlite3"), 1))
            runs["one"].append(await run_layout(args, server.url("bench_one"), 1))
            runs["two"].append(await run_layout(args, server.url("bench_two"), 2))
    finally:
        await asyncio.to_thread(remove_server, server)

    def best(layout: str) -> ClusterRun:
        return min(runs[layout], key=lambda run: run.seconds)

    n = args.questions
    columns = [best("sqlite"), best("one"), best("two")]
    print(
        f"Cluster: {n:,} questions from {args.users} users in one burst (half in a server on shard 1, half in DMs "
        f"on shard 0); best of {args.repeat}; {os.cpu_count()} CPUs, Python {platform.python_version()}.\n"
    )
    print(
        "| | one process, SQLite | one process, PostgreSQL | two processes (shards 0, 1 of 2), PostgreSQL |"
    )
    print("|---|---:|---:|---:|")
    print("| throughput | " + " | ".join(f"{n / run.seconds:,.0f} questions/s" for run in columns) + " |")
    print("| time for the burst | " + " | ".join(f"{run.seconds:.2f} s" for run in columns) + " |")
    for share in (0.5, 0.99):
        label = f"latency p{round(share * 100)} (incl. queueing)"
        print(f"| {label} | " + " | ".join(ms(percentile(run.latencies, share)) for run in columns) + " |")


async def parent(args: argparse.Namespace) -> None:
    engine = await run_engine(args, traced=False)
    bot = await run_bot(args, traced=False)
    engine_traced = await run_engine(args, traced=True)
    bot_traced = await run_bot(args, traced=True)
    print(table(args, engine, bot, engine_traced, bot_traced))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument(
        "--sequential", type=int, default=200, help="questions asked one at a time after the burst"
    )
    parser.add_argument("--child", choices=["engine", "bot"], help=argparse.SUPPRESS)
    parser.add_argument("--tracemalloc", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    parser.add_argument("--gateway", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--cooldown-rate", type=int, default=20, help=argparse.SUPPRESS)
    parser.add_argument("--shard-id", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--shard-count", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cluster", action="store_true", help="one process against two sharing PostgreSQL")
    parser.add_argument(
        "--repeat", type=int, default=3, help="--cluster: runs of each layout (the best is shown)"
    )
    args = parser.parse_args()
    if args.tracemalloc:
        tracemalloc.start()
    if args.child == "engine":
        child_engine(args)
    elif args.child == "bot":
        asyncio.run(child_bot(args))
    elif args.cluster:
        asyncio.run(cluster(args))
    else:
        asyncio.run(parent(args))


if __name__ == "__main__":
    main()
