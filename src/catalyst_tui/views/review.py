"""The review of a thesis as the CLI and the screens read it: each ticker's verdict with its
reasons (thesis/verdict.py, judged on the checkpoints as stored), since when the recorded verdict
has stood, whether the data it was judged from is stale (thesis/staleness.py), its journal, and
the portfolio's. Plain data, no textual and no SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..thesis.portfolio.book import Conviction, book_at_risk, latest_conviction, weights
from ..thesis.staleness import Failing, Stale, stale_since
from ..thesis.verdict import PortfolioVerdict, Standing, TickerVerdict, judge, portfolio

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from ..market.models import LastQuote
    from ..store import Store
    from ..thesis.goalposts import Move
    from ..thesis.journal import JournalEntry

__all__ = [
    "Judged",
    "Review",
    "TickerReview",
    "judged",
    "load_review",
    "ticker_review",
]


class TickerReview(NamedTuple):
    verdict: TickerVerdict
    since: dt.datetime | None  # when the recorded verdict became this one; None: not yet recorded
    journal: tuple[JournalEntry, ...] = ()  # its journal's notes, newest first
    weight: float | None = None  # its share of the portfolio; None: not known (a price missing)
    conviction: Conviction | None = None  # the journal's latest
    unexplained: tuple[Move, ...] = ()  # goalposts moved without a note since, oldest first
    stale: Stale | None = None  # judged from data that stopped coming: since when

    @property
    def symbol(self) -> str:
        return self.verdict.symbol


class Review(NamedTuple):
    tickers: tuple[TickerReview, ...]  # the file's order; of one symbol when asked
    portfolio: PortfolioVerdict  # of every active ticker
    at_risk: float | None = None  # the book at risk: the share in tickers at risk or broken


def load_review(
    store: Store, symbol: str | None = None, *, now: dt.datetime | None = None, base: str = "USD"
) -> Review:
    """Every active ticker's verdict (or `symbol`'s alone, with the portfolio's all the same),
    with each position's weight and the book at risk when `now` is given (the quotes and rates
    stored then value the positions)."""
    every = judged(store)
    verdicts = [j.verdict for j in every.values()]
    recorded = store.verdicts.recorded()
    notes: dict[str, list[JournalEntry]] = {}
    for entry in store.journal.entries(symbol, limit=-1):
        notes.setdefault(entry.symbol, []).append(entry)
    shares = _weights(store, now, base)
    unexplained: dict[str, list[Move]] = {}
    for move in store.journal.moves(symbol):
        if not move.noted:
            unexplained.setdefault(move.symbol, []).append(move)
    tickers = []
    for v in verdicts:
        if symbol is not None and v.symbol != symbol:
            continue
        kept = recorded.get(v.symbol)
        since = kept.since if kept and kept.verdict == v.verdict else None
        journal = tuple(notes.get(v.symbol, ()))
        weight = None if shares is None else shares.get(v.symbol, 0.0)
        moved = tuple(unexplained.get(v.symbol, ()))
        conviction = latest_conviction(journal)
        stale = every[v.symbol].stale
        tickers.append(TickerReview(v, since, journal, weight, conviction, moved, stale))
    by_symbol = {v.symbol: v.verdict for v in verdicts}
    at_risk = book_at_risk(shares, by_symbol) if shares else None  # no book: nothing at risk in it
    return Review(tuple(tickers), portfolio(verdicts), at_risk)


def _weights(store: Store, now: dt.datetime | None, base: str) -> dict[str, float] | None:
    """Each position's share of the portfolio; None when not asked (no `now`) or when a
    position has no price or rate (a share of an unknown total is no share); empty when none
    is held."""
    if now is None:
        return None
    values, unpriced, total = store.market.snapshot(
        now, sec_configured=False, base=base
    ).portfolio()
    return None if unpriced else weights(values, total)


def ticker_review(store: Store, symbol: str) -> TickerReview:
    """One ticker's verdict, its reasons, since when it stands, whether its data is stale and
    its journal's last note (the ticker page's top)."""
    verdict, stale = judged(store, symbol).get(symbol) or Judged(judge(symbol, []), None)
    kept = store.verdicts.recorded().get(symbol)
    since = kept.since if kept and kept.verdict == verdict.verdict else None
    journal = tuple(store.journal.entries(symbol, limit=1))
    return TickerReview(verdict, since, journal, stale=stale)


class Judged(NamedTuple):
    """A ticker's verdict, and whether the data it was judged from is stale."""

    verdict: TickerVerdict
    stale: Stale | None


def judged(
    store: Store, symbol: str | None = None, *, quotes: Mapping[str, LastQuote] | None = None
) -> dict[str, Judged]:
    """Each active ticker's verdict (of `symbol` alone when given) with its staleness
    (thesis/staleness.py: its quote not renewed, SEC EDGAR failing), in the file's order.
    `quotes`: the last quotes the caller has read already (the watchlist's rows: 500 quotes
    not read twice); otherwise the stale ones are read (a fresh quote, or none, stops
    nothing)."""
    standings: dict[str, list[Standing]] = store.verdicts.standings(symbol)
    failing = {
        name: Failing(tried, h.last_success)
        for name, h in store.providers.health().items()
        if (tried := h.failing_since) is not None
    }
    if quotes is None:
        quotes = store.market.stale_quotes()
    return {
        s: Judged(judge(s, mine), stale_since(mine, failing, quotes.get(s)))
        for s, mine in standings.items()
    }
