"""The edits of catalysts.toml's text, each a pure function: the current file text and the raw
form strings in, the new text out (config/regions.py decides where, config/forms.py turns the
strings into TOML values).

They raise `EditError` for an unknown symbol or checkpoint id, or a ticker that already exists,
and the located `ConfigError` when the text they are given is not TOML at all. They do not
validate the result: `write.apply_edit` does.
"""

from __future__ import annotations

import tomllib
from typing import TYPE_CHECKING, Literal

from .forms import EditError, field_values, key_value_line, table_snippet
from .regions import (
    checkpoint_table,
    cut_regions,
    insert_lines,
    load,
    nth_table,
    rewrite_keys,
    ticker_of,
    ticker_parts,
    ticker_tables,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

PositionEntry = Literal["lot", "sale"]


def add_ticker(text: str, fields: Mapping[str, str]) -> str:
    """Append `[tickers.SYMBOL]` with the given fields at the end of the file."""
    values = field_values("ticker", fields)
    symbol = values.pop("symbol", "")
    if not isinstance(symbol, str):  # pragma: no cover - symbol is never converted
        symbol = str(symbol)
    data, layout = load(text)
    tickers = data.get("tickers")
    if isinstance(tickers, dict) and symbol in tickers:
        raise EditError(f"{symbol} is already in the file")
    snippet = table_snippet(("tickers", symbol), values, aot=False)
    return insert_lines(layout, len(layout.lines), snippet)


def remove_ticker(text: str, symbol: str) -> str:
    """Remove `[tickers.SYMBOL]` and all its lots and checkpoints (which comments go with them:
    config/regions.py)."""
    data, layout = load(text)
    ticker_of(data, symbol)
    indexes = ticker_tables(layout, symbol)
    # One region per run of consecutive tables: floating comments between the ticker's own
    # tables go with it, those before or after (or between it and someone else's table) stay.
    regions: list[tuple[int, int]] = []
    run_start = previous = indexes[0]
    for index in indexes[1:] + [None]:
        if index is not None and index == previous + 1:
            previous = index
            continue
        regions.append((layout.tables[run_start].start, layout.tables[previous].content_end))
        if index is not None:
            run_start = previous = index
    return cut_regions(layout, regions)


def add_lot(text: str, symbol: str, fields: Mapping[str, str]) -> str:
    """Add a `[[tickers.SYMBOL.lots]]` after the ticker's last lot (or before its first
    checkpoint, or after the ticker's last table)."""
    values = field_values("lot", fields)
    layout, tables, arrays = ticker_parts(text, symbol)
    snippet = table_snippet(("tickers", symbol, "lots"), values, aot=True)
    if arrays["lots"]:
        return insert_lines(layout, arrays["lots"][-1].content_end, snippet)
    if arrays["checkpoints"]:
        return insert_lines(layout, arrays["checkpoints"][0].start, snippet)
    return insert_lines(layout, tables[-1].content_end, snippet)


def add_sell(text: str, symbol: str, fields: Mapping[str, str]) -> str:
    """Add a `[[tickers.SYMBOL.sells]]` after the ticker's last sale (or its last lot, or
    before its first checkpoint, or after its last table)."""
    values = field_values("sell", fields)
    layout, tables, arrays = ticker_parts(text, symbol)
    snippet = table_snippet(("tickers", symbol, "sells"), values, aot=True)
    if arrays["sells"] or arrays["lots"]:
        return insert_lines(layout, (arrays["sells"] or arrays["lots"])[-1].content_end, snippet)
    if arrays["checkpoints"]:
        return insert_lines(layout, arrays["checkpoints"][0].start, snippet)
    return insert_lines(layout, tables[-1].content_end, snippet)


# A ticker's position entries: the word for one, and the array of tables they are written in.
POSITION_ARRAYS = {"lot": "lots", "sale": "sells"}


def remove_entry(text: str, symbol: str, entry: PositionEntry, index: int) -> str:
    """Remove the symbol's `entry` ("lot" or "sale") number `index` (0-based, file order) with
    the comment block attached above its header; a sale a removed lot held is then refused by
    the validator."""
    layout, table, _values = nth_table(text, symbol, POSITION_ARRAYS[entry], entry, index)
    return cut_regions(layout, [(table.start, table.content_end)])


def update_ticker(text: str, symbol: str, fields: Mapping[str, str]) -> str:
    """Edit the name, group or thesis of `[tickers.SYMBOL]` in place, as `update_checkpoint`
    does (the symbol itself is its history's key and is not edited)."""
    if "symbol" in fields:
        raise EditError("a ticker's symbol is not edited: remove it and add the new one")
    data, layout = load(text)
    current = ticker_of(data, symbol)
    table = layout.table(("tickers", symbol))
    if table is None:
        raise EditError(f"{symbol} is not written as a [tickers.{symbol}] table: edit it by hand")
    return rewrite_keys(text, layout, table, current, "ticker", fields)


def add_checkpoint(text: str, symbol: str, fields: Mapping[str, str]) -> str:
    """Add a `[[tickers.SYMBOL.checkpoints]]` after the ticker's last checkpoint (or after the
    ticker's last table)."""
    values = field_values("checkpoint", fields)
    layout, tables, arrays = ticker_parts(text, symbol)
    snippet = table_snippet(("tickers", symbol, "checkpoints"), values, aot=True)
    after = arrays["checkpoints"][-1] if arrays["checkpoints"] else tables[-1]
    return insert_lines(layout, after.content_end, snippet)


def update_checkpoint(text: str, symbol: str, checkpoint_id: str, fields: Mapping[str, str]) -> str:
    """Edit the checkpoint's keys in place; fields not given are left alone, emptied ones
    removed, changed ones rewritten (value only), new ones added after its last key."""
    layout, table = checkpoint_table(text, symbol, checkpoint_id)
    current = tomllib.loads(text)["tickers"][symbol]["checkpoints"][table.path[3]]
    return rewrite_keys(text, layout, table, current, "checkpoint", fields)


def update_lot(text: str, symbol: str, index: int, fields: Mapping[str, str]) -> str:
    """Edit the keys of the symbol's lot number `index` (0-based, file order) in place, as
    `update_checkpoint` does (giving an undated lot its date, say)."""
    layout, table, current = nth_table(text, symbol, "lots", "lot", index)
    return rewrite_keys(text, layout, table, current, "lot", fields)


def remove_checkpoint(text: str, symbol: str, checkpoint_id: str) -> str:
    """Remove the checkpoint's table with the comment block attached above its header."""
    layout, table = checkpoint_table(text, symbol, checkpoint_id)
    return cut_regions(layout, [(table.start, table.content_end)])


def set_sec_contact(text: str, contact: str) -> str:
    """`providers.sec.user_agent = "<contact>"`: in `[providers.sec]` (under its commented
    example line `# user_agent = ...` when the file has one, as the bundled file does); when
    missing, the commented example table (`# [providers.sec]` over `# user_agent = ...`, as
    `catalyst init` writes it) is made the table, else the table is added after the other
    `[providers.*]` tables (or before the first ticker): one `[providers.sec]` in the file."""
    values = field_values("sec", {"user_agent": contact})
    data, layout = load(text)
    providers = data.get("providers", {})
    sec = providers.get("sec") if isinstance(providers, dict) else None
    table = layout.table(("providers", "sec"))
    if table is None and sec is not None:
        raise EditError("[providers.sec] is not written as a table in the file: edit it by hand")
    if table is None and sec is None and (uncommented := _uncomment_sec_example(text, values)):
        return uncommented
    if table is None or not isinstance(sec, dict):
        tables = layout.tables
        after = [t for t in tables if t.path[:1] == ("providers",) or t.path == ("settings",)]
        tickers = [t for t in tables if t.path[:1] == ("tickers",)]
        at = after[-1].content_end if after else tickers[0].start if tickers else len(layout.lines)
        return insert_lines(layout, at, table_snippet(("providers", "sec"), values, aot=False))
    if "user_agent" not in sec:
        example = next(
            (
                i
                for i in range(table.header + 1, table.content_end)
                if layout.lines[i].lstrip().startswith("# user_agent")
            ),
            None,
        )
        if example is not None:
            line = key_value_line("user_agent", values["user_agent"])
            return insert_lines(layout, example + 1, line, separated=False)
    return rewrite_keys(text, layout, table, sec, "sec", {"user_agent": contact})


def _uncomment_sec_example(text: str, values: dict[str, str]) -> str | None:
    """The text with its commented example `# [providers.sec]` and the `# user_agent = ...`
    line under it made the table with `values`'s contact; None without such a pair."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines[:-1]):
        if line.strip() == "# [providers.sec]" and lines[i + 1].lstrip().startswith("# user_agent"):
            ending = "\r\n" if line.endswith("\r\n") else "\n"
            contact = key_value_line("user_agent", values["user_agent"]).rstrip("\r\n")
            lines[i : i + 2] = [f"[providers.sec]{ending}", f"{contact}{ending}"]
            return "".join(lines)
    return None
