"""The product lines' laws on generated instances (Hypothesis), in both of EDGAR's forms' XML: a
product line never exceeds the total it is part of, and where the filing states the total and
every line, the lines read sum to it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from catalyst_tui.reading.xbrl import read_segments

from .built import PRODUCT, QUARTER, context, fact, instance

REV = "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"
NAMES = ["Aries", "Scorpio", "Taurus", "Leo", "Virgo", "Libra"]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=10**11), min_size=1, max_size=len(NAMES)),
    st.booleans(),
)
def test_a_line_never_exceeds_its_total_and_the_lines_sum_to_it(
    revenues: list[int], total_stated: bool
) -> None:
    total = sum(revenues)
    body = fact(REV, "c-q", str(total), "0") if total_stated else ""
    for name, value in zip(NAMES, revenues, strict=False):
        cid = f"q-{name}"
        body += context(cid, QUARTER, (PRODUCT, f"acme:{name}Member")) + fact(REV, cid, str(value))
    segments = read_segments(instance(body))
    [axis] = [a for a in segments.axes if a.axis.endswith("ProductOrServiceAxis")]
    lines = [line for line in axis.members if not line.aggregate]
    assert {line.member: line.revenue for line in lines} == {
        f"acme:{name}Member": value for name, value in zip(NAMES, revenues, strict=False)
    }
    if total_stated:
        assert segments.total_revenue == total
        assert all(line.revenue <= total for line in axis.members)
        assert sum(line.revenue for line in lines) == total


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.integers(min_value=1, max_value=10**11), min_size=2, max_size=len(NAMES) - 1, unique=True
    ),
    st.data(),
)
def test_a_part_beside_its_holder_is_counted_once_and_the_lines_sum_to_the_total(
    revenues: list[int], data: st.DataObject
) -> None:
    """Lines that sum to the total, and one more member that is a part of one of them (smaller
    than the largest, equal to no line): it is marked within, and the others sum to the total."""
    total = sum(revenues)
    part = data.draw(
        st.integers(min_value=1, max_value=max(revenues) - 1).filter(lambda v: v not in revenues)
    )
    members = {**dict(zip(NAMES, revenues, strict=False)), NAMES[-1]: part}
    body = fact(REV, "c-q", str(total), "0")
    for name, value in members.items():
        cid = f"q-{name}"
        body += context(cid, QUARTER, (PRODUCT, f"acme:{name}Member")) + fact(REV, cid, str(value))
    [axis] = [a for a in read_segments(instance(body)).axes if a.axis.endswith("ServiceAxis")]
    assert [line.member for line in axis.members if line.within] == [f"acme:{NAMES[-1]}Member"]
    assert sum(line.revenue for line in axis.members if not line.within) == total
