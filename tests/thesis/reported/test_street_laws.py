"""The Street's law (Hypothesis): a consensus is in the quote's money before it divides a price.
For any price, consensus and stored rates, the forward P/E of a consensus stated in another
currency is the price over that consensus converted into the quote's money first (a GBp quote's
pence included), whatever base currency the rates are stored in."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalyst_tui.market.currency import major, unit_rate
from catalyst_tui.market.estimates import Consensus, Range
from catalyst_tui.thesis.reported.street import MAX_FORWARD_PE, Money, price_over_eps

CURRENCIES = ["USD", "EUR", "CNY", "GBP", "GBp", "JPY"]
positive = st.floats(min_value=0.01, max_value=1e4, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(
    positive,
    positive,
    st.sampled_from(CURRENCIES),
    st.sampled_from(CURRENCIES),
    st.sampled_from(["USD", "EUR", "GBP"]),
    st.lists(st.floats(min_value=1e-3, max_value=1e3), min_size=6, max_size=6),
)
def test_a_consensus_is_in_the_quotes_money_before_it_divides_a_price(
    price: float, eps: float, quoted: str, said: str, base: str, drawn: list[float]
) -> None:
    rates = {major(c)[0]: r for c, r in zip(CURRENCIES, drawn, strict=True)}
    rates.pop(base, None)
    money = Money(quoted, base, rates)
    stated = Consensus("0y", eps=Range(eps, analysts=10))._replace(currency=said)
    from_rate, to_rate = unit_rate(said, base, rates), unit_rate(quoted, base, rates)
    assert from_rate and to_rate
    in_quote = eps * from_rate / to_rate
    found = price_over_eps(price, stated, money)
    if price / in_quote > MAX_FORWARD_PE:
        assert found is None  # no earnings a price is a multiple of
    else:
        assert found == pytest.approx(price / in_quote, rel=1e-9)
    converted = Consensus("0y", eps=Range(in_quote, analysts=10))._replace(currency=quoted)
    again = price_over_eps(price, converted, money)
    assert (found is None) == (again is None) or abs(price / in_quote / MAX_FORWARD_PE - 1) < 1e-9
    if found is not None and again is not None:
        assert again == pytest.approx(found, rel=1e-9)
