"""Fixtures and helpers for the notification tests: a small thesis in a real database, its
transitions recorded through the store's own door (events and their outbox rows), and the
notification the guard's miss reads as."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.notify.notification import Notification, Urgency
from catalyst_tui.store import Store
from catalyst_tui.thesis.conditions import parse_condition
from catalyst_tui.thesis.evaluate import Evaluation, Reason, Why
from catalyst_tui.thesis.metrics import Observation, Period, PeriodKind

T0 = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)

THESIS = """
[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "gm"
title = "Gross margin holds at or above 70%"
kind = "guard"
when = "gross_margin >= 70%"
[[tickers.ALAB.checkpoints]]
id = "npo"
title = "NPO ships"
kind = "milestone"
due = 2026-10-31
[[tickers.ALAB.checkpoints]]
id = "rev"
title = "Quarterly revenue reaches $360M"
kind = "target"
due = 2026-09-30
when = "revenue_q >= 360M"
"""
GM = parse_condition("gross_margin >= 70%")
REV = parse_condition("revenue_q >= 360M")


def quarter(end: str, filed: str) -> Period:
    return Period(PeriodKind.QUARTER, dt.date.fromisoformat(end), dt.date.fromisoformat(filed))


def compared(value: float, op: str, period: Period | None = None) -> Reason:
    return Reason(Why.COMPARED, observed=Observation(value, period=period), op=op)


GM_REASON = compared(0.691, "<", quarter("2026-09-30", "2026-11-04"))
GM_MISS = Evaluation("ALAB", "gm", "pending", "missed", GM_REASON, GM)
GM_NOTIFICATION = Notification(
    "ALAB: missed — Gross margin holds at or above 70%",
    "gross_margin 69.1% < 70% (quarter ended 2026-09-30)",
    Urgency.URGENT,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "catalyst.db") as store:
        store.sync.apply(parse_config(THESIS), now=T0)
        yield store


def record(store: Store, *evaluations: Evaluation) -> None:
    """Transitions through the engine's writer: events and their outbox rows, one transaction."""
    store.checkpoints.record(list(evaluations), T0, notify=("missed", "met"))


class Recorded:
    """A callback that keeps what it was sent (the in-app toast as the TUI would use it)."""

    def __init__(self) -> None:
        self.sent: list[Notification] = []

    def __call__(self, notification: Notification) -> None:
        self.sent.append(notification)
