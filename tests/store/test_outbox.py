"""The outbox: a notice is claimed by one claimer at a time, carries its event whole, is taken
back from a claimer that died (after the reclaim time, or at once when it is known gone), and is
recorded sent or released with why."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.store import Store
from catalyst_tui.thesis.evaluate import Reason, Why

from .conftest import GM, GM_REASON, T0, miss, record_miss

LATER = T0 + dt.timedelta(minutes=6)


def test_a_claimed_notice_carries_its_event_and_is_nobody_elses(store: Store):
    [event_id] = record_miss(store)
    [notice] = store.outbox.claim("tui", T0)
    assert (notice.attempts, notice.due) == (0, None)
    event = notice.event
    assert event is not None
    assert (event.id, event.symbol, event.checkpoint_id, event.title, event.kind) == (
        event_id,
        "ALAB",
        "gm",
        "Gross margin holds",
        "guard",
    )
    assert (event.from_status, event.to_status, event.reason, event.condition) == (
        "pending",
        "missed",
        GM_REASON,
        GM,
    )
    assert store.outbox.claim("daemon", T0) == []
    assert store.outbox.claim("daemon", T0, gone=lambda claimer: claimer == "tui") != []


def test_a_claim_not_recorded_in_time_is_claimed_again(store: Store):
    record_miss(store)
    store.outbox.claim("killed", T0)
    assert store.outbox.claim("next", T0 + dt.timedelta(minutes=4)) == []
    [again] = store.outbox.claim("next", LATER)
    [row] = store.outbox.rows()
    assert (row.claimed_by, row.claimed_at, row.sent_at) == ("next", LATER, None)
    assert again.event is not None and again.event.checkpoint_id == "gm"


def test_sent_is_final_and_release_keeps_it_for_later_with_why(store: Store):
    record_miss(store)
    store.checkpoints.record(
        [miss(checkpoint_id="npo", reason=Reason(Why.DUE_PASSED))], T0, notify=("missed",)
    )
    gm, npo = store.outbox.claim("tui", T0)
    assert npo.due == dt.date(2027, 12, 31)
    store.outbox.sent(gm.outbox_id, ["desktop", "toast"], T0)
    store.outbox.release(npo.outbox_id, "desktop: no D-Bus session bus")
    sent, released = store.outbox.rows()
    assert (sent.sent_at, sent.channels, sent.attempts, sent.last_error) == (
        T0,
        ("desktop", "toast"),
        1,
        "",
    )
    assert (released.claimed_by, released.sent_at, released.attempts) == (None, None, 1)
    assert released.last_error == "desktop: no D-Bus session bus"
    [retry] = store.outbox.claim("daemon", LATER)
    assert retry.outbox_id == npo.outbox_id and retry.attempts == 1


def test_a_claim_takes_at_most_the_limit_oldest_first(store: Store):
    for i in range(5):
        status = "missed" if i % 2 == 0 else "met"
        previous = "met" if status == "missed" and i else "pending" if i == 0 else "missed"
        store.checkpoints.record(
            [miss(previous=previous)._replace(status=status)], T0, notify=("missed", "met")
        )
    first = store.outbox.claim("tui", T0, limit=2)
    rest = store.outbox.claim("tui", T0, limit=10)
    ids = [n.outbox_id for n in first + rest]
    assert len(first) == 2 and ids == sorted(ids) and len(ids) == 5
