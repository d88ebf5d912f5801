"""The words a thesis is written and judged in: checkpoint kinds and statuses, declared once."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What a checkpoint is: judged by you, a condition that must become true, or one that must
    keep holding."""

    MILESTONE = "milestone"
    TARGET = "target"
    GUARD = "guard"


class Status(StrEnum):
    """Where a checkpoint stands. A guard that holds is `met` (shown as "holding")."""

    PENDING = "pending"
    MET = "met"
    MISSED = "missed"


KINDS: tuple[str, ...] = tuple(Kind)
STATUSES: tuple[str, ...] = tuple(Status)
# What a user may ask to be notified of ([settings] notify): transitions, and new evidence for
# a pending checkpoint.
EVIDENCE = "evidence"
NOTIFY_TRANSITIONS: tuple[str, ...] = (Status.MISSED, Status.MET, EVIDENCE)
