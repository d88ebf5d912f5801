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

    from .model import Config, Ticker


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
    openings: list[Opening] = []  # positions held before the export, added as undated lots


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
        own = t.currency in ("", base) or (t.currency == "GBX" and base == "GBP")
        if t.side == "buy" and t.fx and t.fx_into == base and not own:
            fields["fx"] = round(t.fx, 10)  # the rate paid, in the base currency
        fields["note"] = f"imported from {title}" + (f", trade {t.ref}" if t.ref else "")
        (lots if t.side == "buy" else sells)[t.symbol].append(fields)
    for o in plan.openings:
        opening: dict[str, Value] = {
            "shares": o.shares,
            "cost": o.cost,
            "note": "opening position, before the export",
        }
        lots[o.symbol].insert(0, opening)
    paid: dict[str, list[Fields]] = defaultdict(list)
    for d in plan.dividends:
        if d.symbol in plan.new_tickers:
            names.setdefault(d.symbol, d.name or d.symbol)
        entry: dict[str, Value] = {"date": d.day, "amount": d.amount}
        if d.tax is not None:
            entry["tax"] = d.tax
        if d.tax_currency:
            entry["tax_currency"] = d.tax_currency
        entry["note"] = f"imported from {title}"
        paid[d.symbol].append(entry)
    names = {s: names.get(s, s) for s in plan.new_tickers}
    return lambda text: add_trades(text, names, lots, sells, paid)


class Opening(NamedTuple):
    """A position held before the export begins (`--opening SYMBOL=QTY@PRICE`): an undated lot,
    which the lots of the file count first."""

    symbol: str
    shares: float
    cost: float


def settle(
    config: Config, plan: ImportPlan, openings: Sequence[Opening] = ()
) -> tuple[ImportPlan, list[RowIssue]]:
    """The plan with the sales its holdings cover: the file's lots, the openings given and the
    export's buys by each sale's day, less the earlier sales, first-in first-out as the
    validator counts. A sale whose shares were bought before the export (none or too few held)
    is left out, naming the opening position it lacks, unless an opening is given for its
    symbol: then it is imported with the opening as a lot, and a sale the opening still does
    not cover is an issue at its line. An opening no sale needs, and not already in the file,
    is an issue too (line 0: the command line)."""
    given = {o.symbol: o for o in openings}
    add = list(plan.add)
    left_out = list(plan.left_out)
    issues: list[RowIssue] = []
    new_openings: list[Opening] = []
    for symbol in sorted({t.symbol for t in add if t.side == "sell"} | set(given)):
        ticker = config.tickers.get(symbol)
        base = list(ticker.lots) if ticker else []
        opening = given.get(symbol)
        have = opening is not None and any(
            lot.date is None and lot.shares == opening.shares and lot.cost == opening.cost
            for lot in base
        )
        if opening is not None and not have:
            base.insert(0, Lot(opening.shares, opening.cost, None))
        while True:
            short = _first_short(ticker, base, add, symbol)
            if short is None:
                break
            trade, held = short
            if opening is not None:
                issues.append(RowIssue(trade.line, _short_said(trade, held, opening)))
                break
            lacks = _number(trade.shares - held)
            left_out.append(
                RowIssue(
                    trade.line,
                    f"sells {_number(trade.shares)} {symbol} on {trade.day}, but "
                    f"{'only ' + _number(held) if held > 1e-9 else 'none'} held then: bought "
                    f"before the export, it lacks an opening position of {lacks}; say "
                    f"--opening {symbol}={lacks}@PRICE (or add the lot to the file)",
                )
            )
            add.remove(trade)
        if opening is not None and not have:
            needed = any(t.symbol == symbol and t.side == "sell" for t in add)
            if needed:
                new_openings.append(opening)
            else:
                issues.append(
                    RowIssue(0, f"--opening {symbol}: no sale of the export sells from it")
                )
    new = sorted(
        set(plan.new_tickers) & ({t.symbol for t in add} | {d.symbol for d in plan.dividends})
    )
    settled = plan._replace(
        add=add, left_out=sorted(left_out), openings=new_openings, new_tickers=new
    )
    return settled, sorted(issues)


def _first_short(
    ticker: Ticker | None, lots: list[Lot], add: list[Trade], symbol: str
) -> tuple[Trade, float] | None:
    """The export's first sale of `symbol` that sells more than is held on its day, with what
    is held then."""
    sells = list(ticker.sells) if ticker else []
    lots = list(lots)
    by_note: dict[str, Trade] = {}
    for t in add:
        if t.symbol == symbol and t.side == "buy":
            lots.append(Lot(t.shares, t.price, t.day))
        elif t.symbol == symbol:
            note = f"{_LINE}{t.line}"
            by_note[note] = t
            sells.append(Sell(t.shares, t.price, t.day, note=note))
    for sale in fifo(lots, sells).sales:
        if sale.short > 1e-9 and sale.sell.note in by_note:
            return by_note[sale.sell.note], sale.sell.shares - sale.short
    return None


def _short_said(trade: Trade, held: float, opening: Opening) -> str:
    return (
        f"sells {_number(trade.shares)} {trade.symbol} on {trade.day}, but only "
        f"{_number(held)} are held then with the opening of {_number(opening.shares)} "
        "(the lots bought by that day, less the earlier sales)"
    )


_LINE = "\x00line "  # a sale's note here: the export's line it comes from
