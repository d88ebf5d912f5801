"""The fields of a Yahoo chart answer that need reading with care: the exchange's time zone
offset, the close before the market day, the market state of the trading periods, the
timestamps and columns, the columns' values by index, and the dividends. Pure; the daily chart
(provider.py) and the intraday chart (intraday.py) use them."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..bounds import MAX_PRICE, MIN_PRICE
from ..models import Bar, Dividend, MarketState
from ..values import epoch, positive, whole
from .quote import bad_body

if TYPE_CHECKING:
    from collections.abc import Iterator

log = logging.getLogger(__name__)

TRADING_PERIODS: tuple[tuple[str, MarketState], ...] = (
    ("pre", "PRE"),
    ("regular", "REGULAR"),
    ("post", "POST"),
)


def previous_close(meta: dict[str, Any], bars: list[Bar], market_day: date) -> float | None:
    """The close before the market day's session.

    `previousClose` is only in short-range answers; `chartPreviousClose` is the close before the
    chart's first bar, which is the previous day only when the chart holds one bar. So: the bar
    before the market day when the bars reach it, else chartPreviousClose if the chart starts at
    the market day; None when the chart ends before the market day (a historical window).
    """
    explicit = positive(meta.get("previousClose"))
    if explicit is not None:
        return explicit
    before_chart = positive(meta.get("chartPreviousClose"))
    if not bars:
        return before_chart
    if bars[-1].day != market_day:
        return None
    return bars[-2].close if len(bars) > 1 else before_chart


def market_state(meta: dict[str, Any], now: datetime) -> MarketState | None:
    periods = meta.get("currentTradingPeriod")
    if not isinstance(periods, dict) or not isinstance(periods.get("regular"), dict):
        return None
    stamp = now.timestamp()
    for key, state in TRADING_PERIODS:
        period = periods.get(key)
        if isinstance(period, dict):
            start, end = whole(period.get("start")), whole(period.get("end"))
            if start is not None and end is not None and start <= stamp < end:
                return state
    return "CLOSED"


def since(bars: list[Bar], start: date | None) -> list[Bar]:
    return bars if start is None else [bar for bar in bars if bar.day >= start]


def local_day(moment: datetime, offset: int | None) -> date:
    return (moment + timedelta(seconds=offset or 0)).date()


def offset_of(meta: dict[str, Any], symbol: str) -> int | None:
    """The exchange's offset from UTC in seconds (gmtoffset), at most a day either way."""
    offset = whole(meta.get("gmtoffset"))
    if offset is not None and abs(offset) > 86_400:
        raise bad_body(symbol, f"gmtoffset {offset} is no time zone")
    return offset


def chart_columns(result: dict[str, Any], symbol: str) -> tuple[list[Any], dict[str, Any]]:
    """A chart's `timestamp` and its `indicators.quote[0]` columns by name (each [] when the
    window held no session): what the daily and the intraday charts are read from."""
    timestamps = result.get("timestamp") or []
    indicators = result.get("indicators") or {}
    series = (indicators.get("quote") or [{}])[0] or {}
    if not isinstance(timestamps, list) or not isinstance(series, dict):
        raise bad_body(symbol, "chart bars are not lists")
    return timestamps, {k: series.get(k) or [] for k in ("open", "high", "low", "close", "volume")}


def cell(values: object, index: int) -> object:
    """A column's value at `index`; None past its end or when it is not a list."""
    return values[index] if isinstance(values, list) and index < len(values) else None


def dividends_from_chart(
    result: dict[str, Any], symbol: str, now: datetime
) -> tuple[Dividend, ...]:
    """The `events.dividends` of a chart, by ex-date (the exchange's day): each an amount per
    share in the listing's unit, on the basis of the chart's bars. An entry without a usable
    date or a positive amount, or dated after `now`, is left out (a dividend is never guessed);
    so is one beyond a price's bounds (market/bounds.py), logged with its value, as a bar is:
    1e308 a share would make what it brought infinite, and its holder's returns with it."""
    out: dict[date, Dividend] = {}
    for day, moment, entry in chart_events(result, "dividends", symbol):
        amount = positive(entry.get("amount"))
        if amount is not None and not MIN_PRICE <= amount <= MAX_PRICE:
            log.info(
                "yahoo %s: the dividend of %s left out: %.6g a share is out of range (%g to %g)",
                symbol,
                day,
                amount,
                MIN_PRICE,
                MAX_PRICE,
            )
        elif amount is not None and moment <= now + timedelta(days=1):
            out[day] = Dividend(symbol, day, amount)
    return tuple(out[day] for day in sorted(out))


def chart_events(
    result: dict[str, Any], kind: str, symbol: str
) -> Iterator[tuple[date, datetime, dict[str, Any]]]:
    """The entries of a chart's `events[kind]` ("dividends", "splits") that carry a usable
    date: each with its exchange-local day, its moment and the entry itself."""
    events = result.get("events")
    found = events.get(kind) if isinstance(events, dict) else None
    if not isinstance(found, dict):
        return
    meta = result.get("meta")
    offset = offset_of(meta, symbol) if isinstance(meta, dict) else None
    for entry in found.values():
        if isinstance(entry, dict):
            moment = epoch(entry.get("date"), "yahoo", symbol)
            if moment is not None:
                yield local_day(moment, offset), moment, entry
