"""An 8-K whose EX-99.1 takes the release reader minutes (a row of 40,000 label cells, 0.9 MB),
against the loopback SEC and market: the refresh ends within its time with every quote stored,
because the reading runs in a child process that is stopped at its limit (jobs/release_reader.py;
a thread could not be stopped, and the refresh waited for it: 176 s); a document that ran out of
time is kept as a failed read and tried three times in all, never again after."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.jobs import release_reader
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.reading.release.records import NotRead
from catalyst_tui.store import Store
from tests.support.demo_data import ALAB_COMPANYFACTS, companyfacts_as_of
from tests.support.filings_server import NEW_YORK, FilingsServer
from tests.support.liveness import HANG
from tests.support.market_server import MarketServer
from tests.support.releases import ALAB_GUARDS

READ_LIMIT = 5.0  # seconds the first test gives the reading
UA = "Catalyst Tests tests@example.com"
DAY = dt.date(2026, 11, 3)
NOW = dt.datetime(2026, 11, 3, 9, 0, tzinfo=NEW_YORK).astimezone(dt.UTC)
SYMBOLS = ["ALAB", "NVDA"]
THESIS = ALAB_GUARDS + '\n[tickers.NVDA]\nname = "NVIDIA"\n'
# A statement row whose label runs over 40,000 cells, then one figure: the reader of the
# release before this round took minutes over it (6 s for 2,000 cells, 28 s for 8,000).
SLOW = (
    "<html><body><p>Three Months Ended September 30, 2026</p><table><tr><td>Revenue</td>"
    + "".join(f"<td>Revenue {i}</td>" for i in range(40_000))
    + "<td>$</td><td>1,000</td></tr></table></body></html>"
)


def loopback_client() -> MarketClient:
    return MarketClient(
        trust_env=False, rate_limits=RATE_LIMITS, bounds=PROVIDER_BOUNDS, backoff_base=0.01
    )


@pytest.fixture
def servers() -> Iterator[tuple[MarketServer, FilingsServer]]:
    with MarketServer(symbols=SYMBOLS) as market, FilingsServer() as sec:
        sec.companyfacts["ALAB"] = companyfacts_as_of(
            json.loads(ALAB_COMPANYFACTS.read_text()), DAY
        )
        accepted = dt.datetime(2026, 8, 4, 16, 5, tzinfo=NEW_YORK)
        sec.add_filing(
            "ALAB",
            "8-K",
            accepted,
            items=("2.02", "9.01"),
            exhibits={"EX-99.1": ("alab-q2.htm", SLOW)},
        )
        yield market, sec


async def refresh(config, store) -> float:
    """One refresh with its usual deadline; the seconds it took."""
    started = time.monotonic()
    async with loopback_client() as client:
        report = await refresh_in_process(config, store, now=lambda: NOW, client=client)
    assert report.fresh == set(SYMBOLS)  # every quote stored
    return time.monotonic() - started


async def test_a_release_that_takes_minutes_is_stopped_and_the_refresh_ends(
    tmp_path, servers, monkeypatch
):
    market, sec = servers
    monkeypatch.setattr(release_reader, "READ_LIMIT", READ_LIMIT)
    config = parse_config(sec.settings_toml(market.url, UA) + THESIS)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW)
        took = await refresh(config, store)
        # A liveness ceiling: the reading's 5 s and the refresh's own seconds, against the
        # minutes the reading took (the refresh's deadline is 300 s).
        assert took < READ_LIMIT + HANG, took
        quotes = {s for s in SYMBOLS if store.market.any_price([s])}
        assert quotes == set(SYMBOLS)
        [release] = store.results.releases("ALAB")
        assert release.url.endswith("/alab-q2.htm")
        if release.results.reason == NotRead.FETCH_FAILED:  # stopped (a reader as slow as ever)
            assert release.detail == "reading it took longer than 5 s: stopped"


async def test_a_release_that_ran_out_of_time_is_tried_three_times_then_never(
    tmp_path, servers, monkeypatch
):
    """No time at all to read it: each refresh fetches it, its reading is stopped, and it is
    kept as failed; after the third, it is not fetched again."""
    market, sec = servers
    monkeypatch.setattr(release_reader, "READ_LIMIT", 0.0)
    config = parse_config(sec.settings_toml(market.url, UA) + THESIS)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW)
        fetched = []
        for _ in range(5):
            await refresh(config, store)
            fetched.append(len([r for r in sec.requests() if r.path.endswith("/alab-q2.htm")]))
        assert fetched == [1, 2, 3, 3, 3]
        [release] = store.results.releases("ALAB")
        assert release.results.reason == NotRead.FETCH_FAILED and not release.results.found
        assert release.detail == "reading it took longer than 0 s: stopped"
        assert store.results.unread(["ALAB"]) == []
