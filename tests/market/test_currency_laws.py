"""Currency arithmetic's laws (Hypothesis): an amount converted into the base currency converts
back to itself, in a major unit or a minor one (GBp), and through the base from one currency to
another and back; rounding to a currency's minor unit is done once."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalyst_tui.market.currency import MINOR_UNITS, major, round_money, unit_rate

CURRENCIES = ["USD", "EUR", "CHF", "JPY", "GBP", *MINOR_UNITS]
amount = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
rate = st.floats(min_value=1e-4, max_value=1e4, allow_nan=False, allow_infinity=False)


@st.composite
def rates(draw: st.DrawFn, base: str) -> dict[str, float]:
    return {major(c)[0]: draw(rate) for c in CURRENCIES if major(c)[0] != base}


@settings(max_examples=300, deadline=None)
@given(amount, st.sampled_from(CURRENCIES), st.sampled_from(CURRENCIES), st.data())
def test_a_converted_amount_converts_back(
    value: float, quoted: str, other: str, data: st.DataObject
) -> None:
    base = major(data.draw(st.sampled_from(CURRENCIES)))[0]
    known = data.draw(rates(base))
    there = unit_rate(quoted, base, known)
    assert there is not None and there > 0
    assert value * there / there == pytest.approx(value, rel=1e-12)
    # quoted → base → other → base → quoted
    to_other = unit_rate(other, base, known)
    assert to_other is not None and to_other > 0
    in_other = value * there / to_other
    assert in_other * to_other / there == pytest.approx(value, rel=1e-9, abs=1e-9)


@settings(max_examples=300, deadline=None)
@given(amount, st.sampled_from(CURRENCIES))
def test_rounding_to_the_minor_unit_is_done_once(value: float, currency: str) -> None:
    once = round_money(value, currency)
    assert round_money(once, currency) == once
