"""The connections of a URL a document named (market/http/addresses.py, the policy): made by a
network backend of httpcore's that looks the host's name up itself, judges every address the
look-up gives, and connects to the address it judged, never to a name the resolver may answer
otherwise the second time; the handshake still checks the certificate against the URL's name
(httpcore hands TLS the request's host, not the address). The hosts the user allows for the
request in hand are in `ALLOWED`, set by the client around the request (market/http/client.py).

httpx's transport takes no network backend of its own: the backend is given to httpcore's pool
under a transport of ours (market/http/pool.py `PoolTransport`). Behind a proxy the environment
names (`trust_env`), the request goes to the proxy, which looks the name up: there the
spelling alone is judged (`refused_url`, before the request and at every redirect).
"""

from __future__ import annotations

import asyncio
import contextvars
import socket
from typing import TYPE_CHECKING, Any

import httpcore
import httpx

from .addresses import address_refused, allowed, literal_address
from .pool import PoolTransport, proxy_for

if TYPE_CHECKING:
    import ssl
    from collections.abc import Iterable

#: The hosts the user allows (`[settings] allow_hosts`) for the named request in hand.
ALLOWED: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "catalyst_allowed_hosts", default=()
)


class AddressRefused(Exception):
    """A named URL's host, or an address it resolves to, that the policy refuses: why."""


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """`inner`'s connections, each to an address the policy allows (module docstring)."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self.inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        allow = ALLOWED.get()
        if allowed(host, allow):
            addresses = [host]
        else:
            addresses = await _looked_up(host, port)
            for address in addresses:
                kind = address_refused(_address(address), named=True)
                if kind is not None and not allowed(address, allow):
                    if address == host:
                        raise AddressRefused(f"{host} is {kind}")
                    raise AddressRefused(f"{host} resolves to {address}, {kind}")
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise AddressRefused("a Unix socket is no address a document may name")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def _address(text: str) -> Any:
    address = literal_address(text)
    assert address is not None  # getaddrinfo gives addresses
    return address


async def _looked_up(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, each once, in the resolver's order; httpcore's
    ConnectError (the resolver's own words) when it resolves to none."""
    if literal_address(host) is not None:
        return [host]
    try:
        found = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        raise httpcore.ConnectError(str(error)) from None
    return list(dict.fromkeys(str(info[4][0]) for info in found))


class GuardedTransport(httpx.AsyncBaseTransport):
    """Each request's connections made by a GuardedBackend over `inner` (httpcore's AnyIO
    backend when none is given); with `trust_env`, a request the environment sends through a
    proxy goes there (`proxy_for`), through httpx's transport of that proxy."""

    def __init__(
        self,
        inner: httpcore.AsyncNetworkBackend | None,
        ssl_context: ssl.SSLContext,
        limits: httpx.Limits,
        *,
        trust_env: bool,
    ) -> None:
        backend = GuardedBackend(inner or httpcore.AnyIOBackend())
        self.direct = PoolTransport(backend, ssl_context=ssl_context, limits=limits)
        self.ssl_context, self.limits, self.trust_env = ssl_context, limits, trust_env
        self.proxied: dict[str, httpx.AsyncHTTPTransport] = {}  # by the proxy's URL

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        proxy = proxy_for(request.url) if self.trust_env else None
        if proxy is None:
            return await self.direct.handle_async_request(request)
        if proxy not in self.proxied:
            self.proxied[proxy] = httpx.AsyncHTTPTransport(
                verify=self.ssl_context, limits=self.limits, proxy=proxy, retries=0
            )
        return await self.proxied[proxy].handle_async_request(request)

    async def aclose(self) -> None:
        for transport in (self.direct, *self.proxied.values()):
            await transport.aclose()
