"""The commands of the thesis: a file of your own, its checks, marks, notes and acknowledgements,
evidence, KPIs, the verdict, what changed and a ticker's report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...thesis.vocabulary import CONVICTIONS, JOURNAL_ACTIONS, STATUSES
from .options import output_options
from .values import SPAN_METAVAR, text

if TYPE_CHECKING:
    from .options import Commands


def add(commands: Commands) -> None:
    """Adds this group's commands."""
    init = commands.add(
        "init", "start a thesis file of your own: settings, one example commented out"
    )
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
    commands.add("validate", "check catalysts.toml and print every error with its location")
    commands.add(
        "check", "evaluate checkpoints on stored data (no network)", json="print a JSON array"
    )
    mark = commands.add("mark", "resolve a checkpoint by hand (pending reopens it)")
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
    note = commands.add("note", "a dated note in a ticker's thesis journal")
    note.add_argument("symbol", type=text, metavar="SYMBOL", help="the ticker, e.g. ALAB")
    note.add_argument(
        "text", type=text, nargs="+", metavar="TEXT", help="the note (its words are joined)"
    )
    note.add_argument("--action", choices=JOURNAL_ACTIONS, default="", help="what you did")
    note.add_argument("--conviction", choices=CONVICTIONS, default="", help="how sure you are")
    ack = commands.add("ack", "acknowledge flagged misses")
    ack.add_argument(
        "targets",
        type=text,
        nargs="*",
        metavar="SYMBOL/ID",
        help="the checkpoints whose flags to clear; none: list the flagged ones",
    )
    ack.add_argument("--all", action="store_true", help="acknowledge every flag")
    evidence = commands.add(
        "evidence", "passages of filings and news that matched evidence entries"
    )
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
        "--date",
        type=text,
        metavar=SPAN_METAVAR,
        help="the day the added document is of: a day, or how long ago (3d)",
    )
    evidence.add_argument("--title", type=text, metavar="TEXT", help="the added document's title")
    kpis = commands.add(
        "kpis",
        "KPIs read from words in releases, calls and filings: a product's share of revenue, "
        "its growth, the guidance's direction; each with its ID, sentence and document",
        symbol="one ticker; none: every ticker with one; or the word `accept`, `dismiss` or "
        "`reset` (below)",
        json="print a JSON array",
    )
    kpis.add_argument(
        "ids",
        nargs="*",
        metavar="ID",
        help="with `accept`, `dismiss` or `reset` as the first word: your word on the "
        "statements of these IDs (accepted: what it says is so, a kill criterion it misses "
        "breaks the thesis; dismissed: a misread, it judges nothing now or later; reset: no "
        "word)",
    )
    kpis.add_argument("--all", action="store_true", help="dismissed statements too")
    verdicts = "broken, at risk, intact, proven, unjudged"
    commands.add(
        "review",
        f"each thesis's verdict ({verdicts}) and why",
        symbol="one ticker; none: all",
        json="print a JSON object",
    )
    changes = commands.add(
        "changes",
        "what changed since you last looked (or --since): transitions, "
        "evidence, releases, filings, Street revisions and price moves",
        json="print a JSON array",
    )
    changes.add_argument(
        "--since",
        type=text,
        metavar=SPAN_METAVAR,
        help="how long ago (30m, 12h, 7d, 2w), or a day or moment in ISO "
        "form; default: when the TUI last showed the watchlist, else 7 days",
    )
    replayed = commands.add(
        "replay",
        "each day of a span judged on what was public by its close: when each checkpoint "
        "changed, the verdict's path, the price after",
        symbol="one ticker; none: every ticker with checkpoints",
        json="print a JSON array",
    )
    replayed.add_argument(
        "--from",
        dest="start",
        type=text,
        metavar=SPAN_METAVAR,
        help="the first day: how long ago (30d, 2w) or a day (default: the first stored close)",
    )
    replayed.add_argument(
        "--to",
        dest="end",
        type=text,
        metavar=SPAN_METAVAR,
        help="the last day: how long ago (7d) or a day (default: the last stored close)",
    )
    commands.add(
        "calibration",
        "your stated confidence against what became of each checkpoint (Brier score, "
        "reliability by band) and your conviction against the price after",
        json="print a JSON object",
    )
    report = commands.add(
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
    output_options(report)
