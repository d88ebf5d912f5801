"""The fast watch of SEC's submissions while results are awaited (jobs/watch.py), against the
loopback SEC: each company asked at its pace on a fake clock, conditional asks answered 304,
a new 8-K seen at the first ask after it is filed, and the whole far inside SEC's limit."""

from __future__ import annotations

import asyncio
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.jobs.watch import BUDGET, FLOOR, FastWatch, every
from tests.support.filings_server import CIKS, FilingsServer

from .test_release_evening import UA, loopback_client

T0 = dt.datetime(2026, 11, 3, 21, 0, tzinfo=dt.UTC)  # 16:00 New York
CIK_MAP = {symbol: f"{cik:010d}" for symbol, cik in CIKS.items()}


@given(st.integers(min_value=1, max_value=500))
def test_all_awaited_companies_together_stay_within_the_budget(count: int):
    assert count / every(count) <= BUDGET  # requests a second, all of them together
    assert every(count) >= FLOOR


def test_twenty_awaited_tickers_make_half_a_request_a_second_one_each_forty_seconds():
    assert every(20) == 40.0 and 20 / every(20) == 0.5  # SEC allows 10 a second


def test_each_company_is_asked_once_per_interval_spread_over_it():
    watch = FastWatch("http://unused", UA)
    awaited = ["ALAB", "NVDA", "ADBE", "CRDO"]
    asks: dict[str, list[dt.datetime]] = {s: [] for s in awaited}
    now = T0
    while now < T0 + dt.timedelta(minutes=10):
        for symbol in watch.due(awaited, now):
            asks[symbol].append(now)
        now += dt.timedelta(seconds=5)  # the scheduler's tick
    gap = dt.timedelta(seconds=every(4))
    for times in asks.values():
        assert len(times) == 30  # ten minutes at one ask each 20 s
        assert all(b - a == gap for a, b in zip(times, times[1:], strict=False))
    firsts = sorted(times[0] for times in asks.values())
    assert len(set(firsts)) == 4  # spread, not all at once
    # No longer awaited: never asked again.
    assert watch.due([], now) == [] and watch.seen == {}


def test_a_new_8k_is_seen_at_the_next_ask_and_an_unchanged_answer_is_a_304():
    async def scenario(sec: FilingsServer) -> list[str | None]:
        watch = FastWatch(sec.url, UA)
        said = []
        async with loopback_client() as client:
            said.append(await watch.ask(client, "ALAB", CIK_MAP))  # learns what is there
            said.append(await watch.ask(client, "ALAB", CIK_MAP))  # unchanged: 304
            accession = sec.add_filing("ALAB", "8-K", T0, items=("2.02", "9.01"))
            said.append(await watch.ask(client, "ALAB", CIK_MAP))
            said.append(await watch.ask(client, "ALAB", CIK_MAP))
            said.append(accession)
        return said

    with FilingsServer() as sec:
        sec.add_filing("ALAB", "8-K", T0 - dt.timedelta(days=90), items=("2.02",))
        first, unchanged, new, again, accession = asyncio.run(scenario(sec))
        asked = sec.requests("/submissions/")
    assert (first, unchanged, again) == (None, None, None)
    assert new == accession
    assert [r.headers.get("if-none-match") is not None for r in asked] == [
        False,
        True,
        True,
        True,
    ]
    assert all(UA in r.headers["user-agent"] for r in asked)
