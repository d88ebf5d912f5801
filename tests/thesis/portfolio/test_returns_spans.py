"""Returns over spans against hand computations: a dividend counted once by the time-weighted
rate, a lot of the day before a span inside it, a span shorter than a year given over its days,
the reasons true to the flows, a benchmark's close from within a few days of each flow only,
and an undated lot leaving only its own position out."""

from __future__ import annotations

import datetime as dt
import math

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
from catalyst_tui.thesis.portfolio.positions import Lot
from catalyst_tui.thesis.portfolio.returns import (
    Basis,
    Flow,
    NoReturn,
    Valuation,
    gain_on_money_in,
    twr,
    xirr,
)

D = dt.date


def closes(*pairs: tuple[dt.date, float]) -> Closes:
    return Closes([day for day, _ in pairs], [value for _, value in pairs])


def holding(symbol, lots, price, history=(), dividends=()) -> Holding:
    return Holding(
        symbol, lots, (), (), dividends, (), 0.0, closes(*history), price, lambda day: 1.0, 1.0
    )


def index(*pairs: tuple[dt.date, float]) -> Benchmark:
    return Benchmark("SPY", closes(*pairs), (), lambda day: 1.0)


def test_a_flat_holding_paying_d_on_v_returns_exactly_d_over_v() -> None:
    # 10 shares at 100, never moving (V = 1000); 2 a share paid on 3 July (D = 20): 2.0% over
    # the 365 days, not 1000 / 980 - 1 on the half after the dividend.
    history = [(D(2023, 1, 3), 100.0), (D(2023, 7, 3), 100.0), (D(2024, 1, 3), 100.0)]
    x = holding(
        "X", [Lot(10, 100.0, D(2023, 1, 3))], 100.0, history, [Dividend("X", D(2023, 7, 3), 2.0)]
    )
    found = time_weighted([x], Span.LIFE, D(2024, 1, 3))
    assert found.value == pytest.approx(20 / 1000, abs=1e-12) and found.yearly


def test_a_flat_holding_over_half_a_year_returns_d_over_v_over_the_span() -> None:
    history = [(D(2024, 1, 2), 50.0), (D(2024, 3, 1), 50.0)]
    x = holding(
        "X", [Lot(4, 50.0, D(2024, 1, 2))], 50.0, history, [Dividend("X", D(2024, 3, 1), 0.5)]
    )
    found = time_weighted([x], Span.LIFE, D(2024, 6, 3))
    assert found.value == pytest.approx(2 / 200, abs=1e-12) and not found.yearly


def test_a_lot_of_the_day_before_the_span_is_held_at_its_start() -> None:
    # Bought 31 December at 90; that day's close 100, today 110: +10% this year, over the span.
    x = holding("X", [Lot(10, 90.0, D(2023, 12, 31))], 110.0, [(D(2023, 12, 31), 100.0)])
    spy = index((D(2023, 12, 31), 400.0), (D(2024, 5, 1), 420.0))
    found = outcome([(x, spy)], Span.YTD, D(2024, 5, 1))
    assert found.rate.value == pytest.approx(0.10, abs=1e-9) and not found.rate.yearly
    assert found.benchmark.value == pytest.approx(0.05, abs=1e-9)
    assert time_weighted([x], Span.YTD, D(2024, 5, 1)).value == pytest.approx(0.10, abs=1e-9)


def test_a_span_under_a_year_is_the_gain_on_the_money_in_a_year_or_more_a_yearly_rate() -> None:
    # 1000 → 1050 in 73 days: +5% on the money put in; the same over 730 days: 1.05^(1/2) - 1
    # a year.
    short = gain_on_money_in([Flow(D(2021, 1, 1), -1000.0), Flow(D(2021, 3, 15), 1050.0)])
    assert short.value == pytest.approx(0.05, abs=1e-9) and short.basis is Basis.MONEY_IN
    x = holding("X", [Lot(10, 100.0, D(2022, 1, 3))], 105.0)
    spy = index((D(2022, 1, 3), 400.0), (D(2024, 1, 3), 400.0))
    long = outcome([(x, spy)], Span.LIFE, D(2024, 1, 3))
    assert long.rate.value == pytest.approx(1.05 ** (365 / 730) - 1, abs=1e-9) and long.rate.yearly
    spring = holding("X", [Lot(10, 100.0, D(2024, 4, 1))], 120.0)
    found = outcome([(spring, index((D(2024, 4, 1), 400.0)))], Span.YEAR, D(2024, 11, 1))
    assert found.rate.value == pytest.approx(0.20, abs=1e-9) and not found.rate.yearly


def test_one_day_is_said_only_when_the_flows_are_on_one_day() -> None:
    today = D(2024, 5, 1)
    # bought today at today's price: the flows add up to nothing, and are still on one day
    x = holding("X", [Lot(10, 110.0, today)], 110.0, [(today, 110.0)])
    found = outcome([(x, index((today, 400.0)))], Span.LIFE, today)
    assert found.rate.reason is NoReturn.ONE_DAY
    assert found.benchmark.reason is NoReturn.ONE_DAY
    assert time_weighted([x], Span.LIFE, today).reason is NoReturn.ONE_DAY
    # flows on two days whose days cancel out are not one day
    cancelled = [Flow(D(2024, 1, 2), -10.0), Flow(D(2024, 1, 2), 10.0), Flow(today, 0.0)]
    assert xirr(cancelled).reason is not NoReturn.ONE_DAY
    lost = [Flow(D(2024, 1, 2), -10.0), Flow(today, 0.0)]  # everything lost: not one day
    assert xirr(lost).reason is NoReturn.NO_SIGN_CHANGE


def test_returns_are_finite_whatever_the_amounts() -> None:
    huge = [Flow(D(2024, 1, 2), -1e308), Flow(D(2024, 5, 1), 1e308), Flow(D(2024, 5, 1), 1e308)]
    rate = xirr(huge).value
    assert rate is None or math.isfinite(rate)
    assert xirr([Flow(D(2024, 1, 2), -1.0), Flow(D(2024, 5, 1), math.inf)]).value is None
    assert (
        twr([Valuation(D(2024, 1, 2), 0.0, 1.0), Valuation(D(2024, 5, 1), math.inf)]).value is None
    )
    x = holding(
        "X",
        [Lot(10, 100.0, D(2023, 1, 3))],
        100.0,
        [(D(2023, 1, 3), 100.0)],
        [Dividend("X", D(2023, 7, 3), 1e308)],
    )
    found = outcome([(x, index((D(2023, 1, 3), 400.0)))], Span.LIFE, D(2024, 1, 3))
    assert found.rate.value is None and found.dividends is None
    assert time_weighted([x], Span.LIFE, D(2024, 1, 3)).value is None


def test_a_benchmark_close_older_than_a_few_days_is_no_price() -> None:
    # The index's history stops 400 days before the lot: no close from then stands for its day.
    x = holding("X", [Lot(10, 100.0, D(2024, 3, 1))], 120.0)
    stale = index((D(2023, 1, 26), 400.0), (D(2025, 3, 3), 440.0))
    found = outcome([(x, stale)], Span.LIFE, D(2025, 3, 3))
    assert found.rate.value is not None
    assert found.benchmark.reason is NoReturn.NO_BENCHMARK
    assert found.excess.reason is NoReturn.NO_BENCHMARK
    # a long weekend's gap is bridged: Friday's close stands for Monday's buy
    weekend = index((D(2024, 2, 29), 400.0), (D(2025, 3, 3), 440.0))
    assert outcome([(x, weekend)], Span.LIFE, D(2025, 3, 3)).benchmark.value is not None


def test_an_undated_lot_leaves_only_its_own_position_out() -> None:
    today = D(2024, 1, 3)
    dated = holding("A", [Lot(10, 100.0, D(2023, 1, 3))], 150.0, [(D(2023, 1, 3), 100.0)])
    undated = holding("B", [Lot(5, 80.0)], 90.0)
    spy = index((D(2023, 1, 3), 400.0), (D(2024, 1, 3), 440.0))
    alone = outcome([(undated, spy)], Span.LIFE, today)
    assert alone.rate.reason is NoReturn.UNDATED
    together = outcome([(dated, spy), (undated, spy)], Span.LIFE, today)
    assert together.rate.value == pytest.approx(0.5, abs=1e-9)
    assert together.left_out == (("B", NoReturn.UNDATED),)
    assert time_weighted([dated, undated], Span.LIFE, today).value == pytest.approx(0.5, abs=1e-9)


def test_the_last_365_days_open_at_the_close_of_today_less_365_across_a_29_february() -> None:
    # From 2 January 2025 the last 365 days open at the close of 3 January 2024 (X 120, the
    # index 500; 29 February 2024 inside them), not 2 January's (100, 400): 365 days' moves to
    # today's 110 and 440, both from the same close, a yearly rate of exactly the growth.
    today = D(2025, 1, 2)
    x = holding(
        "X", [Lot(10, 50.0, D(2022, 5, 2))], 110.0, [(D(2024, 1, 2), 100.0), (D(2024, 1, 3), 120.0)]
    )
    spy = index((D(2024, 1, 2), 400.0), (D(2024, 1, 3), 500.0), (today, 440.0))
    found = outcome([(x, spy)], Span.YEAR, today)
    assert found.rate.value == pytest.approx(110 / 120 - 1, abs=1e-9) and found.rate.yearly
    assert found.benchmark.value == pytest.approx(440 / 500 - 1, abs=1e-9)
    assert found.excess.value == pytest.approx(110 / 120 - 440 / 500, abs=1e-9)
    assert time_weighted([x], Span.YEAR, today).value == pytest.approx(110 / 120 - 1, abs=1e-9)


def test_the_last_365_days_open_at_the_close_of_today_less_365_without_a_29_february() -> None:
    # From 1 June 2023 (no 29 February in the year before) the span opens at 1 June 2022's
    # close, 120, not 31 May's 100: 150 / 120, +25.0% a year, where a day more read +50%.
    today = D(2023, 6, 1)
    x = holding(
        "X",
        [Lot(10, 50.0, D(2021, 5, 3))],
        150.0,
        [(D(2022, 5, 31), 100.0), (D(2022, 6, 1), 120.0)],
    )
    spy = index((D(2022, 5, 31), 400.0), (D(2022, 6, 1), 400.0), (today, 440.0))
    found = outcome([(x, spy)], Span.YEAR, today)
    assert found.rate.value == pytest.approx(0.25, abs=1e-9) and found.rate.yearly
    assert found.benchmark.value == pytest.approx(0.10, abs=1e-9)
    assert time_weighted([x], Span.YEAR, today).value == pytest.approx(0.25, abs=1e-9)
    # a lot bought on the day the span opens at is held from that close: its day's move is not
    # the span's, the span's 365 days are
    opened = holding("Y", [Lot(10, 110.0, D(2022, 6, 1))], 150.0, [(D(2022, 6, 1), 120.0)])
    found = outcome([(opened, spy)], Span.YEAR, today)
    assert found.rate.value == pytest.approx(0.25, abs=1e-9) and found.rate.yearly


def test_a_portfolio_under_a_year_is_its_gain_on_the_money_put_in_between_its_positions() -> None:
    # 10 ALAB bought 120 days ago at 300, now 372.10 (+24.03%); three lots of 1 bought on
    # 5 January at 10, now 10.0049 (+0.049%): the portfolio made 721.0147 on 3030 put in,
    # +23.8%, between its parts, not a yearly +89% put back over the 324 days since 5 January
    # (+75.9%). The index on the same money: 3000 from 120 days ago, 30 from 5 January.
    today = D(2026, 11, 25)
    bought = today - dt.timedelta(days=120)
    alab = holding("ALAB", [Lot(10, 300.0, bought)], 372.10, [(bought, 300.0)])
    small = holding(
        "SMALL", [Lot(1, 10.0, D(2026, 1, 5)) for _ in range(3)], 10.0049, [(D(2026, 1, 5), 10.0)]
    )
    spy = index((D(2026, 1, 5), 400.0), (bought, 500.0), (today, 550.0))
    whole = outcome([(alab, spy), (small, spy)], Span.LIFE, today)
    gain = (10 * 372.10 + 3 * 10.0049 - 3030) / 3030
    assert whole.rate.value == pytest.approx(gain, abs=1e-12)
    assert round(gain * 100, 1) == 23.8 and whole.rate.basis is Basis.MONEY_IN
    parts = [outcome([(h, spy)], Span.LIFE, today).rate.value or 0.0 for h in (alab, small)]
    assert parts == [pytest.approx(372.10 / 300 - 1), pytest.approx(10.0049 / 10 - 1)]
    assert min(parts) <= gain <= max(parts)
    index_gain = (3000 * 550 / 500 + 30 * 550 / 400 - 3030) / 3030
    assert whole.benchmark.value == pytest.approx(index_gain, abs=1e-12)
    assert whole.benchmark.basis is Basis.MONEY_IN
    assert whole.excess.value == pytest.approx(gain - index_gain, abs=1e-12)


def test_a_millionfold_fall_in_13_days_has_no_rate_on_any_basis() -> None:
    # Bought 13 days ago at 2.0; the chart now shows 1e-6: the money put in is 2 000 000 times
    # what is left, past the millionfold either way a rate is given for. Every basis says
    # out of range, not -99.99995%.
    today = D(2026, 11, 25)
    bought = today - dt.timedelta(days=13)
    x = holding("X", [Lot(10, 2.0, bought)], 1e-6, [(bought, 2.0), (today, 1e-6)])
    spy = index((bought, 400.0), (today, 404.0))
    found = outcome([(x, spy)], Span.LIFE, today)
    assert found.rate.value is None and found.rate.reason is NoReturn.OUT_OF_RANGE
    assert found.rate.basis is Basis.MONEY_IN
    assert found.excess.value is None and found.excess.reason is NoReturn.OUT_OF_RANGE
    spanned = time_weighted([x], Span.LIFE, today)
    assert spanned.value is None and spanned.reason is NoReturn.OUT_OF_RANGE
    # A thousandfold fall is a rate: 1e-3 of 2.0 a share, the gain -99.95% on the money in.
    y = holding("Y", [Lot(10, 2.0, bought)], 2e-3, [(bought, 2.0), (today, 2e-3)])
    kept = outcome([(y, spy)], Span.LIFE, today).rate
    assert kept.value == pytest.approx(2e-3 / 2.0 - 1, abs=1e-12)
