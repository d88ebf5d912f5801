"""The traps of the recorded filings (../shared/realdata/xbrl/README.md), one test each: members
only in combination, a parent beside its children, generic Product/Service members, a 10-K's
fiscal year beside its quarters, an investee's revenue, reclassifications, labels found through
loc -> labelArc -> label."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.xbrl import Line, Segments, read_segments
from tests.support.shared import missing

from .filings import AAPL_10K, AMZN_10K, GD_10Q, MSFT_10K, NFLX_10Q, NVDA_10Q, TSLA_10Q, Filing, M

pytestmark = pytest.mark.skipif(missing() is not None, reason=missing() or "")


def read(filing: Filing) -> Segments:
    labels = filing.labels.read_bytes() if filing.labels else None
    return read_segments(filing.document.read_bytes(), labels)


def lines(segments: Segments, axis: str) -> dict[str, Line]:
    for found in segments.axes:
        if found.axis.endswith(":" + axis):
            return {line.member: line for line in found.members}
    return {}


def test_netflix_regions_exist_only_beside_the_streaming_member() -> None:
    segments = read(NFLX_10Q)
    regions = lines(segments, "StatementGeographicalAxis")
    assert regions["nflx:UnitedStatesAndCanadaMember"].revenue == 4_322_476_000
    assert regions["srt:AsiaPacificMember"].label == "Asia-Pacific"
    # StreamingMember sits beside four regions, never alone: no revenue of its own is read.
    assert "nflx:StreamingMember" not in lines(segments, "ProductOrServiceAxis")
    # country:US is rounded to 10^8 and written "4000000000.0": read, not refused.
    assert regions["country:US"].revenue == 4_000 * M


def test_netflix_hedge_reclassifications_are_not_a_revenue_breakdown() -> None:
    names = [axis.axis for axis in read(NFLX_10Q).axes]
    assert not [name for name in names if "Reclassification" in name]


def test_general_dynamics_product_lines_exist_only_paired_with_their_segment() -> None:
    products = lines(read(GD_10Q), "ProductOrServiceAxis")
    assert products["gd:NuclearPoweredSubmarinesMember"].revenue == 2_460 * M
    assert products["gd:C5ISRSolutionsMember"].revenue == 1_123 * M
    segments = lines(read(GD_10Q), "StatementBusinessSegmentsAxis")
    assert segments["gd:MarineSystemsMember"].revenue == 3_453 * M


def test_nvidia_data_center_is_compute_plus_networking_marked_aggregate() -> None:
    products = lines(read(NVDA_10Q), "ProductOrServiceAxis")
    data_center = products["nvda:DataCenterMember"]
    parts = products["nvda:ComputeMember"].revenue + products["nvda:NetworkingMember"].revenue
    assert data_center.revenue == parts == 30_771 * M
    assert data_center.aggregate
    assert not products["nvda:ComputeMember"].aggregate
    assert not products["nvda:GamingMember"].aggregate


def test_tesla_parents_are_marked_and_the_largest_line_is_a_line() -> None:
    segments = read(TSLA_10Q)
    products = lines(segments, "ProductOrServiceAxis")
    marked = {name for name, line in products.items() if line.aggregate}
    assert marked == {
        "tsla:AutomotiveRevenuesMember",
        "tsla:EnergyGenerationAndStorageMember",
        "tsla:SalesAndServicesMember",
    }
    assert segments.largest is not None
    assert segments.largest[1].member == "tsla:AutomotiveSalesMember"


@pytest.mark.parametrize("filing", [AAPL_10K, AMZN_10K, GD_10Q], ids=["AAPL", "AMZN", "GD"])
def test_generic_product_and_service_members_are_never_the_largest(filing: Filing) -> None:
    segments = read(filing)
    products = lines(segments, "ProductOrServiceAxis")
    assert products["us-gaap:ProductMember"].generic
    assert products["us-gaap:ServiceMember"].generic
    # Apple's Products and Amazon's Services are bigger than any line, and still not chosen:
    assert segments.largest is not None
    assert not segments.largest[1].generic
    biggest = max(products.values(), key=lambda line: line.revenue)
    assert biggest.generic and segments.largest[1] != biggest


def test_microsoft_10k_answers_with_the_fiscal_year_not_its_fourth_quarter() -> None:
    segments = read(MSFT_10K)
    # The file also tags each quarter's total (the fourth: 22,180 million); the year is the answer.
    assert segments.total_revenue == 93_580 * M
    assert (segments.period_end - segments.period_start).days == 364
    products = lines(segments, "ProductOrServiceAxis")
    assert products["msft:XboxMember"].label == "Xbox"  # resolved through loc -> arc -> label
    # The reporting segments of 2015 sit on ConsolidationItemsAxis, listed as another axis.
    consolidation = lines(segments, "ConsolidationItemsAxis")
    assert consolidation["msft:CommercialMember"].revenue == 51_875 * M


def test_amazon_investee_revenue_is_ignored() -> None:
    segments = read(AMZN_10K)
    names = [axis.axis for axis in segments.axes]
    assert not [name for name in names if "EquityMethod" in name]
    assert segments.total_revenue == 513_983 * M


def test_the_same_value_on_two_axes_is_read_on_each() -> None:
    aapl = read(AAPL_10K)
    china = lines(aapl, "StatementGeographicalAxis")["country:CN"]
    greater_china = lines(aapl, "StatementBusinessSegmentsAxis")["aapl:GreaterChinaSegmentMember"]
    assert china.revenue == greater_china.revenue == 72_559 * M


def test_netflix_united_states_is_within_its_region_and_the_regions_sum_to_the_total() -> None:
    # The 10-Q tags country:US ($4.0B) beside the United States and Canada that holds it, with no
    # Canada of its own: the five members add up to $4.0B more than the quarter's revenue.
    segments = read(NFLX_10Q)
    regions = lines(segments, "StatementGeographicalAxis")
    assert segments.total_revenue == 9_824_703_000
    assert regions["country:US"].within
    assert [m for m, line in regions.items() if line.within] == ["country:US"]
    counted = [line.revenue for line in regions.values() if not line.within]
    assert sum(counted) == 4_322_476_000 + 3_133_466_000 + 1_240_892_000 + 1_127_869_000
    assert sum(counted) == segments.total_revenue


@pytest.mark.parametrize("filing", [AAPL_10K, AMZN_10K, GD_10Q, MSFT_10K, NVDA_10Q, TSLA_10Q])
def test_no_other_recorded_filing_has_a_member_within_another(filing: Filing) -> None:
    assert not [line for axis in read(filing).axes for line in axis.members if line.within]
