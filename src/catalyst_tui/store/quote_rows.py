"""A quote as a row of the quotes table: its columns, the row a fresh Quote is written as, and the
LastQuote a row reads back as."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..market.models import ExtSession, LastQuote, Quote
from .columns import iso, moment

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


# The sessions a stored quote's ext_session may name; anything else reads as none.
_SESSIONS: dict[str | None, ExtSession] = {"pre": "pre", "post": "post"}


def last_quote(row: tuple[Any, ...]) -> LastQuote:
    """A LastQuote from a quotes row selected as QUOTE_COLUMNS: each column by its name there,
    handed to the Quote field it holds by name."""
    symbol, price, prev_close, change, change_pct, currency, market_state, quote_time = row[:8]
    source, day_high, day_low, volume, high_52w, low_52w, fetched_at, stale, error = row[8:17]
    ext_session, ext_price, ext_change, ext_change_pct, ext_time = row[17:]
    quote = None
    if price is not None and quote_time:  # the Quote's fields, as quote_row writes them
        quote = Quote(
            symbol=symbol,
            price=price,
            prev_close=prev_close,
            change=change,
            change_pct=change_pct,
            currency=currency,
            market_state=market_state,
            quote_time=dt.datetime.fromisoformat(quote_time),
            source=source or "",
            day_high=day_high,
            day_low=day_low,
            volume=None if volume is None else int(volume),
            fifty_two_week_high=high_52w,
            fifty_two_week_low=low_52w,
            ext_session=_SESSIONS.get(ext_session),
            ext_price=ext_price,
            ext_change=ext_change,
            ext_change_pct=ext_change_pct,
            ext_time=moment(ext_time),
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
