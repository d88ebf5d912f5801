"""Yahoo's RSS headline feed, on the real answer read in place from
../shared/samples/yahoo_rss_headline_TSLA_2025-07-26.xml, and on everything that is not RSS."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.support.shared import SAMPLES

from catalyst_tui.market.news import rss_url
from catalyst_tui.reading.feeds import Headline, NewsFormatError, parse_rss

FEED = SAMPLES / "yahoo_rss_headline_TSLA_2025-07-26.xml"


def test_the_tesla_feed() -> None:
    body = FEED.read_bytes()
    headlines = parse_rss(body)
    assert len(headlines) == body.count(b"<item>") == 20
    assert headlines[0] == Headline(
        guid="4b2588dd-dc6f-3d71-84e0-de1ef9da2e48",
        link="https://www.fool.com/investing/2025/07/26/ev-stock-that-will-be-worth-more-than-lucid/"
        "?.tsrc=rss",
        title="Prediction: 1 EV Stock That Will Be Worth More Than Lucid 1 Year From Now",
        summary="Archer Aviation might have a brighter future than the struggling luxury EV maker.",
        published=datetime(2025, 7, 26, 11, 30, tzinfo=UTC),
    )
    last = headlines[-1]
    assert last.title == "As Tesla Stock Sank On Earnings, Cathie Wood Loaded Up"
    assert last.published == datetime(2025, 7, 25, 20, 8, 36, tzinfo=UTC)
    # in the feed's order, which is newest first here
    published = [h.published for h in headlines]
    assert all(p is not None for p in published)
    assert published == sorted(published, reverse=True)  # type: ignore[type-var]
    assert len({h.guid for h in headlines}) == 20
    # the file's "S&amp;P" is "S&P" in the text, and no entity or tag is left anywhere
    assert b"S&amp;P" in body
    assert any("S&P" in h.title or "S&P" in h.summary for h in headlines)
    for h in headlines:
        for text in (h.title, h.summary):
            assert not re.search(r"&[#a-z0-9]+;|<[a-z/]", text, re.IGNORECASE)
            assert text == " ".join(text.split())
        assert h.link.endswith("?.tsrc=rss")
    # summaries with two spaces between sentences come back with one
    assert "  " in body.decode() and not any("  " in h.summary for h in headlines)


def test_the_feed_as_str() -> None:
    assert parse_rss(FEED.read_text(encoding="utf-8")) == parse_rss(FEED.read_bytes())


def test_rss_url() -> None:
    base = "https://feeds.finance.yahoo.com"
    assert rss_url(base, "TSLA") == f"{base}/rss/2.0/headline?s=TSLA&region=US&lang=en-US"
    assert rss_url(base + "/", "BRK-B") == f"{base}/rss/2.0/headline?s=BRK-B&region=US&lang=en-US"
    assert rss_url(base, "^GSPC").endswith("?s=%5EGSPC&region=US&lang=en-US")
    assert rss_url(base, "A&B=C").endswith("?s=A%26B%3DC&region=US&lang=en-US")


def item(**fields: str) -> str:
    inner = "".join(f"<{k}>{v}</{k}>" for k, v in fields.items())
    return f'<?xml version="1.0"?><rss version="2.0"><channel><item>{inner}</item></channel></rss>'


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"link": "https://x/1", "title": "T"},
            Headline("https://x/1", "https://x/1", "T", "", None),
        ),  # guid falls back to the link
        ({"guid": "g", "title": "T"}, Headline("g", "", "T", "", None)),
        (
            {
                "guid": "g",
                "title": "&lt;b&gt;Big&lt;/b&gt; news &amp;amp; more",
                "description": "&lt;p&gt;One&lt;br/&gt;two&lt;/p&gt;",
            },
            Headline("g", "", "Big news & more", "One two", None),
        ),
        (
            {"guid": "g", "pubDate": "Fri, 25 Jul 2025 16:08:36 -0400"},
            Headline(
                "g",
                "",
                "",
                "",
                datetime(2025, 7, 25, 16, 8, 36, tzinfo=timezone(timedelta(hours=-4))),
            ),
        ),
        (
            {"guid": "g", "pubDate": "Fri, 25 Jul 2025 20:08:36 GMT"},
            Headline("g", "", "", "", datetime(2025, 7, 25, 20, 8, 36, tzinfo=UTC)),
        ),
        (
            {"guid": "g", "pubDate": "Fri, 25 Jul 2025 20:08:36 -0000"},
            Headline("g", "", "", "", datetime(2025, 7, 25, 20, 8, 36, tzinfo=UTC)),
        ),
        ({"guid": "g", "pubDate": "yesterday"}, Headline("g", "", "", "", None)),
        (
            {"guid": "g", "pubDate": "Fri, 99 Jul 2025 20:08:36 +0000"},
            Headline("g", "", "", "", None),
        ),
        (
            {"guid": "  g  ", "title": "  spaced\n  out  "},
            Headline("g", "", "spaced out", "", None),
        ),
    ],
)
def test_items(fields: dict[str, str], expected: Headline) -> None:
    assert parse_rss(item(**fields)) == [expected]


def test_items_without_link_and_guid_are_skipped() -> None:
    assert parse_rss(item(title="no link", description="none")) == []
    assert parse_rss(item(guid="", link=" ", title="blank")) == []
    empty = '<rss version="2.0"><channel><title>x</title></channel></rss>'
    assert parse_rss(empty) == []


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><item><guid>&lol2;</guid></item></channel></rss>"""
EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><guid>&xxe;</guid></item></channel></rss>"""


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        (BOMB, "document type"),
        (EXTERNAL, "document type"),
        (
            b"<!doctype html><html><head><title>Yahoo</title></head><body>Oops</body></html>",
            "an HTML page",
        ),
        (b"<html><body><p>Will be right back...</p></body></html>", "not <rss>"),
        (b"<html><body><p>Too Many Requests<br></p></body></html>", "not XML"),
        (FEED.read_bytes()[:4000], "not XML"),  # truncated
        (b"", "not XML"),
        (b"Too Many Requests", "not XML"),
        (b'{"error": "not found"}', "not XML"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', "not <rss>"),
        (b'<rss version="2.0"><item><guid>g</guid></item></rss>', "no <channel>"),
        (b"\xff\xfe\x00<\x00r", "not XML"),
    ],
)
def test_bodies_that_are_not_rss(body: bytes, complaint: str) -> None:
    with pytest.raises(NewsFormatError, match=complaint):
        parse_rss(body)


def test_not_bytes_or_str() -> None:
    with pytest.raises(NewsFormatError):
        parse_rss(None)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_junk_raises_news_format_error_or_parses(body: bytes | str) -> None:
    try:
        headlines = parse_rss(body)
    except NewsFormatError:
        return
    assert all(isinstance(h, Headline) for h in headlines)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_any_title_comes_back_as_text(title: str) -> None:
    element = ET.Element("title")
    element.text = title
    body = item(guid="g").replace("<guid>", ET.tostring(element, encoding="unicode") + "<guid>")
    [headline] = parse_rss(body)
    assert headline.title == " ".join(headline.title.split())
    assert "<" not in headline.title or ">" not in headline.title.split("<", 1)[1]
