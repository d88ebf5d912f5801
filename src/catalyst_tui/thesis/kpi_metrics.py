"""The metrics of KPIs read from words (thesis/kpis.py): `share` and `growth` of a product a
condition names (`share(Scorpio) >= 20%`) and the direction of the company's `guidance`
(`guidance == "raised"`), from the statements the refresh stored (store/kpis.py), which the
snapshot reads a symbol at a time (`MarketSnapshot.kpis`).

Each is the newest statement of its kind and subject (by its document's day, then its place in
the document) that is an outcome: a forecast ("we expect Scorpio to exceed 10%") is never
judged, as what is said of the future is not what happened; an exit or run rate ("a Q4 exit
rate closer to 20%") is no share of the period's revenue, and is not judged either. A range
("10% to 15%") is the value and `high`: evaluation holds a condition on it only at both ends.
The subject is matched in any case. The value carries the statement as said and where it was
read in its note ("over 10% of revenue, ALAB 8-K EX-99.1 of 2025-11-04")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .kpis import GUIDANCE_DIRECTIONS, said
from .observation import Missing, MissingCode, Observation

if TYPE_CHECKING:
    import datetime as dt

    from .kpis import KpiKind, StatedKpi
    from .snapshot import MarketSnapshot


def share(symbol: str, snap: MarketSnapshot, name: str) -> Observation:
    return _newest("share", "share", symbol, snap, name)


def growth(symbol: str, snap: MarketSnapshot, name: str) -> Observation:
    return _newest("growth", "growth", symbol, snap, name)


def guidance(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    return _newest("guidance", "guidance", symbol, snap, "")


def where(stated: StatedKpi, symbol: str) -> str:
    """Where a statement was read: "ALAB 8-K EX-99.1 of 2025-11-04"."""
    return f"{symbol} {stated.form} of {stated.day.isoformat()}"


def as_said(stated: StatedKpi) -> str:
    """The statement as its sentence says it: "over 10% of revenue", "+17% sequentially",
    "raised"."""
    kpi = stated.kpi
    return said(kpi) + (" of revenue" if kpi.kind == "share" and not kpi.forward else "")


def _newest(
    kind: KpiKind, metric: str, symbol: str, snap: MarketSnapshot, name: str
) -> Observation:
    subject = name.casefold()
    outcome: StatedKpi | None = None
    forecast: StatedKpi | None = None
    for stated in snap.kpis(symbol):  # oldest first: the newest wins
        kpi = stated.kpi
        if kpi.kind != kind or kpi.subject.casefold() != subject:
            continue
        if kpi.forward:
            forecast = stated
        elif not (kind == "share" and kpi.basis):  # an exit or run rate is no share of revenue
            outcome = stated
    if outcome is None:
        if forecast is None:
            return Observation(None, Missing(MissingCode.NO_KPI, symbol, metric, text=name))
        newest = f"{as_said(forecast)} ({where(forecast, symbol)})"
        missing = Missing(
            MissingCode.KPI_FORECAST_ONLY, symbol, metric, text=name, symbols=(newest,)
        )
        return Observation(None, missing)
    kpi = outcome.kpi
    note = f"{as_said(outcome)}, {where(outcome, symbol)}"
    if kpi.kind == "guidance":
        return Observation(float(GUIDANCE_DIRECTIONS.index(kpi.basis)), note=note)
    return Observation(kpi.value, note=note, high=kpi.high)
