"""FX rates: what a refresh stores of them (one row per currency, base and day, so the history
stays) and the rate in use, of today or of a past day (a sale's). A rate out of range (an
infinite one an older version stored) is never in use: the one before it is."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..market.bounds import MAX_RATE, MIN_RATE
from ..market.models import FxRate
from .columns import iso
from .door import Door

if TYPE_CHECKING:
    from collections.abc import Iterable


class FxRates(Door):
    def save(self, rates: Iterable[FxRate], now: dt.datetime) -> int:
        """Store rates, a day's rate replacing the one stored for that day; how many."""
        rows = [(r.currency, r.base, r.day.isoformat(), r.rate, r.source, iso(now)) for r in rates]
        with self._store.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO fx_rates (currency, base, day, rate, source, fetched_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        return len(rows)

    def latest(self, base: str) -> dict[str, FxRate]:
        """Each currency's newest rate in `base`."""
        return {
            currency: FxRate(currency, base, dt.date.fromisoformat(day), rate, source)
            for currency, day, rate, source in self._conn.execute(
                "SELECT currency, MAX(day), rate, source FROM fx_rates WHERE base = ?"
                " AND rate BETWEEN ? AND ? GROUP BY currency",
                [base, MIN_RATE, MAX_RATE],
            )
        }

    def on(self, currency: str, base: str, day: dt.date) -> FxRate | None:
        """The rate of `day`, else of the last day before it with one."""
        row = self._conn.execute(
            "SELECT day, rate, source FROM fx_rates WHERE currency = ? AND base = ? AND day <= ?"
            " AND rate BETWEEN ? AND ? ORDER BY day DESC LIMIT 1",
            [currency, base, day.isoformat(), MIN_RATE, MAX_RATE],
        ).fetchone()
        if row is None:
            return None
        return FxRate(currency, base, dt.date.fromisoformat(row[0]), row[1], row[2])

    def history(self, currency: str, base: str) -> list[FxRate]:
        return [
            FxRate(currency, base, dt.date.fromisoformat(day), rate, source)
            for day, rate, source in self._conn.execute(
                "SELECT day, rate, source FROM fx_rates WHERE currency = ? AND base = ?"
                " ORDER BY day",
                [currency, base],
            )
        ]

    def last_day(self, currency: str, base: str) -> dt.date | None:
        row = self._conn.execute(
            "SELECT MAX(day) FROM fx_rates WHERE currency = ? AND base = ?", [currency, base]
        ).fetchone()
        return dt.date.fromisoformat(row[0]) if row and row[0] else None

    def quoted_currencies(self) -> set[str]:
        """The currencies (as quoted: GBp, not GBP) of the stored quotes of active tickers."""
        return {
            currency
            for (currency,) in self._conn.execute(
                "SELECT DISTINCT q.currency FROM quotes q JOIN tickers t ON t.symbol = q.symbol"
                " WHERE t.archived = 0 AND q.currency IS NOT NULL"
            )
        }
