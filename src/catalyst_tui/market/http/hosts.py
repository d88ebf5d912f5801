"""The hosts one client (one refresh) has met: those it reached, those it found unreachable, and
the first contact with each, which the other requests to that host wait for (http/client.py).

A name that does not resolve made every request to it look it up again, each look-up taking
seconds when the network is gone (884 of them in a two-minute refresh); now one request finds
out, the others learn it from it."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable


class Hosts:
    def __init__(self) -> None:
        self.reached: set[str] = set()  # connected to, by this client
        self.down: dict[str, str] = {}  # host → why it is unreachable, until the next cycle
        self._contact: dict[str, asyncio.Event] = {}  # host → set when its first contact ends

    async def first_contact(self, host: str) -> bool:
        """Wait while another request makes the first contact with `host` (True: this one is
        to make it). Returns at once for a host reached or found down (`down` says why)."""
        while host not in self.down and host not in self.reached:
            made = self._contact.get(host)
            if made is None:
                self._contact[host] = asyncio.Event()
                return True
            await made.wait()
        return False

    def connected(self, host: str) -> None:
        self.reached.add(host)
        self.contact_ended(host)

    def contact_ended(self, host: str) -> None:
        """The first contact with `host` connected, or ended: the requests waiting for it go on
        (when it ended without a verdict, cancelled, one of them makes it again)."""
        made = self._contact.pop(host, None)
        if made is not None:
            made.set()

    def tracer(self, host: str) -> Callable[[str, object], Awaitable[None]]:
        """httpcore's trace callback for the first contact: connected means reached, before the
        answer comes."""

        async def trace(event: str, _info: object) -> None:
            if event == "connection.connect_tcp.complete":
                self.connected(host)

        return trace
