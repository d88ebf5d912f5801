"""Metric values from stored data (quotes, history, fundamentals, lots), with the reason when
there is no value. Pure: the store loads a MarketSnapshot, these functions only read it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

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
    _observed: dict[tuple[str, str, dt.date | None], Observation] = field(
        default_factory=dict, init=False, repr=False
    )

    def portfolio(self) -> tuple[dict[str, float], list[str]]:
        """Position values by symbol and the symbols with lots but no price, computed once
        (a snapshot is not changed after it is loaded)."""
        if self._portfolio is None:
            self._portfolio = _position_values(self)
        return self._portfolio


@dataclass(frozen=True)
class Observation:
    """A metric's value, or None with `reason` saying why; `note` qualifies a value (the
    period it comes from, a stale quote)."""

    value: float | None
    reason: str = ""
    note: str = ""
    stale: bool = False


def observe(
    metric: str, symbol: str, snap: MarketSnapshot, period_end: dt.date | None = None
) -> Observation:
    """The metric's value for the symbol, computed once per snapshot (checkpoints of one
    ticker often share a metric)."""
    key = (metric, symbol, period_end)
    found = snap._observed.get(key)
    if found is None:
        found = snap._observed[key] = _METRICS[metric](symbol, snap, period_end)
    return found


# -- quotes ------------------------------------------------------------------------------------


def _quote(symbol: str, snap: MarketSnapshot) -> tuple[QuoteData | None, Observation | None]:
    quote = snap.quotes.get(symbol)
    if quote is None or quote.price is None:
        return None, Observation(None, f"no quote yet for {symbol}: run a refresh")
    return quote, None


def _stale_note(quote: QuoteData, now: dt.datetime) -> str:
    if not quote.stale or quote.fetched_at is None:
        return ""
    hours = (now - quote.fetched_at).total_seconds() / 3600
    age = f"{hours:.0f}h" if hours >= 1 else f"{hours * 60:.0f}m"
    return f"stale quote, {age} old"


def _with_quote(value: Callable[[QuoteData], float | None], missing: str):
    def metric(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
        quote, problem = _quote(symbol, snap)
        if problem:
            return problem
        assert quote is not None
        result = value(quote)
        if result is None:
            return Observation(None, missing.format(symbol=symbol))
        note = _stale_note(quote, snap.now)
        return Observation(result, note=note, stale=bool(note))

    return metric


def _drawdown(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    quote, problem = _quote(symbol, snap)
    if problem:
        return problem
    assert quote is not None and quote.price is not None
    highs = [h for h in (quote.high_52w, snap.history_high.get(symbol)) if h]
    if not highs:
        return Observation(None, f"no 52-week high for {symbol} yet")
    high = max(max(highs), quote.price)
    note = _stale_note(quote, snap.now)
    return Observation((high - quote.price) / high, note=note, stale=bool(note))


# -- fundamentals ------------------------------------------------------------------------------


def _no_facts(symbol: str, snap: MarketSnapshot) -> Observation:
    if not snap.sec_configured:
        return Observation(None, f"no fundamentals yet for {symbol}: set providers.sec.user_agent")
    return Observation(None, f"no fundamentals yet for {symbol}: they come with the next refresh")


_NO_FACTS: dict[str, list[FactRow]] = {}
_NO_ROWS: list[FactRow] = []


def _series(symbol: str, snap: MarketSnapshot, concept: str) -> list[FactRow]:
    return snap.facts.get(symbol, _NO_FACTS).get(concept, _NO_ROWS)


def _pick_index(rows: list[FactRow], pin: dt.date | None) -> int | None:
    """The index of the latest row, or of the one ending on (about) `pin`."""
    if not rows:
        return None
    if pin is None:
        return len(rows) - 1
    near = [(abs((r.period_end - pin).days), i) for i, r in enumerate(rows)]
    distance, index = min(near)
    return index if distance <= PIN_TOLERANCE_DAYS else None


def _pick(rows: list[FactRow], pin: dt.date | None) -> FactRow | None:
    index = _pick_index(rows, pin)
    return None if index is None else rows[index]


def _period(row: FactRow) -> str:
    filed = f", filed {row.filed.isoformat()}" if row.filed else ""
    return f"quarter ended {row.period_end.isoformat()}{filed}"


def _missing_period(symbol: str, what: str, pin: dt.date | None) -> Observation:
    if pin is None:
        return Observation(None, f"no {what} reported for {symbol} yet")
    return Observation(None, f"{symbol} has not reported {what} for the period ending {pin}")


def _single(concept: str, what: str):
    def metric(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
        rows = _series(symbol, snap, concept)
        if not snap.facts.get(symbol):
            return _no_facts(symbol, snap)
        row = _pick(rows, pin)
        if row is None:
            return _missing_period(symbol, what, pin)
        note = (
            _period(row)
            if concept != "revenue_fy"
            else (f"fiscal year ended {row.period_end.isoformat()}")
        )
        return Observation(row.value, note=note)

    return metric


def _last_four(rows: list[FactRow], pin: dt.date | None) -> list[FactRow] | None:
    """Four consecutive quarters ending at the pinned or latest one."""
    index = _pick_index(rows, pin)
    if index is None:
        return None
    four = rows[max(0, index - 3) : index + 1]
    if len(four) < 4 or (four[-1].period_end - four[0].period_end).days > 300:
        return None
    return four


def _ttm(concept: str, what: str):
    def metric(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
        if not snap.facts.get(symbol):
            return _no_facts(symbol, snap)
        four = _last_four(_series(symbol, snap, concept), pin)
        if four is None:
            return Observation(None, f"fewer than four consecutive quarters of {what} for {symbol}")
        return Observation(
            sum(r.value for r in four), note=f"four quarters to {four[-1].period_end.isoformat()}"
        )

    return metric


def _ratio(numerator: str, what: str):
    def metric(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
        if not snap.facts.get(symbol):
            return _no_facts(symbol, snap)
        revenue = _pick(_series(symbol, snap, "revenue_q"), pin)
        if revenue is None:
            return _missing_period(symbol, "revenue", pin)
        end = revenue.period_end
        part = next((r for r in reversed(_series(symbol, snap, numerator)) if r.period_end == end),
                    None)  # fmt: skip
        if part is None or revenue.value == 0:
            return Observation(None, f"no {what} for the {_period(revenue)} of {symbol}")
        return Observation(part.value / revenue.value, note=_period(revenue))

    return metric


def _growth(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
    if not snap.facts.get(symbol):
        return _no_facts(symbol, snap)
    rows = _series(symbol, snap, "revenue_q")
    latest = _pick(rows, pin)
    if latest is None:
        return _missing_period(symbol, "revenue", pin)
    year_ago = latest.period_end - dt.timedelta(days=365)
    index = rows.index(latest) if pin is not None else len(rows) - 1
    earlier = _pick(rows[:index], year_ago)
    if earlier is None or earlier.value <= 0:
        return Observation(None, f"no revenue a year before the {_period(latest)} of {symbol}")
    return Observation(latest.value / earlier.value - 1, note=_period(latest))


def _market_cap(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    quote, problem = _quote(symbol, snap)
    if problem:
        return problem
    assert quote is not None and quote.price is not None
    if not snap.facts.get(symbol):
        return _no_facts(symbol, snap)
    shares = _pick(_series(symbol, snap, "shares_outstanding"), None)
    if shares is None:
        return Observation(None, f"no shares outstanding reported for {symbol}")
    note = _stale_note(quote, snap.now)
    return Observation(quote.price * shares.value, note=note, stale=bool(note))


def _pe(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    quote, problem = _quote(symbol, snap)
    if problem:
        return problem
    assert quote is not None and quote.price is not None
    eps = _ttm("eps_diluted_q", "diluted EPS")(symbol, snap, None)
    if eps.value is None:
        return eps
    if eps.value <= 0:
        return Observation(None, f"P/E is undefined: EPS TTM of {symbol} is {eps.value:.2f}")
    note = _stale_note(quote, snap.now)
    return Observation(quote.price / eps.value, note=note, stale=bool(note))


# -- lots --------------------------------------------------------------------------------------


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
        values[symbol] = quote.price * sum(shares for shares, _ in lots)
    return values, unpriced


def _weight(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    if not snap.lots.get(symbol):
        return Observation(0.0, note=f"no lots of {symbol}")
    values, unpriced = snap.portfolio()
    if unpriced:
        return Observation(None, f"no quote yet for {', '.join(sorted(unpriced))}")
    total = sum(values.values())
    return Observation(values[symbol] / total, note=f"of a {total:,.0f} portfolio")


def _gain(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    lots = snap.lots.get(symbol)
    if not lots:
        return Observation(None, f"no lots of {symbol}: gain_pct needs a position")
    quote, problem = _quote(symbol, snap)
    if problem:
        return problem
    assert quote is not None and quote.price is not None
    basis = sum(shares * cost for shares, cost in lots)
    if basis <= 0:
        return Observation(None, f"the lots of {symbol} cost nothing: no gain to measure")
    value = quote.price * sum(shares for shares, _ in lots)
    note = _stale_note(quote, snap.now)
    return Observation(value / basis - 1, note=note, stale=bool(note))


_METRICS: dict[str, Callable[[str, MarketSnapshot, dt.date | None], Observation]] = {
    "price": _with_quote(lambda q: q.price, "no price for {symbol}"),
    "change_pct": _with_quote(lambda q: q.change_pct, "no previous close for {symbol} yet"),
    "drawdown": _drawdown,
    "market_cap": _market_cap,
    "revenue_q": _single("revenue_q", "quarterly revenue"),
    "revenue_ttm": _ttm("revenue_q", "revenue"),
    "revenue_fy": _single("revenue_fy", "fiscal-year revenue"),
    "revenue_growth_yoy": _growth,
    "gross_margin": _ratio("gross_profit_q", "gross profit"),
    "operating_margin": _ratio("operating_income_q", "operating income"),
    "eps_ttm": _ttm("eps_diluted_q", "diluted EPS"),
    "pe_ttm": _pe,
    "weight": _weight,
    "gain_pct": _gain,
}
