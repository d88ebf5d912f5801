"""Interactive Brokers' Flex query sections as CSV: Trades (a buy, a sale, a cancellation of
one) and Cash Transactions (dividends, payments in lieu of them, the tax withheld, each a row
of its own: those of one symbol, day and currency are one dividend, `merged`). A row names its
listing by `Symbol`, or by its `Description`'s first word (`VT(US9220427424) CASH DIVIDEND`),
or by `--symbol ISIN=SYMBOL`."""

from __future__ import annotations

import re

from .cells import ExportRow, side_of, symbol_of
from .export import (
    BadRow,
    CapitalReturn,
    CapitalReturned,
    Dividend,
    RowIssue,
    Trade,
    currency_code,
    day,
    number,
)


def ibkr(r: ExportRow) -> Trade | None:
    if r.cell("AssetClass") not in ("", "STK", "ETF", "FUND"):
        return None
    said = r.cell("Buy/Sell")
    side = side_of(said)
    if side is None:
        return None
    if not r.cell("Symbol", "ISIN"):
        return None  # no instrument: a currency conversion (a query without AssetClass)
    currency = r.cell("CurrencyPrimary", "Currency")
    fee_currency = r.cell("IBCommissionCurrency")
    if fee_currency and currency and fee_currency.upper() != currency.upper():
        raise BadRow(
            f"the commission is in {fee_currency!r}, the price in {currency!r}: the "
            "export states no rate between them"
        )
    cancel = "(ca.)" in said.lower() or r.cell("TransactionType").lower() == "tradecancel"
    # a cancellation names the trade it cancels in OrigTradeID (its own TradeID may be empty)
    ref = r.cell("OrigTradeID", "TradeID") if cancel else r.cell("TradeID", "TransactionID")
    if cancel and not ref:
        raise BadRow("a cancellation that names no trade (no TradeID, no OrigTradeID)")
    quantity = number(r.need("Quantity"), decimal_comma=r.options.decimal_comma)
    return r.trade(
        r.symbol("Symbol"),
        side,
        day(r.need("TradeDate", "Date/Time"), day_first=False),
        abs(quantity),
        number(r.need("TradePrice", "Price"), decimal_comma=r.options.decimal_comma),
        number(r.cell("IBCommission", "Commission") or "0", decimal_comma=r.options.decimal_comma),
        currency,
        ref,
        r.cell("Description"),
        cancel,
    )


_PAID = ("dividends", "payment in lieu of dividends")
_NAMED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9.\-]{0,19})\(")


def listing_named(r: ExportRow) -> str:
    """The row's listing: `--symbol`'s for its ISIN, its `Symbol`, else the first word of its
    `Description` (`VT(US9220427424) ...`). A symbol without an exchange suffix names a US
    listing: one paid in another currency than dollars is asked for with `--symbol`."""
    isin = r.cell("ISIN")
    if isin in r.options.symbols or r.cell("Symbol"):
        return r.symbol("Symbol")
    named = _NAMED.match(r.cell("Description"))
    if not named:
        return r.symbol()  # asks for --symbol by its ISIN
    symbol = symbol_of(named.group(1))
    currency = currency_code(r.cell("CurrencyPrimary", "Currency"))
    if "." not in symbol and currency not in ("", "USD"):
        raise BadRow(
            f"which listing is {isin or symbol} ({symbol}, paid in {currency})? "
            f"say --symbol {isin or symbol}=SYMBOL with its exchange's suffix"
        )
    return symbol


def ibkr_cash(r: ExportRow) -> Dividend | None:
    """A dividend (or a payment in lieu of one) as paid, a tax withheld as the negative of
    its amount: the rows of one symbol, day and currency are one dividend (`merged`)."""
    kind = r.cell("Type").lower()
    if kind not in (*_PAID, "withholding tax"):
        return None
    said = r.cell("Description")
    amount = number(r.need("Amount"), decimal_comma=r.options.decimal_comma)
    when = day(r.need("SettleDate", "Date/Time", "ReportDate"), day_first=False)
    if "return of capital" in said.lower():  # no dividend: it lowers what the shares cost
        paid = r.dividend(listing_named(r), when, abs(amount), 0.0, r.cell("CurrencyPrimary"))
        back = CapitalReturn(r.line, paid.symbol, when, paid.amount, paid.currency)
        raise CapitalReturned(back)
    tax = -amount if kind == "withholding tax" else 0.0
    name = said.split("(")[0].strip() if "(" in said else ""
    currency = r.cell("CurrencyPrimary", "Currency")
    return r.dividend(listing_named(r), when, amount, tax, currency, name)


def merged(dividends: list[Dividend]) -> tuple[list[Dividend], list[RowIssue]]:
    """The dividends of one symbol, day and currency as one, received less withheld (IBKR and
    DEGIRO list the tax as a row of its own); a tax withheld from no dividend of the file is
    left out, said (the second list). All of a dividend withheld is a dividend of 0."""
    by_key: dict[tuple[str, object, str], Dividend] = {}
    for d in dividends:
        key = (d.symbol, d.day, d.currency)
        first = by_key.get(key)
        if first is None:
            by_key[key] = d
            continue
        tax = None if first.tax is None and d.tax is None else (first.tax or 0) + (d.tax or 0)
        by_key[key] = first._replace(
            amount=first.amount + d.amount, tax=tax, name=first.name or d.name
        )
    left_out = [
        RowIssue(
            d.line,
            f"{d.tax or 0:g} {d.currency} of {d.symbol} withheld on {d.day}, and no dividend "
            "of that day in the export",
        )
        for d in by_key.values()
        if d.amount < -1e-9
    ]
    kept = [
        d._replace(
            amount=max(0.0, round(d.amount, 10)), tax=None if d.tax is None else round(d.tax, 10)
        )
        for d in by_key.values()
        if d.amount >= -1e-9
    ]
    return kept, left_out
