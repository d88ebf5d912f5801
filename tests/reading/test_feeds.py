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
        "tag:ir.example.com,2026:news/1",
        "https://ir.example.com/news/1",
        "Astera Labs & partners ship NPO",
        "First line.\nSecond line.",
        dt.datetime(2026, 11, 4, 21, 5, tzinfo=dt.UTC),
    )
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
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{levels}]><rss><channel><item>'
        "<title>&l9;</title></item></channel></rss>"
    )
    started = time.process_time()
    with pytest.raises(NewsFormatError, match="declares a document type"):
        parse_feed(bomb.encode())
    assert time.process_time() - started < 1.0


def test_a_feed_of_a_hundred_thousand_items_gives_its_first_hundred():
    items = "".join(f"<item><guid>g{n}</guid><title>t{n}</title></item>" for n in range(10**5))
    found = parse_feed(f'<rss version="2.0"><channel>{items}</channel></rss>'.encode())
    assert len(found) == MAX_ITEMS == 100
    assert found[-1].guid == "g99"


RSS_1_0 = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://www.example.gov/news.rdf">
    <title>Agency news</title><link>https://www.example.gov/</link>
    <description>Releases</description>
    <items><rdf:Seq><rdf:li rdf:resource="https://www.example.gov/news/1"/>
      <rdf:li rdf:resource="https://www.example.gov/news/2"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://www.example.gov/news/1">
    <title>Agency approves &lt;i&gt;Widget&lt;/i&gt;</title>
    <link>https://www.example.gov/news/1</link>
    <description>The agency approved the widget today.</description>
    <dc:date>2026-11-04T16:05:00-05:00</dc:date>
  </item>
  <item rdf:about="https://www.example.gov/news/2">
    <title>Holiday hours</title>
    <link>/news/2</link>
    <dc:date>2026-11-03</dc:date>
  </item>
</rdf:RDF>"""


def test_an_rss_1_0_feed_gives_each_item_with_its_about_link_and_date():
    """RSS 1.0 (RDF): the items stand beside the channel, keyed by rdf:about, dated by dc:date
    in W3C-DTF (a day alone is its midnight in UTC); a relative link on the feed's address."""
    first, second = parse_feed(RSS_1_0.encode(), "https://www.example.gov/news.rdf")
    assert first == Headline(
        "https://www.example.gov/news/1",
        "https://www.example.gov/news/1",
        "Agency approves Widget",
        "The agency approved the widget today.",
        dt.datetime(2026, 11, 4, 21, 5, tzinfo=dt.UTC),
    )
    assert second.link == "https://www.example.gov/news/2"
    assert second.published == dt.datetime(2026, 11, 3, tzinfo=dt.UTC)


def test_relative_atom_links_are_resolved_against_xml_base_then_the_feeds_address():
    """RFC 4287 section 1.2 (RFC 3986 resolution): a link's own xml:base, its entry's, the
    feed's, each on the one around it, and under all of them the address the feed was read
    from."""
    body = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/ir/">
  <id>tag:ir.example.com,2026:news</id><title>News</title><updated>2026-11-04T21:05:00Z</updated>
  <entry><id>a</id><title>On the feed's base</title><link href="news/1"/></entry>
  <entry xml:base="https://cdn.example.net/releases/"><id>b</id><title>Entry's base</title>
    <link rel="alternate" href="2026/q3.html"/></entry>
  <entry><id>c</id><title>Link's base</title>
    <link xml:base="../press/" href="3?x=1"/></entry>
  <entry><id>d</id><title>Absolute</title><link href="https://other.example.org/4"/></entry>
</feed>"""
    items = parse_feed(body.encode(), "https://ir.example.com/feeds/news.atom")
    assert [i.link for i in items] == [
        "https://ir.example.com/ir/news/1",
        "https://cdn.example.net/releases/2026/q3.html",
        "https://ir.example.com/press/3?x=1",
        "https://other.example.org/4",
    ]


ENTITY_FEED = """<?xml version="1.0" encoding="{encoding}"?>
<!DOCTYPE rss [<!ENTITY x "expanded">]>
<rss version="2.0"><channel><item><guid>g</guid><title>&x;</title></item></channel></rss>"""
PLAIN_FEED = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0"><channel><item><guid>g</guid><title>Zürich résumé</title></item>
</channel></rss>"""
ENCODINGS = [  # (declared, codec, byte order mark)
    ("UTF-16", "utf-16-le", "\ufeff"),
    ("UTF-16", "utf-16-be", "\ufeff"),
    ("UTF-16", "utf-16-le", ""),
    ("UTF-16", "utf-16-be", ""),
    ("UTF-32", "utf-32-le", "\ufeff"),
    ("UTF-32", "utf-32-be", "\ufeff"),
    ("UTF-32", "utf-32-le", ""),
    ("UTF-32", "utf-32-be", ""),
    ("UTF-8", "utf-8", "\ufeff"),
    ("ISO-8859-1", "latin-1", ""),
]


@pytest.mark.parametrize(("declared", "codec", "mark"), ENCODINGS)
def test_a_doctype_is_refused_in_every_encoding_xml_allows(declared, codec, mark):
    """Refused by what the XML says, not by its bytes: a DOCTYPE in UTF-16 or UTF-32 has none
    of the bytes `<!DOCTYPE` in ASCII, and is refused all the same (no entity expanded)."""
    body = (mark + ENTITY_FEED.format(encoding=declared)).encode(codec)
    with pytest.raises(NewsFormatError, match="declares a document type"):
        parse_feed(body)


@pytest.mark.parametrize(("declared", "codec", "mark"), ENCODINGS)
def test_a_feed_is_read_in_every_encoding_xml_allows(declared, codec, mark):
    body = (mark + PLAIN_FEED.format(encoding=declared)).encode(codec)
    [item] = parse_feed(body)
    assert (item.guid, item.title) == ("g", "Zürich résumé")


def test_a_bomb_in_utf_32_is_refused_at_once_and_nothing_is_expanded():
    """Billion laughs in UTF-32 (no ASCII `<!DOCTYPE` in its bytes): refused at its
    declaration; the text a feed gives is never more than the body holds."""
    levels = "".join(
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' if n else '<!ENTITY l0 "lol">' for n in range(10)
    )
    bomb = (
        f'<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE rss [{levels}]><rss><channel>'
        "<item><guid>g</guid><title>&l9;</title></item></channel></rss>"
    )
    started = time.process_time()
    with pytest.raises(NewsFormatError, match="declares a document type"):
        parse_feed(("\ufeff" + bomb).encode("utf-32-le"))
    assert time.process_time() - started < 1.0
    escaped = "&amp;amp;" * 1000  # entities of XML's own: decoded, never grown
    body = (
        f'<rss version="2.0"><channel><item><guid>g</guid><title>{escaped}</title>'
        "</item></channel></rss>"
    )
    [item] = parse_feed(body.encode())
    assert item.title == "&" * 1000


def test_a_feed_given_as_text_is_read_whatever_encoding_it_declared():
    """Text decoded already (a byte order mark kept, ISO-8859-1 declared): read as the text
    it is, not its UTF-8 bytes read again as Latin-1."""
    text = "\ufeff" + PLAIN_FEED.format(encoding="ISO-8859-1")
    [item] = parse_feed(text)
    assert item.title == "Zürich résumé"


def test_plain_text_grows_linearly_on_any_repeated_markup():
    """An item's title and summary are made plain text: tags dropped, entities decoded. A run of
    "<" with no ">" was read to its end from each "<" (quadratic); each piece of markup now
    costs what its length does (the size-doubling law, over any repeated piece)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from catalyst_tui.reading.feeds import plain_text
    from tests.support.growth import assert_linear

    pieces = st.sampled_from(["<", ">", "<a ", "&amp;", "&", "x", " ", "</p>", "&#"])

    @settings(max_examples=10)
    @given(st.lists(pieces, min_size=1, max_size=5).map("".join))
    def law(piece: str) -> None:
        assert_linear(lambda n: piece * (n // len(piece)), plain_text, 20_000)

    law()
    assert plain_text("<b>Q3</b> &amp; <i>results") == "Q3 & results"
