"""The Street's view as the Estimates pane, `catalyst estimates` and the release notification
read it: each symbol's consensus by period with its 90-day EPS trend and revisions, the forward
P/E and the 30-day revision (the metrics' own functions, thesis/reported/street.py), the surprises
the
provider reported, and each release read against the consensus frozen before it. Plain data, no
textual and no SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..market.estimates import PERIOD_TITLES, Consensus, Frozen, Range, StoredEstimates
from ..thesis.reported import street
from ..thesis.snapshot import MarketSnapshot
from ..thesis.wording import missing_text

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from ..store import Store
    from ..thesis.observation import Observation
    from ..thesis.reported.results import Release

# The provider's records the screens read pass through here: the TUI never imports market/.
__all__ = [
    "PERIOD_TITLES",
    "Consensus",
    "Range",
    "StreetQuarter",
    "StreetRow",
    "load_estimates",
    "street_quarters",
    "versus_street",
]


class StreetQuarter(NamedTuple):
    """A release against the consensus frozen before it: revenue and EPS (non-GAAP where the
    release states it, `eps_gaap` True where it states only GAAP), each with the Street's figure
    and the difference as a fraction (None where either is missing)."""

    period_end: dt.date
    filed: dt.date
    frozen: Frozen | None
    revenue: float | None
    revenue_vs: float | None
    eps: float | None
    eps_gaap: bool
    eps_vs: float | None


class StreetRow(NamedTuple):
    """One symbol's Street view (`estimates` None: none stored)."""

    symbol: str
    estimates: StoredEstimates | None
    price: float | None
    forward_pe: float | None
    revision_30d: float | None
    quarters: tuple[StreetQuarter, ...]  # newest first
    forward_pe_reason: str | None = None  # why the forward P/E is none (thesis/wording.py)
    revision_reason: str | None = None  # why the 30-day revision is none


def versus(actual: float | None, street_figure: float | None) -> float | None:
    """`actual` against the Street's figure, as a fraction; None without both."""
    if actual is None or street_figure is None or street_figure == 0:
        return None
    return (actual - street_figure) / abs(street_figure)


def versus_street(release: Release, stored: StoredEstimates | None) -> StreetQuarter | None:
    """One release against the consensus frozen before it (None: it has no results)."""
    if not release.results.found or release.period_end is None:
        return None
    frozen = street.frozen_for(stored, release)
    figures = release.results.quarter
    eps, gaap = figures.eps_nongaap, False
    if eps is None and figures.eps_diluted is not None:
        eps, gaap = figures.eps_diluted, True
    return StreetQuarter(
        release.period_end,
        release.filed,
        frozen,
        figures.revenue,
        versus(figures.revenue, frozen.revenue if frozen else None),
        eps,
        gaap,
        versus(eps, frozen.eps if frozen else None),
    )


def street_quarters(
    releases: Sequence[Release], stored: StoredEstimates | None
) -> tuple[StreetQuarter, ...]:
    """Each release with results against the Street, newest quarter first."""
    found = [versus_street(r, stored) for r in releases]
    rows = [q for q in found if q is not None]
    return tuple(sorted(rows, key=lambda q: (q.period_end, q.filed), reverse=True))


def _reason(found: Observation) -> str | None:
    return None if found.missing is None else missing_text(found.missing)


def load_estimates(
    store: Store, symbols: Sequence[str], now: dt.datetime, base: str = "USD"
) -> list[StreetRow]:
    """The rows of `symbols`, in their order; a consensus in another money than the quote's
    converted at the stored rates into `base` (the config's currency)."""
    stored = store.estimates.of_symbols(symbols)
    releases = store.results.of_symbols(list(symbols))
    rates = {c: r.rate for c, r in store.fx.latest(base).items()}
    snap = MarketSnapshot(
        now=now,
        quotes=store.market.last_quotes(symbols),
        base=base,
        rates=rates,
        street_of=stored.get,
    )
    rows = []
    for symbol in symbols:
        last = snap.quotes.get(symbol)
        price = last.quote.price if last is not None and last.quote is not None else None
        pe = street.forward_pe(symbol, snap, None)
        moved = street.eps_revision_30d(symbol, snap, None)
        found = stored.get(symbol)
        rows.append(
            StreetRow(
                symbol,
                None if found is None else street.shown(found),
                price,
                pe.value,
                moved.value,
                street_quarters(releases.get(symbol, ()), stored.get(symbol)),
                _reason(pe),
                _reason(moved),
            )
        )
    return rows
