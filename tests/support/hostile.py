"""Hostile answers for the loopback market (market_server.py): each provider's real answer with
one absurd value in it, a body nested too deep to decode, and a gzip body that inflates to a
gibibyte. Plain module, no pytest.

Value faults, by endpoint (the rest of the answer stays as it was):

- huge_volume (1e30), negative_volume: Yahoo chart: the meta's and the last bar's volume;
  Stooq: Volume; SEC companyfacts: the latest quarter's revenue `val` (huge only: a loss is no
  absurdity).
- far_future (3000-01-02): Yahoo chart: the last bar's timestamp; Stooq: Date; Finnhub: the
  quote's `t`, the calendar's date; Yahoo calendar: earningsDate; SEC: each concept's latest
  quarter's `filed`.
- nan, infinity, overflow (1e400): Yahoo chart: the last bar's close; Stooq: Close; Finnhub: the
  quote's `d`, the calendar's epsEstimate; Yahoo calendar: earningsDate; SEC: the latest
  quarter's revenue `val`.
- Yahoo v7 quote batch: the rows of the faulted symbols only: huge/negative volume in
  regularMarketVolume, far_future in regularMarketTime, a non-finite regularMarketPrice.
- deep_json: every JSON answer replaced by an array nested 100,000 deep.
"""

from __future__ import annotations

import functools
import json
import struct
import zlib
from datetime import UTC, datetime
from typing import Any

FAR_FUTURE = datetime(3000, 1, 2, 14, 30, tzinfo=UTC)
HUGE_VOLUME = 10**30
NEGATIVE_VOLUME = -5000
# JSON spells these, and Python's json reads them: NaN, Infinity, and 1e400 (a float beyond range).
NON_FINITE = {"nan": "NaN", "infinity": "Infinity", "overflow": "1e400"}
CSV_NON_FINITE = {"nan": "nan", "infinity": "inf", "overflow": "1e400"}
VOLUMES = {"huge_volume": HUGE_VOLUME, "negative_volume": NEGATIVE_VOLUME}
VALUE_FAULTS = frozenset({*VOLUMES, "far_future", *NON_FINITE, "deep_json"})
DEEP = 100_000  # levels of nesting: far past Python's recursion limit
_TOKEN = "@@number@@"  # stands for a non-finite number until the JSON text is written
_REVENUE = "RevenueFromContractWithCustomerExcludingAssessedTax"


def poison(
    kind: str, provider: str, endpoint: str, body: bytes | str, symbols: set[str]
) -> bytes | str:
    """`body` (the endpoint's real answer) with the value fault `kind` in it; for a Stooq batch
    only the rows of `symbols` (Stooq codes upper-cased: ALAB.US)."""
    text = body.decode() if isinstance(body, bytes) else body
    if provider == "stooq":
        return _poison_csv(kind, endpoint, text, symbols)
    if kind == "deep_json":
        return "[" * DEEP + "]" * DEEP
    data = json.loads(text)
    mangle = _JSON_FAULTS.get((provider, endpoint))
    token = NON_FINITE.get(kind)
    value: Any = VOLUMES.get(kind, _TOKEN if token else None)
    if (provider, endpoint) == ("yahoo", "quote"):
        mangle = functools.partial(_v7_quote, yahoo={_v7_symbol(code) for code in symbols})
    if mangle is None or not mangle(data, kind, value):
        return text  # nothing of that kind in this answer
    out = json.dumps(data)
    return out.replace(f'"{_TOKEN}"', token) if token else out


def _chart(data: dict, kind: str, value: Any) -> bool:
    result = data["chart"]["result"][0]
    series = result["indicators"]["quote"][0]
    if not result.get("timestamp"):
        return False
    if kind in VOLUMES:
        result["meta"]["regularMarketVolume"] = value
        series["volume"][-1] = value
    elif kind == "far_future":
        result["timestamp"][-1] = int(FAR_FUTURE.timestamp())
    else:
        series["close"][-1] = value
    return True


def _quote_summary(data: dict, kind: str, value: Any) -> bool:
    earnings = data["quoteSummary"]["result"][0]["calendarEvents"]["earnings"]
    if kind == "far_future":
        earnings["earningsDate"] = [int(FAR_FUTURE.timestamp())]
    elif kind in NON_FINITE:
        earnings["earningsDate"] = [value]
    else:
        return False
    return True


def _v7_symbol(stooq_code: str) -> str:
    """ALAB.US -> ALAB, BRK-B.US -> BRK-B: how the batch's rows name a symbol."""
    return stooq_code.removesuffix(".US")


def _v7_quote(data: dict, kind: str, value: Any, yahoo: set[str]) -> bool:
    rows = [r for r in data["quoteResponse"]["result"] if r.get("symbol") in yahoo]
    for row in rows:
        if kind in VOLUMES:
            row["regularMarketVolume"] = value
        elif kind == "far_future":
            row["regularMarketTime"] = int(FAR_FUTURE.timestamp())
        else:
            row["regularMarketPrice"] = value
    return bool(rows)


def _finnhub_quote(data: dict, kind: str, value: Any) -> bool:
    if kind == "far_future":
        data["t"] = int(FAR_FUTURE.timestamp())
    elif kind in NON_FINITE:
        data["d"] = value
    else:
        return False
    return True


def _finnhub_calendar(data: dict, kind: str, value: Any) -> bool:
    entries = data["earningsCalendar"]
    if not entries or kind in VOLUMES:
        return False
    for entry in entries:
        if kind == "far_future":
            entry["date"] = FAR_FUTURE.date().isoformat()
        else:
            entry["epsEstimate"] = value
    return True


def _companyfacts(data: dict, kind: str, value: Any) -> bool:
    concepts = data["facts"]["us-gaap"]
    if kind == "negative_volume":
        return False  # a negative amount is no absurdity: losses are
    if kind == "far_future":
        for concept in concepts.values():
            for entries in concept["units"].values():
                quarters = [e for e in entries if _is_quarter(e)] or entries
                quarters[-1]["filed"] = FAR_FUTURE.date().isoformat()
        return True
    revenue = concepts.get(_REVENUE) or concepts.get("Revenues")
    quarters = [e for e in (revenue or {}).get("units", {}).get("USD", []) if _is_quarter(e)]
    if not quarters:
        return False
    quarters[-1]["val"] = value  # the latest quarter: a value that becomes a fact
    return True


def _is_quarter(entry: dict) -> bool:
    try:
        start, end = (datetime.fromisoformat(entry[k]) for k in ("start", "end"))
    except (KeyError, TypeError, ValueError):
        return False
    return 80 <= (end - start).days <= 100


_JSON_FAULTS = {
    ("yahoo", "chart"): _chart,
    ("yahoo", "quoteSummary"): _quote_summary,
    ("finnhub", "quote"): _finnhub_quote,
    ("finnhub", "calendar"): _finnhub_calendar,
    ("sec", "companyfacts"): _companyfacts,
}


def _poison_csv(kind: str, endpoint: str, text: str, symbols: set[str]) -> str:
    """Stooq: the quote rows of `symbols`, or the last row of a history."""
    if kind == "deep_json":
        return text
    lines = text.splitlines()
    header = lines[0].split(",")
    if endpoint == "quote":
        rows = [i for i, line in enumerate(lines[1:], 1) if line.split(",")[0] in symbols]
    else:
        rows = [len(lines) - 1] if len(lines) > 1 else []
    column, value = {
        "huge_volume": ("Volume", str(HUGE_VOLUME)),
        "negative_volume": ("Volume", str(NEGATIVE_VOLUME)),
        "far_future": ("Date", FAR_FUTURE.date().isoformat()),
    }.get(kind) or ("Close", CSV_NON_FINITE[kind])
    at = header.index(column)
    for row in rows:
        cells = lines[row].split(",")
        if "N/D" not in cells:
            cells[at] = value
            lines[row] = ",".join(cells)
    return "\r\n".join(lines) + "\r\n"


@functools.cache
def gzip_bomb(size: int = 1 << 30) -> bytes:
    """A gzip body of about a MiB that inflates to `size` bytes of zeros (a multiple of a MiB).

    Built without the gibibyte: after a full flush a deflate stream starts afresh, so each MiB
    of zeros compresses to the same bytes, which are repeated; the CRC is computed a MiB at a
    time."""
    block = bytes(1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)  # raw deflate
    first = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush()
    crc = 0
    for _ in range(size >> 20):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    trailer = struct.pack("<II", crc, size & 0xFFFFFFFF)
    return header + first + again * ((size >> 20) - 1) + end + trailer
