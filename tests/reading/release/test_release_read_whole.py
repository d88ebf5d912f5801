"""Releases read whole, in four shapes the reader missed: a plain-text statement in a `<pre>`
beside HTML tables (the exhibits of the 2000s), a statement whose column headings abbreviate or
hyphenate their span ("Qtr Ended", "3 Mos. Ended", "Three-Month Period Ended"), guidance in a
list nested under the outlook's heading, and a year's guidance whose sentence a page's footnotes
and number cut in two. Where a real release in ../shared has the shape (Disney's nested outlook,
UnitedHealth's and Pfizer's page numbers), the test reads it; where none does, a document is
built here in that shape. Every figure expected is the one printed."""

from __future__ import annotations

import html

import pytest

from catalyst_tui.reading.release.pages import unbroken
from catalyst_tui.reading.release.periods import Kind, read_column
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import Guidance, GuidancePeriod
from tests.support.shared import REALDATA

RELEASES = REALDATA / "more" / "releases"
QUARTER, YEAR = GuidancePeriod.QUARTER, GuidancePeriod.YEAR

# -- a plain-text statement in a <pre>, beside a table ------------------------------------------

PLAIN = """\
ACME INDUSTRIES REPORTS SECOND QUARTER 2004 RESULTS

CLEVELAND, Ohio, July 22, 2004 -- Acme Industries, Inc. (NYSE: ACM) today reported
results for its second quarter ended June 30, 2004.

                         ACME INDUSTRIES, INC.
               CONSOLIDATED STATEMENTS OF INCOME
           (In thousands, except per share amounts)

                                 Three Months Ended          Six Months Ended
                                      June 30,                   June 30,
                                 2004           2003           2004           2003
                               ----------     ----------     ----------     ----------
Net sales                      $  412,345     $  388,210     $  801,456     $  752,003
Cost of products sold             301,220        285,431        588,004        553,112
                               ----------     ----------     ----------     ----------
Gross profit                      111,125        102,779        213,452        198,891
Selling, general and
  administrative expenses          61,002         58,774        120,330        115,218
                               ----------     ----------     ----------     ----------
Operating income                   50,123         44,005         93,122         83,673
Interest expense                    3,210          3,544          6,520          7,101
                               ----------     ----------     ----------     ----------
Income before income taxes         46,913         40,461         86,602         76,572
Income taxes                       16,420         14,161         30,311         26,800
                               ----------     ----------     ----------     ----------
Net income                     $   30,493     $   26,300     $   56,291     $   49,772
                               ==========     ==========     ==========     ==========
Net income per share:
  Basic                        $     1.02     $     0.88     $     1.88     $     1.66
  Diluted                      $     1.00     $     0.87     $     1.85     $     1.64
"""
LETTERHEAD = "<table><tr><td>ACME</td><td>NEWS RELEASE</td></tr></table>"


def test_a_statement_in_a_pre_beside_a_letterhead_table_is_read():
    page = f"<html><body>{LETTERHEAD}<pre>{html.escape(PLAIN)}</pre></body></html>"
    found = read_release(page)
    assert found.found and str(found.period_end) == "2004-06-30"
    q = found.quarter
    assert (q.revenue, q.gross_profit, q.operating_income) == (412_345e3, 111_125e3, 50_123e3)
    assert (q.net_income, q.eps_diluted) == (30_493e3, 1.00)
    # a table after the <pre> too, and the <pre> alone: the same figures
    after = f"<html><body><pre>{html.escape(PLAIN)}</pre>{LETTERHEAD}</body></html>"
    alone = f"<html><body><pre>{html.escape(PLAIN)}</pre></body></html>"
    assert read_release(after).quarter == q == read_release(alone).quarter


# -- column headings that abbreviate or hyphenate their span ------------------------------------


def statement(first: str, second: str) -> str:
    """A quarter's statement under the headings `first` (the span) over `second` (the days)."""
    rows = [
        ("Net sales", "$ 1,234.5", "$ 1,100.2"),
        ("Cost of sales", "800.1", "700.3"),
        ("Gross profit", "434.4", "399.9"),
        ("Operating income", "150.2", "140.1"),
        ("Net income", "100.3", "90.2"),
        ("Diluted earnings per share", "$ 1.23", "$ 1.10"),
    ]
    days = "".join(f"<td>{d}</td>" for d in second.split("|"))
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    return (
        "<html><body><p>Acme Electronics today reported its results.</p>"
        "<p>Condensed Consolidated Statements of Operations</p>"
        "<p>(In millions, except per share data)</p>"
        f"<table><tr><td></td><td colspan=2>{first}</td></tr><tr><td></td>{days}</tr>"
        f"{body}</table></body></html>"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Qtr Ended", "March 28, 2026|March 29, 2025"),
        ("Qtr. Ended", "03/28/26|03/29/25"),
        ("3 Mos. Ended", "March 28, 2026|March 29, 2025"),
        ("Three-Month Period Ended", "March 28, 2026|March 29, 2025"),
        ("3-Month Period Ended", "Mar. 28, 2026|Mar. 29, 2025"),
    ],
)
def test_a_span_abbreviated_or_hyphenated_heads_a_quarter(first: str, second: str):
    found = read_release(statement(first, second))
    assert found.found and str(found.period_end) == "2026-03-28"
    q = found.quarter
    assert (q.revenue, q.gross_profit, q.operating_income) == (1_234.5e6, 434.4e6, 150.2e6)
    assert (q.net_income, q.eps_diluted) == (100.3e6, 1.23)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Qtr Ended March 28, 2026", Kind.QUARTER),
        ("Three-Month Period Ended March 28, 2026", Kind.QUARTER),
        ("6 Mos. Ended March 28, 2026", Kind.OTHER),
        ("Nine-Month Period Ended March 28, 2026", Kind.OTHER),
        ("Twelve-Month Period Ended March 28, 2026", Kind.YEAR),
        ("12 Mos. Ended March 28, 2026", Kind.YEAR),
    ],
)
def test_each_span_is_read_abbreviated_or_hyphenated(heading: str, kind: Kind):
    assert read_column(heading).kind is kind


def test_a_hyphenated_twelve_months_beside_a_first_quarter_is_no_fiscal_year():
    """The trailing twelve months some releases print beside each quarter, hyphenated, are
    no year: a first quarter's release gives no year's figures."""
    page = statement("Three Months Ended", "March 31, 2026|March 31, 2025").replace(
        "<td colspan=2>Three Months Ended</td>",
        "<td>Three Months Ended</td><td>Twelve-Month Period Ended</td>",
    )
    page = page.replace("March 29, 2025", "March 31, 2026").replace(
        "today reported its results", "today reported its first-quarter results"
    )
    found = read_release(page)
    assert found.found and found.year is None


# -- guidance in a nested list under the outlook's heading --------------------------------------


def outlook(items: str) -> str:
    return statement("Three Months Ended", "March 28, 2026|March 29, 2025").replace(
        "</body>", f"<p><b>Business Outlook</b></p>{items}</body>"
    )


@pytest.mark.parametrize(
    "items",
    [
        # the lead-in a few words naming the quarter, the range in its sub-bullet
        "<p>&#8226; Second Quarter Fiscal 2026</p>"
        "<p>&#9702; Revenue in the range of $1.20 billion to $1.25 billion</p>"
        "<p>&#9702; GAAP gross margin of approximately 35%</p>",
        # the lead-in ending with a colon
        "<p>&#8226; Second quarter of fiscal 2026:</p>"
        "<p>&#9702; Revenue between $1.20 billion and $1.25 billion</p>",
    ],
)
def test_a_quarters_range_in_a_sub_bullet_under_the_outlook_is_read(items: str):
    assert read_release(outlook(items)).guidance == (Guidance(QUARTER, 1.20e9, 1.25e9),)


def test_a_sub_bullet_under_results_is_no_guidance():
    items = (
        "<p>&#8226; The quarter in numbers:</p>"
        "<p>&#9702; Revenue of $1.23 billion, up 12% from a year ago</p>"
    )
    page = statement("Three Months Ended", "March 28, 2026|March 29, 2025").replace(
        "</body>", f"<p><b>Highlights</b></p>{items}</body>"
    )
    assert read_release(page).guidance == ()


DISNEY = RELEASES / "DIS_0001744489-24-000275_fy2024_q4xprxex991.htm"
FIRST_SUB_BULLET = b"High-single digit adjusted EPS</font>"


def test_disneys_nested_outlook_gives_nothing_and_a_range_in_its_sub_bullet_is_read():
    """Disney's "Guidance and Outlook: • ... • Fiscal 2025: ◦ High-single digit adjusted EPS
    growth ◦ ..." is a list nested under its outlook's heading with no revenue in it: nothing
    read. The same page with a revenue range as the first sub-bullet (the release's own markup,
    a range put in its first item here) gives that range for the year its lead-in names, and
    for the quarter when the lead-in names a quarter."""
    body = DISNEY.read_bytes()
    assert FIRST_SUB_BULLET in body and b"Fiscal 2025&#58;" in body
    assert read_release(body).guidance == ()
    ranged = body.replace(
        FIRST_SUB_BULLET,
        b"Revenue of $96.0 billion to $97.0 billion</font></div><div><font>&#9702;</font>"
        b"<font>High-single digit adjusted EPS</font>",
        1,
    )
    found = read_release(ranged)
    assert found.found and found.guidance == (Guidance(YEAR, 96.0e9, 97.0e9),)
    quarter = ranged.replace(b"Fiscal 2025&#58;", b"First quarter of fiscal 2025&#58;", 1)
    assert read_release(quarter).guidance == (Guidance(QUARTER, 96.0e9, 97.0e9),)


# -- a year's guidance cut by a page's footnotes and number -------------------------------------

BROKEN = (
    "<p>For the full fiscal year 2026, Acme expects total revenue to be in the range of</p>"
    "<p>(1) Adjusted EBITDA is a non-GAAP financial measure. See the reconciliation below.</p>"
    "<p>(2) Excludes the divested coatings business.</p>"
    "<p>Page 3 of 9</p><hr style='page-break-after:always'>"
    "<p>$4.80 billion to $4.90 billion, and adjusted EBITDA (1) of $1.10 billion.</p>"
)


@pytest.mark.parametrize("number", ["Page 3 of 9", "Page 3", "- 3 -"])
def test_a_years_range_cut_by_footnotes_and_a_page_number_is_read(number: str):
    page = outlook(BROKEN.replace("Page 3 of 9", number))
    assert read_release(page).guidance == (Guidance(YEAR, 4.80e9, 4.90e9),)


def test_a_page_number_after_a_finished_sentence_joins_nothing():
    text = "Pfizer’s 2025 financial guidance (1) is presented below. - 2 - CAPITAL ALLOCATION"
    assert unbroken(text) == text
    cut = "revenue in the range of (1) Adjusted EBITDA is a measure. Page 3 of 9 $4.8 billion."
    assert unbroken(cut) == "revenue in the range of $4.8 billion."
    # a footnote mark in the cut sentence's own first half is kept
    own = "Adjusted EBITDA (1) of (2) Excludes X. - 4 - $1.1 billion."
    assert unbroken(own) == "Adjusted EBITDA (1) of $1.1 billion."


@pytest.mark.parametrize(
    ("name", "low", "high"),
    [
        ("UNH_0000731766-25-000022_a2024q4exhibit991.htm", 450e9, 455e9),
        ("PFE_0000078003-25-000111_pfe-03302025xex99.htm", 61e9, 64e9),
        ("PFE_0000078003-24-000188_pfe-9292024xex99.htm", 61e9, 64e9),
    ],
)
def test_real_page_numbers_after_finished_sentences_leave_the_guidance_as_printed(
    name: str, low: float, high: float
):
    """UnitedHealth's "... $33 billion. Page 1 of 6 •" and Pfizer's "- 2 -" end pages after
    finished sentences: the year's range each prints is read as before."""
    assert read_release((RELEASES / name).read_bytes()).guidance == (Guidance(YEAR, low, high),)


# -- a statement headed by its days alone -------------------------------------------------------


def dated_only(intro: str, first: str = "March 28, 2026", second: str = "March 29, 2025") -> str:
    page = statement("", f"{first}|{second}").replace("<td colspan=2></td>", "<td></td><td></td>")
    return page.replace("Acme Electronics today reported its results.", intro)


def test_columns_headed_by_their_days_alone_are_the_quarter_the_text_says_ended_then():
    intro = "Acme Electronics today reported results for its first quarter ended March 28, 2026."
    found = read_release(dated_only(intro))
    assert found.found and str(found.period_end) == "2026-03-28"
    q = found.quarter
    assert (q.revenue, q.net_income, q.eps_diluted) == (1_234.5e6, 100.3e6, 1.23)


@pytest.mark.parametrize(
    "intro",
    [
        # a fourth quarter and its year end that day: which column is which is not said
        "Acme today reported results for its fourth quarter and fiscal year ended March 28, 2026."
        " The fiscal year ended March 28, 2026 was a record.",
        # no quarter's end named
        "Acme Electronics today reported its results.",
        # a quarter that ended another day
        "Acme Electronics today reported results for its first quarter ended March 31, 2026.",
    ],
)
def test_columns_headed_by_their_days_alone_are_read_only_where_the_text_settles_them(intro):
    assert not read_release(dated_only(intro)).found
