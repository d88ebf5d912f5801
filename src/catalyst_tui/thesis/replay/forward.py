"""The price on a day and what it was a number of trading days later (30 and 90 by default): what
followed a warning."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

LATER = (30, 90)  # trading days


class Followed(NamedTuple):
    """The close on `day` (None: no close stored that day or before) and `later` closes, each
    with its trading days (None: not that many trading days stored after it yet)."""

    day: dt.date
    close: float | None
    later: tuple[tuple[int, float | None], ...]

    def change(self, days: int) -> float | None:
        """The move from the day's close to `days` trading days later, as a fraction."""
        after = dict(self.later).get(days)
        if after is None or not self.close:
            return None
        return after / self.close - 1


def followed(
    closes: Sequence[tuple[dt.date, float]],
    day: dt.date,
    later: Sequence[int] = LATER,
    days: Sequence[dt.date] | None = None,
) -> Followed:
    """The close of `day` (the last stored on or before it) and those `later` trading days on
    (`days`: the closes' days, where the caller has them)."""
    if days is not None:
        at = bisect.bisect_right(days, day) - 1
    else:
        at = bisect.bisect_right(closes, day, key=lambda c: c[0]) - 1
    if at < 0:
        return Followed(day, None, tuple((n, None) for n in later))
    return Followed(
        day,
        closes[at][1],
        tuple((n, closes[at + n][1] if at + n < len(closes) else None) for n in later),
    )
