"""Coca-Cola, Oracle, ExxonMobil, Chevron and IBM releases, read in place from ../shared: none was
found before (no statement) and each is now read by its structure.

Each expected figure was read by hand from the release, as cited beside it. Coca-Cola names its
revenue "Net Operating Revenues" and puts "% Change" beside the figures; Oracle puts "% of
Revenues" in the header row of years and "% Increase (Decrease) in Constant Currency" beside
them; ExxonMobil and Chevron title their statement in a small table of its own (with "(Millions of
Dollars ...)" in it) above the one holding the figures, name revenue "Total revenues and other
income" (with "Sales and other operating revenue(s)" above it) and net income
"Net income/(loss) attributable to ExxonMobil". Diluted EPS that ExxonMobil prints under "OTHER
FINANCIAL DATA" below its statement in the same table is read; Chevron's, in its highlights
table under "Unit | 4Q 2024 | ...", is read as the fourth quarter of the year its statement
ends; the
five give growth percentages, not revenue amounts, as guidance (Oracle's "$18 billion" is Oracle
Cloud Infrastructure's, not the company's revenue). IBM marks a year "2023 (1)" and spreads its
diluted EPS over two rows ("Assuming Dilution" above "... TOTAL").
"""

from __future__ import annotations

import pytest

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import to_json
from tests.support.shared import REALDATA

RELEASES = REALDATA / "more" / "releases"


def _read(name: str) -> dict:
    return to_json(read_release((RELEASES / name).read_bytes()))


CASES = {
    # CONSOLIDATED STATEMENTS OF INCOME, Three Months Ended September 26, 2025:
    "KO_0001628280-25-045577_a2025q3earningsreleaseex-9.htm": (
        "2025-09-26",
        {
            "revenue": 12_455e6,  # Net Operating Revenues $ 12,455
            "gross_profit": 7_658e6,  # Gross Profit 7,658
            "operating_income": 3_982e6,  # Operating Income 3,982
            "net_income": 3_696e6,  # ... Attributable to Shareowners of The Coca-Cola Company
            "eps_diluted": 0.86,  # Diluted Net Income Per Share $ 0.86
            # Reconciliation, Three Months Ended September 26, 2025, "... | Net income |
            # Diluted net income per share": Reported (GAAP) $ 3,696 $ 0.86; Comparable
            # (Non-GAAP) $ 3,544 $ 0.82 ("Comparable EPS (Non-GAAP) Grew 6% to $0.82")
            "eps_nongaap": 0.82,
        },
        None,
    ),
    "KO_0000021344-25-000005_a2024q4earningsreleaseex-9.htm": (
        "2024-12-31",
        {
            "revenue": 11_544e6,  # Net Operating Revenues $ 11,544
            "gross_profit": 6_931e6,  # Gross Profit 6,931
            "operating_income": 2_709e6,
            "net_income": 2_195e6,  # Reported (GAAP) ... Net income $ 2,195, EPS $ 0.51
            "eps_diluted": 0.51,
            # "Comparable EPS (Non-GAAP) Grew 12% to $0.55": the reconciliation's Comparable
            # (Non-GAAP) row, where Reported (GAAP) reads $ 0.51
            "eps_nongaap": 0.55,
        },
        # Year Ended: "Comparable EPS (Non-GAAP) Grew 7% to $2.88"
        {"revenue": 47_061e6, "gross_profit": 28_737e6, "eps_diluted": 2.46, "eps_nongaap": 2.88},
    ),
    "ORCL_0001193125-25-199175_orcl-ex99_1.htm": (
        "2025-08-31",
        {
            "revenue": 14_926e6,  # Total revenues 14,926 (beside "% of Revenues" 100%)
            "gross_profit": None,  # Oracle prints no gross profit or cost of revenues total
            "operating_income": 4_277e6,  # OPERATING INCOME 4,277
            "net_income": 2_927e6,  # NET INCOME $ 2,927
            "eps_diluted": 1.01,  # EARNINGS PER SHARE: Diluted $ 1.01
            "eps_nongaap": 1.47,  # reconciliation: DILUTED EARNINGS PER SHARE ... Non-GAAP $ 1.47
        },
        None,
    ),
    "ORCL_0000950170-25-084831_orcl-ex99_1.htm": (
        "2025-05-31",
        {
            "revenue": 15_903e6,  # Total revenues 15,903
            "gross_profit": None,
            "operating_income": 5_109e6,  # OPERATING INCOME 5,109
            "net_income": 3_427e6,  # NET INCOME $ 3,427
            "eps_diluted": 1.19,  # Diluted $ 1.19
            "eps_nongaap": 1.70,  # DILUTED EARNINGS PER SHARE $ 1.19 | $ 1.70 (Non-GAAP)
        },
        {"revenue": 57_399e6, "net_income": 12_443e6, "eps_diluted": 4.34, "eps_nongaap": 6.03},
    ),
    "XOM_0000034088-25-000022_livef8k1q25991.htm": (
        "2025-03-31",
        {
            "revenue": 83_130e6,  # Total revenues and other income 83,130
            "gross_profit": None,
            "operating_income": None,
            "net_income": 7_713e6,  # Net income/(loss) attributable to ExxonMobil 7,713
            "eps_diluted": 1.76,  # OTHER FINANCIAL DATA: ... per common share - assuming dilution
            # Results Summary, 1Q25: "Earnings Excluding Identified Items Per Common Share
            # (non-GAAP)" 1.76, beside "Earnings Per Common Share" 1.76 (the anchor)
            "eps_nongaap": 1.76,
        },
        None,
    ),
    "XOM_0000034088-25-000006_f8k4q24991.htm": (
        "2024-12-31",
        {
            "revenue": 83_426e6,  # Total revenues and other income 83,426
            "gross_profit": None,
            "operating_income": None,
            "net_income": 7_610e6,
            "eps_diluted": 1.72,  # below the statement, as in Q1; Results Summary: 4Q24 1.72
            # the Results Summary, whose labels stand between the quarters and the years
            # ("4Q24 | 3Q24 | Change vs 3Q24 | Dollars in millions ... | 2024 | 2023 | ...";
            # "1.67 | 1.92 | -0.25 | Earnings Excl. Identified Items Per Common Share
            # (non-GAAP) | 7.79 | 9.52 | -1.73")
            "eps_nongaap": 1.67,
        },
        {"revenue": 349_585e6, "net_income": 33_680e6, "eps_diluted": 7.84, "eps_nongaap": 7.79},
    ),
    "CVX_0000093410-25-000004_a12312024ex9918-k.htm": (
        "2024-12-31",
        {
            "revenue": 52_226e6,  # Total Revenues and Other Income 52,226 (Millions of Dollars)
            "gross_profit": None,
            "operating_income": None,
            "net_income": 3_239e6,  # Net Income Attributable to Chevron Corporation 3,239
            # Earnings & Cash Flow Summary: "Earnings Per Share - Diluted | $/Share | $ 1.84"
            # under "4Q 2024"; "Adjusted Earnings Per Share - Diluted (1)" $ 2.06 ("adjusted
            # earnings of $3.6 billion ($2.06 per share - diluted)")
            "eps_diluted": 1.84,
            "eps_nongaap": 2.06,
        },
        # the highlights' "2024" column beside "4Q 2024 | 3Q 2024 | 4Q 2023": $ 9.72, adjusted
        # $ 10.05 ("2024 | 2023" after the quarters, the latest year the year reported)
        {"revenue": 202_792e6, "net_income": 17_661e6, "eps_diluted": 9.72, "eps_nongaap": 10.05},
    ),
    # COMPARATIVE FINANCIAL RESULTS, "2024 | 2023 (1)" under "Three Months Ended December 31,"
    "IBM_0000051143-25-000005_ibm-20250129xex991.htm": (
        "2024-12-31",
        {
            "revenue": 17_553e6,  # TOTAL REVENUE 17,553
            "gross_profit": 10_439e6,  # GROSS PROFIT 10,439
            "operating_income": None,  # IBM prints pre-tax income, no operating income line
            "net_income": 2_915e6,  # NET INCOME (2) $ 2,915
            "eps_diluted": 3.09,  # EARNINGS PER SHARE ... Assuming Dilution ... TOTAL $ 3.09
            # U.S. GAAP TO OPERATING (Non-GAAP) RESULTS RECONCILIATION, Three Months Ended
            # December 31, 2024: Diluted Earnings Per Share: Continuing Operations, GAAP $ 3.11
            # ... Operating (Non-GAAP) $ 3.92 (its column beyond the period header's span)
            "eps_nongaap": 3.92,
        },
        # Year Ended December 31, 2024, and the FULL-YEAR 2024 INCOME STATEMENT SUMMARY:
        # Operating (Non-GAAP) diluted EPS $ 10.33
        {"revenue": 62_753e6, "net_income": 6_023e6, "eps_diluted": 6.43, "eps_nongaap": 10.33},
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_read_by_structure(name: str) -> None:
    period_end, quarter, year = CASES[name]
    read = _read(name)
    assert (read["found"], read["period_end"]) == (True, period_end)
    assert read["quarter"] == quarter
    if year is None:
        assert read["year"] is None
    else:
        assert {k: read["year"][k] for k in year} == year
    assert read["guidance"] == []


def test_ibm_q2_2025_diluted_eps_spread_over_two_rows() -> None:
    read = _read("IBM_0000051143-25-000048_ibm-20250723xex991.htm")
    # Assuming Dilution ... TOTAL $ 2.31; NET INCOME $ 2,194; TOTAL REVENUE 16,977
    assert (read["quarter"]["eps_diluted"], read["quarter"]["net_income"]) == (2.31, 2_194e6)
    assert read["quarter"]["revenue"] == 16_977e6


@pytest.mark.parametrize(
    ("name", "quarter", "year"),
    [
        # "Diluted" over "Net income attributable to PepsiCo per common share $ 2.13"
        ("PEP_0000077476-24-000054_q320248-kxexhibit991.htm", 2.13, None),
        ("PEP_0000077476-25-000008_q420248-kxexhibit991.htm", 1.11, 6.95),  # 16 and 52 weeks
    ],
)
def test_pepsico_diluted_eps_under_a_diluted_heading(
    name: str, quarter: float, year: float | None
) -> None:
    read = _read(name)
    assert read["quarter"]["eps_diluted"] == quarter
    assert (read["year"] or {}).get("eps_diluted") == year


def test_costco_q4_fy25_gross_profit_is_revenue_less_merchandise_costs() -> None:
    read = _read("COST_0000909832-25-000093_costex9918-k92525.htm")
    # Total revenue 86,156 less Merchandise costs 75,037; 52 weeks: 275,235 less 239,886
    assert read["quarter"]["gross_profit"] == 11_119e6
    assert read["year"]["gross_profit"] == 35_349e6


def test_lumentum_non_gaap_eps_named_on_non_gaap_basis_without_the_word_diluted() -> None:
    # "Net income per share on non-GAAP basis $ 3.23 ... $ 8.67"; the prose: "Non-GAAP net income
    # for the fourth quarter of fiscal year 2026 was $326.3 million, or $3.23 per diluted share"
    name = "LITE_0001628280-26-055726_lite_ex991xq4fy26_document.htm"
    read = to_json(read_release((REALDATA / "more" / "releases-semis" / name).read_bytes()))
    assert (read["quarter"]["eps_nongaap"], read["year"]["eps_nongaap"]) == (3.23, 8.67)


def test_a_quarter_named_1q25_is_a_quarter_in_its_order() -> None:
    from catalyst_tui.reading.release.periods import Kind, read_column

    column = read_column("1Q25")
    assert (column.kind, column.order) == (Kind.QUARTER, (2025, 1))
    assert read_column("4Q 2024").order == (2024, 4)


@pytest.mark.parametrize(
    ("name", "low", "high"),
    [
        # "affirmed the 2025 performance outlook ..., including revenues of $450 billion to
        # $455 billion, net earnings of $28.15 to $28.65 per share ..."
        ("UNH_0000731766-25-000022_a2024q4exhibit991.htm", 450e9, 455e9),
        # "updating its 2025 outlook, including revenues of $445.5 billion to $448.0 billion";
        # its tables of the quarter ("Revenues | $111.6 billion | $98.9 billion") under "additional
        # 2025 outlook tables can be found on pages 3, 5 and 9" are results, not targets
        ("UNH_0000731766-25-000228_a2025q2exhibit991_document.htm", 445.5e9, 448.0e9),
    ],
)
def test_unitedhealth_year_revenue_guidance(name: str, low: float, high: float) -> None:
    assert _read(name)["guidance"] == [{"period": "year", "revenue_low": low, "revenue_high": high}]


@pytest.mark.parametrize(
    ("name", "quarter", "year"),
    [
        # "(Loss)/earnings from operations (GAAP) (3,770)"; year: "Loss from operations (10,707)"
        ("BA_0000012927-25-000010_a202412dec318kprex991.htm", -3_770e6, -10_707e6),
        # "Earnings from operations" 7,773 in millions (7.8 in the summary's billions); year 32,287
        ("UNH_0000731766-25-000022_a2024q4exhibit991.htm", 7_773e6, 32_287e6),
        # "Total operating costs 106,466 ... Earnings from operations 5,150"
        ("UNH_0000731766-25-000228_a2025q2exhibit991_document.htm", 5_150e6, None),
    ],
)
def test_operating_income_named_earnings_from_operations(
    name: str, quarter: float, year: float | None
) -> None:
    read = _read(name)
    assert read["quarter"]["operating_income"] == quarter
    assert (read["year"] or {}).get("operating_income") == year


@pytest.mark.parametrize(
    ("name", "quarter", "year"),
    [
        # "Diluted EPS excluding certain items (also referred to as adjusted EPS) ... is a
        # non-GAAP financial measure": $1.14 for Q4 FY24, $4.97 for the year; Q1 FY25 $1.76
        ("DIS_0001744489-24-000275_fy2024_q4xprxex991.htm", 1.14, 4.97),
        ("DIS_0001744489-25-000066_fy2025_q1xprxex991.htm", 1.76, None),
    ],
)
def test_disney_eps_excluding_certain_items_is_its_non_gaap_eps(
    name: str, quarter: float, year: float | None
) -> None:
    read = _read(name)
    assert read["quarter"]["eps_nongaap"] == quarter
    assert (read["year"] or {}).get("eps_nongaap") == year


def test_intel_q2_2025_non_gaap_eps_under_a_column_dated_without_its_length() -> None:
    # "Non-GAAP earnings (loss) per share attributable to Intel—diluted $ (0.10)" in a
    # reconciliation whose column says the day (Jun 28, 2025) and not "Three Months Ended"
    name = "INTC_0000050863-25-000107_q225_earningsrelease.htm"
    read = to_json(read_release((REALDATA / "more" / "releases-semis" / name).read_bytes()))
    assert read["quarter"]["eps_nongaap"] == -0.10
