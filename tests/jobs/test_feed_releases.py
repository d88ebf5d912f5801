"""Which results item of a company's feed is its awaited release (jobs/feed_releases.py), on the
release evening, against a loopback feed server whose pages are releases in the company's real
shape: another company's release on the ticker's feed (Credo's on Lumentum's) is never its
results, and a feed of 42 results items, each another quarter back to 2016, queues one results
alert, the awaited quarter's, and says the rest in one line."""

from __future__ import annotations

import dataclasses
import datetime as dt

from catalyst_tui.jobs.feed_releases import FeedItem, read_feed_releases
from catalyst_tui.market.feed_reader import FeedReader
from catalyst_tui.market.models import EarningsDate, Headline
from catalyst_tui.store import Store
from tests.support.feed_server import FeedServer
from tests.support.filings_server import NEW_YORK
from tests.support.releases import ORDINALS, alab_release

from .test_release_evening import Q3, loopback_client

DAY = dt.date(2026, 11, 3)  # the earnings date: Q3 (ended 30 September) awaited
EVENING = dt.datetime.combine(DAY, dt.time(16, 20), NEW_YORK)
SEC_NAMES = {"ALAB": "Astera Labs, Inc.", "LITE": "Lumentum Holdings Inc."}
CIKS = {"ALAB": "0001736297", "LITE": "0001633978"}


def awaited_store(path, symbol: str) -> None:
    """A database where `symbol`'s results are awaited this evening, SEC's names known."""
    with Store.open(path) as store:
        store.market.save_cik_map(CIKS, EVENING - dt.timedelta(days=1), SEC_NAMES)
        found = EarningsDate(symbol, DAY, "nasdaq", estimate=False)
        store.market.save_earnings(symbol, found, EVENING - dt.timedelta(days=1))


def outbox(path) -> list[tuple[str, str]]:
    with Store.open(path) as store:
        return store.conn.execute("SELECT title, body FROM outbox").fetchall()


async def read(path, symbol: str, feeds: FeedServer, feed: str) -> object:
    reader = FeedReader(allow_hosts=("127.0.0.1",))  # the loopback feed server's pages
    items = [FeedItem(symbol, feeds.url + feed, h, reader) for h in feeds_items(feeds, feed)]
    async with loopback_client() as client:
        return await read_feed_releases(client, path, items, lambda: EVENING)


def feeds_items(feeds: FeedServer, feed: str) -> list[Headline]:
    _kind, items = feeds.feeds[feed]
    return [
        Headline(i.guid, feeds.url + i.link, i.title, i.description, i.published) for i in items
    ]


async def test_another_companys_release_on_the_tickers_feed_is_not_its_results(tmp_path):
    """Lumentum's feed carrying "Credo Technology Group Reports Third Quarter Fiscal 2026
    Financial Results" once sent "LITE results: quarter ended 2026-09-30 / revenue $438.6M":
    Credo's figures. Neither its title nor its page names Lumentum as SEC has it: nothing is
    queued, and one line says why. Lumentum's own release on the same feed is alerted."""
    path = tmp_path / "c.db"
    awaited_store(path, "LITE")
    credo = alab_release(Q3).replace("Astera Labs, Inc. (Nasdaq: ALAB)", "Credo (Nasdaq: CRDO)")
    credo = credo.replace("Astera Labs", "Credo Technology Group")
    with FeedServer() as feeds:
        title = "Credo Technology Group Reports Third Quarter Fiscal 2026 Financial Results"
        feeds.add_item("/lite/rss", title, "Record revenue.", EVENING, page=credo)
        first = await read(path, "LITE", feeds, "/lite/rss")
        assert outbox(path) == []
        lumentum = credo.replace("Credo Technology Group", "Lumentum").replace("CRDO", "LITE")
        feeds.add_item("/lite/rss", "Lumentum Reports Q3 Results", "", EVENING, page=lumentum)
        second = await read(path, "LITE", feeds, "/lite/rss")
    assert first.notified == [] and first.said == [  # type: ignore[attr-defined]
        "LITE: 1 results item on its feed not read as its awaited release (1 another company's)"
    ]
    assert second.notified == ["LITE"]  # type: ignore[attr-defined]
    [(alert, _body)] = outbox(path)
    assert alert.startswith("LITE results")


async def test_a_feed_of_42_quarters_of_results_queues_one_alert_and_one_line(tmp_path):
    """42 results items, each its own quarter from 2016 to the awaited one, all published this
    evening: 41 notices once. Now the awaited quarter's alone, the 41 others in one line."""
    path = tmp_path / "c.db"
    awaited_store(path, "ALAB")
    with FeedServer() as feeds:
        for n in range(42):  # quarter n back from the awaited one (ended 30 September 2026)
            year, q = divmod(2026 * 4 + 2 - n, 4)
            end = dt.date(year, 3 * q + 3, 30 if q in (1, 2) else 31)
            quarter = dataclasses.replace(Q3, end=end)
            page = alab_release(quarter, fiscal_quarter=q + 1, fiscal_year=year)
            title = f"Astera Labs Reports {ORDINALS[q].capitalize()} Quarter {year} Results"
            published = EVENING - dt.timedelta(minutes=n)
            feeds.add_item("/alab/rss", title, "", published, page=page)
        said = await read(path, "ALAB", feeds, "/alab/rss")
    assert said.notified == ["ALAB"]  # type: ignore[attr-defined]
    [(alert, _body)] = outbox(path)
    assert alert == "ALAB results: quarter ended 2026-09-30"  # the awaited quarter
    assert said.said == [  # type: ignore[attr-defined]
        "ALAB: 41 results items on its feed not read as its awaited release (41 another period's)"
    ]
