"""A ticker's own news feeds in a refresh (`feeds = [...]` in catalysts.toml: a company's
investor-relations or newswire feed, RSS 2.0, RSS 1.0 or Atom), read through the registry's
feed source (market/feeds.py) for the tickers whose checkpoints carry evidence entries.

- **When**: daily, and every POLL_EVERY while the company's results are awaited (the release
  evening, jobs/results.py); a ticker whose feed failed is asked again after an hour. Within the
  refresh's time for evidence (jobs/evidence.py's `until`): a ticker begun is left, unmarked,
  to the next refresh when the time runs out, with what was stored kept.
- **Items seen**: an item is a document of source "feeds" keyed by its guid (Atom's id, else
  its link), once per ticker, in the database: one seen before a restart, or by another
  process, is neither fetched again nor matched again. Items older than FIRST_LOOK are left.
  Two processes reading one feed at the same moment (the TUI's worker and the daemon) may both
  fetch a new item's page, once each; that is harmless and left so: the store keeps the first
  document of a key (INSERT OR IGNORE), the other's is dropped, and it is matched and notified
  once (tests/jobs/test_feeds_refresh.py's two processes). A claim made before the page is
  fetched would save that one request, at the cost of items a killed process leaves claimed.
- **Text**: the item's title as a sentence of its own, its summary, then the text of the page
  it links to (http(s) only, within the feeds provider's bounds: 8 MiB and 20 s a request;
  HTML or plain text made text as filings are, a PDF as jobs/pdf_reader.py reads it, at most
  MAX_TEXT characters). A page that
  cannot be had leaves the item its title and summary; the feed's failures are said once, in
  one note.
- **Results releases**: while results are awaited the fast watch asks the same feeds every
  30 s on its own, for the item that is the results release (jobs/watch.py, jobs/feed_releases.py
  `read_feed_releases`): it is read as a release and notified at once, whatever the evidence
  entries. A refresh that reads a new such item first (`catalyst refresh` from cron, which runs
  no fast watch: every POLL_EVERY while awaited) reads it the same way, once (the store keeps
  one release a page), when "results" is in [settings] notify: then an awaited ticker's feeds
  are read whether or not its checkpoints carry evidence entries. It is also one more item,
  matched as any other.
- **Stored** with the item's link (none, "", for an item without one: no page is asked, and
  the feed's address is no page of the item's), its date (else now) and the feed's host as its
  form; the matching (jobs/evidence_match.py) and its notices are the filings'.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..market.fetch_kinds import DAILY, RETRY_FAILED_AFTER
from ..market.models import FetchError, FetchKind, FormatError, Headline
from ..reading.announcements import JUDGE_LIMIT, results_items
from ..reading.documents import html_to_text, is_pdf
from ..store.records import NewDocument
from ..text import counted
from .feed_releases import FeedItem, read_feed_releases
from .pdf_reader import PdfUnreadable, pdf_text
from .results import POLL_EVERY, awaited
from .text_reader import ReaderFailed, Readers, ReadTimedOut, TextReader

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from ..market.http.client import MarketClient
    from ..market.provider import FeedSource
    from ..store import Store

log = logging.getLogger(__name__)

SOURCE = "feeds"  # the documents' source: the provider's name
FIRST_LOOK = dt.timedelta(days=365)
PAGES_AT_ONCE = 4  # pages of one feed asked at a time


def headline_text(title: str, summary: str) -> str:
    """A headline's text for matching: its title as a sentence of its own (a period added
    unless it ends one already: "Is ALAB a buy?" stays as it is), then its summary."""
    ended = title if title.rstrip().endswith((".", "!", "?")) else f"{title}."
    return f"{ended}\n{summary}".strip()


def item_text(item: Headline, page: str) -> str:
    """An item's text: its title and summary, then its page's lines (those that only say the
    title or the summary again left out, so a sentence is not found twice)."""
    head = headline_text(item.title, item.summary)
    said = {line.strip() for line in head.splitlines()} | {item.title.strip()}
    body = [line for line in page.splitlines() if line.strip() not in said]
    return "\n".join([head, *body]).strip()


@dataclass
class FeedReading:
    """One refresh's reading of the tickers' feeds; notes for people go to `notes`."""

    store: Store
    client: MarketClient
    clock: Callable[[], dt.datetime]
    notes: list[str]
    source: FeedSource
    feeds: Mapping[str, tuple[str, ...]]  # the tickers' feeds, from the config
    out_of_time: Callable[[], bool]
    results: bool = False  # "results" is in [settings] notify: a results release is read

    def due(self, symbols: Iterable[str]) -> list[str]:
        """The symbols with feeds whose feeds are due: daily, every POLL_EVERY while awaited."""
        mine = [s for s in symbols if self.feeds.get(s)]
        now, market = self.clock(), self.store.market
        due = set(
            market.due(FetchKind.FEEDS, mine, now, every=DAILY, failed_every=RETRY_FAILED_AFTER)
        )
        waiting = awaited(self.store, mine, now)
        if waiting:
            due.update(
                market.due(FetchKind.FEEDS, waiting, now, every=POLL_EVERY, failed_every=POLL_EVERY)
            )
        return [s for s in mine if s in due]

    async def read(self, symbol: str) -> None:
        """Every feed of `symbol`: its new items stored; the symbol marked fetched (failed,
        with why, when a feed failed) unless time ran out first."""
        failures: list[str] = []
        added = 0
        for url in self.feeds.get(symbol, ()):
            if self.out_of_time():
                return  # the rest at the next refresh; nothing marked
            try:
                count = await self._feed(symbol, url)
            except (FetchError, FormatError) as error:
                failures.append(f"{url}: {error}")
                self.notes.append(f"feed {symbol} {url}: {error}")
                log.info("feed %s %s: %s", symbol, url, error)
                continue
            if count is None:
                return
            added += count
        ok = not failures
        if added:  # what the refresh read, said as what it failed to read is
            items = "1 new item" if added == 1 else f"{added} new items"
            feeds = "feed" if len(self.feeds.get(symbol, ())) == 1 else "feeds"
            self.notes.append(f"{symbol}: {items} read from its {feeds}")
        detail = f"{added} new" if ok else "; ".join(failures)
        self.store.market.mark_fetched(FetchKind.FEEDS, symbol, self.clock(), ok=ok, detail=detail)

    async def _feed(self, symbol: str, url: str) -> int | None:
        """One feed's new items stored; how many, None when time ran out first."""
        items = await self.source.items(self.client, url, symbol)
        now = self.clock()
        recent = [i for i in items if i.published is None or i.published >= now - FIRST_LOOK]
        seen = self.store.evidence.stored_keys(symbol, SOURCE, (i.guid for i in recent))
        new = list({i.guid: i for i in recent if i.guid not in seen}.values())
        failed: list[FetchError] = []
        pages = asyncio.Semaphore(PAGES_AT_ONCE)

        async def page_of(item: Headline) -> str | None:
            async with pages:
                if self.out_of_time():
                    return None
                return await self._page(symbol, item, failed)

        texts = await asyncio.gather(*(page_of(item) for item in new))
        host = urlsplit(url).hostname or url
        read = await self._read_in_time(symbol, new, texts)
        documents = [
            NewDocument(
                SOURCE,
                item.guid,
                None,
                host,
                item.title,
                item.link,  # none: "" (the feed's address is no item's page)
                item.published or now,
                text,
            )
            for item, text in zip(new, read, strict=True)
            if text is not None
        ]
        added = self.store.evidence.save_documents(symbol, documents, self.clock())
        await self._results(symbol, url, new)
        if failed:
            more = f" (the first: {failed[0].message})"
            self.notes.append(
                f"feed {symbol} {url}: {counted(len(failed), 'linked page')} not read, "
                f"kept with their title and summary{more}"
            )
        return None if len(documents) < len(new) else added

    async def _read_in_time(
        self, symbol: str, items: list[Headline], pages: list[str | None]
    ) -> list[str | None]:
        """Each item's text (`item_text`) as it will be stored: read first as the matching and
        the KPI reading will read it, in a child stopped at its limit (jobs/text_reader.py);
        one that cannot be read in time is kept with its title and summary alone, said once,
        so no later command reads its page's text."""
        texts = [None if p is None else item_text(i, p) for i, p in zip(items, pages, strict=True)]
        if not any(texts):
            return texts
        readers, slow = Readers.of(self.store, symbol), []
        async with TextReader() as reader:
            for index, text in enumerate(texts):
                if text is None:
                    continue
                try:
                    await reader.read(text, readers)
                except (ReadTimedOut, ReaderFailed) as why:
                    slow.append(why)
                    texts[index] = headline_text(items[index].title, items[index].summary)
        if slow:
            items_were = "1 item was" if len(slow) == 1 else f"{len(slow)} items were"
            self.notes.append(
                f"feed {symbol}: {items_were} kept with title and summary alone, the page's"
                f" text not read in time ({slow[0]})"
            )
        return texts

    async def _results(self, symbol: str, url: str, new: list[Headline]) -> None:
        """A new item of the feed that is the company's results release, read as the fast watch
        reads it (the module docstring), while its results are awaited."""
        if not self.results or not new or not awaited(self.store, [symbol], self.clock()):
            return
        try:  # judged in a thread, off the event loop
            released = await asyncio.wait_for(asyncio.to_thread(results_items, new), JUDGE_LIMIT)
        except TimeoutError:
            self.notes.append(f"feed {symbol} {url}: its items took too long to judge")
            return
        if not released:
            return
        items = [FeedItem(symbol, url, item, self.source) for item in released]
        read = await read_feed_releases(self.client, self.store.path, items, self.clock)
        self.notes.extend(read.said)
        if read.notified:
            self.notes.append(f"{symbol}: results read from the release on its feed")

    async def _page(self, symbol: str, item: Headline, failed: list[FetchError]) -> str:
        """The text of the page the item links to; "" when it has none or it cannot be had
        (the failure added to `failed`)."""
        if urlsplit(item.link).scheme not in ("http", "https"):
            return ""
        try:
            body = await self.source.page(self.client, item.link, symbol)
        except FetchError as error:
            failed.append(error)
            return ""
        if is_pdf(body):  # a deck or a release as a PDF
            try:
                return await pdf_text(body)
            except PdfUnreadable as why:
                failed.append(FetchError("bad_body", f"{item.link}: {why}", SOURCE, symbol))
                return ""
        return await asyncio.to_thread(html_to_text, body)
