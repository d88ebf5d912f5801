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
            "Breaking down our net sales performance for the quarter, organic net sales "
            "increased 6% from the prior year.",
            ["growth 6 yoy : company"],
        ),
        ("Digging into Latin America, sales grew 14%.", ["growth 14 : Latin America"]),
        (
            "Breaking down sales into our two segments, the instruments business, which "
            "comprised 71% of our sales, was up 9% compared to the third quarter of last year.",
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
        ("Fourth-quarter marketing for the total company was down 21% year over year.", []),
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
        ("Natural gas therm sales decreased 7% compared to the same period in 2019.", []),
        ("Total electric kilowatt hour sales decreased 2% in the second quarter.", []),
        ("The total admits were down 4.2% year over year.", []),
        ("Occupancy dollars increased 6.7% to approximately $193 million.", []),
        ("Natural gas revenue decreased 7% in the quarter.", ["growth -7 : Natural gas"]),
    ],
    "a guidance's cause gives no direction of its own": [
        (
            "We also increased free cash flow guidance to a range of $340 million to $365 "
            "million, reflecting higher earnings and lower capex now forecast at $60 million.",
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
            "For the third quarter, we're establishing adjusted EPS guidance of $3.80.",
            ["guidance introduced : company"],
        ),
        (
            "We are providing guidance for the full year, which is challenging to beat.",
            ["guidance introduced : company"],
        ),
    ],
    "a capitalised measure word inside a name is the name's": [
        (
            "Process Flow Technologies, sales of $299 million increased 19%.",
            ["growth 19 : Process Flow Technologies"],
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
        ("The rest of Europe was down 9.6% organically.", ["growth -9.6 : rest of Europe"]),
        ("The rest of the business was down 3%.", []),
        ("Again, total revenue less acquisitions was up 4.5%.", ["growth 4.5 : company"]),
    ],
    "all-in opens no subject": [
        (
            "All-in, our reported net sales were up 7% from the prior year.",
            ["growth 7 yoy : company"],
        ),
    ],
    "a change of the growth's rate set beside it has its own base": [
        (
            "The rest of Europe was down 9.6% organically, a significant improvement over Q2.",
            ["growth -9.6 : rest of Europe"],
        ),
        (
            "Revenue from operations was $524 million, a 7% improvement compared to the second "
            "quarter.",
            ["growth 7 sequential : company"],
        ),
    ],
    "a change restated as an amount keeps the growth's base": [
        (
            "Subscription sales grew 52% to $52.1 million, which was an increase of $17.7 million "
            "compared to the fourth quarter of fiscal 2020.",
            ["growth 52 yoy : Subscription"],
        ),
        (
            "Revenue grew 40.7% to $68.9 million, compared to the $49 million of revenue "
            "generated in last year's fourth quarter.",
            ["growth 40.7 yoy : company"],
        ),
        (
            "We reported year-to-date sales of $643.3 million, 21.2% below the $816.5 million in "
            "sales in the same period last year.",
            ["growth -21.2 yoy : company"],
        ),
    ],
    "deferred revenue named with words between is no revenue of the period": [
        ("Our balance of deferred subscription revenue grew 27%.", []),
        ("Subscription revenue grew 27%.", ["growth 27 : Subscription"]),
    ],
    "what one is able to achieve is not achieved": [
        (
            "We remain confident in our ability to deliver greater than 20% growth in China.",
            [],
        ),
        (
            "The team has the ability to pivot, with installation services up 10%.",
            ["growth 10 : installation services"],
        ),
    ],
    "a quarter's results named with words between are no base": [
        (
            "The key takeaways from our fourth quarter and full year results are: fourth "
            "quarter sales were down 3.8%.",
            ["growth -3.8 : company"],
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
            "By geography, North America was up 36% and international was up 38%.",
            ["growth 36 : North America", "growth 38 : international"],
        ),
        ("The international community grew 38%.", []),
    ],
    "a list's items each say their change with a participle of their own": [
        (
            "This decline consisted of drain cleaning revenue, declining 5.8%, plumbing revenue, "
            "declining 5%, and excavation, declining 19.5%.",
            ["growth -5.8 : drain cleaning", "growth -5 : plumbing", "growth -19.5 : excavation"],
        ),
        (
            "This residential revenue growth consisted of drain cleaning, increasing 29.5%, "
            "plumbing expanding 34.9% and excavation increasing 35.8%.",
            ["growth 29.5 : drain cleaning", "growth 34.9 : plumbing", "growth 35.8 : excavation"],
        ),
        # a clause, not an item, before the participle: its own subject's
        (
            "Companion animal products led the way in terms of species growth, growing 34% "
            "operationally.",
            ["growth 34 : Companion animal products"],
        ),
        (
            "On-Road sales rebounded from the 1% year-over-year decline in second quarter, "
            "increasing 58% from 2020.",
            ["growth -1 yoy : On-Road", "growth 58 : On-Road"],
        ),
    ],
    "a growth said strong at its figure": [
        ("Welding growth was also strong in Q2 at 33%.", ["growth 33 : Welding"]),
        ("International recovery was also robust at 58%.", ["growth 58 : International"]),
        ("Margin growth was strong at 33%.", []),
    ],
    "a clause that remains opens after 'and'": [
        (
            "Our industrial business grew 52% on increased capex spending by our customers, and "
            "the commercial business remains solid, up 26%.",
            ["growth 52 : industrial business", "growth 26 : commercial business"],
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
    "a part's figure said with 'with' after the whole's takes the whole's base": [
        (
            "Global Protiviti revenues were up 35% versus the year-ago period, with U.S. "
            "Protiviti revenues up 37%.",
            ["growth 35 yoy : Protiviti", "growth 37 yoy : U.S. Protiviti"],
        ),
        (
            "Revenue grew 5% year over year, with Europe up 3% sequentially.",
            ["growth 5 yoy : company", "growth 3 sequential : Europe"],
        ),
    ],
    "a month of the year before is when, no base": [
        (
            "Ortho-k grew 37%, including $1 million of revenue from our acquisition of Specialists "
            "from August of last year.",
            ["growth 37 : Ortho-k"],
        ),
        ("Ortho-k grew 37% from last year.", ["growth 37 yoy : Ortho-k"]),
    ],
    "a target said to remain at its level is a goal's, no guidance restated": [
        ("Our target for operating expense remains at 20%.", []),
        ("Our capital spending target remains at approximately $3.7 billion.", []),
        (
            "Our free cash flow guidance remains $400 million for the year.",
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
    """A segment's "Revenue was $68.2 million, a decline of 14.2%" after the company's $628.3
    million is not the company's; the company's own, said again, stays."""
    text = (
        "Third quarter revenue was $628.3 million, down 4.1% versus the prior year.\n"
        "Turning to our Interventional business.\n"
        "Revenues totaled $68.2 million in the third quarter, which represents a decline of "
        "14.2%.\n"
        "In total, revenue in the third quarter was $628.3 million, down 4.1% versus the prior "
        "year.\n"
    )
    assert _company(text) == [-4.1, -4.1]


def test_a_level_said_later_and_larger_may_be_a_years() -> None:
    """A quarter's level said first is kept when a larger level said later, with no period
    in its sentence, is the year's."""
    text = (
        "In Q4, revenue grew 9% to $16.7 billion.\n"
        "Revenue was $63.5 billion, up 12%.\n"
        "Net revenue was $16.7 billion in the quarter, up 9%.\n"
    )
    assert _company(text) == [9.0, 12.0, 9.0]


def test_no_base_is_later_than_the_year_before_the_documents_period() -> None:
    """A call of mid-2021 sets its quarter against the second quarter of 2020, whatever a
    sentence of its outlook says against the current year."""
    text = (
        "Given our revised guidance, the second half earnings per share equates to a range of "
        "$4.36 to $4.61, a decrease of 26 to 30% on a year-over-year basis and an 8 to 13% "
        "decline on a sequential basis from the first half of 2021.\n"
        "Motorcycles were up 50% and Boats increased 49% during the second quarter relative to "
        "Q2 2020.\n"
    )
    read = [s for s in read_words(text, day=dt.date(2021, 7, 31)) if s.kind == "growth"]
    assert {(s.subject, s.basis) for s in read} == {
        ("Motorcycles", "year over year"),
        ("Boats", "year over year"),
    }


def test_a_whole_restated_in_another_measure_is_no_contradiction() -> None:
    """ "the company grew 7%" and then "underlying growth of 7% with net sales up 9%": the 9%
    is the company's reported growth, the 7% its underlying one."""
    text = (
        "Having said that, the company grew 7% in the fourth quarter.\n"
        "Regarding the fourth quarter, strong demand drove underlying growth of 7% with net "
        "sales up 9%.\n"
        "Sales were up 15% in the fourth quarter.\n"
    )
    assert _company(text) == [7.0, 9.0]


def test_a_level_named_the_companys_is_never_a_parts() -> None:
    text = (
        "For the year, revenue was $9.6 billion, up 9%.\n"
        "Consolidated net sales increased 19.8% to approximately $3.13 billion.\n"
    )
    assert _company(text) == [9.0, 19.8]


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
        ("Organic revenue excluding $8.9 million of storm work declined 9.4%.", None),
        ("Revenue grew 5%, and operating income was $300 million.", None),
        ("Revenue was up 28% and up 14% sequentially and to a record $196 million.", 196e6),
        ("Sales increased 9% with growth of $19 billion.", None),
    ],
)
def test_the_level_a_sentence_says_revenue_was(sentence: str, level: float | None) -> None:
    said, _ = revenue_level(sentence)
    assert said == (pytest.approx(level) if level is not None else None)
