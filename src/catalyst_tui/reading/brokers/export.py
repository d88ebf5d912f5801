"""A broker's transaction export read into trades: Interactive Brokers (a Flex query's trades
CSV), Schwab, Fidelity, Trading 212, DEGIRO, and a generic CSV whose columns are named on the
command line. Each row is a buy, a sale, or not a trade (a deposit, a dividend, a total); a buy
or a sale that cannot be read is an issue with its line, and then nothing of the file is used.
Pure: text in, records out. Amounts and dates in the broker's own formats (decimal commas,
day-first dates) are read as that broker writes them, and an ambiguous one is never guessed.
Here: the records, a cell's number and date, the file's header line, the listing's unit; a row
as a format's reader reads it is reading/brokers/cells.py's `ExportRow` (its trade or dividend
made in the listing's unit), the rows are read by reading/brokers/rows.py."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Mapping
from typing import NamedTuple


class Trade(NamedTuple):
    """One buy or sale of a file: `price` per share and `fees` in all, in the listing's unit."""

    line: int
    symbol: str
    side: str  # "buy" or "sell"
    day: dt.date
    shares: float
    price: float
    fees: float = 0.0
    currency: str = ""
    ref: str = ""  # the broker's id of the trade, when it gives one
    name: str = ""  # the instrument's name, when the export gives it
    cancel: bool = False  # the broker's cancellation of the trade `ref` (IBKR's "BUY (Ca.)")
    fx: float | None = None  # the rate paid: units of `fx_into` per unit of `currency`
    fx_into: str = ""  # the account's currency, the rate's
    # The currency `price` (and `fees`) are stated in when the export gives no price in the
    # listing's unit (Revolut's US listings priced in euros): converted at the day's rate by
    # the import (config/import_rates.py `converted`), else kept in it, said.
    priced_in: str = ""
    # Fees in another currency than the listing's, with no rate in the export (line, amount,
    # currency): converted likewise, else kept in theirs (`fees_currency`), said.
    fees_in: tuple[tuple[int, float, str], ...] = ()
    said: str = ""  # how it was converted, for its note
    fees_currency: str = ""  # the currency `fees` are kept in, when their rate was not had
    stated: tuple[float, str] | None = None  # a converted price as stated: (88.94, "EUR")


class RowIssue(NamedTuple):
    line: int
    message: str


class Dividend(NamedTuple):
    """A dividend received: `amount` after the tax withheld (`tax`), in the listing's unit;
    `tax` None when the export does not state it, in `tax_currency` when the export states it
    in another currency than the amount's and no rate between them (then not taken from it)."""

    line: int
    symbol: str
    day: dt.date
    amount: float
    tax: float | None
    currency: str = ""
    name: str = ""
    tax_currency: str = ""
    ex_day: dt.date | None = None  # its ex-date, when the export gives it (Freetrade's)


class CapitalReturn(NamedTuple):
    """A return of capital (IBKR's `(Return of Capital)`): `amount` in all, in the listing's
    unit, paid back on the shares held on `day`; no dividend: it lowers what they cost."""

    line: int
    symbol: str
    day: dt.date
    amount: float
    currency: str = ""


class ImportRead(NamedTuple):
    trades: list[Trade]
    issues: list[RowIssue]
    skipped: int  # rows that are not trades
    dividends: list[Dividend] = []
    left_out: list[RowIssue] = []  # rows of what the model holds that the file cannot state
    returned: list[CapitalReturn] = []  # returns of capital: they lower the lots' cost


class LeftOut(ValueError):
    """A row of something other than a trade that the file does not state enough of (a
    dividend in one currency, its tax in another): left out, saying why, the rest imported."""


class CapitalReturned(LeftOut):
    """A row that is a return of capital: not a dividend, its record kept for the import to
    lower the cost of the lots it was paid on (config/importing.py `capital_returned`)."""

    def __init__(self, returned: CapitalReturn) -> None:
        super().__init__(f"a return of capital of {returned.amount:g} {returned.currency}")
        self.returned = returned


class BadRow(ValueError):
    """A trade's row that cannot be read; the message says what and how to fix it."""


Row = Mapping[str, str]


class Options(NamedTuple):
    """What the command line says of a file: the generic CSV's columns (field -> header),
    whether its dates put the day first, whether its decimals are commas, and the symbols of
    ISINs (a row naming an ISIN given there is that symbol's, whatever ticker it names), and
    today (a trade after it is refused)."""

    columns: Mapping[str, str] = {}
    day_first: bool | None = None
    decimal_comma: bool | None = None
    symbols: Mapping[str, str] = {}
    today: dt.date | None = None


_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


def number(text: str, *, decimal_comma: bool | None = False) -> float:
    """A number as a broker writes it: `$1,234.50`, `1.234,50`, `(12.00)`, `-3`, `12,5` (with
    `decimal_comma`). A lone comma in `1,234` is ambiguous unless the format says."""
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    negative = raw.startswith("(") and raw.endswith(")")
    raw = raw.strip("()").replace("$", "").replace("€", "").replace("£", "")
    if raw.startswith(("-", "+")):
        negative, raw = negative or raw[0] == "-", raw[1:]
    if not raw:
        raise BadRow("no number")
    if "," in raw and "." in raw:
        comma_decimal = raw.rindex(",") > raw.rindex(".")
    elif "," in raw:
        if decimal_comma is None and _THOUSANDS_COMMA.match(raw):
            raise BadRow(
                f"{raw!r} could be thousands or a decimal comma: say --decimal-comma "
                "or --decimal-point"
            )
        comma_decimal = decimal_comma is not False or not _THOUSANDS_COMMA.match(raw)
    else:
        comma_decimal = bool(decimal_comma) and bool(_THOUSANDS_DOT.match(raw))
    cleaned = raw.replace(".", "").replace(",", ".") if comma_decimal else raw.replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise BadRow(f"{text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise BadRow(f"{text!r} is not a finite number")
    return -value if negative else value


_DATE_FORMATS = {
    "iso": ("%Y-%m-%d", "%Y%m%d", "%Y/%m/%d"),
    "day_first": ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"),
    "month_first": ("%m/%d/%Y", "%m-%d-%Y"),
}


def day(text: str, *, day_first: bool | None) -> dt.date:
    """A date as a broker writes it, its time of day left out (`2024-03-05 14:30:05`,
    `20240305;143005`, `03/05/2024 as of 03/04/2024`). `day_first` None: a date whose first
    two parts could each be the day is refused."""
    raw = re.split(r"[ ;T,]| as of ", text.strip())[0]
    if len(raw) == 10 and raw[4] == "-" and raw[7] == "-":
        try:
            return dt.date.fromisoformat(raw)  # the common case, without strptime
        except ValueError:
            pass
    kinds = ["iso"]
    if day_first is None:
        first, _, rest = raw.replace(".", "/").replace("-", "/").partition("/")
        second = rest.partition("/")[0]
        if first.isdigit() and second.isdigit() and len(first) <= 2:
            if int(first) > 12:
                day_first = True
            elif int(second) > 12:
                day_first = False
            elif first != second:
                raise BadRow(
                    f"{raw!r} could be day first or month first: say --day-first or --month-first"
                )
            else:
                day_first = True
    kinds.append("day_first" if day_first else "month_first")
    for kind in kinds:
        for pattern in _DATE_FORMATS[kind]:
            try:
                return dt.datetime.strptime(raw, pattern).date()
            except ValueError:
                continue
    raise BadRow(f"{text!r} is not a date")


_HEAD = 1 << 16  # what is looked at for a header line: never the whole of a large file


def sniff(text: str) -> str:
    """The delimiter of a CSV text: `;` or tab when its header line has more of them."""
    first = next((line for line in text[:_HEAD].splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


class NotThisExport(BadRow):
    """The file has no header line of the format asked for; the message names its columns.
    Raised, not an issue of a row: the file is not of that format at all."""


def header_cells(text: str) -> list[str]:
    """The cells of the file's first line that has any, as the file writes them."""
    first = next((x for x in text[:_HEAD].splitlines()[:40] if x.strip(",;\t \ufeff")), "")
    try:
        cells = next(csv.reader([first], delimiter=sniff(text)), [])
    except csv.Error:
        cells = [first]
    return [c.strip().lstrip("\ufeff") for c in cells]


def columns_said(text: str) -> str:
    cells = [c if len(c) <= 40 else c[:40] + "…" for c in header_cells(text) if c]
    shown = ", ".join(repr(c) for c in cells[:12])
    return (shown + (f" and {len(cells) - 12} more" if len(cells) > 12 else "")) or "none"


# The units a file may write a currency's hundredth in, as the case-sensitive codes say them:
# pence (`GBp`, `GBX`) are not pounds (`GBP`), South African cents (`ZAc`) not rand, agorot
# (`ILA`) not shekels. Each is read as the one code catalyst keeps for that unit (market/currency
# `MINOR_UNITS` knows each as a hundredth of its currency).
_MINOR_CODES = {"GBp": "GBX", "GBx": "GBX", "GBX": "GBX", "ZAc": "ZAC", "ZAC": "ZAC", "ILA": "ILA"}


def currency_code(text: str) -> str:
    """A currency as a file writes it, as a code: a minor unit kept apart from its currency by
    its case (`GBp` is pence, `GBP` pounds), any other code in capitals (`usd` is USD)."""
    raw = text.strip()
    return _MINOR_CODES.get(raw) or raw.upper()


def listing_unit(symbol: str, currency: str) -> tuple[float, str]:
    """What an amount in `currency` is multiplied by to be in the listing's unit, and that unit:
    a London listing (`.L`) is quoted in pence, so an amount the export gives in pounds is
    100 times as many pence (docs/config.md: a lot's cost is in the listing's unit); one it
    gives in pence (`GBp`, `GBX`) is in pence already."""
    code = currency_code(currency)
    if code == "GBP" and symbol.upper().endswith(".L"):
        return 100.0, "GBX"
    return 1.0, code
