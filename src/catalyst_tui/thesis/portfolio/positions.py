"""Lots (what was bought, when, at what cost) and what a position made of them is: shares and cost
basis on today's share basis, after every split since each lot was bought."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ...market.models import Split


class Lot(NamedTuple):
    """One purchase as written in the file: `cost` is per share, on the basis of `date`, in the
    listing's currency; `fx`, when given, is the rate paid (base currency per unit of it);
    `fees` in all, in the listing's unit, part of the cost basis. `currency`: the currency
    `cost` (and `fees`) are written in when an import had no rate of the day to the listing's
    (`fees_currency` the fees' alone): converted at that day's stored rate once there is one
    (store/sync.py), and counted only then."""

    shares: float
    cost: float
    date: dt.date | None = None
    note: str = ""
    fx: float | None = None
    fees: float = 0.0
    currency: str = ""
    fees_currency: str = ""

    @property
    def cost_with_fees(self) -> float:
        """The cost per share with the fees spread over the shares."""
        return self.cost + self.fees / self.shares if self.fees and self.shares else self.cost


class AdjustedLot(NamedTuple):
    """A lot on today's basis: `factor` is what its shares were multiplied (and its cost per share
    divided) by, for the splits since it was bought. `uncertain` when it has no date but the
    symbol has split: it can't be placed before or after, so it is taken as written."""

    lot: Lot
    shares: float
    cost: float
    factor: float
    uncertain: bool


def split_factor(splits: Iterable[Split], since: dt.date) -> float:
    """How many of today's shares one share held on `since` became."""
    factor = 1.0
    for split in splits:
        if split.day > since:  # a lot bought on the split's day is already on the new basis
            factor *= split.ratio
    return factor


def adjusted(lot: Lot, splits: Sequence[Split]) -> AdjustedLot:
    cost = lot.cost_with_fees
    if not splits:
        return AdjustedLot(lot, lot.shares, cost, 1.0, False)
    if lot.date is None:
        return AdjustedLot(lot, lot.shares, cost, 1.0, True)
    factor = split_factor(splits, lot.date)
    return AdjustedLot(lot, lot.shares * factor, cost / factor, factor, False)


# -- sales, first-in first-out -------------------------------------------------------------------


class Sell(NamedTuple):
    """One sale as written in the file: `price` per share and `fees` in all, in the listing's
    unit, on the basis of `date`; in `currency` (the fees in `fees_currency`) as a lot may be."""

    shares: float
    price: float
    date: dt.date
    fees: float = 0.0
    note: str = ""
    currency: str = ""
    fees_currency: str = ""


class OpenLot(NamedTuple):
    """What is left of a lot after the sales, on today's share basis."""

    lot: Lot
    shares: float
    cost: float  # per share, today's basis


class Sale(NamedTuple):
    """A sale and the lot parts it took, first-in first-out. `cost` is what those parts cost
    (listing's unit), `paid` the part of it that carried a rate paid, already times that rate
    (base currency, listing's unit); `short` the shares sold that no lot held."""

    sell: Sell
    shares: float  # today's basis
    proceeds: float  # shares × price − fees
    cost: float
    cost_without_fx: float
    paid: float
    short: float


class Position(NamedTuple):
    open_lots: tuple[OpenLot, ...]
    sales: tuple[Sale, ...]
    uncertain: bool

    @property
    def shares(self) -> float:
        return sum(o.shares for o in self.open_lots)

    @property
    def basis(self) -> float:
        return sum(o.shares * o.cost for o in self.open_lots)

    def basis_in(self, rate: float) -> float:
        """The basis in base currency (listing's unit): lots with a rate paid at theirs, the
        others at `rate`."""
        return sum(
            o.shares * o.cost * (rate if o.lot.fx is None else o.lot.fx) for o in self.open_lots
        )


_EPSILON = 1e-9


def fifo(lots: Sequence[Lot], sells: Sequence[Sell], splits: Sequence[Split] = ()) -> Position:
    """The sales matched against the lots first-in first-out: each sale, in date order, takes
    the oldest shares still held (lots in date order, a lot without a date first, ties in file
    order), on today's share basis. What is left is the position."""
    if not sells and not splits:  # most positions: every lot whole, as written
        return Position(
            tuple(OpenLot(lot, lot.shares, lot.cost_with_fees) for lot in lots), (), False
        )
    _order, adjusted_lots, left, sales = _matched(lots, sells, splits)
    open_lots = tuple(
        OpenLot(a.lot, left[i], a.cost) for i, a in enumerate(adjusted_lots) if left[i] > _EPSILON
    )
    return Position(open_lots, tuple(sales), any(a.uncertain for a in adjusted_lots))


def held_of_each(
    lots: Sequence[Lot], sells: Sequence[Sell], splits: Sequence[Split] = ()
) -> list[float]:
    """The shares each lot still holds after the sales (first-in first-out, as `fifo`), on
    today's share basis, in the lots' own order: 0 for a lot sold whole."""
    order, _adjusted, left, _sales = _matched(lots, sells, splits)
    held = [0.0] * len(lots)
    for place, index in enumerate(order):
        held[index] = left[place] if left[place] > _EPSILON else 0.0
    return held


def _matched(
    lots: Sequence[Lot], sells: Sequence[Sell], splits: Sequence[Split]
) -> tuple[list[int], list[AdjustedLot], list[float], list[Sale]]:
    """The lots in matching order (their indexes), on today's basis, the shares each has left,
    and the sales with the lot parts they took."""
    order = sorted(range(len(lots)), key=lambda i: (lots[i].date or dt.date.min, i))
    adjusted_lots = [adjusted(lots[i], splits) for i in order]
    left = [a.shares for a in adjusted_lots]
    sales: list[Sale] = []
    for sell in sorted(sells, key=lambda s: s.date):
        factor = split_factor(splits, sell.date) if splits else 1.0
        wanted = sell.shares * factor
        cost = without_fx = paid = 0.0
        for i, a in enumerate(adjusted_lots):
            if wanted <= _EPSILON:
                break
            if left[i] <= _EPSILON or (a.lot.date is not None and a.lot.date > sell.date):
                continue
            taken = min(left[i], wanted)
            left[i] -= taken
            wanted -= taken
            cost += taken * a.cost
            if a.lot.fx is None:
                without_fx += taken * a.cost
            else:
                paid += taken * a.cost * a.lot.fx
        proceeds = sell.shares * sell.price - sell.fees
        sales.append(
            Sale(sell, sell.shares * factor, proceeds, cost, without_fx, paid, max(0.0, wanted))
        )
    return order, adjusted_lots, left, sales
