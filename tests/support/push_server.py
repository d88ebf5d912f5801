"""Loopback servers for the channels beyond the desktop: an HTTP endpoint that takes what ntfy and a
json:// webhook post (each request's path, headers and body, recorded), with a switch that makes it
answer 503 (a service down), after the first few taken or at once, one whose answer never ends
(`trickle`: a byte a second, until the client goes) and one whose answer is huge (`huge`: that many
bytes, counted in `written` as they go); and an SMTP server (aiosmtpd) that keeps each message, or
refuses it with the reply `refuse` names. Plain module, no pytest:

    with PushServer() as push, SmtpServer() as smtp:
        url = f"ntfy://127.0.0.1:{push.port}/catalyst"  # or json://…/hook
        mail = f"mailto://127.0.0.1:{smtp.port}?from=me@example.com&to=me@example.com"
"""

from __future__ import annotations

import email
import email.policy
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Posted:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class PushServer:
    posted: list[Posted] = field(default_factory=list)
    down: bool = False  # answer `down_status` (503) to everything
    down_status: int = 503
    take_first: int | None = (
        None  # take this many first, then be `down` or `trickle` (None: at once)
    )
    requests: int = 0  # requests that came, each counted as it came
    trickle: bool = False  # an answer that never ends: a byte a second while the client reads
    huge: int = 0  # an answer of this many bytes (0: the usual short one)
    written: int = 0  # bytes of the trickling or huge answers written so far
    open: int = 0  # trickling or huge answers whose client still reads
    asked: threading.Event = field(default_factory=threading.Event)  # a request came
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _httpd: ThreadingHTTPServer | None = None
    _port: int = 0

    @property
    def port(self) -> int:
        return self._port

    def bodies(self, path: str) -> list[bytes]:
        with self._lock:
            return [p.body for p in self.posted if p.path.split("?")[0] == path]

    def __enter__(self) -> PushServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                server.asked.set()
                with server._lock:
                    server.requests += 1
                    early = server.take_first is not None and server.requests <= server.take_first
                if (server.trickle or server.huge) and not early:
                    self.endless()
                    return
                if server.down and not early:
                    self.send_response(server.down_status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                with server._lock:
                    server.posted.append(Posted(self.path, dict(self.headers.items()), body))
                answer = b'{"id":"1","event":"message"}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            do_PUT = do_POST

            def endless(self) -> None:
                size = server.huge or 1 << 40
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(size))
                self.end_headers()
                chunk = b"x" if server.trickle else b"x" * (1 << 20)
                left = size
                with server._lock:
                    server.open += 1
                try:
                    while left > 0 and server._httpd is not None:
                        piece = chunk[: min(len(chunk), left)]
                        self.wfile.write(piece)
                        self.wfile.flush()
                        left -= len(piece)
                        with server._lock:
                            server.written += len(piece)
                        if server.trickle:
                            time.sleep(1.0)
                except OSError:  # the client went: what it read is what was written
                    pass
                finally:
                    with server._lock:
                        server.open -= 1

            def log_message(self, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._port = int(self._httpd.server_address[1])
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._httpd is not None
        httpd, self._httpd = self._httpd, None  # an endless answer stops at its next piece
        httpd.shutdown()
        httpd.server_close()


@dataclass
class SmtpServer:
    messages: list[email.message.EmailMessage] = field(default_factory=list)
    refuse: str = ""  # a reply refusing each message ("451 4.3.0 mailbox busy"); "" takes it
    _controller: Any = None

    @property
    def port(self) -> int:
        return int(self._controller.port)

    def __enter__(self) -> SmtpServer:
        from aiosmtpd.controller import Controller

        server = self

        class Handler:
            async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
                if server.refuse:
                    return server.refuse
                message = email.message_from_bytes(envelope.content, policy=email.policy.default)
                server.messages.append(message)
                return "250 OK"

        self._controller = Controller(Handler(), hostname="127.0.0.1", port=_free_port())
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._controller.stop()


def _free_port() -> int:
    """A port nobody listens on now (aiosmtpd's Controller checks its own by connecting)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
