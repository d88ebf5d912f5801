"""Nasdaq's quote page API, keyless: `/api/quote/{SYMBOL}/info?assetclass=stocks`, one US listing
a request (an ETF is asked again as `assetclass=etf`). Its settings and spec. Chosen by naming it
in settings.providers, as a fallback for the symbols the providers before it could not quote.

Its figures are text for a web page: `"$229.87"`, `"+1.36"`, `"+0.60%"`, `"38,168,252"`, `"N/A"`,
and the time as `"Nov 22, 2024 4:00 PM ET"` (New York), sometimes after words ("DATA AS OF ...")
or without the time of day (the day's close is meant: 16:00 New York, never later than now). A
figure that is not plainly a number is no figure; a price without a day it was traded on is no
quote. An unknown symbol is HTTP 200 with `data: null` and `status.rCode` 400.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote as urlquote

from ..reading.moments import NEW_YORK
from .bounds import checked_quote
from .http.errors import html_page, raise_for_status
from .models import FetchError, FetchKind, MarketState, Quote
from .provider import QuoteProvider, QuoteResult, RequestSpec
from .spec import BuildContext, Built, ProviderSpec, base_url_only
from .symbols import finnhub_symbol
from .values import decode_json

if TYPE_CHECKING:  # read at start-up (its spec): the HTTP stack comes with the refresh
    from collections.abc import Callable, Sequence

    from .http.client import MarketClient

NAME = "nasdaq"
# What the page's own requests send: without them the API answers slowly or not at all.
HEADERS = (
    ("Accept", "application/json, text/plain, */*"),
    ("Origin", "https://www.nasdaq.com"),
    ("Referer", "https://www.nasdaq.com/"),
)
_NUMBER = re.compile(r"[+-]?\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?%?")
_MOMENT = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4})"
    r"(?: (\d{1,2}):(\d{2}) ([AP]M) ET)?\b"
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_STATES: dict[str, MarketState] = {
    "Open": "REGULAR",
    "Pre-Market": "PRE",
    "After-Hours": "POST",
    "Closed": "CLOSED",
}


class NasdaqSettings(NamedTuple):
    """[providers.nasdaq]: keyless; one request a symbol."""

    base_url: str = "https://api.nasdaq.com"  # /api/quote/{SYMBOL}/info


class NasdaqProvider(QuoteProvider):
    name = NAME

    def __init__(self, base_url: str, now: Callable[[], datetime] | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._now = now or (lambda: datetime.now(UTC))

    def supports(self, symbol: str) -> bool:
        return finnhub_symbol(symbol) is not None  # US listings, spelt as ours (BRK.B)

    def info_url(self, symbol: str, asset_class: str = "stocks") -> str:
        code = urlquote(finnhub_symbol(symbol) or symbol, safe="")
        return f"{self.base_url}/api/quote/{code}/info?assetclass={asset_class}"

    def build_quote_requests(self, symbols: Sequence[str]) -> list[RequestSpec]:
        return [RequestSpec(self.info_url(s), (s,), HEADERS) for s in symbols]

    async def fetch_raw(self, client: MarketClient, spec: RequestSpec) -> str:
        """The stock's answer; an ETF's (asked again) when the stock's knows no such symbol."""
        symbol = spec.symbols[0]
        body = await self._get(client, spec.url, symbol)
        if _unknown(body):
            return await self._get(client, self.info_url(symbol, "etf"), symbol)
        return body

    async def _get(self, client: MarketClient, url: str, symbol: str) -> str:
        response = await client.get(self.name, url, headers=dict(HEADERS), symbol=symbol)
        raise_for_status(response, self.name, symbol)
        return response.text

    def transform_quotes(self, body: str, symbols: Sequence[str]) -> dict[str, QuoteResult]:
        symbol = symbols[0]
        try:
            return {symbol: self.quote(body, symbol)}
        except FetchError as error:
            return {symbol: error}

    def quote(self, body: str, symbol: str) -> Quote:
        if body.lstrip().startswith("<"):
            raise html_page(self.name, "JSON", symbol)
        answer = decode_json(body, self.name, symbol)
        data = answer.get("data") if isinstance(answer, dict) else None
        if not isinstance(data, dict):
            raise FetchError("unknown_symbol", "nasdaq knows no such symbol", self.name, symbol)
        primary = data.get("primaryData")
        if not isinstance(primary, dict):
            raise FetchError("bad_body", "no primaryData in the answer", self.name, symbol)
        price = figure(primary.get("lastSalePrice"))
        if price is None or price <= 0:
            raise FetchError(
                "bad_body", f"no price ({primary.get('lastSalePrice')!r:.40})", self.name, symbol
            )
        moment = trade_time(primary.get("lastTradeTimestamp"), self._now())
        if moment is None:
            raise FetchError(
                "bad_body",
                "no day the last sale was on (lastTradeTimestamp: "
                f"{primary.get('lastTradeTimestamp')!r:.40})",
                self.name,
                symbol,
            )
        change = figure(primary.get("netChange"))
        percent = figure(primary.get("percentageChange"))
        stats = data.get("keyStats")
        stats = stats if isinstance(stats, dict) else {}
        year_low, year_high = span(stats.get("fiftyTwoWeekHighLow"))
        day_low, day_high = span(stats.get("dayrange"))
        volume = figure(primary.get("volume"))
        state = data.get("marketStatus")
        quote = Quote(
            symbol=symbol,
            price=price,
            prev_close=_previous(price, change),
            change=change,
            change_pct=percent / 100 if percent is not None else None,
            currency="USD",  # only US listings are asked for
            market_state=_STATES.get(state) if isinstance(state, str) else None,
            quote_time=moment,
            source=self.name,
            day_high=day_high,
            day_low=day_low,
            volume=int(volume) if volume is not None and volume.is_integer() else None,
            fifty_two_week_high=year_high,
            fifty_two_week_low=year_low,
        )
        return checked_quote(quote, self._now())


def _previous(price: float, change: float | None) -> float | None:
    """The previous close the page's price and change imply (to a millionth: no float noise)."""
    if change is None or price - change <= 0:
        return None
    return round(price - change, 6)


def _unknown(body: str) -> bool:
    """Whether the answer is Nasdaq's "Symbol not exists" (`data: null`, rCode 400)."""
    try:
        answer = decode_json(body, NAME)
    except FetchError:
        return False
    return isinstance(answer, dict) and answer.get("data") is None


def figure(text: object) -> float | None:
    """A page figure as a number: "$1,234.50" -> 1234.5, "+1.36" -> 1.36, "-0.52%" -> -0.52;
    None for "N/A", "UNCH", "" or anything not wholly one number."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    value = float(match.group(1).replace(",", "") + (match.group(2) or ""))
    return -value if text.startswith("-") else value


def span(stat: object) -> tuple[float | None, float | None]:
    """(low, high) of a key statistic `{"value": "164.08 - 237.49"}`; (None, None) unless both
    ends are numbers and the low is the lower."""
    value = stat.get("value") if isinstance(stat, dict) else None
    if not isinstance(value, str) or value.count(" - ") != 1:
        return None, None
    low, high = (figure(part) for part in value.split(" - "))
    if low is None or high is None or not 0 < low <= high:
        return None, None
    return low, high


def trade_time(text: object, now: datetime) -> datetime | None:
    """The moment of "Nov 22, 2024 4:00 PM ET" (New York) in UTC; a day without a time is that
    day's close (16:00 New York), or now when that is still to come; None without a day."""
    match = _MOMENT.search(text) if isinstance(text, str) else None
    if match is None:
        return None
    month, day, year, hour, minute, half = match.groups()
    try:
        if hour is None:
            local = datetime(int(year), _MONTHS.index(month) + 1, int(day), 16, 0, tzinfo=NEW_YORK)
        else:
            clock = int(hour) % 12 + (12 if half == "PM" else 0)
            local = datetime(
                int(year), _MONTHS.index(month) + 1, int(day), clock, int(minute), tzinfo=NEW_YORK
            )
    except ValueError:  # "Feb 30, 2025", "4:75 PM"
        return None
    return min(local.astimezone(UTC), now.astimezone(UTC))


def build(settings: NasdaqSettings, context: BuildContext) -> Built:
    """Quotes when chosen (settings.providers)."""
    if NAME not in context.selected:
        return Built()
    return Built(quotes=NasdaqProvider(settings.base_url, context.now))


NASDAQ = ProviderSpec(
    name=NAME,
    settings=NasdaqSettings,
    serves=frozenset({FetchKind.QUOTES}),
    build=build,
    rate_limit=2.0,  # one request a symbol: kept gentle, as its web page's own API
    urls=base_url_only,
)
