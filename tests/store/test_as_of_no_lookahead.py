"""Nothing in replay reads a row dated after the day it judges: over random histories (closes,
SEC values filed and restated on random days, the Street's readings) and a random day, the
snapshot made from the whole history equals the one made from a database holding only the rows
dated on or before that day, every figure in it is dated by then, and the evaluator judges both
alike."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from catalyst_tui.config import parse_config
from catalyst_tui.market.estimates import Consensus, Estimates, Range
from catalyst_tui.market.models import Bar, FiledValue, QuoteOutcome
from catalyst_tui.store import Store
from catalyst_tui.store.as_of import PointInTime
from catalyst_tui.thesis.evaluate import evaluate
from catalyst_tui.views.replay import written_of
from tests.support import new_database

START = dt.date(2024, 1, 1)
SPAN = 120  # days
CONFIG = parse_config(
    """
[tickers.ABC]
name = "ABC"
[[tickers.ABC.checkpoints]]
id = "price"
title = "Price"
kind = "guard"
when = "price >= 100"
[[tickers.ABC.checkpoints]]
id = "revenue"
title = "Revenue"
kind = "guard"
when = "revenue_q >= 500"
[[tickers.ABC.checkpoints]]
id = "drawdown"
title = "Drawdown"
kind = "guard"
when = "drawdown <= 20%"
[[tickers.ABC.checkpoints]]
id = "street"
title = "Street"
kind = "guard"
when = "eps_estimate_q >= 1"
"""
)
QUARTERS = [
    (dt.date(2023, 1, 1), dt.date(2023, 3, 31)),
    (dt.date(2023, 4, 1), dt.date(2023, 6, 30)),
    (dt.date(2023, 7, 1), dt.date(2023, 9, 30)),
    (dt.date(2023, 10, 1), dt.date(2023, 12, 31)),
]

days = st.integers(0, SPAN - 1).map(lambda n: START + dt.timedelta(days=n))
closes = st.dictionaries(days, st.floats(1, 1000), min_size=1, max_size=40)
filings = st.lists(
    st.tuples(st.integers(0, 3), st.floats(1, 1000), days, st.integers(0, 9)), max_size=12
)
readings = st.dictionaries(days, st.floats(-5, 5), max_size=10)


def _store(
    path: Path,
    bars: dict[dt.date, float],
    filed: list[tuple[int, float, dt.date, int]],
    street: dict[dt.date, float],
    until: dt.date | None,
) -> Store:
    keep = (lambda d: True) if until is None else (lambda d: d <= until)
    store = new_database.synced(path, CONFIG)  # a copy of one made once a process
    rows = [Bar("ABC", d, c, c * 1.01, c, c, 1, "test") for d, c in sorted(bars.items()) if keep(d)]
    store.market.save_quotes(
        [QuoteOutcome("ABC", bars=rows)], dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    )
    values = [
        FiledValue("us-gaap", "Revenues", "USD", *QUARTERS[q], value, "10-Q", day, f"0-24-{q}{n}")
        for q, value, day, n in filed
        if keep(day)
    ]
    store.as_filed.save("ABC", values)
    for day, eps in sorted(street.items()):
        if keep(day):
            said = Estimates("ABC", "yahoo", periods=(Consensus("0q", QUARTERS[3][1], Range(eps)),))
            store.estimates.save("ABC", said, dt.datetime.combine(day, dt.time(20), dt.UTC))
    return store


def _dated(snap_day: dt.date, snap: object) -> None:
    """Every figure in the snapshot is dated on or before its day."""
    from catalyst_tui.thesis.snapshot import MarketSnapshot

    assert isinstance(snap, MarketSnapshot)
    for quote in snap.quotes.values():
        assert quote.quote is not None and quote.quote.quote_time.date() <= snap_day
    for facts in snap.facts.values():
        assert all(f.filed <= snap_day for found in facts.values() for f in found)
    street = snap.street("ABC")
    assert street is None or street.day <= snap_day


@settings(max_examples=25, deadline=None)
@given(closes, filings, readings, days)
def test_a_day_is_judged_on_rows_dated_by_then_alone(bars, filed, street, day):
    with tempfile.TemporaryDirectory() as folder:
        with _store(Path(folder) / "all.db", bars, filed, street, None) as whole:
            seen = PointInTime(whole, "ABC").snapshot(day)
        with _store(Path(folder) / "then.db", bars, filed, street, day) as then:
            known = PointInTime(then, "ABC").snapshot(day)
    _dated(day, seen)
    assert seen.quotes == known.quotes
    assert seen.history_high == known.history_high
    assert seen.facts == known.facts
    assert seen.street("ABC") == known.street("ABC")
    states = [w.state for w in written_of(CONFIG.tickers["ABC"])]
    assert evaluate(states, seen, day) == evaluate(states, known, day)
