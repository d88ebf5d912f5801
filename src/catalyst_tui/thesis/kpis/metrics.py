"""The metrics of KPIs read from words (thesis/kpis/statements.py): `share` and `growth` of a
product a condition names (`share(Scorpio) >= 20%`, `growth(revenue)` the company's own) and
the direction of the company's `guidance` (`guidance == "raised"`), from the statements the
refresh stored (store/kpis.py), which the snapshot reads a symbol at a time
(`MarketSnapshot.kpis`).

Each is the one statement of its kind and subject that `newest_stated` picks: of the newest
document that states one (its day, then the later document), the first it states, as the
report, `check`, `review`, the KPIs pane and notifications show it beside the checkpoint (a
release's "up 5% from Q1 and up 56% from a year ago" is +5%). It is an outcome: a forecast
("we expect Scorpio to exceed 10%") is never judged, as what is said of the future is not what
happened; an exit or run rate ("a Q4 exit rate closer to 20%") is no share of the period's
revenue, and is not judged either. A range ("10% to 15%") is the value and `high`; a number
given as one end of what is meant ("over 10%", "at least", "under 5%", "nearly 20%") is the
value and its `bound`. Either judges a condition only where every share it allows does the
same (`settles`): "over 10%" holds `> 10%` and `>= 10%`, fails `< 10%`, and leaves `>= 20%`
open, with the reason, as no value leaves it. An approximate number ("approximately", "about",
"closer to") is the number. The subject is matched in any case. The value carries the
statement as said and where it was read in its note ("over 10% of revenue, ALAB 8-K EX-99.1
of 2025-11-04")."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ...reading.words.records import OVER_TWO_YEARS
from ..observation import Missing, MissingCode, Observation
from .statements import GUIDANCE_DIRECTIONS, said

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

    from ..snapshot import MarketSnapshot
    from .statements import Kpi, KpiKind, StatedKpi

#: The comparison words (thesis/kpis/statements.py) that give a number as one end of what is meant,
# and
#: which end: "over 10%" is more than 10%, "nearly 20%" less than 20%. The others are the
#: number, approximately or exactly.
BOUNDS = {
    "over": "above",
    "more than": "above",
    "above": "above",
    "in excess of": "above",
    "at least": "at least",
    "no less than": "at least",
    "upwards of": "above",
    "at most": "at most",
    "no more than": "at most",
    "under": "below",
    "below": "below",
    "less than": "below",
    "nearly": "below",
    "almost": "below",
}
#: Between what a value's note says and where it was read: "over 10% of revenue, ALAB text of …".
NOTE_WHERE = ", "
#: A bound of a decline's number turned to its signed value: "down more than 5%" is below -5%.
_FLIPPED = {"above": "below", "below": "above", "at least": "at most", "at most": "at least"}


def share(symbol: str, snap: MarketSnapshot, name: str) -> Observation:
    return _newest("share", "share", symbol, snap, name)


def growth(symbol: str, snap: MarketSnapshot, name: str) -> Observation:
    return _newest("growth", "growth", symbol, snap, name)


def guidance(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    return _newest("guidance", "guidance", symbol, snap, "")


def where(stated: StatedKpi, symbol: str) -> str:
    """Where a statement was read: "ALAB 8-K EX-99.1 of 2025-11-04"."""
    return f"{symbol} {stated.form} of {stated.day.isoformat()}"


def quoted(said: str, where: str) -> str:
    """A statement as a reason quotes it: "over 10% of revenue (ALAB text of 2025-11-04)"."""
    return f"{said} ({where})"


def unsettled(
    obs: Observation, symbol: str, metric: str, comparison: str, text: str
) -> Observation:
    """No value, and why: the statement of `obs` leaves `comparison` (">= 20%") open. The
    statement is quoted from the value's note, which `_newest` writes as said, then where."""
    said, _, at = obs.note.rpartition(NOTE_WHERE)
    stated = quoted(said, at) if said else obs.note
    why = Missing(
        MissingCode.KPI_UNSETTLED, symbol, metric, symbols=(stated, comparison), text=text
    )
    return obs._replace(value=None, missing=why, high=None, bound="")


def as_said(stated: StatedKpi) -> str:
    """The statement as its sentence says it: "over 10% of revenue", "+17% sequentially",
    "25% of segment revenue", "raised"."""
    kpi = stated.kpi
    return said(kpi) + (" revenue" if kpi.of else " of revenue" if _of_revenue(kpi) else "")


def _of_revenue(kpi: Kpi) -> bool:
    return kpi.kind == "share" and not kpi.forward


def newest_stated(records: Iterable[StatedKpi], *, forecast: bool = False) -> StatedKpi | None:
    """The statement of a series (`records` in the store's order: by day, document, place)
    that judges its checkpoint and is shown beside it: of the newest document stating one, the
    first it states; outcomes, or forecasts with `forecast`. An exit or run rate is no share
    of the period's revenue: never the outcome; nor is a share of a part ("of the segment's
    revenue"), nor a growth over two years ("7% on a two-year basis": no period's growth)."""
    chosen: StatedKpi | None = None
    for stated in records:
        kpi = stated.kpi
        if kpi.forward != forecast or (not forecast and kpi.kind == "share" and kpi.basis):
            continue
        if kpi.kind == "growth" and kpi.basis == OVER_TWO_YEARS:
            continue
        if kpi.of:
            continue  # a share of a part ("25% of the segment's revenue"): no share of revenue
        if chosen is None or (stated.day, stated.document_id) > (chosen.day, chosen.document_id):
            chosen = stated
    return chosen


def _newest(
    kind: KpiKind, metric: str, symbol: str, snap: MarketSnapshot, name: str
) -> Observation:
    subject = name.casefold()
    series = [
        s for s in snap.kpis(symbol) if s.kpi.kind == kind and s.kpi.subject.casefold() == subject
    ]
    outcome = newest_stated(series)
    if outcome is None:
        forecast = newest_stated(series, forecast=True)
        if forecast is None:
            return Observation(None, Missing(MissingCode.NO_KPI, symbol, metric, text=name))
        newest = quoted(as_said(forecast), where(forecast, symbol))
        missing = Missing(
            MissingCode.KPI_FORECAST_ONLY, symbol, metric, text=name, symbols=(newest,)
        )
        return Observation(None, missing)
    kpi = outcome.kpi
    note = f"{as_said(outcome)}{NOTE_WHERE}{where(outcome, symbol)}"
    if kpi.kind == "guidance":
        return Observation(float(GUIDANCE_DIRECTIONS.index(kpi.basis)), note=note)
    return Observation(kpi.value, note=note, high=kpi.high, bound=bound_of(kpi))


def bound_of(kpi: Kpi) -> str:
    """Which end of what is meant the statement's number is ("" where it is the number)."""
    bound = BOUNDS.get(kpi.comparison, "")
    if bound and kpi.value is not None and kpi.value < 0:  # "declined more than 5%": -0.05
        return _FLIPPED[bound]
    return bound


def span(obs: Observation) -> tuple[float, float] | None:
    """The least and the greatest value a statement allows (an open end one float inside it),
    None where it states one number."""
    value = obs.value
    if value is None:
        return None
    if obs.high is not None:
        return value, obs.high
    match obs.bound:
        case "above":
            return math.nextafter(value, math.inf), math.inf
        case "at least":
            return value, math.inf
        case "below":
            return -math.inf, math.nextafter(value, -math.inf)
        case "at most":
            return -math.inf, value
    return None


def settles(
    obs: Observation, holds: Callable[[float, float], bool], threshold: float
) -> bool | None:
    """Whether every value the statement allows holds the comparison (True), none does (False),
    or the words leave it open (None). The comparisons of a number (>=, <=, >, <) hold on a
    half-line, so the two ends of the span decide it."""
    ends = span(obs)
    if ends is None:
        return None if obs.value is None else holds(obs.value, threshold)
    low, high = (holds(end, threshold) for end in ends)
    return low if low == high else None
