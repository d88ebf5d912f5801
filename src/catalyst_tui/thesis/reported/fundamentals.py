"""The metrics of reported fundamentals: a quarter's or fiscal year's revenue, four quarters'
sums, margins and growth of the revenue quarter, each with the period it is of or a Missing
code. thesis/catalogue.py names them in its rows."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..observation import Missing, MissingCode, Observation, Period, PeriodKind, ValueSource
from ..portfolio.positions import split_factor
from ..snapshot import MarketSnapshot, RevenueQuarter
from .results import RELEASE_FORM

if TYPE_CHECKING:
    from ...market.models import Fact, Split

#: A metric: its value for a symbol in a snapshot, pinned to a period end or not.
MetricFunction = Callable[[str, MarketSnapshot, dt.date | None], Observation]

PIN_TOLERANCE_DAYS = 7  # 52/53-week fiscal years end quarters near, not on, the month's end

_NO_FACTS: list[Fact] = []
_VALUE = operator.attrgetter("value")
_YEAR = dt.timedelta(days=365)


def source_of(fact: Fact) -> ValueSource:
    """Where a fact was read: a release's quarter stands in for the filing until it is in."""
    return ValueSource.RELEASE if fact.form == RELEASE_FORM else ValueSource.FILING


def no_facts(symbol: str, snap: MarketSnapshot) -> Observation:
    """No fundamentals stored for the symbol, and whether (and when) they can come: never for a
    listing SEC does not know, after the pause for one SEC refused, else with a refresh."""
    if not snap.sec_configured:
        return Observation(None, Missing(MissingCode.NO_SEC_USER_AGENT, symbol))
    if snap.at_sec is not None and snap.at_sec(symbol) is False:
        return Observation(None, Missing(MissingCode.NOT_AT_SEC, symbol))
    until = snap.sec_paused_until
    if until is not None and until > snap.now:
        return Observation(None, Missing(MissingCode.SEC_PAUSED, symbol, text=until.isoformat()))
    if snap.sec_failed_at is not None:
        failed = snap.sec_failed_at.isoformat()
        return Observation(None, Missing(MissingCode.SEC_FAILED, symbol, text=failed))
    return Observation(None, Missing(MissingCode.NO_FUNDAMENTALS_YET, symbol))


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


def _find_revenue(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> RevenueQuarter | None:
    """The revenue quarter (index, fact, period) that revenue_q, the margins and growth read:
    the snapshot keeps it per (symbol, pin)."""
    rows = snap.facts[symbol].get("revenue_q", _NO_FACTS)
    index = len(rows) - 1 if pin is None else _pick_index(rows, pin)
    if index is None or index < 0:
        return None
    row = rows[index]
    return (
        index,
        row,
        Period(PeriodKind.QUARTER, row.period_end, filed=row.filed, source=source_of(row)),
    )


def _revenue_quarter(
    symbol: str, snap: MarketSnapshot, pin: dt.date | None
) -> tuple[dict[str, list[Fact]], int, Fact, Period] | Observation:
    """The symbol's facts and the revenue quarter a ratio or a growth is of, or why there is
    none."""
    facts = snap.facts.get(symbol)
    if not facts:
        return no_facts(symbol, snap)
    found = snap.revenue_quarter(symbol, pin, _find_revenue)
    if found is None:
        return Observation(None, Missing(MissingCode.NO_REVENUE_QUARTER, symbol, pin=pin))
    return (facts, *found)


def revenue_q(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
    facts = snap.facts.get(symbol)
    if not facts:
        return no_facts(symbol, snap)
    revenue = snap.revenue_quarter(symbol, pin, _find_revenue)
    if revenue is None:
        missing = Missing(MissingCode.NOT_REPORTED, symbol, "revenue_q", pin)
        return Observation(None, missing)
    return Observation(revenue[1].value, period=revenue[2])


def revenue_fy(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
    facts = snap.facts.get(symbol)
    if not facts:
        return no_facts(symbol, snap)
    rows = facts.get("revenue_fy", _NO_FACTS)
    index = _pick_index(rows, pin)
    if index is None:
        missing = Missing(MissingCode.NOT_REPORTED, symbol, "revenue_fy", pin)
        return Observation(None, missing)
    row = rows[index]
    period = Period(PeriodKind.FISCAL_YEAR, row.period_end, source=source_of(row))
    return Observation(row.value, period=period)


def four_quarters(name: str, concept: str, *, per_share: bool = False) -> MetricFunction:
    """The metric `name`: the sum of `concept` over four consecutive quarters."""

    def metric(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
        facts = snap.facts.get(symbol)
        if not facts:
            return no_facts(symbol, snap)
        rows = facts.get(concept, _NO_FACTS)
        # four consecutive quarters ending at the latest or pinned one (-1: no rows)
        index = len(rows) - 1 if pin is None else _pick_index(rows, pin)
        if (
            index is None
            or index < 3
            or (rows[index].period_end - rows[index - 3].period_end).days > 300
        ):
            missing = Missing(MissingCode.FEWER_THAN_FOUR_QUARTERS, symbol, name)
            return Observation(None, missing)
        quarters = rows[index - 3 : index + 1]
        total = sum(map(_VALUE, quarters))
        released = any(q.form == RELEASE_FORM for q in quarters)
        source = ValueSource.RELEASE if released else ValueSource.FILING
        period = Period(PeriodKind.FOUR_QUARTERS, rows[index].period_end, source=source)
        adjusted = None
        if per_share:
            total, adjusted = _on_todays_basis(total, quarters, rows, snap.splits.get(symbol))
        return Observation(total, period=period, split_adjusted=adjusted)

    return metric


def of_revenue(name: str, numerator: str) -> MetricFunction:
    """The metric `name`: `numerator` over the revenue of the same quarter."""

    def metric(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
        found = _revenue_quarter(symbol, snap, pin)
        if isinstance(found, Observation):
            return found
        facts, _, revenue, period = found
        end = revenue.period_end
        parts = facts.get(numerator, _NO_FACTS)
        if parts and parts[-1].period_end == end:  # the usual case: the same latest quarter
            part: Fact | None = parts[-1]
        else:
            part = next((r for r in reversed(parts) if r.period_end == end), None)
        if part is None or revenue.value == 0:
            missing = Missing(MissingCode.NOT_IN_QUARTER, symbol, name, quarter=period)
            return Observation(None, missing)
        margin = part.value / revenue.value
        return Observation(margin, period=period)

    return metric


def revenue_growth_yoy(symbol: str, snap: MarketSnapshot, pin: dt.date | None) -> Observation:
    found = _revenue_quarter(symbol, snap, pin)
    if isinstance(found, Observation):
        return found
    facts, index, latest, period = found
    rows = facts["revenue_q"]
    earlier = _nearest(rows, index, latest.period_end - _YEAR)
    if earlier is None or rows[earlier].value <= 0:
        return Observation(None, Missing(MissingCode.NO_YEAR_EARLIER, symbol, quarter=period))
    change = latest.value / rows[earlier].value - 1
    return Observation(change, period=period)


revenue_ttm = four_quarters("revenue_ttm", "revenue_q")
eps_ttm = four_quarters("eps_ttm", "eps_diluted_q", per_share=True)
gross_margin = of_revenue("gross_margin", "gross_profit_q")
operating_margin = of_revenue("operating_margin", "operating_income_q")
net_margin = of_revenue("net_margin", "net_income_q")


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
