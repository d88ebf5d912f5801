"""A results release from the company's own feed, before its 8-K (jobs/watch.py's feed source,
jobs/results.py `read_feed_releases`), on a fake clock against the loopback SEC, market, feed
(RSS 2.0 and Atom; a real press release from ../shared as a page) and push servers, the
scheduler's watch as the daemon runs it: the feed's results item is read from its page and its
notice, linking the page, reaches the phone before any 8-K; the 8-K that follows is read and
stored as ever, with no second notice, or with a correction naming the figure and both values
when the page said otherwise; a date announcement is nothing; a feed that hangs or never ends is
bounded and the SEC sources are still asked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.jobs.watch import FEED_EVERY, TICK, FastWatch, Watched
from catalyst_tui.market.feed_reader import FeedReader, FeedWatch
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.http.limits import MiB, RequestBounds
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.market.sec.watch import CurrentFilings, Submissions
from catalyst_tui.store import Store
from tests.support.feed_server import FeedServer
from tests.support.filings_server import CIKS, FilingsServer
from tests.support.push_server import PushServer
from tests.support.releases import alab_release

from .test_release_evening import Q3, THESIS, UA, at, evening_watch, loopback_client
from .test_release_evening import servers as servers  # noqa: F401 (a fixture)

FEED = "/alab/rss"
TITLE = "Astera Labs Reports Third Quarter 2026 Financial Results"
DATE_SAID = "Astera Labs to Report Third Quarter 2026 Financial Results on November 3, 2026"
CIK_MAP = {symbol: f"{cik:010d}" for symbol, cik in CIKS.items()}
LOOPBACK = ("127.0.0.1",)  # the feed server's pages: allowed, as a user would allow them


def config_text(sec: FilingsServer, market_url: str, feeds: list[str], phone: int) -> str:
    settings = sec.settings_toml(market_url, UA, loopback_links=True).replace(
        'notify = ["missed", "evidence"]', 'notify = ["missed", "results"]'
    )
    channel = f'[notify.channels.phone]\nurl = "json://127.0.0.1:{phone}"\nkinds = ["results"]\n'
    listed = ", ".join(f'"{url}"' for url in feeds)
    thesis = THESIS.replace('name = "Astera Labs"\n', f'name = "Astera Labs"\nfeeds = [{listed}]\n')
    return settings + channel + thesis


def alerts(push: PushServer) -> list[dict[str, str]]:
    return [json.loads(body) for body in push.bodies("/")]


@pytest.mark.parametrize(
    ("page_revenue", "late"), [(Q3.revenue, False), (402_300_000, False), (Q3.revenue, True)]
)
async def test_the_feed_release_is_alerted_before_its_8k_and_the_8k_only_corrects_it(
    tmp_path,
    servers,  # noqa: F811 (the fixture imported above)
    page_revenue,
    late,
):
    """`late`: the item is listed before its page answers (a 404 at first): the page is asked
    again at the next look, and the notice follows."""
    market, sec = servers
    moment = [at(9)]
    market.now = sec.now = lambda: moment[0]
    on_page = dataclasses.replace(Q3, revenue=page_revenue)
    with FeedServer() as feeds, PushServer() as push:
        feeds.add_item(FEED, DATE_SAID, "After the close.", at(9) - dt.timedelta(days=14))
        config = parse_config(config_text(sec, market.url, [feeds.url + FEED], push.port))
        with Store.open(tmp_path / "c.db") as store:
            scheduler = await evening_watch(config, store, moment)
            try:
                moment[0] = at(16, 16)
                assert await scheduler.watch_tick() == []  # the date announcement: nothing
                # Another date announcement inside the window is nothing either.
                feeds.add_item(FEED, DATE_SAID.replace("Third", "Fourth"), "Later.", moment[0])
                for _ in range(int(FEED_EVERY / TICK)):
                    moment[0] += dt.timedelta(seconds=TICK)
                    await scheduler.watch_tick()
                assert alerts(push) == []
                published = at(16, 17)
                page = alab_release(on_page, guide=(440e6, 450e6))
                listed = None if late else page
                item = feeds.add_item(FEED, TITLE, "Record revenue.", published, page=listed)
                moment[0] = published
                if late:
                    while not feeds.requests(item.link):
                        moment[0] += dt.timedelta(seconds=TICK)
                        await scheduler.watch_tick()
                    assert alerts(push) == []
                    feeds.pages[item.link] = ("text/html; charset=utf-8", page.encode())
                while not alerts(push):
                    moment[0] += dt.timedelta(seconds=TICK)
                    await scheduler.watch_tick()
                    assert moment[0] - published <= dt.timedelta(seconds=FEED_EVERY)
                [first] = alerts(push)
                ends = [r.period_end for r in store.results.releases("ALAB")]
                assert Q3.end not in ends  # before any 8-K of the quarter
                assert len(feeds.requests(item.link)) == 1 + late  # the page, read once
                # The 8-K follows ten minutes later, with the release as filed.
                filed = at(16, 27)
                exhibit = alab_release(Q3, guide=(440e6, 450e6))
                sec.add_filing(
                    "ALAB",
                    "8-K",
                    filed,
                    items=("2.02", "9.01"),
                    exhibits={"EX-99.1": ("alab-q3.htm", exhibit)},
                )
                moment[0] = filed
                while not [r for r in store.results.releases("ALAB") if r.period_end == Q3.end]:
                    moment[0] += dt.timedelta(seconds=TICK)
                    await scheduler.watch_tick()
                    assert moment[0] - filed <= dt.timedelta(minutes=1)
            finally:
                await scheduler.stop()
            stored = store.results.feed_release("ALAB", Q3.end)
        said = alerts(push)
    assert first["title"] == "ALAB results: Q3 FY26"
    assert first["message"].rstrip().endswith(feeds.url + item.link)  # the page itself
    assert first["message"].startswith(f"revenue ${page_revenue / 1e6:.1f}M")
    assert stored is not None and stored.url == feeds.url + item.link
    assert stored.quarter.revenue == page_revenue  # as the page states it, in dollars
    if page_revenue == Q3.revenue:
        assert said == [first]  # the 8-K's release: stored, no second notice
    else:
        [_, correction] = said
        assert correction["title"] == "ALAB results corrected: Q3 FY26"
        body = correction["message"]
        assert body.startswith("revenue $402.3M on the company's page, $412.3M in the 8-K")
        assert body.rstrip().endswith("alab-q3.htm")  # the 8-K's release


def bounded_client(deadline: float) -> MarketClient:
    bounds = {**PROVIDER_BOUNDS, "feeds": RequestBounds(deadline=deadline, max_bytes=1 * MiB)}
    return MarketClient(trust_env=False, rate_limits=RATE_LIMITS, bounds=bounds, backoff_base=0.01)


async def test_a_feed_that_hangs_or_never_ends_is_bounded_and_sec_is_still_asked():
    clock = [at(16, 0)]
    lag = dt.timedelta(minutes=10)  # the submissions', on earnings nights
    with FilingsServer(now=lambda: clock[0], submissions_lag=lag) as sec, FeedServer() as feeds:
        feeds.hanging.add("/hangs")
        feeds.endless.add("/endless")
        sources: list[Watched] = [
            CurrentFilings(sec.url, UA),
            Submissions(sec.url, UA),
            FeedWatch(FeedReader(allow_hosts=LOOPBACK)),
        ]
        urls = (feeds.url + "/hangs", feeds.url + "/endless")
        watch = FastWatch(sources, feeds={"ALAB": urls})
        seen: list[tuple[dt.datetime, list[str]]] = []
        async with bounded_client(0.3) as client:
            while clock[0] < at(16, 3):
                new = await watch.look(client, ["ALAB"], CIK_MAP, clock[0])
                if new:
                    seen.append((clock[0], new))
                if clock[0] == at(16, 1):
                    sec.add_filing("ALAB", "8-K", clock[0], items=("2.02", "9.01"))
                clock[0] += dt.timedelta(seconds=TICK)
        asked = {url: len(feeds.requests(url)) for url in ("/hangs", "/endless")}
        current = sec.requests("/cgi-bin/browse-edgar")
    [(when, new)] = seen
    assert new == ["ALAB"] and when - at(16, 1) <= dt.timedelta(seconds=TICK * 3)
    assert len(current) == 3 * 60 / 10  # the current-filings feed every 10 s, as without feeds
    assert asked == {"/hangs": 3 * 60 / FEED_EVERY, "/endless": 3 * 60 / FEED_EVERY}
    assert watch.releases == []


async def test_feeds_are_asked_only_while_awaited_and_each_at_its_pace():
    watch = FastWatch(
        [FeedWatch(FeedReader(allow_hosts=LOOPBACK))], feeds={"ALAB": ("a", "b"), "NVDA": ("c",)}
    )
    now = at(16, 0)
    asks: dict[str, list[dt.datetime]] = {}
    while now < at(16, 10):
        for _symbol, url in watch.feeds_due(["ALAB", "NVDA"], now):
            asks.setdefault(url, []).append(now)
        now += dt.timedelta(seconds=TICK)
    gap = dt.timedelta(seconds=FEED_EVERY)
    assert sorted(asks) == ["a", "b", "c"]
    for times in asks.values():
        assert len(times) == 20 and all(
            b - a == gap for a, b in zip(times, times[1:], strict=False)
        )
    assert len({times[0] for times in asks.values()}) == 3  # spread over the interval
    assert watch.feeds_due([], now) == [] and watch.feed_at == {}


@pytest.mark.parametrize("notify", ["results", "evidence"])
def test_the_feeds_are_watched_only_when_results_are_notified(tmp_path, notify):
    from catalyst_tui.jobs.watch import fast_watch
    from catalyst_tui.market.fetch_kinds import FeedWatchSource

    with FilingsServer() as sec:
        text = config_text(sec, "http://127.0.0.1:9", ["https://ir.example.com/rss"], 9)
        text = text.replace('notify = ["missed", "results"]', f'notify = ["missed", "{notify}"]')
        config = parse_config(text)
        with Store.open(tmp_path / "c.db") as store:
            watch = fast_watch(config, store)
    assert watch is not None and watch.feeds == {"ALAB": ("https://ir.example.com/rss",)}
    watched = [isinstance(s, FeedWatchSource) for s in watch.sources]
    assert watched.count(True) == (notify == "results")
    assert watched.count(False) == 2  # EDGAR's current filings and the submissions, as ever


async def test_a_real_press_release_on_an_atom_feed_is_read_as_the_quarters_release(tmp_path):
    """NVIDIA's release of its second quarter of fiscal 2026, read in place from ../shared as
    the page an Atom entry links to, on its evening (27 August 2025, after the close): stored as
    that quarter's (ended 27 July 2025) with the figures its statement prints, its notice
    linking the page; the date announcement on the same feed is nothing."""
    from catalyst_tui.market.models import EarningsDate
    from tests.support.filings_server import NEW_YORK
    from tests.support.shared import PRESS_RELEASES

    body = (PRESS_RELEASES / "NVDA_0001045810-25-000207_q2fy26pr.htm").read_bytes()
    day = dt.date(2025, 8, 27)
    evening = dt.datetime.combine(day, dt.time(16, 20), NEW_YORK)
    path = tmp_path / "c.db"
    with Store.open(path) as store:
        found = EarningsDate("NVDA", day, "nasdaq", estimate=False)
        store.market.save_earnings("NVDA", found, evening - dt.timedelta(days=1))
    with FeedServer() as feeds:
        said = "NVIDIA to Announce Financial Results for Second Quarter Fiscal 2026 on August 27"
        feeds.add_item("/nvda/atom", said, "", evening - dt.timedelta(days=30), kind="atom")
        title = "NVIDIA Announces Financial Results for Second Quarter Fiscal 2026"
        summary = "Record revenue of $46.7 billion, up 6% from Q1 and up 56% from a year ago."
        entry = feeds.add_item("/nvda/atom", title, summary, evening, kind="atom", page=body)
        watch = FastWatch(
            [FeedWatch(FeedReader(allow_hosts=LOOPBACK))],
            feeds={"NVDA": (feeds.url + "/nvda/atom",)},
        )
        now = evening + dt.timedelta(minutes=1)
        async with loopback_client() as client:
            await watch.look(client, ["NVDA"], {}, now)
            notified = await watch.read_releases(client, path, lambda: now)
    with Store.open(path) as store:
        stored = store.results.feed_release("NVDA", dt.date(2025, 7, 27))
        [(notice, message)] = store.conn.execute("SELECT title, body FROM outbox").fetchall()
    assert notified == ["NVDA"]
    assert stored is not None and stored.url == feeds.url + entry.link
    quarter = stored.quarter  # as its statement prints them: $46,743 and $26,422 million
    assert (quarter.revenue, quarter.net_income) == (46_743e6, 26_422e6)
    assert (quarter.eps_diluted, quarter.eps_nongaap) == (1.08, 1.05)
    assert notice == "NVDA results: quarter ended 2025-07-27"  # no fiscal year known here
    assert message.startswith("revenue $46.74B") and message.endswith(feeds.url + entry.link)


async def test_a_refresh_from_cron_reads_the_feeds_release_once_with_no_evidence_entries(
    tmp_path,
    servers,  # noqa: F811 (the fixture imported above)
):
    """`catalyst refresh` run by cron runs no fast watch: its own reading of the feeds (every
    15 minutes while results are awaited) reads the results release the same way, for a ticker
    whose checkpoints carry no evidence entries, and a later refresh queues no second notice."""
    market, sec = servers
    moment = [at(9)]
    market.now = sec.now = lambda: moment[0]
    with FeedServer() as feeds, PushServer() as push:
        config = parse_config(config_text(sec, market.url, [feeds.url + FEED], push.port))
        assert all(not c.evidence for c in config.tickers["ALAB"].checkpoints)
        path = tmp_path / "c.db"
        with Store.open(path) as store:
            store.sync.apply(config, at(9))
            async with loopback_client() as client:
                await refresh_in_process(config, store, now=lambda: moment[0], client=client)
                page = alab_release(Q3, guide=(440e6, 450e6))
                item = feeds.add_item(FEED, TITLE, "Record revenue.", at(16, 17), page=page)
                for when in (at(16, 20), at(16, 40)):
                    moment[0] = when
                    await refresh_in_process(config, store, now=lambda: moment[0], client=client)
            stored = store.results.feed_release("ALAB", Q3.end)
    with sqlite3.connect(path) as conn:
        said = conn.execute("SELECT title, body FROM outbox WHERE kind = 'results'").fetchall()
    conn.close()
    assert stored is not None and stored.url == feeds.url + item.link
    [(title, body)] = said
    assert title == "ALAB results: Q3 FY26"
    assert body.startswith(f"revenue ${Q3.revenue / 1e6:.1f}M")
    assert body.rstrip().endswith(feeds.url + item.link)
    assert len(feeds.requests(item.link)) >= 1
