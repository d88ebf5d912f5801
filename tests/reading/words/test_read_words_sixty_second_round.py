"""The sixty-second round's rules, found on two sets of calls labelled blind in round 60 and kept
unread until this round (BI, the fifth source; BJ, ECTSum), on a random sample of the reader's
reads over ECTSum and on its changed reads over ECTSum and the fifth source:

- a basis said between a noun of change and its object leaves the object the figure's ("an 8%
  increase year-over-year in average full-time active students": the students', no revenue);
- a page named in a second opening frame names no part ("For year-over-year comparison, on
  Page 6, revenue grew by 2.3%");
- same-store revenue is comparable sales, as same-store sales are, and comparable sales
  "accelerated to" a figure grew by it; said "with" after a growth said against the year
  before, they are against it too;
- "face" and "double" are no names ("on the face of a 39% revenue growth", "more than double
  the 7.3% growth");
- "multifamily" and "single-family" are no adverbs;
- guidance given "for our first quarter" is given for a period named;
- guidance reinstated in a clause of when is an act of before ("when we reinstated guidance
  with our second quarter earnings announcement").

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a basis between a noun of change and its object": [
        (
            "The UTI division generated an 8% increase year-over-year in average full-time "
            "active students for the full year.",
            [],
        ),
        (
            "The UTI division generated an 8% increase year-over-year in revenue.",
            ["growth 8 yoy : UTI division"],
        ),
    ],
    "a page in a second opening frame": [
        (
            "For year-over-year comparison, on Page 6, revenue grew by 2.3% to reach TWD 237.5 "
            "billion for the whole year of 2025.",
            ["growth 2.3 yoy : company"],
        ),
        (
            "In looking at fourth quarter results, beginning with gross billings in constant "
            "currency, Mattel grew 6%.",
            [],
        ),
    ],
    "same-store revenue, accelerated to a figure": [
        (
            "Second quarter same-store revenue accelerated significantly to 14.7% "
            "year-over-year, more than double the 7.3% growth produced in the first quarter.",
            ["growth 14.7 yoy : same-store revenue"],
        ),
        (
            "Same-store revenues declined 4.9% in the third quarter, while expenses were down "
            "1.3%.",
            ["growth -4.9 : Same-store revenues"],
        ),
        ("Same-store revenue accelerated in the quarter, and margins were 30%.", []),
        (
            "Revenue for the quarter was $35 million, a 17.8% decline versus the prior year "
            "quarter, with same-store revenue down approximately 22%.",
            ["growth -17.8 yoy : company", "growth -22 yoy ~ : same-store revenue"],
        ),
        ("Sales were up 5%, with comps up 3%.", ["growth 5 : company", "growth 3 : comps"]),
    ],
    "face and double name nothing": [
        ("And that's on the face of a 39% revenue growth in 2025 and 27% in 2024.", []),
    ],
    "multifamily is no adverb": [
        (
            "This growth was driven primarily by our multifamily revenue, which grew 63% "
            "year-over-year.",
            ["growth 63 yoy : multifamily"],
        ),
        (
            "In Rentals, Q4 revenue was up 45% year-over-year, driven by 63% growth in "
            "multifamily revenue.",
            ["growth 45 yoy : Rentals", "growth 63 yoy : multifamily"],
        ),
    ],
    "guidance for our period, reinstated before": [
        ("We are providing guidance for our first quarter of 2026.", ["guidance introduced"]),
        (
            "And then when we reinstated guidance with our second quarter earnings announcement, "
            "we believe it was the right thing to do.",
            [],
        ),
        ("Today we reinstated our guidance for 2021.", ["guidance introduced"]),
        (
            "We thought it was particularly important that we reinstate guidance to give "
            "investors a better idea.",
            ["guidance introduced"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_sixty_second_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
