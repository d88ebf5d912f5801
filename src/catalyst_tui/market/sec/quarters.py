"""Single quarters from a concept's values: the quarters reported, and each Q4 derived from its
fiscal year (FY − 9M YTD, or FY − (Q1 + Q2 + Q3)); of a quarter tagged under two periods a few
days apart, one, dated to meet its neighbours."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from functools import partial

from ..models import SAME_PERIOD_DAYS
from .series import (
    FISCAL_YEAR_DAYS,
    NINE_MONTH_DAYS,
    QUARTER_DAYS,
    Observation,
    Period,
    Series,
    merge,
    within,
)

# Derived values are differences of floats; rounding keeps 6.11 - 4.50 from showing as 1.6100000003.
DERIVED_DECIMALS = 6

Q4Rule = Callable[[Observation, list[tuple[str, Observation]]], Observation | None]


def quarters(
    series_by_source: list[Series],
    q4: Q4Rule | None = None,
    *,
    merged_by: Callable[[list[Series]], Series] = merge,
) -> list[Observation]:
    """Reported single quarters plus the Q4s derivable from fiscal years, one per quarter.

    `series_by_source` is in order of preference and merged per period (`merged_by`: the first
    series's value, or `series.newest`, the one filed last). A derived Q4 takes the 9M YTD /
    quarters from the FY's own source when that source has them, so a value is not mixed from
    two concepts when it need not be. `q4` computes it from the FY and those parts (by default
    FY minus them).
    """
    merged = merged_by(series_by_source)
    days = {p: o.days for p, o in merged.items()}  # each period's length, worked out once
    quarters = {p: o for p, o in merged.items() if within(days[p], QUARTER_DAYS)}
    quarter_ends = {end for _, end in quarters}
    by_source: dict[str, Series] = {}
    for series in series_by_source:
        for period, obs in series.items():
            by_source.setdefault(obs.source, {})[period] = obs

    derived: list[Observation] = []
    years = [o for p, o in merged.items() if within(days[p], FISCAL_YEAR_DAYS)]
    for fy in sorted(years, key=lambda o: (o.end, o.start)):
        if fy.end in quarter_ends:
            continue  # its last quarter is known already

        def lookup(period: Period, fy: Observation = fy) -> Observation:
            return by_source.get(fy.source, {}).get(period) or merged[period]

        parts = _nine_months_before_q4(fy, merged, lookup) or _three_quarters_before_q4(
            fy, quarters, lookup
        )
        if parts:
            found = q4(fy, parts) if q4 else derived_q4(fy, parts, approximate=False)
            if found is not None:
                derived.append(found)
                quarter_ends.add(found.end)  # one Q4 per year end, even if two FYs end that day
    rank: dict[str, int] = {}
    if merged_by is merge:  # the preferred source wins a quarter tagged twice; else the newest
        for i, series in enumerate(series_by_source):
            for obs in series.values():
                rank.setdefault(obs.source, i)
    return one_per_period(list(quarters.values()) + derived, rank)


def one_per_period(periods: list[Observation], rank: Mapping[str, int]) -> list[Observation]:
    """Of periods overlapping by more than a few days (one quarter tagged with two end dates),
    the value reported rather than derived, from the preferred source, filed last; dated as the
    twin that follows the period before and precedes the one after, so all concepts agree."""

    def preference(o: Observation) -> tuple[int, int, int]:
        return (rank.get(o.source, len(rank)), -o.filed.toordinal(), -o.end.toordinal())

    twins: list[list[Observation]] = []
    for obs in sorted(periods, key=lambda o: (o.end, o.start or o.end)):
        if twins and (twins[-1][0].end - (obs.start or obs.end)).days >= SAME_PERIOD_DAYS:
            twins[-1].append(obs)
        else:
            twins.append([obs])
    kept = [group[0] if len(group) == 1 else min(group, key=preference) for group in twins]
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


def _meets(obs: Observation, follows: date | None, precedes: date | None) -> int:
    """How many neighbours a period meets: starting on `follows`, ending on `precedes`."""
    return (obs.start == follows) + (obs.end == precedes)


def _nine_months_before_q4(
    fy: Observation, merged: Series, lookup: Callable[[Period], Observation]
) -> list[tuple[str, Observation]]:
    """[("9M YTD", ytd)] for the 9M YTD that starts with the FY and leaves a quarter of it."""
    candidates = [
        p
        for p, o in merged.items()
        if p[0] == fy.start and o.end < fy.end and within(o.days, NINE_MONTH_DAYS)
    ]
    for period in sorted(candidates, key=lambda p: p[1], reverse=True):
        q4_start = period[1] + timedelta(days=1)
        if within((fy.end - q4_start).days, QUARTER_DAYS):
            return [("9M YTD", lookup(period))]
    return []


def _three_quarters_before_q4(
    fy: Observation, quarters: Series, lookup: Callable[[Period], Observation]
) -> list[tuple[str, Observation]]:
    """[("Q1", q1), ("Q2", q2), ("Q3", q3)], back to back from the FY's start, or []."""
    chain: list[tuple[str, Observation]] = []
    start = fy.start
    for label in ("Q1", "Q2", "Q3"):
        following = [p for p in quarters if p[0] == start and p[1] < fy.end]
        if not following:
            return []
        quarter = lookup(min(following, key=lambda p: p[1]))
        chain.append((label, quarter))
        start = quarter.end + timedelta(days=1)
    if start is None or not within((fy.end - start).days, QUARTER_DAYS):
        return []
    return chain


def derived_q4(
    fy: Observation, parts: list[tuple[str, Observation]], *, approximate: bool
) -> Observation | None:
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
    return Observation(
        start=last.end + timedelta(days=1),
        end=fy.end,
        value=round(value, DERIVED_DECIMALS),
        form=fy.form,
        filed=max([fy.filed, *(p.filed for _, p in parts)]),
        accn=fy.accn,
        source=how,
        factor=fy.factor,
    )
