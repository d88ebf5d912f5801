"""What the registry (market/registry.py) knows of a provider: its `ProviderSpec`, what its builder
is given (`BuildContext`) and what it makes (`Built`; a registered kind's source, `KindSource`),
and what one refresh's builders make together (`Sources`, by the same kinds).

A provider's module declares its settings (a NamedTuple: its table in catalysts.toml, each key
with its default) and its spec. The config's model reads the settings at start-up, so these
modules load neither the HTTP stack nor asyncio (tests/market/test_registry.py checks): where a
provider's sources need them (Yahoo's, SEC EDGAR's), its builder imports them when a refresh
calls it. Records here are NamedTuples for the same reason (a dataclass costs more to define).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Generic, NamedTuple, Protocol, TypeVar

from .http.limits import REQUEST_BOUNDS, RequestBounds

if TYPE_CHECKING:  # annotations only: this module is read at start-up, each class costs
    from collections.abc import Callable, Mapping
    from datetime import date, datetime

    from .http.client import MarketClient
    from .models import FetchKind, YahooSession
    from .provider import (
        EarningsSource,
        EstimatesSource,
        FeedSource,
        FilingsSource,
        FundamentalsSource,
        FxSource,
        IntradaySource,
        NewsSource,
        QuoteProvider,
    )

    class SessionKeeper(Protocol):
        """Where a provider's session (Yahoo's cookie and crumb) is kept, shared by every
        process: the store's `providers` is one."""

        def session(self, provider: str) -> YahooSession | None: ...

        def save_session(self, provider: str, session: YahooSession) -> None: ...


S = TypeVar("S")


class BuildContext(NamedTuple):
    """What one refresh shares with every provider's builder."""

    selected: tuple[str, ...] = ()  # settings.providers: the quote providers chosen, in order
    env: Mapping[str, str] = MappingProxyType({})  # where a key's variable is read
    sessions: SessionKeeper | None = None  # None: a session lives as long as its source
    now: Callable[[], datetime] | None = None  # the refresh's clock (None: the system's)
    # The User-Agent a site answers only when declared (SEC EDGAR's contact), by its domain:
    # a request another provider makes there (a ticker's EDGAR feed) carries it too.
    contacts: Mapping[str, str] = MappingProxyType({})
    # The hosts a link a document names may reach though the address policy refuses them
    # (`[settings] allow_hosts`, market/http/addresses.py).
    allow_hosts: tuple[str, ...] = ()


class KindSource(Protocol):
    """A source of a registered kind: one answer for one symbol; FetchError when it has none."""

    name: str

    async def fetch(self, client: MarketClient, symbol: str, today: date) -> object: ...


class Built(NamedTuple):
    """What one provider's builder makes for a refresh, by kind (None: not now, or never)."""

    quotes: QuoteProvider | None = None  # and history, where it has some
    earnings: EarningsSource | None = None
    fx: FxSource | None = None
    fundamentals: FundamentalsSource | None = None  # and the ticker -> CIK map
    filings: FilingsSource | None = None  # and their documents
    news: NewsSource | None = None
    feeds: FeedSource | None = None  # a ticker's own feeds and the pages they link to
    intraday: IntradaySource | None = None  # charts of a day or a few, when one is shown
    estimates: EstimatesSource | None = None  # the Street's consensus, once a day


class Sources(NamedTuple):
    """One refresh's sources, by kind, each kind in the order it is asked."""

    quotes: tuple[QuoteProvider, ...] = ()  # in settings.providers' order
    earnings: tuple[EarningsSource, ...] = ()
    fx: tuple[FxSource, ...] = ()
    fundamentals: FundamentalsSource | None = None
    filings: FilingsSource | None = None
    news: NewsSource | None = None
    feeds: FeedSource | None = None
    intraday: IntradaySource | None = None
    estimates: EstimatesSource | None = None
    # A registered kind's sources (market/fetch_kinds.py), by its name, in the order asked.
    more: Mapping[str, tuple[KindSource, ...]] = MappingProxyType({})
    notes: tuple[str, ...] = ()  # providers chosen but left out, and why

    def of(self, kind: str) -> tuple[KindSource, ...]:
        """The sources of a registered kind (none: no provider serves it now)."""
        return self.more.get(kind, ())


class Unavailable(Exception):
    """A provider chosen but not usable now (Finnhub without its key); the message says why."""


def no_urls(settings: object) -> tuple[str, ...]:
    return ()


class _BaseUrl(Protocol):
    @property
    def base_url(self) -> str: ...


def base_url_only(settings: _BaseUrl) -> tuple[str, ...]:
    """The `urls` of a provider whose requests all go to its settings' `base_url`."""
    return (settings.base_url,)


class ProviderSpec(NamedTuple, Generic[S]):
    """One provider: its name, its settings, what it serves, how its sources are built, and
    what its requests may take (the shared client applies them: market/http/client.py)."""

    name: str  # what its requests, pauses and messages go by; its table unless `table` says
    settings: type[S]  # its table's keys and their defaults
    serves: frozenset[FetchKind]
    build: Callable[[S, BuildContext], Built]  # raises Unavailable, with a note for people
    rate_limit: float | None = None  # requests per second (None: only the client's cap)
    # The limit counts every process of the machine together (EDGAR's fair-access policy counts
    # a machine's requests): the processes share one pacing file (jobs/client.py).
    paced_per_machine: bool = False
    bounds: RequestBounds = REQUEST_BOUNDS  # one request's own time and decoded body
    table: str = ""  # the [providers] table of its settings, when it shares another's
    # Where its requests go: the origins `settings.browser_tls` sends through a browser's TLS.
    urls: Callable[[S], tuple[str, ...]] = no_urls
    default: bool = False  # a quote provider in settings.providers when the file names none
    # The kinds it is asked for before the providers that serve them too (else registry order).
    first_for: frozenset[FetchKind] = frozenset()

    @property
    def table_name(self) -> str:
        return self.table or self.name

    def make(self, settings: object, context: BuildContext) -> Built:
        """Its sources for one refresh, from its table's settings; Unavailable with a note."""
        if not isinstance(settings, self.settings):
            raise TypeError(f"{self.name}: settings must be {self.settings.__name__}")
        return self.build(settings, context)

    def origins_of(self, settings: object) -> tuple[str, ...]:
        """The URLs its requests go to, from its table's settings."""
        if not isinstance(settings, self.settings):
            raise TypeError(f"{self.name}: settings must be {self.settings.__name__}")
        return self.urls(settings)
