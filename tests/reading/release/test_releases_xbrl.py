"""What a release says equals what SEC's XBRL says for that quarter, once the 10-Q or 10-K is filed.

The companyfacts in ../shared/realdata/sec cover NVIDIA, Alphabet and Apple (of the companies in
../shared/press_releases; MSFT, META, AMZN, ADBE, INTC, NFLX, NKE, COST and BKE are not there).
Each value is taken from the filing that first reported the period (the earliest `filed`): later
filings restate per-share values after a split, so NVIDIA's Q1 FY25 EPS is $5.98 in its own
10-Q (May 2024) and $0.60 in the 10-Q a year later. A fourth quarter is never tagged alone: it
is the 10-K's fiscal year minus the third quarter's 10-Q nine months, written out below (equal
to the million both are rounded to). Its diluted EPS is not: a year's EPS minus nine months' is
no quarter's, the share counts differ, so on a Q4 release the year's EPS is compared instead.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache

import pytest

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import ReleaseResults
from tests.support.shared import PRESS_RELEASES, REALDATA

REVENUE = ("RevenueFromContractWithCustomerExcludingAssessedTax", "Revenues", "SalesRevenueNet")
QUARTER_DAYS, NINE_MONTH_DAYS, YEAR_DAYS = range(80, 101), range(255, 291), range(350, 381)
# The three print millions: a year and nine months each rounded to the million, the quarter the
# release prints may differ from their difference by one (NVIDIA Q4 FY24 operating income:
# 32,972 - 19,358 = 13,614; the release, adding unrounded figures, prints 13,615).
ROUNDING = 1e6

QUARTERS = [  # releases of a first, second or third quarter: the 10-Q's own quarter
    ("NVDA", "NVDA_0001045810-23-000225_q3fy24pr.htm"),
    ("NVDA", "NVDA_0001045810-24-000113_q1fy25pr.htm"),  # EPS 5.98 before the 10:1 split
    ("NVDA", "NVDA_0001045810-24-000262_q2fy25pr.htm"),
    ("NVDA", "NVDA_0001045810-25-000115_q1fy26pr.htm"),
    ("NVDA", "NVDA_0001045810-25-000207_q2fy26pr.htm"),
    ("GOOGL", "GOOGL_0001652044-24-000076_googexhibit991q22024.htm"),
    ("GOOGL", "GOOGL_0001652044-25-000087_googexhibit991q32025.htm"),  # tagged `Revenues`
    ("AAPL", "AAPL_0000320193-24-000005_a8-kex991q1202412302023.htm"),
    ("AAPL", "AAPL_0000320193-25-000071_a8-kex991q3202506282025.htm"),
]
FOURTH_QUARTERS = [
    ("NVDA", "NVDA_0001045810-24-000028_q4fy24pr.htm"),
    ("NVDA", "NVDA_0001045810-25-000021_q4fy25pr.htm"),
    ("GOOGL", "GOOGL_0001652044-24-000014_googexhibit991q42023.htm"),
    ("AAPL", "AAPL_0000320193-24-000120_a8-kex991q4202409282024.htm"),
]


@cache
def _facts(ticker: str) -> dict:
    (path,) = (REALDATA / "sec").glob(f"sec_companyfacts_{ticker}_CIK*.json")
    return json.loads(path.read_text())["facts"]["us-gaap"]


def _first_filed(
    ticker: str, concepts: tuple[str, ...], end: date, days: range, start: date | None = None
) -> tuple[float, date]:
    """The value (and its start) of the period ending `end` lasting `days`, as first filed."""
    found = []
    for concept in concepts:
        for unit in _facts(ticker).get(concept, {}).get("units", {}).values():
            for fact in unit:
                began, ended = date.fromisoformat(fact["start"]), date.fromisoformat(fact["end"])
                if ended == end and (ended - began).days in days and start in (None, began):
                    found.append((fact["filed"], fact["form"], fact["val"], began))
    assert found, f"{ticker} {concepts} ending {end}"
    filed, form, value, began = min(found)
    assert form in ("10-Q", "10-K"), form
    return float(value), began


def _results(name: str) -> ReleaseResults:
    results = read_release((PRESS_RELEASES / name).read_bytes())
    assert results.found and results.period_end is not None
    return results


@pytest.mark.parametrize(("ticker", "name"), QUARTERS, ids=[n for _, n in QUARTERS])
def test_a_quarter_equals_its_own_10q(ticker: str, name: str) -> None:
    results = _results(name)
    end, quarter = results.period_end, results.quarter
    assert end is not None

    def tagged(*concepts: str) -> float:
        return _first_filed(ticker, concepts, end, QUARTER_DAYS)[0]

    assert quarter.revenue == tagged(*REVENUE)
    assert quarter.operating_income == tagged("OperatingIncomeLoss")
    assert quarter.net_income == tagged("NetIncomeLoss")
    assert quarter.eps_diluted == tagged("EarningsPerShareDiluted")
    if "GrossProfit" in _facts(ticker):
        assert quarter.gross_profit == tagged("GrossProfit")
    else:  # Alphabet tags no gross profit: revenue less CostOfRevenue, as the release reads it
        assert quarter.gross_profit == tagged(*REVENUE) - tagged("CostOfRevenue")


@pytest.mark.parametrize(("ticker", "name"), FOURTH_QUARTERS, ids=[n for _, n in FOURTH_QUARTERS])
def test_a_fourth_quarter_is_the_10k_year_less_the_nine_months_of_the_third_10q(
    ticker: str, name: str
) -> None:
    results = _results(name)
    end, quarter, year = results.period_end, results.quarter, results.year
    assert end is not None and year is not None
    year_start = _first_filed(ticker, REVENUE, end, YEAR_DAYS)[1]

    def fiscal_year(*concepts: str) -> float:
        return _first_filed(ticker, concepts, end, YEAR_DAYS)[0]

    def fourth_quarter(*concepts: str) -> float:
        # the nine months start with the fiscal year and end with its third quarter
        nine_months = [
            _first_filed(ticker, concepts, third, NINE_MONTH_DAYS, start=year_start)[0]
            for third in _third_quarter_ends(ticker, concepts, year_start)
        ]
        assert len(nine_months) == 1
        return fiscal_year(*concepts) - nine_months[0]

    for figures, value, slack in ((quarter, fourth_quarter, ROUNDING), (year, fiscal_year, 0)):
        assert figures.revenue is not None and figures.gross_profit is not None
        assert figures.operating_income is not None and figures.net_income is not None
        assert abs(figures.revenue - value(*REVENUE)) <= slack
        assert abs(figures.operating_income - value("OperatingIncomeLoss")) <= slack
        assert abs(figures.net_income - value("NetIncomeLoss")) <= slack
        if "GrossProfit" in _facts(ticker):
            assert abs(figures.gross_profit - value("GrossProfit")) <= slack
        else:
            cost = value("CostOfRevenue")
            assert abs(figures.gross_profit - (value(*REVENUE) - cost)) <= 2 * slack
    assert year.eps_diluted == fiscal_year("EarningsPerShareDiluted")


def _third_quarter_ends(ticker: str, concepts: tuple[str, ...], year_start: date) -> set[date]:
    return {
        date.fromisoformat(fact["end"])
        for concept in concepts
        for unit in _facts(ticker).get(concept, {}).get("units", {}).values()
        for fact in unit
        if fact["start"] == year_start.isoformat()
        and (date.fromisoformat(fact["end"]) - year_start).days in NINE_MONTH_DAYS
    }


def test_nvidia_q1_fy25_eps_is_the_pre_split_value_its_own_10q_filed() -> None:
    """The 10-Q of May 2024 tagged $5.98; the 10-Q of the next year restated it as $0.60."""
    end = date(2024, 4, 28)
    as_first_filed = _first_filed("NVDA", ("EarningsPerShareDiluted",), end, QUARTER_DAYS)[0]
    restated = [
        fact["val"]
        for fact in _facts("NVDA")["EarningsPerShareDiluted"]["units"]["USD/shares"]
        if fact["end"] == end.isoformat() and fact["filed"] > "2025-01-01"
    ]
    assert _results("NVDA_0001045810-24-000113_q1fy25pr.htm").quarter.eps_diluted == 5.98
    assert as_first_filed == 5.98 and 0.6 in restated
