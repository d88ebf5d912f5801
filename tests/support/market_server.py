"""A real loopback HTTP server that answers like Yahoo, Stooq, Finnhub and SEC EDGAR, with faults.

Bodies are built from the recorded samples in tests/fixtures/market/ (their exact shapes), filled
with deterministic synthetic prices: a symbol's close on a day depends only on the symbol and the
day, so every endpoint and every window agrees. SEC companyfacts are the files in tests/fixtures/
(matched by their `cik`) or a synthetic filer with eight quarters of revenue, costs, operating
income and EPS (`synthetic_companyfacts`). Plain module (no pytest), usable from bench/:

    with MarketServer(symbols=["ALAB", "NVDA"]) as server:
        server.inject("http500", provider="yahoo", symbol="ALAB", times=2)
        ...  # point the providers at server.url, then assert on server.requests

Hostile faults: "drip" (the real answer's headers, then its body a byte every `delay` seconds,
2 by default), "gzip_bomb" (a gzip body of about a MiB inflating to `size` bytes, 1 GiB by
default), "redirect" (302 to `location` + the request's path and query), "rewrite" (the real
answer handed to `rewrite(reply)`, whose Reply is sent: any text or header in it), and the value
faults of tests/support/hostile.py (an absurd number or date in the real answer, JSON nested too
deep).

Intraday charts (`interval=1m|5m|15m`, `range=1d|5d`) hold the bars of the last sessions in the
shape of the recorded 1-minute answer (realdata/yahoo_chart, meta's `tradingPeriods`), each
session's path running from the previous close to the day's close, the third bar of each session
left null as Yahoo leaves untraded bars; `server.intraday_body` replaces every intraday answer
(the recorded weekend one, with no bars).

Routes (all on `server.url`): Yahoo `/v8/finance/chart/{sym}`, `/v7/finance/quote?symbols=A,B`
(the batch, in the recorded sample's shape; cookie and crumb or 401), `/v10/finance/quoteSummary/
{sym}`, `/v1/test/getcrumb`, cookie at `server.cookie_url`; Stooq `/q/l/`, `/q/d/l/`; Finnhub
`/api/v1/quote`, `/api/v1/calendar/earnings`; SEC `/files/company_tickers.json`,
`/api/xbrl/companyfacts/CIK##########.json`, `/submissions/CIK##########.json` (no filings).
"""

from __future__ import annotations

import functools
import json
import math
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, unquote_plus, urlsplit
from zoneinfo import ZoneInfo

from tests.support.hostile import VALUE_FAULTS, gzip_bomb, poison
from tests.support.shared import OWN_SEC, REALDATA, SAMPLES

MARKET_FIXTURES = SAMPLES
SEC_FIXTURES = OWN_SEC
# Real symbols Yahoo keeps no earnings calendar for (an index, crypto): they get its recorded
# 404 "No fundamentals data found" answer.
NO_CALENDAR = frozenset({"^GSPC", "BTC-USD"})

DEFAULT_SYMBOLS = (
    "ALAB",
    "CRDO",
    "LITE",
    "COHR",
    "NVDA",
    "MRVL",
    "AVGO",
    "ANET",
    "AAPL",
    "BLK",
    "NVR",
    "BRK.B",
    "^GSPC",
    "BTC-USD",
)
FINNHUB_TOKEN = "fh-test-token-7c1d9e"
FAULT_KINDS = frozenset(
    {
        "http500",
        "http503",
        "rate_limit",
        "timeout",
        "reset",
        "html",
        "truncated",
        "unknown",
        "quota",
        "auth",
        "drip",
        "gzip_bomb",
        "redirect",
        "rewrite",
        *VALUE_FAULTS,
    }
)
FAULT_DELAYS = {"timeout": 5.0, "drip": 2.0}  # seconds, when inject() is given none
GATHER_LIMIT = 30.0  # seconds a request waits for `gather` others: far above any machine's need
# CIKs of the samples and a few real ones; other symbols get a synthetic CIK.
KNOWN_CIKS = {
    "BLK": 2012383,
    "AAPL": 320193,
    "NVDA": 1045810,
    "BRK.B": 1067983,
    "ALAB": 1736297,
}
SESSION_OPEN = timedelta(hours=14, minutes=30)  # 09:30 New York (EST), in UTC
SESSION_CLOSE = timedelta(hours=21)
_BAR_KEYS = ("close", "low", "volume", "open", "high")  # the order Yahoo writes them in
YAHOO_NOT_FOUND = {
    "chart": {
        "result": None,
        "error": {"code": "Not Found", "description": "No data found, symbol may be delisted"},
    }
}
FINNHUB_UNKNOWN = {"c": 0, "d": None, "dp": None, "h": 0, "l": 0, "o": 0, "pc": 0, "t": 0}
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Oops</title></head>"
    "<body><h1>Something went wrong</h1><p>Please try again later.</p></body></html>"
)
SEC_UNDECLARED = (
    "<!DOCTYPE html><html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head>"
    "<body><h1>Your Request Originates from an Undeclared Automated Tool</h1></body></html>"
)
SEC_NO_SUCH_KEY = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code>'
    "<Message>The specified key does not exist.</Message></Error>"
)
WARSAW = ZoneInfo("Europe/Warsaw")
NEW_YORK = ZoneInfo("America/New_York")


@functools.cache
def fixture_text(name: str) -> str:
    return (MARKET_FIXTURES / name).read_text(encoding="utf-8")


def realdata_body(folder: str, name: str) -> Any:
    """The recorded response body of one tests/fixtures/realdata recording."""
    recording = json.loads((REALDATA / folder / name).read_text(encoding="utf-8"))
    response = recording["response"]
    return response["bodyJson"] if "bodyJson" in response else json.loads(response["body"])


# Ports held bound and never listened on, for the test process's life: a connection to one is
# refused, and no other test's server can be given it (a port let go at once could be, under a
# busy suite: a refresh then read a quote from another test's server at its "refused" address).
_HELD: list[socket.socket] = []


def unused_local_url() -> str:
    """http://127.0.0.1:PORT where nothing listens (connections are refused), the port kept
    bound by this process so that nothing else can listen there."""
    held = socket.socket()
    held.bind(("127.0.0.1", 0))
    _HELD.append(held)
    return f"http://127.0.0.1:{held.getsockname()[1]}"


@dataclass
class LoggedRequest:
    method: str
    path: str  # as sent, percent-encoding intact: /v8/finance/chart/%5EGSPC
    raw_query: str  # as sent: s=alab.us+nvda.us&f=sd2t2ohlcvn&h&e=csv
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    time: float  # time.monotonic() when the request arrived
    provider: str  # yahoo, stooq, finnhub, sec, ecb, nasdaq, or "" for an unknown route
    endpoint: str  # chart, quoteSummary, getcrumb, cookie, quote, history, calendar, ...
    symbols: tuple[str, ...]  # our spelling (BRK.B, ^GSPC), mapped back from the provider's
    status: int | None = None  # None: the connection was reset or timed out
    fault: str | None = None


@dataclass
class Fault:
    """A fault applied to matching requests; `times` = only the next N matches (None: all)."""

    kind: str
    provider: str | None = None
    endpoint: str | None = None
    symbol: str | None = None
    times: int | None = None
    retry_after: str | None = None
    delay: float = 5.0
    location: str = ""  # redirect: where to (a base URL)
    size: int = 1 << 30  # gzip_bomb: bytes once inflated
    rewrite: Callable[[Reply], Reply] | None = None  # rewrite: the answer as it is sent
    hits: int = field(default=0)

    def matches(self, request: LoggedRequest) -> bool:
        return (
            (self.times is None or self.hits < self.times)
            and self.provider in (None, request.provider)
            and self.endpoint in (None, request.endpoint)
            and (self.symbol is None or self.symbol in request.symbols)
        )


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    drip: float | None = None  # seconds between the body's bytes


class MarketServer:
    """Start with `start()` (or `with`), stop with `stop()`. Thread-safe; see module doc."""

    def __init__(
        self,
        symbols: Iterable[str] = DEFAULT_SYMBOLS,
        *,
        latency: float = 0.0,
        finnhub_token: str = FINNHUB_TOKEN,
    ) -> None:
        self.symbols: set[str] = set(symbols)
        self.currencies: dict[str, str] = {}  # symbol -> the chart meta's currency (USD if not)
        self.fx_levels: dict[str, float] = {}  # FX pair (GBPUSD=X) -> its rate's level
        self.nasdaq_etfs: set[str] = set()  # answered by Nasdaq as assetclass=etf only
        self.ecb_rates: dict[str, float] | None = None  # the ECB sample's rates, replaced
        # the ECB's history files' days and rates (per EUR), replacing the recorded sample's
        self.ecb_history: dict[date, dict[str, float]] | None = None
        self.no_calendar: set[str] = set(NO_CALENDAR)
        self.splits: dict[str, list[tuple[date, float, float]]] = {}
        # symbol -> (ex-date, amount per share): in a chart asked for events=div, as Yahoo's
        self.dividends: dict[str, list[tuple[date, float]]] = {}
        self.earnings: dict[str, date] = {}  # symbol -> its next earnings date, when set
        # symbol -> quoteSummary modules beside calendarEvents (earningsTrend, earningsHistory,
        # in Yahoo's shape: tests/support/street.py), served when a request names them
        self.street: dict[str, dict[str, Any]] = {}
        self.latency = latency
        self.finnhub_token = finnhub_token
        self.crumb = fixture_text("yahoo_getCrumb-getcrumb.txt").strip()
        # What getcrumb answers instead of the crumb, with HTTP 200 ("Too Many Requests", a page)
        self.getcrumb_body: str | None = None
        self.intraday_body: str | None = None  # every intraday answer, when set
        self.max_in_flight = 0
        self.connections = 0  # TCP connections accepted, each kept-alive one counted once
        # Each request waits until this many are in flight at once (GATHER_LIMIT at most) before
        # its answer: concurrency proven by the count, not by a latency long enough on a fast
        # machine.
        self.gather = 0
        self._gathering = threading.Condition()
        self._in_flight = 0
        self._faults: list[Fault] = []
        self._log: list[LoggedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: _Httpd | None = None
        self._thread: threading.Thread | None = None
        self._companyfacts_files = _companyfacts_fixtures()

    # --- lifecycle ------------------------------------------------------------------------------

    def start(self) -> MarketServer:
        self._stopping.clear()
        self._httpd = _Httpd(("127.0.0.1", 0), _Handler)
        self._httpd.market = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> MarketServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        assert isinstance(host, str)
        return f"http://{host}:{port}"

    @property
    def cookie_url(self) -> str:
        return f"{self.url}/fc"

    @property
    def sec_tickers_url(self) -> str:
        return f"{self.url}/files/company_tickers.json"

    # --- test controls --------------------------------------------------------------------------

    def inject(
        self,
        kind: str,
        *,
        provider: str | None = None,
        endpoint: str | None = None,
        symbol: str | None = None,
        times: int | None = None,
        retry_after: str | float | None = None,
        delay: float | None = None,
        location: str = "",
        size: int = 1 << 30,
        rewrite: Callable[[Reply], Reply] | None = None,
    ) -> Fault:
        """Make matching requests fail as `kind` (see FAULT_KINDS); earlier injections win."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; one of {sorted(FAULT_KINDS)}")
        if kind == "redirect" and not location:
            raise ValueError("a redirect needs a location")
        if (kind == "rewrite") != (rewrite is not None):
            raise ValueError("a rewrite fault, and only one, takes `rewrite`")
        fault = Fault(
            kind,
            provider,
            endpoint,
            symbol,
            times,
            None if retry_after is None else str(retry_after),
            FAULT_DELAYS.get(kind, 5.0) if delay is None else delay,
            location.rstrip("/"),
            size,
            rewrite,
        )
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def rotate_crumb(self) -> str:
        """Invalidate the current Yahoo crumb (the next quoteSummary with it gets 401)."""
        self.crumb = f"{self.crumb[:8]}{int(time.monotonic() * 1000) % 10000:04d}"
        return self.crumb

    @property
    def requests(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self._log)

    def requests_for(
        self,
        provider: str | None = None,
        endpoint: str | None = None,
        symbol: str | None = None,
    ) -> list[LoggedRequest]:
        return [
            r
            for r in self.requests
            if provider in (None, r.provider)
            and endpoint in (None, r.endpoint)
            and (symbol is None or symbol in r.symbols)
        ]

    def counts(self) -> dict[tuple[str, str], int]:
        """Requests so far by (provider, endpoint): ("yahoo", "quote") is the v7 batch."""
        out: dict[tuple[str, str], int] = {}
        for request in self.requests:
            key = (request.provider, request.endpoint)
            out[key] = out.get(key, 0) + 1
        return out

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()
            self.max_in_flight = 0

    # --- synthetic market -----------------------------------------------------------------------

    def now(self) -> datetime:
        return datetime.now(UTC)

    def trading_days(self, first: date, last: date) -> list[date]:
        """Weekdays from first to last whose session has opened by now."""
        return list(_weekdays(first, min(last, self.last_session())))

    def last_session(self) -> date:
        now = self.now()
        day = now.date()
        if now < _at(day, SESSION_OPEN):
            day -= timedelta(days=1)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        return day

    def split(self, symbol: str, day: date, numerator: float, denominator: float = 1) -> None:
        """A split of `symbol` effective at the session of `day`: from now on every answer is on
        the new basis, history included (as Yahoo and Stooq restate it), and a chart asked for
        events shows it when its window holds `day`."""
        with self._lock:
            self.splits.setdefault(symbol, []).append((day, numerator, denominator))

    def basis(self, symbol: str) -> float:
        """What the synthetic prices are divided by: every split served so far."""
        factor = 1.0
        for _day, numerator, denominator in self.splits.get(symbol, ()):
            factor *= numerator / denominator
        return factor

    def close(self, symbol: str, day: date) -> float:
        return _close_of(symbol, day, self.fx_levels.get(symbol), self.basis(symbol))

    def fx_pair(self, currency: str, base: str, level: float) -> str:
        """Serve the Yahoo chart of the rate of `currency` in `base` (CURBASE=X) around
        `level`; its symbol."""
        symbol = f"{currency}{base}=X"
        with self._lock:
            self.fx_levels[symbol] = level
            self.currencies[symbol] = base
            self.symbols.add(symbol)
        return symbol

    def year_range(self, symbol: str) -> tuple[float, float]:
        """(52-week high, 52-week low) of the closes up to the last session."""
        high, low = _year_range(symbol, self.last_session())
        factor = self.basis(symbol)
        return round(high / factor, 4), round(low / factor, 4)

    def bar(self, symbol: str, day: date) -> dict[str, float | int]:
        return _bar_of(symbol, day, self.fx_levels.get(symbol), self.basis(symbol))

    def previous_session(self, day: date) -> date:
        day -= timedelta(days=1)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        return day

    def next_earnings(self, symbol: str) -> date:
        if symbol in self.earnings:
            return self.earnings[symbol]
        return self.now().date() + timedelta(days=10 + _seed(symbol) % 60)

    def cik(self, symbol: str) -> int:
        return KNOWN_CIKS.get(symbol, 1_000_000 + _seed(symbol) % 8_000_000)

    def symbol_for_cik(self, cik: int) -> str | None:
        return next((s for s in sorted(self.symbols) if self.cik(s) == cik), None)

    # --- request handling (called from handler threads) -----------------------------------------

    def _arrived(self, request: LoggedRequest) -> Fault | None:
        with self._lock:
            self._log.append(request)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            for fault in self._faults:
                if fault.matches(request):
                    fault.hits += 1
                    request.fault = fault.kind
                    return fault
        return None

    def _done(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def _gather(self) -> None:
        """With `gather` set, wait until that many requests were in flight at once; when they
        never are (GATHER_LIMIT), no request waits again (the test's count says so)."""
        with self._gathering:
            self._gathering.notify_all()
            if not self._gathering.wait_for(
                lambda: self.max_in_flight >= self.gather or self._stopping.is_set(),
                timeout=GATHER_LIMIT,
            ):
                self.gather = 0

    def _wait(self, seconds: float) -> bool:
        """Sleep, but wake when the server stops; False if it is stopping."""
        return not self._stopping.wait(seconds) if seconds > 0 else True

    def _reply(self, request: LoggedRequest, fault: Fault | None) -> Reply | None:
        """The answer to a request, or None to drop the connection without one."""
        if fault is not None:
            if fault.kind == "reset":
                return None
            if fault.kind == "timeout" and not self._wait(fault.delay):
                return None
            canned = _fault_reply(fault, request)
            if canned is not None:
                return canned
        route = _ROUTES.get((request.provider, request.endpoint))
        if route is None:
            return Reply(404, HTML_PAGE, "text/html")
        unknown = set(request.symbols) - self.symbols
        if fault is not None and fault.kind == "unknown":
            unknown |= {fault.symbol} if fault.symbol else set(request.symbols)
        reply = route(self, request, unknown)
        if fault is not None and fault.kind == "truncated":
            body = reply.body.encode() if isinstance(reply.body, str) else reply.body
            reply.body = body[: max(1, len(body) // 2)]
        if fault is not None and fault.kind == "drip":
            reply.drip = fault.delay
        if fault is not None and fault.rewrite is not None:
            reply = fault.rewrite(reply)
        if fault is not None and fault.kind in VALUE_FAULTS and reply.status == 200:
            codes = {_stooq_code(s) for s in ([fault.symbol] if fault.symbol else request.symbols)}
            reply.body = poison(fault.kind, request.provider, request.endpoint, reply.body, codes)
        return reply


def _fault_reply(fault: Fault, request: LoggedRequest) -> Reply | None:
    """The canned answer of a fault, None when the fault alters the normal answer instead."""
    retry = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
    if fault.kind == "http500":
        return Reply(500, "Internal Server Error", "text/plain")
    if fault.kind == "http503":
        return Reply(503, "Service Unavailable", "text/plain", retry)
    if fault.kind == "rate_limit":
        return Reply(429, "Too Many Requests\r\n", "text/plain", retry)
    if fault.kind == "html":
        return Reply(200, HTML_PAGE, "text/html")
    if fault.kind == "quota":
        return Reply(200, fixture_text("stooq_limit.txt"), "text/plain")
    if fault.kind == "gzip_bomb":
        return Reply(200, gzip_bomb(fault.size), "application/json", {"Content-Encoding": "gzip"})
    if fault.kind == "redirect":
        query = f"?{request.raw_query}" if request.raw_query else ""
        return Reply(302, "", "text/plain", {"Location": fault.location + request.path + query})
    if fault.kind == "auth":
        if request.provider == "finnhub":
            return Reply(401, '{"error":"Invalid API key"}')
        if request.provider == "sec":
            return Reply(403, SEC_UNDECLARED, "text/html")
        return Reply(401, fixture_text("yahoo_v7_invalid_crumb_401.json"))
    return None


# --- provider routes ----------------------------------------------------------------------------


def _chart(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    symbol = request.symbols[0]
    if "Mozilla" not in request.headers.get("user-agent", ""):
        return Reply(429, "Too Many Requests\r\n", "text/plain")  # Yahoo's answer to libraries
    if symbol in unknown:
        return Reply(404, json.dumps(YAHOO_NOT_FOUND))
    query = {k: v[-1] for k, v in request.query.items()}
    if query.get("interval") in INTRADAY_MINUTES:
        return _intraday_chart(server, symbol, query)
    last = server.last_session()
    if "period1" in query:
        start = datetime.fromtimestamp(int(query["period1"]), UTC)
        end = datetime.fromtimestamp(int(query.get("period2", time.time())), UTC)
        days = [
            d
            for d in server.trading_days(start.date(), end.date())
            if start <= _at(d, SESSION_OPEN) <= end
        ]
    else:
        days = server.trading_days(last - _range(query.get("range", "1mo")), last)
    is_fx = symbol in server.fx_levels
    sample = json.loads(
        fixture_text(
            "yahoo_chart-EURUSD=X-2020-01-01-to-2020-01-03.json"
            if is_fx
            else "yahoo_chart-AAPL-2020-01-01-to-2020-01-03.json"
        )
    )
    result = sample["chart"]["result"][0]
    meta = result["meta"]
    meta["currency"] = server.currencies.get(symbol, "USD")
    year_high, year_low = server.year_range(symbol)
    today = server.bar(symbol, last)
    market_time = min(server.now(), _at(last, SESSION_CLOSE))
    first = days[0] if days else last
    meta.update(
        symbol=unquote(request.path.rsplit("/", 1)[-1]),
        longName=f"{symbol} Synthetic Inc.",
        shortName=f"{symbol} Synthetic",
        regularMarketPrice=today["close"],
        regularMarketTime=int(market_time.timestamp()),
        regularMarketDayHigh=today["high"],
        regularMarketDayLow=today["low"],
        regularMarketVolume=today["volume"],
        fiftyTwoWeekHigh=year_high,
        fiftyTwoWeekLow=year_low,
        chartPreviousClose=server.close(symbol, server.previous_session(first)),
        range=query.get("range", ""),
        currentTradingPeriod={
            name: {
                "timezone": "EST",
                "gmtoffset": -18000,
                "start": int(_at(last, a).timestamp()),
                "end": int(_at(last, b).timestamp()),
            }
            for name, a, b in (
                ("pre", timedelta(hours=9), SESSION_OPEN),
                ("regular", SESSION_OPEN, SESSION_CLOSE),
                ("post", SESSION_CLOSE, timedelta(hours=25)),
            )
        },
    )
    if days:
        level, basis = server.fx_levels.get(symbol), server.basis(symbol)
        stamps, quote, adjclose = _columns(symbol, days[0], days[-1], level, basis)
        result["timestamp"] = list(stamps)
        result["indicators"] = {
            "quote": [{k: list(v) for k, v in quote}],
            "adjclose": [{"adjclose": list(adjclose)}],
        }
    else:  # Yahoo leaves both out when the window holds no session
        result.pop("timestamp", None)
        result["indicators"] = {"quote": [{}], "adjclose": [{}]}
    result.pop("events", None)
    if "split" in query.get("events", "") and days:
        splits = {
            str(int(_at(d, SESSION_OPEN).timestamp())): {
                "date": int(_at(d, SESSION_OPEN).timestamp()),
                "numerator": num,
                "denominator": den,
                "splitRatio": f"{num:g}:{den:g}",
            }
            for d, num, den in server.splits.get(symbol, ())
            if days[0] <= d <= days[-1]
        }
        if splits:
            result["events"] = {"splits": splits}
    if "div" in query.get("events", "") and days:
        paid = {
            str(int(_at(d, SESSION_OPEN).timestamp())): {
                "amount": amount,
                "date": int(_at(d, SESSION_OPEN).timestamp()),
            }
            for d, amount in server.dividends.get(symbol, ())
            if days[0] <= d <= days[-1]
        }
        if paid:
            result.setdefault("events", {})["dividends"] = paid
    return Reply(200, json.dumps(sample))


INTRADAY_MINUTES = {"1m": 1, "5m": 5, "15m": 15}
SESSION_MINUTES = 390


def intraday_closes(
    server: MarketServer, symbol: str, day: date, minutes: int
) -> list[float | None]:
    """The closes of `day`'s bars of `minutes` each, those begun by now: from the previous
    close to the day's close with a small wave; the third is None (a bar nobody traded in)."""
    start, end = server.close(symbol, server.previous_session(day)), server.close(symbol, day)
    gone = (server.now() - _at(day, SESSION_OPEN)).total_seconds() // 60
    count = min(SESSION_MINUTES // minutes, max(0, int(-(-gone // minutes))))
    closes: list[float | None] = []
    for i in range(count):
        share = (i + 1) * minutes / SESSION_MINUTES
        wave = 0.004 * math.sin(share * 9 + _seed(symbol) % 7) * math.sin(math.pi * share)
        closes.append(round((start + (end - start) * share) * (1 + wave), 4))
    if len(closes) > 2:
        closes[2] = None
    return closes


def _intraday_chart(server: MarketServer, symbol: str, query: dict[str, str]) -> Reply:
    if server.intraday_body is not None:
        return Reply(200, server.intraday_body)
    minutes = INTRADAY_MINUTES[query["interval"]]
    days = [server.last_session()]
    while len(days) < (5 if query.get("range") == "5d" else 1):
        days.insert(0, server.previous_session(days[0]))
    body = realdata_body(
        "yahoo_chart", "chart-AAPL-2025-02-01-to-2025-02-02-includePrePost-false-interval-1m.json"
    )
    result = body["chart"]["result"][0]
    meta = result["meta"]
    period = meta["currentTradingPeriod"]["regular"]
    last = days[-1]
    meta.update(
        symbol=symbol,
        dataGranularity=query["interval"],
        range=query.get("range", ""),
        regularMarketPrice=server.close(symbol, last),
        regularMarketTime=int(min(server.now(), _at(last, SESSION_CLOSE)).timestamp()),
        chartPreviousClose=server.close(symbol, server.previous_session(days[0])),
        tradingPeriods=[
            [
                {
                    **period,
                    "start": int(_at(d, SESSION_OPEN).timestamp()),
                    "end": int(_at(d, SESSION_CLOSE).timestamp()),
                }
            ]
            for d in days
        ],
    )
    stamps: list[int] = []
    closes: list[float | None] = []
    for day in days:
        found = intraday_closes(server, symbol, day, minutes)
        stamps += [
            int((_at(day, SESSION_OPEN) + timedelta(minutes=i * minutes)).timestamp())
            for i in range(len(found))
        ]
        closes += found
    if stamps:
        result["timestamp"] = stamps
        result["indicators"] = {
            "quote": [
                {
                    "close": closes,
                    "low": closes,
                    "volume": [None if c is None else 1000 for c in closes],
                    "open": closes,
                    "high": closes,
                }
            ]
        }
    return Reply(200, json.dumps(body))


def _getcrumb(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    if "A3=" not in request.headers.get("cookie", ""):
        return Reply(401, fixture_text("yahoo_v7_invalid_crumb_401.json"))
    if server.getcrumb_body is not None:
        return Reply(200, server.getcrumb_body, "text/plain;charset=utf-8")
    return Reply(200, server.crumb, "text/plain;charset=utf-8")


def _cookie(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    # fc.yahoo.com answers 404 and sets the cookie all the same.
    cookie = "A3=d=AQABBLoopbackTestCookie&S=AQAAAsynthetic; Max-Age=31557600; Path=/; HttpOnly"
    return Reply(404, HTML_PAGE, "text/html", {"Set-Cookie": cookie})


def _has_session(server: MarketServer, request: LoggedRequest) -> bool:
    crumb = request.query.get("crumb", [""])[-1]
    return crumb == server.crumb and "A3=" in request.headers.get("cookie", "")


def _v7_quote(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    """The v7 batch: one row per known symbol, in the recorded AAPL row's shape; the market
    state of the synthetic New York session now, the pre-market trade while PRE, the post-market
    one after the close, the next earnings dates of quoteSummary."""
    if "Mozilla" not in request.headers.get("user-agent", ""):
        return Reply(429, "Too Many Requests\r\n", "text/plain")
    if not _has_session(server, request):
        return Reply(401, fixture_text("yahoo_v7_invalid_crumb_401.json"))
    sample = json.loads(fixture_text("yahoo_quote-AAPL-BABA.json"))
    template = sample["quoteResponse"]["result"][0]
    for key in [k for k in template if k.startswith(("preMarket", "postMarket"))]:
        del template[key]
    now = server.now()
    last = server.last_session()
    state = _session_state(now, last)
    rows = []
    for symbol in request.symbols:
        if symbol in unknown:
            continue
        row = dict(template)
        today = server.bar(symbol, last)
        previous = server.close(symbol, server.previous_session(last))
        change = today["close"] - previous
        high, low = server.year_range(symbol)
        earnings = _at(server.next_earnings(symbol), timedelta(hours=20, minutes=30))
        row.update(
            symbol=yahoo_symbol_of(symbol),
            shortName=f"{symbol} Synthetic",
            longName=f"{symbol} Synthetic Inc.",
            currency=server.currencies.get(symbol, "USD"),  # as the chart's meta says it
            regularMarketPrice=today["close"],
            regularMarketPreviousClose=previous,
            regularMarketChange=change,
            regularMarketChangePercent=change / previous * 100,
            regularMarketTime=int(min(now, _at(last, SESSION_CLOSE)).timestamp()),
            regularMarketDayHigh=today["high"],
            regularMarketDayLow=today["low"],
            regularMarketVolume=today["volume"],
            fiftyTwoWeekHigh=high,
            fiftyTwoWeekLow=low,
            marketState=state,
            earningsTimestampStart=int(earnings.timestamp()),
            earningsTimestampEnd=int((earnings + timedelta(days=4)).timestamp()),
            isEarningsDateEstimate=True,
        )
        if symbol in server.no_calendar:  # an index or a coin: Yahoo's row has no earnings
            for key in [k for k in row if k.startswith(("earnings", "isEarnings"))]:
                del row[key]
        ext = round(today["close"] * 1.004, 4)
        if state == "PRE":
            row.update(
                preMarketPrice=ext,
                preMarketChange=ext - today["close"],
                preMarketChangePercent=(ext / today["close"] - 1) * 100,
                preMarketTime=int(now.timestamp()),
            )
        elif state in ("POST", "POSTPOST", "CLOSED", "PREPRE"):
            moment = min(now, _at(last, timedelta(hours=25)))
            row.update(
                postMarketPrice=ext,
                postMarketChange=ext - today["close"],
                postMarketChangePercent=(ext / today["close"] - 1) * 100,
                postMarketTime=int(moment.timestamp()),
            )
        rows.append(row)
    fields = request.query.get("fields")
    if fields:  # what was asked for, and what Yahoo always sends (as recorded)
        kept = set(",".join(fields).split(",")) | _v7_always()
        rows = [{k: v for k, v in row.items() if k in kept} for row in rows]
    sample["quoteResponse"]["result"] = rows
    return Reply(200, json.dumps(sample))


@functools.cache
def _v7_always() -> frozenset[str]:
    """The fields a v7 row holds whatever `fields` asks for: those of a recorded answer to
    `fields=symbol`, less symbol."""
    body = realdata_body("more/yahoo_quote", "2025-02-17T111104Z_quote-TSLA-fields-symbol.json")
    return frozenset(body["quoteResponse"]["result"][0]) - {"symbol"}


def _session_state(now: datetime, last: date) -> str:
    """Yahoo's marketState for the synthetic New York session (UTC times, EST): `last` is the
    last session that has opened, pre-market from 09:00, post-market four hours after the close."""
    if now < _at(last, SESSION_CLOSE):
        return "REGULAR"
    if now < _at(last, timedelta(hours=25)):
        return "POST"
    if now.weekday() < 5 and now - _at(now.date(), timedelta(0)) >= timedelta(hours=9):
        return "PRE"
    return "CLOSED"


def yahoo_symbol_of(symbol: str) -> str:
    """Our symbol as Yahoo writes it in an answer: BRK.B -> BRK-B."""
    base, dot, share_class = symbol.rpartition(".")
    if dot and base.isalnum() and share_class in ("A", "B", "C"):
        return f"{base}-{share_class}"
    return symbol


def _quote_summary(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    crumb = request.query.get("crumb", [""])[-1]
    if crumb != server.crumb or "A3=" not in request.headers.get("cookie", ""):
        return Reply(401, fixture_text("yahoo_v7_invalid_crumb_401.json"))
    symbol = request.symbols[0]
    if symbol in unknown:
        error = {"code": "Not Found", "description": f"Quote not found for symbol: {symbol}"}
        return Reply(404, json.dumps({"quoteSummary": {"result": None, "error": error}}))
    if symbol in server.no_calendar:
        return Reply(
            404, json.dumps(realdata_body("yahoo_calendar", "quoteSummary-calendarEvents-QQQ.json"))
        )
    body = json.loads(fixture_text("yahoo_quoteSummary-calendarEvents-AAPL.json"))
    earnings = body["quoteSummary"]["result"][0]["calendarEvents"]["earnings"]
    start = _at(server.next_earnings(symbol), timedelta(hours=20, minutes=30))
    past = start - timedelta(days=91)
    end = start + timedelta(days=4)
    earnings["earningsDate"] = [int(start.timestamp()), int(end.timestamp())]
    earnings["earningsCallDate"] = [int(past.timestamp())]
    asked = set(request.query.get("modules", [""])[-1].split(","))
    result = body["quoteSummary"]["result"][0]
    if "calendarEvents" not in asked:
        del result["calendarEvents"]
    for module, value in server.street.get(symbol, {}).items():
        if module == "calendarEvents":  # its consensus, over the sample's; the dates stay
            earnings.update({k: v for k, v in value.items() if k != "earningsDate"})
        elif module in asked:
            result[module] = value
    return Reply(200, json.dumps(body))


def _stooq_quote(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    rows = ["Symbol,Date,Time,Open,High,Low,Close,Volume,Name"]
    codes = _stooq_codes(request.raw_query)
    last = server.last_session()
    stamp = min(server.now(), _at(last, SESSION_CLOSE)).astimezone(WARSAW)
    for code, symbol in zip(codes, request.symbols, strict=True):
        if symbol in unknown:
            rows.append(",".join([code.upper()] + ["N/D"] * 8))
            continue
        bar = server.bar(symbol, last)
        rows.append(
            f"{code.upper()},{last.isoformat()},{stamp:%H:%M:%S},{bar['open']},{bar['high']},"
            f"{bar['low']},{bar['close']},{bar['volume']},{symbol}"
        )
    return Reply(200, "\n".join(rows) + "\n", "text/csv")


def _stooq_history(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    symbol = request.symbols[0]
    if symbol in unknown:
        return Reply(200, "No data", "text/plain")
    query = {k: v[-1] for k, v in request.query.items()}
    first = datetime.strptime(query["d1"], "%Y%m%d").date()
    last = datetime.strptime(query["d2"], "%Y%m%d").date()
    rows = ["Date,Open,High,Low,Close,Volume"]
    for day in server.trading_days(first, last):
        b = server.bar(symbol, day)
        rows.append(f"{day},{b['open']},{b['high']},{b['low']},{b['close']},{b['volume']}")
    return Reply(200, "\r\n".join(rows) + "\r\n", "text/csv")


def _finnhub_authorized(server: MarketServer, request: LoggedRequest) -> bool:
    token = request.headers.get("x-finnhub-token") or request.query.get("token", [""])[-1]
    return token == server.finnhub_token


def _finnhub_quote(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    if not _finnhub_authorized(server, request):
        return Reply(401, '{"error":"Invalid API key"}')
    symbol = request.symbols[0]
    if symbol in unknown:
        return Reply(200, json.dumps(FINNHUB_UNKNOWN))
    last = server.last_session()
    bar = server.bar(symbol, last)
    previous = server.close(symbol, server.previous_session(last))
    change = round(bar["close"] - previous, 4)
    body = json.loads(fixture_text("finnhub_quote.json"))
    body.update(
        c=bar["close"],
        h=bar["high"],
        l=bar["low"],
        o=bar["open"],
        pc=previous,
        d=change,
        dp=round(change / previous * 100, 4),
        t=int(min(server.now(), _at(last, SESSION_CLOSE)).timestamp()),
    )
    return Reply(200, json.dumps(body))


def _finnhub_calendar(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    if not _finnhub_authorized(server, request):
        return Reply(401, '{"error":"Invalid API key"}')
    query = {k: v[-1] for k, v in request.query.items()}
    sample = json.loads(fixture_text("finnhub_calendar_earnings.json"))["earningsCalendar"][0]
    entries = []
    for symbol in request.symbols:
        day = server.next_earnings(symbol)
        if symbol not in unknown and query.get("from", "") <= day.isoformat() <= query.get(
            "to", "9999"
        ):
            entries.append(
                {
                    **sample,
                    "symbol": symbol,
                    "date": day.isoformat(),
                    "epsActual": None,
                    "revenueActual": None,
                }
            )
    return Reply(200, json.dumps({"earningsCalendar": entries}))


def _sec_declared(request: LoggedRequest) -> bool:
    agent = request.headers.get("user-agent", "")
    return "@" in agent and "Mozilla" not in agent


def _sec_tickers(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    if not _sec_declared(request):
        return Reply(403, SEC_UNDECLARED, "text/html")
    listed = sorted(s for s in server.symbols if s[0] != "^" and "-" not in s)
    entries = {
        str(i): {"cik_str": server.cik(s), "ticker": s.replace(".", "-"), "title": f"{s} Inc."}
        for i, s in enumerate(listed)
    }
    return Reply(200, json.dumps(entries))


def _sec_companyfacts(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    if not _sec_declared(request):
        return Reply(403, SEC_UNDECLARED, "text/html")
    cik = int(request.path.rsplit("CIK", 1)[-1].removesuffix(".json") or 0)
    if cik in server._companyfacts_files:
        return Reply(200, server._companyfacts_files[cik].read_bytes())
    symbol = server.symbol_for_cik(cik)
    if symbol is None or symbol in unknown:
        return Reply(404, SEC_NO_SUCH_KEY, "application/xml")
    return Reply(200, json.dumps(synthetic_companyfacts(symbol, cik, server.now().date())))


def _sec_submissions(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    """The company's submissions in EDGAR's shape (every column of the recorded NVIDIA answer),
    with no filing: the market's companies file nothing (tests/support/filings_server.py does)."""
    if not _sec_declared(request):
        return Reply(403, SEC_UNDECLARED, "text/html")
    recorded = json.loads((SAMPLES / "sec_submissions_CIK0001045810-NVDA.json").read_text())
    body = {key: value for key, value in recorded.items() if key != "filings"}
    columns = recorded["filings"]["recent"]
    body["filings"] = {"recent": {column: [] for column in columns}, "files": []}
    body["cik"] = request.path.removeprefix("/submissions/CIK").removesuffix(".json").lstrip("0")
    return Reply(200, json.dumps(body))


def synthetic_companyfacts(symbol: str, cik: int, today: date) -> dict[str, Any]:
    """A companyfacts body in EDGAR's shape for the last eight quarters filed by `today`.

    Calendar fiscal years; 10-Qs carry the quarter and the year to date, 10-Ks only the year (so
    Q4 must be derived, as with real filers). Revenue grows 5% a quarter; margins are fixed per
    symbol: gross 55-74%, operating 12-24%. `quarter_values` gives the numbers behind it.
    """
    shares = 50_000_000 + _seed(symbol) % 950_000_000
    facts: dict[str, list[dict[str, Any]]] = {k: [] for k in _FACT_UNITS}
    filings = _recent_quarters(today, 8)
    for year, quarter in filings:
        end = _quarter_end(year, quarter)
        form, fp = ("10-K", "FY") if quarter == 4 else ("10-Q", f"Q{quarter}")
        filed = _filed(year, quarter)
        accn = f"{cik:010d}-{year % 100:02d}-{quarter:06d}"
        if quarter == 4:  # a 10-K: the fiscal year only
            periods = [(date(year, 1, 1), end, range(1, 5))]
        else:  # a 10-Q: the quarter, and the year to date from Q2 on
            periods = [(_quarter_start(year, quarter), end, range(quarter, quarter + 1))]
            if quarter > 1:
                periods.append((date(year, 1, 1), end, range(1, quarter + 1)))
        for first, last, quarters in periods:
            values = [quarter_values(symbol, year, q) for q in quarters]
            for concept in _FACT_UNITS:
                total = sum(v[concept] for v in values)
                facts[concept].append(
                    {
                        "start": first.isoformat(),
                        "end": last.isoformat(),
                        "val": round(total, 2) if concept == "EarningsPerShareDiluted" else total,
                        "accn": accn,
                        "fy": year,
                        "fp": fp,
                        "form": form,
                        "filed": filed.isoformat(),
                    }
                )
    year, quarter = filings[-1]
    latest = _filed(year, quarter)
    return {
        "cik": cik,
        "entityName": f"{symbol} Synthetic Inc.",
        "facts": {
            "dei": {
                "EntityCommonStockSharesOutstanding": {
                    "label": "Shares",
                    "units": {
                        "shares": [
                            {
                                "end": (latest - timedelta(days=7)).isoformat(),
                                "val": shares,
                                "accn": f"{cik:010d}-{year % 100:02d}-{quarter:06d}",
                                "fy": year,
                                "fp": "FY" if quarter == 4 else f"Q{quarter}",
                                "form": "10-K" if quarter == 4 else "10-Q",
                                "filed": latest.isoformat(),
                            }
                        ]
                    },
                }
            },
            "us-gaap": {
                concept: {"label": concept, "units": {_FACT_UNITS[concept]: entries}}
                for concept, entries in facts.items()
            },
        },
    }


_FACT_UNITS = {
    "RevenueFromContractWithCustomerExcludingAssessedTax": "USD",
    "CostOfRevenue": "USD",
    "OperatingIncomeLoss": "USD",
    "EarningsPerShareDiluted": "USD/shares",
}


def quarter_values(symbol: str, year: int, quarter: int) -> dict[str, float]:
    """The synthetic single-quarter numbers of one symbol (see synthetic_companyfacts)."""
    seed = _seed(symbol)
    n = year * 4 + quarter - 1 - 2020 * 4
    revenue = (100 + seed % 4900) * 1_000_000 * round(1.05**n, 6)
    revenue = int(round(revenue, -3))
    gross, operating = 0.55 + (seed % 20) / 100, 0.12 + (seed % 13) / 100
    shares = 50_000_000 + seed % 950_000_000
    return {
        "RevenueFromContractWithCustomerExcludingAssessedTax": revenue,
        "CostOfRevenue": int(round(revenue * (1 - gross), -3)),
        "OperatingIncomeLoss": int(round(revenue * operating, -3)),
        "EarningsPerShareDiluted": round(revenue * operating * 0.8 / shares, 2),
    }


def _quarter_start(year: int, quarter: int) -> date:
    return date(year, 3 * quarter - 2, 1)


def _quarter_end(year: int, quarter: int) -> date:
    return (date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)) - timedelta(
        days=1
    )


def _filed(year: int, quarter: int) -> date:
    return _quarter_end(year, quarter) + timedelta(days=55 if quarter == 4 else 35)


def _recent_quarters(today: date, count: int) -> list[tuple[int, int]]:
    """The last `count` (year, quarter) whose filing is out by today, oldest first."""
    year, quarter = today.year, (today.month - 1) // 3 + 1
    found: list[tuple[int, int]] = []
    while len(found) < count:
        if _filed(year, quarter) <= today:
            found.append((year, quarter))
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return found[::-1]


def _ecb_daily(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    """The recorded eurofxref-daily.xml, its rates replaced by `server.ecb_rates` when set."""
    body = fixture_text("ecb_eurofxref-daily_2025-05-09.xml")
    if server.ecb_rates is not None:
        lines = [f"\t\t\t<Cube currency='{c}' rate='{r}'/>" for c, r in server.ecb_rates.items()]
        start = body.index("<Cube time=")
        head, tail = body[:start], body[body.index("</Cube>", start) :]
        day = server.last_session().isoformat()
        body = head + f"<Cube time='{day}'>\n" + "\n".join(lines) + "\n\t\t" + tail
    return Reply(200, body, "text/xml")


def _ecb_history(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    """The recorded eurofxref-hist.xml (trimmed to 28 days: its framing, double quotes, CRLF),
    its days and rates replaced by `server.ecb_history` when set, newest first as the ECB
    lists them; the 90 days' file is the same shape."""
    body = fixture_text("ecb_eurofxref-hist_trimmed_2019-12-17_to_2020-01-28.xml")
    if server.ecb_history is not None:
        start = body.index("        <Cube time=")
        head, tail = body[:start], body[body.rindex("    </Cube>") :]
        days = [
            f'        <Cube time="{day.isoformat()}">\r\n'
            + "".join(
                f'            <Cube currency="{c}" rate="{r}"/>\r\n' for c, r in rates.items()
            )
            + "        </Cube>\r\n"
            for day, rates in sorted(server.ecb_history.items(), reverse=True)
        ]
        body = head + "".join(days) + tail
    return Reply(200, body, "text/xml")


NASDAQ_UNKNOWN = {
    "data": None,
    "message": None,
    "status": {
        "rCode": 400,
        "bCodeMessage": [{"code": 1001, "errorMessage": "Symbol not exists."}],
        "developerMessage": None,
    },
}


def _nasdaq_info(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    """Nasdaq's quote page API: the figures as the page prints them ("$229.87", "+1.36",
    "+0.60%", "38,168,252", "Nov 22, 2024 4:00 PM ET"); an ETF (server.nasdaq_etfs) only as
    assetclass=etf, and an unknown symbol as HTTP 200 with data null."""
    symbol = request.symbols[0]
    asset_class = request.query.get("assetclass", [""])[-1]
    wanted = "etf" if symbol in server.nasdaq_etfs else "stocks"
    if symbol in unknown or symbol not in server.symbols or asset_class != wanted:
        return Reply(200, json.dumps(NASDAQ_UNKNOWN))
    last = server.last_session()
    bar = server.bar(symbol, last)
    previous = server.close(symbol, server.previous_session(last))
    change = bar["close"] - previous
    high, low = server.year_range(symbol)
    moment = min(server.now(), _at(last, SESSION_CLOSE)).astimezone(NEW_YORK)
    stamp = f"{moment:%b} {moment.day}, {moment.year} {moment.hour % 12 or 12}:{moment:%M %p} ET"
    state = {"REGULAR": "Open", "PRE": "Pre-Market", "POST": "After-Hours"}.get(
        _session_state(server.now(), last), "Closed"
    )
    data = {
        "symbol": symbol,
        "companyName": f"{symbol} Synthetic Inc. Common Stock",
        "stockType": "Common Stock",
        "exchange": "NASDAQ-GS",
        "isNasdaqListed": True,
        "primaryData": {
            "lastSalePrice": f"${bar['close']:,.2f}",
            "netChange": f"{change:+.2f}",
            "percentageChange": f"{change / previous * 100:+.2f}%",
            "deltaIndicator": "up" if change > 0 else "down",
            "lastTradeTimestamp": stamp,
            "isRealTime": False,
            "bidPrice": "N/A",
            "askPrice": "N/A",
            "volume": f"{bar['volume']:,}",
        },
        "secondaryData": None,
        "marketStatus": state,
        "assetClass": asset_class.upper(),
        "keyStats": {
            "fiftyTwoWeekHighLow": {"label": "52 Week Range:", "value": f"{low:.2f} - {high:.2f}"},
            "dayrange": {"label": "High/Low:", "value": f"{bar['low']:.2f} - {bar['high']:.2f}"},
        },
    }
    return Reply(
        200,
        json.dumps({"data": data, "message": None, "status": {"rCode": 200, "bCodeMessage": None}}),
    )


def _company_feed(server: MarketServer, request: LoggedRequest, unknown: set[str]) -> Reply:
    """A company's own press-release feed (a ticker's `feeds`, pointed here): an RSS 2.0
    channel with no release in it."""
    symbol = request.symbols[0] if request.symbols else ""
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{symbol} - News Releases</title><link>https://example.com/{symbol}</link>"
        "<description>Press releases</description></channel></rss>\n"
    )
    return Reply(200, body, "application/rss+xml")


_ROUTES = {
    ("feeds", "feed"): _company_feed,
    ("yahoo", "chart"): _chart,
    ("yahoo", "quote"): _v7_quote,
    ("yahoo", "getcrumb"): _getcrumb,
    ("yahoo", "cookie"): _cookie,
    ("yahoo", "quoteSummary"): _quote_summary,
    ("stooq", "quote"): _stooq_quote,
    ("stooq", "history"): _stooq_history,
    ("finnhub", "quote"): _finnhub_quote,
    ("finnhub", "calendar"): _finnhub_calendar,
    ("sec", "tickers"): _sec_tickers,
    ("sec", "companyfacts"): _sec_companyfacts,
    ("sec", "submissions"): _sec_submissions,
    ("ecb", "daily"): _ecb_daily,
    ("ecb", "history"): _ecb_history,
    ("ecb", "recent"): _ecb_history,
    ("nasdaq", "info"): _nasdaq_info,
}


def classify(path: str, raw_query: str, server: MarketServer) -> tuple[str, str, tuple[str, ...]]:
    """(provider, endpoint, our symbols) of a request path."""
    query = parse_qs(raw_query)
    if path.startswith("/v8/finance/chart/"):
        return "yahoo", "chart", (_from_yahoo(path.rsplit("/", 1)[-1], server),)
    if path == "/v7/finance/quote":
        wanted = ",".join(query.get("symbols", [""])).split(",")
        return "yahoo", "quote", tuple(_from_yahoo(s, server) for s in wanted if s)
    if path.startswith("/v10/finance/quoteSummary/"):
        return "yahoo", "quoteSummary", (_from_yahoo(path.rsplit("/", 1)[-1], server),)
    if path == "/v1/test/getcrumb":
        return "yahoo", "getcrumb", ()
    if path in ("/fc", "/fc/"):
        return "yahoo", "cookie", ()
    if path == "/q/l/":
        return "stooq", "quote", tuple(_from_stooq(c) for c in _stooq_codes(raw_query))
    if path == "/q/d/l/":
        return "stooq", "history", tuple(_from_stooq(c) for c in _stooq_codes(raw_query))
    if path == "/api/v1/quote":
        return "finnhub", "quote", (query.get("symbol", [""])[-1],)
    if path == "/api/v1/calendar/earnings":
        return "finnhub", "calendar", (query.get("symbol", [""])[-1],)
    if path.startswith("/api/quote/") and path.endswith("/info"):
        return "nasdaq", "info", (unquote(path.split("/")[3]),)
    if path == "/stats/eurofxref/eurofxref-daily.xml":
        return "ecb", "daily", ()
    if path == "/stats/eurofxref/eurofxref-hist.xml":
        return "ecb", "history", ()
    if path == "/stats/eurofxref/eurofxref-hist-90d.xml":
        return "ecb", "recent", ()
    if path.startswith("/feeds/"):  # /feeds/SYMBOL/...: a ticker's own feed
        return "feeds", "feed", (path.split("/")[2],)
    if path == "/files/company_tickers.json":
        return "sec", "tickers", ()
    if path.startswith("/submissions/CIK"):
        digits = path.removeprefix("/submissions/CIK").removesuffix(".json")
        symbol = server.symbol_for_cik(int(digits)) if digits.isdigit() else None
        return "sec", "submissions", (symbol,) if symbol else ()
    if path.startswith("/api/xbrl/companyfacts/CIK"):
        digits = path.rsplit("CIK", 1)[-1].removesuffix(".json")
        symbol = server.symbol_for_cik(int(digits)) if digits.isdigit() else None
        return "sec", "companyfacts", (symbol,) if symbol else ()
    return "", "", ()


def _from_yahoo(segment: str, server: MarketServer) -> str:
    symbol = unquote(segment)
    dotted = symbol[::-1].replace("-", ".", 1)[::-1]
    return dotted if symbol not in server.symbols and dotted in server.symbols else symbol


def _stooq_codes(raw_query: str) -> list[str]:
    for part in raw_query.split("&"):
        if part.startswith("s="):
            return unquote_plus(part[2:]).replace("+", " ").split()
    return []


def _from_stooq(code: str) -> str:
    return code.upper().removesuffix(".US").replace("-", ".")


def _stooq_code(symbol: str) -> str:
    """Our symbol as a row of Stooq's answer names it: BRK.B -> BRK-B.US."""
    return f"{symbol.replace('.', '-').upper()}.US"


def _range(text: str) -> timedelta:
    units = {"d": 1, "mo": 31, "y": 365}
    for suffix, days in units.items():
        if text.endswith(suffix) and text[: -len(suffix)].isdigit():
            span = int(text[: -len(suffix)]) * days
            return timedelta(days=span + 2 if suffix == "d" else span)  # 5d: five sessions-ish
    return timedelta(days=31)


def _at(day: date, offset: timedelta) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + offset


def _seed(symbol: str) -> int:
    return zlib.crc32(symbol.encode())


# The synthetic market is a pure function of (symbol, day): cached, so the server's own work per
# request stays far below the latency a benchmark injects.
@functools.lru_cache(maxsize=1 << 18)
def _close(symbol: str, ordinal: int) -> float:
    seed = _seed(symbol)
    base = 20 + seed % 480
    wave = 0.15 * math.sin(ordinal / 17 + seed % 7) + 0.03 * math.sin(ordinal / 3.1 + seed % 5)
    return round(base * (1 + wave), 2)


@functools.lru_cache(maxsize=1024)
def _weekdays(first: date, last: date) -> tuple[date, ...]:
    count = (last - first).days + 1
    return tuple(d for d in (first + timedelta(days=i) for i in range(count)) if d.weekday() < 5)


def _close_of(symbol: str, day: date, level: float | None, basis: float) -> float:
    """A day's close: an FX rate's `level` moved a little each day, else the synthetic close
    over the splits' `basis`."""
    if level is not None:
        return round(level * (1 + 0.01 * math.sin(day.toordinal() / 5)), 4)
    return round(_close(symbol, day.toordinal()) / basis, 4)


def _bar_of(symbol: str, day: date, level: float | None, basis: float) -> dict[str, float | int]:
    close, previous = (_close_of(symbol, d, level, basis) for d in (day, day - timedelta(days=1)))
    return {
        "open": previous,
        "high": round(max(close, previous) * 1.01, 2),
        "low": round(min(close, previous) * 0.99, 2),
        "close": close,
        "volume": 1_000_000 + (_seed(symbol) + day.toordinal() * 7919) % 500_000,
    }


# A chart's columns are a pure function of these, cached as the closes they are made of are: a
# refresh of hundreds of symbols asks for the same windows again and again.
@functools.lru_cache(maxsize=1 << 12)
def _columns(
    symbol: str, first: date, last: date, level: float | None, basis: float
) -> tuple[tuple[int, ...], tuple[tuple[str, tuple[float | int, ...]], ...], tuple[float, ...]]:
    """(timestamps, the quote's columns in Yahoo's order, adjclose) of the bars of the weekdays
    from `first` to `last`."""
    days = _weekdays(first, last)
    bars = [_bar_of(symbol, day, level, basis) for day in days]
    stamps = tuple(int(_at(d, SESSION_OPEN).timestamp()) for d in days)
    quote = tuple((k, tuple(b[k] for b in bars)) for k in _BAR_KEYS)
    return stamps, quote, tuple(b["close"] for b in bars)


@functools.lru_cache(maxsize=1 << 14)
def _year_range(symbol: str, last: date) -> tuple[float, float]:
    closes = [_close(symbol, d.toordinal()) for d in _weekdays(last - timedelta(days=365), last)]
    return max(closes), min(closes)


def _companyfacts_fixtures() -> dict[int, Path]:
    """cik → companyfacts file: the shared sample plus the SEC engineer's fixtures."""
    files: dict[int, Path] = {}
    for path in sorted(SEC_FIXTURES.glob("*.json")) + [
        MARKET_FIXTURES / "sec_companyfacts_trimmed_CIK0002012383.json"
    ]:
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
            cik = int(body["cik"]) if isinstance(body, dict) and "facts" in body else None
        except (ValueError, KeyError, TypeError, OSError):
            continue
        if cik:
            files[cik] = path
    return files


# --- the socket side ----------------------------------------------------------------------------


class _Httpd(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512
    market: MarketServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that gave up (timeouts) close their end: not an error of the server

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.market._lock:
            self.market.connections += 1  # a new TCP connection accepted
        super().process_request(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30  # idle keep-alive connections close after this
    # Headers and body in one segment: split writes meet delayed ACKs and stall 40 ms each.
    disable_nagle_algorithm = True
    wbufsize = 1 << 16

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        market = self.server.market  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        provider, endpoint, symbols = classify(parts.path, parts.query, market)
        request = LoggedRequest(
            method="GET",
            path=parts.path,
            raw_query=parts.query,
            query=parse_qs(parts.query, keep_blank_values=True),
            headers={k.lower(): v for k, v in self.headers.items()},
            time=time.monotonic(),
            provider=provider,
            endpoint=endpoint,
            symbols=symbols,
        )
        fault = market._arrived(request)
        try:
            if market.gather:
                market._gather()
            if not market._wait(market.latency):
                return self._drop()
            reply = market._reply(request, fault)
            if reply is None:
                return self._drop()
            request.status = reply.status
            self._send(reply)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            market._done()

    def _send(self, reply: Reply) -> None:
        body = reply.body.encode() if isinstance(reply.body, str) else reply.body
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if reply.drip is None:
            self.wfile.write(body)
            return
        self.wfile.flush()
        market = self.server.market  # type: ignore[attr-defined]
        for i in range(len(body)):  # each byte alone: every read of the client gets one
            self.wfile.write(body[i : i + 1])
            self.wfile.flush()
            if not market._wait(reply.drip):
                self.close_connection = True
                return

    def _drop(self) -> None:
        """Close without answering, with a TCP reset (SO_LINGER 0)."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


__all__ = [
    "DEFAULT_SYMBOLS",
    "FAULT_KINDS",
    "FINNHUB_TOKEN",
    "Fault",
    "LoggedRequest",
    "MarketServer",
    "Reply",
    "fixture_text",
    "quarter_values",
    "synthetic_companyfacts",
    "unused_local_url",
]


def ecb_table(base: str) -> str:
    """The `[providers.ecb]` table of a catalysts.toml whose ECB files are served at `base`
    (a loopback server's URL; `unused_local_url()`: no network)."""
    files = {"daily_url": "daily", "recent_url": "hist-90d", "history_url": "hist"}
    urls = "".join(
        f'{key} = "{base}/stats/eurofxref/eurofxref-{f}.xml"\n' for key, f in files.items()
    )
    return "[providers.ecb]\n" + urls


#: A catalysts.toml's `[providers.ecb]` with no network behind it: an import that asks the ECB
#: for the rates of past days is refused at once on the loopback (nothing leaves the machine).
NO_ECB = ecb_table(unused_local_url())
