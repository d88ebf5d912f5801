"""Dividends: what a refresh stores of the provider's (one row per symbol and ex-date, a later
answer replacing it: restated after a split as the bars are), and what the file says of a
ticker's dividends (its tax withheld, its entries by hand), synced with its lots."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..market.models import Dividend
from ..thesis.portfolio.flows import ManualDividend
from .door import Door

if TYPE_CHECKING:
    from collections.abc import Iterable


class Dividends(Door):
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
            ManualDividend(
                dt.date.fromisoformat(day),
                amount,
                note,
                tax,
                tax_currency,
                None if ex is None else dt.date.fromisoformat(ex),
            )
            for day, amount, note, tax, tax_currency, ex in self._conn.execute(
                "SELECT date, amount, note, tax, tax_currency, ex_date FROM dividend_entries"
                " WHERE symbol = ? ORDER BY seq",
                [symbol],
            )
        ]

    def tax(self, symbol: str) -> float:
        """The share of `symbol`'s dividends withheld (0.15 for 15%), as the file says."""
        row = self._conn.execute(
            "SELECT dividend_tax FROM tickers WHERE symbol = ?", [symbol]
        ).fetchone()
        return float(row[0]) if row else 0.0

    def benchmarks(self) -> dict[str, str]:
        """The benchmark of each ticker in the file (its group's, else the settings')."""
        return dict(self._conn.execute("SELECT symbol, benchmark FROM tickers WHERE archived = 0"))

    def benchmarks_to_fetch(self) -> list[str]:
        """The benchmarks of the tickers with lots that are not tickers in the file themselves:
        a refresh fetches their quotes and daily history as a ticker's."""
        return [
            row[0]
            for row in self._conn.execute(
                "SELECT DISTINCT t.benchmark FROM tickers t WHERE t.archived = 0"
                " AND EXISTS (SELECT 1 FROM lots l WHERE l.symbol = t.symbol)"
                " AND t.benchmark NOT IN (SELECT symbol FROM tickers WHERE archived = 0)"
                " ORDER BY t.benchmark"
            )
        ]

    def sync(self, conn: object, symbol: str, entries: Iterable[ManualDividend]) -> None:
        """Replace `symbol`'s written dividends with `entries` (inside the sync's transaction)."""
        rows = [
            (symbol, seq, e.date.isoformat(), e.amount, e.note, e.tax, e.tax_currency, _day(e))
            for seq, e in enumerate(entries)
        ]
        have = self._conn.execute(
            "SELECT symbol, seq, date, amount, note, tax, tax_currency, ex_date"
            " FROM dividend_entries WHERE symbol = ? ORDER BY seq",
            [symbol],
        ).fetchall()
        if [tuple(r) for r in have] == rows:
            return
        self._conn.execute("DELETE FROM dividend_entries WHERE symbol = ?", [symbol])
        self._conn.executemany(
            "INSERT INTO dividend_entries"
            " (symbol, seq, date, amount, note, tax, tax_currency, ex_date)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def _day(entry: ManualDividend) -> str | None:
    return None if entry.ex_date is None else entry.ex_date.isoformat()
