"""Each broker's export, as a row reader and the header line it is known by (reading/brokers.py
reads the rows): the columns are the brokers' documented ones."""

from __future__ import annotations

import csv
import re
from typing import TYPE_CHECKING, NamedTuple

from .broker_cells import cell, need, nonzero, side_of, symbol_for, symbol_of
from .broker_text import decimal_comma_of
from .broker_trading212 import trading212
from .brokers import (
    BadRow,
    Dividend,
    ImportRead,
    LeftOut,
    NotThisExport,
    Options,
    Reader,
    Row,
    RowIssue,
    Trade,
    day,
    make_trade,
    number,
    read_rows,
    rows,
)

if TYPE_CHECKING:
    from collections.abc import Callable

GENERIC_FIELDS = ("date", "symbol", "side", "shares", "price", "currency", "fees", "isin", "name")
# -- Interactive Brokers: a Flex query's Trades section as CSV --------------------------------


def _ibkr(line: int, row: Row, options: Options) -> Trade | None:
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
        cell(row, "TradeID", "TransactionID"),
        cell(row, "Description"),
        cancel,
    )


# -- Interactive Brokers: a Flex query's Cash Transactions section as CSV -------------------

_IBKR_PAID = ("dividends", "payment in lieu of dividends")


def _ibkr_cash(line: int, row: Row, options: Options) -> Dividend | None:
    """A dividend (or a payment in lieu of one) as paid, a tax withheld as the negative of
    its amount: the rows of one symbol, day and currency are one dividend (`merged`)."""
    kind = cell(row, "Type").lower()
    if kind not in (*_IBKR_PAID, "withholding tax"):
        return None
    said = cell(row, "Description")
    if "return of capital" in said.lower():
        raise LeftOut("a return of capital: not a dividend")
    amount = number(need(row, "Amount"), decimal_comma=options.decimal_comma)
    when = day(need(row, "SettleDate", "Date/Time", "ReportDate"), day_first=False)
    symbol = symbol_for(row, options, "Symbol")
    tax = -amount if kind == "withholding tax" else 0.0
    name = said.split("(")[0].strip() if "(" in said else ""
    return Dividend(line, symbol, when, amount, tax, cell(row, "CurrencyPrimary", "Currency"), name)


def merged(dividends: list[Dividend]) -> tuple[list[Dividend], list[RowIssue]]:
    """The dividends of one symbol, day and currency as one, received less withheld (IBKR
    lists the tax as a row of its own); one that comes to nothing or less is an issue."""
    by_key: dict[tuple[str, object, str], Dividend] = {}
    for d in dividends:
        key = (d.symbol, d.day, d.currency)
        first = by_key.get(key)
        by_key[key] = (
            d
            if first is None
            else first._replace(
                amount=first.amount + d.amount, tax=first.tax + d.tax, name=first.name or d.name
            )
        )
    issues = [
        RowIssue(
            d.line,
            f"a dividend of {d.symbol} on {d.day}: {d.tax:g} withheld from "
            f"{d.amount + d.tax:g} paid, nothing received",
        )
        for d in by_key.values()
        if d.amount <= 0
    ]
    kept = [
        d._replace(amount=round(d.amount, 10), tax=round(d.tax, 10))
        for d in by_key.values()
        if d.amount > 0
    ]
    return kept, issues


# -- Schwab: History, Export, CSV ---------------------------------------------------------------


def _schwab(line: int, row: Row, options: Options) -> Trade | None:
    action = cell(row, "Action").lower()
    if action not in ("buy", "sell", "reinvest shares"):
        return None
    side = "sell" if action == "sell" else "buy"
    return make_trade(
        line,
        symbol_of(need(row, "Symbol")),
        side,
        day(need(row, "Date"), day_first=False),
        nonzero(number(need(row, "Quantity")), "Quantity"),
        number(need(row, "Price")),
        number(cell(row, "Fees & Comm") or "0"),
        "USD",
    )


# -- Fidelity: Accounts_History.csv ---------------------------------------------------------


def _fidelity(line: int, row: Row, options: Options) -> Trade | None:
    action = cell(row, "Action").upper()
    if action.startswith("YOU BOUGHT") or action.startswith("REINVESTMENT"):
        side = "buy"
    elif action.startswith("YOU SOLD"):
        side = "sell"
    else:
        return None
    fees = number(cell(row, "Commission ($)", "Commission") or "0") + number(
        cell(row, "Fees ($)", "Fees") or "0"
    )
    return make_trade(
        line,
        symbol_of(need(row, "Symbol")),
        side,
        day(need(row, "Run Date"), day_first=False),
        nonzero(number(need(row, "Quantity")), "Quantity"),
        number(need(row, "Price ($)", "Price")),
        fees,
        "USD",
    )


# -- DEGIRO: Transactions.csv (products named by ISIN) ----------------------------------------


def _degiro(line: int, row: Row, options: Options) -> Trade | None:
    isin = need(row, "ISIN")
    symbol = symbol_for(row, options)
    comma = options.decimal_comma
    quantity = number(need(row, "Quantity"), decimal_comma=comma)
    if quantity == 0:
        return None
    fees_eur = number(
        cell(row, "Transaction and/or third party fees EUR", "Transaction and/or third") or "0",
        decimal_comma=comma,
    )
    rate = number(cell(row, "Exchange rate") or "1", decimal_comma=comma) or 1.0
    currency = cell(row, "Price (currency)").upper()
    del isin
    return make_trade(
        line,
        symbol,
        "buy" if quantity > 0 else "sell",
        day(need(row, "Date"), day_first=True),
        abs(quantity),
        number(need(row, "Price"), decimal_comma=comma),
        fees_eur * rate,
        currency,
        cell(row, "Order ID"),
        cell(row, "Product"),
        fx=(1 / rate, "EUR") if currency not in ("", "EUR") else None,
    )


# -- a generic CSV: date, symbol, side, shares, price, currency, fees ----------------------------


def _generic(line: int, row: Row, options: Options) -> Trade | None:
    columns = {field: options.columns.get(field, field) for field in GENERIC_FIELDS}
    side = side_of(need(row, columns["side"]))
    if side is None:
        raise BadRow(f"{cell(row, columns['side'])!r} is neither a buy nor a sale")
    comma = options.decimal_comma

    def amount(field: str, required: bool = True) -> float:
        text = need(row, columns[field]) if required else cell(row, columns[field])
        return number(text, decimal_comma=comma) if text else 0.0

    shares = amount("shares")
    if shares < 0 and side == "buy":
        raise BadRow(f"a buy of {cell(row, columns['shares'])} shares: a buy's are more than 0")
    isin = cell(row, columns["isin"])
    symbol = options.symbols.get(isin) if isin else None
    return make_trade(
        line,
        symbol_of(symbol or need(row, columns["symbol"])),
        side,
        day(need(row, columns["date"]), day_first=options.day_first),
        abs(shares),
        amount("price"),
        amount("fees", required=False),
        cell(row, columns["currency"]),
        name=cell(row, columns["name"]),
    )


class Broker(NamedTuple):
    name: str
    title: str
    header: Callable[[list[str]], bool]  # its header line
    reader: Reader
    amounts: tuple[str, ...] = ()  # its columns of numbers, the file's decimals read from them
    decimal_comma: bool | None = False  # the mark it writes when no amount says
    isin: str = ""  # its ISIN column: `--symbol ISIN=SYMBOL` is honoured (else refused)
    wraps: bool = False  # it wraps a long cell onto a line of its own


def _has(*names: str) -> Callable[[list[str]], bool]:
    return lambda cells: all(name in cells for name in names)


def _ibkr_header(cells: list[str]) -> bool:
    return _has("Buy/Sell", "Quantity")(cells) and ("Symbol" in cells or "ISIN" in cells)


BROKERS: dict[str, Broker] = {
    b.name: b
    for b in (
        Broker(
            "ibkr",
            "Interactive Brokers (Flex query, trades CSV)",
            _ibkr_header,
            _ibkr,
            ("Quantity", "TradePrice", "Price", "IBCommission", "Commission"),
            isin="ISIN",
        ),
        Broker(
            "ibkr-cash",
            "Interactive Brokers (Flex query, cash transactions CSV)",
            _has("Type", "SettleDate", "Amount"),
            _ibkr_cash,
            ("Amount",),
            isin="ISIN",
        ),
        Broker("schwab", "Schwab", _has("Date", "Action", "Symbol", "Fees & Comm"), _schwab),
        Broker("fidelity", "Fidelity", _has("Run Date", "Action", "Symbol"), _fidelity),
        Broker(
            "trading212",
            "Trading 212",
            _has("Action", "Time", "No. of shares"),
            trading212,
            ("No. of shares", "Price / share", "Exchange rate", "Total"),
            isin="ISIN",
        ),
        Broker(
            "degiro",
            "DEGIRO",
            _has("Date", "ISIN", "Quantity", "Order ID"),
            _degiro,
            (
                "Quantity",
                "Price",
                "Local value",
                "Value EUR",
                "Exchange rate",
                "Transaction and/or third party fees EUR",
                "Total EUR",
            ),
            True,
            "ISIN",
            True,
        ),
    )
}


def generic(options: Options) -> Broker:
    columns = [options.columns.get(f, f) for f in ("date", "symbol", "side", "shares", "price")]
    amounts = tuple(options.columns.get(f, f) for f in ("shares", "price", "fees"))
    return Broker(
        "generic",
        "a CSV",
        _has(*columns),
        _generic,
        amounts,
        None,
        options.columns.get("isin", "isin"),
    )


def detect(text: str) -> Broker | None:
    """The broker whose header line the text has (the first 40 lines looked at)."""
    head = "\n".join(text[: 1 << 16].splitlines()[:40])
    for broker in BROKERS.values():
        for line in head.splitlines():
            cells = [c.strip().strip('"').lstrip("\ufeff") for c in re.split(r"[,;\t]", line)]
            if broker.header(cells):
                return broker
    return None


def read_export(text: str, broker: Broker, options: Options) -> ImportRead:
    """The export's trades; its decimals decided once for the file (reading/broker_text.py)
    unless the options say, a generic file's day order likewise. NotThisExport when the file
    has not the broker's header line."""
    if options.decimal_comma is None:
        try:
            table = rows(text, broker.header, wraps=broker.wraps, title=broker.title)
            found = ((line, row.get(name, "")) for line, row in table for name in broker.amounts)
            comma = decimal_comma_of(found, broker.decimal_comma)
        except NotThisExport:
            raise
        except BadRow as error:
            return ImportRead([], [RowIssue(getattr(error, "line", 1), str(error))], 0)
        except csv.Error as error:
            return ImportRead([], [RowIssue(1, f"not a CSV file: {error}")], 0)
        options = options._replace(decimal_comma=comma)
    if broker.name == "generic" and options.day_first is None:
        options = options._replace(day_first=_day_first(text, broker, options))
    read = read_rows(
        text, broker.header, broker.reader, options, wraps=broker.wraps, title=broker.title
    )
    dividends, issues = merged(read.dividends)
    return read._replace(dividends=dividends, issues=sorted(read.issues + issues))


def _day_first(text: str, broker: Broker, options: Options) -> bool | None:
    """Whether a generic file's dates put the day first, from the dates that say (a first part
    over 12, or a second): None when none does."""
    column = options.columns.get("date", "date")
    try:
        for _line, row in rows(text, broker.header):
            parts = re.split(r"[/.\-]", row.get(column, "").strip().split(" ")[0])
            if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) <= 2:
                if int(parts[0]) > 12:
                    return True
                if int(parts[1]) > 12:
                    return False
    except BadRow:
        return None
    return None
