"""The ticker page as the screen reads it: the watchlist row, the lots on today's share basis, the
fundamentals, the checkpoints in due order, the price history, the splits, the evidence, the sales,
the earnings releases, the Street's estimates, the KPIs read from words and the thesis's verdict;
each amount with its currency, a lot's in the listing's unit and the base currency
(views/money.py). Plain data, no textual and no SQL."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ..market.currency import major
from ..thesis.catalogue import on_the_ticker_page
from ..thesis.metrics import Observation, observe
from ..thesis.portfolio.positions import AdjustedLot, Sell, adjusted, held_of_each
from .estimates import StreetRow, load_estimates
from .kpis import KpisView, load_kpis
from .lines import LinesView, load_lines
from .money import LotMoney, listing_rate, lot_money
from .performance import Returns, ticker_returns
from .results import ResultRow, result_rows
from .review import TickerReview, ticker_review
from .timeline import ChartMark, chart_marks
from .watchlist import Watchlist, WatchRow, load_watchlist

if TYPE_CHECKING:
    from ..market.models import Split
    from ..store import Store
    from ..store.records import CheckpointRecord, EvidenceRecord, TickerRecord

__all__ = ["Figure", "TickerDetail", "flagged_first", "in_due_order", "load_ticker"]


class Figure(NamedTuple):
    """One fundamentals line: the metric and what was observed of it."""

    metric: str
    label: str
    observed: Observation
    currency: str = ""  # of an amount ("USD", "GBp"); "" for a ratio, a count, or not known


class TickerDetail(NamedTuple):
    """Everything the ticker page shows of one symbol."""

    ticker: TickerRecord
    row: WatchRow | None
    lots: list[AdjustedLot]  # on today's share basis, after the splits
    fundamentals: list[Figure]
    checkpoints: list[CheckpointRecord]
    history: list[tuple[dt.date, float]]
    splits: list[Split]  # newest first
    evidence: list[EvidenceRecord]  # passages not dismissed, newest document first
    sells: tuple[Sell, ...] = ()  # file order
    results: tuple[ResultRow, ...] = ()  # its earnings releases, newest first
    held: tuple[float, ...] = ()  # the shares each lot still holds after the sales (today's basis)
    base: str = "USD"  # the portfolio's currency
    unit: str | None = None  # the listing's (GBp); None: not known until a quote says it
    lot_money: tuple[LotMoney, ...] = ()  # each lot's figures, as `lots`
    returns: Returns | None = None  # its returns against its benchmark (None without lots)
    street: StreetRow | None = None  # the Street's view: consensus, trend, releases against it
    lines: LinesView | None = None  # revenue by product line, from the newest filing stating it
    review: TickerReview | None = None  # the thesis's verdict and its reasons
    marks: tuple[ChartMark, ...] = ()  # the timeline's events over the history, oldest first
    kpis: KpisView | None = None  # the KPIs read from words, in series

    @property
    def in_base(self) -> bool:
        """The listing's unit is the base currency: one set of figures says it all."""
        return self.unit == self.base

    @property
    def money_unit(self) -> str | None:
        """The currency its amounts of money are in: GBP for a listing quoted in GBp."""
        return major(self.unit)[0] if self.unit else None

    @property
    def money_in_base(self) -> bool:
        """Its amounts of money are in the base currency (a GBp listing in a GBP portfolio)."""
        return self.money_unit == self.base

    @property
    def symbol(self) -> str:
        return self.ticker.symbol


def load_ticker(
    store: Store,
    symbol: str,
    now: dt.datetime,
    today: dt.date,
    *,
    sec_configured: bool,
    watchlist: Watchlist | None = None,
    currency: str = "USD",
) -> TickerDetail | None:
    """The page of `symbol`, or None when it is not in the database; the row comes from
    `watchlist` when the caller has it (read again otherwise)."""
    ticker = store.views.ticker(symbol)
    if ticker is None:
        return None
    watchlist = watchlist or load_watchlist(store, today, currency=currency)
    snap = store.market.snapshot(
        now, sec_configured=sec_configured, symbol=symbol, base=watchlist.currency
    )
    row = watchlist.row(symbol)
    quoted = row is not None and row.has_quote
    unit, rate = listing_rate(
        store, symbol, row.currency if row else None, quoted, watchlist.currency
    )
    if quoted and unit is None:  # a quote without a currency is taken as in the base
        unit = watchlist.currency
    figures = [
        Figure(m.name, m.label, observe(m.name, symbol, snap), m.currency(unit))
        for m in on_the_ticker_page()
    ]
    since = today - dt.timedelta(days=5 * 366)
    splits = store.views.splits(symbol)
    oldest_first = sorted(splits, key=lambda s: s.day)
    lots = store.views.lots(symbol)
    sells = tuple(store.views.sells(symbol).get(symbol, []))
    on_today = [adjusted(lot, oldest_first) for lot in lots]
    held = tuple(held_of_each(lots, sells, oldest_first))
    price = row.price if row else None
    return TickerDetail(
        ticker=ticker,
        row=row,
        lots=on_today,
        fundamentals=figures,
        checkpoints=flagged_first(in_due_order(store.views.checkpoints(symbol))),
        history=store.views.price_history(symbol, since),
        splits=splits,
        evidence=store.evidence.passages(symbol),
        sells=sells,
        held=held,
        returns=ticker_returns(store, symbol, watchlist.currency, today) if lots else None,
        results=tuple(
            result_rows(
                store.results.releases(symbol),
                snap.facts.get(symbol, {}),
                store.results.fiscal_year_ends(symbol),
            )
        ),
        base=watchlist.currency,
        unit=unit,
        lot_money=tuple(
            lot_money(a, held[i] if i < len(held) else a.shares, price, unit, rate)
            for i, a in enumerate(on_today)
        ),
        street=load_estimates(store, [symbol], now, watchlist.currency)[0],
        lines=load_lines(store, symbol),
        review=ticker_review(store, symbol),
        marks=tuple(chart_marks(store, symbol, since)),
        kpis=load_kpis(store, symbol),
    )


def in_due_order(checkpoints: list[CheckpointRecord]) -> list[CheckpointRecord]:
    """Soonest due first; a checkpoint without a due date (a guard) after the dated ones, by its
    end (`until`) when it has one; the file's order among equals (a stable sort)."""
    far = dt.date.max

    def key(c: CheckpointRecord) -> tuple[int, dt.date]:
        if c.due is not None:
            return (0, c.due)
        return (1, c.until or far)

    return sorted(checkpoints, key=key)


def flagged_first(checkpoints: list[CheckpointRecord]) -> list[CheckpointRecord]:
    """The flagged checkpoints (an unacknowledged miss) first, the others after, each in the
    order given: what needs the user is on the first lines, also of a short terminal."""
    return sorted(checkpoints, key=lambda c: not c.flagged)
