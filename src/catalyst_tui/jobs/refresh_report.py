"""What a refresh did (jobs/refresh.py), for people: the record a cycle's report, `catalyst
refresh`'s output and the TUI's header read; and what it says as it goes, to whoever listens
(`RefreshListener`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..market.quotes import ProgressCallback
    from .reach import Reach


@dataclass(frozen=True)
class RefreshListener:
    """Who hears what a refresh says as it goes, each optional: its quote pass's progress (done,
    total, symbol), why no provider answered (a Reach, as soon as the quote pass knows) and that
    the quote pass stored a quote (the filings and the Street still to come). One record through
    every layer (the refresh, the worker's parent and child, the scheduler, the TUI, the CLI): a
    method says each, to its listener when one is set."""

    on_progress: ProgressCallback | None = None
    on_reach: Callable[[Reach], object] | None = None
    on_stored: Callable[[], object] | None = None

    def progress(self, done: int, total: int, symbol: str) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total, symbol)

    def reach(self, reach: Reach) -> None:
        if self.on_reach is not None:
            self.on_reach(reach)

    def stored(self) -> None:
        if self.on_stored is not None:
            self.on_stored()


NONE_HEARD = RefreshListener()  # a refresh nobody listens to as it goes


@dataclass
class RefreshReport:
    """What a cycle did, for people: which symbols are fresh and which stale, whether any has
    a price stored, notes. The stored quote of each symbol afterwards is the database's to say
    (`store.market.last_quotes(report.symbols)`), read by who shows it."""

    started: dt.datetime
    symbols: list[str] = field(default_factory=list)  # every active symbol, in order
    fresh: set[str] = field(default_factory=set)
    stored: bool = False  # a price is stored for some symbol (from this refresh or before)
    notes: list[str] = field(default_factory=list)
    fundamentals_updated: list[str] = field(default_factory=list)
    earnings_updated: list[str] = field(default_factory=list)
    reach: Reach | None = None  # when no provider gave a single quote, why (jobs/reach.py)
    failures: dict[str, str] = field(default_factory=dict)  # with reach: each one's, once

    @property
    def stale(self) -> list[str]:
        return [symbol for symbol in self.symbols if symbol not in self.fresh]

    @property
    def all_fresh(self) -> bool:
        return not self.stale
