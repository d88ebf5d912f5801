"""SEC EDGAR: ticker→CIK map and single-quarter facts derived from companyfacts.

Pure functions, no I/O: the fetching code hands over the decoded response bodies.

Companyfacts lists every value a company ever tagged, per concept and unit, each with its period
(`start`/`end`), the filing it came from (`form`, `filed`, `accn`) and that filing's `fy`/`fp`. A
10-Q carries the quarter *and* year-to-date values (and last year's comparatives), a 10-K the
fiscal year, so periods are told apart by their length, never by `fy`/`fp`:

- a single quarter lasts 80–100 days, a nine-month YTD 255–290 days, a fiscal year 350–380 days;
- Q4 is rarely tagged: it is derived as FY − 9M YTD (the YTD starting on the FY's first day), or
  as FY − (Q1 + Q2 + Q3) when no 9M YTD exists;
- each (start, end) keeps the value filed last, so a restatement replaces the original;
- a quarter tagged under two periods a few days apart (an end date a day off) is one quarter:
  a concept's quarters never overlap, so four in a row are a year;
- per-share values are put on the latest filing's share basis, and Q4 EPS comes from Q4 net
  income, never FY − 9M per share across a split (sec_splits).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial
from typing import Any

from ..models import Fact
from .splits import most_precise, on_latest_basis, per_share_q4

__all__ = [
    "CONCEPT_ORDER",
    "SecFormatError",
    "cik_for",
    "derive_facts",
    "parse_cik_map",
]

# Period lengths, in days of `end - start`.
QUARTER_DAYS = (80, 100)
NINE_MONTH_DAYS = (255, 290)
FISCAL_YEAR_DAYS = (350, 380)
SAME_PERIOD_DAYS = 7  # two quarters (or years) overlapping by more are one, tagged twice

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
    "shares_outstanding",
)

_USD = "USD"
_EPS_UNIT = "USD/shares"
_SHARES = "shares"
# Derived values are differences of floats; rounding keeps 6.11 - 4.50 from showing as 1.6100000003.
_DERIVED_DECIMALS = 6


class SecFormatError(ValueError):
    """A SEC EDGAR response body that is not the documented shape."""


# --- ticker → CIK -------------------------------------------------------------------------------


def parse_cik_map(body: bytes | str) -> dict[str, str]:
    """Parse company_tickers.json into {"AAPL": "0000320193"}; tickers upper-cased.

    Malformed entries are skipped (the first entry wins for a repeated ticker). Raises
    SecFormatError when the body is not that shape at all: not JSON (an HTML error page, a
    truncated download), not an object, or an object without a single usable entry.
    """
    if isinstance(body, bytes | bytearray):
        try:
            text = bytes(body).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SecFormatError(f"company_tickers body is not UTF-8: {exc}") from None
    elif isinstance(body, str):
        text = body
    else:
        raise SecFormatError(
            f"company_tickers body must be bytes or str, not {type(body).__name__}"
        )
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise SecFormatError(f"company_tickers body is not JSON: {_preview(text)!r}") from None
    if not isinstance(data, dict):
        raise SecFormatError(f"company_tickers body is a JSON {type(data).__name__}, not an object")
    result: dict[str, str] = {}
    for entry in data.values():
        if not isinstance(entry, dict):
            continue
        ticker = entry.get("ticker")
        cik = _format_cik(entry.get("cik_str"))
        if not isinstance(ticker, str) or cik is None:
            continue
        ticker = ticker.strip().upper()
        if ticker and ticker not in result:
            result[ticker] = cik
    if not result:
        raise SecFormatError("company_tickers body has no {cik_str, ticker} entries")
    return result


def cik_for(symbol: str, cik_map: Mapping[str, str]) -> str | None:
    """The CIK for `symbol`; SEC spells class shares "BRK-B" where our symbols say "BRK.B"."""
    wanted = symbol.strip().upper()
    for candidate in (wanted, wanted.replace(".", "-"), wanted.replace("-", ".")):
        cik = cik_map.get(candidate)
        if cik is not None:
            return cik
    return None


def _format_cik(raw: object) -> str | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str) and raw.strip().isdecimal():
        raw = int(raw.strip())
    if isinstance(raw, int) and 0 < raw < 10**10:
        return f"{raw:010d}"
    return None


def _preview(text: str, limit: int = 60) -> str:
    return text[:limit].strip()


# --- companyfacts → facts -----------------------------------------------------------------------


Period = tuple[date | None, date]


@dataclass(frozen=True)
class _Obs:
    """One deduplicated value, before it becomes a Fact."""

    start: date | None
    end: date
    value: float
    form: str
    filed: date
    accn: str
    source: str
    factor: float = 1.0  # Fact.split_factor

    @property
    def days(self) -> int:
        return (self.end - self.start).days if self.start is not None else 0


Series = dict[Period, _Obs]


def derive_facts(companyfacts: dict[str, Any]) -> list[Fact]:
    """Canonical facts from a companyfacts body (already JSON-decoded).

    Returns revenue_q, revenue_fy, gross_profit_q, operating_income_q, eps_diluted_q and
    shares_outstanding facts, sorted by concept (CONCEPT_ORDER) then period. Malformed entries
    are skipped; raises SecFormatError only when there is no "facts" object at all.
    """
    if not isinstance(companyfacts, dict):
        raise SecFormatError(f"companyfacts is a {type(companyfacts).__name__}, not an object")
    facts = companyfacts.get("facts")
    if not isinstance(facts, dict):
        raise SecFormatError('companyfacts has no "facts" object')

    def durations(concept: str, unit: str) -> Series:
        return _dedupe(_read(facts, "us-gaap", concept, unit, instant=False))

    revenue_by_concept = [durations(c, _USD) for c in REVENUE_CONCEPTS]
    revenue = _merge(revenue_by_concept)

    gross_profit_by_source = [durations("GrossProfit", _USD)]
    for cost_concept in COST_CONCEPTS:
        cost = durations(cost_concept, _USD)
        gross_profit_by_source.append(_difference(revenue, cost))

    operating_income = [durations("OperatingIncomeLoss", _USD)]
    eps_filed = _read(facts, "us-gaap", "EarningsPerShareDiluted", _EPS_UNIT, instant=False)
    restated = on_latest_basis(eps_filed)
    eps = _dedupe(restated)
    precise = most_precise(restated, eps)
    net_income = durations("NetIncomeLoss", _USD)

    def eps_q4(fy: _Obs, parts: list[tuple[str, _Obs]]) -> _Obs | None:
        difference = _derived_q4(fy, parts, approximate=True)
        return per_share_q4(fy, parts, net_income, precise, difference)

    out: list[Fact] = []
    out += _to_facts("revenue_q", _USD, _quarters(revenue_by_concept))
    years = [o for o in revenue.values() if _within(o.days, FISCAL_YEAR_DAYS)]
    out += _to_facts("revenue_fy", _USD, _one_per_period(years, {}))
    out += _to_facts("gross_profit_q", _USD, _quarters(gross_profit_by_source))
    out += _to_facts("operating_income_q", _USD, _quarters(operating_income))
    out += _to_facts("eps_diluted_q", _EPS_UNIT, _quarters([eps], eps_q4))
    shares = _dedupe(
        _read(facts, "dei", "EntityCommonStockSharesOutstanding", _SHARES, instant=True)
    )
    out += _to_facts("shares_outstanding", _SHARES, shares.values())
    rank = {name: i for i, name in enumerate(CONCEPT_ORDER)}
    out.sort(key=lambda f: (rank[f.concept], f.period_end, f.period_start or f.period_end))
    return out


def _read(
    facts: dict[str, Any], namespace: str, concept: str, unit: str, *, instant: bool
) -> list[_Obs]:
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
            _Obs(
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


def _dedupe(observations: list[_Obs]) -> Series:
    """One value per (start, end): the latest `filed`; ties go to the later accn, then the last."""
    best: Series = {}
    for obs in observations:  # in list order, so `>=` lets the later entry win a full tie
        key = (obs.start, obs.end)
        kept = best.get(key)
        if kept is None or (obs.filed, obs.accn) >= (kept.filed, kept.accn):
            best[key] = obs
    return best


def _merge(series_in_preference_order: Iterable[Series]) -> Series:
    """Per period, the value of the first series that has that period."""
    merged: Series = {}
    for series in series_in_preference_order:
        for period, obs in series.items():
            merged.setdefault(period, obs)
    return merged


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
        out[period] = _Obs(
            start=a.start,
            end=a.end,
            value=value,
            form=a.form,
            filed=later.filed,
            accn=later.accn,
            source=f"{a.source} - {b.source}",
        )
    return out


Q4Rule = Callable[[_Obs, list[tuple[str, _Obs]]], _Obs | None]


def _quarters(series_by_source: list[Series], q4: Q4Rule | None = None) -> list[_Obs]:
    """Reported single quarters plus the Q4s derivable from fiscal years, one per quarter.

    `series_by_source` is in order of preference and merged per period. A derived Q4 takes the
    9M YTD / quarters from the FY's own source when that source has them, so a value is not mixed
    from two concepts when it need not be. `q4` computes it from the FY and those parts (by
    default FY minus them).
    """
    merged = _merge(series_by_source)
    quarters = {p: o for p, o in merged.items() if _within(o.days, QUARTER_DAYS)}
    quarter_ends = {end for _, end in quarters}
    by_source: dict[str, Series] = {}
    for series in series_by_source:
        for period, obs in series.items():
            by_source.setdefault(obs.source, {})[period] = obs

    derived: list[_Obs] = []
    for fy in sorted(merged.values(), key=lambda o: (o.end, o.start)):
        if not _within(fy.days, FISCAL_YEAR_DAYS) or fy.end in quarter_ends:
            continue  # not a fiscal year, or its last quarter is known already

        def lookup(period: Period, fy: _Obs = fy) -> _Obs:
            return by_source.get(fy.source, {}).get(period) or merged[period]

        parts = _nine_months_before_q4(fy, merged, lookup) or _three_quarters_before_q4(
            fy, quarters, lookup
        )
        if parts:
            found = q4(fy, parts) if q4 else _derived_q4(fy, parts, approximate=False)
            if found is not None:
                derived.append(found)
                quarter_ends.add(found.end)  # one Q4 per year end, even if two FYs end that day
    rank: dict[str, int] = {}
    for i, series in enumerate(series_by_source):
        for obs in series.values():
            rank.setdefault(obs.source, i)
    return _one_per_period(list(quarters.values()) + derived, rank)


def _one_per_period(periods: list[_Obs], rank: Mapping[str, int]) -> list[_Obs]:
    """Of periods overlapping by more than a few days (one quarter tagged with two end dates),
    the value reported rather than derived, from the preferred source, filed last; dated as the
    twin that follows the period before and precedes the one after, so all concepts agree."""

    def preference(o: _Obs) -> tuple[int, int, int]:
        return (rank.get(o.source, len(rank)), -o.filed.toordinal(), -o.end.toordinal())

    twins: list[list[_Obs]] = []
    for obs in sorted(periods, key=lambda o: (o.end, o.start or o.end)):
        if twins and (twins[-1][0].end - (obs.start or obs.end)).days >= SAME_PERIOD_DAYS:
            twins[-1].append(obs)
        else:
            twins.append([obs])
    kept = [min(group, key=preference) for group in twins]
    day = timedelta(days=1)
    for i, group in enumerate(twins):
        if len(group) > 1:
            follows = kept[i - 1].end + day if i else None
            after = kept[i + 1].start if i + 1 < len(kept) else None
            precedes = after - day if after is not None else None
            fit = partial(_meets, follows=follows, precedes=precedes)
            dated = max([kept[i], *group], key=fit)  # the preferred one on a tie
            kept[i] = replace(kept[i], start=dated.start, end=dated.end)
    return kept


def _meets(obs: _Obs, follows: date | None, precedes: date | None) -> int:
    """How many neighbours a period meets: starting on `follows`, ending on `precedes`."""
    return (obs.start == follows) + (obs.end == precedes)


def _nine_months_before_q4(
    fy: _Obs, merged: Series, lookup: Callable[[Period], _Obs]
) -> list[tuple[str, _Obs]]:
    """[("9M YTD", ytd)] for the 9M YTD that starts with the FY and leaves a quarter of it."""
    candidates = [
        p
        for p, o in merged.items()
        if p[0] == fy.start and o.end < fy.end and _within(o.days, NINE_MONTH_DAYS)
    ]
    for period in sorted(candidates, key=lambda p: p[1], reverse=True):
        q4_start = period[1] + timedelta(days=1)
        if _within((fy.end - q4_start).days, QUARTER_DAYS):
            return [("9M YTD", lookup(period))]
    return []


def _three_quarters_before_q4(
    fy: _Obs, quarters: Series, lookup: Callable[[Period], _Obs]
) -> list[tuple[str, _Obs]]:
    """[("Q1", q1), ("Q2", q2), ("Q3", q3)], back to back from the FY's start, or []."""
    chain: list[tuple[str, _Obs]] = []
    start = fy.start
    for label in ("Q1", "Q2", "Q3"):
        following = [p for p in quarters if p[0] == start and p[1] < fy.end]
        if not following:
            return []
        quarter = lookup(min(following, key=lambda p: p[1]))
        chain.append((label, quarter))
        start = quarter.end + timedelta(days=1)
    if start is None or not _within((fy.end - start).days, QUARTER_DAYS):
        return []
    return chain


def _derived_q4(fy: _Obs, parts: list[tuple[str, _Obs]], *, approximate: bool) -> _Obs | None:
    """FY minus `parts`, for the quarter from the day after the last part to the FY's end."""
    value = fy.value
    for _, part in parts:
        value -= part.value
    if not math.isfinite(value):
        return None
    labels = " - ".join(label for label, _ in parts)
    if all(part.source == fy.source for _, part in parts):
        how = f"{fy.source} (FY - {labels}"
    else:
        how = f"{fy.source} (FY) - " + " - ".join(f"{p.source} ({label})" for label, p in parts)
        how += " (mixed concepts"
    how += ", approximate)" if approximate else ")"
    last = parts[-1][1]
    return _Obs(
        start=last.end + timedelta(days=1),
        end=fy.end,
        value=round(value, _DERIVED_DECIMALS),
        form=fy.form,
        filed=max([fy.filed, *(p.filed for _, p in parts)]),
        accn=fy.accn,
        source=how,
        factor=fy.factor,
    )


def _within(days: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= days <= bounds[1]


def _to_facts(concept: str, unit: str, observations: Iterable[_Obs]) -> list[Fact]:
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
