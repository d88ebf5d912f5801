"""FX rates of a refresh: for each currency the stored quotes are in (its major unit: GBP for
GBp) other than the base currency, the Yahoo chart of `CURBASE=X` (its daily closes from the last
stored day, and the live rate) when Yahoo is configured and neither paused nor refusing in this
refresh, else the ECB's daily reference rates (keyless, one request for every currency left, at
most every six hours unless one has no rate yet). Stored with their history (store/fx.py)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Collection

from ..config import Config
from ..market.fx import FxRate, ecb_rates, fetch_ecb_daily, major, pair_symbol
from ..market.http.client import MarketClient
from ..market.models import FetchError
from ..market.yahoo.provider import YahooProvider
from ..store import Store

log = logging.getLogger(__name__)

ECB_EVERY = dt.timedelta(hours=6)
ECB_RETRY = dt.timedelta(hours=1)


def needed_currencies(store: Store, base: str) -> list[str]:
    """The currencies, as major units, the stored quotes need a rate to `base` for."""
    return sorted({major(c)[0] for c in store.fx.quoted_currencies()} - {base})


async def refresh_fx(
    config: Config,
    store: Store,
    client: MarketClient,
    clock: Callable[[], dt.datetime],
    notes: list[str],
    refusing: Collection[str],
) -> list[FxRate]:
    """Fetch and store the rates the quotes need; notes say which could not be had. A provider
    in `refusing` (paused, or turning this client away in this refresh) is not asked."""
    base = config.settings.currency
    wanted = needed_currencies(store, base)
    if not wanted:
        return []
    found: list[FxRate] = []
    missing: list[str] = []
    if "yahoo" in config.settings.providers and "yahoo" not in refusing:
        yahoo = YahooProvider(config.providers.yahoo.base_url, now=clock)
        for currency in wanted:
            rates = await _from_yahoo(yahoo, client, store, currency, base)
            if rates:
                found.extend(rates)
            else:
                missing.append(currency)
    else:
        missing = list(wanted)
    if missing and _ecb_due(store, missing, base, clock()):
        try:
            body = await fetch_ecb_daily(client, config.providers.ecb.daily_url)
            from_ecb = ecb_rates(body, missing, base)
            ok, detail = True, ""
        except FetchError as error:
            log.info("ECB reference rates: %s", error)
            from_ecb, ok, detail = [], False, str(error)
        listed = {r.currency for r in from_ecb}
        for currency in missing:
            said = detail or ("listed" if currency in listed else "not listed by the ECB")
            store.market.mark_fetched("fx", currency + base, clock(), ok=ok, detail=said)
        found.extend(from_ecb)
    if missing:
        stored = store.fx.latest(base)
        left = sorted(set(missing) - {r.currency for r in found} - set(stored))
        if left:
            notes.append(
                f"FX: no rate to {base} for {', '.join(left)}: those positions are shown in "
                "their own currency and left out of the totals"
            )
    store.fx.save(found, clock())
    return found


def _ecb_due(store: Store, missing: list[str], base: str, now: dt.datetime) -> bool:
    """The ECB publishes once a working day: a pair is asked of it again after ECB_EVERY (a
    failure after ECB_RETRY); a pair never asked, at once."""
    pairs = [currency + base for currency in missing]
    return bool(store.market.due("fx", pairs, now, every=ECB_EVERY, failed_every=ECB_RETRY))


async def _from_yahoo(
    yahoo: YahooProvider, client: MarketClient, store: Store, currency: str, base: str
) -> list[FxRate]:
    symbol = pair_symbol(currency, base)
    try:
        quote, history = await yahoo.fetch_quote_and_history(
            client, symbol, store.fx.last_day(currency, base)
        )
    except FetchError as error:
        log.info("FX %s from yahoo: %s", symbol, error)
        return []
    except Exception:  # a provider's bug: the ECB is asked instead
        log.exception("FX %s from yahoo failed", symbol)
        return []
    by_day = {bar.day: bar.close for bar in history.bars}
    by_day[quote.quote_time.date()] = quote.price  # the live rate is today's
    return [FxRate(currency, base, day, rate, "yahoo") for day, rate in sorted(by_day.items())]
