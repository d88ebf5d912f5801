"""What `catalyst replay`, the report's replay section and the TUI's replay screen show: each
ticker's thesis (its checkpoints as catalysts.toml has them now) judged on each trading day of a
span with only what was public by that day's close (store/as_of.py), by the same evaluator as
today (thesis/replay/engine.py); the price on each day a status or the verdict changed and
30 and 90 trading days later; what each goalpost's original rule would have said; and what could
not be known then, said, never filled from today."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple, Protocol

from ..store.as_of import Known, PointInTime
from ..thesis.awaiting import AT_DUE
from ..thesis.catalogue import METRICS, Source
from ..thesis.judgement import CheckpointState
from ..thesis.replay.engine import Change, Replayed, Step, Written, replay
from ..thesis.replay.forward import Followed, followed
from ..thesis.replay.goalposts import Undone, check_moves
from ..thesis.replay.wording import followed_text, step_text, undone_text
from ..thesis.vocabulary import Status

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..config import Config
    from ..config.model import Ticker
    from ..store import Store
    from ..thesis.conditions import Condition
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


def written_of(ticker: Ticker) -> list[Written]:
    """A ticker's checkpoints as catalysts.toml has them, as replay judges them."""
    return [
        _written(ticker.symbol, c, c.when, c.kill, at_due=c.judged == AT_DUE)
        for c in ticker.checkpoints
    ]


def written_in_store(store: Store, symbol: str) -> list[Written]:
    """A ticker's active checkpoints as the store keeps them (what a report reads, without the
    file), as replay judges them."""
    kill = {s.checkpoint: s.kill for s in store.verdicts.standings(symbol).get(symbol, [])}
    return [
        _written(symbol, c, c.condition, kill.get(c.id, False))
        for c in store.views.checkpoints(symbol)
    ]


def _written(
    symbol: str, c: Defined, condition: Condition | None, kill: bool, *, at_due: bool = False
) -> Written:
    """A checkpoint, pending, as replay starts it."""
    state = CheckpointState(
        symbol,
        c.id,
        c.title,
        c.kind,
        Status.PENDING.value,
        due=c.due,
        until=c.until,
        condition=condition,
        period_end=c.period_end,
        at_due=at_due,
    )
    return Written(state, kill)


class Defined(Protocol):
    """What a checkpoint's definition gives replay, in the file's model and the store's record
    alike."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def due(self) -> dt.date | None: ...
    @property
    def until(self) -> dt.date | None: ...
    @property
    def period_end(self) -> dt.date | None: ...


def replay_summary(store: Store, symbol: str) -> tuple[str, ...]:
    """The replay in a report's lines: its span, the verdict's path with the prices after each
    change, what each goalpost's original rule would have said, what was not known then."""
    written = written_in_store(store, symbol)
    if not written:
        return ()
    found = _replayed(store, symbol, written, store.journal.moves(symbol), None, None, "USD")
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
    tickers = [
        t
        for t in config.tickers.values()
        if (symbol is None and t.checkpoints) or t.symbol == symbol
    ]
    moves = store.journal.moves(symbol)
    return [
        replay_ticker(store, t, moves, start=start, end=end, base=config.settings.currency)
        for t in tickers
    ]


def replay_ticker(
    store: Store,
    ticker: Ticker,
    moves: Sequence[Move],
    *,
    start: dt.date | None,
    end: dt.date | None,
    base: str = "USD",
) -> TickerReplay:
    """One ticker's replay, its goalposts' original rules replayed on the same days."""
    return _replayed(store, ticker.symbol, written_of(ticker), moves, start, end, base)


def _replayed(
    store: Store,
    symbol: str,
    written: list[Written],
    moves: Sequence[Move],
    start: dt.date | None,
    end: dt.date | None,
    base: str,
) -> TickerReplay:
    history = PointInTime(store, symbol)
    days = [(d, history.snapshot(d, base)) for d in history.trading_days(start, end)]
    replayed = replay(symbol, written, days)
    closes = history.closes()
    undone = check_moves(symbol, written, moves, days, replayed)
    first = days[0][0] if days else None
    last = days[-1][0] if days else None
    span = tuple(
        c for c in closes if (first is None or c[0] >= first) and (last is None or c[0] <= last)
    )
    return TickerReplay(
        symbol,
        first,
        last,
        replayed,
        tuple((c, followed(closes, c.day)) for c in replayed.changes),
        tuple((s, followed(closes, s.day)) for s in replayed.path),
        tuple(undone),
        tuple(unknown_then(history.known, written, start, first)),
        span,
    )


def unknown_then(
    known: Known, written: list[Written], start: dt.date | None, first: dt.date | None
) -> list[str]:
    """What the span's first days could not know, by what its conditions read."""
    sources = {
        METRICS[w.state.condition.metric].source for w in written if w.state.condition is not None
    }
    out = []
    if known.prices is None:
        out.append("no prices stored: nothing to replay")
    elif start is not None and start < known.prices:
        out.append(f"prices not recorded before {known.prices.isoformat()}")
    if sources & {Source.FUNDAMENTALS, Source.MIXED, Source.RELEASES}:
        if known.facts is None:
            out.append("no SEC figures stored")
        elif known.filed is None:
            out.append(
                "SEC values as each filing stated them not recorded: a figure is known from the"
                " filing of its latest value, a period restated later unknown before then"
            )
        elif first is not None and first < known.facts:
            out.append(f"SEC figures not filed before {known.facts.isoformat()}")
    if Source.STREET in sources:
        if known.street is None:
            out.append("consensus never recorded")
        elif first is None or first < known.street:
            out.append(f"consensus not recorded before {known.street.isoformat()}")
    if Source.WORDS in sources:
        if known.kpis is None:
            out.append("KPIs from words never read")
        elif first is None or first < known.kpis:
            out.append(f"KPIs from words not read before {known.kpis.isoformat()}")
    out.append(
        "not replayed: your marks by hand, the passages you accepted, the targets' forecasts and"
        " the calendar's next earnings dates (no history of them is kept)"
    )
    return out
