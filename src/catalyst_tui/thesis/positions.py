"""Lots (what was bought, when, at what cost) and what a position made of them is worth."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple


class Lot(NamedTuple):
    """One purchase: `cost` is per share."""

    shares: float
    cost: float
    date: dt.date | None = None
    note: str = ""


def shares_and_basis(lots: Iterable[Lot]) -> tuple[float, float]:
    """The shares held and what they cost in all."""
    shares = basis = 0.0
    for lot in lots:
        shares += lot.shares
        basis += lot.shares * lot.cost
    return shares, basis
