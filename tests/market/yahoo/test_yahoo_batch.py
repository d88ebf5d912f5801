"""Yahoo's v7 quote batch: the recorded answers read field by field, and the cookie and crumb
against the loopback market (getcrumb, 401 on a stale crumb, a crumb that is no crumb)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from tests.support.market_server import MarketServer, fixture_text

from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import YahooSession
from catalyst_tui.market.yahoo.provider import YahooProvider
from catalyst_tui.market.yahoo.quote import earnings_from_batch, quotes_from_batch
from catalyst_tui.market.yahoo.session import YahooCrumb, valid_crumb

NOW = datetime(2025, 2, 15, tzinfo=UTC)


def rows(name: str) -> dict[str, dict]:
    data = json.loads(fixture_text(name))
    return {row["symbol"]: row for row in data["quoteResponse"]["result"]}


def test_a_batch_gives_each_symbol_its_own_row_as_the_sample_says():
    body = fixture_text("yahoo_quote-AAPL-BABA.json")
    sample = rows("yahoo_quote-AAPL-BABA.json")
    quotes = quotes_from_batch(body, ["AAPL", "BABA", "NOPE"], NOW)
    for symbol in ("AAPL", "BABA"):
        quote, row = quotes[symbol], sample[symbol]
        assert not isinstance(quote, Exception)
        assert quote.price == row["regularMarketPrice"]
        assert quote.prev_close == row["regularMarketPreviousClose"]
        assert quote.change == row["regularMarketChange"]
        assert quote.change_pct == pytest.approx(row["regularMarketChangePercent"] / 100)
        assert quote.market_state == row["marketState"]
        assert quote.quote_time.timestamp() == row["regularMarketTime"]
        assert quote.volume == row["regularMarketVolume"]
        assert quote.fifty_two_week_high == row["fiftyTwoWeekHigh"]
        # after the close: the post-market trade
        assert quote.ext_session == "post"
        assert quote.ext_price == row["postMarketPrice"]
        assert quote.ext_change_pct == pytest.approx(row["postMarketChangePercent"] / 100)
    missing = quotes["NOPE"]
    assert isinstance(missing, Exception) and missing.kind == "unknown_symbol"


def test_pre_market_and_overnight_states_come_from_the_batch():
    pre = rows("yahoo_quote-BEKE-marketState-PRE-2021-02-17.json")["BEKE"]
    body = fixture_text("yahoo_quote-BEKE-marketState-PRE-2021-02-17.json")
    quote = quotes_from_batch(body, ["BEKE"], NOW)["BEKE"]
    assert not isinstance(quote, Exception)
    assert quote.market_state == "PRE"
    assert quote.ext_session == "pre" and quote.ext_price == pre["preMarketPrice"]
    assert quote.ext_time is not None and quote.ext_time.timestamp() == pre["preMarketTime"]

    overnight = rows("yahoo_quote-AAPL-BABA-marketState-PREPRE-2021-02-08.json")["AAPL"]
    body = fixture_text("yahoo_quote-AAPL-BABA-marketState-PREPRE-2021-02-08.json")
    quote = quotes_from_batch(body, ["AAPL"], NOW)["AAPL"]
    assert not isinstance(quote, Exception)
    assert quote.market_state == "PREPRE"
    assert quote.ext_session == "post" and quote.ext_price == overnight["postMarketPrice"]


def test_next_earnings_dates_come_from_the_batch():
    row = rows("yahoo_quote-AAPL-BABA.json")["AAPL"]
    body = fixture_text("yahoo_quote-AAPL-BABA.json")
    today = datetime.fromtimestamp(row["regularMarketTime"], UTC).date()
    found = earnings_from_batch(body, ["AAPL"], today)["AAPL"]
    assert found is not None
    assert found.day == datetime.fromtimestamp(row["earningsTimestampStart"], UTC).date()
    assert found.estimate is row["isEarningsDateEstimate"]


@pytest.mark.parametrize(
    "body",
    ["Too Many Requests", "<!DOCTYPE html><html>", '{"finance":{"error":1}}', "", "x" * 200],
)
def test_a_getcrumb_answer_that_is_no_crumb_is_refused(body: str):
    assert not valid_crumb(body.strip())


def test_the_recorded_crumb_is_one():
    assert valid_crumb(fixture_text("yahoo_getCrumb-getcrumb.txt").strip())


async def test_a_crumb_that_is_no_crumb_means_one_chart_per_symbol_and_says_so(
    market_server: MarketServer, client: MarketClient
):
    market_server.getcrumb_body = "Too Many Requests"
    saved: list[YahooSession] = []
    crumb = YahooCrumb(market_server.url, market_server.cookie_url, save=saved.append)
    yahoo = YahooProvider(market_server.url, crumb=crumb)
    assert not await yahoo.uses_batches(client)
    assert "no crumb" in yahoo.fallback and "Too Many Requests" in yahoo.fallback
    quotes = await yahoo.fetch_quotes(client, ["ALAB", "NVDA"])
    assert all(not isinstance(q, Exception) for q in quotes.values())
    assert len(market_server.requests_for(endpoint="chart")) == 2
    assert market_server.requests_for(endpoint="quote") == []
    assert saved == []  # nothing kept that is no crumb


async def test_a_stale_crumb_is_renewed_once_and_kept(
    market_server: MarketServer, client: MarketClient
):
    saved: list[YahooSession] = []
    crumb = YahooCrumb(market_server.url, market_server.cookie_url, save=saved.append)
    yahoo = YahooProvider(market_server.url, crumb=crumb)
    assert await yahoo.uses_batches(client)
    first = await yahoo.fetch_quotes(client, ["ALAB", "NVDA"])
    assert all(not isinstance(q, Exception) for q in first.values())
    new = market_server.rotate_crumb()
    again = await yahoo.fetch_quotes(client, ["ALAB", "NVDA"])
    assert all(not isinstance(q, Exception) for q in again.values())
    assert [s.crumb for s in saved][-1] == new
    assert len(market_server.requests_for(endpoint="getcrumb")) == 2
    statuses = [r.status for r in market_server.requests_for(endpoint="quote")]
    assert statuses == [200, 401, 200]


async def test_a_kept_session_is_used_without_asking_for_a_new_one(
    market_server: MarketServer, client: MarketClient
):
    kept = YahooSession("A3=d=AQABBLoopbackTestCookie", market_server.crumb, datetime.now(UTC))
    crumb = YahooCrumb(market_server.url, market_server.cookie_url, load=lambda: kept)
    yahoo = YahooProvider(market_server.url, crumb=crumb)
    assert await yahoo.uses_batches(client)
    quotes = await yahoo.fetch_quotes(client, ["ALAB"])
    assert not isinstance(quotes["ALAB"], Exception)
    assert market_server.counts() == {("yahoo", "quote"): 1}


@pytest.mark.parametrize(
    ("name", "when"),
    [
        ("yahoo_quote-AAPL-BABA.json", NOW),
        (
            "yahoo_quote-AAPL-BABA-marketState-PREPRE-2021-02-08.json",
            datetime(2021, 2, 8, 5, tzinfo=UTC),
        ),
    ],
)
def test_the_fields_a_batch_asks_for_are_all_it_reads(name, when):
    """The batch asks Yahoo for FIELDS only (its answer then holds those and the fields it always
    sends, as recorded): reading such an answer gives exactly the quotes and earnings dates of
    the full rows of the same recording."""
    from tests.support.market_server import _v7_always

    from catalyst_tui.market.yahoo.quote import FIELDS, batch_url

    assert f"&fields={','.join(FIELDS)}&" in batch_url("https://q", ["AAPL"], "crumb")
    full = json.loads(fixture_text(name))
    kept = set(FIELDS) | _v7_always()
    trimmed = json.loads(fixture_text(name))
    result = trimmed["quoteResponse"]["result"]
    trimmed["quoteResponse"]["result"] = [{k: v for k, v in r.items() if k in kept} for r in result]
    assert len(trimmed["quoteResponse"]["result"][0]) < len(result[0]) / 1.5
    symbols = ["AAPL", "BABA"]
    quotes = quotes_from_batch(json.dumps(trimmed), symbols, when)
    assert all(not isinstance(q, Exception) for q in quotes.values())
    assert quotes == quotes_from_batch(json.dumps(full), symbols, when)
    earnings = earnings_from_batch(json.dumps(trimmed), symbols, when.date())
    assert earnings == earnings_from_batch(json.dumps(full), symbols, when.date())


async def test_a_kept_crumb_refused_with_none_to_be_had_means_one_chart_per_symbol(
    market_server: MarketServer, client: MarketClient
):
    """The kept crumb (another process's) is refused with 401 and getcrumb answers Too Many
    Requests: the batch is over, and each symbol is quoted by its chart, not left stale."""
    kept = YahooSession("A3=d=AQABBLoopbackTestCookie", "refusedCrumb1", datetime.now(UTC))
    market_server.getcrumb_body = "Too Many Requests"
    crumb = YahooCrumb(market_server.url, market_server.cookie_url, load=lambda: kept)
    yahoo = YahooProvider(market_server.url, crumb=crumb)
    assert await yahoo.uses_batches(client)  # the kept one looks good until it is used
    quotes = await yahoo.fetch_quotes(client, ["ALAB", "NVDA"])
    assert all(not isinstance(q, Exception) for q in quotes.values()), quotes
    assert [r.status for r in market_server.requests_for(endpoint="quote")] == [401]
    assert len(market_server.requests_for(endpoint="chart")) == 2
    assert "no crumb" in yahoo.fallback and "Too Many Requests" in yahoo.fallback
