"""A symbol's stored daily closes as replay reads them (store/as_of.py, store/portfolio_days.py):
the day's close as its quote (the last close before it, where it did not trade that day) and the
highest high of the 365 days up to it, each day's close made a quote once."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections import deque
from typing import TYPE_CHECKING

from ..market.models import LastQuote, Quote
from ..reading.moments import CLOSE, NEW_YORK

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .facade import Facade

YEAR = dt.timedelta(days=365)


@functools.lru_cache(maxsize=8192)  # replay asks each day's, for each of its tickers
def close_of(day: dt.date) -> dt.datetime:
    """The moment of `day`'s close in New York, in UTC."""
    return dt.datetime.combine(day, CLOSE, NEW_YORK).astimezone(dt.UTC)


class Closes:
    """One symbol's closes, oldest first, read once (`rows`: day, close, high; a high not
    stored is the close), in the currency its quote is in (None: not known)."""

    def __init__(
        self, symbol: str, rows: Iterable[tuple[dt.date, float, float]], currency: str | None
    ) -> None:
        self.symbol = symbol
        self.currency = currency
        self.days: list[dt.date] = []
        self.closes: list[float] = []
        highs: list[float] = []
        for day, close, high in rows:
            self.days.append(day)
            self.closes.append(close)
            highs.append(high)
        self.highs = _year_highs(self.days, highs)
        self._made: tuple[int, LastQuote] | None = None

    def at(self, day: dt.date) -> int:
        """The index of the last close on or before `day` (-1: none by then)."""
        return bisect.bisect_right(self.days, day) - 1

    def between(self, start: dt.date | None, end: dt.date | None) -> list[dt.date]:
        """The days with a close from `start` to `end` (both included; None: open)."""
        lo = 0 if start is None else bisect.bisect_left(self.days, start)
        hi = len(self.days) if end is None else bisect.bisect_right(self.days, end)
        return self.days[lo:hi]

    def quote(self, at: int) -> LastQuote:
        """The close of index `at` as the quote of its day: its change from the close before, at
        that day's close (made once for the day every snapshot of it asks)."""
        made = self._made
        if made is not None and made[0] == at:
            return made[1]
        close, day = self.closes[at], self.days[at]
        prev = self.closes[at - 1] if at > 0 else None
        change = close - prev if prev else None
        now = close_of(day)
        quote = Quote(
            self.symbol,
            close,
            prev,
            change,
            change / prev if change is not None and prev else None,
            self.currency,
            "CLOSED",
            now,
            "history",
        )
        found = LastQuote(self.symbol, quote, now, False)
        self._made = (at, found)
        return found


def read_closes(store: Facade, symbol: str) -> Closes:
    """`symbol`'s stored closes, in the currency of its stored quote."""
    conn = store.conn
    found = conn.execute("SELECT currency FROM quotes WHERE symbol = ?", [symbol]).fetchone()
    rows = conn.execute("SELECT ts, close, high FROM prices WHERE symbol = ? ORDER BY ts", [symbol])
    return Closes(
        symbol,
        ((dt.date.fromisoformat(ts), c, h if h is not None else c) for ts, c, h in rows),
        found[0] if found else None,
    )


def _year_highs(days: Sequence[dt.date], highs: Sequence[float]) -> list[float]:
    """Each day's highest high over the 365 days up to it, the day a year before included (as
    a refresh reads the year's high: store/snapshot.py): a window's maximum, in one pass."""
    out: list[float] = []
    window: deque[int] = deque()
    for at, day in enumerate(days):
        while window and highs[window[-1]] <= highs[at]:
            window.pop()
        window.append(at)
        while days[window[0]] < day - YEAR:
            window.popleft()
        out.append(highs[window[0]])
    return out
