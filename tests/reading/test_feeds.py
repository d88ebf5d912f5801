"""A ticker's feeds read by the feeds provider's parser: RSS 2.0 (Yahoo's recorded feed) and
Atom (SEC EDGAR's recorded company feed), both read in place from ../shared/samples, an Atom
feed written as investor-relations sites write one; and what is no feed at all: a page, junk,
an XML bomb, another XML document, a feed of a hundred thousand items (as much as 8 MiB holds)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from catalyst_tui.market.models import Headline
from catalyst_tui.reading.feeds import MAX_ITEMS, NewsFormatError, parse_feed
from tests.support.shared import SAMPLES

EDGAR = SAMPLES / "sec_browse-edgar_getcompany_atom_CIK0001418091-TWTR_2016-03-03.xml"
YAHOO = SAMPLES / "yahoo_rss_headline_TSLA_2025-07-26.xml"
EASTERN_STANDARD = dt.timezone(dt.timedelta(hours=-5))


def test_sec_edgars_company_atom_feed_gives_each_filing_with_its_link_and_time():
    body = EDGAR.read_bytes()
    items = parse_feed(body)  # declared ISO-8859-1, as SEC serves it
    assert len(items) == body.count(b"<entry>") == 40
    assert items[0] == Headline(
        guid="urn:tag:sec.gov,2008:accession-number=0001564590-16-013773",
        link="http://www.sec.gov/Archives/edgar/data/1418091/000156459016013773/"
        "0001564590-16-013773-index.htm",
        title="S-8 - Securities to be offered to employees in employee benefit plans",
        summary="Filed: 2016-03-01 AccNo: 0001564590-16-013773 Size: 146 KB",  # HTML decoded
        published=dt.datetime(2016, 3, 1, 6, 2, 42, tzinfo=EASTERN_STANDARD),  # its <updated>
    )
    assert sum(i.title.startswith("8-K ") for i in items) == body.count(b'term="8-K"')


def test_yahoos_rss_feed_reads_as_the_headline_source_reads_it():
    items = parse_feed(YAHOO.read_bytes())
    assert len(items) == 20
    assert items[0].guid == "4b2588dd-dc6f-3d71-84e0-de1ef9da2e48"
    assert items[0].published == dt.datetime(2025, 7, 26, 11, 30, tzinfo=dt.UTC)


def test_an_atom_entry_takes_its_alternate_link_its_summary_or_content_and_its_published_time():
    body = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>tag:ir.example.com,2026:news</id><title>News</title><updated>2026-11-04T21:05:00Z</updated>
  <entry>
    <id>tag:ir.example.com,2026:news/1</id>
    <title type="html">Astera Labs &amp;amp; partners ship &lt;b&gt;NPO&lt;/b&gt;</title>
    <link rel="enclosure" href="https://ir.example.com/1.pdf"/>
    <link rel="alternate" href="https://ir.example.com/news/1"/>
    <published>2026-11-04T16:05:00-05:00</published>
    <updated>2026-11-05T09:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First line.</p>
      <p>Second line.</p></div></content>
  </entry>
  <entry><link href="https://ir.example.com/news/2"/><title>Only a link</title>
    <updated>9999-12-31T00:00:00Z</updated></entry>
  <entry><title>Neither id nor link</title></entry>
</feed>"""
    first, second = parse_feed(body)
    assert first == Headline(
        "tag:ir.example.com,2026:news/1", "https://ir.example.com/news/1",
        "Astera Labs & partners ship NPO", "First line.\nSecond line.",
        dt.datetime(2026, 11, 4, 21, 5, tzinfo=dt.UTC),
    )  # fmt: skip
    assert second.guid == second.link == "https://ir.example.com/news/2"
    assert second.published is None  # no clock shows the year 9999 yet


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (b"<!DOCTYPE html><html><body>Sign in</body></html>", "declares a document type"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is not XML"),
        (b"", "is not XML"),
        (b'<?xml version="1.0"?><html><body/></html>', "is <html>, neither RSS"),
        (b'<rss version="2.0"><item/></rss>', "has no <channel>"),
    ],
)
def test_what_is_no_feed_is_said_in_one_sentence(body, said):
    with pytest.raises(NewsFormatError, match=said):
        parse_feed(body)


def test_an_xml_bomb_is_refused_before_any_entity_is_expanded():
    """Billion laughs: ten levels of ten references, a gigabyte once expanded. Refused at its
    declaration, at once (the time is the process's CPU, against a generous bound)."""
    levels = "".join(
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' if n else '<!ENTITY l0 "lol">' for n in range(10)
    )
    bomb = f'<?xml version="1.0"?><!DOCTYPE rss [{levels}]><rss><channel><item>' \
           "<title>&l9;</title></item></channel></rss>"  # fmt: skip
    started = time.process_time()
    with pytest.raises(NewsFormatError, match="declares a document type"):
        parse_feed(bomb.encode())
    assert time.process_time() - started < 1.0


def test_a_feed_of_a_hundred_thousand_items_gives_its_first_hundred():
    items = "".join(f"<item><guid>g{n}</guid><title>t{n}</title></item>" for n in range(10**5))
    found = parse_feed(f'<rss version="2.0"><channel>{items}</channel></rss>'.encode())
    assert len(found) == MAX_ITEMS == 100
    assert found[-1].guid == "g99"
