"""Reasons in words, from their parts: every kind of reason, what a value is of (a quarter with
and without its filing date, a fiscal year, four quarters, a portfolio, a stale quote's age), and
the short comparison a notification shows."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.thesis.conditions import parse_condition
from catalyst_tui.thesis.evaluate import Reason, Why
from catalyst_tui.thesis.metrics import Observation, Period, PeriodKind
from catalyst_tui.thesis.wording import comparison, format_value, observation_note, reason_text

TODAY = dt.date(2026, 11, 22)
DUE = dt.date(2026, 12, 31)
GM = parse_condition("gross_margin >= 70%")
REV = parse_condition("revenue_q >= 360M")
QUARTER = Period(PeriodKind.QUARTER, dt.date(2026, 9, 30), dt.date(2026, 11, 4))


@pytest.mark.parametrize(
    ("reason", "condition", "sentence"),
    [
        (Reason(Why.NOTHING), None, ""),
        (Reason(Why.DUE_AHEAD, DUE), None, "due 2026-12-31, 39 days left"),
        (Reason(Why.DUE_AHEAD, TODAY + dt.timedelta(days=1)), None, "due 2026-11-23, 1 day left"),
        (Reason(Why.DUE_PASSED, DUE), None, "due 2026-12-31 passed while pending"),
        (Reason(Why.FINAL, DUE, observed=Observation(0.71)), GM, "final since 2026-12-31"),
        (Reason(Why.MARKED_MET, note="Q3 call"), None, "marked met by hand: Q3 call"),
        (Reason(Why.MARKED_MISSED), GM, "marked missed by hand"),
        (Reason(Why.REOPENED, note="wrong data"), None, "reopened by hand: wrong data"),
        (Reason(Why.RECORDED, note="as written before"), GM, "as written before"),
        (Reason(Why.NO_VALUE, observed=Observation(None, "no quote yet for ALAB")), GM,
         "no quote yet for ALAB"),
        (Reason(Why.COMPARED, observed=Observation(0.6912, period=QUARTER), op="<"), GM,
         "gross_margin 69.1% < 70% (quarter ended 2026-09-30, filed 2026-11-04)"),
        (Reason(Why.STILL_MET, observed=Observation(301.5e6), op="<"), REV,
         "met; now revenue_q 301.5M < 360M"),
        (Reason(Why.STILL_MET, observed=Observation(None, "no revenue reported")), REV,
         "met; now no revenue reported"),
        (Reason(Why.NEVER_HELD, dt.date(2026, 9, 30), observed=Observation(301.5e6), op="<"), REV,
         "due 2026-09-30 passed and it never held (revenue_q 301.5M < 360M)"),
    ],
)  # fmt: skip
def test_every_reason_reads_as_a_sentence(reason, condition, sentence):
    assert reason_text(reason, condition, TODAY) == sentence


@pytest.mark.parametrize(
    ("observed", "note"),
    [
        (Observation(1.0, period=QUARTER), "quarter ended 2026-09-30, filed 2026-11-04"),
        (Observation(1.0, period=QUARTER._replace(filed=None)), "quarter ended 2026-09-30"),
        (Observation(1.0, period=Period(PeriodKind.FISCAL_YEAR, dt.date(2025, 12, 31))),
         "fiscal year ended 2025-12-31"),
        (Observation(1.0, period=Period(PeriodKind.FOUR_QUARTERS, dt.date(2026, 9, 30))),
         "four quarters to 2026-09-30"),
        (Observation(0.752, portfolio=15_152.40), "of a 15,152 portfolio"),
        (Observation(1.0, stale_seconds=5 * 3600 + 100), "stale quote, 5h old"),
        (Observation(1.0, stale_seconds=12 * 60), "stale quote, 12m old"),
        (Observation(0.0, note="no lots of CRDO"), "no lots of CRDO"),
        (Observation(1.0), ""),
    ],
)  # fmt: skip
def test_what_a_value_is_of(observed, note):
    assert observation_note(observed) == note


def test_a_notification_keeps_the_period_and_drops_the_filing_date():
    reason = Reason(Why.COMPARED, observed=Observation(0.6912, period=QUARTER), op="<")
    assert (
        comparison(GM, reason, filed=False) == "gross_margin 69.1% < 70% (quarter ended 2026-09-30)"
    )
    weight = parse_condition("weight <= 15%")
    heavy = Reason(Why.COMPARED, observed=Observation(0.752, portfolio=15_152.40), op=">")
    assert comparison(weight, heavy, filed=False) == "weight 75.2% > 15% (of a 15,152 portfolio)"
    assert comparison(GM, Reason(Why.NO_VALUE, observed=Observation(None, "none"))) == ""


@pytest.mark.parametrize(
    ("metric", "value", "shown"),
    [("gross_margin", 0.6912, "69.1%"), ("revenue_q", 415e6, "415.0M"), ("revenue_fy", 1.25e9,
     "1.25B"), ("price", 187.925, "187.93"), ("price", 1234.5, "1,234.50"),
     ("eps_ttm", -0.004, "-0.00")],
)  # fmt: skip
def test_values_as_people_write_them(metric, value, shown):
    assert format_value(metric, value) == shown
