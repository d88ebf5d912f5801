"""DEGIRO's two exports: Transactions.csv (a trade a row, products named by ISIN) and the account
statement, Account.csv (every movement of cash a row, in the language of the account: a trade
is its description, `Koop 1 @ 33,9 USD`, `Compra 6 ISHARES MSCI WOR A@49,785 EUR (IE00...)`, its
fees a row of the same order id; a dividend and the tax withheld from it rows of the same
product and day). Both wrap a long cell onto a line of its own (`wraps`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cells import ExportRow, cell, own_mark
from .export import (
    BadRow,
    Dividend,
    ImportRead,
    LeftOut,
    Row,
    Trade,
    currency_code,
    day,
    number,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

# -- Transactions.csv -----------------------------------------------------------------------------


def degiro(r: ExportRow) -> Trade | None:
    symbol = r.symbol()
    comma = r.options.decimal_comma
    quantity = number(r.need("Quantity"), decimal_comma=comma)
    if quantity == 0:
        return None
    fees_eur = number(
        r.cell("Transaction and/or third party fees EUR", "Transaction and/or third") or "0",
        decimal_comma=comma,
    )
    rate = number(r.cell("Exchange rate") or "1", decimal_comma=comma) or 1.0
    currency = currency_code(r.cell("Price (currency)"))
    return r.trade(
        symbol,
        "buy" if quantity > 0 else "sell",
        day(r.need("Date"), day_first=True),
        abs(quantity),
        number(r.need("Price"), decimal_comma=comma),
        fees_eur * rate,
        currency,
        r.cell("Order ID"),
        r.cell("Product"),
        fx=(1 / rate, "EUR") if currency not in ("", "EUR") else None,
    )


# -- Account.csv: the account statement ---------------------------------------------------------

# Its columns in Dutch and in English; the amount's currency is the unnamed column before it.
STATEMENT_COLUMNS = (
    ("Datum", "Omschrijving", "Mutatie"),
    ("Date", "Description", "Change"),
)
_BUY = ("koop", "compra", "achat", "buy", "kauf", "acquisto")
_SELL = ("verkoop", "venda", "venta", "vente", "sell", "verkauf", "vendita")
_TRADE = re.compile(
    r"^(?:(?P<kind>[A-Z][A-Z ]+?)\s*:\s*)?(?P<side>[A-Za-z]+)\s+(?P<qty>\d[\d .,]*?)\s+"
    r"(?:(?P<name>\S.*?)\s*)?@\s*(?P<price>\d[\d.,]*)\s+(?P<cur>[A-Z]{3})"
    r"(?:\s*\((?P<isin>[A-Z]{2}[A-Z0-9]{10})\))?\s*$"
)
_DIVIDEND = ("dividend", "dividende", "dividendo")
_TAX = ("dividendbelasting", "impôts sur dividende", "dividend tax", "retenção", "dividendsteuer")
_FEES = ("kosten", "frais", "comissões", "commissioni", "fees", "gebühr", "costes")


def statement_row(row: Row) -> tuple[str, str, str, str, str]:
    """Its date, description, currency, amount and order id, whichever language it is in: the
    named change column holds the currency, the unnamed one after it the amount."""
    for when, said, change in STATEMENT_COLUMNS:
        if when in row and said in row:
            return (
                cell(row, when),
                cell(row, said),
                cell(row, change).upper(),
                cell(row, f"{change} (currency)"),
                cell(row, "Order Id", "Order ID"),
            )
    raise BadRow("no date column")


def degiro_account(r: ExportRow) -> Trade | Dividend | None:
    """A trade (its fees are rows of their own: `statement_fees` adds them), a dividend, or the
    tax withheld from one; every other row (cash, currency exchange, account fees, the cash
    fund) is no trade."""
    when_text, said, currency, amount_text, order = statement_row(r.row)
    lowered = said.lower()
    if not r.cell("ISIN") or "fonds monétaires" in lowered or "cash sweep" in lowered:
        return None
    when = day(when_text, day_first=True)
    if lowered in _DIVIDEND or lowered in _TAX:
        amount = own_mark(amount_text)
        tax = -amount if lowered in _TAX else 0.0
        name = r.cell("Product")
        return r.dividend(r.symbol(), when, amount, tax, currency, name)
    found = _TRADE.match(said)
    if not found or found.group("side").lower() not in (*_BUY, *_SELL):
        return None
    kind = (found.group("kind") or "").lower()
    if "productwijziging" in kind or "product change" in kind:
        raise LeftOut(f"{said!r}: a product change, the same shares under a new product")
    side = "sell" if found.group("side").lower() in _SELL else "buy"
    return r.trade(
        r.symbol(),
        side,
        when,
        number(found.group("qty"), decimal_comma=True),
        number(found.group("price"), decimal_comma=True),
        0.0,
        found.group("cur"),
        order,
        r.cell("Product"),
    )


def statement_fees(table: Iterable[tuple[int, Row]], read: ImportRead) -> ImportRead:
    """The trades with their fees, each a row of the trade's order id (in euros, at the rate
    the order's currency exchange row states: `FX`, its currency per euro; a fee without a
    rate to the trade's currency is left out, said), and a buy's rate paid from that row."""
    fees: dict[str, list[tuple[int, float, str]]] = {}
    rates: dict[str, tuple[float, str]] = {}
    for line, row in table:
        _when, said, currency, amount, order = statement_row(row)
        if not order:
            continue
        if cell(row, "FX") and currency != "EUR":
            rates[order] = (own_mark(cell(row, "FX")), currency)
        elif any(word in said.lower() for word in _FEES) and amount:
            fees.setdefault(order, []).append((line, abs(own_mark(amount)), currency))
    trades: list[Trade] = []
    left_out = list(read.left_out)
    for t in read.trades:
        rate = rates.get(t.ref)
        paid = 0.0
        for line, fee, currency in fees.get(t.ref, []):
            factor = _per(currency, t.currency, rate)
            if factor is None:  # the day's rate, where one is kept (config/importing.py)
                t = t._replace(fees_in=(*t.fees_in, (line, fee, currency)))
            else:
                paid += fee * factor
        if rate and t.side == "buy" and t.currency not in ("", "EUR"):
            t = t._replace(fx=1 / rate[0], fx_into="EUR")  # euros per unit of its currency
        trades.append(t._replace(fees=round(t.fees + paid, 10)))
    return read._replace(trades=trades, left_out=sorted(left_out))


def _per(currency: str, unit: str, rate: tuple[float, str] | None) -> float | None:
    """What an amount in `currency` is multiplied by to be in `unit`: 1 in the same, 100 for
    pounds to pence, the order's rate (its currency per euro) for euros; None without one."""
    if currency == unit:
        return 1.0
    if currency == "GBP" and unit == "GBX":
        return 100.0
    if currency == "EUR" and rate is not None:
        if rate[1] == unit:
            return rate[0]
        if rate[1] == "GBP" and unit == "GBX":
            return rate[0] * 100
    return None
