"""views/lines.py: the Lines pane's rows from the stored filings, each figure worked by hand from
the splits written here: share of the filing's revenue, change against the same quarter a year
before, the largest marked, a sum of lines named but not ranked; and why there is nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from catalyst_tui.reading.xbrl.records import AxisRevenue, Line, Segments
from catalyst_tui.store import Store
from catalyst_tui.views.lines import LineRow, load_lines

T0 = dt.datetime(2026, 11, 21, 12, tzinfo=dt.UTC)
PRODUCT = "srt:ProductOrServiceAxis"


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "c.db") as opened:
        yield opened


def save(store: Store, accession: str, end: dt.date, total: int, *lines: Line) -> None:
    split = Segments(
        end, end - dt.timedelta(days=91), "10-Q", "USD", total, (AxisRevenue(PRODUCT, lines),), None
    )
    store.segments.save("ALAB", accession, end + dt.timedelta(days=36), split, T0)


def test_each_line_against_the_same_quarter_a_year_before(store: Store) -> None:
    save(
        store,
        "q3-25",
        dt.date(2025, 9, 30),
        200,
        Line("a:ScorpioMember", "Scorpio", 40),
        Line("a:AriesMember", "Aries", 160),
    )
    save(
        store,
        "q2-26",
        dt.date(2026, 6, 30),
        300,
        Line("a:ScorpioMember", "Scorpio", 100),
        Line("a:AriesMember", "Aries", 200),
    )
    save(
        store,
        "q3-26",
        dt.date(2026, 9, 30),
        400,
        Line("a:ScorpioMember", "Scorpio", 220),
        Line("a:AriesMember", "Aries", 150),
        Line("a:LeoMember", "Leo", 30),
        Line("us-gaap:ProductMember", "Product", 400, generic=True),
    )
    view = load_lines(store, "ALAB")
    assert view.split is not None and view.split.accession == "q3-26"
    assert view.earlier is not None and view.earlier.accession == "q3-25"
    assert view.filings == 3
    assert view.rows == (
        LineRow("Scorpio", 220, 220 / 400, 220 / 40 - 1, True, False),
        LineRow("Aries", 150, 150 / 400, 150 / 160 - 1, False, False),
        LineRow("Leo", 30, 30 / 400, None, False, False),  # not in the year-earlier filing
    )


def test_without_lines_the_view_says_why(store: Store) -> None:
    assert load_lines(store, "ALAB").reason == "no 10-Q or 10-K of ALAB read for product lines yet"
    bare = Segments(dt.date(2026, 9, 30), dt.date(2026, 7, 1), "10-Q", "USD", 415, (), None)
    store.segments.save("ALAB", "q3-26", None, bare, T0)
    view = load_lines(store, "ALAB")
    assert view.rows == () and view.reason == "ALAB's filings state no revenue by product line"
