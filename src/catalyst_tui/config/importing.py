"""A broker's trades put into catalysts.toml: which are new (a trade already in the file, as a
lot or a sale of the same day, shares and price, the price perhaps rounded by hand, is not added
again: a second import of one file adds nothing), and the edit that appends them through the
TUI's own edits (comments kept, validated, written atomically by config/write.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from ..reading.brokers import RowIssue, Trade
from .edits import add_lot, add_sell, add_ticker
from .model import Config


class ImportPlan(NamedTuple):
    """What an import adds (file order), how many of the file's trades the file already has,
    the tickers it adds, the rows that are not trades, and the rows it could not read."""

    broker: str
    add: list[Trade]
    already: int
    new_tickers: list[str]
    skipped: int
    issues: list[RowIssue]


def _key(symbol: str, side: str, day: object, shares: float) -> tuple[object, ...]:
    return (symbol, side, day, round(shares, 9))


def decimals(value: float) -> int:
    """The decimals of a price as the file holds it: 181.2 → 1, 181.0 → 0 (trailing zeros are
    not kept by the file's reader: 181.20 reads as 181.2)."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def typed_as(written: float, price: float) -> bool:
    """Whether a price the user wrote stands for the trade's `price`: equal within half a unit
    of the last decimal written (181.2 stands for 181.15 to 181.25, 181 for 180.5 to 181.5)."""
    half = 0.5 * 10.0 ** -decimals(written)
    return abs(written - price) <= half * (1 + 1e-9) + 1e-12  # the binary error of a float


def plan_import(config: Config, broker: str, trades: list[Trade], skipped: int,
                issues: list[RowIssue]) -> ImportPlan:  # fmt: skip
    """The trades the file lacks: each of the file's lots and sales stands for one trade of its
    symbol, side, day and shares, at its price or at a price it rounds (`typed_as`); two equal
    fills of a day are two. Exact prices are matched first, then the nearest rounded one, so a
    rounded entry never takes a trade another entry states exactly."""
    have: dict[tuple[object, ...], list[float]] = defaultdict(list)
    for ticker in config.tickers.values():
        for lot in ticker.lots:
            have[_key(ticker.symbol, "buy", lot.date, lot.shares)].append(lot.cost)
        for sell in ticker.sells:
            have[_key(ticker.symbol, "sell", sell.date, sell.shares)].append(sell.price)
    unmatched: list[tuple[Trade, tuple[object, ...]]] = []
    for trade in trades:
        key = _key(trade.symbol, trade.side, trade.day, trade.shares)
        prices = have.get(key, [])
        exact = next((i for i, p in enumerate(prices) if round(p, 9) == round(trade.price, 9)),
                     None)  # fmt: skip
        if exact is None:
            unmatched.append((trade, key))
        else:
            prices.pop(exact)
    add: list[Trade] = []  # in the export's order, as `unmatched`
    for trade, key in unmatched:
        prices = have.get(key, [])
        near = [(abs(p - trade.price), i) for i, p in enumerate(prices) if typed_as(p, trade.price)]
        if near:
            prices.pop(min(near)[1])
        else:
            add.append(trade)
    new = sorted({t.symbol for t in add} - set(config.tickers))
    return ImportPlan(broker, add, len(trades) - len(add), new, skipped, issues)


def _number(value: float) -> str:
    return repr(float(value)) if value != int(value) else str(int(value))


def import_edit(plan: ImportPlan, title: str) -> Callable[[str], str]:
    """The edit of the file's text that appends the plan's tickers, lots and sales."""

    def edit(text: str) -> str:
        for symbol in plan.new_tickers:
            text = add_ticker(text, {"symbol": symbol, "name": symbol})
        ordered = sorted(plan.add, key=lambda t: (t.side != "buy", t.day, t.line))
        for t in ordered:
            fields = {"shares": _number(t.shares), "date": t.day.isoformat()}
            if t.fees:
                fields["fees"] = _number(round(t.fees, 10))
            fields["note"] = f"imported from {title}" + (f", trade {t.ref}" if t.ref else "")
            if t.side == "buy":
                text = add_lot(text, t.symbol, {**fields, "cost": _number(t.price)})
            else:
                text = add_sell(text, t.symbol, {**fields, "price": _number(t.price)})
        return text

    return edit
