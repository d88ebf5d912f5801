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
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

IMPERSONATE = "chrome"
DEFAULT_CAP = 64 << 20  # decoded bytes kept of a request that names no cap
_DROPPED = frozenset({"content-encoding", "content-length", "transfer-encoding"})


@functools.cache
def load_problem() -> str | None:
    """Why curl_cffi can't be loaded in this Python (not installed, its libcurl missing or
    built for another machine), or None when it can: asked once per process, before a client
    is built with the browser's handshake."""
    try:
        import curl_cffi.requests  # noqa: F401
    except Exception as exc:  # ImportError, OSError of a shared library, anything of a broken wheel
        return f"{type(exc).__name__}: {exc}"
    return None


class BrowserTransport(httpx.AsyncBaseTransport):
    """`httpx.AsyncClient(transport=BrowserTransport())`: every request through curl_cffi."""

    def __init__(self, impersonate: str = IMPERSONATE, *, verify: bool = True) -> None:
        from curl_cffi.requests import AsyncSession  # only a client that asks for it loads it

        self._session: Any = AsyncSession(impersonate=impersonate, verify=verify)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
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
        await self._session.close()


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
