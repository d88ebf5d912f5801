"""Freetrade's activity export (CSV, the account in pounds): its orders (`ORDER`, a free share
`FREESHARE_ORDER` at no cost), with stamp duty and the FX fee, and its dividends (`DIVIDEND`, a
property income distribution `PROPERTY`) with the tax withheld, each in the instrument's
currency. A London listing (an instrument in pounds) is the ticker on the London Stock
Exchange, `TICKER.L`, quoted in pence."""

from __future__ import annotations

from .broker_cells import cell, need, nonzero, symbol_of
from .brokers import (
    Dividend,
    Options,
    Row,
    Trade,
    day,
    make_dividend,
    make_trade,
    number,
)

_ORDERS = ("ORDER", "FREESHARE_ORDER")
_PAID = ("DIVIDEND", "PROPERTY")


def _symbol(row: Row, options: Options) -> str:
    isin = cell(row, "ISIN")
    if isin and isin in options.symbols:
        return symbol_of(options.symbols[isin])
    ticker = symbol_of(need(row, "Ticker"))
    london = cell(row, "Instrument Currency").upper() in ("GBP", "GBX") or (
        "london" in cell(row, "Venue").lower()
    )
    return f"{ticker}.L" if london and "." not in ticker else ticker


def freetrade(line: int, row: Row, options: Options) -> Trade | Dividend | None:
    kind = cell(row, "Type").upper()
    if kind in _PAID:
        return _dividend(line, row, options)
    if kind not in _ORDERS:
        return None
    side = "sell" if cell(row, "Buy / Sell").upper() == "SELL" else "buy"
    currency = need(row, "Instrument Currency").upper()
    account = cell(row, "Account Currency").upper() or "GBP"
    rate = number(cell(row, "Base FX Rate") or "0") or None  # the instrument's units a pound
    fees = number(cell(row, "Stamp Duty") or "0") + number(cell(row, "FX Fee Amount") or "0")
    if fees and currency != account:
        fees *= nonzero(rate or 0.0, "Base FX Rate")  # in pounds: at the row's rate
    free = kind == "FREESHARE_ORDER"
    price = 0.0 if free else number(need(row, "Price per Share"))
    return make_trade(
        line,
        _symbol(row, options),
        side,
        day(need(row, "Timestamp"), day_first=False),
        nonzero(number(need(row, "Quantity")), "Quantity"),
        price,
        fees,
        currency,
        cell(row, "Order ID"),
        cell(row, "Title"),
        fx=(1 / rate, account) if rate and currency != account else None,
    )


def _dividend(line: int, row: Row, options: Options) -> Dividend:
    """What was paid on the eligible shares, less the tax withheld, in the instrument's
    currency: the gross and net the row states, else shares times the amount per share."""
    currency = need(row, "Instrument Currency").upper()
    gross_text = cell(row, "Dividend Gross Distribution Amount")
    gross = (
        number(gross_text)
        if gross_text
        else number(need(row, "Dividend Eligible Quantity"))
        * number(need(row, "Dividend Amount Per Share"))
    )
    tax = number(cell(row, "Dividend Withheld Tax Amount") or "0")
    net_text = cell(row, "Dividend Net Distribution Amount")
    net = number(net_text) if net_text else gross - tax
    return make_dividend(
        line,
        _symbol(row, options),
        day(need(row, "Dividend Pay Date", "Timestamp"), day_first=False),
        round(net, 10),
        round(tax, 10),
        currency,
        cell(row, "Title"),
    )
