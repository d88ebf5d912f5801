"""The options every command takes (--config, --db, --debug), a file's output options, and the
factory each group of commands adds its commands with."""

from __future__ import annotations

import argparse
from typing import NamedTuple

from .values import text


def global_options(parser: argparse.ArgumentParser, *, suppress: bool, files: bool = True) -> None:
    """--config, --db and --debug; with `files` False the first two are taken but not listed
    (a command that refuses them says why when given them, and its --help offers neither)."""
    default = argparse.SUPPRESS if suppress else None
    config = "catalysts.toml to use (else $CATALYST_CONFIG, ./catalysts.toml, the user config dir)"
    db = "database file (else $CATALYST_DB, [settings].database, the user data dir)"
    if not files:
        config = db = argparse.SUPPRESS
    parser.add_argument("--config", metavar="PATH", default=default, help=config)
    parser.add_argument("--db", metavar="PATH", default=default, help=db)
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="log to stderr as well as the log file",
    )


def output_options(parser: argparse.ArgumentParser) -> None:
    """-o and --force: where a command writes its file (cli/output_file.py's rules)."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write it there, whole or not at all (default: stdout); never over the database, "
        "a catalysts.toml or another file catalyst keeps",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing FILE that is not one of these catalyst wrote",
    )


class Commands(NamedTuple):
    """Where a group adds its commands: the subparsers, and the parents a command takes (the
    global options listed under the command's own, or none of the files for the demo)."""

    sub: argparse._SubParsersAction[argparse.ArgumentParser]
    common: argparse.ArgumentParser
    no_files: argparse.ArgumentParser

    def add(
        self,
        name: str,
        help_text: str,
        options: argparse.ArgumentParser | None = None,
        *,
        symbol: str = "",
        json: str = "",
    ) -> argparse.ArgumentParser:
        """A command; `symbol`: the help of its optional SYMBOL (one ticker, none: all), `json`:
        the help of its --json (what it prints)."""
        parents = [self.common if options is None else options]
        made = self.sub.add_parser(name, help=help_text, description=help_text, parents=parents)
        if symbol:
            made.add_argument("symbol", type=text, nargs="?", metavar="SYMBOL", help=symbol)
        if json:
            made.add_argument("--json", action="store_true", help=json)
        return made
