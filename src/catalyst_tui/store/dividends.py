"""Dividends: what a refresh stores of the provider's (one row per symbol and ex-date, a later
answer replacing it: restated after a split as the bars are), and what the file says of a
ticker's dividends (its tax withheld, its entries by hand), synced with its lots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..market.models import Dividend
from ..thesis.flows import ManualDividend

if TYPE_CHECKING:
    from . import Store


class Dividends:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._conn = store.conn

    def save(self, dividends: Iterable[Dividend]) -> int:
        """Store dividends, an ex-date's replacing the one stored for it; how many."""
        rows = [(d.symbol, d.day.isoformat(), d.amount) for d in dividends]
        if rows:
            with self._store.transaction() as conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO dividends (symbol, day, amount) VALUES (?, ?, ?)", rows
                )
        return len(rows)

    def of(self, symbol: str) -> list[Dividend]:
        """The provider's dividends of `symbol`, oldest first."""
        return [
            Dividend(symbol, dt.date.fromisoformat(day), amount)
            for day, amount in self._conn.execute(
                "SELECT day, amount FROM dividends WHERE symbol = ? ORDER BY day", [symbol]
            )
        ]

    def written(self, symbol: str) -> list[ManualDividend]:
        """The dividends the file records by hand for `symbol`, in its order."""
        return [
            ManualDividend(dt.date.fromisoformat(day), amount, note)
            for day, amount, note in self._conn.execute(
                "SELECT date, amount, note FROM dividend_entries WHERE symbol = ? ORDER BY seq",
                [symbol],
            )
        ]

    def tax(self, symbol: str) -> float:
        """The share of `symbol`'s dividends withheld (0.15 for 15%), as the file says."""
        row = self._conn.execute(
            "SELECT dividend_tax FROM tickers WHERE symbol = ?", [symbol]
        ).fetchone()
        return float(row[0]) if row else 0.0

    def sync(self, conn: object, symbol: str, entries: Iterable[ManualDividend]) -> None:
        """Replace `symbol`'s written dividends with `entries` (inside the sync's transaction)."""
        rows = [(symbol, seq, e.date.isoformat(), e.amount, e.note)
                for seq, e in enumerate(entries)]  # fmt: skip
        have = self._conn.execute(
            "SELECT symbol, seq, date, amount, note FROM dividend_entries WHERE symbol = ?"
            " ORDER BY seq",
            [symbol],
        ).fetchall()
        if [tuple(r) for r in have] == rows:
            return
        self._conn.execute("DELETE FROM dividend_entries WHERE symbol = ?", [symbol])
        self._conn.executemany(
            "INSERT INTO dividend_entries (symbol, seq, date, amount, note) VALUES (?, ?, ?, ?, ?)",
            rows,
        )
