"""httpx's transport over httpcore's pool with the network given (market/http/pool.py): it answers
and fails as httpx's own transport does, on the request and on the body, through public APIs
alone; and the environment's proxy for a URL."""

from __future__ import annotations

import socket
import threading

import httpcore
import httpx
import pytest
from tests.support.market_server import unused_local_url
from tests.support.network import NONAME, Network

from catalyst_tui.market.http.pool import PoolTransport, proxy_for


def _transports(network: Network) -> dict[str, httpx.AsyncBaseTransport]:
    """Ours over `network`, and httpx's own (whose connections to 127.0.0.1 are the machine's)."""
    return {"ours": PoolTransport(network), "httpx's": httpx.AsyncHTTPTransport(retries=0)}


class _Answering:
    """A loopback server that answers every connection once with ten bytes of a body whose
    length it says is `promised`, then hangs up."""

    def __init__(self, promised: int) -> None:
        self.promised = promised
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/page"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                head = f"HTTP/1.1 200 OK\r\nContent-Length: {self.promised}\r\n\r\n"
                conn.sendall(head.encode() + b"0123456789")


async def _failure(transport: httpx.AsyncBaseTransport, url: str, *, body: bool) -> Exception:
    async with httpx.AsyncClient(transport=transport) as client:
        try:
            response = await client.send(client.build_request("GET", url), stream=True)
            if body:
                await response.aread()
        except Exception as error:
            return error
    raise AssertionError(f"{url} did not fail")


@pytest.mark.parametrize("kind", ["ours", "httpx's"])
async def test_a_refused_connection_is_httpxs_connect_error_with_httpcores_cause(kind: str):
    error = await _failure(_transports(Network())[kind], unused_local_url(), body=False)
    assert type(error) is httpx.ConnectError
    assert type(error.__cause__) is httpcore.ConnectError
    assert str(error) == str(error.__cause__)


async def test_a_failure_of_the_network_given_is_raised_as_httpxs():
    network = Network()
    error = await _failure(PoolTransport(network), "http://quotes.example/x", body=False)
    assert type(error) is httpx.ConnectError and str(error) == NONAME
    assert network.connects == {"quotes.example": 1}  # made by the network given, not the machine


@pytest.mark.parametrize("kind", ["ours", "httpx's"])
async def test_a_body_cut_short_is_httpxs_remote_protocol_error(kind: str):
    server = _Answering(promised=100)
    try:
        error = await _failure(_transports(Network())[kind], server.url, body=True)
    finally:
        server.sock.close()
    assert type(error) is httpx.RemoteProtocolError
    assert type(error.__cause__) is httpcore.RemoteProtocolError


@pytest.mark.parametrize("kind", ["ours", "httpx's"])
async def test_an_answer_and_its_body_arrive_whole(kind: str):
    server = _Answering(promised=10)
    try:
        async with httpx.AsyncClient(transport=_transports(Network())[kind]) as client:
            response = await client.get(server.url)
    finally:
        server.sock.close()
    assert response.status_code == 200 and response.content == b"0123456789"
    assert response.extensions["http_version"] == b"HTTP/1.1"


def test_the_proxy_for_a_url_is_the_environments(monkeypatch: pytest.MonkeyPatch):
    """What curl_cffi's session and the guarded stack take: with none named, a URL goes direct
    (and the browser transport makes its own connection to the host first, which a proxy may
    be the only way to)."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    yahoo = httpx.URL("https://query1.finance.yahoo.com/v7/finance/quote")
    assert proxy_for(yahoo) is None
    monkeypatch.setenv("https_proxy", "http://proxy.example:3128")
    assert proxy_for(yahoo) == "http://proxy.example:3128"
    assert proxy_for(httpx.URL("http://query1.finance.yahoo.com/")) is None  # no http proxy
    monkeypatch.setenv("http_proxy", "proxy.lan:3128")
    monkeypatch.setenv("all_proxy", "http://other.lan:8080")
    assert proxy_for(httpx.URL("http://feeds.example/")) == "http://proxy.lan:3128"
    assert proxy_for(httpx.URL("ftp://feeds.example/")) == "http://other.lan:8080"
    monkeypatch.setenv("no_proxy", "finance.yahoo.com")
    assert proxy_for(yahoo) is None
