"""The records a return is computed from (thesis/performance.py): each position's lots, sales,
splits, dividends and closes with the rates of its currency by day, and its benchmark's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..market.fx import major
from ..market.models import LastQuote
from ..market.symbols import listing_currency
from ..thesis.flows import DayValue
from ..thesis.performance import Benchmark, Closes, Holding

if TYPE_CHECKING:
    from . import Store


class _Rates:
    """Base currency per unit of a quoted currency on a day, from the stored FX history (the
    day's rate or the last before it), each asked once."""

    def __init__(self, store: Store, base: str) -> None:
        self._store, self._base = store, base
        self._seen: dict[tuple[str, dt.date], float | None] = {}

    def of(self, quoted: str | None) -> DayValue:
        if quoted is None:
            return lambda day: 1.0
        currency, divisor = major(quoted)
        if currency == self._base:
            return lambda day: 1.0 / divisor

        def on(day: dt.date) -> float | None:
            key = (currency, day)
            if key not in self._seen:
                found = self._store.fx.on(currency, self._base, day)
                self._seen[key] = None if found is None else found.rate / divisor
            return self._seen[key]

        return on


def _closes(store: Store, symbol: str) -> Closes:
    history = store.views.price_history(symbol)
    return Closes([day for day, _ in history], [close for _, close in history])


def _quoted(symbol: str, last: LastQuote | None) -> tuple[str | None, float | None]:
    quote = last.quote if last is not None else None
    if quote is not None:
        return quote.currency, quote.price
    return listing_currency(symbol), None


def load_holdings(
    store: Store, base: str, symbols: Iterable[str] | None = None
) -> tuple[dict[str, Holding], dict[str, Benchmark], dict[str, str]]:
    """The holdings with lots (of `symbols`), the benchmarks they are held against, and each
    holding's benchmark symbol."""
    rates = _Rates(store, base)
    chosen = list(symbols) if symbols is not None else store.views.active_symbols()
    wanted = store.dividends.benchmarks()
    of: dict[str, str] = {}
    out: dict[str, Holding] = {}
    quotes = store.market.last_quotes([*chosen, *set(wanted.values())])
    for symbol in chosen:
        lots = store.views.lots(symbol)
        if not lots:
            continue
        currency, price = _quoted(symbol, quotes.get(symbol))
        rate = rates.of(currency)
        divisor = major(currency)[1] if currency else 1.0
        lots = [lot._replace(fx=lot.fx / divisor) if lot.fx else lot for lot in lots]
        splits = sorted(store.views.splits(symbol), key=lambda s: s.day)
        out[symbol] = Holding(
            symbol, lots, store.views.sells(symbol).get(symbol, []), splits,
            store.dividends.of(symbol), store.dividends.written(symbol),
            store.dividends.tax(symbol), _closes(store, symbol), price, rate, None, currency,
        )  # fmt: skip
        of[symbol] = wanted.get(symbol, "SPY")
    benchmarks: dict[str, Benchmark] = {}
    for symbol in sorted(set(of.values())):
        currency, price = _quoted(symbol, quotes.get(symbol))
        benchmarks[symbol] = Benchmark(
            symbol, _closes(store, symbol), store.dividends.of(symbol), rates.of(currency), price
        )
    return out, benchmarks, of
