"""Non-GAAP diluted EPS under the names companies give their own measure: "Earnings excluding
identified items per common share" (ExxonMobil), "... excluding notable items", and the shapes a
reconciliation prints it in: a "Per common share" line under the measure's amount, "Diluted"
under the measure's per-share heading, the measure under a "Per common share" heading. A measure
leaving out one named charge ("excluding the litigation charge") is another figure, never the
release's non-GAAP EPS; nor is GAAP diluted EPS read from under a non-GAAP heading.
"""

from __future__ import annotations

import pytest

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import Gap
from tests.support.shared import REALDATA

XOM_4Q24 = REALDATA / "more" / "releases" / "XOM_0000034088-25-000006_f8k4q24991.htm"
STATEMENT = (
    "<p>CONDENSED CONSOLIDATED STATEMENTS OF INCOME</p><p>(In millions, except per share data)"
    "</p><table><tr><td></td><td>Three Months Ended</td></tr><tr><td></td><td>March 31, 2025</td>"
    "</tr><tr><td>Revenue</td><td>1,000</td></tr><tr><td>Net income</td><td>100</td></tr>"
    "<tr><td>Diluted earnings per share</td><td>0.50</td></tr></table>"
)
HEADER = "<tr><td></td><td>Three Months Ended</td></tr><tr><td></td><td>March 31, 2025</td></tr>"


def reconciliation(*rows: tuple[str, str]) -> str:
    body = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in rows)
    table = f"<p>Reconciliation of GAAP to non-GAAP measures</p><table>{HEADER}{body}</table>"
    return f"<html><body>{STATEMENT}{table}</body></html>"


def test_exxonmobils_measure_under_another_standard_name_reads_in_place() -> None:
    """ExxonMobil's Q4 2024 release with its measure named "Excluding Notable Items": the
    quarter's 1.67 and the year's 7.79 (Attachment II-a), as under its own name."""
    html = XOM_4Q24.read_text(encoding="utf-8", errors="replace")
    renamed = html.replace("Excl. Identified Items Per", "Excluding Notable Items Per")
    renamed = renamed.replace("Excl. Identified Items per", "Excluding Notable Items per")
    assert renamed.count("Excluding Notable Items") == 3
    read = read_release(renamed)
    assert read.quarter.eps_nongaap == 1.67
    assert read.year is not None and read.year.eps_nongaap == 7.79
    assert read.quarter.eps_diluted == 1.72  # GAAP untouched


@pytest.mark.parametrize(
    "rows",
    [
        # the measure's amount, then its per-share line
        (
            ("Earnings excluding identified items (non-GAAP)", "7,000"),
            ("Per common share - assuming dilution", "0.62"),
        ),
        # the measure as a heading, "Per common share", then basic and diluted
        (
            ("Earnings excluding identified items (non-GAAP)", ""),
            ("Per common share", ""),
            ("Basic", "0.63"),
            ("Diluted", "0.62"),
        ),
        # "Per common share" as the heading, the measure's diluted line under it
        (
            ("Per common share (dollars)", ""),
            ("Net income - assuming dilution", "0.50"),
            ("Earnings excluding identified items - assuming dilution", "0.62"),
        ),
        # diluted EPS as the heading, GAAP and the measure under it
        (
            ("Earnings per share - diluted", ""),
            ("GAAP", "0.50"),
            ("Excluding identified items", "0.62"),
        ),
        (
            ("Diluted earnings per share", ""),
            ("As reported", "0.50"),
            ("Excluding special items", "0.62"),
        ),
        (("Diluted EPS excluding notable items", "0.62"),),
        (("Earnings per share excluding unusual items - diluted", "0.62"),),
    ],
    ids=[
        "per-share line",
        "diluted under the measure",
        "measure under per share",
        "excluding under diluted",
        "special under diluted",
        "notable",
        "unusual",
    ],
)
def test_the_measures_diluted_per_share_line_is_the_non_gaap_eps(
    rows: tuple[tuple[str, str], ...],
) -> None:
    quarter = read_release(reconciliation(*rows)).quarter
    assert quarter.eps_nongaap == 0.62
    assert quarter.eps_diluted == 0.50


@pytest.mark.parametrize(
    "rows",
    [
        (("Diluted earnings per share excluding the litigation charge", "0.62"),),
        (
            ("Earnings excluding the litigation charge", "7,000"),
            ("Per common share - assuming dilution", "0.62"),
        ),
        (
            ("Earnings excluding identified items (non-GAAP)", ""),
            ("Per common share", ""),
            ("Basic", "0.63"),
        ),
        (
            ("Earnings excluding identified items (non-GAAP)", "7,000"),
            ("Weighted average shares - assuming dilution", "11,300"),
        ),
    ],
    ids=["one charge left out", "its per-share line", "basic only", "shares"],
)
def test_another_measure_or_no_diluted_line_is_no_non_gaap_eps(
    rows: tuple[tuple[str, str], ...],
) -> None:
    quarter = read_release(reconciliation(*rows)).quarter
    assert quarter.eps_nongaap is None
    assert quarter.gap("eps_nongaap") is Gap.NOT_STATED
    assert quarter.eps_diluted == 0.50
