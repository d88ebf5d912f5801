"""The TLS context under the shared client (market/http/transport.py `ssl_context`): the one httpx
builds by default, its CA bundle read at the first secure connection rather than when a client is
built; a refresh that reaches no host never reads it."""

from __future__ import annotations

import ssl

import certifi
import httpx
import pytest
from tests.support.hello_recorder import HelloRecorder
from tests.support.market_server import unused_local_url

from catalyst_tui.market.http.transport import _CertsAtFirstUse, ssl_context

SETTINGS = (
    "protocol",
    "verify_mode",
    "check_hostname",
    "verify_flags",
    "options",
    "minimum_version",
    "maximum_version",
    "post_handshake_auth",
    "hostname_checks_common_name",
    "security_level",
    "keylog_filename",
)


def authorities(context: ssl.SSLContext) -> int:
    return context.cert_store_stats()["x509_ca"]


def test_once_read_the_context_is_the_one_httpx_builds():
    context, httpxs = _CertsAtFirstUse(), httpx.create_ssl_context()
    assert authorities(context) == 0  # nothing read yet
    assert {name: getattr(context, name) for name in SETTINGS} == {
        name: getattr(httpxs, name) for name in SETTINGS
    }
    assert context.get_ciphers() == httpxs.get_ciphers()
    context.load_bundle()
    assert authorities(context) == authorities(httpxs) > 100  # certifi's bundle: 140 or so
    assert context.get_ca_certs() == httpxs.get_ca_certs()


def test_the_environments_bundle_is_read_as_httpx_reads_it(tmp_path, monkeypatch):
    """SSL_CERT_FILE (httpx's trust_env): that file's authorities, here one of certifi's."""
    with open(certifi.where(), encoding="ascii") as bundle:
        text = bundle.read()
    first = text[: text.index("-----END CERTIFICATE-----") + len("-----END CERTIFICATE-----")]
    own = tmp_path / "one.pem"
    own.write_text(first[first.index("-----BEGIN CERTIFICATE-----") :] + "\n", encoding="ascii")
    monkeypatch.setenv("SSL_CERT_FILE", str(own))
    context = _CertsAtFirstUse()
    context.load_bundle()
    assert authorities(context) == authorities(httpx.create_ssl_context()) == 1


async def test_the_bundle_is_read_at_the_first_secure_connection_only():
    context = _CertsAtFirstUse()
    async with httpx.AsyncClient(verify=context, trust_env=False, timeout=10.0) as client:
        with pytest.raises(httpx.ConnectError):  # refused: no connection, nothing to verify
            await client.get(f"https://{unused_local_url().removeprefix('http://')}/")
        assert authorities(context) == 0
        silent = HelloRecorder()  # reads the ClientHello, answers nothing
        try:
            with pytest.raises(httpx.TransportError):  # the listener closes without a word
                await client.get(f"https://127.0.0.1:{silent.port}/")
        finally:
            silent.close()
    assert authorities(context) == authorities(httpx.create_ssl_context())


def test_every_client_shares_one_context():
    assert ssl_context() is ssl_context()
    assert isinstance(ssl_context(), _CertsAtFirstUse)
