"""The sixty-seventh round's rules, found on a set of calls labelled blind at the round's start
(BW, ECTSum) and on the reader's changed reads over ECTSum:

- a growth said as the amount "increased to" (or "decreased to") then "or" and its figure is the
  figure's growth ("revenues of $624.4 million increased to $145.5 million or 30.4%": a level is
  no amount and a figure at once), unless the figure is of something ("or 12% of revenue": a
  share, or nothing);
- "with" then a name and a participle opens a clause whose subject is the name ("due to regional
  mix with Asia contributing 49% of global components sales": Asia's share), no tail of the words
  before it ("Customers with more than $100,000 in ARR grew 30%": the customers').

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "an amount increased to, then or and a figure": [
        (
            "Building Products quarterly revenues of $624.4 million increased to $145.5 million "
            "or 30.4%.",
            ["growth 30.4 : Building Products"],
        ),
        (
            "Our Energy segment revenues of $235.2 million decreased to $5.9 million or 2.5% as "
            "the segment has yet to recover.",
            ["growth -2.5 : Energy segment"],
        ),
        (
            "Excluding acquisitions, third quarter revenues increased to nearly $410 million or "
            "12.7% when compared to the third quarter of 2020.",
            ["growth 12.7 yoy : company"],
        ),
        ("Research and development expenses increased to $50 million or 12% of revenue.", []),
        (
            "Services revenue increased to $50 million or 12% of total revenue.",
            ["share 12 : Services"],
        ),
    ],
    "with a name and a participle": [
        (
            "This was mainly due to regional mix with Europe contributing 38% of industrial "
            "sales, up from 35% in the second quarter and 31% last year.",
            ["share 38 : Europe", "share 35 : Europe", "share 31 : Europe"],
        ),
        ("Customers with more than $100,000 in ARR grew 30%.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_sixty_seventh_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
