"""An export's prices and fees in another currency than the listing's, where the export gives no
rate between them (Revolut's US listings priced in euros, a DEGIRO fee in euros on a trade in
dollars): converted at the day's rate (the ECB's reference rates: those the database keeps, and
those `catalyst import` fetches for the days it lacks), said in the lot's note; without one, the
trade is kept in the currency the export states it in (`currency`, `fees_currency` of its lot
or sale), said with its line, and converted once the rate of its day is stored (`in_unit`, as
the database reads the file: store/sync.py). Nothing the export holds is left out for a rate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import NamedTuple

from ..market.currency import major
from ..market.models import RATE_WITHIN_DAYS, FxRate
from ..reading.brokers.export import ImportRead, RowIssue, Trade
from ..thesis.portfolio.positions import Lot, Sell


class DayRate(NamedTuple):
    """Units of one currency per unit of another, as stored for `day` (the trade's, or the last
    before it with one) from `source` (the ECB's reference rates)."""

    rate: float
    day: dt.date
    source: str


# The rate of the first currency in the second on a day, None when none is kept near it.
RateOf = Callable[[str, str, dt.date], DayRate | None]


def cross_rates(on: Callable[[str, dt.date], FxRate | None], base: str) -> RateOf:
    """The rates `on` gives (a currency's in `base` on a day, or the last day before it with
    one: the database's, the ECB's) as a trade's conversion takes them: units of `into` per unit
    of `currency` on a day, through `base`; a rate older than RATE_WITHIN_DAYS stands for no
    day; a unit in hundredths (pence) counted so. None without a rate near the day."""

    def of(currency: str, day: dt.date) -> DayRate | None:
        if currency == base:
            return DayRate(1.0, day, "one")
        found = on(currency, day)
        if found is None or (day - found.day).days > RATE_WITHIN_DAYS:
            return None
        return DayRate(found.rate, found.day, found.source)

    def rate_of(currency: str, into: str, day: dt.date) -> DayRate | None:
        (fro, fro_units), (to, to_units) = major(currency), major(into)
        a, b = of(fro, day), of(to, day)
        if a is None or b is None:
            return None
        rate = a.rate / b.rate * to_units / fro_units
        source = a.source if a.source != "one" else b.source
        return DayRate(rate, min(a.day, b.day), source)

    return rate_of


def needed(trades: Iterable[Trade], base: str) -> dict[str, set[dt.date]]:
    """The currencies (major units) and days whose rates in `base` the trades' conversions ask
    for: those priced or charged in another currency than the listing's."""
    wanted: dict[str, set[dt.date]] = {}
    for t in trades:
        currencies = [t.priced_in, *(currency for _, _, currency in t.fees_in)]
        if not any(currencies):
            continue
        for currency in (t.currency, *currencies):
            code = major(currency)[0] if currency else ""
            if code and code != base:
                wanted.setdefault(code, set()).add(t.day)
    return wanted


def converted(read: ImportRead, rate_of: RateOf) -> tuple[ImportRead, dict[int, list[RowIssue]]]:
    """The trades whose export gives a price or a fee in another currency than the listing's
    and no rate between them, converted at the day's rate `rate_of` gives (said in the lot's
    note); without one, kept in the currency stated (`priced_in`, `fees_currency`), each said
    with its line, by the trade's line (the second value): every trade of `read` is in the
    first."""
    trades: list[Trade] = []
    kept: dict[int, list[RowIssue]] = {}
    for t in read.trades:
        if t.priced_in or t.fees_in:
            said: list[RowIssue] = []
            t = _one(t, rate_of, said)
            if said:
                kept[t.line] = sorted(said)
        trades.append(t)
    if not kept and not any(t.said for t in trades):
        return read, {}
    return read._replace(trades=trades), kept


def _one(t: Trade, rate_of: RateOf, kept: list[RowIssue]) -> Trade:
    """`t` converted into its listing's unit where the rates are had, else kept in its own."""
    said = ""
    written, price, fees, stated = t.currency, t.price, t.fees, None
    if t.priced_in:
        found = rate_of(t.priced_in, t.currency, t.day)
        if found is None:
            written = t.priced_in
            kept.append(RowIssue(t.line, _kept_trade(t)))
        else:
            said += f"; priced {t.price:g} {t.priced_in}, {_at(found, t.currency, t.priced_in)}"
            price, fees = round(t.price * found.rate, 6), t.fees * found.rate
            stated = (t.price, t.priced_in)
    waiting: list[tuple[int, float, str]] = []
    for line, fee, currency in t.fees_in:
        same = currency == written
        found = DayRate(1.0, t.day, "") if same else rate_of(currency, written, t.day)
        if found is None:
            waiting.append((line, fee, currency))
            continue
        fees += fee * found.rate
        if not same:
            said += f"; its fee of {fee:g} {currency} {_at(found, written, currency)}"
    fees_currency = ""
    if waiting and not fees and len({currency for _, _, currency in waiting}) == 1:
        fees_currency = waiting[0][2]  # the fees alone, all in one currency: kept in it
        fees = sum(fee for _, fee, _ in waiting)
    for line, fee, currency in waiting:
        where = f"kept in {currency}" if fees_currency else "kept in its note alone"
        said += "" if fees_currency else f"; its fee of {fee:g} {currency}, no rate of its day"
        message = f"a fee of {fee:g} {currency} for the trade of line {t.line}: "
        kept.append(RowIssue(line, message + _no_rate(currency, written, t.day, where)))
    return t._replace(
        price=price,
        fees=round(fees, 10),
        priced_in="" if written == t.currency else written,
        fees_in=(),
        said=said,
        fees_currency=fees_currency,
        stated=stated,
    )


def _at(found: DayRate, unit: str, currency: str) -> str:
    return f"at {found.rate:.6g} {unit} a {currency} ({found.source}, {found.day.isoformat()})"


def _no_rate(currency: str, into: str, day: dt.date, where: str) -> str:
    return (
        f"no {currency} to {into} rate of {day} is stored nor could be fetched; {where}, as the "
        "export states it, and converted once catalyst refresh has that day's rate"
    )


def _kept_trade(t: Trade) -> str:
    side = "buy" if t.side == "buy" else "sale"
    return (
        f"a {side} of {t.symbol}, a listing in {t.currency}, priced in {t.priced_in} "
        f"({t.price:g}): "
        + _no_rate(t.priced_in, t.currency, t.day, f"kept in {t.priced_in}")
        + "; its position counts it from then"
    )


# -- a lot or a sale the file keeps in another currency, converted as the database reads it ----


def in_unit(entry: Lot | Sell, unit: str, rate_of: RateOf) -> Lot | Sell | None:
    """`entry` (a lot or a sale of the file) in the listing's `unit`: as written when it states
    no other currency; else its price and fees converted at the rate of its day (said in its
    note, as an import would have written it); None while a rate it needs is not stored, or
    the day or the listing's unit is not known."""
    currency, fees_currency = entry.currency, entry.fees_currency
    if not currency and not fees_currency:
        return entry
    day = entry.date
    if day is None or not unit:
        return None
    written = currency or unit
    price = entry.cost if isinstance(entry, Lot) else entry.price
    note = ""
    if written != unit:
        found = rate_of(written, unit, day)
        if found is None:
            return None
        note += f"; priced {price:g} {written}, {_at(found, unit, written)}"
        price = round(price * found.rate, 6)
    fees = entry.fees
    fees_in = fees_currency or written
    if fees and fees_in != unit:
        found = rate_of(fees_in, unit, day)
        if found is None:
            return None
        if fees_currency:
            note += f"; its fees of {fees:g} {fees_in} {_at(found, unit, fees_in)}"
        fees = round(fees * found.rate, 10)
    note = entry.note + note if entry.note else note.removeprefix("; ")
    if isinstance(entry, Lot):
        return entry._replace(cost=price, note=note, fees=fees, currency="", fees_currency="")
    return entry._replace(price=price, note=note, fees=fees, currency="", fees_currency="")


def waiting_of(entry: Lot | Sell) -> tuple[str, ...]:
    """The currencies `entry` is written in beside its listing's (none: it is in the unit)."""
    return tuple(dict.fromkeys(c for c in (entry.currency, entry.fees_currency) if c))
