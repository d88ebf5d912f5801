"""The replay of one ticker's thesis: each day's snapshot (what was public by its close) judged by
evaluate() exactly as a refresh judges today's, the statuses carried from day to day as the store
carries them, each pending target's forecast made from the day's figures as a refresh makes it
(thesis/reported/forecast.py), and the verdict judged from them by judge() each day a status or a
forecast changed (its rules read the statuses: on another day the verdict is the day before's).
Out come the days a checkpoint changed status, with the evaluation that changed it (its value and
where it was read), and the verdict's path: each day the verdict changed, from the first day a
checkpoint was judged.

A checkpoint whose figures change on a few days (a filing's, a release's, a document's: not the
day's close, the Street's or the portfolio's) is judged again only on a day whose figures differ
from the day before's (the snapshot's `epoch`) or that its due date, its last day or, for a
milestone its quarter's report settles, its ceiling turns: on the others evaluate() would say
what it said the day before. So is a checkpoint of the day's close left without a value by its
figures alone (no lots, no estimates read: observation.FIGURES_ONLY): no value leaves a status
as it is. The verdict is judged again only when
what its rules read changed (a status, a target's course).

A replay starts every checkpoint pending, unmarked: your marks by hand and the passages you
accepted are what you did then, not rules, and are not replayed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ..awaiting import ceiling_of
from ..catalogue import METRICS
from ..evaluate import evaluate
from ..kinds import spec
from ..metric_row import OF_THE_DAY
from ..observation import FIGURES_ONLY
from ..reported.forecast import on_course, target_forecast
from ..verdict import Standing, TickerVerdict, judge
from ..vocabulary import Status, Verdict

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable, Sequence

    from ..conditions import Condition
    from ..judgement import CheckpointState, Evaluation
    from ..reported.forecast import Forecast
    from ..snapshot import MarketSnapshot

_DAY = dt.timedelta(days=1)


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
    """The verdict on `day`, where it changed (the first day's, once a checkpoint is judged)."""

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


class Replaying:
    """One ticker's thesis replayed a day at a time (`step`, oldest day first); `replayed()` is
    its story so far."""

    def __init__(self, symbol: str, written: Sequence[Written]) -> None:
        self.symbol = symbol
        self.states = [
            w.state._replace(status=Status.PENDING.value, manual=False, note="") for w in written
        ]
        self.kills = [w.kill for w in written]
        self.statuses = [s.status for s in self.states]
        self.metrics = [s.condition.metric if s.condition is not None else "" for s in self.states]
        n = len(self.states)
        self.since: list[dt.date | None] = [None] * n
        self.values: list[float | None] = [None] * n
        self.forecasts: list[Forecast | None] = [None] * n
        self.daily = [i for i, s in enumerate(self.states) if _every_day(s)]
        # (day, checkpoint) for each day the day alone turns a checkpoint, in day order
        self.turns = sorted(
            (d, i) for i, s in enumerate(self.states) if i not in self.daily for d in _turns(s)
        )
        # The milestones their quarter's report settles: their ceiling turns them too, on the
        # company's calendar as each epoch's figures show it.
        self.settled = [
            i
            for i, s in enumerate(self.states)
            if s.condition is None and s.due is not None and spec(s.kind).settled_by_report
        ]
        # The turns and ceilings to come, the next one last (popped as the days reach them).
        self.coming: list[tuple[dt.date, int]] = []
        # The checkpoints of the day left without a value by the epoch's figures alone, and
        # those of the day asked each day, the others.
        self.quiet: set[int] = set()
        self._awake: list[int] = self.daily
        self.forecasting = [i for i, s in enumerate(self.states) if spec(s.kind).forecast]
        self.judged: list[dt.date] = []
        self.changes: list[Change] = []
        self.path: list[Step] = []
        self._epoch: Hashable = _UNSEEN
        self._verdict: Verdict | None = None
        self._verdicts: dict[Hashable, Verdict] = {}  # what the rules read -> what they conclude

    def step(self, day: dt.date, snap: MarketSnapshot, epoch: Hashable = None) -> None:
        """Judge `day` on `snap`, whose figures are of `epoch` (None: judge every checkpoint)."""
        last = self.judged[-1] if self.judged else None
        self.judged.append(day)
        fresh = epoch is None or epoch != self._epoch
        self._epoch = epoch
        asked: Sequence[int] = range(len(self.states))
        if fresh:
            self.quiet.clear()
            self._awake = self.daily
            ceilings = [
                (ceiling_of(self.symbol, due, snap) + _DAY, i)
                for i in self.settled
                if (due := self.states[i].due) is not None
            ]
            self.coming = sorted(self.turns + ceilings, reverse=True)  # the next one last
            while self.coming and self.coming[-1][0] <= day:
                self.coming.pop()
        elif last is not None:
            asked = self._awake
            coming = self.coming
            if coming and coming[-1][0] <= day:
                turned = set()
                while coming and coming[-1][0] <= day:
                    turned.add(coming.pop()[1])
                asked = sorted(turned.union(asked))
        states, values = self.states, self.values
        moved = course = False
        for i, e in zip(asked, evaluate([states[i] for i in asked], snap, day), strict=True):
            observed = e.reason.observed
            values[i] = None if observed is None else observed.value
            if observed is not None and observed.value is None:
                missing = observed.missing
                if missing is not None and missing.code in FIGURES_ONLY and i not in self.quiet:
                    self.quiet.add(i)
                    self._awake = [d for d in self.daily if d not in self.quiet]
            if e.status != e.previous:  # Evaluation.changed, without its call
                self.changes.append(Change(day, e, states[i].title))
                states[i] = states[i]._replace(status=e.status)
                self.statuses[i] = e.status
                self.since[i] = day
                moved = True
                course = course or i in self.forecasting
        if fresh or course:  # a course is of the figures and of its target's status alone
            moved = self._forecast(snap) or moved
        if moved or last is None:
            self._judge(day)

    def replayed(self) -> Replayed:
        return Replayed(self.symbol, tuple(self.judged), tuple(self.changes), tuple(self.path))

    def _forecast(self, snap: MarketSnapshot) -> bool:
        """Each pending target's forecast from the day's figures, as a refresh makes it
        (jobs/evaluation.py `target_forecasts`); whether one changed."""
        changed = False
        for i in self.forecasting:
            s = self.states[i]
            found = None
            if s.status == Status.PENDING and s.due is not None and s.condition is not None:
                found = target_forecast(self.symbol, snap, s.condition, s.due)
            if found != self.forecasts[i]:
                self.forecasts[i] = found
                changed = True
        return changed

    def _judge(self, day: dt.date) -> None:
        """The verdict of `day`, judged again only when what its rules read is new."""
        key = (
            tuple(self.statuses),
            tuple(f is not None and not on_course(f, c) for c, f in self._courses()),
        )
        verdict = self._verdicts.get(key)
        full = None
        if verdict is None:
            full = judge(self.symbol, self._standings())
            verdict = self._verdicts[key] = full.verdict
        if verdict == self._verdict:
            return
        if self.path or verdict != Verdict.UNJUDGED:  # the path starts once judged
            self.path.append(Step(day, full or judge(self.symbol, self._standings())))
        self._verdict = verdict

    def _courses(self) -> Iterable[tuple[Condition, Forecast | None]]:
        """Each target's condition and its forecast (None: none)."""
        for i in self.forecasting:
            condition = self.states[i].condition
            if condition is not None:
                yield condition, self.forecasts[i]

    def _standings(self) -> list[Standing]:
        return [
            Standing(
                s.id,
                s.title,
                s.kind,
                s.status,
                self.since[i],
                self.values[i],
                self.metrics[i],
                self.kills[i],
                condition=s.condition,
                forecast=self.forecasts[i],
            )
            for i, s in enumerate(self.states)
        ]


_UNSEEN = object()


def _every_day(state: CheckpointState) -> bool:
    """A checkpoint whose judgement may change any day: of a metric of the day's close, the
    Street's or the portfolio's."""
    return state.condition is not None and METRICS[state.condition.metric].source in OF_THE_DAY


def _turns(state: CheckpointState) -> tuple[dt.date, ...]:
    """The days the day alone changes a checkpoint's judgement: the day after its due date
    and after its last day."""
    return tuple(d + _DAY for d in (state.due, state.until) if d is not None)


def replay(
    symbol: str,
    written: Sequence[Written],
    days: Iterable[tuple[dt.date, MarketSnapshot] | tuple[dt.date, MarketSnapshot, Hashable]],
) -> Replayed:
    """Judge `written` on each (day, snapshot[, epoch]), oldest first."""
    replaying = Replaying(symbol, written)
    for day, snap, *epoch in days:
        replaying.step(day, snap, epoch[0] if epoch else None)
    return replaying.replayed()
