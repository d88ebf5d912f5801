"""A ticker's own news feeds in a refresh, against a loopback newswire (RSS 2.0) and an
investor-relations site (Atom) serving the items and the pages they link to: each new item is
read once (its page too) and matched once, across refreshes, restarts and two processes; the
passages keep the item's link, date and feed; new ones after the first matching are notified
as evidence is."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.config import Config, load_config, parse_config
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.jobs.scheduler import ThesisScheduler
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import EarningsDate, FetchKind
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from tests.support.feed_server import FeedServer
from tests.support.filings_server import NEW_YORK, FilingsServer
from tests.support.limits import ClientLimits
from tests.support.market_server import MarketServer

LIMITS: ClientLimits = {"rate_limits": RATE_LIMITS, "bounds": PROVIDER_BOUNDS}
UA = "Catalyst Tests tests@example.com"
NOW = dt.datetime(2026, 11, 20, 22, 0, tzinfo=dt.UTC)
SCORPIO = """
[[tickers.ALAB.checkpoints]]
id = "scorpio-largest-line"
title = "Scorpio becomes ALAB's largest product line"
kind = "milestone"
due = 2026-12-31
evidence = ["Scorpio largest", "\\"largest product line\\" Scorpio"]
"""
RELEASE = """<html><head><title>Astera Labs Reports Third Quarter Results</title></head><body>
<h1>Astera Labs Reports Third Quarter Results</h1>
<p>SANTA CLARA, Calif., Nov. 4, 2026 (GLOBE NEWSWIRE) -- Astera Labs, Inc. today announced
results for its third quarter.</p>
<p>Scorpio became our largest product line in the quarter, ahead of Aries.</p>
<p>Revenue was $310 million, up 20% from the second quarter.</p></body></html>"""


@pytest.fixture
def servers() -> Iterator[tuple[MarketServer, FilingsServer, FeedServer]]:
    with MarketServer(symbols=["ALAB"]) as market, FilingsServer() as sec, FeedServer() as feeds:
        yield market, sec, feeds


def config_text(market: MarketServer, sec: FilingsServer, feeds: list[str]) -> str:
    listed = ", ".join(f'"{url}"' for url in feeds)
    ticker = f'\n[tickers.ALAB]\nname = "Astera Labs"\nfeeds = [{listed}]\n'
    # The pages the items link to are on the loopback feed server: allowed, as a user would.
    return sec.settings_toml(market.url, UA, loopback_links=True) + ticker + SCORPIO


def notified(store: Store) -> list[int]:
    """The passages with a notice of their own in the outbox, by id."""
    rows = store.conn.execute("SELECT evidence_id FROM outbox WHERE evidence_id IS NOT NULL")
    return sorted(row[0] for row in rows)


async def refresh(config: Config, store: Store, at: dt.datetime) -> list[str]:
    async with MarketClient(trust_env=False, **LIMITS, backoff_base=0.01) as client:
        report = await refresh_in_process(config, store, now=lambda: at, client=client)
    return report.notes


async def test_new_items_are_read_and_matched_once_across_refreshes_and_a_restart(
    tmp_path, servers
):
    market, sec, feeds = servers
    release = feeds.add_item(
        "/alab/rss",
        "Astera Labs Reports Third Quarter Results",
        "Revenue of $310 million.",
        NOW - dt.timedelta(days=16),
        page=RELEASE,
    )
    feeds.add_item(
        "/ir/atom",
        "Astera Labs at the UBS conference",
        "Scorpio is the largest driver of our growth.",
        NOW - dt.timedelta(days=3),
        kind="atom",
        page="<html><p>Webcast at 9am.</p></html>",
    )
    urls = [f"{feeds.url}/alab/rss", f"{feeds.url}/ir/atom"]
    config = parse_config(config_text(market, sec, urls))
    db = tmp_path / "c.db"
    with Store.open(db) as store:
        store.sync.apply(config, NOW - dt.timedelta(days=30))
        notes = await refresh(config, store, NOW)
        assert not [n for n in notes if n.startswith("feed")], notes
        assert "ALAB: 2 new items read from its feeds" in notes  # said, as a failure would be
        passages = store.evidence.passages("ALAB")
        assert sorted((p.passage, p.document.form, p.document.url) for p in passages) == [
            (
                "Scorpio became our largest product line in the quarter, ahead of Aries.",
                "127.0.0.1",
                feeds.url + release.link,
            ),
            (
                "Scorpio is the largest driver of our growth.",
                "127.0.0.1",
                f"{feeds.url}/ir/atom/news/1",
            ),
        ]
        [from_page] = [p for p in passages if "Aries" in p.passage]
        assert from_page.document.source == "feeds"
        assert from_page.document.title == "Astera Labs Reports Third Quarter Results"
        assert from_page.document.day == dt.date(2026, 11, 4)  # the item's pubDate
        # Found at the first matching of these entries: quiet, one summary, no notice each.
        assert not notified(store)
        assert store.market.fetch_states(FetchKind.FEEDS)["ALAB"] == (NOW, True, "2 new")
    assert sorted(feeds.requests("/alab/rss/news") + feeds.requests("/ir/atom/news")) == [
        "/alab/rss/news/0",
        "/ir/atom/news/1",
    ]

    # A restart, a day later: one new item; the others are neither fetched nor matched again.
    later = NOW + dt.timedelta(days=1)
    feeds.add_item(
        "/alab/rss",
        "Astera Labs: Scorpio X now the largest product line",
        "Management said so at the analyst day.",
        later - dt.timedelta(hours=2),
        page="<html><p>Details.</p></html>",
    )
    with Store.open(db) as store:
        await refresh(config, store, later)
        after = store.evidence.passages("ALAB")
        assert len(after) == 3
        assert [p.passage for p in after][0] == (
            "Astera Labs: Scorpio X now the largest product line."
        )
        # News for a pending checkpoint, published after its entries: notified, once.
        assert notified(store) == [after[0].id]
        # Asked again the same day: not due, nothing fetched.
        asked = len(feeds.requests())
        await refresh(config, store, later + dt.timedelta(hours=3))
        assert len(feeds.requests()) == asked
    assert sorted(feeds.requests("/alab/rss/news") + feeds.requests("/ir/atom/news")) == [
        "/alab/rss/news/0",
        "/alab/rss/news/2",
        "/ir/atom/news/1",
    ]


async def test_on_the_release_evening_the_feeds_are_read_every_fifteen_minutes(tmp_path, servers):
    market, sec, feeds = servers
    feeds.add_item("/alab/rss", "Astera Labs to report", "Soon.", NOW - dt.timedelta(days=2))
    config = parse_config(config_text(market, sec, [f"{feeds.url}/alab/rss"]))
    day = dt.date(2026, 11, 4)
    evening = dt.datetime.combine(day, dt.time(16, 30), NEW_YORK)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, evening - dt.timedelta(days=30))
        await refresh(config, store, evening - dt.timedelta(days=1))  # the day before: daily
        store.market.save_earnings("ALAB", EarningsDate("ALAB", day, "test", False), evening)
        asked = len(feeds.requests("/alab/rss"))
        for minutes in (0, 16, 32):
            await refresh(config, store, evening + dt.timedelta(minutes=minutes))
        assert len(feeds.requests("/alab/rss")) - asked == 3  # awaited: every 15 minutes


ATOM_RELATIVE = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>tag:ir.example.com,2026:news</id><title>Press releases</title>
  <updated>2026-11-18T21:05:00Z</updated>
  <entry><id>tag:ir.example.com,2026:news/7</id><title>Astera Labs ships Scorpio X</title>
    <link rel="alternate" href="releases/7.html"/>
    <published>2026-11-18T21:05:00Z</published><summary>Shipping now.</summary></entry>
</feed>"""
RSS_UNLINKED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>News</title><link>https://ir.example.com/</link>
  <description>News</description>
  <item><guid isPermaLink="false">alab-2026-11-18</guid><title>Astera Labs to present</title>
    <description>At the UBS conference.</description>
    <pubDate>Wed, 18 Nov 2026 21:05:00 GMT</pubDate></item>
</channel></rss>"""


async def test_relative_links_are_read_on_the_feeds_address_and_an_unlinked_item_has_no_link(
    tmp_path, servers
):
    """An Atom entry's relative link (RFC 4287: resolved against the feed's address) has its
    page read and kept as the passage's link; an RSS item without a link is stored with none
    (not the feed's address, which is no page of its) and no page is asked for it. Each feed
    request, the feed's host being where SEC's archives are here, carries SEC's contact."""
    market, sec, feeds = servers
    feeds.bodies["/ir/press/atom.xml"] = ("application/atom+xml", ATOM_RELATIVE.encode())
    feeds.bodies["/ir/press/releases/7.html"] = (
        "text/html",
        b"<html><p>Scorpio is now our largest product line.</p></html>",
    )
    feeds.bodies["/alab/unlinked.xml"] = ("application/rss+xml", RSS_UNLINKED.encode())
    urls = [f"{feeds.url}/ir/press/atom.xml", f"{feeds.url}/alab/unlinked.xml"]
    config = parse_config(config_text(market, sec, urls))
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW - dt.timedelta(days=30))
        notes = await refresh(config, store, NOW)
        assert not [n for n in notes if n.startswith("feed")], notes
        documents = {d.title: d for d in store.evidence.documents("ALAB")}
        [passage] = store.evidence.passages("ALAB")
    assert passage.passage == "Scorpio is now our largest product line."
    assert passage.document.url == f"{feeds.url}/ir/press/releases/7.html"
    assert documents["Astera Labs to present"].url == ""
    assert feeds.requests() == [
        "/ir/press/atom.xml",
        "/ir/press/releases/7.html",
        "/alab/unlinked.xml",
    ]
    assert {feeds.agents[path] for path in feeds.requests()} == {UA}


async def test_the_tuis_refresh_reads_a_tickers_own_feeds_as_catalyst_refresh_does(
    tmp_path, servers, monkeypatch
):
    """The TUI's scheduler refreshes in its kept worker child (jobs/worker/parent.py), which
    is sent a slim config: the ticker's `feeds` go with it, so its items are read and matched
    there as `catalyst refresh` reads them in its own process."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    market, sec, feeds = servers
    feeds.add_item(
        "/alab/rss",
        "Astera Labs Reports Third Quarter Results",
        "Revenue up.",
        NOW - dt.timedelta(days=2),
        page=RELEASE,
    )
    config = parse_config(config_text(market, sec, [f"{feeds.url}/alab/rss"]))
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW - dt.timedelta(days=30))
        scheduler = ThesisScheduler(
            config, store, [], role="tui", clock=lambda: NOW, refresh_in_child=True
        )
        try:
            result = await scheduler.refresh_cycle()
        finally:
            await scheduler.stop()
        assert result.refresh is not None
        [passage] = store.evidence.passages("ALAB")
        assert passage.passage == (
            "Scorpio became our largest product line in the quarter, ahead of Aries."
        )
        assert passage.document.source == "feeds"
    assert feeds.requests("/alab/rss") == ["/alab/rss", "/alab/rss/news/0"]


# Two processes refresh one database at the same moment, once `go` exists.
TWO = """
import asyncio, datetime as dt, sys, time
from pathlib import Path
from catalyst_tui.config import load_config
from catalyst_tui.jobs.client import market_client
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.jobs.scheduler import ThesisScheduler
from catalyst_tui.store import Store

config = load_config(Path(sys.argv[1]), use_cache=False)
moment, go = dt.datetime.fromisoformat(sys.argv[3]), Path(sys.argv[4])
client = market_client(config, [])
while not go.exists():
    time.sleep(0.01)
with Store.open(Path(sys.argv[2])) as store:
    asyncio.run(refresh_in_process(config, store, now=lambda: moment, client=client))
"""


@pytest.mark.long
def test_two_processes_store_and_match_each_new_item_once(tmp_path: Path, servers):
    market, sec, feeds = servers
    feeds.add_item(
        "/alab/rss", "Astera Labs files its 10-Q", "Nothing to see.", NOW - dt.timedelta(days=3)
    )
    path = tmp_path / "catalysts.toml"
    path.write_text(config_text(market, sec, [f"{feeds.url}/alab/rss"]))
    config = load_config(path, use_cache=False)
    db, go = tmp_path / "c.db", tmp_path / "go"
    with Store.open(db) as store:
        store.sync.apply(config, NOW - dt.timedelta(days=30))
        asyncio.run(refresh(config, store, NOW - dt.timedelta(days=2)))  # matched once: quiet
    for n in range(8):  # news after the first matching: each notified
        feeds.add_item(
            "/alab/rss",
            f"Astera Labs news {n}",
            f"Scorpio largest, note {n}.",
            NOW - dt.timedelta(hours=n + 1),
            page=RELEASE,
        )
    env = {**os.environ, "CATALYST_SHARED": os.environ.get("CATALYST_SHARED", "")}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", TWO, str(path), str(db), NOW.isoformat(), str(go)], env=env
        )
        for _ in range(2)
    ]
    go.touch()
    assert [child.wait(timeout=120) for child in children] == [0, 0]
    with Store.open(db) as store:
        documents = store.evidence.documents("ALAB")
        assert sorted(d.title for d in documents) == sorted(
            ["Astera Labs files its 10-Q", *(f"Astera Labs news {n}" for n in range(8))]
        )
        passages = store.evidence.passages("ALAB")
        keys = [(p.document.id, p.start) for p in passages]
        assert len(keys) == len(set(keys)) == 16  # the summary's and the page's, each once
        assert notified(store) == sorted(p.id for p in passages)  # each notified once


async def test_offline_the_refresh_says_the_feeds_filings_headlines_and_estimates_wait(tmp_path):
    """With no network the note named FX rates, fundamentals and earnings dates alone: the
    ticker's feeds, its filings, its headlines and the Street's estimates were skipped without
    a word. Now the one line names every step after the quotes, and the tickers with feeds."""
    from tests.support.market_server import unused_local_url

    nowhere = unused_local_url()  # nothing listens there: every request refused
    with MarketServer(symbols=["ALAB"]) as market, FilingsServer() as sec:
        text = config_text(market, sec, [f"{nowhere}/alab/rss"])
        text = text.replace(market.url, nowhere).replace(sec.url, nowhere)
    config = parse_config(text)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW - dt.timedelta(days=30))
        notes = await refresh(config, store, NOW)
    assert (
        "no network: FX rates, fundamentals, earnings dates, filings, headlines, the Street's"
        " estimates and ALAB's feeds not refreshed"
    ) in notes, notes
