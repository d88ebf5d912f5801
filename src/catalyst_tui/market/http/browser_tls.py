"""An httpx transport over curl_cffi that shakes hands like a current Chrome, so the rest of the
code keeps its one httpx client (market/http/client.py) while the server sees a browser's TLS.

Yahoo has answered 429 to clients whose TLS ClientHello is not a browser's (Python's ssl sends no
GREASE values, no ALPS, no certificate compression). curl_cffi impersonates Chrome's whole
handshake; the User-Agent sent must then be Chrome's too (BROWSER_USER_AGENT is one).

curl decodes gzip/br/zstd itself, so the answer is handed on without its Content-Encoding (and
Content-Length): market/http/body.py's cap then counts the decoded bytes as they come, as it does
for httpx's own transport. Redirects are left to MarketClient, which follows them by hand.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator
from typing import Any

import httpx

IMPERSONATE = "chrome"
_CLOSING: set[asyncio.Future[None]] = set()  # streams closing in the background
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
        timeout = request.extensions.get("timeout", {})
        # curl's own limit on the whole transfer: a cancelled coroutine does not stop curl, and
        # closing a stream waits for its transfer, so the request's deadline must be curl's too.
        deadline = request.extensions.get("deadline")
        try:
            answer = await self._session.request(
                request.method,
                str(request.url),
                headers=list(request.headers.multi_items()),
                data=await request.aread() or None,
                allow_redirects=False,
                stream=True,
                timeout=deadline or timeout.get("read") or 30.0,
            )
        except Exception as exc:  # curl's errors, as the httpx errors market/http/client.py knows
            raise _as_httpx_error(exc, request) from exc
        headers = [
            (name, value)
            for name, value in answer.headers.multi_items()
            if name.lower() not in _DROPPED
        ]
        return httpx.Response(
            answer.status_code, headers=headers, stream=_Body(answer), request=request
        )

    async def aclose(self) -> None:
        await self._session.close()


class _Body(httpx.AsyncByteStream):
    def __init__(self, answer: Any) -> None:
        self._answer = answer

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._answer.aiter_content():
            yield chunk

    async def aclose(self) -> None:
        # Closing waits for curl's transfer to end (at the deadline curl was given): not here,
        # where a cancelled request must return at once.
        task = asyncio.ensure_future(self._answer.aclose())
        _CLOSING.add(task)
        task.add_done_callback(_CLOSING.discard)


def _as_httpx_error(exc: Exception, request: httpx.Request) -> httpx.TransportError:
    text = str(exc)
    lowered = text.lower()
    if "timed out" in lowered or "timeout" in lowered:
        return httpx.ReadTimeout(text, request=request)
    if "connect" in lowered or "resolve" in lowered:
        return httpx.ConnectError(text, request=request)
    return httpx.ReadError(text, request=request)
