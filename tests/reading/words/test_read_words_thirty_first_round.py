"""The thirty-first round's rules: structures of English that no rule read, or read wrong, in
calls of both transcript sources. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a share set against an earlier share of its own whole is the part's": [
        (
            "Software accounted for 41% of revenue in 2022 compared to 35% of revenue in 2021.",
            ["share 41 : Software", "share 35 : Software"],
        ),
        (
            "Our placement revenues were 9.5% of staffing revenues versus 10.2% of staffing "
            "revenues in the same quarter one year ago.",
            ["share 9.5 : placement", "share 10.2 : placement"],
        ),
        (
            "Services accounted for 30% of our sales, as compared to 26% of our sales a year ago.",
            ["share 30 : Services", "share 26 : Services"],
        ),
        # a share of another measure set against it is no share of the part
        (
            "Software represented 14% of our sales, compared to operating income at 12% of our "
            "sales.",
            ["share 14 : Software"],
        ),
    ],
    "a share said to come through a channel, or generated on one, is the channel's": [
        ("About 30% of our revenue came through our distributors.", ["share 30 ~ : distributors"]),
        (
            "Approximately 80% of our sales were generated on our website compared to 78% for "
            "the same quarter last year.",
            ["share 80 ~ : website", "share 78 : website"],
        ),
        # parts listed after the first are all of it: none is read alone
        ("Approximately 40% of sales came through our home, seasonal and hard lines.", []),
    ],
    "a share said as a trait of revenue names the revenue of that kind": [
        ("65% of our revenue is recurring in nature.", ["share 65 : recurring revenue"]),
        ("Over 90% of our Dice revenue is recurring.", ["share 90 > : recurring revenue"]),
        ("About 40% of our revenue is international.", ["share 40 ~ : international"]),
        # a trait of what is no revenue gives nothing
        ("About 40% of our margin is recurring.", []),
    ],
    "a mix of the business, or a split between named parts, gives each part its share": [
        (
            "The current mix of the business is around 35% software, 30% storage, services 15%.",
            ["share 35 ~ : software", "share 30 : storage", "share 15 : services"],
        ),
        (
            "We have a nice split between premium and value, 58% premium and 42% value.",
            ["share 58 : premium", "share 42 : value"],
        ),
        (
            "The revenue mix between products and services was 60% and 40%, respectively.",
            ["share 60 : products", "share 40 : services"],
        ),
        (
            "We achieved a more balanced revenue split between semiconductor and advanced markets, "
            "which is now 57% and 43%, respectively.",
            ["share 57 : semiconductor markets", "share 43 : advanced markets"],
        ),
        # a split whose figures make no whole, a growth split, and a range between figures
        ("We have a split between premium and value, 58% premium and 22% value.", []),
        ("The growth split between price and volume was 3% price and 2% volume.", []),
        ("Revenue grew between 5% and 7%.", []),
    ],
    "guidance moved said as a noun of the change, ours, with its figure or as a lift": [
        (
            "This is a 30% increase in our midpoint adjusted EPS guidance.",
            ["guidance raised"],
        ),
        ("This is reflected in our raise of cost savings guidance.", ["guidance raised"]),
        ("We've had a modest lift in our overall placement expectations.", ["guidance raised"]),
        (
            "This represents a slight decrease in the annual 2021 revenue expectation.",
            ["guidance cut"],
        ),
        (
            "We believe these results justify a downward adjustment to our earnings expectation.",
            ["guidance cut"],
        ),
        ("This year's earnings will finish below our original expectations.", ["guidance cut"]),
        (
            "The agent count guidance that we raised is driven by agents abroad.",
            ["guidance raised"],
        ),
        # an increase in line with expectations, caused by them, or set against last year's
        # results, moves no guidance
        ("Revenue grew 5%, an increase in line with our expectations.", ["growth 5 : company"]),
        ("We expect an increase in EBIT due to our expectation for higher unit margins.", []),
        (
            "That range now reflects a 28% increase in earnings per share guidance at the "
            "midpoint over last year.",
            [],
        ),
        ("Our increase in year-over-year fiscal 2019 guidance reflects a full year.", []),
    ],
    "a rise now expected against a previous outlook of a rise moves the guidance": [
        (
            "We now expect sales for the year to be up about 20% versus the previous outlook of "
            "up 10% to 15%.",
            ["guidance raised", "growth 20 ~ : company"],
        ),
        (
            "Segment sales are forecasted to be up about 10% for the year versus the previous "
            "outlook of up 5% to 10%.",
            ["guidance raised"],
        ),
    ],
    "a forecast in line with the prior estimate stands; a word 'new' names no new guidance": [
        (
            "We anticipate investing $80 million to $90 million, which is in line with our prior "
            "annual estimate.",
            ["guidance reiterated"],
        ),
        (
            "Our forecast for new equipment sales has not changed from our previous outlook.",
            ["guidance reiterated"],
        ),
        ("Our new guidance for the other items is unchanged.", []),
    ],
    "an act said after a cause is an act of its own": [
        (
            "Our view represents a slight decrease in the 2021 revenue expectation, primarily due "
            "to project slippage, while reaffirming the EBITDA view, and increasing our adjusted "
            "diluted earnings per share by $0.05 to $5.45 per share.",
            ["guidance cut", "guidance raised"],
        ),
        # a cause with no act after it: what moved the guidance, no direction of its own
        (
            "We increased our free cash flow guidance, reflecting lower capex now forecast.",
            ["guidance raised"],
        ),
    ],
    "a market's or an economy's forecast moved is no guidance": [
        ("Since we last spoke, GDP forecasts have been revised upwards in the U.S.", []),
        ("GDP expectations were revised downwards in recent months.", []),
        ("Our capex forecast has been revised upwards.", ["guidance raised"]),
    ],
    "guidance held back, or a habit of not updating it, is no guidance kept": [
        (
            "New York is holding back our overall RevPAR guidance in 2016 by about 100 basis "
            "points.",
            [],
        ),
        ("As you know, we do not update our guidance on a quarterly basis.", []),
        ("Those updates don't change our overall guidance.", ["guidance reiterated"]),
        ("We are holding our guidance.", ["guidance reiterated"]),
        ("And as you saw, we held guidance.", ["guidance reiterated"]),
        (
            "We are affirming our full year adjusted earnings per share range at $20.50 to $21.50.",
            ["guidance reiterated"],
        ),
        ("We held the line on costs.", []),
        ("We are not updating our guidance.", ["guidance reiterated"]),
        ("We did not change our guidance.", ["guidance reiterated"]),
    ],
    "a growth said 'was' a word of praise and its figure is the growth's": [
        (
            "Organic sales growth in our ID Solutions Business was a robust 13.2% in Q1.",
            ["growth 13.2 : ID Solutions Business"],
        ),
        ("Growth in Europe was a record 15%.", ["growth 15 : Europe"]),
        # a margin so praised is the margin's
        ("The increase in our operating margin was a strong 120 basis points.", []),
    ],
    "a part that added an amount or a share of its revenue grew by that share": [
        (
            "Our Securities segment added $17.6 million or 46% in operating revenues versus the "
            "prior year.",
            ["growth 46 yoy : Securities segment"],
        ),
        # what added to another measure, or a contribution with no amount, grew by nothing
        ("Acquisitions added $10 million or 3% to EBITDA.", []),
        ("Acquisitions added 5% and FX another 4%.", []),
    ],
    "a frame of what a result stands on is a cause, no part": [
        (
            "On the back of the growth in trading volumes, we delivered record revenues of $104 "
            "million, up 17%.",
            ["growth 17 : company"],
        ),
        ("In the back half of the year, revenue grew 5%.", ["growth 5 : company"]),
    ],
    "a rate per unit of revenue, and an insurer's premiums collected, are no revenue": [
        ("ARC increased by 11% from higher fuel surcharges and core pricing gains.", []),
        ("Our RPU was up 5% in the quarter.", []),
        ("Total collected life and health premiums were down 2%.", []),
        ("Annuity premiums collected were up a healthy 17% compared to the prior year.", []),
        # premium revenue is an insurer's revenue
        ("Premium revenue increased 5% to $631 million.", ["growth 5 : Premium"]),
    ],
    "a named segment's words are its name across 'and'; one segment frames its clause": [
        (
            "Exchange and Rental segment revenue was $171 million, an increase of 28% compared "
            "to 2016.",
            ["growth 28 yoy : Exchange and Rental segment"],
        ),
        ("In the product segment, sales were up 2%.", ["growth 2 : product segment"]),
        # a measure before "and" with a part after it in lower case is two measures
        ("Margin and production division revenue grew 5%.", []),
    ],
    "revenue said internationally or domestically is that part's": [
        (
            "For the second quarter, total revenues internationally were $28.3 million, up 4% "
            "sequentially.",
            ["growth 4 sequential : International"],
        ),
        (
            "In constant dollars, total sales increased 20.1% internationally and increased 1% in "
            "the U.S.",
            ["growth 20.1 : International", "growth 1 : U.S."],
        ),
        (
            "Revenue grew 8%, with sales internationally up 12%.",
            ["growth 8 : company", "growth 12 : International"],
        ),
    ],
    "the place a 'where' clause is said of is the noun phrase after the last verb": [
        (
            "Partially offsetting this was our foodservice business, where sales declined 10% "
            "versus the prior year.",
            ["growth -10 yoy : foodservice business"],
        ),
        ("Growth was strong in Europe, where sales rose 12%.", ["growth 12 : Europe"]),
        # a time is no place of revenue
        ("We saw strength in the quarter, where revenue grew 5%.", []),
    ],
    "what drove a revenue change, each with its own figure, is a part": [
        (
            "For the quarter, apparel sales increased 20% over prior year driven by an 18% "
            "increase in Basics, an 8% increase in intimates and a 49% increase in activewear.",
            [
                "growth 20 yoy : apparel",
                "growth 18 yoy : Basics",
                "growth 8 yoy : intimates",
                "growth 49 yoy : activewear",
            ],
        ),
        # what offset it, and a measure that is no revenue, are not parts
        (
            "Commercial revenues decreased 6%, partially offset by a 5% increase in broadband "
            "connection.",
            ["growth -6 : Commercial"],
        ),
        ("Sales grew 5%, driven by a 10% increase in traffic.", ["growth 5 : company"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_thirty_first_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_share_of_a_part_said_as_a_trait_keeps_what_it_is_of() -> None:
    """ "90% of our Dice revenue is recurring" is a share of Dice's revenue, not the company's."""
    (read,) = read_words("Over 90% of our Dice revenue is recurring.")
    assert read.kind == "share" and read.of == "Dice"
