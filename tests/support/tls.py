"""A loopback HTTPS server whose certificate names a host, signed by an authority made for the
test: what a client's check of the host's name is tried against. `TLSPages(tmp_path, "localhost")`
serves a page on 127.0.0.1 under a certificate for "localhost"; `client_context()` trusts that
authority alone (not the machine's bundle)."""

from __future__ import annotations

import datetime
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

if TYPE_CHECKING:
    from pathlib import Path

PAGE = b"<html><p>A secure page.</p></html>"


def _pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def _issued(
    subject: str, key: ec.EllipticCurvePrivateKey, issuer: x509.Name, signer, *, authority: bool
) -> x509.Certificate:
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=authority, path_length=None), critical=True)
    )
    if authority:
        usage = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
        builder = builder.add_extension(usage, critical=True).add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
        )
    else:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(subject)]), critical=False
        ).add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()), critical=False
        )
    return builder.sign(signer, hashes.SHA256())


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.asked.append(self.path)  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


class TLSPages:
    """An HTTPS server on 127.0.0.1 under a certificate for `host`; a context manager."""

    def __init__(self, folder: Path, host: str) -> None:
        authority_key = ec.generate_private_key(ec.SECP256R1())
        authority = _issued(
            "catalyst test authority",
            authority_key,
            x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "catalyst test authority")]),
            authority_key,
            authority=True,
        )
        key = ec.generate_private_key(ec.SECP256R1())
        leaf = _issued(host, key, authority.subject, authority_key, authority=False)
        self.authority = folder / "authority.pem"
        self.authority.write_bytes(_pem(authority))
        chain = folder / "server.pem"
        chain.write_bytes(
            _pem(leaf)
            + key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        served = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        served.load_cert_chain(chain)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
        self.server.asked = []  # type: ignore[attr-defined]
        self.server.socket = served.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]

    @property
    def asked(self) -> list[str]:
        return self.server.asked  # type: ignore[attr-defined]

    def client_context(self) -> ssl.SSLContext:
        """A client's context as the package's (names checked), trusting the test's authority."""
        context = ssl.create_default_context(cafile=str(self.authority))
        assert context.check_hostname and context.verify_mode == ssl.CERT_REQUIRED
        return context

    def __enter__(self) -> TLSPages:
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        ).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
