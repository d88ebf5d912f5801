"""The MarketSnapshot evaluation reads: quotes, highs, fundamentals (with the quarters of earnings
releases XBRL has not caught up with), releases, lots, sales, splits and FX rates as the store
loaded them, with the memos the metrics fill (thesis/metrics.py). The Street's estimates and a
position's return against its benchmark, product lines and KPIs read from words are read from the
store a symbol at a time, when a metric first asks for them (`street`, `returns_of`, `lines`,
`kpis`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..market.currency import unit_rate
from ..market.models import Fact, LastQuote, Split
from .catalogue import METRICS
from .metric_row import OF_THE_DAY
from .observation import Observation, Period
from .portfolio.positions import Lot, Position, Sell, fifo

if TYPE_CHECKING:
    from ..market.estimates import StoredEstimates
    from .kpis.statements import StatedKpi
    from .lines.split import LineSplit
    from .portfolio.performance import Outcome
    from .reported.results import Release


@dataclass
class MarketSnapshot:
    """What evaluation reads: loaded once per evaluation by the store, never changed after."""

    now: dt.datetime
    quotes: dict[str, LastQuote] = field(default_factory=dict)
    history_high: dict[str, float] = field(default_factory=dict)  # max high over the last year
    # A symbol's highest high of the last year, read when a metric first asks (`year_high`) of
    # a symbol `history_high` lacks: an evaluation whose conditions name no drawdown reads none.
    high_of: Callable[[str], float | None] | None = None
    facts: dict[str, dict[str, list[Fact]]] = field(default_factory=dict)  # sorted by end
    lots: dict[str, list[Lot]] = field(default_factory=dict)
    splits: dict[str, list[Split]] = field(default_factory=dict)  # by day
    sec_configured: bool = True
    # Why a symbol has no fundamentals where SEC is set up: whether SEC's ticker map knows it
    # (None: the map is not fetched yet), and until when SEC is paused after a refusal.
    at_sec: Callable[[str], bool | None] | None = None
    sec_paused_until: dt.datetime | None = None
    sec_failed_at: dt.datetime | None = None  # SEC's last try failed (not since answered)
    sells: dict[str, list[Sell]] = field(default_factory=dict)
    base: str = "USD"  # the base currency: a weight is of values in it
    rates: dict[str, float] = field(default_factory=dict)  # currency -> base per unit
    releases: dict[str, list[Release]] = field(default_factory=dict)  # by period end
    # A symbol's Street estimates, read when a metric first asks (`street`): an evaluation
    # whose conditions name no Street metric reads none.
    street_of: Callable[[str], StoredEstimates | None] | None = None
    # The facts of the symbols whose XBRL says otherwise than a release, with the releases'
    # figures in place of XBRL's (thesis/results.release_first): Observation.released.
    release_first: dict[str, dict[str, list[Fact]]] = field(default_factory=dict)
    # A position's benchmark and its return against it over its life, read from the store when
    # a condition asks (excess_return): the daily histories are not loaded otherwise.
    returns_of: Callable[[str], tuple[str, Outcome] | None] | None = None
    # A symbol's stored product-line splits, oldest first, read when a line metric first asks.
    lines_of: Callable[[str], tuple[LineSplit, ...]] | None = None
    # A symbol's KPIs read from words, oldest document first, read when a KPI metric first asks.
    kpis_of: Callable[[str], tuple[StatedKpi, ...]] | None = None
    # What settles a milestone past its due date (thesis/awaiting.py): each symbol's next
    # earnings date from the calendar, and the day of the latest passage not dismissed of each
    # (symbol, checkpoint).
    expected: dict[str, dt.date] = field(default_factory=dict)
    # The day through which each symbol's filings were read: its last fetch of SEC's filings or
    # figures that answered (none: never read; a milestone is then unjudged, thesis/awaiting.py).
    read_through: dict[str, dt.date] = field(default_factory=dict)
    evidence_on: dict[tuple[str, str], dt.date] = field(default_factory=dict)
    # metric -> symbol, or (symbol, period_end) when pinned -> Observation
    _observed: dict[str, dict[object, Observation]] = field(
        default_factory=dict, init=False, repr=False
    )
    # (symbol, pin) -> the revenue quarter (index, fact, period) that revenue_q, both margins
    # and growth read
    _revenue: dict[tuple[str, dt.date | None], RevenueQuarter | None] = field(
        default_factory=dict, init=False, repr=False
    )
    # The portfolio's values where another snapshot of the same day holds them, read when a
    # weight first asks (replay: every position as it stood that day, store/portfolio_days.py);
    # None: counted from this snapshot's lots, quotes and rates.
    portfolio_of: Callable[[], tuple[dict[str, float], list[str], float]] | None = None
    _portfolio: tuple[dict[str, float], list[str], float] | None = field(
        default=None, init=False, repr=False
    )
    _positions: dict[str, Position] = field(default_factory=dict, init=False, repr=False)
    _release_view: MarketSnapshot | None = field(default=None, init=False, repr=False)
    _street: dict[str, StoredEstimates | None] = field(default_factory=dict, init=False, repr=False)
    _lines: dict[str, tuple[LineSplit, ...]] = field(default_factory=dict, init=False, repr=False)
    _kpis: dict[str, tuple[StatedKpi, ...]] = field(default_factory=dict, init=False, repr=False)
    _highs_read: set[str] = field(default_factory=set, init=False, repr=False)

    def observation(
        self, metric: str, symbol: str, pin: dt.date | None, make: Observer, line: str = ""
    ) -> Observation:
        """The metric's value for the symbol (pinned to a period end or not), made by `make`
        the first time it is asked for on this snapshot: checkpoints of one ticker often share a
        metric (thesis/metrics.observe)."""
        memo = self._observed.get(metric)
        if memo is None:
            memo = self._observed[metric] = {}
        key = (symbol, line) if line else symbol if pin is None else (symbol, pin)
        found = memo.get(key)
        if found is None:
            found = memo[key] = make(metric, symbol, self, pin, line)
        return found

    def next_close(self, now: dt.datetime) -> None:
        """This snapshot at a later close of the same figures (replay's next day of one epoch,
        store/as_of.py): what it worked out of them kept (the metrics of the filings, releases,
        product lines and words, its revenue quarters, its positions, its view on the releases
        alone, the Street's, lines and KPIs it read), the metrics of the day's close (OF_THE_DAY)
        and the portfolio forgotten, to be worked out again from the close the caller sets."""
        self.now = now
        observed = self._observed
        for metric in [m for m in observed if m in _OF_THE_DAY]:
            del observed[metric]
        self._portfolio = None
        self._highs_read.clear()

    def year_high(self, symbol: str) -> float | None:
        """`symbol`'s highest high of the last year as stored: `history_high`'s, else read by
        `high_of` once per snapshot."""
        unread = symbol not in self.history_high and symbol not in self._highs_read
        if unread and self.high_of is not None:
            self._highs_read.add(symbol)
            found = self.high_of(symbol)
            if found is not None:
                self.history_high[symbol] = found
        return self.history_high.get(symbol)

    def lines(self, symbol: str) -> tuple[LineSplit, ...]:
        """`symbol`'s stored product-line splits, oldest first, read once per snapshot."""
        if self.lines_of is None:
            return ()
        if symbol not in self._lines:
            self._lines[symbol] = self.lines_of(symbol)
        return self._lines[symbol]

    def kpis(self, symbol: str) -> tuple[StatedKpi, ...]:
        """`symbol`'s stored KPIs read from words, oldest document first, read once per
        snapshot."""
        if self.kpis_of is None:
            return ()
        if symbol not in self._kpis:
            self._kpis[symbol] = self.kpis_of(symbol)
        return self._kpis[symbol]

    def revenue_quarter(
        self, symbol: str, pin: dt.date | None, find: RevenueFinder
    ) -> RevenueQuarter | None:
        """The revenue quarter the symbol's revenue_q, margins and growth read (pinned or
        not), found by `find` once per snapshot (thesis/reported/fundamentals.py)."""
        key = (symbol, pin)
        if key in self._revenue:
            return self._revenue[key]
        found = self._revenue[key] = find(symbol, self, pin)
        return found

    def release_view(self) -> MarketSnapshot:
        """This snapshot on the releases' figures alone (`release_first`), made once."""
        if self._release_view is None:
            self._release_view = MarketSnapshot(
                now=self.now,
                facts=self.release_first,
                splits=self.splits,
                sec_configured=self.sec_configured,
                releases=self.releases,
                street_of=self.street,
                at_sec=self.at_sec,
                sec_paused_until=self.sec_paused_until,
                sec_failed_at=self.sec_failed_at,
            )
        return self._release_view

    def street(self, symbol: str) -> StoredEstimates | None:
        """The Street's estimates of `symbol` (None: none stored), read by `street_of` the
        first time any metric asks, once per snapshot."""
        if self.street_of is None:
            return None
        if symbol not in self._street:
            self._street[symbol] = self.street_of(symbol)
        return self._street[symbol]

    def portfolio(self) -> tuple[dict[str, float], list[str], float]:
        """Position values by symbol in the base currency (what is held after the sales), the
        symbols held with no price or no FX rate, and the total of the others: computed once,
        the same for every position."""
        if self._portfolio is None and self.portfolio_of is not None:
            self._portfolio = self.portfolio_of()
        if self._portfolio is None:
            values: dict[str, float] = {}
            unpriced: list[str] = []
            for symbol, lots in self.lots.items():
                if not lots:
                    continue
                shares = self.held(symbol)
                if shares <= 0:
                    continue
                last = self.quotes.get(symbol)
                price = price_of(last)
                rate = None
                if price is not None and last is not None and last.quote is not None:
                    rate = unit_rate(last.quote.currency, self.base, self.rates)
                if price is None or rate is None:
                    unpriced.append(symbol)
                else:
                    values[symbol] = price * shares * rate
            self._portfolio = (values, unpriced, sum(values.values()))
        return self._portfolio

    def held(self, symbol: str) -> float:
        """The shares of `symbol` still held after its sales (today's basis)."""
        return self.position(symbol).shares

    def position(self, symbol: str) -> Position:
        """The symbol's lots less its sales, computed once per snapshot."""
        found = self._positions.get(symbol)
        if found is None:
            found = self._positions[symbol] = fifo(
                self.lots.get(symbol, []), self.sells.get(symbol, []), self.splits.get(symbol, ())
            )
        return found


#: The metrics of a day's close (OF_THE_DAY's sources).
_OF_THE_DAY = frozenset(m.name for m in METRICS.values() if m.source in OF_THE_DAY)
#: The index in the symbol's revenue_q facts, the fact and the period it is of.
RevenueQuarter = tuple[int, Fact, Period]
#: What makes an observation: a metric's value for a symbol, pinned or not (thesis/metrics.py).
Observer = Callable[[str, str, MarketSnapshot, dt.date | None, str], Observation]
RevenueFinder = Callable[[str, MarketSnapshot, dt.date | None], RevenueQuarter | None]


def price_of(last: LastQuote | None) -> float | None:
    """The price of a stored quote; None when there is none."""
    return None if last is None or last.quote is None else last.quote.price
