"""Currency arithmetic: minor units (GBp is a hundredth of a GBP), rounding to a currency's minor
unit, the Yahoo chart symbol of a rate (`EURUSD=X`: USD per EUR), what one quoted unit is worth in
the base currency. No provider: the ECB's rates are market/ecb.py's, Yahoo's market/yahoo/fx.py's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "CURRENCY_RE",
    "MINOR_DIGITS",
    "MINOR_UNITS",
    "major",
    "pair_symbol",
    "round_money",
    "unit_rate",
]

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
    "JPY": 0,
    "KRW": 0,
    "ISK": 0,
    "CLP": 0,
    "VND": 0,
    "PYG": 0,
    "UGX": 0,
    "XAF": 0,
    "XOF": 0,
    "BHD": 3,
    "IQD": 3,
    "JOD": 3,
    "KWD": 3,
    "LYD": 3,
    "OMR": 3,
    "TND": 3,
}


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
