"""What fooled the reader of words on a sixth round of calls never seen, class by class, in
made-up sentences written in their manner; each beside what it states, in the words of
test_read_words_classes.py ("growth 9 yoy : Brazil", "share 80 : Pumps", or nothing). Precision
first: where a rule cannot say whose a figure is, or against what, the sentence gives nothing."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _cases, _check

ONE_BASIS: list[tuple[str, list[str]]] = [
    # a basis said once at the sentence's end scopes each figure that names none of its own
    (
        "In our Pumps segment, sales were up 22% and adjusted operating margins were down 230 "
        "basis points to 6.9% when compared with the third quarter of 2020.",
        ["growth 22 yoy : Pumps segment"],
    ),
    (
        "Fiscal first quarter sales were up 13% to $4.95 billion and consolidated adjusted "
        "EBITDA increased 2% year over year to $680 million.",
        ["growth 13 yoy : company"],
    ),
    (
        "In Valves, revenues increased 7%, and adjusted operating earnings were up 2% versus "
        "the third quarter of 2020.",
        ["growth 7 yoy : Valves"],
    ),
    # … or at its start, in a frame opened by "when compared"
    (
        "When compared with 2020, third quarter net sales were up 16% with adjusted operating "
        "margins of 15.5%.",
        ["growth 16 yoy : company"],
    ),
    # a figure with its own basis keeps it
    (
        "Revenue grew 8% sequentially, and Valves sales rose 5% year over year.",
        ["growth 8 sequential : company", "growth 5 yoy : Valves"],
    ),
    # a contrast or a semicolon bounds it
    (
        "Valves revenue improved 11%, while sales to our commercial markets increased 21% "
        "year-over-year.",
        ["growth 11 : Valves", "growth 21 yoy : commercial markets"],
    ),
    ("Sales were up 12%; orders grew 20% year-over-year.", ["growth 12 : company"]),
    # a base set aside as two years back is no basis to take from the sentence's end
    (
        "Revenue grew 8% versus 2019, and Valves sales rose 5% year over year.",
        ["growth 8 : company", "growth 5 yoy : Valves"],
    ),
    # a period of months of a named year is a base
    (
        "With 2021 net sales up 39% when compared with the first nine months of 2020, margins "
        "improved.",
        ["growth 39 yoy : company"],
    ),
]

FISCAL_YEARS: list[tuple[str, list[str]]] = [
    # a fiscal year named as a base is a year: the year before the latest is no year before
    (
        "Fourth quarter sales were $16.1 billion, an increase of 82% from the same quarter in "
        "fiscal 2020 and a 4.3% increase from the same quarter in fiscal 2019.",
        ["growth 82 yoy : company", "growth 4.3 : company"],
    ),
    (
        "Valves was up 45.3% versus fiscal 2020 and up 20.9% versus the same quarter in fiscal "
        "2019.",
        ["growth 45.3 yoy : Valves", "growth 20.9 : Valves"],
    ),
    (
        "For the fourth quarter, international sales were up 83.4% versus fiscal 2020, but down "
        "14.6% versus fiscal 2019.",
        ["growth 83.4 yoy : international", "growth -14.6 : international"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _cases(ONE_BASIS))
def test_a_basis_said_once_scopes_the_figures_that_say_none(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(FISCAL_YEARS))
def test_a_fiscal_year_named_as_a_base_is_a_year(text: str, expected: list[str]) -> None:
    _check(text, expected)
