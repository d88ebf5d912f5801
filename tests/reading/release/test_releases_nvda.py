"""NVIDIA's seven releases (Q3 FY24 to Q2 FY26), read in place from ../shared/press_releases.

Each expected figure was read by hand from the release, as cited beside it. NVIDIA prints a GAAP
and a non-GAAP summary table first ("Q3 FY24 | Q2 FY24 | Q3 FY23"), then the Condensed
Consolidated Statements of Income "(In millions, except per share data)", then reconciliations
whose "Diluted net income per share" block has a "GAAP" and a "Non-GAAP" row; the outlook is a
"Revenue is expected to be $X billion, plus or minus 2%." bullet. The 10-for-1 split of June
2024 shows: Q1 FY25 (filed May 2024) prints $5.98, Q2 FY25 onwards post-split EPS.
"""

from __future__ import annotations

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import to_json
from tests.support.shared import PRESS_RELEASES


def _read(name: str) -> dict:
    return to_json(read_release((PRESS_RELEASES / name).read_bytes()))


def test_q3_fy24_quarter_non_gaap_eps_and_a_plus_or_minus_outlook() -> None:
    assert _read("NVDA_0001045810-23-000225_q3fy24pr.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2023-10-29",  # "Three Months Ended October 29, 2023"
        "quarter": {
            "revenue": 18_120e6,  # statement: Revenue $ 18,120
            "gross_profit": 13_400e6,  # Gross profit 13,400
            "operating_income": 10_417e6,  # Operating income 10,417
            "net_income": 9_243e6,  # Net income $ 9,243
            "eps_diluted": 3.71,  # Net income per share: Diluted $ 3.71
            "eps_nongaap": 4.02,  # reconciliation: Diluted net income per share, Non-GAAP $ 4.02
        },
        "year": None,  # a Q3 release: "Nine Months Ended" is no fiscal year
        # "Revenue is expected to be $20.00 billion, plus or minus 2%."
        "guidance": [{"period": "quarter", "revenue_low": 19_600e6, "revenue_high": 20_400e6}],
    }


def test_q4_fy24_quarter_and_fiscal_year() -> None:
    assert _read("NVDA_0001045810-24-000028_q4fy24pr.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-01-28",  # "Three Months Ended / Twelve Months Ended January 28, 2024"
        "quarter": {
            "revenue": 22_103e6,  # Revenue $ 22,103
            "gross_profit": 16_791e6,  # Gross profit 16,791
            "operating_income": 13_615e6,  # Operating income 13,615
            "net_income": 12_285e6,  # Net income $ 12,285
            "eps_diluted": 4.93,  # Diluted $ 4.93
            "eps_nongaap": 5.16,  # reconciliation: Non-GAAP $ 5.16
        },
        "year": {
            "revenue": 60_922e6,  # Twelve Months Ended: Revenue $ 60,922
            "gross_profit": 44_301e6,  # Gross profit 44,301
            "operating_income": 32_972e6,  # Operating income 32,972
            "net_income": 29_760e6,  # Net income $ 29,760
            "eps_diluted": 11.93,  # Diluted $ 11.93
            "eps_nongaap": 12.96,  # reconciliation, Twelve Months Ended: Non-GAAP $ 12.96
        },
        # "Revenue is expected to be $24.0 billion, plus or minus 2%." (Q1 FY2025)
        "guidance": [{"period": "quarter", "revenue_low": 23_520e6, "revenue_high": 24_480e6}],
    }


def test_q1_fy25_before_the_split_prints_pre_split_eps() -> None:
    assert _read("NVDA_0001045810-24-000113_q1fy25pr.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-04-28",  # "Three Months Ended April 28, 2024"
        "quarter": {
            "revenue": 26_044e6,  # Revenue $ 26,044
            "gross_profit": 20_406e6,  # Gross profit 20,406
            "operating_income": 16_909e6,  # Operating income 16,909
            "net_income": 14_881e6,  # Net income $ 14,881
            "eps_diluted": 5.98,  # Diluted $ 5.98 (before the 10-for-1 split of June 2024)
            "eps_nongaap": 6.12,  # reconciliation: Non-GAAP $ 6.12
        },
        "year": None,
        # "Revenue is expected to be $28.0 billion, plus or minus 2%." (Q2 FY2025)
        "guidance": [{"period": "quarter", "revenue_low": 27_440e6, "revenue_high": 28_560e6}],
    }


def test_q2_fy25_after_the_split() -> None:
    assert _read("NVDA_0001045810-24-000262_q2fy25pr.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-07-28",  # "Three Months Ended July 28, 2024"
        "quarter": {
            "revenue": 30_040e6,  # Revenue $ 30,040
            "gross_profit": 22_574e6,  # Gross profit 22,574
            "operating_income": 18_642e6,  # Operating income 18,642
            "net_income": 16_599e6,  # Net income $ 16,599
            "eps_diluted": 0.67,  # Diluted $ 0.67
            "eps_nongaap": 0.68,  # reconciliation: Non-GAAP $ 0.68
        },
        "year": None,  # "Six Months Ended" is no fiscal year
        # "Revenue is expected to be $32.5 billion, plus or minus 2%." (Q3 FY2025)
        "guidance": [{"period": "quarter", "revenue_low": 31_850e6, "revenue_high": 33_150e6}],
    }


def test_q4_fy25_quarter_and_fiscal_year() -> None:
    assert _read("NVDA_0001045810-25-000021_q4fy25pr.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2025-01-26",  # "January 26, 2025"
        "quarter": {
            "revenue": 39_331e6,  # Revenue $ 39,331
            "gross_profit": 28_723e6,  # Gross profit 28,723
            "operating_income": 24_034e6,  # Operating income 24,034
            "net_income": 22_091e6,  # Net income $ 22,091
            "eps_diluted": 0.89,  # Diluted $ 0.89
            "eps_nongaap": 0.89,  # reconciliation: Non-GAAP $ 0.89 (summary: $0.89 too)
        },
        "year": {
            "revenue": 130_497e6,  # Twelve Months Ended: Revenue $ 130,497
            "gross_profit": 97_858e6,  # Gross profit 97,858
            "operating_income": 81_453e6,  # Operating income 81,453
            "net_income": 72_880e6,  # Net income $ 72,880
            "eps_diluted": 2.94,  # Diluted $ 2.94
            "eps_nongaap": 2.99,  # reconciliation, Twelve Months Ended: Non-GAAP $ 2.99
        },
        # "Revenue is expected to be $43.0 billion, plus or minus 2%." (Q1 FY2026)
        "guidance": [{"period": "quarter", "revenue_low": 42_140e6, "revenue_high": 43_860e6}],
    }


def test_q1_fy26_non_gaap_eps_is_not_the_one_excluding_the_h20_charge() -> None:
    """The release also prints "Diluted earnings per share excluding H20 charge ... $0.96" and
    "Non-GAAP (as adjusted to exclude H20 ... charges) $ 0.96": another measure, not its
    non-GAAP diluted EPS of $0.81."""
    assert _read("NVDA_0001045810-25-000115_q1fy26pr.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2025-04-27",  # "Three Months Ended April 27, 2025"
        "quarter": {
            "revenue": 44_062e6,  # Revenue $ 44,062
            "gross_profit": 26_668e6,  # Gross profit 26,668
            "operating_income": 21_638e6,  # Operating income 21,638
            "net_income": 18_775e6,  # Net income $ 18,775
            "eps_diluted": 0.76,  # Diluted $ 0.76
            "eps_nongaap": 0.81,  # reconciliation: Non-GAAP $ 0.81; summary "Diluted EPS*" $0.81
        },
        "year": None,
        # "Revenue is expected to be $45.0 billion, plus or minus 2%." (Q2 FY2026)
        "guidance": [{"period": "quarter", "revenue_low": 44_100e6, "revenue_high": 45_900e6}],
    }


def test_q2_fy26_reconciliation_continued_past_a_page_break() -> None:
    """The "Diluted net income per share" block of the reconciliation stands in a second table,
    with no header of its own, after a page break: it is read under the first one's columns."""
    results = read_release((PRESS_RELEASES / "NVDA_0001045810-25-000207_q2fy26pr.htm").read_bytes())
    assert to_json(results) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2025-07-27",  # "Three Months Ended July 27, 2025"
        "quarter": {
            "revenue": 46_743e6,  # Revenue $ 46,743
            "gross_profit": 33_853e6,  # Gross profit 33,853
            "operating_income": 28_440e6,  # Operating income 28,440
            "net_income": 26_422e6,  # Net income $ 26,422
            "eps_diluted": 1.08,  # Diluted $ 1.08
            "eps_nongaap": 1.05,  # reconciliation: Non-GAAP $ 1.05 (not the H20-adjusted 1.04)
        },
        "year": None,
        # "Revenue is expected to be $54.0 billion, plus or minus 2%." (Q3 FY2026)
        "guidance": [{"period": "quarter", "revenue_low": 52_920e6, "revenue_high": 55_080e6}],
    }
    assert results.quarter.missing == ()
    assert results.quarter.gap("eps_nongaap") is None
