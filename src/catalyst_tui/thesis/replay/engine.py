"""The replay of one ticker's thesis: each day's snapshot (what was public by its close) judged by
evaluate() exactly as a refresh judges today's, the statuses carried from day to day as the store
carries them, and the verdict judged from them by judge() each day a status changed (its rules
read the statuses: on another day the verdict is the day before's). Out come the days a
checkpoint changed status, with the evaluation that changed it (its value and where it was read),
and the verdict's path: each day the verdict changed.

A replay starts every checkpoint pending, unmarked: your marks by hand, the passages you accepted
and the targets' forecasts are what you did and saw then, not rules, and are not replayed."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..evaluate import evaluate
from ..verdict import Standing, TickerVerdict, judge
from ..vocabulary import Status, Verdict

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence

    from ..judgement import CheckpointState, Evaluation
    from ..snapshot import MarketSnapshot


class Written(NamedTuple):
    """A checkpoint as replay judges it: what evaluation reads, and whether it is the thesis's
    kill criterion."""

    state: CheckpointState
    kill: bool = False


class Change(NamedTuple):
    """A checkpoint's status changed on `day`: the evaluation that changed it says why."""

    day: dt.date
    evaluation: Evaluation
    title: str


class Step(NamedTuple):
    """The verdict on `day`, where it changed (the first day's, whatever it is)."""

    day: dt.date
    verdict: TickerVerdict


class Replayed(NamedTuple):
    symbol: str
    days: tuple[dt.date, ...]  # every day judged, oldest first
    changes: tuple[Change, ...]  # in day order, then the file's
    path: tuple[Step, ...]  # the verdict's path, from the first day a checkpoint was judged

    def verdict_on(self, day: dt.date) -> Verdict | None:
        """The verdict at `day`'s close (None before the path starts: nothing judged yet)."""
        found = None
        for step in self.path:
            if step.day > day:
                break
            found = step.verdict.verdict
        return found


def replay(
    symbol: str, written: Sequence[Written], days: Iterable[tuple[dt.date, MarketSnapshot]]
) -> Replayed:
    """Judge `written` on each (day, snapshot), oldest first."""
    states = [w.state._replace(status=Status.PENDING.value, manual=False, note="") for w in written]
    kills = [w.kill for w in written]
    metrics = [s.condition.metric if s.condition is not None else "" for s in states]
    since: list[dt.date | None] = [None] * len(states)
    values: list[float | None] = [None] * len(states)
    judged: list[dt.date] = []
    changes: list[Change] = []
    path: list[Step] = []
    last: Verdict | None = None
    for day, snap in days:
        judged.append(day)
        moved = last is None
        for i, e in enumerate(evaluate(states, snap, day)):
            values[i] = e.value
            if e.changed:
                changes.append(Change(day, e, states[i].title))
                states[i] = states[i]._replace(status=e.status)
                since[i] = day
                moved = True
        if not moved:  # the rules read the statuses: the verdict is the day before's
            continue
        standings = [
            Standing(
                s.id,
                s.title,
                s.kind,
                s.status,
                since[i],
                values[i],
                metrics[i],
                kills[i],
                condition=s.condition,
            )
            for i, s in enumerate(states)
        ]
        verdict = judge(symbol, standings)
        if verdict.verdict != last:
            if path or verdict.verdict != Verdict.UNJUDGED:  # the path starts once judged
                path.append(Step(day, verdict))
            last = verdict.verdict
    return Replayed(symbol, tuple(judged), tuple(changes), tuple(path))
