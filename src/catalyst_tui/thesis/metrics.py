"""Metric values from stored data: `observe`, each metric's function as thesis/catalogue.py names
it, and the metrics of quotes and lots (thesis/reported/fundamentals.py has those of reported
fundamentals, thesis/reported/releases.py those of earnings releases). Each value says
what it is of, or a Missing code says why there is none (thesis/observation.py). Pure: the
store loads a MarketSnapshot, these functions only read it; thesis/wording.py puts
observations into words."""

from __future__ import annotations

import functools
import logging
import math
import sys
from typing import TYPE_CHECKING

from .catalogue import METRICS, Metric
from .kpis import metrics as kpi_metrics
from .lines import metrics as lines
from .observation import Missing, MissingCode, Observation, Period, PeriodKind
from .portfolio.positions import split_factor
from .portfolio.returns import basis_text
from .reported import fundamentals, releases, street
from .reported.fundamentals import MetricFunction, no_facts
from .snapshot import MarketSnapshot, price_of

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from ..market.models import LastQuote
    from .lines.metrics import LineFunction

# The records an observation is made of stay importable from here, where they were declared
# before observation.py and snapshot.py took them.
__all__ = ["MarketSnapshot", "Observation", "Period", "PeriodKind", "observe"]

log = logging.getLogger(__name__)


def observe(
    metric: str,
    symbol: str,
    snap: MarketSnapshot,
    period_end: dt.date | None = None,
    line: str = "",
) -> Observation:
    """The metric's value for the symbol (of the product line `line`, for a line metric),
    computed once per snapshot (checkpoints of one ticker often share a metric)."""
    return snap.observation(metric, symbol, period_end, _guarded, line)


def _guarded(
    metric: str, symbol: str, snap: MarketSnapshot, pin: dt.date | None, line: str = ""
) -> Observation:
    """One metric's value; whatever its data makes it raise, or an infinite value, is that
    metric's "no value" with a code, never the end of the evaluation of every checkpoint."""
    try:
        # A line metric is given the line its condition names, the others the pin.
        function = FUNCTIONS.get(metric) or _function_of(METRICS[metric])
        found = function(symbol, snap, line if METRICS[metric].parameter else pin)
        if snap.release_first and symbol in snap.release_first:
            found = _with_released(metric, symbol, snap, pin, found)
    except Exception as exc:  # a stored value no metric foresaw (a price of 1e-320)
        log.warning("metric %s of %s failed", metric, symbol, exc_info=True)
        text = f"{type(exc).__name__}: {exc}"
        return Observation(None, Missing(MissingCode.METRIC_FAILED, symbol, metric, text=text))
    if found.value is not None and not math.isfinite(found.value):
        return Observation(None, Missing(MissingCode.NOT_FINITE, symbol, metric))
    return found


def _with_released(
    metric: str, symbol: str, snap: MarketSnapshot, pin: dt.date | None, found: Observation
) -> Observation:
    """`found` with what the releases alone gave for it, where XBRL (which wins) differs."""
    if found.value is None or not METRICS[metric].from_releases:
        return found
    said = observe(metric, symbol, snap.release_view(), pin).value
    if said is None or abs(said - found.value) <= 1e-12 * max(1.0, abs(found.value)):
        return found
    return found._replace(released=said)


# -- quotes ------------------------------------------------------------------------------------


def _no_quote(symbol: str, last: LastQuote | None) -> Observation:
    """No quote: and why, when the last refresh tried and failed (not "run a refresh")."""
    if last is not None and last.error:
        return Observation(None, Missing(MissingCode.QUOTE_FAILED, symbol, text=last.error))
    return Observation(None, Missing(MissingCode.NO_QUOTE, symbol))


def _quoted(value: float, last: LastQuote, snap: MarketSnapshot) -> Observation:
    """A value computed from a quote; from a stale one, with the quote's age."""
    if last.stale and last.fetched_at is not None:
        age = (snap.now - last.fetched_at).total_seconds()
        return Observation(value, stale_seconds=age)
    return Observation(value)


def price(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol, last)
    return _quoted(last.quote.price, last, snap)


def change_pct(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol, last)
    if last.quote.change_pct is None:
        return Observation(None, Missing(MissingCode.NO_PREVIOUS_CLOSE, symbol))
    return _quoted(last.quote.change_pct, last, snap)


def drawdown(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol, last)
    quote = last.quote
    quoted, stored = quote.fifty_two_week_high, snap.year_high(symbol)
    if quoted and stored:
        top = max(quoted, stored)
    elif quoted or stored:
        top = quoted or stored or 0.0
    else:
        return Observation(None, Missing(MissingCode.NO_YEAR_HIGH, symbol))
    high = max(top, quote.price)
    return _quoted((high - quote.price) / high, last, snap)


def market_cap(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol, last)
    facts = snap.facts.get(symbol)
    if not facts:
        return no_facts(symbol, snap)
    shares = facts.get("shares_outstanding")
    if not shares:
        return Observation(None, Missing(MissingCode.NO_SHARES_OUTSTANDING, symbol))
    count = shares[-1].value
    splits = snap.splits.get(symbol)
    if splits:  # a split since the count was reported multiplied the shares
        count *= split_factor(splits, shares[-1].period_end)
    return _quoted(last.quote.price * count, last, snap)


def pe_ttm(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol, last)
    eps = observe("eps_ttm", symbol, snap)
    if eps.value is None:
        return eps
    if eps.value <= 0:
        return Observation(None, Missing(MissingCode.PE_UNDEFINED, symbol, value=eps.value))
    return _quoted(last.quote.price / eps.value, last, snap)


# -- lots --------------------------------------------------------------------------------------


def weight(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    if not snap.lots.get(symbol):  # nothing held: no weight, never a guard held on nothing
        return Observation(None, Missing(MissingCode.NO_POSITION, symbol))
    values, unpriced, total = snap.portfolio()
    no_quote = tuple(sorted(s for s in unpriced if price_of(snap.quotes.get(s)) is None))
    if no_quote:
        return Observation(None, Missing(MissingCode.UNQUOTED_HOLDINGS, symbol, symbols=no_quote))
    if unpriced:
        missing = Missing(
            MissingCode.NO_FX_RATE, symbol, symbols=tuple(sorted(unpriced)), currency=snap.base
        )
        return Observation(None, missing)
    if symbol not in values:
        return Observation(0.0, note=f"{symbol} is sold")
    if not total > 0:  # every holding priced at 0 (a price of 1e-320 times shares underflows)
        held = tuple(sorted(values))
        return Observation(None, Missing(MissingCode.WORTHLESS_HOLDINGS, symbol, symbols=held))
    share = values[symbol] / total
    return Observation(share, portfolio=total, currency=snap.base)


def gain_pct(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    lots = snap.lots.get(symbol)
    if not lots:
        return Observation(None, Missing(MissingCode.NO_LOTS, symbol))
    last = snap.quotes.get(symbol)
    if last is None or last.quote is None:
        return _no_quote(symbol, last)
    position = snap.position(symbol)
    shares, basis = position.shares, position.basis
    if shares <= 0:
        return Observation(None, Missing(MissingCode.SOLD, symbol))
    if basis <= 0:
        return Observation(None, Missing(MissingCode.COSTLESS_LOTS, symbol))
    return _quoted(last.quote.price * shares / basis - 1, last, snap)


def excess_return(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    found = snap.returns_of(symbol) if snap.lots.get(symbol) and snap.returns_of else None
    if found is None:
        return Observation(None, Missing(MissingCode.NO_RETURN, symbol, text="no_flows"))
    benchmark, life = found
    if life.excess.value is None:
        reason = str(life.excess.reason or "")
        return Observation(None, Missing(MissingCode.NO_RETURN, symbol, text=reason))
    own, other = life.rate.value or 0.0, life.benchmark.value or 0.0
    per = basis_text(life.rate.basis)
    note = f"{own * 100:+.1f}% {per} against {benchmark} {other * 100:+.1f}%"
    return Observation(life.excess.value, note=note)


def _function(name: str) -> MetricFunction | LineFunction:
    """The function a row of thesis/catalogue.py names: "fundamentals.revenue_q"."""
    module, _, attribute = name.partition(".")
    found: MetricFunction | LineFunction = getattr(_MODULES[module], attribute)
    return found


_MODULES = {
    "metrics": sys.modules[__name__],
    "fundamentals": fundamentals,
    "releases": releases,
    "street": street,
    "lines": lines,
    "kpi_metrics": kpi_metrics,
}


def _function_of(metric: Metric) -> Callable[..., Observation]:
    """A row's function; an `xbrl=` metric's is given its name (lines.xbrl_figure reads the
    concepts of its row)."""
    found = _function(metric.function)
    return functools.partial(found, metric.name) if metric.xbrl else found


#: Each metric's function, looked up once: a row naming none fails the import of this module.
#: A line metric's (thesis/lines/metrics.py) takes the line where the others take the pin.
FUNCTIONS: dict[str, Callable[..., Observation]] = {
    m.name: _function_of(m) for m in METRICS.values()
}
