"""The rates of the day `catalyst import` converts an export's trades with, where the export
states a price or a fee in another currency than the listing's and no rate between them: those
the database keeps (the ECB's reference rates, by day), then, for the days it lacks, those the
ECB's history gives (jobs/day_rates.py, through the registry's FX sources), stored with the
others. A trade no rate was had for (offline) is kept in the currency the export states it in,
said with its line (config/import_rates.py)."""

from __future__ import annotations

import asyncio
import datetime as dt
from bisect import bisect_right
from typing import TYPE_CHECKING

from .context import CommandError, Context

if TYPE_CHECKING:
    from ..config import Config
    from ..market.models import FxRate
    from ..reading.brokers.export import ImportRead, RowIssue
    from ..store import Store


def converted_trades(
    ctx: Context, config: Config, read: ImportRead, today: dt.date
) -> tuple[ImportRead, dict[int, list[RowIssue]]]:
    """`read` with its trades converted where a rate of their day is had, and what was kept in
    its own currency, said with its line, by the trade's line; a line of what was fetched, or
    why not, printed."""
    from ..config.import_rates import converted, cross_rates, needed

    base = config.settings.currency
    store, writable = _store(ctx, config)
    try:
        stored = _Rates(base, store, writable)
        lacking = {
            currency: missing
            for currency, days in needed(read.trades, base).items()
            if (missing := {day for day in days if not stored.has(currency, day)})
        }
        if lacking:
            stored.add(_fetched(ctx, config, lacking, base, today))
        return converted(read, cross_rates(stored.on, base))
    finally:
        if store is not None:
            store.close()


def _store(ctx: Context, config: Config) -> tuple[Store | None, bool]:
    """The database, to read its rates and keep those fetched, and whether it can be written;
    None when there is none (the rates fetched are then used and not kept)."""
    for write in (True, False):
        try:
            return ctx.open_store(config, create=False, write=write), write
        except CommandError:
            continue
    return None, False


def _fetched(
    ctx: Context, config: Config, lacking: dict[str, set[dt.date]], base: str, today: dt.date
) -> list[FxRate]:
    """The rates of the days lacking, from the sources that keep a history (the ECB's); a line
    says which were fetched, or why none could be."""
    from ..jobs.day_rates import fetch_day_rates

    found = asyncio.run(fetch_day_rates(config, lacking, base, today))
    days = sorted({day for asked in lacking.values() for day in asked})
    asked = f"{', '.join(sorted(lacking))} to {base} of {_days(days)}"
    if found.rates:
        ctx.out(f"FX: the ECB's rates of {asked} fetched, for the trades in another currency")
    for problem in found.problems:
        ctx.out(f"FX: the rates of {asked} could not be fetched: {problem}")
    return found.rates


def _days(days: list[dt.date]) -> str:
    shown = [day.isoformat() for day in days[:_SHOWN]]
    more = len(days) - len(shown)
    return ", ".join(shown) + (f" and {more} more days" if more else "")


_SHOWN = 5  # the days a line names at most


class _Rates:
    """The rates in `base` the database keeps, with those fetched beside them (kept in it too
    when it can be written)."""

    def __init__(self, base: str, store: Store | None, writable: bool) -> None:
        self._base = base
        self._store = store
        self._writable = writable
        self._fetched: dict[str, list[FxRate]] = {}

    def add(self, rates: list[FxRate]) -> None:
        for rate in rates:
            self._fetched.setdefault(rate.currency, []).append(rate)
        for found in self._fetched.values():
            found.sort(key=lambda r: r.day)
        if self._store is not None and self._writable and rates:
            self._store.fx.save(rates, dt.datetime.now(dt.UTC))

    def on(self, currency: str, day: dt.date) -> FxRate | None:
        """The rate of `day`, else of the last day before it with one: stored or fetched."""
        candidates = []
        if self._store is not None:
            candidates.append(self._store.fx.on(currency, self._base, day))
        fetched = self._fetched.get(currency, [])
        at = bisect_right([r.day for r in fetched], day) - 1
        if at >= 0:
            candidates.append(fetched[at])
        found = [r for r in candidates if r is not None]
        return max(found, key=lambda r: r.day) if found else None

    def has(self, currency: str, day: dt.date) -> bool:
        from ..market.models import RATE_WITHIN_DAYS

        found = self.on(currency, day)
        return found is not None and (day - found.day).days <= RATE_WITHIN_DAYS
