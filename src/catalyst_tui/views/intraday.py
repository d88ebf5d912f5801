"""An intraday chart (1D, 5D) as the chart pane reads it: the stored one, whether it is due to be
fetched again, and why there is none. Plain data, no textual and no SQL.

A chart is fetched when it is shown and none fetched within one bar's length (5 minutes for 1D,
15 for 5D) is stored: a chart looked at again soon is not asked again, one looked at later shows
the bars since. What was fetched is kept a day (store/intraday.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..market.intraday import SPANS, IntradayChart
from ..text import printable

if TYPE_CHECKING:
    import datetime as dt

    from ..store import Store
    from ..store.records import StoredIntraday

__all__ = ["IntradayPage", "intraday_page", "is_due"]


class IntradayPage(NamedTuple):
    symbol: str
    span: str  # a key of market.intraday SPANS
    chart: IntradayChart | None  # the stored chart; None when none is kept
    fetched_at: dt.datetime | None
    due: bool  # to be fetched now
    error: str = ""  # why the last fetch gave nothing ("" when it did, or none was made);
    # printable: it carries the provider's words, which never command the terminal

    @property
    def bar_words(self) -> str:
        """One bar's length for people: "5-minute"."""
        return f"{int(SPANS[self.span].bar.total_seconds() // 60)}-minute"


def is_due(stored: StoredIntraday | None, span: str, now: dt.datetime) -> bool:
    """Whether a chart of `span` should be fetched at `now`, given the one stored."""
    return stored is None or now - stored.fetched_at >= SPANS[span].bar


def intraday_page(store: Store, symbol: str, span: str, now: dt.datetime) -> IntradayPage:
    """What the chart shows of `symbol` over `span` before any fetch."""
    stored = store.intraday.chart(symbol, span, now)
    return page_of(symbol, span, stored, is_due(stored, span, now))


def page_of(
    symbol: str, span: str, stored: StoredIntraday | None, due: bool, error: str = ""
) -> IntradayPage:
    error = printable(error)
    if stored is None:
        return IntradayPage(symbol, span, None, None, due, error)
    return IntradayPage(symbol, span, stored.chart, stored.fetched_at, due, error)
