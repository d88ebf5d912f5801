"""The KPIs read from words as the ticker page's KPIs pane, `catalyst kpis` and the report read
them: a ticker's stored KPIs (store/kpis.py) grouped in series by kind and subject ("Scorpio ·
share of revenue", "Blackwell · growth", "Guidance"), each series' points oldest first, each point
its value as its sentence says it (thesis/kpis.said: the comparison word kept), whether it is a
forecast or an outcome, and the document it was read in; or why there is none. Plain data, no
textual and no SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..jobs.kpi_reading import KPI_METRICS
from ..thesis.catalogue import METRICS, Source
from ..thesis.kpis.metrics import newest_stated
from ..thesis.kpis.statements import Kpi, KpiKind, StatedKpi, said

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from ..store import Store

__all__ = [
    "KpiPoint",
    "KpiSeries",
    "KpisView",
    "kpi_series",
    "load_all_kpis",
    "load_kpis",
]

# The kinds in the order their series are listed: the catalogue's rows of metrics read from words.
_ORDER = [m.name for m in METRICS.values() if m.source is Source.WORDS]
NONE_NAMED = "no condition names a KPI: write one such as share(Scorpio) >= 20% (docs/config.md)"
NONE_STATED = "no release, call or filing read so far states one"


class KpiPoint(NamedTuple):
    """One value of a series: as read, and as its sentence states it; whether a kill criterion
    it alone missed awaits your word on it."""

    stated: StatedKpi
    said: str  # "over 10%", "closer to 20% (Q4 exit rate)", "over 20%, forecast"
    awaiting: bool = False

    @property
    def kpi(self) -> Kpi:
        return self.stated.kpi

    @property
    def day(self) -> dt.date:
        return self.stated.day

    @property
    def forecast(self) -> bool:
        """Said of the future ("expects", "will"): a forecast, not an outcome."""
        return self.stated.kpi.forward

    @property
    def outcome_or_forecast(self) -> str:
        return "forecast" if self.forecast else "outcome"


class KpiSeries(NamedTuple):
    kind: KpiKind
    subject: str  # the product or line ("Scorpio"); "" for the company's guidance
    points: tuple[KpiPoint, ...]  # oldest first

    @property
    def title(self) -> str:
        """ "Scorpio · share of revenue", "Blackwell · growth", "Guidance"."""
        words = METRICS[self.kind].series
        return f"{self.subject} · {words}" if self.subject else words.capitalize()

    @property
    def newest_first(self) -> tuple[KpiPoint, ...]:
        """Its points newest document first (its day, then the later document), one document's
        in the order it states them (the pane's and `catalyst kpis`' order)."""
        return tuple(sorted(self.points, key=lambda p: (p.day, p.stated.document_id), reverse=True))

    @property
    def newest_outcome(self) -> KpiPoint | None:
        """The outcome that judges the series' checkpoints (thesis/kpis/metrics.newest_stated:
        the first its newest document with one states), shown beside them everywhere."""
        return self._point(newest_stated((p.stated for p in self.points), forecast=False))

    @property
    def newest_forecast(self) -> KpiPoint | None:
        return self._point(newest_stated((p.stated for p in self.points), forecast=True))

    def _point(self, stated: StatedKpi | None) -> KpiPoint | None:
        return next((p for p in self.points if p.stated is stated), None)


def stated_text(point: KpiPoint) -> str:
    """ "over 10%, stated 2025-11-04 in 8-K EX-99.1: Q3 2025 results" (the report's words)."""
    document = point.stated.form + (f": {point.stated.title}" if point.stated.title else "")
    return f"{point.said}, stated {point.day.isoformat()} in {document}"


class KpisView(NamedTuple):
    symbol: str
    series: tuple[KpiSeries, ...]
    reason: str = ""  # why there is no series, as a sentence ("" when there is one)


def kpi_series(
    records: Iterable[StatedKpi], awaiting: frozenset[int] = frozenset()
) -> tuple[KpiSeries, ...]:
    """`records` (oldest first, as the store gives them) grouped by kind and subject: the kinds in
    the catalogue's order, the subjects of a kind alphabetically, each series' points oldest first
    (the records' order among those of one day); a point awaits your word when its ID is in
    `awaiting`."""
    groups: dict[tuple[KpiKind, str], list[KpiPoint]] = {}
    for record in records:
        key = (record.kpi.kind, record.kpi.subject)
        point = KpiPoint(record, said(record.kpi), record.kpi_id in awaiting)
        groups.setdefault(key, []).append(point)
    order = _ORDER
    return tuple(
        KpiSeries(kind, subject, tuple(sorted(points, key=lambda p: p.day)))
        for (kind, subject), points in sorted(
            groups.items(), key=lambda g: (order.index(g[0][0]), g[0][1].casefold(), g[0][1])
        )
    )


def load_all_kpis(
    store: Store, symbols: Iterable[str], *, dismissed: bool = False
) -> list[KpisView]:
    """Each of `symbols`' KPIs (load_kpis), in their order."""
    return [load_kpis(store, symbol, dismissed=dismissed) for symbol in symbols]


def load_kpis(store: Store, symbol: str, *, dismissed: bool = False) -> KpisView:
    """`symbol`'s KPIs in series (those you dismissed with `dismissed`), each marked where a
    kill criterion it alone missed awaits your word; without any, why: no condition of its
    thesis names a KPI, or none of its documents read so far states one (a condition written a
    moment ago included: the next reading reads them)."""
    awaiting = frozenset(a.kpi_id for a in store.kpis.awaiting(symbol).values())
    series = kpi_series(store.kpis.series(symbol, dismissed=dismissed), awaiting)
    if series:
        return KpisView(symbol, series)
    named = any(s == symbol and c.metric in KPI_METRICS for s, c in store.kpis.conditions())
    return KpisView(symbol, (), NONE_STATED if named else NONE_NAMED)
