"""The sixty-fifth round's rules, found on two sets of calls labelled blind in round 63 and kept
unread until this round (BO, the fifth source; BP, ECTSum) and on the reader's changed reads over
ECTSum and the fifth source:

- an amount in a currency named by its code is a base as one in dollars is ("up 86% from HKD 3.4
  billion in the third quarter of 2024");
- comparable sales "increased sequentially by" an amount and a figure are sequential;
- a credit rating's outlook ("a recently affirmed stable outlook from Fitch") is no guidance;
- reserves and tours are no revenue;
- premiums earned (earned premiums) are a line of an insurer's revenue, premium revenue, not
  its whole ("net premiums earned were $152 million, a decrease of 11%");
- a part named Retail is the company's part in a document that names franchisees, where its
  sentence says no retail sales ("In Retail, sales fell 1.7%").

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

# An insurer's trade words, enough for the document to be an insurer's (others_sales.py).
_INSURER = (
    "Underwriting results improved as underwriting discipline held and policyholders renewed "
    "with our underwriting teams."
)

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "an amount in a currency named by its code is a base": [
        (
            "Total revenue was HKD 6.4 billion, up 86% from HKD 3.4 billion in the third quarter "
            "of 2024.",
            ["growth 86 yoy : company"],
        ),
        (
            "Total revenue was $6.4 billion, up 86% from $3.4 billion in the third quarter of "
            "2024.",
            ["growth 86 yoy : company"],
        ),
    ],
    "comparable sales increased sequentially by an amount": [
        (
            "Turning to SHOP operating results, same-store revenue in the third quarter increased "
            "sequentially by $13.6 million or 3.1% driven by strong occupancy growth.",
            ["growth 3.1 sequential : same-store revenue"],
        ),
        (
            "Same-store revenue increased by $13.6 million or 3.1%.",
            ["growth 3.1 : same-store revenue"],
        ),
    ],
    "a credit rating's outlook is no guidance": [
        (
            "Together, our investment-grade credit ratings, including a recently affirmed stable "
            "outlook from Fitch, position us well.",
            [],
        ),
        ("S&P affirmed our rating with a stable outlook.", []),
        ("We reaffirmed our full year outlook.", ["guidance reiterated"]),
    ],
    "reserves and tours are no revenue": [
        ("At year-end, our proved reserves in the Delaware increased 18%.", []),
        ("Their lead volume and tours were down more than 40%.", []),
        ("Revenue in the Delaware increased 18%.", ["growth 18 : Delaware"]),
    ],
    "premiums earned are a line of an insurer's revenue": [
        (
            "Our net premiums earned were $152 million, a decrease of 11% year-over-year. "
            + _INSURER,
            ["growth -11 yoy : premium"],
        ),
        (
            "Net earned premiums increased 6%. " + _INSURER,
            ["growth 6 : premium"],
        ),
        (
            "Net written premiums increased 13%. " + _INSURER,
            [],
        ),
    ],
    "a part named Retail where franchisees are named": [
        (
            "In Retail, sales fell 1.7% in the quarter. We deepen our franchisee partnerships.",
            ["growth -1.7 : Retail"],
        ),
        ("Retail sales grew 8.5% in the quarter. Our franchisees opened 90 stores.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_sixty_fifth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
