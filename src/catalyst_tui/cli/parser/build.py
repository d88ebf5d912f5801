"""The parser: the program's own options, then each group's commands; and the arguments of a
launch that names no command (the TUI's), read without building every command's parser."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Sequence
from typing import NoReturn

from ... import __version__
from . import book, data, service, thesis
from .options import Commands, global_options


@functools.cache
def build_parser() -> argparse.ArgumentParser:
    """Every command's parser (7-11 ms to build), built once a process: reading arguments
    changes nothing in it, and nothing in it is read from the environment or the terminal."""
    parser = argparse.ArgumentParser(
        prog="catalyst",
        description="A terminal watchlist that tracks whether your investment thesis is "
        "still alive: prices, positions and dated checkpoints, flagged met or missed.",
        epilog="Run without a command to open the TUI. Exit codes: 0 ok, 1 unacknowledged "
        "misses (check), 2 bad input, 3 stale quotes (refresh), 141 the reader of the output "
        "went away (catalyst export | head).",
    )
    parser.add_argument("--version", action="version", version=f"catalyst {__version__}")
    global_options(parser, suppress=False)
    common = argparse.ArgumentParser(add_help=False)
    global_options(common, suppress=True)
    no_files = argparse.ArgumentParser(add_help=False)  # the demo: never the user's files
    global_options(no_files, suppress=True, files=False)
    commands = Commands(parser.add_subparsers(dest="command", metavar="COMMAND"), common, no_files)
    for group in (service, thesis, data, book):
        group.add(commands)
    return parser


class _NotOptionsOnly(Exception):
    """What `tui_arguments` cannot read: the whole parser reads it (and says what is wrong)."""


class _OptionsOnly(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotOptionsOnly(message)


def tui_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """`build_parser().parse_args(argv)` for a launch given only the program's own options (no
    command: the TUI), read by a parser of those options alone: building every command's parser
    is 7-11 ms of the TUI's start-up. None for anything else (a command, --help, --version, a
    mistake), which the whole parser reads; when it answers, it answers as that parser would
    (tests/cli/parser/test_build.py)."""
    parser = _OptionsOnly(prog="catalyst", add_help=False)
    global_options(parser, suppress=False)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotOptionsOnly:
        return None
    if rest:
        return None
    args.command = None
    return args
