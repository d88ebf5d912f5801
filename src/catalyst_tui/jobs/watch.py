"""The fast watch: while a company's results are awaited (jobs/results.py `awaited`), the
registry's watch sources (market/fetch_kinds.py `watch_kinds`, built by the providers' specs:
never a URL built here, never the HTTP client asked here) are asked often enough that a release
filed is read, and its notification leaves, within a minute, and far inside SEC's fair-access
limit (10 requests a second):

- a source that answers for every awaited company in one request (`together`: EDGAR's
  current-filings feed) is asked every `TOGETHER_EVERY` seconds, whatever the count;
- a source asked a company at a time (each company's submissions, which can lag the filing on
  earnings nights) asks each awaited ticker every `every(n)` seconds, at least `FLOOR` apart, so
  that all of them together make at most `BUDGET` requests a second (20 awaited tickers: one each
  40 s, 0.5 a second).

- a source keyed by the companies' own feeds (`FeedWatchSource`: each awaited ticker's `feeds`
  in catalysts.toml, its investor-relations or newswire feed, which often carries the release
  minutes before its 8-K) asks each feed every `FEED_EVERY` seconds: two conditional requests a
  minute is a reader's pace on a company's site (most answers a 304 of a few hundred bytes),
  and keeps the wait from the release to its ask near 15 s. Its asks run beside the SEC
  sources' (a feed that hangs holds the look for its deadline, never the SEC asks).

Each ask is conditional: an unchanged answer is a 304 with no body. A new results filing seen by
any source starts a refresh at once, which reads the release, evaluates, and delivers
(jobs/scheduler.py). A feed's item that is a results release (`releases`, taken by
`read_releases`) is read at once from its page (jobs/feed_releases.py `read_feed_releases`) and its
results notice queued, before any 8-K. Outside the awaited window nothing is asked: the refresh
keeps its own pace. An SEC source's first answer only learns what is there; a feed's answers
every results release it lists, and jobs/results.py reads those published inside the awaited
window only, each once (the store keeps the page read).
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
from typing import TYPE_CHECKING

from ..market.fetch_kinds import FeedWatchSource, WatchSource, watch_kinds
from ..thesis.vocabulary import RESULTS
from .feed_releases import FeedItem, read_feed_releases
from .sources import refresh_sources

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from pathlib import Path

    from ..config import Config
    from ..market.http.client import MarketClient
    from ..market.registry import Sources
    from ..store import Store

log = logging.getLogger(__name__)

FLOOR = 20.0  # seconds between two asks for one company, whatever the count
BUDGET = 0.5  # requests a second, all awaited companies together (SEC allows 10)
TOGETHER_EVERY = 10.0  # seconds between two asks of a source that answers for all at once
TICK = 5.0  # how often the scheduler looks whose ask is due
FEED_EVERY = 30.0  # seconds between two asks of one company's feed (a polite reader's pace)


def every(awaited_count: int) -> float:
    """Seconds between two asks for one company when `awaited_count` are awaited."""
    return max(FLOOR, awaited_count / BUDGET)


Watched = WatchSource | FeedWatchSource


def watch_sources(sources: Sources) -> list[Watched]:
    """The fast watch's sources among a refresh's, in the order their kinds are registered."""
    kinds = (WatchSource, FeedWatchSource)
    return [s for k in watch_kinds() for s in sources.of(k.name) if isinstance(s, kinds)]


def fast_watch(config: Config, store: Store) -> FastWatch | None:
    """The fast watch the scheduler runs: the registry's watch sources with the tickers' feeds
    (the feeds' source only when a ticker has feeds and results are notified); None when no
    source is left (no SEC contact, no feed to ask)."""
    feeds = {symbol: t.feeds for symbol, t in config.tickers.items() if t.feeds}
    notify = RESULTS in config.settings.notify
    asked = bool(feeds) and notify
    sources = [
        s
        for s in watch_sources(refresh_sources(config, store))
        if asked or not isinstance(s, FeedWatchSource)
    ]
    return FastWatch(sources, feeds=feeds, notify=notify) if sources else None


@dataclasses.dataclass
class Seen:
    """When one company's next ask by the sources asked a company at a time is due."""

    next_at: dt.datetime | None = None


@dataclasses.dataclass
class FastWatch:
    """Asks the watch sources for the awaited companies, each when its turn comes."""

    sources: Sequence[Watched]
    feeds: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # by symbol
    notify: bool = True  # "results" is in [settings] notify: a feed's release is read for it
    seen: dict[str, Seen] = dataclasses.field(default_factory=dict)
    found: dict[str, str] = dataclasses.field(default_factory=dict)  # the last look's, by symbol
    together_at: dt.datetime | None = None  # the next ask of the sources that answer for all
    feed_at: dict[str, dt.datetime] = dataclasses.field(default_factory=dict)  # next, by feed
    releases: list[FeedItem] = dataclasses.field(default_factory=list)  # found, not read

    @property
    def asked(self) -> int:
        """Requests made, for the rate (bench/alert_latency.py)."""
        return sum(source.asked for source in self.sources)

    @property
    def asked_feeds(self) -> int:
        """Requests made to the companies' own feeds."""
        return sum(s.asked for s in self.sources if isinstance(s, FeedWatchSource))

    def feeds_due(self, awaited: list[str], now: dt.datetime) -> list[tuple[str, str]]:
        """(symbol, feed) of the awaited symbols' feeds whose ask is due at `now`, each every
        FEED_EVERY, their first asks spread over it; those no longer awaited forgotten."""
        wanted = [(s, url) for s in awaited for url in self.feeds.get(s, ())]
        for url in set(self.feed_at) - {url for _, url in wanted}:
            del self.feed_at[url]
        gap = dt.timedelta(seconds=FEED_EVERY)
        out = []
        for index, (symbol, url) in enumerate(wanted):
            at = self.feed_at.setdefault(url, now + gap * index / len(wanted))
            if at <= now:
                out.append((symbol, url))
                self.feed_at[url] = now + gap
        return out

    def due(self, awaited: list[str], now: dt.datetime) -> list[str]:
        """The awaited symbols whose ask is due at `now` (by the sources asked a company at a
        time); those no longer awaited forgotten. Their asks are spread over the interval."""
        for symbol in list(self.seen):
            if symbol not in awaited:
                del self.seen[symbol]
        gap = dt.timedelta(seconds=every(len(awaited)))
        out = []
        for index, symbol in enumerate(awaited):
            seen = self.seen.setdefault(symbol, Seen())
            if seen.next_at is None:
                seen.next_at = now + gap * index / max(len(awaited), 1)
            if seen.next_at <= now:
                out.append(symbol)
                seen.next_at = now + gap
        return out

    def together_due(self, now: dt.datetime) -> bool:
        """Whether the sources that answer for all at once are to be asked at `now`."""
        if self.together_at is not None and now < self.together_at:
            return False
        self.together_at = now + dt.timedelta(seconds=TOGETHER_EVERY)
        return True

    async def look(
        self,
        client: MarketClient,
        awaited: list[str],
        ciks: Mapping[str, str],
        now: dt.datetime,
    ) -> list[str]:
        """Ask the sources whose turn it is; the awaited symbols with a new results filing (a
        feed's results releases kept in `releases`). The feeds are asked beside the SEC
        sources, in one gather."""
        feeds = self.feeds_due(awaited, now) if self.notify else []
        asks = [self._filings(client, awaited, ciks, now)]
        for source in self.sources:
            if isinstance(source, FeedWatchSource):
                source.forget(set(awaited))
                asks += [self._feed(client, source, symbol, url) for symbol, url in feeds]
        await asyncio.gather(*asks)
        return [s for s in awaited if s in self.found]

    async def _filings(
        self, client: MarketClient, awaited: list[str], ciks: Mapping[str, str], now: dt.datetime
    ) -> None:
        known = {s: c for s in awaited if (c := _cik(s, ciks)) is not None}
        due = set(self.due(awaited, now))
        together = self.together_due(now) if awaited else False
        new: dict[str, str] = {}
        for source in self.sources:
            if not isinstance(source, WatchSource):
                continue
            source.forget(set(awaited))
            if source.together:
                asked = known if together else {}
            else:
                asked = {s: c for s, c in known.items() if s in due}
            if asked:
                new.update(await source.news(client, asked))
        self.found = new

    async def _feed(
        self, client: MarketClient, source: FeedWatchSource, symbol: str, url: str
    ) -> None:
        for item in await source.releases(client, symbol, url):
            self.releases.append(FeedItem(symbol, url, item, source))

    async def read_releases(
        self, client: MarketClient, path: Path, clock: Callable[[], dt.datetime]
    ) -> list[str]:
        """The feeds' results releases found read and stored, each with its notice queued
        (jobs/feed_releases.py `read_feed_releases`; a page that could not be had kept for the next
        look); the symbols with a notice queued."""
        taken, self.releases = self.releases, []
        if not taken:
            return []
        read = await read_feed_releases(client, path, taken, clock)
        self.releases[:0] = read.again
        return read.notified

    def filings(self) -> dict[str, object]:
        """The filings the last look found, by symbol, as a source listed them (those only the
        refresh can list left out)."""
        out = {}
        filers = [s for s in self.sources if isinstance(s, WatchSource)]
        for symbol, accession in self.found.items():
            listed = (source.filing(accession) for source in filers)
            record = next((each for each in listed if each is not None), None)
            if record is not None:
                out[symbol] = record
        return out


def _cik(symbol: str, ciks: Mapping[str, str]) -> str | None:
    # SEC spells class shares "BRK-B" (market/sec/tickers.py, behind the registry).
    return ciks.get(symbol) or ciks.get(symbol.replace(".", "-"))
