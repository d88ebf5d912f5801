"""Yahoo's next earnings dates: v10 quoteSummary calendarEvents, with the cookie and crumb.

The v10 API wants the A3 cookie and the crumb (session.py); the crumb is fetched again, once,
when an answer is 401 "Invalid Crumb". Dates are taken as calendar days of the listing's own
exchange (market/exchanges.py: Ocado's 02:00 UTC stamp is that day in London); the earliest one
>= today wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..bounds import checked_earnings
from ..exchanges import listing_day
from ..http.errors import raise_for_status
from ..models import EarningsDate, ErrorKind, FetchError, YahooSession
from ..provider import EarningsSource, body_shape
from ..symbols import yahoo_path
from ..values import decode_json, epoch
from .session import YahooCrumb

if TYPE_CHECKING:
    from datetime import date

    import httpx

    from ..http.client import MarketClient


class YahooEarnings(EarningsSource):
    """calendarEvents from Yahoo's quoteSummary, with the session of a YahooCrumb (its own, or
    the one the quote batches use)."""

    name = "yahoo"

    def __init__(self, base_url: str, cookie_url: str, crumb: YahooCrumb | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.crumb = crumb or YahooCrumb(base_url, cookie_url)

    async def next_earnings(
        self, client: MarketClient, symbol: str, today: date
    ) -> EarningsDate | None:
        body = await quote_summary(
            client, self.crumb, self.base_url, symbol, {"modules": "calendarEvents"}
        )
        return parse_calendar_events(body, symbol, today)


async def quote_summary(
    client: MarketClient, crumb: YahooCrumb, base_url: str, symbol: str, params: dict[str, str]
) -> str:
    """The body of quoteSummary's answer for `symbol` (the modules `params` name), asked with
    the crumb's session; its 404 for a symbol without fundamentals is an answer to read, any
    other error status a FetchError."""

    async def ask(session: YahooSession) -> httpx.Response:
        url = f"{base_url}/v10/finance/quoteSummary/{yahoo_path(symbol)}"
        return await client.get(
            "yahoo",
            url,
            params={**params, "crumb": session.crumb},
            headers=crumb.headers(session),
            symbol=symbol,
        )

    response = await crumb.ask(client, ask)
    if response.status_code != 404 or '"quoteSummary"' not in response.text:
        raise_for_status(response, "yahoo", symbol)
    return response.text


# Yahoo's answer for a real symbol that reports no earnings (an ETF, a fund, crypto, FX, a future,
# an index): HTTP 404, code "Not Found", this description. An unknown symbol says "Quote not found".
NO_CALENDAR = "No fundamentals data found"


def parse_calendar_events(body: str, symbol: str, today: date) -> EarningsDate | None:
    """The earliest earnings date >= today in a quoteSummary calendarEvents body; None when
    there is none, also for a symbol that has no earnings calendar at all."""
    result = summary_result(body, symbol)
    if result is None:
        return None
    with body_shape("yahoo", symbol):
        result["calendarEvents"].get("earnings")  # the module asked for: its absence is no answer
    return next_date(result, symbol, today)


def summary_result(body: str, symbol: str) -> dict[str, Any] | None:
    """The modules of a quoteSummary answer (its first result); None for a real symbol Yahoo
    keeps no fundamentals of (NO_CALENDAR); FetchError for any other error or shape."""
    data = decode_json(body, "yahoo", symbol)
    summary = data.get("quoteSummary") if isinstance(data, dict) else None
    if summary is None:
        raise FetchError("bad_body", "not a quoteSummary answer", "yahoo", symbol)
    with body_shape("yahoo", symbol):
        error = summary.get("error")
        if error:
            code = error.get("code") if isinstance(error, dict) else None
            if code == "Not Found" and _description(error).startswith(NO_CALENDAR):
                return None
            kind: ErrorKind = "unknown_symbol" if code == "Not Found" else "bad_body"
            raise FetchError(kind, f"{code or 'error'}: {_description(error)}", "yahoo", symbol)
        result = summary["result"][0]
        if not isinstance(result, dict):
            raise TypeError("result is no object")
    return result


def next_date(result: dict[str, Any], symbol: str, today: date) -> EarningsDate | None:
    """The earliest earnings date >= today (the listing's) in a quoteSummary result's
    calendarEvents, each stamp read as a day of the listing's exchange."""
    with body_shape("yahoo", symbol):
        earnings = (result.get("calendarEvents") or {}).get("earnings") or {}
        days = [_market_day(stamp, symbol) for stamp in earnings.get("earningsDate") or []]
        estimate = bool(earnings.get("isEarningsDateEstimate", len(days) > 1))
    upcoming = sorted(day for day in days if day is not None and day >= today)
    found = EarningsDate(symbol, upcoming[0], "yahoo", estimate) if upcoming else None
    return checked_earnings(found, today)


def _market_day(stamp: object, symbol: str) -> date | None:
    """The day of an earnings stamp on the listing's exchange (a report at 20:30 New York is
    00:30 UTC the next day; Ocado's 02:00 UTC is that day in London)."""
    if isinstance(stamp, dict):  # older answers: {"raw": 1746010740, "fmt": "2025-04-30"}
        stamp = stamp.get("raw")
    moment = epoch(stamp, "yahoo", symbol)
    return None if moment is None else listing_day(moment, symbol)


def _description(error: object) -> str:
    return str(error.get("description")) if isinstance(error, dict) else str(error)
