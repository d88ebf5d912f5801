"""The cells of a broker export's row read as what they name: a cell by any of its column's
names, a required one, a ticker symbol, a side (a buy or a sale, in the brokers' languages), the
symbol `--symbol ISIN=SYMBOL` gives a row's ISIN."""

from __future__ import annotations

import re

from .brokers import BadRow, Options, Row, number


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
