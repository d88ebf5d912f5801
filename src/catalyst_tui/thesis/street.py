"""The metrics of the Street's view: the consensus of this quarter and of this and next fiscal
year, its revisions, the forward P/E, and the latest release against the consensus frozen
before it (market/estimates.py, store/estimates.py). thesis/catalogue.py names them.

A consensus is the analysts' average as the provider last gave it (the day it was read is in
the value's note: a provider's gap leaves the last one). A count of analysts said and below
MIN_ANALYSTS is no consensus: one analyst's number is an opinion.
"""

from __future__ import annotations

import datetime as dt

from ..market.estimates import Consensus, Frozen, Range, StoredEstimates
from .observation import Missing, MissingCode, Observation, Period, PeriodKind, ValueSource
from .results import SAME_PERIOD_DAYS, Release
from .snapshot import MarketSnapshot, price_of

MIN_ANALYSTS = 2
REPORT_DAYS = 10  # a frozen consensus without a quarter's end: its report within this of the 8-K


def _range(stored: StoredEstimates, period: str, figure: str) -> tuple[Consensus, Range] | None:
    found = stored.period(period)
    if found is None and period == "0q":
        found = stored.next_report  # calendarEvents alone: the next report's consensus
    if found is None:
        return None
    said: Range = getattr(found, figure)
    return None if said.average is None else (found, said)


def _consensus(
    symbol: str, snap: MarketSnapshot, metric: str, period: str, figure: str
) -> Observation:
    stored = snap.street(symbol)
    if stored is None:
        return Observation(None, Missing(MissingCode.NO_ESTIMATES, symbol))
    found = _range(stored, period, figure)
    if found is None:
        return Observation(None, Missing(MissingCode.NO_CONSENSUS, symbol, metric))
    consensus, said = found
    if said.analysts is not None and said.analysts < MIN_ANALYSTS:
        return Observation(
            None, Missing(MissingCode.FEW_ANALYSTS, symbol, metric, value=said.analysts)
        )
    assert said.average is not None
    return Observation(said.average, note=_note(stored, consensus, said))


def _note(stored: StoredEstimates, consensus: Consensus, said: Range) -> str:
    """'12 analysts, period to 2026-12-31, as of 2026-11-20'."""
    parts = [] if said.analysts is None else [f"{said.analysts} analysts"]
    if consensus.end is not None:
        parts.append(f"period to {consensus.end.isoformat()}")
    parts.append(f"as of {stored.day.isoformat()}")
    return ", ".join(parts)


def eps_estimate_q(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    return _consensus(symbol, snap, "eps_estimate_q", "0q", "eps")


def revenue_estimate_q(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    return _consensus(symbol, snap, "revenue_estimate_q", "0q", "revenue")


def eps_estimate_fy(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    return _consensus(symbol, snap, "eps_estimate_fy", "0y", "eps")


def eps_estimate_next_fy(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    return _consensus(symbol, snap, "eps_estimate_next_fy", "+1y", "eps")


def year_eps(year: Consensus | None) -> float | None:
    """This fiscal year's EPS consensus where it is one: said, and by MIN_ANALYSTS or more
    analysts where their count is said."""
    if year is None or year.eps.average is None:
        return None
    if year.eps.analysts is not None and year.eps.analysts < MIN_ANALYSTS:
        return None
    return year.eps.average


def price_over_eps(price: float | None, year: Consensus | None) -> float | None:
    """The forward P/E: `price` / this fiscal year's EPS consensus; None without either, or
    when the consensus is zero or a loss."""
    eps = year_eps(year)
    return None if price is None or eps is None or eps <= 0 else price / eps


def revision(year: Consensus | None) -> float | None:
    """This fiscal year's EPS consensus now against 30 days ago as the provider's EPS trend
    says them, (now - then) / |then|; None where it says either not, or then is 0."""
    now = year.trend[0] if year is not None else None
    then = year.trend[2] if year is not None else None
    return None if now is None or then is None or then == 0 else (now - then) / abs(then)


def eps_revision_30d(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    """This fiscal year's EPS consensus now against 30 days ago: 0.05 is 5% higher."""
    stored = snap.street(symbol)
    if stored is None:
        return Observation(None, Missing(MissingCode.NO_ESTIMATES, symbol))
    year = stored.period("0y")
    moved = revision(year)
    if year is None or moved is None:
        return Observation(None, Missing(MissingCode.NO_REVISION_TREND, symbol))
    now, then = year.trend[0], year.trend[2]
    up = "" if year.up_30d is None else f"{year.up_30d} up"
    down = "" if year.down_30d is None else f"{year.down_30d} down"
    moves = " and ".join(p for p in (up, down) if p)
    note = f"{then:.2f} → {now:.2f}" + (f", {moves} in 30 days" if moves else "")
    return Observation(moved, note=f"{note}, as of {stored.day.isoformat()}")


def forward_pe(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    """The price / this fiscal year's EPS consensus."""
    last = snap.quotes.get(symbol)
    price = price_of(last)
    if price is None:
        return Observation(None, Missing(MissingCode.NO_QUOTE, symbol))
    eps = eps_estimate_fy(symbol, snap, None)
    if eps.value is None:
        return eps
    if eps.value <= 0:
        return Observation(None, Missing(MissingCode.FORWARD_PE_UNDEFINED, symbol, value=eps.value))
    return Observation(price / eps.value, note=eps.note)


def frozen_for(stored: StoredEstimates | None, release: Release) -> Frozen | None:
    """The consensus kept before `release`: of its quarter (by its end), or, where the provider
    named no quarter, the one of a report within REPORT_DAYS of its 8-K and read before it."""
    if stored is None or release.period_end is None:
        return None
    end = release.period_end
    for frozen in reversed(stored.frozen):
        if frozen.period_end is not None:
            if abs((frozen.period_end - end).days) <= SAME_PERIOD_DAYS:
                return frozen
        elif abs((frozen.report - release.filed).days) <= REPORT_DAYS and (
            frozen.as_of <= release.filed
        ):
            return frozen
    return None


def _latest(symbol: str, snap: MarketSnapshot) -> Release | None:
    found = [r for r in snap.releases.get(symbol, ()) if r.results.found and r.period_end]
    return max(found, key=lambda r: (r.period_end, r.filed), default=None)


def _versus(symbol: str, snap: MarketSnapshot, metric: str, eps: bool) -> Observation:
    release = _latest(symbol, snap)
    if release is None:
        return Observation(None, Missing(MissingCode.NO_RELEASE, symbol))
    assert release.period_end is not None
    quarter = Period(PeriodKind.QUARTER, release.period_end, filed=release.filed,
                     source=ValueSource.RELEASE)  # fmt: skip
    frozen = frozen_for(snap.street(symbol), release)
    street = None if frozen is None else (frozen.eps if eps else frozen.revenue)
    if street is None or (eps and street == 0) or (not eps and street <= 0):
        return Observation(None, Missing(MissingCode.NO_FROZEN_CONSENSUS, symbol, metric,
                                         quarter=quarter))  # fmt: skip
    figures = release.results.quarter
    actual = figures.revenue
    if eps:
        actual = figures.eps_nongaap if figures.eps_nongaap is not None else figures.eps_diluted
    if actual is None:
        return Observation(None, Missing(MissingCode.NOT_IN_QUARTER, symbol, metric,
                                         quarter=quarter))  # fmt: skip
    # Both as they were that evening: the consensus read the day before, the EPS as printed.
    return Observation((actual - street) / abs(street), period=quarter)


def revenue_vs_consensus(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    """The latest release's revenue against the Street's consensus frozen before it."""
    return _versus(symbol, snap, "revenue_vs_consensus", eps=False)


def eps_vs_consensus(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    """The latest release's non-GAAP diluted EPS (its GAAP diluted EPS where it states none)
    against the Street's EPS consensus frozen before it."""
    return _versus(symbol, snap, "eps_vs_consensus", eps=True)
