"""Goalposts: every change of a checkpoint's threshold (its `when`), due date, last day (`until`)
or kill flag, whether written by hand in catalysts.toml or through the TUI's form (both reach the
database through the sync of the file, store/sync.py), is a move kept with its day, before and
after. A move loosens the checkpoint when it makes it easier to hold: its condition now holds for
a value it did not hold for (a `>=` threshold lowered, a `<=` raised, `>= 70%` made `> 1%`, any
change of operator that lets a value through), a due date put later, the kill flag taken off.
A move is explained by a journal note on its ticker written the day of the move or after; one
without is shown in `review` until it has one (docs/thesis.md, Goalposts)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .conditions import Condition, ConditionError, parse_condition

#: The fields a move is of, by the column the sync compares.
GOALPOST_FIELDS = ("condition", "due", "until", "kill")


class Move(NamedTuple):
    symbol: str
    checkpoint: str
    field: str  # one of GOALPOST_FIELDS
    before: str  # as stored: a condition's text, a date, "1"/"0" for the kill flag
    after: str
    at: dt.datetime
    loosened: bool
    noted: bool = False  # a journal note on its ticker since the move explains it


def moves(
    symbol: str,
    checkpoint: str,
    before: dict[str, object],
    after: dict[str, object],
    at: dt.datetime,
) -> list[Move]:
    """The moves between two stored versions of a checkpoint (column -> value)."""
    found = []
    for field in GOALPOST_FIELDS:
        was, now = before.get(field), after.get(field)
        if was == now:
            continue
        was_text, now_text = _text(was), _text(now)
        found.append(
            Move(symbol, checkpoint, field, was_text, now_text, at, loosens(field, was, now))
        )
    return found


def loosens(field: str, was: object, now: object) -> bool:
    """The change makes the checkpoint easier to hold."""
    if field == "kill":
        return bool(was) and not now
    if field in ("due", "until"):
        if was is None or now is None:
            return now is None  # a date taken away: no longer any limit
        return str(now) > str(was)
    try:
        old = parse_condition(str(was)) if was else None
        new = parse_condition(str(now)) if now else None
    except ConditionError:
        return False
    if old is None or new is None:
        return new is None  # a condition taken away: nothing left to hold
    if (old.metric, old.line) != (new.metric, new.line):
        return False  # another figure: another condition, not a looser one
    return accepts_more(old, new)


def accepts_more(old: Condition, new: Condition) -> bool:
    """Whether `new` holds for a value `old` does not (the same metric): a threshold lowered
    under `>=`, raised under `<=`, `>=` made `>`'s looser neighbour, `>= 70%` made `> 1%`, any
    operator for any other. Both are unions of intervals ending at their two thresholds (units
    already applied: 70% is 0.7), so a value in each of those pieces decides it."""
    low, high = sorted((old.threshold, new.threshold))
    probes = (low - max(1.0, abs(low)), low, (low + high) / 2, high, high + max(1.0, abs(high)))
    return any(new.holds(x) and not old.holds(x) for x in probes)


def move_text(m: Move) -> str:
    """ "ALAB/gm-floor: condition gross_margin >= 70% → gross_margin >= 65% on 2026-11-20
    (loosened)"."""
    said = "kill" if m.field == "kill" else m.field
    before, after = (_flag(m.before), _flag(m.after)) if m.field == "kill" else (m.before, m.after)
    loosened = " (loosened)" if m.loosened else ""
    return (
        f"{m.symbol}/{m.checkpoint}: {said} {before or 'none'} → {after or 'none'}"
        f" on {m.at.date().isoformat()}{loosened}"
    )


def _flag(text: str) -> str:
    return "true" if text == "1" else "false"


def _text(value: object) -> str:
    return "" if value is None else str(value)
