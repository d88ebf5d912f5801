"""Stored text back to values: moments in UTC to the second, days, condition text parsed once
per text (text the grammar no longer reads kept as no condition rather than an error), and why a
value is missing as a code with its parameters."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.store import columns
from catalyst_tui.thesis.observation import Missing, MissingCode, Period, PeriodKind


def test_moments_are_stored_in_utc_to_the_second_and_read_back_aware():
    tokyo = dt.datetime(2026, 11, 22, 9, 30, 15, 999_999, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo"))
    text = columns.iso(tokyo)
    assert text == "2026-11-22T00:30:15+00:00"
    assert columns.moment(text) == tokyo.replace(microsecond=0)
    assert columns.moment(None) is None and columns.moment("") is None


def test_days_round_trip():
    assert columns.day(columns.day_text(dt.date(2027, 12, 31))) == dt.date(2027, 12, 31)
    assert columns.day(None) is None and columns.day_text(None) is None


@given(st.lists(st.tuples(st.integers(), st.booleans())))
def test_a_row_is_read_column_by_column_and_none_keeps_a_column_as_stored(cells):
    row = tuple(value for value, _ in cells)
    readers = tuple(str if read else None for _, read in cells)
    read = columns.read_row(row, readers)
    assert read == tuple(str(v) if r else v for v, r in cells)


def test_a_row_and_its_readers_are_the_same_length():
    with pytest.raises(ValueError):
        columns.read_row(("AAPL", "1"), (None,))


def test_a_condition_is_parsed_once_per_text():
    first = columns.condition("gross_margin >= 70%")
    assert first is not None and first.threshold == 0.7
    assert columns.condition("gross_margin >= 70%") is first
    assert columns.condition(None) is None and columns.condition("") is None
    assert columns.condition("gross_margin >= 70") is None  # no longer a valid condition


def test_a_missing_value_is_stored_as_its_code_and_the_parameters_it_has():
    quarter = Period(PeriodKind.QUARTER, dt.date(2026, 9, 30), dt.date(2026, 11, 4))
    missing = Missing(MissingCode.NOT_IN_QUARTER, "ALAB", "gross_margin", quarter=quarter)
    stored = columns.missing_columns(missing)
    assert stored == (
        "not_in_quarter",
        '{"symbol":"ALAB","metric":"gross_margin","quarter":["2026-09-30","2026-11-04"]}',
    )
    assert columns.missing(*stored) == missing
    held = Missing(MissingCode.NO_FX_RATE, "ALAB", symbols=("SAP", "SHOP"), currency="USD")
    assert columns.missing(*columns.missing_columns(held)) == held
    undefined = Missing(MissingCode.PE_UNDEFINED, "ALAB", value=0.0)
    assert columns.missing(*columns.missing_columns(undefined)) == undefined


def test_no_code_is_no_missing_and_an_unknown_code_says_nothing():
    assert columns.missing("", "") is None
    assert columns.missing("from_a_later_version", '{"symbol":"ALAB"}') == Missing(
        MissingCode.RECORDED, "ALAB"
    )
