"""Symbols as each provider spells them: in the mapping functions and in the requests sent."""

from __future__ import annotations

from datetime import date

import pytest
from tests.support.market_server import MarketServer

from catalyst_tui.market.finnhub import FinnhubProvider
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.quotes import fetch_quotes
from catalyst_tui.market.stooq import StooqProvider
from catalyst_tui.market.symbols import (
    finnhub_symbol,
    stooq_symbol,
    yahoo_path,
    yahoo_symbol,
)
from catalyst_tui.market.yahoo.provider import YahooProvider


@pytest.mark.parametrize(
    ("symbol", "yahoo", "path", "stooq", "finnhub"),
    [
        ("ALAB", "ALAB", "ALAB", "alab.us", "ALAB"),
        ("alab", "ALAB", "ALAB", "alab.us", "ALAB"),
        ("BRK.B", "BRK-B", "BRK-B", "brk-b.us", "BRK.B"),
        ("^GSPC", "^GSPC", "%5EGSPC", None, None),
        ("BTC-USD", "BTC-USD", "BTC-USD", None, None),
        ("EURUSD=X", "EURUSD=X", "EURUSD%3DX", None, None),
        ("SAP.DE", "SAP.DE", "SAP.DE", None, None),
        ("7203.T", "7203.T", "7203.T", None, None),
    ],
)
def test_provider_spellings(
    symbol: str, yahoo: str, path: str, stooq: str | None, finnhub: str | None
) -> None:
    assert yahoo_symbol(symbol) == yahoo
    assert yahoo_path(symbol) == path
    assert stooq_symbol(symbol) == stooq
    assert finnhub_symbol(symbol) == finnhub


async def test_yahoo_requests_carry_mapped_and_encoded_symbols(
    market_server: MarketServer, client: MarketClient, yahoo: YahooProvider
) -> None:
    symbols = ["BRK.B", "^GSPC", "BTC-USD", "ALAB"]
    outcomes = await fetch_quotes(client, [yahoo], symbols)
    assert all(outcomes[s].quote is not None for s in symbols)
    paths = sorted(r.path for r in market_server.requests)
    assert paths == sorted(
        f"/v8/finance/chart/{p}" for p in ("BRK-B", "%5EGSPC", "BTC-USD", "ALAB")
    )
    brk = outcomes["BRK.B"].quote
    assert brk is not None and brk.symbol == "BRK.B"  # our spelling comes back


async def test_stooq_request_carries_lowercase_us_codes(
    market_server: MarketServer, client: MarketClient, stooq: StooqProvider
) -> None:
    outcomes = await fetch_quotes(client, [stooq], ["ALAB", "BRK.B", "NVR"])
    (request,) = market_server.requests
    assert request.path == "/q/l/"
    assert request.raw_query == "s=alab.us+brk-b.us+nvr.us&f=sd2t2ohlcvn&h&e=csv"
    # The answer says NVR.US and BRK-B.US; the quotes are ours again.
    assert {s: o.quote.symbol for s, o in outcomes.items() if o.quote} == {
        "ALAB": "ALAB",
        "BRK.B": "BRK.B",
        "NVR": "NVR",
    }


async def test_stooq_history_request_uses_the_code_and_date_window(
    market_server: MarketServer, client: MarketClient, stooq: StooqProvider
) -> None:
    await stooq.fetch_history(client, "BRK.B", date(2025, 1, 2))
    (request,) = market_server.requests
    assert request.path == "/q/d/l/"
    assert request.query["s"] == ["brk-b.us"] and request.query["d1"] == ["20250102"]
    assert request.query["i"] == ["d"]


async def test_finnhub_request_keeps_the_dot(
    market_server: MarketServer, client: MarketClient, finnhub: FinnhubProvider
) -> None:
    outcomes = await fetch_quotes(client, [finnhub], ["BRK.B"])
    assert outcomes["BRK.B"].quote is not None
    (request,) = market_server.requests
    assert request.path == "/api/v1/quote" and request.query["symbol"] == ["BRK.B"]
