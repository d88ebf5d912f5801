"""Trading 212's History export (CSV): its buys and sales, with every fee column it has, each in
the currency its header or its `Currency (...)` column names; and its dividends, with the tax
withheld, in the listing's unit. A London listing (GBX, GBP) is not named by its ticker alone:
`--symbol ISIN=SYMBOL` names it."""

from __future__ import annotations

import re

from .broker_cells import cell, need, nonzero, side_of, symbol_for
from .brokers import BadRow, Dividend, LeftOut, Options, Row, Trade, day, make_trade, number

# -- Trading 212: History, Export CSV -----------------------------------------------------------

# Its fee columns, each named with or without its currency (`Stamp duty (GBP)`); a column
# `Currency (NAME)` may give the currency instead, else the account's (`Currency (Total)`).
_T212_FEES = (
    "currency conversion fee",
    "stamp duty reserve tax",
    "transaction fee",
    "french transaction tax",
    "stamp duty",
    "finra fee",
    "ptm levy",
)
_NAMED_CURRENCY = re.compile(r"^(.*?)\s*\(([A-Za-z]{3})\)$")


def _t212_fees(row: Row, price_currency: str, options: Options) -> float:
    """The fees in the price's unit: a fee in that currency as it is, one in pounds for a
    price in pence times 100, one in the account's currency at the row's `Exchange rate` (the
    instrument's units per account unit); any other is refused (no rate between them)."""
    account = cell(row, "Currency (Total)", "Currency (Result)").upper()
    total = 0.0
    for header, text in row.items():
        named = _NAMED_CURRENCY.match(header)
        base, currency = (named.group(1), named.group(2)) if named else (header, "")
        if base.strip().lower() not in _T212_FEES or not text.strip():
            continue
        amount = abs(number(text, decimal_comma=options.decimal_comma))
        currency = (currency or cell(row, f"Currency ({base})") or account).upper()
        if not amount:
            continue
        if currency == price_currency or not price_currency:
            total += amount
        elif currency == "GBP" and price_currency == "GBX":
            total += amount * 100
        elif currency == account and price_currency != "GBX":
            rate = number(need(row, "Exchange rate"), decimal_comma=options.decimal_comma)
            total += amount * nonzero(rate, "Exchange rate")
        else:
            raise BadRow(
                f"{header!r} is in {currency}, the price in {price_currency}: the "
                "export states no rate between them"
            )
    return total


def trading212(line: int, row: Row, options: Options) -> Trade | Dividend | None:
    if cell(row, "Action").lower().startswith("dividend"):
        return _dividend(line, row, options)
    side = side_of(cell(row, "Action"))
    if side is None:
        return None
    currency = cell(row, "Currency (Price / share)").upper()
    isin = cell(row, "ISIN")
    if currency in ("GBX", "GBP") and isin not in options.symbols:
        ticker = cell(row, "Ticker")
        raise BadRow(
            f"{ticker} ({isin}) is quoted in {currency}, a London listing, and "
            f"{ticker} alone names another: say --symbol {isin}={ticker}.L (or its "
            "symbol)"
        )
    comma = options.decimal_comma
    return make_trade(
        line,
        symbol_for(row, options, "Ticker"),
        side,
        day(need(row, "Time"), day_first=False),
        number(need(row, "No. of shares"), decimal_comma=comma),
        number(need(row, "Price / share"), decimal_comma=comma),
        _t212_fees(row, currency, options),
        currency,
        cell(row, "ID"),
        cell(row, "Name"),
        fx=_rate_paid(row, currency, options),
    )


def _rate_paid(row: Row, currency: str, options: Options) -> tuple[float, str] | None:
    """The rate paid, in the account's currency per unit of the price's: the inverse of the
    row's `Exchange rate` (the instrument's units per account unit); none for a price in pence
    (the row does not say whether its rate is per penny or per pound)."""
    account = cell(row, "Currency (Total)", "Currency (Result)").upper()
    text = cell(row, "Exchange rate")
    if not account or currency in ("", "GBX", account) or not text:
        return None
    try:
        rate = number(text, decimal_comma=options.decimal_comma)
    except BadRow:
        return None
    return (1 / rate, account) if rate > 0 else None


def _dividend(line: int, row: Row, options: Options) -> Dividend | None:
    """Shares times the amount per share, less the tax withheld, in the listing's unit: a tax
    in another currency than the amount's (no rate between them in the row) is left out."""
    comma = options.decimal_comma
    currency = cell(row, "Currency (Price / share)").upper()
    isin = cell(row, "ISIN")
    if currency in ("GBX", "GBP") and isin not in options.symbols:
        raise LeftOut(
            f"a dividend of {cell(row, 'Ticker')} ({isin}), quoted in {currency}: "
            f"say --symbol {isin}=SYMBOL to import it"
        )
    try:
        gross = number(need(row, "No. of shares"), decimal_comma=comma) * number(
            need(row, "Price / share"), decimal_comma=comma
        )
        tax_text = cell(row, "Withholding tax")
        tax = abs(number(tax_text, decimal_comma=comma)) if tax_text else 0.0
        symbol = symbol_for(row, options, "Ticker")
    except BadRow as error:
        raise LeftOut(f"a dividend not read: {error}") from None
    tax_currency = cell(row, "Currency (Withholding tax)").upper() or currency
    if tax and tax_currency != currency:
        if not (tax_currency == "GBP" and currency == "GBX"):
            raise LeftOut(
                f"a dividend in {currency} with its tax withheld in {tax_currency}: "
                "the row states no rate between them"
            )
        tax *= 100
    if gross <= 0 or tax > gross:
        raise LeftOut(f"a dividend of {gross:g} {currency} with {tax:g} withheld: not a payment")
    when = day(need(row, "Time"), day_first=False)
    net = round(gross - tax, 10)
    return Dividend(line, symbol, when, net, round(tax, 10), currency, cell(row, "Name"))
