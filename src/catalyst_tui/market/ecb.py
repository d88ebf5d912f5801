"""The ECB's daily reference rates (EUR-based, keyless), from which any pair's cross rate is
derived: the ECB as a provider, its settings and its spec (currency arithmetic: market/currency.py).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING, NamedTuple

from .bounds import MAX_RATE, MIN_RATE, checked_rate
from .http.errors import raise_for_status
from .models import FetchError, FetchKind, FxRate
from .provider import FxSource
from .spec import BuildContext, Built, ProviderSpec

if TYPE_CHECKING:  # the config's checks import this module: httpx only where a rate is fetched
    from collections.abc import Callable, Sequence

    from .http.client import MarketClient

_ECB_DAY = re.compile(r"<Cube\s+time=['\"](\d{4}-\d{2}-\d{2})['\"]")
_ECB_RATE = re.compile(r"<Cube\s+currency=['\"]([A-Z]{3})['\"]\s+rate=['\"]([^'\"]{1,40})['\"]")


def parse_ecb_daily(body: str) -> tuple[dt.date, dict[str, float]]:
    """The day and the rates (units per EUR, EUR itself 1.0) of eurofxref-daily.xml. A rate
    that is no number ("1.2.3"), or none a currency has (not in [MIN_RATE, MAX_RATE]: 1e-321,
    whose inverse is infinite), spoils that currency alone: it is left out."""
    day = _ECB_DAY.search(body)
    rates = {
        cur: rate for cur, text in _ECB_RATE.findall(body) if (rate := _rate(text)) is not None
    }
    if day is None or not rates:
        raise FetchError("bad_body", "no reference rates in the ECB answer", "ecb", "")
    try:
        found = dt.date.fromisoformat(day.group(1))
    except ValueError as exc:
        raise FetchError("bad_body", f"bad ECB date {day.group(1)!r}", "ecb", "") from exc
    return found, {"EUR": 1.0, **rates}


def _rate(text: str) -> float | None:
    try:
        rate = float(text)
    except ValueError:
        return None
    return rate if math.isfinite(rate) and MIN_RATE <= rate <= MAX_RATE else None


def ecb_rates(body: str, currencies: list[str], base: str) -> list[FxRate]:
    """The cross rates `currency` → `base` the ECB's daily file gives (those it lists and
    whose cross rate is in range)."""
    day, per_eur = parse_ecb_daily(body)
    if base not in per_eur:
        return []
    found = []
    for cur in currencies:
        if cur not in per_eur:
            continue
        try:
            rate = checked_rate(per_eur[base] / per_eur[cur], cur, base, "ecb")
        except FetchError:
            continue
        found.append(FxRate(cur, base, day, rate, "ecb"))
    return found


async def fetch_ecb_daily(client: MarketClient, url: str) -> str:
    response = await client.get("ecb", url, symbol="")
    raise_for_status(response, "ecb", "")
    return response.text


class EcbSettings(NamedTuple):
    """[providers.ecb]: the keyless fallback for the FX rates Yahoo has no answer for."""

    daily_url: str = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"  # EUR-based


class EcbRates(FxSource):
    """The ECB's daily reference rates: one request for every currency it is asked for."""

    name = "ecb"
    title = "the ECB"
    every = dt.timedelta(hours=6)  # it publishes once a working day
    retry = dt.timedelta(hours=1)

    def __init__(self, daily_url: str) -> None:
        self.base_url = daily_url

    async def fetch_rates(
        self,
        client: MarketClient,
        currencies: Sequence[str],
        base: str,
        since: Callable[[str], dt.date | None],
    ) -> list[FxRate]:
        return ecb_rates(await fetch_ecb_daily(client, self.base_url), list(currencies), base)


def build(settings: EcbSettings, context: BuildContext) -> Built:
    return Built(fx=EcbRates(settings.daily_url))


ECB = ProviderSpec(name="ecb", settings=EcbSettings, serves=frozenset({FetchKind.FX}), build=build)
