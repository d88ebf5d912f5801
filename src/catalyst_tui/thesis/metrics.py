"""Metric values from stored data (quotes, history, fundamentals, lots), with the reason when
there is no value. Pure: the store loads a MarketSnapshot, these functions only read it."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

PIN_TOLERANCE_DAYS = 7  # 52/53-week fiscal years end quarters near, not on, the month's end


@dataclass(frozen=True)
class QuoteData:
    price: float | None
    change_pct: float | None
    high_52w: float | None
    fetched_at: dt.datetime | None
    stale: bool


@dataclass(frozen=True)
class FactRow:
    period_start: dt.date | None
    period_end: dt.date
    value: float
    filed: dt.date | None = None


@dataclass
class MarketSnapshot:
    """What evaluation reads: loaded once per evaluation by the store."""

    now: dt.datetime
    quotes: dict[str, QuoteData] = field(default_factory=dict)
    history_high: dict[str, float] = field(default_factory=dict)  # max high over the last year
    facts: dict[str, dict[str, list[FactRow]]] = field(default_factory=dict)  # sorted by end
    lots: dict[str, list[tuple[float, float]]] = field(default_factory=dict)  # (shares, cost)
    sec_configured: bool = True
    _portfolio: tuple[dict[str, float], list[str]] | None = field(
        default=None, init=False, repr=False
    )
    # metric -> symbol, or (symbol, period_end) when pinned -> Observation
    _observed: dict[str, dict[object, Observation]] = field(
        default_factory=dict, init=False, repr=False
    )
    # (symbol, pin) -> the revenue row metrics of that quarter share, with its index and
    # period text: revenue_q, gross_margin, operating_margin and revenue_growth_yoy read it.
    _revenue: dict[tuple[str, dt.date | None], tuple[int, FactRow, str] | None] = field(
        default_factory=dict, init=False, repr=False
    )
    _weight_total: tuple[float, str] | None = field(default=None, init=False, repr=False)
    # notes naming a period, by (period end, filed): most companies share quarter ends
    _notes: dict[tuple[str, dt.date, dt.date | None], str] = field(
        default_factory=dict, init=False, repr=False
    )

    def portfolio(self) -> tuple[dict[str, float], list[str]]:
        """Position values by symbol and the symbols with lots but no price, computed once
        (a snapshot is not changed after it is loaded)."""
        if self._portfolio is None:
            self._portfolio = _position_values(self)
        return self._portfolio


class Observation(NamedTuple):
    """A metric's value, or None with `reason` saying why; `note` qualifies a value (the
    period it comes from, a stale quote). Immutable (observations are shared through the
    snapshot's memo). Evaluation builds one per distinct (metric, symbol), so the metrics
    below build them with `_new(Observation, (value, "", note, stale))`: a third of the cost
    of a frozen dataclass, half that of calling the NamedTuple."""

    value: float | None
    reason: str = ""
    note: str = ""
    stale: bool = False


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


def _no_quote(symbol: str) -> Observation:
    return Observation(None, f"no quote yet for {symbol}: run a refresh")


def _stale_note(quote: QuoteData, now: dt.datetime) -> str:
    if not quote.stale or quote.fetched_at is None:
        return ""
    hours = (now - quote.fetched_at).total_seconds() / 3600
    age = f"{hours:.0f}h" if hours >= 1 else f"{hours * 60:.0f}m"
    return f"stale quote, {age} old"


_new = tuple.__new__


def _stale(value: float, quote: QuoteData, snap: MarketSnapshot) -> Observation:
    """A value computed from a stale quote, noted as such. (A value from a fresh quote is
    `_new(Observation, (value, "", "", False))`, written out in each metric.)"""
    note = _stale_note(quote, snap.now)
    return _new(Observation, (value, "", note, bool(note)))


def _price(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    quote = snap.quotes.get(symbol)
    if quote is None or quote.price is None:
        return _no_quote(symbol)
    if quote.stale:
        return _stale(quote.price, quote, snap)
    return _new(Observation, (quote.price, "", "", False))


def _change(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    quote = snap.quotes.get(symbol)
    if quote is None or quote.price is None:
        return _no_quote(symbol)
    if quote.change_pct is None:
        return Observation(None, f"no previous close for {symbol} yet")
    if quote.stale:
        return _stale(quote.change_pct, quote, snap)
    return _new(Observation, (quote.change_pct, "", "", False))


def _drawdown(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    quote = snap.quotes.get(symbol)
    if quote is None or quote.price is None:
        return _no_quote(symbol)
    quoted, stored = quote.high_52w, snap.history_high.get(symbol)
    if quoted and stored:
        top = max(quoted, stored)
    elif quoted or stored:
        top = quoted or stored
    else:
        return Observation(None, f"no 52-week high for {symbol} yet")
    high = max(top, quote.price)
    if quote.stale:
        return _stale((high - quote.price) / high, quote, snap)
    return _new(Observation, ((high - quote.price) / high, "", "", False))


# -- fundamentals ------------------------------------------------------------------------------


def _no_facts(symbol: str, snap: MarketSnapshot) -> Observation:
    if not snap.sec_configured:
        return Observation(None, f"no fundamentals yet for {symbol}: set providers.sec.user_agent")
    return Observation(None, f"no fundamentals yet for {symbol}: they come with the next refresh")


_NO_ROWS: list[FactRow] = []
_VALUE = operator.attrgetter("value")


def _nearest(rows: list[FactRow], stop: int, pin: dt.date) -> int | None:
    """The index, below `stop`, of the row ending nearest `pin` (the first of equals), if it
    is within the tolerance."""
    best, best_days = -1, 0
    for index in range(stop):
        days = abs((rows[index].period_end - pin).days)
        if best < 0 or days < best_days:
            best, best_days = index, days
    return best if best >= 0 and best_days <= PIN_TOLERANCE_DAYS else None


def _pick_index(rows: list[FactRow], pin: dt.date | None) -> int | None:
    """The index of the latest row, or of the one ending on (about) `pin`."""
    if not rows:
        return None
    if pin is None:
        return len(rows) - 1
    return _nearest(rows, len(rows), pin)


def _note(snap: MarketSnapshot, kind: str, end: dt.date, filed: dt.date | None = None) -> str:
    """A note naming a period, formatted once per snapshot (date.isoformat is not cheap, and
    quarter ends are shared by most companies)."""
    key = (kind, end, filed)
    text = snap._notes.get(key)
    if text is None:
        if kind == "quarter":
            text = f"quarter ended {end.isoformat()}" + (
                f", filed {filed.isoformat()}" if filed else ""
            )
        else:
            text = f"{kind} {end.isoformat()}"
        snap._notes[key] = text
    return text


def _revenue(
    symbol: str, snap: MarketSnapshot, facts: dict[str, list[FactRow]], pin: dt.date | None
) -> tuple[int, FactRow, str] | None:
    """The revenue quarter (index, row, period text) that revenue_q, the margins and growth
    read, looked up once per (symbol, pin)."""
    key = (symbol, pin)
    if key in snap._revenue:
        return snap._revenue[key]
    rows = facts.get("revenue_q", _NO_ROWS)
    index = len(rows) - 1 if pin is None else _pick_index(rows, pin)
    if index is None or index < 0:
        found = None
    else:
        row = rows[index]
        found = (index, row, _note(snap, "quarter", row.period_end, row.filed))
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
    return _new(Observation, (revenue[1].value, "", revenue[2], False))


def _revenue_fy(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
    facts = snap.facts.get(symbol)
    if not facts:
        return _no_facts(symbol, snap)
    rows = facts.get("revenue_fy", _NO_ROWS)
    index = _pick_index(rows, pin)
    if index is None:
        return _missing_period(symbol, "fiscal-year revenue", pin)
    row = rows[index]
    return _new(
        Observation, (row.value, "", _note(snap, "fiscal year ended", row.period_end), False)
    )


def _ttm(concept: str, what: str):
    def metric(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
        facts = snap.facts.get(symbol)
        if not facts:
            return _no_facts(symbol, snap)
        rows = facts.get(concept, _NO_ROWS)
        # four consecutive quarters ending at the latest or pinned one (-1: no rows)
        index = len(rows) - 1 if pin is None else _pick_index(rows, pin)
        if (
            index is None
            or index < 3
            or (rows[index].period_end - rows[index - 3].period_end).days > 300
        ):
            return Observation(None, f"fewer than four consecutive quarters of {what} for {symbol}")
        total = sum(map(_VALUE, rows[index - 3 : index + 1]))
        return _new(
            Observation, (total, "", _note(snap, "four quarters to", rows[index].period_end), False)
        )

    return metric


def _ratio(numerator: str, what: str):
    def metric(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
        facts = snap.facts.get(symbol)
        if not facts:
            return _no_facts(symbol, snap)
        found = _revenue(symbol, snap, facts, pin)
        if found is None:
            return _missing_period(symbol, "revenue", pin)
        _, revenue, period = found
        end = revenue.period_end
        parts = facts.get(numerator, _NO_ROWS)
        if parts and parts[-1].period_end == end:  # the usual case: the same latest quarter
            part: FactRow | None = parts[-1]
        else:
            part = next((r for r in reversed(parts) if r.period_end == end), None)
        if part is None or revenue.value == 0:
            return Observation(None, f"no {what} for the {period} of {symbol}")
        return _new(Observation, (part.value / revenue.value, "", period, False))

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
        return Observation(None, f"no revenue a year before the {period} of {symbol}")
    return _new(Observation, (latest.value / rows[earlier].value - 1, "", period, False))


_YEAR = dt.timedelta(days=365)


def _market_cap(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    quote = snap.quotes.get(symbol)
    if quote is None or quote.price is None:
        return _no_quote(symbol)
    facts = snap.facts.get(symbol)
    if not facts:
        return _no_facts(symbol, snap)
    shares = facts.get("shares_outstanding")
    if not shares:
        return Observation(None, f"no shares outstanding reported for {symbol}")
    if quote.stale:
        return _stale(quote.price * shares[-1].value, quote, snap)
    return _new(Observation, (quote.price * shares[-1].value, "", "", False))


def _pe(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    quote = snap.quotes.get(symbol)
    if quote is None or quote.price is None:
        return _no_quote(symbol)
    eps = observe("eps_ttm", symbol, snap)
    if eps.value is None:
        return eps
    if eps.value <= 0:
        return Observation(None, f"P/E is undefined: EPS TTM of {symbol} is {eps.value:.2f}")
    if quote.stale:
        return _stale(quote.price / eps.value, quote, snap)
    return _new(Observation, (quote.price / eps.value, "", "", False))


# -- lots --------------------------------------------------------------------------------------

_SHARES = operator.itemgetter(0)


def _position_values(snap: MarketSnapshot) -> tuple[dict[str, float], list[str]]:
    values: dict[str, float] = {}
    unpriced: list[str] = []
    for symbol, lots in snap.lots.items():
        quote = snap.quotes.get(symbol)
        if not lots:
            continue
        if quote is None or quote.price is None:
            unpriced.append(symbol)
            continue
        values[symbol] = quote.price * sum(map(_SHARES, lots))
    return values, unpriced


def _weight(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    if not snap.lots.get(symbol):
        return Observation(0.0, "", f"no lots of {symbol}")
    values, unpriced = snap.portfolio()
    if unpriced:
        return Observation(None, f"no quote yet for {', '.join(sorted(unpriced))}")
    if snap._weight_total is None:  # the same for every position: summed once
        total = sum(values.values())
        snap._weight_total = (total, f"of a {total:,.0f} portfolio")
    total, note = snap._weight_total
    return _new(Observation, (values[symbol] / total, "", note, False))


def _gain(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    lots = snap.lots.get(symbol)
    if not lots:
        return Observation(None, f"no lots of {symbol}: gain_pct needs a position")
    quote = snap.quotes.get(symbol)
    if quote is None or quote.price is None:
        return _no_quote(symbol)
    basis = sum(itertools.starmap(operator.mul, lots))
    if basis <= 0:
        return Observation(None, f"the lots of {symbol} cost nothing: no gain to measure")
    value = quote.price * sum(map(_SHARES, lots))
    if quote.stale:
        return _stale(value / basis - 1, quote, snap)
    return _new(Observation, (value / basis - 1, "", "", False))


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
    "eps_ttm": _ttm("eps_diluted_q", "diluted EPS"),
    "pe_ttm": _pe,
    "weight": _weight,
    "gain_pct": _gain,
}
