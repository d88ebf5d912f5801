"""The thirty-third round's rules: names that "respectively" pairs with figures said before a
noun of growth, as amounts of their measures, in a relative clause of their sales, or as a base
list of shares; the figures said after a pair; a noun of change whose object a cause ends; and
revenue in a "with" phrase after the part a performance was had in. Made-up sentences, each
beside what it states as test_read_words_classes.py writes it ([] where nothing may be read),
with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "the names before a noun of growth pair with its figures; revenue's is the owner's": [
        (
            "These rates far exceeded our loan and revenue growth rates of 19% and 16%, "
            "respectively.",
            ["growth 16 : company"],
        ),
        (
            "These investments led to strong portfolio and revenue growth, up 26% and 20%, "
            "respectively.",
            ["growth 20 : company"],
        ),
        (
            "Europe delivered bookings and revenue growth of 12% and 9%, respectively.",
            ["growth 9 : Europe"],
        ),
        # two measures with no revenue, or two revenues, pair with nothing
        ("Volume and price growth of 3% and 2%, respectively, drove the year.", []),
        ("Margin and earnings growth of 30 and 25%, respectively.", []),
    ],
    "amounts, each of its measure, pair with the figures after them": [
        (
            "Our Asia segment had $50 million of sales and $13 million of EBITDA, representing "
            "increases of 32% and 62%, respectively.",
            ["growth 32 : Asia segment"],
        ),
        (
            "We generated $3.3 billion of revenue and $578 million of operating income, up 3% "
            "and 7% respectively over the prior year.",
            ["growth 3 yoy : company"],
        ),
        (
            "We reported results: net revenues of $36.6 million, adjusted EBITDA of $14.7 "
            "million and adjusted net income per diluted share of $0.74, increases of 78%, 29% "
            "and 40%, respectively.",
            ["growth 78 : company"],
        ),
        (
            "Our Asia segment had $50 million of sales and $13 million of EBITDA, representing "
            "decreases of 12% and 22%, respectively.",
            ["growth -12 : Asia segment"],
        ),
        # an amount list that does not pair one to one, or with no measure said, gives nothing
        (
            "We had $50 million of sales, $13 million of EBITDA and $4 million of cash, up 32% "
            "and 62%, respectively.",
            [],
        ),
        ("We spent $50 million and $13 million, up 32% and 62%, respectively.", []),
    ],
    "the parts before a relative clause of their sales pair with its figures": [
        (
            "We saw strength in home and active, where our sales increased 95% and 57% "
            "respectively.",
            ["growth 95 : home", "growth 57 : active"],
        ),
        ("We saw strength in home and active, where our traffic grew 9% and 7% respectively.", []),
    ],
    "a list of shares after 'compared to' with 'respectively' is the base of those before": [
        (
            "For the quarter, 55% of our revenue came from EMEA, 28% from the Americas and 17% "
            "from Asia, compared to 60%, 19% and 22%, respectively, a year ago.",
            [
                "share 55 : EMEA",
                "share 28 : Americas",
                "share 17 : Asia",
                "share 60 : EMEA",
                "share 19 : Americas",
                "share 22 : Asia",
            ],
        ),
        # as many figures as the shares before them, or nothing
        (
            "For the quarter, 55% of our revenue came from EMEA and 45% from the Americas, "
            "compared to 60%, 19% and 21%, respectively, a year ago.",
            ["share 55 : EMEA", "share 45 : Americas"],
        ),
    ],
    "a figure after a pair is read on its own when it names its own subject": [
        (
            "The Dunkin and Cafe brands grew 10% and 18%, respectively, offset by a 7% decline "
            "for the Folgers brand.",
            ["growth 10 : Dunkin brands", "growth 18 : Cafe brands", "growth -7 : Folgers brand"],
        ),
        # never the pair's names
        (
            "Worth noting, while revenues in EMEA and North America increased 22.8% and 8.1% "
            "respectively, "
            "revenues in Asia Pacific which represented 6.6% of our overall revenues, declined "
            "14.8%.",
            ["growth 22.8 : EMEA", "growth 8.1 : North America", "share 6.6 : Asia Pacific"],
        ),
    ],
    "the object of a noun of change ends where a cause or a circumstance begins": [
        (
            "Pumps & Process Solutions posted 18% organic growth in the quarter on improved "
            "volumes across all businesses.",
            ["growth 18 : Pumps & Process Solutions"],
        ),
        (
            "Our Fiberglass business unit reported a 13% sequential increase in revenue with "
            "solid EBITDA flow-through.",
            ["growth 13 sequential : Fiberglass business unit"],
        ),
        # a measure that is the object still is
        ("Our Fiberglass business unit reported a 13% increase in volumes.", []),
    ],
    "revenue in a 'with' phrase after the part a performance was had in is the part's": [
        (
            "We again saw a strong growth in the personal care segment with sales up 7% driven "
            "by new gains.",
            ["growth 7 : personal care segment"],
        ),
        (
            "We had a challenging first quarter in Video with revenue down 20% sequentially.",
            ["growth -20 sequential : Video"],
        ),
        (
            "We saw excellent performance in Personal Care, with 5% organic sales growth.",
            ["growth 5 : Personal Care"],
        ),
        # a period is no part; a part's own revenue words keep it
        ("We had a strong performance in the quarter, with sales up 7%.", ["growth 7 : company"]),
        (
            "We saw strength in Europe, with Asia sales up 7%.",
            ["growth 7 : Asia"],
        ),
    ],
}

# Written after the round's new sets were scored, on what they invented.
AFTER_SCORING: dict[str, list[tuple[str, list[str]]]] = {
    "days, prescriptions, funds available and the bottom line are measures, no revenue": [
        (
            "Skilled revenue grew by 5.7%, and managed-care days grew by 7.6%.",
            ["growth 5.7 : Skilled"],
        ),
        ("Sequentially, our Rxs grew by 20% in the U.S.", []),
        ("Normalized FAD grew by 30% over the prior year.", []),
        (
            "Buena Vista's top line revenue grew 11%, and its bottom line increased 115%.",
            ["growth 11 : Buena Vista"],
        ),
        # a segment called Rx keeps its revenue; days a growth is adjusted for are no measure
        ("Net sales in RX grew approximately 4%.", ["growth 4 ~ : RX"]),
        (
            "In Germany, revenues declined 31% in constant currency adjusted for billing days.",
            ["growth -31 : Germany"],
        ),
    ],
    "a growth since a time said before has no period": [
        ("We've essentially doubled the business since then.", []),
        ("Revenue has grown 40% since 2015.", ["growth 40 : company"]),
    ],
    "a question opened by a frame states nothing": [
        ("On the Weapons side, are you expecting kind of similar, like 10% growth on that.", []),
        ("On the Weapons side, sales grew 10%.", ["growth 10 : Weapons"]),
    ],
    "a name the sentence calls a customer, its share a concentration": [
        (
            "Comcast was our only greater than 10% customer in the quarter, accounting for "
            "approximately 20% of revenue.",
            [],
        ),
        (
            "Cable Access was our largest segment, accounting for approximately 20% of revenue.",
            ["share 20 ~ : Cable Access"],
        ),
    ],
    "what grew in 'a' kind of thing, or in some of them, names no part": [
        (
            "KYPROLIS grew 13% year-over-year in a competitive multiple myeloma segment.",
            [],
        ),
        ("Russia continues to be down nearly 30% in a number of segments.", []),
        ("Sales grew 13% year-over-year in the oncology segment.", ["growth 13 yoy : oncology"]),
    ],
    "a move of guidance asked about, weighed, or per unit, is no move": [
        ("And next was the question on F-35 sales and lowering the outlook for this year.", []),
        ("That's the difference between raising guidance if any or holding it steady.", []),
        (
            "For each month the emergency has extended, it increases our full year revenue "
            "outlook by $150 million.",
            [],
        ),
        (
            "Excluding the effects from the supply disruption and reduced shipments, we estimate "
            "that retail net sales would have increased about 1%.",
            [],
        ),
        ("We are raising our full year revenue outlook by $150 million.", ["guidance raised"]),
    ],
    "a growth said with a word of praise between its verb and figure is read as with 'strong'": [
        (
            "Revenue for the third quarter grew an outstanding 18% to a record $158 million.",
            ["growth 18 : company"],
        ),
        (
            "Moving on to Test, revenue was $134 million, increasing an exceptional 22%.",
            ["growth 22 : Test"],
        ),
        ("Operating income grew an outstanding 18%.", []),
    ],
    "guidance revised down or up, kept 'being maintained', or moved by an amount it names": [
        ("We have revised down our fiscal 2022 guidance.", ["guidance cut"]),
        ("We have revised up our fiscal 2022 revenue guidance.", ["guidance raised"]),
        (
            "Our full year revenue guidance is being maintained at $890 million.",
            ["guidance reiterated"],
        ),
        ("Our operating profit outlook increased by $240 million.", ["guidance raised"]),
        ("Our revenue outlook decreased by about $40 million.", ["guidance cut"]),
        (
            "Lastly, we are increasing our cash from operations outlook by $200 million.",
            ["guidance raised"],
        ),
        # what grew is no move of guidance; the market's outlook is no guidance
        ("Our expectations increased as the year went on.", []),
        ("The industry outlook increased by $240 million.", []),
    ],
    "a change of revenue the sentence opens with, qualified, is revenue's": [
        (
            "The 2% sequential decline in revenue is attributable to two fewer days.",
            ["growth -2 sequential : company"],
        ),
        ("The 5% sequential increase in volume was driven by new customers.", []),
    ],
}

# Written after the second new sets were scored, on what they invented.
AFTER_SECOND_SCORING: dict[str, list[tuple[str, list[str]]]] = {
    "a unit revenue, prescriptions, assets under administration, viewership are measures": [
        ("That reflects our 7% decline in TRASM for the second quarter.", []),
        ("We continue to see good TRx growth of approximately 3% in the U.S.", []),
        ("Total AUA was up 2% sequentially, driven entirely by market.", []),
        ("Viewership on Fox increased 9% year over year.", []),
        ("Sales rose 12% and corresponding redemptions fell 50%.", ["growth 12 : company"]),
    ],
    "tickets sold ahead are bookings, no revenue of the period": [
        ("Advanced ticket sales for early Q2 events are trending up approximately 2%.", []),
        ("Ticket sales grew 5% in the quarter.", ["growth 5 : Ticket"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(AFTER_SECOND_SCORING))
def test_the_rules_written_after_the_second_sets_were_scored(
    text: str, expected: list[str]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), by_rule(AFTER_SCORING))
def test_the_rules_written_after_the_new_sets_were_scored(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_thirty_third_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
