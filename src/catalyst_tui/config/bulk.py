"""Many lots and sales added to catalysts.toml's text in one pass: the file parsed and scanned
once, each ticker's tables found once, every snippet inserted where `add_lot`, `add_sell` and
`add_ticker` (config/edits.py) would put it, so that an import of n trades costs work in
proportion to n and the file, not n parses of a growing file. The values are the lot and sale
keys config/model.py declares, written as TOML by hand (numbers, dates, basic strings); the
result is validated by `write.apply_edit` as every edit's is."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .forms import table_snippet
from .regions import load

if TYPE_CHECKING:
    from .scan import Layout

Value = float | str | dt.date
Fields = Mapping[str, Value]


def _value(value: Value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    return repr(float(value)) if value != int(value) else str(int(value))


def _tables(header: str, entries: Sequence[Fields]) -> list[str]:
    return [header + "".join(f"{k} = {_value(v)}\n" for k, v in e.items()) for e in entries]


def _header(symbol: str, array: str) -> str:
    return table_snippet(("tickers", symbol, array), {}, aot=True)


class TooLarge(ValueError):
    """The text would grow past the budget given: found as the snippets are made, before the
    rest of them is (a million lots are never all written out to be refused)."""


def add_trades(
    text: str,
    names: Mapping[str, str],
    lots: Mapping[str, Sequence[Fields]],
    sells: Mapping[str, Sequence[Fields]],
    dividends: Mapping[str, Sequence[Fields]] | None = None,
    budget: int | None = None,
) -> str:
    """The text with `names` (symbol -> name) added as new tickers at the end, each with its
    lots, sales and dividends, and the other symbols' lots after their last lot (or before
    their first checkpoint, or after their last table), sales after their last sale or lot,
    dividends after their last dividend (or with the sales). TooLarge as soon as what is added
    would make the text longer than `budget` characters."""
    dividends = dividends or {}
    size = len(text)

    def counted(block: str) -> str:
        nonlocal size
        size += len(block) + 1
        if budget is not None and size > budget:
            raise TooLarge(f"more than {budget} characters")
        return block

    _data, layout = load(text)
    by_symbol: dict[str, list[int]] = defaultdict(list)
    for index, table in enumerate(layout.tables):
        if len(table.path) >= 2 and table.path[0] == "tickers":
            by_symbol[str(table.path[1])].append(index)
    inserts: list[tuple[int, int, str]] = []  # (line, order at that line, snippet)
    for rank, symbol in enumerate(sorted(set(lots) | set(sells) | set(dividends))):
        if symbol in names:
            continue
        tables = [layout.tables[i] for i in by_symbol[symbol]]
        arrays: dict[str, list[int]] = {"lots": [], "sells": [], "dividends": [], "checkpoints": []}
        for table in tables:
            if len(table.path) == 4 and table.path[2] in arrays:
                arrays[table.path[2]].append(table.content_end)
        starts = [t.start for t in tables if len(t.path) == 4 and t.path[2] == "checkpoints"]
        end = tables[-1].content_end
        lot_at = arrays["lots"][-1] if arrays["lots"] else starts[0] if starts else end
        after = arrays["sells"] or arrays["lots"]
        sell_at = after[-1] if after else lot_at
        paid_at = arrays["dividends"][-1] if arrays["dividends"] else sell_at
        for at, order, array, entries in (
            (lot_at, 3 * rank, "lots", lots.get(symbol, ())),
            (sell_at, 3 * rank + 1, "sells", sells.get(symbol, ())),
            (paid_at, 3 * rank + 2, "dividends", dividends.get(symbol, ())),
        ):
            if entries:
                block = "\n".join(_tables(_header(symbol, array), entries))
                inserts.append((at, order, counted(block)))
    new = []
    for symbol, name in names.items():
        parts = [table_snippet(("tickers", symbol), {"name": name}, aot=False)]
        parts += _tables(_header(symbol, "lots"), lots.get(symbol, ()))
        parts += _tables(_header(symbol, "sells"), sells.get(symbol, ()))
        parts += _tables(_header(symbol, "dividends"), dividends.get(symbol, ()))
        new.append(counted("\n".join(parts)))
    if new:
        last = 3 * (len(lots) + len(sells) + len(dividends))
        inserts.append((len(layout.lines), last, "\n".join(new)))
    return _insert_all(layout, inserts)


def _insert_all(layout: Layout, inserts: list[tuple[int, int, str]]) -> str:
    """The text with each snippet inserted before its line, blank-separated from its
    neighbours as `regions.insert_lines` separates one; snippets of one line in their order."""
    lines = list(layout.lines)
    nl = layout.newline
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += nl  # the file did not end with a newline
    merged: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for at, order, snippet in inserts:
        merged[at].append((order, snippet))
    out: list[str] = []
    previous = 0
    for at in sorted(merged):
        out.extend(lines[previous:at])
        snippet = "\n".join(s for _o, s in sorted(merged[at], key=lambda p: p[0]))
        before = "" if at == 0 or layout.is_blank(at - 1) else nl
        after = "" if at >= len(lines) or layout.is_blank(at) else nl
        out.append(before + snippet.replace("\n", nl) + after)
        previous = at
    out.extend(lines[previous:])
    return "".join(out)
