"""The sixtieth round's rules, found on two sets of calls labelled blind in round 58 and kept
unread until this round (BE, the fifth source; BF, ECTSum) and on the reader's changed reads over
ECTSum and the fifth source:

- same-shop and same-venue sales are comparable sales; so is "a comparable sales increase of
  over 14%", and comparable sales growth said to be its figure ("Comparable sales growth was
  5%");
- guidance moved, said in the passive in the plural ("margin expectations are maintained at
  11.4% to 11.6%"), is moved; not a move of before ("were raised last quarter") nor another's
  ("Consensus estimates were raised");
- a named part's revenue opening a sentence with its verb of change ("The Americas net revenues
  were up 9%") opens that part's section: a channel alone after it ("with DTC up 10% and
  wholesale up 8%") is that part's, a place after it its own; a place after a channel of the
  section is no part of it.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "same-shop and same-venue sales, a comparable sales increase of a figure": [
        (
            "System same-shop sales growth was 6.1%, driven by transaction growth of 4%.",
            ["growth 6.1 : System same-shop sales"],
        ),
        ("Same venue sales increased 2.4% in the quarter.", ["growth 2.4 : Same venue sales"]),
        (
            "Net sales increased 21%, underpinned by a strong comparable sales increase of over "
            "12%.",
            ["growth 21 : company", "growth 12 > : comparable sales"],
        ),
        ("Comparable sales growth was 5%.", ["growth 5 : Comparable sales"]),
        ("Comparable sales were 5% of our total.", []),
    ],
    "guidance moved in the passive, plural": [
        ("Margin expectations are maintained at 9.4% to 9.6%.", ["guidance reiterated"]),
        ("Our revenue estimates were raised last quarter.", []),
        ("Consensus estimates were raised after the last call.", []),
        ("Our full year EPS outlook is increased to $2.85.", ["guidance raised"]),
    ],
    "a part's total opens its section": [
        (
            "The Americas net revenues were up 9% and the operating margin increased 270 basis "
            "points.\n"
            "We continued to see strong performance with DTC up 10% and wholesale up 8%.\n"
            "LatAm was up 18%, reflecting broad-based trends across the region.\n"
            "Europe's net revenues were up 15% in quarter 2.",
            ["growth 9 : Americas", "growth 18 : LatAm", "growth 15 : Europe"],
        ),
        (
            "Semiconductor was strong, up 20%.\nE-commerce grew approximately 30%.",
            ["growth 20 : Semiconductor", "growth 30 ~ : E-commerce"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_sixtieth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
