"""A broker's trades put into catalysts.toml: which are new (a trade already in the file, as a
lot or a sale of the same day, shares and price, the price perhaps rounded by hand, is not added
again: a second import of one file adds nothing), and the edit that appends them through the
TUI's own edits (comments kept, validated, written atomically by config/write.py)."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from ..reading.brokers.export import Dividend, RowIssue, Trade
from ..thesis.portfolio.positions import Lot, Sell
from .bulk import Fields, TooLarge, Value, add_trades
from .forms import EditError, key_value_line, table_snippet
from .regions import insert_lines, load

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

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
    openings: list[Opening] = []  # positions held before the export, added as undated lots
    # the dividends of a ticker none of whose shares is held on their day: kept, said why
    unheld: list[RowIssue] = []


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
    have: dict[tuple[object, ...], list[tuple[float, str]]] = defaultdict(list)
    for ticker in config.tickers.values():
        for lot in ticker.lots:
            key = _key(ticker.symbol, "buy", lot.date, lot.shares)
            have[key].append((lot.cost, lot.currency))
        for sell in ticker.sells:
            key = _key(ticker.symbol, "sell", sell.date, sell.shares)
            have[key].append((sell.price, sell.currency))
    matched: set[int] = set()
    pending: list[tuple[int, tuple[object, ...]]] = []  # a trade the file may have rounded
    for index, trade in enumerate(trades):
        key = _key(trade.symbol, trade.side, trade.day, trade.shares)
        prices = have.get(key)
        if not prices:
            continue  # nothing of its symbol, side, day and shares in the file: new
        stated = _as_stated(trade)
        exact = next(
            (
                i
                for i, (p, currency) in enumerate(prices)
                for price, its in stated
                if currency == its and round(p, 9) == round(price, 9)
            ),
            None,
        )
        if exact is None:
            pending.append((index, key))
        else:
            prices.pop(exact)
            matched.add(index)
    for index, key in pending:
        prices = have.get(key, [])
        stated = _as_stated(trades[index])
        near = [
            (abs(p - price), i)
            for i, (p, currency) in enumerate(prices)
            for price, its in stated
            if currency == its and typed_as(p, price)
        ]
        if near:
            prices.pop(min(near)[1])
            matched.add(index)
    # in the export's order; a large export's trades are not copied when none is in the file
    add = trades if not matched else [t for i, t in enumerate(trades) if i not in matched]
    paid = _new_dividends(config, dividends)
    new = sorted(({t.symbol for t in add} | {d.symbol for d in paid}) - set(config.tickers))
    already = len(trades) - len(add) + len(dividends) - len(paid)
    return ImportPlan(broker, add, already, new, skipped, issues, paid, list(left_out))


def _as_stated(trade: Trade) -> list[tuple[float, str]]:
    """The prices a trade stands for, each with the currency a file's entry writes it in ("":
    the listing's unit): the price as read, and as the export stated it before a conversion
    (a trade the file keeps in euros matches its import converted into dollars, and back)."""
    found = [(trade.price, trade.priced_in)]
    if trade.stated is not None:
        found.append(trade.stated)
    return found


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


def import_edit(
    plan: ImportPlan, title: str, base: str = "", budget: int | None = None
) -> Callable[[str], str]:
    """The edit of the file's text that appends the plan's tickers, lots and sales, in one
    pass (config/bulk.py) however many they are; a lot's `fx` when the export gives the rate
    paid into the `base` currency. TooLarge at once, before anything is made, when the tables
    of the plan could not fit in `budget` characters however short each is (a million trades),
    else as soon as they are found not to (config/bulk.py)."""
    entries = len(plan.add) + len(plan.dividends) + len(plan.openings)
    if budget is not None and entries * _LEAST_TABLE > budget:
        raise TooLarge(f"{entries} tables of at least {_LEAST_TABLE} characters")
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
        if t.side == "buy" and t.fx and t.fx_into == base and not own and not t.priced_in:
            fields["fx"] = round(t.fx, 10)  # the rate paid, in the base currency
        if t.priced_in:  # kept in the currency it was priced in: no rate of its day yet
            fields["currency"] = t.priced_in
        if t.fees_currency:
            fields["fees_currency"] = t.fees_currency
        fields["note"] = f"imported from {title}" + (f", trade {t.ref}" if t.ref else "") + t.said
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
        if d.ex_day is not None and d.ex_day <= d.day:
            entry["ex_date"] = d.ex_day
        if d.tax is not None:
            entry["tax"] = d.tax
        if d.tax_currency:
            entry["tax_currency"] = d.tax_currency
        entry["note"] = f"imported from {title}"
        paid[d.symbol].append(entry)
    names = {s: names.get(s, s) for s in plan.new_tickers}
    return lambda text: add_trades(text, names, lots, sells, paid, budget)


# The fewest characters a lot, sale or dividend table written here takes: its header
# (`[[tickers.X.lots]]`), two numbers, a date and the note `imported from ...`.
_LEAST_TABLE = 60


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
    short: dict[int, float] = {}  # id of a sale the holdings do not cover -> what is held then
    bought: dict[str, list[Trade]] = defaultdict(list)
    for t in plan.add:
        bought[t.symbol].append(t)
    issues: list[RowIssue] = []
    new_openings: list[Opening] = []
    for symbol in sorted({t.symbol for t in plan.add if t.side == "sell"} | set(given)):
        ticker = config.tickers.get(symbol)
        base = list(ticker.lots) if ticker else []
        opening = given.get(symbol)
        have = opening is not None and any(
            lot.date is None and lot.shares == opening.shares and lot.cost == opening.cost
            for lot in base
        )
        if opening is not None and not have:
            base.append(Lot(opening.shares, opening.cost, None))
        found = _short_sales(base, ticker.sells if ticker else (), bought[symbol])
        for trade, held in found:
            if opening is not None:
                issues.append(RowIssue(trade.line, _short_said(trade, held, opening)))
            short[id(trade)] = held
        sells = any(t.side == "sell" for t in bought[symbol])
        if opening is not None and not have and not found:
            if sells:
                new_openings.append(opening)
            else:
                issues.append(
                    RowIssue(0, f"--opening {symbol}: no sale of the export sells from it")
                )
    left_out = list(plan.left_out)
    add = plan.add
    if short and not issues:
        add = [t for t in plan.add if id(t) not in short]
        left_out += [RowIssue(t.line, _lacks(t, short[id(t)])) for t in plan.add if id(t) in short]
    kept = {t.symbol for t in add} | {d.symbol for d in plan.dividends}
    new = [s for s in plan.new_tickers if s in kept]
    unheld = _unheld(config, plan.dividends, add, new_openings)
    settled = plan._replace(
        add=add, left_out=sorted(left_out), openings=new_openings, new_tickers=new, unheld=unheld
    )
    return settled, sorted(issues)


def _unheld(
    config: Config, dividends: Sequence[Dividend], add: Sequence[Trade], openings: Sequence[Opening]
) -> list[RowIssue]:
    """The dividends paid on shares that neither the file's lots nor the export's buys (nor an
    opening) hold on their day: bought before the export. Each is kept as received, said with
    its line: the position it lacks is named, as a sale's is."""
    out: list[RowIssue] = []
    opened = {o.symbol for o in openings}
    paid = {d.symbol for d in dividends}
    moves: dict[str, list[Trade]] = defaultdict(list)  # each paying symbol's trades: one pass
    for t in add:
        if t.symbol in paid:
            moves[t.symbol].append(t)
    for d in dividends:
        ticker = config.tickers.get(d.symbol)
        lots = ticker.lots if ticker else ()
        sells = ticker.sells if ticker else ()
        held = sum(lot.shares for lot in lots if lot.date is None or lot.date <= d.day)
        held -= sum(s.shares for s in sells if s.date <= d.day)
        for t in moves.get(d.symbol, ()):
            if t.day <= d.day:
                held += t.shares if t.side == "buy" else -t.shares
        if held <= 1e-9 and d.symbol not in opened:
            out.append(RowIssue(d.line, _unheld_said(d)))
    return out


def _unheld_said(d: Dividend) -> str:
    return (
        f"pays a dividend of {d.symbol} on {d.day}, but none held then: bought before the "
        f"export, it lacks a lot of {d.symbol} (add it to the file); kept as received, "
        "shown by catalyst export dividends"
    )


def _short_sales(
    lots: Sequence[Lot], sells: Sequence[Sell], trades: Sequence[Trade]
) -> list[tuple[Trade, float]]:
    """The export's sales (of `trades`) that sell more than is held on their day, each with
    what is held then: the lots bought by that day (an undated one first), less the earlier
    sales the holdings covered (the file's, then the export's, each day in file order). One
    pass in date order: what first-in first-out leaves held is these sums."""
    events: list[tuple[dt.date, int, int, float, Trade | None]] = []
    for lot in lots:
        events.append((lot.date or dt.date.min, 0, 0, lot.shares, None))
    for order, sell in enumerate(sells):
        events.append((sell.date, 1, order, sell.shares, None))
    for order, t in enumerate(trades, len(sells)):
        events.append((t.day, 0 if t.side == "buy" else 1, order, t.shares, t))
    held = 0.0
    short: list[tuple[Trade, float]] = []
    for _day, kind, _order, shares, trade in sorted(events, key=lambda e: e[:3]):
        if kind == 0:
            held += shares
        elif trade is not None and shares > held + 1e-9:
            short.append((trade, max(held, 0.0)))
        else:
            held -= shares
    return short


def _lacks(t: Trade, held: float) -> str:
    lacks = _number(t.shares - held)
    return (
        f"sells {_number(t.shares)} {t.symbol} on {t.day}, but "
        f"{'only ' + _number(held) if held > 1e-9 else 'none'} held then: bought before the "
        f"export, it lacks an opening position of {lacks}; say --opening "
        f"{t.symbol}={lacks}@PRICE (or add the lot to the file)"
    )


def _short_said(trade: Trade, held: float, opening: Opening) -> str:
    return (
        f"sells {_number(trade.shares)} {trade.symbol} on {trade.day}, but only "
        f"{_number(held)} are held then with the opening of {_number(opening.shares)} "
        "(the lots bought by that day, less the earlier sales)"
    )


def save_symbols(symbols: Mapping[str, str]) -> Callable[[str], str]:
    """The edit that keeps `symbols` (ISIN -> symbol) in the file's `[import.symbols]`: the
    table made before the first ticker when the file has none, an ISIN it has rewritten in
    place, a new one added after its last key; every other line left as it is."""

    def edit(text: str) -> str:
        data, layout = load(text)
        table = layout.table(("import", "symbols"))
        if table is None:
            if "import" in data:
                raise EditError("[import] is not written as [import.symbols]: edit it by hand")
            tickers = [t for t in layout.tables if t.path[:1] == ("tickers",)]
            at = tickers[0].start if tickers else len(layout.lines)
            snippet = table_snippet(("import", "symbols"), dict(symbols), aot=False)
            return insert_lines(layout, at, snippet)
        lines = list(layout.lines)
        at = table.keys_end
        if at and not lines[at - 1].endswith("\n"):
            lines[at - 1] += layout.newline
        have: dict[str, int] = {}
        for i in range(table.header + 1, at):
            try:
                have.update(dict.fromkeys(tomllib.loads(lines[i]), i))
            except tomllib.TOMLDecodeError:
                continue
        added = []
        for isin, symbol in symbols.items():
            line = key_value_line(isin, symbol).replace("\n", layout.newline)
            if isin in have:
                lines[have[isin]] = line
            else:
                added.append(line)
        return "".join(lines[:at]) + "".join(added) + "".join(lines[at:])

    return edit
