"""The fifty-fifth round's rules, found on two sets of calls labelled blind in round 54 and kept
unread until this round (AU, the fifth source; AV, ECTSum), and on a random sample of the
reader's reads over ECTSum:

- a sentence that opens with a named part's measure ("Industrial Systems revenue beat our
  plan.", "Retail Banking net income was up 5%") opens that part's section: the revenue the
  next sentence says with no word of whose is the part's, not the company's;
- a turn to a part said with what it did ("Turning to the Cloud segment, which had a strong
  quarter."), a speaker spending time on a part, or the results we have of a part, opens its
  section as a turn does;
- a growth said beside another measure is that measure's: after a count it represents
  ("delivered 12,400 vehicles, representing growth of 30%"), after an amount of another measure
  ("$90 million of royalties paid, up 20%"), or before a list's item said "other" of another kind
  ("; and other cost of revenue was …");
- a sentence whose subject points back ("This was growth across all regions, …", "The increases
  are in both …") and that names no revenue gives its parts no growth;
- an outlook of demand, as one of the market, is the world's, and one of repurchases is no
  guidance, nor is a guide book;
- a clause with no subject of its own ("… and is expected to grow 2% in the U.S.") is of the
  clause before's subject, GDP here, no revenue;
- a target that "remains" at a level ("Our capital ratio target remains 12%") is a goal, no
  guidance kept;
- a participle and its particle opening a sentence ("Wrapping up our sales review,") name no
  subject; "on a taxable equivalent basis" before the verb is a basis, no name; and a line
  "which is reported in" another keeps its own name;
- payers, hours, owners, grants and vaccinations are counted, an order's average value is a
  price and distributable cash flow is cash, no revenue; dollars a panel measured at retail are
  the shops' sales;
  "commensurate" is no name, nor "along" after one, nor "both" before a pair's names.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a sentence opening with a named part's measure opens its section": [
        (
            "Industrial Systems revenue beat our plan in the quarter. On a year-over-year "
            "basis, revenue declined 6% to $2.1 billion.",
            [],
        ),
        (
            "Retail Banking net income was up 5% year-over-year. Revenue of $2.2 billion was up "
            "8%, driven by higher net interest income.",
            [],
        ),
        (
            "Gross margin beat our plan in the quarter. On a year-over-year basis, revenue "
            "declined 6% to $2.1 billion.",
            ["growth -6 yoy : company"],
        ),
        (
            "Third-quarter sales were a record $1.4 billion. Organic sales growth was 17%.",
            ["growth 17 : company"],
        ),
        (
            "Foreign exchange was a 2% tailwind. Underlying sales grew 11% over prior year.",
            ["growth 11 yoy : company"],
        ),
    ],
    "a turn said with what the part did, or a speaker spending time on it": [
        (
            "Turning to the Cloud segment, which had a very strong quarter. Revenues increased "
            "by 28% to $9.1 billion.",
            [],
        ),
        (
            "I'll now spend a few minutes on Bluebird, which had a great quarter. Delivered "
            "sales increased 44% to $30 million.",
            [],
        ),
        (
            "Moving to page six, we have the results of our Electrical Europe segment. "
            "Revenues were up 7%.",
            [],
        ),
        (
            "Turning to the quarter, which was strong. Revenues increased by 28% to $9.1 billion.",
            ["growth 28 : company"],
        ),
    ],
    "a growth said beside another measure is that measure's": [
        ("In Q2, the company delivered 12,400 vehicles, representing growth of 30%.", []),
        ("And in Q3, we paid $90 million of royalties, up 20%, a new record.", []),
        (
            "Hardware was $4.1 billion, up 12%; and other cost of revenue was $7.3 billion, up 9%.",
            [],
        ),
        (
            "In Q2, the company delivered revenue of $1.2 billion, representing growth of 30%.",
            ["growth 30 : company"],
        ),
        (
            "Hardware was $4.1 billion, up 12%, and other revenue was $0.3 billion, up 9%.",
            ["growth 12 : Hardware", "growth 9 : other"],
        ),
    ],
    "a sentence whose subject points back names no part's growth": [
        (
            "This was growth across all regions, including Europe, 22% up year-on-year; APAC up "
            "48% year-on-year.",
            [],
        ),
        ("The increases are in both commercial loans, up 12%; and mortgages, up 18%.", []),
        (
            "This growth is further supported by a 31% year-over-year increase in our fire "
            "services.",
            ["growth 31 yoy : fire services"],
        ),
        (
            "This was revenue growth across all regions, with APAC up 48% year-on-year.",
            ["growth 48 yoy : APAC"],
        ),
    ],
    "an outlook of demand is the world's, and one of repurchases no guidance": [
        ("We are revising our copper demand outlook upwards again.", []),
        ("We are reducing our outlook for repurchases to $300 million.", []),
        ("We are gradually establishing an operational guide book for new applications.", []),
        ("We are establishing our guidance for 2026.", ["guidance introduced"]),
        ("We are revising our revenue outlook upwards again.", ["guidance raised"]),
    ],
    "a clause with no subject of its own is of the clause before's": [
        (
            "The economy has been resilient, GDP growth has been modest and is expected to "
            "grow 2.1% in the U.S. and 1.2% in Canada.",
            [],
        ),
        (
            "The economy has been resilient, sales have been strong and are expected to grow "
            "8% in the U.S.",
            ["growth 8 : U.S."],
        ),
    ],
    "a target that remains at its level is a goal": [
        ("Our capital ratio management target remains 12%.", []),
        ("Our full year outlook remains unchanged.", ["guidance reiterated"]),
    ],
    "small words: openings, bases, where a line is reported, counts": [
        (
            "Wrapping up our sales review, our coatings segment had a good quarter with sales "
            "increasing 6% over 2020.",
            ["growth 6 yoy : coatings segment"],
        ),
        (
            "Net interest income on a taxable equivalent basis of $3.1 billion increased by 2% "
            "compared with the first quarter.",
            ["growth 2 sequential : interest"],
        ),
        ("On a per account basis average revenue grew by $2.11 or 2% year-over-year.", []),
        (
            "Sales for Bluebird which are reported in corporate and other increased 31% to $40 "
            "million.",
            ["growth 31 : Bluebird"],
        ),
        (
            "Both golf club and golf ball sales increased by 24% and 52%, respectively.",
            ["growth 24 : golf club", "growth 52 : golf ball"],
        ),
        ("Payers grew 58% year-on-year, a very healthy rate.", []),
        ("AOV was up roughly 3% in Q2, driven by mix shift.", []),
        ("Our total DCF of $1.1 billion is up 3% from last year.", []),
        ("New equity grants declined 31% to approximately $150 million or 5% of revenue.", []),
        ("New owners in the quarter were 29% of sales.", []),
        ("For panel-measured dollars, we saw 11% growth in U.S. Food and 5% in Pet specialty.", []),
        (
            "The quarter was driven by a 40% sequential increase in Modules along with growth in "
            "Boards.",
            ["growth 40 sequential : Modules"],
        ),
        ("Commensurate growth with adults, up 67% year-on-year.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_fifty_fifth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_the_company_opening_with_its_own_name_opens_no_part() -> None:
    """A sentence opening with the company's own name and a measure ("Acme revenue beat our
    plan.") opens no part's section: the revenue the next sentence says alone stays the
    company's, where the caller names the company; a part's name there does open one."""
    said = "On a year-over-year basis, revenue declined 6% to $2.1 billion."
    own = read_words(f"Acme revenue beat our plan in the quarter. {said}", names=("Acme",))
    assert [(r.subject, r.value) for r in own] == [("revenue", -0.06)]
    part = read_words(f"Industrial revenue beat our plan in the quarter. {said}", names=("Acme",))
    assert part == ()
