"""Apple's, Alphabet's and Microsoft's releases, read in place from ../shared/press_releases.

Each expected figure was read by hand from the release, as cited beside it. Apple calls gross
profit "Gross margin" (an amount line) and revenue "Total net sales"; Alphabet puts the prior
year first ("2022 | 2023"), prints no gross profit but its "Cost of revenues", and a summary
table before the statement; Microsoft's summary table is turned sideways ("2023 As Reported
(GAAP) | $62,020 | ...") and its "Business Outlook" says guidance comes on the call, with no
figure. None of the three gives guidance in the release; only Apple's Q4 FY24 labels a non-GAAP
diluted EPS, in its "Reconciliation of Non-GAAP to GAAP Results" (the one-time State Aid tax
charge taken out), under "As Adjusted (Non-GAAP)" beside a "Non-GAAP Adjustments" column.
"""

from __future__ import annotations

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import Gap, to_json
from tests.support.shared import PRESS_RELEASES


def _read(name: str) -> dict:
    return to_json(read_release((PRESS_RELEASES / name).read_bytes()))


def test_apple_q1_fy24_gross_margin_is_the_gross_profit_amount() -> None:
    assert _read("AAPL_0000320193-24-000005_a8-kex991q1202412302023.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2023-12-30",  # "Three Months Ended December 30, 2023"
        "quarter": {
            "revenue": 119_575e6,  # Total net sales (1) 119,575 (in millions)
            "gross_profit": 54_855e6,  # Gross margin 54,855
            "operating_income": 40_373e6,  # Operating income 40,373
            "net_income": 33_916e6,  # Net income $ 33,916
            "eps_diluted": 2.18,  # Earnings per share: Diluted $ 2.18
            "eps_nongaap": None,  # Apple labels no non-GAAP EPS
        },
        "year": None,
        "guidance": [],  # Apple's release gives no outlook
    }


def test_apple_q4_fy24_shares_in_thousands_do_not_change_the_scale() -> None:
    """The scale line reads "(In millions, except number of shares, which are reflected in
    thousands, and per-share amounts)": money is in millions."""
    results = read_release(
        (PRESS_RELEASES / "AAPL_0000320193-24-000120_a8-kex991q4202409282024.htm").read_bytes()
    )
    assert to_json(results) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-09-28",  # "Three Months Ended / Twelve Months Ended September 28, 2024"
        "quarter": {
            "revenue": 94_930e6,  # Total net sales (1) 94,930
            "gross_profit": 43_879e6,  # Gross margin 43,879
            "operating_income": 29_591e6,  # Operating income 29,591
            "net_income": 14_736e6,  # Net income $ 14,736
            "eps_diluted": 0.97,  # Diluted $ 0.97
            # Diluted earnings per share: As Reported $ 0.97 | Adjustments $ 0.67 (c) |
            # As Adjusted (Non-GAAP) $ 1.64
            "eps_nongaap": 1.64,
        },
        "year": {
            "revenue": 391_035e6,  # Twelve Months Ended: Total net sales (1) 391,035
            "gross_profit": 180_683e6,  # Gross margin 180,683
            "operating_income": 123_216e6,  # Operating income 123,216
            "net_income": 93_736e6,  # Net income $ 93,736
            "eps_diluted": 6.08,  # Diluted $ 6.08
            "eps_nongaap": 6.75,  # twelve months: $ 6.08 | $ 0.67 (c) | $ 6.75
        },
        "guidance": [],
    }
    assert results.quarter.missing == ()


def test_apple_q3_fy25() -> None:
    assert _read("AAPL_0000320193-25-000071_a8-kex991q3202506282025.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2025-06-28",  # "Three Months Ended June 28, 2025"
        "quarter": {
            "revenue": 94_036e6,  # Total net sales (1) 94,036
            "gross_profit": 43_718e6,  # Gross margin 43,718
            "operating_income": 28_202e6,  # Operating income 28,202
            "net_income": 23_434e6,  # Net income $ 23,434
            "eps_diluted": 1.57,  # Diluted $ 1.57
            "eps_nongaap": None,
        },
        "year": None,  # "Nine Months Ended" is no fiscal year
        "guidance": [],
    }


def test_alphabet_q4_2023_prior_year_first_and_gross_profit_from_cost_of_revenues() -> None:
    results = read_release(
        (PRESS_RELEASES / "GOOGL_0001652044-24-000014_googexhibit991q42023.htm").read_bytes()
    )
    assert to_json(results) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2023-12-31",  # "Quarter Ended December 31," over "2022 | 2023"
        "quarter": {
            "revenue": 86_310e6,  # statement, 2023 column: Revenues $ 86,310
            "gross_profit": 48_735e6,  # no gross profit line: 86,310 - Cost of revenues 37,575
            "operating_income": 23_697e6,  # Income from operations 23,697
            "net_income": 20_687e6,  # Net income $ 20,687
            "eps_diluted": 1.64,  # Diluted earnings per share of Class A, Class B, and Class C
            "eps_nongaap": None,
        },
        "year": {
            "revenue": 307_394e6,  # "Year Ended December 31," 2023: Revenues $ 307,394
            "gross_profit": 174_062e6,  # 307,394 - Cost of revenues 133,332
            "operating_income": 84_293e6,  # Income from operations 84,293
            "net_income": 73_795e6,  # Net income $ 73,795
            "eps_diluted": 5.80,  # Diluted earnings per share ... $ 5.80
            "eps_nongaap": None,
        },
        "guidance": [],  # Alphabet gives no outlook
    }
    assert results.quarter.derived == ("gross_profit",)


def test_alphabet_q2_2024() -> None:
    assert _read("GOOGL_0001652044-24-000076_googexhibit991q22024.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2024-06-30",  # "Quarter Ended June 30," 2024
        "quarter": {
            "revenue": 84_742e6,  # Revenues $ 84,742
            "gross_profit": 49_235e6,  # 84,742 - Cost of revenues 35,507
            "operating_income": 27_425e6,  # Income from operations 27,425
            "net_income": 23_619e6,  # Net income $ 23,619
            "eps_diluted": 1.89,  # Diluted earnings per share $ 1.89
            "eps_nongaap": None,
        },
        "year": None,  # "Year to Date June 30," is no fiscal year
        "guidance": [],
    }


def test_alphabet_q3_2025_a_non_gaap_operating_income_is_no_non_gaap_eps() -> None:
    """The release reconciles "Operating income, excluding the EC fine (Non-GAAP)" but labels
    no non-GAAP EPS."""
    results = read_release(
        (PRESS_RELEASES / "GOOGL_0001652044-25-000087_googexhibit991q32025.htm").read_bytes()
    )
    assert to_json(results) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2025-09-30",  # "Quarter Ended September 30," 2025
        "quarter": {
            "revenue": 102_346e6,  # Revenues $ 102,346
            "gross_profit": 60_977e6,  # 102,346 - Cost of revenues 41,369
            "operating_income": 31_228e6,  # Income from operations 31,228 (GAAP)
            "net_income": 34_979e6,  # Net income $ 34,979
            "eps_diluted": 2.87,  # Diluted net income per share $ 2.87
            "eps_nongaap": None,
        },
        "year": None,
        "guidance": [],
    }
    assert results.quarter.gap("eps_nongaap") is Gap.NOT_STATED


def test_microsoft_q2_fy24_a_business_outlook_with_no_figures_is_no_guidance() -> None:
    """ "Microsoft will provide forward-looking guidance ... on its earnings conference call":
    no guidance. Its sideways summary adjusts 2022 only ("2022 As Adjusted (non-GAAP)"), so the
    quarter reported has no non-GAAP EPS."""
    assert _read("MSFT_0000950170-24-008809_msft-ex99_1.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2023-12-31",  # "Three Months Ended December 31," 2023
        "quarter": {
            "revenue": 62_020e6,  # Total revenue 62,020
            "gross_profit": 42_397e6,  # Gross margin 42,397
            "operating_income": 27_032e6,  # Operating income 27,032
            "net_income": 21_870e6,  # Net income $21,870
            "eps_diluted": 2.93,  # Earnings per share: Diluted $2.93
            "eps_nongaap": None,
        },
        "year": None,  # "Six Months Ended" is no fiscal year
        "guidance": [],
    }


def test_microsoft_q4_fy25_quarter_and_fiscal_year() -> None:
    assert _read("MSFT_0000950170-25-100226_msft-ex99_1.htm") == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2025-06-30",  # "Three Months Ended / Twelve Months Ended June 30," 2025
        "quarter": {
            "revenue": 76_441e6,  # Total revenue 76,441
            "gross_profit": 52_427e6,  # Gross margin 52,427
            "operating_income": 34_323e6,  # Operating income 34,323
            "net_income": 27_233e6,  # Net income $27,233
            "eps_diluted": 3.65,  # Diluted $3.65
            "eps_nongaap": None,
        },
        "year": {
            "revenue": 281_724e6,  # Twelve Months Ended: Total revenue 281,724
            "gross_profit": 193_893e6,  # Gross margin 193,893
            "operating_income": 128_528e6,  # Operating income 128,528
            "net_income": 101_832e6,  # Net income $101,832
            "eps_diluted": 13.64,  # Diluted $13.64
            "eps_nongaap": None,
        },
        "guidance": [],
    }
