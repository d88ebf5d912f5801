"""The send child's cap on a service's answer (notify/send_child.py `cap_http`), in this process
against loopback servers, through requests as Apprise calls it: a too-large answer is cut at
ANSWER_CAP, the bytes past it never read; a compressed one is cut on what it decodes to; a short
one is read whole; and an answer that redirects still carries its cookie to the next address."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter

from catalyst_tui.notify.send_child import ANSWER_CAP, cap_http
from tests.support.push_server import PushServer

LOOPBACK = {"http": "", "https": ""}  # no proxy from the environment between us and 127.0.0.1


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The cap installed as the child installs it, and taken out again after the test."""
    monkeypatch.setattr(HTTPAdapter, "send", HTTPAdapter.send)
    said: dict[str, Any] = {}
    cap_http(said)
    return said


@pytest.fixture
def push() -> Iterator[PushServer]:
    with PushServer() as server:
        yield server


def test_a_too_large_answer_is_cut_at_the_cap(push: PushServer, seen: dict[str, Any]):
    push.huge = 64 << 20
    url = f"http://127.0.0.1:{push.port}/hook"
    answer = requests.post(url, data=b"{}", timeout=30, proxies=LOOPBACK)
    assert answer.status_code == 200
    assert answer.content == b"x" * ANSWER_CAP  # what Apprise reads and logs
    status, reason, words, length = seen["http"]
    assert (status, reason, words) == (200, "OK", "x" * 300)
    assert length == ANSWER_CAP + 1  # one byte past the cap: the answer went on
    # The reader went at the cap: the server wrote the cap and what the sockets' buffers held.
    assert push.written < 16 << 20


def test_a_short_answer_is_read_whole(push: PushServer, seen: dict[str, Any]):
    url = f"http://127.0.0.1:{push.port}/hook"
    answer = requests.post(url, data=b"{}", timeout=30, proxies=LOOPBACK)
    body = b'{"id":"1","event":"message"}'
    assert answer.content == body and answer.json() == {"id": "1", "event": "message"}
    assert seen["http"] == [200, "OK", body.decode(), len(body)]


class _Pages:
    """A loopback server of three pages: `/packed`, a megabyte of "y" gzipped (about 1 KiB on the
    wire); `/hop`, a redirect to `/landing` that sets a cookie; `/landing`, which answers with the
    Cookie header it was sent."""

    def __enter__(self) -> _Pages:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/hop":
                    self.send_response(302)
                    self.send_header("Location", "/landing")
                    self.send_header("Set-Cookie", "session=abc; Path=/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if self.path == "/packed":
                    body, extra = gzip.compress(b"y" * (1 << 20)), {"Content-Encoding": "gzip"}
                else:
                    body, extra = (self.headers.get("Cookie") or "none").encode(), {}
                self.send_response(200)
                for name, value in {**extra, "Content-Length": str(len(body))}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_compressed_answer_is_cut_on_what_it_decodes_to(seen: dict[str, Any]):
    with _Pages() as pages:
        answer = requests.get(f"{pages.base}/packed", timeout=30, proxies=LOOPBACK)
    assert answer.content == b"y" * ANSWER_CAP
    assert seen["http"][3] == ANSWER_CAP + 1


def test_a_redirect_carries_its_cookie_to_the_next_address(seen: dict[str, Any]):
    with _Pages() as pages:
        answer = requests.post(f"{pages.base}/hop", data=b"{}", timeout=30, proxies=LOOPBACK)
    assert [r.status_code for r in answer.history] == [302]
    assert answer.content == b"session=abc"
    assert seen["http"] == [200, "OK", "session=abc", len(b"session=abc")]
