"""Every kind of fetch, registered once (`FETCH_KINDS`): what the store keeps the last fetch time
of (`store.market.due` reads a kind's `every` from here), what `catalyst status` lists, and how
one refresh's sources of the kind are gathered (`registry.build_sources`).

The kinds of `models.FetchKind` are built by each provider's builder into its `Built` field of
the same name (their sources typed there). A new kind is one `register(FetchKindSpec(...))`: its
name, the source each provider that serves it builds from its own settings (`sources`, by
provider name: OpenBB's fetcher registry, one line), and how what a source answers is kept
(`keep`): the refresh fetches every due symbol of it (jobs/fetches.py), the store keeps its
fetch times, `status` lists it. Nothing else changes: no field on `Built` or `Sources`, no line
in a provider's spec.

This module is read at start-up (the providers' specs): no HTTP stack, records are NamedTuples.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, runtime_checkable

from .models import FetchKind

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from .http.client import MarketClient
    from .models import Headline
    from .spec import BuildContext, KindSource

DAILY = dt.timedelta(days=1)
RETRY_FAILED_AFTER = dt.timedelta(hours=1)


class FetchKindSpec(NamedTuple):
    """One kind of fetch."""

    name: str  # its key in the store's fetch times, and its word in `status`
    every: dt.timedelta = DAILY  # how often a symbol is due it
    failed_every: dt.timedelta = RETRY_FAILED_AFTER  # after a failed fetch
    # A built-in kind's field on `Built` and `Sources` ("": none, its sources are `more`'s).
    field: str = ""
    many: bool = False  # every provider serving it, in order (else the first)
    # A registered kind: the source each provider that serves it builds from its settings.
    sources: Mapping[str, Callable[[Any, BuildContext], KindSource | None]] = MappingProxyType({})
    # What a registered kind's answer becomes in the store: (store, symbol, answer, now) -> the
    # detail its fetch time keeps (the store is the refresh's: jobs/fetches.py).
    keep: Callable[[Any, str, Any, dt.datetime], str] | None = None

    @property
    def fetched_by_the_refresh(self) -> bool:
        """Whether the refresh's registered step (jobs/fetches.py) fetches it."""
        return self.keep is not None and bool(self.sources)


FETCH_KINDS: dict[str, FetchKindSpec] = {}

#: The fast watch's kinds (jobs/watch.py) are those named with this prefix: a provider's watch
#: source is one `register(FetchKindSpec("watch-NAME", sources={provider: builder}))`, its
#: builder making a `WatchSource` (or a `FeedWatchSource`). The refresh never fetches them (no
#: `keep`).
WATCH_PREFIX = "watch-"


@runtime_checkable
class WatchSource(Protocol):
    """A source of the fast watch: asked while results are awaited, it answers which of the
    awaited companies (symbol -> CIK) filed results since its last answer, by accession.
    `together`: one request answers for all (asked every few seconds); else one request a
    company, each at its turn within the watch's budget."""

    name: str
    together: bool
    asked: int  # requests made (bench/alert_latency.py's rate)

    async def news(self, client: MarketClient, awaited: Mapping[str, str]) -> dict[str, str]: ...

    def filing(self, accession: str) -> object | None:
        """The filing of a new accession as this source listed it (a record the filings' store
        keeps: the refresh reads its release before the company's submissions list it), or
        None when the refresh is to list it."""
        ...

    def forget(self, keep: set[str]) -> None: ...


@runtime_checkable
class FeedWatchSource(Protocol):
    """A source of the fast watch keyed by the awaited companies' own feeds (their `feeds` in
    catalysts.toml), not their CIKs: asked a feed at a time, at the watch's pace for a
    company's site, it answers the items of that feed that are a results release (each once,
    newest first), and fetches a release's page."""

    name: str
    asked: int  # requests made (bench/alert_latency.py's rate)

    async def releases(self, client: MarketClient, symbol: str, url: str) -> list[Headline]: ...

    async def page(self, client: MarketClient, url: str, symbol: str) -> bytes: ...

    def forget(self, keep: set[str]) -> None: ...


def watch_kinds() -> list[FetchKindSpec]:
    """The fast watch's registered kinds, in the order registered."""
    return [k for k in FETCH_KINDS.values() if k.name.startswith(WATCH_PREFIX)]


def register(spec: FetchKindSpec) -> FetchKindSpec:
    """Add a kind; a name registered already is refused (one declaration each)."""
    if spec.name in FETCH_KINDS:
        raise ValueError(f"fetch kind {spec.name!r} is registered already")
    FETCH_KINDS[spec.name] = spec
    return spec


def unregister(name: str) -> None:
    """Take a kind out again (a test's temporary registration)."""
    del FETCH_KINDS[name]


def kind(name: str) -> FetchKindSpec:
    """The registered kind of that name; ValueError for one never registered."""
    try:
        return FETCH_KINDS[name]
    except KeyError:
        raise ValueError(f"fetch kind {name!r} is not registered (market/fetch_kinds.py)") from None


def serving(provider: str) -> frozenset[str]:
    """The registered kinds `provider` serves (its spec's `serves` has the built-in ones)."""
    return frozenset(k.name for k in FETCH_KINDS.values() if provider in k.sources)


for _spec in (
    FetchKindSpec(FetchKind.QUOTES, field="quotes", many=True),
    FetchKindSpec(FetchKind.HISTORY),  # the quote providers' own, with their quotes
    FetchKindSpec("backfill"),  # a ticker's history, fetched once (store/market_data.py)
    FetchKindSpec(FetchKind.EARNINGS, field="earnings", many=True),
    FetchKindSpec(FetchKind.FUNDAMENTALS, field="fundamentals"),
    FetchKindSpec(FetchKind.CIK_MAP, every=dt.timedelta(days=7)),  # the fundamentals' source's
    FetchKindSpec(FetchKind.FILINGS, field="filings"),
    FetchKindSpec(FetchKind.DOCUMENTS),  # the filings' source's
    FetchKindSpec(FetchKind.NEWS, field="news"),
    FetchKindSpec(FetchKind.FEEDS, field="feeds"),
    FetchKindSpec(FetchKind.FX, field="fx", many=True),
    FetchKindSpec(FetchKind.INTRADAY, field="intraday"),
    FetchKindSpec(FetchKind.ESTIMATES, field="estimates"),
    FetchKindSpec(FetchKind.SEGMENTS),  # the filings' source's (jobs/segments.py)
):
    register(_spec)
