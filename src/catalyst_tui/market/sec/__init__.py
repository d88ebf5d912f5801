"""SEC EDGAR as the registry knows it: its settings and its spec. Its sources are this package's
modules: the client (client.py), the ticker → CIK map (tickers.py), facts derived from
companyfacts (facts.py, quarters.py, series.py, splits.py), filings and filing indexes
(filings.py, index.py)."""

from __future__ import annotations

from typing import Any, NamedTuple

from ..fetch_kinds import FetchKindSpec, register
from ..http.limits import MiB, RequestBounds
from ..models import FetchKind
from ..spec import BuildContext, Built, ProviderSpec

NAME = "sec"
SEC_DOMAIN = "sec.gov"  # EDGAR's hosts (www., data., efts.): each answers only a declared contact


class SecSettings(NamedTuple):
    """[providers.sec]: keyless, but EDGAR answers only a declared contact."""

    base_url: str = "https://data.sec.gov"  # companyfacts and submissions
    tickers_url: str = "https://www.sec.gov/files/company_tickers.json"  # ticker -> CIK
    user_agent: str | None = None  # "Your Name you@example.com"; none: EDGAR is not asked
    archives_url: str = "https://www.sec.gov"  # filing indexes and documents (evidence)


def build(settings: SecSettings, context: BuildContext) -> Built:
    """Fundamentals and filings from one client, when a contact is set (else none: the refresh
    says why in a note)."""
    if not settings.user_agent:
        return Built()
    from .client import SecEdgar  # loads the HTTP stack: imported when a refresh builds it

    edgar = SecEdgar(
        settings.base_url, settings.tickers_url, settings.user_agent, settings.archives_url
    )
    return Built(fundamentals=edgar, filings=edgar)


SEC = ProviderSpec(
    name=NAME,
    settings=SecSettings,
    serves=frozenset(
        {FetchKind.FUNDAMENTALS, FetchKind.CIK_MAP, FetchKind.FILINGS, FetchKind.DOCUMENTS}
    ),
    build=build,
    rate_limit=10.0,  # EDGAR's published limit (SecEdgar holds any client to it too)
    paced_per_machine=True,
    # companyfacts is tens of MB for the largest filers, and served compressed.
    bounds=RequestBounds(deadline=90.0, max_bytes=128 * MiB),
)


def build_current(settings: SecSettings, _context: BuildContext) -> Any:
    """The fast watch's current-filings feed (market/sec/watch.py), with a contact."""
    from .watch import CurrentFilings

    return (
        CurrentFilings(settings.archives_url, settings.user_agent) if settings.user_agent else None
    )


def build_submissions(settings: SecSettings, _context: BuildContext) -> Any:
    """The fast watch's ask of each awaited company's submissions, with a contact."""
    from .watch import Submissions

    return Submissions(settings.base_url, settings.user_agent) if settings.user_agent else None


# The fast watch's SEC sources: the feed of every new 8-K first, one request for all.
register(FetchKindSpec("watch-current", sources={NAME: build_current}))
register(FetchKindSpec("watch-submissions", sources={NAME: build_submissions}))
