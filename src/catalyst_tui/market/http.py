"""The one shared HTTP client: concurrency cap, per-provider rate limits, timeouts, retries.

Every provider request goes through `MarketClient.get`, which either returns a final response
(any status the provider must interpret itself: 2xx, 404, 401...) or raises FetchError; raw httpx
exceptions never leave this module. Retried: 5xx, 429, timeouts, dropped connections (up to
`attempts` in all, exponential backoff with full jitter, `Retry-After` honoured up to a cap) and
connections that cannot be made (refused, DNS, connect timeout: once, quickly). A host that could
not be reached twice in a row is then failed at once for `host_down_for` seconds, so a machine
with no network finishes a refresh of hundreds of symbols in seconds, not one timeout each.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping
from email.utils import parsedate_to_datetime
from types import TracebackType
from urllib.parse import urlsplit

import httpx

from .models import ErrorKind, FetchError

log = logging.getLogger(__name__)

# A current desktop Chrome: Yahoo answers 429 to library user agents.
BROWSER_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36"
)
# Requests per second. SEC EDGAR's published limit is 10/s; Finnhub's free tier 60/min.
DEFAULT_RATE_LIMITS: Mapping[str, float] = {"sec": 10.0, "finnhub": 1.0}

Sleep = Callable[[float], Awaitable[None]]


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """Built once per process: loading the CA bundle is slow, and every client needs it."""
    return httpx.create_ssl_context()


class RateLimit:
    """Spaces the requests of one provider at least 1/rate seconds apart (no bursts).

    A request takes its turn, then its global concurrency slot, and only then is the next turn
    scheduled, so a queue behind the global cap cannot release a burst later. The slack keeps a
    server's clock from ever seeing rate + 1 requests within one second.
    """

    SLACK = 0.01

    def __init__(self, per_second: float) -> None:
        if per_second <= 0:
            raise ValueError("a rate limit must be positive")
        self.per_second = per_second
        self.interval = 1.0 / per_second + self.SLACK
        self._turn = asyncio.Lock()
        self._next = 0.0

    async def acquire(self, slots: asyncio.Semaphore) -> None:
        async with self._turn:
            wait = self._next - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            await slots.acquire()
            self._next = time.monotonic() + self.interval


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), None if absent."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP-date is always GMT
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def describe_url(url: str | httpx.URL) -> str:
    """host/path of a URL, without the query string: the safe form for messages and logs."""
    text = str(url)
    try:
        parts = urlsplit(text)
    except ValueError:  # a malformed URL still gets described, just less precisely
        return text.split("?", 1)[0]
    return f"{parts.netloc}{parts.path}"


def raise_for_status(response: httpx.Response, provider: str, symbol: str | None = None) -> None:
    """FetchError for a non-2xx final response: 401/403 are "auth", anything else "http"."""
    if response.is_success:
        return
    kind: ErrorKind = "auth" if response.status_code in (401, 403) else "http"
    raise FetchError(
        kind,
        f"HTTP {response.status_code} from {describe_url(response.request.url)}",
        provider,
        symbol,
    )


class MarketClient:
    """One `httpx.AsyncClient` shared by every provider; use as `async with MarketClient() as c`."""

    def __init__(
        self,
        *,
        max_concurrency: int = 16,
        rate_limits: Mapping[str, float | None] | None = None,
        connect_timeout: float = 3.0,
        read_timeout: float = 10.0,
        attempts: int = 3,
        backoff_base: float = 0.5,
        backoff_max: float = 8.0,
        retry_after_cap: float = 30.0,
        connect_retry_delay: float = 0.2,
        deadline: float | None = None,
        host_down_for: float = 30.0,
        user_agent: str = BROWSER_USER_AGENT,
        trust_env: bool = True,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        if max_concurrency < 1 or attempts < 1:
            raise ValueError("max_concurrency and attempts must be at least 1")
        self.attempts = attempts
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.retry_after_cap = retry_after_cap
        self.connect_retry_delay = connect_retry_delay
        self.deadline = deadline
        self.host_down_for = host_down_for
        self._down_until: dict[str, float] = {}  # host → monotonic time it is tried again
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._slots = asyncio.Semaphore(max_concurrency)
        self._limits: dict[str, RateLimit] = {}
        for provider, per_second in {**DEFAULT_RATE_LIMITS, **(rate_limits or {})}.items():
            self.limit_rate(provider, per_second)
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            limits=httpx.Limits(
                max_connections=max_concurrency, max_keepalive_connections=max_concurrency
            ),
            headers={
                "User-Agent": user_agent,
                "Accept": "*/*",
                "Accept-Language": "en-US,en;q=0.9",
            },
            follow_redirects=True,
            trust_env=trust_env,
            verify=_ssl_context(),
        )

    async def __aenter__(self) -> MarketClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def cookies(self) -> httpx.Cookies:
        """The shared cookie jar (Yahoo's A3 cookie lives here)."""
        return self._http.cookies

    def limit_rate(self, provider: str, per_second: float | None) -> None:
        """Set (or with None, remove) the request rate limit of one provider."""
        if per_second is None:
            self._limits.pop(provider, None)
        else:
            self._limits[provider] = RateLimit(per_second)

    def rate_limit(self, provider: str) -> float | None:
        limit = self._limits.get(provider)
        return limit.per_second if limit else None

    async def get(
        self,
        provider: str,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
        symbol: str | None = None,
    ) -> httpx.Response:
        """GET with retries; the final response, or FetchError. `deadline`: seconds for it all."""
        deadline = self.deadline if deadline is None else deadline
        try:
            if deadline is None:
                return await self._get_with_retries(provider, url, params, headers, symbol)
            async with asyncio.timeout(deadline):
                return await self._get_with_retries(provider, url, params, headers, symbol)
        except TimeoutError:
            raise FetchError(
                "timeout",
                f"no answer from {describe_url(url)} within {deadline:g}s",
                provider,
                symbol,
            ) from None

    async def _get_with_retries(
        self,
        provider: str,
        url: str,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
        symbol: str | None,
    ) -> httpx.Response:
        where = describe_url(url)
        host = where.split("/", 1)[0]
        self._check_host(host, where, provider, symbol)
        connect_failures = 0
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            try:
                response = await self._send(provider, url, params, headers)
            except Exception as exc:  # CancelledError is a BaseException and passes through
                error, retry = _transport_failure(exc, where, provider, symbol)
                if retry == "never":
                    raise error from None
                if retry == "once":
                    # Refused or unresolvable: one quick retry catches a blip; more would only
                    # delay the verdict "offline" for every symbol of a refresh.
                    connect_failures += 1
                    if connect_failures > 1 or last:
                        self._down_until[host] = time.monotonic() + self.host_down_for
                        raise error from None
                    await self._sleep(self._rng.uniform(0, self.connect_retry_delay))
                    continue
            else:
                self._down_until.pop(host, None)
                status = response.status_code
                if status != 429 and status < 500:
                    return response
                kind: ErrorKind = "rate_limited" if status == 429 else "http"
                error = FetchError(kind, f"HTTP {status} from {where}", provider, symbol)
                wait = None
                if status in (429, 503):
                    wait = parse_retry_after(response.headers.get("Retry-After"))
                if wait is not None and wait > self.retry_after_cap:
                    raise error.with_message(
                        f"{error.message}, asked to retry after {wait:.0f}s: not waiting that long"
                    )
                if wait is not None and not last:
                    log.debug("%s: %s, retry-after %.2fs", provider, error.message, wait)
                    await self._sleep(wait)
                    continue
            if last:
                raise _exhausted(error, attempt)
            delay = self._backoff(attempt)
            log.debug("%s: %s, retry %d in %.2fs", provider, error.message, attempt, delay)
            await self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _check_host(self, host: str, where: str, provider: str, symbol: str | None) -> None:
        until = self._down_until.get(host)
        if until is None:
            return
        left = until - time.monotonic()
        if left <= 0:
            del self._down_until[host]
            return
        raise FetchError(
            "network",
            f"cannot connect to {where}: unreachable moments ago (tried again in {left:.0f}s)",
            provider,
            symbol,
        )

    async def _send(
        self,
        provider: str,
        url: str,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
    ) -> httpx.Response:
        limit = self._limits.get(provider)
        if limit is None:
            await self._slots.acquire()
        else:
            await limit.acquire(self._slots)
        try:
            return await self._http.get(url, params=params, headers=headers)
        finally:
            self._slots.release()

    def _backoff(self, attempt: int) -> float:
        """Full jitter: uniform in [0, min(max, base * 2^(attempt-1))]."""
        return self._rng.uniform(0, min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1)))


def _transport_failure(
    exc: Exception, where: str, provider: str, symbol: str | None
) -> tuple[FetchError, str]:
    """The FetchError for an exception of the HTTP stack, and whether to retry: "always" (up to
    the attempt limit), "once" (connection refused, DNS) or "never"."""
    reason = _reason(exc)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError("network", f"bad URL {where}: {reason}", provider, symbol), "never"
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        return FetchError("network", f"cannot connect to {where}: {reason}", provider,
                          symbol), "once"  # fmt: skip
    if isinstance(exc, httpx.TimeoutException):
        return FetchError("timeout", f"{where} timed out ({type(exc).__name__})", provider,
                          symbol), "always"  # fmt: skip
    if isinstance(exc, httpx.TransportError | OSError):
        return FetchError("network", f"connection to {where} failed: {reason}", provider,
                          symbol), "always"  # fmt: skip
    if isinstance(exc, httpx.DecodingError):
        return FetchError("bad_body", f"undecodable answer from {where}: {reason}", provider,
                          symbol), "never"  # fmt: skip
    log.debug("%s: unexpected error from %s", provider, where, exc_info=exc)
    return FetchError("network", f"request to {where} failed: {reason}", provider,
                      symbol), "never"  # fmt: skip


def _exhausted(error: FetchError, attempts: int) -> FetchError:
    return (
        error.with_message(f"{error.message} (after {attempts} attempts)")
        if attempts > 1
        else error
    )


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
