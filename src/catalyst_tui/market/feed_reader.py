"""A news feed's items, RSS 2.0 or Atom, and the pages they link to: the "feeds" provider's
source (its spec is market/feeds.py). The parsing is pure.

The body is parsed by market/news.py's `feed_root`, which refuses any DOCTYPE or ENTITY
declaration before ElementTree sees it: no entity is ever expanded (billion laughs, external
entities), and anything that is not XML is a NewsFormatError. RSS 2.0 (`<rss><channel><item>`)
is read as Yahoo's feed is (news.py `rss_items`). Atom (`<feed xmlns="http://www.w3.org/2005/
Atom"><entry>`, as SEC EDGAR's company feed and most newswires write it): `id` (else the link)
as the key, the `alternate` link (else the first with an href), `title`, `summary` (else
`content`) as text, `published` (else `updated`) in RFC 3339. At most MAX_ITEMS items, the
feed's first (feeds put the newest first).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from .bounds import plausible_moment
from .http.errors import raise_for_status
from .models import Headline
from .news import NewsFormatError, feed_root, plain_text, rss_items
from .provider import FeedSource

if TYPE_CHECKING:
    from .http.client import MarketClient

__all__ = ["MAX_ITEMS", "FeedReader", "NewsFormatError", "parse_feed"]

MAX_ITEMS = 100  # items read of one feed: a real one has 10 to 50
_ATOM = "{http://www.w3.org/2005/Atom}"


def parse_feed(body: bytes | str) -> list[Headline]:
    """The items of an RSS 2.0 or Atom feed, in the feed's order, at most MAX_ITEMS; title and
    summary as plain text (tags dropped, entities decoded, whitespace collapsed); an item with
    neither key nor link skipped; an unreadable or implausible date None. NewsFormatError for
    a body that is neither (or declares a document type, or is not XML)."""
    root = feed_root(body)
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise NewsFormatError("feed body has no <channel>")
        return rss_items(channel)[:MAX_ITEMS]
    if root.tag == f"{_ATOM}feed":
        return _atom_entries(root)
    name = root.tag.rpartition("}")[2]
    raise NewsFormatError(f"feed body is <{name}>, neither RSS (<rss>) nor Atom (<feed>)")


def _atom_entries(root: ET.Element) -> list[Headline]:
    out: list[Headline] = []
    for entry in root.iter(f"{_ATOM}entry"):
        if len(out) >= MAX_ITEMS:
            break
        link = _atom_link(entry)
        key = plain_text(entry.findtext(f"{_ATOM}id")) or link
        if not key:
            continue
        summary = entry.find(f"{_ATOM}summary")
        if summary is None:
            summary = entry.find(f"{_ATOM}content")
        published = entry.findtext(f"{_ATOM}published") or entry.findtext(f"{_ATOM}updated")
        out.append(
            Headline(
                guid=key,
                link=link,
                title=plain_text(entry.findtext(f"{_ATOM}title")),
                summary=_text_of(summary),
                published=_rfc3339(published),
            )
        )
    return out


def _atom_link(entry: ET.Element) -> str:
    links = [e for e in entry.findall(f"{_ATOM}link") if e.get("href")]
    chosen = next((e for e in links if e.get("rel", "alternate") == "alternate"), None)
    chosen = chosen if chosen is not None else (links[0] if links else None)
    return plain_text(chosen.get("href")) if chosen is not None else ""


def _text_of(element: ET.Element | None) -> str:
    """An Atom text construct as plain text: its text (escaped HTML decoded), or the text of
    the elements it holds (`type="xhtml"`, SEC's `text/xml` content), one block a line."""
    if element is None:
        return ""
    if len(element) == 0:
        return plain_text(element.text)
    parts = (plain_text(text) for text in element.itertext())
    return "\n".join(part for part in parts if part)


def _rfc3339(raw: str | None) -> dt.datetime | None:
    if not raw or not raw.strip():
        return None
    text = raw.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    when = when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
    return when if plausible_moment(when) else None


class FeedReader(FeedSource):
    """Any RSS 2.0 or Atom feed, and the pages its items link to, keyless."""

    name = "feeds"
    base_url = ""  # the feeds are the tickers'

    async def items(self, client: MarketClient, url: str, symbol: str) -> list[Headline]:
        response = await client.get(self.name, url, symbol=symbol)
        raise_for_status(response, self.name, symbol)
        return parse_feed(response.content)

    async def page(self, client: MarketClient, url: str, symbol: str) -> bytes:
        response = await client.get(self.name, url, symbol=symbol)
        raise_for_status(response, self.name, symbol)
        return response.content
