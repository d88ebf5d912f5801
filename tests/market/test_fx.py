"""Currencies: minor units from the real charts' own `meta.currency` (a London listing in GBp),
the Yahoo symbol of a rate, and the ECB's daily file (the recorded eurofxref-daily.xml) read
into cross rates."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tests.support.market_server import fixture_text, realdata_body

from catalyst_tui.market.currency import major, pair_symbol, unit_rate
from catalyst_tui.market.ecb import ecb_rates, parse_ecb_daily
from catalyst_tui.market.models import FetchError
from catalyst_tui.market.yahoo.provider import YahooProvider


def chart_quote(name: str):
    body = realdata_body("yahoo_chart", name)
    now = lambda: dt.datetime(2025, 2, 21, tzinfo=dt.UTC)  # noqa: E731
    yahoo = YahooProvider("http://127.0.0.1:9", now=now)
    return yahoo.quote_from_chart(yahoo.chart_result(json.dumps(body), "X"), "X"), body


def test_a_london_chart_is_quoted_in_pence_and_converted_to_pounds():
    quote, body = chart_quote("chart-OCDO.L-2020-01-01-to-2020-01-03.json")
    meta = body["chart"]["result"][0]["meta"]
    assert quote.currency == meta["currency"] == "GBp"
    assert major("GBp") == ("GBP", 100.0)
    # 1.25 dollars a pound: a penny is 1.25 / 100 dollars.
    assert unit_rate("GBp", "USD", {"GBP": 1.25}) == pytest.approx(0.0125)
    assert quote.price * unit_rate("GBp", "USD", {"GBP": 1.25}) == pytest.approx(
        meta["regularMarketPrice"] / 100 * 1.25
    )


@pytest.mark.parametrize(
    ("unit", "currency"), [("GBX", "GBP"), ("ZAc", "ZAR"), ("ILA", "ILS"), ("DKK", "DKK")]
)
def test_minor_units_name_their_currency(unit, currency):
    assert major(unit)[0] == currency


def test_the_base_needs_no_rate_and_an_unknown_currency_has_none():
    assert unit_rate("USD", "USD", {}) == 1.0
    assert unit_rate("GBp", "GBP", {}) == pytest.approx(0.01)
    assert unit_rate("ARS", "USD", {"GBP": 1.25}) is None
    assert pair_symbol("GBP", "USD") == "GBPUSD=X"


def test_the_ecb_daily_file_gives_cross_rates_through_the_euro():
    body = fixture_text("ecb_eurofxref-daily_2025-05-09.xml")
    day, per_eur = parse_ecb_daily(body)
    assert day == dt.date(2025, 5, 9)
    assert per_eur["USD"] == 1.1252 and per_eur["GBP"] == 0.84770 and per_eur["EUR"] == 1.0
    assert len(per_eur) == 31  # the 30 currencies of the file and the euro
    rates = {r.currency: r for r in ecb_rates(body, ["GBP", "EUR", "ARS"], "USD")}
    assert set(rates) == {"GBP", "EUR"}  # ARS is not in the ECB's list
    assert rates["GBP"].rate == pytest.approx(1.1252 / 0.84770)
    assert rates["EUR"].rate == pytest.approx(1.1252)
    assert rates["GBP"].day == dt.date(2025, 5, 9) and rates["GBP"].source == "ecb"


def test_an_answer_without_rates_is_a_fetch_error():
    with pytest.raises(FetchError, match="no reference rates"):
        parse_ecb_daily("<html>maintenance</html>")
