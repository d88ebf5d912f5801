"""One grammar for every moment or day a command is given (`changes --since`, `replay --from` and
`--to`, `evidence add --date`): how long ago (30m, 12h, 7d, 2w: minutes, hours, days, weeks
before now), a day (YYYY-MM-DD, in your time zone) or a moment (YYYY-MM-DDTHH:MM, with an offset
or in your time zone). Text of another shape is refused in one line naming the command and the
option, exit 2; so is a moment before 1970 and a day outside FIRST_DAY..LAST_DAY."""

from __future__ import annotations

import datetime as dt
import re

from .context import CommandError
from .parser.values import FIRST_DAY, LAST_DAY

_AGO = re.compile(r"(\d{1,6})([mhdw])")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
# The earliest moment a span may name: nothing catalyst keeps is older.
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
#: The shapes, as a refusal names them.
SHAPES = "a span (30m, 12h, 7d, 2w) nor a day (YYYY-MM-DD) nor a moment (YYYY-MM-DDTHH:MM)"


def moment_of(
    command: str, option: str, text: str, now: dt.datetime, zone: dt.tzinfo = dt.UTC
) -> dt.datetime:
    """The moment `text` names, in UTC: a span before `now`, a day's start in `zone` or a
    moment (in `zone` when it names no offset). Refused: another shape, before 1970, after
    `now`."""
    said = text.strip()
    moment = _parsed(command, option, said, now, zone)
    if moment is None or moment < EPOCH:
        raise CommandError(
            f"catalyst {command}: {option} {said} is before 1970: nothing is that old"
        )
    if moment > now:
        raise CommandError(f"catalyst {command}: {option} {said} is in the future")
    return moment


def day_of(
    command: str, option: str, text: str, now: dt.datetime, zone: dt.tzinfo = dt.UTC
) -> dt.date:
    """The day `text` names in `zone` (a span: the day it reaches back to; `30d` is the day 30
    days before today). Refused: another shape, a day outside FIRST_DAY..LAST_DAY."""
    said = text.strip()
    moment = _parsed(command, option, said, now, zone)
    day = None if moment is None else moment.astimezone(zone).date()
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        raise CommandError(
            f"catalyst {command}: {option} {said} is out of range: a day from {FIRST_DAY} to "
            f"{LAST_DAY}"
        )
    return day


def _parsed(
    command: str, option: str, said: str, now: dt.datetime, zone: dt.tzinfo
) -> dt.datetime | None:
    """`said` as a moment in UTC (None: before the first day a date can name, or past what a
    moment holds); another shape is refused."""
    try:
        return _moment(said, now, zone)
    except ValueError:
        raise CommandError(f"catalyst {command}: {option} {said!r} is neither {SHAPES}") from None
    except OverflowError:
        return None


def _moment(said: str, now: dt.datetime, zone: dt.tzinfo) -> dt.datetime | None:
    """`said` as a moment (None: before the first day a date can name); ValueError: not one
    of the shapes; OverflowError: past what a moment can hold."""
    if ago := _AGO.fullmatch(said):
        span = dt.timedelta(**{_UNITS[ago[2]]: int(ago[1])})
        return now - span if span <= now - EPOCH else None
    if len(said) == 10:
        moment = dt.datetime.combine(dt.date.fromisoformat(said), dt.time(), zone)
    else:
        moment = dt.datetime.fromisoformat(said)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=zone)
    return moment.astimezone(dt.UTC)
