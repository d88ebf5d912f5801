"""How each provider spells our symbols, and back: `BRK.B` is Yahoo's `BRK-B`, Stooq's `brk-b.us`.

Our symbols are Yahoo-style: US tickers with a dot for share classes (`BRK.B`), indices with a
caret (`^GSPC`), crypto and currency pairs as Yahoo writes them (`BTC-USD`, `EURUSD=X`), other
exchanges with Yahoo's suffix (`SAP.DE`). Stooq and Finnhub are used for US equities only: they
return None for the rest, and those symbols are skipped for them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

# A plain US ticker, optionally with a share class (BRK.B, BF.B, HEI.A).
_US_EQUITY = re.compile(r"^[A-Z][A-Z0-9]{0,6}(?:\.[A-C])?$")
# Only these one-letter suffixes are share classes; `.T` (Tokyo), `.L` (London) are exchanges.
_SHARE_CLASS = re.compile(r"^([A-Z][A-Z0-9]*)\.([A-C])$")


def normalize(symbol: str) -> str:
    return symbol.strip().upper()


def is_us_equity(symbol: str) -> bool:
    return bool(_US_EQUITY.match(normalize(symbol)))


def listing_currency(symbol: str) -> str | None:
    """The currency a listing is quoted in, as far as its symbol says: a US listing (no
    exchange suffix) in USD; None for the rest (other exchanges, indices, crypto, currency
    pairs), until a quote says it."""
    return "USD" if is_us_equity(symbol) else None


@lru_cache(maxsize=8192)  # a refresh spells each of its symbols twice (the URL, the answer)
def yahoo_symbol(symbol: str) -> str:
    """`BRK.B` → `BRK-B`; everything else as is (`^GSPC`, `BTC-USD`, `SAP.DE`)."""
    return _SHARE_CLASS.sub(r"\1-\2", normalize(symbol))


@lru_cache(maxsize=8192)  # every batch URL of every refresh spells each symbol so
def yahoo_path(symbol: str) -> str:
    """The symbol as one URL path segment: `^GSPC` → `%5EGSPC`, `EURUSD=X` → `EURUSD%3DX`."""
    return quote(yahoo_symbol(symbol), safe="")


def stooq_symbol(symbol: str) -> str | None:
    """`ALAB` → `alab.us`, `BRK.B` → `brk-b.us`; None for indices, crypto and non-US listings."""
    if not is_us_equity(symbol):
        return None
    return normalize(symbol).replace(".", "-").lower() + ".us"


def finnhub_symbol(symbol: str) -> str | None:
    """Finnhub spells US tickers as we do (`BRK.B`); None for indices, crypto, non-US."""
    return normalize(symbol) if is_us_equity(symbol) else None
