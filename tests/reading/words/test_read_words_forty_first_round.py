"""The forty-first round's rules, found on the calls the fortieth round had scored unread (set M),
once scored, and on set N once scored: eleven gates of precision (a change named in a thing of
ours after its figure, a count after a verb of output, a span of days where a part would stand,
"expectations" set for people, a forecast of a market's share or over years said in line with a
prior one, a portfolio counted in units, "in a row" and "broad-based", an ordinal, "on the other
hand" or a verb where a part would stand, the latest weeks of store data, a range's top, a total
modelled a forecast) and eight of recall (a growth "in" or "on" our business before a quarter
named, a growth rate said to move from one figure to another, "if I look at" no condition, a
customer group a part, a segment framed by its proper name, "the Levi's brand", guidance
"remains operationally unchanged", a company's name that opens with "New" no word of change).
Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a change named in a thing of ours after its figure is never the clause subject's": [
        (
            "Medical devices revenue was $100 million. Medical devices grew 3%, led by growth in "
            "our labor and delivery portfolio and a 35% increase in our obp Surgical line of "
            "innovative single-use lighted cordless surgical retractors.",
            ["growth 3 : Medical devices"],
        ),
        # a thing of ours short enough to read is read as before; revenue and a quarter are
        # no thing of ours
        (
            "Revenue grew 5%, with a 12% increase in our Surgical line.",
            ["growth 5 : company", "growth 12 : Surgical line"],
        ),
        (
            "Europe revenue grew 8%, with a 10% increase in our fourth quarter.",
            ["growth 8 : Europe", "growth 10 : Europe"],
        ),
    ],
    "a growth right after a count said with a verb of output is the count's": [
        (
            "We shipped 165 exabytes in the data center market, up 4% sequentially and 31% "
            "year-on-year.",
            [],
        ),
        ("We delivered 92 aircraft in the quarter, up 10%.", []),
        # an amount sold is revenue, said as before
        (
            "Data center revenue was $5 million, up 4% sequentially and 31% year-on-year.",
            ["growth 4 sequential : Data center", "growth 31 yoy : Data center"],
        ),
    ],
    "a span of days where a part would stand names no part": [
        (
            "Our sales from Christmas through the end of the fiscal month were down "
            "approximately 20% year-over-year.",
            [],
        ),
        ("Our sales from Europe were up 5%.", ["growth 5 : Europe"]),
    ],
    "expectations with no determiner, measure nor period are set for people": [
        (
            "Building on our legacy, we are raising expectations, driving more rigorous "
            "performance management and a mindset of continuous improvement.",
            [],
        ),
        ("We are raising expectations for the full year.", ["guidance raised"]),
        ("We are raising our expectations for revenue.", ["guidance raised"]),
    ],
    "a forecast of a market's share or over years, in line with a prior one, is no guidance": [
        (
            "For the upcoming family of premium devices, we expect approximately 75% share, "
            "consistent with prior expectations.",
            [],
        ),
        (
            "We expect to make minimal annual cash contributions over the next several years, "
            "consistent with prior guidance.",
            [],
        ),
        (
            "We expect revenue of $5 billion, consistent with prior guidance.",
            ["guidance reiterated"],
        ),
    ],
    "a portfolio counted in units, in a sentence naming no revenue, is the units'": [
        (
            "At approximately 2.5 million units, the largest in the industry, our maintenance "
            "portfolio grew 4% for the 14th consecutive quarter.",
            [],
        ),
        ("Service revenue grew 4% on 2.5 million units.", ["growth 4 : Service"]),
    ],
    "'broad-based' is a word of praise, no name": [
        (
            "Companion animal diagnostics delivered broad-based 13% operational revenue growth "
            "for the year.",
            ["growth 13 : Companion animal diagnostics"],
        ),
    ],
    "a word that counts points, a discourse phrase or a verb names no part": [
        ("Fifth, our growth in women's continued to accelerate, up 11% for the year.", []),
        # (the frame of discourse names no part: the company's, since the forty-third round)
        (
            "On the other hand, net sales exceeded $12 billion, representing 2% organic growth "
            "over the prior year.",
            ["growth 2 yoy : company"],
        ),
        ("As we conclude our first half of the year with 4% revenue growth, we are confident.", []),
        # a part said with its own figure is read as before
        ("Europe ended the year with 5% growth.", ["growth 5 : Europe"]),
    ],
    "a growth measured over the latest weeks of store data is consumption": [
        (
            "Distribution is up 13% versus prior year in the latest 13 weeks and base sales are "
            "up over 10%.",
            [],
        ),
        ("Over the last 52 weeks, retail sales of our brands grew 17%.", []),
        ("Revenue grew 5% in the quarter.", ["growth 5 : company"]),
    ],
    "a segment framed by its proper name is that segment, a measure's word in lower case": [
        (
            "In Reliability, revenue was $3 billion, up 3% year-over-year.",
            ["growth 3 yoy : Reliability"],
        ),
        # a measure in capitals, a name of two words that names a measure, a clause that names
        # no revenue: no part
        ("In EBITDA, we grew 3%.", []),
        ("In Operating Income, we grew 3%.", []),
        ("In Orders, we grew 3%.", []),
    ],
    "a possessive after a determiner and before a brand's noun is the brand's name": [
        (
            "In Q4, the Levi's brand grew 4%, driven by strength in men's.",
            ["growth 4 : Levi's brand"],
        ),
        ("Our Kellogg's business grew 5%.", ["growth 5 : Kellogg's business"]),
        # an owner's part is still the part, and another company's business no one's here
        ("NVIDIA's Blackwell revenue grew 20%.", ["growth 20 : Blackwell"]),
        ("Apple's business grew 20%.", []),
    ],
    "'in a row' names no part": [
        (
            "Revenue grew 39% year-over-year to $797 million, our fourth year in a row growing "
            "above 30%.",
            ["growth 39 yoy : company"],
        ),
    ],
    "a growth in or on a business of ours is that business's, a quarter named after it": [
        ("We had 18% growth on our snack business in Q4.", ["growth 18 : snack business"]),
        ("We had 18% growth in our snack business in Q4.", ["growth 18 : snack business"]),
        # "on" with no business is a cause, and a quarter alone names no part
        ("Revenue grew 5% on our strong execution.", ["growth 5 : company"]),
        ("Revenue grew 5% in Q4.", ["growth 5 : company"]),
    ],
    "a growth rate said to move from one figure to another gives both": [
        (
            "Sales growth strengthened from 1.5% in the first half to 2.7% in the second.",
            ["growth 1.5 : company", "growth 2.7 : company"],
        ),
        (
            "Organic sales growth accelerated to 2.7% in the second half from 1.5% in the first.",
            ["growth 2.7 : company", "growth 1.5 : company"],
        ),
        (
            "For the full year, SIBG grew 3.2% with growth accelerating from 2.5% in the first "
            "half to 3.9% in the second half.",
            ["growth 3.2 : SIBG", "growth 2.5 : SIBG", "growth 3.9 : SIBG"],
        ),
        (
            "Organic growth improved to 5% in the quarter from 3% in the prior quarter.",
            ["growth 5 : company", "growth 3 : company"],
        ),
        # a figure of guidance, another measure's growth, a sign said in words, an amount, a
        # range (its top no one figure, a part named after it or not): none is a rate's move
        (
            "Our Electrical Global organic growth is accelerating, up to about 7% in our 2025 "
            "guidance from 4% last year.",
            ["growth 4 : Electrical Global"],
        ),
        ("EPS growth accelerated from 5% to 9%.", []),
        ("Volume growth improved to 5% in the quarter from 3% in the prior quarter.", []),
        ("Our gross margin expanded from 40% to 42%.", []),
        ("Growth accelerated from negative 2% to 3%.", []),
        ("We expect revenue growth of 5% to 8%.", []),
        ("We expect 15% to 20% organic revenue growth in our Hospital business in fiscal '22.", []),
    ],
    "looking at a thing is no condition, and a customer group is a part": [
        (
            "If I just look at the highlights, our data center business grew 14% sequentially.",
            ["growth 14 sequential : data center business"],
        ),
        (
            "Our HVAC customer group continues to deliver strong growth with an increase of 10% "
            "in the quarter.",
            ["growth 10 : HVAC customer group"],
        ),
        # a condition still hedges, as does a look at a period or a group not named a part;
        # customers counted are no part
        ("If we grow 5%, margins would expand.", []),
        (
            "If we look at Q2 performance for the big three, organic revenues increased 7%.",
            [],
        ),
        ("Our customer count grew 10%.", []),
    ],
    "guidance said unchanged with an adverb between, and a name opening with New": [
        (
            "Therefore, our adjusted EPS guidance for New BD remains operationally unchanged.",
            ["guidance reiterated"],
        ),
        ("Our guidance remains otherwise unchanged.", ["guidance reiterated"]),
        # new guidance is guidance changed, no guidance kept
        ("Our new guidance remains at $5 billion.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_forty_first_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_total_modelled_is_a_forecast() -> None:
    """ "From a modeling standpoint, we've incorporated a total sales increase in the area of
    14%": a forecast, as "we expect" says one; a growth that happened stays one."""
    (modelled,) = read_words(
        "And from a modeling standpoint, we've incorporated a total sales increase in the area "
        "of 14% on a pro forma constant currency basis."
    )
    assert (modelled.value, modelled.forward) == (0.14, True)
    (done,) = read_words("Our 3D modeling software revenue grew 10%.")
    assert (done.value, done.forward) == (0.10, False)
