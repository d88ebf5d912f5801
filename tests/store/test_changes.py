"""`store.changes` on a real SQLite file: the consensus and the close then and now are seeks of
each ticker's own rows (the plan pinned: no scan of estimates or prices, whose rows grow with
every day of every ticker), and a new fiscal year is not a revision."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.config import load_config
from catalyst_tui.market.estimates import Consensus, Estimates, Range
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
        since = dt.date(2026, 11, 1)
        for call, table in ((lambda: store.changes.fiscal_year_eps(since), "estimates"),
                            (lambda: store.changes.closes(since), "prices")):  # fmt: skip
            (select,) = _selects(store, call)
            plan = [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + select)]
            reads = [s for s in plan if s.split()[0] in ("SEARCH", "SCAN") and s.split()[1] != "t"]
            assert len(reads) == 4, plan  # now, its day; then, its day
            assert all(s.startswith("SEARCH ") and "PRIMARY KEY (symbol=?" in s for s in reads), (
                table, plan)  # fmt: skip


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
        moved = store.changes.fiscal_year_eps(NOW.date() - dt.timedelta(days=3))
    assert [(m.symbol, m.then, m.now) for m in moved] == [("NVDA", 4.0, 4.2)]
