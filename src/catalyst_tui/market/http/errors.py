"""What an HTTP exchange's outcome means to a provider: the safe form of a URL for messages, a
final status as FetchError, a web page where data was asked for, and which failures are the
provider refusing this client. Used by the shared client
(http/client.py) and the providers; httpx only in annotations, so the providers' modules load
without the HTTP stack (what its exceptions mean is http/transport.py's)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..models import ErrorKind, FetchError

if TYPE_CHECKING:
    import httpx


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


def exhausted(error: FetchError, attempts: int) -> FetchError:
    return (
        error.with_message(f"{error.message} (after {attempts} attempts)")
        if attempts > 1
        else error
    )


def html_page(provider: str, what: str, symbol: str | None = None) -> FetchError:
    """A web page where `what` (chart JSON, CSV...) was asked for: Yahoo's consent and block
    pages, Stooq's proof-of-work page. A bad body, and a refusal (is_refusal)."""
    return FetchError("bad_body", f"an HTML page instead of {what}", provider, symbol, refused=True)


def is_refusal(error: FetchError) -> bool:
    """Whether a failure is the provider turning this client away rather than a fault of one
    answer: 429 (after the retries), or a web page where data was asked for (html_page), both
    of which say: ask less, later."""
    return error.kind == "rate_limited" or error.refused
