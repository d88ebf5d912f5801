"""Sales matched against lots first-in first-out: the oldest shares go first, a lot bought after
a sale is not sold by it, splits put lots and sales on today's basis, a rate paid stays with the
shares it paid for."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.market.models import Split
from catalyst_tui.thesis.portfolio.positions import Lot, Sell, fifo

D = dt.date


def test_the_oldest_shares_are_sold_first_whatever_the_file_order():
    lots = [Lot(5, 200, D(2024, 6, 3)), Lot(10, 150, D(2024, 1, 10))]
    position = fifo(lots, [Sell(12, 220, D(2025, 1, 2), fees=5)])
    [sale] = position.sales
    assert sale.cost == pytest.approx(10 * 150 + 2 * 200)
    assert sale.proceeds == pytest.approx(12 * 220 - 5)
    assert sale.short == 0
    assert position.shares == pytest.approx(3)
    assert position.basis == pytest.approx(3 * 200)


def test_a_lot_bought_after_a_sale_is_not_sold_by_it():
    lots = [Lot(4, 10, D(2024, 1, 1)), Lot(4, 20, D(2024, 3, 1))]
    sales = [Sell(3, 15, D(2024, 2, 1)), Sell(3, 25, D(2024, 4, 1))]
    first, second = fifo(lots, sales).sales
    assert first.cost == pytest.approx(3 * 10)
    assert second.cost == pytest.approx(1 * 10 + 2 * 20)
    assert fifo(lots, sales).basis == pytest.approx(2 * 20)


def test_a_split_between_buying_and_selling_puts_both_on_todays_basis():
    split = Split("NVDA", D(2024, 6, 10), 10, 1)
    lots = [Lot(10, 1000, D(2024, 1, 2))]  # 100 shares at 100 on today's basis
    position = fifo(lots, [Sell(30, 120, D(2024, 7, 1))], [split])
    [sale] = position.sales
    assert sale.shares == pytest.approx(30)
    assert sale.cost == pytest.approx(30 * 100)
    assert position.shares == pytest.approx(70)
    assert position.basis == pytest.approx(70 * 100)


def test_the_rate_paid_stays_with_the_shares_it_paid_for():
    lots = [Lot(10, 100, D(2024, 1, 2), fx=1.10), Lot(10, 100, D(2024, 2, 1))]
    position = fifo(lots, [Sell(15, 110, D(2024, 5, 1))])
    [sale] = position.sales
    assert sale.paid == pytest.approx(10 * 100 * 1.10)
    assert sale.cost_without_fx == pytest.approx(5 * 100)
    assert position.basis_in(1.2) == pytest.approx(5 * 100 * 1.2)
