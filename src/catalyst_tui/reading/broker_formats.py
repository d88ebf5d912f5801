"""Each broker's export, as a row reader and the header line it is known by (reading/brokers.py
reads the rows): the columns are the brokers' documented ones."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .brokers import (
    BadRow,
    ImportRead,
    Options,
    Reader,
    Row,
    Trade,
    cell,
    day,
    make_trade,
    need,
    nonzero,
    number,
    read_rows,
    rows,
    symbol_of,
)

GENERIC_FIELDS = ("date", "symbol", "side", "shares", "price", "currency", "fees")
_BUY_WORDS = ("buy", "bought", "purchase", "koop", "achat", "kauf")
_SELL_WORDS = ("sell", "sold", "sale", "verkoop", "vente", "verkauf")


def _side(text: str) -> str | None:
    words = text.strip().lower()
    if any(w in words for w in _SELL_WORDS):
        return "sell"
    if any(w in words for w in _BUY_WORDS):
        return "buy"
    return None


# -- Interactive Brokers: a Flex query's Trades section as CSV --------------------------------


def _ibkr(line: int, row: Row, options: Options) -> Trade | None:
    if cell(row, "AssetClass") not in ("", "STK", "ETF", "FUND"):
        return None
    side = _side(cell(row, "Buy/Sell"))
    if side is None:
        return None
    quantity = number(need(row, "Quantity"))
    return make_trade(line, symbol_of(need(row, "Symbol")), side,
                  day(need(row, "TradeDate", "Date/Time"), day_first=False),
                  abs(quantity), number(need(row, "TradePrice", "Price")),
                  number(cell(row, "IBCommission", "Commission") or "0"),
                  cell(row, "CurrencyPrimary", "Currency"),
                  cell(row, "TradeID", "TransactionID"))  # fmt: skip


# -- Schwab: History, Export, CSV ---------------------------------------------------------------


def _schwab(line: int, row: Row, options: Options) -> Trade | None:
    action = cell(row, "Action").lower()
    if action not in ("buy", "sell", "reinvest shares"):
        return None
    side = "sell" if action == "sell" else "buy"
    return make_trade(line, symbol_of(need(row, "Symbol")), side,
                  day(need(row, "Date"), day_first=False),
                  nonzero(number(need(row, "Quantity")), "Quantity"),
                  number(need(row, "Price")), number(cell(row, "Fees & Comm") or "0"),
                  "USD")  # fmt: skip


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
    return make_trade(line, symbol_of(need(row, "Symbol")), side,
                  day(need(row, "Run Date"), day_first=False),
                  nonzero(number(need(row, "Quantity")), "Quantity"),
                  number(need(row, "Price ($)", "Price")), fees, "USD")  # fmt: skip


# -- Trading 212: History, Export CSV -----------------------------------------------------------

_T212_FEES = ("Currency conversion fee", "Stamp duty reserve tax", "Transaction fee",
              "French transaction tax", "Stamp duty", "Finra fee")  # fmt: skip


def _trading212(line: int, row: Row, options: Options) -> Trade | None:
    side = _side(cell(row, "Action"))
    if side is None or "dividend" in cell(row, "Action").lower():
        return None
    # The fees are in the account's currency; the rate is the instrument's per account unit.
    rate = number(cell(row, "Exchange rate") or "1")
    fees = sum(abs(number(cell(row, name) or "0")) for name in _T212_FEES) * rate
    return make_trade(line, symbol_of(need(row, "Ticker")), side,
                  day(need(row, "Time"), day_first=False),
                  number(need(row, "No. of shares")), number(need(row, "Price / share")),
                  fees, cell(row, "Currency (Price / share)"), cell(row, "ID"))  # fmt: skip


# -- DEGIRO: Transactions.csv (products named by ISIN) ----------------------------------------


def _degiro(line: int, row: Row, options: Options) -> Trade | None:
    isin = need(row, "ISIN")
    symbol = options.symbols.get(isin)
    if symbol is None:
        product = cell(row, "Product")
        raise BadRow(f"which symbol is {isin} ({product})? say --symbol {isin}=SYMBOL")
    quantity = number(need(row, "Quantity"), decimal_comma=True)
    if quantity == 0:
        return None
    fees_eur = number(cell(row, "Transaction and/or third party fees EUR",
                            "Transaction and/or third") or "0", decimal_comma=True)  # fmt: skip
    rate = number(cell(row, "Exchange rate") or "1", decimal_comma=True) or 1.0
    return make_trade(line, symbol_of(symbol), "buy" if quantity > 0 else "sell",
                  day(need(row, "Date"), day_first=True), abs(quantity),
                  number(need(row, "Price"), decimal_comma=True), fees_eur * rate,
                  cell(row, "Price (currency)"), cell(row, "Order ID"))  # fmt: skip


# -- a generic CSV: date, symbol, side, shares, price, currency, fees ----------------------------


def _generic(line: int, row: Row, options: Options) -> Trade | None:
    columns = {field: options.columns.get(field, field) for field in GENERIC_FIELDS}
    side = _side(need(row, columns["side"]))
    if side is None:
        raise BadRow(f"{cell(row, columns['side'])!r} is neither a buy nor a sale")
    comma = options.decimal_comma

    def amount(field: str, required: bool = True) -> float:
        text = need(row, columns[field]) if required else cell(row, columns[field])
        return number(text, decimal_comma=comma) if text else 0.0

    return make_trade(line, symbol_of(need(row, columns["symbol"])), side,
                  day(need(row, columns["date"]), day_first=options.day_first),
                  abs(amount("shares")), amount("price"), amount("fees", required=False),
                  cell(row, columns["currency"]))  # fmt: skip


class Broker(NamedTuple):
    name: str
    title: str
    header: Callable[[list[str]], bool]  # its header line
    reader: Reader


def _has(*names: str) -> Callable[[list[str]], bool]:
    return lambda cells: all(name in cells for name in names)


BROKERS: dict[str, Broker] = {
    b.name: b
    for b in (
        Broker("ibkr", "Interactive Brokers (Flex query, trades CSV)",
               _has("Symbol", "Buy/Sell", "Quantity"), _ibkr),
        Broker("schwab", "Schwab", _has("Date", "Action", "Symbol", "Fees & Comm"), _schwab),
        Broker("fidelity", "Fidelity", _has("Run Date", "Action", "Symbol"), _fidelity),
        Broker("trading212", "Trading 212", _has("Action", "Time", "No. of shares"),
               _trading212),
        Broker("degiro", "DEGIRO", _has("Date", "ISIN", "Quantity", "Order ID"), _degiro),
    )
}  # fmt: skip


def generic(options: Options) -> Broker:
    columns = [options.columns.get(f, f) for f in ("date", "symbol", "side", "shares", "price")]
    return Broker("generic", "a CSV", _has(*columns), _generic)


def detect(text: str) -> Broker | None:
    """The broker whose header line the text has (the first 40 lines looked at)."""
    head = "\n".join(text.splitlines()[:40])
    for broker in BROKERS.values():
        for line in head.splitlines():
            cells = [c.strip().strip('"').lstrip("\ufeff") for c in re.split(r"[,;\t]", line)]
            if broker.header(cells):
                return broker
    return None


def read_export(text: str, broker: Broker, options: Options) -> ImportRead:
    if broker.name == "generic" and options.day_first is None:
        options = options._replace(day_first=_day_first(text, broker, options))
    return read_rows(text, broker.header, broker.reader, options)


def _day_first(text: str, broker: Broker, options: Options) -> bool | None:
    """Whether a generic file's dates put the day first, from the dates that say (a first part
    over 12, or a second): None when none does."""
    column = options.columns.get("date", "date")
    try:
        found = rows(text, broker.header)
    except BadRow:
        return None
    for _line, row in found:
        parts = re.split(r"[/.\-]", row.get(column, "").strip().split(" ")[0])
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) <= 2:
            if int(parts[0]) > 12:
                return True
            if int(parts[1]) > 12:
                return False
    return None
