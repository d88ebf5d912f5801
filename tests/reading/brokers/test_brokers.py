"""Amounts and dates as brokers write them: decimal commas and points, thousands, currency signs
and brackets, day-first and month-first dates; an ambiguous one refused, never guessed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.brokers.export import BadRow, day, number
from catalyst_tui.reading.brokers.rows import rows
from tests.support.shared import REALDATA, missing


@pytest.mark.parametrize(
    ("text", "comma", "value"),
    [
        ("$1,234.50", False, 1234.5),
        ("-$1,826.80", False, -1826.8),
        ("(12.00)", False, -12.0),
        ("1.234,50", True, 1234.5),
        ("1.234,50", None, 1234.5),  # both marks: the last is the decimal one
        ("880,40", True, 880.4),
        ("880,40", None, 880.4),  # not a thousands group: a decimal comma
        ("1.180", True, 1180.0),
        ("12.5", True, 12.5),
        ("1,234", False, 1234.0),
        ("−3", False, None),  # a minus sign that is not ASCII: not a number
    ],
)
def test_numbers(text: str, comma: bool | None, value: float | None) -> None:
    if value is None:
        with pytest.raises(BadRow):
            number(text, decimal_comma=comma)
    else:
        assert number(text, decimal_comma=comma) == pytest.approx(value)


def test_a_lone_thousands_comma_is_refused_when_the_format_does_not_say() -> None:
    with pytest.raises(BadRow, match="--decimal-comma or --decimal-point"):
        number("1,234", decimal_comma=None)


@pytest.mark.parametrize("text", ["nan", "inf", "1e999", ""])
def test_what_is_no_finite_number_is_refused(text: str) -> None:
    with pytest.raises(BadRow):
        number(text)


@pytest.mark.parametrize(
    ("text", "day_first", "value"),
    [
        ("2024-03-05 14:30:05", None, dt.date(2024, 3, 5)),
        ("20240305", None, dt.date(2024, 3, 5)),
        ("20240305;143005", None, dt.date(2024, 3, 5)),
        ("03/05/2024 as of 03/04/2024", False, dt.date(2024, 3, 5)),
        ("15-03-2024", None, dt.date(2024, 3, 15)),
        ("05.03.2024", True, dt.date(2024, 3, 5)),
        ("03/15/2024", None, dt.date(2024, 3, 15)),
        ("03/03/2024", None, dt.date(2024, 3, 3)),  # the same either way
    ],
)
def test_dates(text: str, day_first: bool | None, value: dt.date) -> None:
    assert day(text, day_first=day_first) == value


def test_an_ambiguous_date_is_refused() -> None:
    with pytest.raises(BadRow, match="--day-first or --month-first"):
        day("03/05/2024", day_first=None)
    with pytest.raises(BadRow, match="not a date"):
        day("2024-02-30", day_first=None)


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("171,24", "comma"),
        ("1.234,50", "comma"),
        ("1.234.567", "comma"),
        ("12.5", "point"),
        ("1,234.50", "point"),
        ("1,234,567", "point"),
        ("1.234", "either"),
        ("1,234", "either"),
        ("-$1,826.80", "point"),
        ("(12,00)", "comma"),
        ("1234", None),
        ("EOF123", None),
        ("15.03.2024", None),
    ],
)
def test_what_one_cell_says_of_the_decimal_mark(text: str, mark: str | None) -> None:
    from catalyst_tui.reading.brokers.text import mark_of

    assert mark_of(text) == mark


def test_the_decimal_mark_is_decided_for_the_whole_file() -> None:
    from catalyst_tui.reading.brokers.text import BadCell, decimal_comma_of

    assert decimal_comma_of([(2, "1.234"), (3, "171,24")], None) is True
    assert decimal_comma_of([(2, "1.234"), (3, "171.24")], True) is False
    assert decimal_comma_of([(2, "1.234"), (3, "10")], True) is True  # the broker's own mark
    with pytest.raises(BadCell, match="--decimal-comma or --decimal-point") as either:
        decimal_comma_of([(2, "10"), (5, "1.234")], None)
    assert either.value.line == 5
    with pytest.raises(BadCell, match="lines 2 and 4") as both:
        decimal_comma_of([(2, "12,5"), (3, "1.234"), (4, "12.5")], False)
    assert both.value.line == 4


@pytest.mark.skipif(missing() is not None, reason=str(missing()))
def test_a_real_degiro_line_wrapped_onto_the_next_is_read_as_one_row() -> None:
    """DEGIRO's account statement wraps the order id of its VICI line 18 onto line 19, a line
    of empty cells but the last: read as the rest of that row, the next row starting at 20."""
    text = (REALDATA / "brokers" / "degiro-export.csv").read_text(encoding="utf-8")
    read = dict(rows(text, lambda cells: "Datum" in cells, wraps=True))
    assert read[18]["Order Id"] == "5925d76b-eb36-46e3-b017-a61a6d03c3e7"
    assert read[18]["Product"] == "VICI PROPERTIES INC. C" and 19 not in read
    assert read[20]["Omschrijving"] == "Valuta Debitering"
    assert read[20]["Order Id"] == "5925d76b-eb36-46e3-b017-a61a6d03c3e7"


# -- a cell that says its own mark; a listing's unit; Saxo's dates ----------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0,44", 0.44),  # DEGIRO's statement, a quoted decimal comma
        ("-97.93", -97.93),  # the same file, a point
        ("1 046,3825", 1046.3825),  # a space between thousands
        ("0,76672417", 0.76672417),  # Revolut's quoted quantity
        ("$52.07", 52.07),
        ("€88.94", 88.94),
        ("1.234,50", 1234.5),
    ],
)
def test_a_cell_that_says_its_own_mark(text: str, value: float) -> None:
    from catalyst_tui.reading.brokers.cells import own_mark

    assert own_mark(text) == pytest.approx(value)


@given(
    st.floats(min_value=0, max_value=1e6, allow_nan=False),
    st.sampled_from(["VOD.L", "SMT.L", "AAPL", "SAP.DE", "VWRA.L"]),
    st.sampled_from(["GBP", "GBX", "USD", "EUR"]),
)
def test_an_amount_in_pounds_of_a_london_listing_is_100_times_as_many_pence(
    amount: float, symbol: str, currency: str
) -> None:
    from catalyst_tui.reading.brokers.cells import ExportRow
    from catalyst_tui.reading.brokers.export import Options, listing_unit

    row = ExportRow(2, {}, Options())
    trade = row.trade(symbol, "buy", dt.date(2024, 1, 2), 1.0, amount, amount, currency)
    factor, unit = listing_unit(symbol, currency)
    london_pounds = symbol.endswith(".L") and currency == "GBP"
    assert (factor, unit) == ((100.0, "GBX") if london_pounds else (1.0, currency))
    assert trade.price == pytest.approx(amount * factor) and trade.fees == trade.price
    assert trade.currency == unit


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("02-Apr-2025", dt.date(2025, 4, 2)),
        ("16-jan-2025", dt.date(2025, 1, 16)),
        ("3-mrt-2024", dt.date(2024, 3, 3)),  # Dutch
        ("01-okt-2024", dt.date(2024, 10, 1)),
    ],
)
def test_saxo_dates_name_their_month(text: str, when: dt.date) -> None:
    from catalyst_tui.reading.brokers.saxo import saxo_day

    assert saxo_day(text) == when
    with pytest.raises(BadRow):
        saxo_day("2025-04-02")


def test_saxo_converts_the_accounts_money_to_the_instruments_at_the_rows_rate() -> None:
    """A dollar account's trade of a euro listing, by hand: `Buy 2 @ 100.00 EUR` booked 218.00
    dollars at 0.92 euros a dollar is 200.56 EUR, the 0.56 beyond the shares' 200 its fee; a
    dividend booked 1.83 dollars at 0.92139706 is 1.83 x 0.92139706 = 1.6862 EUR. (Taken the other
    way, the fee would be 36.96 EUR on 200: a rate below 1 for a euro can only be euros a
    dollar, a euro having cost more than a dollar all through 2025.)"""
    from catalyst_tui.reading.brokers.export import Options
    from catalyst_tui.reading.brokers.rows import read_rows
    from catalyst_tui.reading.brokers.saxo import saxo

    text = (
        "Trade Date,Type,Instrument,Instrument currency,Instrument Symbol,Event,Amount,"
        "Conversion Rate\n"
        '02-Apr-2025,Trade,Vanguard S&P 500,EUR,VUSA:xams,Buy 2 @ 100.00 EUR,"-218,00",0.92\n'
        "02-Apr-2025,Corporate action,Vanguard All-World,EUR,VWRL:xams,Dividend,1.83,0.92139706\n"
    )
    read = read_rows(text, lambda cells: "Conversion Rate" in cells, saxo, Options())
    assert read.issues == []
    (trade,) = read.trades
    assert (trade.shares, trade.price, trade.currency) == (2, 100.0, "EUR")
    assert trade.fees == pytest.approx(218.00 * 0.92 - 200)
    (paid,) = read.dividends
    assert paid.amount == pytest.approx(1.6862, abs=1e-4)


@given(
    shares=st.integers(min_value=1, max_value=10_000),
    cents=st.integers(min_value=1, max_value=1_000_000),
    rate=st.floats(min_value=0.01, max_value=200, allow_nan=False),
    fee=st.integers(min_value=0, max_value=5_000),
)
def test_a_saxo_fee_is_the_same_whatever_the_accounts_currency(shares, cents, rate, fee):
    """The law of the conversion: a trade booked in the account's money at the row's rate (the
    instrument's units per the account's) has the fee it has in the instrument's money, whatever
    the rate: the shares' money plus the fee, over the rate, read back as that fee."""
    from catalyst_tui.reading.brokers.export import Options
    from catalyst_tui.reading.brokers.rows import read_rows
    from catalyst_tui.reading.brokers.saxo import saxo

    price = cents / 100
    booked = (shares * price + fee / 100) / rate  # in the account's money
    text = (
        "Trade Date,Type,Instrument,Instrument currency,Instrument Symbol,Event,Amount,"
        "Conversion Rate\n"
        f"02-Apr-2025,Trade,Acme,EUR,ACME:xams,Buy {shares} @ {price:.2f} EUR,"
        f"-{booked!r},{rate!r}\n"
    )
    read = read_rows(text, lambda cells: "Conversion Rate" in cells, saxo, Options())
    assert read.issues == []
    (trade,) = read.trades
    assert trade.fees == pytest.approx(fee / 100, abs=1e-6 * shares * price + 1e-9)
