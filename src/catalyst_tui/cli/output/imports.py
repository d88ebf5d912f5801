"""What `catalyst import` would add: each trade as a row, then how many the file already has
and the rows that are not trades."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ...text import printable
from .stream import Column, Row, print_table
from .tables import output_console

if TYPE_CHECKING:
    from rich.console import Console

    from ...config.importing import ImportPlan
    from ...reading.brokers import Dividend


def print_plan(
    plan: ImportPlan, title: str, *, dry_run: bool, source: str = "", console: Console | None = None
) -> None:
    console = console or output_console()
    verb = "would add" if dry_run else "adds"
    rows = [
        Row(
            [
                printable(c)
                for c in (
                    t.day.isoformat(),
                    t.symbol,
                    t.side,
                    f"{t.shares:g}",
                    f"{t.price:,.4f}".rstrip("0").rstrip("."),
                    f"{t.fees:,.2f}",
                    t.currency,
                    str(t.line),
                )
            ]
        )
        for t in plan.add
    ]
    names = ("Date", "Symbol", "Side", "Shares", "Price", "Fees", "Currency", "Line")
    columns = [Column(n, right=n in ("Shares", "Price", "Fees", "Line")) for n in names]
    if rows:
        print_table(console, printable(f"{title}: {verb} {len(rows)}"), columns, rows)
    else:
        nothing = "no trades to add" if plan.dividends else "nothing to add"
        console.print(Text(printable(f"{title}: {nothing}")))
    if plan.dividends:
        paid = [
            Row(
                [
                    printable(c)
                    for c in (
                        d.day.isoformat(),
                        d.symbol,
                        f"{d.amount:,.4f}",
                        _withheld(d),
                        d.currency,
                        str(d.line),
                    )
                ]
            )
            for d in plan.dividends
        ]
        heads = ("Date", "Symbol", "Received", "Withheld", "Currency", "Line")
        cols = [Column(n, right=n in ("Received", "Withheld", "Line")) for n in heads]
        print_table(console, printable(f"dividends: {verb} {len(paid)}"), cols, paid)
    for row in plan.left_out:
        console.print(Text(printable(f"{source}:{row.line}: {row.message}; left out")))
    notes = [f"{plan.already} already in the file"] if plan.already else []
    if plan.new_tickers:
        notes.append(f"new tickers: {', '.join(plan.new_tickers)}")
    if plan.skipped:
        notes.append(f"{plan.skipped} rows that are not buys or sales left out")
    if notes:
        console.print(Text(printable("; ".join(notes))))


def _withheld(d: Dividend) -> str:
    """The tax withheld as the export states it: in another currency named, "not stated"."""
    if d.tax is None:
        return "not stated"
    return f"{d.tax:,.4f}" + (f" {d.tax_currency}" if d.tax_currency else "")
