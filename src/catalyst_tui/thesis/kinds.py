"""One row per checkpoint kind: the keys the file must and must not give it, how it is judged, and
how its statuses read and look. Config validation, the edit forms, notifications, the CLI and
the screens all read this table; a new kind is one row here plus its evaluation
(thesis/evaluate.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .vocabulary import HOLDING, KIND_NAMES, Kind, Status


class Judged(StrEnum):
    """How a kind is evaluated (thesis/evaluate.py)."""

    BY_YOU = "by_you"  # marked by a person; missed automatically when `due` passes
    BECOMES_TRUE = "becomes_true"  # met the first time `when` holds, stays met; missed at `due`
    KEEPS_HOLDING = "keeps_holding"  # met while `when` holds, missed when it fails, and back


#: Why a key is needed, after "a KIND needs …" in the located error of a missing one.
NEEDS = {
    "due": "a due date",
    "when": "a condition such as 'gross_margin >= 70%'",
}

#: The keys every checkpoint has, whatever its kind.
COMMON_REQUIRED = ("id", "title", "kind")


@dataclass(frozen=True)
class KindSpec:
    """A checkpoint kind: what the file says for it and how it reads."""

    kind: Kind
    judged: Judged
    #: Keys this kind needs beyond COMMON_REQUIRED.
    required: tuple[str, ...]
    #: Keys this kind must not have, each with the located message that says why.
    forbidden: tuple[tuple[str, str], ...]
    #: How `met` reads for this kind ("holding" for a guard), and `met` after `missed`.
    met_word: str = Status.MET
    met_again_word: str = Status.MET
    #: A miss of this kind is a due date that passed (its notification says which).
    missed_at_due: bool = True
    #: While pending with a due date, its fiscal year forecast is kept for the verdict
    #: (thesis/reported/forecast.py; the verdict's `target_behind` reads it).
    forecast: bool = False
    #: While pending, the report of its quarter settles it (thesis/awaiting.py): its verdict
    #: reads SEC EDGAR (thesis/staleness.py).
    settled_by_report: bool = False

    def allows(self, key: str) -> bool:
        """The kind may carry `key` (a form shows its field)."""
        return all(key != k for k, _ in self.forbidden)

    def forbids(self, key: str) -> str | None:
        """Why `key` is not for this kind, or None."""
        return next((why for k, why in self.forbidden if k == key), None)


_UNTIL_IS_FOR_GUARDS = "'until' is for guards: a {kind} uses 'due'"
_JUDGED_IS_FOR_MILESTONES = (
    "judged is for milestones: a {kind} is judged by its condition (thesis/awaiting.py)"
)

KINDS: dict[Kind, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec(
            Kind.MILESTONE,
            Judged.BY_YOU,
            required=("due",),
            forbidden=(
                (
                    "when",
                    "a milestone is judged by you and has no 'when': "
                    'use kind = "target" or "guard" for a condition',
                ),
                ("until", _UNTIL_IS_FOR_GUARDS.format(kind="milestone")),
                (
                    "period_end",
                    "period_end applies to targets and guards with a fundamentals metric",
                ),
            ),
            settled_by_report=True,
        ),
        KindSpec(
            Kind.TARGET,
            Judged.BECOMES_TRUE,
            required=("due", "when"),
            forbidden=(
                ("until", _UNTIL_IS_FOR_GUARDS.format(kind="target")),
                ("judged", _JUDGED_IS_FOR_MILESTONES.format(kind="target")),
            ),
            forecast=True,
        ),
        KindSpec(
            Kind.GUARD,
            Judged.KEEPS_HOLDING,
            required=("when",),
            forbidden=(
                ("due", "a guard has no due date: use 'until' for its last day"),
                ("judged", _JUDGED_IS_FOR_MILESTONES.format(kind="guard")),
            ),
            met_word=HOLDING,
            met_again_word=f"{HOLDING} again",
            missed_at_due=False,
        ),
    )
}


def spec(kind: str) -> KindSpec:
    """The row of `kind` (a Kind or its value)."""
    return KINDS[Kind(kind)]


def allowing(key: str) -> tuple[Kind, ...]:
    """The kinds whose checkpoints may carry `key`, in the table's order."""
    return tuple(kind for kind, row in KINDS.items() if row.allows(key))


def status_word(kind: str, status: str) -> str:
    """How `status` reads for a checkpoint of `kind`: a guard that is met reads "holding"."""
    return spec(kind).met_word if status == Status.MET else str(status)


def one_of() -> str:
    """The kinds as a sentence's list: "milestone, target or guard"."""
    return ", ".join(KIND_NAMES[:-1]) + " or " + KIND_NAMES[-1]
