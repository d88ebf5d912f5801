"""Finnhub with a free API key: `/api/v1/quote` and the earnings calendar; no history (daily
candles are a paid feature). Its settings and spec.

The key travels in the `X-Finnhub-Token` header, which Finnhub accepts as well as `?token=`, so it
is never part of a URL that a log line or an error message could repeat; every message built from
an answer is redacted anyway. An unknown symbol is HTTP 200 with every field 0.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote as urlquote

from .bounds import checked_earnings, checked_quote
from .http.errors import html_page, raise_for_status
from .models import EarningsDate, FetchError, FetchKind, Quote
from .provider import EarningsSource, QuoteProvider, QuoteResult, RequestSpec
from .spec import BuildContext, Built, ProviderSpec, Unavailable, base_url_only
from .symbols import finnhub_symbol
from .values import decode_json, epoch, number, positive

if TYPE_CHECKING:  # read at start-up (its spec): the HTTP stack comes with the refresh
    from collections.abc import Mapping, Sequence

    from .http.client import MarketClient

TOKEN_HEADER = "X-Finnhub-Token"
NAME = "finnhub"


class FinnhubSettings(NamedTuple):
    """[providers.finnhub]: the key is never in the file, only where to find it."""

    base_url: str = "https://finnhub.io"  # /api/v1/quote and /api/v1/calendar/earnings
    api_key_env: str = "FINNHUB_API_KEY"  # the environment variable holding the free key


class FinnhubProvider(QuoteProvider):
    name = NAME

    def __init__(self, api_key: str, base_url: str) -> None:
        if not api_key or not api_key.strip():
            raise ValueError("Finnhub needs an API key (providers.finnhub.api_key_env)")
        self.base_url = base_url.rstrip("/")
        self._key = api_key.strip()
        # A body may echo the key in another case ("INVALID KEY SK-..."): redacted all the same.
        self._key_pattern = re.compile(re.escape(self._key), re.IGNORECASE)

    def supports(self, symbol: str) -> bool:
        return finnhub_symbol(symbol) is not None

    @property
    def auth_headers(self) -> tuple[tuple[str, str], ...]:
        return ((TOKEN_HEADER, self._key),)

    def redact(self, text: str) -> str:
        return self._key_pattern.sub("***", text)

    def build_quote_requests(self, symbols: Sequence[str]) -> list[RequestSpec]:
        return [
            RequestSpec(
                f"{self.base_url}/api/v1/quote?symbol={urlquote(finnhub_symbol(s) or s, safe='')}",
                (s,),
                self.auth_headers,
            )
            for s in symbols
        ]

    async def fetch_raw(self, client: MarketClient, spec: RequestSpec) -> str:
        return await self.get_text(client, spec.url, spec.symbols[0])

    async def get_text(
        self,
        client: MarketClient,
        url: str,
        symbol: str | None,
        params: Mapping[str, str] | None = None,
    ) -> str:
        """GET with the key; 401/403 become "auth". Every FetchError leaves redacted."""
        try:
            response = await client.get(
                self.name, url, params=params, headers=dict(self.auth_headers), symbol=symbol
            )
            if response.status_code in (401, 403):
                raise FetchError(
                    "auth", self._error_text(response.text, response.status_code), self.name, symbol
                )
            raise_for_status(response, self.name, symbol)
        except FetchError as error:
            raise error.with_message(self.redact(error.message)) from None
        return response.text

    def transform_quotes(self, body: str, symbols: Sequence[str]) -> dict[str, QuoteResult]:
        symbol = symbols[0]
        try:
            return {symbol: self._quote(self.decode(body, symbol), symbol)}
        except FetchError as error:
            return {symbol: error.with_message(self.redact(error.message))}

    def decode(self, body: str, symbol: str | None) -> dict[str, Any]:
        """The JSON object of an answer; `{"error": ...}` is "auth", anything else non-JSON bad."""
        if body.lstrip().startswith("<"):
            raise html_page(self.name, "JSON", symbol)
        try:
            data = decode_json(body, self.name, symbol)
        except FetchError as error:
            raise error.with_message(self.redact(error.message)) from None
        if not isinstance(data, dict):
            raise FetchError("bad_body", "answer is not a JSON object", self.name, symbol)
        if data.get("error"):
            raise FetchError("auth", self.redact(str(data["error"])), self.name, symbol)
        return data

    def _quote(self, data: dict[str, Any], symbol: str) -> Quote:
        price = positive(data.get("c"))
        if price is None:
            if not any(positive(data.get(k)) for k in ("c", "h", "l", "o", "pc", "t")):
                raise FetchError(
                    "unknown_symbol", "finnhub knows no such symbol (all zeros)", self.name, symbol
                )
            raise FetchError("bad_body", f"no price (c={data.get('c')!r})", self.name, symbol)
        stamp = epoch(data.get("t"), self.name, symbol)
        if stamp is None or positive(data.get("t")) is None:
            raise FetchError("bad_body", "no quote time (t)", self.name, symbol)
        prev_close = positive(data.get("pc"))
        change = number(data.get("d"))
        if change is None and prev_close is not None:
            change = price - prev_close
        change_pct = number(data.get("dp"))
        if change_pct is not None:
            change_pct /= 100  # Finnhub gives percent
        elif change is not None and prev_close:
            change_pct = change / prev_close
        quote = Quote(
            symbol=symbol,
            price=price,
            prev_close=prev_close,
            change=change,
            change_pct=change_pct,
            currency="USD",  # only US listings are asked for
            market_state=None,
            quote_time=stamp,
            source=self.name,
            day_high=positive(data.get("h")),
            day_low=positive(data.get("l")),
        )
        return checked_quote(quote)

    def _error_text(self, body: str, status: int) -> str:
        try:
            detail = decode_json(body, self.name).get("error")
        except (FetchError, AttributeError):
            detail = None
        return self.redact(f"HTTP {status}: {detail or 'key refused'}")


class FinnhubEarnings(EarningsSource):
    """Finnhub's earnings calendar for one symbol, from today to `horizon_days` ahead."""

    name = "finnhub"

    def __init__(self, api_key: str, base_url: str, *, horizon_days: int = 120) -> None:
        self._quotes = FinnhubProvider(api_key, base_url)  # same key handling and redaction
        self.base_url = self._quotes.base_url
        self.horizon_days = horizon_days

    async def next_earnings(
        self, client: MarketClient, symbol: str, today: date
    ) -> EarningsDate | None:
        wanted = finnhub_symbol(symbol)
        if wanted is None:
            return None
        until = today + timedelta(days=self.horizon_days)
        try:
            params = {"from": today.isoformat(), "to": until.isoformat(), "symbol": wanted}
            body = await self._quotes.get_text(
                client, f"{self.base_url}/api/v1/calendar/earnings", symbol, params
            )
            data = self._quotes.decode(body, symbol)
        except FetchError as error:
            raise error.with_message(self._quotes.redact(error.message)) from None
        return parse_finnhub_calendar(data, symbol, today)


def parse_finnhub_calendar(data: dict[str, Any], symbol: str, today: date) -> EarningsDate | None:
    """The earliest calendar entry for `symbol` dated >= today. Finnhub has no estimate flag."""
    entries = data.get("earningsCalendar")
    if not isinstance(entries, list):
        raise FetchError("bad_body", "no earningsCalendar in the answer", "finnhub", symbol)
    wanted = (finnhub_symbol(symbol) or symbol).upper()
    days = []
    for entry in entries:
        if not isinstance(entry, dict) or str(entry.get("symbol", "")).upper() != wanted:
            continue
        try:
            day = date.fromisoformat(str(entry.get("date")))
        except ValueError:
            continue
        if day >= today:
            days.append(day)
    return checked_earnings(
        EarningsDate(symbol, min(days), "finnhub", False) if days else None, today
    )


def build(settings: FinnhubSettings, context: BuildContext) -> Built:
    """Quotes and earnings dates when chosen and its key is set; Unavailable when it is not."""
    if NAME not in context.selected:
        return Built()
    key = context.env.get(settings.api_key_env, "").strip()
    if not key:
        raise Unavailable(
            f"skipped, ${settings.api_key_env} is not set "
            "(get a free key at finnhub.io and export it)"
        )
    return Built(
        quotes=FinnhubProvider(key, settings.base_url),
        earnings=FinnhubEarnings(key, settings.base_url),
    )


FINNHUB = ProviderSpec(
    name=NAME,
    settings=FinnhubSettings,
    serves=frozenset({FetchKind.QUOTES, FetchKind.EARNINGS}),
    build=build,
    rate_limit=1.0,  # the free tier's 60 requests a minute
    urls=base_url_only,
    first_for=frozenset({FetchKind.EARNINGS}),  # its calendar, keyed, before Yahoo's
)
