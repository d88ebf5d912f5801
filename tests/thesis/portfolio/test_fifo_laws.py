"""FIFO's laws over generated lots and sales (Hypothesis): no lot is left holding a negative
quantity, the shares sales take from lots never exceed the shares bought, and what is held is
what was bought less what the sales took."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalyst_tui.thesis.portfolio.positions import Lot, Sell, fifo, held_of_each

START = dt.date(2024, 1, 2)
day = st.integers(min_value=0, max_value=700).map(lambda n: START + dt.timedelta(days=n))
shares = st.floats(min_value=0.001, max_value=1e5, allow_nan=False, allow_infinity=False)
lots = st.lists(
    st.builds(Lot, shares, st.floats(min_value=0.01, max_value=1e4), st.one_of(st.none(), day)),
    min_size=1,
    max_size=6,
)
sells = st.lists(st.builds(Sell, shares, st.floats(min_value=0.01, max_value=1e4), day), max_size=6)


@settings(max_examples=300, deadline=None)
@given(lots, sells)
def test_fifo_never_holds_a_negative_quantity_and_sells_never_exceed_buys(
    bought: list[Lot], sold: list[Sell]
) -> None:
    position = fifo(bought, sold)
    total = sum(lot.shares for lot in bought)
    assert all(o.shares >= 0 for o in position.open_lots)
    assert all(held >= 0 for held in held_of_each(bought, sold))
    # a sale's shares are taken from lots, or said to be short (no lot held them)
    assert all(0 <= s.short <= s.shares for s in position.sales)
    taken = sum(s.shares - s.short for s in position.sales)
    assert taken <= total * (1 + 1e-9) + 1e-9
    assert position.shares == pytest.approx(total - taken, rel=1e-9, abs=1e-6)
    # every share a sale names is counted once: none lost, none made
    named = sum(s.shares for s in position.sales)
    assert named == pytest.approx(sum(s.shares for s in sold), rel=1e-9, abs=1e-6)
