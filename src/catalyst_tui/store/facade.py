"""What a door of the Store (store/door.py) and the loaders beside them (snapshot.py, holdings.py)
read of the Store they hang off: its connection, its transactions, sqlite-utils on it, and of the
other doors a door calls, the reads it makes of each.

Declared here rather than by importing `Store`: the package names each door's class, so a door
naming the package (or another door that names it back: the snapshot market.snapshot loads
reads market.last_quotes) would tie the modules into one import cycle. `Store` satisfies
`Facade` structurally, and mypy proves it where a door is made (`_Door.__get__` in
store/__init__.py): a door read that changes its signature fails there until this declaration
says the same. A door that starts calling another door's read declares the read here
(tests/test_import_cycles.py fails on the import otherwise)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import datetime as dt
    import sqlite3
    from collections.abc import Iterable, Sequence
    from contextlib import AbstractContextManager

    import sqlite_utils

    from ..market.estimates import StoredEstimates
    from ..market.models import Dividend, FxRate, LastQuote, Split
    from ..thesis.kpis.awaiting import Awaiting
    from ..thesis.kpis.statements import StatedKpi
    from ..thesis.lines.split import LineSplit
    from ..thesis.portfolio.flows import ManualDividend
    from ..thesis.portfolio.positions import Lot, Sell
    from ..thesis.reported.results import Release
    from .records import ChannelHealth, EvidenceRecord, Notice, ProviderHealth


class FxReads(Protocol):
    def latest(self, base: str) -> dict[str, FxRate]: ...
    def on(self, currency: str, base: str, day: dt.date) -> FxRate | None: ...
    def history(self, currency: str, base: str) -> list[FxRate]: ...


class MarketReads(Protocol):
    def last_quotes(self, symbols: Iterable[str] | None = None) -> dict[str, LastQuote]: ...
    def splits(self, symbol: str | None = None) -> dict[str, list[Split]]: ...


class DividendReads(Protocol):
    def of(self, symbol: str) -> list[Dividend]: ...
    def benchmarks(self) -> dict[str, str]: ...
    def written(self, symbol: str) -> list[ManualDividend]: ...
    def tax(self, symbol: str) -> float: ...
    def sync(self, conn: object, symbol: str, entries: Iterable[ManualDividend]) -> None: ...


class ViewReads(Protocol):
    def active_symbols(self) -> list[str]: ...
    def lots(self, symbol: str) -> list[Lot]: ...
    def sells(self, symbol: str | None = None) -> dict[str, list[Sell]]: ...
    def splits(self, symbol: str | None = None) -> list[Split]: ...
    def price_history(
        self, symbol: str, since: dt.date | None = None
    ) -> list[tuple[dt.date, float]]: ...


class ProviderReads(Protocol):
    def paused(self, now: dt.datetime) -> dict[str, dt.datetime]: ...
    def health(self) -> dict[str, ProviderHealth]: ...


class EstimateReads(Protocol):
    def of(self, symbol: str) -> StoredEstimates | None: ...


class SegmentReads(Protocol):
    def of(self, symbol: str) -> tuple[LineSplit, ...]: ...


class KpiReads(Protocol):
    def series(self, symbol: str, *, dismissed: bool = False) -> tuple[StatedKpi, ...]: ...

    def awaiting(self, symbol: str | None = None) -> dict[tuple[str, str], Awaiting]: ...


class ResultReads(Protocol):
    def of_symbols(self, symbols: Sequence[str] | None = None) -> dict[str, list[Release]]: ...


class OutboxReads(Protocol):
    def notices_of(
        self, conn: sqlite3.Connection, ids: list[int], now: dt.datetime
    ) -> list[Notice]: ...


class EvidenceReads(Protocol):
    def accepted(self, symbol: str | None = None) -> list[EvidenceRecord]: ...

    def passages_by_id(self, ids: Sequence[int]) -> list[EvidenceRecord]: ...


class ChannelReads(Protocol):
    def health(self) -> list[ChannelHealth]: ...


class Facade(Protocol):
    """The Store as its doors see it."""

    @property
    def conn(self) -> sqlite3.Connection: ...
    def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...
    @property
    def db(self) -> sqlite_utils.Database: ...

    # The doors a door calls, each as what is read of it.
    @property
    def fx(self) -> FxReads: ...
    @property
    def market(self) -> MarketReads: ...
    @property
    def dividends(self) -> DividendReads: ...
    @property
    def views(self) -> ViewReads: ...
    @property
    def providers(self) -> ProviderReads: ...
    @property
    def estimates(self) -> EstimateReads: ...
    @property
    def segments(self) -> SegmentReads: ...
    @property
    def kpis(self) -> KpiReads: ...
    @property
    def results(self) -> ResultReads: ...
    @property
    def outbox(self) -> OutboxReads: ...
    @property
    def evidence(self) -> EvidenceReads: ...
    @property
    def channel_deliveries(self) -> ChannelReads: ...
