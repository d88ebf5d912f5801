"""Yahoo's cookie and crumb: got once, kept where the caller keeps them, renewed once on 401.

The v7 quote and v10 quoteSummary endpoints want the A3 cookie (set by `cookie_url`, which
answers 404 and sets it anyway) and the crumb `/v1/test/getcrumb` gives for it. Both are loaded
from and saved through the callables the caller passes (the store, so the TUI, the daemon and cron
runs share one), and sent as an explicit Cookie header, so a session from another process works in
this one. A getcrumb answer that is no crumb ("Too Many Requests", an HTML page, JSON) is refused.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from ..http.errors import raise_for_status
from ..models import FetchError, YahooSession

if TYPE_CHECKING:
    import httpx

    from ..http.client import MarketClient

CRUMB_RETRY = 60.0  # seconds before a failed crumb fetch is tried again
MAX_AGE = timedelta(days=30)  # Yahoo's crumbs last about a year; a month is well inside it
# Real crumbs are 11 characters of base64-like text ("haT3oykhHqZ", "Ux/aN3Qq4.c").
_CRUMB = re.compile(r"[A-Za-z0-9./_\-]{8,64}")
# RFC 6265's cookie-pair: a token, "=", cookie-octets (ASCII without controls, space, '"', ',',
# ';' and '\\'), optionally quoted. What is not one is dropped: no request can carry it.
_COOKIE_PAIR = re.compile(
    r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+="
    r"(?:[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*|\"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*\")"
)

LoadSession = Callable[[], YahooSession | None]
SaveSession = Callable[[YahooSession], None]


def valid_cookie(text: str) -> bool:
    """Whether a Cookie header's value is cookie-pairs ("a=1; b=2") a request can carry."""
    return bool(text) and all(_COOKIE_PAIR.fullmatch(pair) for pair in text.split("; "))


def valid_crumb(text: str) -> bool:
    """Whether a getcrumb body is a crumb: one word of crumb characters, no sentence or page."""
    return _CRUMB.fullmatch(text) is not None


class YahooCrumb:
    """The session of one provider object; `load`/`save` share it beyond this process."""

    name = "yahoo"

    def __init__(
        self,
        base_url: str,
        cookie_url: str,
        *,
        load: LoadSession | None = None,
        save: SaveSession | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.cookie_url = cookie_url
        self._load = load or (lambda: None)
        self._save = save or (lambda session: None)
        self._now = now or (lambda: datetime.now(UTC))
        self._session: YahooSession | None = None
        self._lock = asyncio.Lock()
        # A failed cookie/crumb fetch is remembered briefly, so a refresh of many symbols does
        # not repeat it (with its retries) once per symbol.
        self._failure: tuple[float, FetchError] | None = None
        self.fetched = 0  # getcrumb answers taken in this process (tests and status read it)

    async def session(self, client: MarketClient, *, stale: str | None = None) -> YahooSession:
        """The kept session; a new cookie and crumb when there is none, it is too old, or its
        crumb is `stale` (refused with 401)."""
        async with self._lock:
            current = self._session
            if current is None or current.crumb == stale:
                stored = self._load()
                if stored is not None and stored.crumb != stale and self._fresh(stored):
                    current = stored  # another process renewed it meanwhile
                else:
                    current = None
            if current is not None and current.crumb != stale:
                self._session = current
                return current
            if self._failure and time.monotonic() - self._failure[0] < CRUMB_RETRY:
                raise self._failure[1]
            try:
                current = await self._fetch(client)
            except FetchError as error:
                self._failure = (time.monotonic(), error)
                raise
            self._failure = None
            self._session = current
            self._save(current)
            return current

    async def ask(
        self, client: MarketClient, request: Callable[[YahooSession], Awaitable[httpx.Response]]
    ) -> httpx.Response:
        """`request` made with the kept session; when it is answered 401 (the crumb expired),
        made once more with a new cookie and crumb. The last answer, whatever its status."""
        session = await self.session(client)
        response = await request(session)
        if response.status_code == 401:
            session = await self.session(client, stale=session.crumb)
            response = await request(session)
        return response

    def headers(self, session: YahooSession) -> dict[str, str]:
        return {"Cookie": session.cookie}

    def _fresh(self, session: YahooSession) -> bool:
        age = self._now() - session.obtained_at
        return (
            timedelta(0) <= age < MAX_AGE
            and valid_crumb(session.crumb)
            and valid_cookie(session.cookie)
        )

    async def _fetch(self, client: MarketClient) -> YahooSession:
        response = await client.get(self.name, self.cookie_url)  # any status: it is the cookie
        pairs = [
            header.split(";", 1)[0].strip()
            for header in response.headers.get_list("set-cookie")
            if "=" in header.split(";", 1)[0]
        ]
        if not pairs:
            raise FetchError("auth", f"{self.cookie_url} set no cookie", self.name)
        pairs = [pair for pair in pairs if valid_cookie(pair)]
        if not pairs:
            raise FetchError(
                "auth",
                f"{self.cookie_url} set no cookie a request can carry (not ASCII): dropped",
                self.name,
            )
        cookie = "; ".join(pairs)
        response = await client.get(
            self.name, f"{self.base_url}/v1/test/getcrumb", headers={"Cookie": cookie}
        )
        raise_for_status(response, self.name)
        crumb = response.text.strip()
        if not valid_crumb(crumb):
            raise FetchError("auth", f"getcrumb gave no crumb ({crumb[:30]!r})", self.name)
        self.fetched += 1
        return YahooSession(cookie, crumb, self._now())
