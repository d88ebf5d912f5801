"""The records a return is computed from (thesis/portfolio/performance.py): each position's lots,
sales,
splits, dividends and closes with the rates of its currency by day, and its benchmark's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..config.model import DEFAULT_BENCHMARK
from ..market.currency import major
from ..market.symbols import listing_currency
from ..thesis.portfolio.performance import Benchmark, Closes, Holding

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping

    from ..market.models import LastQuote
    from ..thesis.portfolio.flows import DayValue
    from .facade import Facade


class _Rates:
    """Base currency per unit of a quoted currency on a day, from the stored FX history (the
    day's rate or the last before it), each asked once."""

    def __init__(self, store: Facade, base: str) -> None:
        self._store, self._base = store, base
        self._seen: dict[tuple[str, dt.date], float | None] = {}

    def of(self, quoted: str | None) -> DayValue:
        """The rates of `quoted` by day; None on every day when the currency is not known (a
        listing abroad before its first quote is read): its amounts are in a currency nobody
        has said, never taken one for one in the base currency."""
        if quoted is None:
            return lambda day: None
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


def _closes(store: Facade, symbol: str) -> Closes:
    history = store.views.price_history(symbol)
    return Closes([day for day, _ in history], [close for _, close in history])


def _quoted(symbol: str, last: LastQuote | None) -> tuple[str | None, float | None]:
    quote = last.quote if last is not None else None
    if quote is not None:
        return quote.currency, quote.price
    return listing_currency(symbol), None


class HoldingsReader:
    """The records of positions' returns, read a position at a time; what positions share is
    read once: the stored quotes (or those given), the tickers' benchmarks, each benchmark's
    closes and dividends, and each FX rate asked. A snapshot keeps one for every excess_return
    it evaluates (store/snapshot.py): a benchmark's daily history, years of closes, is read
    once, not once a position."""

    def __init__(
        self, store: Facade, base: str, quotes: Mapping[str, LastQuote] | None = None
    ) -> None:
        self._store = store
        self._rates = _Rates(store, base)
        self._quotes = quotes
        self._bench_of: dict[str, str] | None = None
        self._benchmarks: dict[str, Benchmark] = {}

    def _quote(self, symbol: str) -> LastQuote | None:
        if self._quotes is None:
            self._quotes = self._store.market.last_quotes()
        return self._quotes.get(symbol)

    def benchmark_of(self, symbol: str) -> str:
        """The symbol `symbol`'s returns are held against (its group's, else the settings')."""
        if self._bench_of is None:
            self._bench_of = self._store.dividends.benchmarks()
        return self._bench_of.get(symbol, DEFAULT_BENCHMARK)

    def holding(self, symbol: str) -> Holding | None:
        """`symbol`'s records (None: it has no lots)."""
        store = self._store
        lots = store.views.lots(symbol)
        if not lots:
            return None
        currency, price = _quoted(symbol, self._quote(symbol))
        rate = self._rates.of(currency)
        divisor = major(currency)[1] if currency else 1.0
        lots = [lot._replace(fx=lot.fx / divisor) if lot.fx else lot for lot in lots]
        splits = sorted(store.views.splits(symbol), key=lambda s: s.day)
        return Holding(
            symbol,
            lots,
            store.views.sells(symbol).get(symbol, []),
            splits,
            store.dividends.of(symbol),
            store.dividends.written(symbol),
            store.dividends.tax(symbol),
            _closes(store, symbol),
            price,
            rate,
            None,
            currency,
        )

    def benchmark(self, symbol: str) -> Benchmark:
        """The benchmark `symbol`'s records, read the first time it is asked for."""
        found = self._benchmarks.get(symbol)
        if found is None:
            currency, price = _quoted(symbol, self._quote(symbol))
            found = self._benchmarks[symbol] = Benchmark(
                symbol,
                _closes(self._store, symbol),
                self._store.dividends.of(symbol),
                self._rates.of(currency),
                price,
            )
        return found


def load_holdings(
    store: Facade, base: str, symbols: Iterable[str] | None = None
) -> tuple[dict[str, Holding], dict[str, Benchmark], dict[str, str]]:
    """The holdings with lots (of `symbols`), the benchmarks they are held against, and each
    holding's benchmark symbol: the Performance screen's, the Position pane's and the
    dividends' read."""
    reader = HoldingsReader(store, base)
    chosen = list(symbols) if symbols is not None else store.views.active_symbols()
    of: dict[str, str] = {}
    out: dict[str, Holding] = {}
    for symbol in chosen:
        found = reader.holding(symbol)
        if found is not None:
            out[symbol], of[symbol] = found, reader.benchmark_of(symbol)
    benchmarks = {symbol: reader.benchmark(symbol) for symbol in sorted(set(of.values()))}
    return out, benchmarks, of
