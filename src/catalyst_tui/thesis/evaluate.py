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


@dataclass(slots=True)  # not frozen: a frozen __init__ costs a third of evaluate()
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
    texts = _Texts(today)  # reasons shared by checkpoints with the same data are built once
    return [evaluate_one(c, snapshot, today, texts) for c in checkpoints]


def evaluate_one(
    c: CheckpointState, snap: MarketSnapshot, today: dt.date, texts: _Texts | None = None
) -> Evaluation:
    texts = texts or _Texts(today)
    condition = c.condition
    status = c.status
    if c.manual:
        new, reason = status, texts.manual(status, c.note)
    elif c.kind == "milestone":
        if status == PENDING and c.due is not None and today > c.due:
            new, reason = MISSED, texts.passed(c.due)
        else:
            new, reason = status, texts.milestone(status, c.due)
    if condition is None:
        return Evaluation(c.symbol, c.id, status, new, None, "", reason)

    obs = observe(condition.metric, c.symbol, snap, c.period_end)
    value = obs.value
    if c.manual:
        pass
    elif c.kind == "target":
        if status == MET:
            new, reason = MET, texts.still_met(condition, obs)
        elif value is not None and condition.holds(value):
            new, reason = MET, texts.describe(condition, obs)
        elif value is None:  # no data is never a verdict, even past the due date
            new, reason = status, obs.reason
        elif status == PENDING and c.due is not None and today > c.due:
            new, reason = MISSED, texts.never_held(c.due, condition, obs)
        else:
            new, reason = status, texts.describe(condition, obs)
    elif c.until is not None and today > c.until:  # a guard past its last day
        new, reason = status, f"final since {c.until.isoformat()}"
    elif value is None:
        new, reason = status, obs.reason
    else:
        new = MET if condition.holds(value) else MISSED
        reason = texts.describe(condition, obs)
    return Evaluation(c.symbol, c.id, status, new, value, condition.text, reason)


class _Texts:
    """Reason sentences; the date-only ones are shared by many checkpoints, so built once."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self._by_due: dict[tuple[str, dt.date], str] = {}

    def manual(self, status: str, note: str) -> str:
        how = f"marked {status} by hand"
        return f"{how}: {note}" if note else how

    def passed(self, due: dt.date) -> str:
        text = self._by_due.get(("passed", due))
        if text is None:
            text = self._by_due["passed", due] = f"due {due.isoformat()} passed while pending"
        return text

    def milestone(self, status: str, due: dt.date | None) -> str:
        if status != PENDING or due is None:
            return ""
        text = self._by_due.get(("left", due))
        if text is None:
            days = (due - self.today).days
            text = f"due {due.isoformat()}, {days} day{'s' if days != 1 else ''} left"
            self._by_due["left", due] = text
        return text

    def describe(self, condition: Condition, obs: Observation) -> str:
        return _describe(condition, obs)

    def still_met(self, condition: Condition, obs: Observation) -> str:
        now = _describe(condition, obs) if obs.value is not None else obs.reason
        return f"met; now {now}"

    def never_held(self, due: dt.date, condition: Condition, obs: Observation) -> str:
        return f"due {due.isoformat()} passed and it never held ({_describe(condition, obs)})"


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
    value = format_value(condition.metric, obs.value)
    text = f"{condition.metric} {value} {op} {condition.threshold_text}"
    return f"{text} ({obs.note})" if obs.note else text


_NEGATION = {">=": "<", "<=": ">", ">": "<=", "<": ">="}
