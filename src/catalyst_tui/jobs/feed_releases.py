"""A company's results release read from its own feed before its 8-K (the fast watch's, jobs/
watch.py, and the refresh's, jobs/feeds.py): each results item read once, while its company is
awaited, and alerted at once, when it is the awaited quarter's release of that company.

- **That company's**: the item's title or summary, else the head of its page (its dateline,
  HEAD_READ characters), names the ticker's company as SEC has it, its legal form aside
  ("Astera Labs, Inc." is "Astera Labs"), or its ticker as an exchange gives it ("Nasdaq:
  ALAB"); without SEC's name, the ticker's own `name` (reading/announcements.py
  `names_company`). Credo's release on Lumentum's feed is not Lumentum's.
- **The awaited quarter's**: the period its page states ended before the earnings date and
  within AWAITED_PERIOD_WITHIN of it: a feed of 42 results items, each another quarter back to
  2016, gives one alert, and says the rest in one line (the refresh's notes, the watch's log).
- **Once**: one results alert per ticker and period (store.results `save_feed_release`: the
  quarter's 8-K release, or another page of it, came first: none), the page as its link; the
  8-K's release that follows sends no second notice (jobs/results.py `store_release`).
"""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import logging
from typing import TYPE_CHECKING, NamedTuple

from ..market.models import NEW_YORK, FetchError
from ..reading.announcements import names_company
from ..reading.moments import CLOSE
from ..store import Store, StoreError
from ..thesis.reported.results import Release, fiscal_label
from .release_reader import ReaderFailed, ReadTimedOut, ReleaseReader
from .results import AWAIT_FOR, EARLY, awaited, results_notice

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from ..market.fetch_kinds import FeedWatchSource
    from ..market.http.client import MarketClient
    from ..market.models import Headline
    from ..market.provider import FeedSource
    from ..reading.release.records import ReleaseResults

log = logging.getLogger(__name__)

FEED_SAVE_PATIENCE_MS = 60_000  # a feed release's save waits this long for another writer's lock
FEED_PAGE_ATTEMPTS = 3  # a feed release's page that cannot be had is asked at the next looks
#: The period a results page states is the awaited one when it ended this long or less before
#: the earnings date: a quarter's release comes weeks after it ends, a year's within about two
#: months, and the quarter before ended more than three months earlier.
AWAITED_PERIOD_WITHIN = dt.timedelta(days=100)
HEAD_READ = 2_000  # characters of a page's text its dateline is in ("… Astera Labs, Inc. today")
TEXT_LIMIT = 10.0  # seconds a page's text may take to be made (a real one: milliseconds)
#: Why a results item of a feed was not read as its company's release, by reason.
ANOTHER_COMPANY = "another company's"
ANOTHER_PERIOD = "another period's"


class FeedItem(NamedTuple):
    """A results release a company's feed listed (the fast watch's, jobs/watch.py): what
    `read_feed_releases` reads at once."""

    symbol: str
    feed: str  # the feed's address
    item: Headline
    source: FeedWatchSource | FeedSource  # the watch's, or the refresh's reading of feeds
    attempts: int = 0  # its page's fetches that failed before


class FeedReleases(NamedTuple):
    """What one reading of the feeds' results items did."""

    notified: list[str]  # the symbols with a results alert queued
    again: list[FeedItem]  # the items whose page is to be asked at the next look
    said: list[str]  # one line a symbol for the items not read as its release, and why


class _Awaited(NamedTuple):
    """What one item is judged against: its company's names, the awaited window and date."""

    since: dt.datetime
    day: dt.date
    sec_name: str
    own_name: str


async def read_feed_releases(
    client: MarketClient,
    path: Path,
    found: Sequence[FeedItem],
    clock: Callable[[], dt.datetime],
) -> FeedReleases:
    """The results releases the companies' feeds listed, each read once and at once while its
    company is awaited and it was published inside the awaited window (since EARLY before the
    earnings date): its page (within the feeds provider's bounds and the address policy) read
    as a release in a child (one `ReleaseReader` for them all), stored as that quarter's
    release from the company's page (store.results `save_feed_release`, keyed by the page's
    address: no SEC accession is made up) with its results notice, when it is the awaited
    quarter's release of that company (the module docstring). A page that cannot be had is
    said in the log and handed back to be asked at the next look (FEED_PAGE_ATTEMPTS in all),
    as is one whose save found the database locked; one the reader gives up on is left (the
    8-K's release follows)."""
    notified: list[str] = []
    again: list[FeedItem] = []
    left: dict[str, collections.Counter[str]] = {}
    async with ReleaseReader() as reader:  # one child reads the pages in turn
        for found_item in found:
            symbol, item, source = found_item.symbol, found_item.item, found_item.source
            now = clock()
            published = item.published
            with Store.open(path) as store:
                judged = _judged_against(store, symbol, now)
                done = store.results.feed_release_read(symbol, item.link)
            if done or judged is None or published is None:
                continue
            if not judged.since <= published <= now:
                continue
            day = published.astimezone(NEW_YORK).date()
            try:
                body = await source.page(client, item.link, symbol)
                why = await _not_its_company(item, body, symbol, judged)
                results = None if why else await reader.read(body, day)
            except (FetchError, ReadTimedOut, ReaderFailed, TimeoutError) as error:
                log.info("release of %s from its feed %s: %s", symbol, item.link, error)
                tried = found_item._replace(attempts=found_item.attempts + 1)
                if isinstance(error, FetchError) and tried.attempts < FEED_PAGE_ATTEMPTS:
                    again.append(tried)
                continue
            if (
                results is not None
                and results.found
                and not _of_the_awaited_period(results, judged.day)
            ):
                why = ANOTHER_PERIOD
            if why or results is None:  # a page that gave nothing is kept below, not read again
                left.setdefault(symbol, collections.Counter())[why or ANOTHER_COMPANY] += 1
                continue
            try:
                saved = await asyncio.to_thread(
                    _save_feed_release, path, symbol, item.link, published, results, clock()
                )
            except StoreError as error:  # another writer held the lock: tried at the next look
                log.warning("release of %s from its feed %s: %s", symbol, item.link, error)
                if found_item.attempts + 1 < FEED_PAGE_ATTEMPTS:
                    again.append(found_item._replace(attempts=found_item.attempts + 1))
                continue
            if saved:
                notified.append(symbol)
    said = [_left_words(symbol, reasons) for symbol, reasons in left.items()]
    for line in said:
        log.info("%s", line)
    return FeedReleases(notified, again, said)


def _judged_against(store: Store, symbol: str, now: dt.datetime) -> _Awaited | None:
    """What `symbol`'s results items are judged against at `now`; None when its results are
    not awaited."""
    if symbol not in awaited(store, [symbol], now):
        return None
    for day in store.results.earnings_dates([symbol]).get(symbol, ()):
        close = dt.datetime.combine(day, CLOSE, NEW_YORK)
        if close <= now < close + AWAIT_FOR:
            since = dt.datetime.combine(day - EARLY, dt.time(0), NEW_YORK)
            ticker = store.views.ticker(symbol)
            own = ticker.name if ticker is not None and ticker.name != symbol else ""
            return _Awaited(since, day, store.market.company_name(symbol), own)
    return None


async def _not_its_company(item: Headline, body: bytes, symbol: str, judged: _Awaited) -> str:
    """ANOTHER_COMPANY when neither the item's title and summary nor its page's head names
    `symbol`'s company (SEC's name, else the ticker's own, or its ticker on an exchange); ""
    when one does. The page's text is made in a thread, within TEXT_LIMIT."""
    name = judged.sec_name or judged.own_name

    def named(text: str) -> bool:
        return names_company(text, name, symbol)

    if named(f"{item.title}\n{item.summary}"):
        return ""
    from ..reading.documents import html_to_text

    def head() -> bool:
        return named(html_to_text(body)[:HEAD_READ])

    return "" if await asyncio.wait_for(asyncio.to_thread(head), TEXT_LIMIT) else ANOTHER_COMPANY


def _of_the_awaited_period(results: ReleaseResults, day: dt.date) -> bool:
    """Whether the period the page states is the one awaited on the earnings date `day`."""
    end = results.period_end
    return end is not None and day - AWAITED_PERIOD_WITHIN <= end < day


def _left_words(symbol: str, reasons: collections.Counter[str]) -> str:
    """The results items of a feed not read as `symbol`'s release, in one line: "ALAB: 41
    results items on its feed not read as its awaited release (41 another period's)"."""
    count = sum(reasons.values())
    items = "item" if count == 1 else "items"
    why = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
    return f"{symbol}: {count} results {items} on its feed not read as its awaited release ({why})"


def _save_feed_release(
    path: Path,
    symbol: str,
    url: str,
    published: dt.datetime,
    results: ReleaseResults,
    now: dt.datetime,
) -> bool:
    with Store.for_a_save(path, patience_ms=FEED_SAVE_PATIENCE_MS) as store:
        notice = None
        end = results.period_end
        if results.found and end is not None:
            label = fiscal_label(end, store.results.fiscal_year_ends(symbol))
            day = published.astimezone(NEW_YORK)
            notice = results_notice(
                store, Release(symbol, "", url, day.date(), day, results), label
            )
        return store.results.save_feed_release(symbol, url, published, results, now, notice=notice)
