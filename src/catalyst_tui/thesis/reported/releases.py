"""The metrics of earnings releases: the revenue guide, the quarter against its own guide and
non-GAAP EPS, which no XBRL carries. thesis/catalogue.py names them in its rows (and
thesis/metrics.py adds `released`, what a fundamentals metric would be on the releases' figures
where XBRL, filed since, says otherwise); thesis/reported/results.py holds the rules they share
with the
views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...market.models import SAME_PERIOD_DAYS
from ..observation import Missing, MissingCode, Observation, Period, PeriodKind, ValueSource
from ..portfolio.positions import split_factor
from .fundamentals import no_facts, revenue_q
from .results import Release, guide_of, guided, midpoint, versus

if TYPE_CHECKING:
    import datetime as dt

    from ..snapshot import MarketSnapshot


def _no_release(symbol: str, snap: MarketSnapshot) -> Observation:
    """No release stored for the symbol: none filed yet, or none can be fetched."""
    if not snap.sec_configured:
        return no_facts(symbol, snap)
    return Observation(None, Missing(MissingCode.NO_RELEASE, symbol))


def _latest(releases: list[Release], pin: dt.date | None) -> Release | None:
    """The newest release with results, or the one of the quarter ending about `pin`."""
    found = [r for r in releases if r.results.found and r.period_end is not None]
    if pin is not None:
        found = [r for r in found if abs((r.period_end - pin).days) <= SAME_PERIOD_DAYS]  # type: ignore[operator]
    return max(found, key=lambda r: (r.period_end, r.filed), default=None)


def guide_revenue(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
    """The midpoint of the next quarter's revenue guidance in the latest release (pinned: the
    guidance for the quarter ending about `pin`, given by the release a quarter before it)."""
    releases = snap.releases.get(symbol)
    if not releases:
        return _no_release(symbol, snap)
    if pin is None:
        release = _latest(releases, None)
        guide = release.quarter_guide() if release is not None else None
    else:
        release = guided(releases, pin)
        guide = release.quarter_guide() if release is not None else None
    if release is None or guide is None or release.period_end is None:
        quarter = None if release is None or release.period_end is None else _quarter(release)
        return Observation(None, Missing(MissingCode.NO_GUIDANCE, symbol, pin=pin, quarter=quarter))
    period = Period(
        PeriodKind.GUIDED_QUARTER,
        release.period_end,
        filed=release.filed,
        source=ValueSource.RELEASE,
    )
    return Observation(midpoint(guide), period=period)


def revenue_vs_guide(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
    """The latest (or pinned) quarter's revenue, from its release or the filing, against the
    midpoint of the guidance the release before it gave: 0.06 is 6% above the guide."""
    if not snap.releases.get(symbol):
        return _no_release(symbol, snap)
    revenue = revenue_q(symbol, snap, pin)
    if revenue.value is None or revenue.period is None:
        return revenue
    period = revenue.period
    guide = guide_of(snap.releases.get(symbol, ()), period.end)
    value = versus(revenue.value, guide)
    if value is None:
        return Observation(None, Missing(MissingCode.NO_GUIDANCE, symbol, quarter=period))
    released = None
    if symbol in snap.release_first:  # what the release alone said of the quarter
        said = revenue_q(symbol, snap.release_view(), pin).value
        if said is not None and said != revenue.value:
            released = versus(said, guide)
    return Observation(value, period=period, released=released)


def eps_nongaap_q(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
    """Non-GAAP (or adjusted) diluted EPS of the latest release's quarter (or the pinned
    one's), on today's share basis."""
    releases = snap.releases.get(symbol)
    if not releases:
        return _no_release(symbol, snap)
    release = _latest(releases, pin)
    if release is None:
        missing = Missing(MissingCode.NOT_REPORTED, symbol, "eps_nongaap_q", pin)
        return Observation(None, missing)
    period = _quarter(release)
    eps = release.results.quarter.eps_nongaap
    if eps is None:
        missing = Missing(MissingCode.NOT_IN_QUARTER, symbol, "eps_nongaap_q", quarter=period)
        return Observation(None, missing)
    factor = split_factor(snap.splits.get(symbol, ()), release.filed)
    adjusted = factor if factor != 1 else None
    return Observation(eps / factor, period=period, split_adjusted=adjusted)


def _quarter(release: Release) -> Period:
    assert release.period_end is not None
    return Period(
        PeriodKind.QUARTER, release.period_end, filed=release.filed, source=ValueSource.RELEASE
    )
