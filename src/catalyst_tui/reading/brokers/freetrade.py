"""Freetrade's activity export (CSV, the account in pounds): its orders (`ORDER`, a free share
`FREESHARE_ORDER` at no cost), with stamp duty and the FX fee, and its dividends (`DIVIDEND`, a
property income distribution `PROPERTY`) with the tax withheld, each in the instrument's
currency. A London listing (an instrument in pounds) is the ticker on the London Stock
Exchange, `TICKER.L`, quoted in pence."""

from __future__ import annotations

from .cells import ExportRow, nonzero, symbol_of
from .export import Dividend, Trade, currency_code, day, number

_ORDERS = ("ORDER", "FREESHARE_ORDER")
_PAID = ("DIVIDEND", "PROPERTY")


def _symbol(r: ExportRow) -> str:
    isin = r.cell("ISIN")
    if isin and isin in r.options.symbols:
        return symbol_of(r.options.symbols[isin])
    ticker = symbol_of(r.need("Ticker"))
    london = currency_code(r.cell("Instrument Currency")) in ("GBP", "GBX") or (
        "london" in r.cell("Venue").lower()
    )
    return f"{ticker}.L" if london and "." not in ticker else ticker


def freetrade(r: ExportRow) -> Trade | Dividend | None:
    kind = r.cell("Type").upper()
    if kind in _PAID:
        return _dividend(r)
    if kind not in _ORDERS:
        return None
    side = "sell" if r.cell("Buy / Sell").upper() == "SELL" else "buy"
    currency = currency_code(r.need("Instrument Currency"))
    account = currency_code(r.cell("Account Currency")) or "GBP"
    rate = number(r.cell("Base FX Rate") or "0") or None  # the instrument's units a pound
    fees = number(r.cell("Stamp Duty") or "0") + number(r.cell("FX Fee Amount") or "0")
    if fees and currency != account:
        fees *= nonzero(rate or 0.0, "Base FX Rate")  # in pounds: at the row's rate
    free = kind == "FREESHARE_ORDER"
    price = 0.0 if free else number(r.need("Price per Share"))
    return r.trade(
        _symbol(r),
        side,
        day(r.need("Timestamp"), day_first=False),
        nonzero(number(r.need("Quantity")), "Quantity"),
        price,
        fees,
        currency,
        r.cell("Order ID"),
        r.cell("Title"),
        fx=(1 / rate, account) if rate and currency != account else None,
    )


def _dividend(r: ExportRow) -> Dividend:
    """What was paid on the eligible shares, less the tax withheld, in the instrument's
    currency: the gross and net the row states, else shares times the amount per share."""
    currency = currency_code(r.need("Instrument Currency"))
    gross_text = r.cell("Dividend Gross Distribution Amount")
    gross = (
        number(gross_text)
        if gross_text
        else number(r.need("Dividend Eligible Quantity"))
        * number(r.need("Dividend Amount Per Share"))
    )
    tax = number(r.cell("Dividend Withheld Tax Amount") or "0")
    net_text = r.cell("Dividend Net Distribution Amount")
    net = number(net_text) if net_text else gross - tax
    return r.dividend(
        _symbol(r),
        day(r.need("Dividend Pay Date", "Timestamp"), day_first=False),
        round(net, 10),
        round(tax, 10),
        currency,
        r.cell("Title"),
        ex_day=day(ex, day_first=False) if (ex := r.cell("Dividend Ex Date")) else None,
    )
