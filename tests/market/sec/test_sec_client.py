"""SEC EDGAR over HTTP: declared User-Agent on every request, at most 10 requests in any second."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from tests.support.market_server import MarketServer, quarter_values

from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import Fact, FetchError
from catalyst_tui.market.sec.client import SecEdgar
from catalyst_tui.market.sec.tickers import cik_for

AGENT = "catalyst-tests tests@example.com"


def sec_edgar(server: MarketServer, agent: str | None = AGENT) -> SecEdgar:
    return SecEdgar(server.url, server.sec_tickers_url, agent)


def most_in_one_second(times: list[float]) -> int:
    times = sorted(times)
    return max(sum(1 for t in times[i:] if t - start < 1.0) for i, start in enumerate(times))


async def test_cik_map_and_companyfacts(market_server: MarketServer, client: MarketClient) -> None:
    sec = sec_edgar(market_server)
    ciks = await sec.fetch_cik_map(client)
    assert cik_for("BLK", ciks) == "0002012383"
    assert cik_for("BRK.B", ciks) == "0001067983"  # EDGAR lists it as BRK-B
    facts = await sec.fetch_companyfacts(client, "2012383")
    assert facts["entityName"] == "BlackRock, Inc." and "us-gaap" in facts["facts"]
    blackrock = cik_for("BLK", ciks)
    assert blackrock is not None
    derived = await sec.fetch_facts(client, blackrock)
    assert derived and all(isinstance(f, Fact) for f in derived)
    assert market_server.requests[-1].path == "/api/xbrl/companyfacts/CIK0002012383.json"


async def test_every_request_declares_the_user_agent_and_stays_under_ten_per_second(
    market_server: MarketServer, client: MarketClient
) -> None:
    sec = sec_edgar(market_server)
    ciks = await sec.fetch_cik_map(client)
    wanted = [cik_for(s, ciks) for s in ("ALAB", "NVDA", "AAPL", "BLK", "CRDO", "LITE", "COHR")]
    assert None not in wanted
    await asyncio.gather(*(sec.fetch_companyfacts(client, c or "") for c in wanted * 2))
    requests = market_server.requests_for("sec")
    assert len(requests) == 15
    assert {r.headers["user-agent"] for r in requests} == {AGENT}
    assert most_in_one_second([r.time for r in requests]) <= 10


async def test_a_looser_client_limit_is_tightened_to_ten_per_second(
    market_server: MarketServer, make_client: Callable[..., MarketClient]
) -> None:
    async with make_client(rate_limits={"sec": 1000.0}) as client:
        sec = sec_edgar(market_server)
        await asyncio.gather(*(sec.fetch_companyfacts(client, "2012383") for _ in range(12)))
        assert client.rate_limit("sec") == 10.0
    assert most_in_one_second([r.time for r in market_server.requests]) <= 10


@pytest.mark.parametrize("agent", ["", "   ", None])
def test_a_missing_user_agent_is_refused_before_any_request(
    market_server: MarketServer, agent: str | None
) -> None:
    with pytest.raises(ValueError, match="User-Agent"):
        sec_edgar(market_server, agent)
    assert market_server.requests == []


async def test_unknown_cik_is_unknown_symbol(
    market_server: MarketServer, client: MarketClient
) -> None:
    with pytest.raises(FetchError) as raised:
        await sec_edgar(market_server).fetch_companyfacts(client, "0000000042")
    assert raised.value.kind == "unknown_symbol"


async def test_undeclared_tool_page_is_an_auth_error(
    market_server: MarketServer, client: MarketClient
) -> None:
    with pytest.raises(FetchError) as raised:
        await sec_edgar(market_server, "python-httpx/0.28").fetch_cik_map(client)
    assert raised.value.kind == "auth" and "user_agent" in raised.value.message


@pytest.mark.parametrize(
    ("fault", "kind"), [("html", "bad_body"), ("truncated", "bad_body"), ("http500", "http")]
)
async def test_bad_answers_are_fetch_errors(
    market_server: MarketServer, client: MarketClient, fault: str, kind: str
) -> None:
    market_server.inject(fault, provider="sec")
    sec = sec_edgar(market_server)
    for call in (sec.fetch_cik_map(client), sec.fetch_companyfacts(client, "2012383")):
        with pytest.raises(FetchError) as raised:
            await call
        assert raised.value.kind == kind and raised.value.provider == "sec"


async def test_synthetic_filer_gives_every_fundamental_concept(
    market_server: MarketServer, client: MarketClient
) -> None:
    sec = sec_edgar(market_server)
    credo = cik_for("CRDO", await sec.fetch_cik_map(client))
    assert credo is not None
    facts = await sec.fetch_facts(client, credo)
    concepts = {f.concept for f in facts}
    assert {
        "revenue_q",
        "revenue_fy",
        "gross_profit_q",
        "operating_income_q",
        "eps_diluted_q",
        "shares_outstanding",
    } <= concepts
    latest = max((f for f in facts if f.concept == "revenue_q"), key=lambda f: f.period_end)
    year, quarter = latest.period_end.year, (latest.period_end.month - 1) // 3 + 1
    expected = quarter_values("CRDO", year, quarter)
    assert latest.value == expected["RevenueFromContractWithCustomerExcludingAssessedTax"]
    assert any(f.form == "10-K" for f in facts if f.concept == "revenue_q")  # a derived Q4
