"""Returns over a span against figures worked by hand: a position's yearly rate, the same money
in a benchmark, the difference in points, dividends after tax, a span that starts with shares
held, another currency, and the portfolio's time-weighted rate."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.market.models import Dividend
from catalyst_tui.thesis.portfolio.performance import (
    Benchmark,
    Closes,
    Holding,
    Span,
    outcome,
    time_weighted,
)
from catalyst_tui.thesis.portfolio.positions import Lot, Sell
from catalyst_tui.thesis.portfolio.returns import Flow, NoReturn

from .test_returns import reference_xirr

D = dt.date


def closes(*pairs: tuple[dt.date, float]) -> Closes:
    return Closes([day for day, _ in pairs], [value for _, value in pairs])


def holding(lots, price, history=(), *, sells=(), dividends=(), tax=0.0, rate=1.0) -> Holding:
    return Holding(
        "X", lots, sells, (), dividends, (), tax, closes(*history), price, lambda day: rate, rate
    )


def index(*pairs: tuple[dt.date, float], dividends=()) -> Benchmark:
    return Benchmark("SPY", closes(*pairs), dividends, lambda day: 1.0)


def test_a_year_against_the_index() -> None:
    # 10 at 100 become 1500 in 365 days: +50%; the index 400 → 440: +10%; 40 points better.
    x = holding([Lot(10, 100.0, D(2023, 1, 3))], 150.0)
    spy = index((D(2023, 1, 3), 400.0), (D(2024, 1, 3), 440.0))
    found = outcome([(x, spy)], Span.LIFE, D(2024, 1, 3))
    assert found.rate.value == pytest.approx(0.5, abs=1e-9)
    assert found.benchmark.value == pytest.approx(0.1, abs=1e-9)
    assert found.excess.value == pytest.approx(0.4, abs=1e-9)


def test_fees_dividends_and_a_sale_agree_with_the_reference() -> None:
    lots = [Lot(10, 100.0, D(2023, 1, 3), fees=5.0)]
    sells = [Sell(4, 130.0, D(2023, 9, 1), fees=2.0)]
    dividends = [Dividend("X", D(2023, 7, 3), 1.0)]  # 10 held, 15% withheld: 8.5
    x = holding(lots, 150.0, sells=sells, dividends=dividends, tax=0.15)
    spy = index((D(2023, 1, 3), 400.0), (D(2023, 9, 1), 420.0), (D(2024, 1, 3), 440.0))
    found = outcome([(x, spy)], Span.LIFE, D(2024, 1, 3))
    by_hand = [
        Flow(D(2023, 1, 3), -1005.0),
        Flow(D(2023, 7, 3), 8.5),
        Flow(D(2023, 9, 1), 518.0),
        Flow(D(2024, 1, 3), 900.0),
    ]
    assert found.rate.value == pytest.approx(reference_xirr(by_hand), abs=1e-6)
    assert found.dividends == pytest.approx(8.5)
    # the index: 1005 buys 2.5125 units; 4 of 10 sold takes 0.4 of them at 420; 0.6 left at 440
    index_flows = [
        Flow(D(2023, 1, 3), -1005.0),
        Flow(D(2023, 9, 1), 2.5125 * 0.4 * 420),
        Flow(D(2024, 1, 3), 2.5125 * 0.6 * 440),
    ]
    assert found.benchmark.value == pytest.approx(reference_xirr(index_flows), abs=1e-6)


def test_a_span_that_starts_with_shares_held_buys_them_at_the_close_before() -> None:
    # Held since 2023; the last close of 2023 (29 December) is 120, today 132: +10% in 181 days,
    # shorter than a year: +10% on the money put in, not put on a year.
    x = holding([Lot(10, 100.0, D(2023, 3, 1))], 132.0, [(D(2023, 12, 29), 120.0)])
    spy = index((D(2023, 12, 29), 400.0), (D(2024, 6, 30), 400.0))
    found = outcome([(x, spy)], Span.YTD, D(2024, 6, 30))
    assert found.rate.value == pytest.approx(0.1, abs=1e-9) and not found.rate.yearly
    assert found.benchmark.value == pytest.approx(0.0, abs=1e-9) and not found.benchmark.yearly


def test_another_currency_counts_each_flow_at_its_days_rate() -> None:
    # Bought at 1.0 base a unit, worth 1.1 a unit a year on: 1000 → 1100 × 1.2 price.
    rates = {D(2023, 1, 3): 1.0}
    x = Holding(
        "X",
        [Lot(10, 100.0, D(2023, 1, 3))],
        (),
        (),
        (),
        (),
        0.0,
        closes(),
        120.0,
        lambda day: rates.get(day, 1.1),
        1.1,
    )
    spy = index((D(2023, 1, 3), 400.0), (D(2024, 1, 3), 400.0))
    found = outcome([(x, spy)], Span.LIFE, D(2024, 1, 3))
    assert found.rate.value == pytest.approx(1.2 * 1.1 - 1, abs=1e-9)


def test_no_return_without_a_price_or_a_dated_lot_or_a_benchmark_price() -> None:
    spy = index((D(2023, 1, 3), 400.0))
    undated = outcome([(holding([Lot(10, 100.0)], 150.0), spy)], Span.LIFE, D(2024, 1, 3))
    assert undated.rate.reason is NoReturn.UNDATED
    unpriced = outcome(
        [(holding([Lot(10, 100.0, D(2023, 1, 3))], None), spy)], Span.LIFE, D(2024, 1, 3)
    )
    assert unpriced.rate.reason is NoReturn.NO_VALUE
    late = index((D(2023, 6, 1), 400.0))  # the index's history starts after the lot
    found = outcome(
        [(holding([Lot(10, 100.0, D(2023, 1, 3))], 150.0), late)], Span.LIFE, D(2024, 1, 3)
    )
    assert found.rate.value is not None and found.benchmark.reason is NoReturn.NO_BENCHMARK
    assert found.excess.reason is NoReturn.NO_BENCHMARK


def test_the_portfolios_time_weighted_rate_leaves_out_when_money_came_in() -> None:
    # 1000 grows to 1200 (+20%) by 3 July, 1200 more put in, 2400 falls to 2160 (-10%) in a year
    lots = [Lot(10, 100.0, D(2023, 1, 2)), Lot(10, 120.0, D(2023, 7, 3))]
    x = holding(lots, 108.0, [(D(2023, 7, 3), 120.0)])
    assert time_weighted([x], Span.LIFE, D(2024, 1, 2)).value == pytest.approx(0.08, abs=1e-9)


def test_fees_paid_over_a_span_are_those_of_its_buys_and_sales() -> None:
    # 5 on the first buy (2023), 3 on the second (2024, at its own rate paid 1.1), 2 on the sale
    # (2024, at the day's rate 1.2): 5×1.2 + 3×1.1 + 2×1.2 = 11.7 over the life; this year 5.7.
    lots = [Lot(10, 100.0, D(2023, 3, 1), fees=5.0), Lot(5, 110.0, D(2024, 2, 1), fx=1.1, fees=3.0)]
    sells = [Sell(4, 130.0, D(2024, 3, 1), fees=2.0)]
    x = holding(lots, 150.0, [(D(2023, 12, 29), 120.0)], sells=sells, rate=1.2)
    spy = index((D(2023, 3, 1), 400.0), (D(2024, 6, 3), 440.0))
    today = D(2024, 6, 3)
    assert outcome([(x, spy)], Span.LIFE, today).fees == pytest.approx(11.7)
    assert outcome([(x, spy)], Span.YTD, today).fees == pytest.approx(5.7)


def test_the_time_weighted_rate_counts_a_sale_and_a_dividend_of_today() -> None:
    # 10 at 100 a year ago; today 5 sold at 150 and a dividend of 2 a share on the 10 held this
    # morning: what was 1000 is 750 held, 750 taken out and 20 paid: 1520, +52% over 365 days.
    today = D(2024, 1, 3)
    x = holding(
        [Lot(10, 100.0, D(2023, 1, 3))],
        150.0,
        [(D(2023, 1, 3), 100.0)],
        sells=[Sell(5, 150.0, today)],
        dividends=[Dividend("X", today, 2.0)],
    )
    assert time_weighted([x], Span.LIFE, today).value == pytest.approx(0.52, abs=1e-9)
