"""The commands of the data: a refresh, the filings, releases, segments and estimates stored, each
provider's status."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .options import Commands


def add(commands: Commands) -> None:
    """Adds this group's commands."""
    commands.add("refresh", "one cycle: quotes, fundamentals when due, evaluate, notify")
    commands.add(
        "filings",
        "the 10-K, 10-Q and 8-K filings stored (newest first)",
        symbol="one ticker; none: all",
        json="print a JSON array",
    )
    results = commands.add(
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
    segments = commands.add(
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
    commands.add(
        "estimates",
        "the Street's consensus, its trend, the surprises and each "
        "release against the consensus frozen before it",
        symbol="one ticker; none: all",
        json="print a JSON array",
    )
    commands.add(
        "status",
        "each provider's requests, failures and pauses; file paths",
        json="print a JSON object",
    )
