"""A member is the sum of others (a parent) only when the same members add up to it in every
period of the filing where they are all tagged, and in more than the current one: a sum in one
period is a coincidence that would cost a product line its place as the largest. Instances built
here in XBRL's format (tests/reading/xbrl/built.py): the quarter's contexts and the half year's."""

from __future__ import annotations

from catalyst_tui.reading.xbrl import Segments, read_segments

from .built import HALF, PRODUCT, QUARTER, context, fact, instance

REV = "us-gaap:Revenues"


def lines(quarter: dict[str, int], half: dict[str, int]) -> bytes:
    """An instance stating the total and each product line's revenue in the quarter and in the
    half year (`half` may name fewer lines, or none)."""
    body = fact(REV, "c-q", str(sum(quarter.values()))) + fact(REV, "c-h", str(sum(half.values())))
    for span, key, values in ((QUARTER, "q", quarter), (HALF, "h", half)):
        for name, value in values.items():
            cid = f"{key}-{name}"
            body += context(cid, span, (PRODUCT, f"acme:{name}Member")) + fact(REV, cid, str(value))
    return instance(body)


def marked(segments: Segments) -> set[str]:
    return {line.member for axis in segments.axes for line in axis.members if line.aggregate}


QUARTER_LINES = {"Aries": 200, "Scorpio": 300, "Taurus": 100, "Leo": 50}  # Scorpio = Aries + Taurus


def test_a_sum_in_the_current_quarter_only_is_a_coincidence_not_a_parent() -> None:
    half = {"Aries": 350, "Scorpio": 500, "Taurus": 180, "Leo": 90}  # 350 + 180 != 500
    segments = read_segments(lines(QUARTER_LINES, half))
    assert marked(segments) == set()
    assert segments.largest is not None
    assert segments.largest[1].member == "acme:ScorpioMember"  # 300, larger than Aries' 200
    assert segments.largest[1].revenue == 300


def test_a_filing_of_one_period_marks_no_parent() -> None:
    segments = read_segments(lines(QUARTER_LINES, {}))
    assert marked(segments) == set()
    assert segments.largest is not None and segments.largest[1].member == "acme:ScorpioMember"


def test_a_period_missing_one_of_the_parts_is_no_evidence() -> None:
    half = {"Aries": 350, "Scorpio": 530, "Leo": 90}  # Taurus untagged in the half year
    segments = read_segments(lines(QUARTER_LINES, half))
    assert marked(segments) == set()
    assert segments.largest is not None and segments.largest[1].member == "acme:ScorpioMember"


def test_a_sum_that_holds_in_every_period_marks_the_parent() -> None:
    half = {"Aries": 350, "Scorpio": 530, "Taurus": 180, "Leo": 90}  # 350 + 180 = 530
    segments = read_segments(lines(QUARTER_LINES, half))
    assert marked(segments) == {"acme:ScorpioMember"}
    assert segments.largest is not None and segments.largest[1].member == "acme:AriesMember"


def within(segments: Segments) -> set[str]:
    return {line.member for axis in segments.axes for line in axis.members if line.within}


def regions(members: dict[str, int], total: int) -> bytes:
    """An instance stating the quarter's total and each member's revenue on the product axis."""
    body = fact(REV, "c-q", str(total))
    for name, value in members.items():
        cid = f"q-{name}"
        body += context(cid, QUARTER, (PRODUCT, f"acme:{name}Member")) + fact(REV, cid, str(value))
    return instance(body)


def test_a_part_tagged_beside_the_member_that_holds_it_is_within_and_counted_once() -> None:
    # Americas 500 holds Usa 400 (its other part is not tagged); Europe 300: the total is 800.
    segments = read_segments(regions({"Americas": 500, "Usa": 400, "Europe": 300}, 800))
    assert within(segments) == {"acme:UsaMember"}
    assert segments.largest is not None and segments.largest[1].member == "acme:AmericasMember"


def test_an_excess_no_single_member_explains_marks_nothing() -> None:
    # 500 + 400 + 300 = 1,200 over a total of 1,000: no member is 200, the lines stay as stated.
    assert within(read_segments(regions({"Americas": 500, "Usa": 400, "Europe": 300}, 1000))) == (
        set()
    )


def test_two_members_that_could_each_be_the_part_mark_neither() -> None:
    # 500 + 300 + 300 = 1,100 over 800: either 300 could be the part; which is not said.
    members = {"Americas": 500, "Usa": 300, "Europe": 300}
    assert within(read_segments(regions(members, 800))) == set()


def test_the_largest_member_is_never_within_another() -> None:
    # 600 + 200 + 100 = 900 over 300: leaving out 600 gives the total, but nothing holds it.
    members = {"Americas": 600, "Usa": 200, "Europe": 100}
    assert within(read_segments(regions(members, 300))) == set()


def test_lines_that_sum_to_the_total_have_nothing_within() -> None:
    members = {"Americas": 500, "Usa": 400, "Europe": 300}
    assert within(read_segments(regions(members, 1200))) == set()
