"""Yahoo Finance's RSS headline feed: the latest headlines for one symbol, asked as "news" (its
spec is in market/yahoo/__init__.py: the feed's URL is in [providers.yahoo]).

The parsing is pure.
`https://feeds.finance.yahoo.com/rss/2.0/headline?s=TSLA&region=US&lang=en-US` is RSS 2.0 in
UTF-8: the channel's children in alphabetical order (copyright, description, image, the items,
language, lastBuildDate, link, title); each item has description, `guid isPermaLink="false"` (a
UUID), link (ending `?.tsrc=rss`, often another site), `pubDate` in RFC 822 with `+0000`, title;
about 20 items, not all about the symbol. The edge can answer 404, 429,
or an HTML page with 200: anything that is not RSS is a NewsFormatError.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import quote

from .bounds import plausible_moment
from .http.errors import raise_for_status
from .models import FormatError, Headline
from .provider import NewsSource

if TYPE_CHECKING:
    from .http.client import MarketClient

__all__ = [
    "Headline",
    "NewsFormatError",
    "YahooHeadlines",
    "feed_root",
    "parse_rss",
    "plain_text",
    "rss_items",
    "rss_url",
]

# A document type declaration is where entities are declared (billion laughs, external
# entities); an RSS feed needs none, so a body with one is refused before it is parsed.
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


class NewsFormatError(FormatError):
    """A body that is not an RSS 2.0 feed (an HTML page, junk, a declared document type)."""


def rss_url(base: str, symbol: str) -> str:
    """The headline feed of `symbol` ("https://feeds.finance.yahoo.com" as `base`)."""
    return f"{base.rstrip('/')}/rss/2.0/headline?s={quote(symbol)}&region=US&lang=en-US"


def parse_rss(body: bytes | str) -> list[Headline]:
    """The items of the feed's channel, in the feed's order.

    Title and summary are plain text: any HTML tags dropped, entities (`&amp;amp;` escaped twice
    included) decoded, whitespace collapsed. The guid falls back to the link; an item with
    neither is skipped; an unreadable pubDate is None, and so is one no clock shows yet (after
    tomorrow, the year 9999) or before 1970: one item's date spoils that date alone. Raises
    NewsFormatError for a body with a DOCTYPE or ENTITY declaration, one that is not XML, or
    XML that is not `<rss><channel>`.
    """
    root = feed_root(body)
    if root.tag != "rss":
        raise NewsFormatError(f"feed body is <{root.tag}>, not <rss>")
    channel = root.find("channel")
    if channel is None:
        raise NewsFormatError("feed body has no <channel>")
    return rss_items(channel)


def feed_root(body: bytes | str) -> ET.Element:
    """The root element of a feed's body (market/feed_reader.py reads Atom from it too).
    NewsFormatError for a body with a DOCTYPE or ENTITY declaration (so no entity is ever
    expanded: billion laughs, external entities) or one that is not XML."""
    if isinstance(body, str):
        raw = body.encode("utf-8")
    elif isinstance(body, bytes | bytearray):
        raw = bytes(body)
    else:
        raise NewsFormatError(f"feed body must be bytes or str, not {type(body).__name__}")
    if _DECLARATION.search(raw):
        raise NewsFormatError("feed body declares a document type (an HTML page?): refused")
    if isinstance(body, str):  # ElementTree refuses a str that declares an encoding
        raw = re.sub(rb"^\s*<\?xml[^>]*\?>", b"", raw)
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        start = " ".join(raw[:60].decode("utf-8", errors="replace").split())
        raise NewsFormatError(f"feed body is not XML ({exc}): {start!r}") from None


def rss_items(channel: ET.Element) -> list[Headline]:
    """The items of an RSS 2.0 channel, in its order (an item without guid or link skipped)."""
    headlines = []
    for item in channel.iter("item"):
        link = plain_text(item.findtext("link"))
        guid = plain_text(item.findtext("guid")) or link
        if not guid:
            continue
        headlines.append(
            Headline(
                guid=guid,
                link=link,
                title=plain_text(item.findtext("title")),
                summary=plain_text(item.findtext("description")),
                published=_published(item.findtext("pubDate")),
            )
        )
    return headlines


def plain_text(text: str | None) -> str:
    if not text:
        return ""
    for _ in range(2):  # a title escaped twice shows "&amp;" once decoded: decode again
        if "<" not in text and "&" not in text:
            break
        text = html.unescape(_TAG.sub(" ", text))
    return " ".join(text.split())


def _published(raw: str | None) -> datetime | None:
    if not raw or not raw.strip():
        return None
    try:
        when = parsedate_to_datetime(raw.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    when = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    return when if plausible_moment(when) else None


class YahooHeadlines(NewsSource):
    """The headline feed of one symbol, keyless."""

    name = "news"  # its requests and pauses are its own, apart from Yahoo's quotes

    def __init__(self, rss_url: str) -> None:
        self.base_url = rss_url.rstrip("/")

    async def headlines(self, client: MarketClient, symbol: str) -> list[Headline]:
        response = await client.get(self.name, rss_url(self.base_url, symbol), symbol=symbol)
        raise_for_status(response, self.name, symbol)
        return parse_rss(response.content)
