"""The keys of currencies and sales: `[settings] currency`, a lot's `fx`, `[[tickers.S.sells]]`;
each wrong value refused at its line and column, and a sale of more than is held refused at its
`shares`."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.config import ConfigError, parse_config
from catalyst_tui.config.model import EcbSettings
from catalyst_tui.market.registry import ECB
from catalyst_tui.thesis.portfolio.positions import Lot, Sell


def issues(text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    return [(i.line, i.col, i.key, i.message) for i in info.value.issues]


LOTS = """[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.lots]]
shares = 10
cost = 90
date = 2025-01-06
[[tickers.ALAB.lots]]
shares = 5
cost = 120
date = 2025-06-02
"""


def test_the_base_currency_is_usd_unless_set():
    assert parse_config("").settings.currency == "USD"
    assert parse_config('[settings]\ncurrency = "EUR"\n').settings.currency == "EUR"


def test_the_ecb_url_defaults_to_the_real_service():
    assert parse_config("").providers.of(ECB) == EcbSettings()
    assert EcbSettings().daily_url == (
        "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"
    )


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ('"eur"', "(three capital letters: USD, EUR, GBP): write 'EUR'"),
        ('"EURO"', "'EURO' is not a currency code"),
        ("840", "must be a string"),
    ],
)
def test_a_currency_that_is_no_code_is_refused_where_it_is(value, problem):
    [(line, col, key, message)] = issues(f"[settings]\ncurrency = {value}\n")
    assert (line, col, key) == (2, 12, "settings.currency")
    assert problem in message


def test_a_lot_keeps_the_rate_paid():
    text = LOTS.replace("cost = 90\n", "cost = 90\nfx = 0.92\n")
    lots = parse_config(text).tickers["ALAB"].lots
    assert lots[0] == Lot(10, 90, dt.date(2025, 1, 6), "", 0.92)
    assert lots[1].fx is None


@pytest.mark.parametrize("value", ["0", "-1.2", '"1.1"'])
def test_a_rate_paid_that_is_no_rate_is_refused(value):
    text = LOTS.replace("cost = 90\n", f"cost = 90\nfx = {value}\n")
    [(line, col, key, _message)] = issues(text)
    assert (line, col, key) == (6, 6, "tickers.ALAB.lots[0].fx")


def test_sales_are_read_with_their_fees_and_notes():
    text = LOTS + (
        "[[tickers.ALAB.sells]]\nshares = 12\nprice = 140.5\ndate = 2025-09-01\nfees = 4.95\n"
        'note = "trim"\n'
    )
    [sell] = parse_config(text).tickers["ALAB"].sells
    assert sell == Sell(12, 140.5, dt.date(2025, 9, 1), 4.95, "trim")


def test_selling_more_than_is_held_is_refused_at_the_sales_shares():
    text = LOTS + (
        "[[tickers.ALAB.sells]]\nshares = 8\nprice = 100\ndate = 2025-03-03\n"
        "[[tickers.ALAB.sells]]\nshares = 8\nprice = 130\ndate = 2025-07-01\n"
    )
    [(line, col, key, message)] = issues(text)
    assert (line, col, key) == (16, 10, "tickers.ALAB.sells[1].shares")
    assert message == (
        "sells 8 shares on 2025-07-01, but only 7 are held then (the lots bought by that day, "
        "less the earlier sales)"
    )


def test_a_sale_before_the_lots_were_bought_is_more_than_is_held():
    text = LOTS + "[[tickers.ALAB.sells]]\nshares = 1\nprice = 100\ndate = 2024-12-31\n"
    [(line, _col, key, message)] = issues(text)
    assert (line, key) == (12, "tickers.ALAB.sells[0].shares")
    assert "only 0 are held then" in message


@pytest.mark.parametrize(
    ("body", "line", "key", "problem"),
    [
        ("shares = 1\nprice = 100\n", 11, "tickers.ALAB.sells[0]", "missing required key 'date'"),
        (
            "shares = 0\nprice = 1\ndate = 2025-09-01\n",
            12,
            "tickers.ALAB.sells[0].shares",
            "must be more than 0",
        ),
        (
            "shares = 1\nprice = -1\ndate = 2025-09-01\n",
            13,
            "tickers.ALAB.sells[0].price",
            "must not be negative",
        ),
        (
            "shares = 1\nprice = 1\ndate = 2025-09-01\nfees = -2\n",
            15,
            "tickers.ALAB.sells[0].fees",
            "must not be negative",
        ),
        (
            "shares = 1\nprice = 1\ndate = 2025-09-01\nwhen = 1\n",
            15,
            "tickers.ALAB.sells[0].when",
            "unknown key",
        ),
    ],
)
def test_a_wrong_sale_is_refused_where_it_is(body, line, key, problem):
    [(found_line, _col, found_key, message)] = issues(LOTS + "[[tickers.ALAB.sells]]\n" + body)
    assert (found_line, found_key) == (line, key)
    assert problem in message


def test_a_sale_or_a_purchase_dated_after_today_is_refused_where_it_is():
    """A sale written before it is made would count as made today: refused at its date, as is
    a lot bought after today. Two days ahead: after today in every time zone."""
    ahead = dt.date.today() + dt.timedelta(days=2)
    sale = f"[[tickers.ALAB.sells]]\nshares = 1\nprice = 100\ndate = {ahead}\n"
    [(line, _col, key, message)] = issues(LOTS + sale)
    assert (line, key) == (14, "tickers.ALAB.sells[0].date")
    assert f"{ahead} is after today" in message
    lot = f"[[tickers.ALAB.lots]]\nshares = 1\ncost = 100\ndate = {ahead}\n"
    [(line, _col, key, message)] = issues(LOTS + lot)
    assert (line, key) == (14, "tickers.ALAB.lots[2].date")
    assert f"{ahead} is after today" in message
    today = dt.date.today() - dt.timedelta(days=1)  # yesterday, in every time zone
    sold = parse_config(LOTS + sale.replace(str(ahead), str(today)))
    assert sold.tickers["ALAB"].sells[0].date == today


def test_a_sale_dated_after_today_is_refused_in_the_sale_form_as_typed():
    from catalyst_tui.config.forms import field_errors

    ahead = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    held = [Lot(10, 90, dt.date(2025, 1, 6))]
    errors = field_errors(
        "sell", {"shares": "1", "price": "100", "date": ahead}, symbol="ALAB", held=held
    )
    assert "is after today" in errors.get("date", ""), errors
