"""store.estimates: a day's estimates read back as given, a history by day that a provider's gap
does not erase, surprises by quarter, and the consensus of the day before a report frozen."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.market.estimates import Consensus, Estimates, Frozen, Range, Surprise
from catalyst_tui.market.models import EarningsDate, FetchKind
from catalyst_tui.store import Store

from .conftest import T0

REPORT = dt.date(2026, 12, 3)
END = dt.date(2026, 10, 31)


def found(
    eps: float, revenue: float, *, report: dt.date | None = REPORT, **more: object
) -> Estimates:
    quarter = Consensus(
        "0q",
        END,
        Range(eps, eps - 0.02, eps + 0.03, 12),
        Range(revenue, revenue * 0.98, revenue * 1.02, 11),
        (eps, eps, eps - 0.01, eps - 0.02, eps - 0.04),
        2,
        5,
        0,
        1,
    )
    year = Consensus(
        "0y",
        dt.date(2027, 1, 31),
        Range(1.9, 1.8, 2.0, 14),
        Range(8e8, 7.8e8, 8.3e8, 13),
        (1.9, 1.88, 1.8, 1.7, 1.6),
        3,
        9,
        0,
        0,
    )
    date = EarningsDate("ALAB", report, "yahoo", False) if report else None
    return Estimates(
        "ALAB",
        "yahoo",
        date,
        Consensus("0q", eps=Range(eps), revenue=Range(revenue)),
        (quarter, year),
        **more,  # type: ignore[arg-type]
    )


def test_a_day_is_read_back_as_given(store: Store) -> None:
    history = (Surprise(dt.date(2026, 7, 31), 0.44, 0.40, 0.1),)
    given = found(0.52, 215e6, history=history)
    store.estimates.save("ALAB", given, T0)
    stored = store.estimates.of("ALAB")
    assert stored is not None and stored.day == T0.date() and stored.source == "yahoo"
    assert stored.periods == given.periods and stored.next_report == given.next_report
    assert stored.history == history
    assert store.market.due(FetchKind.ESTIMATES, ["ALAB"], T0, every=dt.timedelta(days=1)) == []


def test_a_gap_keeps_the_last_day_and_the_trend_is_kept_by_day(store: Store) -> None:
    for n, eps in enumerate((0.50, 0.51, 0.53)):
        store.estimates.save("ALAB", found(eps, 215e6), T0 + dt.timedelta(days=n))
    store.estimates.save("ALAB", found(0.99, 215e6), T0 + dt.timedelta(days=1))  # read again
    later = T0 + dt.timedelta(days=9)  # a week of the provider's gap: nothing saved
    stored = store.estimates.of("ALAB")
    assert stored is not None and stored.day == (T0 + dt.timedelta(days=2)).date()
    assert store.estimates.trend("ALAB", "0q", later.date() - dt.timedelta(days=90)) == [
        (T0.date(), 0.50),
        ((T0 + dt.timedelta(days=1)).date(), 0.99),
        ((T0 + dt.timedelta(days=2)).date(), 0.53),
    ]


def test_the_consensus_of_the_day_before_the_report_is_frozen(store: Store) -> None:
    before = dt.datetime.combine(REPORT - dt.timedelta(days=2), dt.time(12), dt.UTC)
    store.estimates.save("ALAB", found(0.50, 210e6), before)
    store.estimates.save("ALAB", found(0.52, 214e6), before + dt.timedelta(days=1))
    # The report's day and after: the module moved on to the next quarter.
    after = found(0.60, 250e6, report=REPORT + dt.timedelta(days=91))
    store.estimates.save("ALAB", after, before + dt.timedelta(days=2))
    store.estimates.save("ALAB", after, before + dt.timedelta(days=3))
    stored = store.estimates.of("ALAB")
    assert stored is not None
    assert stored.frozen == (
        Frozen(REPORT, END, 0.52, 214e6, 12, 11, REPORT - dt.timedelta(days=1)),
        Frozen(
            REPORT + dt.timedelta(days=91), END, 0.60, 250e6, 12, 11, REPORT + dt.timedelta(days=1)
        ),
    )


def test_a_report_date_that_moved_is_not_kept(store: Store) -> None:
    store.estimates.save("ALAB", found(0.50, 210e6), T0)
    store.estimates.save("ALAB", found(0.51, 211e6, report=REPORT + dt.timedelta(days=2)), T0)
    stored = store.estimates.of("ALAB")
    assert stored is not None and [f.report for f in stored.frozen] == [
        REPORT + dt.timedelta(days=2)
    ]


def test_a_report_earlier_than_the_calendar_said_keeps_its_quarter(store: Store) -> None:
    store.estimates.save("ALAB", found(0.50, 210e6), T0)  # report said for 2026-12-03
    # It reported on the 25th: the next day the module is on the next quarter.
    moved = found(0.61, 260e6, report=REPORT + dt.timedelta(days=91))
    moved = moved._replace(periods=(moved.periods[0]._replace(end=dt.date(2027, 1, 31)),))
    store.estimates.save("ALAB", moved, T0 + dt.timedelta(days=4))
    stored = store.estimates.of("ALAB")
    assert stored is not None
    assert [(f.report, f.period_end, f.eps) for f in stored.frozen] == [
        (REPORT, END, 0.50),
        (REPORT + dt.timedelta(days=91), dt.date(2027, 1, 31), 0.61),
    ]


def test_a_symbol_without_estimates_is_marked_and_stores_nothing(store: Store) -> None:
    store.estimates.save("QQQ", None, T0)
    assert store.estimates.of("QQQ") is None
    assert store.market.due(FetchKind.ESTIMATES, ["QQQ"], T0, every=dt.timedelta(days=1)) == []


def test_each_tickers_fiscal_year_of_its_last_day_in_one_query_of_seeks(store: Store) -> None:
    """The watchlist's read: the last day's "0y" of every ticker, a ticker whose last day has
    none left out; one SELECT, which reads the estimates by their key only (no scan of their
    history, which grows by a row a period a day)."""
    store.estimates.save("ALAB", found(0.42, 4e8), T0 - dt.timedelta(days=30))
    later = found(0.44, 4.1e8)
    year = later.periods[1]._replace(eps=Range(2.1, 2.0, 2.2, 15))
    store.estimates.save("ALAB", later._replace(periods=(later.periods[0], year)), T0)
    store.estimates.save("CRDO", found(0.3, 2e8), T0 - dt.timedelta(days=2))
    crdo = Estimates("CRDO", "yahoo", periods=(Consensus("0q", END, Range(0.31)),))
    store.estimates.save("CRDO", crdo, T0)  # its last day names no fiscal year
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        years = store.estimates.fiscal_year_eps()
    finally:
        store.conn.set_trace_callback(None)
    assert years == {
        "ALAB": Consensus("0y", eps=Range(2.1, analysts=15), trend=(1.9, None, 1.8, None, None))
    }
    (select,) = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    plan = [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + select)]
    reads = [step for step in plan if " e " in f"{step} " or " d " in f"{step} "]
    assert reads == [
        "SEARCH e USING PRIMARY KEY (symbol=? AND day=? AND period=?)",
        "SEARCH d USING PRIMARY KEY (symbol=?)",
    ], plan


def _three_symbols(store: Store) -> None:
    """ALAB, CRDO and NVDA with days of estimates, surprises and frozen consensus each (their
    reports a quarter apart); NVDA's last day a day before the others'."""
    for n, symbol in enumerate(("ALAB", "CRDO", "NVDA")):
        history = (
            Surprise(dt.date(2026, 4, 30), 0.3 + n, 0.28 + n, 0.07),
            Surprise(dt.date(2026, 7, 31), 0.44 + n, 0.40 + n, 0.1),
        )
        for day in range(3 - (symbol == "NVDA")):
            given = found(0.5 + n + day / 100, 2e8 * (n + 1), history=history)
            given = given._replace(symbol=symbol)
            store.estimates.save(symbol, given, T0 + dt.timedelta(days=day))
        later = found(0.6 + n, 3e8, report=REPORT + dt.timedelta(days=91))
        store.estimates.save(
            symbol, later._replace(symbol=symbol), dt.datetime.combine(REPORT, dt.time(12), dt.UTC)
        )


def test_one_symbols_read_is_what_the_read_of_all_gives_it(store: Store) -> None:
    _three_symbols(store)
    every = store.estimates.of_symbols()
    assert sorted(every) == ["ALAB", "CRDO", "NVDA"]
    for symbol, stored in every.items():
        assert store.estimates.of(symbol) == stored
        assert store.estimates.of_symbols([symbol]) == {symbol: stored}
        assert len(stored.history) == 2 and len(stored.frozen) == 2  # of its own rows only
        assert {f.report for f in stored.frozen} == {REPORT, REPORT + dt.timedelta(days=91)}
    assert store.estimates.of_symbols(["CRDO", "QQQ"]) == {"CRDO": every["CRDO"]}
    assert every["CRDO"].periods[0].eps.average == 0.6 + 1  # the last day's, the report's
    assert store.estimates.of("QQQ") is None


def test_one_symbols_read_seeks_its_rows_by_key_and_reads_no_other_symbols(store: Store) -> None:
    """Evaluation reads a symbol's Street when a condition asks: each of its statements names
    the symbol and reads the three tables by their key from it (SEARCH on symbol=?), never a
    scan of every symbol's surprises or frozen consensus, nor every stored day."""
    _three_symbols(store)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        assert store.estimates.of("CRDO") is not None
    finally:
        store.conn.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert selects
    tables = ("estimates", "estimate_surprises", "frozen_consensus")
    read = set()
    for select in selects:
        assert "'CRDO'" in select, select
        for _id, _parent, _, step in store.conn.execute("EXPLAIN QUERY PLAN " + select):
            words = step.split()  # "SEARCH frozen_consensus USING PRIMARY KEY (symbol=?)"
            if len(words) > 1 and words[1] in tables:
                read.add(words[1])
                assert step.startswith("SEARCH ") and "PRIMARY KEY (symbol=?" in step, (
                    select,
                    step,
                )
    assert read == set(tables)


def test_a_snapshot_reads_the_street_only_when_a_metric_asks(store: Store) -> None:
    """Loading a snapshot and evaluating what does not read the Street leaves its tables
    unread; the first Street metric of a symbol reads that symbol's once, for every Street
    metric after it and for the snapshot's view of the releases' figures."""
    from catalyst_tui.thesis.metrics import observe

    _three_symbols(store)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        snap = store.market.snapshot(T0, sec_configured=True)
        assert observe("price", "ALAB", snap).value is None  # no quote stored: read, no value
        assert [s for s in statements if "estimate" in s or "frozen_consensus" in s] == []
        eps = observe("eps_estimate_q", "ALAB", snap)
        asked = [s for s in statements if "estimate" in s or "frozen_consensus" in s]
        assert asked and all("'ALAB'" in s for s in asked)
        assert observe("revenue_estimate_q", "ALAB", snap).value == 3e8
        assert observe("eps_estimate_fy", "ALAB", snap).value == 1.9
        assert snap.release_view().street("ALAB") == snap.street("ALAB")
        again = [s for s in statements if "estimate" in s or "frozen_consensus" in s]
        assert again == asked
    finally:
        store.conn.set_trace_callback(None)
    assert eps.value == 0.6  # ALAB's last day: the quarter's EPS consensus it was given
    assert snap.street("ALAB") == store.estimates.of("ALAB")
    assert snap.street("QQQ") is None


def test_a_day_read_in_the_new_york_evening_is_that_days_not_the_utc_next(store: Store) -> None:
    # 2026-11-26 02:00 UTC is 21:00 on the 25th in New York (EST, UTC-5): the market's day.
    evening = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC)
    store.estimates.save("ALAB", found(0.52, 215e6), evening)
    stored = store.estimates.of("ALAB")
    assert stored is not None and stored.day == dt.date(2026, 11, 25)
    # An hour before midnight in New York (04:59 UTC) is still the 25th; 05:00 UTC is the 26th.
    store.estimates.save("ALAB", found(0.53, 216e6), evening.replace(hour=5))
    latest = store.estimates.of("ALAB")
    assert latest is not None and latest.day == dt.date(2026, 11, 26)
