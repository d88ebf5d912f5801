"""What an HTTP exchange's outcome means to a provider: the safe form of a URL for messages, a
final status as FetchError, a transport exception as FetchError and whether to retry it, a
Retry-After header in seconds, a web page where data was asked for, and which failures are the
provider refusing this client. Used by the shared client (http.py) and the providers."""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from ..models import ErrorKind, FetchError

log = logging.getLogger(__name__)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), None if absent."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP-date is always GMT
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def describe_url(url: str | httpx.URL) -> str:
    """host/path of a URL, without the query string: the safe form for messages and logs."""
    text = str(url)
    try:
        parts = urlsplit(text)
    except ValueError:  # a malformed URL still gets described, just less precisely
        return text.split("?", 1)[0]
    return f"{parts.netloc}{parts.path}"


def raise_for_status(response: httpx.Response, provider: str, symbol: str | None = None) -> None:
    """FetchError for a non-2xx final response: 401/403 are "auth", anything else "http"."""
    if response.is_success:
        return
    kind: ErrorKind = "auth" if response.status_code in (401, 403) else "http"
    raise FetchError(
        kind,
        f"HTTP {response.status_code} from {describe_url(response.request.url)}",
        provider,
        symbol,
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
        return FetchError("network", f"cannot connect to {where}: {reason}", provider,
                          symbol), "once"  # fmt: skip
    if isinstance(exc, httpx.TimeoutException):
        return FetchError("timeout", f"{where} timed out ({type(exc).__name__})", provider,
                          symbol), "always"  # fmt: skip
    if isinstance(exc, httpx.TransportError | OSError):
        return FetchError("network", f"connection to {where} failed: {reason}", provider,
                          symbol), "always"  # fmt: skip
    if isinstance(exc, httpx.DecodingError):
        return FetchError("bad_body", f"undecodable answer from {where}: {reason}", provider,
                          symbol), "never"  # fmt: skip
    log.debug("%s: unexpected error from %s", provider, where, exc_info=exc)
    return FetchError("network", f"request to {where} failed: {reason}", provider,
                      symbol), "never"  # fmt: skip


def exhausted(error: FetchError, attempts: int) -> FetchError:
    return (
        error.with_message(f"{error.message} (after {attempts} attempts)")
        if attempts > 1
        else error
    )


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def html_page(provider: str, what: str, symbol: str | None = None) -> FetchError:
    """A web page where `what` (chart JSON, CSV...) was asked for: Yahoo's consent and block
    pages, Stooq's proof-of-work page. A bad body, and a refusal (is_refusal)."""
    return FetchError("bad_body", f"an HTML page instead of {what}", provider, symbol,
                      refused=True)  # fmt: skip


def is_refusal(error: FetchError) -> bool:
    """Whether a failure is the provider turning this client away rather than a fault of one
    answer: 429 (after the retries), or a web page where data was asked for (html_page), both
    of which say: ask less, later."""
    return error.kind == "rate_limited" or error.refused
