"""What `catalyst import` would add: the first trades as rows (all of them when they are few),
a summary of the rest, the dividends likewise, the rows left out (the first of them, and how
many more), then how many the file already has and the rows that are not trades. However large
the export, what is printed is bounded: a million rows give a few dozen lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from rich.text import Text

from ...text import counted, printable
from .stream import Column, Row, print_table
from .tables import output_console

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from rich.console import Console

    from ...config.importing import ImportPlan
    from ...reading.brokers.export import Dividend, RowIssue, Trade

T = TypeVar("T")
SHOWN = 20  # the trades, dividends and rows left out shown one by one; the rest summed up


def _trade_row(t: Trade) -> Row:
    cells = (
        t.day.isoformat(),
        t.symbol,
        t.side,
        f"{t.shares:g}",
        f"{t.price:,.4f}".rstrip("0").rstrip("."),
        f"{t.fees:,.2f}" + (f" {t.fees_currency}" if t.fees_currency else ""),
        t.priced_in or t.currency,  # kept in the currency it was priced in: no rate yet
        str(t.line),
    )
    return Row([printable(c) for c in cells])


def _dividend_row(d: Dividend) -> Row:
    cells = (d.day.isoformat(), d.symbol, _money(d.amount), _withheld(d), d.currency, str(d.line))
    return Row([printable(c) for c in cells])


def trades_summary(trades: Sequence[Trade]) -> str:
    """The trades in one line: how many buys and sales, of how many symbols, over which days."""
    buys = sum(1 for t in trades if t.side == "buy")
    symbols = len({t.symbol for t in trades})
    first = min(t.day for t in trades).isoformat()
    last = max(t.day for t in trades).isoformat()
    return (
        f"{counted(buys, 'buy')} and {counted(len(trades) - buys, 'sale')} of "
        f"{counted(symbols, 'symbol')}, {first} to {last}"
    )


# The columns of the trades and of the dividends, each with whether it is right-aligned.
_TRADE_COLUMNS = [
    Column(n, right=n in ("Shares", "Price", "Fees", "Line"))
    for n in ("Date", "Symbol", "Side", "Shares", "Price", "Fees", "Currency", "Line")
]
_DIVIDEND_COLUMNS = [
    Column(n, right=n in ("Received", "Withheld", "Line"))
    for n in ("Date", "Symbol", "Received", "Withheld", "Currency", "Line")
]


def _first_shown(
    console: Console,
    heading: str,
    columns: list[Column],
    items: Sequence[T],
    row: Callable[[T], Row],
    tail: str,
    noun: str,
) -> None:
    """The first SHOWN items as rows under their heading and how many there are (of `noun`),
    then how many more there are, followed by `tail`."""
    heading += f" {counted(len(items), noun)}"
    if len(items) > SHOWN:
        heading += f" (the first {SHOWN} shown)"
    print_table(console, printable(heading), columns, [row(i) for i in items[:SHOWN]])
    if len(items) > SHOWN:
        more = counted(len(items) - SHOWN, f"more {noun}")
        console.print(Text(printable(f"… and {more}{tail}")))


def print_plan(
    plan: ImportPlan, title: str, *, dry_run: bool, source: str = "", console: Console | None = None
) -> None:
    console = console or output_console()
    verb = "would add" if dry_run else "adds"
    if plan.add:
        tail = f"; in all {trades_summary(plan.add)}"
        heading = f"{title}: {verb}"
        _first_shown(console, heading, _TRADE_COLUMNS, plan.add, _trade_row, tail, "trade")
    else:
        nothing = "no trades to add" if plan.dividends else "nothing to add"
        console.print(Text(printable(f"{title}: {nothing}")))
    if plan.dividends:
        heading = f"{title}: {verb}"
        rows = _dividend_row
        _first_shown(console, heading, _DIVIDEND_COLUMNS, plan.dividends, rows, "", "dividend")
    _left_out(console, plan.left_out, source)
    for row in plan.unheld[:SHOWN]:
        console.print(Text(printable(f"{source}:{row.line}: {row.message}")))
    if len(plan.unheld) > SHOWN:
        others = counted(len(plan.unheld) - SHOWN, "more dividend")
        console.print(Text(f"… and {others} of shares not held"))
    notes = [f"{plan.already:,} already in the file"] if plan.already else []
    if plan.openings:
        said = ", ".join(f"{o.symbol} {o.shares:g} at {o.cost:g}" for o in plan.openings)
        notes.append(f"opening positions: {said}")
    if plan.new_tickers:
        shown = ", ".join(plan.new_tickers[:SHOWN])
        more = len(plan.new_tickers) - SHOWN
        notes.append(f"new tickers: {shown}" + (f" and {more:,} more" if more > 0 else ""))
    if plan.skipped:
        what = "is not a buy or a sale" if plan.skipped == 1 else "are not buys or sales"
        notes.append(f"{counted(plan.skipped, 'row')} that {what} left out")
    if notes:
        console.print(Text(printable("; ".join(notes))))


def _left_out(console: Console, left_out: Sequence[RowIssue], source: str) -> None:
    for row in left_out[:SHOWN]:
        console.print(Text(printable(f"{source}:{row.line}: {row.message}; left out")))
    if len(left_out) > SHOWN:
        console.print(Text(f"… and {counted(len(left_out) - SHOWN, 'more row')} left out"))


def _withheld(d: Dividend) -> str:
    """The tax withheld as the export states it: in another currency named, "not stated"."""
    if d.tax is None:
        return "not stated"
    return _money(d.tax) + (f" {d.tax_currency}" if d.tax_currency else "")


def _money(amount: float) -> str:
    """An amount to the cent, as money is written everywhere (2,669.14, 0.39); a fraction of a
    cent the export states is kept (0.075), never rounded away."""
    whole, _, cents = f"{amount:,.4f}".rstrip("0").partition(".")
    return f"{whole}.{cents.ljust(2, '0')}"
