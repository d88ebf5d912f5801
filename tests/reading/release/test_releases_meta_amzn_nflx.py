"""Meta's, Amazon's and Netflix's releases, read in place from ../shared/press_releases.

Each expected figure was read by hand from the release, as cited beside it. Meta prints no gross
profit but its "Cost of revenue", and guides with a range sentence ("total revenue to be in the
range of $34.5-37 billion"); Amazon puts the prior year first, its cash-flow statement before the
income statement, and guides with "between $151.0 billion and $155.5 billion"; Netflix's
statement is in thousands with three quarter columns, and it guides with a forecast column
("Q1'25 Forecast") and a year range ("2025 revenue of $43.5-$44.5B").
"""

from __future__ import annotations

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import Gap, to_json
from tests.support.shared import PRESS_RELEASES


def _read(name: str) -> dict:
    return to_json(read_release((PRESS_RELEASES / name).read_bytes()))


def test_meta_q4_2023_quarter_year_and_a_range_sentence() -> None:
    assert _read("META_0001326801-24-000010_meta-12312023xexhibit991.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2023-12-31",  # "Three Months Ended December 31," 2023
        "quarter": {
            "revenue": 40_111e6,  # statement: Revenue $ 40,111 (in millions)
            "gross_profit": 32_416e6,  # no gross profit line: 40,111 - Cost of revenue 7,695
            "operating_income": 16_384e6,  # Income from operations 16,384
            "net_income": 14_017e6,  # Net income $ 14,017
            "eps_diluted": 5.33,  # Earnings per share attributable to ...: Diluted $ 5.33
            "eps_nongaap": None,  # Meta's non-GAAP measures: revenue ex-FX and free cash flow
        },
        "year": {
            "revenue": 134_902e6,  # Twelve Months Ended: Revenue $ 134,902
            "gross_profit": 108_943e6,  # 134,902 - Cost of revenue 25,959
            "operating_income": 46_751e6,  # Income from operations 46,751
            "net_income": 39_098e6,  # Net income $ 39,098
            "eps_diluted": 14.87,  # Diluted $ 14.87
            "eps_nongaap": None,
        },
        # "We expect first quarter 2024 total revenue to be in the range of $34.5-37 billion."
        # ("full-year 2024 total expenses ... $94-99 billion" is not revenue)
        "guidance": [{"period": "quarter", "revenue_low": 34_500e6, "revenue_high": 37_000e6}],
    }


def test_meta_q1_2024_heading_row_centred_over_the_figures() -> None:
    assert _read("META_0001326801-24-000044_meta-03312024xexhibit991.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-03-31",  # "Three Months Ended March 31," 2024
        "quarter": {
            "revenue": 36_455e6,  # Revenue $ 36,455
            "gross_profit": 29_815e6,  # 36,455 - Cost of revenue 6,640
            "operating_income": 13_818e6,  # Income from operations 13,818
            "net_income": 12_369e6,  # Net income $ 12,369
            "eps_diluted": 4.71,  # Earnings per share: Diluted $ 4.71
            "eps_nongaap": None,
        },
        "year": None,
        # "We expect second quarter 2024 total revenue to be in the range of $36.5-39 billion."
        "guidance": [{"period": "quarter", "revenue_low": 36_500e6, "revenue_high": 39_000e6}],
    }


def test_meta_q3_2025_eps_excluding_a_tax_charge_is_no_labelled_non_gaap_eps() -> None:
    """ "Excluding this one-time tax charge ... Diluted EPS would have increased by $6.20 to
    $7.25": a sentence, not a figure the release labels non-GAAP or adjusted."""
    results = read_release(
        (PRESS_RELEASES / "META_0001628280-25-047114_meta-09302025xexhibit991.htm").read_bytes()
    )
    assert to_json(results) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2025-09-30",  # "Three Months Ended September 30," 2025
        "quarter": {
            "revenue": 51_242e6,  # Revenue $ 51,242
            "gross_profit": 42_036e6,  # 51,242 - Cost of revenue 9,206
            "operating_income": 20_535e6,  # Income from operations 20,535
            "net_income": 2_709e6,  # Net income $ 2,709
            "eps_diluted": 1.05,  # Diluted $ 1.05
            "eps_nongaap": None,
        },
        "year": None,  # "Nine Months Ended" is no fiscal year
        # "We expect fourth quarter 2025 total revenue to be in the range of $56-59 billion."
        "guidance": [{"period": "quarter", "revenue_low": 56_000e6, "revenue_high": 59_000e6}],
    }
    assert results.quarter.gap("eps_nongaap") is Gap.NOT_STATED


def test_amazon_q4_2024_prior_year_first_and_a_between_sentence() -> None:
    results = read_release(
        (PRESS_RELEASES / "AMZN_0001018724-25-000002_amzn-20241231xex991.htm").read_bytes()
    )
    assert to_json(results) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-12-31",  # "Three Months Ended December 31," over "2023 | 2024"
        "quarter": {
            "revenue": 187_792e6,  # Consolidated Statements of Operations: Total net sales 187,792
            "gross_profit": 88_899e6,  # no gross profit line: 187,792 - Cost of sales 98,893
            "operating_income": 21_203e6,  # Operating income 21,203
            "net_income": 20_004e6,  # Net income $ 20,004
            "eps_diluted": 1.86,  # Diluted earnings per share $ 1.86
            "eps_nongaap": None,
        },
        "year": {
            "revenue": 637_959e6,  # Twelve Months Ended: Total net sales 637,959
            "gross_profit": 311_671e6,  # 637,959 - Cost of sales 326,288
            "operating_income": 68_593e6,  # Operating income 68,593
            "net_income": 59_248e6,  # Net income $ 59,248
            "eps_diluted": 5.53,  # Diluted earnings per share $ 5.53
            "eps_nongaap": None,
        },
        # First Quarter 2025 Guidance: "Net sales are expected to be between $151.0 billion
        # and $155.5 billion" ("Operating income is expected to be between ..." is not revenue)
        "guidance": [{"period": "quarter", "revenue_low": 151_000e6, "revenue_high": 155_500e6}],
    }
    assert results.year is not None and results.year.derived == ("gross_profit",)


def test_netflix_q4_2024_thousands_a_forecast_column_and_a_year_range() -> None:
    assert _read("NFLX_0001065280-25-000033_ex991_q424.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-12-31",  # "Three Months Ended December 31, 2024" (of three columns)
        "quarter": {
            "revenue": 10_246_513e3,  # "(in thousands, except per share data)": 10,246,513
            "gross_profit": 4_479_149e3,  # 10,246,513 - Cost of revenues 5,767,364
            "operating_income": 2_272_766e3,  # Operating income 2,272,766
            "net_income": 1_868_607e3,  # Net income $ 1,868,607
            "eps_diluted": 4.27,  # Earnings per share: Diluted $ 4.27
            "eps_nongaap": None,
        },
        "year": {
            "revenue": 39_000_966e3,  # Twelve Months Ended December 31, 2024: 39,000,966
            "gross_profit": 17_962_502e3,  # 39,000,966 - Cost of revenues 21,038,464
            "operating_income": 10_417_614e3,  # Operating income 10,417,614
            "net_income": 8_711_631e3,  # Net income $ 8,711,631
            "eps_diluted": 19.83,  # Diluted $ 19.83
            "eps_nongaap": None,
        },
        "guidance": [
            # summary "(in millions ...)", column "Q1'25 Forecast": Revenue $ 10,416
            {"period": "quarter", "revenue_low": 10_416e6, "revenue_high": 10_416e6},
            # "we now forecast 2025 revenue of $43.5-$44.5B" (said twice, the same range)
            {"period": "year", "revenue_low": 43_500e6, "revenue_high": 44_500e6},
        ],
    }
