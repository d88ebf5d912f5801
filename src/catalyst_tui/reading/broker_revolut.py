"""Revolut's trading export (CSV): a buy or a sale (`BUY - MARKET`, `SELL - LIMIT`, ...) at its
price per share, amounts written with their currency's sign (`$52.07`, `€88.94`), a decimal
comma in a quoted cell (`"0,76672417"`) beside points elsewhere: each cell says its own mark.
A dividend (`DIVIDEND`) is what was received: Revolut states no tax withheld. Cash, fees,
splits and transfers between Revolut's companies are no trades."""

from __future__ import annotations

from .broker_cells import cell, need, nonzero, own_mark, side_of, symbol_for
from .brokers import (
    Dividend,
    LeftOut,
    Options,
    Row,
    Trade,
    day,
    make_dividend,
    make_trade,
)


def revolut(line: int, row: Row, options: Options) -> Trade | Dividend | None:
    kind = cell(row, "Type").upper()
    if not cell(row, "Ticker"):
        return None  # cash: a top-up, a withdrawal, a fee, a transfer
    symbol = symbol_for(row, options, "Ticker")
    currency = need(row, "Currency").upper()
    when = day(need(row, "Date"), day_first=False)
    if kind == "DIVIDEND":
        return make_dividend(
            line, symbol, when, own_mark(need(row, "Total Amount")), None, currency
        )
    if not (kind.startswith("BUY") or kind.startswith("SELL")):
        return None  # a split, a transfer between Revolut's companies
    if "." not in symbol and currency != "USD":
        raise LeftOut(
            f"a {kind.split()[0].lower()} of {symbol}, a US listing, priced in {currency} "
            f"({cell(row, 'Price per share')}): the export states no price in dollars; "
            "add the lot by hand at its price in dollars"
        )
    side = side_of(kind) or "buy"
    return make_trade(
        line,
        symbol,
        side,
        when,
        nonzero(own_mark(need(row, "Quantity")), "Quantity"),
        own_mark(need(row, "Price per share")),
        0.0,
        currency,
    )
