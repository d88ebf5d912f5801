"""The market's day is New York's: for any instant, the day computed (and the day an earnings
stamp of Yahoo's is read as) is the New York calendar date of that instant, worked here by hand
from the US rule (UTC-5; UTC-4 from 02:00 on March's second Sunday to 02:00 on November's first
Sunday, since 2007), not from the zone database the code reads."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.market.yahoo.earnings import next_date
from catalyst_tui.market.yahoo.quote import earnings_from_row
from catalyst_tui.reading.moments import market_day

ZONES = [dt.UTC, dt.timezone(dt.timedelta(hours=9)), dt.timezone(dt.timedelta(hours=-7))]
instants = st.datetimes(
    min_value=dt.datetime(2008, 1, 1), max_value=dt.datetime(2099, 12, 1), timezones=st.just(dt.UTC)
).flatmap(lambda t: st.sampled_from([t.astimezone(zone) for zone in ZONES]))


def nth_sunday(year: int, month: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def new_york_date(instant: dt.datetime) -> dt.date:
    """By hand: summer time starts at 07:00 UTC on March's second Sunday (02:00 EST) and ends at
    06:00 UTC on November's first Sunday (02:00 EDT)."""
    utc = instant.astimezone(dt.UTC).replace(tzinfo=None)
    year = utc.year
    starts = dt.datetime.combine(nth_sunday(year, 3, 2), dt.time(7))
    ends = dt.datetime.combine(nth_sunday(year, 11, 1), dt.time(6))
    offset = dt.timedelta(hours=-4 if starts <= utc < ends else -5)
    return (utc + offset).date()


@given(instants)
def test_the_market_day_of_any_instant_is_its_new_york_date(instant):
    assert market_day(instant) == new_york_date(instant)


@given(instants)
def test_an_earnings_stamp_is_read_as_its_new_york_day(instant):
    stamp = int(instant.timestamp())
    day = new_york_date(instant)
    result = {"calendarEvents": {"earnings": {"earningsDate": [stamp]}}}
    found = next_date(result, "X", day)
    assert found is not None and found.day == day
    assert next_date(result, "X", day + dt.timedelta(days=1)) is None
    row = {"earningsTimestampStart": stamp, "earningsTimestampEnd": stamp}
    quoted = earnings_from_row(row, "X", day)
    assert quoted is not None and quoted.day == day


def test_a_report_at_20_30_new_york_is_that_days_not_the_next():
    # 1746059400 is 2025-05-01 00:30 UTC: 20:30 EDT on 30 April
    result = {"calendarEvents": {"earnings": {"earningsDate": [1746059400]}}}
    found = next_date(result, "X", dt.date(2025, 4, 30))
    assert found is not None and found.day == dt.date(2025, 4, 30)
    night = dt.datetime(2025, 5, 1, 0, 30, tzinfo=dt.UTC)
    assert market_day(night) == dt.date(2025, 4, 30)
