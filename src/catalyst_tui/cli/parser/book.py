"""The commands of the book: positions, exports, a broker's trades imported, performance against
benchmarks."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .options import output_options
from .values import BrokerNames, text

if TYPE_CHECKING:
    from .options import Commands


def add(commands: Commands) -> None:
    """Adds this group's commands."""
    commands.add(
        "positions", "what is held and sold, in the base currency", json="print a JSON array"
    )
    export = commands.add(
        "export", "write prices, checkpoints, events, positions or dividends to stdout or a file"
    )
    export.add_argument(
        "what",
        nargs="?",
        default="checkpoints",
        choices=["prices", "checkpoints", "events", "positions", "dividends"],
        help="daily prices, checkpoints with their status, status changes, lots and sales, or "
        "the dividends received (default: checkpoints)",
    )
    export.add_argument(
        "--format", default="csv", choices=["csv", "json"], help="CSV (default) or a JSON array"
    )
    export.add_argument("--symbol", type=text, metavar="S", help="only this ticker")
    output_options(export)
    imports = commands.add("import", "append a broker's trades to the file as lots and sales")
    imports.add_argument("file", metavar="FILE", help="the broker's transaction export (CSV)")
    imports.add_argument(
        "--broker",
        choices=BrokerNames(),
        metavar="BROKER",  # argparse reads a metavar's choices as the option is added: not yet
        help="its layout, one of %(choices)s (default: found from its header line; generic "
        "with --map)",
    )
    imports.add_argument("--dry-run", action="store_true", help="show what it would add only")
    imports.add_argument(
        "--map",
        action="append",
        type=text,
        metavar="FIELD=COLUMN",
        help="a generic CSV's column for date, symbol, side, shares, price, currency or fees",
    )
    imports.add_argument(
        "--symbol",
        action="append",
        type=text,
        metavar="ISIN=SYMBOL",
        help="the symbol of an ISIN (DEGIRO names products by ISIN); [import.symbols] in "
        "the file keeps them",
    )
    imports.add_argument(
        "--save",
        action="store_true",
        help="keep the --symbol ISINs in the file's [import.symbols], for every later import",
    )
    imports.add_argument(
        "--opening",
        action="append",
        metavar="SYMBOL=QTY@PRICE",
        help="a position held before the export begins, which its sales sell from",
    )
    _either(
        imports,
        "day_first",
        ("--day-first", "dates are day/month/year"),
        ("--month-first", "dates are month/day/year"),
    )
    _either(
        imports,
        "decimal_comma",
        ("--decimal-comma", "amounts are written 1.234,50"),
        ("--decimal-point", "amounts are written 1,234.50"),
    )
    commands.add(
        "performance",
        "each position's, group's and the portfolio's yearly return against its benchmark",
        json="print a JSON object",
    )


def _either(
    parser: argparse.ArgumentParser, dest: str, yes: tuple[str, str], no: tuple[str, str]
) -> None:
    """Two flags that set `dest` True or False, one at most (None: neither given, found from
    the file)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(yes[0], dest=dest, action="store_true", default=None, help=yes[1])
    group.add_argument(no[0], dest=dest, action="store_false", help=no[1])
