"""Each broker's export, as a row reader and the header line it is known by (reading/brokers/rows.py
reads the rows): the columns are the brokers' documented ones."""

from __future__ import annotations

import csv
import re
from typing import TYPE_CHECKING, NamedTuple

from .cells import ExportRow, Reader, nonzero, side_of, symbol_of
from .degiro import STATEMENT_COLUMNS, degiro, degiro_account, statement_fees
from .export import BadRow, ImportRead, NotThisExport, Options, Row, RowIssue, Trade, day, number
from .freetrade import freetrade
from .ibkr import ibkr, ibkr_cash, merged
from .revolut import revolut
from .rows import read_rows, rows
from .saxo import saxo
from .text import decimal_comma_of
from .trading212 import trading212

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

GENERIC_FIELDS = ("date", "symbol", "side", "shares", "price", "currency", "fees", "isin", "name")
# -- Schwab: History, Export, CSV ---------------------------------------------------------------


def _schwab(r: ExportRow) -> Trade | None:
    action = r.cell("Action").lower()
    if action not in ("buy", "sell", "reinvest shares"):
        return None
    side = "sell" if action == "sell" else "buy"
    return r.trade(
        symbol_of(r.need("Symbol")),
        side,
        day(r.need("Date"), day_first=False),
        nonzero(number(r.need("Quantity")), "Quantity"),
        number(r.need("Price")),
        number(r.cell("Fees & Comm") or "0"),
        "USD",
    )


# -- Fidelity: Accounts_History.csv ---------------------------------------------------------


def _fidelity(r: ExportRow) -> Trade | None:
    action = r.cell("Action").upper()
    if action.startswith("YOU BOUGHT") or action.startswith("REINVESTMENT"):
        side = "buy"
    elif action.startswith("YOU SOLD"):
        side = "sell"
    else:
        return None
    fees = number(r.cell("Commission ($)", "Commission") or "0") + number(
        r.cell("Fees ($)", "Fees") or "0"
    )
    return r.trade(
        symbol_of(r.need("Symbol")),
        side,
        day(r.need("Run Date"), day_first=False),
        nonzero(number(r.need("Quantity")), "Quantity"),
        number(r.need("Price ($)", "Price")),
        fees,
        "USD",
    )


# -- a generic CSV: date, symbol, side, shares, price, currency, fees ----------------------------


def _generic(r: ExportRow) -> Trade | None:
    columns = {field: r.options.columns.get(field, field) for field in GENERIC_FIELDS}
    side = side_of(r.need(columns["side"]))
    if side is None:
        raise BadRow(f"{r.cell(columns['side'])!r} is neither a buy nor a sale")
    comma = r.options.decimal_comma

    def amount(field: str, required: bool = True) -> float:
        text = r.need(columns[field]) if required else r.cell(columns[field])
        return number(text, decimal_comma=comma) if text else 0.0

    shares = amount("shares")
    if shares < 0 and side == "buy":
        raise BadRow(f"a buy of {r.cell(columns['shares'])} shares: a buy's are more than 0")
    isin = r.cell(columns["isin"])
    symbol = r.options.symbols.get(isin) if isin else None
    return r.trade(
        symbol_of(symbol or r.need(columns["symbol"])),
        side,
        day(r.need(columns["date"]), day_first=r.options.day_first),
        abs(shares),
        amount("price"),
        amount("fees", required=False),
        r.cell(columns["currency"]),
        name=r.cell(columns["name"]),
    )


class Broker(NamedTuple):
    """One broker's export format: everything catalyst knows of it, declared once in `BROKERS`
    (the CLI's `--broker` choices, detection, the formats named to a user and docs/config.md's
    import table read it)."""

    name: str  # its `--broker` name
    title: str  # how it is named to the user
    export: str  # the export, as the broker names it (docs/config.md's table says it)
    header: Callable[[list[str]], bool]  # its header line
    reader: Reader
    amounts: tuple[str, ...] = ()  # its columns of numbers, the file's decimals read from them
    decimal_comma: bool | None = False  # the mark it writes when no amount says (None: each cell)
    isin: str = ""  # its ISIN column: `--symbol ISIN=SYMBOL` is honoured (else refused)
    wraps: bool = False  # it wraps a long cell onto a line of its own
    # what is read of the whole file after its rows (DEGIRO's fees, rows of their own)
    after: Callable[[Iterable[tuple[int, Row]], ImportRead], ImportRead] | None = None


def _has(*names: str) -> Callable[[list[str]], bool]:
    return lambda cells: all(name in cells for name in names)


def _ibkr_header(cells: list[str]) -> bool:
    return _has("Buy/Sell", "Quantity")(cells) and ("Symbol" in cells or "ISIN" in cells)


def _statement_header(cells: list[str]) -> bool:
    return "ISIN" in cells and any(_has(*names)(cells) for names in STATEMENT_COLUMNS)


BROKERS: dict[str, Broker] = {
    b.name: b
    for b in (
        Broker(
            "ibkr",
            "Interactive Brokers (Flex query, trades CSV)",
            "a Flex query's Trades section as CSV",
            _ibkr_header,
            ibkr,
            ("Quantity", "TradePrice", "Price", "IBCommission", "Commission"),
            isin="ISIN",
        ),
        Broker(
            "ibkr-cash",
            "Interactive Brokers (Flex query, cash transactions CSV)",
            "a Flex query's Cash Transactions section as CSV",
            _has("Type", "SettleDate", "Amount"),
            ibkr_cash,
            ("Amount",),
            isin="ISIN",
        ),
        Broker(
            "schwab",
            "Schwab",
            "History, Export, CSV",
            _has("Date", "Action", "Symbol", "Fees & Comm"),
            _schwab,
        ),
        Broker(
            "fidelity",
            "Fidelity",
            "Accounts_History.csv",
            _has("Run Date", "Action", "Symbol"),
            _fidelity,
        ),
        Broker(
            "trading212",
            "Trading 212",
            "History, Export CSV",
            _has("Action", "Time", "No. of shares"),
            trading212,
            ("No. of shares", "Price / share", "Exchange rate", "Total"),
            isin="ISIN",
        ),
        Broker(
            "degiro",
            "DEGIRO",
            "Transactions.csv",
            _has("Date", "ISIN", "Quantity", "Order ID"),
            degiro,
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
        Broker(
            "degiro-account",
            "DEGIRO (account statement)",
            "Account.csv, the account statement",
            _statement_header,
            degiro_account,
            decimal_comma=None,
            isin="ISIN",
            wraps=True,
            after=statement_fees,
        ),
        Broker(
            "freetrade",
            "Freetrade",
            "the activity export (CSV)",
            _has("Title", "Type", "Timestamp", "Buy / Sell", "Instrument Currency"),
            freetrade,
            isin="ISIN",
        ),
        Broker(
            "revolut",
            "Revolut",
            "the trading account statement (CSV)",
            _has("Date", "Ticker", "Type", "Price per share", "Total Amount"),
            revolut,
            decimal_comma=None,
        ),
        Broker(
            "saxo",
            "Saxo",
            "Transactions (CSV)",
            _has("Trade Date", "Instrument ISIN", "Instrument Symbol", "Event", "Amount"),
            saxo,
            decimal_comma=None,
            isin="Instrument ISIN",
        ),
    )
}


def generic(options: Options) -> Broker:
    columns = [options.columns.get(f, f) for f in ("date", "symbol", "side", "shares", "price")]
    amounts = tuple(options.columns.get(f, f) for f in ("shares", "price", "fees"))
    return Broker(
        "generic",
        "a CSV",
        "any CSV",
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
    """The export's trades; its decimals decided once for the file (reading/brokers/text.py)
    unless the options say, a generic file's day order likewise, both in one pass over the
    rows before they are read. NotThisExport when the file has not the broker's header line."""
    marks = options.decimal_comma is None
    days = broker.name == "generic" and options.day_first is None
    if marks or days:
        said = _DayOrder(options.columns.get("date", "date")) if days else None
        try:
            table = rows(text, broker.header, wraps=broker.wraps, title=broker.title)
            found = (
                (line, row.get(name, ""))
                for line, row in table
                if said is None or said.sees(row)
                for name in (broker.amounts if marks else ())
            )
            if marks:
                options = options._replace(
                    decimal_comma=decimal_comma_of(found, broker.decimal_comma)
                )
            else:
                for _ in found:
                    pass
        except NotThisExport:
            raise
        except BadRow as error:
            return ImportRead([], [RowIssue(getattr(error, "line", 1), str(error))], 0)
        except csv.Error as error:
            return ImportRead([], [RowIssue(1, f"not a CSV file: {error}")], 0)
        if said is not None:
            options = options._replace(day_first=said.day_first)
    read = read_rows(
        text, broker.header, broker.reader, options, wraps=broker.wraps, title=broker.title
    )
    if broker.after is not None and not read.issues:
        read = broker.after(rows(text, broker.header, wraps=broker.wraps), read)
    dividends, left_out = merged(read.dividends)
    return read._replace(dividends=dividends, left_out=sorted(read.left_out + left_out))


class _DayOrder:
    """Whether a generic file's dates put the day first, from the first date that says (a
    first part over 12, or a second): None when none does. Fed each row as the file's decimal
    mark is decided (`sees` is always true: the row goes on to that)."""

    def __init__(self, column: str) -> None:
        self.column = column
        self.day_first: bool | None = None
        self.decided = False

    def sees(self, row: Row) -> bool:
        if self.decided:
            return True
        text = row.get(self.column, "").lstrip()
        if text[:4].isdigit() and text[4:5] in ("-", "/", ""):
            return True  # year first (2024-01-05, 20240105): says nothing of the day's place
        parts = re.split(r"[/.\-]", row.get(self.column, "").strip().split(" ")[0])
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) <= 2:
            if int(parts[0]) > 12:
                self.day_first, self.decided = True, True
            elif int(parts[1]) > 12:
                self.day_first, self.decided = False, True
        return True
