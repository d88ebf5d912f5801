"""What notifications say: a transition's title and body (the value against the threshold, the
due date that passed), how urgent it is, new evidence, the evidence summary; one short line each,
without control characters."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.notify.notification import Notification, Urgency
from catalyst_tui.notify.wording import (
    TEST_NOTIFICATION,
    body_and_link,
    evidence_summary,
    notification_for,
)
from catalyst_tui.store.records import DocumentRecord, EventRecord, EvidenceRecord, Notice
from catalyst_tui.thesis.conditions import Condition
from catalyst_tui.thesis.evaluate import Reason, Why
from catalyst_tui.thesis.metrics import Observation

from .conftest import GM, GM_NOTIFICATION, GM_REASON, REV, T0, compared, quarter


def _notice(
    *,
    reason: Reason = GM_REASON,
    condition: Condition | None = GM,
    due: str | None = None,
    **changes: object,
) -> Notice:
    fields: dict[str, object] = dict(
        id=1,
        ts=T0,
        symbol="ALAB",
        checkpoint_id="gm",
        title="Gross margin holds at or above 70%",
        kind="guard",
        from_status="pending",
        to_status="missed",
        condition=condition,
        reason=reason,
        manual=False,
        flagged=True,
        acked_at=None,
        archived=False,
    )
    fields.update(changes)
    event = EventRecord(**fields)  # type: ignore[arg-type]
    return Notice(1, 0, event, dt.date.fromisoformat(due) if due else None)


def _evidence_notice(passage: str) -> Notice:
    document = DocumentRecord(
        7,
        "ALAB",
        "sec",
        "8-K EX-99.1",
        "Press release",
        "https://example.test/ex99.htm",
        dt.datetime(2026, 11, 4, 21, 5, tzinfo=dt.UTC),
    )
    evidence = EvidenceRecord(
        3, "ALAB", "npo", "NPO ships", document, "NPO", passage, 0, len(passage), T0, False
    )
    return Notice(2, 0, None, None, evidence)


def test_text_names_ticker_title_and_value_against_threshold():
    assert notification_for(_notice()) == GM_NOTIFICATION


def test_text_of_a_guard_that_holds_again_says_so_with_the_value():
    shown = notification_for(
        _notice(
            from_status="missed",
            to_status="met",
            flagged=False,
            reason=compared(0.712, ">=", quarter("2026-12-31", "2027-02-10")),
        )
    )
    assert shown.title == "ALAB: holding again — Gross margin holds at or above 70%"
    assert shown.body == "gross_margin 71.2% >= 70% (quarter ended 2026-12-31)"


def test_text_of_a_guard_that_holds_for_the_first_time_says_holding():
    shown = notification_for(_notice(to_status="met", flagged=False, reason=compared(0.712, ">=")))
    assert shown.title == "ALAB: holding — Gross margin holds at or above 70%"


def test_text_of_a_missed_guard_names_no_due_date():
    assert notification_for(_notice(due="2026-10-31")).body == GM_NOTIFICATION.body


def test_text_of_a_missed_milestone_names_the_due_date_that_passed():
    notice = _notice(
        checkpoint_id="npo",
        title="NPO ships",
        kind="milestone",
        condition=None,
        reason=Reason(Why.DUE_PASSED, dt.date(2026, 10, 31)),
        due="2026-10-31",
    )
    assert notification_for(notice) == Notification(
        "ALAB: missed — NPO ships", "due 2026-10-31 passed", Urgency.URGENT
    )


def test_text_of_a_missed_target_names_the_due_date_and_the_last_value():
    never = Reason(
        Why.NEVER_HELD,
        dt.date(2026, 9, 30),
        observed=Observation(301.5e6, period=quarter("2026-06-30", "2026-08-06")),
        op="<",
    )
    notice = _notice(
        checkpoint_id="rev",
        title="Quarterly revenue reaches $360M",
        kind="target",
        condition=REV,
        due="2026-09-30",
        reason=never,
    )
    assert notification_for(notice) == Notification(
        "ALAB: missed — Quarterly revenue reaches $360M",
        "due 2026-09-30 passed; revenue_q $301.5M < $360M (quarter ended 2026-06-30)",
        Urgency.URGENT,
    )


def test_text_of_a_met_target_says_met():
    notice = _notice(
        kind="target",
        title="Revenue",
        to_status="met",
        condition=REV,
        reason=compared(4.0e8, ">="),
        due="2027-06-30",
    )
    assert notification_for(notice) == Notification(
        "ALAB: met — Revenue", "revenue_q $400M >= $360M", Urgency.NORMAL
    )


def test_text_of_a_checkpoint_reopened_by_hand_says_reopened():
    notice = _notice(
        checkpoint_id="npo",
        title="NPO ships",
        kind="milestone",
        condition=None,
        from_status="missed",
        to_status="pending",
        manual=True,
        flagged=False,
        reason=Reason(Why.REOPENED),
    )
    assert notification_for(notice) == Notification(
        "ALAB: reopened — NPO ships", "reopened by hand", Urgency.NORMAL
    )


def test_text_is_one_short_line_without_control_characters():
    shown = notification_for(_notice(title="Margin\n\x1b[31mholds\x07 " + "x" * 300))
    assert shown.title.startswith("ALAB: missed — Margin holds x")  # the colour sequence whole
    assert len(shown.title) <= 100 and shown.title.endswith("…")
    assert all(ch.isprintable() for ch in shown.title + shown.body)


def test_only_a_miss_is_urgent():
    met = _notice(to_status="met", flagged=False, reason=compared(0.712, ">="))
    own = Notice(3, 0, None, None, title="ALAB · missed evidence", body="see the pane")
    assert notification_for(_notice()).urgency == Urgency.URGENT
    assert {notification_for(n).urgency for n in (met, own, _evidence_notice("NPO ships"))} == {
        Urgency.NORMAL
    }
    assert TEST_NOTIFICATION.urgency == Urgency.NORMAL


def test_new_evidence_names_the_checkpoint_the_document_and_the_passage():
    shown = notification_for(_evidence_notice("NPO\x1b[2J ships\nin volume."))
    assert shown == Notification(
        "ALAB · NPO ships",
        "new evidence in 8-K EX-99.1 2026-11-04 — “NPO ships in volume.”",
        Urgency.NORMAL,
    )


def test_a_notice_of_its_own_is_shown_as_it_is_on_one_line():
    own = Notice(3, 0, None, None, title="ALAB ·\tevidence found", body="2 passage(s)\n\x07")
    assert notification_for(own) == Notification("ALAB · evidence found", "2 passage(s)")


def test_the_evidence_summary_says_how_many_passages_and_where_to_read_them():
    assert evidence_summary("ALAB", 3, 2) == Notification(
        "ALAB · evidence found",
        "3 passages in past filings and news for 2 checkpoints: see the ticker's Evidence"
        " pane, or catalyst evidence ALAB",
    )


def test_a_release_is_said_against_its_guide_and_against_the_street() -> None:
    """The brief's 'revenue $415M, +0.0% vs guide, +1.9% vs Street': here $412.3M against the
    $385-395M guide (midpoint $390M: +5.7%) and the $405M the Street expected the day before
    (+1.8%); non-GAAP EPS 0.61 against 0.58 (+5.2%)."""
    from catalyst_tui.market.estimates import Frozen
    from catalyst_tui.notify.wording import results_notification
    from catalyst_tui.reading.release.records import ReleaseFigures, ReleaseResults
    from catalyst_tui.thesis.reported.results import Release

    figures = ReleaseFigures(revenue=412.3e6, eps_diluted=0.52, eps_nongaap=0.61)
    results = ReleaseResults(True, None, dt.date(2026, 9, 30), figures, None)
    release = Release(
        "ALAB", "0001-26-1", "https://sec.test/1.htm", dt.date(2026, 11, 3), None, results
    )
    frozen = Frozen(
        dt.date(2026, 11, 3), dt.date(2026, 9, 30), 0.58, 405e6, 12, 11, dt.date(2026, 11, 2)
    )
    said = results_notification(release, "Q3 FY26", (385e6, 395e6), frozen)
    assert said.title == "ALAB results: Q3 FY26"
    assert body_and_link(said.body) == (
        "revenue $412.3M, +5.7% vs the $390M guide, +1.8% vs Street · EPS 0.61, +5.2% vs Street",
        "https://sec.test/1.htm",
    )
    gaap = results_notification(
        release._replace(
            results=ReleaseResults(
                True,
                None,
                dt.date(2026, 9, 30),
                ReleaseFigures(revenue=412.3e6, eps_diluted=0.52),
                None,
            )
        ),
        "Q3 FY26",
        None,
        frozen,
    )
    assert body_and_link(gaap.body)[0] == (
        "revenue $412.3M, +1.8% vs Street · EPS 0.52, -10.3% vs Street"
    )
    plain = results_notification(release, "Q3 FY26", None)
    assert plain.body == "revenue $412.3M\nhttps://sec.test/1.htm"
