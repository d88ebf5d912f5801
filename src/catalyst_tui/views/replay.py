"""What `catalyst replay`, the report's replay section and the TUI's replay screen show: each
ticker's thesis (its checkpoints as catalysts.toml has them now) judged on each trading day of a
span with only what was public by that day's close (store/as_of.py), by the same evaluator as
today (thesis/replay/engine.py), each day on the portfolio as it stood that day
(store/portfolio_days.py); the price on each day a status or the verdict changed and 30 and 90
trading days later; what each goalpost's original rule would have said; and what could not be
known then, said, never filled from today."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ..store.as_of import Known, PointInTime
from ..store.portfolio_days import PortfolioDays
from ..thesis.awaiting import AT_DUE
from ..thesis.catalogue import METRICS, Source
from ..thesis.judgement import CheckpointState
from ..thesis.kinds import spec
from ..thesis.replay.engine import Change, Replayed, Replaying, Step, Written
from ..thesis.replay.forward import Followed, followed
from ..thesis.replay.goalposts import Undone, compared, undone_rules
from ..thesis.replay.wording import followed_text, step_text, undone_text
from ..thesis.vocabulary import Status

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..config import Config
    from ..config.model import Ticker
    from ..store import Store
    from ..thesis.goalposts import Move


class TickerReplay(NamedTuple):
    symbol: str
    start: dt.date | None  # the first day judged (None: no stored close in the span)
    end: dt.date | None
    replayed: Replayed
    changes: tuple[tuple[Change, Followed], ...]
    path: tuple[tuple[Step, Followed], ...]
    undone: tuple[Undone, ...]
    unknown: tuple[str, ...]  # what could not be known then, in words
    closes: tuple[tuple[dt.date, float], ...]  # the span's closes, for a chart


def written_of(
    ticker: Ticker, since: Mapping[tuple[str, str], dt.date | None] | None = None
) -> list[Written]:
    """A ticker's checkpoints as catalysts.toml has them, as replay judges them; `since`: the
    day each one's condition was written, as the store keeps it (a per-share value is compared
    on that day's share basis, as today's evaluation compares it)."""
    return [
        Written(
            CheckpointState(
                ticker.symbol,
                c.id,
                c.title,
                c.kind,
                Status.PENDING.value,
                due=c.due,
                until=c.until,
                condition=c.when,
                period_end=c.period_end,
                written=(since or {}).get((ticker.symbol, c.id)),
                at_due=c.judged == AT_DUE,
            ),
            c.kill,
        )
        for c in ticker.checkpoints
    ]


def written_in_store(store: Store, symbol: str) -> list[Written]:
    """A ticker's active checkpoints as the store keeps them (what a report reads, without the
    file: its `judged` too), as replay judges them."""
    kill = {s.checkpoint: s.kill for s in store.verdicts.standings(symbol).get(symbol, [])}
    return [Written(state, kill.get(state.id, False)) for state in store.checkpoints.states(symbol)]


def replay_summary(store: Store, symbol: str, base: str = "USD") -> tuple[str, ...]:
    """The replay in a report's lines: its span, the verdict's path with the prices after each
    change, what each goalpost's original rule would have said, what was not known then."""
    written = written_in_store(store, symbol)
    if not written:
        return ()
    [found] = replay_all(store, [(symbol, written)], store.journal.moves(symbol), None, None, base)
    if found.start is None:
        return ("no stored close: nothing replayed",)
    return (
        f"{len(found.replayed.days)} trading days, {found.start} to {found.end}, each judged on"
        " what was public by its close",
        *(f"{step_text(s)} ({followed_text(f)})" for s, f in found.path),
        *(f"{u.move.checkpoint}: {undone_text(u)}" for u in found.undone),
        *(f"not known then: {line}" for line in found.unknown),
    )


def load_replay(
    store: Store,
    config: Config,
    symbol: str | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[TickerReplay]:
    """Each ticker's replay (`symbol`'s alone when given; else every ticker with checkpoints)
    over the trading days from `start` to `end` (None: from the first stored close, to the
    last)."""
    since = {(s.symbol, s.id): s.written for s in store.checkpoints.states(symbol)}
    theses = [
        (t.symbol, written_of(t, since))
        for t in config.tickers.values()
        if (symbol is None and t.checkpoints) or t.symbol == symbol
    ]
    moves = store.journal.moves(symbol)
    return replay_all(store, theses, moves, start, end, config.settings.currency)


def replay_all(
    store: Store,
    theses: Sequence[tuple[str, list[Written]]],
    moves: Sequence[Move],
    start: dt.date | None,
    end: dt.date | None,
    base: str,
) -> list[TickerReplay]:
    """Each (symbol, checkpoints) replayed over its trading days from `start` to `end`, each
    day on the portfolio as it stood that day, its goalposts' original rules beside: one ticker
    through its days, then the next (the portfolio's days are made once, for each that asks)."""
    book = PortfolioDays(store, base)
    out = []
    for symbol, written in theses:
        whole = any(
            METRICS[w.state.condition.metric].source is Source.LOTS
            for w in written
            if w.state.condition is not None
        )
        run = _Run(PointInTime(store, symbol, book, whole=whole), written, moves, start, end)
        for day in run.days:
            run.step(day)
        out.append(run.result(start))
    return out


class _Run:
    """One ticker replayed: its history, its days in the span, the rules in force and each
    goalpost's undone, stepped a day at a time."""

    def __init__(
        self,
        history: PointInTime,
        written: list[Written],
        moves: Sequence[Move],
        start: dt.date | None,
        end: dt.date | None,
    ) -> None:
        symbol = history.symbol
        self.history = history
        self.written = written
        self.days = history.trading_days(start, end)
        self.now = Replaying(symbol, written)
        self.undone = undone_rules(symbol, written, moves)
        self.then = [None if r is None else Replaying(symbol, r) for _, r in self.undone]
        self.steppers = [self.now, *(e for e in self.then if e is not None)]

    def step(self, day: dt.date) -> None:
        """Judge `day`, one of this ticker's trading days, after the days before it."""
        snap, epoch = self.history.snapshot(day), self.history.epoch(day)
        for stepper in self.steppers:
            stepper.step(day, snap, epoch)

    def result(self, start: dt.date | None) -> TickerReplay:
        replayed = self.now.replayed()
        closes, days = self.history.closes(), self.history.prices.days
        first = self.days[0] if self.days else None
        last = self.days[-1] if self.days else None
        span = tuple(
            c for c in closes if (first is None or c[0] >= first) and (last is None or c[0] <= last)
        )
        undone = [
            compared(move, None if then is None else then.replayed(), replayed)
            for (move, _), then in zip(self.undone, self.then, strict=True)
        ]
        return TickerReplay(
            self.history.symbol,
            first,
            last,
            replayed,
            tuple((c, followed(closes, c.day, days=days)) for c in replayed.changes),
            tuple((s, followed(closes, s.day, days=days)) for s in replayed.path),
            tuple(undone),
            tuple(unknown_then(self.history.known, self.written, start, first, last)),
            span,
        )


def unknown_then(
    known: Known,
    written: list[Written],
    start: dt.date | None,
    first: dt.date | None,
    last: dt.date | None = None,
) -> list[str]:
    """What the span's first days could not know, by what its conditions read, each with what
    the gap did to the story: the checkpoints it left without a value stayed pending (no value
    is never a verdict), and the path read nothing of them until then."""
    reading: dict[Source, list[str]] = {}
    for w in written:
        if w.state.condition is not None:
            source = METRICS[w.state.condition.metric].source
            reading.setdefault(source, []).append(w.state.id)
    # A milestone its quarter's report settles reads the filings once past its due date.
    past_due = known.facts if known.facts is not None else last
    settled = [
        w.state.id
        for w in written
        if w.state.condition is None
        and spec(w.state.kind).settled_by_report
        and w.state.due is not None
        and past_due is not None
        and w.state.due < past_due
    ]
    sec = [
        *(
            i
            for source in (Source.FUNDAMENTALS, Source.MIXED, Source.RELEASES)
            for i in reading.get(source, ())
        ),
        *settled,
    ]
    out = []
    if known.prices is None:
        out.append("no prices stored: nothing to replay")
    elif start is not None and start < known.prices:
        out.append(
            f"prices not recorded before {known.prices.isoformat()}: no day before it judged"
        )
    if sec:
        if known.facts is None:
            out.append(f"no SEC figures stored: {_never(sec)}")
        elif known.filed is None:
            out.append(
                "SEC values as each filing stated them not recorded: a figure is known from the"
                " filing of its latest value, a period restated later unknown before then"
            )
        if known.facts is not None and first is not None and first < known.facts:
            out.append(f"SEC figures not filed before {known.facts.isoformat()}: {_until(sec)}")
    street = reading.get(Source.STREET, [])
    if street:
        if known.street is None:
            out.append(f"consensus never recorded: {_never(street)}")
        elif first is None or first < known.street:
            out.append(
                f"consensus not recorded before {known.street.isoformat()}: {_until(street)}"
            )
    words = reading.get(Source.WORDS, [])
    if words:
        if known.kpis is None:
            out.append(f"KPIs from words never read: {_never(words)}")
        elif first is None or first < known.kpis:
            out.append(f"KPIs from words not read before {known.kpis.isoformat()}: {_until(words)}")
    out.append(
        "not replayed: your marks by hand and the passages you accepted (what you did then, not"
        " rules: each checkpoint is judged by its rule alone here), and the calendar's next"
        " earnings dates (no history of them is kept: a milestone awaiting its report names no"
        " expected date)"
    )
    return out


def _never(ids: list[str]) -> str:
    """What a source never read did to the story."""
    return (
        f"{_names(ids)} had no value from it, pending throughout: the path never read {_them(ids)}"
    )


def _until(ids: list[str]) -> str:
    """What a source read only from a day did to the story before that day."""
    return (
        f"{_names(ids)} had no value from it until then, pending: the path read {_them(ids)}"
        " from then on"
    )


def _names(ids: list[str]) -> str:
    return ", ".join(ids)


def _them(ids: list[str]) -> str:
    return "it" if len(ids) == 1 else "them"
