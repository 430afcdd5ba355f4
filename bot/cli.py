"""The `saga-bot` command line.

Every subcommand loads the fact base first and refuses to start, with the
validator's one-line-per-problem message and exit code 1, when it is invalid.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from bot.engine import labels
from bot.engine.answer import BadDate, Engine, Reply, ReversedRange, UnknownEntity
from bot.engine.context import MAX_TURNS
from bot.engine.script import choose_script
from bot.factbase.crosscheck import crosscheck, unquoted_figures
from bot.factbase.loader import FactBase, FactBaseError, load_factbase
from bot.paths import default_cache_dir
from bot.render import render_profile, render_reply, render_timeline
from bot.text import Script, to_script

EXIT_OK, EXIT_ERROR, EXIT_CONFIG = 0, 1, 2


# What a terminal acts on instead of showing: C0 and C1 controls (ESC, BEL, CSI, OSC ...) and
# the bidirectional overrides that reorder what is shown. Newline and tab stay in layout text.
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"[\t\n]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    """`text` with every control character written as an escape (``\\x1b``), so what users
    typed (a question, a name, a question stored from Discord) cannot drive the terminal.
    With `one_line`, newlines and tabs are escaped too: an echoed value stays on its line."""
    text = _TERMINAL_CONTROLS.sub(_escaped, text)
    return _LINE_BREAKS.sub(_escaped, text) if one_line else text


# An echoed value (a name, a date) is cut to this many characters: enough to recognise it.
ECHO_LIMIT = 80


def _echo(value: str) -> str:
    """A value the user gave, for an error message: on one line, escaped, and cut to ECHO_LIMIT."""
    cut = value if len(value) <= ECHO_LIMIT else value[: ECHO_LIMIT - 1] + "…"
    return terminal_safe(cut, one_line=True)


def _json_safe(text: str) -> str:
    # json.dumps(ensure_ascii=False) escapes C0 controls but leaves C1 and bidi controls raw;
    # inside JSON strings, where alone they can occur, \\u escapes keep the JSON valid.
    return _TERMINAL_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _print(text: str) -> None:
    sys.stdout.write(terminal_safe(text) + "\n")
    sys.stdout.flush()


def _print_json(value: Any) -> None:
    sys.stdout.write(_json_safe(json.dumps(value, ensure_ascii=False)) + "\n")
    sys.stdout.flush()


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    sys.stderr.write(f"saga-bot: {terminal_safe(message)}\n")
    return code


def _clean_argument(value: str) -> str:
    """A command-line argument as valid text: bytes that are not UTF-8 (kept by Python as lone
    surrogates, which the converters refuse) become U+FFFD, as undecodable stdin does."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _clean_arguments(args: argparse.Namespace) -> None:
    for name, value in vars(args).items():
        if isinstance(value, str):
            setattr(args, name, _clean_argument(value))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            setattr(args, name, [_clean_argument(item) for item in value])


def _load(*, cached: bool = False) -> FactBase:
    # `facts check` and `facts report` read the files themselves; the engine commands may
    # start from the copy validated and cached beside the index.
    return load_factbase(cache_dir=default_cache_dir() if cached else None)


def _engine(args: argparse.Namespace) -> Engine:
    return Engine(_load(cached=True), variant=getattr(args, "variant", "tw"), cache_dir=default_cache_dir())


# -- facts ----------------------------------------------------------------------------------


def cmd_facts_check(args: argparse.Namespace) -> int:
    base = _load()
    disagreements = crosscheck(base) + unquoted_figures(base)
    if disagreements:
        # Record text is the maintainers', but an edited file can carry anything: escaped.
        lines = [f"fact base records disagree ({len(disagreements)}):", *(f"  {p}" for p in disagreements)]
        return _fail("\n".join(lines))
    _print(
        f"fact base OK: {len(base.articles)} articles, {len(base.entities)} entities, "
        f"{len(base.facts)} facts, {len(base.events())} events"
    )
    # Indexing is part of the check (every record must segment and index), and it leaves the
    # index cached, so the first question after an install or a fact edit starts fast.
    started = time.perf_counter()
    Engine(base, cache_dir=default_cache_dir())
    _print(f"index OK: built or loaded in {time.perf_counter() - started:.2f} s")
    return EXIT_OK


def cmd_facts_report(args: argparse.Namespace) -> int:
    from bot.factbase.report import render_report

    _print(render_report(_load(), show_uncited=args.uncited))
    return EXIT_OK


# -- ask ------------------------------------------------------------------------------------


def parse_ask_line(line: str) -> tuple[str, list[str]]:
    """One line of `ask -`: a plain question, or a JSON object {"question": ..., "history":
    [earlier questions, oldest first]}. A line that is not such an object is a plain question,
    so nothing anyone types is lost."""
    if not line.lstrip().startswith("{"):
        return line, []
    try:
        item = json.loads(line)
    except ValueError:
        return line, []
    if not isinstance(item, dict) or not isinstance(item.get("question"), str):
        sys.stderr.write('saga-bot: a JSON line needs a "question" string; read as a plain question\n')
        return line, []
    history = item.get("history") or []
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        sys.stderr.write('saga-bot: "history" must be a list of strings; ignored\n')
        history = []
    return item["question"], history


def cmd_ask(args: argparse.Namespace) -> int:
    engine = _engine(args)
    preferred: Script | None = args.script

    def answer(question: str, history: Sequence[str] = ()) -> None:
        if args.explain:
            # The trace is of the question as it stands (Engine.run); any history is not read.
            from bot.engine.explain import explain, render

            trace = explain(engine, question, override=preferred)
            if args.json:
                _print_json(trace)
            else:
                _print(render(trace) + "\n")  # the trace quotes the question: escaped
            return
        reply = engine.ask(question, override=preferred, history=history)
        if args.json:
            _print_json(reply.to_json())
        else:
            _print(render_reply(reply, engine.variant))

    if args.question == ["-"]:
        for line in sys.stdin:
            answer(*parse_ask_line(line.rstrip("\n")))
    else:
        answer(" ".join(args.question))
    return EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    """An interactive conversation: each question is read against the earlier ones."""
    engine = _engine(args)
    history: list[Reply] = []
    prompt = "> " if sys.stdin.isatty() else ""
    while True:
        try:
            question = input(prompt)
        except (EOFError, KeyboardInterrupt):
            print()
            return EXIT_OK
        if not question.strip():
            continue
        if question.strip() in ("/new", "/reset"):  # start a new conversation
            history.clear()
            continue
        reply = engine.ask(question, override=args.script, history=history)
        # The reply echoes the question only in its display form (control characters and
        # terminal escapes removed), so a pasted escape sequence cannot drive the terminal.
        print(render_reply(reply, engine.variant) + "\n")
        sys.stdout.flush()
        history = [*history, reply][-MAX_TURNS:]


# -- timeline / who -------------------------------------------------------------------------


def _script_for(args: argparse.Namespace, text: str | None) -> Script:
    return args.script or choose_script(text or "")


def cmd_timeline(args: argparse.Namespace) -> int:
    engine = _engine(args)
    script = _script_for(args, args.person)
    try:
        entries = engine.timeline(args.person, args.start, args.end, script, coarse=True)
    except UnknownEntity as exc:
        return _unknown(exc, script)
    except ReversedRange as exc:
        shown = {
            "start": _echo(exc.start),
            "end": _echo(exc.end),
        }
        return _fail(to_script(labels.REVERSED_RANGE.format(**shown), script))
    except BadDate as exc:
        return _fail(to_script(labels.BAD_DATE.format(value=_echo(str(exc))), script))
    if args.json:
        _print_json([e.to_json() for e in entries])
    else:
        _print(render_timeline(entries, script, engine.variant))
    return EXIT_OK


def cmd_who(args: argparse.Namespace) -> int:
    engine = _engine(args)
    name = " ".join(args.name)
    script = _script_for(args, name)
    try:
        profile = engine.who(name, script)
    except UnknownEntity as exc:
        return _unknown(exc, script)
    if args.json:
        _print_json(profile.to_json())
    else:
        _print(render_profile(profile, script, engine.variant))
    return EXIT_OK


def _unknown(exc: UnknownEntity, script: Script) -> int:
    message = labels.UNKNOWN_PERSON.format(name=_echo(exc.name))
    if exc.suggestions:
        message += " " + labels.DID_YOU_MEAN.format(names="、".join(exc.suggestions))
    return _fail(to_script(message, script))


# -- parser ---------------------------------------------------------------------------------


def build_parser(*, discord_commands: bool = True) -> argparse.ArgumentParser:
    """The parser; with `discord_commands`, the Discord layer's subcommands too (it imports
    discord.py: an ImportError from there is the caller's to report)."""
    if discord_commands:
        _register_bot_commands()
    parser = argparse.ArgumentParser(
        prog="saga-bot",
        description="Answers questions about the OpenAI leadership saga from five Chinese news articles.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def script_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--script",
            choices=["simplified", "traditional"],
            default=None,
            help="reply script (default: the script of the input, else simplified)",
        )
        p.add_argument(
            "--variant",
            choices=["tw", "hk", "t"],
            default="tw",
            help="traditional forms: Taiwan (default), Hong Kong, or plain OpenCC",
        )

    ask = sub.add_parser(
        "ask",
        help="answer a question ('-' reads one a line from stdin: plain text, or a JSON object "
        '{"question": ..., "history": [earlier questions]})',
    )
    ask.add_argument("question", nargs="+")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument(
        "--explain",
        action="store_true",
        help="print how the engine read the question and why it answered or declined (docs/engine.md)",
    )
    script_option(ask)
    ask.set_defaults(func=cmd_ask)

    chat = sub.add_parser(
        "chat", help="an interactive conversation that keeps its history (/new starts over)"
    )
    script_option(chat)
    chat.set_defaults(func=cmd_chat)

    timeline = sub.add_parser("timeline", help="events in date order")
    timeline.add_argument("--person", help="any name or alias, either script")
    timeline.add_argument("--from", dest="start", help="YYYY, YYYY-MM or YYYY-MM-DD")
    timeline.add_argument("--to", dest="end", help="YYYY, YYYY-MM or YYYY-MM-DD")
    timeline.add_argument("--json", action="store_true")
    script_option(timeline)
    timeline.set_defaults(func=cmd_timeline)

    who = sub.add_parser("who", help="a person's profile")
    who.add_argument("name", nargs="+")
    who.add_argument("--json", action="store_true")
    script_option(who)
    who.set_defaults(func=cmd_who)

    facts = sub.add_parser("facts", help="fact base maintenance")
    facts_sub = facts.add_subparsers(dest="facts_command", required=True)
    check = facts_sub.add_parser("check", help="validate every file under facts/")
    check.set_defaults(func=cmd_facts_check)
    report = facts_sub.add_parser("report", help="counts and sentence coverage")
    report.add_argument("--uncited", action="store_true", help="list statements no record quotes")
    report.set_defaults(func=cmd_facts_report)

    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


# Later layers (the Discord bot) add their subcommands here, keeping this module free of discord.
EXTRA_COMMANDS: list[Callable[[Any], None]] = []
# The engine's own commands: they never import discord.py and aiohttp (0.33 s and 24 MiB of a
# one-question start-up). Any other command, or none (help, a typo), registers the Discord ones.
ENGINE_COMMANDS = frozenset({"ask", "timeline", "who", "facts"})


def main(argv: Sequence[str] | None = None) -> int:
    # UTF-8 everywhere; undecodable input bytes become U+FFFD instead of an exception.
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in arguments if not a.startswith("-")), None)
    try:
        parser = build_parser(discord_commands=command not in ENGINE_COMMANDS)
    except ImportError as exc:  # discord.py is a dependency: a broken install, said plainly
        return _fail(f"the Discord commands cannot be loaded ({type(exc).__name__}: {exc})")
    args = parser.parse_args(arguments)
    _clean_arguments(args)
    try:
        code: int = args.func(args)
    except FactBaseError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    return code


def _register_bot_commands() -> None:
    # Imported here, not at the top: bot.discord_cli imports this module, not the reverse.
    from bot.discord_cli import register

    if register not in EXTRA_COMMANDS:
        EXTRA_COMMANDS.append(register)


if __name__ == "__main__":
    raise SystemExit(main())
