"""The review of a thesis as the CLI and the screens read it: each ticker's verdict with its
reasons (thesis/verdict.py, judged on the checkpoints as stored), since when the recorded verdict
has stood, its journal, and the portfolio's. Plain data, no textual and no SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..thesis.verdict import PortfolioVerdict, TickerVerdict, judge, portfolio

if TYPE_CHECKING:
    import datetime as dt

    from ..store import Store
    from ..thesis.journal import JournalEntry

__all__ = ["Review", "TickerReview", "load_review", "ticker_review", "verdicts_by_symbol"]


class TickerReview(NamedTuple):
    verdict: TickerVerdict
    since: dt.datetime | None  # when the recorded verdict became this one; None: not yet recorded
    journal: tuple[JournalEntry, ...] = ()  # its journal's notes, newest first

    @property
    def symbol(self) -> str:
        return self.verdict.symbol


class Review(NamedTuple):
    tickers: tuple[TickerReview, ...]  # the file's order; of one symbol when asked
    portfolio: PortfolioVerdict  # of every active ticker


def load_review(store: Store, symbol: str | None = None) -> Review:
    """Every active ticker's verdict (or `symbol`'s alone, with the portfolio's all the same)."""
    verdicts = [judge(s, standings) for s, standings in store.verdicts.standings().items()]
    recorded = store.verdicts.recorded()
    notes: dict[str, list[JournalEntry]] = {}
    for entry in store.journal.entries(symbol, limit=-1):
        notes.setdefault(entry.symbol, []).append(entry)
    tickers = []
    for v in verdicts:
        if symbol is not None and v.symbol != symbol:
            continue
        kept = recorded.get(v.symbol)
        since = kept.since if kept and kept.verdict == v.verdict else None
        tickers.append(TickerReview(v, since, tuple(notes.get(v.symbol, ()))))
    return Review(tuple(tickers), portfolio(verdicts))


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
