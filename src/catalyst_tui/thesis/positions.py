"""Lots (what was bought, when, at what cost) and what a position made of them is: shares and cost
basis on today's share basis, after every split since each lot was bought."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..market.models import Split


class Lot(NamedTuple):
    """One purchase as written in the file: `cost` is per share, on the basis of `date`."""

    shares: float
    cost: float
    date: dt.date | None = None
    note: str = ""


class AdjustedLot(NamedTuple):
    """A lot on today's basis: `factor` is what its shares were multiplied (and its cost per share
    divided) by, for the splits since it was bought. `uncertain` when it has no date but the
    symbol has split: it can't be placed before or after, so it is taken as written."""

    lot: Lot
    shares: float
    cost: float
    factor: float
    uncertain: bool


class Holding(NamedTuple):
    shares: float
    basis: float
    uncertain: bool  # a lot without a date, and a split it may predate


def split_factor(splits: Iterable[Split], since: dt.date) -> float:
    """How many of today's shares one share held on `since` became."""
    factor = 1.0
    for split in splits:
        if split.day > since:  # a lot bought on the split's day is already on the new basis
            factor *= split.ratio
    return factor


def adjusted(lot: Lot, splits: Sequence[Split]) -> AdjustedLot:
    if not splits:
        return AdjustedLot(lot, lot.shares, lot.cost, 1.0, False)
    if lot.date is None:
        return AdjustedLot(lot, lot.shares, lot.cost, 1.0, True)
    factor = split_factor(splits, lot.date)
    return AdjustedLot(lot, lot.shares * factor, lot.cost / factor, factor, False)


def holding(lots: Iterable[Lot], splits: Sequence[Split] = ()) -> Holding:
    """The shares held and what they cost in all (a split changes the shares, not the basis)."""
    shares = basis = 0.0
    uncertain = False
    for lot in lots:
        basis += lot.shares * lot.cost
        if splits:
            found = adjusted(lot, splits)
            shares += found.shares
            uncertain = uncertain or found.uncertain
        else:
            shares += lot.shares
    return Holding(shares, basis, uncertain)


def shares_and_basis(lots: Iterable[Lot], splits: Sequence[Split] = ()) -> tuple[float, float]:
    """The shares held (today's basis) and what they cost in all."""
    found = holding(lots, splits)
    return found.shares, found.basis
