"""Where an edit goes in catalysts.toml's text: the tables of a ticker found in the scanned
layout (config/scan.py), a snippet inserted or a region of lines cut, a table's keys rewritten in
place; every other byte of the file left as it was.

Byte identity. Every edit replaces, inserts or cuts one region of lines (`remove_ticker` one
region per run of the ticker's tables) and leaves every other byte of the file as it was:
comments, blank lines, order, quoting, number formatting. tomlkit generates the new snippets
(`tomlkit.dumps` of a table, so keys, strings and dates are quoted and escaped correctly) but
does not decide where they go. tomlkit attaches the comment lines written above a `[[...]]`
header to the PREVIOUS table's body, so deleting an array-of-tables element through tomlkit
eats the comment block that introduces the next one, and appending lands after it; the
positions therefore come from our own scanner (`scan.scan`), which knows which lines are
headers, keys, continuation lines of multi-line values, comments and blank lines, and which
comment lines belong to which table (the comment-attachment rule, documented there: a table owns
the comment run directly above its header and the one directly after its last key). A comment
block with blank lines on both sides ("floating", e.g. a section banner) belongs to no table:
removals keep it unless it lies between two tables being removed together (inside a ticker
removed with all its lots and checkpoints).

So removing a checkpoint cuts its attached comments, header, keys and trailing comments, and the
blank lines just above that block (the separator that preceded it); the comment block that
introduces the next table stays. Updating a checkpoint rewrites only the value of each changed
key (its `key = ` text and a trailing `# comment` on the same line kept), removes the line(s) of
an emptied key (comment lines above that key stay: they may describe more than the key), and adds
new keys after the checkpoint's last key. Inserts go after the content of the table they follow,
with one blank line as separator (two if they land between two non-blank lines).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import TYPE_CHECKING, Any

from . import parse_config
from .forms import FORMS, EditError, field_values, key_value_line, render_value
from .scan import Layout, Table, scan

if TYPE_CHECKING:
    from collections.abc import Mapping


def insert_lines(layout: Layout, at: int, snippet: str, *, separated: bool = True) -> str:
    """The text with `snippet` (whole lines) inserted before line `at`, blank-separated from
    its neighbours unless not `separated` (a line added to a table, under another)."""
    lines = list(layout.lines)
    if at == len(lines) and lines and not lines[-1].endswith("\n"):
        lines[-1] += layout.newline  # the file did not end with a newline
    before = "" if not separated or at == 0 or layout.is_blank(at - 1) else layout.newline
    after = "" if not separated or at >= len(lines) or layout.is_blank(at) else layout.newline
    block = before + snippet.replace("\n", layout.newline) + after
    return "".join(lines[:at]) + block + "".join(lines[at:])


def cut_regions(layout: Layout, regions: list[tuple[int, int]]) -> str:
    """The text without the line regions [start, end), each with the blank lines above it
    (or, at the top of the file, below it)."""
    lines = list(layout.lines)
    for start, end in sorted(regions, reverse=True):
        while start > 0 and layout.is_blank(start - 1):
            start -= 1
        if start == 0:
            while end < len(lines) and layout.is_blank(end):
                end += 1
        del lines[start:end]
    return "".join(lines)


def load(text: str) -> tuple[dict[str, Any], Layout]:
    """The text as read by tomllib, and its layout; the located ConfigError when not TOML."""
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        parse_config(text)  # raises the located ConfigError
        raise  # pragma: no cover - parse_config always raises on text tomllib rejects
    return data, scan(text)


def ticker_of(data: dict[str, Any], symbol: str) -> dict[str, Any]:
    """The ticker's table as read; EditError when the file has no such ticker."""
    tickers = data.get("tickers")
    ticker = tickers.get(symbol) if isinstance(tickers, dict) else None
    if not isinstance(ticker, dict):
        raise EditError(f"no ticker {symbol!r} in the file")
    return ticker


def ticker_tables(layout: Layout, symbol: str) -> list[int]:
    """The indexes of the ticker's tables in the layout, in file order."""
    found = [i for i, t in enumerate(layout.tables) if t.path[:2] == ("tickers", symbol)]
    if not found:
        raise EditError(
            f"{symbol} is not written as [tickers.{symbol}] tables in the file "
            "(inline or dotted keys): edit it by hand"
        )
    return found


def checkpoint_table(text: str, symbol: str, checkpoint_id: str) -> tuple[Layout, Table]:
    """The layout and the `[[tickers.SYMBOL.checkpoints]]` table of the checkpoint."""
    data, layout = load(text)
    checkpoints = ticker_of(data, symbol).get("checkpoints")
    index = None
    if isinstance(checkpoints, list):
        for i, item in enumerate(checkpoints):
            if isinstance(item, dict) and item.get("id") == checkpoint_id:
                index = i
                break
    if index is None:
        raise EditError(f"no checkpoint {checkpoint_id!r} in {symbol}")
    return layout, array_table(layout, symbol, "checkpoints", index)


def array_table(layout: Layout, symbol: str, array: str, index: int) -> Table:
    """The `[[tickers.SYMBOL.ARRAY]]` table number `index`, where the file has it as one."""
    table = layout.table(("tickers", symbol, array, index))
    if table is None:
        raise EditError(
            f"{symbol}'s {array} are not written as [[tickers.{symbol}.{array}]] tables in the "
            "file: edit them by hand"
        )
    return table


def nth_table(
    text: str, symbol: str, array: str, noun: str, index: int
) -> tuple[Layout, Table, Mapping[str, Any]]:
    """The symbol's `[[tickers.SYMBOL.ARRAY]]` number `index` (0-based, file order): the file's
    layout, that table, and its values as read; EditError "SYMBOL has no NOUN number N" when
    there is no such element."""
    data, layout = load(text)
    found = ticker_of(data, symbol).get(array)
    if not isinstance(found, list) or not 0 <= index < len(found):
        raise EditError(f"{symbol} has no {noun} number {index + 1}")
    return layout, array_table(layout, symbol, array, index), found[index]


def ticker_parts(text: str, symbol: str) -> tuple[Layout, list[Table], dict[str, list[Table]]]:
    """The layout, the ticker's tables in file order, and its lots and checkpoints tables."""
    data, layout = load(text)
    ticker_of(data, symbol)
    tables = [layout.tables[i] for i in ticker_tables(layout, symbol)]
    arrays: dict[str, list[Table]] = {"lots": [], "sells": [], "checkpoints": []}
    for table in tables:
        if len(table.path) == 4 and table.path[2] in arrays:
            arrays[table.path[2]].append(table)
    return layout, tables, arrays


def rewrite_keys(
    text: str,
    layout: Layout,
    table: Table,
    current: Mapping[str, Any],
    form: str,
    fields: Mapping[str, str],
) -> str:
    """The text with the table's keys as the `form` fields say: a key not in `fields` left
    alone, an emptied one removed, a changed one's value rewritten, a new one added after the
    table's last key."""
    values = field_values(form, fields)
    nl = layout.newline
    by_key = {entry.key: entry for entry in table.entries}
    # Changes as (start offset, end offset, replacement), applied from the end backwards.
    changes: list[tuple[int, int, str]] = []
    added: list[str] = []
    for name in FORMS[form]:
        if name not in fields:
            continue
        entry = by_key.get(name)
        if name not in values:
            if entry is not None:
                changes.append((layout.offsets[entry.start], layout.offsets[entry.end], ""))
            continue
        value = values[name]
        if entry is None:
            added.append(key_value_line(name, value).replace("\n", nl))
        elif not _same(current.get(name), value):
            rendered = render_value(value).replace("\n", nl)
            changes.append((entry.value_from, entry.value_to, rendered))
    if added:
        at = layout.offsets[table.keys_end]
        prefix = ""
        if table.keys_end == len(layout.lines) and not text.endswith("\n") and layout.lines:
            prefix = nl
        changes.append((at, at, prefix + "".join(added)))
    new = text
    for start, end, replacement in sorted(changes, key=lambda c: (c[0], c[1]), reverse=True):
        new = new[:start] + replacement + new[end:]
    return new


def _same(old: Any, new: Any) -> bool:
    """Whether the file's value already says what the form says (then its text stays)."""
    if isinstance(old, str) and isinstance(new, str):
        return old.replace("\r\n", "\n").strip() == new
    if isinstance(new, dt.date) and isinstance(old, str):
        try:
            return dt.date.fromisoformat(old.strip()) == new
        except ValueError:
            return False
    if isinstance(old, bool) or isinstance(new, bool):
        return False
    if isinstance(old, dt.datetime) or isinstance(new, dt.datetime):
        return type(old) is type(new) and old == new
    if isinstance(old, int | float) and isinstance(new, int | float):
        return old == new
    return type(old) is type(new) and old == new
