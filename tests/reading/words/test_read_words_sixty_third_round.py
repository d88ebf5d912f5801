"""The sixty-third round's rules, found on two sets of calls labelled blind in round 61 and kept
unread until this round (BK, the fifth source; BL, ECTSum) and on the reader's changed reads over
ECTSum and the fifth source:

- a speaker's label opening a line ("Speaker 1:") names nothing;
- "Keep in mind," frames nothing;
- a growth that "remains at" its figure is that figure, as one that "was" it;
- rooms are counted, no revenue of their own;
- "global net revenue", as "global revenue", is the whole's (no market's as a whole);
- a growth a result led to, "in" revenue that only total or consolidated words qualify, is the
  whole's ("resulted in 7% growth in consolidated total revenues");
- a growth "above" its figure is bounded by it ("revenue growth above 30%").

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a speaker's label names nothing": [
        ("Speaker 1: Total revenue increased 18%.", ["growth 18 : company"]),
        ("Speaker revenue increased 18%.", ["growth 18 : Speaker"]),
    ],
    "keep in mind frames nothing": [
        (
            "Keep in mind, our top five states are important to us, representing 71% of our "
            "revenue.",
            ["share 71 : top states"],
        ),
    ],
    "a growth that remains at its figure": [
        ("Year-to-date, our organic growth remains at 20%.", ["growth 20 : company"]),
        ("Our gross margin remains at 20%.", []),
    ],
    "rooms are counted": [
        ("Rooms growth was 6.7% in the quarter.", []),
        ("Our rooms revenue increased 5% year over year.", ["growth 5 yoy : rooms"]),
    ],
    "global net revenue is the whole's": [
        (
            "For the full year, global net revenues was $266.3 million, representing a 32% "
            "increase over 2023.",
            ["growth 32 yoy : company"],
        ),
        ("In the market, global car sales fell 5%.", []),
    ],
    "a growth a result led to, in the whole's revenue": [
        ("This resulted in 7% growth in consolidated total revenues.", ["growth 7 : company"]),
        ("This resulted in 7% growth in aftermarket revenues.", ["growth 7 : aftermarket"]),
        ("This resulted in 7% growth in the quarter.", []),
    ],
    "a growth above its figure": [
        ("We delivered revenue growth above 30%.", ["growth 30 > : company"]),
        ("Revenue growth above the market rate of 5% helped.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_sixty_third_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
