"""The HTTP stack under the shared client: the httpx client with its headers and TLS context, the
browser's handshake where asked for, and what the stack's exceptions mean (a FetchError, and
whether to retry)."""

from __future__ import annotations

import functools
import http.cookiejar
import logging
import os
import ssl
import sys
from typing import TYPE_CHECKING, Any

import httpx

from ..models import FetchError
from .body import ACCEPT_ENCODING

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger(__name__)

# A current desktop Chrome: Yahoo answers 429 to library user agents.
# How long an idle connection is kept: past the 60 s between two steady refreshes, so a client
# kept across them (jobs/client.py KeptClient) asks on the connections of the refresh before
# (a server that closed one first is found out when it is taken, and another is opened).
KEEPALIVE_SECONDS = 90.0
BROWSER_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36"
)


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """The client keeps no cookie: the one session that needs one (Yahoo's A3, yahoo/session.py)
    sends it itself. A kept cookie went with every later request to its host, and one that is
    not ASCII (`A3=d=café`) made each of them fail."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: object) -> bool:
        return False


@functools.cache
def ssl_context() -> ssl.SSLContext:
    """Built once per process, its CA bundle read at the first handshake (`_CertsAtFirstUse`)."""
    return _CertsAtFirstUse()


class _CertsAtFirstUse(ssl.SSLContext):
    """httpx's default context (`httpx.create_ssl_context()`: ssl's default context for servers'
    certificates, with certifi's CA bundle, or SSL_CERT_FILE's or SSL_CERT_DIR's), whose bundle
    is read when the first secure connection is made rather than when a client is built: reading
    it is 30-45 ms, and a refresh that reaches no host never needs it (docs/performance.md).
    Everything else is as httpx builds it (tests/market/http/test_transport_tls.py compares)."""

    _loaded = False

    def __new__(cls) -> _CertsAtFirstUse:
        return super().__new__(cls, ssl.PROTOCOL_TLS_CLIENT)

    def __init__(self) -> None:
        # What ssl.create_default_context() sets besides the CA bundle it reads.
        self.verify_mode, self.check_hostname = ssl.CERT_REQUIRED, True
        if sys.version_info >= (3, 13):
            self.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN | ssl.VERIFY_X509_STRICT
        keylog = os.environ.get("SSLKEYLOGFILE")
        if keylog and not sys.flags.ignore_environment:
            self.keylog_filename = keylog

    def load_bundle(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        if os.environ.get("SSL_CERT_FILE"):
            self.load_verify_locations(cafile=os.environ["SSL_CERT_FILE"])
        elif os.environ.get("SSL_CERT_DIR"):
            self.load_verify_locations(capath=os.environ["SSL_CERT_DIR"])
        else:
            import certifi

            self.load_verify_locations(cafile=certifi.where())

    def wrap_bio(self, *args: Any, **kwargs: Any) -> ssl.SSLObject:
        self.load_bundle()
        return super().wrap_bio(*args, **kwargs)

    def wrap_socket(self, *args: Any, **kwargs: Any) -> ssl.SSLSocket:
        self.load_bundle()
        return super().wrap_socket(*args, **kwargs)


def http_stack(
    max_concurrency: int,
    connect_timeout: float,
    read_timeout: float,
    user_agent: str,
    *,
    trust_env: bool,
    browser_tls: bool,
    browser_origins: tuple[str, ...],
    transport: httpx.AsyncBaseTransport | None = None,
    on_browser_problem: Callable[[str], None] | None = None,
) -> httpx.AsyncClient:
    """The httpx client under a MarketClient: its connection pool as large as the concurrency
    cap, the headers every request carries, no redirects of its own (MarketClient follows them,
    where a secret is not sent abroad), and the browser's handshake for all or some origins
    (market/http/browser_tls.py; where curl_cffi can't be loaded, Python's, through a client
    built as this one is, and `on_browser_problem` is told why)."""

    def client(
        transport: httpx.AsyncBaseTransport | None = None,
        mounts: dict[str, httpx.AsyncBaseTransport] | None = None,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            limits=_limits(max_concurrency),
            headers={
                "User-Agent": user_agent,
                "Accept": "*/*",
                "Accept-Language": "en-US,en;q=0.9",
                "Accept-Encoding": ACCEPT_ENCODING,  # what market/http/body.py decodes
            },
            follow_redirects=False,
            cookies=http.cookiejar.CookieJar(policy=_NoCookies()),
            trust_env=trust_env,
            verify=ssl_context(),
            transport=transport,
            mounts=mounts,
        )

    def browser() -> httpx.AsyncBaseTransport:
        from .browser_tls import BrowserTransport

        return BrowserTransport(client, on_browser_problem)

    return client(
        transport or (browser() if browser_tls else None),
        # Only these origins (scheme://host[:port]) through the browser's handshake.
        {origin: browser() for origin in browser_origins} or None,
    )


def _limits(max_concurrency: int) -> httpx.Limits:
    """The connection pool: as large as the concurrency cap, idle connections kept a while."""
    return httpx.Limits(
        max_connections=max_concurrency,
        max_keepalive_connections=max_concurrency,
        keepalive_expiry=KEEPALIVE_SECONDS,
    )


def guarded_stack(
    max_concurrency: int,
    connect_timeout: float,
    read_timeout: float,
    user_agent: str,
    *,
    trust_env: bool,
    under: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """The stack of the URLs a document named (market/http/guarded.py): an `http_stack` whose
    connections a GuardedBackend makes, over the network of `under` where it is a
    `PoolTransport` (a test's network); Python's handshake, never the browser's."""
    from .guarded import GuardedTransport
    from .pool import PoolTransport

    inner = under.network if isinstance(under, PoolTransport) else None
    guarded = GuardedTransport(inner, ssl_context(), _limits(max_concurrency), trust_env=trust_env)
    return http_stack(
        max_concurrency,
        connect_timeout,
        read_timeout,
        user_agent,
        trust_env=trust_env,
        browser_tls=False,
        browser_origins=(),
        transport=guarded,
    )


def transport_failure(
    exc: Exception, where: str, provider: str, symbol: str | None
) -> tuple[FetchError, str]:
    """The FetchError for an exception of the HTTP stack, and whether to retry: "always" (up to
    the attempt limit), "once" (connection refused, DNS) or "never"."""
    reason = _reason(exc)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError("network", f"bad URL {where}: {reason}", provider, symbol), "never"
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        said = _connect_words(exc, reason)
        return FetchError("network", f"cannot connect to {where}: {said}", provider, symbol), "once"
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(
            "timeout", f"{where} timed out ({type(exc).__name__})", provider, symbol
        ), "always"
    if isinstance(exc, httpx.TransportError | OSError):
        return FetchError(
            "network", f"connection to {where} failed: {reason}", provider, symbol
        ), "always"
    if isinstance(exc, UnicodeError):  # a header of ours no HTTP can carry: no network fault
        return FetchError(
            "http", f"request to {where} cannot be sent: {reason}", provider, symbol
        ), "never"
    if isinstance(exc, httpx.DecodingError):
        return FetchError(
            "bad_body", f"undecodable answer from {where}: {reason}", provider, symbol
        ), "never"
    log.debug("%s: unexpected error from %s", provider, where, exc_info=exc)
    return FetchError("network", f"request to {where} failed: {reason}", provider, symbol), "never"


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


#: What a failed connection's own text (libcurl's, the resolver's, the kernel's) means, in words.
_CONNECT_WORDS = (
    (
        (
            "could not resolve host",
            "name or service not known",
            "temporary failure in name",
            "nodename nor servname",
            "getaddrinfo failed",
            "no address associated",
        ),
        "its name could not be looked up (no network, or no DNS)",
    ),
    (("connection refused", "curl: (7)"), "the connection was refused (nothing listens there)"),
    (("network is unreachable", "no route to host"), "the network is unreachable"),
    (("timed out", "timeout"), "no answer in time"),
    (("ssl", "certificate", "tls"), "the secure connection could not be set up"),
)


def _connect_words(exc: BaseException, reason: str) -> str:
    """A failed connection as a sentence, not libcurl's text: "its name could not be looked up
    (no network, or no DNS)"; an unknown failure keeps its own first line, without libcurl's
    pointer to its documentation."""
    if isinstance(exc, httpx.ConnectTimeout):
        return "no answer in time"
    causes, seen = [reason], exc.__cause__ or exc.__context__
    while seen is not None and len(causes) < 8:  # httpx: "All connection attempts failed"
        causes.append(_reason(seen))
        errno_ = getattr(seen, "errno", None)
        if errno_ is not None:
            causes.append(os.strerror(errno_) if isinstance(errno_, int) else str(errno_))
        seen = seen.__cause__ or seen.__context__
    low = " ".join(causes).lower()
    for signs, words in _CONNECT_WORDS:
        if any(sign in low for sign in signs):
            return words
    return reason.split(" See https://curl.se/", 1)[0].splitlines()[0] if reason else reason
