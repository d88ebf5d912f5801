"""The money-weighted and time-weighted rates against figures worked by hand and a reference
written here: a plain bisection on the present value at (1 + r)^(days/365)."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.thesis.portfolio.returns import Flow, NoReturn, Rate, Valuation, excess, twr, xirr

D = dt.date


def reference_xirr(flows: list[Flow]) -> float:
    """The rate where the present value is zero, bisected on r in (-0.99, 100): one sign change
    of the flows assumed, as the hand-built cases have."""
    first = min(f.day for f in flows)

    def npv(rate: float) -> float:
        return sum(f.amount / (1 + rate) ** ((f.day - first).days / 365) for f in flows)

    low, high = -0.99, 100.0
    assert (npv(low) > 0) != (npv(high) > 0)
    for _ in range(300):
        middle = (low + high) / 2
        if (npv(middle) > 0) == (npv(low) > 0):
            low = middle
        else:
            high = middle
    return (low + high) / 2


def test_a_year_that_adds_ten_percent_is_ten_percent_a_year() -> None:
    # 2020-01-01 to 2020-12-31 is 365 days: 1100 / 1000 - 1 exactly.
    rate = xirr([Flow(D(2020, 1, 1), -1000.0), Flow(D(2020, 12, 31), 1100.0)])
    assert rate.value == pytest.approx(0.10, abs=1e-9)


def test_half_a_year_is_put_on_a_yearly_basis() -> None:
    # 1000 becomes 1050 in 73 days (a fifth of 365): (1.05)^5 - 1 a year.
    rate = xirr([Flow(D(2021, 1, 1), -1000.0), Flow(D(2021, 3, 15), 1050.0)])
    assert rate.value == pytest.approx(1.05**5 - 1, abs=1e-9)


def test_the_spreadsheet_example_agrees() -> None:
    # The XIRR example of the spreadsheets' documentation: 0.373362535 (37.34%).
    flows = [
        Flow(D(2008, 1, 1), -10000.0),
        Flow(D(2008, 3, 1), 2750.0),
        Flow(D(2008, 10, 30), 4250.0),
        Flow(D(2009, 2, 15), 3250.0),
        Flow(D(2009, 4, 1), 2750.0),
    ]
    assert xirr(flows).value == pytest.approx(0.373362535, abs=1e-6)
    assert xirr(flows).value == pytest.approx(reference_xirr(flows), abs=1e-6)


def test_buys_sales_dividends_and_fees_agree_with_the_reference() -> None:
    # Two buys with their fees, a dividend, a sale net of fees, what is held at the end.
    flows = [
        Flow(D(2022, 3, 4), -(100 * 41.20 + 1.5)),
        Flow(D(2022, 9, 19), -(50 * 35.10 + 1.5)),
        Flow(D(2023, 2, 10), 150 * 0.22 * 0.85),  # a dividend, 15% withheld
        Flow(D(2023, 6, 1), 60 * 58.00 - 1.5),
        Flow(D(2024, 5, 17), 90 * 71.40),
    ]
    assert xirr(flows).value == pytest.approx(reference_xirr(flows), abs=1e-6)


def test_a_loss_agrees_with_the_reference() -> None:
    flows = [
        Flow(D(2021, 11, 1), -5000.0),
        Flow(D(2022, 2, 1), -2500.0),
        Flow(D(2023, 1, 1), 4100.0),
    ]
    rate = xirr(flows)
    assert rate.value is not None and rate.value < 0
    assert rate.value == pytest.approx(reference_xirr(flows), abs=1e-6)


def test_flows_of_one_day_are_one_flow() -> None:
    split = xirr(
        [Flow(D(2020, 1, 1), -400.0), Flow(D(2020, 1, 1), -600.0), Flow(D(2020, 12, 31), 1100.0)]
    )
    assert split.value == pytest.approx(0.10, abs=1e-9)


@pytest.mark.parametrize(
    ("flows", "reason"),
    [
        ([], NoReturn.NO_FLOWS),
        ([Flow(D(2020, 1, 1), -1000.0)], NoReturn.ONE_DAY),
        ([Flow(D(2020, 1, 1), -1000.0), Flow(D(2020, 1, 1), 1200.0)], NoReturn.ONE_DAY),
        ([Flow(D(2020, 1, 1), -1000.0), Flow(D(2020, 6, 1), -10.0)], NoReturn.NO_SIGN_CHANGE),
        # doubled in a day: 2^365 a year, past any rate worth showing
        ([Flow(D(2020, 1, 1), -1000.0), Flow(D(2020, 1, 2), 2000.0)], NoReturn.OUT_OF_RANGE),
        # -1000, +2300, -1320 over two years has present value zero at 10% and at 20%
        (
            [
                Flow(D(2020, 1, 1), -1000.0),
                Flow(D(2020, 12, 31), 2300.0),
                Flow(D(2021, 12, 31), -1320.0),
            ],
            NoReturn.SEVERAL_RATES,
        ),
    ],
)
def test_no_rate_is_given_where_none_can_be_computed(flows: list[Flow], reason: NoReturn) -> None:
    assert xirr(flows) == Rate(None, reason)


def test_a_total_loss_is_out_of_range_not_minus_a_hundred() -> None:
    rate = xirr([Flow(D(2020, 1, 1), -1000.0), Flow(D(2021, 1, 1), 0.0)])
    assert rate.value is None


def test_time_weighted_rate_chains_the_spans_between_flows() -> None:
    # 1000 grows to 1200 (+20%), 800 more put in, 2000 falls to 1800 (-10%) by the year's end:
    # 1.2 × 0.9 = 1.08 over 365 days, whatever the money put in.
    valuations = [
        Valuation(D(2022, 1, 1), 0.0, 1000.0),
        Valuation(D(2022, 6, 1), 1200.0, 800.0),
        Valuation(D(2023, 1, 1), 1800.0),
    ]
    assert twr(valuations).value == pytest.approx(0.08, abs=1e-9)


def test_time_weighted_rate_counts_money_taken_out() -> None:
    # 1000 → 1500 (+50%), 1000 taken out, 500 → 400 (-20%): 1.5 × 0.8 = 1.2 in 730 days.
    valuations = [
        Valuation(D(2020, 1, 1), 0.0, 1000.0),
        Valuation(D(2020, 7, 1), 1500.0, -1000.0),
        Valuation(D(2021, 12, 31), 400.0),
    ]
    assert twr(valuations).value == pytest.approx(1.2 ** (365 / 730) - 1, abs=1e-9)


def test_time_weighted_rate_needs_two_days() -> None:
    assert twr([Valuation(D(2020, 1, 1), 0.0, 10.0)]) == Rate(None, NoReturn.ONE_DAY)
    assert twr([]) == Rate(None, NoReturn.NO_FLOWS)


def test_excess_is_the_difference_in_points_or_the_first_reason() -> None:
    assert excess(Rate(0.712), Rate(0.224)).value == pytest.approx(0.488)
    assert excess(Rate(0.1), Rate(None, NoReturn.NO_BENCHMARK)).reason is NoReturn.NO_BENCHMARK
    assert excess(Rate(None, NoReturn.ONE_DAY), Rate(0.1)).reason is NoReturn.ONE_DAY


def test_a_dividend_between_two_buys_still_gives_the_one_rate() -> None:
    # buy, dividend, buy, value: three changes of sign, one rate (scanned, not assumed)
    flows = [
        Flow(D(2022, 1, 3), -1000.0),
        Flow(D(2022, 6, 1), 12.0),
        Flow(D(2022, 9, 1), -500.0),
        Flow(D(2023, 9, 1), 1800.0),
    ]
    assert xirr(flows).value == pytest.approx(reference_xirr(flows), abs=1e-6)
