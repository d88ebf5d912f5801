"""The floor of bench/tui_latency.py: a bare Textual app with one DataTable, nothing else.

    .venv/bin/python bench/_bare_table_app.py [--rows 500]

Rows T0001… with 11 columns of text shaped like the watchlist's (bold symbol, price, coloured
day change, a 10-character sparkline, thesis score, P&L, value, weight, shares, next due,
earnings), zebra stripes and a row cursor, as WatchlistScreen shows them. No timers, no data
refresh, no other widgets: what is left of a key's latency is Textual's own input → paint path.
"""

from __future__ import annotations

import argparse
import random

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

COLUMNS = (
    "Symbol",
    "Price",
    "Day",
    "30 days",
    "Thesis",
    "P&L",
    "Value",
    "Weight",
    "Shares",
    "Next due",
    "Earnings",
)
BLOCKS = "▁▂▃▄▅▆▇█"


def row(i: int) -> tuple[Text | str, ...]:
    rng = random.Random(i)
    price = 10 ** rng.uniform(1.2, 2.8)
    day = rng.uniform(-0.05, 0.05)
    shares = 10 + i % 90 if i % 3 == 0 else 0
    pnl = shares * price * rng.uniform(-0.3, 0.5)
    met, missed = rng.randint(0, 1), rng.randint(0, 1)
    score = Text("●" * met, style="green")
    score.append("●" * missed, style="red")
    score.append("○" * (2 - met - missed), style="dim")
    return (
        Text(f"T{i:04d}", style="bold"),
        Text(f"${price:,.2f}"),
        Text(f"{day:+.2%}", style="green" if day >= 0 else "red"),
        Text("".join(rng.choice(BLOCKS) for _ in range(10)), style="cyan"),
        score,
        Text(f"{pnl:+,.2f}", style="green" if pnl >= 0 else "red") if shares else Text(""),
        f"${shares * price:,.2f}" if shares else "",
        f"{rng.uniform(0, 0.05):.1%}" if shares else "",
        str(shares) if shares else "",
        Text(f"product-la {rng.randint(1, 900)}d"),
        Text(f"Dec {rng.randint(1, 28):02d}", style="cyan"),
    )


class BareTableApp(App[None]):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield DataTable(id="tickers", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        for i in range(1, self.rows + 1):
            table.add_row(*row(i), key=f"T{i:04d}")
        table.focus()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500)
    BareTableApp(parser.parse_args().rows).run()


if __name__ == "__main__":
    main()
