"""The Street's view from Yahoo's quoteSummary: every recorded calendarEvents answer read exactly
(its consensus, value for value), earningsTrend and earningsHistory in Yahoo's documented shape
(tests/support/street.py: no recording of them exists), bounds, and the one request a symbol on
the quotes' crumb."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from tests.support.market_server import MarketServer
from tests.support.shared import REALDATA, SAMPLES
from tests.support.street import history_row, modules, trend_row, val

from catalyst_tui.market.estimates import Consensus, Range, Surprise
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import FetchError
from catalyst_tui.market.yahoo.estimates import YahooEstimates, parse_estimates, raw
from catalyst_tui.market.yahoo.session import YahooCrumb

CALENDARS = sorted((REALDATA / "yahoo_calendar").glob("quoteSummary-calendarEvents-*.json"))
SAMPLE = SAMPLES / "yahoo_quoteSummary-calendarEvents-AAPL.json"
DAY = date(2025, 1, 1)


def _recorded(path: Path) -> tuple[str, int, dict]:
    if path == SAMPLE:
        return "AAPL", 200, json.loads(path.read_text(encoding="utf-8"))
    recording = json.loads(path.read_text(encoding="utf-8"))
    symbol = path.name.removeprefix("quoteSummary-calendarEvents-").removesuffix(".json")
    return symbol, recording["response"]["status"], recording["response"]["bodyJson"]


@pytest.mark.parametrize("path", [*CALENDARS, SAMPLE], ids=lambda p: p.stem.rsplit("-", 1)[-1])
def test_every_recorded_calendar_gives_its_consensus_value_for_value(path: Path) -> None:
    symbol, status, body = _recorded(path)
    found = parse_estimates(json.dumps(body), symbol, DAY)
    if status == 404:  # a fund, a coin, a currency, a future, an index: real, no estimates
        assert found is None
        return
    earnings = body["quoteSummary"]["result"][0]["calendarEvents"]["earnings"]
    assert found is not None and found.periods == () and found.history == ()
    first = min(datetime.fromtimestamp(s, UTC).date() for s in earnings["earningsDate"])
    assert found.next_date is not None and found.next_date.day == first
    said = [
        earnings.get(k)
        for k in (
            "earningsAverage",
            "earningsLow",
            "earningsHigh",
            "revenueAverage",
            "revenueLow",
            "revenueHigh",
        )
    ]
    if all(v is None for v in said):  # CMCOM.AS, OCDO.L: dates without a consensus
        assert found.next_report is None
        return
    assert found.next_report == Consensus(
        "0q", eps=Range(*said[:3]), revenue=Range(*said[3:])
    )  # each value the recording's, None where it says none (CRON, THYAO.IS: no EPS)


def test_the_recordings_hold_both_kinds_of_answer() -> None:
    consensus = [p for p in CALENDARS if "revenueAverage" in json.dumps(_recorded(p)[2])]
    assert len(CALENDARS) == 28 and len(consensus) == 16


END_Q = date(2025, 3, 31)


def _answer(trend: list[dict], history: list[dict], **calendar: object) -> str:
    body: dict = {
        "quoteSummary": {
            "result": [
                {
                    "calendarEvents": {
                        "maxAge": 1,
                        "earnings": {"earningsDate": [1746010740], **calendar},
                    },
                    **modules(trend, history),
                }
            ],
            "error": None,
        }
    }
    return json.dumps(body)


def test_earnings_trend_and_history_are_read_from_raw() -> None:
    trend = [
        trend_row(
            "0q",
            END_Q,
            (1.61, 1.5, 1.67, 28),
            (94.0e9, 89.4e9, 95.9e9, 26),
            (1.61, 1.60, 1.58, 1.55, 1.50),
            (3, 9, 1, 2),
        ),
        trend_row("+1q", date(2025, 6, 30), (1.45, 1.3, 1.6, 27), (88e9, 85e9, 90e9, 25)),
        trend_row(
            "0y",
            date(2025, 9, 30),
            (7.3, 7.0, 7.8, 40),
            (410e9, 400e9, 420e9, 38),
            (7.3, 7.28, 7.1, 7.0, 6.9),
            (2, 12, 0, 3),
        ),
        trend_row("+1y", date(2026, 9, 30), (8.1, 7.5, 9.0, 38), (440e9, 420e9, 460e9, 36)),
        trend_row("+5y", date(2030, 9, 30), (None, None, None, None), (None, None, None, None)),
    ]
    history = [
        history_row(date(2024, 12, 31), 2.40, 2.35, 0.0213, "-1q"),
        history_row(date(2024, 3, 31), 1.53, 1.50, 0.02, "-4q"),
        history_row(date(2024, 9, 30), 1.64, 1.60, 0.025, "-2q"),
        history_row(date(2024, 6, 30), 1.40, 1.35, 0.037, "-3q"),
    ]
    found = parse_estimates(_answer(trend, history), "AAPL", DAY)
    assert found is not None
    assert [p.period for p in found.periods] == ["0q", "+1q", "0y", "+1y"]  # +5y: not shown
    q = found.period("0q")
    assert q == Consensus(
        "0q",
        END_Q,
        Range(1.61, 1.5, 1.67, 28),
        Range(94.0e9, 89.4e9, 95.9e9, 26),
        (1.61, 1.60, 1.58, 1.55, 1.50),
        up_7d=3,
        up_30d=9,
        down_7d=1,
        down_30d=2,
    )
    y = found.period("0y")
    assert y is not None and y.trend == (7.3, 7.28, 7.1, 7.0, 6.9) and y.up_30d == 12
    assert found.period("+1q") == Consensus(
        "+1q", date(2025, 6, 30), Range(1.45, 1.3, 1.6, 27), Range(88e9, 85e9, 90e9, 25)
    )  # no trend, no revisions said: None, not 0
    assert found.history == (
        Surprise(date(2024, 3, 31), 1.53, 1.50, 0.02),
        Surprise(date(2024, 6, 30), 1.40, 1.35, 0.037),
        Surprise(date(2024, 9, 30), 1.64, 1.60, 0.025),
        Surprise(date(2024, 12, 31), 2.40, 2.35, 0.0213),
    )  # oldest first


def test_a_value_is_raw_bare_or_wrapped_never_fmt() -> None:
    assert raw(1.5) == 1.5 and raw({"raw": 1.5, "fmt": "9.99"}) == 1.5
    assert raw({"fmt": "1.50"}) is None and raw("1.5") is None and raw(True) is None
    assert raw({}) is None and raw(None) is None


def test_values_out_of_bounds_or_malformed_are_no_value_and_spoil_nothing_else() -> None:
    row = trend_row("0y", END_Q, (7.3, 7.0, 7.8, 40), (410e9, 400e9, 420e9, 38))
    row["earningsEstimate"]["low"] = val(1e300)  # no EPS is that
    row["earningsEstimate"]["numberOfAnalysts"] = val(2.5)  # no count: no estimate of it
    row["revenueEstimate"]["avg"] = {"raw": "410B", "fmt": "410B"}  # text, not a number
    row["revenueEstimate"]["low"] = val(-4e9)  # no revenue is below zero
    row["epsRevisions"] = ["not", "an", "object"]
    rows: list = [row, "junk", {"period": 7}]
    history = [{"quarter": "soon"}, history_row(END_Q, 1.0, None, None)]
    answer = _answer(rows, history, earningsAverage=True, revenueAverage=5e9)
    found = parse_estimates(answer, "AAPL", DAY)
    assert found is not None
    y = found.period("0y")
    assert y is not None and y.eps == Range() and y.trend == (None,) * 5
    assert y.revenue == Range(None, None, 420e9, 38) and y.up_30d is None
    assert found.history == (Surprise(END_Q, 1.0, None, None),)
    assert found.next_report == Consensus("0q", eps=Range(), revenue=Range(5e9))


def test_modules_that_are_not_objects_are_no_estimates_not_an_error() -> None:
    body: dict = {
        "quoteSummary": {
            "result": [{"earningsTrend": [], "earningsHistory": "x", "calendarEvents": None}],
            "error": None,
        }
    }
    found = parse_estimates(json.dumps(body), "AAPL", DAY)
    assert found is not None
    assert (found.next_date, found.next_report, found.periods, found.history) == (
        None,
        None,
        (),
        (),
    )


def test_an_answer_of_another_shape_is_a_bad_body() -> None:
    for body in ('{"quoteSummary": {"result": [], "error": null}}', "[1]", "not json"):
        with pytest.raises(FetchError) as raised:
            parse_estimates(body, "AAPL", DAY)
        assert raised.value.kind == "bad_body"


async def test_one_request_a_symbol_asks_every_module_on_the_quotes_crumb(
    market_server: MarketServer, client: MarketClient
) -> None:
    end = market_server.next_earnings("ALAB")
    market_server.street["ALAB"] = modules(
        [trend_row("0q", END_Q, (0.33, 0.3, 0.36, 9), (210e6, 205e6, 215e6, 9))],
        [],
        calendar={"earningsAverage": 0.33, "revenueAverage": 210e6},
    )
    crumb = YahooCrumb(market_server.url, market_server.cookie_url)
    yahoo = YahooEstimates(market_server.url, crumb)
    found = await yahoo.estimates(client, "ALAB", market_server.now().date())
    assert found is not None and found.next_date is not None and found.next_date.day == end
    assert found.next_report == Consensus(
        "0q", eps=Range(0.33, 1.5, 1.67), revenue=Range(210e6, 89370000000, 95903397000)
    )  # the test's average, the sample's low and high
    assert found.period("0q") == Consensus(
        "0q", END_Q, Range(0.33, 0.3, 0.36, 9), Range(210e6, 205e6, 215e6, 9)
    )
    (summary,) = market_server.requests_for(endpoint="quoteSummary")
    assert summary.query["modules"] == ["calendarEvents,earningsTrend,earningsHistory"]
    assert summary.query["formatted"] == ["false"] and summary.query["crumb"] == [
        market_server.crumb
    ]
    assert len(market_server.requests_for(endpoint="getcrumb")) == 1


async def test_a_429_for_quote_summary_is_a_refusal(
    market_server: MarketServer, client: MarketClient
) -> None:
    market_server.inject("rate_limit", endpoint="quoteSummary")
    yahoo = YahooEstimates(
        market_server.url, YahooCrumb(market_server.url, market_server.cookie_url)
    )
    with pytest.raises(FetchError) as raised:
        await yahoo.estimates(client, "ALAB", market_server.now().date())
    assert raised.value.kind == "rate_limited"


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("CNY", "CNY"),
        ("EUR", "EUR"),
        ("GBp", "GBp"),
        ("\x1b]0;x\x07", None),
        ("yuan", None),
        (7, None),
        ({"raw": "CNY"}, None),
        ("CNY" * 40, None),
    ],
)
def test_the_consensus_says_its_money_or_nothing(said: object, read: str | None) -> None:
    row = trend_row("0y", END_Q, (60.0, 55.0, 66.0, 30), (1e11, 9e10, 1.1e11, 25))
    row["earningsEstimate"]["earningsCurrency"] = said
    found = parse_estimates(_answer([row], []), "BABA", DAY)
    assert found is not None and found.periods[0].currency == read
    assert found.periods[0].eps.average == 60.0
