"""Which moments a record read from a document may carry: none before 1970, none in the future."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = ["AHEAD", "CLOSE", "EARLIEST", "NEW_YORK", "market_day", "plausible_moment", "today"]

#: US exchanges' hours and SEC EDGAR's filing days are New York time: the one declaration
#: (`market.models.NEW_YORK` is this one).
NEW_YORK = ZoneInfo("America/New_York")
#: New York's close: what is public by then is known that day; most companies release after it.
CLOSE = time(16, 0)

EARLIEST = date(1970, 1, 1)
AHEAD = timedelta(days=1)


def market_day(moment: datetime) -> date:
    """The US market's day of an aware moment: its New York calendar date, wherever a date of
    a US market or of SEC EDGAR is meant (a release evening, a filing day). 21:00 New York is
    01:00 UTC the next day, and still the report's evening. A listing's own day (an earnings
    date, "today" for its calendar) is its exchange's: market/exchanges.py `listing_day`."""
    return moment.astimezone(NEW_YORK).date()


def today(now: datetime | None) -> date:
    return (now or datetime.now(UTC)).astimezone(UTC).date()


def plausible_moment(value: datetime, now: datetime | None = None) -> bool:
    """Whether an aware moment is one a record may carry: from 1970 to now + AHEAD (a news
    item, a filing: nothing is published in the future)."""
    try:
        day = value.astimezone(UTC).date()
    except (OverflowError, ValueError):  # 9999-12-31 east of UTC: past the calendar's end
        return False
    return EARLIEST <= day <= today(now) + AHEAD
