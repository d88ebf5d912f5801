"""The browser transport, offline: a loopback TLS listener records the ClientHello each client
sends, and the transport's bears a current Chrome's traits that Python's ssl never sends; then the
same transport serves the loopback market through MarketClient, body cap and all."""

from __future__ import annotations

import asyncio
import socket
import ssl
import struct
from typing import NamedTuple

import pytest
from tests.support.gzip_bomb import read_bomb
from tests.support.hello_recorder import HelloRecorder
from tests.support.liveness import HANG
from tests.support.market_server import MarketServer

from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.yahoo.provider import YahooProvider

pytest.importorskip("curl_cffi")

ALPN = 0x0010
COMPRESS_CERTIFICATE = 0x001B  # RFC 8879: Chrome offers brotli
ALPS = frozenset({0x4469, 0x44CD})  # application_settings, old and new code points
ECH = 0xFE0D  # Chrome sends a GREASE encrypted_client_hello


class ClientHello(NamedTuple):
    ciphers: list[int]
    extensions: list[int]
    alpn: list[bytes]


def grease(value: int) -> bool:
    """RFC 8701: 0x0A0A, 0x1A1A, ... 0xFAFA."""
    return value & 0x0F0F == 0x0A0A and value >> 8 == value & 0xFF


def parse_client_hello(record: bytes) -> ClientHello:
    assert record[0] == 0x16, "not a TLS handshake record"
    body = record[5:]
    assert body[0] == 0x01, "not a ClientHello"
    at = 4 + 2 + 32  # handshake header, legacy version, random
    at += 1 + body[at]  # session id
    (length,) = struct.unpack(">H", body[at : at + 2])
    ciphers = [struct.unpack(">H", body[i : i + 2])[0] for i in range(at + 2, at + 2 + length, 2)]
    at += 2 + length
    at += 1 + body[at]  # compression methods
    (total,) = struct.unpack(">H", body[at : at + 2])
    at += 2
    end = at + total
    extensions, alpn = [], []
    while at < end:
        kind, size = struct.unpack(">HH", body[at : at + 4])
        data = body[at + 4 : at + 4 + size]
        extensions.append(kind)
        if kind == ALPN:
            i = 2
            while i < len(data):
                alpn.append(data[i + 1 : i + 1 + data[i]])
                i += 1 + data[i]
        at += 4 + size
    return ClientHello(ciphers, extensions, alpn)


@pytest.fixture
def recorder():
    hello = HelloRecorder()
    yield hello
    hello.close()


async def hello_of_browser_transport(port: int, recorder: HelloRecorder) -> ClientHello:
    async with MarketClient(trust_env=False, browser_tls=True, attempts=1) as client:
        with pytest.raises(Exception):  # noqa: B017, PT011 - the listener never answers
            await client.get("yahoo", f"https://127.0.0.1:{port}/v7/finance/quote")
    return parse_client_hello(recorder.records[-1])


def hello_of_python_ssl(port: int, recorder: HelloRecorder) -> ClientHello:
    context = ssl.create_default_context()
    context.set_alpn_protocols(["h2", "http/1.1"])
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        pytest.raises((ssl.SSLError, OSError)),
    ):
        context.wrap_socket(raw, server_hostname="localhost")
    return parse_client_hello(recorder.records[-1])


async def test_the_browser_transport_shakes_hands_like_chrome(recorder: HelloRecorder):
    hello = await hello_of_browser_transport(recorder.port, recorder)
    assert any(grease(c) for c in hello.ciphers), [hex(c) for c in hello.ciphers]
    assert any(grease(e) for e in hello.extensions), [hex(e) for e in hello.extensions]
    assert hello.alpn[:1] == [b"h2"]
    assert COMPRESS_CERTIFICATE in hello.extensions
    assert ALPS & set(hello.extensions)
    assert ECH in hello.extensions


async def test_pythons_own_handshake_has_none_of_those_traits(recorder: HelloRecorder):
    hello = await asyncio.to_thread(hello_of_python_ssl, recorder.port, recorder)
    assert not any(grease(c) for c in hello.ciphers)
    assert not any(grease(e) for e in hello.extensions)
    assert COMPRESS_CERTIFICATE not in hello.extensions
    assert not ALPS & set(hello.extensions)


async def test_the_browser_transport_serves_the_market_client():
    with MarketServer() as market:
        async with MarketClient(trust_env=False, browser_tls=True) as client:
            quotes = await YahooProvider(market.url).fetch_quotes(client, ["ALAB", "NVDA"])
        for symbol in ("ALAB", "NVDA"):
            quote = quotes[symbol]
            assert not isinstance(quote, Exception), quote
            assert quote.price == market.close(symbol, market.last_session())
        assert all("Mozilla" in r.headers.get("user-agent", "") for r in market.requests)


async def test_the_setting_sends_only_the_named_providers_through_the_browser(tmp_path):
    """settings.browser_tls = ["yahoo"]: Yahoo's requests (quotes, cookie, crumb) arrive with the
    headers a Chrome adds (sec-ch-ua), Stooq's without."""
    from tests.jobs.test_refresh import write_config

    from catalyst_tui.config import load_config
    from catalyst_tui.jobs.refresh import refresh_in_process
    from catalyst_tui.store import Store

    with MarketServer() as market, MarketServer() as other:  # two origins: Yahoo, Stooq
        path = write_config(tmp_path / "catalysts.toml", market.url, user_agent=None)
        text = path.read_text().replace("[settings]\n", '[settings]\nbrowser_tls = ["yahoo"]\n')
        stooq = f'[providers.stooq]\nbase_url = "{market.url}"'
        path.write_text(text.replace(stooq, f'[providers.stooq]\nbase_url = "{other.url}"'))
        config = load_config(path)
        market.inject("http500", provider="yahoo", endpoint="quote", symbol="CRDO")
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config)
            report = await refresh_in_process(config, store)
        assert report.all_fresh, report.notes
        yahoo = market.requests_for(provider="yahoo")
        stooqs = other.requests_for(provider="stooq")
        assert yahoo and stooqs  # CRDO went on to Stooq
        assert all("sec-ch-ua" in r.headers for r in yahoo)
        assert not any("sec-ch-ua" in r.headers for r in stooqs)


async def test_the_browser_transport_keeps_the_deadline_and_the_body_cap():
    """A body that drips ends at the request's deadline; a gzip bomb, which curl inflates itself,
    ends at the cap on the decoded bytes or the deadline, whichever comes first: both a
    FetchError of that symbol, within seconds, as over httpx's own transport (the drip alone
    would take hours: a byte every half second)."""
    import time

    with MarketServer() as market:
        market.inject("drip", provider="yahoo", endpoint="chart", symbol="ALAB", delay=0.5)
        market.inject("gzip_bomb", provider="yahoo", endpoint="chart", symbol="NVDA")
        async with MarketClient(trust_env=False, browser_tls=True, deadline=2.0, attempts=1) as c:
            started = time.monotonic()
            quotes = await YahooProvider(market.url).fetch_quotes(c, ["ALAB", "NVDA"])
            elapsed = time.monotonic() - started
        alab, nvda = quotes["ALAB"], quotes["NVDA"]
        assert isinstance(alab, Exception) and alab.kind == "timeout", alab
        assert isinstance(nvda, Exception) and nvda.kind in ("timeout", "bad_body"), nvda
        # The deadline is 2 s: a quiet machine ends both in about that. The ceiling is a
        # liveness bound, far from the hours the drip would take without it.
        assert elapsed < HANG, elapsed


async def test_a_refresh_on_the_default_configuration_sends_yahoo_a_chrome_handshake(
    recorder: HelloRecorder, tmp_path
):
    """No browser_tls in the file: Yahoo's first request of a refresh (its cookie) reaches the
    loopback listener with a current Chrome's ClientHello, made by the client a refresh builds."""
    from tests.support.market_server import unused_local_url

    from catalyst_tui.config import parse_config
    from catalyst_tui.jobs.refresh import refresh_in_process
    from catalyst_tui.store import Store

    yahoo = f"https://127.0.0.1:{recorder.port}"
    config = parse_config(
        f'[providers.yahoo]\nbase_url = "{yahoo}"\ncookie_url = "{yahoo}/fc"\n'
        f'[providers.stooq]\nbase_url = "{unused_local_url()}"\n[tickers.ALAB]\n'
    )
    assert config.settings.browser_tls == ("yahoo",)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        report = await refresh_in_process(config, store, deadline=30.0, quotes_deadline=20.0)
    assert not report.fresh  # the listener never answers
    assert not [note for note in report.notes if note.startswith("browser_tls")], report.notes
    assert recorder.records, "Yahoo was not asked"
    for record in recorder.records:
        hello = parse_client_hello(record)
        assert any(grease(c) for c in hello.ciphers), [hex(c) for c in hello.ciphers]
        assert COMPRESS_CERTIFICATE in hello.extensions and ALPS & set(hello.extensions)


async def test_browser_tls_empty_turns_chromes_handshake_off(tmp_path):
    """`browser_tls = []`: Yahoo's requests go out through httpx, without the headers a Chrome
    adds (sec-ch-ua); by default they carry them."""
    from tests.jobs.test_refresh import write_config

    from catalyst_tui.config import load_config
    from catalyst_tui.jobs.refresh import refresh_in_process
    from catalyst_tui.store import Store

    seen: dict[str, set[bool]] = {}
    for setting in ("", "browser_tls = []\n"):
        with MarketServer() as market:
            path = write_config(tmp_path / "catalysts.toml", market.url, user_agent=None)
            path.write_text(path.read_text().replace("[settings]\n", f"[settings]\n{setting}"))
            config = load_config(path)
            with Store.open(tmp_path / f"c{len(seen)}.db") as store:
                store.sync.apply(config)
                report = await refresh_in_process(config, store)
            assert report.all_fresh, report.notes
            yahoo = market.requests_for(provider="yahoo")
            seen[setting] = {"sec-ch-ua" in r.headers for r in yahoo}
    assert seen == {"": {True}, "browser_tls = []\n": {False}}


def test_a_gibibyte_gzip_bomb_over_chromes_handshake_takes_no_more_memory_than_without():
    """A 1 MiB gzip answer inflating to 1 GiB, to Yahoo over Chrome's handshake (curl_cffi,
    which inflates it itself): refused past the chart's cap with its peak resident memory hardly
    grown, the bound tests/market/http/test_fault_modes.py holds httpx's own transport to (it took
    2.1 GB: curl's stream queued every decoded chunk before the cap saw one)."""
    with MarketServer() as market:
        market.inject("gzip_bomb", provider="yahoo", symbol="ALAB")
        found = read_bomb(market.url, browser=True)
        asked = market.requests_for(symbol="ALAB")
    assert "too large" in found["outcome"], found
    grown = found["after"] - found["before"]
    assert grown < 48 << 20, f"peak RSS grew by {grown >> 20} MiB"
    assert found["cpu"] < 20 * found["floor"] + 0.5, found  # stopped, not inflated whole
    assert all("sec-ch-ua" in r.headers for r in asked)  # Chrome's handshake and headers


async def test_a_host_that_refuses_is_told_as_over_httpxs_own_transport():
    """curl_cffi loads once the host is reached: a refused one fails the request as a refused
    connection, in the words every transport's failure gets."""
    from tests.support.market_server import unused_local_url

    from catalyst_tui.market.models import FetchError

    async with MarketClient(trust_env=False, browser_tls=True, attempts=1) as client:
        with pytest.raises(FetchError) as caught:
            await client.get("yahoo", f"{unused_local_url()}/v7/finance/quote")
    assert caught.value.kind == "network"
    assert "the connection was refused (nothing listens there)" in caught.value.message
