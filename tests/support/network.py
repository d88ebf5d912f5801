"""A network for the HTTP client where no name resolves: the machine without network, with its
loopback. Every connection is counted by host; one to 127.0.0.1 is made for real, one to any
name fails after `delay` seconds with the resolver's own error (glibc's EAI_NONAME, as httpcore
raises it). Nothing leaves the machine: no look-up is made at all.

httpx's transport takes no network backend of its own: `transport(network)` is the package's
(market/http/pool.py `PoolTransport`), whose pool makes its connections with `network`; the
stack of the URLs a document named makes its own over the same network.
"""

from __future__ import annotations

import asyncio
import collections

import httpcore

from catalyst_tui.market.http.pool import PoolTransport

NONAME = "[Errno -2] Name or service not known"


class Network(httpcore.AsyncNetworkBackend):
    def __init__(self, *, delay: float = 0.0) -> None:
        self.delay = delay
        self.connects: collections.Counter[str] = collections.Counter()  # attempts by host
        self._real = httpcore.AnyIOBackend()

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.connects[host] += 1
        if host != "127.0.0.1":
            await asyncio.sleep(self.delay)  # the resolver's time to say no
            raise httpcore.ConnectError(NONAME)
        return await self._real.connect_tcp(host, port, timeout, local_address, socket_options)

    async def sleep(self, seconds: float) -> None:
        await self._real.sleep(seconds)


def transport(network: Network) -> PoolTransport:
    return PoolTransport(network)
