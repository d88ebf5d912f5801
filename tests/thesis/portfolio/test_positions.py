"""Lots on today's share basis: a split multiplies the shares and divides the cost per share of
every lot bought before it, and leaves what the position cost and is worth unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.market.models import Split
from catalyst_tui.thesis.portfolio.positions import Lot, adjusted, fifo, split_factor

D = dt.date
NVDA_2024 = Split("NVDA", D(2024, 6, 10), 10, 1)
NVDA_2021 = Split("NVDA", D(2021, 7, 20), 4, 1)


def test_split_factor_counts_the_splits_after_the_day():
    splits = [NVDA_2021, NVDA_2024]
    assert split_factor(splits, D(2020, 1, 2)) == 40  # 4:1 then 10:1
    assert split_factor(splits, D(2023, 1, 3)) == 10
    assert split_factor(splits, D(2024, 6, 10)) == 1  # bought on the split's day: new basis
    assert split_factor(splits, D(2024, 6, 7)) == 10
    assert split_factor([Split("X", D(2024, 1, 2), 1, 8)], D(2023, 1, 1)) == 0.125  # reverse


def test_a_lot_bought_before_a_split_has_ten_times_the_shares_at_a_tenth_of_the_cost():
    lot = Lot(40, 900.0, D(2024, 1, 16), "before the split")
    found = adjusted(lot, [NVDA_2024])
    assert (found.shares, found.cost, found.factor, found.uncertain) == (400, 90.0, 10, False)
    assert found.lot is lot  # the file's lot, as written, stays with it
    # The position cost the same in all: 40 × 900 = 400 × 90 = 36,000.
    assert found.shares * found.cost == pytest.approx(40 * 900.0)


def test_a_lot_bought_after_the_split_is_as_written():
    found = adjusted(Lot(100, 120.0, D(2024, 7, 1)), [NVDA_2024])
    assert (found.shares, found.cost, found.factor) == (100, 120.0, 1)


def test_a_lot_without_a_date_is_taken_as_written_and_marked_uncertain():
    found = adjusted(Lot(40, 900.0), [NVDA_2024])
    assert (found.shares, found.cost, found.uncertain) == (40, 900.0, True)
    assert adjusted(Lot(40, 900.0), []).uncertain is False  # no split: nothing to place


def test_a_position_sums_shares_on_todays_basis_and_the_cost_as_paid():
    lots = [Lot(40, 900.0, D(2024, 1, 16)), Lot(100, 120.0, D(2024, 7, 1))]
    held = fifo(lots, (), [NVDA_2024])
    assert held.shares == 400 + 100
    assert held.basis == pytest.approx(40 * 900 + 100 * 120)
    assert held.uncertain is False
    # Value at a post-split price of 130: 500 × 130 = 65,000, gain 65,000 − 48,000 = 17,000,
    # the same as the pre-split lot at 1,300 (40 × 1,300 = 52,000) plus the later lot.
    assert held.shares * 130 - held.basis == pytest.approx(40 * 1300 + 100 * 130 - 48_000)
    assert fifo([*lots, Lot(5, 100.0)], (), [NVDA_2024]).uncertain is True
