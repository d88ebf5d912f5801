"""A release's figures come from the column of its own period, whatever a header cell spans; a
column of another period is never read as this one.

Amazon's first quarter 2025 release (not in ../shared) prints "Three Months Ended March 31,"
in a cell spanning only the first of its two columns, "2024", with "2025" beside it under
nothing: it was read from its prior-year column (period end 2024-03-31, revenue 143,313 where the
quarter's is 155,667). The shape is built here by hand in the EX-99.1 style, its figures as
Amazon printed them (in millions). A property test then generates statements with the current
and prior-year columns in either order and the heading over one, the other or both, and asserts
that what is read is the current period's, or nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import NotRead

LEAD = (
    "<p>AMAZON.COM ANNOUNCES FIRST QUARTER RESULTS</p><p>SEATTLE--(BUSINESS WIRE)--May 1, 2025--"
    "Amazon.com, Inc. today announced financial results for its first quarter ended March 31, "
    "2025.</p><p>AMAZON.COM, INC.</p><p>Consolidated Statements of Operations</p>"
    "<p>(in millions, except per share data)</p><p>(unaudited)</p>"
)
# Amazon's Q1 2025 statement of operations, prior year first: (label, 2024, 2025)
AMAZON_ROWS = [
    ("Net product sales", "60,915", "64,349"),
    ("Net service sales", "82,398", "91,318"),
    ("Total net sales", "143,313", "155,667"),
    ("Operating income", "15,307", "18,405"),
    ("Net income", "10,431", "17,127"),
    ("Diluted earnings per share", "0.98", "1.59"),
]


def statement(
    heading: str, spans: str, years: tuple[str, str], rows: list[tuple[str, str, str]]
) -> str:
    """An EX-99.1 table: a label column, then per period a "$" cell, its figure and an empty
    cell; `heading` over the first column's three cells ("first"), the second's ("second"),
    all six ("both"), or none ("none")."""
    cell = f"<td colspan='3' style='text-align:center'>{heading}</td>"
    empty = "<td></td><td></td><td></td>"
    head = {
        "first": cell + empty,
        "second": empty + cell,
        "both": f"<td colspan='6' style='text-align:center'>{heading}</td>",
        "none": empty + empty,
    }[spans]
    html = [f"<table><tr><td></td>{head}</tr>"]
    html.append(f"<tr><td></td><td></td><td>{years[0]}</td><td></td>")
    html.append(f"<td></td><td>{years[1]}</td><td></td></tr>")
    for label, first, second in rows:
        html.append(f"<tr><td>{label}</td><td>$</td><td>{first}</td><td></td>")
        html.append(f"<td>$</td><td>{second}</td><td></td></tr>")
    return "".join(html) + "</table>"


def test_amazons_first_quarter_is_read_from_its_own_column_not_the_prior_years():
    table = statement("Three Months Ended<br>March 31,", "first", ("2024", "2025"), AMAZON_ROWS)
    read = read_release(f"<html><body>{LEAD}{table}</body></html>", dt.date(2025, 5, 1))
    assert read.found and read.period_end == dt.date(2025, 3, 31)
    quarter = read.quarter
    assert quarter.revenue == 155_667e6  # Total net sales, 2025 column
    assert quarter.operating_income == 18_405e6
    assert quarter.net_income == 17_127e6
    assert quarter.eps_diluted == 1.59


def test_a_statement_only_of_the_prior_year_is_never_read_as_the_quarter():
    """The text reports the quarter ended March 31, 2025; the only dated column is a year
    earlier's: nothing is read, with the reason."""
    rows = [(label, prior, prior) for label, prior, _ in AMAZON_ROWS]
    table = statement("Three Months Ended March 31, 2024", "first", ("", ""), rows[:5])
    read = read_release(f"<html><body>{LEAD}{table}</body></html>", dt.date(2025, 5, 1))
    assert not read.found and read.reason is NotRead.OTHER_PERIOD


QUARTER_MONTHS = (3, 6, 9, 12)


@st.composite
def releases(draw: st.DrawFn) -> tuple[str, bool, dt.date, dt.date, dict[str, int]]:
    """A statement with the quarter's and the prior year's columns in either order, its
    heading spanning one, the other or both, and the text stating its quarter or not."""
    year = draw(st.integers(2005, 2035))
    month = draw(st.sampled_from(QUARTER_MONTHS))
    end = dt.date(year, month, calendar.monthrange(year, month)[1])
    current_first = draw(st.booleans())
    spans = draw(st.sampled_from(["first", "second", "both", "none"]))
    stated = draw(st.booleans())
    figures = st.integers(1_000, 999_999)
    now = {"revenue": draw(figures), "net_income": draw(figures)}
    before = {"revenue": draw(figures), "net_income": draw(figures)}
    month_name = calendar.month_name[month]
    heading = f"Three Months Ended<br>{month_name} {end.day},"
    years = (str(year), str(year - 1))
    rows = [
        ("Total revenue", f"{now['revenue']:,}", f"{before['revenue']:,}"),
        ("Net income", f"{now['net_income']:,}", f"{before['net_income']:,}"),
    ]
    if not current_first:
        years = years[::-1]
        rows = [(label, b, a) for label, a, b in rows]
    said = f"results for its quarter ended {month_name} {end.day}, {year}. " if stated else ""
    lead = f"<p>Example Corp. today announced {said}</p><p>Statements of Operations</p>"
    lead += "<p>(in thousands)</p>"
    html = f"<html><body>{lead}{statement(heading, spans, years, rows)}</body></html>"
    filed = end + dt.timedelta(days=draw(st.integers(10, 60)))
    return html, spans != "none", end, filed, now


@given(releases())
def test_the_figures_read_are_the_current_periods_or_none(release):
    html, headed, end, filed, now = release
    read = read_release(html, filed)
    if not read.found:  # no heading names the columns' period: nothing, never a guess
        assert not headed
        return
    assert read.period_end == end
    assert read.quarter.revenue in (None, now["revenue"] * 1000)
    assert read.quarter.net_income in (None, now["net_income"] * 1000)


def _row(label: str, *cells: str) -> str:
    return f"<tr><td>{label}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def test_pfizers_fourth_quarter_and_full_year_columns_without_a_date():
    """Pfizer's year-end statement heads its columns "Fourth-Quarter" and "Full-Year" over
    years, with no day; its note dates them: "present the three and twelve months ended
    December 31, 2024 and 2023". The figures are this fixture's, in Pfizer's shape (in
    millions)."""
    html = (
        "<html><body><p>PFIZER REPORTS FOURTH-QUARTER AND FULL-YEAR 2024 RESULTS</p>"
        "<p>CONSOLIDATED STATEMENTS OF OPERATIONS</p>"
        "<p>(millions of dollars, except per common share data)</p><table>"
        "<tr><td></td><td colspan='3'>Fourth-Quarter</td><td></td>"
        "<td colspan='3'>Full-Year</td></tr>"
        + _row("", "2024", "2023", "% Incr./ (Decr.)", "", "2024", "2023", "% Incr./ (Decr.)")
        + _row("Total revenues", "$ 17,763", "$ 14,249", "25", "", "$ 63,627", "$ 58,496", "9")
        + _row(
            "Net income/(loss) attributable to Pfizer Inc. common shareholders",
            "$ 410",
            "$ (3,369)",
            "*",
            "",
            "$ 8,031",
            "$ 2,119",
            "*",
        )
        + "<tr><td>Earnings/(loss) per common share attributable to Pfizer Inc. common "
        "shareholders:</td></tr>"
        + _row("Diluted", "$ 0.07", "$ (0.60)", "*", "", "$ 1.41", "$ 0.37", "*")
        + "</table><p>The financial statements present the three and twelve months ended "
        "December 31, 2024 and 2023.</p></body></html>"
    )
    read = read_release(html, dt.date(2025, 2, 4))
    assert read.found and read.period_end == dt.date(2024, 12, 31)
    quarter, year = read.quarter, read.year
    assert (quarter.revenue, quarter.net_income, quarter.eps_diluted) == (17_763e6, 410e6, 0.07)
    assert year is not None
    assert (year.revenue, year.net_income, year.eps_diluted) == (63_627e6, 8_031e6, 1.41)
    # the same statement whose note names only the three months: the year stays undated
    three = html.replace("three and twelve months", "three months")
    only = read_release(three, dt.date(2025, 2, 4))
    assert only.found and only.quarter.revenue == 17_763e6 and only.year is None
