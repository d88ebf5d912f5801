"""The twenty-second round's rules. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was; and the laws of a document's revenue levels (levels.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import COMPANY, read_words
from catalyst_tui.reading.words.levels import below_the_whole, revenue_level
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "an aside of what was said, between commas, is no word of the clause": [
        (
            "Revenue in the third quarter, like we said, grew 12.5% to $70.1 million.",
            ["growth 12.5 : company"],
        ),
        (
            "For the second quarter, we reported sales, as Maria had noted, of $310.2 million, "
            "up 14.1% from the prior year.",
            ["growth 14.1 yoy : company"],
        ),
        # not an aside: the frame's "where" keeps what it names
        (
            "Let me move over to the Sensors segment, where, as I mentioned, our sales declined "
            "6% organically year-over-year.",
            ["growth -6 yoy : Sensors segment"],
        ),
    ],
    "a speaker going into a part frames it; a cut of the whole into parts frames none": [
        (
            "Breaking down our revenue performance for the period, organic sales increased "
            "6% from the prior year.",
            ["growth 6 yoy : company"],
        ),
        ("Digging into Latin America, sales grew 14%.", ["growth 14 : Latin America"]),
        (
            "Breaking down revenue into our two units, the instruments business, which made up "
            "71% of our revenue, was up 9% compared to the third quarter of last year.",
            ["share 71 : instruments business", "growth 9 yoy : instruments business"],
        ),
    ],
    "a change's amount 'to' a level is no range of amounts": [
        (
            "Sales for the quarter grew approximately $1.2 billion to $14.9 billion, up 8.7% "
            "from last year.",
            ["growth 8.7 yoy : company"],
        ),
        # a range of amounts is a forecast's, whose growth beside it is the range's midpoint
        ("We expect sales of $1.60 billion to $1.66 billion, a 2% decline at the midpoint.", []),
    ],
    "the change in revenue was a figure: that revenue's change": [
        ("The decline in revenue was 18.5%.", ["growth -18.5 : company"]),
        ("The increase in our Asia revenue was 9% for the quarter.", ["growth 9 : Asia"]),
        ("The increase in operating expenses was 12%.", []),
    ],
    "grown, risen and fallen are verbs of change": [
        ("Sales from our online channels have grown 35%.", ["growth 35 : online channels"]),
        ("Revenue has fallen 4% in the quarter.", ["growth -4 : company"]),
        ("Our headcount has risen 4%.", []),
    ],
    "the company as a clause's whole subject of its change is the company": [
        (
            "Having said that, the company grew 5% in the second quarter and had 15% operating "
            "leverage.",
            ["growth 5 : company"],
        ),
        ("Third-quarter marketing spend for the total company was down 14% year over year.", []),
        (
            "The company continues to see good traction from its software efforts with 30% "
            "growth year-over-year.",
            [],
        ),
    ],
    "a growth since a beginning is over years, no period": [
        ("Our e-commerce sales have grown more than threefold since we began our plan.", []),
        ("Our e-commerce sales grew 30% in the quarter.", ["growth 30 : e-commerce"]),
    ],
    "energy sold in its unit, admits and occupancy are no revenue": [
        ("Our therm sales fell 5% compared to the same period in 2019.", []),
        ("Total kilowatt hour sales fell 3% in the first quarter.", []),
        ("Hospital admits were down 3.5% year over year.", []),
        ("Occupancy costs rose 4.1% to about $88 million.", []),
        ("Natural gas revenue decreased 7% in the quarter.", ["growth -7 : Natural gas"]),
    ],
    "a guidance's cause gives no direction of its own": [
        (
            "We raised our cash flow guidance to a range of $120 million to $135 million, "
            "reflecting stronger earnings and lower capital spending now forecast at $25 million.",
            ["guidance raised : company"],
        ),
        (
            "We raised our revenue guidance and lowered our EPS outlook.",
            ["guidance raised : company", "guidance cut : company"],
        ),
    ],
    "giving guidance said to be hard, or set up later, gives none": [
        (
            "Given these factors, establishing full year guidance based on the economy remains "
            "challenging.",
            [],
        ),
        ("We expect to establish guidance for fiscal 2022 on our next call.", []),
        # guidance set now for a period is given
        (
            "For the next quarter, we're establishing diluted EPS guidance of $1.45.",
            ["guidance introduced : company"],
        ),
        (
            "We are providing guidance for the full year, which is challenging to beat.",
            ["guidance introduced : company"],
        ),
    ],
    "a capitalised measure word inside a name is the name's": [
        (
            "Fluid Flow Systems, sales of $145 million increased 12%.",
            ["growth 12 : Fluid Flow Systems"],
        ),
        ("Free Cash Flow grew 19%.", []),
    ],
    "a driver's measure words stand before its part": [
        (
            "Organic sales increased 8%, led by 12% organic sales growth in Snacks reflecting "
            "strong demand.",
            ["growth 8 : company", "growth 12 : Snacks"],
        ),
    ],
    "the rest of a region is a region; a part less an item is the part": [
        ("The rest of Asia was down 3.1% organically.", ["growth -3.1 : rest of Asia"]),
        ("The rest of the business was down 3%.", []),
        ("Total revenue less acquisitions was up 3.9%.", ["growth 3.9 : company"]),
    ],
    "all-in opens no subject": [
        (
            "All-in, our reported revenue was up 5% from a year ago.",
            ["growth 5 yoy : company"],
        ),
    ],
    "a change of the growth's rate set beside it has its own base": [
        (
            "The rest of Asia was down 4.8% organically, a marked improvement over Q1.",
            ["growth -4.8 : rest of Asia"],
        ),
        (
            "Revenue from operations was $524 million, a 7% improvement compared to the second "
            "quarter.",
            ["growth 7 sequential : company"],
        ),
    ],
    "a change restated as an amount keeps the growth's base": [
        (
            "Subscription sales grew 34% to $41.2 million, which was an increase of $10.4 million "
            "compared to the third quarter of fiscal 2020.",
            ["growth 34 yoy : Subscription"],
        ),
        (
            "Revenue grew 22.5% to $81.3 million, compared to the $66.4 million of revenue "
            "generated in last year's third quarter.",
            ["growth 22.5 yoy : company"],
        ),
        (
            "We reported year-to-date sales of $512.6 million, 14.8% below the $601.7 million in "
            "sales in the same period last year.",
            ["growth -14.8 yoy : company"],
        ),
    ],
    "deferred revenue named with words between is no revenue of the period": [
        ("Our balance of deferred subscription revenue grew 27%.", []),
        ("Subscription revenue grew 27%.", ["growth 27 : Subscription"]),
    ],
    "what one is able to achieve is not achieved": [
        (
            "We are confident in our ability to deliver more than 15% growth in Japan.",
            [],
        ),
        (
            "The team has the ability to pivot, with installation services up 10%.",
            ["growth 10 : installation services"],
        ),
    ],
    "a quarter's results named with words between are no base": [
        (
            "The highlights from our third quarter and full year results are: third quarter "
            "sales were down 2.6%.",
            ["growth -2.6 : company"],
        ),
    ],
    "a share's growth is the share's, in a list paired with respectively too": [
        ("Our quarterly TV view share grew 15% in the US.", []),
        ("Our TV view share has grown 15% and 22% in the US and UK, respectively.", []),
        (
            "Americas and EMEA revenue grew 15% and 22%, respectively.",
            ["growth 15 : Americas", "growth 22 : EMEA"],
        ),
    ],
}


# The twenty-third round's: written on sets BK to BP.
LATER: dict[str, list[tuple[str, list[str]]]] = {
    "regions said in lower case are parts": [
        (
            "By region, the Americas were up 17% and international was up 21%.",
            ["growth 17 : Americas", "growth 21 : international"],
        ),
        ("The international community grew 21%.", []),
    ],
    "a list's items each say their change with a participle of their own": [
        (
            "This decline consisted of pump service revenue, declining 4.2%, valve revenue, "
            "declining 7%, and fittings, declining 12.5%.",
            ["growth -4.2 : pump service", "growth -7 : valve", "growth -12.5 : fittings"],
        ),
        (
            "This residential revenue growth consisted of pump service, increasing 18.5%, valves "
            "expanding 22.9% and fittings increasing 15.8%.",
            ["growth 18.5 : pump service", "growth 22.9 : valves", "growth 15.8 : fittings"],
        ),
        # a clause, not an item, before the participle: its own subject's
        (
            "Companion animal products led the way in terms of species growth, growing 34% "
            "operationally.",
            ["growth 34 : Companion animal products"],
        ),
        (
            "Off-Road sales rebounded from the 3% year-over-year decline in third quarter, "
            "increasing 41% from 2020.",
            ["growth -3 yoy : Off-Road", "growth 41 : Off-Road"],
        ),
    ],
    "a growth said strong at its figure": [
        ("Tooling growth was also strong in Q3 at 27%.", ["growth 27 : Tooling"]),
        ("Overseas recovery was also robust at 44%.", ["growth 44 : Overseas"]),
        ("Margin growth was strong at 33%.", []),
    ],
    "a clause that remains opens after 'and'": [
        (
            "Our process business grew 31% on increased capex spending by our customers, and the "
            "service business remains solid, up 14%.",
            ["growth 31 : process business", "growth 14 : service business"],
        ),
    ],
    "a split whose items make a whole is a breakdown of revenue": [
        (
            "The quarterly split was 55% in the U.S., 10% in the U.K., 17% for the rest of "
            "Europe and 18% for Asia-Pacific.",
            [
                "share 55 : U.S.",
                "share 10 : U.K.",
                "share 17 : rest of Europe",
                "share 18 : Asia-Pacific",
            ],
        ),
        ("The split was 60% for new customers and 20% for renewals.", []),
        ("The split was 70% for print and 20% for digital.", []),
    ],
    "a part's revenue said global for its quarter is the part's, not a market's": [
        (
            "On an as-adjusted basis, global third quarter Advisory revenues were up 12% versus "
            "the year-ago period.",
            ["growth 12 yoy : Advisory"],
        ),
        ("Meanwhile, global car sales were up 12% versus the year-ago period.", []),
    ],
    "a part's figure said with 'with' after the whole's takes the whole's base": [
        (
            "Global Advisory revenues were up 21% versus the year-ago period, with U.S. Advisory "
            "revenues up 24%.",
            ["growth 21 yoy : Advisory", "growth 24 yoy : U.S. Advisory"],
        ),
        (
            "Revenue grew 5% year over year, with Europe up 3% sequentially.",
            ["growth 5 yoy : company", "growth 3 sequential : Europe"],
        ),
    ],
    "a month of the year before is when, no base": [
        (
            "Lenses grew 29%, including $2 million of revenue from our acquisition of Opti from "
            "June of last year.",
            ["growth 29 : Lenses"],
        ),
        ("Lenses grew 29% from last year.", ["growth 29 yoy : Lenses"]),
    ],
    "a target said to remain at its level is a goal's, no guidance restated": [
        ("Our target for operating expense remains at 18%.", []),
        ("Our capital spending target remains at approximately $1.9 billion.", []),
        (
            "Our free cash flow guidance remains $250 million for the year.",
            ["guidance reiterated : company"],
        ),
        ("Our guidance for fiscal year 2021 remains unchanged.", ["guidance reiterated : company"]),
    ],
    "expanding is a verb of change, not of its object": [
        (
            "The commercial water restoration business was expanding 14%.",
            ["growth 14 : commercial water restoration business"],
        ),
        ("They are expanding their existing store by over 50%.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES) + by_rule(LATER))
def test_the_twenty_second_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def _company(text: str) -> list[float]:
    return [
        round((s.value or 0) * 100, 4)
        for s in read_words(text)
        if s.kind == "growth" and s.subject == COMPANY
    ]


def test_a_part_reviewed_after_the_whole_is_no_growth_of_the_company() -> None:
    """A segment's "Revenues totaled $74.5 million, a decline of 11.6%" after the company's
    $512.9 million is not the company's; the company's own, said again, stays."""
    text = (
        "Third quarter revenue was $512.9 million, down 3.2% versus the prior year.\n"
        "Turning to our Interventional business.\n"
        "Revenues totaled $74.5 million in the third quarter, which represents a decline of "
        "11.6%.\n"
        "In total, revenue in the third quarter was $512.9 million, down 3.2% versus the prior "
        "year.\n"
    )
    assert _company(text) == [-3.2, -3.2]


def test_a_level_said_later_and_larger_may_be_a_years() -> None:
    """A quarter's level said first is kept when a larger level said later, with no period
    in its sentence, is the year's."""
    text = (
        "In Q4, revenue grew 8% to $12.4 billion.\n"
        "Revenue was $47.1 billion, up 11%.\n"
        "Net revenue was $12.4 billion in the quarter, up 8%.\n"
    )
    assert _company(text) == [8.0, 11.0, 8.0]


def test_no_base_is_later_than_the_year_before_the_documents_period() -> None:
    """A call of mid-2021 sets its quarter against the second quarter of 2020, whatever a
    sentence of its outlook says against the current year."""
    text = (
        "Given our revised guidance, the second half earnings per share equates to a range of "
        "$2.10 to $2.25, a decrease of 14 to 18% on a year-over-year basis and a 5 to 9% "
        "decline on a sequential basis from the first half of 2021.\n"
        "Trailers were up 38% and Boats increased 27% during the second quarter relative to "
        "Q2 2020.\n"
    )
    read = [s for s in read_words(text, day=dt.date(2021, 7, 31)) if s.kind == "growth"]
    assert {(s.subject, s.basis) for s in read} == {
        ("Trailers", "year over year"),
        ("Boats", "year over year"),
    }


def test_a_whole_restated_in_another_measure_is_no_contradiction() -> None:
    """ "the company grew 6%" and then "underlying growth of 6% with net sales up 8%": the 8%
    is the company's reported growth, the 6% its underlying one."""
    text = (
        "Having said that, the company grew 6% in the third quarter.\n"
        "Regarding the third quarter, strong demand drove underlying growth of 6% with net "
        "sales up 8%.\n"
        "Sales were up 15% in the third quarter.\n"
    )
    assert _company(text) == [6.0, 8.0]


def test_a_level_named_the_companys_is_never_a_parts() -> None:
    text = (
        "For the year, revenue was $8.8 billion, up 9%.\n"
        "Consolidated net sales increased 17.4% to approximately $2.41 billion.\n"
    )
    assert _company(text) == [9.0, 17.4]


@given(
    st.floats(min_value=10, max_value=900, allow_nan=False),
    st.floats(min_value=0.01, max_value=0.69),
    st.sampled_from(["million", "billion"]),
    st.sampled_from(["was", "totaled", "of"]),
)
def test_a_level_below_the_whole_is_a_parts_whatever_the_amounts(
    whole: float, share: float, scale: str, verb: str
) -> None:
    """A law: whatever the company's level, the scale and the words, a level said after it
    for the same period below 70% of it is a part's, and the whole's said again is not."""
    part = round(whole * share, 1)
    levels = [
        ("quarter", revenue_level(f"Revenue {verb} ${whole:.1f} {scale}, up 5%.")),
        ("quarter", revenue_level(f"Revenue {verb} ${part:.1f} {scale}, up 3%.")),
        ("quarter", revenue_level(f"Revenue {verb} ${whole:.1f} {scale}, up 5%.")),
    ]
    assert [level for _, (level, _whole) in levels] == pytest.approx(
        [round(whole, 1) * _SCALE[scale], part * _SCALE[scale], round(whole, 1) * _SCALE[scale]]
    )
    assert below_the_whole(levels) == [False, part < 0.7 * round(whole, 1), False]


_SCALE = {"million": 1e6, "billion": 1e9}


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Revenues of $106.4 million decreased 27.1%.", 106.4e6),
        ("Sales grew approximately $3.5 billion to $35.7 billion, up 10.7%.", 35.7e9),
        ("Organic revenue excluding $4.2 million of hurricane work declined 6.1%.", None),
        ("Revenue grew 5%, and operating income was $300 million.", None),
        ("Revenue was up 28% and up 14% sequentially and to a record $196 million.", 196e6),
        ("Sales increased 9% with growth of $19 billion.", None),
    ],
)
def test_the_level_a_sentence_says_revenue_was(sentence: str, level: float | None) -> None:
    said, _ = revenue_level(sentence)
    assert said == (pytest.approx(level) if level is not None else None)
