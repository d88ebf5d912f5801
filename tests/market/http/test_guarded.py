"""The connections of a URL a document named (market/http/guarded.py): made to the address the
guard judged, never to a name the resolver may answer otherwise, while TLS still checks the
certificate against the URL's name; behind the environment's proxy, the proxy is asked and
the spelling alone judged; a test's network makes them as it makes the others."""

from __future__ import annotations

import asyncio
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

import httpx
import pytest
from tests.support.network import Network, transport
from tests.support.tls import PAGE, TLSPages

from catalyst_tui.market.http.addresses import Named
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.http.guarded import ALLOWED, AddressRefused, GuardedTransport
from catalyst_tui.market.models import FetchError

LOOPBACK = ("127.0.0.1", "::1")


async def _guarded_get(pages: TLSPages, network: Network, allow: tuple[str, ...]) -> httpx.Response:
    guarded = GuardedTransport(network, pages.client_context(), httpx.Limits(), trust_env=False)
    allowed = ALLOWED.set(allow)
    try:
        async with httpx.AsyncClient(transport=guarded) as client:
            return await client.get(f"https://localhost:{pages.port}/page")
    finally:
        ALLOWED.reset(allowed)


def test_tls_checks_the_urls_name_on_the_address_the_guard_connected_to(tmp_path):
    """ "localhost" is looked up by the guard and each address judged; the connection is made to
    the address (the network is asked for 127.0.0.1, never for the name), and the certificate
    is still checked against "localhost"."""
    network = Network()
    with TLSPages(tmp_path, "localhost") as pages:
        answer = asyncio.run(_guarded_get(pages, network, LOOPBACK))
    assert answer.status_code == 200 and answer.content == PAGE
    assert "localhost" not in network.connects and network.connects["127.0.0.1"] >= 1


def test_a_certificate_for_another_name_is_refused_on_the_judged_address(tmp_path):
    network = Network()
    with TLSPages(tmp_path, "elsewhere.example") as pages:
        with pytest.raises(httpx.ConnectError, match="certificate verify failed"):
            asyncio.run(_guarded_get(pages, network, LOOPBACK))
        assert pages.asked == []
    assert network.connects["127.0.0.1"] >= 1


def test_the_guard_refuses_the_judged_address_before_any_handshake(tmp_path):
    network = Network()
    with TLSPages(tmp_path, "localhost") as pages:
        with pytest.raises(AddressRefused, match="localhost resolves to .*a loopback address"):
            asyncio.run(_guarded_get(pages, network, ()))
        assert pages.asked == []
    assert network.connects == {}


class _Proxy(BaseHTTPRequestHandler):
    """A forward proxy's first step for http: it is asked for the whole URL; it answers itself."""

    def do_GET(self) -> None:
        self.server.asked.append(self.path)  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch):
    """A loopback proxy the environment names for http, "localhost" left out of it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    server.asked = []  # type: ignore[attr-defined]
    Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("no_proxy", "localhost")
    yield server
    server.shutdown()
    server.server_close()


async def _named(url: str, **settings: object) -> httpx.Response | FetchError:
    async with MarketClient(attempts=1, **settings) as client:  # type: ignore[arg-type]
        try:
            return await client.get("feeds", url, named=Named())
        except FetchError as error:
            return error


def test_behind_the_environments_proxy_the_proxy_is_asked_and_the_spelling_judged(proxy):
    """The proxy looks the name up (nothing is resolved here); a spelling the policy refuses
    never reaches it; a host the environment leaves out of the proxy goes through the guard."""
    page = asyncio.run(_named("http://feeds.example/item", trust_env=True))
    assert isinstance(page, httpx.Response) and page.content == b"ok"
    assert proxy.asked == ["http://feeds.example/item"]
    refused = asyncio.run(_named("http://169.254.169.254/latest/", trust_env=True))
    assert isinstance(refused, FetchError) and "cloud metadata address" in refused.message
    direct = asyncio.run(_named("http://localhost:9/x", trust_env=True))
    assert isinstance(direct, FetchError) and "a loopback address" in direct.message
    assert proxy.asked == ["http://feeds.example/item"]
    unproxied = asyncio.run(_named("http://localhost:9/x", trust_env=False))  # no environment
    assert isinstance(unproxied, FetchError) and proxy.asked == ["http://feeds.example/item"]


def test_a_tests_network_makes_the_connections_of_a_named_url_too():
    network = Network()
    allowed = Named(("quotes.example",))

    async def get() -> FetchError:
        async with MarketClient(trust_env=False, attempts=1, transport=transport(network)) as c:
            with pytest.raises(FetchError) as failed:
                await c.get("feeds", "http://quotes.example/page", named=allowed)
            return failed.value

    error = asyncio.run(get())
    assert network.connects == {"quotes.example": 1}  # an allowed name: the network's to find
    assert "its name could not be looked up" in error.message  # NONAME, in words
