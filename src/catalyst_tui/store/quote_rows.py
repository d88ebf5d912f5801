"""A quote as a row of the quotes table: its columns, the row a fresh Quote is written as, and the
LastQuote a row reads back as."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..market.models import LastQuote, Quote
from .columns import iso, moment, read_row

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


# A Quote's fields as the columns quote_row writes them read back.
_QUOTE_READERS = (
    *(None,) * 7,
    dt.datetime.fromisoformat,
    lambda source: source or "",
    None,
    None,
    lambda volume: None if volume is None else int(volume),
    None,
    None,
    _session,
    None,
    None,
    None,
    moment,
)


def last_quote(row: tuple[Any, ...]) -> LastQuote:
    """A LastQuote from a quotes row selected as QUOTE_COLUMNS."""
    symbol, price, quote_time = row[0], row[1], row[7]
    fetched_at, stale, error = row[14:17]
    quote = None
    if price is not None and quote_time:  # the Quote's fields, as quote_row writes them
        quote = Quote(*read_row(row[:14] + row[17:], _QUOTE_READERS))
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
