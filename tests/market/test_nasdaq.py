"""Nasdaq's quote page API (market/nasdaq.py): the page's figures read as numbers only when they
are plainly one, its time in New York, the ETF asked again, the unknown symbol; chosen in
settings.providers, a fallback for the symbols Yahoo could not quote, end to end through a
refresh against the loopback market (which answers in the API's shape: tests/support)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tests.support.market_server import MarketServer

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import FetchError, Quote
from catalyst_tui.market.nasdaq import NasdaqProvider, figure, span, trade_time
from catalyst_tui.market.quotes import fetch_quotes
from catalyst_tui.market.registry import QUOTE_PROVIDERS, build_sources
from catalyst_tui.market.spec import BuildContext
from catalyst_tui.store import Store

UTC = dt.UTC
NOW = dt.datetime(2024, 11, 25, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$229.87", 229.87),
        ("$1,234.50", 1234.5),
        ("+1.36", 1.36),
        ("-0.52", -0.52),
        ("+0.60%", 0.60),
        ("-12.5%", -12.5),
        ("38,168,252", 38168252.0),
        ("N/A", None),
        ("UNCH", None),
        ("", None),
        ("$1e400", None),  # no exponent: a page prints digits
        ("$12,34.5", None),  # misplaced thousands separator
        ("$229.87 USD", None),  # not wholly one number
        (229.87, None),  # the API prints text: a JSON number is not its shape
        (None, None),
    ],
)
def test_a_page_figure_is_a_number_only_when_plainly_one(text, value):
    assert figure(text) == value


def test_a_range_needs_both_ends_in_order():
    assert span({"value": "164.08 - 237.49"}) == (164.08, 237.49)
    assert span({"value": "NA"}) == (None, None)
    assert span({"value": "237.49 - 164.08"}) == (None, None)
    assert span({"value": "0 - 5"}) == (None, None)
    assert span("164.08 - 237.49") == (None, None)


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        # 4:00 PM in New York on Nov 22, 2024 (EST, UTC-5) is 21:00 UTC.
        ("Nov 22, 2024 4:00 PM ET", dt.datetime(2024, 11, 22, 21, 0, tzinfo=UTC)),
        ("DATA AS OF Jul 3, 2024 9:31 AM ET", dt.datetime(2024, 7, 3, 13, 31, tzinfo=UTC)),  # EDT
        ("Nov 22, 2024 12:05 PM ET", dt.datetime(2024, 11, 22, 17, 5, tzinfo=UTC)),
        ("Nov 22, 2024 12:05 AM ET", dt.datetime(2024, 11, 22, 5, 5, tzinfo=UTC)),
        ("Nov 22, 2024", dt.datetime(2024, 11, 22, 21, 0, tzinfo=UTC)),  # the day's close
        ("Nov 25, 2024", NOW),  # today's close is still to come: now
        ("Feb 30, 2024 4:00 PM ET", None),
        ("4:00 PM ET", None),
        ("", None),
        (1732309200, None),
    ],
)
def test_the_last_sale_time_is_read_in_new_york(text, moment):
    assert trade_time(text, NOW) == moment


def answer(**primary: object) -> str:
    base = {
        "lastSalePrice": "$229.87",
        "netChange": "+1.36",
        "percentageChange": "+0.60%",
        "lastTradeTimestamp": "Nov 22, 2024 4:00 PM ET",
        "volume": "38,168,252",
    }
    data = {
        "symbol": "AAPL",
        "primaryData": {**base, **primary},
        "marketStatus": "Closed",
        "keyStats": {
            "fiftyTwoWeekHighLow": {"value": "164.08 - 237.49"},
            "dayrange": {"value": "NA"},
        },
    }
    return json.dumps({"data": data, "message": None, "status": {"rCode": 200}})


def test_a_quote_from_the_pages_figures():
    quote = NasdaqProvider("http://127.0.0.1:9", now=lambda: NOW).quote(answer(), "AAPL")
    assert quote == Quote(
        symbol="AAPL",
        price=229.87,
        prev_close=228.51,
        change=1.36,
        change_pct=0.006,
        currency="USD",
        market_state="CLOSED",
        quote_time=dt.datetime(2024, 11, 22, 21, 0, tzinfo=UTC),
        source="nasdaq",
        day_high=None,
        day_low=None,
        volume=38168252,
        fifty_two_week_high=237.49,
        fifty_two_week_low=164.08,
    )


@pytest.mark.parametrize(
    ("primary", "kind", "words"),
    [
        ({"lastSalePrice": "N/A"}, "bad_body", "no price"),
        ({"lastSalePrice": "$0.00"}, "bad_body", "no price"),
        ({"lastTradeTimestamp": "N/A"}, "bad_body", "no day the last sale was on"),
        ({"lastSalePrice": "$9,999,999,999,999.00"}, "bad_body", "out of range"),
    ],
)
def test_a_page_without_a_price_or_its_day_is_no_quote(primary, kind, words):
    provider = NasdaqProvider("http://127.0.0.1:9", now=lambda: NOW)
    with pytest.raises(FetchError) as caught:
        provider.quote(answer(**primary), "AAPL")
    assert caught.value.kind == kind and words in caught.value.message


def test_an_unknown_symbol_and_a_page_are_said_as_such():
    provider = NasdaqProvider("http://127.0.0.1:9", now=lambda: NOW)
    unknown = '{"data":null,"message":null,"status":{"rCode":400,"bCodeMessage":[{"code":1001}]}}'
    with pytest.raises(FetchError) as caught:
        provider.quote(unknown, "ZZZZ")
    assert caught.value.kind == "unknown_symbol"
    with pytest.raises(FetchError) as caught:
        provider.quote("<!DOCTYPE html><html>Access Denied</html>", "AAPL")
    assert caught.value.kind == "bad_body" and "HTML" in caught.value.message


def test_nasdaq_is_a_quote_provider_chosen_by_name_only():
    assert "nasdaq" in QUOTE_PROVIDERS
    tables = parse_config("").providers
    assert [p.name for p in build_sources(tables, BuildContext(("yahoo",))).quotes] == ["yahoo"]
    chosen = build_sources(tables, BuildContext(("yahoo", "nasdaq"))).quotes
    assert [p.name for p in chosen] == ["yahoo", "nasdaq"]


async def test_quotes_from_the_loopback_api_equal_its_closes(
    market_server: MarketServer, client: MarketClient
) -> None:
    market_server.nasdaq_etfs.add("SMH")
    market_server.symbols.add("SMH")
    nasdaq = NasdaqProvider(market_server.url)
    outcomes = await fetch_quotes(client, [nasdaq], ["ALAB", "SMH", "ZZZZ", "^GSPC"])
    last = market_server.last_session()
    for symbol in ("ALAB", "SMH"):
        quote = outcomes[symbol].quote
        assert quote is not None and quote.source == "nasdaq"
        close = market_server.bar(symbol, last)["close"]
        assert quote.price == round(close, 2)  # the page prints cents
        previous = market_server.close(symbol, market_server.previous_session(last))
        assert quote.change == round(close - previous, 2)
    # The ETF was asked as a stock first, then as an ETF; the unknown symbol twice, in vain.
    asked = [r.query["assetclass"] for r in market_server.requests_for("nasdaq", symbol="SMH")]
    assert asked == [["stocks"], ["etf"]]
    assert [e.kind for e in outcomes["ZZZZ"].errors] == ["unknown_symbol"]
    # An index is no US listing: never asked.
    assert outcomes["^GSPC"].quote is None
    assert not market_server.requests_for("nasdaq", symbol="^GSPC")


async def test_a_refresh_takes_nasdaqs_quote_where_yahoo_fails(
    market_server: MarketServer, client: MarketClient, tmp_path
) -> None:
    market_server.inject("http500", provider="yahoo", symbol="ALAB")
    config = parse_config(
        f'[settings]\nproviders = ["yahoo", "nasdaq"]\n'
        f'[providers.yahoo]\nbase_url = "{market_server.url}"\n'
        f'cookie_url = "{market_server.cookie_url}"\n'
        f'[providers.nasdaq]\nbase_url = "{market_server.url}"\n'
        "[tickers.ALAB]\n[tickers.NVDA]\n"
    )
    with Store.open(tmp_path / "catalyst.db") as store:
        store.sync.apply(config)
        report = await refresh_in_process(config, store, env={}, client=client)
        quotes = store.market.last_quotes(["ALAB", "NVDA"])
    assert report.fresh == {"ALAB", "NVDA"}
    alab, nvda = quotes["ALAB"].quote, quotes["NVDA"].quote
    assert alab is not None and alab.source == "nasdaq"
    assert nvda is not None and nvda.source == "yahoo"
    close = market_server.bar("ALAB", market_server.last_session())["close"]
    assert alab.price == round(close, 2)
    assert market_server.requests_for("nasdaq", symbol="NVDA") == []
