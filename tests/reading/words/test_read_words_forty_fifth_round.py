"""The forty-fifth round's rules, found on the calls the forty-fourth round had scored unread
(set S), once scored, and checked on the sets read before:

- a basis said right after a growth is lent to a parallel figure that says only its period
  after it ("up 9% year over year in the quarter and 7% for the year"), but a quarter's basis
  never to a year's figure ("up 9% sequentially, and 7% for the year");
- figures listed with an article between them ("a 5% and an 8% increase in X and Y per
  employee, respectively") are one list that "respectively" pairs: where its names do not
  pair, neither figure is read;
- a base that is an amount of revenue in a quarter of a year named ("17.6% higher than net
  sales of $1.81 billion in the 2024 fourth quarter") is the year before;
- the way a measure is taken ("on a foreign currency adjusted basis") names no part, before the
  verb or before the part it is of ("Net sales on a currency adjusted basis for the Energy
  segment");
- a growth said in sales that lead to a part ("grew 53% in retail sales headlined by X") is no
  part's after it;
- a share said of the very part it names ("25% of Lando sales were new to the category") is a
  share of that part's sales, no part of revenue;
- "ADV" (average daily volume) is a measure that is not revenue, and "ex special EPS" is the
  EPS's, a word of leaving out that stands before it and after no revenue;
- a bare verb of an infinitive ("allowed us to deliver sales growth of 8%") names no part;
- sales outside a place, or to customers in or outside one, are that place's revenue ("Net sales
  to customers outside the U.S.", "Sales to customers in Europe"); outside anything else
  ("outside our core business") names no part.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a basis is lent to a parallel figure that says only its period": [
        (
            "Payments revenue increased 11% year over year in the quarter and 6% for the year.",
            ["growth 11 yoy : Payments", "growth 6 yoy : Payments"],
        ),
        (
            "By segment, Retail led growth with revenue increasing 12% year-over-year during the "
            "quarter and 8% for the full year, its best year since 2019.",
            ["growth 12 yoy : Retail", "growth 8 yoy : Retail"],
        ),
        # a quarter's basis is no year's
        (
            "Revenue increased 4% sequentially, and 9% for the year.",
            ["growth 4 sequential : company", "growth 9 : company"],
        ),
    ],
    "figures listed with an article are one list that respectively pairs": [
        (
            "We also saw a 4% and a 9% increase in annual revenues and operating profit per "
            "associate, respectively.",
            [],
        ),
        (
            "Product and service revenues grew 7% and 3%, respectively.",
            ["growth 7 : product", "growth 3 : service"],
        ),
    ],
    "an amount of revenue in a quarter of a year named is the year before": [
        (
            "Net sales were $3.1 billion for the 2025 third quarter, 12.4% higher than net "
            "sales of $2.76 billion in the 2024 third quarter.",
            ["growth 12.4 yoy : company"],
        ),
        # an amount reached is no base
        ("Revenue grew 10% to more than $5 billion in 2024.", ["growth 10 : company"]),
    ],
    "the way a measure is taken names no part": [
        (
            "Net sales on a foreign currency adjusted basis increased 9.2% in the third quarter.",
            ["growth 9.2 : company"],
        ),
        (
            "Net sales on a currency adjusted basis for the Beverages segment increased 6.5% in "
            "the third quarter.",
            ["growth 6.5 : Beverages segment"],
        ),
        (
            "Net sales on a foreign currency neutral basis increased 3.3%.",
            ["growth 3.3 : company"],
        ),
    ],
    "a growth said in sales that lead to a part is no part's after it": [
        ("The Classic line grew by 31% in retail sales headlined by Classic Blue.", []),
        ("Sales grew 12% led by Classic Blue.", ["growth 12 : company"]),
    ],
    "a share of the very part it names is no part of revenue": [
        (
            "Also 25% of Nova sales were new to the category and 25% of Nova sales were new to "
            "consumers.",
            [],
        ),
        ("Services were 25% of Nova sales.", ["share 25 : Services"]),
    ],
    "measures that are not revenue, however said": [
        ("International domestic ADV decreased 2.5% compared to last year.", []),
        ("Acme ex special EPS for the year was $4.10, up 9%.", []),
        # a word of leaving out after revenue leaves its object out, as before
        ("Net revenues excluding these proceeds were up 4%.", ["growth 4 : company"]),
    ],
    "a bare verb of an infinitive names no part": [
        (
            "Their hard work allowed us to deliver sales growth of 6.4% this quarter.",
            ["growth 6.4 : company"],
        ),
        (
            "Our teams helped us to generate revenue growth of 3% in the year.",
            ["growth 3 : company"],
        ),
    ],
    "sales outside a place, or to customers in or outside one, are that place's": [
        (
            "Net sales to customers outside the U.S. increased 21.5% to $640 million.",
            ["growth 21.5 : outside the U.S."],
        ),
        (
            "Our net sales to customers outside the United States were approximately 38% of "
            "total net sales in the quarter.",
            ["share 38 ~ : outside the United States"],
        ),
        ("Sales to customers in Europe increased 14%.", ["growth 14 : Europe"]),
        ("Sales outside of China grew 5%.", ["growth 5 : outside of China"]),
        # outside anything but a place, and sales to a customer, name no part
        ("Revenue outside our core business grew 5%.", []),
        ("Sales to Apple increased 14%.", []),
        ("Sales to customers increased 14%.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_forty_fifth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
