"""The returns `catalyst performance`, the Position pane and the guards read: each position's,
each group's and the portfolio's, over its life, this year and the last 365 days, in the base
currency, against its benchmark. Composed from the store's records; the arithmetic is
thesis/performance.py's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from ..market.fx import major
from ..market.models import LastQuote
from ..market.symbols import listing_currency
from ..store import Store
from ..thesis.flows import DayValue
from ..thesis.performance import Benchmark, Closes, Holding, Outcome, Span, outcome, time_weighted
from ..thesis.returns import Rate

PORTFOLIO = "portfolio"
SPANS = (Span.LIFE, Span.YTD, Span.YEAR)


class Returns(NamedTuple):
    """One line of the report: a ticker's, a group's or the portfolio's (`kind`), its benchmark
    (several groups' say "mixed"), and its outcome over each span."""

    kind: str  # "ticker", "group", "portfolio"
    name: str
    benchmark: str
    spans: dict[Span, Outcome]
    time_weighted: dict[Span, Rate] | None = None  # the portfolio's


class PerformanceReport(NamedTuple):
    base: str
    today: dt.date
    tickers: list[Returns]
    groups: list[Returns]
    portfolio: Returns | None


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


def holdings(
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
            store.dividends.tax(symbol), _closes(store, symbol), price, rate, None,
        )  # fmt: skip
        of[symbol] = wanted.get(symbol, "SPY")
    benchmarks: dict[str, Benchmark] = {}
    for symbol in sorted(set(of.values())):
        currency, price = _quoted(symbol, quotes.get(symbol))
        benchmarks[symbol] = Benchmark(
            symbol, _closes(store, symbol), store.dividends.of(symbol), rates.of(currency), price
        )
    return out, benchmarks, of


def load_performance(store: Store, base: str, today: dt.date) -> PerformanceReport:
    """Every position's returns, each group's and the portfolio's."""
    held, benchmarks, bench_of = holdings(store, base)
    groups: dict[str, list[str]] = {}
    for symbol in held:
        ticker = store.views.ticker(symbol)
        groups.setdefault(ticker.group if ticker else "", []).append(symbol)

    def line(kind: str, name: str, symbols: list[str]) -> Returns:
        pairs = [(held[s], benchmarks[bench_of[s]]) for s in symbols]
        names = sorted({bench_of[s] for s in symbols})
        spans = {span: outcome(pairs, span, today) for span in SPANS}
        weighted = None
        if kind == PORTFOLIO:
            weighted = {span: time_weighted([held[s] for s in symbols], span, today)
                        for span in SPANS}  # fmt: skip
        return Returns(kind, name, names[0] if len(names) == 1 else "mixed", spans, weighted)

    tickers = [line("ticker", s, [s]) for s in held]
    group_lines = [line("group", g, members) for g, members in groups.items()]
    portfolio = line(PORTFOLIO, PORTFOLIO, list(held)) if held else None
    return PerformanceReport(base, today, tickers, group_lines, portfolio)


def ticker_returns(store: Store, symbol: str, base: str, today: dt.date) -> Returns | None:
    """One position's returns (the Position pane's), None without lots."""
    held, benchmarks, bench_of = holdings(store, base, [symbol])
    if symbol not in held:
        return None
    pair = [(held[symbol], benchmarks[bench_of[symbol]])]
    spans = {span: outcome(pair, span, today) for span in SPANS}
    return Returns("ticker", symbol, bench_of[symbol], spans)
