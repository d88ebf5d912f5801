"""The demo's ALAB press release reads as a real one (reading/release/reader.py `read_release`), and
what it says equals what the same quarter's 10-Q or 10-K says in companyfacts (XBRL, as SEC's
frames tag it), served by the replay market over HTTP."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import httpx
import pytest

from catalyst_tui.demo import ReplayMarket
from catalyst_tui.reading.release.reader import read_release

UA = {"User-Agent": "Catalyst Tests tests@example.com"}
AFTER_Q3 = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # the Q3 FY26 10-Q is out
AFTER_10K = datetime(2027, 3, 1, tzinfo=UTC)  # the FY26 10-K is out


def served(market: ReplayMarket, path: str) -> str:
    answer = httpx.get(market.url + path, headers=UA)
    answer.raise_for_status()
    return answer.text


def release_and_facts(now: datetime, form: str) -> tuple[str, dict]:
    """The latest results 8-K's EX-99.1 and the companyfacts, as the market serves them."""
    with ReplayMarket(["ALAB"], now=lambda: now) as market:
        submissions = json.loads(served(market, "/submissions/CIK0001736297.json"))
        recent = submissions["filings"]["recent"]
        row = recent["form"].index("8-K")
        accession = recent["accessionNumber"][row].replace("-", "")
        folder = f"/Archives/edgar/data/1736297/{accession}"
        index = served(market, f"{folder}/{recent['accessionNumber'][row]}-index.html")
        [exhibit] = re.findall(
            r'href="[^"]*/([^"/]+)">[^<]+</a></td>\s*<td scope="row">EX-99.1', index
        )
        assert form in recent["form"]
        return served(market, f"{folder}/{exhibit}"), json.loads(
            served(market, "/api/xbrl/companyfacts/CIK0001736297.json")
        )


def framed(facts: dict, concept: str, frame: str) -> float:
    [value] = [
        f["val"]
        for unit in facts["facts"]["us-gaap"][concept]["units"].values()
        for f in unit
        if f.get("frame") == frame
    ]
    return value


@pytest.mark.parametrize(
    ("figure", "concept"),
    [
        ("revenue", "RevenueFromContractWithCustomerExcludingAssessedTax"),
        ("gross_profit", "GrossProfit"),
        ("operating_income", "OperatingIncomeLoss"),
        ("net_income", "NetIncomeLoss"),
        ("eps_diluted", "EarningsPerShareDiluted"),
    ],
)
def test_the_q3_release_says_what_the_10q_files(figure, concept):
    release, facts = release_and_facts(AFTER_Q3, "10-Q")
    results = read_release(release)
    assert results.found and results.period_end is not None
    assert results.period_end.isoformat() == "2026-09-30"
    assert getattr(results.quarter, figure) == framed(facts, concept, "CY2026Q3")


def test_the_q3_release_s_margins_are_under_the_thesis_s_floors():
    results = read_release(release_and_facts(AFTER_Q3, "10-Q")[0])
    quarter = results.quarter
    # by hand: 286,765 / 415,000 = 0.69100; 81,340 / 415,000 = 0.19600
    assert (quarter.revenue, quarter.gross_profit, quarter.operating_income) == (
        415_000_000,
        286_765_000,
        81_340_000,
    )
    assert quarter.revenue and quarter.gross_profit and quarter.operating_income
    assert round(quarter.gross_profit / quarter.revenue, 3) == 0.691
    assert round(quarter.operating_income / quarter.revenue, 3) == 0.196


def test_the_guidance_and_the_non_gaap_eps_are_as_printed():
    release, _ = release_and_facts(AFTER_Q3, "10-Q")
    text = re.sub(r"<[^>]+>", " ", release)
    assert "expects revenue to be in the range of $445 million to $455 million" in text
    [guide] = read_release(release).guidance
    assert (guide.period, guide.revenue_low, guide.revenue_high) == (
        "quarter",
        445_000_000,
        455_000_000,
    )
    printed = re.search(r"Non-GAAP diluted net income per share.*?>([\d.]+)</td>", release, re.S)
    assert printed is not None
    assert read_release(release).quarter.eps_nongaap == float(printed[1])


def test_a_fourth_quarter_release_gives_the_year_as_the_10k_files_it():
    release, facts = release_and_facts(AFTER_10K, "10-K")
    results = read_release(release)
    assert results.period_end is not None and results.year is not None
    assert results.period_end.isoformat() == "2026-12-31"
    revenue = "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert results.year.revenue == framed(facts, revenue, "CY2026")
    assert results.year.net_income == framed(facts, "NetIncomeLoss", "CY2026")
    # Q4 is not in the 10-K on its own: the year less the nine months the Q3 10-Q filed
    nine_months = [
        f["val"]
        for f in facts["facts"]["us-gaap"][revenue]["units"]["USD"]
        if (f["start"], f["end"]) == ("2026-01-01", "2026-09-30")
    ]
    assert results.quarter.revenue == results.year.revenue - nine_months[-1]
