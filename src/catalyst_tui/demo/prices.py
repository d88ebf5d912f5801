"""The replay market's prices: a pure function of the symbol and the moment, the same in every
process and every run, so each endpoint and each window agrees with every other.

A symbol's close on a day is its trend (a level it passes through on REFERENCE, its yearly
growth, halved more than a year before and after) times a wave of a few periods (months to
days) and a day's jitter, all seeded by the symbol's name. A session runs 09:30 to 16:00 New
York on weekdays (no holidays): within it the price moves from the open to the close along a
path seeded by the symbol and the day, inside the day's low and high. Today's session, while it
runs, is that path up to now: its last trade is the quote, its bars the intraday chart.
"""

from __future__ import annotations

import functools
import math
import zlib
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from ..reading.moments import NEW_YORK

OPEN = time(9, 30)
SESSION_MINUTES = 390  # 09:30 to 16:00
REFERENCE = date(2026, 11, 20)  # the day each profile's level is near


class Profile(NamedTuple):
    level: float  # the trend's close on REFERENCE
    growth: float  # the trend's yearly growth (log) in the year to REFERENCE
    vol: float  # a day's move (log)
    volume: int  # a day's shares traded


# The market's listed companies (demo/company.py LISTED) and funds (demo/funds.py), near their
# levels of late 2026; others get one from their name (the market does not answer them, but a
# price is a pure function).
PROFILES: dict[str, Profile] = {
    "ALAB": Profile(190.0, math.log(190 / 120), 0.030, 4_500_000),
    "CRDO": Profile(138.0, math.log(138 / 72), 0.032, 5_200_000),
    "LITE": Profile(158.0, math.log(158 / 92), 0.028, 2_600_000),
    "COHR": Profile(114.0, math.log(114 / 88), 0.026, 3_100_000),
    "NVDA": Profile(181.0, math.log(181 / 146), 0.021, 180_000_000),
    "MRVL": Profile(76.0, math.log(76 / 92), 0.028, 14_000_000),
    "AVGO": Profile(341.0, math.log(341 / 232), 0.021, 21_000_000),
    "ANET": Profile(133.0, math.log(133 / 104), 0.022, 8_300_000),
    "AAPL": Profile(271.0, math.log(271 / 228), 0.015, 50_000_000),
    "MSFT": Profile(478.0, math.log(478 / 415), 0.014, 21_000_000),
    "GOOGL": Profile(292.0, math.log(292 / 175), 0.018, 32_000_000),
    "AMZN": Profile(226.0, math.log(226 / 201), 0.018, 41_000_000),
    "META": Profile(612.0, math.log(612 / 560), 0.020, 12_000_000),
    "TSLA": Profile(402.0, math.log(402 / 340), 0.035, 90_000_000),
    "AMD": Profile(231.0, math.log(231 / 170), 0.030, 45_000_000),
    "INTC": Profile(37.0, math.log(37 / 24), 0.030, 80_000_000),
    "MU": Profile(218.0, math.log(218 / 130), 0.032, 25_000_000),
    "QCOM": Profile(171.0, math.log(171 / 160), 0.020, 8_000_000),
    "SPY": Profile(680.0, math.log(680 / 590), 0.010, 70_000_000),  # the default benchmark
    "SOXX": Profile(302.0, math.log(302 / 228), 0.019, 4_200_000),  # the interconnect group's
    "VYM": Profile(138.0, math.log(138 / 121), 0.009, 1_200_000),  # the demo's income holdings
    "ISF.L": Profile(905.0, math.log(905 / 812), 0.009, 3_000_000),  # in pence
    "GBPUSD=X": Profile(1.28, math.log(1.28 / 1.25), 0.004, 0),  # dollars a pound
}
_WAVES = ((181.0, 3.0), (67.0, 2.0), (29.0, 1.3), (11.0, 0.8), (4.3, 0.5))  # (days, x vol)


class DayBar(NamedTuple):
    day: date
    open: float
    high: float
    low: float
    close: float
    volume: int


class Bar(NamedTuple):
    """An intraday bar: its start (UTC) and prices."""

    at: datetime
    open: float
    high: float
    low: float
    close: float
    volume: int


def unit(*parts: object) -> float:
    """A number in [0, 1) that depends only on `parts` (crc32, not the salted hash())."""
    return zlib.crc32(":".join(map(str, parts)).encode()) / 2**32


def profile(symbol: str) -> Profile:
    known = PROFILES.get(symbol)
    if known is not None:
        return known
    level = 10 ** (1.3 + 1.4 * unit(symbol, "level"))  # about 20 to 500
    return Profile(
        round(level, 2),
        0.6 * unit(symbol, "growth") - 0.2,
        0.012 + 0.02 * unit(symbol, "vol"),
        int(10 ** (5.5 + 2 * unit(symbol, "volume"))),
    )


# -- sessions ------------------------------------------------------------------------------------


def session_open(day: date) -> datetime:
    return datetime.combine(day, OPEN, NEW_YORK).astimezone(UTC)


def session_close(day: date) -> datetime:
    return session_open(day) + timedelta(minutes=SESSION_MINUTES)


def previous_session(day: date) -> date:
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def next_session(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def last_session(now: datetime) -> date:
    """The last session that has opened by `now`."""
    day = now.astimezone(NEW_YORK).date()
    if day.weekday() >= 5 or now < session_open(day):
        day = previous_session(day)
    return day


def sessions(first: date, last: date) -> list[date]:
    """The sessions from `first` to `last`, both included."""
    count = (last - first).days + 1
    return [d for d in (first + timedelta(days=i) for i in range(max(count, 0))) if d.weekday() < 5]


def minutes_into(day: date, now: datetime) -> int:
    """Minutes of `day`'s session gone by at `now` (0 before it opens, 390 once closed)."""
    gone = (now - session_open(day)).total_seconds() // 60
    return int(min(max(gone, 0), SESSION_MINUTES))


# -- daily closes --------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def close(symbol: str, day: date) -> float:
    """The close of a whole session."""
    p = profile(symbol)
    years = (day - REFERENCE).days / 365.25
    if years < -1:
        trend = -p.growth + (years + 1) * p.growth / 2
    elif years > 0:
        trend = years * p.growth / 2
    else:
        trend = years * p.growth
    ordinal = day.toordinal()
    wave = sum(
        p.vol * size * math.sin(2 * math.pi * (ordinal / period + unit(symbol, period)))
        for period, size in _WAVES
    )
    jitter = p.vol * 1.2 * (unit(symbol, ordinal) - 0.5)
    return round(p.level * math.exp(trend + wave + jitter), 2)


@functools.lru_cache(maxsize=1 << 16)
def _whole_day(symbol: str, day: date) -> DayBar:
    p = profile(symbol)
    last = close(symbol, day)
    before = close(symbol, previous_session(day))
    opened = round(before * (1 + p.vol * 0.8 * (unit(symbol, day, "gap") - 0.5)), 2)
    high = round(max(opened, last) * (1 + p.vol * (0.3 + 0.6 * unit(symbol, day, "high"))), 2)
    low = round(min(opened, last) * (1 - p.vol * (0.3 + 0.6 * unit(symbol, day, "low"))), 2)
    volume = int(p.volume * (0.6 + 0.8 * unit(symbol, day, "volume")))
    return DayBar(day, opened, high, low, last, volume)


def day_bar(symbol: str, day: date, now: datetime) -> DayBar:
    """The bar of `day` as it stands at `now`: whole once the session has closed, else its
    trades so far (the last one its close)."""
    whole = _whole_day(symbol, day)
    gone = minutes_into(day, now)
    if gone >= SESSION_MINUTES:
        return whole
    bars = intraday_bars(symbol, day, 5, now)
    if not bars:
        return DayBar(day, whole.open, whole.open, whole.open, whole.open, 0)
    return DayBar(
        day,
        whole.open,
        max(b.high for b in bars),
        min(b.low for b in bars),
        bars[-1].close,
        int(whole.volume * gone / SESSION_MINUTES),
    )


def year_range(symbol: str, day: date) -> tuple[float, float]:
    """(high, low) of the closes of the year to `day`."""
    closes = [close(symbol, d) for d in sessions(day - timedelta(days=365), day)]
    return max(closes), min(closes)


# -- within a session ----------------------------------------------------------------------------


_CYCLES = ((1.3, 0.9), (3.7, 0.5), (9.1, 0.3), (23.0, 0.15))  # (cycles a session, x vol)
_GRID = 48  # points where a day's path is measured against its low and high


def _level(bar: DayBar, share: float) -> float:
    """The straight line from the open to the close (log)."""
    return math.log(bar.open) + (math.log(bar.close) - math.log(bar.open)) * share


def _bump(symbol: str, day: date, share: float) -> float:
    """The day's moves around that line (log), none at the open and at the close."""
    vol = profile(symbol).vol
    return math.sin(math.pi * share) * sum(
        vol * size * math.sin(2 * math.pi * (share * cycles + unit(symbol, day, cycles)))
        for cycles, size in _CYCLES
    )


@functools.lru_cache(maxsize=1 << 12)
def _bump_scale(symbol: str, day: date) -> float:
    """How much of the moves fit between the day's low and high (1: all of them)."""
    bar = _whole_day(symbol, day)
    scale = 1.0
    for i in range(1, _GRID):
        share = i / _GRID
        bump, level = _bump(symbol, day, share), _level(bar, share)
        room = math.log(bar.high) - level if bump > 0 else level - math.log(bar.low)
        if bump and abs(bump) > room:
            scale = min(scale, room / abs(bump))
    return scale


def price_at(symbol: str, day: date, minute: float) -> float:
    """The price `minute` minutes into `day`'s session: from the open to the close, inside the
    day's low and high."""
    bar = _whole_day(symbol, day)
    share = min(max(minute / SESSION_MINUTES, 0.0), 1.0)
    moved = _level(bar, share) + _bump(symbol, day, share) * _bump_scale(symbol, day)
    return min(max(round(math.exp(moved), 2), bar.low), bar.high)


def intraday_bars(symbol: str, day: date, minutes: int, now: datetime) -> list[Bar]:
    """`day`'s bars of `minutes` each, those begun by `now`; the running one ends at `now`."""
    whole = _whole_day(symbol, day)
    gone = minutes_into(day, now)
    start = session_open(day)
    count = SESSION_MINUTES // minutes
    bars = []
    for i in range(count):
        first = i * minutes
        if first >= gone:
            break
        last = min(first + minutes, gone)
        prices = [price_at(symbol, day, m) for m in (first, (first + last) / 2, last)]
        share = 1.6 if i in (0, count - 1) else 0.9  # busier at the open and the close
        volume = int(whole.volume / count * share * (0.7 + 0.6 * unit(symbol, day, i)))
        bars.append(
            Bar(
                start + timedelta(minutes=first),
                prices[0],
                max(prices),
                min(prices),
                prices[-1],
                volume,
            )
        )
    return bars
