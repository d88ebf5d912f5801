"""News feeds to headlines: RSS 2.0 and Atom bodies read into `Headline` records, pure.

Yahoo's headline feed (market/news.py fetches it) is RSS 2.0 in UTF-8: each item has description,
`guid isPermaLink="false"`, link, `pubDate` in RFC 822, title. A ticker's own feeds
(market/feed_reader.py fetches them) are RSS 2.0 or Atom (`<feed xmlns="http://www.w3.org/2005/
Atom"><entry>`, as SEC EDGAR's company feed and most newswires write it): `id` (else the link) as
the key, the `alternate` link (else the first with an href), `title`, `summary` (else `content`)
as text, `published` (else `updated`) in RFC 3339. At most MAX_ITEMS items, the feed's first.

A body with a DOCTYPE or ENTITY declaration is refused before it is parsed: no entity is ever
expanded (billion laughs, external entities); anything that is not XML is a NewsFormatError.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import NamedTuple

from .errors import FormatError
from .moments import plausible_moment

__all__ = [
    "MAX_ITEMS",
    "Headline",
    "NewsFormatError",
    "feed_root",
    "parse_feed",
    "parse_rss",
    "plain_text",
    "rss_items",
]

MAX_ITEMS = 100  # items read of one feed: a real one has 10 to 50
_ATOM = "{http://www.w3.org/2005/Atom}"

# A document type declaration is where entities are declared (billion laughs, external
# entities); an RSS feed needs none, so a body with one is refused before it is parsed.
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


class Headline(NamedTuple):
    """One item of a headline feed."""

    guid: str  # the item's guid, else its link
    link: str
    title: str
    summary: str  # the item's description, as text
    published: datetime | None  # aware, from pubDate


class NewsFormatError(FormatError):
    """A body that is not an RSS 2.0 or Atom feed (an HTML page, junk, a declared document
    type)."""


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
