"""`store.intraday`: the intraday charts (1D, 5D) fetched when a chart shows one. Each symbol and
span keeps its last answer, bars, sessions and exchange zone with the moment it was fetched;
one older than KEEP (a day) is not handed out, and is deleted by the next save."""

from __future__ import annotations

import datetime as dt

from ..market.intraday import IntradayBar, IntradayChart, Session
from .columns import iso, moment, session_moments, sessions_text
from .door import Door
from .records import StoredIntraday

KEEP = dt.timedelta(days=1)


class IntradayCharts(Door):
    def save(self, chart: IntradayChart, fetched_at: dt.datetime) -> None:
        """Replace the stored chart of its symbol and span, in one transaction; charts of any
        symbol older than KEEP go."""
        key = [chart.symbol, chart.span]
        with self._store.transaction() as conn:
            conn.execute(
                "DELETE FROM intraday_charts WHERE fetched_at < ?", [iso(fetched_at - KEEP)]
            )
            conn.execute("DELETE FROM intraday_charts WHERE symbol = ? AND span = ?", key)
            conn.execute(
                "INSERT INTO intraday_charts (symbol, span, fetched_at, zone, utc_offset,"
                " previous_close, sessions) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    *key,
                    iso(fetched_at),
                    chart.zone,
                    chart.utc_offset,
                    chart.previous_close,
                    sessions_text(chart.sessions),
                ],
            )
            conn.executemany(
                "INSERT INTO intraday_bars (symbol, span, at, open, high, low, close, volume)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(*key, iso(b.at), b.open, b.high, b.low, b.close, b.volume) for b in chart.bars],
            )

    def chart(self, symbol: str, span: str, now: dt.datetime) -> StoredIntraday | None:
        """The stored chart, when one fetched within KEEP of `now` is kept."""
        row = self._conn.execute(
            "SELECT fetched_at, zone, utc_offset, previous_close, sessions FROM intraday_charts"
            " WHERE symbol = ? AND span = ?",
            [symbol, span],
        ).fetchone()
        fetched = moment(row[0]) if row else None
        if row is None or fetched is None or now - fetched >= KEEP:
            return None
        bars = tuple(
            IntradayBar(dt.datetime.fromisoformat(r[0]), r[1], r[2], r[3], r[4], r[5])
            for r in self._conn.execute(
                "SELECT at, open, high, low, close, volume FROM intraday_bars"
                " WHERE symbol = ? AND span = ? ORDER BY at",
                [symbol, span],
            )
        )
        sessions = tuple(Session(start, end) for start, end in session_moments(row[4]))
        chart = IntradayChart(symbol, span, bars, sessions, row[1], row[2], row[3])
        return StoredIntraday(chart, fetched)
