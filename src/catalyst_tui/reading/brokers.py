"""A broker's transaction export read into trades: Interactive Brokers (a Flex query's trades
CSV), Schwab, Fidelity, Trading 212, DEGIRO, and a generic CSV whose columns are named on the
command line. Each row is a buy, a sale, or not a trade (a deposit, a dividend, a total); a buy
or a sale that cannot be read is an issue with its line, and then nothing of the file is used.
Pure: text in, records out. Amounts and dates in the broker's own formats (decimal commas,
day-first dates) are read as that broker writes them, and an ambiguous one is never guessed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
from collections.abc import Callable, Iterator, Mapping
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


class ImportRead(NamedTuple):
    trades: list[Trade]
    issues: list[RowIssue]
    skipped: int  # rows that are not trades
    dividends: list[Dividend] = []
    left_out: list[RowIssue] = []  # rows of what the model holds that the file cannot state


class LeftOut(ValueError):
    """A row of something other than a trade that the file does not state enough of (a
    dividend in one currency, its tax in another): left out, saying why, the rest imported."""


class BadRow(ValueError):
    """A trade's row that cannot be read; the message says what and how to fix it."""


Row = Mapping[str, str]
# A broker's row reader: a Trade, None for a row that is not a trade, or BadRow.
Reader = Callable[[int, Row, "Options"], "Trade | Dividend | None"]


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


def rows(
    text: str, header: Callable[[list[str]], bool], *, wraps: bool = False, title: str = ""
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows under the first line `header` accepts, by name, with their line numbers (a
    preamble before it, as Schwab's and Fidelity's have, is passed over; a repeated header, as
    a Flex query's sections repeat it, is not a row). With `wraps`, a line whose first cell is
    empty is the rest of the row above, cut where the export wrapped a long cell (DEGIRO's):
    each of its cells is appended to that row's cell of the same column."""
    reader = csv.reader(io.StringIO(text), delimiter=sniff(text))
    names: list[str] | None = None
    pending: tuple[int, dict[str, str]] | None = None
    for cells in reader:
        line = reader.line_num
        cells = [c.strip().lstrip("\ufeff") for c in cells]
        if names is None:
            if header(cells):
                # a column without a name is the currency of the one before it (DEGIRO's)
                names = [
                    c or f"{cells[i - 1] if i else ''} (currency)" for i, c in enumerate(cells)
                ]
            continue
        if not any(cells) or header(cells):
            continue
        if wraps and pending is not None and not cells[0]:
            above = pending[1]
            for name, part in zip(names, cells, strict=False):
                if part:
                    above[name] = above.get(name, "") + part
            continue
        if pending is not None:
            yield pending
        pending = (line, dict(zip(names, cells, strict=False)))
    if pending is not None:
        yield pending
    if names is None:
        said = columns_said(text)
        raise NotThisExport(
            f"not {title or 'this broker'}'s export (no line has its "
            f"columns); its columns are {said}"
        )


def read_rows(
    text: str,
    header: Callable[[list[str]], bool],
    reader: Reader,
    options: Options,
    *,
    wraps: bool = False,
    title: str = "",
) -> ImportRead:
    """Every row read with `reader`; an issue per row it could not read. A trade the broker
    cancels (IBKR's `BUY (Ca.)`) takes its trade out; a trade id seen twice is one trade."""
    trades: list[Trade] = []
    issues: list[RowIssue] = []
    dividends: list[Dividend] = []
    left_out: list[RowIssue] = []
    skipped = 0
    try:
        for line, row in rows(text, header, wraps=wraps, title=title):
            try:
                got = reader(line, row, options)
                if got is not None and options.today and got.day > options.today:
                    raise BadRow(f"dated {got.day.isoformat()}, after today")
            except BadRow as error:
                issues.append(RowIssue(line, str(error)))
                continue
            except LeftOut as error:
                left_out.append(RowIssue(line, str(error)))
                continue
            if got is None:
                skipped += 1
            elif isinstance(got, Dividend):
                dividends.append(got)
            else:
                trades.append(got)
    except csv.Error as error:
        return ImportRead([], [RowIssue(1, f"not a CSV file: {error}")], 0)
    kept, ref_issues = one_per_id(trades)
    return ImportRead(kept, issues + ref_issues, skipped, dividends, left_out)


def one_per_id(trades: list[Trade]) -> tuple[list[Trade], list[RowIssue]]:
    """The trades less those a cancellation takes out (the first of its id, each) and less
    the repeats of an id (the same trade twice in the file is one); an id given to two
    different trades, or a cancellation of a trade the file does not hold, is an issue."""
    cancels: dict[str, int] = {}
    for t in trades:
        if t.cancel:
            cancels[t.ref] = cancels.get(t.ref, 0) + 1
    kept: list[Trade] = []
    seen: dict[str, Trade] = {}
    issues: list[RowIssue] = []
    for t in trades:
        if t.cancel:
            continue
        if t.ref and cancels.get(t.ref):
            cancels[t.ref] -= 1
            continue
        if t.ref and t.ref in seen:
            first = seen[t.ref]
            if _what(first) != _what(t):
                issues.append(
                    RowIssue(
                        t.line,
                        f"trade {t.ref!r} is also line {first.line}, "
                        "with other figures: which is it?",
                    )
                )
            continue
        if t.ref:
            seen[t.ref] = t
        kept.append(t)
    for t in trades:
        if t.cancel and cancels.get(t.ref, 0) > 0:
            cancels[t.ref] -= 1
            issues.append(
                RowIssue(
                    t.line,
                    f"cancels trade {t.ref!r}, which the file does not "
                    "hold: export the period that holds it",
                )
            )
    return kept, sorted(issues)


def _what(t: Trade) -> tuple[object, ...]:
    return (t.symbol, t.side, t.day, round(t.shares, 9), round(t.price, 9))


def listing_unit(symbol: str, currency: str) -> tuple[float, str]:
    """What an amount in `currency` is multiplied by to be in the listing's unit, and that unit:
    a London listing (`.L`) is quoted in pence, so an amount the export gives in pounds is
    100 times as many pence (docs/config.md: a lot's cost is in the listing's unit)."""
    if currency.strip().upper() == "GBP" and symbol.upper().endswith(".L"):
        return 100.0, "GBX"
    return 1.0, currency.strip().upper()


def make_dividend(
    line: int,
    symbol: str,
    when: dt.date,
    amount: float,
    tax: float | None,
    currency: str,
    name: str = "",
    tax_currency: str = "",
) -> Dividend:
    """A dividend in the listing's unit (pence for a London listing paid in pounds); a tax in
    another currency than the amount's is kept in its own, named (`tax_currency`)."""
    factor, unit = listing_unit(symbol, currency)
    tax_factor, tax_unit = listing_unit(symbol, tax_currency or currency)
    other = tax_unit if tax_unit != unit else ""
    if tax is not None and not other:
        tax = round(tax * tax_factor, 10)
    return Dividend(line, symbol, when, round(amount * factor, 10), tax, unit, name.strip(), other)


def make_trade(
    line: int,
    symbol: str,
    side: str,
    when: dt.date,
    shares: float,
    price: float,
    fees: float,
    currency: str = "",
    ref: str = "",
    name: str = "",
    cancel: bool = False,
    fx: tuple[float, str] | None = None,
) -> Trade:
    if shares <= 0:
        raise BadRow("no shares")
    if price < 0:
        raise BadRow("a negative price")
    rate, into = fx if fx and fx[0] > 0 else (None, "")
    factor, unit = listing_unit(symbol, currency)
    return Trade(
        line,
        sys.intern(symbol),  # one string per symbol, however many its trades
        side,
        when,
        shares,
        price * factor,
        abs(fees) * factor,
        unit,
        ref,
        name.strip(),
        cancel,
        rate,
        into.strip().upper(),
    )
