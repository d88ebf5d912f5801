"""Yahoo Finance's RSS headline feed: the latest headlines for one symbol, asked as "news" (its
spec is in market/yahoo/__init__.py: the feed's URL is in [providers.yahoo]).

The parsing is reading/feeds.py's.
`https://feeds.finance.yahoo.com/rss/2.0/headline?s=TSLA&region=US&lang=en-US` is RSS 2.0 in
UTF-8: the channel's children in alphabetical order (copyright, description, image, the items,
language, lastBuildDate, link, title); each item has description, `guid isPermaLink="false"` (a
UUID), link (ending `?.tsrc=rss`, often another site), `pubDate` in RFC 822 with `+0000`, title;
about 20 items, not all about the symbol. The edge can answer 404, 429,
or an HTML page with 200: anything that is not RSS is a NewsFormatError.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from .http.errors import raise_for_status
from .provider import NewsSource

if TYPE_CHECKING:
    from ..reading.headline import Headline
    from .http.client import MarketClient

__all__ = ["YahooHeadlines", "rss_url"]


def rss_url(base: str, symbol: str) -> str:
    """The headline feed of `symbol` ("https://feeds.finance.yahoo.com" as `base`)."""
    return f"{base.rstrip('/')}/rss/2.0/headline?s={quote(symbol)}&region=US&lang=en-US"


class YahooHeadlines(NewsSource):
    """The headline feed of one symbol, keyless."""

    name = "news"  # its requests and pauses are its own, apart from Yahoo's quotes

    def __init__(self, rss_url: str) -> None:
        self.base_url = rss_url.rstrip("/")

    async def headlines(self, client: MarketClient, symbol: str) -> list[Headline]:
        response = await client.get(self.name, rss_url(self.base_url, symbol), symbol=symbol)
        raise_for_status(response, self.name, symbol)
        from ..reading.feeds import parse_rss  # XML and e-mail dates: with the first feed read

        return parse_rss(response.content)
