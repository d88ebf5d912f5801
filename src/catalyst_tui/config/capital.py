"""Returns of capital (IBKR's `(Return of Capital)`) put into catalysts.toml: no dividend, they
lower what the shares held that day cost. Each lot bought by then, in the file or in the same
export, has its cost per share lowered by the amount over the shares held, its note saying so
(`less a return of capital of 4.83 CHF on 2023-09-13`): a second import of the file finds the
note and lowers nothing again. None held then, or sales before it (which of the lots paid is
then a matter of which were sold), and it is left out, said with its line."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..reading.brokers.export import CapitalReturn, RowIssue, Trade
from .edits import update_lot

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .model import Config


class Lowered(NamedTuple):
    """One lot of the file whose cost a return of capital lowers: its symbol, its index among
    the symbol's lots (file order), its new cost per share and its note."""

    symbol: str
    nth: int
    cost: float
    note: str


class Returned(NamedTuple):
    add: list[Trade]  # the export's trades, its buys by then lowered
    lowered: list[Lowered]  # the file's lots lowered
    said: list[RowIssue]  # each return applied, by its line
    left_out: list[RowIssue]  # each return that could not be


def marker(r: CapitalReturn) -> str:
    return f"less a return of capital of {r.amount:g} {r.currency} on {r.day.isoformat()}"


def capital_returned(
    config: Config, add: Sequence[Trade], returned: Sequence[CapitalReturn]
) -> Returned:
    """The export's buys and the file's lots lowered by each return of capital."""
    trades = list(add)
    lowered: list[Lowered] = []
    said: list[RowIssue] = []
    left_out: list[RowIssue] = []
    for r in returned:
        ticker = config.tickers.get(r.symbol)
        lots = list(ticker.lots) if ticker else []
        mark = marker(r)
        if any(mark in lot.note for lot in lots):
            continue  # lowered by an earlier import of this file
        sold = [s for s in (ticker.sells if ticker else ()) if s.date <= r.day]
        sold_now = [t for t in trades if t.symbol == r.symbol and t.side == "sell"]
        if sold or any(t.day <= r.day for t in sold_now):
            left_out.append(RowIssue(r.line, _unsettled(r, "sales before it")))
            continue
        file_lots = [
            (i, lot) for i, lot in enumerate(lots) if lot.date is None or lot.date <= r.day
        ]
        buys = [
            k
            for k, t in enumerate(trades)
            if t.symbol == r.symbol and t.side == "buy" and t.day <= r.day
        ]
        held = sum(lot.shares for _, lot in file_lots) + sum(trades[k].shares for k in buys)
        if any(lot.currency for _, lot in file_lots) or any(trades[k].priced_in for k in buys):
            left_out.append(RowIssue(r.line, _unsettled(r, "a lot kept in another currency")))
            continue  # a cost in euros is not lowered by an amount in dollars
        if held <= 1e-9:
            left_out.append(RowIssue(r.line, _unsettled(r, "none held then")))
            continue
        each = r.amount / held
        costs = [lot.cost for _, lot in file_lots] + [trades[k].price for k in buys]
        if any(cost < each for cost in costs):
            left_out.append(RowIssue(r.line, _unsettled(r, "more than a lot cost a share")))
            continue
        for i, lot in file_lots:
            note = f"{lot.note}; {mark}" if lot.note else mark
            lowered.append(Lowered(r.symbol, i, round(lot.cost - each, 10), note))
        for k in buys:
            t = trades[k]
            trades[k] = t._replace(price=round(t.price - each, 10), said=f"{t.said}; {mark}")
        said.append(
            RowIssue(
                r.line,
                f"a return of capital of {r.amount:g} {r.currency} on {r.day.isoformat()} "
                f"lowers the cost of the {held:g} {r.symbol} held then by {each:.6g} a share",
            )
        )
    return Returned(trades, lowered, said, left_out)


def _unsettled(r: CapitalReturn, why: str) -> str:
    return (
        f"a return of capital of {r.amount:g} {r.currency} on {r.symbol}, {r.day.isoformat()}: "
        f"{why}, so no lot's cost is lowered (lower it by hand)"
    )


def lower_lots(edit: Callable[[str], str], lowered: Sequence[Lowered]) -> Callable[[str], str]:
    """`edit`, then each lowered lot's cost and note rewritten in place (config/edits.py)."""

    def both(text: str) -> str:
        text = edit(text)
        for lot in lowered:
            fields = {"cost": repr(lot.cost), "note": lot.note}
            text = update_lot(text, lot.symbol, lot.nth, fields)
        return text

    return both
