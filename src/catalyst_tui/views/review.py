"""The review of a thesis as the CLI and the screens read it: each ticker's verdict with its
reasons (thesis/verdict.py, judged on the checkpoints as stored), since when the recorded verdict
has stood, its journal, and the portfolio's. Plain data, no textual and no SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..thesis.book import Conviction, book_at_risk, latest_conviction, weights
from ..thesis.verdict import PortfolioVerdict, TickerVerdict, judge, portfolio

if TYPE_CHECKING:
    import datetime as dt

    from ..store import Store
    from ..thesis.goalposts import Move
    from ..thesis.journal import JournalEntry

__all__ = ["Review", "TickerReview", "load_review", "ticker_review", "verdicts_by_symbol"]


class TickerReview(NamedTuple):
    verdict: TickerVerdict
    since: dt.datetime | None  # when the recorded verdict became this one; None: not yet recorded
    journal: tuple[JournalEntry, ...] = ()  # its journal's notes, newest first
    weight: float | None = None  # its share of the portfolio; None: not known (a price missing)
    conviction: Conviction | None = None  # the journal's latest
    unexplained: tuple[Move, ...] = ()  # goalposts moved without a note since, oldest first

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
    verdicts = [judge(s, standings) for s, standings in store.verdicts.standings().items()]
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
        tickers.append(TickerReview(v, since, journal, weight, conviction, moved))
    judged = {v.symbol: v.verdict for v in verdicts}
    at_risk = book_at_risk(shares, judged) if shares else None  # no book: nothing at risk in it
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
    """One ticker's verdict, its reasons, since when it stands and its journal's last note (the
    ticker page's top)."""
    verdict = judge(symbol, store.verdicts.standings(symbol).get(symbol, []))
    kept = store.verdicts.recorded().get(symbol)
    since = kept.since if kept and kept.verdict == verdict.verdict else None
    return TickerReview(verdict, since, tuple(store.journal.entries(symbol, limit=1)))


def verdicts_by_symbol(store: Store) -> dict[str, TickerVerdict]:
    """Each active ticker's verdict (the watchlist's column)."""
    return {s: judge(s, standings) for s, standings in store.verdicts.standings().items()}
