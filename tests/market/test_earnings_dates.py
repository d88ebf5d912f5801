"""Next earnings dates: Yahoo's cookie + crumb dance (refreshed once on 401), Finnhub's calendar."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from tests.support.market_server import REALDATA, MarketServer

from catalyst_tui.market.earnings import fetch_next_earnings
from catalyst_tui.market.finnhub import FinnhubEarnings
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import EarningsDate, FetchError
from catalyst_tui.market.yahoo.earnings import YahooEarnings, parse_calendar_events


def yahoo_earnings(server: MarketServer) -> YahooEarnings:
    return YahooEarnings(server.url, server.cookie_url)


def today() -> date:
    return datetime.now(UTC).date()


async def test_yahoo_gets_cookie_then_crumb_then_calendar(
    market_server: MarketServer, client: MarketClient
) -> None:
    found = await yahoo_earnings(market_server).next_earnings(client, "ALAB", today())
    assert found == EarningsDate("ALAB", market_server.next_earnings("ALAB"), "yahoo", True)
    cookie, crumb, summary = market_server.requests
    assert [cookie.endpoint, crumb.endpoint, summary.endpoint] == [
        "cookie",
        "getcrumb",
        "quoteSummary",
    ]
    assert cookie.status == 404  # fc.yahoo.com's way: 404 with the cookie
    assert "A3=" in crumb.headers["cookie"] and "A3=" in summary.headers["cookie"]
    assert summary.query["crumb"] == [market_server.crumb]
    assert summary.query["modules"] == ["calendarEvents"]


async def test_crumb_is_cached_across_symbols(
    market_server: MarketServer, client: MarketClient
) -> None:
    yahoo = yahoo_earnings(market_server)
    for symbol in ("ALAB", "NVDA", "BRK.B"):
        assert (await yahoo.next_earnings(client, symbol, today())) is not None
    assert len(market_server.requests_for(endpoint="getcrumb")) == 1
    assert [r.path for r in market_server.requests_for(endpoint="quoteSummary")][-1].endswith(
        "/BRK-B"
    )


async def test_invalid_crumb_401_fetches_a_new_crumb_once(
    market_server: MarketServer, client: MarketClient
) -> None:
    yahoo = yahoo_earnings(market_server)
    await yahoo.next_earnings(client, "ALAB", today())
    old = market_server.crumb
    new = market_server.rotate_crumb()
    assert new != old
    found = await yahoo.next_earnings(client, "NVDA", today())
    assert found is not None and found.day == market_server.next_earnings("NVDA")
    summaries = market_server.requests_for(endpoint="quoteSummary")
    assert [r.status for r in summaries] == [200, 401, 200]
    assert [r.query["crumb"][0] for r in summaries] == [old, old, new]
    assert len(market_server.requests_for(endpoint="getcrumb")) == 2


async def test_injected_401_refreshes_the_crumb(
    market_server: MarketServer, client: MarketClient
) -> None:
    market_server.inject("auth", endpoint="quoteSummary", times=1)
    found = await yahoo_earnings(market_server).next_earnings(client, "ALAB", today())
    assert found is not None
    assert len(market_server.requests_for(endpoint="getcrumb")) == 2


async def test_crumb_is_refreshed_only_once_per_call(
    market_server: MarketServer, client: MarketClient
) -> None:
    market_server.inject("auth", endpoint="quoteSummary")
    with pytest.raises(FetchError) as raised:
        await yahoo_earnings(market_server).next_earnings(client, "ALAB", today())
    assert raised.value.kind == "auth"
    assert len(market_server.requests_for(endpoint="getcrumb")) == 2
    assert len(market_server.requests_for(endpoint="quoteSummary")) == 2


async def test_concurrent_calls_share_one_crumb_refresh(
    market_server: MarketServer, client: MarketClient
) -> None:
    yahoo = yahoo_earnings(market_server)
    await yahoo.next_earnings(client, "ALAB", today())
    market_server.rotate_crumb()
    symbols = ["NVDA", "CRDO", "LITE", "COHR", "ANET"]
    found = await asyncio.gather(*(yahoo.next_earnings(client, s, today()) for s in symbols))
    assert all(f is not None for f in found)
    assert len(market_server.requests_for(endpoint="getcrumb")) == 2


async def test_yahoo_unknown_symbol(market_server: MarketServer, client: MarketClient) -> None:
    with pytest.raises(FetchError) as raised:
        await yahoo_earnings(market_server).next_earnings(client, "NOSUCH", today())
    assert raised.value.kind == "unknown_symbol"


async def test_finnhub_calendar_gives_the_next_date(
    market_server: MarketServer, client: MarketClient
) -> None:
    source = FinnhubEarnings(market_server.finnhub_token, market_server.url)
    found = await source.next_earnings(client, "ALAB", today())
    assert found == EarningsDate("ALAB", market_server.next_earnings("ALAB"), "finnhub", False)
    (request,) = market_server.requests
    assert request.query["symbol"] == ["ALAB"] and request.query["from"] == [today().isoformat()]
    assert "token" not in request.query


async def test_fetch_next_earnings_falls_back_to_finnhub(
    market_server: MarketServer, client: MarketClient
) -> None:
    market_server.inject("http500", provider="yahoo")
    sources = [
        yahoo_earnings(market_server),
        FinnhubEarnings(market_server.finnhub_token, market_server.url),
    ]
    found = await fetch_next_earnings(client, sources, "ALAB")
    assert found is not None and found.source == "finnhub"


async def test_fetch_next_earnings_raises_only_when_every_source_failed(
    market_server: MarketServer, client: MarketClient
) -> None:
    market_server.inject("http500")
    sources = [
        yahoo_earnings(market_server),
        FinnhubEarnings(market_server.finnhub_token, market_server.url),
    ]
    with pytest.raises(FetchError) as raised:
        await fetch_next_earnings(client, sources, "ALAB")
    assert raised.value.provider == "finnhub"
    market_server.clear_faults()
    market_server.inject("http500", provider="yahoo")
    market_server.inject("unknown", provider="finnhub")
    assert await fetch_next_earnings(client, sources, "ALAB") is None


async def test_a_failed_crumb_is_not_fetched_again_for_every_symbol(
    market_server: MarketServer, client: MarketClient
) -> None:
    market_server.inject("rate_limit", endpoint="getcrumb")
    yahoo = yahoo_earnings(market_server)
    for symbol in ("ALAB", "NVDA", "CRDO"):
        with pytest.raises(FetchError) as raised:
            await yahoo.next_earnings(client, symbol, today())
        assert raised.value.kind == "rate_limited"
    assert len(market_server.requests_for(endpoint="getcrumb")) == 3  # one call's attempts
    assert market_server.requests_for(endpoint="quoteSummary") == []


# -- every recorded calendar ------------------------------------------------------------------

CALENDARS = sorted((REALDATA / "yahoo_calendar").glob("quoteSummary-calendarEvents-*.json"))


def _recorded(path) -> tuple[str, int, str]:
    recording = json.loads(path.read_text(encoding="utf-8"))
    symbol = path.name.removeprefix("quoteSummary-calendarEvents-").removesuffix(".json")
    return symbol, recording["response"]["status"], json.dumps(recording["response"]["bodyJson"])


@pytest.mark.parametrize("path", CALENDARS, ids=lambda p: p.stem.rsplit("-", 1)[-1])
def test_every_recorded_calendar_gives_its_earliest_date_or_none_never_an_error(path):
    symbol, status, body = _recorded(path)
    summary = json.loads(body)["quoteSummary"]
    if status == 404:  # ETFs, funds, crypto, FX, futures, indices: real, without a calendar
        assert summary["error"]["description"].startswith("No fundamentals data found")
        assert parse_calendar_events(body, symbol, date(2025, 1, 1)) is None
        return
    earnings = summary["result"][0]["calendarEvents"]["earnings"]
    days = sorted(datetime.fromtimestamp(s, UTC).date() for s in earnings["earningsDate"])
    found = parse_calendar_events(body, symbol, date(2025, 1, 1))
    assert found is not None and found.day == days[0]
    assert found.estimate == earnings.get("isEarningsDateEstimate", len(days) > 1)
    assert parse_calendar_events(body, symbol, days[-1] + timedelta(days=1)) is None


def test_the_recordings_cover_both_answers():
    statuses = [_recorded(p)[1] for p in CALENDARS]
    assert statuses.count(404) == 10 and statuses.count(200) == 18


def test_an_unknown_symbol_is_still_an_unknown_symbol():
    body = json.dumps(
        {
            "quoteSummary": {
                "result": None,
                "error": {"code": "Not Found", "description": "Quote not found for symbol: ZZZZQ"},
            }
        }
    )
    with pytest.raises(FetchError) as raised:
        parse_calendar_events(body, "ZZZZQ", date(2025, 1, 1))
    assert raised.value.kind == "unknown_symbol"


async def test_a_symbol_without_a_calendar_is_none_through_the_server(
    market_server: MarketServer, client: MarketClient
) -> None:
    yahoo = yahoo_earnings(market_server)
    assert await yahoo.next_earnings(client, "BTC-USD", today()) is None
    assert market_server.requests_for(endpoint="quoteSummary")[-1].status == 404
