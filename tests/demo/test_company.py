"""The replay market's figures are plausible for the company named (demo/company.py): each listed
company's quarterly revenue, share price and market cap, as the market serves them (the v7 quote
batch, SEC's companyfacts), lie in the ranges written here, wide ones around what each reported
in 2025 (NVIDIA's quarter was once $234.8M and its market cap 41B: off by a factor of 250 and
100). A ticker the market does not list, a mistyped one, gets no price at all: it is answered as
Yahoo and Stooq answer an unknown symbol, and the app says so."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import NamedTuple

import httpx
import pytest

from catalyst_tui.config import load_config
from catalyst_tui.demo import DemoSession, ReplayMarket, private_dirs, sec, yahoo
from catalyst_tui.demo.company import LISTED
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.paths import bundled_example
from catalyst_tui.store import Store
from catalyst_tui.views.ticker import load_ticker

B, M = 1e9, 1e6


class Plausible(NamedTuple):
    revenue: tuple[float, float]  # a quarter's, dollars
    price: tuple[float, float]  # dollars a share
    cap: tuple[float, float]  # dollars


# Around each company's 2025 (a quarter's revenue, its price, its market cap), a factor of about
# two either way: the demo's figures move over the years it spans, the name's scale does not.
RANGES = {
    "ALAB": Plausible((150 * M, 900 * M), (60, 400), (10 * B, 80 * B)),
    "CRDO": Plausible((150 * M, 900 * M), (50, 300), (8 * B, 60 * B)),
    "LITE": Plausible((300 * M, 1.5 * B), (50, 500), (4 * B, 40 * B)),
    "COHR": Plausible((1 * B, 3 * B), (50, 300), (8 * B, 50 * B)),
    "NVDA": Plausible((40 * B, 130 * B), (80, 400), (2000 * B, 8000 * B)),
    "MRVL": Plausible((1.2 * B, 4 * B), (30, 200), (30 * B, 200 * B)),
    "AVGO": Plausible((10 * B, 40 * B), (150, 800), (700 * B, 4000 * B)),
    "ANET": Plausible((1.5 * B, 5 * B), (60, 300), (80 * B, 400 * B)),
    "AAPL": Plausible((80 * B, 150 * B), (150, 400), (2000 * B, 6000 * B)),
    "MSFT": Plausible((60 * B, 130 * B), (300, 700), (2000 * B, 6000 * B)),
    "GOOGL": Plausible((80 * B, 160 * B), (150, 450), (1500 * B, 6000 * B)),
    "AMZN": Plausible((140 * B, 250 * B), (150, 350), (1500 * B, 4000 * B)),
    "META": Plausible((35 * B, 90 * B), (400, 900), (1000 * B, 3000 * B)),
    "TSLA": Plausible((20 * B, 40 * B), (150, 700), (600 * B, 2500 * B)),
    "AMD": Plausible((6 * B, 16 * B), (100, 350), (150 * B, 600 * B)),
    "INTC": Plausible((10 * B, 18 * B), (15, 60), (60 * B, 300 * B)),
    "MU": Plausible((7 * B, 20 * B), (80, 350), (100 * B, 400 * B)),
    "QCOM": Plausible((8 * B, 15 * B), (100, 250), (120 * B, 300 * B)),
}
# The demo's moments: a year before its story's present, that present, a year after.
MOMENTS = (
    datetime(2025, 11, 20, 21, 0, tzinfo=UTC),
    datetime(2026, 11, 20, 21, 0, tzinfo=UTC),
    datetime(2027, 11, 19, 21, 0, tzinfo=UTC),
)
NOW = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)  # a Monday's session, after ALAB's Q3 10-Q
REVENUE = "RevenueFromContractWithCustomerExcludingAssessedTax"


def served(symbol: str, now: datetime) -> tuple[float, float, float]:
    """(the last quarter's revenue, the price, the shares outstanding) the market serves."""
    [row] = json.loads(yahoo.quote_batch([symbol], now))["quoteResponse"]["result"]
    facts = json.loads(sec.companyfacts(symbol, now))["facts"]
    quarters = [f for f in facts["us-gaap"][REVENUE]["units"]["USD"] if "Q" in f.get("frame", "")]
    shares = facts["dei"]["EntityCommonStockSharesOutstanding"]["units"]["shares"]
    return quarters[-1]["val"], row["regularMarketPrice"], shares[-1]["val"]


def test_every_company_the_market_lists_has_its_range_here():
    assert set(RANGES) == LISTED


@pytest.mark.parametrize("symbol", sorted(RANGES))
def test_each_companys_figures_are_plausible_for_its_name(symbol: str):
    plausible = RANGES[symbol]
    for now in MOMENTS:
        revenue, price, shares = served(symbol, now)
        cap = price * shares
        low, high = plausible.revenue
        assert low <= revenue <= high, (symbol, now, f"revenue {revenue / M:,.1f}M")
        low, high = plausible.price
        assert low <= price <= high, (symbol, now, f"price {price}")
        low, high = plausible.cap
        assert low <= cap <= high, (symbol, now, f"market cap {cap / B:,.1f}B")


def test_a_symbol_the_market_does_not_list_is_unknown_to_it_as_to_yahoo():
    """Yahoo's answers for an unknown symbol (../shared/realdata/more/yahoo_quote: an empty
    quote result; a 404 chart and quoteSummary with their errors); Stooq's N/D row."""
    with (
        ReplayMarket(["ALAB"], now=lambda: NOW) as market,
        httpx.Client(base_url=market.url, cookies={"A3": "d=demo"}) as client,
    ):
        crumb = client.get("/v1/test/getcrumb").text  # the crumb the batch asks for
        batch = client.get("/v7/finance/quote", params={"symbols": "NVDAA,ALAB", "crumb": crumb})
        chart = client.get("/v8/finance/chart/NVDAA", params={"range": "5d"})
        summary = client.get(
            "/v10/finance/quoteSummary/NVDAA", params={"modules": "calendarEvents", "crumb": crumb}
        )
        stooq = client.get("/q/l/", params={"s": "nvdaa.us", "f": "sd2t2ohlcvn", "e": "csv"})
        feed = client.get("/rss/2.0/headline", params={"s": "NVDAA"})
    assert [r["symbol"] for r in batch.json()["quoteResponse"]["result"]] == ["ALAB"]
    assert chart.status_code == 404 and chart.json() == {
        "chart": {
            "result": None,
            "error": {"code": "Not Found", "description": "No data found, symbol may be delisted"},
        }
    }
    assert summary.status_code == 404 and summary.json()["quoteSummary"]["result"] is None
    assert stooq.text.splitlines()[1] == "NVDAA.US,N/D,N/D,N/D,N/D,N/D,N/D,N/D,N/D"
    assert "<item>" not in feed.text


@pytest.mark.slow
async def test_a_mistyped_ticker_added_in_the_demo_gets_no_price_and_is_said_unknown(
    isolated_home,
):
    thesis = bundled_example() + b'\n[tickers.NVDAA]\nname = "a typo for NVDA"\n'
    with DemoSession(now=lambda: NOW, thesis=thesis) as demo, private_dirs(demo.folder):
        config = load_config(demo.config_path, use_cache=False)
        with Store.open(demo.db_path) as store:
            store.sync.apply(config, NOW)
            report = await refresh_in_process(config, store, now=lambda: NOW)
            typo = store.market.last_quotes(["NVDAA"])["NVDAA"]
            nvda = load_ticker(store, "NVDA", NOW, NOW.date(), sec_configured=True)
            bars = store.views.price_history("NVDAA", NOW.date().replace(year=2020))
    assert "NVDAA" in report.stale and report.fresh >= set(RANGES) & set(config.tickers)
    assert typo.quote is None and bars == []
    assert typo.error == (
        "yahoo NVDAA: Yahoo knows no such symbol (not in its quote batch); "
        "stooq NVDAA: stooq has no data for it (N/D)"
    )
    # NVIDIA's page, as the app shows it: its scale, from the served quote and companyfacts
    assert nvda is not None
    shown = {f.metric: f.observed.value for f in nvda.fundamentals}
    assert 40 * B <= (shown["revenue_q"] or 0) <= 130 * B, shown
    assert 2000 * B <= (shown["market_cap"] or 0) <= 8000 * B, shown
