"""saga-bot benchmarks, every figure measured side by side in one run.

1. Accuracy of the engine against two baselines on the same questions:
   BM25 (bm25s + jieba) over the cleaned article sentences, and rapidfuzz WRatio over
   the same sentences. Each baseline answers with its best sentence, and declines below
   a score cutoff chosen to give it its best result on these very questions.
2. Per-question latency (p50 / p99) of Engine.ask on the real fact base and on a
   synthetic 100,000-fact base built from it.
3. Start-up time of `saga-bot ask --json -` (load, validate, index, answer one question)
   and its peak memory.
4. Against a bare scan: per question on every set, the engine's p50 and p99 beside one
   rapidfuzz call over every phrasing of every fact (the least any matcher could do).
5. Long input: 480 random CJK characters and 2,000-character messages made of the fact
   base's own questions, against the short questions, interleaved in one run (ratios of p50).

    python bench/bench.py [--questions FILE] [--synthetic 100000] [--repeat 5] [--only long ...]

The numbers are printed as a Markdown table, ready for the README. Not a test:
tests check behaviour, not timings.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evalset import ALL_SETS, ROOT, Question, accuracy, load, shown

from bot.engine.answer import Engine
from bot.factbase.loader import FactBase, load_factbase
from bot.factbase.models import Citation, Fact

Answerer = Callable[[str], tuple[bool, str, float]]  # (answered, shown text, raw score)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- baselines ------------------------------------------------------------------------------


def sentences_of(base: FactBase) -> list[str]:
    return [s.text for a in base.articles.values() for s in a.sentences]


def bm25_baseline(base: FactBase) -> Callable[[str], tuple[str, float]]:
    import bm25s
    import jieba

    sentences = sentences_of(base)

    def tokens(text: str) -> list[str]:
        from bot.text import to_simplified

        return [w for w in jieba.lcut(to_simplified(text).lower()) if w.strip()]

    retriever = bm25s.BM25()
    retriever.index([tokens(s) for s in sentences], show_progress=False)

    def best(question: str) -> tuple[str, float]:
        query = tokens(question) or ["?"]
        results, scores = retriever.retrieve([query], k=1, show_progress=False)
        return sentences[int(results[0][0])], float(scores[0][0])

    return best


def wratio_baseline(base: FactBase) -> Callable[[str], tuple[str, float]]:
    from rapidfuzz import fuzz, process, utils

    sentences = sentences_of(base)

    def best(question: str) -> tuple[str, float]:
        hit = process.extractOne(question, sentences, scorer=fuzz.WRatio, processor=utils.default_process)
        return (hit[0], float(hit[1])) if hit else ("", 0.0)

    return best


def best_cutoff(questions: list[Question], raw: list[tuple[str, float]]) -> tuple[float, float, float]:
    """The decline cutoff that maximises answer_acc + abstain_acc for a baseline."""
    best = (-1.0, 0.0, 0.0, 0.0)
    for cutoff in sorted({score for _, score in raw} | {0.0}):
        results = [(score >= cutoff, text) for text, score in raw]
        answer_acc, abstain_acc = accuracy(questions, results)
        if answer_acc + abstain_acc > best[0]:
            best = (answer_acc + abstain_acc, cutoff, answer_acc, abstain_acc)
    return best[1], best[2], best[3]


# -- the engine -----------------------------------------------------------------------------


def engine_results(engine: Engine, questions: list[Question]) -> list[tuple[bool, str]]:
    results = []
    for question in questions:
        reply = engine.ask(question.q)
        results.append((reply.answered, shown(reply)))
    return results


def latencies_ms(engine: Engine, questions: list[Question], repeat: int) -> list[float]:
    engine.ask(questions[0].q)  # warm caches
    timings = []
    for _ in range(repeat):
        for question in questions:
            start = time.perf_counter()
            engine.ask(question.q)
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def long_messages(base: FactBase, count: int, seed: int = 11) -> dict[str, list[str]]:
    """Messages that cost the most per character: random CJK (every window a possible name) and
    the fact base's own questions run together (names and question words everywhere)."""
    rng = random.Random(seed)
    phrasings = [q for fact in base.facts for q in fact.questions]

    def story(length: int) -> str:
        text = ""
        while len(text) < length:
            text += rng.choice(phrasings)
        return text[:length]

    return {
        "480 random CJK characters": [
            "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(480)) for _ in range(count)
        ],
        "2,000 characters of questions": [story(2000) for _ in range(count)],
    }


def long_input_table(engine: Engine, base: FactBase, questions: list[Question], repeat: int) -> None:
    """p50 and p99 of each kind of message in CPU time (the engine is single-threaded; other
    load on a shared machine does not count), measured interleaved so what remains of it falls
    on all of them alike; the ratio is to the short questions' p50. Every message is asked
    once (`repeat` times as many of each): a message asked again would be answered from the
    engine's memos of analyses and rankings, which is not what a new message costs."""
    rounds = 100 * repeat
    short = [q.q for q in questions]
    kinds = {
        "short questions (the set)": [short[i % len(short)] for i in range(3 * rounds)],
        **long_messages(base, rounds),
    }
    timings: dict[str, list[float]] = {name: [] for name in kinds}
    engine.ask("OpenAI")  # first-use costs (jieba's dictionary) fall on no message
    for index in range(rounds):
        for name, messages in kinds.items():
            # three short questions to each long message: the short ones come round again
            # only after every other short question of the set
            for message in messages[index * len(messages) // rounds : (index + 1) * len(messages) // rounds]:
                start = time.process_time()
                engine.ask(message)
                timings[name].append((time.process_time() - start) * 1000)
    short_p50 = statistics.median(timings["short questions (the set)"])
    print("\n| message (CPU time) | p50 ms | p99 ms | p50 / short p50 |\n|---|---|---|---|")
    for name, values in timings.items():
        p50 = statistics.median(values)
        print(f"| {name} | {p50:.2f} | {percentile(values, 0.99):.2f} | {p50 / short_p50:.1f}× |")


def scan_table(engine: Engine, base: FactBase, paths: list[Path], repeat: int) -> None:
    """The engine beside `process.extractOne(q, phrasings, scorer=fuzz.ratio)`, question by
    question in turn, in CPU time (both are single-threaded: other load on a shared machine
    does not count) and in wall time beside it."""
    from rapidfuzz import fuzz, process

    phrasings = [q for fact in base.facts for q in fact.questions]
    questions = [q.q for path in paths for q in load(path)]
    engine.ask(questions[0])
    times: dict[str, list[float]] = {"engine CPU": [], "scan CPU": [], "engine wall": [], "scan wall": []}
    for _ in range(repeat):
        for question in questions:
            start, start_wall = time.process_time(), time.perf_counter()
            engine.ask(question)
            middle, middle_wall = time.process_time(), time.perf_counter()
            process.extractOne(question, phrasings, scorer=fuzz.ratio)
            end, end_wall = time.process_time(), time.perf_counter()
            times["engine CPU"].append((middle - start) * 1000)
            times["scan CPU"].append((end - middle) * 1000)
            times["engine wall"].append((middle_wall - start_wall) * 1000)
            times["scan wall"].append((end_wall - middle_wall) * 1000)
    print(f"\n{len(questions)} questions x {repeat}, {len(phrasings)} phrasings")
    print("\n| per question | p50 ms | p99 ms |\n|---|---|---|")
    for kind in ("CPU", "wall"):
        ours, scan = times[f"engine {kind}"], times[f"scan {kind}"]
        for name, values in ((f"saga-bot engine, {kind}", ours), (f"bare rapidfuzz scan, {kind}", scan)):
            print(f"| {name} | {statistics.median(values):.2f} | {percentile(values, 0.99):.2f} |")
        print(
            f"| engine / scan, {kind} | {statistics.median(ours) / statistics.median(scan):.2f}× "
            f"| {percentile(ours, 0.99) / percentile(scan, 0.99):.2f}× |"
        )


def synthetic_base(base: FactBase, size: int, seed: int = 7) -> FactBase:
    """`size` facts made from the real ones: each copy keeps a real fact's entities and
    intents, and mixes words drawn from the whole base into its phrasings (as many as the real
    fact has, about 20), so postings and candidate pools grow as a large real base's would."""
    rng = random.Random(seed)
    vocabulary = sorted({ch for f in base.facts for ch in f.answer if "\u4e00" <= ch <= "\u9fff"})
    facts: list[Fact] = list(base.facts)
    for i in range(size - len(facts)):
        model = base.facts[i % len(base.facts)]

        def noise(n: int) -> str:
            return "".join(rng.choice(vocabulary) for _ in range(n))

        facts.append(
            Fact.model_construct(
                id=f"{model.id}-syn{i}",
                kind=model.kind,
                entities=model.entities,
                intents=model.intents,
                date=model.date,
                precision=model.precision,
                answer=noise(6) + model.answer[: rng.randint(8, 30)] + noise(6),
                questions=[noise(4) + q[: rng.randint(4, 12)] + noise(4) for q in model.questions],
                keywords=[noise(2) for _ in range(3)],
                sources=[
                    Citation.model_construct(article=model.sources[0].article, quote=model.sources[0].quote)
                ],
                conflict=None,
                note=None,
            )
        )
    return FactBase(base.root, base.articles, base.entities, facts, base.alias_index)


def startup(question: str, cache_dir: Path) -> tuple[float, float, int]:
    """One fresh process that runs `saga-bot ask` on one question (imports, the fact base and
    index from `cache_dir` or built and cached there, the answer): (its in-process time for
    that, its whole wall time, its peak RSS in MiB). Run before this process grows: Linux
    keeps ru_maxrss across exec."""
    code = (
        "import os, resource, sys, time; t = time.perf_counter();"
        "os.environ['SAGA_BOT_CACHE_DIR'] = sys.argv[2];"
        "from bot.cli import main; main(['ask', sys.argv[1]]);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"
    )
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, question, str(cache_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stderr.split()
    wall = time.perf_counter() - start
    return float(out[0]), wall, int(out[1]) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--questions",
        type=Path,
        action="append",
        help="question set(s); default: every set of tests/data/ (evalset.ALL_SETS)",
    )
    parser.add_argument("--synthetic", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--scale", type=int, nargs="+", default=[10_000, 100_000], help="fact counts for the scale section"
    )
    parser.add_argument(
        "--trace-memory",
        action="store_true",
        help="scale: also the index's memory by source line (tracemalloc)",
    )
    parser.add_argument(
        "--only", action="append", choices=SECTIONS, help="run only these sections (default: all)"
    )
    args = parser.parse_args()
    sections = args.only or SECTIONS
    paths = args.questions or list(ALL_SETS)
    questions = load(paths[0])
    if "startup" in sections:  # first, before this process grows (see startup)
        startup_table(questions[0].q)
    base = load_factbase()
    engine = Engine(base)
    if "scan" in sections:
        scan_table(engine, base, paths, max(1, args.repeat // 2))
    if "long" in sections:
        long_input_table(engine, base, questions, args.repeat)
    if "accuracy" in sections:
        accuracy_tables(engine, base, paths)
    if "scale" in sections:
        scale_table(args.scale, args.trace_memory)
    if "latency" in sections:
        latency_table(engine, base, questions, args.synthetic, args.repeat)


SECTIONS = ["scan", "long", "startup", "accuracy", "latency", "scale"]


IMPORT_FLOOR = "import discord, rapidfuzz, opencc, jieba"


def _child_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of `command`, its CPU from the kernel's child accounting."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup_table(question: str, repeat: int = 7) -> None:
    """A warm `saga-bot ask Q` (fact base and index cached) beside the import floor
    `python -c "import discord, rapidfuzz, opencc, jieba"`, run alternately; medians. The bot's
    modules are compiled to bytecode first, as an install has them (pip and the Docker image
    compile them; with PYTHONDONTWRITEBYTECODE set, every start would compile them from source
    while the libraries of the floor start from their bytecode)."""
    import compileall
    import os

    compileall.compile_dir(ROOT / "bot", quiet=1)
    saga_bot = str(Path(sys.executable).with_name("saga-bot"))
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "SAGA_BOT_CACHE_DIR": cache}
        cold = startup(question, Path(cache))  # builds the index and caches it
        warm = startup(question, Path(cache))  # loads the cached index
        subprocess.run([saga_bot, "ask", question], capture_output=True, check=True, cwd=ROOT, env=env)
        runs: dict[str, list[tuple[float, float]]] = {"ask": [], "floor": []}
        for _ in range(repeat):
            runs["ask"].append(_child_run([saga_bot, "ask", question], env))
            runs["floor"].append(_child_run([sys.executable, "-c", IMPORT_FLOOR], env))
    print(
        "\n| `saga-bot ask` in a fresh process | imports + fact base + index + answer | whole process | peak RSS |"
    )
    print("|---|---|---|---|")
    for name, (in_process, wall, peak) in (("first start (nothing cached)", cold), ("warm (cached)", warm)):
        print(f"| {name} | {in_process:.2f} s | {wall:.2f} s | {peak} MiB |")
    ask_wall, ask_cpu = (statistics.median(v) for v in zip(*runs["ask"], strict=True))
    floor_wall, floor_cpu = (statistics.median(v) for v in zip(*runs["floor"], strict=True))
    print(f"\n{repeat} runs each, alternating, medians\n")
    print("| command | wall | CPU |\n|---|---|---|")
    print(f"| `saga-bot ask Q` (warm) | {ask_wall:.2f} s | {ask_cpu:.2f} s |")
    print(f'| `python -c "{IMPORT_FLOOR}"` | {floor_wall:.2f} s | {floor_cpu:.2f} s |')
    print(f"| ask / import floor | {ask_wall / floor_wall:.2f}× | {ask_cpu / floor_cpu:.2f}× |")


def accuracy_tables(engine: Engine, base: FactBase, paths: list[Path]) -> None:
    baselines = {
        "BM25 (bm25s + jieba) over sentences": bm25_baseline(base),
        "rapidfuzz WRatio over sentences": wratio_baseline(base),
    }
    for path in paths:
        asked = load(path)
        print(f"\n{path.name}: {len(asked)} questions, {sum(q.abstain for q in asked)} out of scope")
        rows = [("saga-bot engine", *accuracy(asked, engine_results(engine, asked)), "—")]
        for name, best in baselines.items():
            cutoff, b_answer, b_abstain = best_cutoff(asked, [best(q.q) for q in asked])
            rows.append((name, b_answer, b_abstain, f"{cutoff:.2f}"))
        print("\n| answerer | answered right | declined right | cutoff |\n|---|---|---|---|")
        for name, answer_acc, abstain_acc, cutoff in rows:
            print(f"| {name} | {answer_acc:.1%} | {abstain_acc:.1%} | {cutoff} |")


def rss_mib() -> float:
    """This process's resident memory now (Linux), in MiB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / (1 << 20)


def reset_peak_rss() -> bool:
    """Start this process's peak resident memory afresh (Linux: /proc/self/clear_refs), so the
    peak of one build is measured, not of the process so far; False where it cannot."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_rss_mib() -> float:
    """This process's peak resident memory since reset_peak_rss (Linux), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def memory_by_line(base: FactBase, size: int, lines: int = 12) -> None:
    """What the index of a `size`-fact synthetic base holds, by the source line that allocated
    it (tracemalloc; the build runs several times slower under it)."""
    import tracemalloc

    synthetic = synthetic_base(base, size)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    engine = Engine(synthetic)
    gc.collect()
    grown = tracemalloc.take_snapshot().compare_to(before, "lineno")
    tracemalloc.stop()
    total = sum(stat.size_diff for stat in grown)
    print(f"\n{size:,} facts: {total / (1 << 20):.0f} MiB traced, {total / 1024 / size:.1f} KiB a fact\n")
    print("| allocated at | MiB | objects |\n|---|---|---|")
    for stat in grown[:lines]:
        frame = stat.traceback[0]
        path = Path(frame.filename)
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else Path(*path.parts[-2:])
        print(f"| {shown}:{frame.lineno} | {stat.size_diff / (1 << 20):.1f} | {stat.count_diff:,} |")
    del engine


def scale_row(size: int) -> str:
    """One row of the scale table: the index of a `size`-fact synthetic base, built in this
    process (see scale_table), the synthetic base made first so that only the index counts."""
    base = load_factbase()
    real = Engine(base)  # as a running process has it: libraries loaded, converters made
    synthetic = synthetic_base(base, size)
    phrasings = sum(len(f.questions) for f in synthetic.facts)
    gc.collect()
    before = rss_mib()
    peak_known = reset_peak_rss()
    cpu_start, start = time.process_time(), time.perf_counter()
    engine = Engine(synthetic)
    build_s, cpu_s = time.perf_counter() - start, time.process_time() - cpu_start
    peak = f"{peak_rss_mib() - before:.0f} MiB" if peak_known else "?"
    gc.collect()
    held = rss_mib() - before
    del engine, real
    return (
        f"| {size:,} | {phrasings:,} | {build_s:.1f} s | {cpu_s:.1f} s | {cpu_s * 1000 / size:.2f} ms "
        f"| {held:.0f} MiB | {held * 1024 / size:.1f} KiB | {peak} |"
    )


def scale_table(sizes: list[int], trace: bool = False) -> None:
    """Index build time and the memory the index holds, per size; with `trace`, then what it
    holds by source line at the smallest size. Each size is built in a fresh process: memory an
    earlier build freed stays with the process and would be reused, hiding the next one's.
    CPU time beside wall time: on a shared machine the wall time says more about the other
    processes than about the build. Peak: the most the process held above its start during
    the build (the build's own working memory on top of what it keeps)."""
    print(
        "\n| facts | phrasings | build (wall) | build (CPU) | CPU per fact | index memory | per fact "
        "| peak during build |\n|---|---|---|---|---|---|---|---|",
        flush=True,
    )
    spawn = multiprocessing.get_context("spawn")
    for size in sizes:
        with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as child:
            print(child.submit(scale_row, size).result(), flush=True)
    if trace:
        memory_by_line(load_factbase(), min(sizes))


def latency_table(engine: Engine, base: FactBase, questions: list[Question], size: int, repeat: int) -> None:
    real = latencies_ms(engine, questions, repeat)
    build_start = time.perf_counter()
    big = Engine(synthetic_base(base, size))
    build_s = time.perf_counter() - build_start
    synthetic = latencies_ms(big, questions, 1)
    print("\n| fact base | facts | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|")
    for name, facts, timings in (("real", len(base.facts), real), ("synthetic", size, synthetic)):
        print(
            f"| {name} | {facts:,} | {statistics.median(timings):.2f} | {percentile(timings, 0.99):.2f} "
            f"| {max(timings):.2f} |"
        )
    print(f"\nsynthetic index build: {build_s:.1f} s")
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"\nthis benchmark process, holding the {size:,}-fact base as well: peak RSS {own_peak} MiB")


if __name__ == "__main__":
    main()
