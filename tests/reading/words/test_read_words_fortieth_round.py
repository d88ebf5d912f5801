"""The fortieth round's rules, found on the calls the thirty-ninth round had scored unread (set L),
once scored: a part the company names as one of its holdings ("our livestock portfolio"), a
share whose part is the channel it is sold through or the buyers it is sold to, a share opening
a clause whose verb names no part, a list opened by "including" or "led by", a part after
"including" with "up" of its own, revenue grown in a part named as the verb's object, and five
gates of precision (a count of new things before a growth, a subject a number before its name
counts, a growth named by the acquisitions it came from, a growth after another said with what
it came from, a volume of cases or an installed base). Made-up sentences, each beside what it
states as test_read_words_classes.py writes it ([] where nothing may be read), with a
counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a part the company names as one of its holdings is a part it speaks of": [
        (
            "Our livestock portfolio had another strong year. International livestock grew 12% "
            "on an organic operational basis in the quarter.",
            ["growth 12 : International livestock"],
        ),
        (
            "We are pleased with our companion animal franchise. Companion animal grew 5% "
            "operationally, reflecting the strength of our portfolio.",
            ["growth 5 : Companion animal"],
        ),
        # without the holding named, a lower-case name grows in no sentence of revenue
        ("Companion animal grew 5% operationally, reflecting our portfolio.", []),
        # a bank's balances and a profit are no line: "our loan portfolio", "our operating
        # segment"
        ("Our loan portfolio is strong. Loan grew 5% sequentially.", []),
        ("We are proud of our polymer business. Polymer operating increased 100%.", []),
    ],
    "a share's part may be the channel it is sold through, named in lower case": [
        (
            "And 90% of our revenue is driven through branded suppliers.",
            ["share 90 : branded suppliers"],
        ),
        (
            "As a reminder, 75% of our sales are to two-step distribution.",
            ["share 75 : two-step distribution"],
        ),
        ("About 40% of our sales are through distributors.", ["share 40 ~ : distributors"]),
        # a name is a customer's, and "is to be" is a time to come
        ("About 15% of our revenue is sold to Apple.", []),
        ("About 15% of our sales are to the U.S. government.", []),
        ("About 30% of our revenue is to be recognized next year.", []),
        # buyers of a kind are a cohort of customers, no channel
        ("About 53% of our third quarter sales were to first-time buyers.", []),
    ],
    "a clause opening with a share's figure names no part of its own": [
        ("About 30% of our sales come from Europe.", ["share 30 ~ : Europe"]),
        ("Today, 40% of our revenue is generated in Asia.", ["share 40 : Asia"]),
        # a place and a part the clause's own subject names are still no one's
        ("Revenue for the Manpower brand in the U.S. grew 5%.", []),
    ],
    "a growth said of a count of new things is the count's": [
        (
            "Innovation is the lifeblood of the company, and we successfully launched 284 new "
            "products in 2025, up 68% versus last year.",
            [],
        ),
        ("We opened 12 new stores, up 20%.", []),
        # an amount is revenue's
        ("Sales were $2.1 billion, up 5%.", ["growth 5 : company"]),
    ],
    "a growth of a subject counted by a number before its name is the count's": [
        (
            "Our brands continue to outperform, and our portfolio of over 420 extended-stay "
            "hotels grew 6% year-over-year in the third quarter.",
            [],
        ),
        # a quarter, a year and an amount count nothing
        ("Q1 AI networking revenue grew 60% year-on-year.", ["growth 60 yoy : AI networking"]),
        ("In 2025 Europe grew 6%.", ["growth 6 : Europe"]),
        (
            "Fiscal '21 recurring revenues increased 10% to $3.3 billion.",
            ["growth 10 : recurring"],
        ),
    ],
    "a growth named by the acquisitions it came from is a component": [
        (
            "Sales increased 4.3%, driven by organic growth of 5% and acquisition growth of 1%.",
            ["growth 4.3 : company", "alt 5"],
        ),
        (
            "Revenue grew 8%, with acquisitions contributing 3%.",
            ["growth 8 : company"],
        ),
    ],
    "cases shipped and an installed base are no revenue": [
        ("Local case growth in our International segment was up 4.5% in the period.", []),
        ("Our premium instrument installed base expanded 12% year-over-year.", []),
        (
            "Revenue in our International segment was up 4.5% in the period.",
            ["growth 4.5 : International segment"],
        ),
    ],
    "a list a growth goes on with may open with including or led by": [
        (
            "Organic revenue grew 12%, including CAG 13%, Water 10% and LPD 4%.",
            ["growth 12 : company", "growth 13 : CAG", "growth 10 : Water", "growth 4 : LPD"],
        ),
        (
            "Organic revenue grew 12%, led by CAG at 13%, Water at 10% and LPD at 4%.",
            ["growth 12 : company", "growth 13 : CAG", "growth 10 : Water", "growth 4 : LPD"],
        ),
        # what drove the whole is no item of it
        ("Revenue grew 12%, including acquisitions 3%.", ["growth 12 : company"]),
        ("Revenue grew 12%, led by price at 4%.", ["growth 12 : company"]),
        ("Revenue grew 12%, including 3% from acquisitions.", ["growth 12 : company"]),
    ],
    "a growth after another, said with what it came from, is a component": [
        (
            "Sales in Mexico increased by 22% in the quarter, 5% from B2B, while direct selling "
            "grew on higher engagement.",
            ["growth 22 : Mexico"],
        ),
        ("Revenue grew 10%, 4% from new customers.", ["growth 10 : company"]),
        # a period or a base it is against is no source
        (
            "Revenue grew 10% sequentially, 12% from a year ago.",
            ["growth 10 sequential : company", "growth 12 yoy : company"],
        ),
        (
            "Third-quarter revenue was up 17 percent from the prior-year quarter and 23 percent "
            "from the linked quarter.",
            ["growth 17 yoy : company", "growth 23 sequential : company"],
        ),
    ],
    "a part after including with up or down of its own is that figure's subject": [
        (
            "Revenue grew 12%, including Europe up 13%.",
            ["growth 12 : company", "growth 13 : Europe"],
        ),
        # a clause's verb after the included part is the whole's
        ("Revenue including Europe was up 13%.", ["growth 13 : company"]),
    ],
    "revenue grown in a part, named as the verb's object, is that part's": [
        (
            "Our teams grew revenue in our residential end market by approximately 2% in the "
            "quarter, primarily driven by our waterworks business.",
            ["growth 2 ~ : residential end market"],
        ),
        ("We grew sales in our Industrial segment by 5%.", ["growth 5 : Industrial segment"]),
        ("We grew revenue in our business by 5%.", ["growth 5 : company"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_fortieth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
