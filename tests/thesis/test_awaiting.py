"""A milestone past its due date waits for the report of the quarter containing it: pending until
that report is read (missed when read without evidence), or the ceiling passes with the
company's filings read through it; unjudged while none of them is read; `judged = "at due"` keeps
the plain rule. Days walked across the due date and the report (thesis/awaiting.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.market.models import Fact
from catalyst_tui.thesis.awaiting import CEILING, Calendar, quarter_of, settle
from catalyst_tui.thesis.evaluate import CheckpointState, Why, evaluate_one
from catalyst_tui.thesis.wording import reason_text

from .conftest import FY2025, NOW, snapshot

DUE = dt.date(2026, 12, 31)
Q4_END = dt.date(2026, 12, 31)
REPORT_DAY = dt.date(2027, 2, 10)


def scorpio(*, at_due: bool = False) -> CheckpointState:
    return CheckpointState(
        "ALAB", "scorpio", "Scorpio largest", "milestone", "pending", due=DUE, at_due=at_due
    )


def q4_report() -> dict[str, dict[str, list[Fact]]]:
    """The Q4 FY2026 figures, as a 10-K or the release brings them."""
    q4 = Fact("revenue_q", dt.date(2026, 10, 1), Q4_END, 480e6, "USD", "10-K", REPORT_DAY, "t")
    fy = Fact("revenue_fy", dt.date(2026, 1, 1), Q4_END, 1.6e9, "USD", "10-K", REPORT_DAY, "t")
    return {"ALAB": {"revenue_q": [q4], "revenue_fy": [FY2025, fy]}}


def judged(day: dt.date, *, report: bool, evidence_on: dt.date | None = None, at_due=False):
    """The milestone on `day`, ALAB's filings read through that day (the last year's 10-K, and
    the Q4 report when `report`)."""
    snap = snapshot(facts=q4_report() if report else {"ALAB": {"revenue_fy": [FY2025]}})
    snap.read_through["ALAB"] = day
    snap.expected["ALAB"] = REPORT_DAY
    if evidence_on is not None:
        snap.evidence_on[("ALAB", "scorpio")] = evidence_on
    result = evaluate_one(scorpio(at_due=at_due), snap, day)
    return result.status, reason_text(result.reason, None, day)


@pytest.mark.parametrize(
    ("day", "status", "words"),
    [
        (dt.date(2026, 12, 31), "pending", "due 2026-12-31, 0 days left"),
        (
            dt.date(2027, 1, 1),
            "pending",
            "due passed, awaiting the Q4 FY2026 report (expected 2027-02-10)",
        ),
        (
            dt.date(2027, 2, 9),
            "pending",
            "due passed, awaiting the Q4 FY2026 report (expected 2027-02-10)",
        ),
    ],
)
def test_a_year_end_milestone_waits_for_its_quarters_report(day, status, words):
    assert judged(day, report=False) == (status, words)


def test_the_report_read_without_evidence_misses_it_the_day_it_is_read():
    assert judged(REPORT_DAY, report=True) == (
        "missed",
        "due passed; the Q4 FY2026 report is in without evidence of it",
    )


def test_the_report_read_with_evidence_leaves_it_to_you_until_the_ceiling():
    ceiling = Q4_END + CEILING
    assert judged(REPORT_DAY, report=True, evidence_on=REPORT_DAY) == (
        "pending",
        f"due passed; the Q4 FY2026 report is in, with evidence for you to judge by {ceiling}",
    )
    status, _ = judged(ceiling + dt.timedelta(days=1), report=True, evidence_on=REPORT_DAY)
    assert status == "missed"


def test_evidence_from_before_the_quarter_is_not_evidence_of_it():
    status, _ = judged(REPORT_DAY, report=True, evidence_on=dt.date(2026, 5, 6))
    assert status == "missed"


def test_with_no_report_the_ceiling_misses_it_100_days_after_the_quarters_end():
    ceiling = dt.date(2027, 4, 10)  # 2026-12-31 + 100 days
    assert judged(ceiling, report=False)[0] == "pending"
    assert judged(ceiling + dt.timedelta(days=1), report=False) == (
        "missed",
        "due passed; no report of Q4 FY2026 by 2027-04-10",
    )


def test_an_earlier_quarters_report_settles_nothing():
    """The Q3 report (quarter ended 2026-09-30) read after the due date is not of Q4."""
    snap = snapshot()
    q3 = Fact(
        "revenue_q", dt.date(2026, 7, 1), dt.date(2026, 9, 30), 1.0, "USD", "10-Q", NOW.date(), "t"
    )
    snap.facts = {"ALAB": {"revenue_q": [q3], "revenue_fy": [FY2025]}}
    result = evaluate_one(scorpio(), snap, dt.date(2027, 1, 5))
    assert (result.status, result.reason.why) == ("pending", Why.AWAITING_REPORT)


def test_judged_at_due_is_missed_the_day_after_its_due_date():
    assert judged(dt.date(2027, 1, 1), report=False, at_due=True) == (
        "missed",
        "due 2026-12-31 passed while pending",
    )


def test_a_calendar_date_before_the_quarters_end_is_not_its_reports():
    """The calendar's next date still the Q3 evening's is no expected date of the Q4 report."""
    snap = snapshot(facts={"ALAB": {"revenue_fy": [FY2025]}})
    snap.expected["ALAB"] = dt.date(2026, 11, 4)
    result = evaluate_one(scorpio(), snap, dt.date(2027, 1, 1))
    assert reason_text(result.reason, None, dt.date(2027, 1, 1)) == (
        "due passed, awaiting the Q4 FY2026 report"
    )


@pytest.mark.parametrize(
    ("day", "year_end", "quarter"),
    [
        (dt.date(2026, 12, 31), dt.date(2025, 12, 31), (dt.date(2026, 12, 31), "Q4 FY2026")),
        (dt.date(2026, 11, 15), dt.date(2025, 12, 31), (dt.date(2026, 12, 31), "Q4 FY2026")),
        (dt.date(2026, 1, 1), dt.date(2025, 12, 31), (dt.date(2026, 3, 31), "Q1 FY2026")),
        # NVIDIA's year ends on the last Sunday of January: 13 weeks a quarter, 2026-12-31 is
        # in Q4 of FY2027
        (dt.date(2026, 12, 31), dt.date(2026, 1, 25), (dt.date(2027, 1, 24), "Q4 FY2027")),
        (dt.date(2026, 5, 1), dt.date(2026, 1, 25), (dt.date(2026, 7, 26), "Q2 FY2027")),
        # Apple's on the last Saturday of September: its Q1 FY2027 ends 2026-12-26
        (dt.date(2026, 12, 20), dt.date(2025, 9, 27), (dt.date(2026, 12, 26), "Q1 FY2027")),
        # no fiscal year known: the calendar's quarter, named by no year
        (dt.date(2026, 5, 1), None, (dt.date(2026, 6, 30), "")),
    ],
)
def test_the_quarter_containing_a_day(day, year_end, quarter):
    known = Calendar(years=(year_end,)) if year_end else Calendar()
    assert quarter_of(day, known) == quarter


@given(
    st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)),
    st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31))),
)
def test_a_quarter_contains_its_day_and_lasts_about_three_months(day, year_end):
    """Law: the quarter found ends on or after the day, less than a quarter later (14 weeks: the
    last of a year of 53); it is named by a fiscal year only where a year's end is known."""
    end, label = quarter_of(day, Calendar(years=(year_end,)) if year_end else Calendar())
    assert day <= end < day + dt.timedelta(weeks=14)
    assert (label[:1], label[1:2] in tuple("1234"), label[2:5]) == ("Q", True, " FY") or not label
    assert bool(label) == (year_end is not None)


@given(st.integers(0, 400), st.booleans(), st.booleans(), st.one_of(st.none(), st.integers(0, 400)))
def test_never_missed_without_its_report_or_the_filings_read_through_the_ceiling(
    after, report, evidence, read
):
    """Law: past its due date, a milestone is missed only once its quarter's report is read
    without evidence, or the ceiling has passed with the filings read through it (or the report
    read with evidence left unjudged); with nothing of the filings read and no report, it is
    unjudged whatever the day."""
    quarter = quarter_of(DUE, Calendar(years=(dt.date(2025, 12, 31),)))
    ceiling = Q4_END + CEILING
    day = DUE + dt.timedelta(days=after)
    through = None if read is None else min(day, DUE + dt.timedelta(days=read))
    settled = settle(
        quarter,
        day,
        reported_through=Q4_END if report else None,
        evidence_on=REPORT_DAY if evidence else None,
        expected=REPORT_DAY,
        read_through=through,
        due=DUE,
    )
    read_past = through is not None and through >= ceiling
    assert settled.missed == (
        (report and not evidence) or (day > ceiling and (report or read_past))
    )
    if not report and through is None:
        assert settled.why == Why.FILINGS_UNREAD


def test_with_nothing_read_it_is_unjudged_and_names_no_quarter_it_cannot_know():
    snap = snapshot()
    day = dt.date(2027, 6, 1)  # past the ceiling
    result = evaluate_one(scorpio(), snap, day)
    assert (result.status, result.reason.why) == ("pending", Why.FILINGS_UNREAD)
    assert reason_text(result.reason, None, day) == (
        "due passed, unjudged: none of the company's filings read yet, so neither its fiscal"
        " quarter containing 2026-12-31 nor its report is known"
    )


def test_a_miss_made_from_nothing_read_is_undone():
    """A miss an earlier version made when no filing was read (the ceiling passed on the
    calendar's quarter) is unjudged again; one the filings decided stays."""
    missed = scorpio()._replace(status="missed")
    day = dt.date(2027, 6, 1)
    result = evaluate_one(missed, snapshot(), day)
    assert (result.previous, result.status) == ("missed", "pending")
    read = snapshot(facts={"ALAB": {"revenue_fy": [FY2025]}})
    read.read_through["ALAB"] = day
    assert evaluate_one(missed, read, day).status == "missed"
    assert evaluate_one(missed._replace(manual=True), snapshot(), day).status == "missed"


def test_the_bundled_scorpio_milestone_awaits_its_report_in_january():
    """The founding milestone of the bundled catalysts.toml: no false alarm on 1 January."""
    from catalyst_tui.config import load_config

    from ..conftest import BUNDLED_CONFIG

    alab = load_config(BUNDLED_CONFIG).tickers["ALAB"]
    [c] = [c for c in alab.checkpoints if c.id == "scorpio-largest-line"]
    assert (c.due, c.judged) == (DUE, "")
    state = CheckpointState("ALAB", c.id, c.title, c.kind, "pending", due=c.due)
    new_year = dt.date(2027, 1, 1)
    snap = snapshot(facts={"ALAB": {"revenue_fy": [FY2025]}})
    snap.read_through["ALAB"] = new_year
    result = evaluate_one(state, snap, new_year)
    assert result.status == "pending"
    assert reason_text(result.reason, None, new_year) == "due passed, awaiting the Q4 FY2026 report"


@given(
    st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)),
    st.lists(st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)), max_size=12),
)
def test_the_quarter_of_a_day_is_found_on_any_calendar_read(day, ends):
    """Law: whatever quarters were read, the quarter found holds the day; a reported one that
    holds it is the one found."""
    known = Calendar(tuple(sorted(set(ends))))
    end, _label = quarter_of(day, known)
    assert day <= end < day + dt.timedelta(weeks=14)
