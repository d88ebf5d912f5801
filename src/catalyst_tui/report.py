"""Terminal output of the headless commands: refresh progress and the refresh summary table."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .market.refresh import RefreshReport
from .thesis.conditions import parse_condition
from .thesis.evaluate import format_value
from .watchlist import format_age

Progressed = Callable[[int, int, str], None]


@contextlib.contextmanager
def refresh_progress(total: int, console: Console | None = None) -> Iterator[Progressed]:
    """A live progress bar on a terminal; one plain line per symbol when output is not one."""
    console = console or Console(stderr=True)
    if not console.is_terminal:

        def plain(done: int, total: int, symbol: str) -> None:
            print(f"refresh: {done}/{total} {symbol}", file=sys.stderr, flush=True)

        yield plain
        return
    columns = (
        TextColumn("refreshing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=total)

        def update(done: int, total: int, symbol: str) -> None:
            progress.update(task, completed=done, total=total, description=symbol)

        yield update


def print_refresh_summary(
    report: RefreshReport, console: Console | None = None, now: dt.datetime | None = None
) -> None:
    """Symbol, price, day change, source, age and staleness of every symbol, then the notes."""
    console = console or Console()
    now = now or dt.datetime.now(dt.UTC)
    table = Table(title="catalyst refresh", title_justify="left")
    for name, justify in (("symbol", "left"), ("price", "right"), ("day", "right"),
                          ("source", "left"), ("age", "right"), ("stale", "left")):  # fmt: skip
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for status in report.statuses:
        stale = status.symbol not in report.fresh
        price = "—" if status.price is None else f"{status.price:,.2f}"
        change = "—" if status.change_pct is None else f"{status.change_pct:+.2%}"
        style = "yellow" if stale else ""
        why = f"stale: {status.error}" if stale and status.error else ("stale" if stale else "")
        table.add_row(
            status.symbol, price, change, status.source or "—",
            format_age(status.age(now)), why, style=style,
        )  # fmt: skip
    console.print(table)
    fresh, total = len(report.fresh), len(report.statuses)
    console.print(f"{fresh}/{total} symbols fresh", highlight=False)
    for note in report.notes:
        console.print(f"note: {note}", highlight=False, soft_wrap=True)


def checkpoint_records(rows: list[dict[str, Any]], today: dt.date) -> list[dict[str, Any]]:
    """Stored checkpoint rows as `catalyst check --json` prints them."""
    records = []
    for r in rows:
        condition = parse_condition(r["condition"]) if r["condition"] else None
        due = r["due"] or r["until"]
        records.append(
            {
                "symbol": r["symbol"],
                "id": r["id"],
                "title": r["title"],
                "kind": r["kind"],
                "status": r["status"],
                "value": r["last_value"] if condition else None,
                "threshold": condition.threshold if condition else None,
                "condition": condition.text if condition else None,
                "due": due,
                "days_left": (dt.date.fromisoformat(due) - today).days if due else None,
                "flagged": bool(r["flagged"]),
                "manual": bool(r["manual"]),
                "reason": r["last_reason"],
            }
        )
    return records


_STATUS_STYLE = {"met": "green", "missed": "red", "pending": ""}


def print_checkpoints(records: list[dict[str, Any]], console: Console | None = None) -> None:
    console = console or Console()
    if not console.is_terminal:
        console.width = max(console.width, 150)  # a log or a pipe: don't fold the reasons
    table = Table(title="catalyst check", title_justify="left")
    table.add_column("checkpoint", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("value vs threshold", no_wrap=True)
    table.add_column("due", no_wrap=True)
    table.add_column("why", overflow="fold")
    for r in records:
        measured = ""
        if r["condition"]:
            metric, threshold = r["condition"].split(None, 1)
            shown = "—" if r["value"] is None else format_value(metric, r["value"])
            measured = f"{shown} vs {threshold}"
        status = (
            r["status"] + (" ⚑" if r["flagged"] else "") + (" (by hand)" if r["manual"] else "")
        )
        due = "" if not r["due"] else f"{r['due']} ({r['days_left']:+d}d)"
        table.add_row(
            f"{r['symbol']}/{r['id']}", status, measured, due, r["reason"],
            style=_STATUS_STYLE[r["status"]] or None,
        )  # fmt: skip
    console.print(table)
    flagged = sum(r["flagged"] for r in records)
    if flagged:
        console.print(
            f"{flagged} unacknowledged miss{'es' if flagged != 1 else ''}: "
            "catalyst ack SYMBOL/ID (or --all)",
            highlight=False,
        )
