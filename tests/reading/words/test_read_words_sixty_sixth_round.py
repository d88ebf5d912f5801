"""The sixty-sixth round's rules, found on the bases the read sets' labels give and the reader
did not (a value read right but for its basis counts as missed and invented at once), on two sets
of calls labelled blind in round 64 and kept unread until this round (BQ, the fifth source; BR,
ECTSum), and on the reader's changed reads over ECTSum and the fifth source:

- the parts a growth is made of, said after "reflecting" or "with" before their figures, are
  against the growth's basis ("Q3 revenue increased 4% year-over-year, reflecting a 4% increase
  in Golf Clubs"), unless their own words name a period of a year ("with 6% growth in the first
  quarter of 2020");
- a growth "and N% for the full year 2025" after one against the year before is against it too;
- a year said bare after a figure and "to", ending its clause, is a base ("up 15% to 2020"), as is
  "to the same period in 2019" (its own, two years back: none, read in its document);
- a judgment opening a sentence ("it is encouraging that we had …") leaves the clause after
  "that" the one said.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "the parts of a growth are against its basis": [
        (
            "In Golf Equipment, Q3 revenue increased 4% year-over-year to $305 million, reflecting "
            "a 4% increase in Golf Clubs and a 6% increase in Golf Balls.",
            [
                "growth 4 yoy : Golf Equipment",
                "growth 4 yoy : Golf Clubs",
                "growth 6 yoy : Golf Balls",
            ],
        ),
        (
            "In For Sale, revenue grew 11% year-over-year in Q4 with 8% growth in residential "
            "revenue and 39% growth in mortgages revenue.",
            ["growth 8 yoy : residential", "growth 39 yoy : mortgages"],
        ),
        (
            "Asia Pacific was up 8%, a strong rebound from the fourth quarter, and comes on top "
            "with 6% growth in the first quarter of 2020.",
            ["growth 8 sequential : Asia Pacific", "growth 6 : Asia Pacific"],
        ),
    ],
    "a growth for the full year after one against the year before": [
        (
            "As a result, Rentals revenue grew 45% year-over-year in Q4 and 39% for the full year "
            "2025.",
            ["growth 45 yoy : Rentals", "growth 39 yoy : Rentals"],
        ),
        (
            "Revenue grew 9% sequentially and 7% for the full year 2025.",
            ["growth 9 sequential : company", "growth 7 : company"],
        ),
    ],
    "a year bare after a figure and to": [
        (
            "In the second quarter of 2021, apparel sales were up 15% to 2020.",
            ["growth 15 yoy : apparel"],
        ),
        ("Reflecting back to 2021, we achieved organic growth of 10%.", ["growth 10 : company"]),
    ],
    "a judgment opening a sentence": [
        (
            "But it is encouraging that we had an organic growth of 6% during Q4.",
            ["growth 6 : company"],
        ),
        ("It is encouraging that margins grew 5%.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_sixty_sixth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
