"""The nine recorded filings read in place: each one's period, form, total revenue and every
member's revenue on the product, segment and geography axes, against the figures the files state
(tests/reading/xbrl/filings.py), and the largest product line."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.reading.xbrl import Segments, read_segments
from tests.support.shared import missing

from .filings import AAPL_10Q_INLINE, AAPL_10Q_XML, ALL, EXPECTED, Filing

pytestmark = pytest.mark.skipif(missing() is not None, reason=missing() or "")


def read(filing: Filing) -> Segments:
    labels = filing.labels.read_bytes() if filing.labels else None
    return read_segments(filing.document.read_bytes(), labels)


def by_axis(segments: Segments) -> dict[str, dict[str, int]]:
    return {
        axis.axis.rpartition(":")[2]: {line.member: line.revenue for line in axis.members}
        for axis in segments.axes
    }


@pytest.mark.parametrize("filing", ALL, ids=lambda f: f.document.name)
def test_each_filing_states_its_current_periods_revenue(filing: Filing) -> None:
    expected = EXPECTED[filing]
    segments = read(filing)
    assert segments.form == expected.form
    assert segments.period_start == dt.date.fromisoformat(expected.start)
    assert segments.period_end == dt.date.fromisoformat(expected.end)
    assert segments.currency == "USD"
    assert segments.total_revenue == expected.total
    got = by_axis(segments)
    for axis, members in expected.axes.items():
        assert got[axis] == members, axis
    for axis in (
        "ProductOrServiceAxis",
        "StatementBusinessSegmentsAxis",
        "StatementGeographicalAxis",
    ):
        assert (axis in got) == (axis in expected.axes), axis
    if expected.largest:
        assert segments.largest is not None
        assert segments.largest[1].member in expected.largest
    else:
        assert segments.largest is None


def test_both_forms_of_apples_10q_give_the_same_answer() -> None:
    assert read(AAPL_10Q_INLINE) == read(AAPL_10Q_XML)


def test_labels_come_from_the_linkbase_terse_first_else_the_members_name() -> None:
    aapl = {line.member: line.label for axis in read(AAPL_10Q_XML).axes for line in axis.members}
    assert aapl["aapl:IPhoneMember"] == "iPhone"
    assert aapl["aapl:WearablesHomeandAccessoriesMember"] == "Wearables, Home and Accessories"
    assert aapl["us-gaap:ProductMember"] == "Products"
    nvda = {
        line.member: line.label for axis in read(EXPECTED_NVDA_10Q).axes for line in axis.members
    }
    assert nvda["nvda:DataCenterMember"] == "Data Center"  # no label file: the name, readable
    assert nvda["nvda:OEMAndOtherMember"] == "OEM And Other"


EXPECTED_NVDA_10Q = next(f for f in ALL if f.document.name == "nvda-20241027.htm")
