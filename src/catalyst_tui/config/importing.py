"""A broker's trades put into catalysts.toml: which are new (a trade already in the file, as a
lot or a sale of the same day, shares and price, is not added again: a second import of one
file adds nothing), and the edit that appends them through the TUI's own edits (comments kept,
validated, written atomically by config/write.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from .brokers import RowIssue, Trade
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


def _key(symbol: str, side: str, day: object, shares: float, price: float) -> tuple[object, ...]:
    return (symbol, side, day, round(shares, 9), round(price, 9))


def plan_import(config: Config, broker: str, trades: list[Trade], skipped: int,
                issues: list[RowIssue]) -> ImportPlan:  # fmt: skip
    """The trades the file lacks: each of the file's lots and sales stands for one trade of its
    symbol, side, day, shares and price (two equal fills of a day are two)."""
    have: Counter[tuple[object, ...]] = Counter()
    for ticker in config.tickers.values():
        for lot in ticker.lots:
            have[_key(ticker.symbol, "buy", lot.date, lot.shares, lot.cost)] += 1
        for sell in ticker.sells:
            have[_key(ticker.symbol, "sell", sell.date, sell.shares, sell.price)] += 1
    add: list[Trade] = []
    already = 0
    for trade in trades:
        key = _key(trade.symbol, trade.side, trade.day, trade.shares, trade.price)
        if have[key] > 0:
            have[key] -= 1
            already += 1
        else:
            add.append(trade)
    new = sorted({t.symbol for t in add} - set(config.tickers))
    return ImportPlan(broker, add, already, new, skipped, issues)


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
