"""A company's layout learned from its own release once SEC's XBRL confirms it, and its next
release read with it in the reading child, on a real SQLite store: Apple's Q1 FY24 release
(../shared/press_releases), confirmed by Apple's companyfacts (../shared/realdata/sec: revenue
119,575, net income 33,916 and diluted EPS 2.18 for the quarter ended December 30, 2023), then
its Q3 FY25 release."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

from catalyst_tui.config import load_config
from catalyst_tui.jobs.release_reader import read_in_child
from catalyst_tui.jobs.results import learn_layout, store_release
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.market.sec.filings import EASTERN, Filing
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import Gap, to_json
from catalyst_tui.store import Store
from catalyst_tui.store.records import FilingRecord
from tests.support.shared import PRESS_RELEASES, REALDATA

NOW = dt.datetime(2025, 8, 1, 12, tzinfo=dt.UTC)
FIRST = PRESS_RELEASES / "AAPL_0000320193-24-000005_a8-kex991q1202412302023.htm"
SECOND = PRESS_RELEASES / "AAPL_0000320193-25-000071_a8-kex991q3202506282025.htm"
FIRST_ACCESSION = "0000320193-24-000005"


def _open(tmp_path: Path) -> Store:
    config = tmp_path / "catalysts.toml"
    config.write_text('[tickers.AAPL]\nname = "Apple"\n')
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(load_config(config), NOW)
    return store


def _record(store: Store, accession: str, filed: dt.date) -> FilingRecord:
    accepted = dt.datetime.combine(filed, dt.time(16, 30), EASTERN)
    filing = Filing(
        "0000320193", accession, "8-K", ("2.02", "9.01"), accepted, filed, None, "a8-k.htm"
    )
    (record,) = store.evidence.save_filings("AAPL", [filing], "https://sec.test", NOW)
    return record


def _store_first(store: Store) -> None:
    first = read_release(FIRST.read_bytes(), dt.date(2024, 2, 1))
    record = _record(store, FIRST_ACCESSION, dt.date(2024, 2, 1))
    assert store_release(store, record, "https://sec.test/1.htm", first, NOW, notify=False)
    assert store.layouts.places("AAPL", FIRST_ACCESSION) == tuple(
        sorted(first.places, key=lambda p: (p.period, p.figure))
    )


def test_a_release_confirmed_by_xbrl_teaches_the_next_one_where_its_figures_stand(tmp_path):
    with _open(tmp_path) as store:
        _store_first(store)
        assert learn_layout(store, "AAPL", NOW) == ()  # XBRL not in yet: nothing confirmed
        facts = json.loads(
            (REALDATA / "sec" / "sec_companyfacts_AAPL_CIK0000320193.json").read_text()
        )
        store.market.save_facts("AAPL", derive_facts(facts), NOW)
        layout = learn_layout(store, "AAPL", NOW)
        assert store.layouts.learned_from("AAPL") == FIRST_ACCESSION
        revenue = next(p for p in layout if p.figure == "revenue")
        assert (revenue.row, revenue.section, revenue.column) == ("total net sales", "net sales", 0)
        assert {p.figure for p in layout} == {
            "revenue",
            "gross_profit",
            "operating_income",
            "net_income",
            "eps_diluted",
        }
        second = asyncio.run(
            read_in_child(SECOND.read_bytes(), dt.date(2025, 7, 31), layout=layout)
        )
        # Three Months Ended June 28, 2025, read by hand
        assert to_json(second)["quarter"] == {
            "revenue": 94_036e6,  # Total net sales (1) 94,036
            "gross_profit": 43_718e6,  # Gross margin 43,718
            "operating_income": 28_202e6,  # Operating income 28,202
            "net_income": 23_434e6,  # Net income $ 23,434
            "eps_diluted": 1.57,  # Earnings per share: Diluted $ 1.57
            "eps_nongaap": None,
        }
        # learned once: asked again, the layout is the one kept
        assert learn_layout(store, "AAPL", NOW + dt.timedelta(days=1)) == layout


def test_the_child_leaves_out_what_the_layout_contradicts(tmp_path):
    # The second release edited in memory: its "Products" line under "Net sales:" relabelled
    # "Total revenue", which the structure takes for revenue ($ 66,613) where the layout's
    # "Total net sales" says 94,036
    with _open(tmp_path) as store:
        _store_first(store)
        facts = json.loads(
            (REALDATA / "sec" / "sec_companyfacts_AAPL_CIK0000320193.json").read_text()
        )
        store.market.save_facts("AAPL", derive_facts(facts), NOW)
        layout = learn_layout(store, "AAPL", NOW)
    body = SECOND.read_text("latin-1")
    edited = body.replace("&#160;&#160;&#160;Products<", "&#160;&#160;&#160;Total revenue<", 1)
    results = asyncio.run(
        read_in_child(edited.encode("latin-1"), dt.date(2025, 7, 31), layout=layout)
    )
    assert results.quarter.revenue is None
    assert results.quarter.gap("revenue") is Gap.LAYOUT_DISAGREES
    assert results.quarter.net_income == 23_434e6  # the rest as printed


def test_a_release_xbrl_contradicts_teaches_nothing(tmp_path):
    # Apple's companyfacts with the quarter's revenue changed: the release is not confirmed
    with _open(tmp_path) as store:
        _store_first(store)
        facts = derive_facts(
            json.loads((REALDATA / "sec" / "sec_companyfacts_AAPL_CIK0000320193.json").read_text())
        )
        end = dt.date(2023, 12, 30)
        changed = [
            f._replace(value=f.value + 1e9)
            if f.concept == "revenue_q" and f.period_end == end
            else f
            for f in facts
        ]
        store.market.save_facts("AAPL", changed, NOW)
        assert learn_layout(store, "AAPL", NOW) == ()
        assert store.layouts.learned_from("AAPL") is None
