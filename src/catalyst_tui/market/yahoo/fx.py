"""FX rates from Yahoo: the chart of a pair (`EURUSD=X`: USD per EUR), its daily closes from the
last stored day and the live rate as today's."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ..bounds import checked_rate
from ..currency import pair_symbol
from ..models import FetchError, FxRate
from ..provider import FxSource
from .provider import YahooProvider

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import date, datetime

    from ..http.client import MarketClient

log = logging.getLogger(__name__)


class YahooFx(FxSource):
    """One chart per currency; a currency it has no answer for is left to the next source."""

    name = "yahoo"
    title = "Yahoo"

    def __init__(self, base_url: str, *, now: Callable[[], datetime] | None = None) -> None:
        self.charts = YahooProvider(base_url, now=now)
        self.base_url = self.charts.base_url

    async def fetch_rates(
        self,
        client: MarketClient,
        currencies: Sequence[str],
        base: str,
        since: Callable[[str], date | None],
    ) -> list[FxRate]:
        found: list[FxRate] = []
        for currency in currencies:
            found.extend(await self._pair(client, currency, base, since(currency)))
        return found

    async def _pair(
        self, client: MarketClient, currency: str, base: str, start: date | None
    ) -> list[FxRate]:
        symbol = pair_symbol(currency, base)
        try:
            quote, history = await self.charts.fetch_quote_and_history(client, symbol, start)
        except FetchError as error:
            log.info("FX %s from yahoo: %s", symbol, error)
            return []
        except Exception:  # a provider's bug: the next source is asked instead
            log.exception("FX %s from yahoo failed", symbol)
            return []
        by_day = {bar.day: bar.close for bar in history.bars}
        by_day[quote.quote_time.date()] = quote.price  # the live rate is today's
        found = []
        for day, rate in sorted(by_day.items()):
            try:  # a day's rate out of range spoils that day (its inverse would be infinite)
                found.append(
                    FxRate(
                        currency, base, day, checked_rate(rate, currency, base, "yahoo"), "yahoo"
                    )
                )
            except FetchError as error:
                log.info("FX %s from yahoo, %s: %s", symbol, day, error.message)
        return found
