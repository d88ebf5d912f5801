"""Checkpoints as evaluation moves them: a reason stored in parts comes back whole, a transition
is an event (and an outbox row when notified) written once even with two evaluators, marks by
hand freeze and reopen, acknowledgements clear flags."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.store import Store
from catalyst_tui.thesis.conditions import parse_condition
from catalyst_tui.thesis.evaluate import Evaluation, Reason, Why
from catalyst_tui.thesis.observation import Missing, MissingCode, Observation, Period, PeriodKind
from catalyst_tui.thesis.wording import missing_text

from .conftest import GM, GM_REASON, T0, T1, miss, record_miss

DAY = dt.date(2026, 12, 31)
REASONS = [
    Reason(Why.NOTHING),
    Reason(Why.DUE_AHEAD, DAY),
    Reason(Why.DUE_PASSED, DAY),
    Reason(Why.FINAL, DAY, observed=Observation(0.71)),
    Reason(Why.NO_VALUE, observed=Observation(None, Missing(MissingCode.NO_QUOTE, "ALAB"))),
    Reason(
        Why.STILL_MET,
        observed=Observation(
            None, Missing(MissingCode.NOT_REPORTED, "ALAB", "revenue_fy", dt.date(2025, 12, 31))
        ),
    ),
    Reason(
        Why.NO_VALUE,
        observed=Observation(
            None,
            Missing(
                MissingCode.NO_YEAR_EARLIER,
                "ALAB",
                quarter=Period(PeriodKind.QUARTER, dt.date(2026, 9, 30), dt.date(2026, 11, 4)),
            ),
        ),
    ),
    Reason(
        Why.NO_VALUE,
        observed=Observation(
            None,
            Missing(
                MissingCode.NO_LINE_YEAR_EARLIER,
                "NVDA",
                text="Data Center",
                quarter=Period(PeriodKind.FISCAL_YEAR, dt.date(2024, 1, 28), dt.date(2024, 2, 21)),
            ),
        ),
    ),
    Reason(
        Why.FINAL,
        DAY,
        observed=Observation(
            None, Missing(MissingCode.NO_FX_RATE, "ALAB", symbols=("SAP", "SHOP"), currency="EUR")
        ),
    ),
    Reason(
        Why.NO_VALUE,
        observed=Observation(None, Missing(MissingCode.PE_UNDEFINED, "ALAB", value=-0.15)),
    ),
    GM_REASON,
    Reason(Why.COMPARED, observed=Observation(0.752, portfolio=15_152.4), op=">"),
    Reason(Why.COMPARED, observed=Observation(0.752, portfolio=15_152.4, currency="EUR"), op=">"),
    Reason(Why.COMPARED, observed=Observation(187.9, stale_seconds=18_000.0), op=">="),
    Reason(Why.COMPARED, observed=Observation(0.0, note="no lots of CRDO"), op="<="),
    Reason(
        Why.NEVER_HELD,
        DAY,
        observed=Observation(3.0e8, period=Period(PeriodKind.FOUR_QUARTERS, dt.date(2026, 9, 30))),
        op="<",
    ),
    Reason(
        Why.STILL_MET,
        observed=Observation(1.2e9, period=Period(PeriodKind.FISCAL_YEAR, dt.date(2025, 12, 31))),
        op=">=",
    ),
    Reason(Why.MARKED_MET, note="Q3 call: shipping"),
    Reason(Why.MARKED_MISSED),
    Reason(Why.REOPENED, note="data was wrong"),
]


@pytest.mark.parametrize("reason", REASONS, ids=lambda r: r.why.value or "nothing")
def test_a_reason_comes_back_as_it_was_recorded(store: Store, reason: Reason):
    store.checkpoints.record([Evaluation("ALAB", "gm", "pending", "pending", reason, GM)], T0)
    [gm, _npo] = store.views.checkpoints("ALAB")
    assert gm.reason == reason and gm.evaluated_at == T0
    store.checkpoints.record([miss(reason=reason)], T1)
    [event] = store.views.events()
    assert event.reason == reason and event.condition == GM and event.ts == T1


def test_a_10k_years_reason_still_says_fiscal_year_once_stored(store: Store):
    # A line metric judged on a 10-K: its period is the fiscal year, and says so read back.
    year = Period(PeriodKind.FISCAL_YEAR, dt.date(2024, 1, 28), dt.date(2024, 2, 21))
    why = Missing(MissingCode.NO_LINE_YEAR_EARLIER, "NVDA", text="Data Center", quarter=year)
    reason = Reason(Why.NO_VALUE, observed=Observation(None, why))
    store.checkpoints.record([Evaluation("ALAB", "gm", "pending", "pending", reason, GM)], T0)
    [gm, _npo] = store.views.checkpoints("ALAB")
    assert gm.reason.observed is not None
    assert missing_text(gm.reason.observed.missing) == (
        "no revenue of Data Center a year before for the fiscal year ended 2024-01-28 of NVDA"
    )


def test_a_transition_is_an_event_and_an_outbox_row_only_when_notified(store: Store):
    [first] = record_miss(store)
    npo_met = Evaluation("ALAB", "npo", "pending", "met", Reason(Why.NOTHING), None)
    second = store.checkpoints.record([npo_met], T1, notify=("missed",))
    [met, missed] = store.views.events()
    assert (met.id, missed.id) == (second[0], first)
    assert (missed.to_status, missed.flagged, met.flagged) == ("missed", True, False)
    assert [row.event_id for row in store.outbox.rows()] == [first]  # 'met' was not asked for
    statuses = {c.id: (c.status, c.flagged) for c in store.views.checkpoints("ALAB")}
    assert statuses == {"gm": ("missed", True), "npo": ("met", False)}


def test_an_evaluation_from_a_status_that_moved_on_records_no_transition(store: Store):
    record_miss(store)
    late = miss(previous="pending")  # a second process evaluated from the old status
    assert store.checkpoints.record([late], T1, notify=("missed",)) == []
    assert len(store.views.events()) == 1 and len(store.outbox.rows()) == 1
    gm = next(c for c in store.views.checkpoints("ALAB") if c.id == "gm")
    assert gm.evaluated_at == T1  # its reason and value are still the latest


def test_marks_freeze_reopen_and_are_events_by_hand(store: Store):
    assert store.checkpoints.mark("ALAB", "npo", "met", "shipped early", T0)
    assert store.checkpoints.mark("ALAB", "npo", "met", "", T0)  # keeps the note, no event
    npo = next(c for c in store.views.checkpoints("ALAB") if c.id == "npo")
    assert (npo.status, npo.manual_note, len(store.views.events())) == ("met", "shipped early", 1)
    assert store.checkpoints.mark("ALAB", "npo", "met", "shipped early", T0)  # the same again
    assert len(store.views.events()) == 1
    frozen = Evaluation("ALAB", "npo", "met", "missed", Reason(Why.DUE_PASSED, DAY), None)
    assert store.checkpoints.record([frozen], T1) == []  # evaluation can't move a mark
    assert store.checkpoints.mark("ALAB", "npo", "pending", "", T1)
    reopened, marked = store.views.events()
    assert (marked.from_status, marked.to_status, marked.manual) == ("pending", "met", True)
    assert marked.reason == Reason(Why.MARKED_MET, note="shipped early")
    assert (reopened.to_status, reopened.reason) == ("pending", Reason(Why.REOPENED))
    npo = next(c for c in store.views.checkpoints("ALAB") if c.id == "npo")
    assert (npo.status, npo.manual, npo.manual_note) == ("pending", False, "")
    assert not store.checkpoints.mark("ALAB", "nope", "met", "", T1)
    assert store.checkpoints.exists("ALAB", "npo") and not store.checkpoints.exists("CRDO", "npo")


def test_a_mark_made_again_with_a_new_note_keeps_both_in_the_timeline(store: Store):
    assert store.checkpoints.mark("ALAB", "npo", "met", "shipped early", T0)
    assert store.checkpoints.mark("ALAB", "npo", "met", "volume shipments confirmed", T1)
    again, first = store.views.events()
    assert first.reason == Reason(Why.MARKED_MET, note="shipped early")
    assert (again.from_status, again.to_status, again.manual) == ("met", "met", True)
    assert again.reason == Reason(Why.MARKED_MET, note="volume shipments confirmed")
    npo = next(c for c in store.views.checkpoints("ALAB") if c.id == "npo")
    assert npo.manual_note == "volume shipments confirmed"


def test_acknowledging_clears_the_named_flags_or_all(store: Store):
    record_miss(store)
    store.checkpoints.record([miss(checkpoint_id="npo", reason=Reason(Why.DUE_PASSED, DAY))], T0)
    assert store.views.flagged() == {("ALAB", "gm"), ("ALAB", "npo")}
    assert store.checkpoints.acknowledge([("ALAB", "gm"), ("CRDO", "gm")], T1) == 1
    assert store.views.flagged() == {("ALAB", "npo")}
    assert store.checkpoints.acknowledge(None, T1) == 1
    assert store.checkpoints.acknowledge(None, T1) == 0
    acked = {e.checkpoint_id: e.acked_at for e in store.views.events()}
    assert acked == {"gm": T1, "npo": T1}


def test_evaluation_inputs_are_the_active_checkpoints_parsed_once(store: Store):
    states, snapshot = store.checkpoints.evaluation_inputs(T0, sec_configured=True)
    assert [(s.symbol, s.id, s.kind, s.status) for s in states] == [
        ("ALAB", "gm", "guard", "pending"),
        ("ALAB", "npo", "milestone", "pending"),
    ]
    assert states[0].condition == parse_condition("gross_margin >= 70%")
    assert states[1].due == DAY + dt.timedelta(days=365)
    assert snapshot.now == T0 and set(snapshot.lots) == {"ALAB"}
