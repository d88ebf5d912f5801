"""The fifty-seventh round's rules, found on two sets of calls labelled blind in round 55 and kept
unread until this round (AY, the fifth source; AZ, ECTSum), on the read sets' misses and on
random samples of the reader's reads over ECTSum and the fifth source:

- comparable sales named with their place after them ("Comp sales in Mexico increased nearly
  8%") are that place's, with the part said before them ("eCommerce comps in Canada"); said in a
  period ("Comps in Q4 were up 3%") they are the period's; "in constant currency" after them
  names no part; against a year named ("compared with our pre-COVID fiscal 2019 fourth
  quarter") they are no period's own; "written" sales are orders; a channel's comparable sales
  ("store comps") in a part's section are that part's;
- a price of a unit ("Cents per RTM was up 1%") is no part's revenue;
- a word of the whole written as a name before a segment's noun ("our Global segment") names
  the segment;
- confidence in the guidance itself keeps it ("we remain confident in our full year guide");
  confidence in doing what it says ("in delivering our outlook") or in a business's prospects
  ("the outlook for our businesses") keeps nothing;
- guidance said moving by its figure in the present ("the annual guidance midpoint is increasing
  by $44 million", "Our revenue guidance increases to $2.1 billion") is raised or cut; a moving
  to no figure ("increasing to the point where") is none, and a participle alone ("with our gas
  guidance decreasing to $2.75") is no act of the company's;
- an apposition of what a name holds ("Latin America, including Mexico and the Caribbean,") and a
  period alone before the verb leave the name; not where no comma closes it ("Revenue, including
  Canada grew 5%": whose, unsaid);
- a basis said after the name ("to customers outside the United States on a foreign currency
  adjusted basis") is no part of the name; "For illustration," names no part, nor does a frame
  "as a" opens ("As a reminder, X and Y are 70% of revenue": X and Y's);
- a share of a part's profit ("80% of business unit EBITDA") is no share of revenue;
- a plural demonstrative before a name ("those Ultra models") leaves the name; departures and
  arrivals are counted.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "comparable sales of a place named after them, and in a period": [
        (
            "Comp sales in Brazil increased nearly 8% and grew faster than the market.",
            ["growth 8 ~ : Brazil Comp sales"],
        ),
        (
            "Online demand stayed strong, with eCommerce comps in Canada up nearly 60%.",
            ["growth 60 ~ : Canada eCommerce comps"],
        ),
        (
            "In North America comp sales in the US were up 7% this quarter.",
            ["growth 7 : US comp sales"],
        ),
        (
            "Asia comps increased nearly 20% in constant currency with continued strength online.",
            ["growth 20 ~ : Asia comps"],
        ),
        ("Comps in Q4 were up 3%.", ["growth 3 : Comps"]),
        ("Comp sales for the year increased 8% to $4 billion.", ["growth 8 : Comp sales"]),
        ("Our store comps were down 30% in constant currency.", ["growth -30 : store comps"]),
        (
            "Turning to our Asia business. Our store comps were down 30% in constant currency.",
            [],
        ),
        ("Comp sales in January were up 5%.", []),
        ("Comp sales were up 3% in the U.S.", []),
    ],
    "comparable sales against a year named, and sales written": [
        (
            "Same-store sales for the quarter increased 29% compared with our pre-COVID fiscal "
            "2019 fourth quarter.",
            [],
        ),
        ("Written same-store sales for the quarter increased 29%.", []),
        ("Same-store sales for the quarter increased 6%.", ["growth 6 : Same-store sales"]),
    ],
    "a price of a unit": [
        ("Cents per RTM was up 1%.", []),
        ("Intermodal revenue was up 1%.", ["growth 1 : Intermodal"]),
    ],
    "a word of the whole named as a segment": [
        ("Sales for our Global segment declined 2%.", ["growth -2 : Global segment"]),
        (
            "Sales for our Global segment, which generally includes sales for the top 100 "
            "restaurant chain customers, were up 19% in the quarter.",
            ["growth 19 : Global segment"],
        ),
        ("Global sales declined 2%.", ["growth -2 : company"]),
        ("Total segment sales declined 2%.", []),
    ],
    "confidence in the guidance itself, not in doing what it says": [
        (
            "What I will tell you is that we remain confident in our full year guide.",
            ["guidance reiterated"],
        ),
        (
            "We remain confident in the fiscal 2022 earnings per share guidance we outlined.",
            ["guidance reiterated"],
        ),
        ("We remain confident in our existing guidance.", ["guidance reiterated"]),
        ("We remain confident in delivering our 2021 sales outlook of more than 30% growth.", []),
        (
            "Despite the weather, we remain confident in achieving our 2021 earnings guidance.",
            [],
        ),
        (
            "We remain confident in the outlook for our businesses as evidenced by our strong "
            "international performances.",
            [],
        ),
    ],
    "guidance moving by its figure, said in the present": [
        (
            "For full year billings, the annual guidance midpoint is increasing by $44 million "
            "from last quarter.",
            ["guidance raised"],
        ),
        ("Our full year revenue guidance increases to $2.1 billion.", ["guidance raised"]),
        ("Our full-year guidance declines to a range of $3.10 to $3.20.", ["guidance cut"]),
        ("The outlook is increasing to the point where we can invest more.", []),
        (
            "These are offset by revisions to our price assumptions, with our natural gas "
            "guidance decreasing to $2.75 per MMBtu.",
            [],
        ),
    ],
    "what a name holds, and a period alone, before the verb": [
        (
            "Net sales in Latin America, including Mexico and the Caribbean, in the 2025 second "
            "quarter decreased 7.8% in dollars.",
            ["growth -7.8 : Latin America"],
        ),
        ("Industrial, including valves, grew 7%.", ["growth 7 : Industrial"]),
        ("Revenue, including Canada grew 5%.", []),
        (
            "In Films, overall sales nearly doubled, including the benefit of an acquisition, "
            "with underlying organic sales increasing a strong 10% in the quarter.",
            ["growth 100 ~ : Films"],
        ),
    ],
    "a share of a part's profit, and a frame's end no list's item": [
        (
            "As a reminder, Workforce Solutions and USIS are over 70% of Equifax revenue and "
            "80% of Equifax business unit EBITDA.",
            ["share 70 > : Workforce Solutions and USIS"],
        ),
        ("Workforce Solutions is 70% of our business.", ["share 70 : Workforce Solutions"]),
    ],
    "a plural demonstrative before a name": [
        (
            "Together, those Ultra models contribute 8% of total Q3 sales.",
            ["share 8 : Ultra models"],
        ),
        ("Those models represent 8% of total sales.", []),
    ],
    "counted departures": [
        ("International departures grew by 18.5% year-on-year.", []),
        ("International revenue grew by 18.5% year-on-year.", ["growth 18.5 yoy : International"]),
    ],
    "a frame of discourse names no part": [
        (
            "For illustration, our sales excluding favorable currency translation were up 8% "
            "from the prior year.",
            ["growth 8 yoy : company"],
        ),
    ],
    "a basis said after the name": [
        (
            "Net sales to customers outside the United States on a foreign currency adjusted "
            "basis, increased 16.5% to $869.1 million.",
            ["growth 16.5 : outside the United States"],
        ),
        ("Sales in Europe on an organic basis increased 4%.", ["growth 4 : Europe"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_fifty_seventh_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
