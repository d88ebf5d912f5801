"""The replay market: a small threaded HTTP server on 127.0.0.1 answering as Yahoo Finance, SEC
EDGAR, Yahoo's RSS feed and the ECB do, with what demo/ generates for the moment it is asked.

    with ReplayMarket(["ALAB", "NVDA"]) as market:
        ...  # every provider URL of the config pointed at market.url (demo/session.py)

Routes: Yahoo `/v8/finance/chart/{symbol}`, `/v7/finance/quote?symbols=A,B` (with the cookie
and crumb, else 401 as Yahoo answers), `/v10/finance/quoteSummary/{symbol}`,
`/v1/test/getcrumb`, the cookie at `/` (Yahoo's fc.yahoo.com answers 404 and sets it); RSS
`/rss/2.0/headline?s=SYMBOL`, a company's own feed `/feeds/SYMBOL/...` (a channel with no
release); SEC `/files/company_tickers.json`, `/submissions/CIK##########.json`,
`/api/xbrl/companyfacts/CIK##########.json`, `/Archives/edgar/data/...` (each refused without a
declared contact, as EDGAR does); ECB `/stats/eurofxref/eurofxref-daily.xml`. Anything else is
404. It knows the companies it lists (demo/company.py LISTED), the symbols it is given, and on
Yahoo the benchmarks' funds (demo/funds.py: a chart with dividends, a quote, quoteSummary's 404
"No fundamentals data found"); any other symbol is unknown, answered as Yahoo answers one: a 404
chart with its error, no row in the quote batch, a 404 quoteSummary, no headlines; Stooq's
quote (`/q/l/`) is N/D for every symbol. Every request is logged (`requests`), for the tests and
for `catalyst demo --debug`.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from . import feeds, sec, yahoo
from .company import LISTED, company
from .funds import FUNDS, FX_PAIRS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

log = logging.getLogger(__name__)

UNAUTHORIZED = (
    '{"finance":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}'
)
UNDECLARED = (
    "<!DOCTYPE html><html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head>"
    "<body><h1>Your Request Originates from an Undeclared Automated Tool</h1></body></html>"
)
NOT_FOUND_PAGE = "<html><body><h1>Not Found</h1><p>Not in catalyst's demo market.</p></body></html>"

Reply = tuple[int, str, str]  # status, content type, body
_JSON = "application/json;charset=utf-8"


class Request(NamedTuple):
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    client: str  # the peer's address


class ReplayMarket:
    """Start with `start()` (or `with`), stop with `stop()`. `now` is the market's clock; `port`
    0 takes a free one (a fixed one gives the same addresses on every run: the screenshots)."""

    def __init__(
        self, symbols: Iterable[str], *, now: Callable[[], datetime] | None = None, port: int = 0
    ) -> None:
        self.symbols = sorted(LISTED | set(symbols))  # what it answers; any other is unknown
        self.port = port
        self.now = now or (lambda: datetime.now(UTC))
        self._log: list[Request] = []
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> ReplayMarket:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", self.port), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.market = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> ReplayMarket:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "the market is not started"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def requests(self) -> list[Request]:
        with self._lock:
            return list(self._log)

    # -- answers --------------------------------------------------------------------------------
    def answer(self, request: Request) -> Reply:
        with self._lock:
            self._log.append(request)
        path, now = request.path, self.now()
        known = set(self.symbols) | set(FUNDS) | FX_PAIRS  # Yahoo's; SEC's are the companies
        if path.startswith("/v8/finance/chart/"):
            symbol = _symbol(path)
            if symbol not in known:
                return 404, _JSON, yahoo.UNKNOWN_CHART
            status, body = yahoo.chart(symbol, request.query, now)
            return status, _JSON, body
        if path == "/v7/finance/quote":
            if not _has_session(request):
                return 401, _JSON, UNAUTHORIZED
            wanted = [s for s in request.query.get("symbols", "").split(",") if s in known]
            return 200, _JSON, yahoo.quote_batch(wanted, now)  # an unknown one: no row
        if path.startswith("/v10/finance/quoteSummary/"):
            if not _has_session(request):
                return 401, _JSON, UNAUTHORIZED
            symbol = _symbol(path)
            if symbol not in known:
                return 404, _JSON, yahoo.unknown_summary(symbol)
            modules = request.query.get("modules", "calendarEvents").split(",")
            if symbol in FUNDS:  # a fund reports no earnings: Yahoo's 404 for one
                return 404, _JSON, yahoo.no_fundamentals(modules)
            return 200, _JSON, yahoo.calendar(symbol, now, modules)
        if path == "/v1/test/getcrumb":
            if "A3=" not in request.headers.get("cookie", ""):
                return 401, _JSON, UNAUTHORIZED
            return 200, "text/plain;charset=utf-8", yahoo.CRUMB
        if path == "/rss/2.0/headline":
            symbol = request.query.get("s", "")
            return 200, "application/rss+xml", feeds.rss(symbol, now, listed=symbol in known)
        if path.startswith("/feeds/"):  # a company's own feed: a channel with no news yet
            return 200, "application/rss+xml", feeds.company_feed(path.split("/")[2], now)
        if path == "/q/l/":  # Stooq's quote: asked only of what Yahoo did not answer
            return 200, "text/csv", stooq_unknown(request.query.get("s", ""))
        if path == "/stats/eurofxref/eurofxref-daily.xml":
            return 200, "text/xml", feeds.ecb_daily(now)
        if path.startswith(("/files/", "/submissions/", "/api/xbrl/", "/Archives/")):
            return self._sec(request, now)
        return 404, "text/html", NOT_FOUND_PAGE

    def _sec(self, request: Request, now: datetime) -> Reply:
        if "@" not in request.headers.get("user-agent", ""):  # EDGAR answers declared tools
            return 403, "text/html", UNDECLARED
        path = request.path
        if path == "/files/company_tickers.json":
            return 200, _JSON, sec.company_tickers(self.symbols)
        if path.startswith("/Archives/edgar/data/"):
            status, body = sec.archive(self.symbols, path, now)
            return status, "text/xml" if path.endswith(".xml") else "text/html", body
        digits = path.rsplit("CIK", 1)[-1].removesuffix(".json")
        symbol = next(
            (s for s in self.symbols if digits.isdigit() and company(s).cik == int(digits)), None
        )
        if symbol is None:
            return 404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>"
        if path.startswith("/submissions/CIK"):
            return 200, _JSON, sec.submissions(symbol, now)
        if path.startswith("/api/xbrl/companyfacts/CIK"):
            return 200, _JSON, sec.companyfacts(symbol, now)
        return 404, "text/html", NOT_FOUND_PAGE


def stooq_unknown(codes: str) -> str:
    """Stooq's answer for symbols it does not know (`N/D` in every field): the replay market's
    Stooq carries none, so a symbol Yahoo did not answer is unknown there too."""
    rows = [",".join([code.upper()] + ["N/D"] * 8) for code in codes.split(" ") if code]
    return "\n".join(["Symbol,Date,Time,Open,High,Low,Close,Volume,Name", *rows]) + "\n"


def _symbol(path: str) -> str:
    return unquote(path.rsplit("/", 1)[-1])


def _has_session(request: Request) -> bool:
    crumb = request.query.get("crumb", "")
    return crumb == yahoo.CRUMB and "A3=" in request.headers.get("cookie", "")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30  # an idle keep-alive connection closes after this
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("demo market: " + format, *args)

    def do_GET(self) -> None:
        market: ReplayMarket = self.server.market  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = Request(parts.path, query, headers, self.client_address[0])
        try:
            status, kind, body = market.answer(request)
        except Exception:  # a bug of the generator: said as a server error, logged
            log.exception("demo market: %s failed", self.path)
            status, kind, body = 500, "text/plain", "Internal Server Error"
        data = body.encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            if parts.path in ("/", "/fc"):  # Yahoo's cookie page: 404, with the cookie
                self.send_header("Set-Cookie", yahoo.COOKIE)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
