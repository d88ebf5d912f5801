"""SEC's ticker → CIK map: company_tickers.json parsed, and a symbol's CIK looked up in it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ...text import well_formed_json
from ..models import Companies

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["SecFormatError", "cik_for", "parse_cik_map", "parse_companies"]


class SecFormatError(ValueError):
    """A SEC EDGAR response body that is not the documented shape."""


def parse_cik_map(body: bytes | str) -> dict[str, str]:
    """Parse company_tickers.json into {"AAPL": "0000320193"}; tickers upper-cased.

    Malformed entries are skipped (the first entry wins for a repeated ticker). Raises
    SecFormatError when the body is not that shape at all: not JSON (an HTML error page, a
    truncated download), not an object, or an object without a single usable entry.
    """
    return parse_companies(body).ciks


def parse_companies(body: bytes | str) -> Companies:
    """company_tickers.json's tickers, each with its CIK and its company's name as SEC has it
    (its "title": "Astera Labs, Inc."; "" where it has none), as `parse_cik_map` reads them."""
    data = json_object(body, "company_tickers", SecFormatError)
    ciks: dict[str, str] = {}
    names: dict[str, str] = {}
    for entry in data.values():
        if not isinstance(entry, dict):
            continue
        ticker = entry.get("ticker")
        cik = _format_cik(entry.get("cik_str"))
        if not isinstance(ticker, str) or cik is None:
            continue
        ticker = ticker.strip().upper()
        if ticker and ticker not in ciks:
            ciks[ticker] = cik
            title = entry.get("title")
            names[ticker] = " ".join(title.split())[:200] if isinstance(title, str) else ""
    if not ciks:
        raise SecFormatError("company_tickers body has no {cik_str, ticker} entries")
    return Companies(ciks, names)


def cik_for(symbol: str, cik_map: Mapping[str, str]) -> str | None:
    """The CIK for `symbol`; SEC spells class shares "BRK-B" where our symbols say "BRK.B"."""
    wanted = symbol.strip().upper()
    for candidate in (wanted, wanted.replace(".", "-"), wanted.replace("-", ".")):
        cik = cik_map.get(candidate)
        if cik is not None:
            return cik
    return None


def _format_cik(raw: object) -> str | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str) and raw.strip().isdecimal():
        raw = int(raw.strip())
    if isinstance(raw, int) and 0 < raw < 10**10:
        return f"{raw:010d}"
    return None


def json_object(body: bytes | str, what: str, error: type[ValueError]) -> dict[str, Any]:
    """A SEC answer that must be one JSON object (company_tickers, a submissions page): `error`
    (that reader's FormatError) naming `what` when it is not UTF-8, not JSON or not an object."""
    if isinstance(body, bytes | bytearray):
        try:
            text = bytes(body).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise error(f"{what} body is not UTF-8: {exc}") from None
    elif isinstance(body, str):
        text = body
    else:
        raise error(f"{what} body must be bytes or str, not {type(body).__name__}")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        start = " ".join(text[:60].split())
        raise error(f"{what} body is not JSON: {start!r}") from None
    if not isinstance(data, dict):
        raise error(f"{what} body is a JSON {type(data).__name__}, not an object")
    checked: dict[str, Any] = well_formed_json(data, text)
    return checked
