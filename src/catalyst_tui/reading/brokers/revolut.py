"""Revolut's trading export (CSV): a buy or a sale (`BUY - MARKET`, `SELL - LIMIT`, ...) at its
price per share, amounts written with their currency's sign (`$52.07`, `€88.94`), a decimal
comma in a quoted cell (`"0,76672417"`) beside points elsewhere: each cell says its own mark.
A dividend (`DIVIDEND`) is what was received: Revolut states no tax withheld. Cash, fees,
splits and transfers between Revolut's companies are no trades."""

from __future__ import annotations

from .cells import ExportRow, nonzero, own_mark, side_of
from .export import Dividend, Trade, currency_code, day


def revolut(r: ExportRow) -> Trade | Dividend | None:
    kind = r.cell("Type").upper()
    if not r.cell("Ticker"):
        return None  # cash: a top-up, a withdrawal, a fee, a transfer
    symbol = r.symbol("Ticker")
    currency = currency_code(r.need("Currency"))
    when = day(r.need("Date"), day_first=False)
    if kind == "DIVIDEND":
        return r.dividend(symbol, when, own_mark(r.need("Total Amount")), None, currency)
    if not (kind.startswith("BUY") or kind.startswith("SELL")):
        return None  # a split, a transfer between Revolut's companies
    priced_in = ""
    if "." not in symbol and currency != "USD":  # a US listing priced in euros: its dollars
        priced_in, currency = currency, "USD"  # at the day's rate, where one is kept
    side = side_of(kind) or "buy"
    trade = r.trade(
        symbol,
        side,
        when,
        nonzero(own_mark(r.need("Quantity")), "Quantity"),
        own_mark(r.need("Price per share")),
        0.0,
        currency,
    )
    return trade._replace(priced_in=priced_in) if priced_in else trade
