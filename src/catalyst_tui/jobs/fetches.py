"""The registered kinds of fetch in a refresh (market/fetch_kinds.py `register`): each symbol due
one (its registration's `every`, `failed_every`), asked of the kind's sources in order until one
answers, what it answered kept by the kind's `keep` and its fetch time stored; a FetchError
kept as the symbol's failure (tried again after `failed_every`), `status` lists both."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from ..market.exchanges import listing_today
from ..market.fetch_kinds import FETCH_KINDS, FetchKindSpec
from ..market.models import FetchError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from ..market.http.client import MarketClient
    from ..market.registry import Sources
    from ..store import Store

log = logging.getLogger(__name__)


async def registered_fetches(
    store: Store,
    client: MarketClient,
    clock: Callable[[], dt.datetime],
    sources: Sources,
    symbols: list[str],
    notes: list[str],
) -> None:
    """Every registered kind some provider serves now, for the symbols due it."""
    kinds = [k for k in FETCH_KINDS.values() if k.fetched_by_the_refresh and sources.of(k.name)]
    await asyncio.gather(*(_kind(store, client, clock, k, sources, symbols, notes) for k in kinds))


async def _kind(
    store: Store,
    client: MarketClient,
    clock: Callable[[], dt.datetime],
    kind: FetchKindSpec,
    sources: Sources,
    symbols: list[str],
    notes: list[str],
) -> None:
    market, keep = store.market, kind.keep
    assert keep is not None  # fetched_by_the_refresh

    async def one(symbol: str) -> None:
        errors: list[str] = []
        for source in sources.of(kind.name):
            try:
                answer = await source.fetch(client, symbol, listing_today(symbol, clock()))
            except FetchError as error:
                errors.append(str(error))
                continue
            except Exception as error:  # a bug or an answer no check foresaw: this symbol's
                log.error("%s %s failed", kind.name, symbol, exc_info=error)
                errors.append(f"unexpected failure: {type(error).__name__}: {error}")
                continue
            detail = keep(store, symbol, answer, clock())
            market.mark_fetched(kind.name, symbol, clock(), detail=detail)
            return
        detail = "; ".join(errors)
        market.mark_fetched(kind.name, symbol, clock(), ok=False, detail=detail)
        notes.append(f"{kind.name} {symbol}: {detail}")

    await asyncio.gather(*(one(s) for s in market.due(kind.name, symbols, clock())))
