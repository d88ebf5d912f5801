"""Three shapes of the releases never shared, each built by hand in its company's EX-99.1 style
with this file's own figures (the expected values written beside them), each read from the
column of the release's own period:

- Netflix's: quarter columns and year columns in one statement ("Three Months Ended" x3, then
  "Year Ended" x2); a heading over the whole table with "Year Ended" under it over the last two
  columns made the year columns quarters, and every figure ambiguous. The heading nearest the
  figures says how long their period is; a year column is never read as the quarter.
- Boeing's: no gross profit line, costs of revenue in parts ("Cost of products", "Cost of
  services") and costs printed as deductions, "(18,500)": gross profit is derived only from a
  total cost of revenue the release prints, at its size whatever its sign, else none with the
  reason (`cost_in_parts`).
- ExxonMobil's: the statement prints no EPS; the per-share line stands in a summary whose
  columns are quarters named by their order ("3Q25"), the quarter's among other periods and the
  labels in a middle column, a change column signed "+0.12": read from the column the text
  names with its end ("third quarter ended September 30, 2025").

A property test then generates statements with the quarter's, the previous quarter's and the
prior year's columns and year-long or nine-month columns in any order, under any of these
headings, and asserts the figures read are those of the column whose period ends on the
release's quarter.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import Gap


def _row(label: str, *cells: str) -> str:
    return f"<tr><td>{label}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _money(label: str, *figures: str) -> str:
    """A statement row: per column a "$" cell, the figure and an empty cell (Workiva's)."""
    return (
        f"<tr><td>{label}</td>"
        + "".join(f"<td>$</td><td>{f}</td><td></td>" for f in figures)
        + "</tr>"
    )


# --- Netflix: "Three Months Ended" x3 then "Year Ended" x2, in thousands ---------------------

NETFLIX_LEAD = (
    "<p>Netflix reports fourth quarter 2025 results</p><p>Netflix, Inc.</p>"
    "<p>Consolidated Statements of Operations</p>"
    "<p>(in thousands, except per share data)</p><p>(unaudited)</p>"
)
# (label, Q4 2025, Q3 2025, Q4 2024, year 2025, year 2024)
NETFLIX_ROWS = [
    ("Revenues", "12,051,000", "11,510,000", "10,247,000", "45,183,000", "39,001,000"),
    ("Cost of revenues", "6,500,000", "6,010,000", "5,767,000", "24,400,000", "21,038,000"),
    ("Operating income", "3,000,000", "3,248,000", "2,273,000", "13,300,000", "10,418,000"),
    ("Net income", "2,400,000", "2,547,000", "1,869,000", "10,900,000", "8,712,000"),
    ("Diluted earnings per share", "5.50", "5.87", "4.27", "24.90", "19.83"),
]
NETFLIX_DAYS = (
    "December 31, 2025",
    "September 30, 2025",
    "December 31, 2024",
    "December 31, 2025",
    "December 31, 2024",
)


def netflix(headings: str, days: tuple[str, ...] = NETFLIX_DAYS, quarter: str = "fourth") -> str:
    dates = "".join(f"<td colspan='3'>{day}</td>" for day in days)
    body = "".join(_money(*row) for row in NETFLIX_ROWS)
    table = f"<table>{headings}<tr><td></td>{dates}</tr>{body}</table>"
    lead = NETFLIX_LEAD.replace("fourth", quarter)
    return f"<html><body>{lead}{table}</body></html>"


def _assert_netflix_q4_2025(html: str) -> None:
    read = read_release(html, dt.date(2026, 1, 20))
    assert read.found and read.period_end == dt.date(2025, 12, 31)
    quarter, year = read.quarter, read.year
    assert quarter.revenue == 12_051_000e3  # Three Months Ended December 31, 2025
    assert quarter.gross_profit == (12_051_000 - 6_500_000) * 1e3
    assert quarter.operating_income == 3_000_000e3
    assert quarter.net_income == 2_400_000e3
    assert quarter.eps_diluted == 5.50
    assert year is not None
    assert year.revenue == 45_183_000e3  # Year Ended December 31, 2025
    assert year.net_income == 10_900_000e3
    assert year.eps_diluted == 24.90


def test_netflix_quarter_and_year_columns_under_headings_of_their_own():
    _assert_netflix_q4_2025(
        netflix(
            "<tr><td></td><td colspan='9'>Three Months Ended</td>"
            "<td colspan='6'>Year Ended</td></tr>"
        )
    )


@pytest.mark.parametrize("year", ["Year Ended", "Twelve Months Ended"])
def test_netflix_year_columns_under_a_heading_spanning_the_whole_table(year: str):
    """ "Three Months Ended" over all five columns, "Year Ended" under it over the last two:
    read as quarters ending December 31, 2025, the year's 45,183,000 beside the quarter's
    12,051,000 made every figure ambiguous (None)."""
    _assert_netflix_q4_2025(
        netflix(
            "<tr><td></td><td colspan='15'>Three Months Ended</td></tr>"
            f"<tr><td></td><td colspan='9'></td><td colspan='6'>{year}</td></tr>"
        )
    )


def test_a_third_quarter_beside_the_years_before_reads_no_year():
    """A third quarter's statement beside the two fiscal years before it: the quarter from its
    own column, no year (none ends on September 30, 2025)."""
    days = ("September 30, 2025", "June 30, 2025", "September 30, 2024", *NETFLIX_DAYS[3:])
    heads = "<tr><td></td><td colspan='9'>Three Months Ended</td><td colspan='6'>Year Ended</td>"
    html = netflix(heads + "</tr>", days, "third")
    read = read_release(html, dt.date(2025, 10, 21))
    assert read.found and read.period_end == dt.date(2025, 9, 30)
    assert read.quarter.revenue == 12_051_000e3 and read.quarter.eps_diluted == 5.50
    assert read.year is None


# --- Boeing: no gross profit line, costs in parts, deductions in parentheses -----------------

BOEING_LEAD = (
    "<p>Boeing Reports Third Quarter Results</p><p>The Boeing Company and Subsidiaries</p>"
    "<p>Consolidated Statements of Operations</p><p>(Unaudited)</p>"
)
BOEING_HEAD = (
    "<tr><td></td><td colspan='4'>Three months ended September 30</td>"
    "<td colspan='4'>Nine months ended September 30</td></tr>"
    + _row("(Dollars in millions, except per share data)", *("2025", "", "2024", "") * 2)
)
# (label, Q3 2025, Q3 2024, nine months 2025, nine months 2024)
BOEING_REVENUE = [
    ("Sales of products", "$ 20,000", "$ 15,000", "$ 55,000", "$ 45,000"),
    ("Sales of services", "3,500", "3,000", "10,000", "9,000"),
    ("Total revenues", "23,500", "18,000", "65,000", "54,000"),
]
BOEING_COSTS = [
    ("Cost of products", "(18,500)", "(16,000)", "(50,000)", "(44,000)"),
    ("Cost of services", "(3,000)", "(2,600)", "(8,400)", "(7,800)"),
]
BOEING_BELOW = [
    ("", "2,000", "(600)", "6,600", "2,200"),  # the unlabelled subtotal
    ("Income from operating investments, net", "15", "20", "40", "60"),
    ("General and administrative expense", "(1,300)", "(1,200)", "(3,900)", "(3,600)"),
    ("Research and development expense, net", "(1,000)", "(900)", "(2,900)", "(2,700)"),
    ("Earnings/(loss) from operations", "(285)", "(2,680)", "(160)", "(4,040)"),
    ("Other income, net", "300", "280", "900", "850"),
    ("Net loss", "(635)", "(5,350)", "(1,200)", "(7,370)"),
    ("Less: net loss attributable to noncontrolling interest", "(5)", "(6)", "(15)", "(16)"),
    (
        "Net loss attributable to Boeing Shareholders",
        "$ (630)",
        "$ (5,344)",
        "$ (1,185)",
        "$ (7,354)",
    ),
    ("Diluted loss per share", "$ (0.83)", "$ (8.70)", "$ (1.56)", "$ (12.00)"),
]


def boeing(costs: Sequence[tuple[str, ...]]) -> str:
    rows = "".join(
        _row(label, *(c for f in figures for c in (f, "")))
        for label, *figures in [
            *BOEING_REVENUE,
            *costs,
            *BOEING_BELOW,
        ]
    )
    return f"<html><body>{BOEING_LEAD}<table>{BOEING_HEAD}{rows}</table></body></html>"


def _boeing_q3(costs: Sequence[tuple[str, ...]]):
    read = read_release(boeing(costs), dt.date(2025, 10, 29))
    assert read.found and read.period_end == dt.date(2025, 9, 30)
    quarter = read.quarter
    assert quarter.revenue == 23_500e6  # Total revenues
    assert quarter.operating_income == -285e6  # Earnings/(loss) from operations
    assert quarter.net_income == -630e6  # Net loss attributable to Boeing Shareholders
    assert quarter.eps_diluted == -0.83
    return quarter


def test_boeing_costs_in_parts_give_no_gross_profit_and_say_why():
    quarter = _boeing_q3(BOEING_COSTS)
    assert quarter.gross_profit is None
    assert quarter.gap("gross_profit") is Gap.COST_IN_PARTS


def test_a_part_named_cost_of_sales_is_not_the_cost_of_revenue():
    """ "Cost of sales" (the products') beside "Cost of services": gross profit was taken as
    revenue less the first part printed, as a deduction added, 23,500 + 18,500 = 42,000."""
    costs = [("Cost of sales", *BOEING_COSTS[0][1:]), BOEING_COSTS[1]]
    quarter = _boeing_q3(costs)
    assert quarter.gross_profit is None
    assert quarter.gap("gross_profit") is Gap.COST_IN_PARTS


def test_a_total_cost_of_revenue_printed_as_a_deduction_derives_gross_profit():
    total = ("Total cost of revenues", "(21,500)", "(18,600)", "(58,400)", "(51,800)")
    quarter = _boeing_q3([*BOEING_COSTS, total])
    assert quarter.gross_profit == (23_500 - 21_500) * 1e6  # 2,000, the subtotal printed
    assert quarter.derived == ("gross_profit",)


def test_one_cost_of_revenue_printed_as_a_deduction_derives_gross_profit():
    cost = ("Cost of revenue", "(21,500)", "(18,600)", "(58,400)", "(51,800)")
    assert _boeing_q3([cost]).gross_profit == 2_000e6


# --- ExxonMobil: EPS only in a summary of quarters named by their order ---------------------

EXXON_LEAD = (
    "<p>EXXON MOBIL CORPORATION ANNOUNCES THIRD QUARTER 2025 RESULTS</p>"
    "<p>Exxon Mobil Corporation today reported results for the third quarter ended "
    "September 30, 2025.</p>"
)
EXXON_STATEMENT = (
    "<p>CONDENSED CONSOLIDATED STATEMENT OF INCOME</p><p>(Dollars in millions)</p><table>"
    + _row("", "Three Months Ended September 30,", "", "Nine Months Ended September 30,", "")
    + _row("", "2025", "2024", "2025", "2024")
    + _row("Total revenues and other income", "85,300", "90,016", "251,000", "263,000")
    + _row("Net income attributable to ExxonMobil", "7,550", "8,610", "22,690", "26,070")
    + "</table>"
)
EXXON_LABEL = "Dollars in millions (except per share data)"
# the summary's columns, its labels between the quarters and the nine months
EXXON_SUMMARY = [
    ("3Q24", "2Q25", "3Q25", "Change vs 2Q25", EXXON_LABEL, "YTD 2025", "YTD 2024"),
    ("8,610", "7,082", "7,550", "+468", "Earnings (U.S. GAAP)", "22,690", "26,070"),
    (
        "1.92",
        "1.64",
        "1.76",
        "+0.12",
        "Earnings Per Common Share (assuming dilution)",
        "5.25",
        "5.93",
    ),
    (
        "1.88",
        "1.61",
        "1.81",
        "+0.20",
        "Earnings Excl. Identified Items Per Common Share (non-GAAP)",
        "5.30",
        "5.85",
    ),
]


def exxon(summary: Sequence[tuple[str, ...]], lead: str = EXXON_LEAD) -> str:
    table = "<p>Results Summary</p><table>" + "".join(_row(*r) for r in summary) + "</table>"
    return f"<html><body>{lead}{table}{EXXON_STATEMENT}</body></html>"


def test_exxons_per_share_line_read_from_its_quarters_middle_column():
    read = read_release(exxon(EXXON_SUMMARY), dt.date(2025, 10, 31))
    assert read.found and read.period_end == dt.date(2025, 9, 30)
    assert read.quarter.revenue == 85_300e6 and read.quarter.net_income == 7_550e6
    assert read.quarter.eps_diluted == 1.76  # 3Q25, the third of the figures
    assert read.quarter.eps_nongaap == 1.81  # Earnings Excl. Identified Items, 3Q25


def test_exxons_labels_on_the_left_the_quarter_first():
    summary = [(r[4], r[2], r[1], r[3], r[5], r[6]) for r in EXXON_SUMMARY]
    read = read_release(exxon(summary), dt.date(2025, 10, 31))
    assert (read.quarter.eps_diluted, read.quarter.eps_nongaap) == (1.76, 1.81)


def test_exxons_quarter_named_by_its_headline_alone():
    """ExxonMobil's text names its quarter "third-quarter 2025" and never its day: the column
    named so, the latest quarter of the summary, is the statement's quarter."""
    lead = (
        "<p>EXXON MOBIL CORPORATION ANNOUNCES THIRD-QUARTER 2025 RESULTS</p>"
        "<p>Exxon Mobil Corporation today announced third-quarter 2025 earnings of $7.5 "
        "billion.</p>"
    )
    read = read_release(exxon(EXXON_SUMMARY, lead), dt.date(2025, 10, 31))
    assert (read.quarter.eps_diluted, read.quarter.eps_nongaap) == (1.76, 1.81)


def test_a_summary_not_of_the_named_quarter_gives_no_eps():
    """Near misses, the statement's own figures still read: a text naming its quarter neither
    by its day nor by its order; a headline naming another quarter than the summary's latest
    (or one that cannot end on the statement's day); a summary whose latest quarter is the
    one before the text's."""
    unnamed = "<p>Exxon Mobil Corporation today announced its results.</p>"
    other = EXXON_LEAD.replace("THIRD QUARTER", "SECOND QUARTER").replace(
        " ended September 30, 2025", ""
    )
    fiscal = EXXON_LEAD.replace("THIRD QUARTER 2025", "THIRD QUARTER 2026").replace(
        " ended September 30, 2025", ""
    )
    earlier = [tuple(c for i, c in enumerate(r) if i != 2) for r in EXXON_SUMMARY]
    for summary, lead in (
        (EXXON_SUMMARY, unnamed),
        (EXXON_SUMMARY, other),
        ([tuple(c.replace("3Q25", "3Q26") for c in r) for r in EXXON_SUMMARY], fiscal),
        (earlier, EXXON_LEAD),
    ):
        read = read_release(exxon(summary, lead), dt.date(2025, 10, 31))
        assert read.quarter.net_income == 7_550e6
        assert (read.quarter.eps_diluted, read.quarter.eps_nongaap) == (None, None), lead


# --- the law, over generated statements -----------------------------------------------------


def _quarter_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return _quarter_end(index // 12, index % 12 + 1)


def _day(day: dt.date) -> str:
    return f"{calendar.month_name[day.month]} {day.day}, {day.year}"


@st.composite
def statements(draw: st.DrawFn):
    """A statement of the quarter, the previous quarter and the prior year's quarter, with the
    year (on a fourth quarter) or the nine months (else) to date and the year before's, the
    columns in any order, headed per column, by runs, or by one heading over the whole table
    with the longer periods' heading under it."""
    end = _quarter_end(draw(st.integers(2005, 2035)), draw(st.sampled_from((3, 6, 9, 12))))
    fourth = end.month == 12
    longer = "Year Ended" if fourth else "Nine Months Ended"
    figures = st.integers(1_000, 999_999)
    columns = [
        ("Three Months Ended", end, draw(figures)),
        ("Three Months Ended", _months_before(end, 3), draw(figures)),
        ("Three Months Ended", _months_before(end, 12), draw(figures)),
    ]
    if draw(st.booleans()):
        columns += [(longer, end, draw(figures)), (longer, _months_before(end, 12), draw(figures))]
    columns = draw(st.permutations(columns))
    style = draw(st.sampled_from(["each", "runs", "wide"]))
    width = 3 * len(columns)
    heads = ""
    if style == "each":
        dates = "".join(f"<td colspan='3'>{k} {_day(d)}</td>" for k, d, _ in columns)
    else:
        dates = "".join(f"<td colspan='3'>{_day(d)}</td>" for _, d, _ in columns)
        runs: list[list[str]] = []
        for kind, _, _ in columns:
            if runs and runs[-1][0] == kind:
                runs[-1].append(kind)
            else:
                runs.append([kind])
        if style == "runs":
            cells = [f"<td colspan='{3 * len(r)}'>{r[0]}</td>" for r in runs]
        else:
            heads = f"<tr><td></td><td colspan='{width}'>Three Months Ended</td></tr>"
            cells = [
                f"<td colspan='{3 * len(r)}'>{'' if r[0].startswith('Three') else r[0]}</td>"
                for r in runs
            ]
        heads += f"<tr><td></td>{''.join(cells)}</tr>"
    table = f"<table>{heads}<tr><td></td>{dates}</tr>"
    table += _money("Total revenue", *(f"{v:,}" for _, _, v in columns))
    table += _money("Net income", *(f"{v // 10:,}" for _, _, v in columns)) + "</table>"
    said = "fourth quarter" if fourth else "quarter"
    lead = (
        f"<p>Example Corp. reports results for its {said} ended {_day(end)}.</p>"
        "<p>Consolidated Statements of Operations</p><p>(in thousands)</p>"
    )
    expected = {(k.split()[0], d): v for k, d, v in columns}
    filed = end + dt.timedelta(days=draw(st.integers(10, 60)))
    return f"<html><body>{lead}{table}</body></html>", end, filed, expected


@settings(max_examples=300)  # a fourth quarter's year under a wide heading is one draw in 25
@given(statements())
def test_the_figures_read_come_from_the_column_of_the_releases_quarter(generated):
    html, end, filed, expected = generated
    read = read_release(html, filed)
    assert read.found and read.period_end == end
    revenue = expected[("Three", end)]
    assert read.quarter.revenue == revenue * 1000
    assert read.quarter.net_income == revenue // 10 * 1000
    year = expected.get(("Year", end))
    if year is None:
        assert read.year is None
    else:
        assert read.year is not None and read.year.revenue == year * 1000
