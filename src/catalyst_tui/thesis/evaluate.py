"""Checkpoint evaluation: stored state + market snapshot + today → new statuses, each with its
reason in parts (what decided it, the value, the comparison as it came out, the date).

A pure function, so it is easy to test and fast (bench/evaluate.py). How a kind is judged is
its row's `Judged` in thesis/kinds.py:

- BY_YOU (milestone): met or missed when marked by the user; past `due` while pending, settled
  by the report of the quarter containing `due` (thesis/awaiting.py: unjudged while none of the
  company's filings is read, and a miss an earlier version made from none is undone), or missed
  the day after `due` when the file says `judged = "at due"`.
- BECOMES_TRUE (target): met at the first evaluation where `when` holds (and stays met); missed
  when `due` passes and it never held.
- KEEPS_HOLDING (guard): met ("holding") while `when` holds, missed when it fails, back to met
  when it holds again; no change after `until`.

A manual mark freezes a checkpoint until it is reopened. A metric without data leaves the
checkpoint as it is, with the reason: no data is never a verdict, even past a due date. A
per-share value (price, EPS) is compared on the share basis of the day its condition was written:
a split since then multiplies it back, so no status changes because of a split. A value stated
as a range ("10% to 15% of revenue", Observation.high) or as one end of what is meant ("over
10%", Observation.bound) holds or fails a condition only where every value it allows does
(thesis/kpis/metrics.py, `settles`); where the words leave it open, it is no value, with that
reason: a range's wrong end never decides a condition either way.
"Due passed" means today, in the user's time zone, is after the due date.
Reasons are put into words where they are shown (thesis/wording.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .awaiting import settle_milestone
from .catalogue import METRICS
from .conditions import OPERATORS, Condition
from .judgement import CheckpointState as CheckpointState
from .judgement import Evaluation as Evaluation
from .judgement import Reason as Reason
from .judgement import Why as Why
from .kinds import KINDS, Judged
from .kpis.metrics import settles, unsettled
from .metrics import observe
from .observation import MissingCode
from .portfolio.positions import split_factor
from .vocabulary import Status

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from ..market.models import Split
    from .observation import Observation
    from .snapshot import MarketSnapshot

PENDING, MET, MISSED = Status.PENDING.value, Status.MET.value, Status.MISSED.value
# The one place records are built by position: the loop of evaluate() makes a Reason and an
# Evaluation per checkpoint on every refresh, and a NamedTuple's own __new__ (a Python call) made
# bench/evaluate.py run 43% more instructions (docs/performance.md; the one module
# tests/project/test_records_by_name.py pins). tests/thesis/test_evaluate.py
# pins the order of the fields these tuples are written in; everywhere else builds by name.
_record = tuple.__new__


def evaluate(
    checkpoints: Iterable[CheckpointState], snapshot: MarketSnapshot, today: dt.date
) -> list[Evaluation]:
    """One Evaluation per checkpoint, in order. Written out as one loop with no call per
    checkpoint but `observe` and a dict lookup of how its kind is judged, and the enum members
    bound to names once (an Enum attribute is a lookup each time): it runs for every checkpoint
    on every refresh."""
    results: list[Evaluation] = []
    append = results.append
    judged_as = _JUDGED.get
    by_you, becomes_true, keeps_holding = Judged.BY_YOU, Judged.BECOMES_TRUE, Judged.KEEPS_HOLDING
    compared, still_met, final = Why.COMPARED, Why.STILL_MET, Why.FINAL
    marked = {MET: Why.MARKED_MET, MISSED: Why.MARKED_MISSED}
    splits = snapshot.splits
    for c in checkpoints:
        condition = c.condition
        status = c.status
        judged = judged_as(c.kind, keeps_holding)
        new, reason = status, _NOTHING
        if c.manual:
            reason = _record(
                Reason, (marked.get(status, Why.REOPENED), None, c.note, None, "", None)
            )
        elif judged is by_you:
            due = c.due
            if status == MISSED and due is not None and today > due and not c.at_due:
                # a miss by its quarter's report with none of the filings read (an earlier
                # version's) is no miss: unjudged again until they are
                settled = settle_milestone(c.symbol, c.id, due, snapshot, today)
                if settled.why is Why.FILINGS_UNREAD:
                    new, reason = PENDING, Reason(settled.why, settled.day, settled.note)
            elif status != PENDING or due is None:
                pass
            elif today > due and c.at_due:
                new, reason = MISSED, _record(Reason, (Why.DUE_PASSED, due, "", None, "", None))
            elif today > due:  # settled by the report of its quarter (thesis/awaiting.py)
                settled = settle_milestone(c.symbol, c.id, due, snapshot, today)
                reason = Reason(settled.why, settled.day, settled.note)
                new = MISSED if settled.missed else PENDING
            else:
                reason = _record(Reason, (Why.DUE_AHEAD, due, "", None, "", None))
        if condition is None:
            append(_record(Evaluation, (c.symbol, c.id, status, new, reason, None, c.kind)))
            continue

        obs = observe(condition.metric, c.symbol, snapshot, c.period_end, condition.line)
        if splits and c.symbol in splits and c.written is not None:
            obs = _on_written_basis(obs, condition, splits[c.symbol], c.written)
        decided = None
        spanned = obs.high is not None or obs.bound
        if spanned and obs.value is not None:  # stated loosely: judged where the words settle it
            decided = settles(obs, OPERATORS[condition.op], condition.threshold)
            if decided is None:
                comparison = f"{condition.op} {condition.threshold_text}"
                obs = unsettled(obs, c.symbol, condition.metric, comparison, condition.line)
        value = obs.value
        if c.manual:
            reason = _record(Reason, (reason.why, None, reason.note, obs, "", None))
        elif judged is not becomes_true and c.until is not None and today > c.until:
            reason = _record(
                Reason, (final, c.until, "", obs, "", None)
            )  # a guard past its last day
        elif value is None:  # no data is never a verdict, even past the due date
            why = still_met if judged is becomes_true and status == MET else Why.NO_VALUE
            reason = _record(Reason, (why, None, "", obs, "", None))
            if obs.missing is not None and obs.missing.code in _NO_STATEMENT:
                new = PENDING  # the words it was judged by are gone (you dismissed them)
        else:
            op = condition.op
            holds = OPERATORS[op](value, condition.threshold) if decided is None else decided
            if not holds:
                op = _NEGATION[op]
            if judged is not becomes_true:  # keeps holding: holding or not, and back
                new = MET if holds else MISSED
                reason = _record(Reason, (compared, None, "", obs, op, None))
            elif status == MET:  # a target stays met
                reason = _record(Reason, (still_met, None, "", obs, op, None))
            elif holds:
                new, reason = MET, _record(Reason, (compared, None, "", obs, op, None))
            elif status == PENDING and c.due is not None and today > c.due:
                new, reason = MISSED, _record(Reason, (Why.NEVER_HELD, c.due, "", obs, op, None))
            else:
                reason = _record(Reason, (compared, None, "", obs, op, None))
        append(_record(Evaluation, (c.symbol, c.id, status, new, reason, condition, c.kind)))
    return results


def _on_written_basis(
    obs: Observation, condition: Condition, splits: list[Split], written: dt.date
) -> Observation:
    """A per-share value on the basis of the day its condition was written."""
    if obs.value is None or not METRICS[condition.metric].per_share:
        return obs
    factor = split_factor(splits, written)
    return obs if factor == 1 else obs._replace(value=obs.value * factor, rebased=factor)


def evaluate_one(c: CheckpointState, snap: MarketSnapshot, today: dt.date) -> Evaluation:
    return evaluate((c,), snap, today)[0]


_NOTHING = Reason(Why.NOTHING)
# No statement read from words judges it (none read, or every one dismissed): a checkpoint of a
# KPI metric rests on its statements, and is pending without one.
_NO_STATEMENT = frozenset({MissingCode.NO_KPI, MissingCode.KPI_FORECAST_ONLY})
# How each kind is judged, by its stored name; a kind no row knows is judged as a guard.
_JUDGED: dict[str, Judged] = {str(kind): spec.judged for kind, spec in KINDS.items()}
_NEGATION = {">=": "<", "<=": ">", ">": "<=", "<": ">=", "==": "!=", "!=": "=="}
