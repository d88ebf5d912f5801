"""The forty-seventh round's rules, found on the calls labelled at its start and scored once
unread (set Z), and on the shares the sets read before still missed:

- an owner in lower case right before revenue ("at-home's revenue growth", "the segment's
  sales") says the figure is no revenue of the company's whole;
- "reflect" ends a noun phrase read back ("Results reflect higher asset management revenues,
  which increased 8%" is asset management's);
- guidance named by a frame, then said unchanged by its pronoun ("On the guidance, it hasn't
  changed") is reiterated;
- a growth said to be what an amount of revenue made represents ("delivered $2.96 billion in
  revenue …, representing 12% growth") is the company's;
- a share said in a relative clause set off by its comma ("…, which is roughly 50% of our
  revenue") states what is, whatever the sentence around it hedges or negates;
- a verb before a determiner ends a noun phrase read back ("expanded our online presence,
  which now represents over 20% of our sales"), save a verb of outdoing, whose object is
  another's ("outpaced the estimated market decline of 0.2%").

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "an owner in lower case says the revenue is no company's whole": [
        (
            "You will see that vacuum's revenue growth in the quarter was up 13%, strong in pumps.",
            [],
        ),
        ("The segment's revenue growth in the quarter was up 13%.", []),
        ("Our customers' sales grew 13% this year.", []),
        # a time's or the company's own owns nothing
        ("Last year's revenue grew 13%.", ["growth 13 : company"]),
        ("The company's revenue grew 13%.", ["growth 13 : company"]),
        # a part named is still read from its own words
        (
            "By category, men's revenue increased 8% versus last year and women's increased 6%.",
            ["growth 8 yoy : men", "growth 6 : women"],
        ),
    ],
    "reflect ends a noun phrase read back": [
        (
            "Results reflect higher asset management revenues, which increased 8% year over year.",
            ["growth 8 yoy : asset management"],
        ),
    ],
    "guidance named by a frame and said unchanged by its pronoun is reiterated": [
        ("On the guidance, it hasn't changed.", ["guidance reiterated : company"]),
        ("As for our full-year outlook, it remains unchanged.", ["guidance reiterated : company"]),
        ("On the pricing, it hasn't changed.", []),
    ],
    "a growth that revenue made represents is the company's": [
        (
            "We continue to reach more patients and delivered $2.96 billion in revenue in the "
            "second quarter, representing 12% growth versus Q2 2024.",
            ["growth 12 yoy : company"],
        ),
        # "representing" after no amount made keeps its subject
        (
            "Services revenue was $5 million, representing 12% growth.",
            ["growth 12 : Services"],
        ),
    ],
    "a share in a relative clause states what is whatever the sentence hedges": [
        (
            "I think we did not anticipate that we would see recovery in the residential market, "
            "which is roughly 50% of our revenue.",
            ["share 50 ~ : residential market"],
        ),
        # a goal's figure in the relative clause is still no share
        ("We would expand software, which is 20% of our revenue goal.", []),
        # a hedge inside the relative clause still hedges it
        ("We sold the software business, which would be about 11% of revenue.", []),
        ("We would expect recovery in residential to be about 50% of our revenue.", []),
    ],
    "revenue made said with the company's modifiers before it": [
        (
            "In the first quarter, we achieved our highest ever quarterly revenue of $1.48 "
            "billion, representing 12% year-over-year growth.",
            ["growth 12 yoy : company"],
        ),
    ],
    "parts said together then all give no one's figure": [
        ("Cloud, networking and enterprise revenues all grew more than 15% in the quarter.", []),
        (
            "Europe, Asia and the Americas all grew 12%.",
            ["growth 12 : Europe", "growth 12 : Asia", "growth 12 : Americas"],
        ),
        (
            "Networking and enterprise revenues grew more than 15% in the quarter.",
            ["growth 15 > : Networking and enterprise"],
        ),
    ],
    "a verb before a determiner ends a noun phrase": [
        (
            "We have significantly expanded our online presence, which now represents over 20% "
            "of our sales.",
            ["share 20 > : online presence"],
        ),
        (
            "Organic sales grew 2%, which outpaced the estimated market decline of 0.2%.",
            ["growth 2 : company"],
        ),
        # a verb that links its relative clause to the phrase before it ends nothing
        (
            "Our recurring revenue, which represents the combination of chemistry products and "
            "service revenue, increased by 5% in the quarter.",
            [],
        ),
    ],
    "a share's part named bare after its verb of being": [
        ("Over 90% of our revenue is consumables.", ["share 90 > : consumables"]),
        ("About 30% of our sales are aftermarket parts.", ["share 30 ~ : aftermarket parts"]),
        ("About 30% of our revenue is tied to housing.", []),
        ("About 30% of our sales were lower.", []),
        ("Both adjusted EBITDA and the 21.1% of revenue were records.", []),
        ("About 30% of our revenue is expected to come from software.", []),
    ],
    "what offset a growth is said over its basis": [
        (
            "Net sales decreased 2% year-over-year to $1.1 billion, driven by a 7% decrease in "
            "wholesale net sales, partially offset by a 1% increase in direct-to-consumer sales.",
            [
                "growth -2 yoy : company",
                "growth -7 yoy : wholesale",
                "growth 1 yoy : direct-to-consumer",
            ],
        ),
        (
            "Sales grew 5% year over year, partially offset by a 2% decline in Europe.",
            ["growth 5 yoy : company", "growth -2 yoy : Europe"],
        ),
        # its own basis stands
        (
            "Sales grew 5% year over year, partially offset by a 2% decline in Europe from the "
            "prior quarter.",
            ["growth 5 yoy : company", "growth -2 sequential : Europe"],
        ),
    ],
    "a measure's own as defined stands in the guidance it names": [
        (
            "We are increasing our full year '26 sales and EBITDA as defined guidance to reflect "
            "our strong first quarter results.",
            ["guidance raised : company"],
        ),
        ("We increased our investments in sales as the guidance allowed.", []),
    ],
    "what was added to a subject, set off by commas, is no part of its name": [
        (
            "Our medtech business, with the addition of Shockwave, delivered operational growth "
            "of 6.4% in the quarter.",
            ["growth 6.4 : medtech business"],
        ),
    ],
    "a share its subject makes from a part is the part's": [
        (
            "Our power segment generates 70% of its revenues from services as we support our "
            "install base.",
            ["share 70 : services"],
        ),
        ("We derive about 40% of our sales from China.", ["share 40 ~ : China"]),
        ("Software generated 14% of revenue in the quarter.", ["share 14 : Software"]),
    ],
    "guidance reestablished is introduced": [
        (
            "In light of these factors, we are reestablishing full-year guidance.",
            ["guidance introduced : company"],
        ),
    ],
    "an amount more than guidance named by its month or said greater is raised": [
        (
            "March guidance for net income of $1.28 billion is an $80 million improvement over "
            "our December guidance.",
            ["guidance raised : company"],
        ),
        (
            "Net interest income is now projected to be between $450 million and $550 million, "
            "$150 million greater than our previous guidance.",
            ["guidance raised : company"],
        ),
        # a result set against guidance moves none
        ("Revenue was $80 million greater than our previous guidance.", []),
        (
            "We've increased core earnings per share to $6.55 for the year, up $0.20 from our "
            "September outlook.",
            ["guidance raised : company"],
        ),
    ],
    "guidance said increasing is raised": [
        (
            "Our outlook for adjusted EPS performance is once again increasing.",
            ["guidance raised : company"],
        ),
        ("Our outlook is increasing confidence in the recovery.", []),
        ("Our outlook for adjusted EPS is now decreasing.", ["guidance cut : company"]),
        ("Our outlook for the market is increasing.", []),
        # what is higher is the confidence, no guidance; a year's growth of the guidance moves none
        (
            "Our confidence in the growth outlook for the construction management business is "
            "higher than it ever has been.",
            [],
        ),
        (
            "The low end of our guidance for adjusted earnings per share is up only slightly "
            "compared to our full-year 2020 performance.",
            [],
        ),
    ],
    "a figure said of each change of its size is no growth": [
        (
            "Every 5% increase in new issued applications above the current run rate increases "
            "policies in force by approximately 1%.",
            [],
        ),
        ("For each 10% increase in revenue, margins rise by 50 basis points.", []),
    ],
    "a habit of meeting guidance kept is no guidance kept": [
        (
            "We delivered another strong set of results, maintaining the trend of meeting or "
            "exceeding the midpoint of our guidance.",
            [],
        ),
        ("We are maintaining our guidance.", ["guidance reiterated : company"]),
    ],
    "per diems are no revenue": [("Per diems improved 5%.", [])],
    "a forecast set against a figure said before goes its way": [
        (
            "We expect MedTech adjusted operational sales growth for the full year to be closer to "
            "5% versus the 6% we referenced last quarter.",
            ["guidance cut : company"],
        ),
        # a result set against it moves no guidance
        ("Revenue grew 5% versus the 6% we referenced last quarter.", ["growth 5 : company"]),
        # the figure said before named by the month it was given, or said previously
        (
            "We now expect sales growth of 5% versus the 7% we provided in July.",
            ["growth 5 : company", "guidance cut : company"],
        ),
        (
            "We now expect sales growth of 8% versus the 7% we guided previously.",
            ["growth 8 : company", "guidance raised : company"],
        ),
    ],
    "a measure moved by an amount to a range is guidance moved": [
        (
            "We are also increasing operational sales growth by $200 million to a range of 6.3% "
            "to 6.8%.",
            ["guidance raised : company"],
        ),
        ("We increased prices by 5% to between $10 and $12.", []),
        (
            "We are reducing operational sales growth by $200 million to a range of 4% to 5%.",
            ["guidance cut : company"],
        ),
    ],
    "the parts of a growth of demand are demand's": [
        (
            "By 2040, we expect natural gas demand to grow by over 20%, with global LNG "
            "increasing by at least 75%.",
            [],
        ),
        (
            "Driven by strong demand, revenue grew 10%, with Europe up 12%.",
            ["growth 10 : company", "growth 12 : Europe"],
        ),
    ],
    "a name said with its organic growth is a line of revenue": [
        ("Hand tools grew 2% organically.", ["growth 2 : Hand tools"]),
        (
            "For the full year, we delivered 2% organic growth in engineered fastening.",
            ["growth 2 : engineered fastening"],
        ),
        ("Organic volume grew 3% in hand tools.", []),
        ("Hand tools grew 2%.", []),
        # organic said apart from the name's own figure vouches for nothing (ECTSum review)
        (
            "We've opened 100 hotels, a record level of organic expansion leading to net room "
            "growth of 7.1% in the second quarter.",
            [],
        ),
        (
            "Organic sales were up 4% in the U.S. despite 16% growth in the base period.",
            ["growth 4 : U.S."],
        ),
    ],
    "a growth for a part, then its figure, is the part's": [
        (
            "Revenue growth for Merchant Solutions was 9% in the quarter.",
            ["growth 9 : Merchant Solutions"],
        ),
        ("Revenue growth for Q4 was 9%.", []),
        ("Revenue growth in Q4 was 9%.", ["growth 9 : company"]),
    ],
    "ways of measuring a part's revenue listed before it are the part's": [
        (
            "Banking organic and adjusted revenue grew 6% and 4% respectively in the quarter.",
            ["growth 6 : Banking", "growth 4 : Banking"],
        ),
        (
            "Finally, processing organic and adjusted revenue in the quarter declined by 7% and 8% "
            "respectively.",
            ["growth -7 : processing", "growth -8 : processing"],
        ),
    ],
    "a growth of ours moved to a range is guidance moved": [
        (
            "We are also raising our currency neutral adjusted diluted EPS growth to plus 11.5% to "
            "plus 13.5%.",
            ["guidance raised : company"],
        ),
        (
            "We are lowering our organic sales growth to 2% to 3% for the year.",
            ["guidance cut : company"],
        ),
        ("We raised our prices by 5%, taking our growth to 5% to 6%.", []),
    ],
    "worldwide stands between a figure and its growth": [
        (
            "Eliquis is a core brand for Pfizer with 10% worldwide year-over-year operational "
            "growth.",
            ["growth 10 yoy : Eliquis"],
        ),
    ],
    "a participle of driving names no part": [
        ("We are pleased to have achieved 2.4% CBI fueled revenue growth in 2025.", []),
    ],
    "a part joined to what acquisitions brought names no part": [
        (
            "This growth reflects strong base business and acquisition performance growth of 11% "
            "in constant currency.",
            [],
        ),
        ("Organic and acquisition growth was 11%.", ["growth 11 : company"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_forty_seventh_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
