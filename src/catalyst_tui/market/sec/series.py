"""The shapes the facts derivation shares (facts.py, quarters.py, splits.py): one reported value
of a period (`Observation`), a concept's values by period (`Series`), and how long a quarter, a
nine-month year-to-date and a fiscal year last."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

# Period lengths, in days of `end - start`.
QUARTER_DAYS = (80, 100)
NINE_MONTH_DAYS = (255, 290)
FISCAL_YEAR_DAYS = (350, 380)

Period = tuple[date | None, date]


@dataclass(frozen=True)
class Observation:
    """One deduplicated value of a period, before it becomes a Fact."""

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


Series = dict[Period, Observation]


def merge(series_in_preference_order: Iterable[Series]) -> Series:
    """Per period, the value of the first series that has that period."""
    merged: Series = {}
    for series in series_in_preference_order:
        for period, obs in series.items():
            merged.setdefault(period, obs)
    return merged


def newest(series_in_preference_order: Iterable[Series]) -> Series:
    """Per period, the value filed last whatever its series (a restatement under another
    concept wins), a tie going to the first series that has that period."""
    merged: Series = {}
    for series in series_in_preference_order:
        for period, obs in series.items():
            kept = merged.get(period)
            if kept is None or obs.filed > kept.filed:
                merged[period] = obs
    return merged


def within(days: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= days <= bounds[1]
