"""A position's figures in the base currency: its value at the stored FX rates, its cost, and
the gains of its sales at the rates of their days. The watchlist's rows and totals read them, and
the ticker's Position pane each lot's figures in the listing's unit and the base currency."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..market.currency import major, round_money, unit_rate
from ..market.symbols import listing_currency

if TYPE_CHECKING:
    import datetime as dt

    from ..store import Store
    from ..store.records import WatchRecord
    from ..thesis.portfolio.positions import AdjustedLot


class PositionMoney(NamedTuple):
    """A position's figures in the base currency (None where there is no price or rate)."""

    local_value: float | None = None
    rate: float | None = None
    value: float | None = None
    basis: float | None = None
    realized: float | None = None
    realized_year: float | None = None


def position_money(
    store: Store, r: WatchRecord, base: str, rates: dict[str, float], today: dt.date
) -> PositionMoney:
    """The figures of `r`'s position in the `base` currency: its value at the current `rates`,
    its cost (a lot with its own rate at that one), and its sales' gains at the rates of their
    days (this calendar year's apart); None where a price or a rate is missing."""
    position = r.position
    if position is None:
        return PositionMoney()
    quote = r.last.quote if r.last is not None else None
    # The listing's unit: the quote's, else what the symbol says (never quoted yet: offline).
    quoted = quote.currency if quote is not None else listing_currency(r.symbol)
    rate = unit_rate(quoted, base, rates) if quote is not None or quoted else None
    shares = position.shares
    local = shares * quote.price if quote is not None and shares else None
    value = local * rate if local is not None and rate is not None else None
    basis = None
    if rate is not None:
        divisor = major(quoted)[1] if quoted else 1.0
        basis = position.basis_in(rate * divisor) / divisor
    realized = realized_year = None
    if position.sales:
        realized = realized_year = 0.0
        for sale in position.sales:
            day_rate = rate_on(store, quoted, base, sale.sell.date)
            sale_rate = rate if day_rate is None else day_rate  # none of its day: the current
            if sale_rate is None:
                realized = realized_year = None
                break
            divisor = major(quoted)[1] if quoted else 1.0
            gain = (sale.proceeds - sale.cost_without_fx) * sale_rate - sale.paid / divisor
            realized += gain
            if sale.sell.date.year == today.year:
                realized_year += gain
    return PositionMoney(local, rate, value, basis, realized, realized_year)


class LotMoney(NamedTuple):
    """What is left of one lot: its cost and value in the listing's currency (pounds for a
    listing quoted in pence: an amount of money, where a price stays in GBp), and both in the
    base currency (None where there is no price or rate)."""

    basis: float
    value: float | None
    base_basis: float | None
    base_value: float | None

    @property
    def base_pnl(self) -> float | None:
        if self.base_value is None or self.base_basis is None:
            return None
        return self.base_value - self.base_basis


def lot_money(
    held: AdjustedLot, left: float, price: float | None, quoted: str | None, rate: float | None
) -> LotMoney:
    """The `left` shares of `held` (today's basis) at their cost and at `price` (both in the
    listing's unit `quoted`), in the listing's currency (GBp / 100: GBP) and, at `rate` (base
    currency per quoted unit), in the base currency: the cost at the lot's own rate paid when
    the file gives one (per major unit, as `Position.basis_in` takes it)."""
    basis = left * held.cost
    value = None if price is None else left * price
    divisor = major(quoted)[1] if quoted else 1.0
    if held.lot.fx is not None:
        base_basis: float | None = basis * held.lot.fx / divisor
    else:
        base_basis = None if rate is None else basis * rate
    base_value = None if value is None or rate is None else value * rate
    return LotMoney(
        basis / divisor, None if value is None else value / divisor, base_basis, base_value
    )


def listing_rate(
    store: Store, symbol: str, quote_currency: str | None, quoted: bool, base: str
) -> tuple[str | None, float | None]:
    """(the listing's unit, base currency per unit at the latest stored rate), as
    `position_money` takes them: the quote's currency when there is a quote (None: the base),
    else what the symbol says; the rate None when it is not known."""
    unit = quote_currency if quoted else listing_currency(symbol)
    if not quoted and not unit:
        return None, None
    rates = {c: r.rate for c, r in store.fx.latest(base).items()}
    return unit, unit_rate(unit, base, rates)


def rate_on(store: Store, quoted: str | None, base: str, day: dt.date) -> float | None:
    """Base currency per `quoted` unit on `day` (a sale's, a dividend's): the stored rate of that
    day or the last before it; None when the unit or the rate is not known."""
    if quoted is None:
        return None
    currency, divisor = major(quoted)
    if currency == base:
        return 1.0 / divisor
    found = store.fx.on(currency, base, day)
    return None if found is None else found.rate / divisor


def booked(money: PositionMoney, base: str) -> PositionMoney:
    """A position's amounts in the base currency to its minor unit (cents), as they are shown:
    the totals are the sums of the figures on screen, to the cent (docs/tui.md, Rounding)."""
    return money._replace(
        value=round_money(money.value, base),
        basis=round_money(money.basis, base),
        realized=round_money(money.realized, base),
        realized_year=round_money(money.realized_year, base),
    )
