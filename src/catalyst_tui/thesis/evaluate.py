"""Checkpoint evaluation: stored state + market snapshot + today → new statuses and transitions.

A pure function, so it is easy to test and fast (bench/evaluate.py). The rules:

- milestone: met or missed when marked by the user; missed when `due` passes while pending.
- target: met at the first evaluation where `when` holds (and stays met); missed when `due`
  passes and it never held.
- guard: met ("holding") while `when` holds, missed when it fails, back to met when it holds
  again; no change after `until`.

A manual mark freezes a checkpoint until it is reopened. A metric without data leaves the
checkpoint as it is, with the reason: no data is never a verdict, even past a due date.
"Due passed" means today, in the user's time zone, is after the due date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .conditions import METRICS, Condition
from .metrics import MarketSnapshot, Observation, observe

PENDING, MET, MISSED = "pending", "met", "missed"


@dataclass(frozen=True)
class CheckpointState:
    symbol: str
    id: str
    title: str
    kind: str
    status: str
    manual: bool = False
    due: dt.date | None = None
    until: dt.date | None = None
    condition: Condition | None = None
    period_end: dt.date | None = None
    note: str = ""  # the note of a manual mark


@dataclass(frozen=True)
class Evaluation:
    """The outcome for one checkpoint: its (possibly unchanged) status, the observed value and
    the reason; `changed` when the status moved from `previous`."""

    symbol: str
    checkpoint_id: str
    previous: str
    status: str
    value: float | None
    threshold: str
    reason: str

    @property
    def changed(self) -> bool:
        return self.status != self.previous


def evaluate(
    checkpoints: Iterable[CheckpointState], snapshot: MarketSnapshot, today: dt.date
) -> list[Evaluation]:
    return [evaluate_one(c, snapshot, today) for c in checkpoints]


def evaluate_one(c: CheckpointState, snap: MarketSnapshot, today: dt.date) -> Evaluation:
    threshold = c.condition.text if c.condition else ""
    obs = observe(c.condition.metric, c.symbol, snap, c.period_end) if c.condition else None
    value = obs.value if obs else None

    def result(status: str, reason: str) -> Evaluation:
        return Evaluation(c.symbol, c.id, c.status, status, value, threshold, reason)

    if c.manual:
        how = f"marked {c.status} by hand"
        return result(c.status, f"{how}: {c.note}" if c.note else how)
    if c.kind == "milestone":
        if c.status == PENDING and c.due is not None and today > c.due:
            return result(MISSED, f"due {c.due.isoformat()} passed while pending")
        return result(c.status, _milestone_reason(c, today))
    assert c.condition is not None and obs is not None
    if c.kind == "target":
        if c.status == MET:
            now = _describe(c.condition, obs) if obs.value is not None else obs.reason
            return result(MET, f"met; now {now}")
        if obs.value is not None and c.condition.holds(obs.value):
            return result(MET, _describe(c.condition, obs))
        if obs.value is None:  # no data is never a verdict, even past the due date
            return result(c.status, obs.reason)
        if c.status == PENDING and c.due is not None and today > c.due:
            last = _describe(c.condition, obs)
            return result(MISSED, f"due {c.due.isoformat()} passed and it never held ({last})")
        return result(c.status, _describe(c.condition, obs))
    # guard
    if c.until is not None and today > c.until:
        return result(c.status, f"final since {c.until.isoformat()}")
    if obs.value is None:
        return result(c.status, obs.reason)
    return result(MET if c.condition.holds(obs.value) else MISSED, _describe(c.condition, obs))


def _milestone_reason(c: CheckpointState, today: dt.date) -> str:
    if c.status != PENDING or c.due is None:
        return ""
    days = (c.due - today).days
    return f"due {c.due.isoformat()}, {days} day{'s' if days != 1 else ''} left"


def format_value(metric: str, value: float) -> str:
    """A metric value as people write it: 69.1%, $415.0M, 187.92."""
    if METRICS[metric].ratio:
        return f"{value * 100:.1f}%"
    if abs(value) >= 1e9:
        return f"{value / 1e9:.2f}B"
    if abs(value) >= 1e6:
        return f"{value / 1e6:.1f}M"
    return f"{value:,.2f}"


def _describe(condition: Condition, obs: Observation) -> str:
    """'gross_margin 69.1% < 70% (quarter ended 2026-09-30, filed 2026-11-04)'."""
    assert obs.value is not None
    holds = condition.holds(obs.value)
    op = condition.op if holds else _NEGATION[condition.op]
    shown = condition.text.split(condition.op, 1)[1].strip()
    text = f"{condition.metric} {format_value(condition.metric, obs.value)} {op} {shown}"
    return f"{text} ({obs.note})" if obs.note else text


_NEGATION = {">=": "<", "<=": ">", ">": "<=", "<": ">="}
