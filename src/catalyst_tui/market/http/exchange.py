"""One attempt of a request on the wire (market/http/client.py makes the attempts): the request,
the redirects it is given, followed by hand and never out of its origin (no other host's answer
is taken for the provider's, no header the caller gave leaves home), and the whole body of the
last answer, under its cap counted after decompression (market/http/body.py).

A URL a document named (`Call.named`) is judged by the address policy (market/http/addresses.py)
before any look-up, again at every redirect, and at every connection its stack makes
(market/http/guarded.py, with the hosts the user allows in `ALLOWED` while it is sent); a URL
refused is a FetchError that says how to allow it, and nothing is asked of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..models import FetchError
from .addresses import Named, host_of, refused_url
from .body import BodyTooLarge, read_capped, size_text, with_body
from .errors import describe_url

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping

    import httpx

    from .pacing import Budget

MAX_REDIRECTS = 5


class Call(NamedTuple):
    """One `get`: what is asked, of whom, and what it may take."""

    provider: str
    url: str
    where: str
    symbol: str | None
    params: Mapping[str, str] | None
    headers: Mapping[str, str] | None
    budget: Budget
    max_bytes: int
    named: Named | None = None  # a document's URL: the address policy's, with these allowed


def judge(call: Call, url: object) -> None:
    """FetchError when the address policy refuses the document's URL `url` by its spelling: no
    look-up, no request."""
    assert call.named is not None
    why = refused_url(str(url), call.named.allowed)
    if why is not None:
        raise FetchError("http", _refusal(call, why), call.provider, call.symbol)


async def exchange(
    http: httpx.AsyncClient,
    call: Call,
    sent: Callable[[], None],
    trace: Callable[[str, object], Awaitable[None]] | None = None,
) -> httpx.Response:
    """The request on `http`, its redirects (each counted by `sent`) and the whole body of the
    last answer, under the cap; `trace`, httpcore's trace of the first contact with the host."""
    if call.named is None:
        return await _hops(http, call, sent, trace)
    from .guarded import ALLOWED, AddressRefused

    allowed = ALLOWED.set(call.named.allowed)  # read where the connection is made
    try:
        return await _hops(http, call, sent, trace)
    except AddressRefused as why:
        raise FetchError("http", _refusal(call, str(why)), call.provider, call.symbol) from None
    finally:
        ALLOWED.reset(allowed)


async def _hops(
    http: httpx.AsyncClient,
    call: Call,
    sent: Callable[[], None],
    trace: Callable[[str, object], Awaitable[None]] | None,
) -> httpx.Response:
    extensions: dict[str, object] = {"deadline": call.budget.left}  # a transport's own stop
    extensions["max_bytes"] = call.max_bytes  # and its cap (the browser transport's)
    if trace is not None:
        extensions["trace"] = trace
    request = http.build_request(
        "GET", call.url, params=call.params, headers=call.headers, extensions=extensions
    )
    origin = _origin(request.url)
    for _hop in range(MAX_REDIRECTS + 1):
        sent()
        response = await http.send(request, stream=True)
        try:
            if response.next_request is not None:  # a redirect with a Location
                request = response.next_request
                if call.named is not None:
                    judge(call, request.url)
                if _origin(request.url) != origin:
                    raise FetchError(
                        "http",
                        f"{call.where} redirected to another origin "
                        f"({describe_url(request.url)}): not followed",
                        call.provider,
                        call.symbol,
                    )
                continue
            body = await read_capped(
                response, call.max_bytes, call.where, call.provider, call.symbol
            )
        except BodyTooLarge as exc:
            raise FetchError(
                "bad_body",
                f"answer too large: more than {size_text(exc.limit)} from {call.where}",
                call.provider,
                call.symbol,
            ) from None
        finally:
            await response.aclose()
        return with_body(response, body)
    raise FetchError(
        "http",
        f"more than {MAX_REDIRECTS} redirects from {call.where}",
        call.provider,
        call.symbol,
    )


def _refusal(call: Call, why: str) -> str:
    """A document's URL refused by the address policy, in words, with how to allow it."""
    shown = host_of(call.url) or "its host"
    return (
        f"{call.where}: not fetched: {why}, which a document's link may reach only when you"
        f' allow it ([settings] allow_hosts = ["{shown}"])'
    )


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port
