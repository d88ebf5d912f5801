"""A position as cash flows, against figures worked by hand: dividends on the shares held each
ex-date, fees in the cost, sales as shares of the holding, the same money in a benchmark."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.market.models import Dividend, Split
from catalyst_tui.thesis.portfolio.flows import (
    ManualDividend,
    Movements,
    benchmark_flows,
    held_on,
    movements,
    received,
)
from catalyst_tui.thesis.portfolio.positions import Lot, Sell, fifo
from catalyst_tui.thesis.portfolio.returns import NoReturn

D = dt.date
LOTS = (Lot(100, 10.0, D(2022, 1, 3), fees=5.0), Lot(50, 12.0, D(2022, 6, 1)))
SELLS = (Sell(60, 15.0, D(2022, 9, 1), fees=3.0),)


def dividend(day: dt.date, amount: float) -> Dividend:
    return Dividend("X", day, amount)


def test_fees_on_a_buy_are_in_the_cost_basis() -> None:
    # 100 × 10 + 5 fees over the first lot, 50 × 12 the second.
    position = fifo(LOTS, ())
    assert position.basis == pytest.approx(1005.0 + 600.0)
    # the sale of 60 takes 60 of the first lot at 10.05 a share
    sale = fifo(LOTS, SELLS).sales[0]
    assert sale.cost == pytest.approx(60 * 10.05)


def test_a_dividend_is_paid_on_the_shares_held_the_morning_of_its_ex_date() -> None:
    paid = received(
        LOTS,
        SELLS,
        (),
        [
            dividend(D(2022, 5, 15), 0.5),  # 100 held
            dividend(D(2022, 6, 1), 0.5),  # bought on the ex-date: still 100
            dividend(D(2022, 9, 1), 0.6),  # sold on the ex-date: still 150
            dividend(D(2022, 12, 1), 0.6),
        ],  # 90 after the sale
        tax=0.15,
    )
    assert [r.shares for r in paid] == [100, 100, 150, 90]
    assert [r.gross for r in paid] == pytest.approx([50.0, 50.0, 90.0, 54.0])
    assert [r.net for r in paid] == pytest.approx([42.5, 42.5, 76.5, 45.9])


def test_a_dividend_after_a_split_counts_the_shares_on_todays_basis() -> None:
    splits = [Split("X", D(2022, 7, 1), 2, 1)]
    assert held_on(LOTS, (), splits, D(2022, 8, 1)) == 300
    (paid,) = received(LOTS, (), splits, [dividend(D(2022, 8, 1), 0.25)])
    assert paid.gross == pytest.approx(75.0)


def test_a_manual_dividend_stands_for_the_providers_of_its_day() -> None:
    paid = received(
        LOTS,
        (),
        (),
        [dividend(D(2022, 5, 15), 0.5), dividend(D(2022, 12, 1), 0.6)],
        tax=0.15,
        manual=[ManualDividend(D(2022, 12, 1), 80.0, "from the statement")],
    )
    assert [(r.day, r.net, r.manual) for r in paid] == [
        (D(2022, 5, 15), pytest.approx(42.5), False),
        (D(2022, 12, 1), 80.0, True),  # as written: no tax taken again
    ]


def test_the_flows_hold_fees_sales_and_dividends_at_their_rates() -> None:
    rates = {D(2022, 1, 3): 0.9, D(2022, 6, 1): 0.95, D(2022, 9, 1): 1.0, D(2022, 12, 1): 1.05}
    paid = received(LOTS, SELLS, (), [dividend(D(2022, 12, 1), 0.6)])
    found = movements((*LOTS[:1], LOTS[1]._replace(fx=0.8)), SELLS, (), paid, rates.get)
    assert isinstance(found, Movements)
    assert [f.day for f in found.flows] == [
        D(2022, 1, 3),
        D(2022, 6, 1),
        D(2022, 9, 1),
        D(2022, 12, 1),
    ]
    assert [f.amount for f in found.flows] == pytest.approx(
        [-1005 * 0.9, -600 * 0.8, 897.0, 54.0 * 1.05]  # the second lot at its own rate paid
    )
    assert [day for day, _ in found.sold] == [D(2022, 9, 1)]
    assert [share for _, share in found.sold] == pytest.approx([0.4])  # 60 of 150


def test_no_flows_for_a_lot_without_a_day_or_a_day_without_a_rate() -> None:
    assert movements([Lot(1, 1.0)], (), (), (), lambda day: 1.0) is NoReturn.UNDATED
    assert movements(LOTS, (), (), (), {D(2022, 1, 3): 1.0}.get) is NoReturn.NO_RATE


def test_the_same_money_in_a_benchmark() -> None:
    closes = {
        D(2022, 1, 3): 100.0,
        D(2022, 6, 1): 120.0,
        D(2022, 9, 1): 110.0,
        D(2022, 12, 30): 130.0,
    }
    buys = [(D(2022, 1, 3), 1005.0), (D(2022, 6, 1), 600.0)]
    sold = [(D(2022, 9, 1), 0.4)]
    flows = benchmark_flows(buys, sold, D(2022, 12, 30), closes.get)
    # 10.05 units, then 5 more; 0.4 of 15.05 sold at 110; 9.03 left at 130.
    assert isinstance(flows, list)
    assert [f.day for f in flows] == [D(2022, 1, 3), D(2022, 6, 1), D(2022, 9, 1), D(2022, 12, 30)]
    assert [f.amount for f in flows] == pytest.approx([-1005.0, -600.0, 6.02 * 110, 9.03 * 130])
    # a dividend of 2.2 on the sale's day is bought back in first: 15.05 × 1.02 units
    with_dividend = benchmark_flows(
        buys, sold, D(2022, 12, 30), closes.get, [dividend(D(2022, 9, 1), 2.2)]
    )
    assert isinstance(with_dividend, list)
    assert with_dividend[2].amount == pytest.approx(15.351 * 0.4 * 110)
    assert with_dividend[3].amount == pytest.approx(15.351 * 0.6 * 130)


def test_a_benchmark_without_a_price_on_a_flows_day_gives_no_flows() -> None:
    found = benchmark_flows([(D(2022, 1, 3), 10.0)], (), D(2022, 2, 1), {D(2022, 2, 1): 1.0}.get)
    assert found is NoReturn.NO_BENCHMARK
