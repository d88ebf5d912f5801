"""The next earnings date of a symbol: the first of its sources (Finnhub's calendar, Yahoo's:
market/registry.py puts them in order) that knows one."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from .exchanges import listing_today
from .models import EarningsDate, FetchError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .http.client import MarketClient
    from .provider import EarningsSource


async def fetch_next_earnings(
    client: MarketClient,
    sources: Sequence[EarningsSource],
    symbol: str,
    today: date | None = None,
) -> EarningsDate | None:
    """The first source's upcoming date on or after `today` (by default the listing's exchange's
    today); None if no source knows one. FetchError (the last one) only when every source
    failed."""
    today = today or listing_today(symbol, datetime.now(UTC))
    error: FetchError | None = None
    answered = False
    for source in sources:
        try:
            found = await source.next_earnings(client, symbol, today)
        except FetchError as exc:
            error = exc
            continue
        answered = True
        if found is not None:
            return found
    if error is not None and not answered:
        raise error
    return None
