"""The replay market's benchmarks (demo/funds.py): SPY and SOXX answered over HTTP as Yahoo answers
an ETF, their daily chart with its dividends in the recorded `events` shape, read by the
project's own parser; not companies (no SEC entry). And the Street kept before each report
(demo/street_kept.py): the consensus frozen the day before it, in a real database."""

from __future__ import annotations

import json
import urllib.request
from datetime import UTC, date, datetime
from pathlib import Path

from catalyst_tui.demo import ReplayMarket, yahoo
from catalyst_tui.demo.company import release_time, released, statement
from catalyst_tui.demo.funds import FUNDS
from catalyst_tui.demo.prices import close, previous_session
from catalyst_tui.demo.server import Request
from catalyst_tui.demo.street_kept import keep_street
from catalyst_tui.market.yahoo.chart import dividends_from_chart
from catalyst_tui.market.yahoo.estimates import MODULES, parse_estimates
from catalyst_tui.market.yahoo.provider import YahooProvider
from catalyst_tui.store import Store
from tests.support.market_server import realdata_body

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
DIVIDENDS = "historical-via-chart-MSFT-dividends-2021-02-01-to-2022-01-31.csv.json"
YEAR = {
    "period1": str(int(datetime(2025, 11, 23, tzinfo=UTC).timestamp())),
    "period2": str(int(NOW.timestamp())),
    "interval": "1d",
    "events": "div,splits",
}


def test_a_benchmark_s_chart_carries_its_quarterly_dividends_as_yahoo_writes_them():
    recorded = realdata_body("yahoo_chart", DIVIDENDS)["chart"]["result"][0]
    for symbol in ("SPY", "SOXX"):
        status, body = yahoo.chart(symbol, YEAR, NOW)
        mine = json.loads(body)["chart"]["result"][0]
        assert status == 200 and mine["meta"]["instrumentType"] == "ETF"
        assert set(mine["events"]) == set(recorded["events"]) == {"dividends"}
        (theirs, *_), (ours, *_) = (
            recorded["events"]["dividends"].values(),
            mine["events"]["dividends"].values(),
        )
        assert set(ours) == set(theirs)
        provider = YahooProvider("", now=lambda: NOW)
        paid = dividends_from_chart(provider.chart_result(body, symbol), symbol, NOW)
        # the third Friday of each quarter's last month in the year to NOW
        assert [d.day for d in paid] == [
            date(2025, 12, 19),
            date(2026, 3, 20),
            date(2026, 6, 19),
            date(2026, 9, 18),
        ]
        for d in paid:  # a quarter of the yearly yield on the close before, within 10%
            quarter = close(symbol, previous_session(d.day)) * FUNDS[symbol].dividend_yield / 4
            assert 0.9 * quarter <= d.amount <= 1.1 * quarter
        # adjclose: the first close times (1 - dividend / the close before) for each dividend
        closes = mine["indicators"]["quote"][0]["close"]
        factor = 1.0
        for d in paid:
            factor *= 1 - d.amount / close(symbol, previous_session(d.day))
        assert abs(mine["indicators"]["adjclose"][0]["adjclose"][0] - closes[0] * factor) < 1e-3
        assert mine["indicators"]["adjclose"][0]["adjclose"][-1] == closes[-1]


def test_the_market_answers_the_benchmarks_on_yahoo_only():
    with ReplayMarket((), now=lambda: NOW) as market:
        for symbol in FUNDS:
            url = f"{market.url}/v8/finance/chart/{symbol}?range=1y&interval=1d&events=div"
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
                result = json.loads(response.read())["chart"]["result"][0]
            assert len(result["timestamp"]) > 250 and len(result["events"]["dividends"]) == 4
        batch = json.loads(yahoo.quote_batch(list(FUNDS), NOW))["quoteResponse"]["result"]
        assert [(r["quoteType"], "earningsTimestamp" in r) for r in batch] == [
            ("ETF", False)
        ] * len(FUNDS)
        assert [r["longName"] for r in batch] == [f.name for f in FUNDS.values()]
        assert not set(FUNDS) & set(market.symbols)  # SEC's map lists companies only
        session = {"cookie": yahoo.COOKIE.split(";")[0]}
        for symbol in FUNDS:  # a fund has no Street: Yahoo's 404, read as "none kept"
            query = {"modules": MODULES, "crumb": yahoo.CRUMB}
            status, _, body = market.answer(
                Request(f"/v10/finance/quoteSummary/{symbol}", query, session, "127.0.0.1")
            )
            assert status == 404 and parse_estimates(body, symbol, NOW.date()) is None


def test_the_street_is_kept_as_frozen_the_day_before_each_report(tmp_path: Path):
    with Store.open(tmp_path / "catalyst.db") as store:
        keep_street(store, ["ALAB", "SPY", "ZZZZ"], NOW)
        kept = store.estimates.of("ALAB")
        assert store.estimates.of("SPY") is None and store.estimates.of("ZZZZ") is None
    assert kept is not None and len(kept.frozen) == 4
    for frozen, (year, quarter) in zip(kept.frozen, released("ALAB", NOW, 4), strict=True):
        report = release_time("ALAB", year, quarter)
        assert frozen.report == report.date() and frozen.as_of == date.fromordinal(
            report.date().toordinal() - 1
        )
        # the demo's Street: 97% of what the quarter turns out to be (demo/street.py)
        actual = statement("ALAB", year, quarter)
        assert frozen.revenue == round(actual.revenue * 1000 * 0.97, -3)
        assert frozen.eps == round(actual.eps_nongaap * 0.97, 4)
