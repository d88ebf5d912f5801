"""Yahoo's intraday chart (market/yahoo/intraday.py): against the loopback market's intraday
answers and the recorded weekend answer with no bars, figures checked against the answer's own
columns and meta."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from tests.support.market_server import MarketServer, intraday_closes, realdata_body

from catalyst_tui.market.intraday import SPANS
from catalyst_tui.market.models import FetchError
from catalyst_tui.market.yahoo.intraday import fetch_intraday, intraday_url, read_intraday

WEEKEND = "chart-AAPL-2025-02-01-to-2025-02-02-includePrePost-false-interval-1m.json"
# Friday 2026-11-20, 11:02 New York (EST): 18 five-minute bars begun, the 19th not yet.
MIDMORNING = datetime(2026, 11, 20, 16, 2, tzinfo=UTC)


def frozen(server: MarketServer, at: datetime) -> MarketServer:
    server.now = lambda: at  # type: ignore[method-assign]
    return server


def test_the_request_asks_yahoo_for_the_span_s_range_and_bars():
    assert intraday_url("http://h/", "BRK.B", "1D") == (
        "http://h/v8/finance/chart/BRK-B?range=1d&interval=5m&includePrePost=false"
    )
    assert "range=5d&interval=15m" in intraday_url("http://h", "ALAB", "5D")
    assert SPANS["5D"].bar == timedelta(minutes=15)


async def test_1d_holds_the_bars_of_the_session_so_far_their_closes_as_answered(client):
    with frozen(MarketServer(["ALAB"]), MIDMORNING) as server:
        chart = await fetch_intraday(client, server.url, "ALAB", "1D", lambda: MIDMORNING)
        [request] = server.requests_for("yahoo", "chart")
    assert request.query["interval"] == ["5m"] and request.query["range"] == ["1d"]
    answered = intraday_closes(server, "ALAB", MIDMORNING.date(), 5)
    assert len(answered) == 19  # 09:30 .. 11:00 begun by 11:02
    # the null bar (Yahoo's untraded one) is left out; every other close as answered
    assert [bar.close for bar in chart.bars] == [c for c in answered if c is not None]
    assert len(chart.bars) == 18
    assert chart.bars[0].at == datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
    assert chart.bars[-1].at == datetime(2026, 11, 20, 16, 0, tzinfo=UTC)
    assert chart.zone == "America/New_York" and chart.utc_offset == -18000
    [session] = chart.sessions
    assert session.start.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M") == "09:30"
    assert session.end - session.start == timedelta(hours=6, minutes=30)
    assert chart.previous_close == server.close("ALAB", datetime(2026, 11, 19).date())


async def test_5d_holds_five_sessions_of_15_minute_bars(client):
    after_close = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)
    with frozen(MarketServer(["NVDA"]), after_close) as server:
        chart = await fetch_intraday(client, server.url, "NVDA", "5D", lambda: after_close)
    assert [s.start.date().isoformat() for s in chart.sessions] == [
        "2026-11-16",
        "2026-11-17",
        "2026-11-18",
        "2026-11-19",
        "2026-11-20",
    ]
    assert len(chart.bars) == 5 * (26 - 1)  # 26 bars a session, one of them null
    assert chart.bars[-1].close == server.close("NVDA", after_close.date())


def test_the_recorded_weekend_answer_has_no_bars_and_says_when_the_session_is():
    body = json.dumps(realdata_body("yahoo_chart", WEEKEND))
    chart = read_intraday(body, "AAPL", "1D", datetime(2025, 2, 20, tzinfo=UTC))
    assert chart.bars == ()
    meta = realdata_body("yahoo_chart", WEEKEND)["chart"]["result"][0]["meta"]
    regular = meta["currentTradingPeriod"]["regular"]
    [session] = chart.sessions
    assert session.start == datetime.fromtimestamp(regular["start"], UTC)
    assert session.end == datetime.fromtimestamp(regular["end"], UTC)
    assert chart.zone == meta["exchangeTimezoneName"]
    assert chart.previous_close == meta["chartPreviousClose"]


async def test_an_unknown_symbol_is_yahoo_s_not_found(client):
    with MarketServer(["ALAB"]) as server, pytest.raises(FetchError) as raised:
        await fetch_intraday(client, server.url, "NOPE", "1D")
    assert raised.value.kind == "unknown_symbol"


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda r: r["indicators"]["quote"][0].update(close=[1e300]), "out of range"),
        (lambda r: r.update(timestamp=[4102444800]), "in the future"),
        (lambda r: r["meta"].update(gmtoffset=10**7), "no time zone"),
        (lambda r: r.update(timestamp="1700000000"), "not lists"),
    ],
)
def test_an_absurd_value_is_a_located_error_not_a_chart(change, said):
    body = realdata_body("yahoo_chart", WEEKEND)
    result = body["chart"]["result"][0]
    result["timestamp"] = [1738593000]
    result["indicators"] = {
        "quote": [
            {"close": [230.0], "open": [230.0], "high": [231.0], "low": [229.0], "volume": [10]}
        ]
    }
    change(result)
    with pytest.raises(FetchError) as raised:
        read_intraday(json.dumps(body), "AAPL", "1D", datetime(2025, 2, 20, tzinfo=UTC))
    assert said in raised.value.message and raised.value.symbol == "AAPL"


def test_an_html_page_or_a_cut_body_is_no_chart():
    for body in ("<html><body>Oops</body></html>", '{"chart": {"result": [{"meta": '):
        with pytest.raises(FetchError):
            read_intraday(body, "AAPL", "1D", datetime(2025, 2, 20, tzinfo=UTC))


@pytest.mark.parametrize("named", ["Europe", "../etc/passwd", "x" * 5000, "Mars/Olympus"])
def test_a_zone_named_that_is_no_zone_leaves_the_fixed_offset(named):
    """The recorded answer with its exchangeTimezoneName replaced: a folder of zones, a path, a
    name longer than a file's are no zone; the chart keeps its gmtoffset, nothing raises."""
    answer = realdata_body("yahoo_chart", WEEKEND)
    meta = answer["chart"]["result"][0]["meta"]
    meta["exchangeTimezoneName"] = named
    chart = read_intraday(json.dumps(answer), "AAPL", "1D", datetime(2025, 2, 20, tzinfo=UTC))
    assert chart.zone == ""
    offset = chart.exchange_zone().utcoffset(None)
    assert offset == timedelta(seconds=meta["gmtoffset"])
