"""Currencies: minor units (GBp is a hundredth of a GBP), the Yahoo chart symbol of a rate
(`EURUSD=X`: USD per EUR) and the ECB's daily reference rates (EUR-based, keyless), from which
any pair's cross rate is derived.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from .models import FetchError

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
_ECB_DAY = re.compile(r"<Cube\s+time=['\"](\d{4}-\d{2}-\d{2})['\"]")
_ECB_RATE = re.compile(r"<Cube\s+currency=['\"]([A-Z]{3})['\"]\s+rate=['\"]([0-9.]+)['\"]")


class FxRate(NamedTuple):
    """How many units of `base` one unit of `currency` is worth on `day`."""

    currency: str
    base: str
    day: dt.date
    rate: float
    source: str


def major(currency: str) -> tuple[str, float]:
    """(the currency, the divisor) of a quoted unit: ('GBP', 100) for GBp, ('USD', 1) for USD."""
    return MINOR_UNITS.get(currency, (currency, 1.0))


def pair_symbol(currency: str, base: str) -> str:
    """Yahoo's chart symbol for the rate of `currency` in `base`: GBPUSD=X is USD per GBP."""
    return f"{currency}{base}=X"


def parse_ecb_daily(body: str) -> tuple[dt.date, dict[str, float]]:
    """The day and the rates (units per EUR, EUR itself 1.0) of eurofxref-daily.xml."""
    day = _ECB_DAY.search(body)
    rates = {cur: float(rate) for cur, rate in _ECB_RATE.findall(body)}
    rates = {cur: rate for cur, rate in rates.items() if math.isfinite(rate) and rate > 0}
    if day is None or not rates:
        raise FetchError("bad_body", "no reference rates in the ECB answer", "ecb", "")
    try:
        found = dt.date.fromisoformat(day.group(1))
    except ValueError as exc:
        raise FetchError("bad_body", f"bad ECB date {day.group(1)!r}", "ecb", "") from exc
    return found, {"EUR": 1.0, **rates}


def ecb_rates(body: str, currencies: list[str], base: str) -> list[FxRate]:
    """The cross rates `currency` → `base` the ECB's daily file gives (those it lists)."""
    day, per_eur = parse_ecb_daily(body)
    if base not in per_eur:
        return []
    return [
        FxRate(cur, base, day, per_eur[base] / per_eur[cur], "ecb")
        for cur in currencies
        if cur in per_eur
    ]


async def fetch_ecb_daily(client: MarketClient, url: str) -> str:
    from .http.errors import raise_for_status  # httpx: only where a rate is fetched

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
