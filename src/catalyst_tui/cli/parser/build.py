"""The parser: the program's own options, then each group's commands."""

from __future__ import annotations

import argparse

from ... import __version__
from . import book, data, service, thesis
from .options import Commands, global_options


def build_parser() -> argparse.ArgumentParser:
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
