"""FX rates of a refresh: for each currency the stored quotes are in (its major unit: GBP for
GBp) other than the base currency, the rate from the FX sources in order (market/registry.py:
Yahoo's chart of `CURBASE=X`, its daily closes from the last stored day and the live rate, when
Yahoo is chosen; then the ECB's daily reference rates, keyless, one request for every currency
left). A source that publishes on a schedule (the ECB, every six hours) is asked again only once
it is due for one of them, or at once for a currency it was never asked for. Stored with their
history (store/fx.py)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from ..market.currency import major
from ..market.models import FetchError, FetchKind, FxRate

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..config import Config
    from ..market.http.client import MarketClient
    from ..market.provider import FxSource
    from ..store import Store

log = logging.getLogger(__name__)


def needed_currencies(store: Store, base: str) -> list[str]:
    """The currencies, as major units, the stored quotes and the Street's EPS consensus (its
    forward P/E: thesis/reported/street.py) need a rate to `base` for."""
    quoted = store.fx.quoted_currencies() | store.estimates.currencies()
    return sorted({major(c)[0] for c in quoted} - {base})


async def refresh_fx(
    sources: Sequence[FxSource],
    store: Store,
    client: MarketClient,
    clock: Callable[[], dt.datetime],
    base: str,
    notes: list[str],
) -> list[FxRate]:
    """Fetch and store the rates the quotes need from `sources` (those neither paused nor
    refusing), each asked for what the ones before it left; notes say which could not be had."""
    wanted = needed_currencies(store, base)
    if not wanted:
        return []
    found: list[FxRate] = []
    missing = list(wanted)
    for source in sources:
        if not missing:
            break
        if source.every is not None and not _due(store, source, missing, base, clock()):
            continue
        rates = await _ask(source, store, client, clock, missing, base)
        found.extend(rates)
        missing = [c for c in missing if c not in {r.currency for r in rates}]
    if missing:
        stored = store.fx.latest(base)
        left = sorted(set(missing) - set(stored))
        if left:
            notes.append(
                f"FX: no rate to {base} for {', '.join(left)}: those positions are shown in "
                "their own currency and left out of the totals"
            )
    store.fx.save(found, clock())
    return found


async def refresh_rates(
    sources: Sequence[FxSource],
    store: Store,
    client: MarketClient,
    clock: Callable[[], dt.datetime],
    config: Config,
    notes: list[str],
) -> None:
    """The rates the quotes need (`refresh_fx`), then those of their day the file's lots and
    sales written in another currency wait for (jobs/day_rates.py `fetch_waiting`)."""
    from .day_rates import fetch_waiting

    await refresh_fx(sources, store, client, clock, config.settings.currency, notes)
    await fetch_waiting(config, store, client, clock(), notes)


async def _ask(
    source: FxSource,
    store: Store,
    client: MarketClient,
    clock: Callable[[], dt.datetime],
    currencies: list[str],
    base: str,
) -> list[FxRate]:
    """The rates `source` gives; one that publishes on a schedule has each pair's asking
    marked (listed or not, or why it failed), so it is asked again only when due."""
    try:
        rates = await source.fetch_rates(
            client, currencies, base, lambda currency: store.fx.last_day(currency, base)
        )
        ok, detail = True, ""
    except FetchError as error:
        log.info("%s rates: %s", source.name, error)
        rates, ok, detail = [], False, str(error)
    except Exception as error:  # a source's answer no parser foresaw: the next source is asked
        log.warning("%s rates failed", source.name, exc_info=True)
        rates, ok, detail = [], False, f"failed ({type(error).__name__}: {error})"
    if source.every is not None:
        listed = {r.currency for r in rates}
        for currency in currencies:
            said = detail or ("listed" if currency in listed else f"not listed by {source.title}")
            store.market.mark_fetched(FetchKind.FX, currency + base, clock(), ok=ok, detail=said)
    return rates


def _due(
    store: Store, source: FxSource, currencies: list[str], base: str, now: dt.datetime
) -> bool:
    """Whether any pair is due from a source that publishes on a schedule: asked `every`
    (after a failure, `retry`), a pair never asked at once."""
    pairs = [currency + base for currency in currencies]
    every = source.every or dt.timedelta(0)
    return bool(
        store.market.due(FetchKind.FX, pairs, now, every=every, failed_every=source.retry or every)
    )
