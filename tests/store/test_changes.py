"""`store.changes` on a real SQLite file: the consensus and the close then and now are seeks of
each ticker's own rows (the plan pinned: no scan of estimates or prices, whose rows grow with
every day of every ticker), and a new fiscal year is not a revision."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.config import load_config
from catalyst_tui.market.estimates import Consensus, Estimates, Range
from catalyst_tui.market.sec.filings import Filing
from catalyst_tui.store import Store

NOW = dt.datetime(2026, 11, 5, 15, tzinfo=dt.UTC)


def _year(symbol: str, eps: float, end: dt.date) -> Estimates:
    return Estimates(symbol, "yahoo", None, None, (Consensus("0y", end, Range(eps)),), ())


def _selects(store: Store, call: object) -> list[str]:
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        assert callable(call)
        call()
    finally:
        store.conn.set_trace_callback(None)
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def test_then_and_now_are_seeks_of_each_tickers_rows_never_a_scan(tmp_path: Path):
    config = tmp_path / "catalysts.toml"
    config.write_text("[tickers.ALAB]\nname = 'A'\n[tickers.NVDA]\nname = 'N'\n")
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(config), NOW)
        since = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
        for call, table in (
            (lambda: store.changes.fiscal_year_eps(since), "estimates"),
            (lambda: store.changes.closes(since), "prices"),
        ):
            (select,) = _selects(store, call)
            plan = [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + select)]
            reads = [s for s in plan if s.split()[0] in ("SEARCH", "SCAN") and s.split()[1] != "t"]
            # now, its day; then (the newest before the moment, else the first), its day
            assert len(reads) == 5, plan
            assert all(s.startswith("SEARCH ") and "PRIMARY KEY (symbol=?" in s for s in reads), (
                table,
                plan,
            )


def test_a_new_fiscal_year_is_not_a_revision(tmp_path: Path):
    config = tmp_path / "catalysts.toml"
    config.write_text("[tickers.ALAB]\nname = 'A'\n[tickers.NVDA]\nname = 'N'\n")
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(config), NOW)
        before = NOW - dt.timedelta(days=5)
        store.estimates.save("ALAB", _year("ALAB", 1.0, dt.date(2026, 12, 31)), before)
        store.estimates.save("ALAB", _year("ALAB", 2.0, dt.date(2027, 12, 31)), NOW)
        store.estimates.save("NVDA", _year("NVDA", 4.0, dt.date(2027, 1, 31)), before)
        store.estimates.save("NVDA", _year("NVDA", 4.2, dt.date(2027, 1, 31)), NOW)
        moved = store.changes.fiscal_year_eps(NOW - dt.timedelta(days=3))
    assert [(m.symbol, m.then, m.now) for m in moved] == [("NVDA", 4.0, 4.2)]


def test_a_release_is_a_change_once_read_and_never_while_its_fetch_fails(tmp_path: Path):
    """A failed fetch is not a release read; the same release read at the next try is (its
    failed attempt counted before it)."""
    from catalyst_tui.reading.release.reader import read_release
    from tests.support.releases import AlabQuarter, alab_release

    config = tmp_path / "catalysts.toml"
    config.write_text("[tickers.ALAB]\nname = 'A'\n")
    since = NOW - dt.timedelta(days=1)
    q3 = AlabQuarter(
        dt.date(2026, 9, 30), 412_300_000, 126_500_000, 204_000_000, 91_000_000, 0.52, 0.61
    )
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(config), NOW - dt.timedelta(days=30))
        filing = Filing(
            "0001736297",
            "0001736297-26-000000",
            "8-K",
            ("2.02", "9.01"),
            dt.datetime(2026, 11, 4, 21, 5, tzinfo=dt.UTC),
            dt.date(2026, 11, 4),
            None,
            "alab-8k.htm",
        )
        (record,) = store.evidence.save_filings("ALAB", [filing], "https://sec.test", NOW)
        store.results.failed("ALAB", record, "https://sec.test/0.htm", "timed out", NOW)
        assert store.changes.releases(since) == []
        body = alab_release(q3, guide=None, fiscal_quarter=3)
        store.results.save("ALAB", record, "https://sec.test/0.htm", read_release(body), NOW)
        [read] = store.changes.releases(since)
    assert (read.accession, read.found) == ("0001736297-26-000000", True)


def test_a_filing_found_late_but_filed_long_before_is_history_not_a_change(tmp_path: Path):
    """A ticker added today brings its old filings: found after the moment, they are not news;
    one accepted within FILED_WITHIN of the moment is."""
    from catalyst_tui.store.changes import FILED_WITHIN

    config = tmp_path / "catalysts.toml"
    config.write_text("[tickers.ALAB]\nname = 'A'\n")
    since = NOW - dt.timedelta(days=1)
    old = since - FILED_WITHIN - dt.timedelta(hours=1)
    recent = since - FILED_WITHIN + dt.timedelta(hours=1)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(config), NOW - dt.timedelta(days=30))
        filings = [
            Filing(
                "0001736297", f"0001736297-26-00000{n}", "10-Q", (), at, at.date(), None, "q.htm"
            )
            for n, at in enumerate((old, recent))
        ]
        store.evidence.save_filings("ALAB", filings, "https://sec.test", NOW)
        found = store.changes.filings(since)
    assert [f.accession for f in found] == ["0001736297-26-000001"]
