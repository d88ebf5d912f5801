"""Non-GAAP EPS under the other names real releases give it, Pfizer's undated statement and a bank's
results table, read in place from ../shared/realdata/more/releases.

Each expected figure was read by hand from the release, as cited beside it. PepsiCo's "Core,
Non-GAAP Measure" and Coca-Cola's "Comparable (Non-GAAP)" are rows of reconciliations turned
sideways (line items over the columns, bases down the rows); IBM's "Operating (Non-GAAP)" column
stands beyond its period header's span; Boeing labels its summary "Fourth Quarter 2024" and
"Full Year 2024"; Pfizer heads its statement "First-Quarter" over "2025 | 2024" and says the day
in the statements' note (JPMorgan's results table: test_releases_unseen_shapes).
"""

from __future__ import annotations

import pytest

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import to_json
from tests.support.shared import REALDATA

RELEASES = REALDATA / "more" / "releases"


def _read(name: str) -> dict:
    return to_json(read_release((RELEASES / name).read_bytes()))


@pytest.mark.parametrize(
    ("name", "quarter", "year"),
    [
        # Certain Line Items, 12 Weeks Ended 9/7/2024: "... | Net income attributable to PepsiCo
        # per common share - diluted | Effective tax rate": Reported, GAAP Measure $ 2.13 |
        # 20.3%; Core, Non-GAAP Measure (c) $ 2.31 | 20.3% (the highlights: "Core EPS $2.31")
        ("PEP_0000077476-24-000054_q320248-kxexhibit991.htm", 2.31, None),
        # 16 Weeks Ended 12/28/2024: Core $ 1.96; 52 Weeks: $ 8.16 ("2024 core EPS of $8.16")
        ("PEP_0000077476-25-000008_q420248-kxexhibit991.htm", 1.96, 8.16),
        # Table 1. Summary Financial Results: Non-GAAP "Core loss per share" (5.90) under
        # "Fourth Quarter 2024", (20.38) under "Full Year 2024"
        ("BA_0000012927-25-000010_a202412dec318kprex991.htm", -5.90, -20.38),
        # Reconciliation, Three Months Ended June 30, 2025: Diluted Earnings Per Share:
        # Continuing Operations, GAAP $ 2.31 ... Operating (Non-GAAP) $ 2.80; the summary's
        # "Operating (Non-GAAP) ... Diluted Earnings Per Share $ 2.80"
        ("IBM_0000051143-25-000048_ibm-20250723xex991.htm", 2.80, None),
    ],
)
def test_non_gaap_eps_named_core_comparable_or_operating(
    name: str, quarter: float, year: float | None
) -> None:
    read = _read(name)
    assert read["quarter"]["eps_nongaap"] == quarter
    assert (read["year"] or {}).get("eps_nongaap") == year


@pytest.mark.parametrize(
    ("name", "period_end", "quarter", "guide"),
    [
        (
            "PFE_0000078003-25-000111_pfe-03302025xex99.htm",
            # "(1) The financial statements present the three months ended March 30, 2025 and
            # March 31, 2024" (a note on subsidiaries outside the U.S. names February 23, 2025)
            "2025-03-30",
            {
                "revenue": 13_715e6,  # Total revenues 13,715 (millions)
                "gross_profit": 10_870e6,  # 13,715 less Cost of sales (2), (3) 2,845
                "operating_income": None,  # Pfizer prints no operating income line
                "net_income": 2_967e6,  # Net income attributable to Pfizer Inc. common ...
                "eps_diluted": 0.52,  # Earnings per common share - diluted ... $ 0.52
                "eps_nongaap": 0.92,  # Adjusted diluted EPS $ 0.92 (First-Quarter 2025)
            },
            # "Revenues $61.0 to $64.0 billion" in Pfizer's 2025 financial guidance
            [{"period": "year", "revenue_low": 61.0e9, "revenue_high": 64.0e9}],
        ),
        (
            "PFE_0000078003-24-000188_pfe-9292024xex99.htm",
            # "present the three and nine months ended September 29, 2024 and October 1, 2023"
            "2024-09-29",
            {
                "revenue": 17_702e6,  # Total revenues 17,702
                "gross_profit": 12_439e6,  # 17,702 less Cost of sales (3) 5,263
                "operating_income": None,
                "net_income": 4_465e6,
                "eps_diluted": 0.78,
                "eps_nongaap": 1.06,  # Adjusted diluted EPS/(LPS) $ 1.06 (Third-Quarter 2024)
            },
            # "Revenues $61.0 to $64.0 billion (previously $59.5 to $62.5 billion)"
            [{"period": "year", "revenue_low": 61.0e9, "revenue_high": 64.0e9}],
        ),
    ],
)
def test_pfizer_quarter_dated_by_its_statements_note(
    name: str, period_end: str, quarter: dict, guide: list
) -> None:
    read = _read(name)
    assert (read["found"], read["period_end"]) == (True, period_end)
    assert read["quarter"] == quarter
    assert read["guidance"] == guide


def test_a_note_naming_two_days_for_the_year_dates_nothing() -> None:
    # The note's day made ambiguous: the statement stays undated, nothing is read
    body = (RELEASES / "PFE_0000078003-25-000111_pfe-03302025xex99.htm").read_text("latin-1")
    note = "statements present the three months ended March&#160;30, 2025"
    assert body.count(note) == 1
    doubled = body.replace(
        note, note + ". The statements present the three months ended February 23, 2025"
    )
    read = to_json(read_release(doubled))
    assert (read["found"], read["reason_code"]) == (False, "no_statement")


def test_a_transposed_reconciliation_whose_gaap_eps_is_not_the_statements_gives_none() -> None:
    # Coca-Cola Q3 2025: the reconciliation's Reported (GAAP) EPS $ 0.86 changed to $ 0.87, so
    # the column taken for diluted EPS is not proven: Comparable (Non-GAAP) $ 0.82 is not read
    name = "KO_0001628280-25-045577_a2025q3earningsreleaseex-9.htm"
    body = (RELEASES / name).read_text("latin-1")
    assert _read(name)["quarter"]["eps_nongaap"] == 0.82
    at = body.rindex(">0.86<")  # the statement prints it twice (bold), the reconciliation once
    altered = body[:at] + ">0.87<" + body[at + len(">0.86<") :]
    read = to_json(read_release(altered))
    assert read["quarter"]["eps_diluted"] == 0.86  # the statement's own, before the reconciliation
    assert read["quarter"]["eps_nongaap"] is None
