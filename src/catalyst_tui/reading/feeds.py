"""News feeds to headlines: RSS 2.0, RSS 1.0 and Atom bodies read into `Headline` records, pure.

Yahoo's headline feed (market/news.py fetches it) is RSS 2.0 in UTF-8: each item has description,
`guid isPermaLink="false"`, link, `pubDate` in RFC 822, title. A ticker's own feeds
(market/feed_reader.py fetches them) are RSS 2.0, RSS 1.0 (`<rdf:RDF>` with its items beside
the channel: `rdf:about` as the key, `link`, `title`, `description`, `dc:date` in W3C-DTF, as
agencies and many projects still publish it; RSS 0.90 alike) or Atom (`<feed xmlns="http://
www.w3.org/2005/Atom"><entry>`, as SEC EDGAR's company feed and most newswires write it): `id`
(else the link) as the key, the `alternate` link (else the first with an href), `title`,
`summary` (else `content`) as text, `published` (else `updated`) in RFC 3339. An Atom link is
resolved as RFC 4287 says: against the `xml:base` of the link, its entry and the feed, then the
feed's own address; an RSS link against the feed's address. At most MAX_ITEMS items, the
feed's first.

The XML is parsed by reading/safe_xml.py: a DOCTYPE or ENTITY declaration is refused in any
encoding, so no entity is ever expanded (billion laughs, external entities); anything that is
not XML is a NewsFormatError.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from .errors import FormatError
from .headline import Headline
from .moments import plausible_moment
from .safe_xml import DeclaresType, NotXml, xml_root

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

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
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_RSS1 = ("{http://purl.org/rss/1.0/}", "{http://my.netscape.com/rdf/simple/0.9/}")  # 1.0, 0.90
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_TAG = re.compile(r"<[^<>]*>")  # a tag ends at its > or before the next <: linear


class NewsFormatError(FormatError):
    """A body that is not an RSS or Atom feed (an HTML page, junk, a declared document type)."""


def parse_feed(body: bytes | str, url: str = "") -> list[Headline]:
    """The items of an RSS 2.0, RSS 1.0 or Atom feed, in the feed's order, at most MAX_ITEMS;
    title and summary as plain text (tags dropped, entities decoded, whitespace collapsed);
    links resolved against `url`, the feed's address (an Atom entry's `xml:base` first); an
    item with neither key nor link skipped, one without a link has "" for it; an unreadable or
    implausible date None. NewsFormatError for a body that is none of them (or declares a
    document type, or is not XML)."""
    root = feed_root(body)
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise NewsFormatError("feed body has no <channel>")
        return rss_items(channel, url)[:MAX_ITEMS]
    if root.tag == f"{_ATOM}feed":
        return _atom_entries(root, url)
    if root.tag == f"{_RDF}RDF":
        return _rdf_items(root, url)
    name = root.tag.rpartition("}")[2]
    raise NewsFormatError(
        f"feed body is <{name}>, neither RSS (<rss>, <rdf:RDF>) nor Atom (<feed>)"
    )


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
    """The root element of a feed's body, in any encoding XML allows. NewsFormatError for a
    body with a DOCTYPE or ENTITY declaration (so no entity is ever expanded: billion laughs,
    external entities) or one that is not XML."""
    try:
        return xml_root(body)
    except DeclaresType as why:
        raise NewsFormatError(
            f"feed body declares a document type or an entity ({why}): refused"
        ) from None
    except NotXml as why:
        raise NewsFormatError(f"feed body is not XML: {why}") from None


def rss_items(channel: ET.Element, url: str = "") -> list[Headline]:
    """The items of an RSS 2.0 channel, in its order (an item without guid or link skipped),
    their links resolved against `url`."""
    headlines = []
    for item in channel.iter("item"):
        link = _resolved(url, plain_text(item.findtext("link")))
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


def _resolved(base: str, link: str) -> str:
    """`link` resolved against `base` (RFC 3986); as it is when either is empty."""
    return urljoin(base, link) if base and link else link


def _rdf_items(root: ET.Element, url: str) -> list[Headline]:
    """The items of an RSS 1.0 (or 0.90) document: `<item rdf:about>` beside the channel."""
    out: list[Headline] = []
    for ns in _RSS1:
        for item in root.iter(f"{ns}item"):
            if len(out) >= MAX_ITEMS:
                return out
            link = _resolved(url, plain_text(item.findtext(f"{ns}link")))
            key = plain_text(item.get(f"{_RDF}about")) or link
            if not key:
                continue
            date = item.findtext(_DC_DATE)
            out.append(
                Headline(
                    guid=key,
                    link=link,
                    title=plain_text(item.findtext(f"{ns}title")),
                    summary=plain_text(item.findtext(f"{ns}description")),
                    published=_rfc3339(date) if date and "T" in date else _day(date),
                )
            )
    return out


def _day(raw: str | None) -> datetime | None:
    """A W3C-DTF date without a time (`2026-11-04`): its midnight in UTC."""
    try:
        day = dt.date.fromisoformat((raw or "").strip())
    except ValueError:
        return None
    when = datetime.combine(day, dt.time(0), UTC)
    return when if plausible_moment(when) else None


def _atom_entries(root: ET.Element, url: str) -> list[Headline]:
    out: list[Headline] = []
    feed_base = _resolved(url, root.get(_BASE, "")) or url
    for entry in root.iter(f"{_ATOM}entry"):
        if len(out) >= MAX_ITEMS:
            break
        link = _atom_link(entry, _resolved(feed_base, entry.get(_BASE, "")) or feed_base)
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


def _atom_link(entry: ET.Element, base: str) -> str:
    """The entry's alternate link (else its first), resolved against `base` (the entry's and
    the feed's `xml:base` on the feed's address) and its own `xml:base`."""
    links = [e for e in entry.findall(f"{_ATOM}link") if e.get("href")]
    chosen = next((e for e in links if e.get("rel", "alternate") == "alternate"), None)
    chosen = chosen if chosen is not None else (links[0] if links else None)
    if chosen is None:
        return ""
    own = _resolved(base, chosen.get(_BASE, "")) or base
    return _resolved(own, plain_text(chosen.get("href")))


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
