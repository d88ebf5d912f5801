"""The command line: the global options and every command with its own."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import TYPE_CHECKING

from .. import __version__
from ..thesis.vocabulary import CONVICTIONS, JOURNAL_ACTIONS, STATUSES

if TYPE_CHECKING:
    from collections.abc import Iterator


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool, files: bool = True) -> None:
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


class BrokerNames:
    """`--broker`'s choices: the formats of the brokers' registry (reading/broker_formats.py
    `BROKERS`) and `generic` (a CSV read by --map). Read when argparse first checks or shows
    them: the readers' modules are start-up time no other command needs."""

    GENERIC = "generic"

    def __iter__(self) -> Iterator[str]:
        from ..reading.broker_formats import BROKERS

        return iter([*BROKERS, self.GENERIC])

    def __contains__(self, name: object) -> bool:
        return name in list(self)


# A byte that is not UTF-8 in an argument arrives as a lone surrogate (Python's surrogateescape):
# no file, database or terminal can hold it, so a text argument holding one is refused, named,
# with the bytes shown as escapes. Paths (--config, --db, -o, a file to read) keep them: the
# file system takes them back as the bytes they were.
_UNDECODABLE = re.compile("[\udc80-\udcff]")
# The days a person may type (`evidence add --date`): a four-digit year SQLite, the timeline and
# date arithmetic all hold; out of it, one line and exit 2.
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2200, 12, 31)


def text(value: str) -> str:
    """A text argument: refused (argparse names it, exit 2) when it holds undecodable bytes."""
    if _UNDECODABLE.search(value):
        shown = value.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
        raise argparse.ArgumentTypeError(
            f"'{shown}' holds bytes that are not UTF-8: write it in UTF-8 (nothing was written)"
        )
    if "\x00" in value:
        raise argparse.ArgumentTypeError("holds a NUL character")
    return value


def day(value: str) -> str:
    """A day typed as YYYY-MM-DD (kept as typed); its range, FIRST_DAY..LAST_DAY, is the
    command's to say in one line (`day_in_range`), not argparse's usage block."""
    try:
        dt.date.fromisoformat(text(value))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (write YYYY-MM-DD)") from None
    return value


def day_in_range(command: str, option: str, value: str) -> dt.date:
    """A day typed, within FIRST_DAY..LAST_DAY: else one line naming the command, exit 2."""
    from .context import CommandError

    parsed = dt.date.fromisoformat(value)
    if not FIRST_DAY <= parsed <= LAST_DAY:
        raise CommandError(
            f"catalyst {command}: {option} {value} is out of range: a day from {FIRST_DAY} to "
            f"{LAST_DAY}"
        )
    return parsed


def _output_options(parser: argparse.ArgumentParser) -> None:
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
    _global_options(parser, suppress=False)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    no_files = argparse.ArgumentParser(add_help=False)  # the demo: never the user's files
    _global_options(no_files, suppress=True, files=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str,
        help_text: str,
        options: argparse.ArgumentParser = common,
        *,
        symbol: str = "",
        json: str = "",
    ) -> argparse.ArgumentParser:
        """A command; `symbol`: the help of its optional SYMBOL (one ticker, none: all), `json`:
        the help of its --json (what it prints)."""
        made = sub.add_parser(name, help=help_text, description=help_text, parents=[options])
        if symbol:
            made.add_argument("symbol", type=text, nargs="?", metavar="SYMBOL", help=symbol)
        if json:
            made.add_argument("--json", action="store_true", help=json)
        return made

    command("tui", "open the TUI (the default)")
    init = command("init", "start a thesis file of your own: settings, one example commented out")
    init.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="where to write it (default: the file catalyst finds on its own, in "
        "your user config directory)",
    )
    init.add_argument(
        "--force",
        action="store_true",
        help="write it even where a file is, keeping the old one as its .bak",
    )
    command("validate", "check catalysts.toml and print every error with its location")
    command("refresh", "one cycle: quotes, fundamentals when due, evaluate, notify")
    command("check", "evaluate checkpoints on stored data (no network)", json="print a JSON array")
    mark = command("mark", "resolve a checkpoint by hand (pending reopens it)")
    mark.add_argument(
        "target", type=text, metavar="SYMBOL/ID", help="the checkpoint, e.g. ALAB/npo-ships"
    )
    mark.add_argument(
        "status",
        choices=STATUSES,
        help="met or missed freezes it as you judged it; pending reopens it to evaluation",
    )
    mark.add_argument(
        "--note", type=text, default="", metavar="TEXT", help="why, kept on the timeline"
    )
    note = command("note", "a dated note in a ticker's thesis journal")
    note.add_argument("symbol", type=text, metavar="SYMBOL", help="the ticker, e.g. ALAB")
    note.add_argument(
        "text", type=text, nargs="+", metavar="TEXT", help="the note (its words are joined)"
    )
    note.add_argument("--action", choices=JOURNAL_ACTIONS, default="", help="what you did")
    note.add_argument("--conviction", choices=CONVICTIONS, default="", help="how sure you are")
    ack = command("ack", "acknowledge flagged misses")
    ack.add_argument(
        "targets",
        type=text,
        nargs="*",
        metavar="SYMBOL/ID",
        help="the checkpoints whose flags to clear; none: list the flagged ones",
    )
    ack.add_argument("--all", action="store_true", help="acknowledge every flag")
    command("positions", "what is held and sold, in the base currency", json="print a JSON array")
    export = command(
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
    _output_options(export)
    evidence = command("evidence", "passages of filings and news that matched evidence entries")
    evidence.add_argument(
        "target",
        type=text,
        nargs="?",
        metavar="SYMBOL[/ID]",
        help="one ticker, or one of its checkpoints; none: all; or the word `add`, `accept`, "
        "`dismiss` or `reset` (below)",
    )
    evidence.add_argument("--all", action="store_true", help="dismissed passages too")
    evidence.add_argument("--json", action="store_true", help="print a JSON array")
    evidence.add_argument(
        "document",
        nargs="*",
        metavar="SYMBOL PATH|URL | ID",
        help="with `add` as the first word: read a document you bring (a call transcript, a "
        "deck: HTML, text or PDF), match it against the ticker's evidence entries and keep it; "
        "with `accept`, `dismiss` or `reset`: your word on the passages of these IDs (accepted: "
        "its stance counts in the verdict; dismissed: not shown again; reset: undecided)",
    )
    evidence.add_argument(
        "--date", type=day, metavar="YYYY-MM-DD", help="the day the added document is of"
    )
    evidence.add_argument("--title", type=text, metavar="TEXT", help="the added document's title")
    command(
        "filings",
        "the 10-K, 10-Q and 8-K filings stored (newest first)",
        symbol="one ticker; none: all",
        json="print a JSON array",
    )
    results = command(
        "results",
        "earnings releases read from 8-Ks (newest first), or one file",
        symbol="one ticker's stored releases; none: every ticker's",
        json="print JSON",
    )
    results.add_argument(
        "--file",
        metavar="PATH",
        help="read one press release (HTML, text or EDGAR's SGML) without database or network; "
        "exit 0 results found, 1 none (the JSON still printed), 2 an unreadable path",
    )
    segments = command(
        "segments",
        "revenue by product line, segment and geography from a 10-Q's or 10-K's XBRL",
        symbol="one ticker: its newest 10-Q or 10-K read from EDGAR and stored",
        json="print a JSON object",
    )
    segments.add_argument(
        "--file",
        metavar="PATH",
        help="the filing's XML instance or inline XBRL .htm, read without database or network; "
        "exit 0 read, 1 no revenue in it, 2 an unreadable path or not XBRL",
    )
    segments.add_argument("--labels", metavar="PATH", help="the filing's label linkbase (_lab.xml)")
    command(
        "kpis",
        "KPIs read from words in releases, calls and filings: a product's share of revenue, "
        "its growth, the guidance's direction; each with its sentence and document",
        symbol="one ticker; none: every ticker with one",
        json="print a JSON array",
    )
    command(
        "status",
        "each provider's requests, failures and pauses; file paths",
        json="print a JSON object",
    )
    daemon = command("daemon", "run the scheduler without the TUI (as a user service)")
    service = daemon.add_mutually_exclusive_group()
    service.add_argument(
        "--install",
        action="store_true",
        help="write a systemd user unit (launchd agent on macOS) that runs it at log-in",
    )
    service.add_argument("--uninstall", action="store_true", help="remove that unit or agent")
    command(
        "demo",
        "a live thesis offline: the TUI on a temporary copy of the bundled thesis, fed by a "
        "replay market on 127.0.0.1 (nothing of yours is read or written; all removed on exit)",
        no_files,
    )
    notify = command("notify", "notification channels")
    notify.add_argument(
        "action", nargs="?", choices=("test",), help="test: send one test notification"
    )
    notify.add_argument(
        "channel", nargs="?", help="only this channel (a [notify.channels] name, or desktop)"
    )
    notify.add_argument("--test", action="store_true", help="send one test notification")
    command(
        "performance",
        "each position's, group's and the portfolio's yearly return against its benchmark",
        json="print a JSON object",
    )
    imports = command("import", "append a broker's trades to the file as lots and sales")
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
        help="the symbol of an ISIN (DEGIRO names products by ISIN)",
    )
    imports.add_argument(
        "--opening",
        action="append",
        metavar="SYMBOL=QTY@PRICE",
        help="a position held before the export begins, which its sales sell from",
    )
    days = imports.add_mutually_exclusive_group()
    days.add_argument(
        "--day-first",
        dest="day_first",
        action="store_true",
        default=None,
        help="dates are day/month/year",
    )
    days.add_argument(
        "--month-first", dest="day_first", action="store_false", help="dates are month/day/year"
    )
    decimals = imports.add_mutually_exclusive_group()
    decimals.add_argument(
        "--decimal-comma",
        dest="decimal_comma",
        action="store_true",
        default=None,
        help="amounts are written 1.234,50",
    )
    decimals.add_argument(
        "--decimal-point",
        dest="decimal_comma",
        action="store_false",
        help="amounts are written 1,234.50",
    )
    command(
        "estimates",
        "the Street's consensus, its trend, the surprises and each "
        "release against the consensus frozen before it",
        symbol="one ticker; none: all",
        json="print a JSON array",
    )
    verdicts = "broken, at risk, intact, proven, unjudged"
    command(
        "review",
        f"each thesis's verdict ({verdicts}) and why",
        symbol="one ticker; none: all",
        json="print a JSON object",
    )
    changes = command(
        "changes",
        "what changed since you last looked (or --since): transitions, "
        "evidence, releases, filings, Street revisions and price moves",
        json="print a JSON array",
    )
    changes.add_argument(
        "--since",
        metavar="7d|YYYY-MM-DD",
        help="how long ago (30m, 12h, 7d, 2w), or a day or moment in ISO "
        "form; default: when the TUI last showed the watchlist, else 7 days",
    )
    report = command(
        "report",
        "a ticker's report to keep: its thesis, evidence, latest release, "
        "position and price chart with the timeline's events",
    )
    report.add_argument("symbol", type=text, metavar="SYMBOL", help="the ticker")
    report.add_argument(
        "--format",
        choices=["md", "html"],
        default="md",
        help="Markdown (default) or one self-contained HTML file",
    )
    _output_options(report)
    return parser
