"""Interactive Brokers' Flex query sections as CSV: Trades (a buy, a sale, a cancellation of
one) and Cash Transactions (dividends, payments in lieu of them, the tax withheld, each a row
of its own: those of one symbol, day and currency are one dividend, `merged`). A row names its
listing by `Symbol`, or by its `Description`'s first word (`VT(US9220427424) CASH DIVIDEND`),
or by `--symbol ISIN=SYMBOL`."""

from __future__ import annotations

import re

from .broker_cells import cell, need, side_of, symbol_for, symbol_of
from .brokers import (
    BadRow,
    Dividend,
    LeftOut,
    Options,
    Row,
    RowIssue,
    Trade,
    day,
    make_dividend,
    make_trade,
    number,
)


def ibkr(line: int, row: Row, options: Options) -> Trade | None:
    if cell(row, "AssetClass") not in ("", "STK", "ETF", "FUND"):
        return None
    said = cell(row, "Buy/Sell")
    side = side_of(said)
    if side is None:
        return None
    if not cell(row, "Symbol", "ISIN"):
        return None  # no instrument: a currency conversion (a query without AssetClass)
    currency = cell(row, "CurrencyPrimary", "Currency")
    fee_currency = cell(row, "IBCommissionCurrency")
    if fee_currency and currency and fee_currency.upper() != currency.upper():
        raise BadRow(
            f"the commission is in {fee_currency!r}, the price in {currency!r}: the "
            "export states no rate between them"
        )
    cancel = "(ca.)" in said.lower() or cell(row, "TransactionType").lower() == "tradecancel"
    # a cancellation names the trade it cancels in OrigTradeID (its own TradeID may be empty)
    ref = cell(row, "OrigTradeID", "TradeID") if cancel else cell(row, "TradeID", "TransactionID")
    if cancel and not ref:
        raise BadRow("a cancellation that names no trade (no TradeID, no OrigTradeID)")
    quantity = number(need(row, "Quantity"), decimal_comma=options.decimal_comma)
    return make_trade(
        line,
        symbol_for(row, options, "Symbol"),
        side,
        day(need(row, "TradeDate", "Date/Time"), day_first=False),
        abs(quantity),
        number(need(row, "TradePrice", "Price"), decimal_comma=options.decimal_comma),
        number(cell(row, "IBCommission", "Commission") or "0", decimal_comma=options.decimal_comma),
        currency,
        ref,
        cell(row, "Description"),
        cancel,
    )


_PAID = ("dividends", "payment in lieu of dividends")
_NAMED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9.\-]{0,19})\(")


def listing_named(row: Row, options: Options) -> str:
    """The row's listing: `--symbol`'s for its ISIN, its `Symbol`, else the first word of its
    `Description` (`VT(US9220427424) ...`). A symbol without an exchange suffix names a US
    listing: one paid in another currency than dollars is asked for with `--symbol`."""
    isin = cell(row, "ISIN")
    if isin in options.symbols or cell(row, "Symbol"):
        return symbol_for(row, options, "Symbol")
    named = _NAMED.match(cell(row, "Description"))
    if not named:
        return symbol_for(row, options)  # asks for --symbol by its ISIN
    symbol = symbol_of(named.group(1))
    currency = cell(row, "CurrencyPrimary", "Currency").upper()
    if "." not in symbol and currency not in ("", "USD"):
        raise BadRow(
            f"which listing is {isin or symbol} ({symbol}, paid in {currency})? "
            f"say --symbol {isin or symbol}=SYMBOL with its exchange's suffix"
        )
    return symbol


def ibkr_cash(line: int, row: Row, options: Options) -> Dividend | None:
    """A dividend (or a payment in lieu of one) as paid, a tax withheld as the negative of
    its amount: the rows of one symbol, day and currency are one dividend (`merged`)."""
    kind = cell(row, "Type").lower()
    if kind not in (*_PAID, "withholding tax"):
        return None
    said = cell(row, "Description")
    if "return of capital" in said.lower():
        raise LeftOut("a return of capital: not a dividend")
    amount = number(need(row, "Amount"), decimal_comma=options.decimal_comma)
    when = day(need(row, "SettleDate", "Date/Time", "ReportDate"), day_first=False)
    tax = -amount if kind == "withholding tax" else 0.0
    name = said.split("(")[0].strip() if "(" in said else ""
    currency = cell(row, "CurrencyPrimary", "Currency")
    return make_dividend(line, listing_named(row, options), when, amount, tax, currency, name)


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
