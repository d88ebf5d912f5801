"""The fast watch while results are awaited (jobs/watch.py), against the loopback SEC: the
registry's watch sources (EDGAR's current-filings feed, each company's submissions), each
company asked at its pace on a fake clock, conditional asks answered 304, a new 8-K seen at the
first ask after it is filed (by the feed, while the submissions lag), the whole far inside SEC's
limit; and no job asks the HTTP client itself."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.jobs.watch import BUDGET, FLOOR, TOGETHER_EVERY, FastWatch, every
from catalyst_tui.market.sec.watch import CurrentFilings, Submissions
from tests.support.filings_server import CIKS, NEW_YORK, FilingsServer
from tests.support.releases import alab_release
from tests.support.source_trees import nodes

from .test_release_evening import UA, evening_watch, loopback_client, servers  # noqa: F401 (a fixture)

T0 = dt.datetime(2026, 11, 3, 21, 0, tzinfo=dt.UTC)  # 16:00 New York
CIK_MAP = {symbol: f"{cik:010d}" for symbol, cik in CIKS.items()}


@given(st.integers(min_value=1, max_value=500))
def test_all_awaited_companies_together_stay_within_the_budget(count: int):
    assert count / every(count) <= BUDGET  # requests a second, all of them together
    assert every(count) >= FLOOR


def test_twenty_awaited_tickers_make_half_a_request_a_second_one_each_forty_seconds():
    assert every(20) == 40.0 and 20 / every(20) == 0.5  # SEC allows 10 a second


def test_each_company_is_asked_once_per_interval_spread_over_it():
    watch = FastWatch([Submissions("http://unused", UA)])
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
    async def scenario(sec: FilingsServer) -> list[object]:
        watch = FastWatch([Submissions(sec.url, UA)])
        said: list[object] = []
        now = T0
        async with loopback_client() as client:
            for step in range(5):
                if step == 2:
                    said.append(sec.add_filing("ALAB", "8-K", T0, items=("2.02", "9.01")))
                said.append(await watch.look(client, ["ALAB"], CIK_MAP, now))
                now += dt.timedelta(seconds=every(1))
        return said

    with FilingsServer() as sec:
        sec.add_filing("ALAB", "8-K", T0 - dt.timedelta(days=90), items=("2.02",))
        first, unchanged, _accession, new, again = asyncio.run(scenario(sec))[:5]
        asked = sec.requests("/submissions/")
    assert (first, unchanged, new) == ([], [], ["ALAB"])
    assert again == []
    assert [r.headers.get("if-none-match") is not None for r in asked] == [False] + [True] * 4
    assert all(UA in r.headers["user-agent"] for r in asked)


def test_the_current_filings_feed_sees_an_8k_while_the_submissions_lag_in_one_request():
    """EDGAR's submissions can lag the filing on earnings nights: the current-filings feed
    lists it at once, one conditional request for every awaited company."""
    clock = [T0]

    async def scenario(sec: FilingsServer) -> list[tuple[dt.datetime, list[str]]]:
        watch = FastWatch([CurrentFilings(sec.url, UA), Submissions(sec.url, UA)])
        awaited = ["ALAB", "NVDA", "ADBE", "CRDO"]
        seen = []
        async with loopback_client() as client:
            while clock[0] < T0 + dt.timedelta(minutes=5):
                new = await watch.look(client, awaited, CIK_MAP, clock[0])
                if new:
                    seen.append((clock[0], new))
                if clock[0] == T0 + dt.timedelta(seconds=60):
                    sec.add_filing("ALAB", "8-K", clock[0], items=("2.02", "9.01"))
                clock[0] += dt.timedelta(seconds=5)
        return seen

    with FilingsServer(now=lambda: clock[0], submissions_lag=dt.timedelta(minutes=10)) as sec:
        sec.add_filing("NVDA", "8-K", T0 - dt.timedelta(days=90), items=("2.02",))
        seen = asyncio.run(scenario(sec))
        feed = sec.requests("/cgi-bin/browse-edgar")
    [(at, new)] = seen
    assert new == ["ALAB"]
    assert at - (T0 + dt.timedelta(seconds=60)) <= dt.timedelta(seconds=TOGETHER_EVERY)
    # One request each TOGETHER_EVERY for all four; later ones conditional.
    assert len(feed) == 5 * 60 / TOGETHER_EVERY
    assert all(r.headers.get("if-none-match") for r in feed[1:])


def test_no_job_asks_the_http_client_itself():
    """Every fetch goes through the registry's sources: no module of jobs/ calls a client's
    get, post or stream, nor builds a provider's URL."""
    import ast
    from pathlib import Path

    jobs = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui" / "jobs"
    calls = []
    for module in sorted(jobs.glob("*.py")):
        for node in nodes(module):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("get", "post", "stream", "request")
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "client"
            ):
                calls.append(f"{module.name}:{node.lineno}")
    assert calls == []


@pytest.mark.parametrize("lag", [0, 10])
async def test_a_release_filed_while_awaited_is_read_and_alerted_at_the_next_ask_not_the_poll(
    tmp_path,
    servers,  # noqa: F811 (the fixture imported above)
    lag,
):
    """The scheduler's watch on a fake clock: the refresh polled at 16:15, the 8-K filed at
    16:17 is seen by the watch's next ask (the current-filings feed's, every 10 s; the
    submissions' every 20 s with one company awaited), the refresh it starts asks SEC again at
    once (not at 16:30), reads the release, and the alert reaches the phone's channel; also
    when the submissions lag the filing 10 minutes (the release read from the filing the feed
    listed)."""
    from catalyst_tui.config import parse_config
    from catalyst_tui.store import Store
    from tests.support.push_server import PushServer
    from tests.support.releases import alab_release

    from .test_release_evening import Q3, THESIS, at

    market, sec = servers
    moment = [at(9)]
    market.now = lambda: moment[0]
    sec.now, sec.submissions_lag = (lambda: moment[0]), dt.timedelta(minutes=lag)
    with PushServer() as push:
        settings = sec.settings_toml(market.url, UA).replace(
            'notify = ["missed", "evidence"]', 'notify = ["missed", "results"]'
        )
        channel = (
            f'[notify.channels.phone]\nurl = "json://127.0.0.1:{push.port}"\nkinds = ["results"]\n'
        )
        config = parse_config(settings + channel + THESIS)
        with Store.open(tmp_path / "c.db") as store:
            scheduler = await evening_watch(config, store, moment)
            try:
                moment[0] = at(16, 16)
                assert await scheduler.watch_tick() == []  # the first answer: learns
                filed = at(16, 17)
                sec.add_filing(
                    "ALAB",
                    "8-K",
                    filed,
                    items=("2.02", "9.01"),
                    exhibits={"EX-99.1": ("alab-q3.htm", alab_release(Q3, guide=(440e6, 450e6)))},
                )
                seen: list[str] = []
                moment[0] = filed
                while not seen:
                    moment[0] += dt.timedelta(seconds=5)
                    seen = await scheduler.watch_tick()
                    assert moment[0] - filed <= dt.timedelta(seconds=every(1))
            finally:
                await scheduler.stop()
            assert seen == ["ALAB"]
            assert [r.period_end for r in store.results.releases("ALAB")][0] == Q3.end
        [alert] = [json.loads(body) for body in push.bodies("/")]
    assert alert["title"] == "ALAB results: Q3 FY26"
    assert str(alert["message"]).rstrip().endswith("alab-q3.htm")  # the release itself
    assert str(alert["message"]).startswith("revenue $412.3M")


async def test_a_release_is_dated_by_its_filing_index_not_the_submissions_z(
    tmp_path,
    servers,  # noqa: F811 (the fixture imported above)
):
    """Some filers' submissions carry New York's wall clock marked "Z": 16:05 read as 11:05 in
    New York. The release stored is dated by its filing index's Accepted time (16:05 New York)."""
    from catalyst_tui.config import parse_config
    from catalyst_tui.jobs.refresh import refresh_in_process
    from catalyst_tui.store import Store

    from .test_release_evening import Q3, THESIS, at

    market, sec = servers
    config = parse_config(sec.settings_toml(market.url, UA) + THESIS)
    filed = at(16, 5)
    wall = filed.astimezone(NEW_YORK).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    sec.add_filing(
        "ALAB",
        "8-K",
        filed,
        items=("2.02", "9.01"),
        exhibits={"EX-99.1": ("alab-q3.htm", alab_release(Q3, guide=(440e6, 450e6)))},
        raw={"acceptanceDateTime": wall},
    )
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, at(9))
        async with loopback_client() as client:
            market.now = lambda: at(17)
            await refresh_in_process(config, store, now=lambda: at(17), client=client)
        newest = store.results.releases("ALAB")[0]
    assert newest.period_end == Q3.end
    assert newest.accepted == filed  # 16:05 New York, as the index says; not 11:05
