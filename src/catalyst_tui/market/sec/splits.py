"""Per-share facts on the latest share basis: splits inferred from companyfacts, and Q4 EPS."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable, Sequence
    from datetime import date

    from .series import Observation, Series

__all__ = [
    "PerShare",
    "ShareBasis",
    "infer_splits",
    "most_precise",
    "on_latest_basis",
    "per_share_q4",
]

# Whole n:1 (or 1:n) only: a 3:2-looking ratio is as likely a restatement of the value.
SPLIT_RATIOS = (2, 3, 4, 5, 6, 7, 8, 10, 15, 20, 25, 30, 40, 50)
# Below 10 cents, rounding to the cent alone can fake a ratio (0.08 then 0.02: 4:1 or 5:1?).
_MIN_PER_SHARE = 0.10
_HALF_CENT = 0.0051  # per-share values are filed rounded to the cent
_SAME_BASIS = (2 / 3, 3 / 2)  # a ratio this near 1 is a restatement, not a split
_DECIMALS = 6  # a restated 0.99 / 4 stays 0.2475, not 0.24749999999999997


def on_latest_basis(observations: list[Observation]) -> list[Observation]:
    """Per-share values, each divided by the splits since it was filed (`factor` says by what)."""
    basis = infer_splits(((o.start, o.end), o.filed, o.value) for o in observations)
    restated = []
    for obs in observations:
        factor = basis.factor(obs.filed)
        if factor != 1.0:
            obs = replace(obs, value=round(obs.value / factor, _DECIMALS), factor=factor)
        restated.append(obs)
    return restated


def most_precise(restated: list[Observation], chosen: Series) -> Series:
    """Per period, the chosen value, or the same value as an older filing had it: restated by a
    split it keeps more digits (1.74 / 10 = 0.174 where the 10-K after the split says 0.17)."""
    best = dict(chosen)
    for obs in restated:
        period = (obs.start, obs.end)
        kept, winner = best.get(period), chosen.get(period)
        if kept is None or winner is None or obs.factor <= kept.factor:
            continue
        if abs(obs.value - winner.value) <= _HALF_CENT * (1 / winner.factor + 1 / obs.factor):
            best[period] = obs
    return best


def per_share_q4(
    fy: Observation,
    parts: list[tuple[str, Observation]],
    net_income: Series,
    precise: Series,
    difference: Observation | None,
) -> Observation | None:
    """Q4 EPS: Q4 net income over the diluted share count implied around it (q4_per_share),
    the counts implied from the most precise EPS of each period (most_precise). Its `factor` is
    the largest of the per-share values it rests on.

    `difference` is FY − parts per share, what is left without net income, and only when all
    were filed on one share basis: across a split that difference means nothing.
    """
    inputs = [fy, *(part for _, part in parts)]
    incomes = [i for i in (net_income.get((o.start, o.end)) for o in inputs) if i is not None]
    if difference is None or len(incomes) < len(inputs):
        return difference if len({o.factor for o in inputs}) == 1 else None
    year, *rest = [
        PerShare(o.days + 1, i.value, precise.get((o.start, o.end), o).value)
        for o, i in zip(inputs, incomes, strict=True)
    ]
    value = q4_per_share(year, rest)
    if value is None:
        return None
    labels = " - ".join(label for label, _ in parts)
    how = f"{incomes[0].source} (FY - {labels}) / shares implied by it and {fy.source}"
    return replace(
        difference,
        value=round(value, _DECIMALS),
        filed=max(difference.filed, *(i.filed for i in incomes)),
        source=how + " (approximate)",
        factor=max(o.factor for o in inputs),
    )


@dataclass(frozen=True)
class InferredSplit:
    """n new shares per old one (0.1 for a 1:10 reverse split), between two filing dates."""

    ratio: float
    after: date  # the last filing seen on the old basis
    on: date  # the first filing seen on the new basis


class _Pair(NamedTuple):
    """One period's value filed twice: `ratio` = earlier / later, 1.0 for the same basis."""

    ratio: float
    earlier: date
    later: date


@dataclass(frozen=True)
class ShareBasis:
    """The splits a company's filings show, oldest first."""

    splits: tuple[InferredSplit, ...] = ()

    def factor(self, filed: date) -> float:
        """What a per-share value filed on `filed` is divided by to be on the latest basis."""
        factor = 1.0
        for split in self.splits:
            if filed < split.on:
                factor *= split.ratio
        return factor


def infer_splits(values: Iterable[tuple[Hashable, date, float]]) -> ShareBasis:
    """The splits behind (period, filed, per-share value) triples of one concept.

    A split shows as a period's value filed again later, after the split, at 1/n of itself (a
    10-Q repeats last year's quarter, a 10-K the two years before). Each such pair bounds the
    split between its two filing dates; pairs of one ratio whose bounds overlap are one split.
    A split counts from the first filing seen on the new basis: a filing after the split
    restates its comparatives, so it shows. Values unchanged across a split's bounds count
    against it: it is kept only when more pairs show it than contradict it.
    """
    pairs = _pairs(values)
    same = [p for p in pairs if p.ratio == 1.0]
    found = []
    for split, support in _group(p for p in pairs if p.ratio != 1.0):
        split, against = _narrow(split, same)
        if support > against:
            found.append(split)
    # a period filed before two splits and next after both shows their product: not a third
    kept = [s for s in found if not _is_product_of_others(s, found)]
    return ShareBasis(tuple(sorted(kept, key=lambda s: s.on)))


def _pairs(values: Iterable[tuple[Hashable, date, float]]) -> list[_Pair]:
    by_period: dict[Hashable, list[tuple[date, float]]] = defaultdict(list)
    for period, filed, value in values:
        by_period[period].append((filed, value))
    pairs = []
    for filings in by_period.values():
        filings.sort()
        for (filed1, old), (filed2, new) in zip(filings, filings[1:], strict=False):
            if filed1 == filed2 or min(abs(old), abs(new)) < _MIN_PER_SHARE or old * new <= 0:
                continue
            ratio = _split_ratio(old, new)
            if ratio is not None:
                pairs.append(_Pair(ratio, filed1, filed2))
    return pairs


def _split_ratio(old: float, new: float) -> float | None:
    """n (or 1/n) when `old` is `new` times a split ratio within the cents' rounding, 1.0 when
    they are on the same basis, None when neither (a restatement)."""
    if _SAME_BASIS[0] < old / new < _SAME_BASIS[1]:
        return 1.0
    for n in SPLIT_RATIOS:
        for ratio in (float(n), 1 / n):
            if abs(old - ratio * new) <= _HALF_CENT * (1 + ratio):
                return ratio
    return None


def _group(pairs: Iterable[_Pair]) -> list[tuple[InferredSplit, int]]:
    """Pairs of one ratio whose (earlier, later] bounds overlap, as one split with its support."""
    by_ratio: dict[float, list[_Pair]] = defaultdict(list)
    for pair in pairs:
        by_ratio[pair.ratio].append(pair)
    groups: list[tuple[InferredSplit, int]] = []
    for ratio, found in by_ratio.items():
        current: InferredSplit | None = None
        support = 0
        for pair in sorted(found, key=lambda p: p.later):
            if current is not None and pair.earlier < current.on:
                current = InferredSplit(ratio, max(current.after, pair.earlier), current.on)
                support += 1
                continue
            if current is not None:
                groups.append((current, support))
            current, support = InferredSplit(ratio, pair.earlier, pair.later), 1
        if current is not None:
            groups.append((current, support))
    return groups


def _narrow(split: InferredSplit, same: list[_Pair]) -> tuple[InferredSplit, int]:
    """The split with its bounds narrowed by values filed twice on one basis, and how many such
    values span it (unchanged from before it to after it)."""
    after, on, against = split.after, split.on, 0
    for pair in same:
        if pair.earlier <= after and pair.later >= on:
            against += 1
        elif after < pair.earlier < on <= pair.later:
            on = pair.earlier  # the same as a value on the new basis: filed after the split
        elif pair.earlier <= after < pair.later < on:
            after = pair.later  # the same as a value on the old basis: filed before it
    return InferredSplit(split.ratio, after, on), against


def _is_product_of_others(split: InferredSplit, splits: list[InferredSplit]) -> bool:
    inside = [s for s in splits if s is not split and split.after < s.on <= split.on]
    return bool(inside) and math.isclose(math.prod(s.ratio for s in inside), split.ratio)


class PerShare(NamedTuple):
    """A period's diluted EPS (on the latest basis) with its net income and length in days."""

    days: int
    net_income: float
    per_share: float


def q4_per_share(year: PerShare, parts: Sequence[PerShare]) -> float | None:
    """The diluted EPS of the quarter that ends a fiscal year, from its net income.

    Q4 net income is the year's less the parts' (the 9M YTD, or Q1..Q3), exactly. It is divided
    by Q4's diluted share count, implied by the day-weighted counts (net income / EPS) of the
    year and its parts, since a year's count is the average of its quarters'. That count falls
    back to the year's own when the parts give none (an EPS of 0) or an implausible one (small
    EPS values are rounded to the cent). None when the year implies no count either.
    """
    year_count = _share_count(year)
    if year_count is None:
        return None
    q4_days = year.days - sum(part.days for part in parts)
    counts = [_share_count(part) for part in parts]
    count = year_count
    if q4_days > 0 and all(c is not None for c in counts):
        weighted = year.days * year_count
        weighted -= sum(p.days * c for p, c in zip(parts, counts, strict=True) if c is not None)
        if year_count / 4 <= weighted / q4_days <= year_count * 4:
            count = weighted / q4_days
    value = (year.net_income - sum(part.net_income for part in parts)) / count
    return value if math.isfinite(value) else None


def _share_count(period: PerShare) -> float | None:
    if period.per_share == 0 or period.net_income == 0:
        return None
    count = period.net_income / period.per_share
    return count if count > 0 and math.isfinite(count) else None
