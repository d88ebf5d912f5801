"""The returns `catalyst performance`, the Position pane and the guards read: each position's,
each group's and the portfolio's, over its life, this year and the last 365 days, in the base
currency, against its benchmark. Composed from the store's records; the arithmetic is
thesis/portfolio/performance.py's."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from ..market.currency import round_money
from ..market.symbols import listing_currency
from ..store.holdings import load_holdings
from ..thesis.portfolio.flows import received
from ..thesis.portfolio.performance import Holding, Outcome, Span, outcome, time_weighted
from ..thesis.portfolio.returns import Rate, basis_text
from .money import rate_on

if TYPE_CHECKING:
    import datetime as dt

    from ..market.models import LastQuote
    from ..store import Store
    from ..thesis.portfolio.flows import ManualDividend

PORTFOLIO = "portfolio"
RETURN_SPANS = (Span.LIFE, Span.YTD, Span.YEAR)


class Returns(NamedTuple):
    """One line of the report: a ticker's, a group's or the portfolio's (`kind`), its benchmark
    (several groups' say "mixed"), and its outcome over each span."""

    kind: str  # "ticker", "group", "portfolio"
    name: str
    benchmark: str
    spans: dict[Span, Outcome]
    time_weighted: dict[Span, Rate] | None = None  # the portfolio's
    members: tuple[str, ...] = ()  # the tickers of a group's or the portfolio's line


class PerformanceReport(NamedTuple):
    base: str
    today: dt.date
    tickers: list[Returns]
    groups: list[Returns]
    portfolio: Returns | None


def load_performance(store: Store, base: str, today: dt.date) -> PerformanceReport:
    """Every position's returns, each group's and the portfolio's."""
    held, benchmarks, bench_of = load_holdings(store, base)
    groups: dict[str, list[str]] = {}
    for symbol in held:
        ticker = store.views.ticker(symbol)
        groups.setdefault(ticker.group if ticker else "", []).append(symbol)

    def line(kind: str, name: str, symbols: list[str]) -> Returns:
        pairs = [(held[s], benchmarks[bench_of[s]]) for s in symbols]
        names = sorted({bench_of[s] for s in symbols})
        spans = {span: outcome(pairs, span, today) for span in RETURN_SPANS}
        weighted = None
        if kind == PORTFOLIO:
            weighted = {
                span: time_weighted([held[s] for s in symbols], span, today)
                for span in RETURN_SPANS
            }
        benchmark = names[0] if len(names) == 1 else "mixed"
        return Returns(kind, name, benchmark, spans, weighted, tuple(symbols))

    tickers = [_booked(line("ticker", s, [s]), base) for s in held]
    by_name = {t.name: t for t in tickers}
    group_lines = [_footed(line("group", g, members), by_name) for g, members in groups.items()]
    portfolio = _footed(line(PORTFOLIO, PORTFOLIO, list(held)), by_name) if held else None
    return PerformanceReport(base, today, tickers, group_lines, portfolio)


def span_basis(lines: list[Returns], span: Span) -> str:
    """What the money-weighted figures of `lines` over `span` are, for a heading: 'a year'
    (every one's flows a year or more), 'on the money put in' (every one's shorter), else
    both, said so."""
    kinds = {r.spans[span].rate.basis for r in lines if r.spans[span].rate.value is not None}
    if len(kinds) == 1:
        return basis_text(kinds.pop())
    return "a year, or on the money put in where shorter than a year"


def _booked(line: Returns, base: str) -> Returns:
    """A position's dividends and fees to the cent, as shown."""
    spans = {
        span: o._replace(dividends=round_money(o.dividends, base), fees=round_money(o.fees, base))
        for span, o in line.spans.items()
    }
    return line._replace(spans=spans)


def _footed(line: Returns, tickers: dict[str, Returns]) -> Returns:
    """A group's or the portfolio's dividends and fees: the sums of its positions' as shown,
    so the column adds up (docs/tui.md, Rounding)."""
    spans = {}
    for span, o in line.spans.items():
        parts = [tickers[s].spans[span] for s in line.members if s in tickers]
        spans[span] = o._replace(
            dividends=None if o.dividends is None else sum(p.dividends or 0.0 for p in parts),
            fees=None if o.fees is None else sum(p.fees or 0.0 for p in parts),
        )
    return line._replace(spans=spans)


def ticker_returns(store: Store, symbol: str, base: str, today: dt.date) -> Returns | None:
    """One position's returns (the Position pane's), None without lots."""
    held, benchmarks, bench_of = load_holdings(store, base, [symbol])
    if symbol not in held:
        return None
    pair = [(held[symbol], benchmarks[bench_of[symbol]])]
    spans = {span: outcome(pair, span, today) for span in RETURN_SPANS}
    return Returns("ticker", symbol, bench_of[symbol], spans)


class DividendRow(NamedTuple):
    """One dividend a position received (`catalyst export dividends`): the shares held on its
    ex-date, the amount per share, before and after the tax withheld, in the listing's unit, and
    what was received in the base currency at the rate of its day (as returns count it). A
    provider's dividend has its ex-date and no pay date (Yahoo's chart events give the ex-date
    only). An entry of the file states the day it was received: its pay date, the ex-date empty;
    what was received and, where the statement says, the tax withheld (gross = received + tax,
    to the amounts' own decimals): its per-share amount is None, and its gross and tax too when
    the tax is not stated in the listing's unit. An entry of a ticker with no lots (its shares
    bought before the export) is kept and shown, its shares None: `held` False."""

    symbol: str
    ex_date: dt.date | None
    pay_date: dt.date | None
    shares: float | None
    per_share: float | None
    currency: str | None
    gross: float | None
    tax: float | None
    net: float
    rate: float | None  # base currency per listing unit on its day; None: no rate stored
    net_base: float | None
    source: str  # "provider" or "file"
    held: bool = True  # False: a file's entry of a ticker with no lots


def dividend_rows(store: Store, base: str, symbol: str | None = None) -> list[DividendRow]:
    """Every dividend received by the positions with lots (of `symbol`), by ticker and ex-date,
    then the file's entries of the tickers with none (kept, never dropped)."""
    held, _benchmarks, _names = load_holdings(store, base, None if symbol is None else [symbol])
    rows = [row for h in held.values() for row in _received_rows(h)]
    chosen = [symbol] if symbol is not None else store.views.active_symbols()
    quotes: dict[str, LastQuote] | None = None  # read once, when a ticker without lots has any
    for other in chosen:
        written = [] if other in held else store.dividends.written(other)
        if written:
            quotes = store.market.last_quotes() if quotes is None else quotes
            rows.extend(_unheld_rows(store, base, other, written, quotes.get(other)))
    return rows


def _unheld_rows(
    store: Store,
    base: str,
    symbol: str,
    written: list[ManualDividend],
    last: LastQuote | None,
) -> list[DividendRow]:
    """The file's dividends of a ticker without lots: what was received, as written, at the
    rate of its day; the shares held not known."""
    quote = last.quote if last is not None else None
    currency = quote.currency if quote is not None else listing_currency(symbol)
    rows = []
    for m in written:
        stated = None if m.tax is None or m.tax_currency else m.tax
        unit = rate_on(store, currency, base, m.date)
        rows.append(
            DividendRow(
                symbol,
                m.ex_date,
                m.date,
                None,
                None,
                currency,
                None if stated is None else _sum(m.amount, stated),
                stated,
                m.amount,
                unit,
                None if unit is None else m.amount * unit,
                "file",
                held=False,
            )
        )
    return rows


def _sum(a: float, b: float) -> float:
    """`a + b` as the two are written (their shortest decimals): 134.1 + 3.13 is 137.23, never
    137.23000000000002."""
    return float(Decimal(repr(a)) + Decimal(repr(b)))


def _received_rows(h: Holding) -> list[DividendRow]:
    rows = []
    for r in received(h.lots, h.sells, h.splits, h.dividends, h.tax, h.written):
        unit = h.rate(r.day)
        if r.manual:  # what the file states: no per-share amount, a gross only with its tax
            per_share, gross, tax = None, None if r.tax is None else _sum(r.net, r.tax), r.tax
            ex_date, pay_date = r.ex_date, r.day
        else:
            per_share, gross, tax = r.per_share, r.gross, r.gross - r.net
            ex_date, pay_date = r.day, None
        rows.append(
            DividendRow(
                h.symbol,
                ex_date,
                pay_date,
                r.shares,
                per_share,
                h.currency,
                gross,
                tax,
                r.net,
                unit,
                None if unit is None else r.net * unit,
                "file" if r.manual else "provider",
            )
        )
    return rows


def dividends_received(store: Store, base: str) -> dict[str, float | None]:
    """What each position's dividends brought over its life, after the tax withheld, in the
    base currency at the rate of each ex-date (None where a rate is missing)."""
    held, _benchmarks, _names = load_holdings(store, base)
    out: dict[str, float | None] = {}
    for symbol, h in held.items():
        amounts = [row.net_base for row in _received_rows(h)]
        out[symbol] = None if None in amounts else sum((a for a in amounts if a is not None), 0.0)
    return out
