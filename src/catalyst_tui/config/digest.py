"""The digest's schedule, `digest = "mon 08:00"` in [settings]: a day of the week (or `daily`, or
none: every day) and a time of day in the user's zone. What a spec says (`parse_digest`, its
error a sentence for people) and the period a moment is in (`period_start`: the latest scheduled
moment at or before it), which a digest is sent once for."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

__all__ = ["WEEKDAYS", "DigestSpec", "parse_digest", "period_start"]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SPEC = re.compile(r"(?:([a-z]+)\s+)?(\d{1,2}):(\d{2})")


class DigestSpec(NamedTuple):
    weekday: int | None  # 0 Monday .. 6 Sunday; None: every day
    hour: int
    minute: int

    @property
    def period(self) -> dt.timedelta:
        return dt.timedelta(days=1 if self.weekday is None else 7)


def parse_digest(text: str) -> DigestSpec:
    """'mon 08:00', 'daily 18:30' or '07:45'; ValueError saying what is expected."""
    shape = 'write a day and a time such as "mon 08:00", or "daily 08:00"'
    found = _SPEC.fullmatch(text.strip().lower())
    if found is None:
        raise ValueError(f"{text!r} is not a schedule: {shape}")
    day, hour, minute = found[1], int(found[2]), int(found[3])
    if day not in (None, "daily", *WEEKDAYS):
        raise ValueError(f"{day!r} is not a day: one of {', '.join(WEEKDAYS)}, or daily")
    if hour > 23 or minute > 59:
        raise ValueError(f"{found[2]}:{found[3]} is not a time of day (00:00 to 23:59)")
    return DigestSpec(None if day in (None, "daily") else WEEKDAYS.index(day), hour, minute)


def period_start(spec: DigestSpec, now: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The latest moment the schedule names at or before `now` (in `zone`'s days), in UTC."""
    local = now.astimezone(zone)
    at = dt.datetime.combine(local.date(), dt.time(spec.hour, spec.minute), zone)
    if spec.weekday is not None:
        at -= dt.timedelta(days=(local.weekday() - spec.weekday) % 7)
    if at > local:
        at -= spec.period
    return at.astimezone(dt.UTC)
