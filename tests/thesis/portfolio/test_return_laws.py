"""The laws the returns obey, as properties over generated positions (Hypothesis): a portfolio's
flows are its positions' flows added, so its yearly money-weighted rate and its gain on the money
put in lie between its positions'; over a span in which no money moves its time-weighted rate
does too; and every return is unchanged when all amounts are scaled, or expressed in another
base currency at a constant rate."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

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
from catalyst_tui.thesis.portfolio.returns import Flow, gain_on_money_in, xirr

TODAY = dt.date(2026, 11, 25)
D = dt.date
LAWS = settings(max_examples=150, deadline=None)

money = st.floats(min_value=1.0, max_value=1e6, allow_nan=False, allow_infinity=False)
growth = st.floats(min_value=0.05, max_value=20.0, allow_nan=False, allow_infinity=False)
days_ago = st.integers(min_value=1, max_value=1500)


@st.composite
def position_flows(draw: st.DrawFn) -> list[Flow]:
    """A position as flows: one to three buys, maybe a dividend between, what it is worth today."""
    buys = draw(st.lists(st.tuples(days_ago, money), min_size=1, max_size=3))
    flows = [Flow(TODAY - dt.timedelta(days=ago), -amount) for ago, amount in buys]
    first = max(ago for ago, _ in buys)
    if draw(st.booleans()) and first > 1:
        paid = draw(st.integers(min_value=1, max_value=first - 1))
        flows.append(Flow(TODAY - dt.timedelta(days=paid), draw(money) / 100))
    put_in = sum(amount for _, amount in buys)
    flows.append(Flow(TODAY, put_in * draw(growth)))
    return flows


def _in_before_out(flows: list[Flow]) -> bool:
    """Whether every flow in (a buy) comes before every flow out, a day's flows added."""
    days: dict[dt.date, float] = {}
    for f in flows:
        days[f.day] = days.get(f.day, 0.0) + f.amount
    signs = [amount > 0 for _, amount in sorted(days.items()) if amount != 0.0]
    return all(later or not now for now, later in zip(signs, signs[1:], strict=False))


def _between(whole: float, parts: list[float], tolerance: float) -> bool:
    return min(parts) - tolerance <= whole <= max(parts) + tolerance


@LAWS
@given(st.lists(position_flows(), min_size=2, max_size=4))
def test_a_portfolios_yearly_money_weighted_rate_lies_between_its_positions(
    positions: list[list[Flow]],
) -> None:
    # The law is of positions whose money goes in before any comes out: each one's present
    # value then falls as the rate rises, and the whole's rate lies between theirs. Money put in
    # after a dividend came out can make a position's present value rise with the rate, and the
    # whole's single rate then lies outside its positions' (a rate of 0 and of 13.0 beside 13.2).
    assume(all(_in_before_out(flows) for flows in positions))
    parts = [xirr(flows).value for flows in positions]
    assume(all(p is not None for p in parts))
    whole = xirr([f for flows in positions for f in flows]).value
    assume(whole is not None)  # several rates say so instead
    assert whole is not None
    known = [p for p in parts if p is not None]
    assert _between(whole, known, 1e-6 * (1 + max(abs(p) for p in known)))


@LAWS
@given(st.lists(position_flows(), min_size=2, max_size=4))
def test_a_portfolios_gain_on_the_money_put_in_lies_between_its_positions(
    positions: list[list[Flow]],
) -> None:
    parts = [gain_on_money_in(flows).value for flows in positions]
    assume(all(p is not None for p in parts))
    whole = gain_on_money_in([f for flows in positions for f in flows]).value
    assert whole is not None
    assert _between(whole, [p for p in parts if p is not None], 1e-9)


def _holding(symbol: str, shares: float, cost: float, bought: dt.date, now: float, rate=1.0):
    return Holding(
        symbol,
        [Lot(shares, cost, bought)],
        (),
        (),
        (),
        (),
        0.0,
        Closes([bought], [cost]),
        now,
        lambda day: rate,
        rate,
    )


@LAWS
@given(
    st.lists(st.tuples(money, growth), min_size=2, max_size=4),
    st.integers(min_value=2, max_value=900),
)
def test_with_no_money_moving_the_time_weighted_rate_lies_between_the_positions(
    held: list[tuple[float, float]], age: int
) -> None:
    bought = TODAY - dt.timedelta(days=age)
    holdings = [
        _holding(f"S{n}", 10.0, put_in / 10, bought, put_in / 10 * g)
        for n, (put_in, g) in enumerate(held)
    ]
    parts = [time_weighted([h], Span.LIFE, TODAY).value for h in holdings]
    whole = time_weighted(holdings, Span.LIFE, TODAY).value
    assert whole is not None and all(p is not None for p in parts)
    known = [p for p in parts if p is not None]
    assert _between(whole, known, 1e-9 * (1 + max(abs(p) for p in known)))


@st.composite
def a_position(draw: st.DrawFn) -> tuple[Holding, Benchmark]:
    """A position with two lots and a dividend, and its benchmark, in a base currency at 1.0."""
    first = draw(st.integers(min_value=30, max_value=1200))
    second = draw(st.integers(min_value=1, max_value=first - 1))
    days = [TODAY - dt.timedelta(days=first), TODAY - dt.timedelta(days=second)]
    costs = [draw(money) / 100, draw(money) / 100]
    lots = [
        Lot(draw(st.integers(1, 500)), cost, day) for cost, day in zip(costs, days, strict=True)
    ]
    paid = TODAY - dt.timedelta(days=draw(st.integers(min_value=1, max_value=first - 1)))
    dividend = Dividend("X", paid, draw(money) / 1e4)
    price = costs[0] * draw(growth)
    closes = Closes([days[0], paid, days[1]], [costs[0], costs[0], costs[1]])
    if paid > days[1]:
        closes = Closes([days[0], days[1], paid], [costs[0], costs[1], costs[1]])
    elif paid == days[1]:
        closes = Closes([days[0], days[1]], [costs[0], costs[1]])
    holding = Holding("X", lots, (), (), [dividend], (), 0.0, closes, price, lambda d: 1.0, 1.0)
    index = Closes([days[0], days[1], TODAY], [400.0, 400.0 * draw(growth), 400.0 * draw(growth)])
    return holding, Benchmark("SPY", index, (), lambda d: 1.0)


def _scaled(h: Holding, b: Benchmark, k: float, rate: float) -> tuple[Holding, Benchmark]:
    """Every amount times `k` (the shares' prices, costs and dividends), then expressed in a
    base currency `rate` units to one."""
    lots = [lot._replace(cost=lot.cost * k) for lot in h.lots]
    dividends = [d._replace(amount=d.amount * k) for d in h.dividends]
    closes = Closes(h.closes.days, [c * k for c in h.closes.values])
    price = None if h.price is None else h.price * k
    holding = h._replace(
        lots=lots,
        dividends=dividends,
        closes=closes,
        price=price,
        rate=lambda d: rate,
        now_rate=rate,
    )
    return holding, b._replace(rate=lambda d: rate)


@LAWS
@given(
    a_position(),
    st.floats(min_value=1e-3, max_value=1e3),
    st.floats(min_value=1e-3, max_value=1e3),
    st.sampled_from(list(Span)),
)
def test_every_return_is_unchanged_scaled_or_in_another_base_currency(
    pair: tuple[Holding, Benchmark], k: float, rate: float, span: Span
) -> None:
    h, b = pair
    before = outcome([(h, b)], span, TODAY)
    weighted = time_weighted([h], span, TODAY)
    for factor, unit in ((k, 1.0), (1.0, rate), (k, rate)):
        h2, b2 = _scaled(h, b, factor, unit)
        after = outcome([(h2, b2)], span, TODAY)
        for one, other in (
            (before.rate, after.rate),
            (before.benchmark, after.benchmark),
            (before.excess, after.excess),
        ):
            assert other.reason == one.reason and other.basis == one.basis
            if one.value is None:
                assert other.value is None
            else:
                assert other.value == pytest.approx(one.value, rel=1e-6, abs=1e-9)
        again = time_weighted([h2], span, TODAY)
        assert again.reason == weighted.reason
        if weighted.value is not None:
            assert again.value == pytest.approx(weighted.value, rel=1e-6, abs=1e-9)


#: From a billionth to a billionfold of what went in: past the millionfold a rate is given for.
extreme = st.floats(min_value=1e-9, max_value=1e9, allow_nan=False, allow_infinity=False)


@LAWS
@given(st.lists(st.tuples(days_ago, money), min_size=1, max_size=3), extreme)
@example(buys=[(1, 1.0), (1, 1.0), (1, 992766.9207913005)], times=1e6)  # a millionfold itself
def test_a_rate_on_any_basis_lies_within_a_millionfold_or_is_out_of_range(
    buys: list[tuple[int, float]], times: float
) -> None:
    """What came back over what went in (`times`, worked here from the flows): on the money
    put in it is the rate + 1 itself, so past a millionfold either way there is no rate, with
    the reason out of range; the yearly rate's growth a year, and any rate given, lies within
    the same bounds."""
    flows = [Flow(TODAY - dt.timedelta(days=ago), -amount) for ago, amount in buys]
    put_in = sum(amount for _, amount in buys)
    flows.append(Flow(TODAY, put_in * times))
    assume(len({f.day for f in flows}) > 1)
    came_back = flows[-1].amount / put_in
    on_money = gain_on_money_in(flows)
    # Clear of the bounds' rounding either way: at a millionfold itself, the flows' sum over
    # what went in may come out a rounding above or below (times=1e6 on three buys did).
    if 1.001e-6 <= came_back <= 0.999e6:
        assert on_money.value == pytest.approx(came_back - 1, rel=1e-9, abs=1e-12)
    elif not (0.999e-6 <= came_back <= 1.001e6):
        assert on_money.value is None and on_money.reason == "out_of_range"
    for rate in (on_money, xirr(flows)):
        if rate.value is not None:
            assert 1e-6 * (1 - 1e-9) <= 1 + rate.value <= 1e6 * (1 + 1e-9)
        else:
            assert rate.reason is not None
