"""The loopback server itself: fault scheduling, logging, load, clean start and stop."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest
from tests.support.market_server import MarketServer

from catalyst_tui.market.http.client import MarketClient

REPO = Path(__file__).resolve().parents[3]


def chart(server: MarketServer, symbol: str) -> str:
    return f"{server.url}/v8/finance/chart/{symbol}?range=5d&interval=1d"


def test_fault_for_first_n_requests_then_normal_answers(market_server: MarketServer) -> None:
    fault = market_server.inject("http500", symbol="ALAB", times=2)
    with httpx.Client(headers={"User-Agent": "Mozilla/5.0"}, trust_env=False) as client:
        statuses = [
            client.get(chart(market_server, s)).status_code
            for s in ("NVDA", "ALAB", "ALAB", "ALAB")
        ]
    assert statuses == [200, 500, 500, 200]
    assert fault.hits == 2
    assert [r.fault for r in market_server.requests] == [None, "http500", "http500", None]


def test_unknown_fault_kind_is_refused(market_server: MarketServer) -> None:
    with pytest.raises(ValueError, match="unknown fault"):
        market_server.inject("explode")


async def test_handles_hundreds_of_concurrent_requests(
    market_server: MarketServer, make_client: Callable[..., MarketClient]
) -> None:
    market_server.gather = 100  # each answer waits until 100 requests are in at once
    symbols = [f"L{i:03d}" for i in range(150)]
    market_server.symbols.update(symbols)
    async with make_client(max_concurrency=150, read_timeout=60.0) as client:
        responses = await asyncio.gather(
            *(client.get("yahoo", chart(market_server, s)) for s in symbols)
        )
    assert all(r.status_code == 200 for r in responses)
    assert market_server.max_in_flight >= 100


def test_stop_closes_the_port_and_start_serves_again() -> None:
    server = MarketServer().start()
    url = server.url
    assert httpx.get(f"{url}/files/company_tickers.json", trust_env=False).status_code == 403
    server.stop()
    port = int(url.rsplit(":", 1)[1])
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass
    with MarketServer() as again:
        assert httpx.get(f"{again.url}/q/l/?s=alab.us&h&e=csv", trust_env=False).status_code == 200


def test_importable_without_pytest() -> None:
    code = (
        "import sys; import tests.support.market_server as m; "
        "assert 'pytest' not in sys.modules; print(m.MarketServer.__name__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "MarketServer"


def _chart_bars(server: MarketServer, symbol: str) -> dict[date, dict[str, float | int]]:
    """A month's chart as the server answers it, by day: each column read back per bar."""
    with httpx.Client(headers={"User-Agent": "Mozilla/5.0"}, trust_env=False) as client:
        result = client.get(f"{server.url}/v8/finance/chart/{symbol}?range=1mo&interval=1d")
    answer = result.json()["chart"]["result"][0]
    quote = answer["indicators"]["quote"][0]
    days = [datetime.fromtimestamp(t, UTC).date() for t in answer["timestamp"]]
    return {day: {k: quote[k][i] for k in quote} for i, day in enumerate(days)}


def test_a_charts_bars_are_the_servers_bars_before_and_after_a_split(
    market_server: MarketServer,
) -> None:
    """The charts' columns are cached (a pure function of symbol, window, level and basis): a
    chart asked again after a split is the split's, bar by bar, as MarketServer.bar says."""
    before = _chart_bars(market_server, "NVDA")
    assert len(before) >= 15  # a month of weekdays
    assert before == {day: market_server.bar("NVDA", day) for day in before}
    market_server.split("NVDA", min(before), 4)
    after = _chart_bars(market_server, "NVDA")
    assert after == {day: market_server.bar("NVDA", day) for day in after}
    day = max(after)
    assert after[day]["close"] == pytest.approx(before[day]["close"] / 4, abs=1e-4)
    level = market_server.fx_pair("EUR", "USD", 1.1)
    rates = _chart_bars(market_server, level)
    assert rates == {day: market_server.bar(level, day) for day in rates}
    assert all(0.9 < bar["close"] < 1.2 for bar in rates.values())
