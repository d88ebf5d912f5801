"""What was public by a day's close, as a MarketSnapshot evaluation reads (`PointInTime.snapshot`):
a ticker's stored history read once, then each day's snapshot made from the rows dated on or
before it alone. Replay (thesis/replay/) judges each day on it, by the same evaluator as today.

- prices: the day's close is its quote, the highest high of the 365 days up to it the year's;
- SEC's figures: derived from the values filed on or before the day (store/as_filed.py); a
  ticker whose values were never kept as filed reads its stored facts filed by then (a period
  restated later is then unknown before its restatement's filing, never its later value);
- releases from their filing's acceptance (by the close), KPIs by their document's day,
  product lines by their filing's;
- the Street's readings by the day they were read: before the first, none ("not recorded");
- lots bought and sales made by the day; passages found in documents published by then.

One thing is taken from after the day: the splits, to put every per-share figure on today's share
basis, the basis the stored prices (restated at each split) and the thresholds you write are on.
A figure of a day is never another day's."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import deque
from typing import TYPE_CHECKING, Any, NamedTuple

from ..market.models import Fact, LastQuote, Quote
from ..market.sec.as_filed import filing_days, known_by
from ..reading.moments import CLOSE, NEW_YORK
from ..thesis.reported.results import merge
from ..thesis.snapshot import MarketSnapshot
from .as_filed import AsFiled
from .estimates import _COLUMNS, EstimatesStore
from .snapshot import filed_facts

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from ..market.estimates import StoredEstimates
    from ..market.models import Split
    from ..thesis.kpis.statements import StatedKpi
    from ..thesis.lines.split import LineSplit
    from ..thesis.portfolio.positions import Lot, Sell
    from ..thesis.reported.results import Release
    from .facade import Facade

YEAR = dt.timedelta(days=365)


class Bar(NamedTuple):
    """A stored day's close and high (on today's share basis, as stored)."""

    day: dt.date
    close: float
    high: float


class Known(NamedTuple):
    """Where a ticker's history starts, for what could not be known before: None, never kept."""

    prices: dt.date | None
    filed: dt.date | None  # the first value kept as filed (None: facts by filing day alone)
    facts: dt.date | None  # the first filing of any stored figure
    street: dt.date | None  # the first reading of the Street's estimates
    kpis: dt.date | None  # the first document KPIs were read in


def close_of(day: dt.date) -> dt.datetime:
    """The moment of `day`'s close in New York, in UTC."""
    return dt.datetime.combine(day, CLOSE, NEW_YORK).astimezone(dt.UTC)


class PointInTime:
    """One ticker's stored history, read once; `snapshot(day)` is what was public by then."""

    def __init__(self, store: Facade, symbol: str) -> None:
        self.symbol = symbol
        conn = store.conn
        self.bars = [
            Bar(dt.date.fromisoformat(ts), close, high if high is not None else close)
            for ts, close, high in conn.execute(
                "SELECT ts, close, high FROM prices WHERE symbol = ? ORDER BY ts", [symbol]
            )
        ]
        self._days = [b.day for b in self.bars]
        self._highs = _year_highs(self.bars)
        currency = conn.execute("SELECT currency FROM quotes WHERE symbol = ?", [symbol])
        found = currency.fetchone()
        self.currency: str | None = found[0] if found else None
        self.splits: list[Split] = store.market.splits(symbol).get(symbol, [])
        filed = AsFiled(store).of(symbol)
        self._filed = filed  # oldest filing first, as the door reads them
        self._filings = filing_days(filed)
        self._filing_days = [d for d, _ in self._filings]
        self._stored = [] if filed else _by_filing(filed_facts(conn, symbol).of(symbol))
        self.releases: list[Release] = store.results.of_symbols([symbol]).get(symbol, [])
        self.kpis: tuple[StatedKpi, ...] = store.kpis.series(symbol)
        self.lines: tuple[LineSplit, ...] = store.segments.of(symbol)
        self.lots: list[Lot] = store.views.lots(symbol)
        self.sells: list[Sell] = store.views.sells(symbol).get(symbol, [])
        self._street = _street_days(store, symbol)
        self._street_days = [d for d, _ in self._street]
        self._passages = _passages(conn, symbol)
        facts_first = self._filing_days or [d for d, _ in self._stored]
        self.known = Known(
            self._days[0] if self._days else None,
            filed[0].filed if filed else None,
            min(facts_first) if facts_first else None,
            self._street_days[0] if self._street_days else None,
            min((k.day for k in self.kpis), default=None),
        )
        self._facts_cache: dict[int, dict[str, list[Fact]]] = {}

    def closes(self) -> list[tuple[dt.date, float]]:
        """Every stored close, oldest first (a day's price and the days after it)."""
        return [(b.day, b.close) for b in self.bars]

    def trading_days(self, start: dt.date | None, end: dt.date | None) -> list[dt.date]:
        """The days with a stored close from `start` to `end` (both included; None: open)."""
        lo = 0 if start is None else bisect.bisect_left(self._days, start)
        hi = len(self._days) if end is None else bisect.bisect_right(self._days, end)
        return self._days[lo:hi]

    def facts(self, day: dt.date) -> dict[str, list[Fact]]:
        """The figures as known at `day`'s close."""
        if self._filed:  # derived once a filing day, when a day after it first asks
            at = bisect.bisect_right(self._filing_days, day)
            found = self._facts_cache.get(at)
            if found is None:
                known, upto = self._filings[at - 1] if at else (day, 0)
                facts = known_by(self._filed, upto) if upto else []
                found = self._facts_cache[at] = self._on_todays_basis(facts, known)
            return found
        at = bisect.bisect_right(self._stored, day, key=lambda v: v[0])
        found = self._facts_cache.get(at)
        if found is None:
            found = self._facts_cache[at] = _grouped(f for _, f in self._stored[:at])
        return found

    def street(self, day: dt.date) -> StoredEstimates | None:
        """The Street's last reading on or before `day` (None: none read by then)."""
        at = bisect.bisect_right(self._street_days, day) - 1
        if at < 0:
            return None
        estimates = self._street[at][1]
        return estimates._replace(
            history=(), frozen=tuple(f for f in estimates.frozen if f.as_of <= day)
        )

    def snapshot(self, day: dt.date, base: str = "USD") -> MarketSnapshot:
        """What evaluation reads of this ticker at `day`'s close, from rows dated by then."""
        symbol = self.symbol
        now = close_of(day)
        snap = MarketSnapshot(now=now, base=base)
        at = bisect.bisect_right(self._days, day) - 1
        if at >= 0 and self._days[at] == day:
            bar, before = self.bars[at], self.bars[at - 1] if at > 0 else None
            prev = before.close if before is not None else None
            change = bar.close - prev if prev else None
            quote = Quote(
                symbol,
                bar.close,
                prev,
                change,
                change / prev if change is not None and prev else None,
                self.currency,
                "CLOSED",
                now,
                "history",
            )
            snap.quotes[symbol] = LastQuote(symbol, quote, now, False)
            snap.history_high[symbol] = self._highs[at]
        filed = self.facts(day)
        releases = [r for r in self.releases if _public(r, day, now)]
        if releases:
            snap.releases[symbol] = releases
            filed, _ = merge(filed, releases)
        if filed:
            snap.facts[symbol] = filed
        lots = [lot for lot in self.lots if lot.date is None or lot.date <= day]
        if lots:
            snap.lots[symbol] = lots
            snap.sells[symbol] = [s for s in self.sells if s.date <= day]
        snap.street_of = _one(symbol, self.street(day))
        snap.kpis_of = _one(symbol, tuple(k for k in self.kpis if k.day <= day))
        snap.lines_of = _one(
            symbol, tuple(s for s in self.lines if s.filed is not None and s.filed <= day)
        )
        for checkpoint, days in self._passages.items():
            seen = bisect.bisect_right(days, day)
            if seen:
                snap.evidence_on[(symbol, checkpoint)] = days[seen - 1]
        return snap

    def _on_todays_basis(self, facts: list[Fact], known: dt.date) -> dict[str, list[Fact]]:
        """Facts derived from the filings up to `known`, their per-share figures put on today's
        share basis: each split after the last of those filings divides a per-share figure and
        multiplies a count of shares."""
        factor = 1.0
        for split in self.splits:
            if split.day > known:
                factor *= split.ratio
        if factor != 1.0:
            facts = [_rebased(f, factor) for f in facts]
        return _grouped(facts)


def _public(release: Release, day: dt.date, close: dt.datetime) -> bool:
    """A release is public from its filing's acceptance (by `day`'s close), else its day."""
    if release.accepted is not None:
        return release.accepted <= close
    return release.filed <= day


def _rebased(fact: Fact, factor: float) -> Fact:
    if fact.unit == "USD/shares":
        return fact._replace(value=fact.value / factor, split_factor=fact.split_factor * factor)
    if fact.unit == "shares":
        return fact._replace(value=fact.value * factor)
    return fact


def _grouped(facts: Any) -> dict[str, list[Fact]]:
    """Facts by concept, each concept's oldest period first."""
    out: dict[str, list[Fact]] = {}
    for f in facts:
        out.setdefault(f.concept, []).append(f)
    for found in out.values():
        found.sort(key=lambda f: (f.period_end, f.period_start or f.period_end))
    return out


def _by_filing(facts: Mapping[str, list[Fact]]) -> list[tuple[dt.date, Fact]]:
    """Stored facts by the day each was filed, oldest first."""
    return sorted(((f.filed, f) for found in facts.values() for f in found), key=lambda p: p[0])


def _year_highs(bars: Sequence[Bar]) -> list[float]:
    """Each day's highest high over the 365 days up to it (a window's maximum, in one pass)."""
    out: list[float] = []
    window: deque[Bar] = deque()
    for bar in bars:
        while window and window[-1].high <= bar.high:
            window.pop()
        window.append(bar)
        while window[0].day <= bar.day - YEAR:
            window.popleft()
        out.append(window[0].high)
    return out


def _street_days(store: Facade, symbol: str) -> list[tuple[dt.date, StoredEstimates]]:
    """Each day the Street's estimates of `symbol` were read, with what was read that day (as
    store/estimates.py assembles a day's rows)."""
    reader = EstimatesStore(store)
    by_day: dict[str, list[tuple[Any, ...]]] = {}
    for row in store.conn.execute(
        f"SELECT symbol, day, {_COLUMNS} FROM estimates WHERE symbol = ? ORDER BY day", [symbol]
    ):
        by_day.setdefault(row[1], []).append(row)
    out = []
    for day, rows in by_day.items():
        found = reader._assemble(rows, " WHERE symbol = ?", [symbol]).get(symbol)
        if found is not None:
            out.append((dt.date.fromisoformat(day), found))
    return out


def _passages(conn: Any, symbol: str) -> dict[str, list[dt.date]]:
    """The days of the documents each checkpoint's passages (not dismissed) were found in."""
    out: dict[str, list[dt.date]] = {}
    for ident, published in conn.execute(
        "SELECT e.checkpoint_id, d.published FROM evidence e JOIN documents d"
        " ON d.id = e.document_id WHERE e.symbol = ? AND e.dismissed_at IS NULL"
        " ORDER BY d.published",
        [symbol],
    ):
        out.setdefault(ident, []).append(dt.date.fromisoformat(published[:10]))
    return out


def _one(symbol: str, found: Any) -> Callable[[str], Any]:
    """A snapshot's reader of one symbol's data: `found` for it, nothing for another."""
    return lambda asked: found if asked == symbol else None
