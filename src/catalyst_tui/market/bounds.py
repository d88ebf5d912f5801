"""The one gate between a provider's answer and the records: what may become a Quote, a Bar, a
Split, an EarningsDate or a Fact.

Every transform decodes JSON with `values.decode_json` and hands each record it made to a
`checked_*` function before it leaves. A value outside its range is a FetchError of that symbol
with that provider ("bad_body", saying which value and why), so the refresh moves on to the next
provider and the other symbols are untouched; nothing absurd reaches the store, where a number
beyond SQLite's integers would abort the whole batch's transaction and a bar dated in the year
3000 would freeze the symbol's history (it resumes from the last stored day). A history is many
rows: a bar with an absurd value is left out (logged, with the value) and the others are kept.

- JSON: as market/values.py decodes it (`decode_json`, with the other coercers).
- Numbers: finite; prices in [MIN_PRICE, MAX_PRICE] (1e-320 is no price: a total made of it
  vanishes to 0, and a weight divides by it); volumes whole, in [0, MAX_VOLUME]; reported
  amounts within ±MAX_AMOUNT; a split's ratio within [1/MAX_SPLIT, MAX_SPLIT]; an FX rate in
  [MIN_RATE, MAX_RATE] (its inverse is one too).
- Dates: from 1970-01-01 to now + 1 day (a session in Asia is already tomorrow in UTC), except
  earnings dates, which are in the future by nature: up to EARNINGS_AHEAD from today.
"""

from __future__ import annotations

import logging
import math
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from ..reading.moments import AHEAD as AHEAD
from ..reading.moments import EARLIEST as EARLIEST
from ..reading.moments import today as _today
from .models import Bar, EarningsDate, Fact, FetchError, Quote, Split

if TYPE_CHECKING:
    from collections.abc import Iterable

log = logging.getLogger(__name__)

EARNINGS_AHEAD = timedelta(days=3 * 366)  # companies announce a quarter or two ahead
MAX_PRICE = 1e12  # BRK.A is near 1e6; a coin quoted in rupiah near 2e9
MIN_PRICE = 1e-12  # the cheapest coins trade near 1e-9 USD; below that is no price but underflow
MIN_RATE, MAX_RATE = 1e-8, 1e8  # units of one currency per unit of another (IRR per EUR ~ 5e4)
MAX_VOLUME = 10**15  # the busiest listings trade ~1e11 a day; SQLite integers end near 9.2e18
MAX_AMOUNT = 1e16  # the largest filers report revenue near 1e12 USD
MAX_SPLIT = 10_000.0
MAX_CHANGE_PCT = 1e6  # a fraction: a price up a millionfold in a day is no price


# --- the records --------------------------------------------------------------------------------


def checked_quote(quote: Quote, now: datetime | None = None) -> Quote:
    """The quote, when every value in it is in range; else FetchError for its symbol."""
    if _plainly_in_range(quote, _today(now) + AHEAD):
        return quote
    return _gated_quote(quote, now)


def _plainly_in_range(quote: Quote, last: date) -> bool:
    """Whether the quote passes every check of `_gated_quote`, asked in one expression of the
    same bounds of values of the types a transform makes (floats, ints, UTC datetimes): the
    common answer in a fifth of the gates' time (a steady refresh checks 500 quotes). False
    sends the quote through the gates, which say what fails (or pass what this did not judge:
    an int price, a time in another zone). tests/market/yahoo/test_quote_checks.py holds the two
    together."""
    (
        _,
        price,
        prev_close,
        change,
        change_pct,
        currency,
        _,
        quote_time,
        _,
        day_high,
        day_low,
        volume,
        year_high,
        year_low,
        _,
        ext_price,
        ext_change,
        ext_change_pct,
        ext_time,
    ) = quote
    for value in (prev_close, day_high, day_low, year_high, year_low, ext_price):
        if value is not None and not (type(value) is float and MIN_PRICE <= value <= MAX_PRICE):
            return False
    for value, bound in (
        (change, MAX_PRICE),
        (change_pct, MAX_CHANGE_PCT),
        (ext_change, MAX_PRICE),
        (ext_change_pct, MAX_CHANGE_PCT),
    ):
        if value is not None and not (type(value) is float and -bound <= value <= bound):
            return False
    return (
        type(price) is float
        and MIN_PRICE <= price <= MAX_PRICE
        and (volume is None or (type(volume) is int and 0 <= volume <= MAX_VOLUME))
        and quote_time.tzinfo is UTC
        and EARLIEST <= quote_time.date() <= last
        and (ext_time is None or (ext_time.tzinfo is UTC and EARLIEST <= ext_time.date() <= last))
        and (
            currency is None
            or (type(currency) is str and len(currency) <= 8 and currency.isprintable())
        )
    )


def _gated_quote(quote: Quote, now: datetime | None) -> Quote:
    """`checked_quote`, one check at a time: the first value out of range is named."""
    gate = _Gate(quote.source, quote.symbol)
    gate.price("price", quote.price, required=True)
    for name in ("prev_close", "day_high", "day_low", "fifty_two_week_high", "fifty_two_week_low"):
        gate.price(name, getattr(quote, name))
    gate.within("change", quote.change, MAX_PRICE)
    gate.within("change_pct", quote.change_pct, MAX_CHANGE_PCT)
    gate.volume(quote.volume)
    gate.moment("quote_time", quote.quote_time, now)
    gate.price("ext_price", quote.ext_price)
    gate.within("ext_change", quote.ext_change, MAX_PRICE)
    gate.within("ext_change_pct", quote.ext_change_pct, MAX_CHANGE_PCT)
    if quote.ext_time is not None:
        gate.moment("ext_time", quote.ext_time, now)
    if quote.currency is not None and (not quote.currency.isprintable() or len(quote.currency) > 8):
        gate.reject(f"currency {quote.currency[:20]!r} is no currency code")
    return quote


def checked_bars(bars: list[Bar], now: datetime | None = None) -> list[Bar]:
    """The bars whose every value is in range; one that is not is left out (and logged, with
    the value): a bar dated 3000 spoils that bar, never the rest of the history."""
    last = _today(now) + AHEAD
    kept = []
    for bar in bars:
        gate = _Gate(bar.source, bar.symbol)
        try:
            gate.day("a bar's date", bar.day, last)
            for name in ("open", "high", "low", "close"):
                gate.price(f"the {name} of {bar.day}", getattr(bar, name), required=True)
            gate.volume(bar.volume, f"the volume of {bar.day}")
        except FetchError as error:
            log.info("%s %s: a bar left out: %s", bar.source, bar.symbol, error.message)
            continue
        kept.append(bar)
    return kept


def checked_rate(rate: float, currency: str, base: str, source: str) -> float:
    """An FX rate (units of `base` per unit of `currency`) when finite and in [MIN_RATE,
    MAX_RATE]; else FetchError naming the pair: 1e-321 would be stored, and its inverse is
    infinite."""
    pair = f"{currency}{base}"
    _Gate(source, pair).within(f"the rate {pair}", rate, MAX_RATE, positive=True, least=MIN_RATE)
    return rate


def checked_splits(
    splits: Iterable[Split], provider: str, now: datetime | None = None
) -> tuple[Split, ...]:
    """The splits, when each is dated in range with a sane ratio; else FetchError."""
    out = tuple(splits)
    last = _today(now) + AHEAD
    for split in out:
        gate = _Gate(provider, split.symbol)
        gate.day("a split's date", split.day, last)
        for name in ("numerator", "denominator"):
            gate.within(f"split {name}", getattr(split, name), MAX_SPLIT, positive=True)
        if not 1 / MAX_SPLIT <= split.ratio <= MAX_SPLIT:
            gate.reject(f"split ratio {split.text} is out of range")
    return out


def checked_earnings(found: EarningsDate | None, today: date) -> EarningsDate | None:
    """The earnings date, when it is between 1970 and EARNINGS_AHEAD from today."""
    if found is not None:
        _Gate(found.source, found.symbol).day(
            "the earnings date", found.day, today + EARNINGS_AHEAD
        )
    return found


def checked_facts(
    facts: list[Fact], provider: str, symbol: str | None, now: datetime | None = None
) -> list[Fact]:
    """The facts, when every value is finite and every date in range; else FetchError."""
    gate = _Gate(provider, symbol)
    last = _today(now) + AHEAD
    for fact in facts:
        what = f"{fact.concept} of {fact.period_end}"
        gate.within(what, fact.value, MAX_AMOUNT)
        gate.within(f"the split factor of {what}", fact.split_factor, MAX_SPLIT, positive=True)
        for name in ("period_start", "period_end", "filed"):
            when = getattr(fact, name)
            if when is not None:
                gate.day(f"the {name} of {what}", when, last)
    return facts


class _Gate:
    """The checks of one record: each raises FetchError naming the value."""

    def __init__(self, provider: str, symbol: str | None) -> None:
        self.provider = provider
        self.symbol = symbol

    def reject(self, message: str) -> None:
        raise FetchError("bad_body", message, self.provider, self.symbol)

    def within(
        self,
        name: str,
        value: float | None,
        bound: float,
        *,
        positive: bool = False,
        least: float | None = None,
    ) -> None:
        """`value` finite and in [-bound, bound]; [0, bound] and above 0 when `positive`;
        [least, bound] when given (a price, a rate: below it is no value but underflow)."""
        if value is None:
            return
        low = least if least is not None else 0.0 if positive else -bound
        if not (isinstance(value, int | float) and math.isfinite(value)):
            self.reject(f"{name} is {value!r}, not a finite number")
        if not low <= value <= bound or (positive and value <= 0):
            self.reject(f"{name} is {_show(value)}, out of range ({low:g} to {bound:g})")

    def price(self, name: str, value: float | None, *, required: bool = False) -> None:
        if value is None:
            if required:
                self.reject(f"no {name}")
            return
        self.within(name, value, MAX_PRICE, positive=True, least=MIN_PRICE)

    def volume(self, value: int | None, name: str = "volume") -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            self.reject(f"{name} is {value!r}, not a whole number")
        if not 0 <= value <= MAX_VOLUME:
            self.reject(f"{name} is {_show(value)}, out of range (0 to {MAX_VOLUME:.0e})")

    def day(self, name: str, value: date, last: date) -> None:
        if not EARLIEST <= value <= last:
            self.reject(f"{name} is {value}, outside {EARLIEST} to {last}")

    def moment(self, name: str, value: datetime, now: datetime | None) -> None:
        if value.tzinfo is None:
            self.reject(f"{name} is {value}, without a time zone")
        self.day(name, value.astimezone(UTC).date(), _today(now) + AHEAD)


def _show(value: float) -> str:
    try:
        return f"{value:.6g}"
    except OverflowError:  # an integer beyond a float
        return f"{str(value)[:12]}... ({len(str(value))} digits)"
