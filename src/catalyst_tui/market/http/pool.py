"""httpx's transport over httpcore's connection pool with the network backend given, which httpx's
own transport takes none of: the connections of the URLs a document named
(market/http/guarded.py) and a test's network. It does what httpx's does through their public
APIs: the request handed to the pool as httpcore's, the answer's body read from its stream, and
httpcore's exceptions raised as httpx's of the same name (`httpcore.ConnectError` as
`httpx.ConnectError`, its cause kept), on the request and on the body alike. The environment's
proxy for a URL is `proxy_for`'s.
"""

from __future__ import annotations

import contextlib
import urllib.request
from collections.abc import AsyncIterable
from typing import TYPE_CHECKING

import httpcore
import httpx

if TYPE_CHECKING:
    import ssl
    from collections.abc import AsyncIterator, Iterator


class PoolTransport(httpx.AsyncBaseTransport):
    """`httpx.AsyncClient(transport=PoolTransport(network))`: every connection made by `network`
    (httpcore's own AnyIO backend when none is given), one pool of `limits`, HTTP/1.1, no retry."""

    def __init__(
        self,
        network: httpcore.AsyncNetworkBackend | None = None,
        *,
        ssl_context: ssl.SSLContext | None = None,
        limits: httpx.Limits | None = None,
    ) -> None:
        self.network = network or httpcore.AnyIOBackend()
        limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20)
        self.pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=self.network,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        asked = httpcore.Request(
            request.method,
            httpcore.URL(
                scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _as_httpx():
            answer = await self.pool.handle_async_request(asked)
        assert isinstance(answer.stream, AsyncIterable)  # an async pool's
        return httpx.Response(
            answer.status,
            headers=answer.headers,
            stream=_Body(answer.stream),
            extensions=answer.extensions,
        )

    async def aclose(self) -> None:
        await self.pool.aclose()


class _Body(httpx.AsyncByteStream):
    """The pool's answer body, its failures httpx's."""

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


@contextlib.contextmanager
def _as_httpx() -> Iterator[None]:
    """httpcore's exception raised as httpx's of the nearest name in its class's ancestry
    (both libraries name the same failures alike); any other exception as it is."""
    try:
        yield
    except Exception as error:
        for kind in type(error).__mro__:
            same = getattr(httpx, kind.__name__, None) if _httpcores(kind) else None
            if isinstance(same, type) and issubclass(same, httpx.TransportError):
                raise same(str(error)) from error
        raise


def _httpcores(kind: type) -> bool:
    return kind.__module__.split(".")[0] == "httpcore"


def proxy_for(url: httpx.URL) -> str | None:
    """The proxy the environment names for `url` (`https_proxy`, `http_proxy`, `all_proxy`, not
    for a host `no_proxy` names), as a URL; None when `url` goes direct."""
    proxies = urllib.request.getproxies()
    named = proxies.get(url.scheme) or proxies.get("all")
    if not named or urllib.request.proxy_bypass(url.host):
        return None
    return named if "://" in named else f"http://{named}"
