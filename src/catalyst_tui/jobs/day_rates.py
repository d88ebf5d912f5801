"""The rates of past days a trade in another currency than its listing's needs (Revolut's US
listings priced in euros, a DEGIRO fee in euros on a trade in dollars): asked of the FX sources
that keep a history (the ECB's reference rates, market/ecb.py), by `catalyst import` before it
converts an export's trades, and by a refresh for the lots and sales the file keeps in their own
currency until their day's rate is stored. The registry builds the sources; none is imported
here by name."""

from __future__ import annotations

import datetime as dt
import logging
import os
from typing import TYPE_CHECKING, NamedTuple

from ..market.currency import major
from ..market.models import RATE_WITHIN_DAYS, FetchError, FetchKind, FxRate
from ..market.registry import build_sources
from ..market.spec import BuildContext

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..config import Config
    from ..market.http.client import MarketClient
    from ..store import Store
    from ..store.written_in import Waiting

log = logging.getLogger(__name__)


class DayRates(NamedTuple):
    """The rates found, by the sources that keep a history, and why some could not be had
    (each source's failure, in words: "no network"); empty when each was asked and answered."""

    rates: list[FxRate]
    problems: list[str]


async def fetch_day_rates(
    config: Config,
    wanted: Mapping[str, set[dt.date]],
    base: str,
    today: dt.date,
    client: MarketClient | None = None,
) -> DayRates:
    """The rates in `base` of each currency of `wanted` (a major unit: GBP, not GBp) on its
    days, each source with a history asked for what the ones before it left."""
    wanted = {c: set(days) for c, days in wanted.items() if c != base and days}
    if not wanted:
        return DayRates([], [])
    context = BuildContext(config.settings.providers, os.environ, None, None)
    sources = build_sources(config.providers, context).fx
    found: list[FxRate] = []
    problems: list[str] = []
    owned = client is None
    if client is None:
        from .client import market_client

        client = market_client(config, [])  # the browser handshake: Yahoo's, not the ECB's
    try:
        for source in sources:
            if not wanted:
                break
            days = sorted({day for asked in wanted.values() for day in asked})
            try:
                rates = await source.fetch_days(client, sorted(wanted), base, days, today)
            except FetchError as error:
                log.info("%s past rates: %s", source.name, error)
                problems.append(f"{source.title} could not be asked ({error.message})")
                continue
            found.extend(rates)
            for rate in rates:
                wanted[rate.currency] = {
                    d for d in wanted.get(rate.currency, set()) if not _stands_for(rate, d)
                }
            wanted = {c: days for c, days in wanted.items() if days}
    finally:
        if owned:
            await client.aclose()
    return DayRates(found, problems)


def _stands_for(rate: FxRate, day: dt.date) -> bool:
    return 0 <= (day - rate.day).days <= RATE_WITHIN_DAYS


async def fetch_waiting(
    config: Config,
    store: Store,
    client: MarketClient,
    now: dt.datetime,
    notes: list[str],
) -> None:
    """The rates of their day the file's lots and sales written in another currency wait for
    (store/sync.py `written_in`), fetched, stored, and the file synced again so that they
    count; a note says how many were converted, and how many still wait and why."""
    waiting = store.sync.written_in(config).waiting
    if not waiting:
        return
    base = config.settings.currency
    wanted = _wanted(waiting, base)
    # each currency's days asked once a day: a rate no source lists is not asked at each refresh
    keys = [f"{currency}{base}@{day}" for currency, days in wanted.items() for day in days]
    due = set(store.market.due(FetchKind.FX, keys, now, every=_AGAIN))
    asked = {c: {d for d in days if f"{c}{base}@{d}" in due} for c, days in wanted.items()}
    found = await fetch_day_rates(config, asked, base, now.date(), client)
    problems = found.problems
    if not problems:  # answered, with or without them: asked again tomorrow (a failure: at once)
        for key in due:
            store.market.mark_fetched(FetchKind.FX, key, now)
    if found.rates:
        store.fx.save(found.rates, now)
        store.sync.apply(config, now)
    left = store.sync.written_in(config).waiting
    if done := [w for w in waiting if w not in left]:
        notes.append(
            f"catalysts.toml: {_entries(done)} written in another currency than the listing's "
            f"converted at the rate of their day, and counted ({_symbols(done)})"
        )
    if left:
        why = f" ({'; '.join(problems)})" if problems else ""
        notes.append(
            f"catalysts.toml: {_entries(left)} written in another currency than the listing's "
            f"wait for the rate of their day{why}: not counted yet ({_symbols(left)})"
        )


_AGAIN = dt.timedelta(days=1)  # a waiting entry's day asked again, its rate not listed before


def _wanted(waiting: Sequence[Waiting], base: str) -> dict[str, set[dt.date]]:
    """The currencies (major units) and days the waiting entries' conversions ask for."""
    wanted: dict[str, set[dt.date]] = {}
    for w in waiting:
        day = w.entry.date
        if day is None or not w.unit:
            continue
        for currency in (w.unit, w.entry.currency, w.entry.fees_currency):
            code = major(currency)[0] if currency else ""
            if code and code != base:
                wanted.setdefault(code, set()).add(day)
    return wanted


def _entries(entries: Sequence[Waiting]) -> str:
    """`2 lots`, `1 sale`, `1 lot and 2 sales`."""
    counts = [(sum(w.what == what for w in entries), what) for what in ("lot", "sale")]
    return " and ".join(f"{n} {what}{'' if n == 1 else 's'}" for n, what in counts if n)


def _symbols(entries: Sequence[Waiting]) -> str:
    return ", ".join(sorted({w.symbol for w in entries}))
