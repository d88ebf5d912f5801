"""Three real releases the reader had not found whole (../shared/realdata/more/releases-missed),
read in place by their structure, each beside a near miss that gives nothing.

Caterpillar's "Statement of Results of Operations" names its bottom line "Profit": a profit that
names no level above it (gross, operating, before taxes, of consolidated companies) is the net
income. TTM heads its statement "Second Quarter | First Two Quarters" over the years: two
quarters are a span, not a quarter, and the second quarter is dated by the text ("the second
quarter of 2026, which ended on June 29, 2026"). Sears' plain-text EX-99 of 2004 heads each pair
of year columns with one heading naming both days ("For the 13 / Weeks Ended / July 3, 2004 and
/ June 28, 2003" over "2004 | 2003"): each column is the day of its own year, its first line's
"13" is the heading's word, not a figure, and a label of three lines ("Earnings per share
before / cumulative effect of change in / accounting principle") keeps the "Diluted" section
above it.

Each expected figure was read by hand from the document, as cited beside it.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.release.labels import beyond_sales, net_income_rank
from catalyst_tui.reading.release.periods import Kind, read_column
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import Gap, to_json
from tests.support.shared import REALDATA

MISSED = REALDATA / "more" / "releases-missed"
CAT = "CAT_0000018230-22-000107_ex991toformcat1q2022earnin.htm"
TTM = "TTMI_0001193125-26-336163_d132953dex991.htm"
SEARS = "S_0000891092-04-003383_e18506ex_99.txt"


def _read(name: str, replace: str = "", by: str = "", times: int = 1) -> dict:
    body = (MISSED / name).read_text("utf-8")
    if replace:
        assert body.count(replace) == times, replace
        body = body.replace(replace, by)
    return to_json(read_release(body))


# -- Caterpillar: "Profit" for net income --------------------------------------------------------


def test_a_statement_of_results_of_operations_whose_bottom_line_is_profit_is_read_whole() -> None:
    read = _read(CAT)
    assert (read["found"], read["period_end"]) == (True, "2022-03-31")
    assert read["quarter"] == {
        "revenue": 13_589e6,  # Total sales and revenues 13,589 (Dollars in millions)
        # no gross profit line, and 13,589 - Cost of goods sold 9,559 is not one: the total
        # holds Financial Products' revenues, whose costs are not the goods sold
        "gross_profit": None,
        "operating_income": 1_855e6,  # Operating profit 1,855
        "net_income": 1_537e6,  # "Profit 1" 1,537 (1: Profit attributable to common shareholders)
        "eps_diluted": 2.86,  # Profit per common share — diluted 2.86 (basic: 2.88)
        "eps_nongaap": 2.88,  # Adjusted Profit Per Share $2.88, beside Profit Per Share $2.86
    }
    assert (read["year"], read["guidance"]) == (None, [])  # a first quarter, no outlook figures
    figures = read_release((MISSED / CAT).read_bytes()).quarter
    assert figures is not None and figures.gap("gross_profit") is Gap.COST_OF_SALES_ONLY


@pytest.mark.parametrize(
    ("revenue", "cost", "beyond"),
    [
        ("total sales and revenues", "cost of goods sold", True),
        ("sales and other revenues", "cost of sales", True),
        ("revenues and other income", "cost of goods sold", True),
        # a cost of revenue covers every revenue; sales alone are covered by their cost
        ("total sales and revenues", "cost of revenues", False),
        ("net sales", "cost of goods sold", False),
        ("total revenues", "cost of sales", False),
    ],
)
def test_a_cost_of_the_goods_sold_does_not_cover_other_revenues(
    revenue: str, cost: str, beyond: bool
) -> None:
    # gross profit is revenue less the cost of what made it: where the revenue names more than
    # its sales and the one cost names only what was sold, their difference is no gross profit
    assert beyond_sales(revenue, cost) is beyond


def test_a_statement_whose_foot_names_a_segments_profit_has_no_net_income() -> None:
    # near miss: the same statement, its bottom line "Segment profit" (and the two supplemental
    # statements' too): no net income, no statement (revenue and net income are what make one)
    read = _read(CAT, ">Profit </font>", ">Segment profit </font>", times=3)
    assert (read["found"], read["reason_code"]) == (False, "no_statement")


@pytest.mark.parametrize(
    ("label", "rank"),
    [
        ("profit", 1),
        ("net profit", 1),
        ("profit for the period", 1),
        ("profit attributable to common shareholders", 2),
        ("net profit attributable to owners of the parent", 2),
        # a profit naming a level of the statement above its foot, or another's share of it
        ("operating profit", 0),
        ("gross profit", 0),
        ("profit before taxes", 0),
        ("consolidated profit before taxes", 0),
        ("profit of consolidated companies", 0),
        ("profit of consolidated and affiliated companies", 0),
        ("segment profit", 0),
        ("profit attributable to noncontrolling interests", 0),
        ("less: profit attributable to noncontrolling interests", 0),
        ("profit per common share", 0),
    ],
)
def test_profit_is_net_income_only_where_it_names_no_level_above_the_foot(
    label: str, rank: int
) -> None:
    assert net_income_rank(label) == rank


# -- TTM: "Second Quarter | First Two Quarters" --------------------------------------------------


def test_quarters_named_by_their_order_over_the_years_are_dated_by_the_text() -> None:
    read = _read(TTM)
    assert (read["found"], read["period_end"]) == (True, "2026-06-29")
    assert read["quarter"] == {
        "revenue": 1_004_054e3,  # Net sales $ 1,004,054 (In thousands), Second Quarter 2026
        "gross_profit": 211_858e3,  # Gross profit 211,858
        "operating_income": 109_055e3,  # Operating income 109,055
        "net_income": 83_047e3,  # Net income $ 83,047 (First Two Quarters: 133,035)
        "eps_diluted": 0.77,  # Earnings per share: Diluted 0.77
        "eps_nongaap": 0.99,  # Non-GAAP earnings per diluted share $ 0.99
    }
    assert read["year"] is None  # two quarters are no year
    assert read["guidance"] == [
        # "For the third quarter of 2026, TTM estimates that net sales will be in the range of
        # $1.10 billion to $1.14 billion"
        {"period": "quarter", "revenue_low": 1_100e6, "revenue_high": 1_140e6},
        # "For full year 2026, TTM now expects net sales of approximately $4.4 billion"
        {"period": "year", "revenue_low": 4_400e6, "revenue_high": 4_400e6},
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # no day named for the quarter: which day "Second Quarter 2026" ended is not said
        "the second quarter of 2026.",
        # a day the second quarter of 2026 cannot end on
        "the second quarter of 2026, which ended on June&nbsp;29, 2025.",
    ],
)
def test_quarters_the_text_does_not_date_are_not_read(sentence: str) -> None:
    said = "the second quarter of 2026, which ended on June&nbsp;29, 2026."
    read = _read(TTM, said, sentence)
    assert (read["found"], read["reason_code"]) == (False, "undated")


@pytest.mark.parametrize(
    "heading",
    ["First Two Quarters 2026", "First Three Quarters 2025", "Two Quarters Ended June 29, 2026"],
)
def test_a_span_of_quarters_is_no_quarter(heading: str) -> None:
    assert read_column(heading).kind is Kind.OTHER
    assert read_column("Second Quarter 2026").kind is Kind.QUARTER  # one quarter still is one


# -- Sears: a plain-text statement of 2004 -------------------------------------------------------


def test_a_plain_text_statement_headed_by_two_days_over_two_years_is_read() -> None:
    read = _read(SEARS)
    assert (read["found"], read["period_end"]) == (True, "2004-07-03")
    assert read["quarter"] == {
        "revenue": 8_781e6,  # Total revenues 8,781 (millions), 13 weeks ended July 3, 2004
        # "Cost of sales, buying and occupancy": no cost of revenue alone, no gross profit line
        "gross_profit": None,
        "operating_income": 53e6,  # Operating income 53
        "net_income": 53e6,  # NET INCOME/ (LOSS) $ 53 (26 weeks: (806))
        "eps_diluted": 0.24,  # Diluted / Earnings/ (loss) per share $ 0.24 (basic: 0.25)
        "eps_nongaap": None,  # none printed
    }
    assert (read["year"], read["guidance"]) == (None, [])  # its outlook gives EPS alone


def test_without_its_years_the_two_days_heading_dates_no_column() -> None:
    # near miss: the row of years gone, a column under "July 3, 2004 and June 28, 2003" is of
    # neither day, and no figure is read as the quarter's
    years = "2004     2003      2004      2003\n"
    read = _read(SEARS, years, " " * (len(years) - 1) + "\n")
    assert set(read["quarter"].values()) == {None}


_DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))


@given(first=_DAYS, second=_DAYS)
def test_a_heading_of_two_days_dates_a_column_by_its_own_year(first: date, second: date) -> None:
    heading = (
        f"For the 13 Weeks Ended {first:%B} {first.day}, {first.year} and "
        f"{second:%B} {second.day}, {second.year}"
    )
    if first.year == second.year:
        if first != second:  # two days of one year: neither is the column's
            assert read_column(f"{heading} {first.year}").end is None
        return
    for own in (first, second):
        column = read_column(f"{heading} {own.year}")
        assert (column.kind, column.end) == (Kind.QUARTER, own)
    assert read_column(heading).end is None  # no year of its own: no day


def _statement(heading_rows: str, outlook: str = "") -> str:
    """A titled statement under `heading_rows` (two columns), in millions, and a sentence."""
    rows = (("Total revenues", "8,781", "16,575"), ("Net income", "53", "(806)"))
    body = "".join(
        f"<tr><td>{label}</td><td>{quarter}</td><td>{half}</td></tr>"
        for label, quarter, half in rows
    )
    return (
        "<html><body><p>Results for the second quarter ended July 3, 2004. {outlook}</p>"
        "<p>CONSOLIDATED STATEMENTS OF INCOME</p><p>(In millions)</p>"
        f"<table>{heading_rows}{body}</table></body></html>"
    ).replace("{outlook}", outlook)


def _heading_row(*cells: str) -> str:
    return "<tr><td></td>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def test_headings_whose_words_wrap_onto_the_header_row_below_head_their_columns() -> None:
    # the HTML of the same shape: "For the 13" and "For the 26" over "Weeks Ended"
    wrapped = _heading_row("For the 13", "For the 26") + _heading_row(
        "Weeks Ended July 3, 2004", "Weeks Ended July 3, 2004"
    )
    read = read_release(_statement(wrapped))
    assert (read.period_end, read.quarter.revenue, read.quarter.net_income) == (
        date(2004, 7, 3),
        8_781e6,
        53e6,
    )
    # near miss: without the first words both columns end that day and neither says how long:
    # no figure is the quarter's
    alone = _heading_row("Weeks Ended July 3, 2004", "Weeks Ended July 3, 2004")
    assert read_release(_statement(alone)).quarter.revenue is None


_RANGE = "revenue will be $9.0 billion to $9.2 billion."


@pytest.mark.parametrize(
    ("sentence", "guided"),
    [
        (f"For the third quarter, we estimate that {_RANGE}", True),
        (f"For the third quarter, the company expects that net {_RANGE}", True),
        # near misses: someone else's estimate, a past one, "that" after no cue of the company's
        (f"For the third quarter, analysts estimate that {_RANGE}", False),
        (f"For the third quarter, we had estimated that {_RANGE}", False),
        (f"In its outlook for the third quarter, the company believes that {_RANGE}", False),
    ],
)
def test_an_estimate_that_revenue_will_be_a_range_is_guidance(sentence: str, guided: bool) -> None:
    read = read_release(_statement(_heading_row("Three Months Ended July 3, 2004", ""), sentence))
    expected = [(9_000e6, 9_200e6)] if guided else []
    assert [(g.revenue_low, g.revenue_high) for g in read.guidance] == expected
