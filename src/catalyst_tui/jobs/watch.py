"""The fast watch: while a company's results are awaited (jobs/results.py `awaited`), the
registry's watch sources (market/fetch_kinds.py `watch_kinds`, built by the providers' specs:
never a URL built here, never the HTTP client asked here) are asked often enough that a release
filed is read, and its notification leaves, within a minute, and far inside SEC's fair-access
limit (10 requests a second):

- a source that answers for every awaited company in one request (`together`: EDGAR's
  current-filings feed) is asked every `TOGETHER_EVERY` seconds, whatever the count;
- a source asked a company at a time (each company's submissions, which can lag the filing on
  earnings nights) asks each awaited ticker every `every(n)` seconds, at least `FLOOR` apart, so
  that all of them together make at most `BUDGET` requests a second (20 awaited tickers: one each
  40 s, 0.5 a second).

Each ask is conditional: an unchanged answer is a 304 with no body. A new results filing seen by
any source starts a refresh at once, which reads the release, evaluates, and delivers
(jobs/scheduler.py). Outside the awaited window nothing is asked: the refresh keeps its own pace.
A source's first answer only learns what is there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import TYPE_CHECKING

from ..market.fetch_kinds import WatchSource, watch_kinds

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..market.http.client import MarketClient
    from ..market.registry import Sources

log = logging.getLogger(__name__)

FLOOR = 20.0  # seconds between two asks for one company, whatever the count
BUDGET = 0.5  # requests a second, all awaited companies together (SEC allows 10)
TOGETHER_EVERY = 10.0  # seconds between two asks of a source that answers for all at once
TICK = 5.0  # how often the scheduler looks whose ask is due


def every(awaited_count: int) -> float:
    """Seconds between two asks for one company when `awaited_count` are awaited."""
    return max(FLOOR, awaited_count / BUDGET)


def watch_sources(sources: Sources) -> list[WatchSource]:
    """The fast watch's sources among a refresh's, in the order their kinds are registered."""
    return [s for k in watch_kinds() for s in sources.of(k.name) if isinstance(s, WatchSource)]


@dataclasses.dataclass
class Seen:
    """When one company's next ask by the sources asked a company at a time is due."""

    next_at: dt.datetime | None = None


@dataclasses.dataclass
class FastWatch:
    """Asks the watch sources for the awaited companies, each when its turn comes."""

    sources: Sequence[WatchSource]
    seen: dict[str, Seen] = dataclasses.field(default_factory=dict)
    found: dict[str, str] = dataclasses.field(default_factory=dict)  # the last look's, by symbol
    together_at: dt.datetime | None = None  # the next ask of the sources that answer for all

    @property
    def asked(self) -> int:
        """Requests made, for the rate (bench/alert_latency.py)."""
        return sum(source.asked for source in self.sources)

    def due(self, awaited: list[str], now: dt.datetime) -> list[str]:
        """The awaited symbols whose ask is due at `now` (by the sources asked a company at a
        time); those no longer awaited forgotten. Their asks are spread over the interval."""
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

    def together_due(self, now: dt.datetime) -> bool:
        """Whether the sources that answer for all at once are to be asked at `now`."""
        if self.together_at is not None and now < self.together_at:
            return False
        self.together_at = now + dt.timedelta(seconds=TOGETHER_EVERY)
        return True

    async def look(
        self,
        client: MarketClient,
        awaited: list[str],
        ciks: Mapping[str, str],
        now: dt.datetime,
    ) -> list[str]:
        """Ask the sources whose turn it is; the awaited symbols with a new results filing."""
        known = {s: c for s in awaited if (c := _cik(s, ciks)) is not None}
        due = set(self.due(awaited, now))
        together = self.together_due(now) if awaited else False
        new: dict[str, str] = {}
        for source in self.sources:
            source.forget(set(awaited))
            if source.together:
                asked = known if together else {}
            else:
                asked = {s: c for s, c in known.items() if s in due}
            if asked:
                new.update(await source.news(client, asked))
        self.found = new
        return [s for s in awaited if s in new]

    def filings(self) -> dict[str, object]:
        """The filings the last look found, by symbol, as a source listed them (those only the
        refresh can list left out)."""
        out = {}
        for symbol, accession in self.found.items():
            listed = (source.filing(accession) for source in self.sources)
            record = next((each for each in listed if each is not None), None)
            if record is not None:
                out[symbol] = record
        return out


def _cik(symbol: str, ciks: Mapping[str, str]) -> str | None:
    # SEC spells class shares "BRK-B" (market/sec/tickers.py, behind the registry).
    return ciks.get(symbol) or ciks.get(symbol.replace(".", "-"))
