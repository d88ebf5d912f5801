"""Stored text back to values: moments in UTC to the second, days, and condition text parsed once
per text, with text the grammar no longer reads kept as no condition rather than an error."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from catalyst_tui.store import records


def test_moments_are_stored_in_utc_to_the_second_and_read_back_aware():
    tokyo = dt.datetime(2026, 11, 22, 9, 30, 15, 999_999, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo"))
    text = records.iso(tokyo)
    assert text == "2026-11-22T00:30:15+00:00"
    assert records.moment(text) == tokyo.replace(microsecond=0)
    assert records.moment(None) is None and records.moment("") is None


def test_days_round_trip():
    assert records.day(records.day_text(dt.date(2027, 12, 31))) == dt.date(2027, 12, 31)
    assert records.day(None) is None and records.day_text(None) is None


def test_a_condition_is_parsed_once_per_text():
    first = records.condition("gross_margin >= 70%")
    assert first is not None and first.threshold == 0.7
    assert records.condition("gross_margin >= 70%") is first
    assert records.condition(None) is None and records.condition("") is None
    assert records.condition("gross_margin >= 70") is None  # no longer a valid condition
