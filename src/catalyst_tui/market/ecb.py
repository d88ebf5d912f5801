"""The ECB's daily reference rates (EUR-based, keyless), from which any pair's cross rate is
derived: the ECB as a provider, its settings and its spec (currency arithmetic: market/currency.py).
Past days' rates come from its history files: the last 90 days' (eurofxref-hist-90d.xml, a few
dozen KB) when every day asked is in them, else every working day since 1999 (eurofxref-hist.xml,
a few MB): an import's trades of those days, priced in another currency than the listing's.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from typing import TYPE_CHECKING, NamedTuple

from .bounds import MAX_RATE, MIN_RATE, checked_rate
from .http.errors import raise_for_status
from .http.limits import MiB, RequestBounds
from .models import RATE_WITHIN_DAYS, FetchError, FetchKind, FxRate
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


def parse_ecb_history(body: str) -> dict[dt.date, dict[str, float]]:
    """Each day's rates (units per EUR, EUR itself 1.0) of eurofxref-hist.xml or its 90 days'
    file, newest first as the ECB lists them: a day's rates are the `<Cube currency=...>` lines
    between its `<Cube time=...>` and the next. A rate that is no number, or out of range, is
    left out, as in the daily file; a day that is no date, with the rates under it."""
    days = list(_ECB_DAY.finditer(body))
    if not days:
        raise FetchError("bad_body", "no reference rates in the ECB answer", "ecb", "")
    found: dict[dt.date, dict[str, float]] = {}
    for index, day in enumerate(days):
        end = days[index + 1].start() if index + 1 < len(days) else len(body)
        rates = {
            cur: rate
            for cur, text in _ECB_RATE.findall(body, day.end(), end)
            if (rate := _rate(text)) is not None
        }
        try:
            when = dt.date.fromisoformat(day.group(1))
        except ValueError:
            continue
        if rates:
            found[when] = {"EUR": 1.0, **rates}
    return found


def ecb_rates(body: str, currencies: list[str], base: str) -> list[FxRate]:
    """The cross rates `currency` → `base` the ECB's daily file gives (those it lists and
    whose cross rate is in range)."""
    day, per_eur = parse_ecb_daily(body)
    return _cross(day, per_eur, currencies, base)


def _cross(
    day: dt.date, per_eur: dict[str, float], currencies: Sequence[str], base: str
) -> list[FxRate]:
    """The rates of `currencies` in `base` of one day's rates per euro (those listed, in range)."""
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


def history_rates(
    body: str, currencies: Sequence[str], base: str, days: Sequence[dt.date]
) -> list[FxRate]:
    """The rates of `currencies` in `base` the ECB's history gives for each of `days`: that
    day's, or on a day it publishes none (a weekend, a holiday) the last one before it within
    a week, stored under the day it was published."""
    history = parse_ecb_history(body)
    published = sorted(history)
    found: dict[tuple[str, dt.date], FxRate] = {}
    for day in days:
        at = bisect_right(published, day) - 1
        if at < 0 or (day - published[at]).days > RATE_WITHIN_DAYS:
            continue
        when = published[at]
        for rate in _cross(when, history[when], currencies, base):
            found[(rate.currency, when)] = rate
    return list(found.values())


_RECENT_DAYS = 85  # the 90 days' file holds every day asked from this many days back


async def fetch_ecb_daily(client: MarketClient, url: str) -> str:
    response = await client.get("ecb", url, symbol="")
    raise_for_status(response, "ecb", "")
    return response.text


class EcbSettings(NamedTuple):
    """[providers.ecb]: the keyless fallback for the FX rates Yahoo has no answer for, and the
    past days' rates an import's trades need."""

    daily_url: str = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"  # EUR-based
    recent_url: str = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml"
    history_url: str = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.xml"


class EcbRates(FxSource):
    """The ECB's daily reference rates: one request for every currency it is asked for."""

    name = "ecb"
    title = "the ECB"
    every = dt.timedelta(hours=6)  # it publishes once a working day
    retry = dt.timedelta(hours=1)

    def __init__(self, daily_url: str, recent_url: str = "", history_url: str = "") -> None:
        self.base_url = daily_url
        self.recent_url = recent_url
        self.history_url = history_url

    async def fetch_rates(
        self,
        client: MarketClient,
        currencies: Sequence[str],
        base: str,
        since: Callable[[str], dt.date | None],
    ) -> list[FxRate]:
        return ecb_rates(await fetch_ecb_daily(client, self.base_url), list(currencies), base)

    async def fetch_days(
        self,
        client: MarketClient,
        currencies: Sequence[str],
        base: str,
        days: Sequence[dt.date],
        today: dt.date,
    ) -> list[FxRate]:
        """The 90 days' file when every day asked is in it, else the whole history."""
        recent = all((today - day).days <= _RECENT_DAYS for day in days)
        url = self.recent_url if recent and self.recent_url else self.history_url
        if not url or not days:
            return []
        return history_rates(await fetch_ecb_daily(client, url), currencies, base, days)


def build(settings: EcbSettings, context: BuildContext) -> Built:
    return Built(fx=EcbRates(settings.daily_url, settings.recent_url, settings.history_url))


ECB = ProviderSpec(
    name="ecb",
    settings=EcbSettings,
    serves=frozenset({FetchKind.FX}),
    build=build,
    # its whole history: every working day since 1999, some 30 currencies each (a few MB)
    bounds=RequestBounds(deadline=60.0, max_bytes=32 * MiB),
)
