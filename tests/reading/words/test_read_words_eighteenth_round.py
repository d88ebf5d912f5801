"""The eighteenth round's rules. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a subordinate clause that opens a sentence names no subject of the main clause": [
        (
            "As Anna has discussed, revenue for the fourth quarter totaled $171.7 million, an "
            "increase of 142% from the fourth quarter of 2019.",
            ["growth 142 yoy : company"],
        ),
        (
            "And if we exclude the paper business, third quarter revenue grew by 14% as compared "
            "to last year.",
            ["growth 14 yoy : company"],
        ),
        (
            "When comparing on a pro forma basis, revenues increased 51% year over year.",
            ["growth 51 yoy : company"],
        ),
        # a clause that names a part before, or another measure, or a frame said so
        (
            "Although reduced travel continues to weigh on this segment, revenue improved 3.6% on "
            "a sequential basis.",
            [],
        ),
        (
            "Although new customer numbers are lower than the peak, we had significant growth "
            "of 56% compared to 2019.",
            [],
        ),
        (
            "As for our Network segment, revenue grew 3% in the quarter.",
            ["growth 3 : Network segment"],
        ),
    ],
    "a multiple said with a hyphen is the multiple": [
        ("Cloud revenue increased three-fold year over year.", ["growth 200 yoy : Cloud"]),
        ("We grew our customer count three-fold.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_eighteenth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
