"""The ninth round's classes of calls never seen (a part's growth that is missed):
made-up sentences, each beside what it states as test_read_words_classes.py writes it, or
nothing where no rule says whose a figure is."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

GROWTH_MISSED: dict[str, list[tuple[str, list[str]]]] = {
    "a measure's qualifier before its growth after an amount": [
        ("Revenue was $7.3 billion with organic growth of 12%.", ["growth 12 : company"]),
        (
            "For the first half, Brokerage's revenue was $2.1 billion with underlying growth "
            "of 9%.",
            ["growth 9 : Brokerage"],
        ),
        ("Sales were $410 million with operational growth of 4%.", ["growth 4 : company"]),
        # a measure that is no revenue keeps its growth
        ("Operating income was $3 billion with underlying growth of 12%.", []),
        ("We had strong volumes with organic growth of 5%.", []),
    ],
    "a part that reported its growth, or grew its underlying revenue": [
        (
            "On a positive note, Coatings & Resins reported record organic growth of 6% in the "
            "quarter.",
            ["growth 6 : Coatings & Resins"],
        ),
        ("Field Services grew underlying revenue 14%.", ["growth 14 : Field Services"]),
        ("We reported record organic growth of 6%.", ["growth 6 : company"]),
        # a period after a growth is no part on a list
        (
            "Field Services grew revenue 25%, the second consecutive quarter in excess of 20%.",
            ["growth 25 : Field Services"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(GROWTH_MISSED))
def test_a_parts_growth_missed_before_is_read(text: str, expected: list[str]) -> None:
    _check(text, expected)
