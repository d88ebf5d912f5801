"""The sixteenth round's rules. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a bare 'up' or 'down' after a comma is the growth of the thing just before it": [
        ("We saw continued strength in services, up 7% organically.", ["growth 7 : services"]),
        (
            "We had strong growth in our software business, up 12% year over year.",
            ["growth 12 yoy : software business"],
        ),
        (
            "We had net sales growth in four of our five largest markets, consisting of the US, "
            "which grew 6%, China, which was down 16%, India, up 93%, Mexico, up 23% and Vietnam "
            "up 60%.",
            [
                "growth -16 : China",
                "growth 93 : India",
                "growth 23 : Mexico",
                "growth 60 : Vietnam",
            ],
        ),
        (
            "Revenue was $5 billion, driven by strength in e-commerce, up 144% versus the prior "
            "year.",
            ["growth 144 yoy : e-commerce"],
        ),
        # the clause's own subject: the amount, a period or a manner names no other thing
        ("Revenue was $5 billion, up 7%.", ["growth 7 : company"]),
        ("Revenue was $5 billion in the quarter, up 7%.", ["growth 7 : company"]),
        ("Revenues totaled $41.8 million, up 48% year over year.", ["growth 48 yoy : company"]),
        ("Sales rose 5% in constant currency, up 7% reported.", ["growth 5 : company"]),
        ("B2C sales continue to grow at a rapid pace, up over 40%.", ["growth 40 > : B2C"]),
        # an aside that describes the name before it leaves whose unsaid
        (
            "The category grew, with Wolverine, the leader in the work boot category, up 16%.",
            [],
        ),
        # a measure that is no revenue, or a count, keeps its figure
        (
            "Total acquisition volume was $51.2 billion in UPB, down 10% from the prior quarter.",
            [],
        ),
        (
            "We ended 2020 with 7,800 full-time internal staff in our staffing divisions, down "
            "32% from the prior year.",
            [],
        ),
        ("Adjusted EBITDA was $50 million in Europe, up 7%.", []),
    ],
    "a clause opened by 'while' or 'although' with no subject of its own shares the main one's": [
        (
            "While down 35% from a record prior-year quarter, revenue grew 17% sequentially.",
            ["growth -35 yoy : company", "growth 17 sequential : company"],
        ),
        (
            "Although up 12% from last year, Services revenue fell 4% sequentially.",
            ["growth 12 yoy : Services", "growth -4 sequential : Services"],
        ),
        # a measure that is no revenue keeps both; a speaker names no measure
        ("While down 5% from last year, EBITDA grew 17% sequentially.", []),
        (
            "Although down 4%, we exceeded expectations in a challenging market environment.",
            [],
        ),
        # a clause with its own subject is read as before
        (
            "While total sales were down 5%, digital sales grew 17%.",
            ["growth -5 : company", "growth 17 : digital"],
        ),
    ],
    "a quarter 'in' a year is that year's, as 'of' it is": [
        (
            "Second quarter net sales of $1.6 billion represents an increase of 15% on a reported "
            "basis compared to the second quarter in 2020.",
            ["growth 15 yoy : company"],
        ),
        ("Net sales increased 15% versus Q2 in 2020.", ["growth 15 yoy : company"]),
        # a quarter with no year against the call's own is the one before it
        (
            "For the third quarter, net sales increased 5% compared to the second quarter.",
            ["growth 5 sequential : company"],
        ),
    ],
    "a base's amount may be said with its participle": [
        (
            "Net sales were $234.5 million, an increase of 3.8% compared to $226 million "
            "delivered in the same quarter last year.",
            ["growth 3.8 yoy : company"],
        ),
    ],
    "an item of a list may name its place after 'in' with no verb of its own": [
        (
            "We saw sales growth in Europe of 12% and in Asia of 8%.",
            ["growth 12 : Europe", "growth 8 : Asia"],
        ),
        (
            "Revenue growth in Europe was 12% and in Asia 8%.",
            ["growth 12 : Europe", "growth 8 : Asia"],
        ),
        (
            "Sales grew in Europe by 12% and in Asia by 8%.",
            ["growth 12 : Europe", "growth 8 : Asia"],
        ),
        (
            "Sales grew by 12% in Europe and by 8% in Asia.",
            ["growth 12 : Europe", "growth 8 : Asia"],
        ),
        # a period or a measure that is no revenue is no place of a part
        ("Revenue grew in the quarter by 12%.", ["growth 12 : company"]),
        ("EBITDA grew in Europe by 12%.", []),
    ],
    "a subject's words of time, subordination or a frame name no part": [
        (
            "Our second quarter consolidated revenue totaled $372 million, which was down 27% "
            "compared to a year ago.",
            ["growth -27 yoy : company"],
        ),
        ("EBITDA totaled $372 million, which was down 27% compared to a year ago.", []),
        (
            "In the fourth quarter, organic revenue declined 1.6% year-over-year in what remains "
            "a pretty challenging demand environment.",
            ["growth -1.6 yoy : company"],
        ),
        (
            "Without these acquisitions, organic sales were down 11% from prior year.",
            ["growth -11 yoy : company"],
        ),
        ("Without the pandemic, sales would have grown 5%.", []),
        (
            "Revenue during the fourth quarter increased 12.9% to $203.1 million versus $180 "
            "million a year ago.",
            ["growth 12.9 yoy : company"],
        ),
        (
            "Although sales were down 11.6% versus the second quarter of last year, we were not "
            "significantly impacted.",
            ["growth -11.6 yoy : company"],
        ),
        # a subordinate clause of no revenue names no one: whose, the segment named before
        (
            "Although reduced global travel continues to weigh on this segment, revenue improved "
            "3.6% on a sequential basis.",
            [],
        ),
        (
            "Across the freight segment, total sales decreased 9% from last year to $1.2 billion.",
            ["growth -9 yoy : freight segment"],
        ),
        (
            "Due to the growth within both our central venous catheter and EZ-IO products, Q2 "
            "revenues increased 8.8% to $164.9 million.",
            ["growth 8.8 : company"],
        ),
        (
            "There was an atypical jump in our sales last year in our Active Material Solutions "
            "Group, where we were up over 50% in year-over-year top line growth.",
            ["growth 50 > yoy : Active Material Solutions Group"],
        ),
        # a number's thousands are one word, no list
        (
            "Fourth quarter revenue of $3,298 million grew 13.9% on a reported basis.",
            ["growth 13.9 : company"],
        ),
        (
            "Technology & Analytics Solutions revenue of $1,207 million grew 10.2% reported.",
            ["growth 10.2 : Technology & Analytics Solutions"],
        ),
        # "which continues to represent": the phrase before "which"
        (
            "Second quarter revenue was 5% less, driven by commercial aerospace, which continues "
            "to represent approximately 40% of total revenue in the quarter.",
            ["growth -5 : company", "share 40 ~ : commercial aerospace"],
        ),
        # a word of a compound is no word of talk: the frame names a part
        (
            "In our medical end-use market, sales were up 7% sequentially.",
            ["growth 7 sequential : medical end-use market"],
        ),
        # a speaker's clause after a comma says its own basis
        (
            "In the Americas segment, while year-over-year revenue was down 25%, we continue to "
            "show a sequential improvement.",
            ["growth -25 yoy : Americas segment"],
        ),
    ],
    "a range the company's verb moved to, set against what it was, says the direction": [
        (
            "As a result of these factors, we are revising our cash flow from operations range "
            "to $600 million to $650 million, which was previously $625 million to $675 million.",
            ["guidance cut"],
        ),
        (
            "As a result, we are increasing the middle of the range of COVID impact for the full "
            "year to $170 million from $150 million.",
            ["guidance raised"],
        ),
        # no range nor guidance moved; amounts in other units
        ("We increased prices to $5 from $4.", []),
        ("We are revising our revenue range to $600 million from 5%.", []),
    ],
    "ways of measuring revenue paired 'respectively' are each the company's": [
        (
            "Reported and organic net sales for the quarter were up 6.2% and 8.1%, "
            "respectively, versus the same period a year ago.",
            ["growth 8.1 yoy : company", "alt 6.2"],
        ),
        ("Reported and organic EBITDA increased 28% and 24.3%, respectively.", []),
        (
            "Hardware and software revenue increased 28% and 24.3%, respectively.",
            ["growth 28 : Hardware", "growth 24.3 : software"],
        ),
    ],
    "a place is never the company's own name; a page or a period shown is no name": [
        ("Compared to 2019, total APAC revenue was up 19%.", ["growth 19 yoy : APAC"]),
        ("Total VF revenue grew 5%.", []),
        (
            "Our revenue this past quarter totaled $66.4 million and that's up sequentially by "
            "17% and down by 35% against the prior year quarter.",
            ["growth 17 sequential : company", "growth -35 yoy : company"],
        ),
        (
            "As you can see on Slide 4, total sales for the fourth quarter were $112.3 million "
            "compared to $107.6 million in the same period last year, an increase of 4%.",
            ["growth 4 yoy : company"],
        ),
        # no share of the company's own revenue
        (
            "As you can see on this slide, a ratio of total salaries and related expense, as a "
            "percentage of net revenue was 65.4%.",
            [],
        ),
        ("Services, as a percentage of total revenue was 30%.", ["share 30 : Services"]),
    ],
    "a multiple of revenue in a frame that names a part is the part's": [
        (
            "In Canada, revenues nearly tripled sequentially to $14 million in the third quarter.",
            ["growth 200 ~ sequential : Canada"],
        ),
        ("In this segment, revenues doubled.", []),
        ("In the quarter, revenues doubled.", ["growth 100 : company"]),
    ],
    "what a subject includes, listed, is no subject of the verb after 'and'": [
        (
            "The Intelligent Operating Solutions segment includes Fluke, Industrial Scientific, "
            "Intelex, Accruent and Gordian and represents approximately 40% of total revenue.",
            ["share 40 ~ : Intelligent Operating Solutions segment"],
        ),
        (
            "Consumer packaging, which includes integrated consumer converting operations and "
            "accounted for 23% of first quarter sales.",
            ["share 23 : Consumer packaging"],
        ),
        (
            "Our Services segment includes consulting and support and grew 5%.",
            ["growth 5 : Services segment"],
        ),
    ],
    "a figure of another measure, a market's, a government's or a count is no revenue's": [
        ("For 2020, we had a 20% year-over-year improvement in rate to 0.71.", []),
        (
            "And we're 10% lower than the same quarter last year, primarily due to lower "
            "professional fees and employee related expenses.",
            [],
        ),
        (
            "On a sequential basis, CE was about 68% higher than Q3.",
            ["growth 68 ~ sequential : CE"],
        ),
        ("In fact, remarkably, state and local tax revenue grew by 1.8% in 2020.", []),
        ("Finally, in Macau, marketwide GGR sequentially improved 7% in the second quarter.", []),
        ("Versus 2020, cloud revenue industrywide is up nearly 50%.", []),
        ("Move-ins increased 29% from the fourth quarter to the first quarter.", []),
        # a figure after another measure's, with no subject of its own, is that measure's too
        (
            "Our owned and controlled lot position in the Southern region increased by 23% "
            "compared to a year ago and increased by 12% in the Northern region.",
            [],
        ),
        # (read since the sixty-first round: comps said after a name are the name's)
        (
            "Furniture delivered another very strong quarter, with comps down 10% to last year, "
            "but up 30% to 2019.",
            ["growth -10 yoy : Furniture comps"],
        ),
        ("Orders were up 30%, and sales grew 12%.", ["growth 12 : company"]),
    ],
    "revenue from operations is the company's; what is signed before its noun of change is none": [
        (
            "Revenue from operations for the second quarter was $489 million, a 6% improvement "
            "compared to the first quarter.",
            ["growth 6 sequential : company"],
        ),
        (
            "Growth in the quarter was broad-based driven by nearly 40% new business growth and "
            "solid retention.",
            [],
        ),
        (
            "Our relentless focus on serving the consumer translated into revenue growth of 16% "
            "and EBIT growth of 22% versus the prior year.",
            ["growth 16 yoy : company"],
        ),
        (
            "Hong Kong and Taiwan recorded a 3% constant currency decline.",
            ["growth -3 : Hong Kong and Taiwan"],
        ),
        (
            "Now, for the full-year, sales were 3.593 billion, a 3.8% organic decline, "
            "principally on the first and second-quarter shock of the virus before the "
            "sequential gains of accommodation took hold.",
            ["growth -3.8 : company"],
        ),
    ],
    "a forecast said better, or against the first view given, moves the guidance": [
        (
            "We now expect positive free cash flow of about $300 million, which is $700 million "
            "better than our prior outlook.",
            ["guidance raised"],
        ),
        (
            "Our adjusted EBITDA outlook for 2021 is now projected to be $3.200 billion at the "
            "midpoint, which is $200 million higher than our original outlook.",
            ["guidance raised"],
        ),
        (
            "And we're adjusting our income tax provision rate expectations for the full year to "
            "be in the range of 22% to 22.5%, an improvement over our previously issued guidance.",
            ["guidance cut"],
        ),
        # a result set against the guidance moves nothing, with an article or without
        ("Sales grew 12%, better than our prior guidance.", ["growth 12 : company"]),
        (
            "Cash flow reached $90 million, a better result than our prior guidance.",
            [],
        ),
        (
            "Vishay reported revenues for Q4 of $667 million, higher than our original "
            "expectations.",
            [],
        ),
        (
            "Our free cash flow generation came in at $1.3 billion for the quarter, slightly lower "
            "than our original guidance.",
            [],
        ),
    ],
    "whose a growth is, said by a relative clause, an amount or the words after 'on track'": [
        (
            "I will start with our Safety and Industrial business, which posted an organic sales "
            "decline of 1.3% year on year in the fourth quarter.",
            ["growth -1.3 yoy : Safety and Industrial business"],
        ),
        ("EBITDA, which posted an increase of 5%, was strong.", []),
        (
            "We were especially pleased with the bounce back in our healthcare product line where "
            "organic sales growth increased approximately 11%.",
            ["growth 11 ~ : healthcare product line"],
        ),
        (
            "We reported $31.2 million of E&P waste revenue in the second quarter, up 26% "
            "sequentially from Q1.",
            ["growth 26 sequential : E&P waste"],
        ),
        ("We had $31.2 million of EBITDA in the second quarter, up 26%.", []),
        (
            "Preliminary revenue was $306 million, up 7.1% from the 2019 first quarter.",
            ["growth 7.1 yoy : company"],
        ),
        (
            "We believe our defense business revenue is on track to grow 15% this year, after "
            "growing nearly 20% in 2020.",
            ["growth 15 : defense business", "growth 20 ~ : defense business"],
        ),
        (
            "At the Electronics segment, approximately two-thirds of the 63% year-on-year revenue "
            "increase in the fourth quarter reflected organic growth.",
            [],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_sixteenth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_forecasted_growth_is_a_forecast() -> None:
    [said] = read_words("China is forecasted to grow over 8% in 2021.")
    assert (said.subject, said.value, said.forward) == ("China", 0.08, True)


_PLACES = ["India", "Mexico", "Vietnam", "Brazil", "Japan", "Germany", "Canada", "France"]


@given(
    places=st.lists(st.sampled_from(_PLACES), min_size=2, max_size=5, unique=True),
    values=st.lists(st.integers(1, 150), min_size=5, max_size=5),
    downs=st.lists(st.booleans(), min_size=5, max_size=5),
)
def test_each_item_of_a_list_of_bare_ups_is_its_own(
    places: list[str], values: list[int], downs: list[bool]
) -> None:
    """Law: in "Sales grew in our markets, A, up x%, B, down y%, …", each place's figure is
    its own, with its sign, and none is the company's."""
    items = [
        f"{place}, {'down' if down else 'up'} {value}%"
        for place, value, down in zip(places, values, downs, strict=False)
    ]
    text = "Sales grew in our largest markets, " + ", ".join(items) + "."
    read = [(s.subject, round((s.value or 0) * 100)) for s in read_words(text)]
    expected = [
        (place, -value if down else value)
        for place, value, down in zip(places, values, downs, strict=False)
    ]
    assert read == expected
