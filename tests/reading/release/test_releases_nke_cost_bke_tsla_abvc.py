"""Nike's, Costco's and Buckle's releases, and the two item-2.02 exhibits with no statement.

Each expected figure was read by hand from the release, as cited beside it. Nike's statement
has no operating-income line and a "Gross margin" that is a percentage; Costco's has no
gross-profit line and prints "Merchandise costs" as its cost of revenue; Buckle's is in
thousands, 13-week quarters, still in EDGAR's SGML `<DOCUMENT>` wrapper. Tesla's exhibit is a
deliveries update; ABVC's tells its annual results in sentences only.
"""

from __future__ import annotations

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import Gap, NotRead, to_json
from tests.support.shared import PRESS_RELEASES

NOTHING = {
    "revenue": None,
    "gross_profit": None,
    "operating_income": None,
    "net_income": None,
    "eps_diluted": None,
    "eps_nongaap": None,
}


def test_nike_q2_fy25_no_operating_income_line_is_none_not_income_before_taxes() -> None:
    results = read_release(
        (PRESS_RELEASES / "NKE_0000320187-24-000069_q2fy25exhibit991er.htm").read_bytes()
    )
    assert to_json(results) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-11-30",  # "THREE MONTHS ENDED 11/30/2024"
        "quarter": {
            "revenue": 12_354e6,  # Revenues $ 12,354 (In millions)
            "gross_profit": 5_389e6,  # Gross profit 5,389 (Gross margin 43.6 % is a percentage)
            "operating_income": None,  # not printed; Income before income taxes 1,416 is not it
            "net_income": 1_163e6,  # NET INCOME $ 1,163
            "eps_diluted": 0.78,  # Earnings per common share: Diluted $ 0.78
            "eps_nongaap": None,
        },
        "year": None,  # "SIX MONTHS ENDED" is no fiscal year
        "guidance": [],  # Nike gives its outlook on the call
    }
    assert results.quarter.gap("operating_income") is Gap.NOT_STATED


def test_costco_q1_fy25_gross_profit_is_revenue_less_merchandise_costs() -> None:
    """Revenue is "Total revenue" (net sales plus membership fees), not the "Net sales" line
    above it; Costco prints no gross profit, and its cost of revenue is "Merchandise costs":
    gross profit is revenue less them (issue 31), marked derived, as a data provider gives it."""
    results = read_release(
        (PRESS_RELEASES / "COST_0000909832-24-000075_costex9918-k121224.htm").read_bytes()
    )
    assert to_json(results) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-11-24",  # "12 Weeks Ended November 24, 2024"
        "quarter": {
            "revenue": 62_151e6,  # Total revenue 62,151 (dollars in millions)
            "gross_profit": 8_042e6,  # 62,151 - Merchandise costs 54,109
            "operating_income": 2_196e6,  # Operating income 2,196
            "net_income": 1_798e6,  # NET INCOME $ 1,798
            "eps_diluted": 4.04,  # NET INCOME PER COMMON SHARE: Diluted $ 4.04
            "eps_nongaap": None,
        },
        "year": None,
        "guidance": [],
    }
    assert results.quarter.derived == ("gross_profit",)


def test_buckle_q3_fy24_in_its_sgml_wrapper_and_in_thousands() -> None:
    assert to_json(
        read_release((PRESS_RELEASES / "BKE_2024-11-22_BuckleInc.8-K.EX99.1.html").read_bytes())
    ) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-11-02",  # "Thirteen Weeks Ended November 2, 2024"
        "quarter": {
            "revenue": 293_618e3,  # SALES, Net of returns and allowances $ 293,618 (in Thousands)
            "gross_profit": 140_071e3,  # Gross profit 140,071
            "operating_income": 54_483e3,  # INCOME FROM OPERATIONS 54,483
            "net_income": 44_172e3,  # NET INCOME $ 44,172
            "eps_diluted": 0.88,  # EARNINGS PER SHARE: Diluted $ 0.88
            "eps_nongaap": None,
        },
        "year": None,  # "Thirty-Nine Weeks Ended" is no fiscal year
        "guidance": [],
    }


def test_tesla_deliveries_update_gives_nothing_with_a_reason() -> None:
    """Production and deliveries only ("Our net income and cash flow results will be announced
    along with the rest of our financial performance when we announce Q4 earnings")."""
    results = read_release(
        (PRESS_RELEASES / "TSLA_0001628280-25-000007_exhibit991.htm").read_bytes()
    )
    assert to_json(results) == {
        "found": False,
        "reason": (
            "The document has no income statement: a deliveries update, or results told in prose."
        ),
        "reason_code": "no_statement",
        "period_end": None,
        "quarter": NOTHING,
        "year": None,
        "guidance": [],
    }
    assert results.reason is NotRead.NO_STATEMENT
    assert results.quarter.gap("revenue") is Gap.NO_STATEMENT


def test_abvc_annual_results_in_prose_only_give_nothing_with_a_reason() -> None:
    """ABVC prints no income statement: "total revenues of $509,589 in 2024", "Net loss
    attributable to ABVC narrowed ... to $4.90 million", "loss per share ... $(0.42)" are
    sentences about the fiscal year, rounded, with no quarter at all. Figures are read from a
    statement's lines and columns; a sentence's figure could be any period or basis, so none
    is taken: nothing, for want of a statement."""
    results = read_release(
        (PRESS_RELEASES / "ABVC_0001213900-25-032135_ea023837201ex99-1_abvcbio.htm").read_bytes()
    )
    assert to_json(results) == {
        "found": False,
        "reason": (
            "The document has no income statement: a deliveries update, or results told in prose."
        ),
        "reason_code": "no_statement",
        "period_end": None,
        "quarter": NOTHING,
        "year": None,
        "guidance": [],
    }
