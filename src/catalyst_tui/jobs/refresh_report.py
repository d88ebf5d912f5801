"""What a refresh did (jobs/refresh.py), for people: the record a cycle's report, `catalyst
refresh`'s output and the TUI's header read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reach import Reach


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
