"""The TUI's launch reads its arguments without building every command's parser
(cli/parser/build.py `tui_arguments`): whenever it answers, it answers what the whole parser
does; anything else (a command, --help, --version, a mistake) it leaves to the whole parser."""

from __future__ import annotations

import argparse
import contextlib
import io

from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.cli.parser.build import build_parser, tui_arguments

# Tokens of a command line: the program's own options (whole, abbreviated, with "="), their
# values, and what only the whole parser reads.
OPTIONS = st.sampled_from(
    [
        ["--config", "a.toml"],
        ["--config=b.toml"],
        ["--conf", "c.toml"],
        ["--db", "x.db"],
        ["--db=-y.db"],
        ["--debug"],
        ["--deb"],
    ]
)
OTHERS = st.sampled_from(
    [["refresh"], ["check"], ["-h"], ["--help"], ["--version"], ["--"], ["--bogus"], ["--db"]]
)
ARGV = st.lists(st.one_of(OPTIONS, OPTIONS, OTHERS), max_size=5).map(lambda parts: sum(parts, []))


def whole(argv: list[str]) -> argparse.Namespace | None:
    """The whole parser's arguments; None where it exits (help, version, a usage error)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return build_parser().parse_args(argv)
        except SystemExit:
            return None


@given(ARGV)
def test_an_answer_is_the_whole_parsers(argv: list[str]):
    quick = tui_arguments(argv)
    if quick is not None:
        assert quick == whole(argv)
        assert quick.command is None


def test_the_tuis_own_launches_are_answered():
    for argv in ([], ["--config", "a.toml", "--db", "x.db"], ["--debug"], ["--db=x.db"]):
        assert tui_arguments(argv) == whole(argv) is not None


def test_everything_else_is_left_to_the_whole_parser():
    for argv in (["refresh"], ["--config", "a.toml", "check"], ["-h"], ["--version"], ["--db"]):
        assert tui_arguments(argv) is None
