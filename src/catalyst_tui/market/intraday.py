"""The intraday chart as the market hands it over: its spans (1D at 5-minute bars, 5D at
15-minute bars), its bars, the exchange's sessions and time zone. Records only, no I/O: the store
and the screens read them without loading the HTTP stack (market/yahoo/intraday.py fetches)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from typing import NamedTuple

from .exchanges import stated_zone

__all__ = ["SPANS", "IntradayBar", "IntradayChart", "IntradaySpan", "Session", "known_zone"]


class IntradaySpan(NamedTuple):
    """One intraday range of the chart: its name on screen, Yahoo's range and bar interval."""

    name: str  # "1D"
    range: str  # Yahoo's `range`: "1d"
    interval: str  # Yahoo's `interval`: "5m"
    bar: timedelta  # one bar's length


SPANS: dict[str, IntradaySpan] = {
    "1D": IntradaySpan("1D", "1d", "5m", timedelta(minutes=5)),
    "5D": IntradaySpan("5D", "5d", "15m", timedelta(minutes=15)),
}


class IntradayBar(NamedTuple):
    at: datetime  # the bar's start, UTC
    open: float
    high: float
    low: float
    close: float
    volume: int | None


class Session(NamedTuple):
    """One regular session of the exchange, UTC."""

    start: datetime
    end: datetime


class IntradayChart(NamedTuple):
    symbol: str
    span: str  # a key of SPANS
    bars: tuple[IntradayBar, ...]  # oldest first; empty when the window held no trade
    sessions: tuple[Session, ...]  # oldest first
    zone: str  # the exchange's IANA zone ("America/New_York"), "" when Yahoo names none we know
    utc_offset: int  # the exchange's offset from UTC in seconds, for a zone we don't know
    previous_close: float | None = None  # the close before the window (chartPreviousClose)

    def exchange_zone(self) -> tzinfo:
        """The exchange's time zone: its IANA zone, else its fixed offset."""
        zone = stated_zone(self.zone)
        return zone if zone is not None else timezone(timedelta(seconds=self.utc_offset))


def known_zone(name: str) -> bool:
    """Whether `name` is an IANA time zone this machine knows (market/exchanges.py reads it:
    a folder's name, "Europe", or a path is none)."""
    return stated_zone(name) is not None
