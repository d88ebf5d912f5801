"""An httpx transport over curl_cffi that shakes hands like a current Chrome, so the rest of the
code keeps its one httpx client (market/http/client.py) while the server sees a browser's TLS.

Yahoo has answered 429 to clients whose TLS ClientHello is not a browser's (Python's ssl sends no
GREASE values, no ALPS, no certificate compression). curl_cffi impersonates Chrome's whole
handshake; the User-Agent sent must then be Chrome's too (BROWSER_USER_AGENT is one).

curl decodes gzip/br/zstd itself, so the answer is handed on without its Content-Encoding (and
Content-Length), and the cap on decoded bytes is kept here, as curl writes them: curl_cffi's stream
queues every chunk curl decodes, faster than anyone reads them (a 1 MiB gzip answer inflating to
1 GiB took 2.1 GB), so the body is gathered by a write callback that stops the transfer one byte
past the request's cap (the `max_bytes` extension MarketClient sets); market/http/body.py then
sees that byte and refuses the body as it does over httpx's own transport. Redirects are left to
MarketClient, which follows them by hand.

curl_cffi (40-50 ms of imports) is loaded with the first request the transport sends, not when a
client is built, and only once a connection to that request's host has been made: a refresh that
reaches no host never loads it (docs/performance.md). Where curl_cffi can't be loaded, the
requests go out through httpx's own client with Python's handshake (`instead`), and
`on_problem` is told why, once: the refresh's note, as `catalyst status` says.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from typing import TYPE_CHECKING, Any

import httpx

from .pool import proxy_for

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable

IMPERSONATE = "chrome"
DEFAULT_CAP = 64 << 20  # decoded bytes kept of a request that names no cap
_DROPPED = frozenset({"content-encoding", "content-length", "transfer-encoding"})


@functools.cache
def load_problem() -> str | None:
    """Why curl_cffi can't be loaded in this Python (not installed, its libcurl missing or
    built for another machine), or None when it can: asked once per process, by the first
    request a browser transport sends, and by `catalyst status`."""
    try:
        import curl_cffi.requests  # noqa: F401
    except Exception as exc:  # ImportError, OSError of a shared library, anything of a broken wheel
        return f"{type(exc).__name__}: {exc}"
    return None


class BrowserTransport(httpx.AsyncBaseTransport):
    """`httpx.AsyncClient(transport=BrowserTransport(...))`: every request through curl_cffi;
    through `instead()` (httpx's own client) where curl_cffi can't be loaded."""

    def __init__(
        self,
        instead: Callable[[], httpx.AsyncClient],
        on_problem: Callable[[str], None] | None = None,
        impersonate: str = IMPERSONATE,
        *,
        verify: bool = True,
    ) -> None:
        self._instead, self._on_problem = instead, on_problem
        self._impersonate, self._verify = impersonate, verify
        self._session: Any = None  # curl_cffi's, made by the first request that goes out
        self._fallback: httpx.AsyncClient | None = None
        self._starting: asyncio.Lock | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._session is None and self._fallback is None:
            await self._start(request)
        if self._fallback is not None:
            return await self._fallback.send(request, stream=True)
        return await self._through_curl(request)

    async def _start(self, request: httpx.Request) -> None:
        """Load curl_cffi once the request's host is found reachable (else the request fails
        as a refused or unresolved connection does, and nothing is loaded); its session, or
        httpx's own client where it can't be loaded."""
        self._starting = self._starting or asyncio.Lock()
        async with self._starting:
            if self._session is not None or self._fallback is not None:
                return
            if proxy_for(request.url) is None:  # through a proxy: curl_cffi's to find the host
                await _connect(request)
            problem = load_problem()
            if problem is None:
                from curl_cffi.requests import AsyncSession

                self._session = AsyncSession(impersonate=self._impersonate, verify=self._verify)
                return
            if self._on_problem is not None:
                self._on_problem(problem)
            self._fallback = self._instead()

    async def _through_curl(self, request: httpx.Request) -> httpx.Response:
        from curl_cffi.curl import CURL_WRITEFUNC_ERROR

        timeout = request.extensions.get("timeout", {})
        # curl's own limit on the whole transfer: a cancelled coroutine does not stop curl, so
        # the request's deadline must be curl's too.
        deadline = request.extensions.get("deadline")
        cap = request.extensions.get("max_bytes") or DEFAULT_CAP
        parts: list[bytes] = []
        kept = 0

        def write(chunk: bytes) -> int:
            nonlocal kept
            room = cap + 1 - kept  # one byte past the cap: enough for the cap to see it
            parts.append(chunk[:room])
            kept += min(len(chunk), room)
            return CURL_WRITEFUNC_ERROR if kept > cap else len(chunk)

        try:
            answer = await self._session.request(
                request.method,
                str(request.url),
                headers=list(request.headers.multi_items()),
                data=await request.aread() or None,
                allow_redirects=False,
                content_callback=write,
                timeout=deadline or timeout.get("read") or 30.0,
            )
        except Exception as exc:  # curl's errors, as the httpx errors market/http/client.py knows
            answer = getattr(exc, "response", None)
            if kept <= cap or answer is None:  # not stopped by the cap: a transport failure
                raise _as_httpx_error(exc, request) from exc
        headers = [
            (name, value)
            for name, value in answer.headers.multi_items()
            if name.lower() not in _DROPPED
        ]
        return httpx.Response(
            answer.status_code, headers=headers, stream=_Body(parts), request=request
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
        if self._fallback is not None:
            await self._fallback.aclose()


async def _connect(request: httpx.Request) -> None:
    """A connection to the request's host and port, closed at once: httpx's ConnectError (or
    ConnectTimeout, after the request's connect timeout) when none can be made, as for any
    request (market/http/transport.py `transport_failure` reads its cause)."""
    url = request.url
    host = url.raw_host.decode("ascii")  # a name as DNS has it (IDNA), an IPv6 without brackets
    port = url.port or (443 if url.scheme == "https" else 80)
    timeout = request.extensions.get("timeout", {}).get("connect")
    try:
        async with asyncio.timeout(timeout):
            _, writer = await asyncio.open_connection(host, port, happy_eyeballs_delay=0.25)
    except TimeoutError:
        raise httpx.ConnectTimeout(f"no connection to {host}:{port}", request=request) from None
    except OSError as exc:
        raise httpx.ConnectError(str(exc), request=request) from exc
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()


class _Body(httpx.AsyncByteStream):
    """What curl wrote, at most a byte past the cap, handed on chunk by chunk."""

    def __init__(self, parts: list[bytes]) -> None:
        self._parts = parts

    async def __aiter__(self) -> AsyncIterator[bytes]:
        parts, self._parts = self._parts, []
        for part in parts:
            yield part

    async def aclose(self) -> None:
        self._parts = []


def _as_httpx_error(exc: Exception, request: httpx.Request) -> httpx.TransportError:
    text = str(exc)
    lowered = text.lower()
    if "timed out" in lowered or "timeout" in lowered:
        return httpx.ReadTimeout(text, request=request)
    if "connect" in lowered or "resolve" in lowered:
        return httpx.ConnectError(text, request=request)
    return httpx.ReadError(text, request=request)
