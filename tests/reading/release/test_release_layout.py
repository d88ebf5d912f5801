"""A company's layout, read in place from ../shared: where each figure of a release was read, and
the next release of the same company read through those places.

Apple's Q1 FY24 and Q3 FY25 releases print the same statement ("CONDENSED CONSOLIDATED
STATEMENTS OF OPERATIONS", current quarter first): revenue on "Total net sales" under "Net
sales:", net income on "Net income", diluted EPS on "Diluted" under "Earnings per share:". Each
release of a company in ../shared reads the same with and without the layout of its neighbours
in file order (no place contradicts a figure read by structure: every ordered pair was checked
when this was written, the test keeps the neighbours for time); where a copy of the second
release is edited so that the structure reads revenue from another row, the layout's place says
otherwise and revenue is not reported.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from pathlib import Path

import pytest

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import (
    Gap,
    Place,
    places_from_json,
    places_json,
    to_json,
)
from tests.support.shared import PRESS_RELEASES, REALDATA

FIRST = PRESS_RELEASES / "AAPL_0000320193-24-000005_a8-kex991q1202412302023.htm"
SECOND = PRESS_RELEASES / "AAPL_0000320193-25-000071_a8-kex991q3202506282025.htm"
SECOND_QUARTER = {  # Three Months Ended June 28, 2025, read by hand
    "revenue": 94_036e6,  # Total net sales 94,036
    "gross_profit": 43_718e6,  # Gross margin 43,718
    "operating_income": 28_202e6,  # Operating income 28,202
    "net_income": 23_434e6,  # Net income $ 23,434
    "eps_diluted": 1.57,  # Earnings per share: Diluted $ 1.57
    "eps_nongaap": None,
}


def test_the_places_a_release_was_read_from() -> None:
    places = {(p.figure, p.period): p for p in read_release(FIRST.read_bytes()).places}
    assert set(places) == {
        (f, "quarter")
        for f in ("revenue", "gross_profit", "operating_income", "net_income", "eps_diluted")
    }
    revenue, eps = places["revenue", "quarter"], places["eps_diluted", "quarter"]
    assert (revenue.row, revenue.section, revenue.column) == ("total net sales", "net sales", 0)
    assert (eps.row, eps.section, eps.column) == ("diluted", "earnings per share", 0)


def test_the_next_release_read_with_the_layout_gives_its_own_figures() -> None:
    layout = read_release(FIRST.read_bytes()).places
    read = to_json(read_release(SECOND.read_bytes(), layout=layout))
    assert (read["period_end"], read["quarter"]) == ("2025-06-28", SECOND_QUARTER)


def test_a_figure_the_layout_contradicts_is_not_reported() -> None:
    # A copy of Q3 FY25 whose "Products" row under "Net sales:" ($ 66,613 of the 94,036) is
    # relabelled "Total revenue": read by structure alone it becomes the revenue (the first
    # "Total" line wins); the layout's "Total net sales" says 94,036, so revenue is left out,
    # with its reason.
    body = SECOND.read_text("latin-1")
    products = "&#160;&#160;&#160;Products<"
    assert body.count(products) == 2  # under net sales, then under cost of sales
    edited = body.replace(products, "&#160;&#160;&#160;Total revenue<", 1)
    assert to_json(read_release(edited))["quarter"]["revenue"] == 66_613e6  # the structure misled
    results = read_release(edited, layout=read_release(FIRST.read_bytes()).places)
    assert results.quarter.revenue is None
    assert results.quarter.gap("revenue") is Gap.LAYOUT_DISAGREES
    assert to_json(results)["quarter"] == SECOND_QUARTER | {"revenue": None}


def _releases_by_company() -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = defaultdict(list)
    for folder in (
        PRESS_RELEASES,
        REALDATA / "more" / "releases",
        REALDATA / "more" / "releases-semis",
    ):
        for path in sorted(folder.glob("*.htm")):
            found[path.name.split("_")[0]].append(path)
    return {company: paths for company, paths in found.items() if len(paths) > 1}


@pytest.mark.parametrize("company", sorted(_releases_by_company()))
def test_no_place_of_a_companys_release_contradicts_another_of_its_releases(company: str) -> None:
    paths = _releases_by_company()[company]
    read = {path: read_release(path.read_bytes()) for path in paths}
    # each release taught by the one before it and the one after it in file order
    for teacher, pupil in [*itertools.pairwise(paths), *itertools.pairwise(paths[::-1])]:
        if not (read[teacher].found and read[pupil].found):
            continue
        again = read_release(pupil.read_bytes(), layout=read[teacher].places)
        assert (again.quarter, again.year) == (read[pupil].quarter, read[pupil].year), (
            teacher.name,
            pupil.name,
        )


def test_a_layout_crosses_to_the_reading_child_as_one_line_of_json() -> None:
    places = read_release(FIRST.read_bytes()).places
    line = places_json(places)
    assert "\n" not in line and places_from_json(line) == places
    assert places_from_json("") == () and places_from_json("{not json") == ()
    bad = (
        '[["revenue", "quarter", "", -1, "total", "", 0], ["x"], 5, '
        '["revenue", "quarter", "", 0, "total net sales", "net sales", 0]]'
    )
    assert places_from_json(bad) == (
        Place("revenue", "quarter", "", 0, "total net sales", "net sales", 0),
    )
