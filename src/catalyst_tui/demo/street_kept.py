"""What the demo's new database keeps before its first refresh: the Street's view as a user who
ran catalyst the day before each of a company's last four reports read it, so each release the
Results and Estimates panes show is read against the consensus frozen before it (`vs Street`).

The replay market's Street (demo/street.py) is a function of the moment: asked the day before a
report, its consensus is the coming quarter's. Each answer is read with Yahoo's own parser and
stored by store/estimates.py as a refresh of that day would store it, which freezes the
consensus of the report ahead; the demo's refresh then reads today's view as always."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..market.yahoo.estimates import MODULES, parse_estimates
from .company import LISTED, release_time, released
from .yahoo import calendar

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..store import Store

KEPT_REPORTS = 4  # the reports a year of daily refreshes would have frozen
BEFORE = timedelta(days=1)  # when the consensus was last read before a report


def keep_street(store: Store, symbols: Iterable[str], now: datetime) -> None:
    """Store, for each listed one of `symbols`, the Street as read the day before each of its
    last KEPT_REPORTS reports released by `now`, oldest first."""
    for symbol in sorted(set(symbols) & LISTED):
        for year, quarter in released(symbol, now, KEPT_REPORTS):
            moment = release_time(symbol, year, quarter) - BEFORE
            body = calendar(symbol, moment, MODULES.split(","))
            store.estimates.save(symbol, parse_estimates(body, symbol, moment.date()), moment)
