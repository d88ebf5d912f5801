"""A chart's dividends (`events.dividends`, asked for with the splits) read from the recorded
answers in place: the amounts and ex-dates the recordings state, and nothing where they state
none."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from tests.support.market_server import REALDATA, realdata_body

from catalyst_tui.market.models import Dividend
from catalyst_tui.market.yahoo.chart import dividends_from_chart

NOW = datetime(2025, 2, 20, 15, 0, tzinfo=UTC)
MSFT = "historical-via-chart-MSFT-dividends-2021-02-01-to-2022-01-31.csv.json"
AAPL = "chart-AAPL-2020-08-31-to-2020-11-07.json"


def result_of(name: str) -> dict:
    return realdata_body("yahoo_chart", name)["chart"]["result"][0]


def test_microsofts_four_dividends_of_its_recorded_year() -> None:
    # The recording's events: 0.56 three times, then 0.62 (ex-dates in New York).
    assert dividends_from_chart(result_of(MSFT), "MSFT", NOW) == (
        Dividend("MSFT", date(2021, 2, 17), 0.56),
        Dividend("MSFT", date(2021, 5, 19), 0.56),
        Dividend("MSFT", date(2021, 8, 18), 0.56),
        Dividend("MSFT", date(2021, 11, 17), 0.62),
    )


def test_apples_dividend_after_its_split() -> None:
    assert dividends_from_chart(result_of(AAPL), "AAPL", NOW) == (
        Dividend("AAPL", date(2020, 11, 6), 0.205),
    )


def _recorded() -> list[tuple[str, dict]]:
    found = []
    for path in sorted((REALDATA / "yahoo_chart").glob("*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))["response"].get("bodyJson") or {}
        results = (body.get("chart") or {}).get("result")
        if results:
            found.append((path.stem, results[0]))
    return found


@pytest.mark.parametrize(("name", "result"), _recorded(), ids=[n for n, _ in _recorded()])
def test_every_recorded_chart_gives_exactly_its_dividends(name: str, result: dict) -> None:
    recorded = (result.get("events") or {}).get("dividends") or {}
    offset = result["meta"].get("gmtoffset") or 0
    expected = sorted(
        Dividend("X", datetime.fromtimestamp(e["date"] + offset, UTC).date(), e["amount"])
        for e in recorded.values()
    )
    assert list(dividends_from_chart(result, "X", NOW)) == expected


@pytest.mark.parametrize(
    "entry",
    [
        {"amount": 0.5},  # no date
        {"date": 1613572200},  # no amount
        {"date": 1613572200, "amount": -0.5},
        {"date": 1613572200, "amount": "0.5"},
        {"date": 1613572200, "amount": float("inf")},
        {"date": 1893456000, "amount": 0.5},  # 2030: after now
    ],
)
def test_an_entry_without_a_usable_date_or_amount_is_left_out(entry: dict) -> None:
    result = {"meta": {"gmtoffset": -18000}, "events": {"dividends": {"1": entry}}}
    assert dividends_from_chart(result, "X", NOW) == ()
