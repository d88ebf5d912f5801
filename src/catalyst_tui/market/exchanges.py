"""Which exchange's day a listing's dates are: its time zone from the zone Yahoo states for it
(`exchangeTimezoneName`), else from the suffix of its symbol (`.L` London, `.CO` Copenhagen,
`.T` Tokyo), else New York's (a US listing: no suffix, or a share class `.A`-`.C`). An earnings
date, a close and "today" of a listing are its exchange's calendar days: Yahoo's stamp of an
Ocado report, 02:00 UTC on 9 February, is 9 February in London though 8 February in New York.
The one declaration of the exchanges' zones."""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..reading.moments import NEW_YORK
from .symbols import normalize

if TYPE_CHECKING:
    from datetime import date, datetime, tzinfo

__all__ = ["EXCHANGE_ZONES", "listing_day", "listing_today", "listing_zone", "stated_zone"]

#: Each exchange's IANA zone by the suffix Yahoo gives its listings (`SAP.DE`: Xetra). A suffix
#: not here, and a symbol without one, is a US listing's: New York's.
EXCHANGE_ZONES: MappingProxyType[str, str] = MappingProxyType(
    {
        # Europe
        "L": "Europe/London",
        "IL": "Europe/London",
        "IR": "Europe/Dublin",
        "AS": "Europe/Amsterdam",
        "BR": "Europe/Brussels",
        "PA": "Europe/Paris",
        "LS": "Europe/Lisbon",
        "DE": "Europe/Berlin",
        "F": "Europe/Berlin",
        "BE": "Europe/Berlin",
        "DU": "Europe/Berlin",
        "HM": "Europe/Berlin",
        "HA": "Europe/Berlin",
        "MU": "Europe/Berlin",
        "SG": "Europe/Berlin",
        "SW": "Europe/Zurich",
        "VI": "Europe/Vienna",
        "MI": "Europe/Rome",
        "MC": "Europe/Madrid",
        "CO": "Europe/Copenhagen",
        "OL": "Europe/Oslo",
        "ST": "Europe/Stockholm",
        "HE": "Europe/Helsinki",
        "IC": "Atlantic/Reykjavik",
        "WA": "Europe/Warsaw",
        "PR": "Europe/Prague",
        "BD": "Europe/Budapest",
        "AT": "Europe/Athens",
        "IS": "Europe/Istanbul",
        "TL": "Europe/Tallinn",
        "RG": "Europe/Riga",
        "VS": "Europe/Vilnius",
        # The Americas
        "TO": "America/Toronto",
        "V": "America/Toronto",
        "CN": "America/Toronto",
        "NE": "America/Toronto",
        "SA": "America/Sao_Paulo",
        "MX": "America/Mexico_City",
        "BA": "America/Argentina/Buenos_Aires",
        "SN": "America/Santiago",
        # Asia, Oceania, Africa and the Middle East
        "T": "Asia/Tokyo",
        "HK": "Asia/Hong_Kong",
        "SS": "Asia/Shanghai",
        "SZ": "Asia/Shanghai",
        "TW": "Asia/Taipei",
        "TWO": "Asia/Taipei",
        "KS": "Asia/Seoul",
        "KQ": "Asia/Seoul",
        "SI": "Asia/Singapore",
        "JK": "Asia/Jakarta",
        "KL": "Asia/Kuala_Lumpur",
        "BK": "Asia/Bangkok",
        "NS": "Asia/Kolkata",
        "BO": "Asia/Kolkata",
        "AX": "Australia/Sydney",
        "NZ": "Pacific/Auckland",
        "JO": "Africa/Johannesburg",
        "TA": "Asia/Jerusalem",
        "SR": "Asia/Riyadh",
        "QA": "Asia/Qatar",
        "CA": "Africa/Cairo",
    }
)


_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+){0,2}")
_ZONE_CHARS = 64  # the IANA's longest name is 32 characters


@lru_cache(maxsize=256)
def stated_zone(name: str) -> tzinfo | None:
    """The IANA zone a provider names (`Europe/London`); None for a name this machine does not
    know, or none."""
    if len(name) > _ZONE_CHARS or not _ZONE_NAME.fullmatch(name):
        return None  # "", a path, a name past any zone's length: no file is looked for
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a folder of zones
        return None


def listing_zone(symbol: str, stated: object = None) -> tzinfo:
    """The zone of `symbol`'s exchange: the one the provider `stated` when it is a zone we know,
    else its suffix's (EXCHANGE_ZONES), else New York's."""
    if isinstance(stated, str):
        zone = stated_zone(stated)
        if zone is not None:
            return zone
    _, dot, suffix = normalize(symbol).rpartition(".")
    name = EXCHANGE_ZONES.get(suffix) if dot else None
    return NEW_YORK if name is None else stated_zone(name) or NEW_YORK


def listing_day(moment: datetime, symbol: str, stated: object = None) -> date:
    """The calendar day of an aware `moment` on `symbol`'s exchange (listing_zone)."""
    return moment.astimezone(listing_zone(symbol, stated)).date()


def listing_today(symbol: str, now: datetime, stated: object = None) -> date:
    """`symbol`'s exchange's today at `now`: the day its earnings dates are compared with."""
    return listing_day(now, symbol, stated)
