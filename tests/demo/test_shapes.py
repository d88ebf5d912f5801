"""The replay market answers in the providers' real shapes: each body is compared with the
recorded answer of the same endpoint (../shared/samples, realdata), key by key and kind by kind,
and read by the project's own parsers."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

from catalyst_tui.demo import feeds, sec, yahoo
from catalyst_tui.market.ecb import parse_ecb_daily
from catalyst_tui.market.models import FetchError, Quote
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.market.sec.filings import (
    parse_filing_index,
    parse_index_accepted,
    parse_submissions,
)
from catalyst_tui.market.sec.tickers import parse_cik_map
from catalyst_tui.market.yahoo.provider import YahooProvider
from catalyst_tui.market.yahoo.quote import batch_rows, quotes_from_rows
from catalyst_tui.reading.feeds import parse_rss
from tests.support.market_server import realdata_body
from tests.support.shared import SAMPLES

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
WEEKEND = "chart-AAPL-2025-02-01-to-2025-02-02-includePrePost-false-interval-1m.json"


def sample(name: str) -> Any:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def kind(value: object) -> str:
    """A JSON value's kind: a whole and a fractional number are both numbers."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def same_shape(recorded: dict[str, Any], ours: dict[str, Any], *, every: bool = True) -> None:
    """`ours` has the recorded keys (all of them, or with every=False: only keys it has), each
    value of the same kind."""
    missing = set(recorded) - set(ours)
    assert not (every and missing), f"missing keys: {sorted(missing)}"
    invented = set(ours) - set(recorded) if not every else set()
    assert not invented, f"keys the recording has not: {sorted(invented)}"
    for key in set(recorded) & set(ours):
        if recorded[key] is not None and ours[key] is not None:
            assert kind(ours[key]) == kind(recorded[key]), key


def test_the_daily_chart_is_the_recorded_chart_s_shape():
    recorded = sample("yahoo_chart-AAPL-2020-01-01-to-2020-01-03.json")["chart"]
    status, body = yahoo.chart("ALAB", {"range": "5y", "interval": "1d"}, NOW)
    ours = json.loads(body)["chart"]
    assert status == 200 and set(ours) == set(recorded)
    theirs, mine = recorded["result"][0], ours["result"][0]
    assert set(mine) == set(theirs)
    same_shape(theirs["meta"], mine["meta"])
    same_shape(theirs["meta"]["currentTradingPeriod"], mine["meta"]["currentTradingPeriod"])
    assert set(mine["indicators"]["quote"][0]) == set(theirs["indicators"]["quote"][0])
    assert set(mine["indicators"]) == set(theirs["indicators"])
    provider = YahooProvider("", now=lambda: NOW)
    result = provider.chart_result(body, "ALAB")
    bars = provider.bars_from_chart(result, "ALAB")
    assert 1250 < len(bars) < 1320  # five years of weekdays
    assert provider.quote_from_chart(result, "ALAB", bars).price == bars[-1].close


def test_the_intraday_chart_is_the_recorded_1_minute_answer_s_shape():
    recorded = realdata_body("yahoo_chart", WEEKEND)["chart"]["result"][0]
    _, body = yahoo.chart("ALAB", {"range": "1d", "interval": "5m"}, NOW)
    mine = json.loads(body)["chart"]["result"][0]
    same_shape(recorded["meta"], {k: v for k, v in mine["meta"].items() if k != "tradingPeriods"})
    assert mine["meta"]["dataGranularity"] == "5m" and len(mine["timestamp"]) == 78


def test_the_quote_batch_rows_are_the_recorded_rows_shape():
    recorded = sample("yahoo_quote-AAPL-BABA.json")["quoteResponse"]
    body = yahoo.quote_batch(["ALAB", "NVDA"], NOW)
    ours = json.loads(body)["quoteResponse"]
    assert set(ours) == set(recorded)
    for row in ours["result"]:
        same_shape(recorded["result"][0], row, every=False)
    rows = batch_rows(body)
    assert not isinstance(rows, FetchError), rows
    quotes = quotes_from_rows(rows, ["ALAB", "NVDA"], NOW)
    assert {s: q.price if isinstance(q, Quote) else q for s, q in quotes.items()} == {
        r["symbol"]: r["regularMarketPrice"] for r in ours["result"]
    }


def test_the_calendar_is_the_recorded_quote_summary_s_shape():
    recorded = sample("yahoo_quoteSummary-calendarEvents-AAPL.json")["quoteSummary"]
    ours = json.loads(yahoo.calendar("ALAB", NOW))["quoteSummary"]
    assert set(ours) == set(recorded)
    theirs, mine = recorded["result"][0]["calendarEvents"], ours["result"][0]["calendarEvents"]
    same_shape(theirs, mine, every=False)
    same_shape(theirs["earnings"], mine["earnings"], every=False)


def test_sec_s_ticker_map_and_submissions_are_the_recorded_ones_shape():
    recorded = sample("sec_company_tickers.json")["0"]
    tickers = json.loads(sec.company_tickers(["ALAB", "NVDA"]))
    for entry in tickers.values():
        same_shape(recorded, entry)
    assert parse_cik_map(sec.company_tickers(["ALAB"])) == {"ALAB": "0001736297"}
    nvda = sample("sec_submissions_CIK0001045810-NVDA.json")
    ours = json.loads(sec.submissions("ALAB", NOW))
    same_shape(nvda, ours)
    assert list(ours["filings"]["recent"]) == list(nvda["filings"]["recent"])
    for column, values in ours["filings"]["recent"].items():
        assert {kind(v) for v in values} == {kind(nvda["filings"]["recent"][column][0])}, column
    filings, pages = parse_submissions(json.dumps(ours), "0001736297")
    assert pages == [] and [f.form for f in filings][:2] == ["10-Q", "8-K"]


def test_a_filing_index_reads_as_the_recorded_page_does():
    recorded = (SAMPLES / "sec_8k_ADBE_0000796343-23-000044-index.html").read_text()
    third = [f for f in sec.filings("ALAB", NOW) if (f.year, f.quarter) == (2026, 3)]
    report, release = third  # newest first
    page = sec.index_page(release)
    for marker in (
        '<div class="infoHead">Accepted</div>',
        'summary="Document Format Files"',
        '<div class="infoHead">Filing Date</div>',
        "Item 2.02: Results of Operations",
    ):
        assert marker in recorded and marker in page
    documents = parse_filing_index(page)
    assert [(d.type, d.name.endswith("ex991.htm")) for d in documents] == [
        ("8-K", False),
        ("EX-99.1", True),
    ]
    assert parse_index_accepted(page) == release.accepted
    assert [d.type for d in parse_filing_index(sec.index_page(report))] == ["10-Q"]


def test_companyfacts_entries_are_the_recorded_ones_shape():
    recorded = sample("sec_companyfacts_trimmed_CIK0002012383.json")
    ours = json.loads(sec.companyfacts("ALAB", NOW))
    assert set(ours) == set(recorded)
    entry: dict[str, Any] = {}  # every key the recorded entries have, with a value of each
    for concept in recorded["facts"]["us-gaap"].values():
        for unit in concept["units"].values():
            for fact in unit:
                entry.update(fact)
    for concept in ours["facts"]["us-gaap"].values():
        for unit in concept["units"].values():
            for fact in unit:
                same_shape(entry, fact, every=False)
    assert derive_facts(ours)  # the project's own reading of companyfacts takes it


def test_the_headline_feed_is_the_recorded_feed_s_shape():
    recorded = ET.fromstring((SAMPLES / "yahoo_rss_headline_TSLA_2025-07-26.xml").read_bytes())
    ours = ET.fromstring(feeds.rss("ALAB", NOW).encode())
    assert ours.tag == recorded.tag == "rss" and ours.attrib == recorded.attrib
    channel, theirs = ours.find("channel"), recorded.find("channel")
    assert channel is not None and theirs is not None
    assert {c.tag for c in channel} == {c.tag for c in theirs}
    assert {c.tag for c in channel.iter("item").__next__()} == {
        c.tag for c in theirs.iter("item").__next__()
    }
    headlines = parse_rss(feeds.rss("ALAB", NOW))
    assert len(headlines) == 5 and all(h.published and h.published < NOW for h in headlines)


def test_the_ecb_file_is_the_recorded_file_s_shape():
    recorded = (SAMPLES / "ecb_eurofxref-daily_2025-05-09.xml").read_text()
    day, rates = parse_ecb_daily(feeds.ecb_daily(NOW))
    recorded_day, recorded_rates = parse_ecb_daily(recorded)
    assert set(rates) <= set(recorded_rates) and day.isoformat() == "2026-11-20"
    assert recorded_day.isoformat() == "2025-05-09"
