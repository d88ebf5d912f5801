"""The fast watch: while a company's results are awaited (jobs/results.py `awaited`), SEC's
submissions of that company are asked often enough that a release filed is read, and its
notification leaves, within a minute, and far inside SEC's fair-access limit (10 requests a
second): each awaited ticker is asked every `every(n)` seconds, at least `FLOOR` apart, so that
all of them together make at most `BUDGET` requests a second (20 awaited tickers: one each 40 s,
0.5 a second). Each ask is conditional (If-None-Match with the ETag SEC gave, else
If-Modified-Since): an unchanged answer is a 304 with no body.

A new 8-K (an accession not seen before for that company) starts a refresh at once, which reads
the release, evaluates, and delivers (jobs/scheduler.py). Outside the awaited window nothing is
asked: the refresh keeps its own pace. The first answer for a company only learns what is there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from typing import TYPE_CHECKING

from ..market.models import FetchError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..market.http.client import MarketClient

log = logging.getLogger(__name__)

FLOOR = 20.0  # seconds between two asks for one company, whatever the count
BUDGET = 0.5  # requests a second, all awaited companies together (SEC allows 10)
TICK = 5.0  # how often the scheduler looks whose ask is due
RESULTS_FORMS = ("8-K", "8-K/A", "6-K")


def every(awaited_count: int) -> float:
    """Seconds between two asks for one company when `awaited_count` are awaited."""
    return max(FLOOR, awaited_count / BUDGET)


@dataclasses.dataclass
class Seen:
    """What the last answer for one company said: its validators and its newest filing."""

    etag: str = ""
    modified: str = ""
    newest: str | None = None  # accession number; None: not asked yet
    next_at: dt.datetime | None = None


@dataclasses.dataclass
class FastWatch:
    """Asks SEC's submissions of the awaited companies, each when its turn comes."""

    base_url: str
    user_agent: str
    seen: dict[str, Seen] = dataclasses.field(default_factory=dict)
    asked: int = 0  # requests made, for the rate (bench/alert_latency.py)

    def due(self, awaited: list[str], now: dt.datetime) -> list[str]:
        """The awaited symbols whose ask is due at `now`; those no longer awaited forgotten.
        Their asks are spread over the interval, not made together."""
        for symbol in list(self.seen):
            if symbol not in awaited:
                del self.seen[symbol]
        gap = dt.timedelta(seconds=every(len(awaited)))
        out = []
        for index, symbol in enumerate(awaited):
            seen = self.seen.setdefault(symbol, Seen())
            if seen.next_at is None:
                seen.next_at = now + gap * index / max(len(awaited), 1)
            if seen.next_at <= now:
                out.append(symbol)
                seen.next_at = now + gap
        return out

    async def ask(self, client: MarketClient, symbol: str, ciks: Mapping[str, str]) -> str | None:
        """Ask SEC for `symbol`'s submissions; the accession of a new results form filed since
        the last answer, else None (unchanged, a first answer, no CIK, or SEC did not answer)."""
        # SEC spells class shares "BRK-B" (market/sec/tickers.py, behind the registry).
        cik = ciks.get(symbol) or ciks.get(symbol.replace(".", "-"))
        if cik is None:
            return None
        seen = self.seen.setdefault(symbol, Seen())
        headers = {"User-Agent": self.user_agent}
        if seen.etag:
            headers["If-None-Match"] = seen.etag
        elif seen.modified:
            headers["If-Modified-Since"] = seen.modified
        url = f"{self.base_url.rstrip('/')}/submissions/CIK{int(cik):010d}.json"
        self.asked += 1
        try:
            response = await client.get("sec", url, headers=headers, symbol=symbol)
        except FetchError as exc:
            log.info("the fast watch of %s: %s", symbol, exc.message)
            return None
        if response.status_code == 304 or response.status_code >= 400:
            return None
        seen.etag = response.headers.get("ETag", "")
        seen.modified = response.headers.get("Last-Modified", "")
        newest = _newest_results(response.content)
        previous = seen.newest
        seen.newest = newest if newest is not None else (previous or "")
        if previous is None:  # the first answer: only learn what is there
            return None
        return newest if newest is not None and newest != previous else None


def _newest_results(body: bytes) -> str | None:
    """The accession of the newest results form in a submissions answer, or None."""
    try:
        recent = json.loads(body)["filings"]["recent"]
        forms, accessions = recent["form"], recent["accessionNumber"]
    except (ValueError, KeyError, TypeError):
        return None
    for form, accession in zip(forms, accessions, strict=False):
        if form in RESULTS_FORMS:
            return str(accession)
    return None
