"""Every market-data provider, listed once (`PROVIDERS`), and what is read from their specs: the
names settings.providers may list, the [providers] tables of catalysts.toml, the shared client's
rate limits and request bounds, the origins settings.browser_tls names, and the sources of one
refresh (`build_sources`).

A new provider is one module declaring its settings and its ProviderSpec (market/spec.py), its
line in PROVIDERS, and its tests (tests/market/test_<module>.py). The specs are read from here
(`registry.SEC`): the jobs, the views and the CLI never import a provider's package.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from .ecb import ECB
from .feeds import FEEDS
from .fetch_kinds import FETCH_KINDS, FetchKindSpec
from .finnhub import FINNHUB
from .models import FetchKind
from .nasdaq import NASDAQ
from .sec import SEC, SEC_DOMAIN
from .spec import BuildContext, Built, ProviderSpec, Sources, Unavailable
from .stooq import STOOQ
from .yahoo import NEWS, YAHOO

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from .http.limits import RequestBounds
    from .spec import KindSource

__all__ = [
    "BY_NAME",
    "DEFAULT_PROVIDERS",
    "ECB",
    "FEEDS",
    "FINNHUB",
    "NEWS",
    "PROVIDERS",
    "PACED_PER_MACHINE",
    "PROVIDER_BOUNDS",
    "QUOTE_PROVIDERS",
    "RATE_LIMITS",
    "SEC",
    "SETTINGS",
    "STOOQ",
    "YAHOO",
    "Sources",
    "browser_origins",
    "build_sources",
]

T = TypeVar("T")

# The order settings.providers offers them in, and the order a kind several serve is asked in
# (a spec's `first_for` puts it ahead for those kinds).
PROVIDERS: tuple[ProviderSpec[Any], ...] = (YAHOO, STOOQ, FINNHUB, SEC, ECB, NEWS, NASDAQ, FEEDS)

BY_NAME: Mapping[str, ProviderSpec[Any]] = {spec.name: spec for spec in PROVIDERS}
# The names settings.providers (and settings.browser_tls) may list, and its default.
QUOTE_PROVIDERS = tuple(spec.name for spec in PROVIDERS if FetchKind.QUOTES in spec.serves)
DEFAULT_PROVIDERS = tuple(spec.name for spec in PROVIDERS if spec.default)
# Requests per second, and what one request may take, by provider: the client's (http/client.py).
RATE_LIMITS: Mapping[str, float] = {
    spec.name: spec.rate_limit for spec in PROVIDERS if spec.rate_limit is not None
}
PROVIDER_BOUNDS: Mapping[str, RequestBounds] = {spec.name: spec.bounds for spec in PROVIDERS}
# The providers whose rate limit every catalyst process of the machine keeps together.
PACED_PER_MACHINE = tuple(spec.name for spec in PROVIDERS if spec.paced_per_machine)


def _tables() -> dict[str, type]:
    tables: dict[str, type] = {}
    for spec in PROVIDERS:
        known = tables.setdefault(spec.table_name, spec.settings)
        if known is not spec.settings:  # two specs sharing a table must share its settings
            raise TypeError(f"[providers.{spec.table_name}]: {spec.name} has other settings")
    return tables


# [providers.<table>] -> its settings (a NamedTuple, each key with its default), in file order.
SETTINGS: Mapping[str, type] = _tables()


def build_sources(tables: Mapping[str, object], context: BuildContext) -> Sources:
    """Every provider's sources for one refresh, from its table in `tables` (the config's
    providers, by table name)."""
    built: list[tuple[ProviderSpec[Any], Built]] = []
    notes: list[str] = []
    context = context._replace(contacts={**context.contacts, **_contacts(tables)})
    for spec in PROVIDERS:
        try:
            built.append((spec, spec.make(tables[spec.table_name], context)))
        except Unavailable as why:
            notes.append(f"{spec.name}: {why}")
    chosen = {name: index for index, name in enumerate(context.selected)}
    quotes = [(chosen.get(s.name, len(chosen)), b.quotes) for s, b in built if b.quotes]
    by_field: dict[str, object] = {}
    more: dict[str, tuple[KindSource, ...]] = {}
    for kind in FETCH_KINDS.values():
        ahead = sorted(built, key=lambda pair: kind.name not in pair[0].first_for)
        if kind.field and kind.field != "quotes":
            found = [getattr(b, kind.field) for _, b in ahead]
            found = [each for each in found if each is not None]
            by_field[kind.field] = tuple(found) if kind.many else _first(found)
        elif kind.sources:
            more[kind.name] = _registered(kind, [s for s, _ in ahead], tables, context, notes)
    return Sources(
        quotes=tuple(provider for _, provider in sorted(quotes, key=lambda pair: pair[0])),
        **by_field,  # type: ignore[arg-type]  # each field's sources, as Built types them
        more=MappingProxyType({k: v for k, v in more.items() if v}),
        notes=tuple(notes),
    )


def _registered(
    kind: FetchKindSpec,
    specs: list[ProviderSpec[Any]],
    tables: Mapping[str, object],
    context: BuildContext,
    notes: list[str],
) -> tuple[KindSource, ...]:
    """A registered kind's sources, from the providers that serve it (built, so usable now),
    each from its own table's settings, in the order the kind is asked."""
    found = []
    for spec in specs:
        make = kind.sources.get(spec.name)
        if make is None:
            continue
        try:
            source = make(tables[spec.table_name], context)
        except Unavailable as why:
            notes.append(f"{spec.name} ({kind.name}): {why}")
            continue
        if source is not None:
            found.append(source)
    return tuple(found)


def _contacts(tables: Mapping[str, object]) -> dict[str, str]:
    """SEC EDGAR's declared contact for sec.gov and the archives' host (where EDGAR's company
    feed is): a ticker's EDGAR feed is answered only with it."""
    sec = tables[SEC.table_name]
    if not isinstance(sec, SEC.settings) or not (sec.user_agent or "").strip():
        return {}
    agent = (sec.user_agent or "").strip()
    hosts = {SEC_DOMAIN, (urlsplit(sec.archives_url).hostname or SEC_DOMAIN).lower()}
    return dict.fromkeys(sorted(hosts), agent)


def browser_origins(tables: Mapping[str, object], names: Iterable[str]) -> tuple[str, ...]:
    """The origins (scheme://host[:port]) the requests of the providers `names` go to, from
    their tables in `tables`: those settings.browser_tls sends through a browser's handshake."""
    out: list[str] = []
    for name in names:
        spec = BY_NAME.get(name)
        if spec is None:
            continue
        for url in spec.origins_of(tables[spec.table_name]):
            parts = urlsplit(url)
            out.append(f"{parts.scheme}://{parts.netloc}")
    return tuple(dict.fromkeys(out))


def _first(found: Iterable[T | None]) -> T | None:
    return next((each for each in found if each is not None), None)
