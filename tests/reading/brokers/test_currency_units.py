"""A currency's units as a file writes them: pence (`GBp`, `GBX`) kept apart from pounds
(`GBP`), South African cents (`ZAc`) from rand, agorot (`ILA`) from shekels. The law: a lot's
value in the base currency is the same whichever unit of its currency the file states it in."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.market.currency import unit_rate
from catalyst_tui.reading.brokers.export import Options, currency_code, listing_unit
from catalyst_tui.reading.brokers.formats import generic, read_export

HEADER = "date,symbol,side,shares,price,currency\n"
OPTIONS = Options(day_first=False, decimal_comma=True)


def lot(symbol: str, price: str, currency: str) -> tuple[float, str]:
    """The one lot a generic CSV row of that price makes: its price in the listing's unit."""
    text = f'{HEADER}2024-03-05,{symbol},buy,10,"{price}",{currency}\n'
    read = read_export(text, generic(OPTIONS), OPTIONS)
    assert not read.issues, read.issues
    (trade,) = read.trades
    return trade.price, trade.currency


def test_pence_stated_as_gbp_lowercase_p_stay_pence():
    """7.812,5 pence is 7,812.5 pence, never 781,250 (the code compared in capitals)."""
    assert lot("VOD.L", "7.812,5", "GBp") == (7812.5, "GBX")
    assert lot("VOD.L", "78,125", "GBP") == (7812.5, "GBX")  # pounds: a hundred pence each
    assert lot("NPN.JO", "12,5", "ZAc") == (12.5, "ZAC")
    assert lot("TEVA.TA", "3.000", "ILA") == (3000.0, "ILA")
    assert lot("TEVA.TA", "30", "ILS") == (30.0, "ILS")


def test_each_code_is_kept_as_a_code():
    assert [currency_code(c) for c in ("GBp", "GBX", "GBP", "gbp", " usd ", "ZAc", "ZAR")] == [
        "GBX",
        "GBX",
        "GBP",
        "GBP",
        "USD",
        "ZAC",
        "ZAR",
    ]


# (a listing, its currency, the unit a hundredth of it is written in)
UNITS = [("VOD.L", "GBP", "GBp"), ("VOD.L", "GBP", "GBX"), ("NPN.JO", "ZAR", "ZAc")]
UNITS += [("TEVA.TA", "ILS", "ILA")]


@given(
    st.sampled_from(UNITS),
    st.integers(min_value=1, max_value=10**9),  # the price in hundredths (pence, cents)
    st.integers(min_value=1, max_value=10**6),
    st.floats(min_value=1e-4, max_value=1e4, allow_nan=False),
    st.sampled_from(["USD", "EUR"]),
)
def test_a_lots_value_in_the_base_currency_is_the_same_in_either_unit(
    unit, hundredths, shares, rate, base
):
    symbol, major, minor = unit
    rates = {major: rate}
    in_major = f"{hundredths / 100:.2f}".replace(".", ",")
    values = []
    for price, currency in ((in_major, major), (str(hundredths), minor)):
        text = f'{HEADER}2024-03-05,{symbol},buy,{shares},"{price}",{currency}\n'
        read = read_export(text, generic(OPTIONS), OPTIONS)
        (trade,) = read.trades
        per_unit = unit_rate(trade.currency, base, rates)
        assert per_unit is not None
        values.append(trade.shares * trade.price * per_unit)
    assert abs(values[0] - values[1]) <= 1e-9 * max(abs(values[0]), 1.0)
    assert listing_unit(symbol, minor)[0] == 1.0  # a hundredth is never multiplied again
