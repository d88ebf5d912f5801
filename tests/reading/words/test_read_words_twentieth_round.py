"""The twentieth round's rules. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a place said before a part's figure leaves the figure the part's": [
        (
            "U.S. revenue grew 18% with companion animal products growing 21% and livestock "
            "sales increasing by 13%.",
            [
                "growth 18 : U.S.",
                "growth 21 : companion animal products",
                "growth 13 : livestock",
            ],
        ),
        (
            "Looking at the quarter, sales grew 12.7% with battery up 11% and auto care up 27%, "
            "globally.",
            ["growth 12.7 : company", "growth 11 : battery", "growth 27 : auto care"],
        ),
        # a place that frames a part not itself a place still leaves whose it is unsaid
        ("In EMEA, constant currency consumer sales declined 11% from a year ago.", []),
    ],
    "a business frames its own parts and places: each keeps its figure": [
        (
            "In our international business, EMEA revenue was up 24%, driven primarily by "
            "strength in our wholesale business.",
            ["growth 24 : EMEA"],
        ),
        (
            "On the retail side of our business, our domestic retail business was up 9%.",
            ["growth 9 : domestic retail business"],
        ),
        # (a part named by a capital grew in the place that frames it: the fifty-third round's
        # rule, test_read_words_fifty_third_round.py; a part in lower case stays unsaid whose)
        (
            "In the Americas, Flavor Solutions sales grew 19% year-over-year.",
            ["growth 19 yoy : Flavor Solutions in Americas"],
        ),
        ("In the Americas, consumer sales grew 19% year-over-year.", []),
    ],
    "a figure after 'low', 'mid' or 'high' is a magnitude, no figure": [
        ("This included mid-20% core growth in North America and low 30% growth in China.", []),
        ("Sensing performed well in China with mid 20% growth.", []),
        ("Revenue in North America grew 20%.", ["growth 20 : North America"]),
    ],
    "all or each opening a subject, or all, each or both closing it, names no one part": [
        ("And all brands grew nearly 40% on a two-year basis.", []),
        ("Production increased 28% in each segment.", []),
        ("Our business in both countries represents less than 1% of total revenue.", []),
        ("All Other increased by 8.1% on a constant currency basis.", ["growth 8.1 : All Other"]),
        (
            "Taking a deeper look at the top line, both our Americas and International segments "
            "grew organically more than 12%.",
            ["growth 12 > : Americas and International segments"],
        ),
    ],
    "'where', 'up', 'down' and 'teams' name no part; 'hardest' and 'historic' describe": [
        ("Our sales teams did a remarkable job, with revenues up 25% over 2019.", []),
        (
            "California, our hardest hit vertical, doubled in Q2 versus a decline of 34% in Q1.",
            [],
        ),
        (
            "Asia-Pacific, which is principally our Australia business had a very strong quarter "
            "with revenue up $91 million or up about 21% in local currency.",
            [],
        ),
    ],
    "transactions, employment and coverage are counts, no revenue; a capitalised word before "
    "another is a word of a name": [
        (
            "North America revenue increased 2% constant currency on transaction growth of 1%.",
            ["growth 2 : North America"],
        ),
        ("Construction employment in Metro Phoenix increased by 9.6%.", []),
        ("We increased our coverage of businesses in the region by 57%.", []),
        (
            "Transaction Processing up 10 percent, up 11 percent at constant currency.",
            ["growth 10 : Transaction Processing", "alt 11"],
        ),
        ("Transaction revenue grew 5% in the quarter.", ["growth 5 : Transaction"]),
    ],
    "a frame said 'as it relates to', 'when it comes to', 'with regard to' or 'in terms of' "
    "names its part; a progression names none": [
        (
            "As it relates to digital, sales increased 21% in the quarter.",
            ["growth 21 : digital"],
        ),
        (
            "When it comes to our Aviation segment, revenue improved 3.6% on a sequential basis.",
            ["growth 3.6 sequential : Aviation segment"],
        ),
        (
            "In terms of quarterly progression, organic revenues declined 3.4% in the fourth "
            "quarter.",
            ["growth -3.4 : company"],
        ),
    ],
    "returned, recovered, gained, stood, outpaced, surpassed and turned are verbs: the clause "
    "before them is the subject": [
        (
            "Our direct-to-consumer channel returned to a more normalized level, accounting for "
            "20.1% of total sales for the quarter.",
            ["share 20.1 : direct-to-consumer channel"],
        ),
        (
            "Asia-Pacific turned positive this quarter, up 3%.",
            ["growth 3 : Asia-Pacific"],
        ),
        (
            "Quarterly revenue surpassed $800 million for the first time and represented a 16.6% "
            "increase over last year.",
            ["growth 16.6 yoy : company"],
        ),
    ],
    "a clause opened 'even as', 'even though' or 'even if' names no subject of the main one": [
        (
            "Even as dining room sales recovered throughout the year, we continued to grow our "
            "digital sales that reached a record $22 billion, an increase of approximately 25% "
            "over 2020.",
            ["growth 25 ~ yoy : digital sales"],
        ),
    ],
    "guidance raised and narrowed, an expected measure moved, guidance instituted, buyback "
    "guidance": [
        (
            "For revenue, we are raising and narrowing our guidance range.",
            ["guidance raised"],
        ),
        (
            "We are also increasing expected full year cash flow from operations to a range of $13 "
            "billion to $13.5 billion.",
            ["guidance raised"],
        ),
        (
            "We're instituting formal earnings guidance for the full year.",
            ["guidance introduced"],
        ),
        (
            "We are raising stock repurchase guidance for the year to $600 million.",
            ["guidance raised"],
        ),
        ("We are raising the dividend and our stock repurchase authorization.", []),
        ("We are raising and then cutting costs.", []),
    ],
    "a driver's growth takes the basis of the growth it drove, said in that growth's own words": [
        (
            "US Innerwear sales increased 20% over prior year driven by an 18% increase in "
            "Basics, an 8% increase in Intimates.",
            [
                "growth 20 yoy : US Innerwear",
                "growth 18 yoy : Basics",
                "growth 8 yoy : Intimates",
            ],
        ),
        (
            "Revenue was up 33% year over year, led by a 40% increase in Apparel and a 19% "
            "increase in Gear.",
            ["growth 33 yoy : company", "growth 40 yoy : Apparel", "growth 19 yoy : Gear"],
        ),
        # a driver said after a growth of no basis has none
        (
            "Revenue grew 10% driven by a 15% increase in Cloud.",
            ["growth 10 : company", "growth 15 : Cloud"],
        ),
    ],
    "a share of the total said alone, or of the total mix, is a share of revenue": [
        (
            "Recurring revenue represented 62% of the total, up from 53% a year ago.",
            ["share 62 : Recurring revenue", "share 53 : Recurring revenue"],
        ),
        (
            "Online sales represented approximately 40% of our total mix.",
            ["share 40 ~ : Online sales"],
        ),
        ("Customers represented 62% of the total.", []),
        ("Premium lines were 40% of our product mix.", []),
    ],
    "a part the call names, said after a place, is that part; a channel is a part by its "
    "name alone": [
        (
            "Livestock sales increased 10%. U.S. livestock grew 13% in the quarter, driven "
            "primarily by cattle.",
            ["growth 10 : Livestock", "growth 13 : U.S. livestock"],
        ),
        ("U.S. cattle grew 13% in the quarter.", []),
        (
            "Merchants' revenue acceleration included 31% revenue growth in e-commerce.",
            ["growth 31 : e-commerce"],
        ),
        ("The D2C business accelerated, led by 24% growth in digital.", ["growth 24 : digital"]),
    ],
    "a part doing a growth after 'with' is its subject; a part the clause lists is no other "
    "part beside a place": [
        (
            "Our businesses performed well, with our International business delivering strong "
            "sales growth of 21% in Q3.",
            ["growth 21 : International business"],
        ),
        (
            "Additionally, our PG&A and International businesses performed well, with PG&A "
            "sales growing 8%.",
            ["growth 8 : PG&A"],
        ),
        ("Rent concessions in the U.S. were down 63% in Q3.", []),
    ],
    "'doubling' said of what was done is a growth of 100%; governed by a preposition or a "
    "noun, none": [
        (
            "Real Living continues on its strong trajectory, almost doubling versus Q3 of last "
            "year.",
            ["growth 100 ~ yoy : Real Living"],
        ),
        ("We are focused on doubling our business by 2025.", []),
        ("The doubling of sales is attributed to the recovery.", []),
        ("There is a clear opportunity for more than doubling sales in the years to come.", []),
    ],
    "the twenty-first round: mix is a measure; 'even though' and 'ago' name nothing; a speaker "
    "said names no part; a frame's period is no word of its part": [
        (
            "Commercial revenue was $226 million, down 13%, volume was down 8%, price was flat, "
            "and mix was down 5%.",
            ["growth -13 : Commercial"],
        ),
        (
            "Even though PeopleManagement revenue exceeded the comparable period by 4%, revenue "
            "declined 1% in the fourth quarter.",
            ["growth -1 : PeopleManagement"],
        ),
        ("So REPREVE sales versus year ago first quarter was up 39%.", []),
        (
            "Craig already mentioned, our sales grew a very strong 34% in U.S. dollars.",
            ["growth 34 : company"],
        ),
        (
            "In Refrigeration for the fourth quarter, revenue was up 7% as reported.",
            ["growth 7 : Refrigeration"],
        ),
        (
            "In terms of the specifics for the quarter, consolidated revenue was $601 million, up "
            "12%.",
            ["growth 12 : company"],
        ),
    ],
    "the figures before a list paired 'respectively' are each read on their own; the list "
    "gives nothing unless it is every figure before the word": [
        (
            "Direct-to-consumer sales increased 30% year over year, supported by growth in "
            "domestic and international markets of 17% and 52%, respectively.",
            ["growth 30 yoy : Direct-to-consumer"],
        ),
        (
            "MRO/UE and Greenfield were 64% and 36% of revenue, respectively.",
            ["share 64 : MRO/UE", "share 36 : Greenfield"],
        ),
        ("Residential usage was up 12.8% in the quarter.", []),
        # a word within a hyphenated name ends no object; a level names no part
        (
            "Revenue grew 10%, led by a 24% increase in our direct-to-consumer business.",
            ["growth 10 : company", "growth 24 : direct-to-consumer business"],
        ),
        (
            "At a high level, total net revenue increased 80% year over year.",
            ["growth 80 yoy : company"],
        ),
        # where a revenue's parts came from, said after "with": each part's share
        (
            "Total net revenue increased 80% to $856 million, with 39% coming from the Topgolf "
            "segment, 34% from golf equipment, and 27% from apparel.",
            [
                "growth 80 : company",
                "share 39 : Topgolf segment",
                "share 34 : golf equipment",
                "share 27 : apparel",
            ],
        ),
        ("Revenue rose 5%, with 39% coming from price increases.", ["growth 5 : company"]),
        (
            "Revenue rose 5%, with 60% growth in Cloud.",
            ["growth 5 : company", "growth 60 : Cloud"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_twentieth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@given(
    st.integers(min_value=1, max_value=90),
    st.integers(min_value=1, max_value=90),
    st.sampled_from(["year over year", "versus last year", "compared to the prior year"]),
    st.sampled_from(["driven by", "led by", "due to"]),
)
def test_each_driver_of_a_growth_is_measured_on_its_basis(
    whole: int, part: int, basis: str, driver: str
) -> None:
    """A law: a growth's drivers, said after it with no basis of their own, are each against
    the base the growth says (whatever the figures and the words of the base and the driver)."""
    text = (
        f"Revenue increased {whole}% {basis}, {driver} a {part}% increase in Cloud and a "
        f"{part + 1}% increase in Storage."
    )
    read = {s.subject: s for s in read_words(text) if s.kind == "growth"}
    assert {s.basis for s in read.values()} == {"year over year"}, read
    assert read["Cloud"].value is not None and round(read["Cloud"].value * 100) == part
    assert read["Storage"].value is not None and round(read["Storage"].value * 100) == part + 1
