"""SEC EDGAR: single-quarter facts derived from companyfacts.

Pure functions, no I/O: the fetching code hands over the decoded response bodies.

Companyfacts lists every value a company ever tagged, per concept and unit, each with its period
(`start`/`end`), the filing it came from (`form`, `filed`, `accn`) and that filing's `fy`/`fp`. A
10-Q carries the quarter *and* year-to-date values (and last year's comparatives), a 10-K the
fiscal year, so periods are told apart by their length, never by `fy`/`fp`:

- a single quarter lasts 80–100 days, a nine-month YTD 255–290 days, a fiscal year 350–380 days;
- Q4 is rarely tagged: it is derived as FY − 9M YTD (the YTD starting on the FY's first day), or
  as FY − (Q1 + Q2 + Q3) when no 9M YTD exists;
- each (start, end) keeps the value filed last, so a restatement replaces the original: of
  revenue, whatever concept either is tagged under (Tesla's 2018 quarters, first filed under
  RevenueFromContractWithCustomerExcludingAssessedTax and restated under Revenues by the 10-Q of
  2019-10-29 and the 10-K of 2020-02-13), a tie going to the concept first in REVENUE_CONCEPTS;
- a quarter tagged under two periods a few days apart (an end date a day off) is one quarter:
  a concept's quarters never overlap, so four in a row are a year;
- per-share values are put on the latest filing's share basis, and Q4 EPS comes from Q4 net
  income, never FY − 9M per share across a split (sec_splits).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from ..models import Fact
from .quarters import derived_q4, one_per_period, quarters
from .series import FISCAL_YEAR_DAYS, Observation, Series, newest, within
from .splits import most_precise, on_latest_basis, per_share_q4
from .tickers import SecFormatError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["CONCEPT_ORDER", "derive_facts", "derived"]

REVENUE_CONCEPTS = (
    "RevenueFromContractWithCustomerExcludingAssessedTax",
    "Revenues",
    "SalesRevenueNet",
)
COST_CONCEPTS = ("CostOfRevenue", "CostOfGoodsAndServicesSold")

CONCEPT_ORDER = (
    "revenue_q",
    "revenue_fy",
    "gross_profit_q",
    "operating_income_q",
    "eps_diluted_q",
    "net_income_q",
    "shares_outstanding",
)

_USD = "USD"
_EPS_UNIT = "USD/shares"
_SHARES = "shares"


def derive_facts(companyfacts: dict[str, Any]) -> list[Fact]:
    """Canonical facts from a companyfacts body (already JSON-decoded).

    Returns revenue_q, revenue_fy, gross_profit_q, operating_income_q, eps_diluted_q,
    net_income_q (what an earnings release is confirmed against) and shares_outstanding facts,
    sorted by concept (CONCEPT_ORDER) then period. Malformed entries are skipped; raises
    SecFormatError only when there is no "facts" object at all.
    """
    if not isinstance(companyfacts, dict):
        raise SecFormatError(f"companyfacts is a {type(companyfacts).__name__}, not an object")
    facts = companyfacts.get("facts")
    if not isinstance(facts, dict):
        raise SecFormatError('companyfacts has no "facts" object')
    return derived(partial(_read, facts))


#: A concept's well-formed values in a unit: (namespace, concept, unit, instant=) -> values.
Reader = Callable[..., list[Observation]]


def derived(read: Reader) -> list[Fact]:
    """The canonical facts (derive_facts) from the values `read` gives of each concept."""

    def durations(concept: str, unit: str) -> Series:
        return _dedupe(read("us-gaap", concept, unit, instant=False))

    revenue_by_concept = [durations(c, _USD) for c in REVENUE_CONCEPTS]
    revenue = newest(revenue_by_concept)

    gross_profit_by_source = [durations("GrossProfit", _USD)]
    for cost_concept in COST_CONCEPTS:
        cost = durations(cost_concept, _USD)
        gross_profit_by_source.append(_difference(revenue, cost))

    operating_income = [durations("OperatingIncomeLoss", _USD)]
    eps_filed = read("us-gaap", "EarningsPerShareDiluted", _EPS_UNIT, instant=False)
    restated = on_latest_basis(eps_filed)
    eps = _dedupe(restated)
    precise = most_precise(restated, eps)
    net_income = durations("NetIncomeLoss", _USD)

    def eps_q4(fy: Observation, parts: list[tuple[str, Observation]]) -> Observation | None:
        difference = derived_q4(fy, parts, approximate=True)
        return per_share_q4(fy, parts, net_income, precise, difference)

    out: list[Fact] = []
    out += _to_facts("revenue_q", _USD, quarters(revenue_by_concept, merged_by=newest))
    years = [o for o in revenue.values() if within(o.days, FISCAL_YEAR_DAYS)]
    out += _to_facts("revenue_fy", _USD, one_per_period(years, {}))
    out += _to_facts("gross_profit_q", _USD, quarters(gross_profit_by_source))
    out += _to_facts("operating_income_q", _USD, quarters(operating_income))
    out += _to_facts("eps_diluted_q", _EPS_UNIT, quarters([eps], eps_q4))
    out += _to_facts("net_income_q", _USD, quarters([net_income]))
    shares = _dedupe(read("dei", "EntityCommonStockSharesOutstanding", _SHARES, instant=True))
    out += _to_facts("shares_outstanding", _SHARES, shares.values())
    rank = {name: i for i, name in enumerate(CONCEPT_ORDER)}
    out.sort(key=lambda f: (rank[f.concept], f.period_end, f.period_start or f.period_end))
    return out


def _read(
    facts: dict[str, Any], namespace: str, concept: str, unit: str, *, instant: bool
) -> list[Observation]:
    """Well-formed entries of one concept in one unit; anything malformed is skipped."""
    ns = facts.get(namespace)
    node = ns.get(concept) if isinstance(ns, dict) else None
    units = node.get("units") if isinstance(node, dict) else None
    entries = units.get(unit) if isinstance(units, dict) else None
    if not isinstance(entries, list):
        return []
    source = f"{namespace}:{concept}"
    observations = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        end = _parse_date(entry.get("end"))
        filed = _parse_date(entry.get("filed"))
        value = _parse_number(entry.get("val"))
        if end is None or filed is None or value is None:
            continue
        start: date | None = None
        if not instant:
            start = _parse_date(entry.get("start"))
            if start is None or start > end:
                continue
        form = entry.get("form")
        accn = entry.get("accn")
        observations.append(
            Observation(
                start=start,
                end=end,
                value=value,
                form=form if isinstance(form, str) else "",
                filed=filed,
                accn=accn if isinstance(accn, str) else "",
                source=source,
            )
        )
    return observations


def _parse_date(raw: object) -> date | None:
    if not isinstance(raw, str):
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def _parse_number(raw: object) -> float | None:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    try:
        value = float(raw)
    except OverflowError:  # an int beyond float range
        return None
    return value if math.isfinite(value) else None


def _dedupe(observations: list[Observation]) -> Series:
    """One value per (start, end): the latest `filed`; ties go to the later accn, then the last."""
    best: Series = {}
    for obs in observations:  # in list order, so `>=` lets the later entry win a full tie
        key = (obs.start, obs.end)
        kept = best.get(key)
        if kept is None or (obs.filed, obs.accn) >= (kept.filed, kept.accn):
            best[key] = obs
    return best


def _difference(minuend: Series, subtrahend: Series) -> Series:
    """minuend − subtrahend for the periods both have (e.g. revenue − cost of revenue)."""
    out: Series = {}
    for period, a in minuend.items():
        b = subtrahend.get(period)
        if b is None:
            continue
        later = a if a.filed >= b.filed else b
        value = a.value - b.value
        if not math.isfinite(value):
            continue
        source = f"{a.source} - {b.source}"
        out[period] = replace(a, value=value, filed=later.filed, accn=later.accn, source=source)
    return out


def _to_facts(concept: str, unit: str, observations: Iterable[Observation]) -> list[Fact]:
    return [
        Fact(
            concept=concept,
            period_start=o.start,
            period_end=o.end,
            value=o.value,
            unit=unit,
            form=o.form,
            filed=o.filed,
            source_concept=o.source,
            split_factor=o.factor,
        )
        for o in observations
    ]
