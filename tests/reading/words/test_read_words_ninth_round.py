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
    "a pair of measures with respectively gives revenue its figure": [
        (
            "Our Pacific segment delivered growth in both bookings and revenue, up 36% and 9%, "
            "respectively.",
            ["growth 9 : Pacific segment"],
        ),
        ("Orders and revenue were up 12% and 8%, respectively.", ["growth 8 : company"]),
        ("Gross margin and sales increased 2% and 8%, respectively.", ["growth 8 : company"]),
        # two measures that are no revenue; revenue of a place the pair does not give
        ("EBITDA and operating income increased 2% and 8%, respectively.", []),
        ("Orders and revenue in Europe were up 12% and 8%, respectively.", []),
        (
            "The team delivered growth in both bookings and revenue, up 36% and 9%, respectively.",
            [],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(GROWTH_MISSED))
def test_a_parts_growth_missed_before_is_read(text: str, expected: list[str]) -> None:
    _check(text, expected)
