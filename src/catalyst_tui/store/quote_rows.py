"""A quote as a row of the quotes table: its columns, the row a fresh Quote is written as, and the
LastQuote a row reads back as."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..market.models import LastQuote, Quote
from .columns import iso, moment

if TYPE_CHECKING:
    from .columns import Reader

QUOTE_COLUMNS = (
    "symbol, price, prev_close, change, change_pct, currency, market_state,"
    " quote_time, source, day_high, day_low, volume, high_52w, low_52w,"
    " fetched_at, stale, last_error, ext_session, ext_price, ext_change,"
    " ext_change_pct, ext_time"
)


# A fresh quote's row updated in place (every column: as a replaced row would be), not deleted
# and inserted again with its key's index entry, as INSERT OR REPLACE does.
_QUOTE_NAMES = [c.strip() for c in QUOTE_COLUMNS.split(",")]
UPSERT_QUOTE = (
    f"INSERT INTO quotes ({QUOTE_COLUMNS}) VALUES ({', '.join('?' * len(_QUOTE_NAMES))})"
    " ON CONFLICT(symbol) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _QUOTE_NAMES[1:])
)


def _session(text: str | None) -> str | None:
    return text if text in ("pre", "post") else None


def _volume(volume: float | None) -> int | None:
    return None if volume is None else int(volume)


# Each Quote field's column of the quotes table and how its stored value reads back (None: as
# stored). A quote is read back by name from them; a field added to Quote without its column here
# is a KeyError on import.
_QUOTE_FIELDS: dict[str, tuple[str, Reader]] = {
    "symbol": ("symbol", None),
    "price": ("price", None),
    "prev_close": ("prev_close", None),
    "change": ("change", None),
    "change_pct": ("change_pct", None),
    "currency": ("currency", None),
    "market_state": ("market_state", None),
    "quote_time": ("quote_time", dt.datetime.fromisoformat),
    "source": ("source", lambda source: source or ""),
    "day_high": ("day_high", None),
    "day_low": ("day_low", None),
    "volume": ("volume", _volume),
    "fifty_two_week_high": ("high_52w", None),
    "fifty_two_week_low": ("low_52w", None),
    "ext_session": ("ext_session", _session),
    "ext_price": ("ext_price", None),
    "ext_change": ("ext_change", None),
    "ext_change_pct": ("ext_change_pct", None),
    "ext_time": ("ext_time", moment),
}
# Each Quote field, where a row selected as QUOTE_COLUMNS holds it, and its reader.
_QUOTE_READ = tuple(
    (field, _QUOTE_NAMES.index(column), read)
    for field, (column, read) in ((f, _QUOTE_FIELDS[f]) for f in Quote._fields)
)


def last_quote(row: tuple[Any, ...]) -> LastQuote:
    """A LastQuote from a quotes row selected as QUOTE_COLUMNS."""
    symbol, price, quote_time = row[0], row[1], row[7]
    fetched_at, stale, error = row[14:17]
    quote = None
    if price is not None and quote_time:  # the Quote's fields, as quote_row writes them
        quote = Quote(
            **{field: row[at] if read is None else read(row[at]) for field, at, read in _QUOTE_READ}
        )
    return LastQuote(symbol, quote, moment(fetched_at), bool(stale) or quote is None, error or "")


def quote_row(quote: Quote, fetched_at: str) -> tuple[Any, ...]:
    """The row of a fresh quote: the Quote's own fields in QUOTE_COLUMNS' order (its slices: a
    refresh writes 500), the moments as stored, fetched at `fetched_at`, not stale."""
    ext_time = quote[18]
    return (
        quote[:7]
        + (iso(quote[7]),)
        + quote[8:14]
        + (fetched_at, 0, "")
        + quote[14:18]
        + (iso(ext_time) if ext_time else None,)
    )
