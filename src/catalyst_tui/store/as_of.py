"""What was public by a day's close, as a MarketSnapshot evaluation reads (`PointInTime.snapshot`):
a ticker's stored history read once, then each day's snapshot made from the rows dated on or
before it alone. Replay (thesis/replay/) judges each day on it, by the same evaluator as today.

- prices: the day's close is its quote, the highest high of the 365 days up to it the year's
  (store/closes.py);
- SEC's figures: derived from the values filed on or before the day (store/as_filed.py); a
  ticker whose values were never kept as filed reads its stored facts filed by then (a period
  restated later is then unknown before its restatement's filing, never its later value);
- releases from their filing's acceptance (by the close), KPIs by their document's day,
  product lines by their filing's;
- the Street's readings by the day they were read: before the first, none ("not recorded");
- the portfolio as it stood that day (store/portfolio_days.py): every ticker's lots bought and
  sales made by then, its close of the day and the FX rates of the day, what a weight is of;
  passages found in documents published by then; the company's filings read through the day
  (or through the last fetch of them, when that came first).

One thing is taken from after the day: the splits, to put every per-share figure on today's share
basis, the basis the stored prices (restated at each split) and the thresholds you write are on.
A figure of a day is never another day's.

The figures change on a few days (a filing, a release, a reading of the Street, a document, a
lot bought): `epoch(day)` says which of them a day is at, each made once for all its days."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from ..market.sec.as_filed import FiledFacts, filing_days
from ..reading.moments import NEW_YORK
from ..thesis.reported.results import merge, release_first
from ..thesis.snapshot import MarketSnapshot
from .as_filed import AsFiled
from .closes import close_of, read_closes
from .estimates import _COLUMNS, EstimatesStore
from .portfolio_days import PortfolioDays
from .snapshot import filed_facts, read_through

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from ..market.estimates import StoredEstimates
    from ..market.models import Fact, Split
    from ..thesis.kpis.statements import StatedKpi
    from ..thesis.reported.results import Release
    from .facade import Facade

__all__ = ["Known", "PointInTime", "close_of"]


class Known(NamedTuple):
    """Where a ticker's history starts, for what could not be known before: None, never kept."""

    prices: dt.date | None
    filed: dt.date | None  # the first value kept as filed (None: facts by filing day alone)
    facts: dt.date | None  # the first filing of any stored figure
    street: dt.date | None  # the first reading of the Street's estimates
    kpis: dt.date | None  # the first document KPIs were read in


class PointInTime:
    """One ticker's stored history, read once; `snapshot(day)` is what was public by then. The
    portfolio is `book`'s (every position; None: this ticker's alone), its quotes in each
    snapshot where `whole` (a weight reads them)."""

    def __init__(
        self,
        store: Facade,
        symbol: str,
        book: PortfolioDays | None = None,
        *,
        whole: bool = False,
    ) -> None:
        self.symbol = symbol
        self.book = book if book is not None else PortfolioDays(store, "USD", only=symbol)
        self.whole = whole
        conn = store.conn
        self.prices = self.book.closes.get(symbol) or read_closes(store, symbol)
        self.currency = self.prices.currency
        self.splits: list[Split] = store.market.splits(symbol).get(symbol, [])
        filed = AsFiled(store).of(symbol)
        self._filed = FiledFacts(filed)  # oldest filing first, as the door reads them
        self._filings = filing_days(filed)
        self._filing_days = [d for d, _ in self._filings]
        self._stored = [] if filed else _by_filing(filed_facts(conn, symbol).of(symbol))
        self._stored_days = [d for d, _ in self._stored]
        public = sorted(
            ((_public_day(r), r) for r in store.results.of_symbols([symbol]).get(symbol, [])),
            key=lambda p: p[0],
        )
        self._releases = _Dated(public)
        self.kpis: tuple[StatedKpi, ...] = store.kpis.series(symbol)
        self._kpis = _Dated(sorted(((k.day, k) for k in self.kpis), key=lambda p: p[0]))
        lines = [(s.filed, s) for s in store.segments.of(symbol) if s.filed is not None]
        self._lines = _Dated(sorted(lines, key=lambda p: p[0]))
        self._street = _street_days(store, symbol)
        self._street_days = [d for d, _ in self._street]
        self._frozen = [sorted(f.as_of for f in e.frozen) for _, e in self._street]
        self._passages = _passages(conn, symbol)
        self._passage_days = sorted(d for days in self._passages.values() for d in days)
        self._read_at = read_through(conn, symbol).get(symbol)
        facts_first = self._filing_days or self._stored_days
        self.known = Known(
            self.prices.days[0] if self.prices.days else None,
            filed[0].filed if filed else None,
            min(facts_first) if facts_first else None,
            self._street_days[0] if self._street_days else None,
            min((k.day for k in self.kpis), default=None),
        )
        self._cache: dict[tuple[str, object], Any] = {}
        self._last: tuple[tuple[int, ...], MarketSnapshot] | None = None
        # The last epoch asked for, with the days it holds: [first, next change).
        self._epoch: tuple[dt.date, dt.date, tuple[int, ...]] | None = None

    def closes(self) -> list[tuple[dt.date, float]]:
        """Every stored close, oldest first (a day's price and the days after it)."""
        return list(zip(self.prices.days, self.prices.closes, strict=True))

    def trading_days(self, start: dt.date | None, end: dt.date | None) -> list[dt.date]:
        """The days with a stored close from `start` to `end` (both included; None: open), and
        with no `end`, today's as a refresh left it: the day of the newest record after the
        last close (the Street read in the morning, a filing before the open), judged at the
        last close, as `check` judges it."""
        days = self.prices.between(start, end)
        newest = None if end is not None else self.newest()
        if (
            newest is not None
            and (not days or newest > days[-1])
            and (start is None or newest >= start)
        ):
            days.append(newest)
        return days

    def newest(self) -> dt.date | None:
        """The day of the newest record a refresh stored and a snapshot reads (a filing, a
        release, a reading of the Street, KPIs, product lines, a passage); None: none. A lot's
        or a sale's date is the user's word, and may be ahead of today: not a record's."""
        lists = [
            self._filing_days or self._stored_days,
            self._releases.days,
            self._street_days,
            self._kpis.days,
            self._lines.days,
            self._passage_days,
        ]
        return max((days[-1] for days in lists if days), default=None)

    def epoch(self, day: dt.date) -> tuple[int, ...]:
        """Which figures `day` reads: how many filings, releases, readings of the Street (and of
        its frozen consensus), documents of KPIs and of product lines, passages, and days of
        buying or selling came by then. Two days of one epoch read the same figures."""
        held = self._epoch
        if held is not None and held[0] <= day < held[1]:
            return held[2]
        street = bisect.bisect_right(self._street_days, day)
        lists = [
            self._filing_days or self._stored_days,
            self._releases.days,
            self._street_days,
            self._frozen[street - 1] if street else [],
            self._kpis.days,
            self._lines.days,
            self._passage_days,
            self.book.events,
        ]
        counts = [bisect.bisect_right(days, day) for days in lists]
        epoch = tuple(counts)
        # The days it holds: from the last of the changes by `day` to the next one after it.
        since = max((days[n - 1] for days, n in zip(lists, counts, strict=True) if n), default=None)
        until = min(
            (days[n] for days, n in zip(lists, counts, strict=True) if n < len(days)), default=None
        )
        self._epoch = (since or dt.date.min, until or dt.date.max, epoch)
        return epoch

    def facts(self, day: dt.date) -> dict[str, list[Fact]]:
        """The figures as known at `day`'s close."""
        found: dict[str, list[Fact]]
        if self._filing_days:  # derived once a filing day, when a day after it first asks
            at = bisect.bisect_right(self._filing_days, day)
            found = self._made(("facts", at), lambda: self._derived(at, day))
        else:
            at = bisect.bisect_right(self._stored_days, day)
            found = self._made(("stored", at), lambda: _grouped(f for _, f in self._stored[:at]))
        return found

    def street(self, day: dt.date) -> StoredEstimates | None:
        """The Street's last reading on or before `day` (None: none read by then)."""
        at = bisect.bisect_right(self._street_days, day) - 1
        if at < 0:
            return None
        frozen = bisect.bisect_right(self._frozen[at], day)

        def make() -> StoredEstimates:
            estimates = self._street[at][1]
            kept = tuple(f for f in estimates.frozen if f.as_of <= day)
            return estimates._replace(history=(), frozen=kept)

        found: StoredEstimates = self._made(("street", (at, frozen)), make)
        return found

    def snapshot(self, day: dt.date) -> MarketSnapshot:
        """What evaluation reads of this ticker at `day`'s close, from rows dated by then. The
        snapshot of the day before, where its figures are the same (one epoch), moved on to this
        day's close (`MarketSnapshot.next_close`): a snapshot is its day's until the next is
        asked for."""
        epoch = self.epoch(day)
        last = self._last
        if last is not None and last[0] == epoch:
            snap = last[1]
            snap.next_close(close_of(day))
        else:
            snap = self._figures(day)
            self._last = (epoch, snap)
        symbol, book, prices = self.symbol, self.book, self.prices
        at = prices.at(day)
        # the day's close, or on a day without one (today before the close) the last before it
        own = prices.quote(at) if at >= 0 else None
        snap.rates = book.rates(day)
        if self.whole:  # the portfolio of the day, and the quotes of the positions it left out
            held = book.day(day)
            snap.quotes = dict(held.unvalued)
            snap.portfolio_of = lambda: held.values
        if own is not None:
            snap.quotes[symbol] = own
            snap.history_high[symbol] = prices.highs[at]
        else:  # no close by then: no quote
            snap.quotes.pop(symbol, None)
            snap.history_high.pop(symbol, None)
        if self._read_at is not None:
            snap.read_through[symbol] = min(day, self._read_at)
        return snap

    def _figures(self, day: dt.date) -> MarketSnapshot:
        """A snapshot of the figures public by `day`'s close: all but its close's."""
        symbol, book = self.symbol, self.book
        snap = MarketSnapshot(now=close_of(day), base=book.base)
        released = self._releases.by(day)
        facts, first = self._merged(day, released)
        if released:
            snap.releases[symbol] = released
        if facts:
            snap.facts[symbol] = facts
        if first is not None:
            snap.release_first[symbol] = first
        held = book.held(day)
        snap.lots, snap.sells, snap.splits = held.lots, held.sells, book.splits
        if self.splits:
            snap.splits = {**book.splits, symbol: self.splits}
        snap.street_of = _one(symbol, self.street(day))
        snap.kpis_of = _one(symbol, self._kpis.by(day))
        snap.lines_of = _one(symbol, self._lines.by(day))
        for checkpoint, days in self._passages.items():
            seen = bisect.bisect_right(days, day)
            if seen:
                snap.evidence_on[(symbol, checkpoint)] = days[seen - 1]
        return snap

    def _merged(
        self, day: dt.date, released: list[Release]
    ) -> tuple[dict[str, list[Fact]], dict[str, list[Fact]] | None]:
        """The figures of `day` with the quarters of the releases public by then that XBRL has
        not caught up with, and the figures on the releases' alone where XBRL says otherwise
        (as a refresh's snapshot merges them: store/snapshot.py)."""
        filed = self.facts(day)
        if not released:
            return filed, None

        def make() -> tuple[dict[str, list[Fact]], dict[str, list[Fact]] | None]:
            merged, differs = merge(filed, released)
            return merged, release_first(filed, released) if differs else None

        key = (bisect.bisect_right(self._filing_days or self._stored_days, day), len(released))
        found: tuple[dict[str, list[Fact]], dict[str, list[Fact]] | None]
        found = self._made(("merged", key), make)
        return found

    def _made(self, key: tuple[str, object], make: Callable[[], Any]) -> Any:
        """What `make` gives, made once for `key` (a figure of an epoch: every day of it)."""
        found = self._cache.get(key, _UNSET)
        if found is _UNSET:
            found = self._cache[key] = make()
        return found

    def _derived(self, at: int, day: dt.date) -> dict[str, list[Fact]]:
        """Facts derived from the filings up to the `at`th filing day, their per-share figures
        put on today's share basis: each split after the last of those filings divides a
        per-share figure and multiplies a count of shares."""
        known, upto = self._filings[at - 1] if at else (day, 0)
        facts = self._filed.known_by(upto) if upto else []
        factor = 1.0
        for split in self.splits:
            if split.day > known:
                factor *= split.ratio
        if factor != 1.0:
            facts = [_rebased(f, factor) for f in facts]
        return _grouped(facts)


_UNSET = object()


class _Dated:
    """Records by the day they became known, oldest first: those of a day, made once for every
    day until the next one."""

    def __init__(self, dated: list[tuple[dt.date, Any]]) -> None:
        self.days = [d for d, _ in dated]
        self._records = [r for _, r in dated]
        self._made: dict[int, Any] = {}

    def count(self, day: dt.date) -> int:
        return bisect.bisect_right(self.days, day)

    def by(self, day: dt.date) -> Any:
        """The records known by `day` (a list; one object for every day of a count)."""
        at = self.count(day)
        found = self._made.get(at)
        if found is None:
            found = self._made[at] = self._records[:at]
        return found


def _public_day(release: Release) -> dt.date:
    """The first day by whose close a release is public: its filing's acceptance (the next day
    when accepted after the close), else its filing day."""
    if release.accepted is None:
        return release.filed
    day = release.accepted.astimezone(NEW_YORK).date()
    return day if release.accepted <= close_of(day) else day + dt.timedelta(days=1)


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
