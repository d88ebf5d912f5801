"""Every position as it stood on a day, for replay (store/as_of.py): the lots and sales of every
ticker held (the active tickers', as a refresh's snapshot reads them) dated by then, each one's
last close by then as its quote, and the FX rates of the day (the last stored on or before it).
A weight judged on a replayed day is its share of that portfolio, as today's is of today's: the
same `MarketSnapshot.portfolio()`, computed once a day for every ticker that asks."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ..market.bounds import MAX_RATE, MIN_RATE
from ..thesis.portfolio.positions import Lot, Sell
from ..thesis.snapshot import MarketSnapshot
from .closes import close_of, read_closes
from .columns import day as day_of

if TYPE_CHECKING:
    from ..market.models import LastQuote, Split
    from .closes import Closes
    from .facade import Facade

#: The portfolio as MarketSnapshot.portfolio() gives it: values by symbol, the unpriced, total.
Values = tuple[dict[str, float], list[str], float]


class Held(NamedTuple):
    """What was held on a day: the lots and sales dated by then of every ticker with lots."""

    lots: dict[str, list[Lot]]
    sells: dict[str, list[Sell]]


class Day(NamedTuple):
    """The portfolio at a day's close: its values as MarketSnapshot.portfolio() counts them, and
    the quotes of the positions it could not value (a weight says which had no price, which no
    rate)."""

    values: Values
    unvalued: dict[str, LastQuote]


class PortfolioDays:
    """Every position's history, read once; `held(day)`, `rates(day)` and `day(day)` are the
    portfolio as it stood at that day's close (each day's made once, for every ticker that asks:
    a ticker's replay runs through its days before the next one's)."""

    def __init__(self, store: Facade, base: str, only: str | None = None) -> None:
        """Every active ticker's positions (`only`'s alone when given)."""
        self.base = base
        one, args = ("", []) if only is None else (" AND l.symbol = ?", [only])
        lots: dict[str, list[Lot]] = {}
        for sym, shares, cost, when, note, fx, fees in store.conn.execute(
            "SELECT l.symbol, l.shares, l.cost, l.date, l.note, l.fx, l.fees FROM lots l"
            " JOIN tickers t ON t.symbol = l.symbol WHERE t.archived = 0"
            + one
            + " ORDER BY l.symbol, l.seq",
            args,
        ):
            lots.setdefault(sym, []).append(Lot(shares, cost, day_of(when), note, fx, fees))
        self._lots = lots
        self._sells = {s: found for s, found in store.views.sells().items() if s in lots}
        self.splits: dict[str, list[Split]] = store.market.splits()
        self.closes: dict[str, Closes] = {symbol: read_closes(store, symbol) for symbol in lots}
        stored = store.conn.execute("SELECT DISTINCT currency FROM fx_rates WHERE base = ?", [base])
        self._rates = {m: _rates(store, m, base) for (m,) in stored if m != base}
        self._rated: dict[dt.date, dict[str, float]] = {}
        # The days what is held changes: a lot bought, a sale made.
        events = {lot.date for found in lots.values() for lot in found if lot.date is not None}
        events |= {sell.date for found in self._sells.values() for sell in found}
        self.events = sorted(events)
        self._held: dict[int, Held] = {}
        self._days: dict[dt.date, Day] = {}

    def epoch(self, day: dt.date) -> int:
        """How many days of buying or selling came by `day` (what is held changes with it)."""
        return bisect.bisect_right(self.events, day)

    def held(self, day: dt.date) -> Held:
        """The lots (undated ones always) and sales dated by `day`, of each symbol held by then;
        one record for every day between two changes."""
        at = self.epoch(day)
        found = self._held.get(at)
        if found is None:
            lots = {
                s: kept
                for s, every in self._lots.items()
                if (kept := [lot for lot in every if lot.date is None or lot.date <= day])
            }
            sells = {s: [x for x in self._sells.get(s, ()) if x.date <= day] for s in lots}
            found = self._held[at] = Held(lots, sells)
        return found

    def rates(self, day: dt.date) -> dict[str, float]:
        """Base currency per unit of each currency stored, the day's rate or the last before
        (one dict for the day every ticker asks of)."""
        found = self._rated.get(day)
        if found is None:
            found = self._rated[day] = {}
            for currency, (days, rates) in self._rates.items():
                at = bisect.bisect_right(days, day) - 1
                if at >= 0:
                    found[currency] = rates[at]
        return found

    def day(self, day: dt.date) -> Day:
        """The portfolio at `day`'s close: every position held then at its last close by then
        (none before its first) and the day's rates, as MarketSnapshot.portfolio() values it."""
        found = self._days.get(day)
        if found is not None:
            return found
        held = self.held(day)
        quotes = {}
        for symbol in held.lots:
            closes = self.closes[symbol]
            at = closes.at(day)
            if at >= 0:
                quotes[symbol] = closes.quote(at)
        values = MarketSnapshot(
            now=close_of(day),
            quotes=quotes,
            lots=held.lots,
            sells=held.sells,
            splits=self.splits,
            base=self.base,
            rates=self.rates(day),
        ).portfolio()
        unvalued = {s: quotes[s] for s in values[1] if s in quotes}
        found = self._days[day] = Day(values, unvalued)
        return found


def _rates(store: Facade, currency: str, base: str) -> tuple[list[dt.date], list[float]]:
    """A currency's stored rates in `base` by day, those in range alone (store/fx.py)."""
    days, rates = [], []
    for r in store.fx.history(currency, base):
        if MIN_RATE <= r.rate <= MAX_RATE:
            days.append(r.day)
            rates.append(r.rate)
    return days, rates
