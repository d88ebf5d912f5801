"""A position as cash flows: its buys (with their fees), its sales (net of fees), the dividends
its shares received, and what it holds at the end; and the same money put into a benchmark.
Pure: prices and rates come in as functions of the day, so a test gives them by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .positions import Lot, Sell, adjusted, split_factor
from .returns import Flow, NoReturn

if TYPE_CHECKING:
    from ...market.models import Dividend, Split

# What a unit of the listing's currency is worth in the flows' currency on a day (1.0 when they
# are one), or a price on a day (the last close on or before it), in the flows' currency.
DayValue = Callable[[dt.date], float | None]


class ManualDividend(NamedTuple):
    """A dividend as written in the file: what was received on `date` (after any tax withheld),
    in the listing's unit; it stands for the provider's dividend of that day if there is one.
    `tax` is what was withheld, in the listing's unit (None: not stated), or in `tax_currency`
    when the statement gives it in another currency and no rate to the listing's."""

    date: dt.date
    amount: float
    note: str = ""
    tax: float | None = None
    tax_currency: str = ""
    ex_date: dt.date | None = None  # when the statement gives it: the shares of that morning


class Received(NamedTuple):
    """A dividend the position received: the shares held on the ex-date (today's basis), the
    amount per share, before and after the tax withheld, in the listing's unit."""

    day: dt.date
    shares: float
    per_share: float
    gross: float
    net: float
    manual: bool = False
    tax: float | None = None  # a manual entry's tax withheld in the listing's unit, when stated
    ex_date: dt.date | None = None  # a manual entry's ex-date, when the file states it


def held_on(
    lots: Sequence[Lot], sells: Sequence[Sell], splits: Sequence[Split], day: dt.date
) -> float:
    """The shares held at the start of `day` (bought before it, less what was sold before it),
    on today's share basis: what an ex-date's dividend is paid on. A lot without a date counts
    as held."""
    bought = sum(adjusted(lot, splits).shares for lot in lots if lot.date is None or lot.date < day)
    sold = sum(
        s.shares * (split_factor(splits, s.date) if splits else 1.0) for s in sells if s.date < day
    )
    return max(0.0, bought - sold)


def received(
    lots: Sequence[Lot],
    sells: Sequence[Sell],
    splits: Sequence[Split],
    dividends: Sequence[Dividend],
    tax: float = 0.0,
    manual: Sequence[ManualDividend] = (),
) -> list[Received]:
    """What each dividend paid the position, by ex-date: the shares held that morning times the
    amount per share (the provider's amounts are on today's share basis, as its bars are), less
    `tax` (0.15 for 15% withheld); a manual entry replaces the provider's dividend of its day."""
    written = {m.date for m in manual} | {m.ex_date for m in manual if m.ex_date is not None}
    out: list[Received] = []
    for d in dividends:
        if d.day in written:
            continue
        shares = held_on(lots, sells, splits, d.day)
        if shares > 0:
            gross = shares * d.amount
            out.append(Received(d.day, shares, d.amount, gross, gross * (1.0 - tax)))
    for m in manual:
        shares = held_on(lots, sells, splits, m.ex_date or m.date)
        per_share = m.amount / shares if shares > 0 else 0.0
        stated = None if m.tax is None or m.tax_currency else m.tax
        gross = m.amount + (stated or 0.0)
        out.append(Received(m.date, shares, per_share, gross, m.amount, True, stated, m.ex_date))
    return sorted(out, key=lambda r: r.day)


class Movements(NamedTuple):
    """A position's flows in one currency and, for a benchmark to copy, the money each buy put
    in and the share of the holding each sale took out."""

    flows: tuple[Flow, ...]
    buys: tuple[tuple[dt.date, float], ...]
    sold: tuple[tuple[dt.date, float], ...]


def movements(
    lots: Sequence[Lot],
    sells: Sequence[Sell],
    splits: Sequence[Split],
    dividends: Sequence[Received],
    rate: DayValue,
) -> Movements | NoReturn:
    """The flows of a position, in the currency `rate` converts the listing's unit into: a lot
    costs its shares × cost + fees at its own rate paid when it has one, else at `rate` of its
    day; a sale brings shares × price − fees, a dividend what was received after tax, each at
    `rate` of its day. NoReturn when a lot has no date or a day has no rate."""
    flows: list[Flow] = []
    buys: list[tuple[dt.date, float]] = []
    for lot in lots:
        if lot.date is None:
            return NoReturn.UNDATED
        unit = lot.fx if lot.fx is not None else rate(lot.date)
        if unit is None:
            return NoReturn.NO_RATE
        money = (lot.shares * lot.cost + lot.fees) * unit
        flows.append(Flow(lot.date, -money))
        buys.append((lot.date, money))
    sold: list[tuple[dt.date, float]] = []
    ordered = sorted(sells, key=lambda s: s.date)
    for k, sell in enumerate(ordered):
        unit = rate(sell.date)
        if unit is None:
            return NoReturn.NO_RATE
        flows.append(Flow(sell.date, (sell.shares * sell.price - sell.fees) * unit))
        factor = split_factor(splits, sell.date) if splits else 1.0
        # held before this sale: what the day ends with, plus this and the day's later sales
        later = sum(s.shares for s in ordered[k:] if s.date == sell.date) * factor
        before = held_on(lots, sells, splits, sell.date + dt.timedelta(days=1)) + later
        sold.append((sell.date, min(1.0, sell.shares * factor / before) if before > 0 else 1.0))
    for d in dividends:
        unit = rate(d.day)
        if unit is None:
            return NoReturn.NO_RATE
        if d.net:
            flows.append(Flow(d.day, d.net * unit))
    return Movements(tuple(flows), tuple(buys), tuple(sold))


def benchmark_flows(
    buys: Sequence[tuple[dt.date, float]],
    sold: Sequence[tuple[dt.date, float]],
    end: dt.date,
    price: DayValue,
    dividends: Sequence[Dividend] = (),
) -> list[Flow] | NoReturn:
    """The same money in the benchmark: each buy's money buys it at that day's close, each sale
    sells the same share of the benchmark holding, its dividends are bought back in at their
    ex-date's close, and what it holds is valued at `end`'s close (all in the flows' currency)."""
    events: list[tuple[dt.date, int, float]] = [(d.day, 0, d.amount) for d in dividends]
    events += [(day, 1, money) for day, money in buys]
    events += [(day, 2, share) for day, share in sold]
    events.sort(key=lambda e: (e[0], e[1]))
    first = min((day for day, _ in buys), default=None)
    units = 0.0
    flows: list[Flow] = []
    for day, kind, figure in events:
        if first is None or day < first or day > end:
            continue
        close = price(day)
        if close is None or close <= 0:
            return NoReturn.NO_BENCHMARK
        if kind == 0:  # a dividend per unit, bought back in
            units += units * figure / close
        elif kind == 1:
            units += figure / close
            flows.append(Flow(day, -figure))
        else:
            taken = units * figure
            units -= taken
            flows.append(Flow(day, taken * close))
    last = price(end)
    if last is None:
        return NoReturn.NO_BENCHMARK
    if units > 0:
        flows.append(Flow(end, units * last))
    return flows
