"""Adobe's three releases and Intel's, read in place from ../shared.

Each expected figure was read by hand from the release, as cited beside it. Adobe guides with
targets tables ("Total revenue | $21.30 billion to $21.50 billion") under a lead-in naming the
period ("The following table summarizes Adobe's fiscal year 2024 targets:"), with segment
revenue rows that are not total revenue; its reconciliation has three quarter columns (this
quarter, a year ago, last quarter) and two year columns. Intel reports a loss in parentheses,
net income "attributable to Intel" below net income, and guides with a "Q1 2025" table.
"""

from __future__ import annotations

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import to_json
from tests.support.shared import PRESS_RELEASES, SAMPLES

ADOBE_Q1_FY23 = {
    "found": True,
    "reason": None,
    "reason_code": None,
    "period_end": "2023-03-03",  # "Three Months Ended March 3, 2023"
    "quarter": {
        "revenue": 4_655e6,  # Condensed Consolidated Statements of Income: Total revenue 4,655
        "gross_profit": 4_087e6,  # Gross profit 4,087
        "operating_income": 1_586e6,  # Operating income 1,586
        "net_income": 1_247e6,  # Net income $ 1,247
        "eps_diluted": 2.71,  # Diluted net income per share $ 2.71
        "eps_nongaap": 3.80,  # Non-GAAP diluted net income per share $ 3.80
    },
    "year": None,
    # "second quarter fiscal year 2023 targets": Total revenue $4.75 billion to $4.78 billion.
    # The updated fiscal year 2023 targets table has Digital Media ARR and EPS only: no revenue.
    "guidance": [{"period": "quarter", "revenue_low": 4_750e6, "revenue_high": 4_780e6}],
}


def test_adobe_q1_fy23_a_year_targets_table_without_revenue_gives_no_year_guidance() -> None:
    body = (SAMPLES / "sec_8k_ex99_1_ADBE_2023-03-15_adbeex991q123.htm").read_bytes()
    assert to_json(read_release(body)) == ADOBE_Q1_FY23


def test_adobe_q1_fy23_read_out_of_the_whole_edgar_submission() -> None:
    """The 8-K's full submission (.txt) holds the same exhibit as `<TYPE>EX-99.1`."""
    body = (SAMPLES / "sec_8k_ADBE_0000796343-23-000044.txt").read_bytes()
    assert to_json(read_release(body)) == ADOBE_Q1_FY23


def test_adobe_q4_fy23_quarter_year_and_both_targets_tables() -> None:
    body = (PRESS_RELEASES / "ADBE_0000796343-23-000252_adbeex991q423.htm").read_bytes()
    assert to_json(read_release(body)) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2023-12-01",  # "Three Months Ended / Year Ended December 1, 2023"
        "quarter": {
            "revenue": 5_048e6,  # Total revenue 5,048
            "gross_profit": 4_414e6,  # Gross profit 4,414
            "operating_income": 1_743e6,  # Operating income 1,743
            "net_income": 1_483e6,  # Net income $ 1,483
            "eps_diluted": 3.23,  # Diluted net income per share $ 3.23
            "eps_nongaap": 4.27,  # reconciliation, December 1, 2023: Non-GAAP diluted ... $ 4.27
        },
        "year": {
            "revenue": 19_409e6,  # Year Ended December 1, 2023: Total revenue 19,409
            "gross_profit": 17_055e6,  # Gross profit 17,055
            "operating_income": 6_650e6,  # Operating income 6,650
            "net_income": 5_428e6,  # Net income $ 5,428
            "eps_diluted": 11.82,  # Diluted net income per share $ 11.82
            "eps_nongaap": 16.07,  # reconciliation, Year Ended: Non-GAAP diluted ... $ 16.07
        },
        "guidance": [
            # "first quarter fiscal year 2024 targets": Total revenue $5.10 billion to $5.15 billion
            {"period": "quarter", "revenue_low": 5_100e6, "revenue_high": 5_150e6},
            # "fiscal year 2024 targets": Total revenue $21.30 billion to $21.50 billion
            {"period": "year", "revenue_low": 21_300e6, "revenue_high": 21_500e6},
        ],
    }


def test_adobe_q2_fy25_targets_for_next_quarter_and_the_year() -> None:
    body = (PRESS_RELEASES / "ADBE_0000796343-25-000064_adbeex991q225.htm").read_bytes()
    assert to_json(read_release(body)) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2025-05-30",  # "Three Months Ended May 30, 2025"
        "quarter": {
            "revenue": 5_873e6,  # Total revenue 5,873
            "gross_profit": 5_235e6,  # Gross profit 5,235
            "operating_income": 2_109e6,  # Operating income 2,109
            "net_income": 1_691e6,  # Net income $ 1,691
            "eps_diluted": 3.94,  # Diluted net income per share $ 3.94
            "eps_nongaap": 5.06,  # reconciliation, May 30, 2025: Non-GAAP diluted ... $ 5.06
        },
        "year": None,  # "Six Months Ended" is no fiscal year
        "guidance": [
            # "third quarter fiscal year 2025 targets": $5.875 billion to $5.925 billion
            {"period": "quarter", "revenue_low": 5_875e6, "revenue_high": 5_925e6},
            # "updated table ... fiscal year 2025 targets": $23.50 billion to $23.60 billion
            {"period": "year", "revenue_low": 23_500e6, "revenue_high": 23_600e6},
        ],
    }


def test_intel_q4_2024_losses_in_parentheses_and_net_income_attributable_to_intel() -> None:
    body = (PRESS_RELEASES / "INTC_0000050863-25-000004_q424_earningsrelease.htm").read_bytes()
    assert to_json(read_release(body)) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-12-28",  # "Three Months Ended ... Dec 28, 2024"
        "quarter": {
            "revenue": 14_260e6,  # Net revenue $ 14,260 (In Millions)
            "gross_profit": 5_584e6,  # Gross margin 5,584
            "operating_income": 412e6,  # Operating income (loss) 412
            # Net income (loss) attributable to Intel $ (126); not Net income (loss) (153)
            "net_income": -126e6,
            "eps_diluted": -0.03,  # Earnings (loss) per share attributable to Intel—diluted (0.03)
            "eps_nongaap": 0.13,  # Non-GAAP earnings (loss) per share ... Intel—diluted $ 0.13
        },
        "year": {
            "revenue": 53_101e6,  # Twelve Months Ended Dec 28, 2024: Net revenue $ 53,101
            "gross_profit": 17_345e6,  # Gross margin 17,345
            "operating_income": -11_678e6,  # Operating income (loss) (11,678)
            "net_income": -18_756e6,  # Net income (loss) attributable to Intel $ (18,756)
            "eps_diluted": -4.38,  # ... attributable to Intel—diluted $ (4.38)
            "eps_nongaap": -0.13,  # Non-GAAP earnings (loss) per share ...—diluted $ (0.13)
        },
        # Business Outlook, "Q1 2025": Revenue $11.7-12.7 billion
        "guidance": [{"period": "quarter", "revenue_low": 11_700e6, "revenue_high": 12_700e6}],
    }
