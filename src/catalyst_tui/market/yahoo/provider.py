"""Yahoo Finance: quotes from the v7 batch (market/yahoo/quote.py, up to 100 symbols a request,
with the cookie and crumb of market/yahoo/session.py); the v8 chart for history: daily bars and
the splits in the window (`events=div,splits`; the bars are restated for every split), five years
at first sight. When no crumb can be had, quotes fall back to one chart per symbol (`fallback`
says why).

No cookie or crumb is needed for the chart endpoint, only a browser User-Agent (the client's
default). An unknown symbol is HTTP 404 with `chart.error` set; Yahoo also answers HTML pages and
cut-off JSON with HTTP 200: all of those become FetchError, never a Quote.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from ..bounds import checked_quote, checked_splits
from ..http.errors import html_page, is_refusal, raise_for_status
from ..models import (
    Bar,
    ErrorKind,
    FetchError,
    Quote,
    Split,
    YahooSession,
)
from ..provider import History, QuoteProvider, QuoteResult, RequestSpec, body_shape
from ..symbols import yahoo_path
from ..values import decode_json, epoch, positive, whole
from .bars import chart_bars
from .chart import (
    chart_events,
    dividends_from_chart,
    local_day,
    market_state,
    offset_of,
    previous_close,
    since,
)
from .quote import (
    BATCH_SIZE,
    EarningsSeen,
    bad_body,
    batch_rows,
    batch_url,
    quotes_of,
    rows_by_symbol,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import httpx

    from ..http.client import MarketClient
    from .session import YahooCrumb

HALF_DEADLINE_FLOOR = 5.0  # seconds: the least a half of a batch that timed out is given


class YahooProvider(QuoteProvider):
    name = "yahoo"
    has_history = True

    def __init__(
        self,
        base_url: str,
        *,
        crumb: YahooCrumb | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """Without `crumb`, quotes come one chart per symbol (the v7 batch needs one)."""
        self.base_url = base_url.rstrip("/")
        self.crumb = crumb
        self._now = now or (lambda: datetime.now(UTC))
        # Next earnings dates the batches carried, by symbol (None: the row had none ahead).
        self.earnings_seen: EarningsSeen = EarningsSeen()

    async def uses_batches(self, client: MarketClient) -> bool:
        """v7 batches when a cookie and crumb can be had; else one chart per symbol."""
        if self.crumb is None:
            return False
        try:
            await self.crumb.session(client)
        except FetchError as error:
            self.fallback = f"no crumb ({error.message}): one chart per symbol"
            return False
        self.fallback = ""
        return True

    async def fetch_quotes(
        self, client: MarketClient, symbols: Sequence[str]
    ) -> dict[str, QuoteResult]:
        if self.crumb is None or self.fallback:
            return await super().fetch_quotes(client, symbols)
        wanted = list(dict.fromkeys(symbols))
        chunks = [wanted[i : i + BATCH_SIZE] for i in range(0, len(wanted), BATCH_SIZE)]
        results: dict[str, QuoteResult] = {}
        for answer in await asyncio.gather(*(self._batch(client, chunk) for chunk in chunks)):
            results.update(answer)
        # The kept crumb refused and no new one to be had (getcrumb answering Too Many
        # Requests): the batches are over for this pass, the charts need none.
        refused = {
            s: r for s, r in results.items() if isinstance(r, FetchError) and r.kind == "auth"
        }
        if refused:
            self.fallback = (
                f"no crumb ({next(iter(refused.values())).message}): one chart per symbol"
            )
            results.update(await super().fetch_quotes(client, list(refused)))
        return results

    async def _batch(
        self, client: MarketClient, symbols: list[str], deadline: float | None = None
    ) -> dict[str, QuoteResult]:
        """One batch; when its whole answer is unreadable for a reason that is no refusal (a
        cut-off or poisoned body, a 5xx, a dropped connection, no answer in time), each half is
        asked on its own, so one symbol's bad answer stays that symbol's (log2(100) = 7 levels
        at most). A half of a batch that timed out has half its time (HALF_DEADLINE_FLOOR at
        least): a symbol whose answer hangs costs the pass about twice a request's deadline,
        not one deadline per level."""
        assert self.crumb is not None
        try:
            response = await self.crumb.ask(
                client, lambda session: self._ask_batch(client, symbols, session, deadline)
            )
            raise_for_status(response, self.name)
            rows = batch_rows(response.text)
        except FetchError as error:
            rows = error
        if not isinstance(rows, FetchError):
            now = self._now()
            found = rows_by_symbol(rows, symbols)
            self.earnings_seen.add(found, now)  # read only if asked for
            return quotes_of(found, symbols, now)
        whole = rows
        if len(symbols) == 1 or whole.kind == "auth" or is_refusal(whole):
            return {symbol: whole.for_symbol(symbol) for symbol in symbols}
        if whole.kind == "timeout":
            own = client.bounds(self.name).deadline if deadline is None else deadline
            deadline = max(own / 2, HALF_DEADLINE_FLOOR)
        middle = len(symbols) // 2
        first, second = await asyncio.gather(
            self._batch(client, symbols[:middle], deadline),
            self._batch(client, symbols[middle:], deadline),
        )
        return first | second

    async def _ask_batch(
        self,
        client: MarketClient,
        symbols: list[str],
        session: YahooSession,
        deadline: float | None,
    ) -> httpx.Response:
        assert self.crumb is not None
        url = batch_url(self.base_url, symbols, session.crumb)
        return await client.get(
            self.name, url, headers=self.crumb.headers(session), deadline=deadline
        )

    def chart_url(self, symbol: str, start: date | None = None, *, history: bool = True) -> str:
        """Chart URL: 5 days for a bare quote, 5 years at first sight, else `start` to now; a
        history window asks for the dividends and splits in it too."""
        if not history:
            return f"{self.base_url}/v8/finance/chart/{yahoo_path(symbol)}?range=5d&interval=1d"
        if start is None:
            window = "range=5y"
        else:
            period2 = int(self._now().timestamp())
            period1 = min(int(datetime.combine(start, time(), UTC).timestamp()), period2 - 86400)
            window = f"period1={period1}&period2={period2}"
        return (
            f"{self.base_url}/v8/finance/chart/{yahoo_path(symbol)}?{window}&interval=1d"
            "&events=div%2Csplits"
        )

    def build_quote_requests(self, symbols: Sequence[str]) -> list[RequestSpec]:
        return [RequestSpec(self.chart_url(s, history=False), (s,)) for s in symbols]

    async def fetch_raw(self, client: MarketClient, spec: RequestSpec) -> str:
        symbol = spec.symbols[0]
        response = await client.get(self.name, spec.url, headers=dict(spec.headers), symbol=symbol)
        if response.status_code == 404 and '"chart"' in response.text:
            return response.text  # the unknown-symbol answer: transform reads chart.error
        raise_for_status(response, self.name, symbol)
        return response.text

    def transform_quotes(self, body: str, symbols: Sequence[str]) -> dict[str, QuoteResult]:
        symbol = symbols[0]
        try:
            with body_shape(self.name, symbol):
                return {symbol: self.quote_from_chart(self.chart_result(body, symbol), symbol)}
        except FetchError as error:
            return {symbol: error}

    async def fetch_quote_and_history(
        self, client: MarketClient, symbol: str, start: date | None
    ) -> tuple[Quote, History]:
        body = await self.fetch_raw(client, RequestSpec(self.chart_url(symbol, start), (symbol,)))
        with body_shape(self.name, symbol):
            result = self.chart_result(body, symbol)
            bars = self.bars_from_chart(result, symbol)
            splits = self.splits_from_chart(result, symbol)
            dividends = dividends_from_chart(result, symbol, self._now())
            history = History(since(bars, start), splits, dividends)
            return self.quote_from_chart(result, symbol, bars), history

    async def fetch_history(self, client: MarketClient, symbol: str, start: date | None) -> History:
        body = await self.fetch_raw(client, RequestSpec(self.chart_url(symbol, start), (symbol,)))
        with body_shape(self.name, symbol):
            result = self.chart_result(body, symbol)
            bars = since(self.bars_from_chart(result, symbol), start)
            splits = self.splits_from_chart(result, symbol)
            return History(bars, splits, dividends_from_chart(result, symbol, self._now()))

    # --- transform ----------------------------------------------------------------------------

    def chart_result(self, body: str, symbol: str) -> dict[str, Any]:
        """`chart.result[0]` of a chart body, or FetchError for every way it can be an error."""
        text = body.lstrip()
        if text.startswith("<"):
            raise html_page("yahoo", "chart JSON", symbol)
        data = decode_json(text, "yahoo", symbol)
        chart = data.get("chart") if isinstance(data, dict) else None
        if not isinstance(chart, dict):
            raise bad_body(symbol, "no 'chart' object in the answer")
        error = chart.get("error")
        if error:
            code = error.get("code") if isinstance(error, dict) else None
            description = error.get("description") if isinstance(error, dict) else error
            kind: ErrorKind = "unknown_symbol" if code == "Not Found" else "bad_body"
            raise FetchError(kind, f"{code or 'error'}: {description}", "yahoo", symbol)
        results = chart.get("result")
        if not isinstance(results, list) or not results or not isinstance(results[0], dict):
            raise FetchError("unknown_symbol", "no chart data for this symbol", "yahoo", symbol)
        return results[0]

    def quote_from_chart(
        self, result: dict[str, Any], symbol: str, bars: list[Bar] | None = None
    ) -> Quote:
        meta = result.get("meta")
        if not isinstance(meta, dict):
            raise bad_body(symbol, "no 'meta' in the chart")
        price = positive(meta.get("regularMarketPrice"))
        if price is None:
            raise bad_body(
                symbol,
                f"no price in the chart (regularMarketPrice={meta.get('regularMarketPrice')!r})",
            )
        market_time = epoch(meta.get("regularMarketTime"), "yahoo", symbol)
        if market_time is None:
            raise bad_body(symbol, "no regularMarketTime in the chart")
        if bars is None:
            bars = self.bars_from_chart(result, symbol)
        offset = offset_of(meta, symbol)
        prev_close = previous_close(meta, bars, local_day(market_time, offset))
        change = price - prev_close if prev_close is not None else None
        quote = Quote(
            symbol=symbol,
            price=price,
            prev_close=prev_close,
            change=change,
            change_pct=change / prev_close if change is not None and prev_close else None,
            currency=meta.get("currency") if isinstance(meta.get("currency"), str) else None,
            market_state=market_state(meta, self._now()),
            quote_time=market_time,
            source="yahoo",
            day_high=positive(meta.get("regularMarketDayHigh")),
            day_low=positive(meta.get("regularMarketDayLow")),
            volume=whole(meta.get("regularMarketVolume")),
            fifty_two_week_high=positive(meta.get("fiftyTwoWeekHigh")),
            fifty_two_week_low=positive(meta.get("fiftyTwoWeekLow")),
        )
        return checked_quote(quote, self._now())

    def bars_from_chart(self, result: dict[str, Any], symbol: str) -> list[Bar]:
        """Daily bars, oldest first, one per exchange-local day; bars without a close skipped."""
        found = result.get("meta")
        meta: dict[str, Any] = found if isinstance(found, dict) else {}
        return chart_bars(result, symbol, offset_of(meta, symbol), self._now())

    def splits_from_chart(self, result: dict[str, Any], symbol: str) -> tuple[Split, ...]:
        """The `events.splits` of a chart, by day; an entry without a usable date or ratio is
        left out (a split is never guessed)."""
        splits = {}
        for day, _, entry in chart_events(result, "splits", symbol):
            numerator = positive(entry.get("numerator"))
            denominator = positive(entry.get("denominator"))
            if numerator is not None and denominator is not None and numerator != denominator:
                splits[day] = Split(symbol, day, numerator, denominator)
        return checked_splits((splits[day] for day in sorted(splits)), "yahoo", self._now())
