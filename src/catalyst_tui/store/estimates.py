"""`store.estimates`: the Street's view of each symbol, one row per day and period, kept as a
history (a provider's gap leaves the last day read, and the days before it); the reported
quarters' surprises; and the consensus in force the day before each earnings date, frozen for
that quarter.

The freeze: every day a symbol's estimates are read before its next earnings date, that date's
consensus (this quarter's, earningsTrend's `0q`, or calendarEvents' where no trend is given) is
written over; from the date on it is never written again, so what stays is the last consensus
read before the report. A date the calendar no longer names for the same quarter (it moved)
loses its row while it is still ahead; another quarter's stays (a report came before the date
the calendar said, and the provider moved on to the next quarter).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from ..market.estimates import (
    PERIODS,
    TREND_DAYS,
    Consensus,
    Estimates,
    Frozen,
    Range,
    StoredEstimates,
    Surprise,
)
from ..market.exchanges import listing_today
from ..market.models import FetchKind
from .columns import day, day_text, iso
from .door import Door

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable


#: The period of calendarEvents' consensus for the next report, in the `estimates` table.
NEXT_REPORT = "next"

_COLUMNS = (
    "period, source, period_end, eps_avg, eps_low, eps_high, eps_analysts, revenue_avg,"
    " revenue_low, revenue_high, revenue_analysts, eps_now, eps_7d, eps_30d, eps_60d, eps_90d,"
    " up_7d, up_30d, down_7d, down_30d, eps_currency"
)
_NAMES = tuple(name.strip() for name in _COLUMNS.split(","))


class EstimatesStore(Door):
    def save(self, symbol: str, found: Estimates | None, now: dt.datetime) -> None:
        """Today's estimates of `symbol` (None: the provider keeps none of it), its surprises
        and the consensus of its next report, in one transaction, with the fetch marked. The day
        is the listing's exchange's (New York's for a US listing: read at 21:00 there, it is that
        day's, not UTC's next)."""
        today = listing_today(symbol, now)
        with self._store.transaction() as conn:
            if found is not None:
                _save(conn, symbol, found, today, iso(now))
            detail = "none" if found is None else f"{len(found.periods)} periods"
            conn.execute(
                "INSERT INTO fetch_state (kind, symbol, fetched_at, ok, detail)"
                " VALUES (?, ?, ?, 1, ?) ON CONFLICT(kind, symbol) DO UPDATE SET"
                " fetched_at = excluded.fetched_at, ok = 1, detail = excluded.detail",
                [FetchKind.ESTIMATES.value, symbol, iso(now), detail],
            )

    def of(self, symbol: str) -> StoredEstimates | None:
        """`symbol`'s last day of estimates, with its surprises and frozen consensus (None: no
        day stored): what a Street metric reads the first time it asks (thesis/snapshot.street).
        Seeks of the three tables' keys from the symbol, its last day by the key's order; no
        other symbol's row is read."""
        rows = self._conn.execute(
            f"SELECT symbol, day, {_COLUMNS} FROM estimates WHERE symbol = ?1 AND day ="
            " (SELECT day FROM estimates WHERE symbol = ?1 ORDER BY day DESC LIMIT 1)",
            [symbol],
        )
        return self._assemble(rows, " WHERE symbol = ?", [symbol]).get(symbol)

    def of_symbols(self, symbols: Iterable[str] | None = None) -> dict[str, StoredEstimates]:
        """Each symbol's last day of estimates (of `symbols`, of every one when None), with its
        surprises and frozen consensus: the Estimates pane's and `catalyst estimates`' read. The
        symbols asked for are read by their key, two seeks each for the last day's rows."""
        if symbols is None:
            names, only, args = "(SELECT DISTINCT symbol AS value FROM estimates)", "", []
        else:
            names, args = "json_each(?)", [json.dumps(sorted(set(symbols)))]
            only = " WHERE symbol IN (SELECT value FROM json_each(?))"
        rows = self._conn.execute(  # CROSS JOIN: the symbols first, each a seek of the key
            f"SELECT e.symbol, e.day, {_COLUMNS} FROM {names} w CROSS JOIN estimates e"
            " ON e.symbol = w.value AND e.day = (SELECT d.day FROM estimates d"
            " WHERE d.symbol = w.value ORDER BY d.day DESC LIMIT 1) ORDER BY e.symbol",
            args,
        )
        return self._assemble(rows, only, args)

    def _assemble(
        self, found: Iterable[tuple[Any, ...]], only: str, args: list[str]
    ) -> dict[str, StoredEstimates]:
        """The StoredEstimates of the last days' rows `found` (symbol, day, `_COLUMNS`), with
        the surprises and frozen consensus of the symbols `only` (a WHERE on symbol) selects."""
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for row in found:
            rows.setdefault(row[0], []).append(row[1:])
        if not rows:
            return {}
        surprises: dict[str, list[Surprise]] = {}
        for sym, quarter, actual, estimate, surprise in self._conn.execute(
            "SELECT symbol, quarter, eps_actual, eps_estimate, surprise FROM estimate_surprises"
            + only
            + " ORDER BY symbol, quarter",
            args,
        ):
            surprises.setdefault(sym, []).append(
                Surprise(dt.date.fromisoformat(quarter), actual, estimate, surprise)
            )
        frozen: dict[str, list[Frozen]] = {}
        for sym, *values in self._conn.execute(
            "SELECT symbol, report, period_end, eps, revenue, eps_analysts, revenue_analysts,"
            " as_of FROM frozen_consensus" + only + " ORDER BY symbol, report",
            args,
        ):
            report, end, eps, revenue, eps_n, revenue_n, as_of = values
            frozen.setdefault(sym, []).append(
                Frozen(
                    dt.date.fromisoformat(report),
                    day(end),
                    eps,
                    revenue,
                    eps_n,
                    revenue_n,
                    dt.date.fromisoformat(as_of),
                )
            )
        out: dict[str, StoredEstimates] = {}
        for sym, last in rows.items():
            periods = sorted((_consensus(r[1:]) for r in last), key=_order)
            next_report = next((p for p in periods if p.period == NEXT_REPORT), None)
            out[sym] = StoredEstimates(
                sym,
                dt.date.fromisoformat(last[0][0]),
                last[0][2],
                next_report._replace(period="0q") if next_report else None,
                tuple(p for p in periods if p.period != NEXT_REPORT),
                tuple(surprises.get(sym, ())),
                tuple(frozen.get(sym, ())),
            )
        return out

    def fiscal_year_eps(self) -> dict[str, Consensus]:
        """Each active ticker's EPS consensus for the current fiscal year ("0y") as its last day
        of estimates gave it (none where that day has no such row): what the watchlist's
        forward P/E and revision arrow read, and only that (the average and the count of
        analysts, the EPS trend now and 30 days ago, its money; the rest left unsaid). One
        query of two seeks a ticker; CROSS JOIN keeps the tickers first, where SQLite would
        otherwise scan every stored day of every symbol."""
        return {
            symbol: Consensus(
                "0y",
                eps=Range(eps, analysts=analysts),
                trend=(now, None, then, None, None),
                currency=currency,
            )
            for symbol, eps, analysts, now, then, currency in self._conn.execute(
                "SELECT t.symbol, e.eps_avg, e.eps_analysts, e.eps_now, e.eps_30d, e.eps_currency"
                " FROM tickers t"
                " CROSS JOIN estimates e ON e.symbol = t.symbol AND e.period = '0y'"
                " AND e.day = (SELECT MAX(d.day) FROM estimates d WHERE d.symbol = t.symbol)"
                " WHERE t.archived = 0"
            )
        }

    def currencies(self) -> set[str]:
        """The money of the EPS consensus of active tickers, where the provider said it: the
        FX job fetches their rates, as it does the quotes' (jobs/fx.py)."""
        return {
            currency
            for (currency,) in self._conn.execute(
                "SELECT DISTINCT e.eps_currency FROM tickers t CROSS JOIN estimates e"
                " ON e.symbol = t.symbol WHERE t.archived = 0 AND e.eps_currency IS NOT NULL"
            )
        }

    def trend(self, symbol: str, period: str, since: dt.date) -> list[tuple[dt.date, float]]:
        """The EPS consensus of `period` as read each day since `since`, oldest first (the
        days it was read: a provider's gap is a gap)."""
        return [
            (dt.date.fromisoformat(d), eps)
            for d, eps in self._conn.execute(
                "SELECT day, eps_avg FROM estimates WHERE symbol = ? AND period = ? AND day >= ?"
                " AND eps_avg IS NOT NULL ORDER BY day",
                [symbol, period, since.isoformat()],
            )
        ]


def _save(
    conn: sqlite3.Connection, symbol: str, found: Estimates, today: dt.date, read_at: str
) -> None:
    periods = list(found.periods)
    if found.next_report is not None:
        periods.append(found.next_report._replace(period=NEXT_REPORT))
    conn.execute("DELETE FROM estimates WHERE symbol = ? AND day = ?", [symbol, today.isoformat()])
    conn.executemany(
        f"INSERT INTO estimates (symbol, day, read_at, {_COLUMNS}) VALUES ({', '.join('?' * 24)})",
        [(symbol, today.isoformat(), read_at, *_columns(p, found.source)) for p in periods],
    )
    conn.executemany(
        "INSERT INTO estimate_surprises (symbol, quarter, eps_actual, eps_estimate, surprise)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(symbol, quarter) DO UPDATE SET"
        " eps_actual = excluded.eps_actual, eps_estimate = excluded.eps_estimate,"
        " surprise = excluded.surprise",
        [(symbol, s.quarter.isoformat(), s.actual, s.estimate, s.surprise) for s in found.history],
    )
    report = found.next_date.day if found.next_date is not None else None
    quarter = found.period("0q") or found.next_report
    end = day_text(quarter.end) if quarter is not None else None
    conn.execute(  # the same quarter's report, at a date the calendar no longer says
        "DELETE FROM frozen_consensus WHERE symbol = ? AND report > ? AND report IS NOT ?"
        " AND (period_end IS NULL OR period_end IS ?)",
        [symbol, today.isoformat(), day_text(report), end],
    )
    if report is None or report <= today or quarter is None:
        return
    calendar = found.next_report or Consensus("0q")
    eps = quarter.eps.average if quarter.eps.average is not None else calendar.eps.average
    revenue = quarter.revenue.average
    if revenue is None:
        revenue = calendar.revenue.average
    if eps is None and revenue is None:
        return
    conn.execute(
        "INSERT OR REPLACE INTO frozen_consensus (symbol, report, period_end, eps, revenue,"
        " eps_analysts, revenue_analysts, as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            symbol,
            report.isoformat(),
            day_text(quarter.end),
            eps,
            revenue,
            quarter.eps.analysts,
            quarter.revenue.analysts,
            today.isoformat(),
        ],
    )


def _order(p: Consensus) -> int:
    """PERIODS' order (this quarter first), the next report's consensus last."""
    return PERIODS.index(p.period) if p.period in PERIODS else len(PERIODS)


def _columns(p: Consensus, source: str) -> tuple[Any, ...]:
    return (
        p.period,
        source,
        day_text(p.end),
        *p.eps,
        *p.revenue,
        *p.trend,
        p.up_7d,
        p.up_30d,
        p.down_7d,
        p.down_30d,
        p.currency,
    )


def _consensus(row: tuple[Any, ...]) -> Consensus:
    """A Consensus from a row of the `_COLUMNS`, read by their names."""
    column = dict(zip(_NAMES, row, strict=True))
    return Consensus(
        period=column["period"],
        end=day(column["period_end"]),
        eps=_range(column, "eps"),
        revenue=_range(column, "revenue"),
        trend=tuple(column["eps_now" if d == 0 else f"eps_{d}d"] for d in TREND_DAYS),
        up_7d=column["up_7d"],
        up_30d=column["up_30d"],
        down_7d=column["down_7d"],
        down_30d=column["down_30d"],
        currency=column["eps_currency"],
    )


def _range(column: dict[str, Any], figure: str) -> Range:
    """The consensus of `figure` (eps or revenue) in a row's `column`s."""
    return Range(
        average=column[f"{figure}_avg"],
        low=column[f"{figure}_low"],
        high=column[f"{figure}_high"],
        analysts=column[f"{figure}_analysts"],
    )
