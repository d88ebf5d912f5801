"""The twenty-ninth round's rules: structures of English that no rule read, or read wrong, in
calls of both transcript sources. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was; and the laws of `acted_on` for a part's verb at its boundary."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words.acted_on import acted_on
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "parts named together, then 'both' or 'each', share the one figure": [
        (
            "Marine Coatings and Rail Systems were both up over 25% in the quarter.",
            ["growth 25 > : Marine Coatings", "growth 25 > : Rail Systems"],
        ),
        (
            "Crop Science and Animal Health each grew more than 12% as demand recovered.",
            ["growth 12 > : Crop Science", "growth 12 > : Animal Health"],
        ),
        (
            "We saw strong growth from Footwear, Outerwear and Kids each growing over 40% in "
            "the quarter.",
            ["growth 40 > : Footwear", "growth 40 > : Outerwear", "growth 40 > : Kids"],
        ),
        (
            "Pharmacy and Beauty revenues are both up 6%.",
            ["growth 6 : Pharmacy", "growth 6 : Beauty"],
        ),
        # two measures, two months, or measures said after the names: none of them a part's
        ("Bookings and adjusted operating income both rose 8%.", []),
        ("Industrial and Aerospace orders both grew 14%.", []),
        ("May and June were both up a strong 15%.", []),
        ("Our meter and RCE counts both increased more than 70%.", []),
    ],
    "guidance said unchanged in other words is reiterated": [
        ("We haven't changed our guidance for the full year.", ["guidance reiterated"]),
        ("We have never changed our guidance midyear.", ["guidance reiterated"]),
        (
            "This disposition will not change our 2021 earnings guidance range.",
            ["guidance reiterated"],
        ),
        (
            "There is no change to our full year North America retail and related wholesale "
            "outlook.",
            ["guidance reiterated"],
        ),
        (
            "Our outlook generally remains largely unchanged from what we shared last quarter.",
            ["guidance reiterated"],
        ),
        (
            "We are leaving the upper end of our sales guidance unchanged.",
            ["guidance reiterated"],
        ),
        (
            "We felt comfortable leaving our overall guidance where it was.",
            ["guidance reiterated"],
        ),
        # expectations of something else, a view of an industry, guidance not yet updated
        ("The delay has not changed our expectations about the overall recovery.", []),
        ("It doesn't change our expectations, our focus on the basin.", []),
        ("Our industry view remains largely the same.", []),
        ("We have not yet updated our guidance, which we will do in May.", []),
    ],
    "a frame of turning with the speaker's order names the part": [
        (
            "Looking next at outdoor, revenue increased 20% on strong demand.",
            ["growth 20 : outdoor"],
        ),
        (
            "Looking finally at the marine segment, revenues were down 9% in the quarter.",
            ["growth -9 : marine segment"],
        ),
        ("Turning first to the Defense market, revenue grew 4%.", ["growth 4 : Defense market"]),
        # a frame of no part still frames nothing
        ("Looking next at the quarter, revenue increased 7%.", ["growth 7 : company"]),
    ],
    "a measure that is no revenue, named before 'at' a part, is the measure's": [
        ("Comparable restaurant sales at Harbor Grill decreased 0.4%.", []),
        ("Same-store sales at our Texas stores increased 5%.", []),
        ("Total volumes sold at our auction sites were up 10% over the prior year.", []),
        # revenue at a part is the part's
        ("Sales at Harbor Grill increased 5%.", ["growth 5 : Harbor Grill"]),
        ("Subscription revenues at Daily Ledger grew 6%.", ["growth 6 : Daily Ledger"]),
    ],
    "a part's verb acting on what is no revenue of its own gives nothing": [
        ("Europe increased comparable restaurant sales by 2.6%.", []),
        ("The Insurance segment grew net premiums written by 23.3%.", []),
        ("Our Property business grew policies by 7% year-over-year.", []),
        (
            "Our Northern region and Southern region increased comparable sales by 2.6% and "
            "3.3%, respectively.",
            [],
        ),
        # its own revenue, a period, or a comparison between the verb and the figure
        ("Europe increased revenue by 2.6%.", ["growth 2.6 : Europe"]),
        ("Europe grew in the quarter by 5%.", ["growth 5 : Europe"]),
        (
            "Revenue for Pumps and Valves increased over the prior-year quarter by 21% and 16%, "
            "respectively.",
            ["growth 21 yoy : Pumps", "growth 16 yoy : Valves"],
        ),
        (
            "In the Films segment, sales were up relative to the prior year by 11%.",
            ["growth 11 yoy : Films segment"],
        ),
    ],
    "the company's growth with no word of what grew is no one's": [
        ("And year to date, we're up 5.4%.", []),
        ("We also had that in the first quarter and we delivered 5% growth.", []),
        ("We are still having success with 1% growth from M&A, within the range.", []),
        (
            "When adjusted for divestitures, we saw growth of 13.1% versus Q4 2020.",
            [],
        ),
        # its revenue, a measure of sales growth of its own, itself, or a forecast, named
        ("Year to date, our sales are up 5.4%.", ["growth 5.4 : company"]),
        ("As I mentioned, organic growth was 37%.", ["growth 37 : company"]),
        ("Having said that, the company grew 7% in the quarter.", ["growth 7 : company"]),
        ("The market grew 5%, and we grew 9%.", ["growth 9 : company"]),
        ("We posted top line growth of 9% in the quarter.", ["growth 9 : company"]),
        # a footnote's number joined to the word of revenue leaves it said
        ("Net revenue13 was $18.4 billion, up 1%.", ["growth 1 : company"]),
    ],
    "energy a utility sold, and a lease's spread, are no revenue": [
        ("Weather normalized electric sales were up about 2% for the half.", []),
        ("On a weather-normalized basis, second quarter sales increased 2.9%.", []),
        ("Natural gas sales increased 1.7% year-to-date.", []),
        ("Residential electricity sales rose 3%.", []),
        ("Lease spreads are up 12%.", []),
        ("Rent spreads on executed deals increased 3.4%.", []),
        # a part named for its fuel, and revenue of a spread business, are revenue
        ("Our Gas segment sales rose 4%.", ["growth 4 : Gas segment"]),
        ("Spread revenue grew 4%.", ["growth 4 : Spread"]),
    ],
    "a share or a growth said of a horizon of years ahead is a goal's": [
        # a year named is no horizon: the share forecast for it is a forecast
        (
            "We expect Scorpio to exceed 40% of total revenue by the end of 2026.",
            ["share 40 > : Scorpio"],
        ),
        (
            "We expect services to account for greater than 90% of sales within three years.",
            [],
        ),
        ("Our Asia business is projected to grow 20% over the next five years.", []),
        # a share now, with years past said before it, is the period's
        (
            "Growing recurring revenue has been a focus over the past five years, and recurring "
            "revenue is now 86% of our total revenue.",
            ["share 86 : recurring"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_twenty_ninth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("gap", "of_part", "acted"),
    [
        # the company's verb: any word that names a thing acted on
        (" pieces fed per labor hour by", False, True),
        (" off-premise sales by", False, True),
        (" net sales for the quarter by", False, False),
        # a part's verb: revenue of its own is no other thing
        (" off-premise sales by", True, False),
        (" comparable restaurant sales by", True, True),
        (" comparable sales by", True, True),
        (" policies by", True, True),
        # a verb of its own in the gap leaves what it acted on unsaid
        (" revenue increased by", True, False),
        (" powered by", True, False),
        # periods, hyphenated or not, and comparisons are no thing acted on
        (" over the prior-year quarter by", True, False),
        (" relative to 2019 by", True, False),
    ],
)
def test_what_a_verb_acted_on(gap: str, of_part: bool, acted: bool) -> None:
    assert acted_on(gap, of_part=of_part) is acted
