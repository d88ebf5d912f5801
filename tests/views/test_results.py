"""views/results on the demo database: ALAB's releases as the pane and `catalyst results` read
them (the fiscal quarter from XBRL's fiscal year 2025, each against its guide, confirmed by the
10-Qs), and the watchlist's mark, there for five days after a release and gone after."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.store import Store
from catalyst_tui.views.results import MARK_DAYS, load_results, recent_marks
from catalyst_tui.views.watchlist import load_watchlist


def test_alabs_releases_newest_first_with_their_quarter_guide_and_xbrl(demo_store: Store):
    rows = load_results(demo_store, "ALAB")
    assert [(r.label, r.release.filed.isoformat()) for r in rows] == [
        ("Q3 FY26", "2026-11-03"),
        ("Q2 FY26", "2026-08-04"),
        ("Q1 FY26", "2026-05-05"),
    ]
    q3, q2, q1 = rows
    assert q3.guide == (385e6, 395e6) and q3.vs_guide == pytest.approx(415 / 390 - 1)
    assert q2.guide == (355e6, 365e6) and q2.vs_guide == pytest.approx(362 / 360 - 1)
    assert q1.guide is None and q1.vs_guide is None  # no release before it is stored
    # the fixture's 10-Qs: $415.0M, net income $91.0M, diluted EPS 0.52 for the Sept. quarter
    assert all(r.check.confirmed for r in rows)
    assert q3.check.filed["revenue"] == 415e6 and q3.check.filed["net_income"] == 91e6
    assert load_results(demo_store, "CRDO") == []


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (dt.date(2026, 11, 2), False),
        (dt.date(2026, 11, 3), True),
        (dt.date(2026, 11, 8), True),
        (dt.date(2026, 11, 3) + dt.timedelta(days=MARK_DAYS), True),
        (dt.date(2026, 11, 4) + dt.timedelta(days=MARK_DAYS), False),
    ],
)
def test_a_watchlist_row_is_marked_for_five_days_after_its_release(demo_store, day, shown):
    marks = recent_marks(demo_store, day)
    assert ("ALAB" in marks) is shown
    row = load_watchlist(demo_store, day).row("ALAB")
    assert row is not None and (row.release is not None) is shown
    if shown:
        assert marks["ALAB"].vs_guide == pytest.approx(415 / 390 - 1)
        assert marks["ALAB"].filed == dt.date(2026, 11, 3)


def test_every_reason_a_release_or_a_figure_can_give_is_put_into_words():
    from catalyst_tui.reading.release.records import NOT_READ_TEXT, Gap, NotRead, nothing, to_json
    from catalyst_tui.views.results import gap_text, not_read_text

    for why in NotRead:
        said = to_json(nothing(why))
        assert said["reason_code"] == why.value
        assert said["reason"] == NOT_READ_TEXT[why]
        assert said["reason"][0].isupper() and said["reason"].endswith(".")  # a sentence
        assert not_read_text(why) and not_read_text(why) != why.value
    for gap in Gap:
        assert gap_text(gap) and gap_text(gap) != gap.value  # words, not the code
