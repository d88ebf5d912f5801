"""An export's prices and fees in another currency than the listing's, where the export gives no
rate between them (Revolut's US listings priced in euros, a DEGIRO fee in euros on a trade in
dollars): converted at the day's rate the database keeps (the ECB's reference rates, which a
refresh fetches), said in the lot's note; without one, left out, said with its line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from ..reading.brokers.export import ImportRead, RowIssue, Trade


class DayRate(NamedTuple):
    """Units of one currency per unit of another, as stored for `day` (the trade's, or the last
    before it with one) from `source` (the ECB's reference rates)."""

    rate: float
    day: dt.date
    source: str


# The rate of the first currency in the second on a day, None when none is kept near it.
RateOf = Callable[[str, str, dt.date], DayRate | None]


def converted(read: ImportRead, rate_of: RateOf) -> ImportRead:
    """The trades whose export gives a price or a fee in another currency than the listing's
    and no rate between them, converted at the day's rate `rate_of` gives (said in the lot's
    note); without one, a trade priced so is left out and a fee so is, each said with its line
    and what would give it."""
    trades: list[Trade] = []
    left_out = list(read.left_out)
    for t in read.trades:
        said = ""
        if t.priced_in:
            found = rate_of(t.priced_in, t.currency, t.day)
            if found is None:
                left_out.append(RowIssue(t.line, _no_rate(t, t.priced_in)))
                continue
            said += f"; priced {t.price:g} {t.priced_in}, {_at(found, t.currency, t.priced_in)}"
            t = t._replace(price=round(t.price * found.rate, 6), fees=t.fees * found.rate)
        paid = 0.0
        for line, fee, currency in t.fees_in:
            found = rate_of(currency, t.currency, t.day)
            if found is None:
                message = f"a fee of {fee:g} {currency} for the trade of line {t.line}: "
                left_out.append(RowIssue(line, message + _none_kept(currency, t)))
                continue
            paid += fee * found.rate
            said += f"; its fee of {fee:g} {currency} {_at(found, t.currency, currency)}"
        trades.append(
            t._replace(fees=round(t.fees + paid, 10), priced_in="", fees_in=(), said=said)
        )
    if (
        len(trades) == len(read.trades)
        and len(left_out) == len(read.left_out)
        and not any(t.said for t in trades)
    ):
        return read
    return read._replace(trades=trades, left_out=sorted(left_out))


def _at(found: DayRate, unit: str, currency: str) -> str:
    return f"at {found.rate:.6g} {unit} a {currency} ({found.source}, {found.day.isoformat()})"


def _none_kept(currency: str, t: Trade) -> str:
    return (
        f"the export states no {currency} to {t.currency} rate, and none of {t.day} is kept "
        "(catalyst refresh fetches the ECB's rates: import again after it)"
    )


def _no_rate(t: Trade, currency: str) -> str:
    side = "buy" if t.side == "buy" else "sale"
    return (
        f"a {side} of {t.symbol}, a listing in {t.currency}, priced in {currency} "
        f"({t.price:g}): " + _none_kept(currency, t)
    )
