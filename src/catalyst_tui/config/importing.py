"""A broker's trades put into catalysts.toml: which are new (a trade already in the file, as a
lot or a sale of the same day, shares and price, the price perhaps rounded by hand, is not added
again: a second import of one file adds nothing), and the edit that appends them through the
TUI's own edits (comments kept, validated, written atomically by config/write.py)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from ..reading.brokers import Dividend, RowIssue, Trade
from ..thesis.positions import Lot, Sell, fifo
from .bulk import Fields, Value, add_trades

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

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
    dividends: list[Dividend] = []  # the dividends the file lacks
    left_out: list[RowIssue] = []  # rows the export does not state enough of, said why


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


def plan_import(
    config: Config,
    broker: str,
    trades: list[Trade],
    skipped: int,
    issues: list[RowIssue],
    dividends: Sequence[Dividend] = (),
    left_out: Sequence[RowIssue] = (),
) -> ImportPlan:
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
        exact = next(
            (i for i, p in enumerate(prices) if round(p, 9) == round(trade.price, 9)), None
        )
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
    paid = _new_dividends(config, dividends)
    new = sorted(({t.symbol for t in add} | {d.symbol for d in paid}) - set(config.tickers))
    already = len(trades) - len(add) + len(dividends) - len(paid)
    return ImportPlan(broker, add, already, new, skipped, issues, paid, list(left_out))


def _new_dividends(config: Config, dividends: Sequence[Dividend]) -> list[Dividend]:
    """The dividends the file lacks: one of the same symbol and day whose amount stands for
    the export's (`typed_as`) is the same dividend."""
    have: dict[tuple[str, object], list[float]] = defaultdict(list)
    for ticker in config.tickers.values():
        for paid in ticker.dividends:
            have[(ticker.symbol, paid.date)].append(paid.amount)
    out: list[Dividend] = []
    for d in dividends:
        amounts = have.get((d.symbol, d.day), [])
        match = next((i for i, a in enumerate(amounts) if typed_as(a, d.amount)), None)
        if match is None:
            out.append(d)
        else:
            amounts.pop(match)
    return out


def _number(value: float) -> str:
    return repr(float(value)) if value != int(value) else str(int(value))


def import_edit(plan: ImportPlan, title: str, base: str = "") -> Callable[[str], str]:
    """The edit of the file's text that appends the plan's tickers, lots and sales, in one
    pass (config/bulk.py) however many they are; a lot's `fx` when the export gives the rate
    paid into the `base` currency."""
    lots: dict[str, list[Fields]] = defaultdict(list)
    sells: dict[str, list[Fields]] = defaultdict(list)
    names: dict[str, str] = {}
    for t in sorted(plan.add, key=lambda t: (t.side != "buy", t.day, t.line)):
        if t.symbol in plan.new_tickers:
            names.setdefault(t.symbol, t.name or t.symbol)
        price = "cost" if t.side == "buy" else "price"
        fields: dict[str, Value] = {"shares": t.shares, price: t.price, "date": t.day}
        if t.fees:
            fields["fees"] = round(t.fees, 10)
        if t.side == "buy" and t.fx and t.fx_into == base and t.currency not in ("", base):
            fields["fx"] = round(t.fx, 10)  # the rate paid, in the base currency
        fields["note"] = f"imported from {title}" + (f", trade {t.ref}" if t.ref else "")
        (lots if t.side == "buy" else sells)[t.symbol].append(fields)
    paid: dict[str, list[Fields]] = defaultdict(list)
    for d in plan.dividends:
        if d.symbol in plan.new_tickers:
            names.setdefault(d.symbol, d.name or d.symbol)
        tax = f", {_number(d.tax)} {d.currency} withheld" if d.tax else ""
        paid[d.symbol].append(
            {"date": d.day, "amount": d.amount, "note": f"imported from {title}{tax}"}
        )
    names = {s: names.get(s, s) for s in plan.new_tickers}
    return lambda text: add_trades(text, names, lots, sells, paid)


def held_issues(config: Config, add: list[Trade]) -> list[RowIssue]:
    """The export's sales that sell more than is held on their day (the file's lots and the
    export's buys by that day, less the earlier sales, first-in first-out as the validator
    counts), each at its line of the export: a sale without a buy, an oversold sale."""
    issues: list[RowIssue] = []
    for symbol in sorted({t.symbol for t in add if t.side == "sell"}):
        ticker = config.tickers.get(symbol)
        lots = list(ticker.lots) if ticker else []
        sells = list(ticker.sells) if ticker else []
        for t in add:
            if t.symbol == symbol and t.side == "buy":
                lots.append(Lot(t.shares, t.price, t.day))
            elif t.symbol == symbol:
                sells.append(Sell(t.shares, t.price, t.day, note=f"{_LINE}{t.line}"))
        for sale in fifo(lots, sells).sales:
            note = sale.sell.note
            if sale.short > 1e-9 and note.startswith(_LINE):
                held = sale.sell.shares - sale.short
                said = (
                    (
                        f"only {_number(held)} are held then (the lots bought by that day, "
                        "less the earlier sales)"
                    )
                    if held > 1e-9
                    else (
                        "none is held then: the buy is not in the export, nor a lot in the file "
                        "(export the period that holds it, or add the lot)"
                    )
                )
                issues.append(
                    RowIssue(
                        int(note.removeprefix(_LINE)),
                        f"sells {_number(sale.sell.shares)} {symbol} on "
                        f"{sale.sell.date}, but {said}",
                    )
                )
                break
    return sorted(issues)


_LINE = "\x00line "  # a sale's note here: the export's line it comes from
