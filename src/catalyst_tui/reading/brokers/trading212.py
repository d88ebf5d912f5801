"""Trading 212's History export (CSV): its buys and sales, with every fee column it has, each in
the currency its header or its `Currency (...)` column names; and its dividends, with the tax
withheld, in the listing's unit. A London listing (GBX, GBP) is not named by its ticker alone:
it is its ticker on the London Stock Exchange (`TICKER.L`), or `--symbol ISIN=SYMBOL`'s."""

from __future__ import annotations

import re

from .cells import ExportRow, side_of
from .export import BadRow, Dividend, LeftOut, Trade, currency_code, day, number

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


def _t212_fees(r: ExportRow, price_currency: str) -> float:
    """The fees in the price's unit: a fee in that currency as it is, one in pounds for a
    price in pence times 100, one in the account's currency at the row's `Exchange rate` (the
    instrument's units per account unit); any other is refused (no rate between them)."""
    account = currency_code(r.cell("Currency (Total)", "Currency (Result)"))
    total = 0.0
    for header, text in r.row.items():
        named = _NAMED_CURRENCY.match(header)
        base, currency = (named.group(1), named.group(2)) if named else (header, "")
        if base.strip().lower() not in _T212_FEES or not text.strip():
            continue
        amount = abs(number(text, decimal_comma=r.options.decimal_comma))
        currency = currency_code(currency or r.cell(f"Currency ({base})") or account)
        if not amount:
            continue
        if currency == price_currency or not price_currency:
            total += amount
        elif currency == "GBP" and price_currency == "GBX":
            total += amount * 100
        elif currency == account and _account_rate(r, price_currency):
            total += amount * (_account_rate(r, price_currency) or 0.0)
        else:
            raise BadRow(
                f"{header!r} is in {currency}, the price in {price_currency}: the "
                "export states no rate between them"
            )
    return total


def _symbol(r: ExportRow) -> str:
    """The row's listing: `--symbol`'s for its ISIN, else its ticker; one quoted in pence or
    pounds is its ticker on the London Stock Exchange (`VOD` in GBX: `VOD.L`)."""
    symbol = r.symbol("Ticker")
    currency = currency_code(r.cell("Currency (Price / share)"))
    if r.cell("ISIN") in r.options.symbols or currency not in ("GBX", "GBP") or "." in symbol:
        return symbol
    return f"{symbol}.L"


def trading212(r: ExportRow) -> Trade | Dividend | None:
    if r.cell("Action").lower().startswith("dividend"):
        return _dividend(r)
    side = side_of(r.cell("Action"))
    if side is None:
        return None
    currency = currency_code(r.cell("Currency (Price / share)"))
    comma = r.options.decimal_comma
    return r.trade(
        _symbol(r),
        side,
        day(r.need("Time"), day_first=False),
        number(r.need("No. of shares"), decimal_comma=comma),
        number(r.need("Price / share"), decimal_comma=comma),
        _t212_fees(r, currency),
        currency,
        r.cell("ID"),
        r.cell("Name"),
        fx=_rate_paid(r, currency),
    )


def _account_rate(r: ExportRow, price_currency: str) -> float | None:
    """The row's `Exchange rate`, the price's units per unit of the account's currency; for a
    price in pence, per penny or per pound as the row's own total says: the shares' money at
    the rate read per penny (86.30197 pence a euro) or per pound (0.8630197) is the one that
    comes to the row's `Total`, within its fees (a factor of 100 sets them apart)."""
    text = r.cell("Exchange rate")
    try:
        rate = number(text, decimal_comma=r.options.decimal_comma) if text else 0.0
    except BadRow:
        return None
    if rate <= 0:
        return None
    if price_currency != "GBX":
        return rate
    try:
        money = number(r.need("No. of shares"), decimal_comma=r.options.decimal_comma) * number(
            r.need("Price / share"), decimal_comma=r.options.decimal_comma
        )
        total = number(r.need("Total"), decimal_comma=r.options.decimal_comma)
    except BadRow:
        return None
    for per_penny in (rate, rate * 100):
        if total > 0 and 0.5 <= (money / per_penny) / total <= 2:
            return per_penny
    return None


def _rate_paid(r: ExportRow, currency: str) -> tuple[float, str] | None:
    """The rate paid, in the account's currency per unit of the price's (per pound for a price
    in pence): the inverse of the row's `Exchange rate`."""
    account = currency_code(r.cell("Currency (Total)", "Currency (Result)"))
    if not account or currency in ("", account):
        return None
    rate = _account_rate(r, currency)
    if rate is None:
        return None
    return (100 / rate, account) if currency == "GBX" else (1 / rate, account)


def _dividend(r: ExportRow) -> Dividend | None:
    """Shares times the amount per share, less the tax withheld, in the listing's unit: a tax
    in another currency than the amount's (no rate between them in the row) is kept in its
    own, named, and not taken from the amount."""
    comma = r.options.decimal_comma
    currency = currency_code(r.cell("Currency (Price / share)"))
    try:
        gross = number(r.need("No. of shares"), decimal_comma=comma) * number(
            r.need("Price / share"), decimal_comma=comma
        )
        tax_text = r.cell("Withholding tax")
        tax = abs(number(tax_text, decimal_comma=comma)) if tax_text else 0.0
        symbol = _symbol(r)
    except BadRow as error:
        raise LeftOut(f"a dividend not read: {error}") from None
    tax_currency = currency_code(r.cell("Currency (Withholding tax)")) or currency
    if tax_currency == "GBP" and currency == "GBX":
        tax, tax_currency = tax * 100, currency
    other = tax_currency if tax and tax_currency != currency else ""
    if gross <= 0 or (not other and tax > gross):
        raise LeftOut(f"a dividend of {gross:g} {currency} with {tax:g} withheld: not a payment")
    when = day(r.need("Time"), day_first=False)
    net = gross if other else gross - tax
    return r.dividend(symbol, when, round(net, 10), round(tax, 10), currency, r.cell("Name"), other)
