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
from typing import NamedTuple

from .conditions import METRICS, OPERATORS, Condition
from .metrics import MarketSnapshot, observe

PENDING, MET, MISSED = "pending", "met", "missed"
_new = tuple.__new__


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


class Evaluation(NamedTuple):
    """The outcome for one checkpoint: its (possibly unchanged) status, the observed value and
    the reason; `changed` when the status moved from `previous`. Immutable; a NamedTuple
    because evaluate() builds them with `tuple.__new__`: 120 ns each, against 200 ns for a
    slotted dataclass and several times that for a frozen one."""

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
    """One Evaluation per checkpoint, in order.

    Written out as one loop (no call per checkpoint but `observe`, a value's sentence built
    in one place) because it runs for every checkpoint on every refresh:
    bench/evaluate.py holds it to 50 ms for 10,000 checkpoints."""
    texts = _Texts(today)  # reasons shared by checkpoints with the same data are built once
    days_left = texts.days_left
    results: list[Evaluation] = []
    append = results.append
    for c in checkpoints:
        condition = c.condition
        status = c.status
        kind = c.kind
        if c.manual:
            new, reason = status, texts.manual(status, c.note)
        elif kind == "milestone":
            due = c.due
            if status != PENDING or due is None:
                new, reason = status, ""
            elif today > due:
                new, reason = MISSED, texts.passed(due)
            else:
                new, reason = status, days_left.get(due) or texts.left(due)
        if condition is None:
            append(_new(Evaluation, (c.symbol, c.id, status, new, None, "", reason)))
            continue

        obs = observe(condition.metric, c.symbol, snapshot, c.period_end)
        value = obs.value
        if c.manual:
            pass
        elif value is None:  # no data is never a verdict, even past the due date
            if kind == "target" and status == MET:
                new, reason = MET, f"met; now {obs.reason}"
            elif kind != "target" and c.until is not None and today > c.until:
                new, reason = status, texts.final(c.until)
            else:
                new, reason = status, obs.reason
        elif kind != "target" and c.until is not None and today > c.until:
            new, reason = status, texts.final(c.until)  # a guard past its last day
        else:
            op = condition.op
            holds = OPERATORS[op](value, condition.threshold)
            # The value as format_value writes it (written out: this runs for most checkpoints).
            metric = condition.metric
            if metric in _RATIOS:
                shown = f"{value * 100:.1f}%"
            elif abs(value) >= 1e9:
                shown = f"{value / 1e9:.2f}B"
            elif abs(value) >= 1e6:
                shown = f"{value / 1e6:.1f}M"
            elif abs(value) < 999:  # no thousands separator, even once rounded
                shown = f"{value:.2f}"
            else:
                shown = f"{value:,.2f}"
            if not holds:
                op = _NEGATION[op]
            note = obs.note
            if note:  # 'gross_margin 69.1% < 70% (quarter ended 2026-09-30, filed 2026-11-04)'
                described = f"{metric} {shown} {op} {condition.threshold_text} ({note})"
            else:
                described = f"{metric} {shown} {op} {condition.threshold_text}"
            if kind != "target":  # a guard: holding or not, and back
                new, reason = (MET if holds else MISSED), described
            elif status == MET:  # a target stays met
                new, reason = MET, f"met; now {described}"
            elif holds:
                new, reason = MET, described
            elif status == PENDING and c.due is not None and today > c.due:
                new, reason = MISSED, f"{texts.never_held(c.due)} ({described})"
            else:
                new, reason = status, described
        append(_new(Evaluation, (c.symbol, c.id, status, new, value, condition.text, reason)))
    return results


def evaluate_one(c: CheckpointState, snap: MarketSnapshot, today: dt.date) -> Evaluation:
    return evaluate((c,), snap, today)[0]


class _Texts:
    """Reason sentences; the date-only ones are shared by many checkpoints, so built once."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.days_left: dict[dt.date, str] = {}  # due -> 'due 2026-12-01, 10 days left'
        self._by_due: dict[tuple[str, dt.date], str] = {}

    def manual(self, status: str, note: str) -> str:
        how = f"marked {status} by hand"
        return f"{how}: {note}" if note else how

    def left(self, due: dt.date) -> str:
        days = (due - self.today).days
        text = f"due {due.isoformat()}, {days} day{'s' if days != 1 else ''} left"
        self.days_left[due] = text
        return text

    def passed(self, due: dt.date) -> str:
        return self._dated("due {} passed while pending", due)

    def never_held(self, due: dt.date) -> str:
        return self._dated("due {} passed and it never held", due)

    def final(self, until: dt.date) -> str:
        return self._dated("final since {}", until)

    def _dated(self, template: str, day: dt.date) -> str:
        text = self._by_due.get((template, day))
        if text is None:
            text = self._by_due[template, day] = template.format(day.isoformat())
        return text


def format_value(metric: str, value: float) -> str:
    """A metric value as people write it: 69.1%, $415.0M, 187.92."""
    if METRICS[metric].ratio:
        return f"{value * 100:.1f}%"
    if abs(value) >= 1e9:
        return f"{value / 1e9:.2f}B"
    if abs(value) >= 1e6:
        return f"{value / 1e6:.1f}M"
    return f"{value:,.2f}"


_NEGATION = {">=": "<", "<=": ">", ">": "<=", "<": ">="}
_RATIOS = frozenset(name for name, metric in METRICS.items() if metric.ratio)
