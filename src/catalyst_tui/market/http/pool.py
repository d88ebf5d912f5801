"""An httpx transport over an httpcore connection pool whose network backend is ours to choose,
built through both libraries' public APIs: httpx's AsyncHTTPTransport takes no network backend,
httpcore's AsyncConnectionPool does (`network_backend=`). The guard of the URLs a document named
(market/http/guarded.py) and a test's network without name look-ups (tests/support/network.py)
are such backends.

httpcore's exceptions are raised again as httpx's of the same name (both libraries name them
alike: ConnectError, ReadTimeout, RemoteProtocolError, ...), while the request is sent and while
its body is read, so callers judge failures as they judge AsyncHTTPTransport's. Any other
exception (the guard's AddressRefused) passes as it is.
"""

from __future__ import annotations

import contextlib
import ssl
import typing
from typing import TYPE_CHECKING

import httpcore
import httpx

if TYPE_CHECKING:
    from collections.abc import AsyncIterable, AsyncIterator, Iterator


#: Every exception httpcore raises for a request (its module's roots).
_HTTPCORE_FAILURES = (
    httpcore.TimeoutException,
    httpcore.NetworkError,
    httpcore.ProtocolError,
    httpcore.ProxyError,
    httpcore.UnsupportedProtocol,
)


@contextlib.contextmanager
def _as_httpx() -> Iterator[None]:
    """httpcore's exception raised again as httpx's of the same name, the most specific one."""
    try:
        yield
    except _HTTPCORE_FAILURES as error:
        raise _httpx_kind(type(error))(str(error)) from error


def _httpx_kind(kind: type[Exception]) -> type[Exception]:
    """httpx's exception of the name of `kind` or of its nearest httpcore ancestor."""
    for ancestor in kind.__mro__:
        if ancestor.__module__.startswith("httpcore"):
            named = getattr(httpx, ancestor.__name__, None)
            if isinstance(named, type) and issubclass(named, httpx.TransportError):
                return named
    return httpx.TransportError


class _Body(httpx.AsyncByteStream):
    """An answer's body read from httpcore's stream, its failures said as httpx's."""

    def __init__(self, stream: AsyncIterable[bytes]) -> None:
        self.stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _as_httpx():
            async for part in self.stream:
                yield part

    async def aclose(self) -> None:
        close = getattr(self.stream, "aclose", None)
        if close is not None:
            with _as_httpx():
                await close()


class PoolTransport(httpx.AsyncBaseTransport):
    """Requests sent through an httpcore pool whose connections `network` makes (httpcore's own
    backend when None); `limits` as httpx's; `verify` the TLS context (Python's default when
    None); no proxy (the client mounts the environment's proxies on transports of their own)."""

    def __init__(
        self,
        *,
        network: httpcore.AsyncNetworkBackend | None = None,
        verify: ssl.SSLContext | None = None,
        limits: httpx.Limits | None = None,
    ) -> None:
        self.network = network
        limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20)
        self.pool = httpcore.AsyncConnectionPool(
            ssl_context=verify or ssl.create_default_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=network,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.AsyncByteStream)
        sent = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _as_httpx():
            answer = await self.pool.handle_async_request(sent)
        assert isinstance(answer.stream, typing.AsyncIterable)  # an async pool's answer
        return httpx.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=_Body(answer.stream),
            extensions=answer.extensions,
        )

    async def aclose(self) -> None:
        await self.pool.aclose()
