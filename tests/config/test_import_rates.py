"""The laws of a trade in another currency than its listing's (config/import_rates.py): whatever
rates are had, no trade an export holds is left out for one; a trade converted is its stated
price times the rate of its day, through the base currency, with its note saying so; one kept
is as the export states it, in its own currency; and a lot kept so, converted later as the
database reads the file, is what the import would have written with that rate."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.config.import_rates import converted, cross_rates, in_unit
from catalyst_tui.market.models import FxRate
from catalyst_tui.reading.brokers.export import ImportRead, Trade
from catalyst_tui.thesis.portfolio.positions import Lot, Sell

DAY = dt.date(2025, 6, 5)
PRICES = st.floats(min_value=0.01, max_value=10_000).map(lambda x: round(x, 4))  # as printed
FEES = st.floats(min_value=0, max_value=50).map(lambda x: round(x, 2))
RATES = st.floats(min_value=0.05, max_value=20, allow_nan=False)  # dollars per unit, in the base
CURRENCIES = ("EUR", "GBP", "CHF")


def _on(rates: dict[str, float]):
    """The stored rates in dollars (the base) of the currencies given, on DAY."""
    return lambda currency, day: (
        FxRate(currency, "USD", DAY, rates[currency], "ecb") if currency in rates else None
    )


@given(
    trades=st.lists(
        st.tuples(st.sampled_from(CURRENCIES), PRICES, FEES, st.booleans()),
        min_size=1,
        max_size=8,
    ),
    rates=st.dictionaries(st.sampled_from(CURRENCIES), RATES),
)
def test_no_trade_is_left_out_for_a_rate_and_each_is_converted_or_kept(trades, rates):
    read = ImportRead(
        [
            Trade(
                line=i + 2,
                symbol="TSLA",
                side="buy" if buy else "sell",
                day=DAY,
                shares=1.5,
                price=price,
                fees=fees,
                currency="USD",
                priced_in=currency,
            )
            for i, (currency, price, fees, buy) in enumerate(trades)
        ],
        issues=[],
        skipped=0,
    )
    got, kept = converted(read, cross_rates(_on(rates), "USD"))
    assert len(got.trades) == len(read.trades) and got.left_out == read.left_out
    for before, after in zip(read.trades, got.trades, strict=True):
        rate = rates.get(before.priced_in)
        if rate is None:  # kept as stated, in its own currency, said with its line
            assert (after.price, after.fees, after.priced_in) == (
                before.price,
                before.fees,
                before.priced_in,
            )
            assert before.line in kept and f"kept in {before.priced_in}" in kept[before.line][0][1]
        else:  # dollars per unit: the stated price times the rate, the price as stated kept
            assert after.price == round(before.price * rate, 6) or abs(
                after.price - before.price * rate
            ) <= 1e-6 * max(1.0, before.price * rate)
            assert after.fees == round(before.fees * rate, 10) or abs(
                after.fees - before.fees * rate
            ) <= 1e-9 * max(1.0, before.fees * rate)
            assert (after.priced_in, after.stated) == ("", (before.price, before.priced_in))
            assert f"priced {before.price:g} {before.priced_in}, at " in after.said


@given(price=PRICES, fees=FEES, rate=RATES, currency=st.sampled_from(CURRENCIES))
def test_a_lot_kept_in_its_currency_converts_as_the_import_would_have(price, fees, rate, currency):
    rate_of = cross_rates(_on({currency: rate}), "USD")
    trade = Trade(2, "TSLA", "buy", DAY, 1.5, price, fees, "USD", priced_in=currency)
    read = ImportRead([trade], [], 0)
    (now,) = converted(read, rate_of)[0].trades  # online: converted at once
    (later,) = converted(read, cross_rates(_on({}), "USD"))[0].trades  # offline: kept
    kept = Lot(1.5, later.price, DAY, fees=later.fees, currency=later.priced_in)
    found = in_unit(kept, "USD", rate_of)
    assert isinstance(found, Lot) and (found.currency, found.fees_currency) == ("", "")
    assert found.cost == now.price and abs(found.fees - now.fees) <= 1e-9 * max(1.0, now.fees)
    assert in_unit(kept, "USD", cross_rates(_on({}), "USD")) is None  # no rate: it waits


def test_a_fee_alone_in_another_currency_is_kept_in_it_and_converted_later():
    # DEGIRO's buy of AMC, 1 at 1.2108 USD, its fee of 1 EUR on a row of its own (lines 37, 36)
    trade = Trade(37, "AMC", "buy", dt.date(2021, 2, 1), 1, 1.2108, 0.0, "USD")
    trade = trade._replace(fees_in=((36, 1.0, "EUR"),))
    read, said = converted(ImportRead([trade], [], 0), cross_rates(_on({}), "USD"))
    (kept,) = read.trades
    assert (kept.price, kept.fees, kept.fees_currency, kept.priced_in) == (1.2108, 1.0, "EUR", "")
    assert said[37][0][0] == 36  # said at the fee's own line
    lot = Lot(1, 1.2108, dt.date(2021, 2, 1), fees=1.0, fees_currency="EUR")
    on = lambda currency, day: FxRate("EUR", "USD", day, 1.2063, "ecb")  # noqa: E731
    found = in_unit(lot, "USD", cross_rates(on, "USD"))
    assert isinstance(found, Lot)
    assert (found.cost, found.fees) == (1.2108, 1.2063)  # 1 EUR at 1.2063 dollars a euro
    assert "its fees of 1 EUR at 1.2063 USD a EUR (ecb, 2021-02-01)" in found.note


def test_a_sale_kept_in_euros_is_converted_into_pence():
    # a London listing quoted in pence, its sale priced in euros: 10 EUR at 0.85 pounds a euro
    sale = Sell(2, 10.0, DAY, currency="EUR")
    rates = {"EUR": 1.10, "GBP": 1.10 / 0.85}  # dollars per unit: a euro is 0.85 pounds
    found = in_unit(sale, "GBp", cross_rates(_on(rates), "USD"))
    assert isinstance(found, Sell) and abs(found.price - 10 * 0.85 * 100) < 1e-6
    assert in_unit(sale._replace(date=DAY), "", cross_rates(_on(rates), "USD")) is None
