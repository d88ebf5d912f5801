"""A chart's daily bars: one per exchange-local day, oldest first, each checked (market/bounds).

A first refresh reads five years of bars for every symbol (652,500 for 500 symbols), so the
common answer is read column by column (`_whole`: every timestamp a whole second on a day of its
own, rising; every price a number in range; every volume a whole number in range or absent),
each check one pass of a builtin over a column. A chart with any other value (a close absent, a
day twice) is read in one tight loop (`_tight`), bar by bar. Every value that loop is not sure
of (a fractional timestamp, a price or volume out of range, a day beyond tomorrow) sends the
whole chart through the general reading instead, one value at a time with the checks of
market/bounds, which says precisely what is wrong. All three give the same bars.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import repeat
from math import isnan
from typing import Any

from ..bounds import AHEAD, EARLIEST, MAX_PRICE, MAX_VOLUME, MIN_PRICE, checked_bars
from ..models import Bar, FetchError
from ..values import epoch, positive, whole
from .chart import cell, chart_columns, local_day

_DAY = 86_400
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_FIRST = EARLIEST.toordinal() - _EPOCH_ORDINAL  # day numbers since 1970-01-01
_DATES: dict[int, date] = {}  # day number → date: the symbols of a refresh share their days


class _Unsure(Exception):
    """A value the tight loop leaves to the general reading."""


def chart_bars(result: dict[str, Any], symbol: str, offset: int | None, now: datetime) -> list[Bar]:
    """The bars of `chart.result[0]`; bars without a close are skipped, a later bar of the same
    day (the live one) replaces the first, a bar with a value out of range is left out (market/
    bounds checked_bars). FetchError when the columns themselves cannot be read."""
    timestamps, by_name = chart_columns(result, symbol)
    columns = [by_name[k] for k in ("open", "high", "low", "close", "volume")]
    last = (now.astimezone(UTC).date() + AHEAD).toordinal() - _EPOCH_ORDINAL
    if all(isinstance(c, list) and len(c) == len(timestamps) for c in columns):
        bars = _whole(timestamps, columns, symbol, offset or 0, last)
        if bars is not None:
            return bars
        try:
            return _tight(timestamps, columns, symbol, offset or 0, last)
        except _Unsure:
            pass
    return _general(timestamps, columns, symbol, offset, now)


_NUMBER = frozenset({float, int})
_WHOLE = frozenset({int})
_WHOLE_OR_NONE = frozenset({int, type(None)})


def _whole(
    stamps: list[Any], columns: list[list[Any]], symbol: str, offset: int, last: int
) -> list[Bar] | None:
    """The bars when every value is plain: each timestamp a whole second, their days rising
    with none twice, within EARLIEST and `last`; each open, high, low and close a number (not
    NaN) within the bounds; each volume a whole number within them, or absent. Each condition
    is one pass over a column; None when one fails (`_tight` then reads bar by bar)."""
    if not stamps or set(map(type, stamps)) != _WHOLE or min(stamps) < 0:
        return None
    days = [(stamp + offset) // _DAY for stamp in stamps]
    if days[0] < _FIRST or days[-1] > last or days != sorted(set(days)):
        return None
    prices = []
    for column in columns[:4]:
        kinds = set(map(type, column))
        if not kinds <= _NUMBER or not (min(column) >= MIN_PRICE and max(column) <= MAX_PRICE):
            return None
        if any(map(isnan, column)):  # in range by min and max, which pass a NaN by
            return None
        prices.append(column if float in kinds and len(kinds) == 1 else list(map(float, column)))
    volumes = columns[4]
    kinds = set(map(type, volumes))
    if not kinds <= _WHOLE_OR_NONE:
        return None
    counted = [v for v in volumes if v is not None] if type(None) in kinds else volumes
    if counted and not (min(counted) >= 0 and max(counted) <= MAX_VOLUME):
        return None
    dates = list(map(_DATES.get, days))
    if None in dates:
        dates = [_date(day) for day in days]
    opens, highs, lows, closes = prices
    n = len(stamps)
    return list(
        map(Bar, repeat(symbol, n), dates, opens, highs, lows, closes, volumes, repeat("yahoo", n))
    )


def _date(day: int) -> date:
    """The date of day number `day` (since 1970-01-01), kept for the next chart."""
    when = _DATES.get(day)
    if when is None:
        when = _DATES[day] = date.fromordinal(_EPOCH_ORDINAL + day)
    return when


def _tight(
    stamps: list[Any], columns: list[list[Any]], symbol: str, offset: int, last: int
) -> list[Bar]:
    by_day: dict[int, tuple[float, float, float, float, int | None]] = {}
    for stamp, o, h, lo, c, v in zip(stamps, *columns, strict=True):
        if type(stamp) is not int:
            raise _Unsure
        day = (stamp + offset) // _DAY
        if stamp < 0 or not _FIRST <= day <= last:
            raise _Unsure
        if type(c) is not float and type(c) is not int or not MIN_PRICE <= c <= MAX_PRICE:
            if c is None or type(c) in (float, int) and not c > 0:  # skipped, as in _general
                continue
            raise _Unsure
        by_day[day] = (_price(o, c), _price(h, c), _price(lo, c), float(c), _volume(v))
    out = []
    for day in sorted(by_day):
        o, h, lo, c, v = by_day[day]
        out.append(Bar(symbol, _date(day), o, h, lo, c, v, "yahoo"))
    return out


def _price(value: Any, close: float) -> float:
    """An open, high or low: itself when in range, the close when absent or not positive."""
    if type(value) is float or type(value) is int:
        if MIN_PRICE <= value <= MAX_PRICE:
            return float(value)
        if value > 0 or value != value:  # out of range (or an underflow), NaN: the general reading
            raise _Unsure
    elif value is not None and not isinstance(value, str | bool | list | dict):
        raise _Unsure
    return float(close)


def _volume(value: Any) -> int | None:
    if type(value) is int and 0 <= value <= MAX_VOLUME:
        return value
    if value is None or isinstance(value, str | bool | list | dict):
        return None
    raise _Unsure  # a float, negative or too large: the general reading decides


def _general(
    stamps: list[Any], columns: list[Any], symbol: str, offset: int | None, now: datetime
) -> list[Bar]:
    """Value by value, each through the checks of market/bounds."""
    opens, highs, lows, closes, volumes = columns
    by_day: dict[date, Bar] = {}
    for i, stamp in enumerate(stamps):
        close = positive(cell(closes, i))
        try:
            moment = epoch(stamp, "yahoo", symbol)
        except FetchError:  # a timestamp no date can be: that bar alone is left out
            continue
        if close is None or moment is None:
            continue
        day = local_day(moment, offset)
        by_day[day] = Bar(
            symbol=symbol,
            day=day,
            open=positive(cell(opens, i)) or close,
            high=positive(cell(highs, i)) or close,
            low=positive(cell(lows, i)) or close,
            close=close,
            volume=whole(cell(volumes, i)),
            source="yahoo",
        )
    return checked_bars([by_day[day] for day in sorted(by_day)], now)
