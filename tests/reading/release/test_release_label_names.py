"""Income-statement lines under names the reader had not known, so that it found no statement at
all: "Net income applicable to common stockholders", "Consolidated net income", "Net income for
the period", "Total net sales (Note 3)". Apple's Q3 FY2025 release rewritten in place reads as the
original does; beside net income, the line applicable to common stock is never read first.
"""

from __future__ import annotations

import pytest

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import to_json
from tests.support.shared import PRESS_RELEASES

AAPL_Q3FY25 = PRESS_RELEASES / "AAPL_0000320193-25-000071_a8-kex991q3202506282025.htm"
HEADER = (
    "<tr><td></td><td colspan=2>Three Months Ended</td></tr>"
    "<tr><td></td><td colspan=2>September 30, 2025</td></tr>"
)


def statement(*rows: tuple[str, str]) -> str:
    body = "".join(f"<tr><td>{label}</td><td>$</td><td>{value}</td></tr>" for label, value in rows)
    return (
        "<html><body><p>CONDENSED CONSOLIDATED STATEMENTS OF INCOME</p>"
        f"<p>(In millions, except per share data)</p><table>{HEADER}{body}</table></body></html>"
    )


@pytest.mark.parametrize(
    ("net_income", "sales"),
    [
        ("Net income applicable to common shareholders", "Total net sales"),
        ("Consolidated net income", "Total net sales"),
        ("Net income for the period", "Total net sales (Note 2)"),
    ],
)
def test_a_real_statement_under_other_names_reads_as_the_original(
    net_income: str, sales: str
) -> None:
    html = AAPL_Q3FY25.read_text("utf-8")
    renamed = html.replace(">Net income<", f">{net_income}<").replace(
        ">Total net sales<", f">{sales}<"
    )
    assert renamed.count(f">{net_income}<") == 2
    read = to_json(read_release(renamed))
    assert read["quarter"]["net_income"] == 23_434e6  # "Net income $ 23,434"
    assert read["quarter"]["revenue"] == 94_036e6
    assert read == to_json(read_release(html))


def test_beside_net_income_the_line_applicable_to_common_stock_is_not_read() -> None:
    rows = (
        ("Revenue", "1,000"),
        ("Net income", "100"),
        ("Preferred stock dividends", "5"),
        ("Net income applicable to common stockholders", "95"),
        ("Diluted earnings per share", "0.50"),
    )
    assert read_release(statement(*rows)).quarter.net_income == 100e6
    alone = tuple(row for row in rows if row[0] != "Net income")
    assert read_release(statement(*alone)).quarter.net_income == 95e6
    minority = tuple(
        ("Net income applicable to noncontrolling interests", v)
        if "common" in label
        else (label, v)
        for label, v in alone
    )
    assert read_release(statement(*minority)).found is False  # no net income of the company
