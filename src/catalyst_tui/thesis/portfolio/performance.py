"""What a position, a group and the portfolio returned over a span, in the base currency: the
money-weighted rate of their flows, the same money in a benchmark, the difference in points,
and the portfolio's time-weighted rate. Pure: the store's records come in as a `Holding`."""

from __future__ import annotations

import bisect
import datetime as dt
import math
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from ...market.models import Dividend, Split
from .flows import (
    DayValue,
    ManualDividend,
    Movements,
    Received,
    benchmark_flows,
    held_on,
    movements,
    received,
)
from .returns import (
    YEAR_DAYS,
    Basis,
    Flow,
    NoReturn,
    Rate,
    Valuation,
    excess,
    gain_on_money_in,
    twr,
    xirr,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .positions import Lot, Sell

_DAY = dt.timedelta(days=1)
# How old the benchmark's last close may be on a flow's day: a long weekend and a week's closing
# (a market shut for days) are inside it; a gap in its history is not bridged by an older close.
BENCHMARK_GAP = dt.timedelta(days=7)


class Span(StrEnum):
    """The spans a return is given over."""

    LIFE = "life"  # since the first lot
    YTD = "ytd"  # since the first of January
    YEAR = "1y"  # the last 365 days: from the close of today − 365 to today

    def start(self, today: dt.date) -> dt.date | None:
        """The span's first day whose move counts: what is held opens at the close of the day
        before it (31 December for this year; today − 365 for the last 365 days, so 365 days'
        moves count, whether or not a 29 February falls in them)."""
        if self is Span.YTD:
            return dt.date(today.year, 1, 1)
        if self is Span.YEAR:
            return today - dt.timedelta(days=364)
        return None


class Closes(NamedTuple):
    """A symbol's daily closes (on today's share basis), oldest first, in its listing's unit."""

    days: Sequence[dt.date]
    values: Sequence[float]

    def on(self, day: dt.date) -> float | None:
        """The close of `day`, else of the last day before it with one."""
        at = bisect.bisect_right(self.days, day)
        return self.values[at - 1] if at else None

    def near(self, day: dt.date, within: dt.timedelta) -> float | None:
        """The close of `day`, else of the last day before it, when that day is `within` it."""
        at = bisect.bisect_right(self.days, day)
        return self.values[at - 1] if at and day - self.days[at - 1] <= within else None


class Holding(NamedTuple):
    """What one position's returns are computed from. `rate` is base currency per listing unit
    on a day; `price` the last price (listing unit), `now_rate` the current rate."""

    symbol: str
    lots: Sequence[Lot]
    sells: Sequence[Sell]
    splits: Sequence[Split]
    dividends: Sequence[Dividend]
    written: Sequence[ManualDividend]
    tax: float
    closes: Closes
    price: float | None
    rate: DayValue
    now_rate: float | None
    currency: str | None = None  # the listing's unit (GBp), when known: what its amounts are in


class Benchmark(NamedTuple):
    symbol: str
    closes: Closes
    dividends: Sequence[Dividend]
    rate: DayValue  # base currency per its listing unit on a day
    price: float | None = None  # its last price (listing unit): today's value, as a holding's


class SpanFlows(NamedTuple):
    """A position's flows over a span (base currency): a holding at the span's start (a lot of
    the day before included) is bought at the close before, dated that day, the benchmark's
    same money with it; what is held at the end is sold on `today`."""

    flows: tuple[Flow, ...]
    buys: tuple[tuple[dt.date, float], ...]
    sold: tuple[tuple[dt.date, float], ...]
    dividends: float  # received over the span, after tax
    fees: float = 0.0  # paid on the span's buys and sales


class Outcome(NamedTuple):
    """A return over a span: the position's rate (yearly over a year or more, else the gain on
    the money put in: `Rate.basis`), the benchmark's on the same money, days and basis, the
    difference (0.488 is
    48.8 points), the dividends received and the fees paid (base currency), and the positions
    left out of a group's or the portfolio's figure, each with why (a lot without its date)."""

    rate: Rate
    benchmark: Rate
    excess: Rate
    dividends: float | None = None
    fees: float | None = None
    left_out: tuple[tuple[str, NoReturn], ...] = ()


def value_on(h: Holding, day: dt.date, after: bool = False) -> float | NoReturn:
    """The holding's value at `day`'s close before that day's trades (base currency); after
    them with `after` (what is held at the start of the next day)."""
    shares = held_on(h.lots, h.sells, h.splits, day + _DAY if after else day)
    if shares <= 0:
        return 0.0
    close, unit = h.closes.on(day), h.rate(day)
    if close is None:
        return NoReturn.NO_VALUE
    if unit is None:
        return NoReturn.NO_RATE
    return shares * close * unit


def span_flows(h: Holding, start: dt.date | None, today: dt.date) -> SpanFlows | NoReturn:
    paid = received(h.lots, h.sells, h.splits, h.dividends, h.tax, h.written)
    found = movements(h.lots, h.sells, h.splits, paid, h.rate)
    if isinstance(found, NoReturn):
        return found
    end = _end_value(h, today)
    if isinstance(end, NoReturn):
        return end
    first = min((f.day for f in found.flows), default=None)
    if first is None:
        return NoReturn.NO_FLOWS
    opening: list[tuple[dt.date, float]] = []
    if start is not None and start > first:
        before = value_on(h, start - _DAY, after=True)  # a lot of the day before included
        if isinstance(before, NoReturn):
            return before
        if before > 0:  # held then: as if bought at that day's close
            opening.append((start - _DAY, before))
        found = _from(found, start)
    flows = [Flow(day, -money) for day, money in opening] + list(found.flows)
    if end > 0:
        flows.append(Flow(today, end))
    return SpanFlows(
        tuple(flows),
        (*opening, *found.buys),
        found.sold,
        _dividends_in(h, paid, start),
        _fees_in(h, start),
    )


def _from(m: Movements, start: dt.date) -> Movements:
    return Movements(
        tuple(f for f in m.flows if f.day >= start),
        tuple(b for b in m.buys if b[0] >= start),
        tuple(s for s in m.sold if s[0] >= start),
    )


def _dividends_in(h: Holding, paid: Sequence[Received], start: dt.date | None) -> float:
    """What the dividends from `start` on brought, after tax, in the base currency."""
    total = 0.0
    for r in paid:
        if start is None or r.day >= start:
            unit = h.rate(r.day)
            total += r.net * (unit if unit is not None else 0.0)
    return total


def _fees_in(h: Holding, start: dt.date | None) -> float:
    """The fees of the buys and sales from `start` on, in the base currency: a lot's at its own
    rate paid when it has one (as its cost), else each at its day's rate."""
    total = 0.0
    for lot in h.lots:
        if lot.fees and lot.date is not None and (start is None or lot.date >= start):
            unit = lot.fx if lot.fx is not None else h.rate(lot.date)
            total += lot.fees * (unit if unit is not None else 0.0)
    for sell in h.sells:
        if sell.fees and (start is None or sell.date >= start):
            unit = h.rate(sell.date)
            total += sell.fees * (unit if unit is not None else 0.0)
    return total


def _end_value(h: Holding, today: dt.date) -> float | NoReturn:
    shares = held_on(h.lots, h.sells, h.splits, today + _DAY)
    if shares <= 0:
        return 0.0
    price = h.price if h.price is not None else h.closes.on(today)
    unit = h.now_rate if h.now_rate is not None else h.rate(today)
    if price is None:
        return NoReturn.NO_VALUE
    if unit is None:
        return NoReturn.NO_RATE
    return shares * price * unit


def mirrored(flows: SpanFlows, b: Benchmark, today: dt.date) -> list[Flow] | NoReturn:
    """`flows`' money in the benchmark, priced in the base currency."""

    def price(day: dt.date) -> float | None:
        close = (
            b.price if day == today and b.price is not None else b.closes.near(day, BENCHMARK_GAP)
        )
        unit = b.rate(day)
        return None if close is None or unit is None else close * unit

    paid = []
    for d in b.dividends:
        unit = b.rate(d.day)
        if unit is not None:
            paid.append(Dividend(d.symbol, d.day, d.amount * unit))
    return benchmark_flows(flows.buys, flows.sold, today, price, paid)


def outcome(pairs: Sequence[tuple[Holding, Benchmark]], span: Span, today: dt.date) -> Outcome:
    """The return of the positions in `pairs` together (one for a ticker, a group's or the
    portfolio's), each position's money mirrored in its own benchmark. Over several positions,
    one with an undated lot is left out and named (`left_out`); alone, it has no return. The
    rates are yearly (XIRR) when the flows span a year or more, else the gain on the money put
    in: a yearly rate put back over days most of the money was not invested would say neither
    what the money made nor what it makes a year."""
    start = span.start(today)
    own: list[Flow] = []
    theirs: list[Flow] = []
    dividends = fees = 0.0
    benchmark_missing: NoReturn | None = None
    left_out: list[tuple[str, NoReturn]] = []
    for holding, bench in pairs:
        flows = span_flows(holding, start, today)
        if flows is NoReturn.NO_FLOWS:
            continue
        if flows is NoReturn.UNDATED and len(pairs) > 1:
            left_out.append((holding.symbol, flows))
            continue
        if isinstance(flows, NoReturn):
            missing = Rate.missing(flows)
            return Outcome(missing, missing, missing)
        own += flows.flows
        dividends += flows.dividends
        fees += flows.fees
        copied = mirrored(flows, bench, today)
        if isinstance(copied, NoReturn):
            benchmark_missing = copied
        else:
            theirs += copied
    if not own and left_out:  # every position left out: none of them can be placed
        missing = Rate.missing(NoReturn.UNDATED)
        return Outcome(missing, missing, missing, left_out=tuple(left_out))
    days = (today - min(f.day for f in own)).days if own else 0
    yearly = days >= YEAR_DAYS
    measure = xirr if yearly else gain_on_money_in
    rate = measure(own)._replace(basis=Basis.YEARLY if yearly else Basis.MONEY_IN)
    other = Rate.missing(benchmark_missing) if benchmark_missing else measure(theirs)
    other = other._replace(basis=rate.basis)
    return Outcome(
        rate, other, excess(rate, other), _finite(dividends), _finite(fees), tuple(left_out)
    )


def _finite(total: float) -> float | None:
    """A sum of money, None when past a float (a stored amount beyond sense)."""
    return total if math.isfinite(total) else None


def time_weighted(holdings: Sequence[Holding], span: Span, today: dt.date) -> Rate:
    """The portfolio's time-weighted rate over `span` (yearly over a year or more, else over
    the span): valued at each day money moved, at that day's close before its trades with that
    day's dividends in it (they are taken out that day: a value they were never in would count
    them twice), and today: what is held, with what today's sales and dividends brought, less
    what today's buys cost (today's trades are not new money). A position with an undated lot
    is left out, as `outcome` leaves it out of the money-weighted rate."""
    start = span.start(today)
    by_day: dict[dt.date, float] = {}
    end = 0.0
    counted: list[Holding] = []
    for h in holdings:
        flows = span_flows(h, start, today)
        if flows is NoReturn.NO_FLOWS or (flows is NoReturn.UNDATED and len(holdings) > 1):
            continue
        if isinstance(flows, NoReturn):
            return Rate.missing(flows)
        counted.append(h)
        for f in flows.flows:
            if f.day < today:
                by_day[f.day] = by_day.get(f.day, 0.0) - f.amount
            else:  # what is held today (its value, a flow of today), and today's trades
                end += f.amount
    paid = [_paid_by_day(h) for h in counted]
    valuations = []
    opened = None if start is None else start - _DAY  # the close the span's holdings open at
    for day in sorted(by_day):
        if day == opened:  # what is held then is the money put in (no dividend of it counts)
            valuations.append(Valuation(day, 0.0, by_day[day]))
            continue
        total = math.fsum(dividends.get(day, 0.0) for dividends in paid)
        for h in counted:
            value = value_on(h, day)
            if isinstance(value, NoReturn):
                return Rate.missing(value)
            total += value
        valuations.append(Valuation(day, total, by_day[day]))
    valuations.append(Valuation(today, end, 0.0))
    return twr(valuations)


def _paid_by_day(h: Holding) -> dict[dt.date, float]:
    """What the holding's dividends brought on each ex-date, after tax (base currency)."""
    out: dict[dt.date, float] = {}
    for r in received(h.lots, h.sells, h.splits, h.dividends, h.tax, h.written):
        unit = h.rate(r.day)
        if unit is not None and r.net:
            out[r.day] = out.get(r.day, 0.0) + r.net * unit
    return out
