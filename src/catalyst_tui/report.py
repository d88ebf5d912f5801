"""Terminal output of the headless commands: refresh progress and the refresh summary table."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .market.refresh import RefreshReport

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


def format_age(age: dt.timedelta | None) -> str:
    if age is None:
        return "never"
    seconds = max(0, int(age.total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


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
