"""`catalyst export`: stored prices, checkpoints, events, positions (lots and sales) or the
dividends received, as CSV or JSON on stdout.

CSV is opened in spreadsheets, which run a cell that starts with = + - @ (or a tab or carriage
return) as a formula: such text cells get a leading apostrophe (OWASP's advice), so a checkpoint
titled "=HYPERLINK(...)" is shown, never run. Spreadsheets also read a formula after leading
spaces, and in the fullwidth or small forms of those signs (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫): the first
character after any leading whitespace is judged in its compatibility form (NFKC), so those are
defused too. Lines end in CRLF (RFC 4180), so a cell holding a
line break is quoted and can't start a row of its own. Numbers are written as numbers, yes/no
as true/false (as `check --json` writes them). JSON is written as stored. Nothing is evaluated
or written: export reads the database as it is.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from typing import TYPE_CHECKING, Any, TextIO

from ...store.columns import day_text, iso
from ...thesis.wording import json_value, reason_text
from ...views.performance import DividendRow, dividend_rows
from .report import checkpoint_json

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

    from ...store import Store
    from ...store.records import EventRecord, PriceRow

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXPORTS = ("prices", "checkpoints", "events", "positions", "dividends")

PRICE_COLUMNS = ("symbol", "date", "open", "high", "low", "close", "volume", "source")
CHECKPOINT_COLUMNS = (
    "symbol",
    "id",
    "title",
    "kind",
    "status",
    "value",
    "threshold",
    "condition",
    "due",
    "days_left",
    "flagged",
    "manual",
    "reason",
)
EVENT_COLUMNS = (
    "ts",
    "symbol",
    "checkpoint_id",
    "title",
    "from_status",
    "to_status",
    "value",
    "threshold",
    "condition",
    "reason",
    "manual",
    "flagged",
    "acked_at",
)
# Lots and sales, in file order per symbol: `price` is a lot's cost or a sale's price per share,
# in the listing's unit; `fx` a lot's rate paid.
POSITION_COLUMNS = ("symbol", "kind", "date", "shares", "price", "fees", "fx", "note")
# Each dividend received, by ticker and ex-date: views/performance.py `DividendRow`'s fields, its
# `rate` as `fx`, after `base_currency`. The amounts in `currency`, the listing's unit; `net_base`
# in `base_currency` at `fx`, the rate of its day; a provider's dividend has its `ex_date` and no
# `pay_date` (the provider gives the ex-date only); an entry of the file (`source` "file") is
# dated the day it was received, its `pay_date`, and states what was received and its tax
# withheld (gross = net + tax), its per-share amount empty; its gross and tax are empty only when
# the file states no tax in the listing's unit, its shares when the ticker has no lots.
DIVIDEND_COLUMNS = (*DividendRow._fields[:9], "base_currency", "fx", "net_base", "source")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, defused with a leading apostrophe:
    one that starts with a formula sign, or with one after whitespace, in any width."""
    if not isinstance(value, str):
        return value
    first = value.lstrip()[:1]
    if value.startswith(FORMULA_START) or unicodedata.normalize("NFKC", first) in FORMULA_START:
        return "'" + value
    return value


def export_rows(
    store: Store, what: str, *, symbol: str | None, today: dt.date, base: str
) -> tuple[tuple[str, ...], Iterable[dict[str, Any]]]:
    """The columns and rows of one export (prices are streamed, never all in memory); `base`:
    the base currency (settings.currency)."""
    if what == "prices":
        return PRICE_COLUMNS, (_price(r) for r in store.views.iter_prices(symbol))
    if what == "checkpoints":
        records = checkpoint_json(store.views.checkpoints(), today)
        return CHECKPOINT_COLUMNS, (r for r in records if symbol is None or r["symbol"] == symbol)
    if what == "events":
        events = reversed(store.views.events(limit=-1, symbol=symbol))  # oldest first, like a log
        return EVENT_COLUMNS, (_event(e, today) for e in events)
    if what == "positions":
        return POSITION_COLUMNS, _positions(store, symbol)
    if what == "dividends":
        rows = dividend_rows(store, base, symbol)
        return DIVIDEND_COLUMNS, (_dividend(r, base) for r in rows)
    raise ValueError(f"nothing called {what!r} to export: one of {', '.join(EXPORTS)}")


def _positions(store: Store, symbol: str | None) -> Iterable[dict[str, Any]]:
    sells = store.views.sells(symbol)
    symbols = [symbol] if symbol else store.views.active_symbols()
    for sym in symbols:
        for lot in store.views.lots(sym):
            yield {
                "symbol": sym,
                "kind": "lot",
                "date": day_text(lot.date),
                "shares": lot.shares,
                "price": lot.cost,
                "fees": lot.fees,
                "fx": lot.fx,
                "note": lot.note,
            }
        for sell in sells.get(sym, []):
            yield {
                "symbol": sym,
                "kind": "sell",
                "date": sell.date.isoformat(),
                "shares": sell.shares,
                "price": sell.price,
                "fees": sell.fees,
                "fx": None,
                "note": sell.note,
            }


def _dividend(r: DividendRow, base: str) -> dict[str, Any]:
    days = {"ex_date": day_text(r.ex_date), "pay_date": day_text(r.pay_date)}
    named = r._asdict() | days | {"base_currency": base, "fx": r.rate}
    return {column: named[column] for column in DIVIDEND_COLUMNS}


def _price(row: PriceRow) -> dict[str, Any]:
    return row._asdict() | {"date": row.day.isoformat()}


def _event(e: EventRecord, today: dt.date) -> dict[str, Any]:
    return {
        "ts": iso(e.ts),
        "symbol": e.symbol,
        "checkpoint_id": e.checkpoint_id,
        "title": e.title,
        "from_status": e.from_status,
        "to_status": e.to_status,
        # as the checkpoints': a word metric's word
        "value": json_value(e.condition.metric, e.value) if e.condition else e.value,
        "threshold": json_value(e.condition.metric, e.condition.threshold) if e.condition else None,
        "condition": e.condition.text if e.condition else "",
        "reason": reason_text(e.reason, e.condition, today),
        "manual": e.manual,
        "flagged": e.flagged and not e.archived,  # unacknowledged, as `check` and the TUI say
        "acked_at": iso(e.acked_at) if e.acked_at else None,
    }


def is_export(columns: tuple[str, ...], form: str) -> Callable[[bytes], bool]:
    """Whether a file's head is an export of these columns in this form, as written below: the
    CSV's header line, or the JSON array's first object (or an empty array)."""
    if form == "csv":
        header = (",".join(columns) + "\r\n").encode()
        return lambda head: head.startswith(header)
    first = ('[\n{"' + columns[0] + '": ').encode()
    return lambda head: head.startswith(first) or head == b"[]\n"


def write_csv(columns: tuple[str, ...], rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: a cell holding CR or LF is quoted
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([_csv_value(row[c]) for c in columns])
        count += 1
    return count


def write_json(columns: tuple[str, ...], rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array, one object per line, written as it goes."""
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n" if count else "\n")
        out.write(json.dumps({c: row[c] for c in columns}, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return safe_cell(value)
