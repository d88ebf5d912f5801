"""A ticker's own news feeds and the pages their items link to, fetched: the "feeds" provider's
source (its spec is market/feeds.py). The parsing is reading/feeds.py's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..reading.feeds import Headline, parse_feed
from .http.errors import raise_for_status
from .models import FetchError
from .provider import FeedSource
from .sec import SEC_DOMAIN

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .http.client import MarketClient

__all__ = ["FeedReader"]


class FeedReader(FeedSource):
    """Any RSS 2.0, RSS 1.0 or Atom feed, and the pages its items link to, keyless."""

    name = "feeds"
    base_url = ""  # the feeds are the tickers'

    def __init__(self, contacts: Mapping[str, str] | None = None) -> None:
        # A domain's declared User-Agent (SEC EDGAR's contact, from providers.sec.user_agent):
        # EDGAR's company feed answers 403 to a request without it.
        self.contacts = dict(contacts or {})

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
        return parse_feed(response.content, str(response.url) or url)

    async def page(self, client: MarketClient, url: str, symbol: str) -> bytes:
        response = await client.get(self.name, url, symbol=symbol, headers=self._asked(url, symbol))
        raise_for_status(response, self.name, symbol)
        return response.content


def _within(host: str, domain: str) -> bool:
    return host == domain or host.endswith(f".{domain}")
