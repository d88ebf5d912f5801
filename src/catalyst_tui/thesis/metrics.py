"""Metric values from stored data (quotes, history, fundamentals, lots), each with what it is of
(a period, a portfolio, a stale quote) or why there is none. Pure: the store loads a
MarketSnapshot, these functions only read it; thesis/wording.py puts observations into words."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from ..market.fx import unit_rate
from ..market.models import Fact, LastQuote, Split
from .positions import Lot, Position, Sell, fifo, split_factor

PIN_TOLERANCE_DAYS = 7  # 52/53-week fiscal years end quarters near, not on, the month's end


class PeriodKind(StrEnum):
    QUARTER = "quarter"
    FISCAL_YEAR = "fiscal year"
    FOUR_QUARTERS = "four quarters"


class Period(NamedTuple):
    """The reported period a fundamentals value is of, and when it was filed."""

    kind: PeriodKind
    end: dt.date
    filed: dt.date | None = None


class Observation(NamedTuple):
    """A metric's value, or None with `missing` saying why (shown to people as it is). A value
    carries what it is of: `period` (fundamentals), `portfolio` (weight: the total it is a share
    of), `stale_seconds` (the age of a quote the last refresh could not renew) or a `note`;
    `split_adjusted`, the factor a per-share value was divided by to be on today's share basis;
    `rebased`, the factor it was multiplied by to be on the basis a condition was written in.
    Built with `_new(Observation, ...)` in the metrics: evaluation builds one per distinct
    (metric, symbol), and tuple.__new__ is a third of a frozen dataclass's cost."""

    value: float | None
    missing: str = ""
    period: Period | None = None
    portfolio: float | None = None
    stale_seconds: float | None = None
    note: str = ""
    split_adjusted: float | None = None
    rebased: float | None = None


@dataclass
class MarketSnapshot:
    """What evaluation reads: loaded once per evaluation by the store, never changed after."""

    now: dt.datetime
    quotes: dict[str, LastQuote] = field(default_factory=dict)
    history_high: dict[str, float] = field(default_factory=dict)  # max high over the last year
    facts: dict[str, dict[str, list[Fact]]] = field(default_factory=dict)  # sorted by end
    lots: dict[str, list[Lot]] = field(default_factory=dict)
    splits: dict[str, list[Split]] = field(default_factory=dict)  # by day
    sec_configured: bool = True
    sells: dict[str, list[Sell]] = field(default_factory=dict)
    base: str = "USD"  # the base currency: a weight is of values in it
    rates: dict[str, float] = field(default_factory=dict)  # currency -> base per unit
    # metric -> symbol, or (symbol, period_end) when pinned -> Observation
    _observed: dict[str, dict[object, Observation]] = field(
        default_factory=dict, init=False, repr=False
    )
    # (symbol, pin) -> the revenue quarter (index, fact, period) that revenue_q, both margins
    # and growth read
    _revenue: dict[tuple[str, dt.date | None], tuple[int, Fact, Period] | None] = field(
        default_factory=dict, init=False, repr=False
    )
    _portfolio: tuple[dict[str, float], list[str], float] | None = field(
        default=None, init=False, repr=False
    )
    _positions: dict[str, Position] = field(default_factory=dict, init=False, repr=False)

    def portfolio(self) -> tuple[dict[str, float], list[str], float]:
        """Position values by symbol in the base currency (what is held after the sales), the
        symbols held with no price or no FX rate, and the total of the others: computed once,
        the same for every position."""
        if self._portfolio is None:
            values: dict[str, float] = {}
            unpriced: list[str] = []
            for symbol, lots in self.lots.items():
                if not lots:
                    continue
                shares = self.held(symbol)
                if shares <= 0:
                    continue
                last = self.quotes.get(symbol)
                price = _price_of(last)
                rate = None
                if price is not None and last is not None and last.quote is not None:
                    rate = unit_rate(last.quote.currency, self.base, self.rates)
                if price is None or rate is None:
                    unpriced.append(symbol)
                else:
                    values[symbol] = price * shares * rate
            self._portfolio = (values, unpriced, sum(values.values()))
        return self._portfolio

    def held(self, symbol: str) -> float:
        """The shares of `symbol` still held after its sales (today's basis)."""
        return self.position(symbol).shares

    def position(self, symbol: str) -> Position:
        """The symbol's lots less its sales, computed once per snapshot."""
        found = self._positions.get(symbol)
        if found is None:
            found = self._positions[symbol] = fifo(
                self.lots.get(symbol, []), self.sells.get(symbol, []), self.splits.get(symbol, ())
            )
        return found


_new = tuple.__new__


def observe(
    metric: str, symbol: str, snap: MarketSnapshot, period_end: dt.date | None = None
) -> Observation:
    """The metric's value for the symbol, computed once per snapshot (checkpoints of one
    ticker often share a metric)."""
    memo = snap._observed.get(metric)
    if memo is None:
        memo = snap._observed[metric] = {}
    key = symbol if period_end is None else (symbol, period_end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _METRICS[metric](symbol, snap, period_end)
    return found


# -- quotes ------------------------------------------------------------------------------------


def _price_of(last: LastQuote | None) -> float | None:
    return None if last is None or last.quote is None else last.quote.price


def _no_quote(symbol: str) -> Observation:
    return Observation(None, f"no quote yet for {symbol}: run a refresh")


def _quoted(value: float, last: LastQuote, snap: MarketSnapshot) -> Observation:
    """A value computed from a quote; from a stale one, with the quote's age."""
    if last.stale and last.fetched_at is not None:
        age = (snap.now - last.fetched_at).total_seconds()
        return _new(Observation, (value, "", None, None, age, "", None, None))
    return _new(Observation, (value, "", None, None, None, "", None, None))


def _price(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol)
    return _quoted(last.quote.price, last, snap)


def _change(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol)
    if last.quote.change_pct is None:
        return Observation(None, f"no previous close for {symbol} yet")
    return _quoted(last.quote.change_pct, last, snap)


def _drawdown(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol)
    quote = last.quote
    quoted, stored = quote.fifty_two_week_high, snap.history_high.get(symbol)
    if quoted and stored:
        top = max(quoted, stored)
    elif quoted or stored:
        top = quoted or stored or 0.0
    else:
        return Observation(None, f"no 52-week high for {symbol} yet")
    high = max(top, quote.price)
    return _quoted((high - quote.price) / high, last, snap)


# -- fundamentals ------------------------------------------------------------------------------


def _no_facts(symbol: str, snap: MarketSnapshot) -> Observation:
    if not snap.sec_configured:
        return Observation(None, f"no fundamentals yet for {symbol}: set providers.sec.user_agent")
    return Observation(None, f"no fundamentals yet for {symbol}: they come with the next refresh")


_NO_FACTS: list[Fact] = []
_VALUE = operator.attrgetter("value")


def _nearest(rows: list[Fact], stop: int, pin: dt.date) -> int | None:
    """The index, below `stop`, of the row ending nearest `pin` (the first of equals), if it
    is within the tolerance."""
    best, best_days = -1, 0
    for index in range(stop):
        days = abs((rows[index].period_end - pin).days)
        if best < 0 or days < best_days:
            best, best_days = index, days
    return best if best >= 0 and best_days <= PIN_TOLERANCE_DAYS else None


def _pick_index(rows: list[Fact], pin: dt.date | None) -> int | None:
    """The index of the latest row, or of the one ending on (about) `pin`."""
    if not rows:
        return None
    if pin is None:
        return len(rows) - 1
    return _nearest(rows, len(rows), pin)


def _revenue(
    symbol: str, snap: MarketSnapshot, facts: dict[str, list[Fact]], pin: dt.date | None
) -> tuple[int, Fact, Period] | None:
    """The revenue quarter (index, fact, period) that revenue_q, the margins and growth read,
    looked up once per (symbol, pin)."""
    key = (symbol, pin)
    if key in snap._revenue:
        return snap._revenue[key]
    rows = facts.get("revenue_q", _NO_FACTS)
    index = len(rows) - 1 if pin is None else _pick_index(rows, pin)
    if index is None or index < 0:
        found = None
    else:
        row = rows[index]
        found = (index, row, _new(Period, (PeriodKind.QUARTER, row.period_end, row.filed)))
    snap._revenue[key] = found
    return found


def _missing_period(symbol: str, what: str, pin: dt.date | None) -> Observation:
    if pin is None:
        return Observation(None, f"no {what} reported for {symbol} yet")
    return Observation(None, f"{symbol} has not reported {what} for the period ending {pin}")


def _revenue_q(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
    facts = snap.facts.get(symbol)
    if not facts:
        return _no_facts(symbol, snap)
    revenue = _revenue(symbol, snap, facts, pin)
    if revenue is None:
        return _missing_period(symbol, "quarterly revenue", pin)
    return _new(Observation, (revenue[1].value, "", revenue[2], None, None, "", None, None))


def _revenue_fy(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
    facts = snap.facts.get(symbol)
    if not facts:
        return _no_facts(symbol, snap)
    rows = facts.get("revenue_fy", _NO_FACTS)
    index = _pick_index(rows, pin)
    if index is None:
        return _missing_period(symbol, "fiscal-year revenue", pin)
    row = rows[index]
    period = Period(PeriodKind.FISCAL_YEAR, row.period_end)
    return _new(Observation, (row.value, "", period, None, None, "", None, None))


def _ttm(
    concept: str, what: str, *, per_share: bool = False
) -> Callable[[str, MarketSnapshot, dt.date | None], Observation]:
    def metric(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
        facts = snap.facts.get(symbol)
        if not facts:
            return _no_facts(symbol, snap)
        rows = facts.get(concept, _NO_FACTS)
        # four consecutive quarters ending at the latest or pinned one (-1: no rows)
        index = len(rows) - 1 if pin is None else _pick_index(rows, pin)
        if (
            index is None
            or index < 3
            or (rows[index].period_end - rows[index - 3].period_end).days > 300
        ):
            return Observation(None, f"fewer than four consecutive quarters of {what} for {symbol}")
        quarters = rows[index - 3 : index + 1]
        total = sum(map(_VALUE, quarters))
        period = _new(Period, (PeriodKind.FOUR_QUARTERS, rows[index].period_end, None))
        adjusted = None
        if per_share:
            total, adjusted = _on_todays_basis(total, quarters, rows, snap.splits.get(symbol))
        return _new(Observation, (total, "", period, None, None, "", adjusted, None))

    return metric


def _ratio(
    numerator: str, what: str
) -> Callable[[str, MarketSnapshot, dt.date | None], Observation]:
    def metric(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
        facts = snap.facts.get(symbol)
        if not facts:
            return _no_facts(symbol, snap)
        found = _revenue(symbol, snap, facts, pin)
        if found is None:
            return _missing_period(symbol, "revenue", pin)
        _, revenue, period = found
        end = revenue.period_end
        parts = facts.get(numerator, _NO_FACTS)
        if parts and parts[-1].period_end == end:  # the usual case: the same latest quarter
            part: Fact | None = parts[-1]
        else:
            part = next((r for r in reversed(parts) if r.period_end == end), None)
        if part is None or revenue.value == 0:
            return Observation(None, f"no {what} for the {_quarter_words(period)} of {symbol}")
        margin = part.value / revenue.value
        return _new(Observation, (margin, "", period, None, None, "", None, None))

    return metric


def _growth(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
    facts = snap.facts.get(symbol)
    if not facts:
        return _no_facts(symbol, snap)
    found = _revenue(symbol, snap, facts, pin)
    if found is None:
        return _missing_period(symbol, "revenue", pin)
    index, latest, period = found
    rows = facts["revenue_q"]
    earlier = _nearest(rows, index, latest.period_end - _YEAR)
    if earlier is None or rows[earlier].value <= 0:
        return Observation(
            None, f"no revenue a year before the {_quarter_words(period)} of {symbol}"
        )
    growth = latest.value / rows[earlier].value - 1
    return _new(Observation, (growth, "", period, None, None, "", None, None))


_YEAR = dt.timedelta(days=365)


def _on_todays_basis(
    value: float, facts: list[Fact], every: list[Fact], splits: list[Split] | None
) -> tuple[float, float | None]:
    """A per-share sum of `facts` on today's share basis: the derivation puts every value of
    the concept (`every`) on the basis of its latest filing; a split since that filing divides
    it too. With the factor applied (None: none was needed)."""
    factor = max(f.split_factor for f in facts)
    if splits:
        since = split_factor(splits, max(f.filed for f in every))
        value /= since
        factor *= since
    return value, (factor if factor != 1 else None)


def _quarter_words(period: Period) -> str:
    filed = f", filed {period.filed.isoformat()}" if period.filed else ""
    return f"quarter ended {period.end.isoformat()}{filed}"


def _market_cap(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol)
    facts = snap.facts.get(symbol)
    if not facts:
        return _no_facts(symbol, snap)
    shares = facts.get("shares_outstanding")
    if not shares:
        return Observation(None, f"no shares outstanding reported for {symbol}")
    count = shares[-1].value
    splits = snap.splits.get(symbol)
    if splits:  # a split since the count was reported multiplied the shares
        count *= split_factor(splits, shares[-1].period_end)
    return _quoted(last.quote.price * count, last, snap)


def _pe(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol)
    eps = observe("eps_ttm", symbol, snap)
    if eps.value is None:
        return eps
    if eps.value <= 0:
        return Observation(None, f"P/E is undefined: EPS TTM of {symbol} is {eps.value:.2f}")
    return _quoted(last.quote.price / eps.value, last, snap)


# -- lots --------------------------------------------------------------------------------------


def _weight(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    if not snap.lots.get(symbol):
        return Observation(0.0, note=f"no lots of {symbol}")
    values, unpriced, total = snap.portfolio()
    no_quote = sorted(s for s in unpriced if _price_of(snap.quotes.get(s)) is None)
    if no_quote:
        return Observation(None, f"no quote yet for {', '.join(no_quote)}")
    if unpriced:
        missing = ", ".join(sorted(unpriced))
        return Observation(None, f"no FX rate to {snap.base} yet for {missing}")
    if symbol not in values:
        return Observation(0.0, note=f"{symbol} is sold")
    return _new(Observation, (values[symbol] / total, "", None, total, None, "", None, None))


def _gain(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    lots = snap.lots.get(symbol)
    if not lots:
        return Observation(None, f"no lots of {symbol}: gain_pct needs a position")
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol)
    position = snap.position(symbol)
    shares, basis = position.shares, position.basis
    if shares <= 0:
        return Observation(None, f"{symbol} is sold: gain_pct is of what is held")
    if basis <= 0:
        return Observation(None, f"the lots of {symbol} cost nothing: no gain to measure")
    return _quoted(last.quote.price * shares / basis - 1, last, snap)


_METRICS: dict[str, Callable[[str, MarketSnapshot, dt.date | None], Observation]] = {
    "price": _price,
    "change_pct": _change,
    "drawdown": _drawdown,
    "market_cap": _market_cap,
    "revenue_q": _revenue_q,
    "revenue_ttm": _ttm("revenue_q", "revenue"),
    "revenue_fy": _revenue_fy,
    "revenue_growth_yoy": _growth,
    "gross_margin": _ratio("gross_profit_q", "gross profit"),
    "operating_margin": _ratio("operating_income_q", "operating income"),
    "eps_ttm": _ttm("eps_diluted_q", "diluted EPS", per_share=True),
    "pe_ttm": _pe,
    "weight": _weight,
    "gain_pct": _gain,
}
