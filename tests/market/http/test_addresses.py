"""The one address policy (market/http/addresses.py, market/http/guarded.py): a link a document
names reaches no loopback, private, link-local or metadata address in any spelling unless the
user allows it, judged before any look-up (a spelled address, a metadata name: never resolved),
after the look-up where the connection is made (the name "localhost", resolved by the machine's
own resolver, on a real loopback server) and at every redirect; a URL the user wrote (a
provider's, a feed's) is not a named one; a channel is held to link-local and metadata
addresses alone."""

from __future__ import annotations

import asyncio
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

import httpx
import pytest

from catalyst_tui.market.http.addresses import (
    Named,
    address_refused,
    allowed,
    literal_address,
    refused_host,
    refused_url,
)
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import FetchError

#: The issue's links, each a spelling of a refused address or a metadata service's name.
METADATA_LINKS = [
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://[::ffff:169.254.169.254]/latest/meta-data/",
    "http://[fe80::1]/",
    "http://2852039166/latest/meta-data/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://0xa9fea9fe/",
    "http://0251.0376.0251.0376/",
    "http://169.254.43518/",
    "http://169.254.169.254./",
    "http://[64:ff9b::a9fe:a9fe]/",
]
PRIVATE_LINKS = [
    "http://127.0.0.1:8080/admin",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://192.168.1.1/router",
    "http://172.16.0.9/",
    "http://100.100.100.200/latest/meta-data/",
    "http://0.0.0.0:8080/",
    "http://2130706433/",  # 127.0.0.1 as one number
    "http://224.0.0.1/",
]


@pytest.mark.parametrize("url", METADATA_LINKS + PRIVATE_LINKS)
def test_every_spelling_of_a_refused_address_is_refused_before_any_look_up(url: str):
    assert refused_url(url) is not None


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "gopher://127.0.0.1:25/", "ftp://example.com/x", "http:///x"]
)
def test_a_link_that_is_no_http_url_is_refused(url: str):
    assert refused_url(url) is not None


@pytest.mark.parametrize(
    "url", ["https://ir.example.com/news", "http://93.184.216.34/", "https://[2606:4700::1]/"]
)
def test_a_public_address_or_a_name_passes_its_spelling(url: str):
    assert refused_url(url) is None


def test_an_address_allowed_is_allowed_in_every_spelling_and_a_name_as_written():
    assert refused_url("http://2852039166/", ["169.254.169.254"]) is None
    assert refused_url("http://[::ffff:a9fe:a9fe]/", ["169.254.169.254"]) is not None  # another
    assert allowed("127.0.0.1", ["[0x7f.1]"]) and allowed("Intranet.Example.", ["intranet.example"])
    assert refused_url("http://10.0.0.1/", ["10.0.0.2"]) is not None


def test_the_refusal_names_the_address_as_spelled_and_as_it_is():
    assert refused_host("2852039166") == "2852039166 (169.254.169.254) is a cloud metadata address"
    assert refused_host("fe80::1") == "fe80::1 is a link-local address"
    assert refused_host("10.1.2.3") == "10.1.2.3 is a private address"


def test_a_channel_is_held_to_link_local_and_metadata_addresses_alone():
    """A channel's URL is the user's, for a service the user runs: on this machine or the LAN
    it is at home; a metadata service or a link-local address is refused, in any spelling."""
    for host in ("127.0.0.1", "10.0.0.5", "192.168.1.20", "ntfy.example.com"):
        assert refused_host(host, named=False) is None
    for host in ("169.254.169.254", "2852039166", "::ffff:169.254.169.254", "metadata"):
        assert refused_host(host, named=False) is not None
    from catalyst_tui.config.channels import forbidden_host

    assert forbidden_host("json://2852039166/hook") == "2852039166"
    assert forbidden_host("json://2852039166/hook", ("169.254.169.254",)) is None


def test_literal_addresses_are_read_as_the_resolver_reads_them():
    assert str(literal_address("2852039166")) == "169.254.169.254"
    assert str(literal_address("[::1]")) == "::1"
    assert literal_address("1e100.net") is None and literal_address("face.b00c") is None
    assert address_refused(literal_address("8.8.8.8"), named=True) is None  # type: ignore[arg-type]


class _Pages(BaseHTTPRequestHandler):
    """Any path a page; `/to?URL` a redirect to the URL after the question mark."""

    def do_GET(self) -> None:
        self.server.asked.append(self.path)  # type: ignore[attr-defined]
        if self.path.startswith("/to?"):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/to?"))
            self.end_headers()
            return
        body = b"<html><p>A page.</p></html>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def pages():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.asked = []  # type: ignore[attr-defined]
    Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


async def named_get(url: str, allow: tuple[str, ...] = ()) -> httpx.Response | FetchError:
    async with MarketClient(trust_env=False, attempts=1) as client:
        try:
            return await client.get("feeds", url, named=Named(allow))
        except FetchError as error:
            return error


def test_a_named_link_to_loopback_is_refused_unless_allowed_and_a_written_one_is_not(pages):
    port = pages.server_address[1]
    refused = asyncio.run(named_get(f"http://127.0.0.1:{port}/page"))
    assert isinstance(refused, FetchError) and pages.asked == []
    assert "127.0.0.1 is a loopback address" in refused.message
    assert 'allow_hosts = ["127.0.0.1"]' in refused.message
    page = asyncio.run(named_get(f"http://127.0.0.1:{port}/page", ("127.0.0.1",)))
    assert isinstance(page, httpx.Response) and page.status_code == 200

    async def written() -> int:  # a provider's URL, as the user wrote it: no policy
        async with MarketClient(trust_env=False) as client:
            return (await client.get("feeds", f"http://127.0.0.1:{port}/page")).status_code

    assert asyncio.run(written()) == 200


def test_a_name_is_judged_by_the_addresses_it_resolves_to_where_it_connects(pages):
    """ "localhost" passes its spelling; the machine's resolver gives a loopback address, which
    is judged where the connection is made: refused, the server never asked. Allowed by that
    address, the name connects to it."""
    port = pages.server_address[1]
    refused = asyncio.run(named_get(f"http://localhost:{port}/page"))
    assert isinstance(refused, FetchError), refused
    assert "localhost resolves to" in refused.message and "a loopback address" in refused.message
    assert pages.asked == []
    page = asyncio.run(named_get(f"http://localhost:{port}/page", ("127.0.0.1", "::1")))
    assert isinstance(page, httpx.Response) and page.status_code == 200


def test_every_redirect_is_judged(pages):
    """An allowed page that redirects to the metadata address: refused at the hop, before any
    request to it (and another origin is never followed in any case)."""
    port = pages.server_address[1]
    said = asyncio.run(
        named_get(f"http://127.0.0.1:{port}/to?http://169.254.169.254/x", ("127.0.0.1",))
    )
    assert isinstance(said, FetchError)
    assert "169.254.169.254 is a cloud metadata address" in said.message
    assert pages.asked == ["/to?http://169.254.169.254/x"]
