"""Yahoo's intraday chart: the v8 chart endpoint at 5-minute bars over the last session (1D) and
15-minute bars over the last five (5D), with the sessions' times and the exchange's time zone.

`/v8/finance/chart/{symbol}?range=1d&interval=5m&includePrePost=false` answers in the daily
chart's shape: `timestamp` (each bar's start, epoch seconds), `indicators.quote[0]` with the
open/high/low/close/volume columns (a bar nobody traded in holds nulls: it is left out), and in
`meta` the `exchangeTimezoneName`, the `gmtoffset` and `tradingPeriods`: one list per session
of `{start, end}` (a `{"pre", "regular", "post"}` object of such lists when pre- and post-market
are asked for too). A window without a session (a weekend's 1m chart, recorded in
realdata/yahoo_chart) has neither `timestamp` nor columns: no bars, which is an answer, not an
error. Errors are the daily chart's (provider.py): a 404 with `chart.error`, an HTML page, a
cut-off body.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..bounds import AHEAD, MAX_PRICE
from ..intraday import SPANS, IntradayBar, IntradayChart, Session, known_zone
from ..models import FetchError
from ..provider import IntradaySource, RequestSpec, body_shape
from ..symbols import yahoo_path
from ..values import epoch, positive, whole
from .chart import cell, chart_columns
from .provider import YahooProvider
from .quote import bad_body

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..http.client import MarketClient

__all__ = ["YahooIntraday", "fetch_intraday", "intraday_url", "read_intraday"]


class YahooIntraday(IntradaySource):
    """Intraday charts from Yahoo's v8 chart, for the registry (yahoo/__init__.py)."""

    name = YahooProvider.name  # the package's NAME: its __init__ imports this module

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    async def intraday(
        self, client: MarketClient, symbol: str, span: str, now: datetime
    ) -> IntradayChart:
        return await fetch_intraday(client, self.base_url, symbol, span, lambda: now)


def intraday_url(base_url: str, symbol: str, span: str) -> str:
    """The chart request of `span` (a key of SPANS), regular session only."""
    wanted = SPANS[span]
    return (
        f"{base_url.rstrip('/')}/v8/finance/chart/{yahoo_path(symbol)}"
        f"?range={wanted.range}&interval={wanted.interval}&includePrePost=false"
    )


async def fetch_intraday(
    client: MarketClient,
    base_url: str,
    symbol: str,
    span: str,
    now: Callable[[], datetime] | None = None,
) -> IntradayChart:
    """The intraday chart of `symbol` over `span`; FetchError when Yahoo gives none."""
    provider = YahooProvider(base_url, now=now)
    spec = RequestSpec(intraday_url(base_url, symbol, span), (symbol,))
    body = await provider.fetch_raw(client, spec)
    return read_intraday(body, symbol, span, (now or (lambda: datetime.now(UTC)))())


def read_intraday(body: str, symbol: str, span: str, now: datetime) -> IntradayChart:
    """The chart in a v8 answer (pure); FetchError for an error answer or a value out of range."""
    with body_shape("yahoo", symbol):
        result = YahooProvider("", now=lambda: now).chart_result(body, symbol)
        found = result.get("meta")
        meta: dict[str, Any] = found if isinstance(found, dict) else {}
        offset = whole(meta.get("gmtoffset")) or 0
        if abs(offset) > 86_400:
            raise bad_body(symbol, f"gmtoffset {offset} is no time zone")
        zone = meta.get("exchangeTimezoneName")
        return IntradayChart(
            symbol=symbol,
            span=span,
            bars=_bars(result, symbol, now),
            sessions=_sessions(meta, symbol),
            zone=zone if isinstance(zone, str) and known_zone(zone) else "",
            utc_offset=offset,
            previous_close=_price(meta.get("chartPreviousClose"), symbol, "chartPreviousClose"),
        )


def _bars(result: dict[str, Any], symbol: str, now: datetime) -> tuple[IntradayBar, ...]:
    timestamps, columns = chart_columns(result, symbol)
    latest = now + AHEAD
    bars: dict[datetime, IntradayBar] = {}
    for i, stamp in enumerate(timestamps):
        at = epoch(stamp, "yahoo", symbol)
        close = _price(cell(columns["close"], i), symbol, "a bar's close")
        if at is None or close is None:  # a bar nobody traded in: nulls
            continue
        if at > latest:
            raise bad_body(symbol, f"a bar is dated {at:%Y-%m-%d %H:%M} UTC, in the future")
        volume = whole(cell(columns["volume"], i))
        bars[at] = IntradayBar(
            at,
            _price(cell(columns["open"], i), symbol, "a bar's open") or close,
            _price(cell(columns["high"], i), symbol, "a bar's high") or close,
            _price(cell(columns["low"], i), symbol, "a bar's low") or close,
            close,
            volume if volume is not None and volume >= 0 else None,
        )
    return tuple(bars[at] for at in sorted(bars))


def _sessions(meta: dict[str, Any], symbol: str) -> tuple[Session, ...]:
    """The regular sessions of `tradingPeriods` (a list of lists, or its "regular" part), else
    the one of `currentTradingPeriod`."""
    periods = meta.get("tradingPeriods")
    if isinstance(periods, dict):
        periods = periods.get("regular")
    entries: list[object] = []
    if isinstance(periods, list):
        for day in periods:
            entries.extend(day if isinstance(day, list) else [day])
    current = meta.get("currentTradingPeriod")
    if not entries and isinstance(current, dict):
        entries.append(current.get("regular"))
    sessions = set()
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        start = epoch(entry.get("start"), "yahoo", symbol)
        end = epoch(entry.get("end"), "yahoo", symbol)
        if start is not None and end is not None and start < end:
            sessions.add(Session(start, end))
    return tuple(sorted(sessions))


def _price(value: object, symbol: str, name: str) -> float | None:
    price = positive(value)
    if price is not None and price > MAX_PRICE:
        raise FetchError("bad_body", f"{name} is {price:.6g}, out of range", "yahoo", symbol)
    return price
