"""The lots and sales catalysts.toml writes in another currency than their listing's (an import's
trade that had no rate of its day: `currency`, `fees_currency`), in the listing's unit at the
stored rate of their day (config/import_rates.py `in_unit`), and those still waiting for one:
what the sync stores of them (store/sync.py), what a refresh fetches the rates of
(jobs/day_rates.py) and what `catalyst positions` names."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..thesis.portfolio.positions import Lot, Sell

if TYPE_CHECKING:
    from ..config import Config
    from .facade import Facade


class Waiting(NamedTuple):
    """A lot or a sale the file writes in another currency than its listing's whose rate of
    its day is not stored yet: left out of the position until it is."""

    symbol: str
    what: str  # "lot" or "sale"
    entry: Lot | Sell
    unit: str  # the listing's unit it is converted into ("": not known yet)


class WrittenIn(NamedTuple):
    """The lots and sales of the tickers writing some in another currency, in the listing's
    unit (by symbol), and those still waiting for the rate of their day."""

    converted: dict[str, tuple[tuple[Lot, ...], tuple[Sell, ...]]]
    waiting: tuple[Waiting, ...]


def written_in(store: Facade, config: Config) -> WrittenIn:
    """The lots and sales of the tickers that write some in another currency than the
    listing's, each in the listing's unit (the stored quote's currency, else the one its
    symbol says) at the stored rate of its day, in `settings.currency`, and those waiting for
    a rate (not stored yet)."""
    from ..config.import_rates import cross_rates, in_unit, waiting_of
    from ..market.symbols import listing_currency

    tickers = [
        t
        for t in config.tickers.values()
        if any(map(waiting_of, t.lots)) or any(map(waiting_of, t.sells))
    ]
    if not tickers:
        return WrittenIn({}, ())
    base = config.settings.currency
    rate_of = cross_rates(lambda currency, day: store.fx.on(currency, base, day), base)
    marks = ", ".join("?" * len(tickers))
    quoted = dict(
        store.conn.execute(
            f"SELECT symbol, currency FROM quotes WHERE symbol IN ({marks})",
            [t.symbol for t in tickers],
        ).fetchall()
    )
    converted: dict[str, tuple[tuple[Lot, ...], tuple[Sell, ...]]] = {}
    waiting: list[Waiting] = []
    for t in tickers:
        unit = quoted.get(t.symbol) or listing_currency(t.symbol) or ""
        lots: list[Lot] = []
        sells: list[Sell] = []
        entries: list[Lot | Sell] = [*t.lots, *t.sells]
        for entry in entries:
            found = in_unit(entry, unit, rate_of)
            if isinstance(found, Lot):
                lots.append(found)
            elif isinstance(found, Sell):
                sells.append(found)
            else:
                what = "lot" if isinstance(entry, Lot) else "sale"
                waiting.append(Waiting(t.symbol, what, entry, unit))
        converted[t.symbol] = (tuple(lots), tuple(sells))
    return WrittenIn(converted, tuple(waiting))
