"""EDGAR's current-filings feed as the fast watch reads it (market/sec/watch.py), from the
loopback EDGAR: an entry is taken only when its link is in the folder of the CIK its title
names; one titled for one company and filed in another's folder is logged and skipped."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from tests.support.filings_server import CIKS, FilingsServer

from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.sec.watch import CurrentFilings

UA = "Catalyst Tests tests@example.com"
AWAITED = {"ALAB": f"{CIKS['ALAB']:010d}", "NVDA": f"{CIKS['NVDA']:010d}"}


def feed(*entries: tuple[str, int, str]) -> bytes:
    """A current-filings Atom of 8-Ks with items 2.02 and 9.01: (title's company, title's CIK,
    the CIK folder its link is in) each."""
    rows = []
    for n, (name, cik, folder) in enumerate(entries, start=1):
        accession = f"0001193125-26-{n:06d}"
        link = f"https://www.sec.gov/Archives/edgar/data/{folder}/{accession.replace('-', '')}/"
        rows.append(
            f"<entry><title>8-K - {name} ({cik:010d}) (Filer)</title>"
            f'<link rel="alternate" type="text/html" href="{link}{accession}-index.htm"/>'
            f'<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2026-11-03 &lt;b&gt;AccNo:&lt;/b&gt;'
            f" {accession} &lt;br&gt;Item 2.02: Results of Operations and Financial Condition"
            f" &lt;br&gt;Item 9.01: Financial Statements and Exhibits</summary>"
            f"<updated>2026-11-03T16:05:00-05:00</updated>"
            f"<id>urn:tag:sec.gov,2008:accession-number={accession}</id></entry>"
        )
    return (
        '<?xml version="1.0" encoding="ISO-8859-1" ?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Latest Filings</title>{''.join(rows)}</feed>"
    ).encode()


def test_an_entry_filed_in_another_companys_folder_is_logged_and_skipped(caplog):
    """ALAB's title (CIK 1736297) over a link into NVIDIA's folder (CIK 1045810): once stored
    as ALAB's 8-K with items 2.02 and 9.01 (and ALAB no longer awaited). Now nothing is taken
    of it, the log says why; a true entry beside it is taken."""

    async def asks(sec: FilingsServer) -> list[dict[str, str]]:
        source = CurrentFilings(sec.url, UA)
        said = []
        async with MarketClient(trust_env=False) as client:
            said.append(await source.news(client, AWAITED))  # the first only learns
            sec.answers["/cgi-bin/browse-edgar"] = (
                {"Content-Type": "application/atom+xml"},
                feed(
                    ("ASTERA LABS, INC.", CIKS["ALAB"], str(CIKS["NVDA"])),
                    ("NVIDIA CORP", CIKS["NVDA"], str(CIKS["NVDA"])),
                ),
            )
            said.append(await source.news(client, AWAITED))
            said.append({a: f.cik for a, f in source._filings.items()})
        return said

    with FilingsServer() as sec, caplog.at_level(logging.WARNING):
        sec.answers["/cgi-bin/browse-edgar"] = ({}, feed())
        first, second, listed = asyncio.run(asks(sec))
    assert first == {}
    assert second == {"NVDA": "0001193125-26-000002"}  # ALAB's false entry is not news
    assert listed == {"0001193125-26-000002": f"{CIKS['NVDA']:010d}"}
    [record] = [r for r in caplog.records if "current filings" in r.getMessage()]
    assert "ASTERA LABS" in record.getMessage() and "CIK 1045810" in record.getMessage()
    assert "skipped" in record.getMessage()


def test_a_folder_written_with_or_without_its_leading_zeros_is_the_filers():
    from catalyst_tui.market.sec.watch import current_filings

    body = feed(
        ("ASTERA LABS, INC.", CIKS["ALAB"], f"{CIKS['ALAB']:010d}"),
        ("NVIDIA CORP", CIKS["NVDA"], str(CIKS["NVDA"])),
    )
    found = current_filings(body, "https://www.sec.gov/cgi-bin/browse-edgar")
    assert sorted(f.cik for f in found.values()) == [
        f"{CIKS['NVDA']:010d}",
        f"{CIKS['ALAB']:010d}",
    ]
    assert dt.date(2026, 11, 3) in {f.filed for f in found.values()}


def test_reading_the_feed_grows_linearly_on_any_repeated_text():
    """The entries' titles, links and summaries are EDGAR's text, read by patterns that never
    backtrack: an entry whose summary is "Filed:" and spaces, "(" and digits, or "Item 2." over
    and over, of 20,000 to 80,000 characters, takes four times as long at four times the size."""
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from tests.support.growth import assert_linear

    from catalyst_tui.market.sec.watch import current_filings

    pieces = st.sampled_from(["Filed: ", " ", "(0001736", ") (", "Item 2.", "02 ", "/data/1/"])

    @settings(max_examples=8)
    @given(st.lists(pieces, min_size=1, max_size=4).map("".join))
    def law(piece: str) -> None:
        def body(n: int) -> str:
            said = (piece * (n // len(piece))).replace("&", "")
            return (
                feed(("ASTERA LABS, INC.", CIKS["ALAB"], str(CIKS["ALAB"])))
                .decode()
                .replace("Item 2.02", said + " Item 2.02")
            )

        assert_linear(body, lambda text: current_filings(text.encode(), ""), 20_000)

    law()
