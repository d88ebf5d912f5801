"""Returns from cash flows: the money-weighted rate (XIRR: the yearly rate that brings the flows'
present value to zero), the gain on the money put in (what the flows add up to over what went
in: the money-weighted figure of a span shorter than a year) and the time-weighted rate (the
growth of the holdings between flows, chained). Pure; a rate that cannot be computed is None
with its reason, never a guess."""

from __future__ import annotations

import itertools
import math
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

YEAR_DAYS = 365.0  # XIRR's convention (a spreadsheet's XIRR, Portfolio Performance's IRR)
# The growth a rate is given for, on every basis: from losing all but a millionth to a
# millionfold, a year (the yearly rate), over the span (time-weighted) or on the money put in. A
# rate past it (a doubling in a day is 2^365 a year) is reported as out of range, not shown.
_LOW_GROWTH, _HIGH_GROWTH = 1e-6, 1e6
_GRID = 240  # steps of ln(growth) over the range, each bisected where the NPV changes sign


class NoReturn(StrEnum):
    """Why a rate is None."""

    NO_FLOWS = "no_flows"  # nothing bought
    ONE_DAY = "one_day"  # every flow on one day: no time to grow
    NO_SIGN_CHANGE = "no_sign_change"  # money only in, or only out
    OUT_OF_RANGE = "out_of_range"  # beyond a millionfold a year either way
    SEVERAL_RATES = "several_rates"  # the flows' present value is zero at more than one rate
    NO_VALUE = "no_value"  # a holding without a price on a day the rate needs
    NO_BENCHMARK = "no_benchmark"  # the benchmark has no price on a flow's day
    UNDATED = "undated"  # a lot without its day: it cannot be placed in time
    NO_RATE = "no_rate"  # no exchange rate for a flow's day


class Basis(StrEnum):
    """What a rate is per: a year (flows over a year or more), the span (time-weighted growth
    over a span shorter than a year), or the money put in (money-weighted over a shorter span:
    the gain over what went in, never a yearly rate put back over days the money was not
    invested)."""

    YEARLY = "yearly"
    SPAN = "span"
    MONEY_IN = "money_in"


class Flow(NamedTuple):
    """Money on a day, from the investor's side: negative put in (a buy, its fees), positive
    taken out (a sale's proceeds, a dividend, what is still held at the end)."""

    day: dt.date
    amount: float


class Rate(NamedTuple):
    """A rate (0.25 is +25%), or None with why, on its `basis`: a yearly one over a year or
    more, else the growth over the span or the gain on the money put in, never put on a year
    (a month's +3% is not +43% a year)."""

    value: float | None
    reason: NoReturn | None = None
    basis: Basis = Basis.YEARLY

    @classmethod
    def missing(cls, reason: NoReturn) -> Rate:
        return cls(None, reason)

    @property
    def yearly(self) -> bool:
        return self.basis is Basis.YEARLY


def _npv_sign(flows: Sequence[tuple[float, float]], log_growth: float) -> float:
    """The flows' present value at growth e^log_growth, scaled by a positive factor (each
    discount taken against the largest, so no term overflows): only its sign and zero matter."""
    exponents = [-years * log_growth for years, _ in flows]
    top = max(exponents)
    return math.fsum(
        amount * math.exp(e - top) for (_, amount), e in zip(flows, exponents, strict=True)
    )


_BASIS_WORDS = {
    Basis.YEARLY: "a year",
    Basis.SPAN: "over the span",
    Basis.MONEY_IN: "on the money put in",
}


def basis_text(basis: Basis) -> str:
    """What a rate is per, in words: 'a year', 'over the span' or 'on the money put in' (the
    metrics' notes and every surface's labels say it so)."""
    return _BASIS_WORDS[basis]


def per_span(days: int) -> float:
    """The period a rate is given per: a year (365 days) for a span of a year or more, else the
    span's own days, so a rate over a shorter span is its return over the span."""
    return YEAR_DAYS if days >= YEAR_DAYS else float(max(days, 1))


def gain_on_money_in(flows: Sequence[Flow]) -> Rate:
    """What `flows` made on the money put in: their sum (what came out and is still held, less
    what went in) over the money put in (the sum of the flows out of the investor's pocket),
    on the basis MONEY_IN. A portfolio's is its positions' weighted by the money each took, so
    it lies between theirs; the same money in a benchmark gives the benchmark's on the same
    basis. Flows all on one day are ONE_DAY, as `xirr` says; what came back beyond a millionfold
    of what went in, either way, OUT_OF_RANGE, as the yearly rate's range says."""
    if not flows:
        return Rate.missing(NoReturn.NO_FLOWS)
    if any(not math.isfinite(f.amount) for f in flows):
        return Rate.missing(NoReturn.OUT_OF_RANGE)
    if len({f.day for f in flows}) < 2:
        return Rate.missing(NoReturn.ONE_DAY)
    put_in = math.fsum(-f.amount for f in flows if f.amount < 0)
    if put_in <= 0.0 or all(f.amount <= 0 for f in flows):
        return Rate.missing(NoReturn.NO_SIGN_CHANGE)
    gain = math.fsum(f.amount for f in flows) / put_in
    # What came back per unit put in, bounded as a yearly rate's growth is: a millionfold fall
    # (a chart's 1e-6 after a price of 2) or rise is out of range, on this basis as on the year's.
    if not (math.isfinite(gain) and _LOW_GROWTH <= 1.0 + gain <= _HIGH_GROWTH):
        return Rate.missing(NoReturn.OUT_OF_RANGE)
    return Rate(gain, basis=Basis.MONEY_IN)


def xirr(flows: Sequence[Flow]) -> Rate:
    """The money-weighted yearly rate of `flows` (days counted from the first, a year of 365):
    the one rate at which their present value is zero, found by bisection on
    ln(1 + rate). With one change of sign in time order there is at most one; otherwise the
    range is scanned for every change of the present value's sign, and more than one is no
    rate. Flows all on one day are ONE_DAY, whatever they add up to."""
    if not flows:
        return Rate.missing(NoReturn.NO_FLOWS)
    if any(not math.isfinite(f.amount) for f in flows):
        return Rate.missing(NoReturn.OUT_OF_RANGE)
    per = YEAR_DAYS
    first = min(f.day for f in flows)
    if all(f.day == first for f in flows):
        return Rate.missing(NoReturn.ONE_DAY)
    merged: dict[float, float] = {}
    for f in flows:  # same-day flows are one flow
        years = (f.day - first).days / per
        merged[years] = merged.get(years, 0.0) + f.amount
    points = sorted((years, amount) for years, amount in merged.items() if amount != 0.0)
    if not points:
        return Rate.missing(NoReturn.NO_SIGN_CHANGE)  # every day's flows cancel: nothing in
    if len(points) < 2:
        return Rate.missing(NoReturn.NO_SIGN_CHANGE)  # money one way, on one day
    if all(a > 0 for _, a in points) or all(a < 0 for _, a in points):
        return Rate.missing(NoReturn.NO_SIGN_CHANGE)
    low, high = math.log(_LOW_GROWTH), math.log(_HIGH_GROWTH)
    changes = sum((a < 0) != (b < 0) for (_, a), (_, b) in itertools.pairwise(points))
    if changes == 1:  # Descartes' rule of signs: one change in time order, at most one rate
        at_low, at_high = _npv_sign(points, low), _npv_sign(points, high)
        if at_low == 0.0 or at_high == 0.0:
            return Rate(math.expm1(low if at_low == 0.0 else high))
        if (at_low > 0) == (at_high > 0):
            return Rate.missing(NoReturn.OUT_OF_RANGE)
        return Rate(math.expm1(_bisect(points, low, high, at_low)))
    step = (high - low) / _GRID
    roots: list[float] = []
    previous_x, previous = low, _npv_sign(points, low)
    for k in range(1, _GRID + 1):
        x = low + k * step
        value = _npv_sign(points, x)
        if previous == 0.0:
            roots.append(previous_x)
        elif value != 0.0 and (value > 0) != (previous > 0):
            roots.append(_bisect(points, previous_x, x, previous))
        previous_x, previous = x, value
    if previous == 0.0:
        roots.append(previous_x)
    if not roots:
        return Rate.missing(NoReturn.OUT_OF_RANGE)
    if len(roots) > 1:
        return Rate.missing(NoReturn.SEVERAL_RATES)
    return Rate(math.expm1(roots[0]))


def _bisect(points: Sequence[tuple[float, float]], a: float, b: float, at_a: float) -> float:
    for _ in range(200):
        middle = (a + b) / 2
        if middle in (a, b):
            break
        value = _npv_sign(points, middle)
        if value == 0.0:
            return middle
        if (value > 0) == (at_a > 0):
            a, at_a = middle, value
        else:
            b = middle
    return (a + b) / 2


class Valuation(NamedTuple):
    """The holdings' value on `day` before that day's flow, and the money the investor put in
    that day (`inflow`: a buy positive, a sale or a dividend taken out negative)."""

    day: dt.date
    value: float
    inflow: float = 0.0


def twr(valuations: Sequence[Valuation]) -> Rate:
    """The time-weighted rate: the growth of each span between flows (value at its end over
    value after the flow at its start), chained, then put on a yearly basis over the days from
    the first valuation to the last when they are a year or more, else the growth over them. A
    span that starts with nothing held is skipped (nothing could grow), one that ends with a
    value from nothing is out of range."""
    if len(valuations) < 2:
        return Rate.missing(NoReturn.NO_FLOWS if not valuations else NoReturn.ONE_DAY)
    ordered = sorted(valuations, key=lambda v: v.day)
    days = (ordered[-1].day - ordered[0].day).days
    if days <= 0:
        return Rate.missing(NoReturn.ONE_DAY)
    if any(not (math.isfinite(v.value) and math.isfinite(v.inflow)) for v in ordered):
        return Rate.missing(NoReturn.OUT_OF_RANGE)
    log_growth = 0.0
    for before, after in itertools.pairwise(ordered):
        start = before.value + before.inflow
        if start <= 0.0:
            if start < 0.0 or after.value > 0.0:
                return Rate.missing(NoReturn.OUT_OF_RANGE)
            continue
        if after.value <= 0.0:
            return Rate.missing(NoReturn.OUT_OF_RANGE)  # all lost: no yearly rate
        log_growth += math.log(after.value / start)
    per = per_span(days)
    growth = log_growth * per / days
    if not math.log(_LOW_GROWTH) <= growth <= math.log(_HIGH_GROWTH):
        return Rate.missing(NoReturn.OUT_OF_RANGE)
    return Rate(math.expm1(growth), basis=Basis.YEARLY if per >= YEAR_DAYS else Basis.SPAN)


def excess(position: Rate, benchmark: Rate) -> Rate:
    """The position's rate minus the benchmark's on the same flows and days (0.1 is 10 points),
    on the position's basis."""
    if position.value is None:
        return position
    if benchmark.value is None:
        return benchmark._replace(basis=position.basis)
    return Rate(position.value - benchmark.value, basis=position.basis)
