"""The cells of a broker export's row read as what they name: a cell by any of its column's
names, a required one, a ticker symbol, a side (a buy or a sale, in the brokers' languages), the
symbol `--symbol ISIN=SYMBOL` gives a row's ISIN; and `ExportRow`, the row as a format's reader
reads it (its line, its cells, the options), making the trade or the dividend of its line."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from .export import BadRow, Dividend, Options, Row, Trade, listing_unit, number

if TYPE_CHECKING:
    import datetime as dt


def symbol_of(text: str) -> str:
    symbol = text.strip().upper()
    if not re.fullmatch(r"\^?[A-Z0-9][A-Z0-9.\-=]{0,19}", symbol):
        raise BadRow(f"{text!r} is not a ticker symbol")
    return symbol


def nonzero(value: float, what: str) -> float:
    if abs(value) <= 0:
        raise BadRow(f"{what} is 0")
    return abs(value)


def cell(row: Row, *names: str) -> str:
    for name in names:
        value = row.get(name)
        if value is not None and value.strip():
            return value.strip()
    return ""


def need(row: Row, *names: str) -> str:
    found = cell(row, *names)
    if not found:
        raise BadRow(f"no {names[0]!r}")
    return found


_BUY_WORDS = ("buy", "bought", "purchase", "koop", "achat", "kauf")
_SELL_WORDS = ("sell", "sold", "sale", "verkoop", "vente", "verkauf")


def side_of(text: str) -> str | None:
    words = text.strip().lower()
    if any(w in words for w in _SELL_WORDS):
        return "sell"
    if any(w in words for w in _BUY_WORDS):
        return "buy"
    return None


def symbol_for(row: Row, options: Options, *tickers: str) -> str:
    """The row's symbol: the one `--symbol` gives its ISIN, else its ticker's; an ISIN alone
    without one is asked for."""
    isin = cell(row, "ISIN", "Instrument ISIN")
    if isin and isin in options.symbols:
        return symbol_of(options.symbols[isin])
    ticker = cell(row, *tickers) if tickers else ""
    if ticker:
        return symbol_of(ticker)
    if isin:
        product = cell(row, "Product", "Description", "Name")
        named = f" ({product})" if product else ""
        raise BadRow(f"which symbol is {isin}{named}? say --symbol {isin}=SYMBOL")
    raise BadRow(f"no {tickers[0] if tickers else 'ISIN'!r}")


def own_mark(text: str) -> float:
    """An amount whose cell says its own decimal mark, in a file that writes both (DEGIRO's
    statement `"0,44"` beside `-97.93`, Revolut's `"0,76672417"` beside `1.63453043`): a comma
    without a point is a decimal comma (a comma-separated file quotes it)."""
    return number(text, decimal_comma="," in text and "." not in text)


class ExportRow(NamedTuple):
    """A row of an export as a format's reader reads it: its line, its cells by column name, and
    what the command line says (`options`). Its cells and symbol are read, and its trade or
    dividend made, at its line."""

    line: int
    row: Row
    options: Options

    def cell(self, *names: str) -> str:
        return cell(self.row, *names)

    def need(self, *names: str) -> str:
        return need(self.row, *names)

    def symbol(self, *tickers: str) -> str:
        return symbol_for(self.row, self.options, *tickers)

    def trade(
        self,
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
        """The row's trade, its price and fees in the listing's unit (pence for a London
        listing priced in pounds); `fx` the rate paid, units of its account's currency a unit."""
        if shares <= 0:
            raise BadRow("no shares")
        if price < 0:
            raise BadRow("a negative price")
        rate, into = fx if fx and fx[0] > 0 else (None, "")
        factor, unit = listing_unit(symbol, currency)
        return Trade(
            self.line,
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

    def dividend(
        self,
        symbol: str,
        when: dt.date,
        amount: float,
        tax: float | None,
        currency: str,
        name: str = "",
        tax_currency: str = "",
        ex_day: dt.date | None = None,
    ) -> Dividend:
        """The row's dividend in the listing's unit (pence for a London listing paid in
        pounds); a tax in another currency than the amount's is kept in its own, named
        (`tax_currency`)."""
        factor, unit = listing_unit(symbol, currency)
        tax_factor, tax_unit = listing_unit(symbol, tax_currency or currency)
        other = tax_unit if tax_unit != unit else ""
        if tax is not None and not other:
            tax = round(tax * tax_factor, 10)
        amount = round(amount * factor, 10)
        return Dividend(self.line, symbol, when, amount, tax, unit, name.strip(), other, ex_day)


# A format's row reader: a Trade, a Dividend, None for a row that is neither, or BadRow (LeftOut
# for a row it reads and cannot import).
Reader = Callable[[ExportRow], Trade | Dividend | None]
