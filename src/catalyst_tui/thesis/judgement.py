"""What a judgement of a checkpoint is made of: what decided it (`Why`), the reason in parts
(`Reason`), what evaluation reads of a checkpoint (`CheckpointState`) and what comes out
(`Evaluation`). The records alone, apart from evaluate.py's rules and the metrics they read, so
the store reads a stored reason back without loading the thesis's metrics (start-up reads
reasons before it judges anything)."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as dt

    from .conditions import Condition
    from .observation import Observation
    from .reported.forecast import Forecast


class Why(StrEnum):
    """What decided a checkpoint's status."""

    NOTHING = ""  # a decided milestone, or one without a due date: nothing to add
    MARKED_MET = "marked_met"  # by hand; Reason.note is the user's note
    MARKED_MISSED = "marked_missed"
    REOPENED = "reopened"  # handed back to evaluation by hand
    DUE_AHEAD = "due_ahead"  # Reason.day is the due date
    DUE_PASSED = "due_passed"  # a milestone still pending after Reason.day
    # A milestone past its due date, settled by the report of the quarter containing it
    # (thesis/awaiting.py): Reason.note names the quarter ("Q4 FY2026").
    AWAITING_REPORT = "awaiting_report"  # Reason.day: the report's expected date, or None
    REPORT_WITH_EVIDENCE = "report_with_evidence"  # read, with passages: yours until Reason.day
    REPORT_WITHOUT_EVIDENCE = "report_without_evidence"  # read without any: missed
    CEILING_PASSED = "ceiling_passed"  # no report by Reason.day: missed
    # None of the company's filings read (nothing fetched): unjudged; Reason.day is the due date
    FILINGS_UNREAD = "filings_unread"
    FINAL = "final"  # a guard past its last day, Reason.day
    NO_VALUE = "no_value"  # the metric has no value: Reason.observed.missing says why
    COMPARED = "compared"  # the value against the condition, Reason.op as it came out
    STILL_MET = "still_met"  # a target that held once stays met; the value now
    NEVER_HELD = "never_held"  # a target whose due date Reason.day passed without holding
    RECORDED = "recorded"  # recorded by an earlier version as a sentence: Reason.note


#: What a milestone past its due date waits for or was missed by (thesis/awaiting.py); their
#: Reason.note is the quarter's name, stored and read back as a mark's note is.
SETTLED_BY_REPORT = frozenset(
    {
        Why.AWAITING_REPORT,
        Why.REPORT_WITH_EVIDENCE,
        Why.REPORT_WITHOUT_EVIDENCE,
        Why.CEILING_PASSED,
        Why.FILINGS_UNREAD,
    }
)


class Reason(NamedTuple):
    why: Why
    day: dt.date | None = None
    note: str = ""
    observed: Observation | None = None
    op: str = ""  # the comparison as it came out: '<' when 'gross_margin >= 70%' failed
    # A pending target's best forecast (thesis/reported/forecast.py), as the store keeps it with
    # the checkpoint: what its course leans on, named with the reason wherever it is shown.
    forecast: Forecast | None = None

    @property
    def value(self) -> float | None:
        return None if self.observed is None else self.observed.value


class CheckpointState(NamedTuple):
    """What evaluation reads of a checkpoint."""

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
    written: dt.date | None = None  # the day the condition was last written
    at_due: bool = False  # a milestone with `judged = "at due"`: missed the day after its due


class Evaluation(NamedTuple):
    """The outcome for one checkpoint: its (possibly unchanged) status and the reason in parts;
    `changed` when the status moved from `previous`. A NamedTuple built by position in
    evaluate(), which makes one per checkpoint on every refresh."""

    symbol: str
    checkpoint_id: str
    previous: str
    status: str
    reason: Reason
    condition: Condition | None
    kind: str = ""  # the checkpoint's (thesis/kinds.py: how its statuses read); "" unknown

    @property
    def changed(self) -> bool:
        return self.status != self.previous

    @property
    def value(self) -> float | None:
        return self.reason.value
