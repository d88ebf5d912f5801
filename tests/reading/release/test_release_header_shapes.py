"""Column headers releases print that the reader had left undated: the day before its month ("28
April" over "2024", "30-Sep-25"), a two-digit year ("9/30/25"), and the period in the label's
place beside the years ("Three Months Ended September 30, | 2025 | 2024"). A real release
rewritten in place reads as the original does.
"""

from __future__ import annotations

from datetime import date

from catalyst_tui.reading.release.periods import read_column
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import to_json
from tests.support.shared import PRESS_RELEASES

NVDA_Q1FY25 = PRESS_RELEASES / "NVDA_0001045810-24-000113_q1fy25pr.htm"
STATEMENT = (
    "<p>CONDENSED CONSOLIDATED STATEMENTS OF INCOME</p><p>(In millions, except per share data)"
    "</p><table>{header}"
    "<tr><td>Revenue</td><td>$</td><td>1,000</td><td>$</td><td>900</td></tr>"
    "<tr><td>Net income</td><td></td><td>100</td><td></td><td>90</td></tr>"
    "<tr><td>Diluted earnings per share</td><td>$</td><td>0.50</td><td>$</td><td>0.45</td></tr>"
    "</table>"
)


def test_the_day_before_the_month_dates_a_real_statement() -> None:
    """NVIDIA's Q1 FY2025 statements headed "28 April" and "30 April" over their years, as a
    release written day first prints them: the same quarter, the same figures."""
    html = NVDA_Q1FY25.read_text("utf-8")
    day_first = html.replace(">April 28,<", ">28 April<").replace(">April 30,<", ">30 April<")
    assert day_first.count(">28 April<") == 8
    read = to_json(read_release(day_first))
    assert read["period_end"] == "2024-04-28"
    assert read == to_json(read_release(html))
    assert read["quarter"]["revenue"] == 26_044e6  # "Revenue $ 26,044" under "28 April 2024"


def test_the_day_first_in_one_header() -> None:
    assert read_column("Three Months Ended 30 September 2025").end == date(2025, 9, 30)
    assert read_column("Quarter ended 2-Nov-2024").end == date(2024, 11, 2)
    assert read_column("Three Months Ended 30 September").end is None  # no year: no day
    # a two-digit year, in a header, is of this century
    assert read_column("Three Months Ended 30-Sep-25").end == date(2025, 9, 30)
    assert read_column("Quarter Ended 9/30/25").end == date(2025, 9, 30)
    assert read_column("Three Months Ended 30 Sep 25").end is None  # "25" alone is no year


def test_the_period_in_the_labels_place_heads_the_years_beside_it() -> None:
    header = (
        "<tr><td>Three Months Ended September 30,</td><td colspan=2>2025</td>"
        "<td colspan=2>2024</td></tr>"
    )
    read = to_json(read_release(f"<html><body>{STATEMENT.format(header=header)}</body></html>"))
    assert read["period_end"] == "2025-09-30"
    assert (read["quarter"]["revenue"], read["quarter"]["eps_diluted"]) == (1_000e6, 0.50)
    # near miss: a label naming a quarter by its order ("4Q24 3Q24 Dollars in millions | 2024 |
    # 2023", ExxonMobil: the quarters are the columns left of it) heads none of the years
    named = header.replace("Three Months Ended September 30,", "Fourth Quarter 2024")
    read = to_json(read_release(f"<html><body>{STATEMENT.format(header=named)}</body></html>"))
    assert read["found"] is False


def _apart(header: str, third: bool = False) -> str:
    """The statement with its headers in a table of their own, its figures in the next."""
    rows = (
        ("Revenue", "1,000", "900"),
        ("Net income", "100", "90"),
        ("Diluted earnings per share", "0.50", "0.45"),
    )
    pad = "<td>$</td><td>1</td>" if third else ""
    body = "".join(
        f"<tr><td>{label}</td><td>$</td><td>{now}</td><td>$</td><td>{then}</td>{pad}</tr>"
        for label, now, then in rows
    )
    title = "<p>CONDENSED CONSOLIDATED STATEMENTS OF INCOME</p><p>(In millions)</p>"
    return f"<html><body>{title}<table>{header}</table><table>{body}</table></body></html>"


def test_headers_in_a_table_of_their_own_head_the_figures_in_the_next() -> None:
    header = (
        "<tr><td></td><td colspan=4>Three Months Ended</td></tr>"
        "<tr><td></td><td colspan=2>September 30, 2025</td><td colspan=2>September 30, 2024</td>"
        "</tr>"
    )
    read = to_json(read_release(_apart(header)))
    assert read["period_end"] == "2025-09-30"
    assert read["quarter"]["revenue"] == 1_000e6  # scaled by "(In millions)" above the headers
    assert (read["quarter"]["net_income"], read["quarter"]["eps_diluted"]) == (100e6, 0.50)
    # near miss: a figures table of three columns is on another grid than two headers
    assert to_json(read_release(_apart(header, third=True)))["found"] is False
