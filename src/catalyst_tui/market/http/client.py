"""The one shared HTTP client: concurrency cap, per-provider rate limits, timeouts, retries,
a deadline and a body cap per request, redirects that keep a request's secrets at home.

Every provider request goes through `MarketClient.get`, which either returns a final response
(any status the provider must interpret itself: 2xx, 404, 401...) with its whole body, or raises
FetchError; raw httpx exceptions never leave this module. Retried: 5xx, 429, timeouts, dropped
connections (up to `attempts` in all, exponential backoff with full jitter, `Retry-After` honoured
up to a cap).

A client serves a refresh (a cycle; one kept across refreshes begins each with `new_cycle`),
and meets each host once before it asks it again: while the first request to a host is
connecting, the others to it wait (tens of concurrent look-ups of a name that does not resolve
took seconds each, 884 of them on a machine with no network). A host that cannot be reached on
that first contact (refused, not resolved, no answer to connect) is unreachable for the rest of
the cycle, and every request to it fails at once: a refresh of hundreds of symbols with no
network ends in seconds. One that answered before is given one quick retry when a connection to
it fails, then the same verdict.

Bounds no answer can get past (docs/market-data.md, The HTTP client): a deadline per request
(its own time, not its turn in the queue: then "no complete answer from ... within N s"); a cap
on the body counted after decompression (market/http/body.py), per provider; redirects followed
by hand and never out of the request's origin, so no other host's answer is taken for the
provider's and no header the caller gave (the Finnhub key, the SEC contact) leaves home.

A URL a document named (`named`: a feed item's page, a document added by its URL) goes by a
stack of its own under the one address policy (market/http/addresses.py): its spelling judged
before any look-up and at every redirect, every address its name resolves to when it connects
(market/http/guarded.py), unless the user's `allow_hosts` names it.
"""

from __future__ import annotations

import asyncio
import collections
import functools
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..models import ErrorKind, FetchError
from .errors import describe_url, exhausted, is_refusal
from .exchange import Call, exchange, judge
from .hosts import Hosts
from .limits import REQUEST_BOUNDS, RequestBounds
from .pacing import Budget, RateLimit, SharedRateLimit, parse_retry_after
from .transport import BROWSER_USER_AGENT, guarded_stack, http_stack, transport_failure

if TYPE_CHECKING:
    import httpx

    from .addresses import Named

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]


class MarketClient:
    """One `httpx.AsyncClient` shared by every provider; use as `async with MarketClient() as c`."""

    def __init__(
        self,
        *,
        max_concurrency: int = 16,
        rate_limits: Mapping[str, float | None] | None = None,
        bounds: Mapping[str, RequestBounds] | None = None,
        connect_timeout: float = 3.0,
        read_timeout: float = 10.0,
        attempts: int = 3,
        backoff_base: float = 0.5,
        backoff_max: float = 8.0,
        retry_after_cap: float = 30.0,
        connect_retry_delay: float = 0.2,
        deadline: float | None = None,
        max_bytes: int | None = None,
        user_agent: str = BROWSER_USER_AGENT,
        trust_env: bool = True,
        browser_tls: bool = False,
        browser_origins: tuple[str, ...] = (),
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        on_browser_problem: Callable[[str], None] | None = None,
    ) -> None:
        """`transport`: the HTTP stack's own (a test's network), instead of httpx's.
        `on_browser_problem`: told why, when curl_cffi can't be loaded for the browser's
        handshake (the requests then go with Python's)."""
        if max_concurrency < 1 or attempts < 1:
            raise ValueError("max_concurrency and attempts must be at least 1")
        self.attempts = attempts
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.retry_after_cap = retry_after_cap
        self.connect_retry_delay = connect_retry_delay
        self.deadline = deadline  # None: each provider's own (`bounds`, else REQUEST_BOUNDS)
        self.max_bytes = max_bytes
        # Requests sent, by provider (each attempt and each redirect hop is one).
        self.requests: collections.Counter[str] = collections.Counter()
        # Gets answered (a final status below 400) and failed (a FetchError), by provider, and
        # the last failure's message: how each provider did, for `catalyst status`.
        self.answered: collections.Counter[str] = collections.Counter()
        self.failed: collections.Counter[str] = collections.Counter()
        self.last_failure: dict[str, str] = {}
        # Answers a provider's module judged a refusal (EDGAR's 403, a 429), by provider: the
        # refresh pauses the provider, as it does a quote provider that refused.
        self.refusals: collections.Counter[str] = collections.Counter()
        self.hosts = Hosts()  # reached, and found unreachable in this cycle
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._slots = asyncio.Semaphore(max_concurrency)
        self._limits: dict[str, RateLimit] = {}
        for provider, per_second in (rate_limits or {}).items():
            self.limit_rate(provider, per_second)
        self._bounds = dict(bounds or {})
        # The stack of the URLs a document named, made with the first of them.
        self._named_stack = functools.partial(
            guarded_stack,
            max_concurrency,
            connect_timeout,
            read_timeout,
            user_agent,
            trust_env=trust_env,
            under=transport,
        )
        self._named: httpx.AsyncClient | None = None
        self._http = http_stack(
            max_concurrency,
            connect_timeout,
            read_timeout,
            user_agent,
            trust_env=trust_env,
            browser_tls=browser_tls,
            browser_origins=browser_origins,
            transport=transport,
            on_browser_problem=on_browser_problem,
        )

    async def __aenter__(self) -> MarketClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()
        if self._named is not None:
            await self._named.aclose()

    @property
    def closed(self) -> bool:
        return self._http.is_closed

    def new_cycle(self) -> None:
        """A refresh begins on a client kept from the one before (the daemon's, the TUI's
        worker's): a host found unreachable then is asked again (the network may be back); one
        reached is asked at once, concurrently, over the connections kept to it (should they
        fail, it gets the quick retry of a host that answered before, then the same verdict)."""
        self.hosts.down.clear()

    def limit_rate(self, provider: str, per_second: float | None) -> None:
        """Set (or with None, remove) the request rate limit of one provider."""
        if per_second is None:
            self._limits.pop(provider, None)
        else:
            self._limits[provider] = RateLimit(per_second)

    def share_rate(self, provider: str, path: Path) -> None:
        """Keep `provider`'s rate limit together with every process sharing the file `path`
        (pacing.SharedRateLimit); nothing when it has none."""
        limit = self._limits.get(provider)
        if limit is not None:
            self._limits[provider] = SharedRateLimit(limit.per_second, path)

    def rate_limit(self, provider: str) -> float | None:
        limit = self._limits.get(provider)
        return limit.per_second if limit else None

    def bounds(self, provider: str) -> RequestBounds:
        """The deadline and body cap of `provider`'s requests."""
        own = self._bounds.get(provider, REQUEST_BOUNDS)
        return RequestBounds(
            own.deadline if self.deadline is None else self.deadline,
            own.max_bytes if self.max_bytes is None else self.max_bytes,
        )

    async def get(
        self,
        provider: str,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
        symbol: str | None = None,
        max_bytes: int | None = None,
        named: Named | None = None,
    ) -> httpx.Response:
        """GET with retries: the final response with its whole body, or FetchError.
        `deadline` (seconds of the request's own time) and `max_bytes` (of decoded body)
        default to the provider's bounds. `named`: the URL is a document's, not the user's,
        fetched under the address policy with the hosts the user allows (a URL refused is a
        FetchError, "http", with no request made)."""
        bounds = self.bounds(provider)
        call = Call(
            provider,
            url,
            describe_url(url),
            symbol,
            params,
            headers,
            Budget(bounds.deadline if deadline is None else deadline),
            bounds.max_bytes if max_bytes is None else max_bytes,
            named,
        )
        try:
            response = await self._get_with_retries(call)
        except FetchError as exc:  # counted, not a refusal: a quote provider's come from quotes
            self.failed[provider] += 1
            self.last_failure[provider] = exc.message
            raise
        if response.status_code < 400:
            self.answered[provider] += 1
        return response

    def failure(self, error: FetchError) -> FetchError:
        """An answer the provider's module judged a failure (an error status it reads itself,
        as SEC's 403): counted as that provider's failure, and as a refusal when it turns this
        client away (the refresh then pauses the provider). Returns `error`, to raise."""
        self.failed[error.provider] += 1
        self.last_failure[error.provider] = error.message
        return self.refused(error)

    def refused(self, error: FetchError) -> FetchError:
        """A failure already counted (a FetchError of the request), noted as a refusal when it
        turns this client away (a 403, a 429 after the retries). Returns `error`, to raise."""
        if error.kind == "auth" or is_refusal(error):
            self.refusals[error.provider] += 1
        return error

    async def _get_with_retries(self, call: Call) -> httpx.Response:
        if call.named is not None:
            judge(call, call.url)
        host = call.where.split("/", 1)[0]
        first = await self.hosts.first_contact(host)
        why = self.hosts.down.get(host)
        if why is not None:
            raise FetchError(
                "network",
                f"cannot connect to {call.where}: not tried again in this refresh ({why})",
                call.provider,
                call.symbol,
            )
        try:
            return await self._retrying(call, host, first)
        finally:
            if first:
                self.hosts.contact_ended(host)

    async def _retrying(self, call: Call, host: str, first: bool) -> httpx.Response:
        where, provider, symbol = call.where, call.provider, call.symbol
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            try:
                response = await self._attempt(call, host if first else None)
            except FetchError:
                raise
            except Exception as exc:  # CancelledError is a BaseException and passes through
                error, retry = transport_failure(exc, where, provider, symbol)
                if retry == "never":
                    raise error from None
                if retry == "once":
                    # Refused, unresolvable or silent: on a first contact, the verdict for this
                    # cycle; a host that answered before gets one quick retry (a blip).
                    if host not in self.hosts.reached or attempt > 1 or last:
                        # The reason without this request's address: a later request to the
                        # host says its own address with it, never this one's.
                        said = error.message.removeprefix(f"cannot connect to {where}: ")
                        self.hosts.down[host] = said
                        raise error from None
                    await self._wait(call, error, self._rng.uniform(0, self.connect_retry_delay))
                    continue
            else:
                self.hosts.connected(host)
                status = response.status_code
                if status != 429 and status < 500:
                    return response
                kind: ErrorKind = "rate_limited" if status == 429 else "http"
                error = FetchError(kind, f"HTTP {status} from {where}", provider, symbol)
                wait = None
                if status in (429, 503):
                    wait = parse_retry_after(response.headers.get("Retry-After"))
                if wait is not None and wait > min(self.retry_after_cap, call.budget.left):
                    why = "not waiting that long"
                    if wait <= self.retry_after_cap:
                        why = f"beyond the request's deadline of {call.budget.total:g}s"
                    raise error.with_message(
                        f"{error.message}, asked to retry after {wait:.0f}s: {why}"
                    )
                if wait is not None and not last:
                    log.debug("%s: %s, retry-after %.2fs", provider, error.message, wait)
                    await self._wait(call, error, wait)
                    continue
            if last:
                raise exhausted(error, attempt)
            delay = self._backoff(attempt)
            log.debug("%s: %s, retry %d in %.2fs", provider, error.message, attempt, delay)
            await self._wait(call, exhausted(error, attempt), delay)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _wait(self, call: Call, error: FetchError, seconds: float) -> None:
        """Sleep before a retry, on the request's own time; `error` when none is left for it."""
        if seconds >= call.budget.left:
            raise error.with_message(
                f"{error.message}; no time left to retry within {call.budget.total:g}s"
            )
        call.budget.spend(seconds)
        await self._sleep(seconds)

    async def _attempt(self, call: Call, contact: str | None = None) -> httpx.Response:
        """One attempt: its turn (not counted), then the exchange within the time left; as the
        first `contact` with that host, the others wait for its connection."""
        limit = self._limits.get(call.provider)
        if limit is None:
            await self._slots.acquire()
        else:
            await limit.acquire(self._slots)
        started = time.monotonic()
        try:
            async with asyncio.timeout(call.budget.left) as timer:
                return await self._exchange(call, contact)
        except TimeoutError:
            if not timer.expired():
                raise
            raise FetchError(
                "timeout",
                f"no complete answer from {call.where} within {call.budget.total:g}s",
                call.provider,
                call.symbol,
            ) from None
        finally:
            self._slots.release()
            call.budget.spend(time.monotonic() - started)

    def _stack(self, call: Call) -> httpx.AsyncClient:
        """The HTTP stack of `call`: the guarded one for a document's URL."""
        if call.named is None:
            return self._http
        if self._named is None:
            self._named = self._named_stack()
        return self._named

    async def _exchange(self, call: Call, contact: str | None = None) -> httpx.Response:
        """The request, its redirects and the whole body of the last answer (exchange.py)."""

        def sent() -> None:
            self.requests[call.provider] += 1

        trace = self.hosts.tracer(contact) if contact is not None else None
        return await exchange(self._stack(call), call, sent, trace)

    def _backoff(self, attempt: int) -> float:
        """Full jitter: uniform in [0, min(max, base * 2^(attempt-1))]."""
        return self._rng.uniform(0, min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1)))
