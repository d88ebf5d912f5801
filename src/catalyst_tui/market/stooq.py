"""Stooq CSV: batched quotes (`/q/l/`, many symbols per request) and daily history (`/q/d/l/`).

Stooq answers every failure with HTTP 200 and text: the daily quota message, an HTML page, `N/D`
fields for an unknown symbol, "No data" for an unknown history. So nothing is a price until the
CSV header row has been seen. Its quotes carry no previous close (prev_close/change are None).
Only US equities (`alab.us`) are asked for; indices and crypto are skipped.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

from .bounds import checked_bars, checked_quote
from .http.errors import html_page
from .models import Bar, FetchError, FetchKind, Quote
from .provider import History, QuoteProvider, QuoteResult, RequestSpec
from .spec import BuildContext, Built, ProviderSpec, base_url_only
from .symbols import stooq_symbol
from .values import number_text

if TYPE_CHECKING:  # read at start-up (its spec): the HTTP stack comes with the refresh
    from collections.abc import Callable, Sequence

    from .http.client import MarketClient

QUOTE_HEADER = ("Symbol", "Date", "Time", "Open", "High", "Low", "Close", "Volume")
HISTORY_HEADER = ("Date", "Open", "High", "Low", "Close")
QUOTA_TEXT = "exceeded the daily hits limit"
# Stooq stamps quotes in Warsaw time (a US close at 16:00 New York reads 22:00).
STOOQ_TIMEZONE = ZoneInfo("Europe/Warsaw")
NAME = "stooq"


class StooqSettings(NamedTuple):
    """[providers.stooq]: keyless, with a daily request quota."""

    base_url: str = "https://stooq.com"  # quotes (/q/l/) and daily history (/q/d/l/)


class StooqProvider(QuoteProvider):
    name = NAME
    has_history = True

    def __init__(
        self,
        base_url: str,
        *,
        batch_size: int = 50,
        today: Callable[[], date] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.batch_size = batch_size
        self._today = today or (lambda: datetime.now(UTC).date())

    def supports(self, symbol: str) -> bool:
        return stooq_symbol(symbol) is not None

    def build_quote_requests(self, symbols: Sequence[str]) -> list[RequestSpec]:
        specs = []
        for i in range(0, len(symbols), self.batch_size):
            batch = tuple(symbols[i : i + self.batch_size])
            codes = "+".join(_code(s) for s in batch)
            url = f"{self.base_url}/q/l/?s={codes}&f=sd2t2ohlcvn&h&e=csv"
            specs.append(RequestSpec(url, batch))
        return specs

    def transform_quotes(self, body: str, symbols: Sequence[str]) -> dict[str, QuoteResult]:
        try:
            rows = _csv_rows(body, QUOTE_HEADER)
        except FetchError as error:
            return {symbol: error.for_symbol(symbol) for symbol in symbols}
        wanted = {_code(s).upper(): s for s in symbols}
        results: dict[str, QuoteResult] = {}
        for row, complete in rows:
            symbol = wanted.get(row.get("Symbol", "").strip().upper())
            if symbol is not None:
                results[symbol] = _quote_from_row(row, symbol, complete)
        for symbol in symbols:
            results.setdefault(
                symbol, FetchError("unknown_symbol", "not in stooq's answer", "stooq", symbol)
            )
        return results

    def history_url(self, symbol: str, start: date | None) -> str:
        today = self._today()
        first = start if start is not None else today - timedelta(days=365)
        return f"{self.base_url}/q/d/l/?s={_code(symbol)}&i=d&d1={first:%Y%m%d}&d2={today:%Y%m%d}"

    async def fetch_history(self, client: MarketClient, symbol: str, start: date | None) -> History:
        if not self.supports(symbol):
            return History([])
        body = await self.fetch_raw(client, RequestSpec(self.history_url(symbol, start), (symbol,)))
        return History(self.transform_history(body, symbol))

    def transform_history(self, body: str, symbol: str) -> list[Bar]:
        """Bars from a history CSV, oldest first; FetchError if the body is not that CSV."""
        if body.strip().lower().startswith("no data"):
            raise FetchError("unknown_symbol", "stooq has no history for it", "stooq", symbol)
        try:
            rows = _csv_rows(body, HISTORY_HEADER)
        except FetchError as error:
            raise error.for_symbol(symbol) from None
        bars = {}
        for row, complete in rows:
            if not complete:
                continue  # a cut-off last row: its close may be cut too
            try:
                close = _price(row.get("Close"), symbol)
                day = date.fromisoformat(row.get("Date", "").strip())
                if close is None:
                    continue
                bars[day] = Bar(
                    symbol=symbol,
                    day=day,
                    open=_price(row.get("Open"), symbol) or close,
                    high=_price(row.get("High"), symbol) or close,
                    low=_price(row.get("Low"), symbol) or close,
                    close=close,
                    volume=_volume(row.get("Volume"), symbol),
                    source="stooq",
                )
            except (FetchError, ValueError, OverflowError):  # "nan", 1e400: that row alone
                continue
        return checked_bars([bars[day] for day in sorted(bars)])


def _code(symbol: str) -> str:
    code = stooq_symbol(symbol)
    if code is None:
        raise ValueError(f"stooq does not carry {symbol!r}")
    return code


def _csv_rows(body: str, header: tuple[str, ...]) -> list[tuple[dict[str, str], bool]]:
    """(row as a dict, has every column) for each data row, once the body has proved to be
    Stooq's CSV with that header."""
    text = body.strip().lstrip("\ufeff")
    head = text[:300].lower()
    if QUOTA_TEXT in head:
        raise FetchError("quota", "stooq's daily request quota is used up", "stooq")
    if head.startswith("<") or "<html" in head:
        raise html_page("stooq", "CSV")
    try:
        head_row, *rows = list(csv.reader(io.StringIO(text))) or [[]]
    except csv.Error as exc:
        raise FetchError("bad_body", f"unreadable CSV ({exc})", "stooq") from None
    columns = [c.strip() for c in head_row]
    if tuple(columns[: len(header)]) != header:
        raise FetchError("bad_body", f"no CSV header row (got {text[:40]!r})", "stooq")
    return [
        (dict(zip(columns, row, strict=False)), len(row) == len(columns)) for row in rows if row
    ]


def _quote_from_row(row: dict[str, str], symbol: str, complete: bool) -> QuoteResult:
    if "N/D" in (row.get("Date"), row.get("Close")):
        return FetchError("unknown_symbol", "stooq has no data for it (N/D)", "stooq", symbol)
    if not complete:
        return FetchError("bad_body", "cut-off CSV row", "stooq", symbol)
    try:
        price = _price(row.get("Close"), symbol)
        if price is None:
            return FetchError("bad_body", f"no price ({row.get('Close')!r})", "stooq", symbol)
        try:
            stamp = f"{row['Date'].strip()}T{(row.get('Time') or '00:00:00').strip()}"
            local = datetime.fromisoformat(stamp).replace(tzinfo=STOOQ_TIMEZONE)
        except (KeyError, ValueError):
            return FetchError("bad_body", f"bad date {row.get('Date')!r}", "stooq", symbol)
        return checked_quote(
            Quote(
                symbol=symbol,
                price=price,
                prev_close=None,
                change=None,
                change_pct=None,
                currency="USD",  # only .us listings are asked for
                market_state=None,
                quote_time=local.astimezone(UTC),
                source="stooq",
                day_high=_price(row.get("High"), symbol),
                day_low=_price(row.get("Low"), symbol),
                volume=_volume(row.get("Volume"), symbol),
            )
        )
    except FetchError as error:
        return error


def _price(text: str | None, symbol: str) -> float | None:
    """A price field: None when empty, not a number (N/D) or not above zero."""
    number = number_text(text, "stooq", symbol)
    return number if number is not None and number > 0 else None


def _volume(text: str | None, symbol: str) -> int | None:
    """A volume field: None when empty or not a number; whole, its range checked by bounds."""
    number = number_text(text, "stooq", symbol)
    return None if number is None else int(number)


def build(settings: StooqSettings, context: BuildContext) -> Built:
    """Quotes and history when chosen (settings.providers)."""
    if NAME not in context.selected:
        return Built()
    return Built(quotes=StooqProvider(settings.base_url))


STOOQ = ProviderSpec(
    name=NAME,
    settings=StooqSettings,
    serves=frozenset({FetchKind.QUOTES, FetchKind.HISTORY}),
    build=build,
    urls=base_url_only,
    default=True,
)
