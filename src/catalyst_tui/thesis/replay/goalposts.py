"""What each goalpost's original rule would have said: the thesis replayed again with one move
undone (the checkpoint's `when`, due date, last day or kill flag as it was before the move), and
the first day it judged otherwise than the rule in force: "your 70% floor would have broken the
thesis on 2026-08-05; you loosened it to 65% on 2026-08-01"."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ..conditions import ConditionError, parse_condition
from ..vocabulary import Status
from .engine import Replayed, Written, replay

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..goalposts import Move
    from ..snapshot import MarketSnapshot
    from ..vocabulary import Verdict


class Undone(NamedTuple):
    """A move, and what its original rule would have judged: the first day from the move's on
    that the checkpoint's status or the verdict differed from the rule in force (None: never in
    the span), the
    checkpoint's status and the verdict under each rule that day."""

    move: Move
    day: dt.date | None = None
    status_then: str = ""  # under the original rule
    status_now: str = ""  # under the rule in force
    verdict_then: Verdict | None = None
    verdict_now: Verdict | None = None
    readable: bool = True  # False: the original rule no longer reads (a metric gone)
    after_span: bool = False  # moved after the last day replayed: nothing to compare


def undone(written: Sequence[Written], move: Move) -> list[Written] | None:
    """The checkpoints with `move` undone on its checkpoint; None when the rule before it does
    not read any more."""
    out = []
    for w in written:
        if w.state.id != move.checkpoint:
            out.append(w)
            continue
        before = move.before
        if move.field == "condition":
            try:
                condition = parse_condition(before) if before else None
            except ConditionError:
                return None
            out.append(w._replace(state=w.state._replace(condition=condition)))
        elif move.field in ("due", "until"):
            when = dt.date.fromisoformat(before[:10]) if before else None
            state = (
                w.state._replace(due=when) if move.field == "due" else w.state._replace(until=when)
            )
            out.append(w._replace(state=state))
        else:
            out.append(w._replace(kill=before == "1"))
    return out


def undone_rules(
    symbol: str, written: Sequence[Written], moves: Sequence[Move]
) -> list[tuple[Move, list[Written] | None]]:
    """Each move of `symbol`'s checkpoints in `written`, with the checkpoints it undoes (None:
    the rule before it does not read any more), to replay beside the rules in force."""
    ids = {w.state.id for w in written}
    return [
        (move, undone(written, move))
        for move in moves
        if move.symbol == symbol and move.checkpoint in ids
    ]


def compared(move: Move, then: Replayed | None, now: Replayed) -> Undone:
    """What the move's original rule (`then`, replayed on the days of `now`; None: it does not
    read) would have judged otherwise than the rule in force."""
    if not now.days or move.at.date() > now.days[-1]:
        return Undone(move, after_span=True)
    if then is None:
        return Undone(move, readable=False)
    return _first_difference(move, then, now)


def check_moves(
    symbol: str,
    written: Sequence[Written],
    moves: Sequence[Move],
    days: Sequence[tuple[dt.date, MarketSnapshot]],
    now: Replayed,
) -> list[Undone]:
    """Each move of `symbol`'s checkpoints in `written`, replayed undone on `days`."""
    return [
        compared(move, None if rules is None else replay(symbol, rules, days), now)
        for move, rules in undone_rules(symbol, written, moves)
    ]


def _first_difference(move: Move, then: Replayed, now: Replayed) -> Undone:
    status_then, status_now = _statuses(then, move.checkpoint), _statuses(now, move.checkpoint)
    moved = move.at.date()
    for day in now.days:
        if day < moved:  # the rule before the move was the one in force: no other then
            continue
        a, b = status_then.get(day), status_now.get(day)
        verdict_then, verdict_now = then.verdict_on(day), now.verdict_on(day)
        if a != b or verdict_then != verdict_now:
            return Undone(move, day, a or "", b or "", verdict_then, verdict_now)
    return Undone(move)


def _statuses(replayed: Replayed, checkpoint: str) -> dict[dt.date, str]:
    """The checkpoint's status on each day judged."""
    changed = {
        c.day: c.evaluation.status
        for c in replayed.changes
        if c.evaluation.checkpoint_id == checkpoint
    }
    out: dict[dt.date, str] = {}
    status: str = Status.PENDING
    for day in replayed.days:
        status = changed.get(day, status)
        out[day] = status
    return out
