"""Currencies: minor units (GBp is a hundredth of a GBP), the Yahoo chart symbol of a rate
(`EURUSD=X`: USD per EUR) and the ECB's daily reference rates (EUR-based, keyless), from which
any pair's cross rate is derived: the ECB as a provider, its settings and its spec.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .bounds import MAX_RATE, MIN_RATE, checked_rate
from .http.errors import raise_for_status
from .models import FetchError, FetchKind, FxRate
from .provider import FxSource
from .spec import BuildContext, Built, ProviderSpec

if TYPE_CHECKING:  # the config's checks import this module: httpx only where a rate is fetched
    from .http.client import MarketClient

# Units some exchanges quote in, as (the currency, how many units make one of it). Yahoo writes
# London prices in GBp (also seen as GBX), Johannesburg in ZAc, Tel Aviv in ILA (agorot).
MINOR_UNITS: Mapping[str, tuple[str, float]] = {
    "GBp": ("GBP", 100.0),
    "GBX": ("GBP", 100.0),
    "ZAc": ("ZAR", 100.0),
    "ZAC": ("ZAR", 100.0),
    "ILA": ("ILS", 100.0),
}
CURRENCY_RE = re.compile(r"^[A-Z]{3}\Z")
# ISO 4217: the digits of a currency's minor unit where they are not 2 (a yen has no sen in use,
# a Kuwaiti dinar has 1,000 fils). The quoted minor units above count in whole hundredths too.
MINOR_DIGITS: Mapping[str, int] = {
    "JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "VND": 0, "PYG": 0, "UGX": 0, "XAF": 0, "XOF": 0,
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
}  # fmt: skip
_ECB_DAY = re.compile(r"<Cube\s+time=['\"](\d{4}-\d{2}-\d{2})['\"]")
_ECB_RATE = re.compile(r"<Cube\s+currency=['\"]([A-Z]{3})['\"]\s+rate=['\"]([^'\"]{1,40})['\"]")


def major(currency: str) -> tuple[str, float]:
    """(the currency, the divisor) of a quoted unit: ('GBP', 100) for GBp, ('USD', 1) for USD."""
    return MINOR_UNITS.get(currency, (currency, 1.0))


def round_money(value: float | None, currency: str) -> float | None:
    """An amount of `currency` to its minor unit (cents: 4375.2, never 4375.200000000001)."""
    if value is None:
        return None
    return round(value, MINOR_DIGITS.get(currency, 2))


def pair_symbol(currency: str, base: str) -> str:
    """Yahoo's chart symbol for the rate of `currency` in `base`: GBPUSD=X is USD per GBP."""
    return f"{currency}{base}=X"


def parse_ecb_daily(body: str) -> tuple[dt.date, dict[str, float]]:
    """The day and the rates (units per EUR, EUR itself 1.0) of eurofxref-daily.xml. A rate
    that is no number ("1.2.3"), or none a currency has (not in [MIN_RATE, MAX_RATE]: 1e-321,
    whose inverse is infinite), spoils that currency alone: it is left out."""
    day = _ECB_DAY.search(body)
    rates = {cur: rate for cur, text in _ECB_RATE.findall(body)
             if (rate := _rate(text)) is not None}  # fmt: skip
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


def unit_rate(quoted: str | None, base: str, rates: Mapping[str, float]) -> float | None:
    """What one quoted unit is worth in `base`: 1 for the base itself, 0.0127 for GBp at 1.27
    USD per GBP; None when no rate is known. A quote without a currency is taken as in the
    base currency (the providers that leave it out answer for US listings only)."""
    if quoted is None:
        return 1.0
    currency, divisor = major(quoted)
    if currency == base:
        return 1.0 / divisor
    rate = rates.get(currency)
    return None if rate is None else rate / divisor


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
