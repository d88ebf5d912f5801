"""A ticker's own news feeds and the pages their items link to, fetched: the "feeds" provider's
source (its spec is market/feeds.py). The parsing is reading/feeds.py's.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .http.addresses import Named
from .http.errors import raise_for_status
from .models import FetchError, FormatError
from .provider import FeedSource
from .sec import SEC_DOMAIN

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..reading.headline import Headline
    from .http.client import MarketClient

__all__ = ["FeedReader", "FeedWatch"]

log = logging.getLogger(__name__)

#: Seconds one ask of a feed by the fast watch may take (the provider's 20 s is the refresh's):
#: a feed that hangs delays the watch's look, and the SEC sources asked beside it, no longer.
WATCH_DEADLINE = 10.0
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class FeedReader(FeedSource):
    """Any RSS 2.0, RSS 1.0 or Atom feed, and the pages its items link to, keyless."""

    name = "feeds"
    base_url = ""  # the feeds are the tickers'

    def __init__(
        self, contacts: Mapping[str, str] | None = None, allow_hosts: tuple[str, ...] = ()
    ) -> None:
        # A domain's declared User-Agent (SEC EDGAR's contact, from providers.sec.user_agent):
        # EDGAR's company feed answers 403 to a request without it.
        self.contacts = dict(contacts or {})
        # A page is a link a feed (or a document's URL) names: the address policy's, with the
        # hosts the user allows ([settings] allow_hosts, market/http/addresses.py).
        self.named = Named(tuple(allow_hosts))

    def headers(self, url: str) -> dict[str, str] | None:
        """The headers a request to `url` carries: its domain's declared contact, if any."""
        host = (urlsplit(url).hostname or "").lower()
        for domain, agent in self.contacts.items():
            if _within(host, domain):
                return {"User-Agent": agent}
        return None

    def _asked(self, url: str, symbol: str) -> dict[str, str] | None:
        """`headers(url)`; FetchError, with no request made, for EDGAR without SEC's contact
        (it would answer 403, and EDGAR blocks a client that keeps asking undeclared)."""
        headers = self.headers(url)
        if headers is None and _within((urlsplit(url).hostname or "").lower(), SEC_DOMAIN):
            why = "EDGAR answers only a declared contact: set providers.sec.user_agent"
            raise FetchError("auth", why, self.name, symbol)
        return headers

    async def items(self, client: MarketClient, url: str, symbol: str) -> list[Headline]:
        """The feed's items; none, with no request made, for EDGAR's feed without SEC's contact
        (the refresh says once that the contact is unset, and what waits for it)."""
        try:
            headers = self._asked(url, symbol)
        except FetchError:
            return []
        response = await client.get(self.name, url, symbol=symbol, headers=headers)
        raise_for_status(response, self.name, symbol)
        # Relative links are resolved against where the feed was read (after any redirect).
        return await _parsed(response.content, str(response.url) or url)

    async def page(self, client: MarketClient, url: str, symbol: str) -> bytes:
        """The body of the page at `url`, a link a document named: fetched under the address
        policy (no loopback, private, link-local or metadata address unless allowed)."""
        response = await client.get(
            self.name, url, symbol=symbol, headers=self._asked(url, symbol), named=self.named
        )
        raise_for_status(response, self.name, symbol)
        return response.content


# -- the fast watch's ask of a company's own feeds (jobs/watch.py) ---------------------------


@dataclasses.dataclass
class _Validators:
    """A feed's ETag and Last-Modified, for the next ask's If-None-Match / If-Modified-Since."""

    etag: str = ""
    modified: str = ""

    def headers(self, base: dict[str, str] | None) -> dict[str, str]:
        headers = dict(base or {})
        if self.etag:
            headers["If-None-Match"] = self.etag
        elif self.modified:
            headers["If-Modified-Since"] = self.modified
        return headers


@dataclasses.dataclass
class FeedWatch:
    """The fast watch's ask of an awaited company's own feeds (market/fetch_kinds.py
    `FeedWatchSource`): each feed asked conditionally (an unchanged feed is a 304 with no
    body), within the feeds provider's bounds and WATCH_DEADLINE seconds at most; its items that
    announce results (`announces_results`) with an http(s) page, each answered once."""

    reader: FeedReader
    name: str = "feeds-watch"
    asked: int = 0
    _validators: dict[str, _Validators] = dataclasses.field(default_factory=dict)
    _told: set[str] = dataclasses.field(default_factory=set)  # pages answered before

    async def releases(self, client: MarketClient, symbol: str, url: str) -> list[Headline]:
        """The results releases the feed at `url` lists that were not answered before, newest
        first; none when it is unchanged, fails (logged) or is no feed."""
        from ..reading.announcements import JUDGE_LIMIT, results_items  # with the first feed

        try:
            headers = self.reader._asked(url, symbol)
        except FetchError:
            return []
        validators = self._validators.setdefault(url, _Validators())
        self.asked += 1
        try:
            response = await client.get(
                self.reader.name,
                url,
                symbol=symbol,
                headers=validators.headers(headers),
                deadline=min(WATCH_DEADLINE, client.bounds(self.reader.name).deadline),
            )
            if response.status_code == 304:
                return []
            raise_for_status(response, self.reader.name, symbol)
            items = await _parsed(response.content, str(response.url) or url)
            fresh = [
                item
                for item in items
                if urlsplit(item.link).scheme in ("http", "https") and item.link not in self._told
            ]
            found = await asyncio.wait_for(asyncio.to_thread(results_items, fresh), JUDGE_LIMIT)
        except (FetchError, FormatError, TimeoutError) as error:
            log.info("the fast watch (%s feed %s): %s", symbol, url, error or "too slow to read")
            return []
        validators.etag = response.headers.get("ETag", "")
        validators.modified = response.headers.get("Last-Modified", "")
        self._told.update(item.link for item in found)
        return sorted(found, key=lambda i: i.published or _EPOCH, reverse=True)

    async def page(self, client: MarketClient, url: str, symbol: str) -> bytes:
        """The body of a release's page, within the feeds provider's bounds."""
        return await self.reader.page(client, url, symbol)

    def forget(self, keep: set[str]) -> None:
        """Nothing is kept by company: a feed's validators and pages are the feed's."""


async def _parsed(body: bytes, url: str) -> list[Headline]:
    """The items of the feed in `body` (reading/feeds.py `parse_feed`), read in a thread, off
    the event loop, within JUDGE_LIMIT: FormatError past it."""
    from ..reading.announcements import JUDGE_LIMIT  # XML and e-mail dates: with the first feed
    from ..reading.feeds import parse_feed

    try:
        return await asyncio.wait_for(asyncio.to_thread(parse_feed, body, url), JUDGE_LIMIT)
    except TimeoutError:
        raise FormatError(f"the feed took longer than {JUDGE_LIMIT:g} s to read") from None


def _within(host: str, domain: str) -> bool:
    return host == domain or host.endswith(f".{domain}")
