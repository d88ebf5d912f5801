"""`store.intraday`: an intraday chart kept with its bars, sessions and zone, and for a day only
(a fake clock: the moments are given)."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.market.intraday import IntradayBar, IntradayChart, Session
from catalyst_tui.store import Store

from .conftest import T0

OPEN = dt.datetime(2026, 11, 20, 14, 30, tzinfo=dt.UTC)


def chart(symbol: str = "ALAB", span: str = "1D", closes: tuple[float, ...] = (1.0, 2.0)):
    bars = tuple(
        IntradayBar(OPEN + dt.timedelta(minutes=5 * i), c, c + 1, c - 0.5, c, 100 * i)
        for i, c in enumerate(closes)
    )
    session = Session(OPEN, OPEN + dt.timedelta(hours=6, minutes=30))
    return IntradayChart(symbol, span, bars, (session,), "America/New_York", -18000, 0.5)


def test_a_chart_comes_back_as_it_was_stored(store: Store):
    saved = chart(closes=(187.5, 188.25, 186.0))
    store.intraday.save(saved, T0)
    kept = store.intraday.chart("ALAB", "1D", T0)
    assert kept is not None and kept.fetched_at == T0
    assert kept.chart == saved
    assert store.intraday.chart("ALAB", "5D", T0) is None  # each span its own
    assert store.intraday.chart("CRDO", "1D", T0) is None


def test_a_new_fetch_replaces_the_bars_of_its_symbol_and_span(store: Store):
    store.intraday.save(chart(closes=(1.0, 2.0, 3.0)), T0)
    store.intraday.save(chart(span="5D", closes=(9.0,)), T0)
    later = T0 + dt.timedelta(minutes=5)
    store.intraday.save(chart(closes=(4.0,)), later)
    kept = store.intraday.chart("ALAB", "1D", later)
    assert kept is not None and [b.close for b in kept.chart.bars] == [4.0]
    five = store.intraday.chart("ALAB", "5D", later)
    assert five is not None and [b.close for b in five.chart.bars] == [9.0]


def test_a_chart_is_kept_a_day(store: Store):
    store.intraday.save(chart(), T0)
    assert store.intraday.chart("ALAB", "1D", T0 + dt.timedelta(hours=23, minutes=59)) is not None
    assert store.intraday.chart("ALAB", "1D", T0 + dt.timedelta(days=1)) is None
    # and the next save deletes it, with its bars
    store.intraday.save(chart(symbol="CRDO"), T0 + dt.timedelta(days=1, minutes=1))
    left = store.conn.execute("SELECT symbol FROM intraday_charts").fetchall()
    bars = store.conn.execute("SELECT DISTINCT symbol FROM intraday_bars").fetchall()
    assert left == [("CRDO",)] and bars == [("CRDO",)]


def test_a_chart_without_bars_is_kept_as_one(store: Store):
    store.intraday.save(chart(closes=()), T0)
    kept = store.intraday.chart("ALAB", "1D", T0)
    assert kept is not None and kept.chart.bars == () and len(kept.chart.sessions) == 1
