"""Terminal output of the headless commands: refresh progress and the refresh summary table,
`check`'s checkpoints and `positions`' table and totals (each also as JSON).

Every cell and line that holds text from the file, the database or a provider is a rich `Text`
of `printable(...)` (text.py): shown as typed, never read as markup, never an escape sequence."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from ...text import counted, printable
from ...thesis.kinds import status_word
from ...thesis.vocabulary import NONE, STATUS_STYLE
from ...thesis.wording import json_value, reason_text, value_against
from ...views.health import format_age
from .stream import Column, Row, print_table
from .tables import output_console

if TYPE_CHECKING:  # the refresh (and the market package) is loaded by `refresh` alone
    from ...jobs.refresh_report import RefreshReport
    from ...market.models import LastQuote
    from ...store.records import CheckpointRecord
    from ...views.watchlist import Watchlist, WatchRow

Progressed = Callable[[int, int, str], None]


@contextlib.contextmanager
def refresh_progress(total: int, console: Console | None = None) -> Iterator[Progressed]:
    """A live progress bar on a terminal; one plain line per symbol when output is not one."""
    console = console or Console(stderr=True)
    if not console.is_terminal:

        def plain(done: int, total: int, symbol: str) -> None:
            print(f"refresh: {done}/{total} {printable(symbol)}", file=sys.stderr, flush=True)

        yield plain
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("refreshing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}", markup=False),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=total)

        def update(done: int, total: int, symbol: str) -> None:
            progress.update(task, completed=done, total=total, description=printable(symbol))

        yield update


def print_refresh_summary(
    report: RefreshReport,
    statuses: Iterable[LastQuote],
    console: Console | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Symbol, price, day change, source, age and staleness of every symbol (`statuses`: each
    one's stored quote after the refresh), then the notes.
    When no provider answered (offline, unreachable), each row says only that, and each
    provider's failure is said once under the table, with how many symbols it failed."""
    console = console or output_console()
    now = now or dt.datetime.now(dt.UTC)
    rows = []
    for status in statuses:
        stale = status.symbol not in report.fresh
        price = "—" if status.price is None else f"{status.price:,.2f}"
        change = "—" if status.change_pct is None else f"{status.change_pct:+.2%}"
        why = f"stale: {status.error}" if stale and status.error else ("stale" if stale else "")
        if stale and report.reach:  # no provider answered: the same for each, said once below
            why = f"stale: {report.reach}"
        cells = (
            status.symbol,
            price,
            change,
            status.source or "—",
            format_age(status.age(now)),
            why,
        )
        rows.append(Row([printable(c) for c in cells], "yellow" if stale else ""))
    columns = [
        Column("symbol"),
        Column("price", right=True),
        Column("day", right=True),
        Column("source"),
        Column("age", right=True),
        Column("stale"),
    ]
    print_table(console, "catalyst refresh", columns, rows, fold_last=True)
    fresh, total = len(report.fresh), len(rows)
    console.print(f"{fresh}/{total} symbols fresh", highlight=False)
    for provider, failure in report.failures.items():
        console.print(Text(printable(f"{provider}: {failure}")), highlight=False, soft_wrap=True)
    for note in report.notes:
        console.print(Text(f"note: {printable(note)}"), highlight=False, soft_wrap=True)


def checkpoint_json(records: list[CheckpointRecord], today: dt.date) -> list[dict[str, Any]]:
    """Checkpoints as `catalyst check --json` and `catalyst export` write them."""
    out = []
    for r in records:
        condition = r.condition
        due = r.due or r.until
        out.append(
            {
                "symbol": r.symbol,
                "id": r.id,
                "title": r.title,
                "kind": r.kind,
                "status": r.status,
                "value": json_value(condition.metric, r.value) if condition else None,
                "threshold": json_value(condition.metric, condition.threshold)
                if condition
                else None,
                "condition": condition.text if condition else None,
                "due": due.isoformat() if due else None,
                "days_left": (due - today).days if due else None,
                "flagged": r.flagged,
                "manual": r.manual,
                "reason": reason_text(r.reason, condition, today),
                # a kill criterion missed by words alone: the statement awaiting your word
                "awaiting_word": None if r.awaiting is None else r.awaiting.json(),
            }
        )
    return out


def print_checkpoints(
    records: list[CheckpointRecord], today: dt.date, console: Console | None = None
) -> None:
    """Each checkpoint: its SYMBOL/ID, status, value against threshold and due date, whole,
    then why: beside its row where it gets stream.BESIDE columns, else on the lines under it
    (80 columns). Written row by row (cli/output/stream.py): 10,000 of them print in a
    fraction of a second, where a rich Table took seconds."""
    console = console or output_console()
    rows = []
    for r in records:
        measured = ""
        if r.condition is not None:
            shown, target = value_against(r.condition, r.value, r.reason.op)
            measured = f"{shown} vs {target}"
        status = status_word(r.kind, r.status)  # a guard that is met reads "holding", as in the TUI
        status += (" ⚑" if r.flagged else "") + (" (by hand)" if r.manual else "")
        why = reason_text(r.reason, r.condition, today)
        if r.awaiting is not None:  # words alone missed a kill criterion: yours to confirm
            status += ", awaiting your word"
            why = f"{why}; {r.awaiting.text}" if why else r.awaiting.text
        due = r.due or r.until
        when = "" if due is None else f"{due.isoformat()} {(due - today).days:+d}d"
        cells = (
            f"{r.symbol}/{r.id}",
            status,
            measured,
            when,
            why,
        )
        rows.append(Row([printable(c) for c in cells], STATUS_STYLE[r.status]))
    columns = [Column(name) for name in ("checkpoint", "status", "value vs threshold", "due")]
    print_table(console, "catalyst check", [*columns, Column("why")], rows, fold_last=True)
    flagged = sum(r.flagged for r in records)
    if flagged:
        console.print(
            f"{counted(flagged, 'unacknowledged miss', 'unacknowledged misses')}: "
            "catalyst ack SYMBOL/ID (or --all)",
            highlight=False,
        )


def positions_json(
    watchlist: Watchlist, dividends: Mapping[str, float | None] | None = None
) -> list[dict[str, Any]]:
    """One entry per symbol held or sold: `price` in the listing's unit (`currency`), as the
    provider gave it; `value`, `cost` (of what is held), `unrealized`, `realized` and
    `dividends` (received after tax) in the base currency, rounded to its minor unit, None
    where no FX rate is stored (`no_fx`), said in `reason` (a listing abroad never quoted yet
    has no currency known, so no rate either); `weight` a fraction of the priced, converted
    total."""
    from ...market.currency import (
        round_money,  # the market package: loaded by the commands using it
    )

    base = watchlist.currency
    money = ("value", "cost", "unrealized", "realized", "dividends")
    paid = dividends or {}
    return [
        {
            k: round_money(v, base) if k in money else v
            for k, v in {**_position(row), "dividends": paid.get(row.symbol, 0.0)}.items()
        }
        for row in _held_or_sold(watchlist)
    ]


def _held_or_sold(watchlist: Watchlist) -> list[WatchRow]:
    return [row for row in watchlist.rows if row.shares or row.sold]


def _position(row: WatchRow) -> dict[str, Any]:
    return {
        "symbol": row.symbol,
        "currency": row.currency,
        "shares": row.shares or 0.0,
        "price": row.price,
        "value": row.value if row.shares else 0.0,
        "cost": row.basis if row.shares else 0.0,
        "unrealized": row.pnl if row.shares else 0.0,
        "realized": row.realized if row.sold else 0.0,
        "weight": row.weight if row.shares else 0.0,
        "no_fx": row.no_fx or _no_rate(row),
        "reason": _reason(row),
    }


def _no_rate(row: WatchRow) -> bool:
    """Held, and its cost not in the base currency: no rate to it (or no unit to have one)."""
    return bool(row.shares) and row.basis is None


def _reason(row: WatchRow) -> str | None:
    """Why a held position's figures in the base currency are null, else None."""
    if not _no_rate(row):
        return None
    if row.currency is None and row.price is None:
        return "no quote yet: the listing's currency is not known until catalyst refresh reads it"
    return f"no FX rate from {row.currency} stored yet (catalyst refresh fetches it)"


def print_positions(
    watchlist: Watchlist,
    dividends: Mapping[str, float | None] | None = None,
    console: Console | None = None,
) -> None:
    console = console or output_console()
    paid = dividends or {}
    # the dividends' column where a position received any (80 columns hold the others)
    with_dividends = any(paid.values())
    base = watchlist.currency
    rows = []
    for row in _held_or_sold(watchlist):
        entry = _position(row)
        price = NONE
        if entry["price"] is not None:
            price = f"{entry['price']:,.2f} {entry['currency'] or ''}"
        if row.no_fx and row.local_value is not None:
            value = f"{row.local_value:,.2f} {row.currency} *"
        else:
            value = _money(entry["value"])
        cells = (
            row.symbol,
            f"{entry['shares']:g}",
            price.strip(),
            value,
            _money(entry["cost"]),
            _signed(entry["unrealized"]),
            _signed(entry["realized"]),
            *([_money(paid.get(row.symbol, 0.0))] if with_dividends else []),
            NONE if entry["weight"] is None else f"{entry['weight']:.1%}",
        )
        rows.append(Row([printable(cell) for cell in cells]))
    names = (
        "Symbol",
        "Shares",
        "Price",
        "Value",
        "Cost",
        "Unrealized",
        "Realized",
        *(["Dividends"] if with_dividends else []),
        "Weight",
    )
    columns = [Column(name, right=name != "Symbol") for name in names]
    print_table(console, printable(f"Positions ({base})"), columns, rows)
    totals = watchlist.totals()
    realized = NONE if totals.realized_year is None else f"{totals.realized_year:+,.2f}"
    # Sums of the priced positions only: none priced is no total at all, never 0.00.
    value = f"{totals.value:,.2f}" if totals.priced else NONE
    pnl = f"{totals.pnl:+,.2f}" if totals.priced else NONE
    console.print(
        Text(printable(f"Total {value} {base} · unrealized {pnl} · realized this year {realized}"))
    )
    if totals.unpriced and totals.priced:
        left_out = ", ".join(totals.unpriced)
        console.print(Text(printable(f"no price yet: left out of the totals ({left_out})")))
    unknown = [r.symbol for r in _held_or_sold(watchlist) if _no_rate(r) and r.price is None]
    if unknown:
        said = ", ".join(unknown)
        console.print(
            Text(
                printable(
                    f"no quote yet ({said}): the cost in {base} once a refresh reads the currency"
                )
            )
        )
    if totals.no_fx:
        left_out = ", ".join(totals.no_fx)
        console.print(
            Text(printable(f"* no FX rate to {base} yet: left out of the totals ({left_out})"))
        )


def _money(value: float | None) -> str:
    return NONE if value is None else f"{value:,.2f}"


def _signed(value: float | None) -> str:
    return NONE if value is None else f"{value:+,.2f}"
