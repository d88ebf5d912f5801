"""Each provider's transform on the recorded sample bodies: what becomes a Quote, what an error."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from tests.support.market_server import REALDATA, fixture_text

from catalyst_tui.market.finnhub import FinnhubProvider, parse_finnhub_calendar
from catalyst_tui.market.http.errors import is_refusal
from catalyst_tui.market.models import Bar, FetchError, Quote, Split
from catalyst_tui.market.stooq import StooqProvider
from catalyst_tui.market.yahoo.earnings import parse_calendar_events
from catalyst_tui.market.yahoo.provider import YahooProvider
from catalyst_tui.market.yahoo.quote import quotes_from_batch

UNUSED = "http://unused.invalid"  # transforms never request
CHART = "yahoo_chart-AAPL-2020-01-01-to-2020-01-03.json"
NOT_FOUND = (
    '{"chart":{"result":null,"error":{"code":"Not Found",'
    '"description":"No data found, symbol may be delisted"}}}'
)


def yahoo_at(iso: str) -> YahooProvider:
    return YahooProvider(UNUSED, now=lambda: datetime.fromisoformat(iso))


def chart_sample() -> dict:
    return json.loads(fixture_text(CHART))


def one(results: dict, symbol: str) -> Quote | FetchError:
    assert set(results) == {symbol}
    return results[symbol]


def test_yahoo_chart_sample_gives_quote_from_meta_and_bars_from_indicators() -> None:
    yahoo = yahoo_at("2025-02-20T15:00:00+00:00")
    result = yahoo.chart_result(fixture_text(CHART), "AAPL")
    quote = yahoo.quote_from_chart(result, "AAPL")
    assert quote.price == 244.87
    assert quote.currency == "USD"
    assert quote.quote_time == datetime(2025, 2, 19, 21, 0, 1, tzinfo=UTC)
    assert (quote.fifty_two_week_high, quote.fifty_two_week_low) == (260.1, 164.08)
    assert (quote.day_high, quote.day_low, quote.volume) == (246.01, 243.16, 32129951)
    assert quote.source == "yahoo"
    assert quote.market_state == "REGULAR"
    # The sample's only bar is from 2020, not the market day: no previous close is invented.
    assert quote.prev_close is None and quote.change is None and quote.change_pct is None
    assert yahoo.bars_from_chart(result, "AAPL") == [
        Bar(
            "AAPL",
            date(2020, 1, 2),
            74.05999755859375,
            75.1500015258789,
            73.79750061035156,
            75.0875015258789,
            135480400,
            "yahoo",
        ),
    ]


@pytest.mark.parametrize(
    ("now", "state"),
    [
        ("2025-02-20T10:00:00+00:00", "PRE"),
        ("2025-02-20T14:30:00+00:00", "REGULAR"),
        ("2025-02-20T22:00:00+00:00", "POST"),
        ("2025-02-21T03:00:00+00:00", "CLOSED"),
    ],
)
def test_yahoo_market_state_comes_from_current_trading_period(now: str, state: str) -> None:
    quote = one(yahoo_at(now).transform_quotes(fixture_text(CHART), ["AAPL"]), "AAPL")
    assert isinstance(quote, Quote) and quote.market_state == state


def test_yahoo_previous_close_is_the_bar_before_the_market_day() -> None:
    body = chart_sample()
    result = body["chart"]["result"][0]
    result["timestamp"] = [1739889000, 1739975400]  # 2025-02-18 and 2025-02-19, 09:30 New York
    result["indicators"]["quote"][0] = {
        "open": [239.0, 241.0],
        "high": [241.0, 246.0],
        "low": [238.0, 240.0],
        "close": [240.0, 244.87],
        "volume": [1, 2],
    }
    quote = one(
        yahoo_at("2025-02-20T03:00:00+00:00").transform_quotes(json.dumps(body), ["AAPL"]), "AAPL"
    )
    assert isinstance(quote, Quote)
    assert quote.prev_close == 240.0
    assert quote.change == pytest.approx(4.87)
    assert quote.change_pct == pytest.approx(4.87 / 240.0)


def test_yahoo_chart_of_only_the_market_day_uses_chart_previous_close() -> None:
    body = chart_sample()
    result = body["chart"]["result"][0]
    result["meta"]["chartPreviousClose"] = 241.53
    result["timestamp"] = [1739975400]
    quote = one(
        yahoo_at("2025-02-20T03:00:00+00:00").transform_quotes(json.dumps(body), ["AAPL"]), "AAPL"
    )
    assert isinstance(quote, Quote)
    assert quote.prev_close == 241.53
    assert quote.change_pct == pytest.approx((244.87 - 241.53) / 241.53)


def test_yahoo_bars_skip_null_closes_and_keep_one_bar_per_day() -> None:
    body = chart_sample()
    result = body["chart"]["result"][0]
    result["timestamp"] = [1739889000, 1739975400, 1739998801]  # the last: 19th, live bar
    result["indicators"]["quote"][0] = {
        "open": [None, 241.0, 242.0],
        "high": [None, 246.0, 247.0],
        "low": [None, 240.0, 241.0],
        "close": [None, 244.0, 244.87],
        "volume": [None, 2, 3],
    }
    bars = yahoo_at("2025-02-20T03:00:00+00:00").bars_from_chart(result, "AAPL")
    assert [(b.day, b.close) for b in bars] == [(date(2025, 2, 19), 244.87)]


def _meta_price(value: object) -> str:
    body = chart_sample()
    body["chart"]["result"][0]["meta"]["regularMarketPrice"] = value
    return json.dumps(body)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (NOT_FOUND, "unknown_symbol"),
        ('{"chart":{"result":[],"error":null}}', "unknown_symbol"),
        ("<!DOCTYPE html><html><body>Will be right back</body></html>", "bad_body"),
        (fixture_text(CHART)[:600], "bad_body"),
        ("", "bad_body"),
        ('{"finance":{"error":{"code":"Bad Request"}}}', "bad_body"),
        ('{"chart":{"result":null,"error":{"code":"Bad Request","description":"x"}}}', "bad_body"),
        (_meta_price(0), "bad_body"),
        (_meta_price(None), "bad_body"),
        (_meta_price("244.87"), "bad_body"),
    ],
    ids=[
        "not-found",
        "empty-result",
        "html",
        "truncated",
        "empty",
        "other-json",
        "bad-request",
        "price-zero",
        "price-null",
        "price-string",
    ],
)
def test_yahoo_error_bodies_are_fetch_errors_never_quotes(body: str, kind: str) -> None:
    result = one(yahoo_at("2025-02-20T15:00:00+00:00").transform_quotes(body, ["AAPL"]), "AAPL")
    assert isinstance(result, FetchError)
    assert (result.kind, result.provider, result.symbol) == (kind, "yahoo", "AAPL")


def test_stooq_sample_csv_gives_quote_without_previous_close() -> None:
    quote = one(
        StooqProvider(UNUSED).transform_quotes(fixture_text("stooq_quote.csv"), ["NVR"]), "NVR"
    )
    assert isinstance(quote, Quote)
    assert (quote.symbol, quote.price, quote.source, quote.currency) == (
        "NVR",
        5908.87,
        "stooq",
        "USD",
    )
    assert (quote.day_high, quote.day_low, quote.volume) == (5917.7, 5850.5, 6346)
    # 22:00:37 in Warsaw (CET, UTC+1) is 21:00:37 UTC: the 16:00 New York close.
    assert quote.quote_time == datetime(2021, 12, 31, 21, 0, 37, tzinfo=UTC)
    assert quote.prev_close is None and quote.change is None and quote.change_pct is None


def test_stooq_nd_row_fails_only_that_symbol() -> None:
    body = fixture_text("stooq_quote.csv") + "APPL.US,N/D,N/D,N/D,N/D,N/D,N/D,N/D,N/D\n"
    results = StooqProvider(UNUSED).transform_quotes(body, ["NVR", "APPL"])
    assert isinstance(results["NVR"], Quote)
    assert isinstance(results["APPL"], FetchError) and results["APPL"].kind == "unknown_symbol"


def test_stooq_unknown_sample_is_unknown_symbol() -> None:
    result = one(
        StooqProvider(UNUSED).transform_quotes(fixture_text("stooq_quote_unknown.csv"), ["APPL"]),
        "APPL",
    )
    assert isinstance(result, FetchError) and result.kind == "unknown_symbol"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (fixture_text("stooq_limit.txt"), "quota"),
        ("<html><body>Stooq</body></html>", "bad_body"),
        ("NVR.US,2021-12-31,22:00:37,5884.1,5917.7,5850.5,5908.87,6346,NVR\n", "bad_body"),
        ("", "bad_body"),
    ],
    ids=["quota", "html", "no-header", "empty"],
)
def test_stooq_body_failures_fail_every_symbol_of_the_batch(body: str, kind: str) -> None:
    results = StooqProvider(UNUSED).transform_quotes(body, ["NVR", "ALAB"])
    assert all(isinstance(r, FetchError) and r.kind == kind for r in results.values())
    assert set(results) == {"NVR", "ALAB"}


def test_stooq_symbol_missing_from_answer_is_unknown_symbol() -> None:
    results = StooqProvider(UNUSED).transform_quotes(
        fixture_text("stooq_quote.csv"), ["NVR", "ALAB"]
    )
    assert isinstance(results["ALAB"], FetchError) and results["ALAB"].kind == "unknown_symbol"


def test_stooq_history_csv_gives_bars_and_no_data_is_unknown() -> None:
    stooq = StooqProvider(UNUSED)
    body = (
        "Date,Open,High,Low,Close,Volume\r\n2024-01-02,10,11,9,10.5,100\r\n2024-01-03,1,1,1,,\r\n"
    )
    assert stooq.transform_history(body, "ALAB") == [
        Bar("ALAB", date(2024, 1, 2), 10.0, 11.0, 9.0, 10.5, 100, "stooq")
    ]
    with pytest.raises(FetchError) as raised:
        stooq.transform_history("No data", "ALAB")
    assert raised.value.kind == "unknown_symbol"
    with pytest.raises(FetchError) as raised:
        stooq.transform_history(fixture_text("stooq_limit.txt"), "ALAB")
    assert raised.value.kind == "quota"


def test_finnhub_sample_quote() -> None:
    finnhub = FinnhubProvider("key", UNUSED)
    quote = one(finnhub.transform_quotes(fixture_text("finnhub_quote.json"), ["AAPL"]), "AAPL")
    assert isinstance(quote, Quote)
    assert (quote.price, quote.prev_close, quote.day_high, quote.day_low) == (
        261.74,
        259.45,
        263.31,
        260.68,
    )
    assert quote.change == pytest.approx(2.29)
    assert quote.change_pct == pytest.approx(2.29 / 259.45)
    assert quote.quote_time == datetime.fromtimestamp(1582641000, UTC)
    assert quote.source == "finnhub"


def test_finnhub_percent_change_is_turned_into_a_fraction() -> None:
    body = '{"c":101.27,"d":1.27,"dp":1.27,"h":102,"l":99,"o":100,"pc":100,"t":1582641000}'
    quote = one(FinnhubProvider("key", UNUSED).transform_quotes(body, ["ALAB"]), "ALAB")
    assert isinstance(quote, Quote) and quote.change_pct == pytest.approx(0.0127)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ('{"c":0,"d":null,"dp":null,"h":0,"l":0,"o":0,"pc":0,"t":0}', "unknown_symbol"),
        ('{"error":"Invalid API key"}', "auth"),
        ("<html>nginx</html>", "bad_body"),
        ('{"c":12.5,"t":0}', "bad_body"),
    ],
    ids=["all-zero", "error", "html", "no-time"],
)
def test_finnhub_error_bodies_are_fetch_errors(body: str, kind: str) -> None:
    result = one(FinnhubProvider("key", UNUSED).transform_quotes(body, ["ZZZZ"]), "ZZZZ")
    assert isinstance(result, FetchError) and result.kind == kind


def test_a_web_page_where_data_was_asked_for_is_a_refusal_and_only_that() -> None:
    """Each provider's HTML page is a bad body that turns the client away (it is paused); an
    error that only mentions such a page in its words is no refusal."""
    page = "<!DOCTYPE html><html><body>Will be right back</body></html>"
    yahoo = yahoo_at("2025-02-20T15:00:00+00:00")
    failures = [
        one(yahoo.transform_quotes(page, ["AAPL"]), "AAPL"),
        quotes_from_batch(page, ["AAPL"], datetime(2025, 2, 20, 15, tzinfo=UTC))["AAPL"],
        StooqProvider(UNUSED).transform_quotes(page, ["NVR"])["NVR"],
        one(FinnhubProvider("key", UNUSED).transform_quotes(page, ["ZZZZ"]), "ZZZZ"),
    ]
    for failure in failures:
        assert isinstance(failure, FetchError) and failure.kind == "bad_body", failure
        assert "an HTML page instead of" in failure.message and is_refusal(failure), failure
    said = '{"chart":{"result":null,"error":{"code":"Bad Request","description":"HTML page"}}}'
    worded = one(yahoo.transform_quotes(said, ["AAPL"]), "AAPL")
    assert isinstance(worded, FetchError) and worded.kind == "bad_body"
    assert not is_refusal(worded)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 4, 1), date(2025, 4, 30)),
        (date(2025, 5, 1), date(2025, 5, 5)),
        (date(2025, 6, 1), None),
    ],
)
def test_yahoo_calendar_events_sample_gives_earliest_date_not_before_today(
    today: date, expected: date | None
) -> None:
    body = fixture_text("yahoo_quoteSummary-calendarEvents-AAPL.json")
    found = parse_calendar_events(body, "AAPL", today)
    assert (found.day if found else None) == expected
    if found:
        assert found.estimate and found.source == "yahoo"


def test_finnhub_calendar_sample_gives_the_date_for_the_symbol() -> None:
    data = json.loads(fixture_text("finnhub_calendar_earnings.json"))
    found = parse_finnhub_calendar(data, "AAPL", date(2026, 1, 1))
    assert found is not None and (found.day, found.source) == (date(2026, 1, 29), "finnhub")
    assert parse_finnhub_calendar(data, "AAPL", date(2026, 2, 1)) is None
    assert parse_finnhub_calendar(data, "MSFT", date(2026, 1, 1)) is None


def test_stooq_cut_off_rows_never_become_prices() -> None:
    stooq = StooqProvider(UNUSED)
    cut_quote = fixture_text("stooq_quote.csv")[:101]  # inside the Close field
    result = one(stooq.transform_quotes(cut_quote, ["NVR"]), "NVR")
    assert isinstance(result, FetchError) and result.kind == "bad_body"
    cut_history = (
        "Date,Open,High,Low,Close,Volume\r\n2024-01-02,10,11,9,10.5,100\r\n2024-01-03,1,2,1,1"
    )
    assert [b.day for b in stooq.transform_history(cut_history, "ALAB")] == [date(2024, 1, 2)]


def test_yahoo_without_trading_periods_has_no_market_state() -> None:
    body = chart_sample()
    del body["chart"]["result"][0]["meta"]["currentTradingPeriod"]
    quote = one(
        yahoo_at("2025-02-20T15:00:00+00:00").transform_quotes(json.dumps(body), ["AAPL"]), "AAPL"
    )
    assert isinstance(quote, Quote) and quote.market_state is None


# -- splits in the chart's events -------------------------------------------------------------


def _chart_results() -> list[tuple[str, dict]]:
    """(name, chart.result[0]) of every recorded chart that has one (not the error answers)."""
    found = []
    for path in sorted((REALDATA / "yahoo_chart").glob("*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))["response"].get("bodyJson") or {}
        results = (body.get("chart") or {}).get("result")
        if results:
            found.append((path.stem, results[0]))
    return found


CHARTS = _chart_results()


def test_yahoo_history_asks_for_dividends_and_splits_and_a_bare_quote_does_not() -> None:
    yahoo = yahoo_at("2026-11-20T15:00:00+00:00")
    assert "events=div%2Csplits" in yahoo.chart_url("NVDA", date(2026, 11, 1))
    assert "events=div%2Csplits" in yahoo.chart_url("NVDA", None)
    assert "events" not in yahoo.chart_url("NVDA", history=False)


@pytest.mark.parametrize(
    ("name", "symbol", "day"),
    [
        ("yahoo_chart-AAPL-2020-08-31-to-2020-11-07-split-4to1.json", "AAPL", date(2020, 8, 31)),
        ("yahoo_chart-NVDA-2021-02-01-to-2022-01-31-split-4to1.json", "NVDA", date(2021, 7, 20)),
    ],
)
def test_yahoo_split_events_of_the_recorded_charts(name: str, symbol: str, day: date) -> None:
    recording = json.loads(fixture_text(name))
    body = recording["response"]["bodyJson"] if "response" in recording else recording
    yahoo = yahoo_at("2025-02-20T15:00:00+00:00")
    result = yahoo.chart_result(json.dumps(body), symbol)
    (split,) = yahoo.splits_from_chart(result, symbol)
    assert split == Split(symbol, day, 4, 1) and split.ratio == 4 and split.text == "4:1"


def test_the_recorded_charts_include_split_events() -> None:
    with_splits = [name for name, r in CHARTS if (r.get("events") or {}).get("splits")]
    assert len(CHARTS) > 30 and len(with_splits) >= 2, with_splits


@pytest.mark.parametrize(("name", "result"), CHARTS, ids=[name for name, _ in CHARTS])
def test_every_recorded_chart_gives_exactly_its_split_events(name: str, result: dict) -> None:
    recorded = (result.get("events") or {}).get("splits") or {}
    offset = result["meta"].get("gmtoffset") or 0
    expected = sorted(
        Split(
            "X",
            datetime.fromtimestamp(e["date"] + offset, UTC).date(),
            e["numerator"],
            e["denominator"],
        )
        for e in recorded.values()
    )
    assert list(yahoo_at("2025-02-20T15:00:00+00:00").splits_from_chart(result, "X")) == expected


@pytest.mark.parametrize(
    "entry",
    [
        {"date": 1598880600, "numerator": 0, "denominator": 1},
        {"date": 1598880600, "numerator": 4, "denominator": None},
        {"date": "1598880600", "numerator": 4, "denominator": 1},
        {"date": 1598880600, "numerator": 1, "denominator": 1},
        "4:1",
    ],
)
def test_a_split_entry_without_a_usable_date_or_ratio_is_left_out(entry) -> None:
    result = chart_sample()["chart"]["result"][0]
    result["events"] = {"splits": {"1598880600": entry}}
    assert yahoo_at("2025-02-20T15:00:00+00:00").splits_from_chart(result, "AAPL") == ()


# -- every recorded chart: the quote is the chart's own meta, the bars its own indicators --------


@pytest.mark.parametrize(("name", "result"), CHARTS, ids=[name for name, _ in CHARTS])
def test_every_recorded_chart_gives_its_own_meta_and_bars(name: str, result: dict) -> None:
    yahoo = yahoo_at("2025-04-01T15:00:00+00:00")  # after every recording: none is from the future
    meta = result["meta"]
    bars = yahoo.bars_from_chart(result, "X")
    # Bars: one per exchange-local day with a close, each the recording's own numbers.
    series = result.get("indicators", {}).get("quote", [{}])[0] or {}
    offset = meta.get("gmtoffset") or 0
    expected: dict[date, float] = {}
    for i, stamp in enumerate(result.get("timestamp") or []):
        close = (series.get("close") or [None] * (i + 1))[i]
        if close is not None and close > 0:
            expected[datetime.fromtimestamp(stamp + offset, UTC).date()] = close  # last one wins
    assert [(b.day, b.close) for b in bars] == sorted(expected.items())
    assert all(b.low <= b.close <= b.high for b in bars if b.low and b.high)
    if not (meta.get("regularMarketPrice") or 0) > 0:
        with pytest.raises(FetchError):
            yahoo.quote_from_chart(result, "X", bars)
        return
    quote = yahoo.quote_from_chart(result, "X", bars)
    assert quote.price == meta["regularMarketPrice"]
    assert quote.currency == meta.get("currency")  # GBp stays GBp: the listing's own unit
    assert quote.quote_time == datetime.fromtimestamp(meta["regularMarketTime"], UTC)
    assert quote.fifty_two_week_high == meta.get("fiftyTwoWeekHigh")
    assert quote.fifty_two_week_low == meta.get("fiftyTwoWeekLow")
    assert quote.day_high == meta.get("regularMarketDayHigh")
    assert quote.volume == meta.get("regularMarketVolume")
    if meta.get("previousClose"):
        assert quote.prev_close == meta["previousClose"]
    if quote.prev_close is not None:
        assert quote.change == pytest.approx(quote.price - quote.prev_close)
        assert quote.change_pct == pytest.approx(quote.price / quote.prev_close - 1)


def test_the_recorded_charts_cover_the_listing_currencies() -> None:
    currencies = {r["meta"].get("currency") for _, r in CHARTS}
    assert {"USD", "GBp", "DKK", "NOK", "EUR", "IDR", "CAD"} <= currencies, currencies
    assert len(CHARTS) == 44
