"""A quote's range checks asked in one expression (`_plainly_in_range`, what a steady refresh
runs 500 times) give exactly what the value-by-value gates give: the same quote, or the same
refusal, on every recorded v7 quote row and on quotes made of every kind of value a transform
can put in one; and every recorded row takes the one-expression path (it is not too strict to
be the common case)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.support.shared import REALDATA, SAMPLES

from catalyst_tui.market.bounds import (
    AHEAD,
    MAX_CHANGE_PCT,
    MAX_PRICE,
    MAX_VOLUME,
    MIN_PRICE,
    _gated_quote,
    _plainly_in_range,
    checked_quote,
)
from catalyst_tui.market.models import FetchError, Quote
from catalyst_tui.market.yahoo.quote import quote_from_row

NOW = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
LAST = NOW.date() + AHEAD
RECORDED = sorted((REALDATA / "more" / "yahoo_quote").glob("*.json")) + sorted(
    SAMPLES.glob("yahoo_quote-*.json")
)


def both(quote: Quote) -> tuple[object, object]:
    """(what checked_quote gives, what the gates alone give): the quote, or the refusal's text."""

    def outcome(check):
        try:
            return check()
        except FetchError as error:
            return ("refused", error.kind, error.symbol, error.message)

    return outcome(lambda: checked_quote(quote, NOW)), outcome(lambda: _gated_quote(quote, NOW))


def recorded_rows() -> list[dict]:
    rows = []
    for path in RECORDED:
        data = json.loads(path.read_text(encoding="utf-8"))
        if "response" in data:  # a recording of the exchange, the body in it
            data = data["response"].get("bodyJson") or {}
        rows += [r for r in (data.get("quoteResponse") or {}).get("result") or [] if r]
    return rows


def test_every_recorded_quote_row_passes_on_the_one_expression_path():
    rows = recorded_rows()
    assert len(rows) > 100  # the recordings are there: the test reads something
    read = 0
    for row in rows:
        stamps = [row.get(k) or 0 for k in ("regularMarketTime", "preMarketTime", "postMarketTime")]
        when = datetime.fromtimestamp(max(stamps), UTC) + timedelta(hours=1)  # when recorded
        try:
            quote = quote_from_row(row, row["symbol"], when)
        except FetchError as error:  # a row without a price (a fund before its first NAV)
            assert "no price" in error.message, (row["symbol"], error.message)
            continue
        read += 1
        assert _plainly_in_range(quote, when.date() + AHEAD), row["symbol"]
        assert _gated_quote(quote, when) == quote
    assert read > 100


PRICES = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-5, max_value=10**13),
    st.sampled_from([MIN_PRICE, MIN_PRICE * 0.99, MAX_PRICE, MAX_PRICE * 1.01, 5e-324, 0.0]),
)
CHANGES = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**13), max_value=10**13),
    st.sampled_from([MAX_PRICE, -MAX_PRICE, MAX_CHANGE_PCT, -MAX_CHANGE_PCT * 1.01, -0.0]),
)
VOLUMES = st.one_of(
    st.none(),
    st.integers(min_value=-5, max_value=MAX_VOLUME + 5),
    st.sampled_from([MAX_VOLUME, MAX_VOLUME + 1, True, 1.0, 2**70]),
)
ZONES = st.sampled_from([UTC, timezone(timedelta(hours=9)), timezone(timedelta(hours=-5)), None])
MOMENTS = st.builds(
    lambda day, seconds, zone: (
        datetime.combine(day, datetime.min.time(), zone) + timedelta(seconds=seconds)
    ),
    st.one_of(
        st.dates(min_value=date(1969, 12, 30), max_value=date(2030, 1, 1)),
        st.sampled_from([date(1970, 1, 1), LAST, LAST + timedelta(days=1)]),  # the edges
    ),
    st.integers(min_value=0, max_value=86_399),
    ZONES,
)
CURRENCIES = st.one_of(st.none(), st.text(max_size=10), st.sampled_from(["USD", "GBp", "€\x1b"]))
# Any value of its kind, for the fields a quote's transform fills
ANY = {
    "price": PRICES,
    "prev_close": PRICES,
    "day_high": PRICES,
    "day_low": PRICES,
    "fifty_two_week_high": PRICES,
    "fifty_two_week_low": PRICES,
    "ext_price": PRICES,
    "change": CHANGES,
    "change_pct": CHANGES,
    "ext_change": CHANGES,
    "ext_change_pct": CHANGES,
    "volume": VOLUMES,
    "currency": CURRENCIES,
    "quote_time": MOMENTS,
    "ext_time": st.one_of(st.none(), MOMENTS),
}
GOOD = Quote(
    "T",
    124.37,
    126.19,
    -1.82,
    -0.0144,
    "USD",
    "CLOSED",
    NOW - timedelta(hours=2),
    "yahoo",
    127.45,
    123.13,
    1_247_524,
    145.83,
    102.05,
    "post",
    124.87,
    0.4975,
    0.004,
    NOW - timedelta(hours=1),
)


# 500 draws: each field's strategy samples its bound's edges by name (the sampled_from of each),
# and every edge where a looser expression would differ is pinned below
# (test_an_edge_is_judged_the_same_both_ways); 1,500 took 22 s of a busy run for no other case.
@settings(max_examples=500, deadline=None)
@given(data=st.data(), changed=st.lists(st.sampled_from(sorted(ANY)), max_size=3, unique=True))
def test_any_quote_is_judged_the_same_both_ways(data, changed):
    """A recorded-like quote with up to three of its values replaced by any of their kind: the
    edges of every bound, NaN, infinities, ints, booleans, other time zones, control text."""
    quote = GOOD._replace(**{name: data.draw(ANY[name], label=name) for name in changed})
    fast, slow = both(quote)
    assert fast == slow
    if _plainly_in_range(quote, LAST):  # the one expression passes only what the gates pass
        assert slow == quote


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("price", MIN_PRICE * 0.99),  # above zero, below the least price
        ("quote_time", datetime.combine(LAST, time(22), timezone(timedelta(hours=-5)))),
        ("ext_time", datetime.combine(LAST, time(22), timezone(timedelta(hours=-5)))),
        ("volume", True),
        ("currency", "ABCDEFGHI"),
        ("day_low", 0.0),
        ("change_pct", -MAX_CHANGE_PCT * 1.01),
    ],
)
def test_an_edge_is_judged_the_same_both_ways(field, value):
    """Each edge where a looser one expression would pass what the gates refuse."""
    quote = GOOD._replace(**{field: value})
    fast, slow = both(quote)
    assert fast == slow and slow != quote


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("price", 1e13, "price is 1e+13, out of range"),
        ("volume", -1, "volume is -1, out of range"),
        ("change_pct", float("nan"), "change_pct is nan, not a finite number"),
        ("quote_time", datetime(2031, 1, 1, tzinfo=UTC), "quote_time is 2031-01-01"),
        ("currency", "US\x1bD", "is no currency code"),
    ],
)
def test_a_value_out_of_range_is_still_named(field, value, said):
    quote = Quote("T", 10.0, 9.0, 1.0, 0.1, "USD", "REGULAR", NOW, "yahoo")._replace(
        **{field: value}
    )
    with pytest.raises(FetchError) as raised:
        checked_quote(quote, NOW)
    assert said in raised.value.message and raised.value.symbol == "T"
