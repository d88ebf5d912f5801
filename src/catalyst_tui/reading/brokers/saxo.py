"""Saxo's transactions export (CSV): a trade written as text (`Buy 3 @ 139.74 USD`,
`Koop 1.5 @ 110.01 EUR`), its booked `Amount` the trade's money and its fee; a corporate action's
dividend; dates as day-month-year with the month's name (`02-Apr-2025`, `16-jan-2025`). The
listing is the export's own `Instrument Symbol`, `VWRA:xlon`: the symbol on its exchange, given
the suffix of that exchange's listings (`VWRA.L`)."""

from __future__ import annotations

import datetime as dt
import re

from .cells import ExportRow, own_mark, side_of, symbol_of
from .export import BadRow, Dividend, Trade, currency_code

# An exchange's market identifier code (ISO 10383) -> the suffix its listings take
SUFFIXES = {
    "xnas": "",
    "xnys": "",
    "arcx": "",
    "bats": "",
    "xase": "",
    "xlon": ".L",
    "xams": ".AS",
    "xetr": ".DE",
    "xfra": ".F",
    "xpar": ".PA",
    "xbru": ".BR",
    "xmil": ".MI",
    "xmad": ".MC",
    "xswx": ".SW",
    "xvtx": ".SW",
    "xcse": ".CO",
    "xsto": ".ST",
    "xhel": ".HE",
    "xosl": ".OL",
    "xwbo": ".VI",
    "xlis": ".LS",
    "xdub": ".IR",
    "xtse": ".TO",
    "xasx": ".AX",
    "xhkg": ".HK",
    "xtks": ".T",
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan",),
            ("feb",),
            ("mar", "mrt", "mär"),
            ("apr",),
            ("may", "mei", "mai"),
            ("jun",),
            ("jul",),
            ("aug",),
            ("sep",),
            ("oct", "okt"),
            ("nov",),
            ("dec", "dez"),
        ),
        start=1,
    )
    for name in names
}
_TRADE = re.compile(
    r"^(?P<side>\w+)\s+(?P<qty>\d[\d.,]*)\s*@\s*(?P<price>\d[\d.,]*)\s+(?P<cur>[A-Z]{3})"
)


def saxo_day(text: str) -> dt.date:
    parts = text.strip().split("-")
    if len(parts) == 3 and parts[1][:3].lower() in _MONTHS:
        try:
            return dt.date(int(parts[2]), _MONTHS[parts[1][:3].lower()], int(parts[0]))
        except ValueError:
            pass
    raise BadRow(f"{text!r} is not a date (day-month-year: 02-Apr-2025)")


def _symbol(r: ExportRow) -> str:
    isin = r.cell("Instrument ISIN")
    if isin and isin in r.options.symbols:
        return symbol_of(r.options.symbols[isin])
    ticker, _, exchange = r.need("Instrument Symbol").partition(":")
    suffix = SUFFIXES.get(exchange.lower())
    if suffix is None:
        raise BadRow(
            f"{r.cell('Instrument Symbol')!r}: which listing is it on {exchange!r}? say "
            f"--symbol {isin or ticker}=SYMBOL"
        )
    return symbol_of(ticker + suffix)


def saxo(r: ExportRow) -> Trade | Dividend | None:
    event = r.cell("Event")
    if not r.cell("Instrument Symbol"):
        return None  # cash: a deposit, a withdrawal, a custody fee
    when = saxo_day(r.need("Trade Date"))
    currency = currency_code(r.cell("Instrument currency"))
    if event.lower() == "dividend":
        # booked in the account's currency; the row's rate is the instrument's units per the
        # account's (a euro dividend in a dollar account at 0.92: euros per dollar, a euro
        # costing more than a dollar), so the instrument's money is the amount times the rate
        paid = own_mark(r.need("Amount")) * _rate(r)
        return r.dividend(
            _symbol(r),
            when,
            round(paid, 10),
            None,
            currency,
            r.cell("Instrument"),
        )
    found = _TRADE.match(event)
    side = side_of(found.group("side")) if found else None
    if found is None or side is None:
        return None
    shares = own_mark(found.group("qty"))
    price = own_mark(found.group("price"))
    booked = abs(own_mark(r.need("Amount"))) * _rate(r)  # in the instrument's money
    # the fee is what the row books beyond the trade's money; a booking of less states none
    fees = max(0.0, booked - shares * price if side == "buy" else shares * price - booked)
    return r.trade(
        _symbol(r),
        side,
        when,
        shares,
        price,
        round(fees, 10),
        found.group("cur"),
        name=r.cell("Instrument"),
    )


def _rate(r: ExportRow) -> float:
    """The row's `Conversion Rate`: the instrument's units per one of the account's (1 when the
    two are one currency, or the cell is empty)."""
    return own_mark(r.cell("Conversion Rate") or "1") or 1.0
